#include <toll/io/events_csv.hpp>

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

using boost::gregorian::date;
using toll::csv_errc;
using toll::period;

namespace {

constexpr std::string_view header = "id,name,locality,district,region,country,period\n";

toll::event_records read(std::string_view text)
{
    toll::csv_read_options options;
    options.file = "events.csv";
    return toll::read_events_csv(text, options);
}

}  // namespace

TEST_CASE("events csv: every period precision, and places with parts missing")
{
    const std::string text = std::string{header} +
                             "moura-2022,Moura massacre,Moura,Djenn\xC3\xA9,Mopti,Mali,2022-03-27/2022-03-31\n"
                             "kani-bonzon-2023,Kani Bonzon attack,Kani Bonzon,Bankass,Mopti,Mali,2023-02-23\n"
                             "convoy-2025,Gao\xE2\x80\x93" "Ansongo convoy,,,Gao,Mali,2025-10\n"
                             "year,Somewhere in 2023,,,,Mali,2023\n"
                             "unknown-date,\"Sometime, somewhere\",,,,,\n"
                             "unknown-word,Not known,,,,,unknown\n";
    const auto r = read(text);
    REQUIRE(r.ok());
    REQUIRE(r.values.size() == 6);
    const toll::event& moura = r.values[0];
    CHECK(moura.name == "Moura massacre");
    CHECK(moura.place == toll::place{"Moura", "Djenn\xC3\xA9", "Mopti", "Mali"});
    CHECK(moura.period == period::span(date{2022, 3, 27}, date{2022, 3, 31}));
    CHECK(r.values[1].period == period::day(date{2023, 2, 23}));
    CHECK(r.values[2].period == period::month(2025, 10));
    CHECK(r.values[2].place.locality.empty());
    CHECK(r.values[3].period == period::year(2023));
    CHECK_FALSE(r.values[4].period.ok());
    CHECK(r.values[4].name == "Sometime, somewhere");
    CHECK_FALSE(r.values[5].period.ok());
}

TEST_CASE("events csv: a bad period names line, column and reason")
{
    const std::string text = std::string{header} +
                             "a,A,,,,,2022-03-31/2022-03-27\n"
                             "b,B,,,,,March 2022\n"
                             "c,C,,,,,2022-13\n"
                             "d,D,,,,,1399\n"
                             "e,E,,,,,2022-02-29\n"
                             "f,F,,,,,2022-03-27/\n"
                             "g,G,,,,,2024-02-29\n";
    const auto r = read(text);
    REQUIRE(r.values.size() == 1);
    CHECK(r.values[0].id == "g");
    REQUIRE(r.errors.size() == 6);
    for (const auto& e : r.errors) {
        CHECK(e.code == csv_errc::bad_period);
        CHECK(e.column == 7);
        CHECK(e.column_name == "period");
    }
    CHECK(to_string(r.errors[0]) == "events.csv:2:7 (period): \"2022-03-31/2022-03-27\" ends before it begins [bad_period]");
    CHECK(r.errors[1].reason ==
          "\"March 2022\" is not a period: write YYYY-MM-DD, YYYY-MM-DD/YYYY-MM-DD, YYYY-MM or YYYY");
    CHECK(r.errors[2].reason == "\"2022-13\" has a month outside 01-12");
    CHECK(r.errors[3].line == 5);
}

TEST_CASE("events csv: a missing column, an empty id, a repeated id")
{
    const auto missing = read("id,name,locality,region,country,period\nx,X,,,,2023\n");
    REQUIRE(missing.errors.size() == 1);
    CHECK(missing.errors[0].code == csv_errc::missing_column);
    CHECK(missing.errors[0].column_name == "district");
    CHECK(missing.values.empty());

    const auto ids = read(std::string{header} + ",X,,,,,2023\nx,X,,,,,2023\nx,Y,,,,,2023\n");
    CHECK(ids.values.size() == 1);
    REQUIRE(ids.errors.size() == 2);
    CHECK(ids.errors[0].code == csv_errc::missing_value);
    CHECK(ids.errors[1].code == csv_errc::duplicate_id);
}

TEST_CASE("events csv: write then read gives equal events, extra columns included")
{
    const std::string text = "source_note," + std::string{header.substr(0, header.size() - 1)} + ",acled_id\n"
                             "\"HRW, 2022\",moura-2022,Moura massacre,Moura,Djenn\xC3\xA9,Mopti,Mali,2022-03-27/2022-03-27,"
                             "MLI1234\n"
                             ",x,\"the \"\"x\"\" event\",,,,,2023,\n"
                             ",y,Y,,,,,,\n";
    const auto r = read(text);
    REQUIRE(r.ok());
    CHECK(r.values[0].period.precision() == toll::precision::span);
    CHECK(r.extra_columns == std::vector<std::string>{"source_note", "acled_id"});
    std::ostringstream out;
    toll::write_events_csv(out, r);
    const auto again = read(out.str());
    REQUIRE(again.ok());
    CHECK(again.values == r.values);
    CHECK(again.extra == r.extra);

    toll::event bad = r.values[0];
    bad.name = "\xC3";
    CHECK(toll::csv_problem(bad));
    std::ostringstream refused;
    const std::vector<toll::event> events{bad};
    CHECK_THROWS_AS(toll::write_events_csv(refused, events), std::invalid_argument);
    CHECK(refused.str().empty());
}
