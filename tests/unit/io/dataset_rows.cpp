#include <toll/io/dataset_rows.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <toll/io/acled.hpp>
#include <toll/io/claims_csv.hpp>
#include <toll/io/ged.hpp>
#include <toll/reconcile/policy.hpp>
#include <toll/reconcile/reconcile.hpp>

namespace {

using table = std::vector<std::map<std::string, std::string>>;

// A CSV text as rows of cells by column name.
table rows_of(std::string_view text)
{
    toll::csv_reader reader{text};
    REQUIRE_FALSE(reader.error());
    table out;
    toll::csv_row row;
    while (reader.next(row)) {
        REQUIRE_FALSE(row.error());
        auto& cells = out.emplace_back();
        for (std::size_t i = 0; i < row.size(); ++i) cells[reader.columns()[i]] = std::string{row[i].text};
    }
    return out;
}

std::vector<toll::event> events_of(const toll::dataset_records& r)
{
    std::vector<toll::event> events;
    for (const auto& e : r.events) events.push_back(e.event);
    return events;
}

}  // namespace

TEST_CASE("ged rows: GED -> claims CSV -> reconcile -> GED gives back low, best, high and the deaths columns")
{
    const std::string ged = toll::read_text_file(TOLL_TEST_DATA_DIR "/datasets/ged-mali.csv");
    const auto read = toll::read_ged_csv(ged);
    REQUIRE(read.ok());

    // Through the claims CSV, as `toll import ged` and `toll export ged` do.
    std::ostringstream claims_csv;
    toll::write_claims_csv(claims_csv, read.claims);
    const std::string claims_text = claims_csv.str();
    const auto claims = toll::read_claims_csv_or_throw(claims_text);
    REQUIRE(claims == read.claims);

    const auto report = toll::reconcile(claims, toll::policy::ucdp());
    const auto events = events_of(read);
    const auto exported = toll::ged_rows(report, claims, events);
    std::ostringstream out;
    toll::write_ged_rows(out, exported.rows);
    const table back = rows_of(out.str());
    const table original = rows_of(ged);
    REQUIRE(back.size() == original.size());

    std::map<std::string, const std::map<std::string, std::string>*> by_id;
    for (const auto& row : back) by_id["ged-" + row.at("id").substr(4)] = &row;
    for (const auto& row : original) {
        const std::string id = "ged-" + row.at("id");
        INFO(id);
        REQUIRE(by_id.count(id) == 1);
        const auto& b = *by_id[id];
        for (const char* column : {"low", "best", "high", "deaths_civilians", "deaths_unknown", "date_start", "date_end"}) {
            CHECK_MESSAGE(b.at(column) == row.at(column), column);
        }
        const auto side_a = std::find_if(claims.begin(), claims.end(), [&](const toll::claim& c) { return c.id == id + "-a"; });
        REQUIRE(side_a != claims.end());
        if (row.at("type_of_violence") == "2") {
            // Two armed groups: GED's order is not in the claims; the pair is.
            CHECK(std::multiset<std::string>{b.at("deaths_a"), b.at("deaths_b")} ==
                  std::multiset<std::string>{row.at("deaths_a"), row.at("deaths_b")});
        } else {
            CHECK(b.at("side_a") == row.at("side_a"));
            // A party's count of its adversary's dead is set aside (JNIM's 21 soldiers at Farabougou).
            CHECK(b.at("deaths_a") == (toll::is_about_adversary(*side_a) ? "0" : row.at("deaths_a")));
            if (row.at("type_of_violence") == "1") CHECK(b.at("side_b") == row.at("side_b"));
        }
        // Every claim of the row is behind it (the 0 columns are unknown figures, used as such).
        CHECK(b.at("claims").find(id + "-total") != std::string::npos);
    }
}

TEST_CASE("ged rows: results that fit no GED column are listed, never dropped")
{
    const std::string text = toll::read_text_file(TOLL_TEST_DATA_DIR "/../../examples/data/mali-claims.csv");
    const auto claims = toll::read_claims_csv_or_throw(text);
    const auto report = toll::reconcile(claims, toll::policy::ucdp());
    const auto exported = toll::ged_rows(report, claims);
    const auto listed = [&](std::string_view what) {
        return std::any_of(exported.not_written.begin(), exported.not_written.end(),
                           [&](const std::string& line) { return line.starts_with(what); });
    };
    CHECK(listed("injured (all) in kani-bonzon-2023: the rows count deaths only"));
    CHECK(listed("killed (dozo hunters of Mali) in farabougou-2023: no GED column holds this group"));
    CHECK(listed("killed (civilians) in balle-2025 + kamona-2025: a result about several events together has no row"));
    // Farabougou 2023: the reported range of all killed, the best under ucdp, the sides' bests.
    const auto row = std::find_if(exported.rows.begin(), exported.rows.end(),
                                  [](const toll::ged_style_row& r) { return r.id == "farabougou-2023"; });
    REQUIRE(row != exported.rows.end());
    CHECK(row->low == 50);  // the infobox's 30–62 is from a source of kind other, not admitted under ucdp
    CHECK(listed("killed (all of Mali) in farabougou-2023: no GED column holds this group"));
    CHECK_FALSE(row->high.has_value());  // "over sixty" leaves it open
    CHECK(listed("killed (all) in farabougou-2023: no high, since the reported range is unbounded"));
    CHECK(row->best == 61);
    CHECK(row->side_a == "Government of Mali");
    CHECK(row->deaths_a == 20);  // the residents' twenty soldiers; JNIM's thirty is set aside
    CHECK(std::is_sorted(row->claims.begin(), row->claims.end()));
    CHECK(std::find(row->claims.begin(), row->claims.end(), "fa-jnim-soldiers") == row->claims.end());
}

TEST_CASE("acled rows: fatalities are the preset's best, with the claims behind it")
{
    const std::string acled = toll::read_text_file(TOLL_TEST_DATA_DIR "/datasets/acled-mali.csv");
    const auto read = toll::read_acled_csv(acled);
    REQUIRE(read.ok());
    const auto report = toll::reconcile(read.claims, toll::policy::acled());
    const auto exported = toll::acled_rows(report, events_of(read));
    std::ostringstream out;
    toll::write_acled_rows(out, exported.rows);
    const table back = rows_of(out.str());
    const table original = rows_of(acled);
    REQUIRE(back.size() == original.size());
    std::map<std::string, const std::map<std::string, std::string>*> by_id;
    for (const auto& row : back) by_id[row.at("event_id_cnty")] = &row;
    for (const auto& row : original) {
        const std::string id = "acled-" + row.at("event_id_cnty");
        INFO(id);
        REQUIRE(by_id.count(id) == 1);
        const auto& b = *by_id[id];
        if (row.at("time_precision") == "1") CHECK(b.at("event_date") == row.at("event_date"));
        CHECK(b.at("civilian_targeting") == row.at("civilian_targeting"));
        CHECK(b.at("fatalities") == row.at("fatalities"));
        CHECK(b.at("claims").find(id + "-fatalities") != std::string::npos);
    }
}
