#pragma once
// Matching a lexicon's phrases ("at least", "in excess of", "c .") against tokens, the one rule
// shared by the figure grammar and the field reader.

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include <toll/parse/detail/lexer.hpp>

namespace toll::detail {

/// Whether the phrase `words` (lower case) starts with the word `w` (any case): `w`, then a space
/// or the phrase's end. Compares only `w`'s bytes, so a mismatch costs a byte or two.
[[nodiscard]] constexpr bool starts_with_word(std::string_view words, std::string_view w) noexcept
{
    return w.size() <= words.size() && (w.size() == words.size() || words[w.size()] == ' ') &&
           iequals(w, words.substr(0, w.size()));
}

/// How many tokens the phrase `words` takes at token `at` (0: it does not match). `tokens(k)`
/// gives the token k and `text(t)` a token's text. A phrase word "." matches a period glued to the
/// word before it, "'" an apostrophe, and "-" a hyphen glued to the word before ("sri - lankais").
template <class Tokens, class Text>
[[nodiscard]] constexpr std::size_t match_phrase(std::string_view words, std::size_t at, Tokens&& tokens,
                                                 Text&& text)
{
    std::size_t k = at;
    while (!words.empty()) {
        // Each token is compared with the phrase's next word in place, without first finding the
        // word's end: lexicons are tried whole on every figure, and most tries fail on a byte.
        const token& t = tokens(k);
        std::size_t used = 0;  // the phrase bytes this token matched
        const char c = words.front();
        const bool mark = (c == '.' || c == '\'' || c == '-') && (words.size() == 1 || words[1] == ' ');
        if (mark) {
            // "c .": a period glued to the word before; "d'après", "jusqu'à": an apostrophe;
            // "sri-lankais": a hyphen inside a word, which the lexer makes a token of its own
            if (c == '\'' ? t.kind != token_kind::apostrophe
                          : (t.kind != (c == '.' ? token_kind::period : token_kind::dash) || !t.joined))
                return 0;
            used = 1;
        } else {
            if (t.kind != token_kind::word) return 0;
            const std::string_view w = text(t);
            if (w.empty() || !starts_with_word(words, w)) return 0;
            used = w.size();
        }
        ++k;
        words = used == words.size() ? std::string_view{} : words.substr(used + 1);
    }
    return k - at;
}

/// The words of a table entry: the entry itself for plain phrases, else its `words` or `text`.
[[nodiscard]] constexpr std::string_view words_of(std::string_view phrase) noexcept { return phrase; }
template <class Entry>
[[nodiscard]] constexpr std::string_view words_of(const Entry& e) noexcept
{
    if constexpr (requires { e.words; }) {
        return e.words;
    } else {
        return e.text;
    }
}

/// Which of 27 buckets a first byte falls in: a–z, then everything else (non-ASCII letters).
[[nodiscard]] constexpr std::size_t letter_bucket(char c) noexcept
{
    const char l = lower(c);
    return (l >= 'a' && l <= 'z') ? static_cast<std::size_t>(l - 'a') : 26;
}

/// A lexicon table with an index by first letter, so a lookup reads only the entries that can
/// match. The table must be sorted by its entries' first letter (a–z, then non-ASCII), keeping
/// within a letter the order in which entries are tried; building an unsorted one in a constant
/// expression fails to compile.
template <class Entry>
class phrase_table {
public:
    constexpr phrase_table() = default;
    template <std::size_t N>
    constexpr phrase_table(const Entry (&entries)[N]) : entries_{entries}  // NOLINT: implicit on purpose
    {
        std::size_t bucket = 0;
        for (std::size_t i = 0; i < N; ++i) {
            const std::string_view w = words_of(entries[i]);
            const std::size_t b = w.empty() ? 26 : letter_bucket(w.front());
            if (b < bucket) throw "phrase_table: entries must be sorted by their first letter";
            while (bucket < b) start_[++bucket] = static_cast<std::uint16_t>(i);
        }
        while (bucket < 27) start_[++bucket] = static_cast<std::uint16_t>(N);
    }

    /// The entries whose first letter is that of `word`.
    [[nodiscard]] constexpr std::span<const Entry> starting_like(std::string_view word) const noexcept
    {
        if (word.empty()) return {};
        const std::size_t b = letter_bucket(word.front());
        return entries_.subspan(start_[b], static_cast<std::size_t>(start_[b + 1] - start_[b]));
    }
    [[nodiscard]] constexpr std::span<const Entry> all() const noexcept { return entries_; }

private:
    std::span<const Entry> entries_{};
    std::array<std::uint16_t, 28> start_{};
};

/// The first of `table`'s phrases that matches at `at`, or null; `length` gets its token count.
template <class Entry, class Tokens, class Text>
[[nodiscard]] constexpr const Entry* first_phrase(const phrase_table<Entry>& table, std::size_t at,
                                                  std::size_t& length, Tokens&& tokens, Text&& text)
{
    const token& t = tokens(at);
    if (t.kind != token_kind::word) return nullptr;
    const std::string_view head = text(t);
    for (const Entry& p : table.starting_like(head)) {
        // Only a phrase whose first word is this token can match: checked here, on the phrase as
        // it is, and only the words after it go to match_phrase (the figure parser tries every
        // vague word and bound of the letter on every figure, and many share a first word).
        const std::string_view w = words_of(p);
        if (!starts_with_word(w, head)) continue;
        if (w.size() == head.size()) {
            length = 1;
            return &p;
        }
        if (const std::size_t n = match_phrase(w.substr(head.size() + 1), at + 1, tokens, text); n != 0) {
            length = n + 1;
            return &p;
        }
    }
    return nullptr;
}

/// The entry of `table` whose single word is `word` (case-insensitive), or null.
template <class Entry>
[[nodiscard]] constexpr const Entry* find_word(const phrase_table<Entry>& table, std::string_view word) noexcept
{
    for (const Entry& e : table.starting_like(word)) {
        if (iequals(word, words_of(e))) return &e;
    }
    return nullptr;
}

/// Whether `word` is one of `words` (case-insensitive; `words` are lower case).
[[nodiscard]] constexpr bool is_one_of(std::string_view word, std::span<const std::string_view> words) noexcept
{
    if (word.empty()) return false;
    const char first = lower(word.front());
    for (std::string_view w : words) {
        if (!w.empty() && w.front() == first && iequals(word, w)) return true;
    }
    return false;
}

/// The length of the first of `phrases` (plain strings) that matches at `at`; 0 for none.
template <class Tokens, class Text>
[[nodiscard]] constexpr std::size_t match_any(const phrase_table<std::string_view>& phrases, std::size_t at,
                                              Tokens&& tokens, Text&& text)
{
    std::size_t length = 0;
    return first_phrase(phrases, at, length, tokens, text) ? length : 0;
}

}  // namespace toll::detail
