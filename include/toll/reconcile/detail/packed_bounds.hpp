#pragma once
// A key's four bounds on the bulk path, each bound and the claim that sets it in one 64-bit word:
// the value in the high 36 bits, a claim index in the low 28. One unsigned comparison then picks
// the bound and, among equal bounds, the smaller claim index, as the claim-level reconcile does:
// minima (the lowest figure, the tightest cap) store the index, maxima (the highest figure, the
// strongest lower bound) store index_mask − index. Adding a claim is four comparisons with
// conditional moves and no branch, whatever order the claims come in, and a key's result is
// four stores.
//
// 36 bits hold values below 2^36 − 1 (68 billion); all ones stands for unbounded. Counts go up to
// max_count (10^12): the bulk path sends a key with a bigger figure to its exact path, and
// bulk::key_result keeps a value's top four bits beside the word.

#include <algorithm>
#include <cstdint>

#include <toll/reconcile/detail/rules.hpp>
#include <toll/reconcile/detail/summary.hpp>

namespace toll::detail::packed {

inline constexpr int index_bits = 28;
/// The index field; all ones (no claim index reaches it) stands for nobody.
inline constexpr std::uint64_t index_mask = (std::uint64_t{1} << index_bits) - 1;
/// The value field, shifted down; all ones stands for unbounded.
inline constexpr std::uint64_t value_field = (std::uint64_t{1} << (64 - index_bits)) - 1;

/// Whether a reading fits: its low below value_field, and its high too unless unbounded.
[[nodiscard]] constexpr bool fits(count_type low, count_type high) noexcept
{
    // +1 takes unbounded to 0, and a value of value_field or more to 2^36 or more.
    return (((low + 1) | (high + 1)) >> (64 - index_bits)) == 0;
}

/// The four bounds of a set of readings, as if every one counted.
struct bounds {
    std::uint64_t reported_low = ~std::uint64_t{0};  ///< minimum; all ones: no figure (unbounded, nobody)
    std::uint64_t reported_high = 0;                 ///< maximum; 0: no figure (0, nobody)
    std::uint64_t lower = 0;                         ///< maximum
    std::uint64_t upper = ~std::uint64_t{0};         ///< minimum over capping readings; all ones: no cap

    /// Adds reading `r` of claim `claim` (< index_mask) as rules::count does, given fits(r.low,
    /// r.high); with `counts` false, changes nothing (without a branch).
    constexpr void add(const rules::reading& r, std::uint32_t claim, bool counts = true) noexcept
    {
        add_words(rules::stated_low(r) << index_bits, (rules::stated_high(r) & value_field) << index_bits, r.low << index_bits,
                  (r.high & value_field) << index_bits, r.caps, claim, counts);
    }
    /// The same for a reading [low, high] stated as read, whose stated numbers are its ends: the
    /// fast path's case, with nothing to fold.
    constexpr void add_as_read(count_type low, count_type high, bool caps, std::uint32_t claim) noexcept
    {
        const std::uint64_t low_word = low << index_bits;
        const std::uint64_t high_word = (high & value_field) << index_bits;
        add_words(low_word, high_word, low_word, high_word, caps, claim, true);
    }

private:
    // The stated numbers and the reading's ends as value fields (unbounded: all ones).
    constexpr void add_words(std::uint64_t stated_low_word, std::uint64_t stated_high_word, std::uint64_t low_word, std::uint64_t high_word,
                             bool caps, std::uint32_t claim, bool counts) noexcept
    {
        const std::uint64_t as_minimum = claim;
        const std::uint64_t as_maximum = index_mask - claim;
        // All ones when not counting: all ones never lowers a minimum, and zero never raises a maximum.
        const std::uint64_t ignored = std::uint64_t{counts} - 1;
        reported_low = std::min(reported_low, stated_low_word | as_minimum | ignored);
        reported_high = std::max(reported_high, (stated_high_word | as_maximum) & ~ignored);
        lower = std::max(lower, (low_word | as_maximum) & ~ignored);
        upper = std::min(upper, high_word | as_minimum | ignored | (std::uint64_t{caps} - 1));  // not capping: no cap
    }
};

}  // namespace toll::detail::packed
