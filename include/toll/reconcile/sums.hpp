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

namespace detail {

/// The lower bound a part contributes to its whole, and the claims behind it: its logical lower
/// bound, or its reported low when its claims conflict.
[[nodiscard]] inline std::pair<count_type, const std::vector<std::string>*> part_lower(const reconciliation& r)
{
    if (r.status == status::conflicting) return {r.reported->range.low(), &r.reported->low_claims};
    return {r.lower->value, &r.lower->claims};
}

/// The known parts of `whole` in `report`, taken to be disjoint: the keys of the same event scope
/// whose category `whole`'s covers and whose group is part of its group (only the largest such
/// parts; groups of kind unknown may overlap anything and are left out), or, when there are none
/// and `whole` is about several events, the keys of each single event with its category and group.
[[nodiscard]] inline std::vector<const reconciliation*> parts_of(const reconciliation_report& report, const claim_key& whole)
{
    std::vector<const reconciliation*> parts;
    auto is_group_part = [](const claim_key& part, const claim_key& of) {
        return part.events == of.events && covers(of.category, part.category) && is_part_of(part.group, of.group) && !(part == of) &&
               part.group.kind != group_kind::unknown;
    };
    for (const reconciliation& r : report.results) {
        if (r.status != status::unknown && is_group_part(r.key, whole)) parts.push_back(&r);
    }
    std::erase_if(parts, [&](const reconciliation* p) {
        return std::any_of(parts.begin(), parts.end(), [&](const reconciliation* q) { return q != p && is_group_part(p->key, q->key); });
    });
    if (parts.empty() && whole.events.size() > 1) {
        for (const auto& e : whole.events) {
            const reconciliation* r = report.find(claim_key{{e}, whole.category, whole.group});
            if (r && r->status != status::unknown) parts.push_back(r);
        }
    }
    return parts;
}

}  // namespace detail

/// A lower bound on a key that follows from its parts rather than from claims about the key
/// itself: soldiers 20+ and dozos 20+, disjoint parts of everyone killed, say at least 40 were
/// killed; "at least 10 in Kamona" and "at least 21 in Balle" say at least 31 in both together.
struct derived_bound {
    claim_key whole;
    /// The sum of the parts' lower bounds.
    count_type lower = 0;
    std::vector<claim_key> parts;
    /// The claims behind the parts' lower bounds, sorted by id.
    std::vector<std::string> claims;

    friend bool operator==(const derived_bound&, const derived_bound&) = default;
};

/// The bound its parts give `whole` (see detail::parts_of); nothing when it has no known part or
/// the parts' lower bounds add up to 0.
[[nodiscard]] inline std::optional<derived_bound> derived_from_parts(const reconciliation_report& report, const claim_key& whole)
{
    const auto parts = detail::parts_of(report, whole);
    derived_bound d{whole, 0, {}, {}};
    for (const reconciliation* p : parts) {
        const auto [low, claims] = detail::part_lower(*p);
        d.lower += low;  // each low is at most max_count, and there are far fewer than 2^44 parts
        d.parts.push_back(p->key);
        d.claims.insert(d.claims.end(), claims->begin(), claims->end());
    }
    if (d.lower == 0) return std::nullopt;
    std::sort(d.claims.begin(), d.claims.end());
    d.claims.erase(std::unique(d.claims.begin(), d.claims.end()), d.claims.end());
    return d;
}

/// Every bound that parts give a total: for each key of the report, and for each group that
/// contains a key's group in the same events and category but has no key of its own (everyone;
/// a labelled subgroup's whole kind). Sorted by key. A derived bound that passes what the whole's
/// own claims allow is a violation (check_parts reports it); nothing is repaired.
[[nodiscard]] inline std::vector<derived_bound> derived_bounds(const reconciliation_report& report)
{
    std::vector<claim_key> wholes;
    for (const reconciliation& r : report.results) {
        wholes.push_back(r.key);
        const group& g = r.key.group;
        if (g.kind != group_kind::all || !g.label.empty() || !g.party.empty()) wholes.push_back({r.key.events, r.key.category, group::everyone()});
        if (!g.label.empty() && g.kind != group_kind::named && g.kind != group_kind::all) {
            wholes.push_back({r.key.events, r.key.category, group{g.kind, {}, g.party}});
        }
    }
    std::sort(wholes.begin(), wholes.end());
    wholes.erase(std::unique(wholes.begin(), wholes.end()), wholes.end());
    std::vector<derived_bound> out;
    for (const claim_key& whole : wholes) {
        if (auto d = derived_from_parts(report, whole)) out.push_back(std::move(*d));
    }
    return out;
}

/// The total over a set of events for one category and group: the per-event results (raised to
/// what their parts add up to, see derived_from_parts) added up, then narrowed by every claim
/// about several of those events together ("at least 31 in Kamona and Balle" says the sum is at
/// least 31).
struct events_sum {
    /// The narrowed total; nothing on overflow, or when the joint claims contradict the parts.
    std::optional<interval> total;
    /// The per-event results added up, before narrowing (nothing on overflow).
    std::optional<interval> parts_total;
    /// Events with no result, or an unknown one, and no part that bounds them: counted as [0, ∞).
    std::vector<std::string> unknown_events;
    /// The bounds that events' parts gave them where their own claims said less (an event with
    /// only soldiers 20+ and dozos 20+ killed counts as at least 40), with the claims behind them.
    std::vector<derived_bound> derived;
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
        const claim_key key{{e}, cat, g};
        const reconciliation* r = report.find(key);
        // Assigned, not initialised from `r ? ... : std::nullopt`, which GCC 12 -O3 takes for a
        // possibly uninitialised interval (a false -Wmaybe-uninitialized).
        std::optional<interval> estimate;
        if (r) estimate = r->estimate();
        // The event's parts may say more than its own claims: a lower bound they allow is raised
        // to what the parts add up to (one that passes their cap is a violation, left as it is).
        const auto from_parts = derived_from_parts(report, key);
        const bool conflicting = r && r->status == status::conflicting;
        if (from_parts && !conflicting && (!estimate || (estimate->low() < from_parts->lower && estimate->contains(from_parts->lower)))) {
            const std::optional<count_type> cap = estimate ? estimate->high() : std::nullopt;
            estimate = cap ? interval::between(from_parts->lower, *cap) : interval::at_least(from_parts->lower);
            out.derived.push_back(*from_parts);
        }
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
    for (const reconciliation& whole : report.results) {
        if (whole.status == status::unknown) continue;
        // The ceiling: the tightest cap, or else the highest admissible figure; none when unbounded.
        const bool capped = whole.upper && whole.status != status::conflicting;
        const std::optional<count_type> ceiling = capped ? std::optional<count_type>{whole.upper->value} : whole.reported->range.high();
        if (!ceiling) continue;
        const std::vector<std::string>& ceiling_claims = capped ? whole.upper->claims : whole.reported->high_claims;
        const auto derived = derived_from_parts(report, whole.key);
        if (!derived || derived->lower <= *ceiling) continue;
        parts_violation v{whole.key, derived->parts, derived->lower, *ceiling, derived->claims};
        v.claims.insert(v.claims.end(), ceiling_claims.begin(), ceiling_claims.end());
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
