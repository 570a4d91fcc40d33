#pragma once
// Reads one figure as people write it: "12", "1,600", "twenty-one", "1.5 million", "30–62",
// "between 200 and 400", "20+", "at least 20", "over 300", "up to 30", "fewer than 30",
// "about 50", "c. 50", "dozens", "tens of thousands", "unknown", "none", "0".
//
// parse_figure never throws (short of running out of memory): any byte string, invalid UTF-8
// and numbers past toll::max_count included, ends in a figure or in diagnostics saying where and
// why. Reading a plain figure allocates nothing.

#include <cstddef>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include <toll/parse/detail/figure_grammar.hpp>
#include <toll/parse/detail/lexer.hpp>
#include <toll/parse/detail/lexicon_en.hpp>
#include <toll/parse/language.hpp>
#include <toll/figure.hpp>
#include <toll/parse/parse_result.hpp>
#include <toll/vague_words.hpp>

namespace toll {

namespace detail {

/// Tokens lexed on demand from the text, kept in a fixed buffer so a parse allocates nothing.
/// A figure never needs more than `capacity` tokens; past that the cursor reports an `other`
/// token, which makes the parse fail cleanly instead of reading further.
class lazy_cursor {
public:
    static constexpr std::size_t capacity = 48;

    lazy_cursor(std::string_view text, lex_mode mode, std::size_t pos = 0,
                number_style style = number_style::point_decimal) noexcept
        : text_{text}, mode_{mode}, style_{style}, next_pos_{pos}
    {
    }

    [[nodiscard]] const token& peek(std::size_t k) noexcept
    {
        const std::size_t index = base_ + k;
        if (index < count_) return storage_.items[index];  // the common case: lexed already
        return lex_to(index);
    }

    void advance(std::size_t n) noexcept { base_ += n; }

private:
    // Lexes up to token `index`; past the buffer, the `other` token.
    const token& lex_to(std::size_t index) noexcept
    {
        if (index >= capacity) {
            overflow_.kind = token_kind::other;
            overflow_.begin = next_pos_ < text_.size() ? next_pos_ : text_.size();
            overflow_.end = text_.size();
            return overflow_;
        }
        while (count_ <= index) {
            token& t = *::new (static_cast<void*>(&storage_.items[count_])) token{};
            lex_token(text_, next_pos_, mode_, t, style_);
            next_pos_ = t.end;
            ++count_;
            if (t.kind == token_kind::end) {
                // Every later token is the end as well.
                while (count_ <= index) {
                    ::new (static_cast<void*>(&storage_.items[count_])) token{t};
                    ++count_;
                }
            }
        }
        return storage_.items[index];
    }

    // A union leaves the buffer uninitialised: tokens are constructed as they are lexed.
    union storage {
        storage() noexcept {}
        token items[capacity];
    };

    std::string_view text_;
    lex_mode mode_;
    number_style style_;
    std::size_t next_pos_ = 0;
    std::size_t base_ = 0;
    std::size_t count_ = 0;
    storage storage_;
    token overflow_{};
};

/// Moves `pos` back to the start of the UTF-8 character it is inside.
[[nodiscard]] constexpr std::size_t char_start(std::string_view text, std::size_t pos) noexcept
{
    std::size_t steps = 0;
    while (pos > 0 && pos < text.size() && (byte(text[pos]) & 0xC0u) == 0x80u && steps < 3) --pos, ++steps;
    return pos;
}

/// A diagnostic for text[begin, end), its excerpt cut to at most ~60 bytes on character bounds.
[[nodiscard]] inline diagnostic make_diagnostic(std::string_view text, std::size_t begin, std::size_t end,
                                                parse_errc code, std::string_view reason = {})
{
    if (begin > text.size()) begin = text.size();
    if (end < begin) end = begin;
    if (end > text.size()) end = text.size();
    diagnostic d;
    d.offset = begin;
    d.length = end - begin;
    constexpr std::size_t max_excerpt = 60;
    std::size_t cut = end - begin > max_excerpt ? char_start(text, begin + max_excerpt) : end;
    if (cut < begin) cut = begin;
    d.excerpt.assign(text.substr(begin, cut - begin));
    if (cut < end) d.excerpt += "\u2026";
    d.code = code;
    d.reason.assign(reason.empty() ? reason_for(code) : reason);
    return d;
}

/// The last non-blank byte position + 1, so a trailing-text diagnostic does not run into blanks.
[[nodiscard]] constexpr std::size_t trim_end(std::string_view text) noexcept
{
    std::size_t end = text.size();
    while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\n' || text[end - 1] == '\r'))
        --end;
    return end;
}

/// The literal table, built once at compile time: a default argument of vague_table::literal()
/// would rebuild it on every call.
inline constexpr vague_table literal_vague_table = vague_table::literal();

}  // namespace detail

/// Reads `text` as exactly one figure (blanks around it are fine) in language `lang` ("au moins
/// 134", "une cinquantaine"). Vague words mean what `table` says; the result records the table.
[[nodiscard]] inline parse_result<figure> parse_figure(std::string_view text, toll::language lang,
                                                       const vague_table& table = detail::literal_vague_table)
{
    const detail::lexicon& lex = detail::lexicon_for(lang, text);
    detail::lazy_cursor cursor{text, detail::lex_mode::figure, 0, lex.style};
    const detail::token& first = cursor.peek(0);
    if (first.kind == detail::token_kind::end) {
        return {std::vector<diagnostic>{detail::make_diagnostic(text, 0, text.size(), parse_errc::empty)}, table};
    }
    detail::figure_reader<detail::lazy_cursor> reader{cursor, text, table, lex};
    detail::figure_scan scan;
    reader.read(scan);
    if (scan.status != detail::figure_scan::ok) {
        std::size_t end = scan.end;
        if (scan.status == detail::figure_scan::no_figure) end = detail::trim_end(text);
        return {std::vector<diagnostic>{detail::make_diagnostic(text, scan.begin, end, scan.code, scan.reason)}, table};
    }
    const detail::token& rest = cursor.peek(0);
    if (rest.kind != detail::token_kind::end) {
        const parse_errc code =
            rest.kind == detail::token_kind::invalid ? parse_errc::invalid_utf8 : parse_errc::trailing_text;
        return {std::vector<diagnostic>{
                    detail::make_diagnostic(text, rest.begin, code == parse_errc::invalid_utf8 ? rest.end : detail::trim_end(text), code)},
                table};
    }
    return {scan.value, table};
}

/// Reads `text` as one English figure.
[[nodiscard]] inline parse_result<figure> parse_figure(std::string_view text,
                                                       const vague_table& table = detail::literal_vague_table)
{
    return parse_figure(text, language::en, table);
}

/// Like parse_figure, but returns the figure itself and throws toll::parse_error (carrying the
/// diagnostics) when the text is not one.
[[nodiscard]] inline figure parse_figure_or_throw(std::string_view text,
                                                  const vague_table& table = detail::literal_vague_table)
{
    return parse_figure(text, table).value();
}

}  // namespace toll
