#pragma once
// A closed interval of non-negative head counts whose upper end may be unbounded: the numeric
// meaning of every figure, and what sums of figures are made of.

#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>

#include <toll/detail/streaming.hpp>

namespace toll {

/// A number of people.
using count_type = std::uint64_t;

/// The largest count toll accepts. No event has ever touched more people; keeping counts far below
/// the type's range lets sums of millions of figures be checked without wrapping around.
inline constexpr count_type max_count = 1'000'000'000'000;  // 10^12

/// [low, high] over counts, or [low, ∞) when unbounded above. Default: [0, ∞), nothing known.
/// Deliberately no operator<: use certainly_less, possibly_less, overlaps, contains.
class interval {
public:
    constexpr interval() noexcept = default;

    [[nodiscard]] static constexpr interval exactly(count_type n) { return between(n, n); }

    [[nodiscard]] static constexpr interval between(count_type low, count_type high)
    {
        check(low);
        check(high);
        if (low > high) throw std::invalid_argument("toll::interval: low bound exceeds high bound");
        return interval{low, high};
    }

    [[nodiscard]] static constexpr interval at_least(count_type low)
    {
        check(low);
        return interval{low, unbounded_};
    }

    [[nodiscard]] constexpr count_type low() const noexcept { return low_; }
    [[nodiscard]] constexpr bool bounded() const noexcept { return high_ != unbounded_; }
    [[nodiscard]] constexpr std::optional<count_type> high() const noexcept
    {
        return bounded() ? std::optional<count_type>{high_} : std::nullopt;
    }

    [[nodiscard]] constexpr bool contains(count_type n) const noexcept { return low_ <= n && n <= high_; }
    [[nodiscard]] constexpr bool contains(const interval& other) const noexcept
    {
        return low_ <= other.low_ && other.high_ <= high_;
    }

    friend constexpr bool operator==(const interval&, const interval&) noexcept = default;

    /// Every value of `a` is below every value of `b`.
    [[nodiscard]] friend constexpr bool certainly_less(const interval& a, const interval& b) noexcept
    {
        return a.high_ < b.low_;
    }
    /// Some value of `a` is below some value of `b`.
    [[nodiscard]] friend constexpr bool possibly_less(const interval& a, const interval& b) noexcept
    {
        return a.low_ < b.high_;
    }
    [[nodiscard]] friend constexpr bool overlaps(const interval& a, const interval& b) noexcept
    {
        return a.low_ <= b.high_ && b.low_ <= a.high_;
    }
    /// The smallest interval holding both.
    [[nodiscard]] friend constexpr interval hull(const interval& a, const interval& b) noexcept
    {
        return interval{a.low_ < b.low_ ? a.low_ : b.low_, a.high_ > b.high_ ? a.high_ : b.high_};
    }
    /// The values in both, or nothing when they are disjoint.
    [[nodiscard]] friend constexpr std::optional<interval> intersection(const interval& a, const interval& b) noexcept
    {
        if (!overlaps(a, b)) return std::nullopt;
        return interval{a.low_ > b.low_ ? a.low_ : b.low_, a.high_ < b.high_ ? a.high_ : b.high_};
    }

    /// Interval sum; nothing when a bound would pass max_count. An unbounded part stays unbounded.
    [[nodiscard]] friend constexpr std::optional<interval> checked_sum(const interval& a, const interval& b) noexcept
    {
        // Both operands are at most max_count (or unbounded), so the raw additions cannot wrap.
        const count_type low = a.low_ + b.low_;
        if (low > max_count) return std::nullopt;
        if (!a.bounded() || !b.bounded()) return interval{low, unbounded_};
        const count_type high = a.high_ + b.high_;
        if (high > max_count) return std::nullopt;
        return interval{low, high};
    }
    /// Interval sum; throws std::overflow_error when a bound would pass max_count.
    [[nodiscard]] friend constexpr interval operator+(const interval& a, const interval& b)
    {
        if (auto sum = checked_sum(a, b)) return *sum;
        throw std::overflow_error("toll::interval: sum exceeds max_count");
    }

private:
    static constexpr count_type unbounded_ = std::numeric_limits<count_type>::max();

    constexpr interval(count_type low, count_type high) noexcept : low_{low}, high_{high} {}

    static constexpr void check(count_type n)
    {
        if (n > max_count) throw std::out_of_range("toll::interval: count exceeds toll::max_count");
    }

    count_type low_ = 0;
    count_type high_ = unbounded_;
};

/// "[30, 62]", "[20, ∞)".
[[nodiscard]] inline std::string to_string(const interval& range)
{
    // Appended, not "[" + std::to_string(...): GCC 12 at -O3 takes that insert at the front for a
    // memcpy that may overlap and warns (-Wrestrict), falsely, in every file that prints one.
    std::string text = "[";
    text += std::to_string(range.low());
    text += ", ";
    if (const auto high = range.high()) {
        text += std::to_string(*high);
        text += ']';
    } else {
        text += "\u221e)";
    }
    return text;
}

}  // namespace toll
