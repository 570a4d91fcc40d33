// The compact path must agree with the claim-level reconcile on every bound, the claim that sets
// it, the status and every fate.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include <toll/reconcile/bulk.hpp>
#include <toll/reconcile/reconcile.hpp>

#include "reconcile_support.hpp"

using namespace toll;

namespace {

std::vector<claim> random_claims(std::mt19937_64& rng, std::size_t count)
{
    const std::vector<source> origins{{"residents", source_kind::witness, {}}, {"HRW", source_kind::ngo, {}},
                                      {"army", source_kind::government, "Mali"}, {"post", source_kind::other, {}}};
    const std::vector<figure> figures{figure::exact(12), figure::at_least(20), figure::range(5, 30), figure::at_most(8),
                                      figure::zero(), figure::unknown(), figure::approximately(50), figure::more_than(13),
                                      figure::vague(vague_word::dozens), figure::exact(30), figure::fewer_than(10),
                                      figure::approximately(25), figure::range(20, 40)};
    std::vector<claim> claims;
    for (std::size_t i = 0; i < count; ++i) {
        claim c;
        c.id = "c" + std::to_string(1000 + i);  // same width, so id order is index order
        c.events = {rng() % 2 == 0 ? "e1" : "e2"};
        c.group = rng() % 3 == 0 ? group::armed_group("JNIM") : group::everyone();
        c.figure = figures[rng() % figures.size()];
        c.source.origin = origins[rng() % origins.size()];
        if (rng() % 8 != 0) c.reported = test::day(2023, 1, static_cast<int>(1 + rng() % 4));
        claims.push_back(c);
    }
    return claims;
}

}  // namespace

TEST_CASE("bulk reconciliation agrees with the claim-level one")
{
    std::mt19937_64 rng{7};
    bulk::result reused;
    bulk::result reused_grouped;
    bulk::workspace scratch;
    for (int round = 0; round < 200; ++round) {
        CAPTURE(round);
        const policy p = round % 3 == 0 ? policy::acled() : round % 3 == 1 ? policy::ucdp() : policy::strict();
        const std::optional<boost::gregorian::date> as_of = round % 5 == 0 ? std::optional{test::day(2023, 1, 2)} : std::nullopt;
        const auto claims = random_claims(rng, 1 + rng() % 40);

        // Intern keys and origins in sorted order, so key ids follow the report's key order.
        std::map<claim_key, std::uint32_t> keys;
        std::map<std::pair<std::string, source_kind>, std::uint32_t> origins;
        for (const auto& c : claims) {
            keys.emplace(key_of(c), 0);
            origins.emplace(std::pair{c.source.origin.name, c.source.origin.kind}, 0);
        }
        std::uint32_t next = 0;
        for (auto& [k, id] : keys) id = next++;
        next = 0;
        for (auto& [o, id] : origins) id = next++;
        std::vector<bulk::record> records;
        for (std::uint32_t i = 0; i < claims.size(); ++i) {
            const claim& c = claims[i];
            records.push_back(bulk::make_record(keys[key_of(c)], origins[{c.source.origin.name, c.source.origin.kind}], i, c, p, as_of));
        }
        std::shuffle(records.begin(), records.end(), rng);
        const auto fast = bulk::reconcile(records, static_cast<std::uint32_t>(keys.size()), p.best, 4);
        auto sorted = records;
        std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
        const auto grouped = bulk::reconcile_grouped(sorted, p.best);
        // The order of a key's records changes nothing (packed bounds break ties by claim index).
        auto ascending = records;
        std::sort(ascending.begin(), ascending.end(), [](const auto& a, const auto& b) { return a.key != b.key ? a.key < b.key : a.claim < b.claim; });
        auto descending = ascending;
        std::stable_sort(descending.begin(), descending.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
        std::reverse(descending.begin(), descending.end());
        std::stable_sort(descending.begin(), descending.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
        for (const auto& order : {ascending, descending}) {
            const auto again = bulk::reconcile_grouped(order, p.best);
            CHECK((again.keys == grouped.keys && again.fates == grouped.fates));
        }
        // Buffers reused from the previous round (another size, other keys) change nothing.
        bulk::reconcile(records, static_cast<std::uint32_t>(keys.size()), p.best, reused, scratch, 4);
        CHECK((reused.keys == fast.keys && reused.fates == fast.fates));
        bulk::reconcile_grouped(sorted, reused_grouped, p.best);
        CHECK((reused_grouped.keys == grouped.keys && reused_grouped.fates == grouped.fates));

        const auto report = reconcile(claims, p, as_of);
        REQUIRE(fast.keys.size() == report.results.size());
        REQUIRE(grouped.keys.size() == report.results.size());
        for (std::size_t k = 0; k < fast.keys.size(); ++k) {
            const auto& r = report.results[k];
            const auto s = fast.keys[k].summary();
            CHECK(fast.keys[k].key() == k);
            CHECK(fast.keys[k] == grouped.keys[k]);
            CHECK(fast.keys[k].status() == r.status);
            if (!r.reported) continue;
            CHECK(r.reported->range.low() == s.reported_low);
            CHECK(r.reported->range.high().value_or(detail::unbounded) == s.reported_high);
            CHECK(r.reported->low_claims.front() == claims[s.reported_low_by].id);
            CHECK(r.reported->high_claims.front() == claims[s.reported_high_by].id);
            CHECK(r.lower->value == s.lower);
            CHECK(r.lower->claims.front() == claims[s.lower_by].id);
            CHECK(r.upper.has_value() == s.capped());
            if (r.upper) CHECK(r.upper->claims.front() == claims[s.upper_by].id);
            CHECK(r.best.has_value() == fast.keys[k].best().has_value());
            if (r.best && fast.keys[k].best()) {
                CHECK(r.best->value == *fast.keys[k].best());
                CHECK(r.best->claims.front() == claims[fast.keys[k].best_by()].id);
            }
        }
        for (std::uint32_t i = 0; i < claims.size(); ++i) {
            const auto& f = fast.fates[i];
            CHECK(f == grouped.fates[i]);
            const claim_fate* expected = report.find(key_of(claims[i]))->fate(claims[i].id);
            REQUIRE(expected);
            CHECK(f.exclusion() == expected->exclusion);
            CHECK((f.counted_instead() == detail::nobody ? std::string{} : claims[f.counted_instead()].id) == expected->counted_instead);
        }
    }
}

TEST_CASE("bulk reconciliation rejects out-of-range keys and claim indices")
{
    std::vector<bulk::record> records(2);
    records[1].claim = 1;
    records[1].key = 5;
    CHECK_THROWS_AS((void)bulk::reconcile(records, 5), std::invalid_argument);
    CHECK(bulk::reconcile(records, 6).keys.size() == 2);
    records[1].claim = 2;
    CHECK_THROWS_AS((void)bulk::reconcile(records, 6), std::invalid_argument);
    CHECK(bulk::reconcile(std::vector<bulk::record>{}, 0).keys.empty());
    CHECK_THROWS_AS((void)bulk::reconcile_grouped(records), std::invalid_argument);
}

TEST_CASE("bulk: many records of one key are sorted, not scanned pairwise, with the same fates")
{
    // 100 records of one key from 7 origins over 5 days: more than a pairwise scan takes.
    std::vector<bulk::record> records;
    for (std::uint32_t i = 0; i < 100; ++i) {
        bulk::record r;
        r.origin = i % 7;
        r.claim = i;
        r.day = 100 + (i * 13) % 5;
        r.low_and_flags = (i * 5) % 3;
        r.high = r.low_and_flags + 10;
        records.push_back(r);
    }
    const auto large = bulk::reconcile_grouped(records);
    bulk::result pairwise;
    pairwise.fates.resize(records.size());
    for (std::uint32_t origin = 0; origin < 7; ++origin) {
        std::vector<bulk::record> mine;
        for (const auto& r : records) {
            if (r.origin == origin) mine.push_back(r);
        }
        (void)bulk::detail::reduce_key(mine.data(), mine.data() + mine.size(), pairwise.fates.data(), best_rule::lowest_figure,
                                       bulk::detail::rank_by_claim{});
    }
    CHECK(large.fates == pairwise.fates);
    CHECK(std::count_if(large.fates.begin(), large.fates.end(), [](const bulk::fate& f) { return f.used(); }) == 7);
}

TEST_CASE("bulk: a revised figure that set a bound no longer sets it")
{
    auto exact = [](std::uint32_t claim, std::uint32_t origin, std::uint32_t day, std::uint64_t n) {
        bulk::record r;
        r.origin = origin;
        r.claim = claim;
        r.day = day;
        r.low_and_flags = n;
        r.high = n;
        return r;
    };
    // Origin 0 said 50, then 10; origin 1 said 30 on the first day and again (relayed) on the second.
    const std::vector<bulk::record> records{exact(0, 0, 1, 50), exact(1, 0, 2, 10), exact(2, 1, 1, 30), exact(3, 1, 2, 30)};
    const auto r = bulk::reconcile_grouped(records);
    REQUIRE(r.keys.size() == 1);
    const auto s = r.keys[0].summary();
    CHECK(s.figures == 2);
    CHECK(s.reported_high == 30);
    CHECK(s.reported_high_by == 3);  // the latest of the two saying 30 is the one that counts
    CHECK(s.reported_low_by == 1);
    CHECK(s.lower_by == 3);
    CHECK(r.fates[0] == bulk::fate{1 + static_cast<std::uint8_t>(exclusion::superseded), 1});
    CHECK(r.fates[2] == bulk::fate{1 + static_cast<std::uint8_t>(exclusion::relayed), 3});
}

TEST_CASE("bulk: the scan of a small key agrees with the sort of a large one, whatever the records hold")
{
    // Origins 3, 67 and 131 share their low six bits (the scan's table falls back to comparing
    // records pairwise); the rest do not. Records are excluded, unknown, relayed and revised at
    // random, in any claim order.
    std::mt19937_64 rng{11};
    const std::vector<std::uint32_t> colliding{3, 67, 131, 5, 9};
    const std::vector<std::uint32_t> distinct{3, 5, 9, 12, 40};
    for (int round = 0; round < 2000; ++round) {
        CAPTURE(round);
        const auto& origins = round % 2 == 0 ? colliding : distinct;
        const std::uint32_t n = 1 + static_cast<std::uint32_t>(rng() % bulk::detail::small_key);
        std::vector<std::uint32_t> claims(n);
        std::iota(claims.begin(), claims.end(), 0U);
        if (round % 3 == 0) std::shuffle(claims.begin(), claims.end(), rng);
        std::vector<bulk::record> records;
        for (std::uint32_t i = 0; i < n; ++i) {
            bulk::record r;
            r.origin = origins[rng() % origins.size()];
            r.claim = claims[i];
            r.day = 100 + static_cast<std::uint32_t>(rng() % 3);
            const std::uint64_t low = rng() % 4;
            r.low_and_flags = low;
            r.high = rng() % 2 == 0 ? low : low + rng() % 3;
            if (rng() % 3 == 0) r.low_and_flags |= bulk::record::caps_flag;
            if (rng() % 5 == 0) {  // stated otherwise than as read: "up to", or "about n" (whose centre spans both words)
                const std::uint64_t stated = rng() % 2 == 0 ? 1 + rng() % 4 : (std::uint64_t{1} << 20) + rng() % 4;
                const bool centre = rng() % 2 == 0;
                r.set_reading(detail::rules::reading{centre ? stated - 1 : 0, stated + (centre ? 1 : 0), rng() % 2 == 0,
                                                     centre ? detail::rules::stated_as::centre : detail::rules::stated_as::upper_end,
                                                     centre ? stated : 0});
            }
            if (rng() % 9 == 0) r.low_and_flags = bulk::record::unknown_flag, r.high = detail::unbounded;
            if (rng() % 7 == 0) r.low_and_flags |= std::uint64_t{1 + rng() % 3} << bulk::record::exclusion_shift;
            records.push_back(r);
        }
        std::vector<bulk::fate> scanned(n);
        std::vector<bulk::fate> sorted(n);
        std::vector<bulk::record> scratch;
        const auto rule = static_cast<best_rule>(round % 3);
        const auto by_scan = bulk::detail::reduce_key(records.data(), records.data() + n, scanned.data(), rule, bulk::detail::rank_by_claim{});
        const auto by_sort =
            bulk::detail::reduce_large_key(records.data(), records.data() + n, sorted.data(), rule, bulk::detail::rank_by_claim{}, scratch);
        CHECK(scanned == sorted);
        CHECK(by_scan == by_sort);
    }
}

TEST_CASE("bulk: a key's result keeps every count up to max_count, and who set it, exactly")
{
    const std::vector<count_type> values{0,
                                         1,
                                         (count_type{1} << 36) - 2,
                                         (count_type{1} << 36) - 1,  // the packed word's field all ones
                                         count_type{1} << 36,
                                         (count_type{3} << 36) - 1,  // all ones below a nibble of 2
                                         max_count - 1,
                                         max_count,
                                         detail::unbounded};
    const std::vector<std::uint32_t> claims{0, 7, static_cast<std::uint32_t>(bulk::max_claims - 1), detail::nobody};
    std::size_t i = 0;
    for (const count_type a : values) {
        for (const count_type b : values) {
            detail::summary s;
            s.reported_low = a;
            s.reported_high = b;
            s.lower = b;
            s.upper = a;
            s.reported_low_by = claims[i % claims.size()];
            s.reported_high_by = claims[(i + 1) % claims.size()];
            s.lower_by = claims[(i + 2) % claims.size()];
            s.upper_by = claims[(i + 3) % claims.size()];
            s.figures = static_cast<std::uint32_t>(i);
            s.unknowns = static_cast<std::uint32_t>(2 * i);
            s.best = a;
            s.best_by = claims[(i + 1) % claims.size()];
            if (s.best_by == detail::nobody) s.best = 0;
            ++i;
            CAPTURE(a);
            CAPTURE(b);
            CHECK(bulk::key_result{3, s}.summary() == s);
        }
    }
    CHECK(bulk::key_result{}.summary() == detail::summary{});

    // Figures too big for the packed bounds take the exact path and come out whole.
    auto exact = [](std::uint32_t claim, std::uint32_t origin, count_type n) {
        bulk::record r;
        r.origin = origin;
        r.claim = claim;
        r.low_and_flags = n;
        r.high = n;
        return r;
    };
    const count_type big = (count_type{1} << 36) - 1;
    const auto r = bulk::reconcile_grouped(std::vector{exact(0, 0, 5), exact(1, 1, big), exact(2, 2, max_count)});
    REQUIRE(r.keys.size() == 1);
    const auto s = r.keys[0].summary();
    CHECK(s.reported_low == 5);
    CHECK(s.reported_high == max_count);
    CHECK(s.reported_high_by == 2);
    CHECK(s.figures == 3);

    // Just below what packs, where the fast path already hands over to the exact one.
    const count_type edge = count_type{1} << 35;
    const auto e = bulk::reconcile_grouped(std::vector{exact(0, 0, edge + 1), exact(1, 1, edge)}).keys.at(0).summary();
    CHECK(e.reported_low == edge);
    CHECK(e.reported_low_by == 1);
    CHECK(e.reported_high == edge + 1);
    CHECK(e.reported_high_by == 0);
}
