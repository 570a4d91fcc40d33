// Kani Bonzon, 23 February 2023: how the toll moved as reports arrived. Local officials spoke to
// AFP the next day, Xinhua relayed witnesses on the 25th, MINUSMA's count reached Agenzia Nova on
// the 27th and Le Témoin printed its figure on the 28th. Each step is the reconciliation as of
// that day: a source's later word supersedes its earlier one, and later reports do not count yet.
//
// Usage: toll-timeline [DATA_DIR]   (default: the examples/data directory of the source tree)
#include <toll/io/claims_csv.hpp>
#include <toll/reconcile/timeline.hpp>

#include <iostream>
#include <string>

int main(int argc, char** argv)
{
    const std::string data = argc > 1 ? argv[1] : TOLL_EXAMPLES_DATA_DIR;
    const toll::claim_records claims = toll::load_claims_csv(data + "/mali-claims.csv");
    for (const auto& e : claims.errors) std::cerr << to_string(e) << '\n';
    if (!claims.ok()) return 1;

    // Under UCDP-like rules "13 killed" is a count found so far; under strict rules it is complete,
    // so Le Témoin's 13 on the 28th contradicts the 20 an official spoke of on the 24th.
    const auto show = [](const toll::reconciliation& r) {
        const auto estimate = r.estimate();
        std::string text = estimate ? to_string(*estimate) : "unknown";
        text += r.best ? "  best " + std::to_string(r.best->value) : "  no best";
        return text + "  " + std::string{to_string(r.status)};
    };
    for (const auto& [g, policy] : {std::pair{toll::group::everyone(), toll::policy::ucdp()},
                                    std::pair{toll::group::everyone(), toll::policy::strict()},
                                    std::pair{toll::group::civilians(), toll::policy::ucdp()}}) {
        const toll::claim_key key{{"kani-bonzon-2023"}, toll::category::killed, g};
        std::cout << to_string(key) << ", as reports arrived (" << policy.name << "):\n";
        for (const toll::timeline_step& step : toll::timeline(claims.values, key, policy)) {
            std::cout << "  " << toll::detail::iso_date(step.as_of) << "  " << show(step.state) << "  new:";
            for (const toll::claim& c : claims.values) {
                if (c.reported == step.as_of && toll::has_key(c, key)) std::cout << ' ' << c.id << " (" << to_string(c.figure) << ')';
            }
            std::cout << '\n';
        }
        std::cout << "  with undated reports too: " << show(toll::reconcile(claims.values, key, policy)) << "\n\n";
    }
}
