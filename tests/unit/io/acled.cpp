#include <toll/io/acled.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dataset_support.hpp"

using boost::gregorian::date;
using toll::csv_errc;
using toll::figure;
using toll::group;
using toll::period;
using toll::source_kind;

namespace {

const std::string& acled_sample()
{
    static const std::string text = toll::read_text_file(TOLL_TEST_DATA_DIR "/datasets/acled-mali.csv");
    return text;
}

toll::dataset_records read_acled(std::string_view text)
{
    toll::csv_read_options options;
    options.file = "acled.csv";
    return toll::read_acled_csv(text, options);
}

// The sample's first row (Kani Bonzon) with some cells changed, as a whole ACLED file.
std::string kani_bonzon_with(std::vector<std::pair<std::string, std::string>> changes)
{
    return toll::test::sample_row_with(acled_sample(), 0, std::move(changes));
}

}  // namespace

TEST_CASE("acled: the sample file reads whole")
{
    const auto r = read_acled(acled_sample());
    for (const auto& e : r.errors) INFO(to_string(e));
    REQUIRE(r.ok());
    CHECK(r.events.size() == 20);
    for (const auto& c : r.checks) INFO(to_string(c));
    CHECK(r.checks.empty());
    // The notes' dates are kept as notes, not read as counts and not flagged as checks.
    CHECK(std::any_of(r.notes.begin(), r.notes.end(), [](const auto& n) { return n.reason.find("[date]") != std::string::npos; }));
    // A fatalities claim per row, and what the notes say beside it.
    std::size_t fatalities = 0;
    for (const auto& c : r.claims) fatalities += c.id.ends_with("-fatalities") ? 1u : 0u;
    CHECK(fatalities == 20);
    CHECK(r.claims.size() > 40);
}

TEST_CASE("acled: the event, and fatalities as a claim about civilians where the row is civilian targeting")
{
    const auto r = read_acled(acled_sample());
    REQUIRE(r.ok());
    const toll::dataset_event& kb = r.events[0];
    CHECK(kb.event.id == "acled-MLI27512");
    CHECK(kb.event.name == "Violence against civilians (Attack) at Kani Bonzon");
    CHECK(kb.event.place == toll::place{"Kani Bonzon", "Bankass", "Mopti", "Mali"});
    CHECK(kb.event.period == period::day(date{2023, 2, 23}));
    CHECK(kb.actors == std::vector<std::string>{"JNIM: Group for Support of Islam and Muslims", "Civilians (Mali)"});
    REQUIRE(kb.location);
    CHECK(kb.location->latitude == doctest::Approx(14.183));

    const auto claims = toll::test::claims_of(r.claims, "acled-MLI27512");
    REQUIRE(claims.size() == 4);
    const toll::claim& fatalities = claims[0];
    CHECK(fatalities.id == "acled-MLI27512-fatalities");
    CHECK(fatalities.category == toll::category::killed);
    CHECK(fatalities.group == group::civilians());
    CHECK(fatalities.figure == figure::exact(20));
    CHECK(fatalities.source.origin == toll::acled_source);
    CHECK(fatalities.source.origin.kind == source_kind::dataset);
    CHECK(fatalities.reported == date{2023, 3, 3});  // the timestamp's day
    CHECK(fatalities.text.starts_with("On 23 February 2023, suspected JNIM militants attacked"));
    CHECK_FALSE(fatalities.span);

    // A battle is not civilian targeting: everyone.
    const auto battle = toll::test::claims_of(r.claims, "acled-MLI29101");
    REQUIRE_FALSE(battle.empty());
    CHECK(battle[0].group == group::everyone());
    CHECK(battle[0].figure == figure::exact(50));
    // 0 fatalities is silence: an unknown figure, kept.
    const auto abduction = toll::test::claims_of(r.claims, "acled-MLI29102");
    REQUIRE_FALSE(abduction.empty());
    CHECK(abduction[0].figure == figure::unknown());
}

TEST_CASE("acled: the notes are read by the sentence parser into claims with spans")
{
    const auto r = read_acled(acled_sample());
    REQUIRE(r.ok());
    const auto kb = toll::test::claims_of(r.claims, "acled-MLI27512");
    REQUIRE(kb.size() == 4);
    CHECK(kb[1].id == "acled-MLI27512-notes-1");
    CHECK(kb[1].figure == figure::at_least(20));
    CHECK(kb[1].group == group::civilians());
    CHECK(kb[1].excerpt() == "at least 20");
    CHECK(kb[1].text == kb[0].text);
    CHECK(kb[1].source.origin == toll::acled_source);  // not attributed in the notes: ACLED's words
    CHECK(kb[2].category == toll::category::injured);
    CHECK(kb[2].figure == figure::exact(4));
    CHECK(kb[3].category == toll::category::kidnapped);
    CHECK(kb[3].excerpt() == "Three");

    // Attributed in the notes: that origin, relayed by ACLED.
    const auto kamona = toll::test::claims_of(r.claims, "acled-MLI34410");
    REQUIRE(kamona.size() == 2);
    CHECK(kamona[1].figure == figure::at_least(21));
    CHECK(kamona[1].source.origin.name == "Human Rights Watch");
    CHECK(kamona[1].source.origin.kind == source_kind::ngo);
    REQUIRE(kamona[1].source.via.size() == 1);
    CHECK(kamona[1].source.via[0].name == "ACLED");
    // Soldiers in a row about Mali are Mali's unless the notes say otherwise, so JNIM's count of
    // them is a claim about its adversary.
    const auto farabougou = toll::test::claims_of(r.claims, "acled-MLI33807");
    REQUIRE(farabougou.size() == 2);
    CHECK(farabougou[1].group == group::security_forces("Mali"));
    CHECK(toll::is_about_adversary(farabougou[1]));
}

TEST_CASE("acled: what the sentence parser cannot read in the notes is a check; the row still reads")
{
    const auto r = read_acled(kani_bonzon_with({{"notes", "On 23 February 2023, 2000000000000 people were killed in Kani Bonzon."}}));
    REQUIRE(r.ok());
    CHECK(r.events.size() == 1);
    CHECK(r.claims.size() == 1);  // the fatalities
    REQUIRE(r.checks.size() == 1);
    CHECK(r.checks[0].line == 2);
    CHECK(r.checks[0].reason.find("number_too_large") != std::string::npos);
}

TEST_CASE("acled: time_precision and geo_precision decide the period and the place")
{
    const auto week = read_acled(kani_bonzon_with({{"time_precision", "2"}}));
    REQUIRE(week.ok());
    CHECK(week.events[0].event.period == period::span(date{2023, 2, 20}, date{2023, 2, 26}));
    const auto month = read_acled(kani_bonzon_with({{"time_precision", "3"}}));
    REQUIRE(month.ok());
    CHECK(month.events[0].event.period == period::month(2023, 2));
    const auto edge = read_acled(kani_bonzon_with({{"time_precision", "2"}, {"event_date", "1400-01-02"}}));
    REQUIRE(edge.ok());
    CHECK(edge.events[0].event.period == period::span(date{1400, 1, 1}, date{1400, 1, 5}));
    const auto region = read_acled(kani_bonzon_with({{"geo_precision", "3"}}));
    REQUIRE(region.ok());
    CHECK(region.events[0].event.place == toll::place{"", "Bankass", "Mopti", "Mali"});
    const auto everyone = read_acled(kani_bonzon_with({{"civilian_targeting", ""}}));
    REQUIRE(everyone.ok());
    CHECK(everyone.claims[0].group == group::everyone());
}

TEST_CASE("acled: the header must hold every column toll reads")
{
    std::string text = acled_sample();
    text.replace(text.find("civilian_targeting"), 18, "civilian_targetting");
    const auto r = read_acled(text);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].code == csv_errc::missing_column);
    CHECK(r.errors[0].column_name == "civilian_targeting");
    CHECK(r.events.empty());
}

// One test per malformed-row class: each names line 2, the column and the reason.
TEST_CASE("acled: malformed rows, each class with file, line, column and reason")
{
    const std::vector<toll::test::bad_cell> cases{
        {"event_id_cnty", "", csv_errc::missing_value, "\"\" is empty: every ACLED row has an id"},
        {"event_id_cnty", "MLI1;MLI2", csv_errc::bad_value, "\"MLI1;MLI2\" holds ';' or starts or ends with a blank"},
        {"event_id_cnty", "MLI1 ", csv_errc::bad_value, "\"MLI1 \" holds ';' or starts or ends with a blank"},
        {"event_date", "23 February 2023", csv_errc::bad_date, "\"23 February 2023\" is not a date written YYYY-MM-DD"},
        {"time_precision", "4", csv_errc::bad_value, "\"4\" is not an ACLED time_precision: 1 (day), 2 (week) or 3 (month)"},
        {"actor1", "", csv_errc::missing_value, "\"\" is empty: name the actor"},
        {"inter1", "9", csv_errc::bad_value, "\"9\" is not an ACLED actor type: 0 to 8"},
        {"inter2", "", csv_errc::bad_value, "\"\" is not an ACLED actor type: 0 to 8"},
        {"civilian_targeting", "yes", csv_errc::bad_value, "\"yes\" is neither \"Civilian targeting\" nor empty"},
        {"geo_precision", "0", csv_errc::bad_value,
         "\"0\" is not an ACLED geo_precision: 1 (the town), 2 (near it) or 3 (the region)"},
        {"latitude", "north", csv_errc::bad_value, "\"north\" is not a latitude: decimal degrees, -90 to 90"},
        {"longitude", "-190", csv_errc::bad_value, "\"-190\" is not a longitude: decimal degrees, -180 to 180"},
        {"fatalities", "20+", csv_errc::bad_figure, "\"20+\" is not a count: digits only, at most 10^12"},
        {"timestamp", "2023-03-03", csv_errc::bad_date, "\"2023-03-03\" is not a Unix time: seconds since 1970, digits only"},
        {"timestamp", "999999999999", csv_errc::bad_date, "\"999999999999\" is not a Unix time: seconds since 1970, digits only"},
    };
    toll::test::check_bad_cells(acled_sample(), 0, "acled.csv", read_acled, cases);
}

TEST_CASE("acled: a repeated id and broken CSV are errors; the good rows still read")
{
    const std::string good = kani_bonzon_with({});
    const std::string header = good.substr(0, good.find('\n') + 1);
    const std::string row = good.substr(good.find('\n') + 1);
    const auto r = read_acled(header + row + "MLI1,2023-01-01\n" + row);
    REQUIRE(r.errors.size() == 2);
    CHECK(r.errors[0].code == csv_errc::field_count);
    CHECK(r.errors[0].line == 3);
    CHECK(r.errors[1].code == csv_errc::duplicate_id);
    CHECK(r.errors[1].line == 4);
    CHECK(r.events.size() == 1);
}
