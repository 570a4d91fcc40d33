#pragma once
// English number words: what "twenty", "hundred", "thousand" and "dozen" are worth and how they
// may follow one another.

#include <cstdint>
#include <string_view>

#include <toll/parse/detail/lexer.hpp>

namespace toll::detail {

enum class number_word_kind : std::uint8_t {
    none,
    unit,     ///< zero … nine
    teen,     ///< ten … nineteen
    tens,     ///< twenty … ninety
    hundred,
    dozen,
    scale,    ///< thousand, million, billion, trillion
};

struct number_word {
    number_word_kind kind = number_word_kind::none;
    std::uint64_t value = 0;
};

/// The number word `word` (any case), or kind none.
[[nodiscard]] constexpr number_word lookup_number_word(std::string_view word) noexcept
{
    struct entry {
        std::string_view text;
        number_word_kind kind;
        std::uint64_t value;
    };
    using enum number_word_kind;
    constexpr entry table[] = {
        {"zero", unit, 0},        {"one", unit, 1},           {"two", unit, 2},          {"three", unit, 3},
        {"four", unit, 4},        {"five", unit, 5},          {"six", unit, 6},          {"seven", unit, 7},
        {"eight", unit, 8},       {"nine", unit, 9},          {"ten", teen, 10},         {"eleven", teen, 11},
        {"twelve", teen, 12},     {"thirteen", teen, 13},     {"fourteen", teen, 14},    {"fifteen", teen, 15},
        {"sixteen", teen, 16},    {"seventeen", teen, 17},    {"eighteen", teen, 18},    {"nineteen", teen, 19},
        {"twenty", tens, 20},     {"thirty", tens, 30},       {"forty", tens, 40},       {"fourty", tens, 40},
        {"fifty", tens, 50},      {"sixty", tens, 60},        {"seventy", tens, 70},     {"eighty", tens, 80},
        {"ninety", tens, 90},     {"hundred", hundred, 100},  {"dozen", dozen, 12},      {"thousand", scale, 1'000},
        {"million", scale, 1'000'000}, {"billion", scale, 1'000'000'000}, {"trillion", scale, 1'000'000'000'000},
    };
    if (word.size() < 3 || word.size() > 9) return {};
    const char first = lower(word.front());
    for (const entry& e : table) {
        if (e.text.front() == first && iequals(word, e.text)) return {e.kind, e.value};
    }
    return {};
}

}  // namespace toll::detail
