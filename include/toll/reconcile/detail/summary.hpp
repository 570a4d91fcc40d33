#pragma once
// The numeric heart of a reconciliation, shared by the claim-level API and the compact bulk
// path: a fixed-size summary of the counted claims of a key, and the branch-free minimum and
// maximum it is built with. What goes into it is a rule (rules.hpp: count, status_of). Summaries
// combine associatively and commutatively; ties between claims go to the smaller rank (see
// rules.hpp), so the claim named as setting a bound never depends on the order claims arrived in.

#include <cstdint>
#include <limits>

#include <toll/interval.hpp>

namespace toll::detail {

/// The high end of an unbounded reading, and the upper bound of a key nothing caps.
inline constexpr count_type unbounded = std::numeric_limits<count_type>::max();
/// No claim.
inline constexpr std::uint32_t nobody = std::numeric_limits<std::uint32_t>::max();

enum class summary_status : std::uint8_t { consistent, conflicting, unknown, zero };

struct summary {
    count_type reported_low = unbounded;  ///< lowest figure
    count_type reported_high = 0;         ///< highest figure (`unbounded` when one is)
    count_type lower = 0;                 ///< strongest lower bound
    count_type upper = unbounded;         ///< tightest cap
    std::uint32_t reported_low_by = nobody;
    std::uint32_t reported_high_by = nobody;
    std::uint32_t lower_by = nobody;
    std::uint32_t upper_by = nobody;
    std::uint32_t figures = 0;   ///< counted claims with a figure
    std::uint32_t unknowns = 0;  ///< counted claims whose figure is "unknown"
    /// The best figure and the claim stating it (rules::choose_best, once every claim is counted);
    /// best_by is nobody when there is none.
    count_type best = 0;
    std::uint32_t best_by = nobody;

    [[nodiscard]] constexpr bool capped() const noexcept { return upper_by != nobody; }
    [[nodiscard]] constexpr bool has_best() const noexcept { return best_by != nobody; }
    friend constexpr bool operator==(const summary&, const summary&) noexcept = default;
};

// Which claim wins is data, not a pattern a branch predictor learns, and a mispredicted branch
// costs more than the rest of adding a claim. So the winner is selected with masks, which
// compilers cannot turn back into branches (they do with ternaries here).
constexpr void select_if(bool better, count_type& value, std::uint32_t& by, count_type candidate, std::uint32_t who) noexcept
{
    const count_type mask = count_type{0} - count_type{better};
    value = (candidate & mask) | (value & ~mask);
    by = static_cast<std::uint32_t>((who & mask) | (by & ~mask));
}

constexpr void take_min(count_type& value, std::uint32_t& by, count_type candidate, std::uint32_t who) noexcept
{
    select_if((candidate < value) | ((candidate == value) & (who < by)), value, by, candidate, who);
}

constexpr void take_max(count_type& value, std::uint32_t& by, count_type candidate, std::uint32_t who) noexcept
{
    select_if((candidate > value) | ((candidate == value) & (who < by)), value, by, candidate, who);
}

/// The summary of two disjoint sets of counted claims. The best is chosen from all the claims
/// once they are counted, so the combination has none yet.
[[nodiscard]] constexpr summary combine(summary a, const summary& b) noexcept
{
    if (b.reported_low_by != nobody) take_min(a.reported_low, a.reported_low_by, b.reported_low, b.reported_low_by);
    if (b.reported_high_by != nobody) take_max(a.reported_high, a.reported_high_by, b.reported_high, b.reported_high_by);
    if (b.lower_by != nobody) take_max(a.lower, a.lower_by, b.lower, b.lower_by);
    if (b.upper_by != nobody) take_min(a.upper, a.upper_by, b.upper, b.upper_by);
    a.figures += b.figures;
    a.unknowns += b.unknowns;
    a.best = 0;
    a.best_by = nobody;
    return a;
}

}  // namespace toll::detail
