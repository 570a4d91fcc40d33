// Properties of reconciliation over random claim sets. Every case is reproducible: case i is
// generated from seed `base_seed + i`, and a failure prints that seed.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <toll/reconcile/reconcile.hpp>

#include "reconcile_support.hpp"

using namespace toll;

namespace {

constexpr std::uint64_t base_seed = 20240601;
constexpr int case_count = 10'000;

// std::mt19937_64's output is fixed by the standard; the distributions are not, so draw by hand.
struct random_source {
    std::mt19937_64 engine;
    std::uint64_t below(std::uint64_t n) { return engine() % n; }
    bool chance(std::uint64_t percent) { return below(100) < percent; }
    template <class T>
    const T& pick(const std::vector<T>& items) { return items[below(items.size())]; }
};

figure random_figure(random_source& rng)
{
    const count_type n = rng.below(60);
    switch (rng.below(11)) {
    case 0: return figure::exact(n);
    case 1: return figure::range(n, n + rng.below(30));
    case 2: return figure::at_least(n);
    case 3: return figure::more_than(n);
    case 4: return figure::at_most(n);
    case 5: return figure::fewer_than(n + 1);
    case 6: return figure::approximately(n);
    case 7: return figure::vague(static_cast<vague_word>(rng.below(vague_word_count)));
    case 8: return figure::unknown();
    case 9: return figure::zero();
    default: return figure::exact(n + 1);
    }
}

std::vector<claim> random_claims(random_source& rng, std::size_t count)
{
    static const std::vector<std::string> events{"e1", "e2", "e3"};
    static const std::vector<group> groups{group::everyone(), group::civilians(), group::security_forces("Mali"),
                                           group::armed_group("JNIM")};
    static const std::vector<source> origins{
        {"residents", source_kind::witness, {}}, {"HRW", source_kind::ngo, {}},          {"UN", source_kind::un_body, {}},
        {"army", source_kind::government, "Mali"}, {"JNIM", source_kind::armed_group, "JNIM"}, {"post", source_kind::other, {}},
        {"hospital", source_kind::medical, {}},  {"residents", source_kind::media, {}}};
    static const std::vector<source> relays{{"RFI", source_kind::media, {}}, {"Reuters", source_kind::media, {}}};
    std::vector<claim> claims;
    for (std::size_t i = 0; i < count; ++i) {
        claim c;
        c.id = "c" + std::to_string(i);
        c.events = {rng.pick(events)};
        if (rng.chance(10)) c.events.push_back(rng.pick(events));
        if (rng.chance(1)) c.events.clear();  // invalid
        c.category = rng.chance(80) ? category::killed : category::injured;
        c.group = rng.pick(groups);
        c.figure = random_figure(rng);
        c.source.origin = rng.pick(origins);
        if (rng.chance(40)) c.source.via.push_back(rng.pick(relays));
        if (!rng.chance(10)) c.reported = test::day(2023, 1, static_cast<int>(1 + rng.below(5)));
        claims.push_back(std::move(c));
    }
    if (count > 2 && rng.chance(2)) claims.back().id = claims.front().id;  // a repeated id: both invalid
    return claims;
}

policy random_policy(random_source& rng)
{
    switch (rng.below(4)) {
    case 0: return policy::acled();
    case 1: return policy::ucdp();
    case 2: return policy::strict();
    default: {
        policy p;
        p.name = "random";
        p.exclude_adversary_claims = rng.chance(50);
        p.exact_is_complete = rng.chance(50);
        p.approximate_tolerance_percent = static_cast<std::uint32_t>(rng.below(30));
        p.best = static_cast<best_rule>(rng.below(3));
        if (rng.chance(50)) p.admitted.erase(source_kind::media);
        return p;
    }
    }
}

// The first broken invariant, or an empty string. (One doctest assertion per case keeps ten
// thousand cases fast under sanitizers.)
std::string broken_invariant(const std::vector<claim>& claims, const policy& p, const reconciliation_report& report, bool repeated)
{
    // Every input claim appears exactly once, used or excluded: the ids of all fates, sorted, are
    // the ids of the input, sorted (a repeated id twice in both).
    std::vector<std::string_view> seen;
    for (const auto& f : report.invalid) seen.push_back(f.claim);
    for (const auto& r : report.results) {
        for (const auto& f : r.claims) seen.push_back(f.claim);
    }
    std::vector<std::string_view> expected;
    for (const auto& c : claims) expected.push_back(c.id);
    std::sort(seen.begin(), seen.end());
    std::sort(expected.begin(), expected.end());
    if (seen != expected) return "claims not accounted for exactly once";

    // The claims by id (the first of a repeated id, which is invalid and so never used).
    std::map<std::string, const claim*> by_id;
    for (const auto& c : claims) by_id.emplace(c.id, &c);

    for (const auto& r : report.results) {
        const std::string where = to_string(r.key) + ": ";
        if (r.policy != p.name) return where + "policy name";
        if (!std::is_sorted(r.claims.begin(), r.claims.end(), [](const claim_fate& a, const claim_fate& b) { return a.claim < b.claim; })) {
            return where + "fates not sorted";
        }
        if (!r.reported) {
            if (r.status != status::unknown) return where + "no figures but not unknown";
            continue;
        }
        const interval range = r.reported->range;
        if (r.best && !range.contains(r.best->value)) return where + "best outside the reported range";
        const bool consistent = r.status == status::consistent || r.status == status::zero;
        const interval logical = r.upper ? interval::between(r.lower->value, std::max(r.lower->value, r.upper->value))
                                         : interval::at_least(r.lower->value);
        // Under ucdp and strict the best lies within the logical bounds when the claims agree.
        if (r.best && consistent && p.best != best_rule::lowest_figure && !logical.contains(r.best->value)) {
            return where + "best outside [lower, upper]";
        }
        bool stated_inside = false;  // some used claim states a number within the logical bounds
        bool best_stated = false;    // some used claim states the best
        // Every used claim's stated numbers lie in the reported range, and its reading respects the
        // logical bounds.
        for (const auto& f : r.claims) {
            if (!f.used() || (repeated && f.claim == claims.front().id)) continue;
            const claim& c = *by_id.at(f.claim);
            const auto reading = p.reading(c.figure);
            if (!reading) continue;
            const auto read = detail::rules::read(c.figure, p);
            const count_type low = detail::rules::stated_low(*read);
            const count_type high = detail::rules::stated_high(*read);
            const interval stated = high == detail::unbounded ? interval::at_least(low) : interval::between(low, high);
            if (!range.contains(stated)) return where + c.id + " outside the reported range";
            stated_inside = stated_inside || logical.contains(low) || (high != detail::unbounded && logical.contains(high));
            best_stated = best_stated || (r.best && (r.best->value == low || r.best->value == high));
            if (r.lower->value < reading->low()) return where + c.id + " above the lower bound";
            if (p.caps(c.figure) && (!r.upper || r.upper->value > *reading->high())) return where + c.id + " caps lower than the upper bound";
        }
        if (r.best && !best_stated) return where + "best is no number a claim stated";
        const bool may_lack_best = p.best == best_rule::intersection && (r.status == status::conflicting || !stated_inside);
        if (!r.best && !may_lack_best) return where + "no best";
        if ((r.status == status::conflicting) != (r.upper && r.lower->value > r.upper->value)) return where + "status";
        if (r.clashing.empty() != (r.status != status::conflicting)) return where + "clashing";
    }
    return {};
}

}  // namespace

TEST_CASE("reconciliation properties over random claim sets")
{
    for (int i = 0; i < case_count; ++i) {
        const std::uint64_t seed = base_seed + static_cast<std::uint64_t>(i);
        CAPTURE(seed);
        random_source rng{std::mt19937_64{seed}};
        const policy p = random_policy(rng);
        const std::vector<claim> claims = random_claims(rng, rng.below(16));
        const std::optional<boost::gregorian::date> as_of =
            rng.chance(20) ? std::optional{test::day(2023, 1, static_cast<int>(1 + rng.below(5)))} : std::nullopt;

        const reconciliation_state whole{claims, p, as_of};
        const reconciliation_report report = whole.report();
        const bool repeated = claims.size() > 2 && claims.back().id == claims.front().id;
        CHECK(broken_invariant(claims, p, report, repeated) == "");

        // Shuffling never changes the state, hence never the output.
        std::vector<claim> shuffled = claims;
        std::shuffle(shuffled.begin(), shuffled.end(), rng.engine);
        REQUIRE(reconciliation_state{shuffled, p, as_of} == whole);

        // Merge of three disjoint parts is associative, commutative, and equals the union. (A
        // repeated id is only caught within one state, so those cases skip this step.)
        if (!repeated) {
            std::vector<claim> parts[3];
            for (const auto& c : shuffled) parts[rng.below(3)].push_back(c);
            reconciliation_state a{parts[0], p, as_of}, b{parts[1], p, as_of}, c{parts[2], p, as_of};
            const auto left = merge(merge(a, b), c);
            reconciliation_state incremental{p, as_of};
            for (const auto& claim_ : shuffled) incremental.add(claim_);
            const bool right_first = merge(a, merge(b, c)) == whole;
            CHECK((left == whole && right_first && merge(merge(std::move(c), std::move(a)), std::move(b)) == whole && incremental == whole));
        }

        // An admissible claim from a new origin never narrows the reported range of its key.
        // Only its key can change, so only its key is reconciled again (claims in other keys
        // cannot reach it: merge and shuffle above already show a key depends on its claims alone).
        if (!claims.empty() && !repeated && !as_of) {
            claim extra = claims[rng.below(claims.size())];
            extra.id = "extra";
            extra.source = source_chain{{"new origin", source_kind::ngo, {}}, {}};
            extra.figure = random_figure(rng);
            if (!extra.events.empty()) {
                const claim_key key = key_of(extra);
                const auto& keys = whole.keys();
                const auto mine = std::find_if(keys.begin(), keys.end(), [&](const key_state& k) { return k.key() == key; });
                key_state more = mine == keys.end() ? key_state{key} : *mine;
                more.add(extra, p);
                const auto after = more.result(p);
                const auto* before_r = report.find(key);
                const bool widened = after.fate("extra")->used() &&
                                     (!before_r || !before_r->reported ||
                                      (after.reported && after.reported->range.contains(before_r->reported->range)));
                CHECK(widened);
            }
        }
    }
}
