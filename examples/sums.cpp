// All killed in Mopti Region in 2022 and 2023, as an interval with its parts. The events come from
// the events file (region and period), each event's killed toll is reconciled on its own, and the
// tolls are added as intervals: an open-ended part makes an open-ended total, an unknown one is
// named, never read as zero.
//
// Usage: toll-sums [DATA_DIR]   (default: the examples/data directory of the source tree)
#include <toll/io/claims_csv.hpp>
#include <toll/io/events_csv.hpp>
#include <toll/reconcile/reconcile.hpp>
#include <toll/reconcile/sums.hpp>

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv)
{
    const std::string data = argc > 1 ? argv[1] : TOLL_EXAMPLES_DATA_DIR;
    const toll::claim_records claims = toll::load_claims_csv(data + "/mali-claims.csv");
    const toll::event_records events = toll::load_events_csv(data + "/mali-events.csv");
    for (const auto& e : claims.errors) std::cerr << to_string(e) << '\n';
    for (const auto& e : events.errors) std::cerr << to_string(e) << '\n';
    if (!claims.ok() || !events.ok()) return 1;

    // The events in Mopti Region whose period lies within 2022–2023.
    const toll::period years = toll::period::span(toll::date{2022, 1, 1}, toll::date{2023, 12, 31});
    std::vector<toll::event> mopti;
    for (const toll::event& e : events.values) {
        if (e.place.region == "Mopti") mopti.push_back(e);
    }
    const std::vector<std::string> ids = toll::events_within(mopti, years);

    const toll::policy policy = toll::policy::ucdp();
    const toll::reconciliation_report report = toll::reconcile(claims.values, policy);
    const toll::events_sum total = toll::sum_over_events(report, ids, toll::category::killed, toll::group::everyone());

    std::cout << "Killed (everyone) in Mopti Region, " << to_string(years) << ", under " << policy.name << ":\n";
    for (const std::string& id : ids) {
        const toll::reconciliation* r = report.find({{id}, toll::category::killed, toll::group::everyone()});
        std::cout << "  " << id << ": ";
        if (!r || !r->estimate()) {
            std::cout << "unknown, counted as [0, \u221e)\n";
            continue;
        }
        std::cout << to_string(*r->estimate()) << ", lower bound from";
        for (const auto& c : r->lower->claims) std::cout << ' ' << c;
        std::cout << '\n';
    }
    std::cout << "  total: " << (total.total ? to_string(*total.total) : std::string{"overflow or conflict"}) << '\n';
    if (!total.unknown_events.empty()) std::cout << "  (" << total.unknown_events.size() << " of the events have no known toll)\n";
}
