#include <toll/claim.hpp>

#include <doctest/doctest.h>

using boost::gregorian::date;
using namespace toll;

namespace {
claim jnim_thirty_soldiers()
{
    claim c;
    c.id = "farabougou-jnim";
    c.events = {"farabougou-2023"};
    c.category = category::killed;
    c.group = group::security_forces("Mali");
    c.figure = figure::exact(30);
    c.source = {{"JNIM", source_kind::armed_group, "JNIM"}, {}};
    c.reported = date{2023, 12, 13};
    c.text = "they claimed to have killed thirty soldiers and captured three hostages";
    c.span = text_span{28, 6};
    return c;
}
}  // namespace

TEST_CASE("a claim keeps where its figure stood")
{
    const auto c = jnim_thirty_soldiers();
    CHECK(c.excerpt() == "thirty");
    auto out_of_text = c;
    out_of_text.span = text_span{60, 100};
    CHECK(out_of_text.excerpt().empty());
    out_of_text.span = text_span{~std::size_t{0}, 2};
    CHECK(out_of_text.excerpt().empty());
    out_of_text.span.reset();
    CHECK(out_of_text.excerpt().empty());
}

TEST_CASE("a party's claim about its adversary is told apart from an admission")
{
    auto c = jnim_thirty_soldiers();
    CHECK(is_about_adversary(c));

    c.group = group::armed_group("JNIM");  // JNIM admitting its own losses
    CHECK_FALSE(is_about_adversary(c));

    c.group = group::civilians();  // civilians belong to no side
    CHECK_FALSE(is_about_adversary(c));

    c = jnim_thirty_soldiers();
    c.source = {{"residents", source_kind::witness, {}}, {{"RFI", source_kind::media, {}}}};
    CHECK_FALSE(is_about_adversary(c));  // not a party

    // A party relayed by a neutral outlet is still a party's claim: the origin decides.
    c.source = {{"JNIM", source_kind::armed_group, "JNIM"}, {{"RFI", source_kind::media, {}}}};
    CHECK(is_about_adversary(c));
}

TEST_CASE("claims compare and print")
{
    const auto c = jnim_thirty_soldiers();
    auto d = c;
    CHECK(c == d);
    d.reported = date{2023, 12, 14};
    CHECK(c != d);
    CHECK(to_string(c) == "farabougou-jnim: 30 killed (security_forces of Mali) in farabougou-2023, per JNIM, 2023-12-13");
    claim unknown_date = c;
    unknown_date.reported = {};
    CHECK(to_string(unknown_date).ends_with(", unknown"));
}
