#pragma once
// Words that give an order of magnitude instead of a number ("dozens", "hundreds"), and the
// table that says what counts each one stands for. The table is a value: the parser records
// the one it read with, and a reconciliation policy may read the words with another.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include <toll/detail/enum_names.hpp>
#include <toll/detail/streaming.hpp>
#include <toll/interval.hpp>

namespace toll {

enum class vague_word : std::uint8_t {
    a_few,
    several,
    many,
    dozens,
    scores,
    hundreds,
    thousands,
    tens_of_thousands,
    hundreds_of_thousands,
    millions,
};

inline constexpr std::size_t vague_word_count = 10;

[[nodiscard]] constexpr auto enum_names(vague_word) noexcept
{
    using enum vague_word;
    return std::array<detail::enum_name<vague_word>, vague_word_count>{{
        {a_few, "a_few"},
        {several, "several"},
        {many, "many"},
        {dozens, "dozens"},
        {scores, "scores"},
        {hundreds, "hundreds"},
        {thousands, "thousands"},
        {tens_of_thousands, "tens_of_thousands"},
        {hundreds_of_thousands, "hundreds_of_thousands"},
        {millions, "millions"},
    }};
}

/// The identifier, e.g. "tens_of_thousands".
[[nodiscard]] constexpr std::string_view to_string(vague_word word) noexcept
{
    return detail::name_of(word);
}

/// The word as people write it, e.g. "tens of thousands".
[[nodiscard]] inline std::string spelling(vague_word word)
{
    std::string text{to_string(word)};
    for (char& c : text) {
        if (c == '_') c = ' ';
    }
    return text;
}

/// What count each vague word stands for.
class vague_table {
public:
    /// A literal reading: "dozens" is at least two dozen and fewer than a hundred, "hundreds" at
    /// least two hundred and fewer than a thousand, and so on; "a few", "several" and "many" are
    /// read as loosely as their everyday use allows.
    [[nodiscard]] static constexpr vague_table literal()
    {
        vague_table table;
        table.set(vague_word::a_few, interval::between(2, 5));
        table.set(vague_word::several, interval::between(3, 9));
        table.set(vague_word::many, interval::at_least(2));
        table.set(vague_word::dozens, interval::between(24, 99));
        table.set(vague_word::scores, interval::between(40, 199));
        table.set(vague_word::hundreds, interval::between(200, 999));
        table.set(vague_word::thousands, interval::between(2'000, 9'999));
        table.set(vague_word::tens_of_thousands, interval::between(20'000, 99'999));
        table.set(vague_word::hundreds_of_thousands, interval::between(200'000, 999'999));
        table.set(vague_word::millions, interval::at_least(2'000'000));
        return table;
    }

    /// ACLED's conservative coding: the lowest number the word can mean, unbounded above
    /// ("several" = 3, "dozens" = 12, "hundreds" = 100).
    [[nodiscard]] static constexpr vague_table acled()
    {
        vague_table table;
        table.set(vague_word::a_few, interval::at_least(3));
        table.set(vague_word::several, interval::at_least(3));
        table.set(vague_word::many, interval::at_least(3));
        table.set(vague_word::dozens, interval::at_least(12));
        table.set(vague_word::scores, interval::at_least(20));
        table.set(vague_word::hundreds, interval::at_least(100));
        table.set(vague_word::thousands, interval::at_least(1'000));
        table.set(vague_word::tens_of_thousands, interval::at_least(10'000));
        table.set(vague_word::hundreds_of_thousands, interval::at_least(100'000));
        table.set(vague_word::millions, interval::at_least(1'000'000));
        return table;
    }

    /// [0, ∞) for a value outside the enum (only reachable through a cast).
    [[nodiscard]] constexpr interval meaning(vague_word word) const noexcept
    {
        return index(word) < vague_word_count ? meanings_[index(word)] : interval{};
    }
    constexpr vague_table& set(vague_word word, interval meaning) noexcept
    {
        if (index(word) < vague_word_count) meanings_[index(word)] = meaning;
        return *this;
    }

    friend constexpr bool operator==(const vague_table&, const vague_table&) noexcept = default;

private:
    static constexpr std::size_t index(vague_word word) noexcept { return static_cast<std::size_t>(word); }

    std::array<interval, vague_word_count> meanings_{};
};

}  // namespace toll
