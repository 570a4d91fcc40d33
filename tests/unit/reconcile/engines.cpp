// Every engine runs the same rules (toll/reconcile/detail/rules.hpp), so on the same claims they
// must give every key the same numbers, name the same claim behind each of them, and give every
// claim the same fate: the claim-level reconcile, the bulk records (unsorted and pre-grouped), the
// streaming CSV reconciler on the same claims written as CSV, and a timeline's last step. The
// claim sets are random: ids out of file order, same-day reports of one origin, relays through
// other outlets, revisions, parties' claims about their adversaries, undated reports, as-of
// dates, every preset.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <toll/io/claims_csv.hpp>
#include <toll/io/reconcile_csv.hpp>
#include <toll/reconcile/bulk.hpp>
#include <toll/reconcile/reconcile.hpp>
#include <toll/reconcile/timeline.hpp>

#include "reconcile_support.hpp"

using namespace toll;

namespace {

/// What an engine says about one key, with each claim named by its id ("" for none).
struct key_numbers {
    toll::status status = status::unknown;
    count_type low = 0, high = 0, lower = 0, upper = 0, best = 0;
    bool capped = false, has_best = false;
    std::string low_by, high_by, lower_by, upper_by, best_by;
    std::uint32_t claims = 0, used = 0;
};

std::string to_string(const key_numbers& k)
{
    std::ostringstream out;
    out << toll::to_string(k.status) << " reported " << k.low << "-" << k.high << " (" << k.low_by << ", " << k.high_by << ") lower "
        << k.lower << " (" << k.lower_by << ")";
    if (k.capped) out << " upper " << k.upper << " (" << k.upper_by << ")";
    if (k.has_best) out << " best " << k.best << " (" << k.best_by << ")";
    out << " claims " << k.claims << " used " << k.used;
    return out.str();
}

/// A claim's fate: "used", or the exclusion and the claim counted instead.
using fates = std::map<std::string, std::string>;

std::string fate_text(std::optional<exclusion> why, std::string_view instead)
{
    if (!why) return "used";
    std::string text{toll::to_string(*why)};
    if (!instead.empty()) text += ":" + std::string{instead};
    return text;
}

/// The claim-level result as key_numbers; a list of tying claims names its smallest id (lists are
/// sorted by id).
key_numbers numbers_of(const reconciliation& r)
{
    key_numbers k;
    k.status = r.status;
    k.claims = static_cast<std::uint32_t>(r.claims.size());
    k.used = static_cast<std::uint32_t>(std::count_if(r.claims.begin(), r.claims.end(), [](const claim_fate& f) { return f.used(); }));
    if (r.status == status::unknown) return k;
    k.low = r.reported->range.low();
    k.high = r.reported->range.high().value_or(detail::unbounded);
    k.low_by = r.reported->low_claims.front();
    k.high_by = r.reported->high_claims.front();
    k.lower = r.lower->value;
    k.lower_by = r.lower->claims.front();
    k.capped = r.upper.has_value();
    if (r.upper) {
        k.upper = r.upper->value;
        k.upper_by = r.upper->claims.front();
    }
    k.has_best = r.best.has_value();
    if (r.best) {
        k.best = r.best->value;
        k.best_by = r.best->claims.front();
    }
    return k;
}

/// A summary (bulk or CSV) as key_numbers, with `id(i)` the id of claim i.
template <class Id>
key_numbers numbers_of(const detail::summary& s, toll::status st, std::uint32_t claims, std::uint32_t used, Id id)
{
    key_numbers k;
    k.status = st;
    k.claims = claims;
    k.used = used;
    if (st == status::unknown) return k;
    k.low = s.reported_low;
    k.high = s.reported_high;
    k.low_by = id(s.reported_low_by);
    k.high_by = id(s.reported_high_by);
    k.lower = s.lower;
    k.lower_by = id(s.lower_by);
    k.capped = s.capped();
    if (k.capped) {
        k.upper = s.upper;
        k.upper_by = id(s.upper_by);
    }
    k.has_best = s.has_best();
    if (k.has_best) {
        k.best = s.best;
        k.best_by = id(s.best_by);
    }
    return k;
}

struct engine_result {
    std::map<claim_key, key_numbers> keys;
    fates claims;
};

engine_result by_claims(const std::vector<claim>& claims, const policy& p, std::optional<boost::gregorian::date> as_of)
{
    engine_result out;
    const auto report = reconcile(claims, p, as_of);
    for (const auto& r : report.results) {
        out.keys[r.key] = numbers_of(r);
        for (const auto& f : r.claims) out.claims[f.claim] = fate_text(f.exclusion, f.counted_instead);
    }
    return out;
}

/// Both bulk calls on records whose claim indices follow id order (ties go as in every engine).
std::pair<engine_result, engine_result> by_records(const std::vector<claim>& claims, const policy& p,
                                                   std::optional<boost::gregorian::date> as_of, std::mt19937_64& rng)
{
    std::vector<const claim*> by_id;
    for (const auto& c : claims) by_id.push_back(&c);
    std::sort(by_id.begin(), by_id.end(), [](const claim* a, const claim* b) { return a->id < b->id; });
    std::map<claim_key, std::uint32_t> keys;
    std::map<std::pair<std::string, source_kind>, std::uint32_t> origins;
    for (const claim* c : by_id) {
        keys.emplace(key_of(*c), 0);
        origins.emplace(std::pair{c->source.origin.name, c->source.origin.kind}, static_cast<std::uint32_t>(origins.size()));
    }
    std::vector<claim_key> key_of_number;
    for (auto& [k, number] : keys) {
        number = static_cast<std::uint32_t>(key_of_number.size());
        key_of_number.push_back(k);
    }
    std::vector<bulk::record> records;
    for (std::uint32_t i = 0; i < by_id.size(); ++i) {
        const claim& c = *by_id[i];
        records.push_back(bulk::make_record(keys.at(key_of(c)), origins.at({c.source.origin.name, c.source.origin.kind}), i, c, p, as_of));
    }
    std::shuffle(records.begin(), records.end(), rng);
    const auto id = [&](std::uint32_t i) { return i == detail::nobody ? std::string{} : by_id.at(i)->id; };
    const auto collect = [&](const bulk::result& r, const std::vector<bulk::record>& input) {
        engine_result out;
        std::map<std::uint32_t, std::pair<std::uint32_t, std::uint32_t>> counts;  // key: claims, used
        for (const auto& rec : input) {
            auto& [all, used] = counts[rec.key];
            ++all;
            used += r.fates[rec.claim].used() ? 1U : 0U;
        }
        for (const auto& kr : r.keys) {
            const auto [all, used] = counts.at(kr.key());
            out.keys[key_of_number.at(kr.key())] = numbers_of(kr.summary(), kr.status(), all, used, id);
        }
        for (std::uint32_t i = 0; i < by_id.size(); ++i) {
            out.claims[by_id[i]->id] = fate_text(r.fates[i].exclusion(), id(r.fates[i].counted_instead()));
        }
        return out;
    };
    const auto unsorted = bulk::reconcile(records, static_cast<std::uint32_t>(keys.size()), p.best, 4);
    auto grouped_records = records;
    std::stable_sort(grouped_records.begin(), grouped_records.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
    const auto grouped = bulk::reconcile_grouped(grouped_records, p.best);
    return {collect(unsorted, records), collect(grouped, grouped_records)};
}

std::string as_csv(const std::vector<claim>& claims)
{
    std::ostringstream out;
    write_claims_csv(out, claims);
    return out.str();
}

engine_result by_csv(const std::string& text, const policy& p, std::optional<boost::gregorian::date> as_of, std::string* results_csv = nullptr)
{
    reconcile_csv_options options;
    options.vagueness = p.vague_words;
    options.as_of = as_of;
    claims_csv_reconciler r{p, options};
    r.load_text(text);
    REQUIRE(r.errors().empty());
    engine_result out;
    const auto id = [&](std::uint32_t i) { return i == detail::nobody ? std::string{} : std::string{r.id(i)}; };
    if (results_csv) {
        std::ostringstream written;
        r.write_csv(written);
        *results_csv = written.str();
    } else {
        r.for_each_key([&](const csv_key_result& k) {
            claim_key key;
            detail::for_each_list_item(k.events, [&](std::string_view e) { key.events.emplace_back(e); });
            key.category = k.category;
            key.group = group{k.kind, std::string{k.label}, std::string{k.party}};
            out.keys[key] = numbers_of(k.summary, k.status, k.claims, k.used, id);
            CHECK(k.best == (k.summary.has_best() ? std::optional<count_type>{k.summary.best} : std::nullopt));
            for (const bulk::record& row : k.rows) {
                const bulk::fate f = k.fates[row.claim];
                out.claims[std::string{r.id(row.claim)}] = fate_text(f.exclusion(), id(f.counted_instead()));
            }
        });
    }
    return out;
}

/// Random claims, in random file order, with ids whose byte order is neither file order nor the
/// order of their numbers ("k7" > "k12").
std::vector<claim> random_claims(std::mt19937_64& rng, std::size_t count)
{
    const std::vector<source> origins{{"residents", source_kind::witness, {}},    {"HRW", source_kind::ngo, {}},
                                      {"army", source_kind::government, "Mali"}, {"blog", source_kind::other, {}},
                                      {"JNIM media", source_kind::armed_group, "JNIM"}, {"MINUSMA", source_kind::un_body, {}}};
    const std::vector<source> outlets{{"RFI", source_kind::media, {}}, {"AFP", source_kind::media, {}}};
    const std::vector<figure> figures{
        figure::exact(12),        figure::exact(20),       figure::at_least(20),     figure::more_than(13),       figure::range(5, 30),
        figure::range(200, 400),  figure::at_most(20),     figure::at_most(2000),    figure::fewer_than(10),      figure::zero(),
        figure::unknown(),        figure::approximately(300), figure::approximately(50), figure::approximately(12),
        figure::vague(vague_word::dozens), figure::vague(vague_word::several), figure::exact(150),
        figure::exact((count_type{1} << 36) + 5),  // too big for the bulk path's packed bounds
        figure::approximately(1'000'000),          // a centre that needs more than 16 bits
        figure::range(5, 30, 20),                  // a range with its source's best (UCDP GED's low, best, high)
        figure::range(10, 40, 10),
    };
    const std::vector<group> groups{group::everyone(), group::civilians(), group::security_forces("Mali"), group::armed_group("JNIM")};
    std::vector<claim> claims;
    std::vector<std::uint32_t> numbers(count);
    for (std::uint32_t i = 0; i < count; ++i) numbers[i] = i;
    std::shuffle(numbers.begin(), numbers.end(), rng);
    for (std::size_t i = 0; i < count; ++i) {
        claim c;
        c.id = "k" + std::to_string(numbers[i]);
        const auto scope = rng() % 8;
        c.events = scope == 0 ? std::vector<std::string>{"e1", "e2"} : std::vector<std::string>{scope < 5 ? "e1" : "e2"};
        c.category = rng() % 5 == 0 ? category::injured : category::killed;
        c.group = groups[rng() % groups.size()];
        c.figure = figures[rng() % figures.size()];
        c.source.origin = origins[rng() % origins.size()];
        if (rng() % 3 == 0) c.source.via.push_back(outlets[rng() % outlets.size()]);
        if (rng() % 6 != 0) c.reported = test::day(2023, 1, static_cast<int>(1 + rng() % 3));  // few days: same-day reports
        claims.push_back(c);
    }
    return claims;
}

void check_same(const engine_result& want, const engine_result& got, const char* engine)
{
    CAPTURE(engine);
    REQUIRE(got.keys.size() == want.keys.size());
    for (const auto& entry : want.keys) {  // not a structured binding: clang 14 cannot capture one in CAPTURE
        const auto& key = entry.first;
        const auto& numbers = entry.second;
        CAPTURE(toll::to_string(key));
        const auto it = got.keys.find(key);
        REQUIRE(it != got.keys.end());
        CHECK(to_string(it->second) == to_string(numbers));
    }
    CHECK(got.claims == want.claims);
}

}  // namespace

TEST_CASE("every engine gives every key the same numbers and every claim the same fate")
{
    std::mt19937_64 rng{2026};
    const std::vector<policy> presets{policy::acled(), policy::ucdp(), policy::strict()};
    for (int round = 0; round < 150; ++round) {
        CAPTURE(round);
        const policy& p = presets[static_cast<std::size_t>(round) % presets.size()];
        CAPTURE(p.name);
        const std::optional<boost::gregorian::date> as_of =
            round % 4 == 0 ? std::optional{test::day(2023, 1, static_cast<int>(1 + rng() % 3))} : std::nullopt;
        const std::vector<claim> claims = random_claims(rng, 1 + rng() % 60);
        const engine_result want = by_claims(claims, p, as_of);
        const auto [unsorted, grouped] = by_records(claims, p, as_of, rng);
        check_same(want, unsorted, "bulk::reconcile");
        check_same(want, grouped, "bulk::reconcile_grouped");
        check_same(want, by_csv(as_csv(claims), p, as_of), "claims_csv_reconciler");

        // A timeline's last step is the reconciliation as of the key's latest report: the same
        // as every engine's as of that date.
        const claim_key& key = want.keys.begin()->first;
        const auto steps = timeline(claims, key, p);
        if (!steps.empty()) {
            const auto then = by_csv(as_csv(claims), p, steps.back().as_of);
            key_numbers last = numbers_of(steps.back().state);
            key_numbers streamed = then.keys.at(key);
            last.claims = streamed.claims = 0;  // the timeline's state lists every other claim as outside the key
            CHECK(to_string(last) == to_string(streamed));
        }
    }
}

TEST_CASE("shuffling the rows of a claims file changes no number and no named claim")
{
    std::mt19937_64 rng{15};
    for (int round = 0; round < 30; ++round) {
        CAPTURE(round);
        const policy p = round % 3 == 0 ? policy::acled() : round % 3 == 1 ? policy::ucdp() : policy::strict();
        std::vector<claim> claims = random_claims(rng, 1 + rng() % 80);
        std::string first;
        (void)by_csv(as_csv(claims), p, std::nullopt, &first);
        std::shuffle(claims.begin(), claims.end(), rng);
        std::string again;
        (void)by_csv(as_csv(claims), p, std::nullopt, &again);
        // Keys come in the order they first appear; each key's row, excluded claims included, is
        // the same.
        const auto rows = [](const std::string& text) {
            std::vector<std::string> lines;
            std::istringstream in{text};
            for (std::string line; std::getline(in, line);) lines.push_back(line);
            std::sort(lines.begin(), lines.end());
            return lines;
        };
        CHECK(rows(first) == rows(again));
    }
}

namespace {

/// The key's numbers as each engine gives them: claim-level, bulk unsorted, bulk grouped, CSV.
std::vector<key_numbers> every_engine(const std::vector<claim>& claims, const policy& p, const claim_key& key)
{
    std::mt19937_64 rng{1};
    const auto [unsorted, grouped] = by_records(claims, p, std::nullopt, rng);
    std::vector<key_numbers> out;
    for (const engine_result& r : {by_claims(claims, p, std::nullopt), unsorted, grouped, by_csv(as_csv(claims), p, std::nullopt)}) {
        REQUIRE(r.keys.count(key) == 1);
        out.push_back(r.keys.at(key));
    }
    return out;
}

const claim_key e1_killed{{"e1"}, category::killed, group::everyone()};

}  // namespace

TEST_CASE("issue 10: two reports of one origin on one day: the smallest id counts in the table and in the CSV")
{
    // b = 50 is the first row, a = 10 the second; both from the same source on the same day.
    const std::vector<claim> claims{test::make("b").says(figure::exact(50)).on(test::day(2023, 12, 12)),
                                    test::make("a").says(figure::exact(10)).on(test::day(2023, 12, 12))};
    for (const key_numbers& k : every_engine(claims, policy::ucdp(), e1_killed)) {
        CHECK(k.low == 10);
        CHECK(k.lower_by == "a");
        CHECK(k.best == 10);
        CHECK(k.used == 1);
    }
    CHECK(by_csv(as_csv(claims), policy::ucdp(), std::nullopt).claims.at("b") == "superseded:a");
}

TEST_CASE("issue 10: Moura-like, ucdp: \"between 200 and 400\" and HRW's \"about 300\" give best 300, a figure HRW stated")
{
    const std::vector<claim> claims{
        test::make("un").says(figure::range(200, 400)).per(test::from("OHCHR", source_kind::un_body)),
        test::make("hrw").says(figure::approximately(300)).per(test::from("HRW", source_kind::ngo)),
    };
    for (const key_numbers& k : every_engine(claims, policy::ucdp(), e1_killed)) {
        CHECK(k.lower == 270);  // ±10% still bounds the count from below
        CHECK(k.best == 300);   // but the best is what HRW said, not the 270 of the widening
        CHECK(k.best_by == "hrw");
        CHECK(k.low == 200);
        CHECK(k.high == 400);
    }
}

TEST_CASE("issue 10: Baga-like, acled: \"as many as 2,000\" and \"150\" give best 150, never the 0 of an \"up to\"")
{
    const std::vector<claim> claims{
        test::make("gov").says(figure::exact(150)).per(test::from("government", source_kind::government)),
        test::make("local").says(figure::at_most(2000)).per(test::from("local official", source_kind::local_official)),
    };
    for (const key_numbers& k : every_engine(claims, policy::acled(), e1_killed)) {
        CHECK(k.best == 150);
        CHECK(k.best_by == "gov");
        CHECK(k.lower == 150);
    }
    // "fewer than 10" alone is 9 at most: its best is 9, the figure it allows, not 0.
    const std::vector<claim> fewer{test::make("f").says(figure::fewer_than(10))};
    for (const key_numbers& k : every_engine(fewer, policy::acled(), e1_killed)) CHECK(k.best == 9);
    // 0 only when a source said none.
    const std::vector<claim> none{test::make("n").says(figure::zero())};
    for (const key_numbers& k : every_engine(none, policy::acled(), e1_killed)) CHECK((k.has_best && k.best == 0));
}

TEST_CASE("issue 10: \"12\" and \"up to 20\" report 12 to 20: nobody reported zero")
{
    const std::vector<claim> claims{
        test::make("twelve").says(figure::exact(12)).per(test::from("residents", source_kind::witness)),
        test::make("up-to").says(figure::at_most(20)).per(test::from("mayor", source_kind::local_official)),
    };
    for (const policy& p : {policy::acled(), policy::ucdp(), policy::strict()}) {
        CAPTURE(p.name);
        for (const key_numbers& k : every_engine(claims, p, e1_killed)) {
            CHECK(k.low == 12);
            CHECK(k.low_by == "twelve");
            CHECK(k.high == 20);
            CHECK(k.high_by == "up-to");
            CHECK(k.lower == 12);
            CHECK(k.upper == (p.exact_is_complete ? 12 : 20));  // strict: "12" is a complete count
        }
    }
}

TEST_CASE("a range with the best its source stated (\"12–20 (best 20)\") gives that best as its figure")
{
    const std::vector<claim> alone{test::make("ged").says(figure::range(12, 20, 20)).per(test::from("UCDP GED", source_kind::dataset))};
    for (const policy& p : {policy::acled(), policy::ucdp(), policy::strict()}) {
        CAPTURE(p.name);
        for (const key_numbers& k : every_engine(alone, p, e1_killed)) {
            CHECK(k.low == 12);  // the reported range is still what the range states
            CHECK(k.high == 20);
            CHECK(k.best == 20);
            CHECK(k.best_by == "ged");
        }
    }
    // Beside "at least 15", acled takes the lower of the two figures given as best: 15.
    std::vector<claim> with_lower = alone;
    with_lower.push_back(test::make("hrw").says(figure::at_least(15)).per(test::from("HRW", source_kind::ngo)));
    for (const key_numbers& k : every_engine(with_lower, policy::acled(), e1_killed)) CHECK(k.best == 15);
    for (const key_numbers& k : every_engine(with_lower, policy::ucdp(), e1_killed)) CHECK(k.best == 20);
}
