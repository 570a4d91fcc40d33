#include <toll/io/event_matching.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <toll/io/acled.hpp>
#include <toll/io/claims_csv.hpp>
#include <toll/io/events_csv.hpp>
#include <toll/io/ged.hpp>
#include <toll/reconcile/policy.hpp>
#include <toll/reconcile/reconcile.hpp>

using boost::gregorian::date;
using toll::period;

namespace {

toll::dataset_records load(const char* name, bool ged)
{
    const std::string text = toll::read_text_file(std::string{TOLL_TEST_DATA_DIR "/datasets/"} + name);
    auto r = ged ? toll::read_ged_csv(text) : toll::read_acled_csv(text);
    REQUIRE(r.ok());
    return r;
}

std::vector<toll::event> mali_events()
{
    return toll::read_events_csv_or_throw(toll::read_text_file(TOLL_TEST_DATA_DIR "/../../examples/data/mali-events.csv"));
}

const toll::event_match* find(const std::vector<toll::event_match>& list, std::string_view event, std::string_view target)
{
    const auto it = std::find_if(list.begin(), list.end(), [&](const toll::event_match& m) { return m.event == event && m.target == target; });
    return it == list.end() ? nullptr : &*it;
}

toll::dataset_event at(std::string id, std::string locality, date day, std::vector<std::string> actors = {},
                       std::optional<toll::coordinates> where = std::nullopt)
{
    toll::dataset_event e;
    e.event.id = std::move(id);
    e.event.place = toll::place{std::move(locality), "Bankass", "Mopti", "Mali"};
    e.event.period = period::day(day);
    e.actors = std::move(actors);
    e.location = where;
    return e;
}

}  // namespace

TEST_CASE("event matching: names compare without case, accents and the words for kinds of places")
{
    using toll::detail::comparable_name;
    CHECK(comparable_name("Kani-Bonzon village") == "kani bonzon");
    CHECK(comparable_name("Kani Bonzon") == "kani bonzon");
    CHECK(comparable_name("S\xC3\xA9gou region") == "segou");
    CHECK(comparable_name("Segou") == "segou");
    CHECK(comparable_name("Djenn\xC3\xA9 cercle") == "djenne");
    CHECK(comparable_name("Farabougou military base") == "farabougou");
    CHECK(comparable_name("M\xC3\xA9NAKA") == "menaka");
}

TEST_CASE("event matching: the GED and ACLED rows about each seed event meet in its event")
{
    const auto ged = load("ged-mali.csv", true);
    const auto acled = load("acled-mali.csv", false);
    const auto events = mali_events();
    const auto targets = toll::as_targets(events);
    const auto from_ged = toll::match_events(ged.events, targets);
    const auto from_acled = toll::match_events(acled.events, targets);

    const std::vector<std::pair<std::string, std::string>> ged_rows{
        {"ged-488101", "kani-bonzon-2023"}, {"ged-495310", "farabougou-2023"}, {"ged-521877", "farabougou-2025"},
        {"ged-524410", "kamona-2025"},      {"ged-524411", "balle-2025"},      {"ged-460050", "moura-2022"},
        {"ged-519902", "gao-ansongo-2025"}};
    for (const auto& pair : ged_rows) {  // no structured binding: clang 14 cannot capture one in INFO's lambda
        INFO(pair.first);
        CHECK(from_ged.target_of(pair.first) == pair.second);
    }
    const std::vector<std::pair<std::string, std::string>> acled_rows{
        {"acled-MLI27512", "kani-bonzon-2023"}, {"acled-MLI29101", "farabougou-2023"}, {"acled-MLI29102", "farabougou-2023"},
        {"acled-MLI33807", "farabougou-2025"},  {"acled-MLI34410", "kamona-2025"},     {"acled-MLI34411", "balle-2025"},
        {"acled-MLI25003", "moura-2022"},       {"acled-MLI32640", "gao-ansongo-2025"}};
    for (const auto& pair : acled_rows) {  // no structured binding: clang 14 cannot capture one in INFO's lambda
        INFO(pair.first);
        CHECK(from_acled.target_of(pair.first) == pair.second);
    }
    CHECK(from_ged.matches.size() == ged_rows.size());
    CHECK(from_acled.matches.size() == acled_rows.size());
    // Every other row stays its own event; none is dropped.
    CHECK(from_ged.matches.size() + from_ged.unmatched.size() == ged.events.size());
    CHECK(from_acled.matches.size() + from_acled.unmatched.size() == acled.events.size());

    const auto* kb = find(from_ged.matches, "ged-488101", "kani-bonzon-2023");
    REQUIRE(kb);
    CHECK(kb->day_gap == 0);
    CHECK(kb->place == toll::place_agreement::locality);
    CHECK(kb->reason == "0 days apart, same locality");

    // Tabangolo, two days after Kani Bonzon and another village: a near-miss, with why.
    const auto* tabangolo = find(from_ged.near_misses, "ged-488102", "kani-bonzon-2023");
    REQUIRE(tabangolo);
    CHECK_FALSE(tabangolo->matched);
    CHECK(tabangolo->reason == "2 days apart (window 1), places differ");
    CHECK(from_ged.target_of("ged-488102") == std::nullopt);
    // Kobe, two days after the convoy, the same village: a near-miss for the date alone.
    const auto* kobe = find(from_ged.near_misses, "ged-521950", "gao-ansongo-2025");
    REQUIRE(kobe);
    CHECK(kobe->place == toll::place_agreement::locality);
}

TEST_CASE("event matching: the window, the distance and the actors are options")
{
    const auto ged = load("ged-mali.csv", true);
    const auto targets = toll::as_targets(mali_events());
    toll::match_options wide;
    wide.days = 2;
    CHECK(toll::match_events(ged.events, targets, wide).target_of("ged-521950") == "gao-ansongo-2025");
    CHECK(toll::match_events(ged.events, targets, wide).target_of("ged-488102") == std::nullopt);  // another village

    // Two villages 3 km apart are one place within 25 km, not within 2.
    const date day{2023, 2, 23};
    const std::vector<toll::dataset_event> a{at("a", "Kani Bonzon", day, {}, toll::coordinates{14.1825, -3.471})};
    const std::vector<toll::dataset_event> b{at("b", "Tabangolo", day, {}, toll::coordinates{14.2010, -3.4390})};
    const auto near = toll::match_events(a, b);
    REQUIRE(near.matches.size() == 1);
    CHECK(near.matches[0].place == toll::place_agreement::distance);
    CHECK(*near.matches[0].distance == doctest::Approx(4.0).epsilon(0.1));
    toll::match_options close;
    close.kilometres = 2;
    const auto apart = toll::match_events(a, b, close);
    CHECK(apart.matches.empty());
    REQUIRE(apart.near_misses.size() == 1);
    CHECK(apart.near_misses[0].reason == "0 days apart, places differ, 4 km");

    // Actors: the names must share a word when both sides name actors, unless the option says not.
    const std::vector<toll::dataset_event> ged_side{at("g", "Kani Bonzon", day, {"JNIM", "Civilians"})};
    const std::vector<toll::dataset_event> same{at("s", "Kani Bonzon", day, {"JNIM: Group for Support of Islam and Muslims"})};
    const std::vector<toll::dataset_event> other{at("o", "Kani Bonzon", day, {"Islamic State (Sahel)", "Civilians (Mali)"})};
    CHECK(toll::match_events(same, ged_side).target_of("s") == "g");
    const auto differ = toll::match_events(other, ged_side);
    CHECK(differ.matches.empty());
    REQUIRE(differ.near_misses.size() == 1);
    CHECK(differ.near_misses[0].actors == false);
    CHECK(differ.near_misses[0].reason == "0 days apart, same locality, actors differ");
    toll::match_options any_actors;
    any_actors.actors = false;
    CHECK(toll::match_events(other, ged_side, any_actors).target_of("o") == "g");
}

TEST_CASE("event matching: of several events that match, the closest in time, then the finest place")
{
    const date day{2023, 2, 23};
    const std::vector<toll::dataset_event> candidate{at("c", "Kani Bonzon", day)};
    std::vector<toll::dataset_event> targets{at("t-later", "Kani Bonzon", day + boost::gregorian::days{1}), at("t-same", "Kani Bonzon", day)};
    targets[0].event.place.locality.clear();  // known to the district only
    const auto r = toll::match_events(candidate, targets);
    CHECK(r.target_of("c") == "t-same");
    REQUIRE(r.near_misses.size() == 1);
    CHECK(r.near_misses[0].target == "t-later");
    CHECK(r.near_misses[0].reason == "1 day apart, same district, another event matched better");
}

TEST_CASE("event matching: a mapping file overrides the rule; its bad rows are errors with their place")
{
    const auto ged = load("ged-mali.csv", true);
    const auto targets = toll::as_targets(mali_events());
    std::vector<toll::csv_error> errors;
    const auto mapping = toll::read_event_mapping("event,matches\nged-488102,kani-bonzon-2023\nged-488101,\n", errors, "map.csv");
    REQUIRE(errors.empty());
    const auto r = toll::match_events(ged.events, targets, {}, mapping);
    CHECK(r.target_of("ged-488102") == "kani-bonzon-2023");
    const auto* forced = find(r.matches, "ged-488102", "kani-bonzon-2023");
    REQUIRE(forced);
    CHECK(forced->reason == "mapped by map.csv:2");
    CHECK(r.target_of("ged-488101") == std::nullopt);  // kept as its own event, by the mapping
    CHECK(std::find(r.unmatched.begin(), r.unmatched.end(), "ged-488101") != r.unmatched.end());

    std::vector<toll::csv_error> bad;
    (void)toll::read_event_mapping("event,target\nx,y\n", bad, "map.csv");
    REQUIRE(bad.size() == 1);
    CHECK(bad[0].code == toll::csv_errc::missing_column);
    CHECK(bad[0].column_name == "matches");
    bad.clear();
    (void)toll::read_event_mapping("event,matches\n,y\nx,y\nx,z\nx\n", bad, "map.csv");
    REQUIRE(bad.size() == 3);
    CHECK(to_string(bad[0]) == "map.csv:2:1 (event): \"\" is empty: name the dataset event [missing_value]");
    CHECK(to_string(bad[1]) == "map.csv:4:1 (event): \"x\" is already mapped at map.csv:3 [duplicate_id]");
    CHECK(bad[2].code == toll::csv_errc::field_count);
}

TEST_CASE("event matching: GED, ACLED and toll's claims reconcile together, one key per category and group")
{
    const auto ged = load("ged-mali.csv", true);
    const auto acled = load("acled-mali.csv", false);
    const auto events = mali_events();
    std::vector<toll::claim> claims =
        toll::read_claims_csv_or_throw(toll::read_text_file(TOLL_TEST_DATA_DIR "/../../examples/data/mali-claims.csv"));
    const std::size_t own = claims.size();
    for (const auto* data : {&ged, &acled}) {
        std::vector<toll::claim> moved = data->claims;
        toll::apply_matches(moved, toll::match_events(data->events, toll::as_targets(events)));
        claims.insert(claims.end(), moved.begin(), moved.end());
    }
    const auto report = toll::reconcile(claims, toll::policy::ucdp());
    // Every claim is in exactly one result.
    std::size_t fates = 0;
    for (const auto& r : report.results) fates += r.claims.size();
    CHECK(fates == claims.size());
    CHECK(claims.size() > own);
    // No result is about a matched dataset row's own event any more.
    for (const auto& r : report.results) {
        for (const std::string& id : {std::string{"ged-488101"}, std::string{"acled-MLI27512"}, std::string{"ged-460050"}}) {
            CHECK(std::find(r.key.events.begin(), r.key.events.end(), id) == r.key.events.end());
        }
    }
    const auto has = [&](const toll::claim_key& key, std::vector<std::string> ids) {
        const auto* r = report.find(key);
        REQUIRE_MESSAGE(r, to_string(key));
        for (const auto& id : ids) CHECK_MESSAGE(r->fate(id), id, " under ", to_string(key));
    };
    using toll::category;
    using toll::group;
    has({{"kani-bonzon-2023"}, category::killed, group::everyone()}, {"ged-488101-total", "kb-survivors-killed"});
    has({{"kani-bonzon-2023"}, category::killed, group::civilians()}, {"ged-488101-civilians", "acled-MLI27512-fatalities",
                                                                       "acled-MLI27512-notes-1", "kb-afp-official-a"});
    has({{"farabougou-2023"}, category::killed, group::everyone()}, {"ged-495310-total", "acled-MLI29101-fatalities", "fa-rfi-killed"});
    has({{"farabougou-2023"}, category::killed, group::security_forces("Mali")}, {"ged-495310-a", "fa-rfi-soldiers"});
    has({{"farabougou-2025"}, category::killed, group::security_forces("Mali")}, {"ged-521877-a", "acled-MLI33807-notes-1",
                                                                                 "fa2025-jnim-soldiers"});
    has({{"moura-2022"}, category::killed, group::civilians()}, {"ged-460050-civilians", "acled-MLI25003-fatalities", "mo-hrw-report"});
    has({{"gao-ansongo-2025"}, category::killed, group::civilians()}, {"ged-519902-civilians", "acled-MLI32640-fatalities", "ga-killed"});
    has({{"kamona-2025"}, category::killed, group::civilians()}, {"ged-524410-civilians", "acled-MLI34410-fatalities"});
    has({{"balle-2025"}, category::killed, group::civilians()}, {"ged-524411-civilians", "acled-MLI34411-fatalities"});
}
