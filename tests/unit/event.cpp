#include <toll/event.hpp>

#include <doctest/doctest.h>

#include <sstream>
#include <stdexcept>

using boost::gregorian::date;
using toll::period;
using toll::precision;

TEST_CASE("a period knows its days and its precision")
{
    const auto day = period::day(date{2023, 2, 23});
    CHECK(day.precision() == precision::day);
    CHECK(day.first() == day.last());
    CHECK(day.contains(date{2023, 2, 23}));
    CHECK_FALSE(day.contains(date{2023, 2, 24}));

    const auto moura = period::span(date{2022, 3, 27}, date{2022, 3, 31});
    CHECK(moura.contains(date{2022, 3, 29}));
    CHECK_FALSE(moura.contains(date{2022, 4, 1}));
    CHECK(moura.days().length().days() == 5);

    const auto october = period::month(2025, 10);
    CHECK(october.first() == date{2025, 10, 1});
    CHECK(october.last() == date{2025, 10, 31});
    CHECK(period::month(2024, 2).last() == date{2024, 2, 29});

    const auto year = period::year(2023);
    CHECK(year.contains(date{2023, 12, 12}));
    CHECK(year.overlaps(day));
    CHECK_FALSE(year.overlaps(moura));
}

TEST_CASE("invalid periods cannot be built; an unset one is not ok")
{
    CHECK_THROWS_AS((void)period::span(date{2022, 3, 31}, date{2022, 3, 27}), std::invalid_argument);
    CHECK_THROWS_AS((void)period::month(2025, 13), std::out_of_range);
    CHECK_THROWS_AS((void)period::month(2025, 0), std::out_of_range);
    CHECK_THROWS_AS((void)period::year(70000), std::out_of_range);
    CHECK_THROWS_AS((void)period::year(-5), std::out_of_range);
    const period unset;
    CHECK_FALSE(unset.ok());
    CHECK_FALSE(unset.contains(date{2023, 1, 1}));
    CHECK_FALSE(unset.overlaps(period::year(2023)));
    CHECK(to_string(unset) == "unknown");
}

TEST_CASE("periods print as ISO 8601 at their precision")
{
    CHECK(to_string(period::day(date{2023, 2, 3})) == "2023-02-03");
    CHECK(to_string(period::span(date{2022, 3, 27}, date{2022, 3, 31})) == "2022-03-27/2022-03-31");
    CHECK(to_string(period::month(2025, 10)) == "2025-10");
    CHECK(to_string(period::year(2023)) == "2023");
}

TEST_CASE("events carry id, name, place and period")
{
    const toll::event moura{"moura-2022", "Moura massacre", {"Moura", "Djenné", "Mopti", "Mali"},
                            period::span(date{2022, 3, 27}, date{2022, 3, 31})};
    CHECK(to_string(moura.place) == "Moura, Djenné, Mopti, Mali");
    std::ostringstream out;
    out << moura;
    CHECK(out.str() == "moura-2022: Moura massacre (Moura, Djenné, Mopti, Mali; 2022-03-27/2022-03-31)");
    CHECK(to_string(toll::place{"Kobe", "", "", "Mali"}) == "Kobe, Mali");
    auto copy = moura;
    CHECK(copy == moura);
    copy.period = period::day(date{2022, 3, 27});
    CHECK(copy != moura);
}
