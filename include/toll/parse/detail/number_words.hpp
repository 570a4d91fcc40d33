#pragma once
// Number words: what a lexicon's "twenty", "hundred", "mille" and "dozen" are worth. How they may
// follow one another is the figure grammar's (read_number_words).

#include <cstdint>
#include <string_view>

#include <toll/parse/detail/lexer.hpp>
#include <toll/parse/detail/lexicon.hpp>

namespace toll::detail {

struct number_word {
    number_word_kind kind = number_word_kind::none;
    std::uint64_t value = 0;
    std::uint8_t flags = 0;

    [[nodiscard]] constexpr bool has(number_word_flag f) const noexcept { return (flags & f) != 0; }
};

/// The number word `word` (any case) in `lex`, or kind none.
[[nodiscard]] constexpr number_word lookup_number_word(const lexicon& lex, std::string_view word) noexcept
{
    const number_entry* e = find_word(lex.numbers, word);
    if (!e) return {};
    return {e->kind, e->value, e->flags};
}

}  // namespace toll::detail
