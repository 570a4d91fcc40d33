// The seed events of Mali under the three preset policies side by side: what changes when the
// rules change. Each cell is the best figure and, in brackets, the interval the claims support
// (the logical bounds, or the reported range when the claims conflict). Keys with no admissible
// figure under any policy are left out.
//
// Usage: toll-policies [DATA_DIR]   (default: the examples/data directory of the source tree)
#include <toll/io/claims_csv.hpp>
#include <toll/reconcile/reconcile.hpp>

#include <iostream>
#include <string>
#include <vector>

#include "../tools/toll/text_table.hpp"

namespace {

std::string cell(const toll::reconciliation& r)
{
    const auto estimate = r.estimate();
    if (!estimate) return "unknown";
    std::string text = r.best ? std::to_string(r.best->value) + " " : "";
    text += to_string(*estimate);
    if (r.status == toll::status::conflicting) text += " conflict";
    return text;
}

}  // namespace

int main(int argc, char** argv)
{
    const std::string data = argc > 1 ? argv[1] : TOLL_EXAMPLES_DATA_DIR;
    const toll::claim_records claims = toll::load_claims_csv(data + "/mali-claims.csv");
    for (const auto& e : claims.errors) std::cerr << to_string(e) << '\n';
    if (!claims.ok()) return 1;

    const std::vector<toll::policy> policies{toll::policy::acled(), toll::policy::ucdp(), toll::policy::strict()};
    std::vector<toll::reconciliation_report> reports;
    for (const auto& p : policies) reports.push_back(toll::reconcile(claims.values, p));

    using enum toll_cli::align;
    toll_cli::text_table table{{left, left, left, left, left, left}};
    table.add({"event", "category", "group", "acled", "ucdp", "strict"});
    // Every report has the same keys, in the same order: the keys come from the claims alone.
    for (std::size_t i = 0; i < reports.front().results.size(); ++i) {
        const toll::claim_key& key = reports.front().results[i].key;
        std::vector<std::string> row{key.events.front() + (key.events.size() > 1 ? " + …" : ""),
                                     std::string{to_string(key.category)}, to_string(key.group)};
        bool known = false;
        for (const auto& report : reports) {
            row.push_back(cell(report.results[i]));
            known = known || report.results[i].status != toll::status::unknown;
        }
        if (known) table.add(row);
    }
    for (const auto& p : policies) std::cout << to_string(p) << '\n';
    std::cout << '\n';
    table.write(std::cout);
}
