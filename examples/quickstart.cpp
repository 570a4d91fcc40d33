// The README's example: write down what the sources said about the Farabougou attack of
// 12 December 2023, and ask how their figures relate.
#include <toll/toll.hpp>

#include <iostream>
#include <vector>

int main()
{
    using namespace toll;
    const source residents{"residents", source_kind::witness, {}};
    const source rfi{"RFI", source_kind::media, {}};
    const source jnim{"JNIM", source_kind::armed_group, "JNIM"};
    const boost::gregorian::date undated{};

    const std::vector<claim> claims{
        {"rfi", {"farabougou-2023"}, category::killed, group::everyone(), figure::exact(50),
         {residents, {rfi}}, undated, "RFI, citing residents, stated fifty people were killed.", text_span{30, 5}},
        {"residents", {"farabougou-2023"}, category::killed, group::everyone(), figure::more_than(60),
         {{"other residents", source_kind::witness, {}}, {}}, undated,
         "Other residents put the death toll at over sixty people killed", text_span{38, 10}},
        {"jnim", {"farabougou-2023"}, category::killed, group::security_forces("Mali"), figure::exact(30),
         {jnim, {}}, undated, "they claimed to have killed thirty soldiers", text_span{28, 6}},
    };

    for (const claim& c : claims) {
        std::cout << c << "\n  read from \"" << c.excerpt() << "\""
                  << (is_about_adversary(c) ? "; a party's claim about its adversary" : "") << '\n';
    }
    std::cout << "50 and over 60 overlap: " << std::boolalpha << overlaps(claims[0].figure, claims[1].figure) << '\n'
              << "50 is certainly less than over 60: " << certainly_less(claims[0].figure, claims[1].figure) << '\n';
}
