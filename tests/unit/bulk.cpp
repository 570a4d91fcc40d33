// The compact path must agree with the claim-level reconcile on every bound, the claim that sets
// it, the status and every fate.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <toll/bulk.hpp>
#include <toll/reconcile.hpp>

#include "reconcile_support.hpp"

using namespace toll;

namespace {

std::vector<claim> random_claims(std::mt19937_64& rng, std::size_t count)
{
    const std::vector<source> origins{{"residents", source_kind::witness, {}}, {"HRW", source_kind::ngo, {}},
                                      {"army", source_kind::government, "Mali"}, {"post", source_kind::other, {}}};
    const std::vector<figure> figures{figure::exact(12), figure::at_least(20), figure::range(5, 30), figure::at_most(8),
                                      figure::zero(), figure::unknown(), figure::approximately(50), figure::more_than(13),
                                      figure::vague(vague_word::dozens), figure::exact(30)};
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
        const auto fast = bulk::reconcile(records, static_cast<std::uint32_t>(keys.size()), 4);
        auto sorted = records;
        std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
        const auto grouped = bulk::reconcile_grouped(sorted);

        const auto report = reconcile(claims, p, as_of);
        REQUIRE(fast.keys.size() == report.results.size());
        REQUIRE(grouped.keys.size() == report.results.size());
        for (std::size_t k = 0; k < fast.keys.size(); ++k) {
            const auto& r = report.results[k];
            const auto& s = fast.keys[k].summary;
            CHECK(fast.keys[k].key == k);
            CHECK(s == grouped.keys[k].summary);
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
        }
        for (std::uint32_t i = 0; i < claims.size(); ++i) {
            const auto& f = fast.fates[i];
            CHECK(f.code == grouped.fates[i].code);
            const claim_fate* expected = report.find(key_of(claims[i]))->fate(claims[i].id);
            REQUIRE(expected);
            CHECK(f.exclusion() == expected->exclusion);
            CHECK((f.counted_instead == detail::nobody ? std::string{} : claims[f.counted_instead].id) == expected->counted_instead);
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
}
