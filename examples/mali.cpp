// The seed events of Mali reconciled: every key (event, category, group) of the claims in
// examples/data under UCDP-like rules, as a table. `toll reconcile` prints the same results with
// the claims behind every bound.
//
// Usage: toll-mali [DATA_DIR]   (default: the examples/data directory of the source tree)
#include <toll/io/claims_csv.hpp>
#include <toll/io/events_csv.hpp>
#include <toll/reconcile/reconcile.hpp>

#include <iostream>
#include <map>
#include <string>

#include "../tools/toll/text_table.hpp"

int main(int argc, char** argv)
{
    const std::string data = argc > 1 ? argv[1] : TOLL_EXAMPLES_DATA_DIR;
    const toll::claim_records claims = toll::load_claims_csv(data + "/mali-claims.csv");
    const toll::event_records events = toll::load_events_csv(data + "/mali-events.csv");
    for (const auto& e : claims.errors) std::cerr << to_string(e) << '\n';
    for (const auto& e : events.errors) std::cerr << to_string(e) << '\n';
    if (!claims.ok() || !events.ok()) return 1;

    std::map<std::string, std::string> names;
    for (const toll::event& e : events.values) names[e.id] = e.name;

    const toll::policy policy = toll::policy::ucdp();
    const toll::reconciliation_report report = toll::reconcile(claims.values, policy);

    using enum toll_cli::align;
    toll_cli::text_table table{{left, left, left, left, right, left}};
    table.add({"event", "category", "group", "estimate", "best", "status"});
    for (const toll::reconciliation& r : report.results) {
        std::string event;
        for (const auto& id : r.key.events) event += (event.empty() ? "" : " + ") + names.at(id);
        const auto estimate = r.estimate();
        table.add({event, std::string{to_string(r.key.category)}, to_string(r.key.group),
                   estimate ? to_string(*estimate) : "", r.best ? std::to_string(r.best->value) : "",
                   std::string{to_string(r.status)}});
    }
    std::cout << claims.values.size() << " claims about " << events.values.size() << " events, reconciled under "
              << policy.name << ":\n\n";
    table.write(std::cout);
}
