#pragma once
// A figure: a number of people as a source phrased it. Its numeric meaning is an interval;
// its phrasing (exact, at least, over, about, a vague word, unknown, an explicit zero...) is
// kept beside the numbers because it changes how the figure merges with others.

#include <array>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include <toll/detail/enum_names.hpp>
#include <toll/detail/streaming.hpp>
#include <toll/interval.hpp>
#include <toll/vague_words.hpp>

namespace toll {

/// How a source phrased a figure.
enum class qualifier : std::uint8_t {
    exact,          ///< "12", "thirty"
    range,          ///< "30–62", "between 200 and 400"
    at_least,       ///< "20+", "at least 20": [n, ∞)
    more_than,      ///< "over 300", "more than 300": [n + 1, ∞)
    at_most,        ///< "up to 30", "as many as 30": [0, n]
    fewer_than,     ///< "fewer than 30": [0, n − 1]
    approximately,  ///< "about 50": stated as n, a policy decides how far it may stray
    vague,          ///< "dozens": the meaning comes from a vague_table
    unknown,        ///< "unknown": [0, ∞), never read as zero
    zero,           ///< "none", "no casualties", "0": an explicit zero, not silence
};

[[nodiscard]] constexpr auto enum_names(qualifier) noexcept
{
    using enum qualifier;
    return std::array<detail::enum_name<qualifier>, 10>{{
        {exact, "exact"},
        {range, "range"},
        {at_least, "at_least"},
        {more_than, "more_than"},
        {at_most, "at_most"},
        {fewer_than, "fewer_than"},
        {approximately, "approximately"},
        {vague, "vague"},
        {unknown, "unknown"},
        {zero, "zero"},
    }};
}

[[nodiscard]] constexpr std::string_view to_string(qualifier q) noexcept { return detail::name_of(q); }

class figure {
public:
    /// Unknown: nothing is known about the count.
    constexpr figure() noexcept = default;

    /// `n` people; 0 is the explicit zero.
    [[nodiscard]] static constexpr figure exact(count_type n)
    {
        return n == 0 ? zero() : figure{qualifier::exact, interval::exactly(n)};
    }
    [[nodiscard]] static constexpr figure range(count_type low, count_type high)
    {
        return figure{qualifier::range, interval::between(low, high)};
    }
    /// A range with the best estimate its source gave inside it: UCDP GED's low, best and high
    /// ("12–20 (best 20)"). The best is what the source said, kept beside the bounds; it does not
    /// narrow them. Throws std::invalid_argument when `best` lies outside [low, high].
    [[nodiscard]] static constexpr figure range(count_type low, count_type high, count_type best)
    {
        if (best < low || best > high) throw std::invalid_argument("toll::figure::range: best lies outside the range");
        figure result = range(low, high);
        result.best_ = best;
        result.has_best_ = true;
        return result;
    }
    [[nodiscard]] static constexpr figure at_least(count_type n) { return figure{qualifier::at_least, interval::at_least(n)}; }
    /// Strictly more than `n`: "over 300" counts at least 301.
    [[nodiscard]] static constexpr figure more_than(count_type n)
    {
        if (n >= max_count) throw std::out_of_range("toll::figure::more_than: count exceeds toll::max_count");
        return figure{qualifier::more_than, interval::at_least(n + 1)};
    }
    [[nodiscard]] static constexpr figure at_most(count_type n) { return figure{qualifier::at_most, interval::between(0, n)}; }
    /// Strictly fewer than `n`: "fewer than 30" counts at most 29; `n` must be at least 1.
    [[nodiscard]] static constexpr figure fewer_than(count_type n)
    {
        if (n == 0) throw std::invalid_argument("toll::figure::fewer_than: no count is fewer than 0");
        return figure{qualifier::fewer_than, interval::between(0, n - 1)};
    }
    [[nodiscard]] static constexpr figure approximately(count_type n)
    {
        return figure{qualifier::approximately, interval::exactly(n)};
    }
    /// A vague word read with `table` (the figure keeps both the word and the counts it was read as).
    [[nodiscard]] static constexpr figure vague(vague_word word, const vague_table& table = vague_table::literal())
    {
        figure result{qualifier::vague, table.meaning(word)};
        result.word_ = word;
        return result;
    }
    [[nodiscard]] static constexpr figure unknown() noexcept { return figure{}; }
    [[nodiscard]] static constexpr figure zero() noexcept { return figure{qualifier::zero, interval::exactly(0)}; }

    [[nodiscard]] constexpr toll::qualifier qualifier() const noexcept { return qualifier_; }
    /// The counts the figure allows, before any policy widens or narrows them.
    [[nodiscard]] constexpr interval bounds() const noexcept { return bounds_; }
    [[nodiscard]] constexpr count_type low() const noexcept { return bounds_.low(); }
    /// Nothing when unbounded above.
    [[nodiscard]] constexpr std::optional<count_type> high() const noexcept { return bounds_.high(); }
    /// The number as the source wrote it ("over 300" → 300, "fewer than 30" → 30, "30–62" → 30);
    /// nothing for vague words and unknowns.
    [[nodiscard]] constexpr std::optional<count_type> stated() const noexcept
    {
        switch (qualifier_) {
        case qualifier::more_than: return bounds_.low() - 1;
        case qualifier::at_most: return bounds_.high();
        case qualifier::fewer_than: return *bounds_.high() + 1;
        case qualifier::vague:
        case qualifier::unknown: return std::nullopt;
        default: return bounds_.low();
        }
    }
    /// The best estimate the source stated with its range; nothing when it stated none.
    [[nodiscard]] constexpr std::optional<count_type> best() const noexcept
    {
        return has_best_ ? std::optional<count_type>{best_} : std::nullopt;
    }
    [[nodiscard]] constexpr std::optional<vague_word> word() const noexcept
    {
        return qualifier_ == qualifier::vague ? std::optional<vague_word>{word_} : std::nullopt;
    }
    [[nodiscard]] constexpr bool is_unknown() const noexcept { return qualifier_ == qualifier::unknown; }
    [[nodiscard]] constexpr bool is_zero() const noexcept { return qualifier_ == qualifier::zero; }

    /// Same phrasing and same counts ("20+" and "at least 20" are the same figure).
    friend constexpr bool operator==(const figure&, const figure&) noexcept = default;

private:
    constexpr figure(toll::qualifier q, interval bounds) noexcept : bounds_{bounds}, qualifier_{q} {}

    interval bounds_{};
    count_type best_ = 0;  // meaningful only when has_best_; fixed otherwise so == holds
    toll::qualifier qualifier_ = qualifier::unknown;
    vague_word word_ = vague_word::a_few;  // meaningful only for vague figures; fixed otherwise so == holds
    bool has_best_ = false;
};

// Interval relations, read on the figures' own bounds.
[[nodiscard]] constexpr bool overlaps(const figure& a, const figure& b) noexcept { return overlaps(a.bounds(), b.bounds()); }
[[nodiscard]] constexpr bool contains(const figure& a, const figure& b) noexcept { return a.bounds().contains(b.bounds()); }
[[nodiscard]] constexpr bool contains(const figure& a, count_type n) noexcept { return a.bounds().contains(n); }
[[nodiscard]] constexpr bool certainly_less(const figure& a, const figure& b) noexcept
{
    return certainly_less(a.bounds(), b.bounds());
}
[[nodiscard]] constexpr bool possibly_less(const figure& a, const figure& b) noexcept
{
    return possibly_less(a.bounds(), b.bounds());
}

/// The form people write: "12", "30–62", "12–20 (best 20)", "20+", "over 300", "up to 30", "fewer than 30",
/// "about 50", "dozens", "unknown", "0". The parser reads every one of them back.
[[nodiscard]] inline std::string to_string(const figure& f)
{
    using std::to_string;
    switch (f.qualifier()) {
    case qualifier::exact: return to_string(f.low());
    case qualifier::range: {
        std::string text = to_string(f.low()) + "\u2013" + to_string(*f.high());
        if (const auto best = f.best()) text += " (best " + to_string(*best) + ")";
        return text;
    }
    case qualifier::at_least: return to_string(f.low()) + "+";
    case qualifier::more_than: return "over " + to_string(*f.stated());
    case qualifier::at_most: return "up to " + to_string(*f.high());
    case qualifier::fewer_than: return "fewer than " + to_string(*f.stated());
    case qualifier::approximately: return "about " + to_string(f.low());
    case qualifier::vague: return spelling(*f.word());
    case qualifier::unknown: return "unknown";
    case qualifier::zero: return "0";
    }
    return "unknown";
}

}  // namespace toll
