#pragma once
// Checking UTF-8 byte by byte, as the Unicode standard defines it: no overlong forms, no
// surrogates, nothing past U+10FFFF. The CSV readers reject text that fails it; the JSON writer
// replaces each bad part with U+FFFD, one replacement per maximal ill-formed subpart (Unicode's
// recommended practice, which is also what browsers do).

#include <cstddef>
#include <cstring>
#include <string_view>

namespace toll::detail::utf8 {

[[nodiscard]] constexpr unsigned char octet(char c) noexcept { return static_cast<unsigned char>(c); }

/// The length of the well-formed character starting at `text[pos]`, or 0 when the bytes there
/// do not start one. `pos` must be inside `text`.
[[nodiscard]] constexpr std::size_t valid_length(std::string_view text, std::size_t pos) noexcept
{
    const unsigned char lead = octet(text[pos]);
    if (lead < 0x80u) return 1;
    std::size_t length = 0;
    unsigned char low = 0x80u;  // the range the second byte must fall in; it narrows for some leads
    unsigned char high = 0xBFu;
    if (lead >= 0xC2u && lead <= 0xDFu) {
        length = 2;
    } else if (lead >= 0xE0u && lead <= 0xEFu) {
        length = 3;
        if (lead == 0xE0u) low = 0xA0u;   // overlong below U+0800
        if (lead == 0xEDu) high = 0x9Fu;  // surrogates U+D800–U+DFFF
    } else if (lead >= 0xF0u && lead <= 0xF4u) {
        length = 4;
        if (lead == 0xF0u) low = 0x90u;   // overlong below U+10000
        if (lead == 0xF4u) high = 0x8Fu;  // past U+10FFFF
    } else {
        return 0;
    }
    if (text.size() - pos < length) return 0;
    const unsigned char second = octet(text[pos + 1]);
    if (second < low || second > high) return 0;
    for (std::size_t i = 2; i < length; ++i) {
        if ((octet(text[pos + i]) & 0xC0u) != 0x80u) return 0;
    }
    return length;
}

/// Where text[pos] does not start a well-formed character: how many bytes make up the maximal
/// ill-formed subpart there (at least 1), so that each such part can be replaced once.
[[nodiscard]] constexpr std::size_t invalid_length(std::string_view text, std::size_t pos) noexcept
{
    const unsigned char lead = octet(text[pos]);
    std::size_t length = 0;
    unsigned char low = 0x80u;
    unsigned char high = 0xBFu;
    if (lead >= 0xC2u && lead <= 0xDFu) {
        length = 2;
    } else if (lead >= 0xE0u && lead <= 0xEFu) {
        length = 3;
        if (lead == 0xE0u) low = 0xA0u;
        if (lead == 0xEDu) high = 0x9Fu;
    } else if (lead >= 0xF0u && lead <= 0xF4u) {
        length = 4;
        if (lead == 0xF0u) low = 0x90u;
        if (lead == 0xF4u) high = 0x8Fu;
    } else {
        return 1;
    }
    // A valid lead followed by a valid but truncated tail is one subpart.
    std::size_t taken = 1;
    while (taken < length && pos + taken < text.size()) {
        const unsigned char next = octet(text[pos + taken]);
        const bool fits = taken == 1 ? (next >= low && next <= high) : (next & 0xC0u) == 0x80u;
        if (!fits) break;
        ++taken;
    }
    return taken;
}

/// The offset of the first byte that is not part of well-formed UTF-8, or npos when all is.
[[nodiscard]] inline std::size_t first_invalid(std::string_view text) noexcept
{
    std::size_t pos = 0;
    const std::size_t size = text.size();
    while (pos < size) {
        // Most cells are ASCII: skip eight bytes at a time while none has its top bit set.
        while (size - pos >= 8) {
            unsigned long long block = 0;
            std::memcpy(&block, text.data() + pos, 8);
            if ((block & 0x8080808080808080ull) != 0) break;
            pos += 8;
        }
        if (pos >= size) break;
        const std::size_t length = valid_length(text, pos);
        if (length == 0) return pos;
        pos += length;
    }
    return std::string_view::npos;
}

}  // namespace toll::detail::utf8
