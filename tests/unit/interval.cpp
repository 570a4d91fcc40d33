#include <toll/interval.hpp>

#include <doctest/doctest.h>

#include <sstream>
#include <stdexcept>

using toll::interval;

// Compile-time facts: the relations are constexpr and deliberately not an ordering.
static_assert(certainly_less(interval::between(1, 2), interval::exactly(3)));
static_assert(!certainly_less(interval::between(1, 3), interval::exactly(3)));
static_assert(possibly_less(interval::at_least(5), interval::exactly(6)));
static_assert(interval{} == interval::at_least(0));
static_assert(!interval{}.bounded());

TEST_CASE("an interval is valid by construction")
{
    CHECK_THROWS_AS((void)interval::between(5, 4), std::invalid_argument);
    CHECK_THROWS_AS((void)interval::exactly(toll::max_count + 1), std::out_of_range);
    CHECK_THROWS_AS((void)interval::at_least(toll::max_count + 1), std::out_of_range);
    CHECK_NOTHROW((void)interval::exactly(toll::max_count));
}

TEST_CASE("bounds and containment")
{
    const auto r = interval::between(30, 62);
    CHECK(r.low() == 30);
    CHECK(r.high() == 62);
    CHECK(r.contains(30));
    CHECK(r.contains(62));
    CHECK_FALSE(r.contains(63));
    CHECK(r.contains(interval::between(40, 50)));
    CHECK_FALSE(r.contains(interval::at_least(40)));
    CHECK(interval::at_least(20).contains(interval::at_least(30)));
    CHECK_FALSE(interval::at_least(20).high().has_value());
}

TEST_CASE("named relations instead of operator<")
{
    const auto twelve = interval::exactly(12);
    const auto at_least_twenty = interval::at_least(20);
    CHECK(certainly_less(twelve, at_least_twenty));
    CHECK_FALSE(certainly_less(at_least_twenty, twelve));
    CHECK_FALSE(possibly_less(at_least_twenty, twelve));
    CHECK(possibly_less(interval::between(10, 30), interval::between(5, 11)));
    CHECK(overlaps(interval::between(30, 62), interval::at_least(61)));
    CHECK_FALSE(overlaps(interval::between(30, 62), interval::at_least(63)));
}

TEST_CASE("hull and intersection")
{
    CHECK(hull(interval::exactly(300), interval::exactly(500)) == interval::between(300, 500));
    CHECK(hull(interval::exactly(50), interval::at_least(61)) == interval::at_least(50));
    CHECK(intersection(interval::between(30, 62), interval::at_least(50)) == interval::between(50, 62));
    CHECK_FALSE(intersection(interval::exactly(12), interval::at_least(20)).has_value());
}

TEST_CASE("sums stay intervals and never wrap around")
{
    CHECK(interval::exactly(13) + interval::exactly(21) == interval::exactly(34));
    CHECK(interval::between(20, 20) + interval::at_least(20) == interval::at_least(40));
    CHECK_FALSE((interval::exactly(1) + interval{}).bounded());
    CHECK(interval::exactly(toll::max_count - 1) + interval::exactly(1) == interval::exactly(toll::max_count));
    CHECK_FALSE(checked_sum(interval::exactly(toll::max_count), interval::exactly(1)).has_value());
    CHECK_FALSE(checked_sum(interval::at_least(toll::max_count), interval::at_least(1)).has_value());
    CHECK_FALSE(checked_sum(interval::between(0, toll::max_count), interval::between(0, 1)).has_value());
    CHECK_THROWS_AS((void)(interval::exactly(toll::max_count) + interval::exactly(toll::max_count)), std::overflow_error);
}

TEST_CASE("intervals print in mathematical notation")
{
    CHECK(to_string(interval::between(30, 62)) == "[30, 62]");
    CHECK(to_string(interval::at_least(20)) == "[20, \u221e)");
    std::ostringstream out;
    out << interval::exactly(7);
    CHECK(out.str() == "[7, 7]");
}
