#pragma once
// Every rule a reconciliation runs on, each written once: which claims a policy admits (and the
// reason for each one it does not), which report of an origin counts and what the others are,
// what a figure means under a policy (its logical reading and the numbers it states), the
// reported range, the logical bounds, the status and the best figure.
//
// Every engine calls these: the claim-level reconcile (reconcile.hpp), the bulk records
// (bulk.hpp, whose packed fast path calls the slot rules below on readings stated as read), the
// streaming CSV reconciler (io/reconcile_csv.hpp), and through them timeline, forest plot and
// the toll command. A change of policy is an edit here.
//
// The rules are small constexpr functions on plain values (readings, report days, ranks), so the
// bulk fast path inlines the same code the claim-level path runs.
//
// No rule depends on the position of a claim in the input. Where claims tie, the one with the
// smallest *rank* wins, and a rank is the claim's place in byte-wise order of claim ids (the
// claim-level path numbers its claims so; the CSV path orders each key's rows by id; bulk callers
// give claim indices in id order). So shuffling the input never changes a result.

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <toll/claim.hpp>
#include <toll/figure.hpp>
#include <toll/interval.hpp>
#include <toll/reconcile/detail/summary.hpp>
#include <toll/reconcile/policy.hpp>
#include <toll/reconcile/provenance.hpp>
#include <toll/source.hpp>

namespace toll::detail::rules {

// ---- admission ------------------------------------------------------------------------------

/// Why the policy sets aside a claim whose origin is of kind `origin_kind` (`about_adversary`: a
/// party's claim about its adversary's losses, see is_about_adversary); nothing when it admits it.
/// The origin's kind is asked first: a claim from a kind the policy does not hear is that, whatever
/// it is about.
[[nodiscard]] inline std::optional<exclusion> admission(const policy& p, source_kind origin_kind, bool about_adversary) noexcept
{
    if (!p.admitted.contains(origin_kind)) return exclusion::source_not_admitted;
    if (p.exclude_adversary_claims && about_adversary) return exclusion::adversary_claim;
    return std::nullopt;
}

/// A report date as a day number that orders undated reports first: 0 when undated, else
/// Boost's day number (above 2 million for every date Boost accepts).
[[nodiscard]] inline std::uint32_t report_day(const boost::gregorian::date& d)
{
    return d.is_special() ? 0U : static_cast<std::uint32_t>(d.day_number());
}

/// Why an as-of reconciliation on day `as_of_day` (0: none) sets aside a report of day `day`:
/// undated reports cannot be placed, later ones were not known yet.
[[nodiscard]] constexpr std::optional<exclusion> timing(std::uint32_t day, std::uint32_t as_of_day) noexcept
{
    if (as_of_day == 0) return std::nullopt;
    if (day == 0) return exclusion::undated;
    if (day > as_of_day) return exclusion::reported_after;
    return std::nullopt;
}

/// The exclusion a claim earns from itself alone (before origins are compared): admission first,
/// then timing.
[[nodiscard]] inline std::optional<exclusion> exclusion_of(const policy& p, source_kind origin_kind, bool about_adversary,
                                                            std::uint32_t day, std::uint32_t as_of_day) noexcept
{
    if (const auto why = admission(p, origin_kind, about_adversary)) return why;
    return timing(day, as_of_day);
}

[[nodiscard]] inline std::uint32_t as_of_day(const std::optional<boost::gregorian::date>& as_of)
{
    return as_of ? report_day(*as_of) : 0U;
}

// ---- readings -------------------------------------------------------------------------------

/// Which numbers a figure states, beside what it means. A figure stated "as read" states its
/// reading's ends ("12", "30–62", "20+", "over 60" → 61, a vague word's meaning, "0"); "up to 20"
/// and "fewer than 21" state only their upper end (20), never the 0 their reading starts at;
/// "about 300" states its centre (300), not the ends a tolerance widens it to.
enum class stated_as : std::uint8_t { read, upper_end, centre };

/// A claim's counts under a policy: [low, high] (high may be `unbounded`), whether high caps the
/// count, and the numbers the figure states (see stated_as; `centre` only for stated_as::centre).
struct reading {
    count_type low = 0;
    count_type high = unbounded;
    bool caps = false;
    stated_as stated = stated_as::read;
    count_type centre = 0;

    /// Two claims of one origin with equal readings say the same thing: one relays the other.
    friend constexpr bool operator==(const reading&, const reading&) noexcept = default;
};

/// "about n" under the policy's tolerance: n ± n·percent/100, rounded inward to whole people,
/// never below 0 nor above max_count.
[[nodiscard]] constexpr interval approximate(count_type n, std::uint32_t tolerance_percent)
{
    // n ≤ 10^12, so n * percent cannot wrap for percents up to 10^7; beyond, anything goes.
    const count_type percent = tolerance_percent;
    const count_type slack = percent > 10'000'000 ? max_count : n * percent / 100;
    const count_type low = slack >= n ? 0 : n - slack;
    const count_type high = max_count - n < slack ? max_count : n + slack;
    return interval::between(low, high);
}

/// Whether the upper end of `f`'s reading caps the count: ranges, "up to", "fewer than", explicit
/// zeros, bounded vague words; exact and approximate figures only when the policy says they are
/// complete counts.
[[nodiscard]] constexpr bool caps(const figure& f, const policy& p) noexcept
{
    switch (f.qualifier()) {
    case qualifier::exact:
    case qualifier::approximately: return p.exact_is_complete;
    case qualifier::unknown:
    case qualifier::at_least:
    case qualifier::more_than: return false;
    case qualifier::vague: return p.vague_words.meaning(*f.word()).bounded();
    default: return true;
    }
}

/// The counts `f` stands for under `p`; nothing for an unknown figure.
[[nodiscard]] constexpr std::optional<interval> counts(const figure& f, const policy& p)
{
    switch (f.qualifier()) {
    case qualifier::unknown: return std::nullopt;
    case qualifier::vague: return p.vague_words.meaning(*f.word());
    case qualifier::approximately: return approximate(f.low(), p.approximate_tolerance_percent);
    default: return f.bounds();
    }
}

/// `f` read under `p`; nothing for an unknown figure.
[[nodiscard]] constexpr std::optional<reading> read(const figure& f, const policy& p)
{
    const auto c = counts(f, p);
    if (!c) return std::nullopt;
    reading r{c->low(), c->high().value_or(unbounded), caps(f, p)};
    // A figure whose stated numbers are its reading's ends is stated as read, whatever its words:
    // "about 50" with no tolerance says what "50" says (and relays it).
    switch (f.qualifier()) {
    case qualifier::at_most:
    case qualifier::fewer_than:
        if (r.low != r.high) r.stated = stated_as::upper_end;
        break;
    case qualifier::approximately:
        if (r.low != f.low() || r.high != f.low()) {
            r.stated = stated_as::centre;
            r.centre = f.low();
        }
        break;
    default: break;
    }
    return r;
}

/// The lowest number a reading states: the figure a claim gives as its own best.
[[nodiscard]] constexpr count_type stated_low(const reading& r) noexcept
{
    return r.stated == stated_as::upper_end ? r.high : r.stated == stated_as::centre ? r.centre : r.low;
}

/// The highest number a reading states (`unbounded` for "20+", "over 60").
[[nodiscard]] constexpr count_type stated_high(const reading& r) noexcept
{
    return r.stated == stated_as::read ? r.high : stated_low(r);
}

/// Whether the figure states a lower bound: everything but "up to" and "fewer than".
[[nodiscard]] constexpr bool states_lower_bound(const reading& r) noexcept { return r.stated != stated_as::upper_end; }

// ---- which report of an origin counts, and what the others are ------------------------------

/// Whether, of two reports of one origin, the one of day `day_a` and rank `rank_a` counts before
/// the other: the latest report date counts (undated reports, day 0, are older than any dated
/// one); of reports of the same date, the smallest claim id.
[[nodiscard]] constexpr bool counts_before(std::uint32_t day_a, std::uint32_t rank_a, std::uint32_t day_b,
                                           std::uint32_t rank_b) noexcept
{
    return (day_a > day_b) | ((day_a == day_b) & (rank_a < rank_b));  // | and &: conditional moves, not branches
}

/// What an origin's report that does not count is, given the one that does: a relay of it when it
/// says the same (the same reading; both unknown is the same), superseded by it otherwise.
[[nodiscard]] constexpr exclusion displaced(const std::optional<reading>& mine, const std::optional<reading>& counted) noexcept
{
    return mine == counted ? exclusion::relayed : exclusion::superseded;
}

// ---- reported range, logical bounds, status -------------------------------------------------

/// Adds the reading of a counted claim of rank `rank` to `s`: the reported range takes the numbers
/// it states, the logical lower bound its reading's low end, the cap its high end when it caps.
/// Ties go to the smallest rank.
constexpr void count(summary& s, const reading& r, std::uint32_t rank) noexcept
{
    ++s.figures;
    take_min(s.reported_low, s.reported_low_by, stated_low(r), rank);
    take_max(s.reported_high, s.reported_high_by, stated_high(r), rank);
    take_max(s.lower, s.lower_by, r.low, rank);
    take_min(s.upper, s.upper_by, r.caps ? r.high : unbounded, r.caps ? rank : nobody);
}

/// What the counted claims say together: unknown without a figure; conflicting when the strongest
/// lower bound passes the tightest cap; zero when the caps say nobody; else consistent.
[[nodiscard]] constexpr summary_status status_of(const summary& s) noexcept
{
    if (s.figures == 0) return summary_status::unknown;
    if (s.capped() && s.lower > s.upper) return summary_status::conflicting;
    if (s.capped() && s.upper == 0) return summary_status::zero;
    return summary_status::consistent;
}

// ---- best -----------------------------------------------------------------------------------

/// Which stated number of a claim a best figure is: its lowest stated number (stated_low), the
/// lower bound it states (stated_low of a figure that states one), or its highest stated number.
enum class best_basis : std::uint8_t { stated_low, stated_lower_bound, stated_high };

/// Claim `r`'s candidate for the best under `basis`; nothing when it has none.
[[nodiscard]] constexpr std::optional<count_type> candidate(const reading& r, best_basis basis) noexcept
{
    switch (basis) {
    case best_basis::stated_low: return stated_low(r);
    case best_basis::stated_lower_bound:
        if (!states_lower_bound(r)) return std::nullopt;
        return stated_low(r);
    case best_basis::stated_high:
        if (stated_high(r) == unbounded) return std::nullopt;
        return stated_high(r);
    }
    return std::nullopt;
}

/// One way of choosing: take the smallest (or the largest) candidate under `basis`, only among
/// candidates inside [lower, upper] when `within`.
struct best_search {
    best_basis basis = best_basis::stated_low;
    bool largest = false;
    bool within = true;
};

/// The searches a rule makes, most preferred first: the first that finds a candidate gives the
/// best. Every best is a number a claim stated.
///
/// - lowest_figure (acled): the lowest stated figure ("up to 2,000" + "150" → 150; "up to 20"
///   alone → 20; 0 only when a source said none). It may lie below the logical lower bound.
/// - strongest_lower_bound (ucdp): the strongest lower bound as a claim stated it, inside
///   [lower, upper] when the claims agree ("between 200 and 400" + "about 300" → 300, not the 270
///   that ±10% widens "about 300" to); with only "up to"s, the lowest stated figure inside.
///   Given even when the claims conflict: each lower bound still stands on its own claim.
/// - intersection (strict): the lowest number a claim stated inside the intersection [lower,
///   upper] (a lowest stated figure first, else a range's upper end); none when the claims
///   conflict or no stated number lies inside.
[[nodiscard]] constexpr std::array<std::optional<best_search>, 3> searches(best_rule rule, summary_status status) noexcept
{
    using enum best_basis;
    const bool conflicting = status == summary_status::conflicting;
    switch (rule) {
    case best_rule::lowest_figure: return {best_search{stated_low, false, false}, std::nullopt, std::nullopt};
    case best_rule::strongest_lower_bound:
        return {best_search{stated_lower_bound, true, !conflicting}, best_search{stated_low, false, true},
                best_search{stated_high, false, true}};
    case best_rule::intersection:
        if (conflicting) break;
        return {best_search{stated_low, false, true}, best_search{stated_high, false, true}, std::nullopt};
    }
    return {};
}

/// The best figure: the value, the smallest rank among the claims stating it, and the basis it
/// was found under (every claim whose candidate under that basis is the value states it).
struct best_choice {
    count_type value = 0;
    std::uint32_t by = nobody;
    best_basis basis = best_basis::stated_low;

    friend constexpr bool operator==(const best_choice&, const best_choice&) noexcept = default;
};

/// The best figure under `rule` of the counted claims that `s` summarises: `for_each(f)` calls
/// `f(const reading&, std::uint32_t rank)` for each counted claim with a figure. Nothing when the
/// rule gives none.
template <class ForEach>
[[nodiscard]] constexpr std::optional<best_choice> choose_best(best_rule rule, const summary& s, ForEach&& for_each)
{
    const summary_status status = status_of(s);
    if (status == summary_status::unknown) return std::nullopt;
    for (const auto& search : searches(rule, status)) {
        if (!search) break;
        bool found = false;
        best_choice best{0, nobody, search->basis};
        for_each([&](const reading& r, std::uint32_t rank) {
            const auto value = candidate(r, search->basis);
            if (!value || (search->within && (*value < s.lower || (s.capped() && *value > s.upper)))) return;
            const bool better = !found || (search->largest ? *value > best.value : *value < best.value) ||
                                (*value == best.value && rank < best.by);
            if (better) best = best_choice{*value, rank, search->basis};
            found = true;
        });
        if (found) return best;
    }
    return std::nullopt;
}

/// Which of the four bounds the best is when every counted reading is stated as read (the bulk
/// path's fast case): what choose_best gives then, since every stated lower bound is a reading's
/// low end. The engines test checks the two agree.
enum class best_slot : std::uint8_t { none, reported_low, lower };

[[nodiscard]] constexpr best_slot best_when_stated_as_read(best_rule rule, bool conflicting) noexcept
{
    switch (rule) {
    case best_rule::lowest_figure: return best_slot::reported_low;
    case best_rule::strongest_lower_bound: return best_slot::lower;
    case best_rule::intersection: return conflicting ? best_slot::none : best_slot::lower;
    }
    return best_slot::none;
}

}  // namespace toll::detail::rules

namespace toll {

inline bool policy::admits(const claim& c) const
{
    return !detail::rules::admission(*this, c.source.origin.kind, is_about_adversary(c));
}

inline std::optional<interval> policy::reading(const figure& f) const { return detail::rules::counts(f, *this); }

inline bool policy::caps(const figure& f) const { return detail::rules::caps(f, *this); }

}  // namespace toll
