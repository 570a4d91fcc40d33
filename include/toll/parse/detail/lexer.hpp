#pragma once
// The tokens casualty text is made of: numbers (with their digit grouping and decimals kept
// apart so that "1.5 million" can be scaled later), words, and the punctuation that matters
// (dashes, "+", "~", "≈", comparison signs, separators). The lexer reads raw bytes, knows the
// handful of non-ASCII characters people use in figures, and never reads past the input: every
// byte string, invalid UTF-8 included, ends as a sequence of tokens.
//
// In field mode it also steps over the markup that infobox cells carry (footnote markers "[3]",
// "<ref …/>", "<br>", "{{flagicon|Mali}}", "File:…png", "20px"), reporting line breaks as
// separators.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include <toll/interval.hpp>

namespace toll::detail {

enum class token_kind : std::uint8_t {
    end,
    number,       ///< digits, maybe grouped ("1,600", "12 000") and with decimals ("1.5")
    word,         ///< letters (ASCII or any non-ASCII letter-like character)
    dash,         ///< - ‐ ‑ ‒ – — ― −
    plus,         ///< +
    tilde,        ///< ~ ∼
    approx,       ///< ≈
    less,         ///< <
    greater,      ///< >
    less_equal,   ///< ≤ <=
    greater_equal,///< ≥ >=
    comma,
    semicolon,
    colon,
    period,
    open_paren,   ///< ( [
    close_paren,  ///< ) ]
    slash,
    question,
    apostrophe,   ///< ' ’
    quote,        ///< " “ ” « »
    newline,      ///< only in field mode: a line break or <br>
    invalid,      ///< a byte that does not start valid UTF-8
    other,        ///< any other character
};

struct token {
    token_kind kind = token_kind::end;
    /// No blank (or skipped markup) stands between this token and the one before.
    bool joined = false;
    /// For numbers: digits were grouped with separators ("1,600").
    bool grouped = false;
    /// For numbers: more digits than any count can have.
    bool overflow = false;
    /// For numbers: a separator was followed by a group of other than three digits.
    bool bad_grouping = false;
    /// For numbers: how many digits follow the decimal point.
    std::uint8_t decimals = 0;
    std::size_t begin = 0;
    std::size_t end = 0;
    /// For numbers: all digits (integer and fraction) as one integer; "1.5" is 15 with 1 decimal.
    std::uint64_t mantissa = 0;

    [[nodiscard]] constexpr std::size_t size() const noexcept { return end - begin; }
};

/// How a language writes numbers: English "1,600.5", French "1.600,5" (and, in both, "1 600").
enum class number_style : std::uint8_t {
    point_decimal,  ///< "," (or a space) groups thousands, "." marks decimals
    comma_decimal,  ///< "." (or a space) groups thousands, "," marks decimals
};

enum class lex_mode : std::uint8_t {
    figure,  ///< a figure on its own: line breaks are blanks, markup is text
    field,   ///< a cell or a sentence: markup is skipped, line breaks separate
};

[[nodiscard]] constexpr char lower(char c) noexcept
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
[[nodiscard]] constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
[[nodiscard]] constexpr bool is_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
[[nodiscard]] constexpr unsigned char byte(char c) noexcept { return static_cast<unsigned char>(c); }

/// ASCII case-insensitive equality with a lower-case literal.
[[nodiscard]] constexpr bool iequals(std::string_view text, std::string_view lower_literal) noexcept
{
    if (text.size() != lower_literal.size()) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (lower(text[i]) != lower_literal[i]) return false;
    }
    return true;
}

[[nodiscard]] constexpr bool istarts_with(std::string_view text, std::string_view lower_literal) noexcept
{
    return text.size() >= lower_literal.size() && iequals(text.substr(0, lower_literal.size()), lower_literal);
}

/// One decoded UTF-8 character: its code point and byte length; length 0 means invalid.
struct utf8_char {
    char32_t code = 0;
    std::size_t length = 0;
};

/// Decodes the character at `pos` (which must be inside `text`), rejecting overlong forms,
/// surrogates, code points past U+10FFFF and truncated sequences.
[[nodiscard]] constexpr utf8_char decode_utf8(std::string_view text, std::size_t pos) noexcept
{
    const unsigned char lead = byte(text[pos]);
    if (lead < 0x80) return {lead, 1};
    std::size_t length = 0;
    char32_t code = 0;
    char32_t minimum = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2, code = lead & 0x1Fu, minimum = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3, code = lead & 0x0Fu, minimum = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4, code = lead & 0x07u, minimum = 0x10000;
    } else {
        return {};
    }
    if (text.size() - pos < length) return {};
    for (std::size_t i = 1; i < length; ++i) {
        const unsigned char next = byte(text[pos + i]);
        if ((next & 0xC0u) != 0x80u) return {};
        code = (code << 6) | (next & 0x3Fu);
    }
    if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return {};
    return {code, length};
}

/// Blanks between tokens, ASCII and the Unicode spaces that digit groups and typesetting use.
[[nodiscard]] constexpr bool is_blank_code(char32_t c) noexcept
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f' || c == 0xA0 ||
           (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

[[nodiscard]] constexpr bool is_dash_code(char32_t c) noexcept
{
    return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE63 || c == 0xFF0D;
}

/// Non-ASCII characters that belong inside words: letters of the Latin, Greek, Cyrillic, Arabic
/// … blocks. Punctuation and symbol blocks (U+2000–U+2BFF, U+3000–U+303F, U+FE00–U+FFFF) do not.
[[nodiscard]] constexpr bool is_word_code(char32_t c) noexcept
{
    if (c < 0x80) return false;
    if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;  // ª µ º; the rest is punctuation
    if (c == 0xD7 || c == 0xF7) return false;                  // × ÷
    if (c >= 0x2000 && c <= 0x2BFF) return false;
    if (c >= 0x3000 && c <= 0x303F) return false;
    if (c >= 0xFE00 && c <= 0xFFFF) return false;
    return true;
}

/// What the character at `pos` is, for the lexer's purposes.
struct char_class {
    enum kind_t : std::uint8_t { blank, line_break, digit, letter, punct, invalid } kind = invalid;
    std::size_t length = 1;
    char32_t code = 0;
};

[[nodiscard]] constexpr char_class classify(std::string_view text, std::size_t pos) noexcept
{
    const char c = text[pos];
    if (byte(c) < 0x80) {
        if (c == '\n') return {char_class::line_break, 1, U'\n'};
        if (c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f') return {char_class::blank, 1, char32_t(byte(c))};
        if (is_digit(c)) return {char_class::digit, 1, char32_t(byte(c))};
        if (is_alpha(c)) return {char_class::letter, 1, char32_t(byte(c))};
        return {char_class::punct, 1, char32_t(byte(c))};
    }
    const utf8_char u = decode_utf8(text, pos);
    if (u.length == 0) return {char_class::invalid, 1, 0};
    if (u.code == 0x2028 || u.code == 0x2029 || u.code == 0x85) return {char_class::line_break, u.length, u.code};
    if (is_blank_code(u.code)) return {char_class::blank, u.length, u.code};
    if (is_word_code(u.code)) return {char_class::letter, u.length, u.code};
    return {char_class::punct, u.length, u.code};
}

/// Maximum mantissa kept exactly; past it a number only counts its digits to report overflow.
inline constexpr std::uint64_t mantissa_limit = 100'000'000'000'000'000ull;  // 10^17

/// True when the bytes at `pos` are a blank usable as a thousands separator (space, no-break
/// space, thin space, narrow no-break space) and returns its length in `length`.
[[nodiscard]] constexpr bool group_space_at(std::string_view text, std::size_t pos, std::size_t& length) noexcept
{
    if (pos >= text.size()) return false;
    if (text[pos] == ' ') {
        length = 1;
        return true;
    }
    if (byte(text[pos]) < 0x80) return false;
    const utf8_char u = decode_utf8(text, pos);
    if (u.length != 0 && (u.code == 0xA0 || u.code == 0x2009 || u.code == 0x202F)) {
        length = u.length;
        return true;
    }
    return false;
}

/// Whether exactly three digits start at `pos` and no fourth follows.
[[nodiscard]] constexpr bool three_digits_at(std::string_view text, std::size_t pos) noexcept
{
    return pos + 3 <= text.size() && is_digit(text[pos]) && is_digit(text[pos + 1]) && is_digit(text[pos + 2]) &&
           (pos + 3 == text.size() || !is_digit(text[pos + 3]));
}

constexpr void add_digit(token& t, char c) noexcept
{
    if (t.mantissa >= mantissa_limit) {
        t.overflow = true;
        return;
    }
    t.mantissa = t.mantissa * 10 + static_cast<std::uint64_t>(c - '0');
}

/// Reads a number starting at a digit into `t`: "12", "1,600", "12 000", "1.5", "1,234.5".
constexpr void lex_number(std::string_view text, std::size_t pos, token& t,
                          number_style style = number_style::point_decimal) noexcept
{
    t.kind = token_kind::number;
    t.begin = pos;
    std::size_t first_group = 0;
    while (pos < text.size() && is_digit(text[pos])) {
        add_digit(t, text[pos]);
        ++pos, ++first_group;
    }
    // Thousands separators: a comma (or a space-like blank) followed by exactly three digits, and
    // only after a first group of one to three digits, so "2025 100" stays two numbers. A comma
    // followed by other than three digits ends the number: "30,62" is two figures in a list. In
    // the comma-decimal style the period groups ("1.600") and the comma marks decimals ("1,5").
    const char group_mark = style == number_style::comma_decimal ? '.' : ',';
    const char decimal_mark = style == number_style::comma_decimal ? ',' : '.';
    if (first_group <= 3) {
        char chosen = 0;  // ',' or ' ' once chosen; styles do not mix
        for (;;) {
            std::size_t sep = 0;
            char this_style = 0;
            if (pos < text.size() && text[pos] == group_mark) {
                sep = 1, this_style = ',';
            } else if (group_space_at(text, pos, sep)) {
                this_style = ' ';
            } else {
                break;
            }
            if (chosen != 0 && chosen != this_style) break;
            if (!three_digits_at(text, pos + sep)) {
                // "1,60" or "1,6000": a separator followed by a digit group of the wrong size.
                if (this_style == ',' && group_mark == ',' && pos + sep < text.size() && is_digit(text[pos + sep])) {
                    t.bad_grouping = true;
                }
                break;
            }
            chosen = this_style;
            t.grouped = true;
            pos += sep;
            for (int i = 0; i < 3; ++i) add_digit(t, text[pos++]);
        }
    }
    // Decimals: "1.5 million". A period not followed by a digit ends a sentence, not a number.
    if (pos + 1 < text.size() && text[pos] == decimal_mark && is_digit(text[pos + 1])) {
        ++pos;
        while (pos < text.size() && is_digit(text[pos])) {
            add_digit(t, text[pos]);
            if (t.decimals < 255) ++t.decimals;
            ++pos;
        }
    }
    t.end = pos;
}

/// Skips markup that infobox cells carry. Returns the position after it, or `pos` when there is
/// none; sets `line_break` when the markup stands for a line break (<br>).
[[nodiscard]] constexpr std::size_t skip_markup(std::string_view text, std::size_t pos, bool& line_break) noexcept
{
    const std::string_view rest = text.substr(pos);
    // Markup is short: look for its end within a bounded window, so that a text full of stray
    // '<' or '[' stays linear to read.
    const std::string_view window = rest.substr(0, 256);
    const char c = rest.front();
    if (c == '<') {
        // <ref …>…</ref> and <ref …/> vanish whole; other tags (<br>, <small>, </small>) vanish alone.
        if (istarts_with(rest, "<ref") && (rest.size() == 4 || rest[4] == ' ' || rest[4] == '>' || rest[4] == '/')) {
            const std::size_t close = window.find('>');
            if (close == std::string_view::npos) return pos;
            if (rest[close - 1] == '/') return pos + close + 1;
            const std::size_t end_tag = rest.find("</ref>", close);
            const std::size_t end_tag_upper = rest.find("</REF>", close);
            const std::size_t found = end_tag < end_tag_upper ? end_tag : end_tag_upper;
            return found == std::string_view::npos ? text.size() : pos + found + 6;
        }
        if (rest.size() >= 2 && (is_alpha(rest[1]) || rest[1] == '/' || rest[1] == '!')) {
            const std::size_t close = window.find('>');
            if (close == std::string_view::npos || close > 200) return pos;
            const std::string_view tag = rest.substr(1, close - 1);
            if (istarts_with(tag, "br") && (tag.size() == 2 || tag[2] == ' ' || tag[2] == '/')) line_break = true;
            return pos + close + 1;
        }
        return pos;
    }
    if (c == '{' && rest.size() >= 2 && rest[1] == '{') {
        // Templates ({{flagicon|Mali}}, {{citation needed}}), nested ones included.
        int depth = 0;
        for (std::size_t i = 0; i + 1 < rest.size(); ++i) {
            if (rest[i] == '{' && rest[i + 1] == '{') {
                ++depth, ++i;
            } else if (rest[i] == '}' && rest[i + 1] == '}') {
                ++i;
                if (--depth == 0) return pos + i + 1;
            }
        }
        return text.size();
    }
    if (c == '[') {
        if (rest.size() >= 2 && rest[1] == '[') {
            // [[target|shown text]]: keep the shown text; [[target]]: keep the target.
            const std::size_t close = window.find("]]");
            const std::size_t bar = window.find('|');
            if (bar != std::string_view::npos && (close == std::string_view::npos || bar < close)) return pos + bar + 1;
            return pos + 2;
        }
        // Footnote markers: [3], [a], [note 1], [citation needed], [nb 2].
        const std::size_t close = window.find(']');
        if (close == std::string_view::npos || close < 2 || close > 40) return pos;
        for (std::size_t i = 1; i < close; ++i) {
            const char d = rest[i];
            if (!(is_alpha(d) || is_digit(d) || d == ' ' || d == '-' || d == '_')) return pos;
        }
        // A number alone in brackets is a footnote; words only when short and lower-case notes.
        return pos + close + 1;
    }
    if (c == ']' && rest.size() >= 2 && rest[1] == ']') return pos + 2;
    if (c == '\'' && rest.size() >= 2 && rest[1] == '\'') {
        // ''italic'' and '''bold''' quotes.
        std::size_t i = 0;
        while (i < rest.size() && rest[i] == '\'') ++i;
        return pos + i;
    }
    if (c == '&') {
        // HTML entities that stand for blanks: &nbsp; &thinsp; &#160;
        for (std::string_view entity : {std::string_view{"&nbsp;"}, std::string_view{"&thinsp;"},
                                        std::string_view{"&#160;"}, std::string_view{"&ensp;"}}) {
            if (istarts_with(rest, entity)) return pos + entity.size();
        }
        return pos;
    }
    if ((c == 'F' || c == 'f' || c == 'I' || c == 'i') && (istarts_with(rest, "file:") || istarts_with(rest, "image:"))) {
        // File:Flag of Mali.svg, File:PMC Wagner Center logo.png: up to the image's extension.
        for (std::size_t i = 5; i < rest.size() && i < 200; ++i) {
            if (rest[i] == '.' || rest[i] == '|' || rest[i] == ',' || rest[i] == '\n') {
                if (rest[i] != '.') return pos + i;
                for (std::string_view ext : {std::string_view{".png"}, std::string_view{".svg"},
                                             std::string_view{".jpg"}, std::string_view{".jpeg"},
                                             std::string_view{".gif"}}) {
                    if (istarts_with(rest.substr(i), ext)) return pos + i + ext.size();
                }
            }
        }
        return pos;
    }
    if (is_digit(c)) {
        // Image sizes: "20px", "20x20px".
        std::size_t i = 0;
        while (i < rest.size() && (is_digit(rest[i]) || rest[i] == 'x')) ++i;
        if (istarts_with(rest.substr(i), "px") && (i + 2 == rest.size() || !is_alpha(rest[i + 2]))) return pos + i + 2;
    }
    return pos;
}

constexpr void lex_token(std::string_view text, std::size_t pos, lex_mode mode, token& out,
                         number_style style = number_style::point_decimal) noexcept;

/// The next token at or after `pos`. Never reads outside `text`; at the end returns an `end`
/// token whose begin and end are text.size().
[[nodiscard]] constexpr token next_token(std::string_view text, std::size_t pos, lex_mode mode,
                                        number_style style = number_style::point_decimal) noexcept
{
    token t;
    lex_token(text, pos, mode, t, style);
    return t;
}

/// next_token, written into `t` (which must be default-initialised): filling the token in place
/// spares the hot path a copy of a freshly written struct.
constexpr void lex_token(std::string_view text, std::size_t pos, lex_mode mode, token& t, number_style style) noexcept
{
    bool joined = true;
    bool line_break = false;
    while (pos < text.size()) {
        if (mode == lex_mode::field) {
            bool br = false;
            const std::size_t after = skip_markup(text, pos, br);
            if (after != pos) {
                line_break = line_break || br;
                // Markup joins what it sits between only when it is a footnote glued to a word.
                pos = after;
                continue;
            }
        }
        const char_class cls = classify(text, pos);
        if (cls.kind == char_class::line_break) {
            line_break = true;
            joined = false;
            pos += cls.length;
            continue;
        }
        if (cls.kind != char_class::blank) break;
        joined = false;
        pos += cls.length;
    }
    if (line_break && mode == lex_mode::field) {
        // A line break (or <br>) between two tokens separates them like a semicolon. Its span is
        // empty: the token stands for the break, not for text.
        t.kind = token_kind::newline;
        t.begin = t.end = pos;
        return;
    }
    if (pos >= text.size()) {
        t.begin = t.end = text.size();
        t.joined = joined;
        return;
    }
    const char_class cls = classify(text, pos);
    if (cls.kind == char_class::digit) {
        lex_number(text, pos, t, style);
        t.joined = joined;
        return;
    }
    t.joined = joined;
    t.begin = pos;
    if (cls.kind == char_class::letter) {
        t.kind = token_kind::word;
        std::size_t end = pos + cls.length;
        while (end < text.size()) {
            if (is_alpha(text[end])) {
                ++end;
                continue;
            }
            if (byte(text[end]) < 0x80) break;
            const char_class next = classify(text, end);
            if (next.kind != char_class::letter) break;
            end += next.length;
        }
        t.end = end;
        return;
    }
    t.end = pos + cls.length;
    if (cls.kind == char_class::invalid) {
        t.kind = token_kind::invalid;
        return;
    }
    const char32_t code = cls.code;
    const char next = t.end < text.size() ? text[t.end] : '\0';
    switch (code) {
    case '+': t.kind = token_kind::plus; break;
    case '~': case 0x223C: t.kind = token_kind::tilde; break;
    case 0x2248: t.kind = token_kind::approx; break;
    case '<':
        if (next == '=') t.kind = token_kind::less_equal, ++t.end;
        else t.kind = token_kind::less;
        break;
    case '>':
        if (next == '=') t.kind = token_kind::greater_equal, ++t.end;
        else t.kind = token_kind::greater;
        break;
    case 0x2264: t.kind = token_kind::less_equal; break;
    case 0x2265: t.kind = token_kind::greater_equal; break;
    case ',': case 0x3001: case 0xFF0C: t.kind = token_kind::comma; break;
    case ';': t.kind = token_kind::semicolon; break;
    case ':': t.kind = token_kind::colon; break;
    case '.': case 0x2026: t.kind = token_kind::period; break;
    case '(': case '[': t.kind = token_kind::open_paren; break;
    case ')': case ']': t.kind = token_kind::close_paren; break;
    case '/': t.kind = token_kind::slash; break;
    case '?':
        // "l?armée", "d?une", "qu?ils": a '?' glued between two letters is a curly apostrophe that
        // lost its encoding on the way, not a question mark.
        t.kind = joined && pos > 0 && is_alpha(text[pos - 1]) && t.end < text.size() &&
                         classify(text, t.end).kind == char_class::letter
                     ? token_kind::apostrophe
                     : token_kind::question;
        break;
    case '\'': case 0x2018: case 0x2019: t.kind = token_kind::apostrophe; break;
    case '"': case 0x201C: case 0x201D: case 0xAB: case 0xBB: t.kind = token_kind::quote; break;
    default: t.kind = is_dash_code(code) ? token_kind::dash : token_kind::other; break;
    }
}

}  // namespace toll::detail
