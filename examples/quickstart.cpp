// The README's example: what the sources said about the Farabougou attack of 12 December 2023,
// reconciled under the UCDP-like policy, with the claims behind every bound.
#include <toll/reconcile/reconcile.hpp>
#include <toll/toll.hpp>

#include <iostream>
#include <vector>

int main()
{
    using namespace toll;
    const source residents{"residents", source_kind::witness, {}};
    const source rfi{"RFI", source_kind::media, {}};
    const source other_residents{"other residents", source_kind::witness, {}};
    const source jnim{"JNIM", source_kind::armed_group, "JNIM"};
    const boost::gregorian::date december_13{2023, 12, 13};
    const auto read = [](const char* words) { return parse_figure(words).value(); };

    const std::vector<claim> claims{
        {"rfi", {"farabougou-2023"}, category::killed, group::everyone(), read("fifty"),
         {residents, {rfi}}, december_13, "RFI, citing residents, stated fifty people were killed.", text_span{30, 5}},
        {"residents", {"farabougou-2023"}, category::killed, group::everyone(), read("over sixty"),
         {other_residents, {}}, december_13,
         "Other residents put the death toll at over sixty people killed", text_span{38, 10}},
        {"jnim", {"farabougou-2023"}, category::killed, group::security_forces("Mali"), read("thirty"),
         {jnim, {}}, december_13, "they claimed to have killed thirty soldiers", text_span{28, 6}},
    };

    for (const claim& c : claims) std::cout << c << " (\"" << c.excerpt() << "\")\n";

    const reconciliation_report report = reconcile(claims, policy::ucdp());
    for (const reconciliation& result : report.results) {
        std::cout << '\n' << result << '\n';
        for (const claim_fate& fate : result.claims) std::cout << "  " << fate << '\n';
    }
}
