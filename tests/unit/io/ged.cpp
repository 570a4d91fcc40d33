#include <toll/io/ged.hpp>

#include <doctest/doctest.h>

#include <sstream>
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

const std::string& ged_sample()
{
    static const std::string text = toll::read_text_file(TOLL_TEST_DATA_DIR "/datasets/ged-mali.csv");
    return text;
}

toll::dataset_records read_ged(std::string_view text)
{
    toll::csv_read_options options;
    options.file = "ged.csv";
    return toll::read_ged_csv(text, options);
}

const toll::dataset_event& event_of(const toll::dataset_records& r, std::string_view id)
{
    for (const auto& e : r.events) {
        if (e.event.id == id) return e;
    }
    FAIL("no event ", std::string{id});
    return r.events.front();
}

// The sample's first row (Kani Bonzon) with some cells changed, as a whole GED file.
std::string kani_bonzon_with(std::vector<std::pair<std::string, std::string>> changes)
{
    return toll::test::sample_row_with(ged_sample(), 0, std::move(changes));
}

}  // namespace

TEST_CASE("ged: the sample file reads whole, one event and its claims per row")
{
    const auto r = read_ged(ged_sample());
    for (const auto& e : r.errors) INFO(to_string(e));
    REQUIRE(r.ok());
    CHECK(r.checks.empty());
    CHECK(r.events.size() == 24);
    // Every row has a total, deaths_a, deaths_civilians and deaths_unknown; state-based and
    // non-state rows also deaths_b.
    std::size_t one_sided = 0;
    for (const auto& e : r.events) if (e.actors[1] == "Civilians") ++one_sided;
    CHECK(r.claims.size() == 24 * 4 + (24 - one_sided));
}

TEST_CASE("ged: low, best and high are one range claim keeping the best, the deaths columns their groups")
{
    const auto r = read_ged(ged_sample());
    REQUIRE(r.ok());
    const auto& kb = event_of(r, "ged-488101");
    CHECK(kb.event.name == "JNIM - Civilians at Kani-Bonzon village");
    CHECK(kb.event.place == toll::place{"Kani-Bonzon village", "Bankass cercle", "Mopti region", "Mali"});
    CHECK(kb.event.period == period::day(date{2023, 2, 23}));
    REQUIRE(kb.location);
    CHECK(kb.location->latitude == doctest::Approx(14.1825));
    CHECK(kb.location->longitude == doctest::Approx(-3.471));
    CHECK(kb.actors == std::vector<std::string>{"JNIM", "Civilians"});
    CHECK(kb.line == 2);

    const auto claims = toll::test::claims_of(r.claims, "ged-488101");
    REQUIRE(claims.size() == 4);  // one-sided: no deaths_b claim
    const toll::claim& total = claims[0];
    CHECK(total.id == "ged-488101-total");
    CHECK(total.events == std::vector<std::string>{"ged-488101"});
    CHECK(total.category == toll::category::killed);
    CHECK(total.group == group::everyone());
    CHECK(total.figure == figure::range(12, 20, 20));
    CHECK(total.text == "low 12, best 20, high 20");
    // source_original names one origin: relayed by the outlets, then by the dataset.
    CHECK(total.source.origin.name == "mayor of Bankass");
    CHECK(total.source.origin.kind == source_kind::local_official);
    REQUIRE(total.source.via.size() == 3);
    CHECK(total.source.via[0].name == "AFP");
    CHECK(total.source.via[1].name == "Xinhua");
    CHECK(total.source.via[2].name == "UCDP GED");
    CHECK(total.reported == date{2023, 2, 25});  // the latest source_date

    CHECK(claims[1].id == "ged-488101-a");
    CHECK(claims[1].group == group::armed_group("JNIM"));
    CHECK(claims[1].figure == figure::unknown());  // GED's 0 is silence
    CHECK(claims[2].id == "ged-488101-civilians");
    CHECK(claims[2].group == group::civilians());
    CHECK(claims[2].figure == figure::exact(20));
    CHECK(claims[2].text == "deaths_civilians 20");
    CHECK(claims[3].id == "ged-488101-unknown");
    CHECK(claims[3].group == group::unknown());
}

TEST_CASE("ged: sides become groups with their parties, and a party's claim about its adversary is one")
{
    const auto r = read_ged(ged_sample());
    REQUIRE(r.ok());
    const auto claims = toll::test::claims_of(r.claims, "ged-521877");  // Farabougou 2025, per JNIM
    REQUIRE(claims.size() == 5);
    CHECK(claims[1].group == group::security_forces("Mali"));
    CHECK(claims[1].figure == figure::exact(21));
    CHECK(claims[1].source.origin.kind == source_kind::armed_group);
    CHECK(claims[1].source.origin.party == "JNIM");
    CHECK(toll::is_about_adversary(claims[1]));
    CHECK(claims[2].id == "ged-521877-b");
    CHECK(claims[2].group == group::armed_group("JNIM"));
    CHECK(toll::ged_side_group("Government of Mali") == group::security_forces("Mali"));
    CHECK(toll::ged_side_group("IS Sahel") == group::armed_group("IS Sahel"));
}

TEST_CASE("ged: with no single origin named, the dataset is the origin of its own synthesis")
{
    const auto r = read_ged(ged_sample());
    REQUIRE(r.ok());
    const auto claims = toll::test::claims_of(r.claims, "ged-460050");  // Moura, source_original empty
    REQUIRE_FALSE(claims.empty());
    CHECK(claims[0].source.origin == toll::ucdp_ged_source);
    CHECK(claims[0].source.origin.kind == source_kind::dataset);
    CHECK(claims[0].source.via.empty());
    CHECK(claims[0].figure == figure::range(300, 500, 300));
    CHECK(claims[0].reported == date{2023, 5, 12});

    const auto several = read_ged(kani_bonzon_with({{"source_original", "residents; local officials"}}));
    REQUIRE(several.ok());
    CHECK(several.claims[0].source.origin == toll::ucdp_ged_source);

    // Blanks name nobody.
    const auto blank = read_ged(kani_bonzon_with({{"source_original", "  "}}));
    REQUIRE(blank.ok());
    CHECK(blank.claims[0].source.origin == toll::ucdp_ged_source);

    // A name toll cannot place stays in the text; UCDP, which vouches for it, is the origin.
    const auto unplaced = read_ged(kani_bonzon_with({{"source_original", "local sources"}}));
    REQUIRE(unplaced.ok());
    CHECK(unplaced.claims[0].source.origin == toll::ucdp_ged_source);
    CHECK(unplaced.claims[0].source.via.empty());
    CHECK(unplaced.claims[0].text == "low 12, best 20, high 20 (source_original: local sources)");
    CHECK(unplaced.claims[2].text == "deaths_civilians 20 (source_original: local sources)");
}

TEST_CASE("ged: where_prec and date_prec decide the place names kept and the period")
{
    const auto r = read_ged(ged_sample());
    REQUIRE(r.ok());
    // where_prec 4, date_prec 3: the region, and a span of a week.
    const auto& menaka = event_of(r, "ged-488250");
    CHECK(menaka.event.place == toll::place{"", "", "Ménaka region", "Mali"});
    CHECK(menaka.event.period == period::span(date{2023, 3, 13}, date{2023, 3, 19}));
    // where_prec 3: from the district up.
    CHECK(event_of(r, "ged-495400").event.place == toll::place{"", "Niono cercle", "Ségou region", "Mali"});
    // where_prec 6, date_prec 5 over a whole year: the country, the year.
    const auto& country = event_of(r, "ged-519950");
    CHECK(country.event.place == toll::place{"", "", "", "Mali"});
    CHECK(country.event.period == period::year(2025));
    // date_prec 4 over a whole month: the month (Kamona, known to October 2025).
    CHECK(event_of(r, "ged-524410").event.period == period::month(2025, 10));
    // date_prec 2: a span of days.
    CHECK(event_of(r, "ged-460050").event.period == period::span(date{2022, 3, 27}, date{2022, 3, 31}));
    // date_prec 4 but not a calendar month: the span as given.
    const auto partial = read_ged(kani_bonzon_with({{"date_prec", "4"}, {"date_start", "2023-02-10"}, {"date_end", "2023-02-28"}}));
    REQUIRE(partial.ok());
    CHECK(partial.events[0].event.period == period::span(date{2023, 2, 10}, date{2023, 2, 28}));
}

TEST_CASE("ged: a zero total is an explicit zero; parts that do not add up to best are a check, not an error")
{
    const auto zero = read_ged(kani_bonzon_with({{"low", "0"}, {"best", "0"}, {"high", "0"}, {"deaths_civilians", "0"}}));
    REQUIRE(zero.ok());
    CHECK(zero.claims[0].figure == figure::zero());
    CHECK(zero.checks.empty());

    const auto off = read_ged(kani_bonzon_with({{"deaths_civilians", "18"}}));
    REQUIRE(off.ok());
    REQUIRE(off.events.size() == 1);
    CHECK(off.claims[0].figure == figure::range(12, 20, 20));  // read as it is, not repaired
    REQUIRE(off.checks.size() == 1);
    CHECK(off.checks[0].line == 2);
    CHECK(off.checks[0].event == "ged-488101");
    CHECK(to_string(off.checks[0]) ==
          "ged.csv:2 (ged-488101): deaths_a + deaths_b + deaths_civilians + deaths_unknown is 18, best is 20");

    const auto side_b = read_ged(kani_bonzon_with({{"deaths_b", "2"}, {"deaths_civilians", "18"}}));
    REQUIRE(side_b.ok());
    REQUIRE(side_b.checks.size() == 1);
    CHECK(side_b.checks[0].reason.find("deaths_b is 2 on one-sided violence") == 0);
}

TEST_CASE("ged: the header must hold every column toll reads")
{
    std::string text = ged_sample();
    text.replace(text.find("deaths_unknown"), 14, "deaths_unknwon");
    const auto r = read_ged(text);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].code == csv_errc::missing_column);
    CHECK(r.errors[0].column_name == "deaths_unknown");
    CHECK(r.stopped);
    CHECK(r.events.empty());
}

// One test per malformed-row class: each names line 2, the column and the reason.
TEST_CASE("ged: malformed rows, each class with file, line, column and reason")
{
    const std::vector<toll::test::bad_cell> cases{
        {"id", "", csv_errc::missing_value, "\"\" is empty: every GED row has an id"},
        {"id", "48x", csv_errc::bad_value, "\"48x\" is not a GED id: digits only"},
        {"type_of_violence", "4", csv_errc::bad_value, "\"4\" is not a type of violence: 1 (state-based), 2 (non-state) or 3 (one-sided)"},
        {"side_a", "", csv_errc::missing_value, "\"\" is empty: name the side"},
        {"side_b", "", csv_errc::missing_value, "\"\" is empty: name the side"},
        {"where_prec", "0", csv_errc::bad_value, "\"0\" is not a GED where_prec: 1 to 7"},
        {"date_prec", "6", csv_errc::bad_value, "\"6\" is not a GED date_prec: 1 to 5"},
        {"date_start", "23/02/2023", csv_errc::bad_date, "\"23/02/2023\" is not a date written YYYY-MM-DD"},
        {"date_end", "2023-02-30", csv_errc::bad_date, "\"2023-02-30\" has a day that month does not have"},
        {"date_end", "2023-02-22", csv_errc::bad_period, "\"2023-02-22\" is before date_start 2023-02-23"},
        {"latitude", "91.5", csv_errc::bad_value, "\"91.5\" is not a latitude: decimal degrees, -90 to 90"},
        {"longitude", "", csv_errc::bad_value, "\"\" is not a longitude: decimal degrees, -180 to 180"},
        {"deaths_civilians", "-3", csv_errc::bad_figure, "\"-3\" is not a count: digits only, at most 10^12"},
        {"best", "twenty", csv_errc::bad_figure, "\"twenty\" is not a count: digits only, at most 10^12"},
        {"high", "1000000000001", csv_errc::bad_figure, "\"1000000000001\" is not a count: digits only, at most 10^12"},
        {"high", "10", csv_errc::bad_figure, "\"10\" is below low 12"},
        {"best", "25", csv_errc::bad_figure, "\"25\" lies outside low 12 and high 20"},
        {"source_date", "2023-02-24;24 Feb", csv_errc::bad_date,
         "\"2023-02-24;24 Feb\" is not a date written YYYY-MM-DD (source_date holds YYYY-MM-DD dates joined by ';')"},
    };
    toll::test::check_bad_cells(ged_sample(), 0, "ged.csv", read_ged, cases);
}

TEST_CASE("ged: malformed CSV and repeated ids are the claims reader's errors; the good rows still read")
{
    const std::string good = kani_bonzon_with({});
    const std::string row = good.substr(good.find('\n') + 1);
    const std::string header = good.substr(0, good.find('\n') + 1);

    // A repeated id: the second row is an error naming the first.
    const auto twice = read_ged(header + row + row);
    REQUIRE(twice.errors.size() == 1);
    CHECK(twice.errors[0].code == csv_errc::duplicate_id);
    CHECK(twice.errors[0].line == 3);
    CHECK(twice.errors[0].reason.find("already used on line 2") != std::string::npos);
    CHECK(twice.events.size() == 1);

    // Too few fields, a stray quote, invalid UTF-8: each its own error, and the good row read.
    const auto broken = read_ged(header + "488999,1,2\n" + row.substr(0, 10) + "x\"y" + row.substr(10) +
                             std::string{"\xff"} + row.substr(1) + row);
    CHECK(broken.events.size() == 1);
    REQUIRE(broken.errors.size() == 3);
    CHECK(broken.errors[0].code == csv_errc::field_count);
    CHECK(broken.errors[0].line == 2);
    CHECK(broken.errors[1].code == csv_errc::stray_quote);
    CHECK(broken.errors[2].code == csv_errc::invalid_utf8);

    const auto unbalanced = read_ged(header + row + "\"488999,1");
    REQUIRE(unbalanced.errors.size() == 1);
    CHECK(unbalanced.errors[0].code == csv_errc::unbalanced_quote);
    CHECK(unbalanced.errors[0].line == 3);
    CHECK(unbalanced.events.size() == 1);

    // Stop at the first error when asked.
    toll::csv_read_options stop;
    stop.error_mode = toll::csv_error_mode::stop_at_first;
    const auto stopped = toll::read_ged_csv(header + "1,2\n" + row, stop);
    CHECK(stopped.stopped);
    CHECK(stopped.errors.size() == 1);
    CHECK(stopped.events.empty());
}
