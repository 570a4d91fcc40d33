#pragma once
// Text and numbers as a forest plot writes them into SVG: escaped for XML and made valid UTF-8,
// measured against DejaVu Sans to lay out columns, and numbers formatted with integer arithmetic
// only, so the same input gives the same bytes on every platform.

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#include <toll/detail/utf8_check.hpp>
#include <toll/interval.hpp>

namespace toll::detail::forest {

// ---- text -----------------------------------------------------------------------------------

/// Appends `text` as XML character data (fit for element content and quoted attributes): the
/// five special characters escaped, line breaks and tabs made spaces, and every ill-formed
/// UTF-8 part and every character XML 1.0 forbids (other C0 controls, U+FFFE, U+FFFF) made
/// U+FFFD, so the output is always well-formed and valid UTF-8.
inline void append_xml(std::string& out, std::string_view text)
{
    static constexpr std::string_view replacement = "\xEF\xBF\xBD";
    std::size_t pos = 0;
    while (pos < text.size()) {
        const unsigned char c = utf8::octet(text[pos]);
        if (c >= 0x80u) {
            const std::size_t length = utf8::valid_length(text, pos);
            if (length == 0) {
                out += replacement;
                pos += utf8::invalid_length(text, pos);
                continue;
            }
            // U+FFFE and U+FFFF are not XML characters.
            if (length == 3 && c == 0xEFu && text[pos + 1] == '\xBF' && (text[pos + 2] == '\xBE' || text[pos + 2] == '\xBF')) {
                out += replacement;
            } else {
                out.append(text, pos, length);
            }
            pos += length;
            continue;
        }
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        case '\t':
        case '\n':
        case '\r': out += ' '; break;
        default:
            if (c < 0x20u || c == 0x7Fu) out += replacement;
            else out += static_cast<char>(c);
        }
        ++pos;
    }
}

[[nodiscard]] inline std::string xml(std::string_view text)
{
    std::string out;
    append_xml(out, text);
    return out;
}

/// The advance of an ASCII character in DejaVu Sans, in em. DejaVu is what sans-serif falls back
/// to on most Linux systems and is wider than Helvetica, Arial or Verdana's narrow glyphs, so a
/// layout that fits it fits the others.
[[nodiscard]] constexpr double ascii_advance(unsigned char c) noexcept
{
    if (c >= '0' && c <= '9') return 0.637;
    switch (c) {
    case ' ': return 0.318;
    case 'i': case 'j': case 'l': return 0.278;
    case 'f': case 't': return 0.39;
    case 'r': return 0.411;
    case 's': case 'z': return 0.53;
    case 'c': return 0.55;
    case 'k': case 'v': case 'x': case 'y': return 0.592;
    case 'm': return 0.974;
    case 'w': return 0.818;
    case 'I': case 'J': return 0.32;
    case 'M': return 0.863;
    case 'W': return 0.989;
    case '.': case ',': case ':': case ';': case '\'': case '|': case '!': return 0.337;
    case '(': case ')': case '[': case ']': case '/': return 0.39;
    case '-': return 0.361;
    case '+': case '=': case '<': case '>': return 0.838;
    default: break;
    }
    if (c >= 'A' && c <= 'Z') return 0.72;
    if (c >= 'a' && c <= 'z') return 0.62;
    return 0.62;
}

/// An upper estimate of the width of `text` at `size` pixels (bold adds a tenth).
[[nodiscard]] inline double text_width(std::string_view text, double size, bool bold = false)
{
    double em = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const unsigned char c = utf8::octet(text[pos]);
        if (c < 0x80u) {
            em += ascii_advance(c);
            ++pos;
            continue;
        }
        const std::size_t length = utf8::valid_length(text, pos);
        // Wide scripts (CJK and beyond, from U+2E80) take a full em; the rest about a letter's.
        em += length >= 3 && (c > 0xE2u || (c == 0xE2u && utf8::octet(text[pos + 1]) >= 0xBAu)) ? 1.0 : 0.65;
        pos += length == 0 ? utf8::invalid_length(text, pos) : length;
    }
    return em * size * (bold ? 1.1 : 1.0);
}

/// `text`, cut at a character boundary and ended with "…" when wider than `max_width`.
[[nodiscard]] inline std::string fit(std::string_view text, double max_width, double size, bool bold = false)
{
    if (text_width(text, size, bold) <= max_width) return std::string{text};
    const double room = max_width - text_width("\xE2\x80\xA6", size, bold);
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t length = std::max<std::size_t>(1, utf8::valid_length(text, pos));
        const std::size_t next = std::min(text.size(), pos + length);
        if (text_width(text.substr(0, next), size, bold) > room) break;
        pos = next;
    }
    std::string out{text.substr(0, pos)};
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\xE2\x80\xA6";
}

// ---- numbers --------------------------------------------------------------------------------

/// A coordinate with at most two decimals, trailing zeros dropped, written with integer
/// arithmetic only ("12.5", "300", "-4.25").
[[nodiscard]] inline std::string num(double value)
{
    const long long hundredths = std::llround(value * 100.0);
    const unsigned long long magnitude = hundredths < 0 ? 0ULL - static_cast<unsigned long long>(hundredths)
                                                        : static_cast<unsigned long long>(hundredths);
    std::string out = hundredths < 0 ? "-" : "";
    out += std::to_string(magnitude / 100);
    const unsigned long long fraction = magnitude % 100;
    if (fraction != 0) {
        out += '.';
        out += static_cast<char>('0' + fraction / 10);
        if (fraction % 10 != 0) out += static_cast<char>('0' + fraction % 10);
    }
    return out;
}

/// A tick label: plain digits, or, when `compact`, thousands as "k", millions as "M", billions
/// as "B" and trillions as "T" ("2.5k", "200B").
[[nodiscard]] inline std::string count_label(count_type value, bool compact)
{
    if (!compact || value < 1000) return std::to_string(value);
    static constexpr struct {
        count_type unit;
        int digits;
        char suffix;
    } units[] = {{1'000'000'000'000, 12, 'T'}, {1'000'000'000, 9, 'B'}, {1'000'000, 6, 'M'}, {1'000, 3, 'k'}};
    for (const auto& u : units) {
        if (value < u.unit) continue;
        std::string out = std::to_string(value / u.unit);
        std::string fraction = std::to_string(value % u.unit);
        if (value % u.unit != 0) {
            fraction.insert(0, static_cast<std::size_t>(u.digits) - fraction.size(), '0');
            while (fraction.back() == '0') fraction.pop_back();
            out += '.' + fraction;
        }
        return out + u.suffix;
    }
    return std::to_string(value);
}

}  // namespace toll::detail::forest
