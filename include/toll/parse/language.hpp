#pragma once
// The languages the parser reads, and how `automatic` tells them apart: it counts the words of
// the text that are frequent in each language and rare in the other (each lexicon's stop_words:
// "the", "of", "were" … against "le", "des", "ont été" …) and takes the language with more; a
// tie (a cell such as "20+" has none) reads as English. The count is one pass over the words.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <toll/detail/enum_names.hpp>
#include <toll/parse/detail/lexer.hpp>
#include <toll/parse/detail/lexicon.hpp>
#include <toll/parse/detail/lexicon_en.hpp>
#include <toll/parse/detail/lexicon_fr.hpp>
#include <toll/parse/detail/phrase.hpp>

namespace toll {

enum class language : std::uint8_t {
    en,         ///< English
    fr,         ///< French
    automatic,  ///< told from the text (see above)
};

[[nodiscard]] constexpr auto enum_names(language) noexcept
{
    return std::array<detail::enum_name<language>, 3>{{
        {language::en, "en"},
        {language::fr, "fr"},
        {language::automatic, "auto"},
    }};
}

[[nodiscard]] constexpr std::string_view to_string(language l) noexcept { return detail::name_of(l); }

/// English or French, by the stop words of `text`; never `automatic`.
[[nodiscard]] constexpr language detect_language(std::string_view text) noexcept
{
    std::size_t english = 0;
    std::size_t french = 0;
    for (std::size_t pos = 0;;) {
        const detail::token t = detail::next_token(text, pos, detail::lex_mode::figure);
        if (t.kind == detail::token_kind::end) break;
        pos = t.end > pos ? t.end : pos + 1;
        if (t.kind != detail::token_kind::word) continue;
        const std::string_view w = text.substr(t.begin, t.size());
        if (detail::is_one_of(w, detail::english.stop_words)) ++english;
        if (detail::is_one_of(w, detail::french.stop_words)) ++french;
    }
    return french > english ? language::fr : language::en;
}

namespace detail {

/// The lexicon a language reads with (`automatic`: the one `text` is in).
[[nodiscard]] constexpr const lexicon& lexicon_for(language l, std::string_view text) noexcept
{
    if (l == language::automatic) l = detect_language(text);
    return l == language::fr ? french : english;
}

}  // namespace detail

}  // namespace toll
