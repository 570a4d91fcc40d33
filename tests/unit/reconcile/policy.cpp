#include <doctest/doctest.h>

#include <sstream>

#include <toll/reconcile/policy.hpp>

using namespace toll;

TEST_CASE("presets carry their names and rules")
{
    const policy acled = policy::acled();
    CHECK(acled.name == "acled");
    CHECK(acled.best == best_rule::lowest_figure);
    CHECK(acled.vague_words == vague_table::acled());
    CHECK(acled.exclude_adversary_claims);
    CHECK_FALSE(acled.exact_is_complete);
    CHECK(acled.admitted == source_kinds::all());

    const policy ucdp = policy::ucdp();
    CHECK(ucdp.name == "ucdp");
    CHECK(ucdp.best == best_rule::strongest_lower_bound);
    CHECK_FALSE(ucdp.admitted.contains(source_kind::other));
    CHECK(ucdp.admitted.contains(source_kind::ngo));

    const policy strict = policy::strict();
    CHECK(strict.name == "strict");
    CHECK(strict.exact_is_complete);
    CHECK(strict.best == best_rule::intersection);
}

TEST_CASE("a policy is a value: copy, adjust, compare")
{
    policy mine = policy::ucdp();
    CHECK(mine == policy::ucdp());
    mine.name = "ucdp, adversary claims admitted";
    mine.exclude_adversary_claims = false;
    CHECK_FALSE(mine == policy::ucdp());
    CHECK(policy::ucdp().exclude_adversary_claims);
}

TEST_CASE("source kind sets")
{
    source_kinds none;
    CHECK_FALSE(none.contains(source_kind::un_body));
    CHECK(to_string(none) == "none");
    none.insert(source_kind::un_body).insert(source_kind::ngo);
    CHECK(none.contains(source_kind::ngo));
    CHECK(to_string(none) == "un_body, ngo");
    CHECK(to_string(source_kinds::all()) == "all");
    CHECK_FALSE(source_kinds::all().erase(source_kind::media).contains(source_kind::media));
    CHECK_FALSE(none.contains(static_cast<source_kind>(200)));
}

TEST_CASE("readings: what each phrasing stands for under a policy")
{
    const policy ucdp = policy::ucdp();
    CHECK(ucdp.reading(figure::exact(12)) == interval::exactly(12));
    CHECK_FALSE(ucdp.caps(figure::exact(12)));
    CHECK(policy::strict().caps(figure::exact(12)));
    CHECK(ucdp.reading(figure::approximately(50)) == interval::between(45, 55));
    CHECK(ucdp.reading(figure::approximately(7)) == interval::exactly(7));  // ±0.7 rounds inward
    CHECK(policy::acled().reading(figure::approximately(50)) == interval::exactly(50));
    CHECK(ucdp.reading(figure::more_than(60)) == interval::at_least(61));
    CHECK_FALSE(ucdp.caps(figure::more_than(60)));
    CHECK(ucdp.caps(figure::range(30, 62)));
    CHECK(ucdp.caps(figure::at_most(30)));
    CHECK(ucdp.caps(figure::zero()));
    CHECK_FALSE(ucdp.reading(figure::unknown()));

    // The policy reads a vague word with its own table, whatever table the parser used.
    const figure dozens = figure::vague(vague_word::dozens);
    CHECK(ucdp.reading(dozens) == interval::between(24, 99));
    CHECK(ucdp.caps(dozens));
    CHECK(policy::acled().reading(dozens) == interval::at_least(12));
    CHECK_FALSE(policy::acled().caps(dozens));
    CHECK(policy::acled().reading(figure::vague(vague_word::several)) == interval::at_least(3));
    CHECK(policy::acled().reading(figure::vague(vague_word::hundreds)) == interval::at_least(100));
}

TEST_CASE("approximate tolerance never overflows or goes negative")
{
    policy p;
    p.approximate_tolerance_percent = 250;
    CHECK(p.reading(figure::approximately(10)) == interval::between(0, 35));
    p.approximate_tolerance_percent = 4'000'000'000U;
    CHECK(p.reading(figure::approximately(max_count)) == interval::between(0, max_count));
    p.approximate_tolerance_percent = 10;
    CHECK(p.reading(figure::approximately(max_count)) == interval::between(max_count - max_count / 10, max_count));
}

TEST_CASE("admissibility")
{
    claim jnim;
    jnim.source.origin = source{"JNIM", source_kind::armed_group, "JNIM"};
    jnim.group = group::security_forces("Mali");
    CHECK_FALSE(policy::acled().admits(jnim));  // a party's claim about its adversary's losses
    jnim.group = group::armed_group("JNIM");
    CHECK(policy::acled().admits(jnim));  // its admission of its own losses
    jnim.group = group::civilians();
    CHECK(policy::acled().admits(jnim));

    claim anonymous;
    anonymous.source.origin = source{"a post", source_kind::other, {}};
    CHECK(policy::acled().admits(anonymous));
    CHECK_FALSE(policy::ucdp().admits(anonymous));
}

TEST_CASE("policies and best rules print")
{
    std::ostringstream os;
    os << policy::strict();
    CHECK(os.str() == "strict (admits all; adversary claims excluded; approximate \u00b110%; exact figures complete; best: intersection)");
    CHECK(to_string(best_rule::lowest_figure) == "lowest_figure");
    CHECK(enum_from_name<best_rule>("intersection") == best_rule::intersection);
}
