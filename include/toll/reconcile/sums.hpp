#pragma once
// Sums of reconciled keys, and checks that parts fit their totals. Sums stay intervals: an
// unbounded part makes an unbounded total, an unknown part counts as [0, ∞) and is named (never
// read as zero), and a bound that would pass max_count is reported as an overflow instead of
// wrapping. A violated check is reported with the claims involved; nothing is repaired.

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <toll/category.hpp>
#include <toll/detail/streaming.hpp>
#include <toll/event.hpp>
#include <toll/group.hpp>
#include <toll/interval.hpp>
#include <toll/key.hpp>
#include <toll/reconcile/reconcile.hpp>

namespace toll {

struct interval_sum {
    /// The total; nothing when a bound would pass max_count.
    std::optional<interval> total = interval::exactly(0);
    /// The keys added, in the order given.
    std::vector<claim_key> parts;
    /// Parts with status unknown, added as [0, ∞).
    std::vector<claim_key> unknown_parts;

    friend bool operator==(const interval_sum&, const interval_sum&) = default;
};

/// Adds the estimates of `results` (each key's [lower, upper], or its reported range when its
/// claims conflict).
template <class Results>
[[nodiscard]] interval_sum sum(const Results& results)
{
    interval_sum out;
    for (const reconciliation& r : results) {
        out.parts.push_back(r.key);
        auto estimate = r.estimate();
        if (!estimate) {
            out.unknown_parts.push_back(r.key);
            estimate = interval{};
        }
        if (out.total) out.total = checked_sum(*out.total, *estimate);
    }
    return out;
}

/// The total over a set of events for one category and group: the per-event results added up,
/// then narrowed by every claim about several of those events together ("at least 31 in Kamona
/// and Balle" says the sum is at least 31).
struct events_sum {
    /// The narrowed total; nothing on overflow, or when the joint claims contradict the parts.
    std::optional<interval> total;
    /// The per-event results added up, before narrowing (nothing on overflow).
    std::optional<interval> parts_total;
    /// Events with no result, or an unknown one, counted as [0, ∞).
    std::vector<std::string> unknown_events;
    /// Keys over several of the events (a subset of them) whose estimates narrowed the total.
    std::vector<claim_key> joint;
    /// The claims behind the joint keys' lower bounds.
    std::vector<std::string> claims;
    bool conflicting = false;

    friend bool operator==(const events_sum&, const events_sum&) = default;
};

[[nodiscard]] inline events_sum sum_over_events(const reconciliation_report& report, std::vector<std::string> events,
                                                category cat, const group& g)
{
    std::sort(events.begin(), events.end());
    events.erase(std::unique(events.begin(), events.end()), events.end());
    events_sum out;
    std::optional<interval> total = interval::exactly(0);
    for (const auto& e : events) {
        const reconciliation* r = report.find(claim_key{{e}, cat, g});
        const auto estimate = r ? r->estimate() : std::nullopt;
        if (!estimate) out.unknown_events.push_back(e);
        if (total) total = checked_sum(*total, estimate.value_or(interval{}));
    }
    out.parts_total = total;
    out.total = total;
    for (const auto& r : report.results) {
        if (r.key.events.size() < 2 || r.key.category != cat || !(r.key.group == g)) continue;
        if (!std::includes(events.begin(), events.end(), r.key.events.begin(), r.key.events.end())) continue;
        const auto estimate = r.estimate();
        if (!estimate) continue;
        out.joint.push_back(r.key);
        if (r.lower) out.claims.insert(out.claims.end(), r.lower->claims.begin(), r.lower->claims.end());
        // A claim about some of the events bounds the total from below only: the other events add
        // to it. A claim about all of them bounds it from above as well.
        const bool covers_all = r.key.events == events;
        const interval constraint = covers_all ? *estimate : interval::at_least(estimate->low());
        if (out.total) {
            out.total = intersection(*out.total, constraint);
            if (!out.total) out.conflicting = true;
        }
    }
    std::sort(out.claims.begin(), out.claims.end());
    out.claims.erase(std::unique(out.claims.begin(), out.claims.end()), out.claims.end());
    return out;
}

/// The ids of the events whose period lies within `within`, for sums over a period.
template <class Events>
[[nodiscard]] std::vector<std::string> events_within(const Events& events, const period& within)
{
    std::vector<std::string> out;
    for (const event& e : events) {
        if (e.period.ok() && within.contains(e.period.first()) && within.contains(e.period.last())) out.push_back(e.id);
    }
    return out;
}

/// Parts that do not fit their total: the parts' lower bounds add up to more than the total's
/// ceiling (its tightest cap, or else its highest admissible figure).
struct parts_violation {
    claim_key whole;
    std::vector<claim_key> parts;
    /// The sum of the parts' lower bounds.
    count_type parts_lower = 0;
    /// The most the whole can be.
    count_type whole_ceiling = 0;
    /// The claims that set the parts' lower bounds and the whole's ceiling, sorted by id.
    std::vector<std::string> claims;

    friend bool operator==(const parts_violation&, const parts_violation&) = default;
};

/// Checks every key against its parts: keys of the same event scope whose category it covers and
/// whose group is part of its group (only the largest such parts, which are taken to be disjoint;
/// groups of kind unknown may overlap anything and are left out), and, for a key over several
/// events, the keys of each single event with the same category and group.
[[nodiscard]] inline std::vector<parts_violation> check_parts(const reconciliation_report& report)
{
    std::vector<parts_violation> out;
    const auto& results = report.results;
    auto lower_of = [](const reconciliation& r) -> std::pair<count_type, const std::vector<std::string>*> {
        if (r.status == status::conflicting) return {r.reported->range.low(), &r.reported->low_claims};
        return {r.lower->value, &r.lower->claims};
    };
    for (const reconciliation& whole : results) {
        if (whole.status == status::unknown) continue;
        // The ceiling: the tightest cap, or else the highest admissible figure; none when unbounded.
        const bool capped = whole.upper && whole.status != status::conflicting;
        const std::optional<count_type> ceiling = capped ? std::optional<count_type>{whole.upper->value} : whole.reported->range.high();
        if (!ceiling) continue;
        const std::vector<std::string>& ceiling_claims = capped ? whole.upper->claims : whole.reported->high_claims;

        std::vector<const reconciliation*> parts;
        auto is_group_part = [&](const reconciliation& r, const reconciliation& of) {
            return r.key.events == of.key.events && covers(of.key.category, r.key.category) &&
                   is_part_of(r.key.group, of.key.group) && !(r.key == of.key) && r.key.group.kind != group_kind::unknown;
        };
        for (const reconciliation& r : results) {
            if (r.status != status::unknown && is_group_part(r, whole)) parts.push_back(&r);
        }
        std::erase_if(parts, [&](const reconciliation* p) {
            return std::any_of(parts.begin(), parts.end(), [&](const reconciliation* q) { return q != p && is_group_part(*p, *q); });
        });
        if (parts.empty() && whole.key.events.size() > 1) {
            for (const auto& e : whole.key.events) {
                const reconciliation* r = report.find(claim_key{{e}, whole.key.category, whole.key.group});
                if (r && r->status != status::unknown) parts.push_back(r);
            }
        }
        if (parts.empty()) continue;

        count_type parts_lower = 0;
        parts_violation v{whole.key, {}, 0, *ceiling, ceiling_claims};
        for (const reconciliation* p : parts) {
            const auto [low, claims] = lower_of(*p);
            parts_lower += low;  // each low is at most max_count, and there are far fewer than 2^44 parts
            v.parts.push_back(p->key);
            v.claims.insert(v.claims.end(), claims->begin(), claims->end());
        }
        if (parts_lower <= *ceiling) continue;
        v.parts_lower = parts_lower;
        std::sort(v.claims.begin(), v.claims.end());
        v.claims.erase(std::unique(v.claims.begin(), v.claims.end()), v.claims.end());
        out.push_back(std::move(v));
    }
    return out;
}

/// "killed (all) in farabougou-2023: parts add up to at least 70, more than 50".
[[nodiscard]] inline std::string to_string(const parts_violation& v)
{
    return to_string(v.whole) + ": parts add up to at least " + std::to_string(v.parts_lower) + ", more than " +
           std::to_string(v.whole_ceiling);
}

}  // namespace toll
