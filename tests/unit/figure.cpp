#include <toll/figure.hpp>

#include <doctest/doctest.h>

#include <sstream>
#include <stdexcept>

using toll::figure;
using toll::interval;
using toll::qualifier;

static_assert(figure{} == figure::unknown());
static_assert(figure::exact(0) == figure::zero(), "an exact 0 is the explicit zero");
static_assert(figure::more_than(300).low() == 301);
static_assert(figure::fewer_than(30).high() == 29);

TEST_CASE("each phrasing has its own numeric meaning")
{
    CHECK(figure::exact(12).bounds() == interval::exactly(12));
    CHECK(figure::range(30, 62).bounds() == interval::between(30, 62));
    CHECK(figure::at_least(20).bounds() == interval::at_least(20));
    CHECK(figure::more_than(300).bounds() == interval::at_least(301));
    CHECK(figure::at_most(30).bounds() == interval::between(0, 30));
    CHECK(figure::fewer_than(30).bounds() == interval::between(0, 29));
    CHECK(figure::approximately(50).bounds() == interval::exactly(50));
    CHECK(figure::unknown().bounds() == interval{});
    CHECK(figure::zero().bounds() == interval::exactly(0));
}

TEST_CASE("the phrasing is kept beside the numbers")
{
    CHECK(figure::exact(50).qualifier() == qualifier::exact);
    CHECK(figure::approximately(50).qualifier() == qualifier::approximately);
    CHECK(figure::exact(50) != figure::approximately(50));
    CHECK(figure::at_least(301) != figure::more_than(300));
    CHECK(figure::at_least(301).bounds() == figure::more_than(300).bounds());
    CHECK(figure::more_than(300).stated() == 300);
    CHECK(figure::fewer_than(30).stated() == 30);
    CHECK(figure::at_most(30).stated() == 30);
    CHECK(figure::range(30, 62).stated() == 30);
    CHECK_FALSE(figure::unknown().stated().has_value());
}

TEST_CASE("unknown is never zero")
{
    CHECK(figure::unknown().is_unknown());
    CHECK_FALSE(figure::unknown().is_zero());
    CHECK(figure::zero().is_zero());
    CHECK_FALSE(figure::zero().is_unknown());
    CHECK(figure::unknown() != figure::zero());
    CHECK_FALSE(figure::unknown().high().has_value());
}

TEST_CASE("vague words carry the word and the table's meaning")
{
    const auto dozens = figure::vague(toll::vague_word::dozens);
    CHECK(dozens.qualifier() == qualifier::vague);
    CHECK(dozens.word() == toll::vague_word::dozens);
    CHECK(dozens.bounds() == toll::vague_table::literal().meaning(toll::vague_word::dozens));
    const auto acled = figure::vague(toll::vague_word::dozens, toll::vague_table::acled());
    CHECK(acled.bounds() == interval::at_least(12));
    CHECK(acled != dozens);
    CHECK_FALSE(figure::exact(24).word().has_value());
}

TEST_CASE("a range keeps the best estimate its source stated, beside its bounds")
{
    // UCDP GED's low 12, best 20, high 20.
    constexpr figure ged = figure::range(12, 20, 20);
    static_assert(ged.best() == 20);
    static_assert(ged.bounds() == interval::between(12, 20), "the best does not narrow the bounds");
    static_assert(ged.qualifier() == qualifier::range);
    static_assert(ged.stated() == 12);
    CHECK(ged != figure::range(12, 20));
    CHECK(ged != figure::range(12, 20, 15));
    CHECK(figure::range(12, 20, 12) == figure::range(12, 20, 12));
    CHECK_FALSE(figure::range(12, 20).best().has_value());
    CHECK_FALSE(figure::exact(20).best().has_value());
    CHECK_THROWS_AS((void)figure::range(12, 20, 21), std::invalid_argument);
    CHECK_THROWS_AS((void)figure::range(12, 20, 11), std::invalid_argument);
    CHECK_THROWS_AS((void)figure::range(20, 12, 15), std::invalid_argument);
}

TEST_CASE("invalid figures cannot be built")
{
    CHECK_THROWS_AS((void)figure::range(62, 30), std::invalid_argument);
    CHECK_THROWS_AS((void)figure::fewer_than(0), std::invalid_argument);
    CHECK_THROWS_AS((void)figure::more_than(toll::max_count), std::out_of_range);
    CHECK_THROWS_AS((void)figure::exact(toll::max_count + 1), std::out_of_range);
    CHECK_THROWS_AS((void)figure::at_least(~toll::count_type{0}), std::out_of_range);
}

TEST_CASE("predicates read the figures' bounds")
{
    CHECK(certainly_less(figure::exact(12), figure::at_least(20)));
    CHECK(overlaps(figure::exact(50), figure::range(30, 62)));
    CHECK_FALSE(overlaps(figure::exact(50), figure::more_than(60)));
    CHECK(contains(figure::range(30, 62), figure::exact(50)));
    CHECK(contains(figure::unknown(), figure::more_than(60)));
    CHECK(contains(figure::at_most(30), 0));
    CHECK(possibly_less(figure::approximately(50), figure::more_than(20)));
}

TEST_CASE("figures print the way people write them")
{
    CHECK(to_string(figure::exact(12)) == "12");
    CHECK(to_string(figure::range(30, 62)) == "30\u201362");
    CHECK(to_string(figure::range(30, 62, 50)) == "30\u201362 (best 50)");
    CHECK(to_string(figure::at_least(20)) == "20+");
    CHECK(to_string(figure::more_than(300)) == "over 300");
    CHECK(to_string(figure::at_most(30)) == "up to 30");
    CHECK(to_string(figure::fewer_than(30)) == "fewer than 30");
    CHECK(to_string(figure::approximately(50)) == "about 50");
    CHECK(to_string(figure::vague(toll::vague_word::tens_of_thousands)) == "tens of thousands");
    CHECK(to_string(figure::unknown()) == "unknown");
    CHECK(to_string(figure::zero()) == "0");
    CHECK(to_string(qualifier::more_than) == "more_than");
    CHECK(toll::enum_from_name<qualifier>("at_most") == qualifier::at_most);
    CHECK_FALSE(toll::enum_from_name<qualifier>("roughly").has_value());
    std::ostringstream out;
    out << figure::range(2, 3) << " kidnapped";
    CHECK(out.str() == "2\u20133 kidnapped");
}
