#pragma once
// Finding the next byte that matters to CSV — a comma, a quote, CR or LF — eight bytes at a
// time: the loop where reading a large file spends its time, shared by the general reader
// (csv.hpp) and the streaming path (reconcile_csv.hpp).

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace toll::detail {

/// The position of the first comma, quote, CR or LF in text[pos, size), or `size`.
[[nodiscard]] inline std::size_t next_csv_special(const char* text, std::size_t pos, std::size_t size) noexcept
{
    constexpr std::uint64_t ones = 0x0101010101010101ull;
    constexpr std::uint64_t highs = 0x8080808080808080ull;
    // On a big-endian machine a borrow could flag a byte before the real match: bytes one by one.
    while (std::endian::native == std::endian::little && size - pos >= 8) {
        std::uint64_t w = 0;
        std::memcpy(&w, text + pos, 8);
        // A byte of x is zero where w holds the character; (x - ones) & ~x sets its high bit.
        const std::uint64_t a = w ^ (ones * ',');
        const std::uint64_t b = w ^ (ones * '"');
        const std::uint64_t c = w ^ (ones * '\n');
        const std::uint64_t d = w ^ (ones * '\r');
        const std::uint64_t found = (((a - ones) & ~a) | ((b - ones) & ~b) | ((c - ones) & ~c) | ((d - ones) & ~d)) & highs;
        // Bytes above the first match may be false alarms (borrows); the lowest one set is exact,
        // and memcpy of a little-endian load puts the first byte lowest.
        if (found != 0) return pos + static_cast<std::size_t>(std::countr_zero(found) / 8);
        pos += 8;
    }
    while (pos < size) {
        const char ch = text[pos];
        if (ch == ',' || ch == '"' || ch == '\n' || ch == '\r') break;
        ++pos;
    }
    return pos;
}

}  // namespace toll::detail
