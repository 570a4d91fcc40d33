#pragma once
// Finding the next byte that matters to CSV — a comma, a quote, CR or LF — eight bytes at a
// time: the loop where reading a large file spends its time, shared by the general reader
// (csv.hpp) and the streaming path (reconcile_csv.hpp).

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include <toll/io/detail/csv_blocks.hpp>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

/// The position of the first quote, CR or LF in text[pos, size), or `size`: inside a quoted value,
/// where commas are text, the next byte that ends it or starts a line.
[[nodiscard]] inline std::size_t next_quote_or_line_break(const char* text, std::size_t pos, std::size_t size) noexcept
{
    constexpr std::uint64_t ones = 0x0101010101010101ull;
    constexpr std::uint64_t highs = 0x8080808080808080ull;
    while (std::endian::native == std::endian::little && size - pos >= 8) {  // as in next_csv_special
        std::uint64_t w = 0;
        std::memcpy(&w, text + pos, 8);
        const std::uint64_t b = w ^ (ones * '"');
        const std::uint64_t c = w ^ (ones * '\n');
        const std::uint64_t d = w ^ (ones * '\r');
        const std::uint64_t found = (((b - ones) & ~b) | ((c - ones) & ~c) | ((d - ones) & ~d)) & highs;
        if (found != 0) return pos + static_cast<std::size_t>(std::countr_zero(found) / 8);
        pos += 8;
    }
    while (pos < size) {
        const char ch = text[pos];
        if (ch == '"' || ch == '\n' || ch == '\r') break;
        ++pos;
    }
    return pos;
}

/// The line breaks in `s`: LF, CRLF (counted once) and a lone CR each end a line (a CR at the end
/// of `s` too). Every reader numbers lines with this, so an error names the same line whichever
/// path reads the file. 16 bytes at a time where SSE2 is there: a quoted value may be the rest of
/// a large file.
[[nodiscard]] inline std::size_t count_line_breaks(std::string_view s) noexcept
{
    const char* p = s.data();
    const std::size_t n = s.size();
    std::size_t breaks = 0;
    std::size_t i = 0;
#if defined(__SSE2__)
    // Per byte lane, how many line ends were seen: LFs, and CRs without an LF after them (read
    // from the next byte on, so 17 bytes are needed); summed every 255 blocks, before a lane
    // could overflow.
    const __m128i lf = _mm_set1_epi8('\n');
    const __m128i cr = _mm_set1_epi8('\r');
    while (n - i >= 17) {
        __m128i lanes = _mm_setzero_si128();
        for (int block = 0; block < 255 && n - i >= 17; ++block, i += 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
            const __m128i after = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 1));
            const __m128i lone_cr = _mm_andnot_si128(_mm_cmpeq_epi8(after, lf), _mm_cmpeq_epi8(v, cr));
            lanes = _mm_sub_epi8(lanes, _mm_or_si128(_mm_cmpeq_epi8(v, lf), lone_cr));  // each match is -1
        }
        const __m128i sums = _mm_sad_epu8(lanes, _mm_setzero_si128());
        breaks += static_cast<std::size_t>(_mm_cvtsi128_si32(sums)) + static_cast<std::size_t>(_mm_extract_epi16(sums, 4));
    }
#endif
    for (; i < n; ++i) {
        if (p[i] == '\n' || (p[i] == '\r' && (i + 1 == n || p[i + 1] != '\n'))) ++breaks;
    }
    return breaks;
}

/// Finds the commas, quotes, CRs and LFs of one text in order, 64 bytes at a time: each block's
/// matches become one bit mask, so a row's fields cost a few instructions each however short
/// they are. Positions asked for should mostly go forward (a block is remembered).
class csv_special_scanner {
public:
    /// `delimiter`: the byte that separates fields, a comma unless the file says otherwise.
    explicit csv_special_scanner(std::string_view text = {}, char delimiter = ',') noexcept : text_{text}, delimiter_{delimiter} {}

    /// The position of the first special byte in text[pos, size), or size.
    [[nodiscard]] std::size_t next(std::size_t pos) noexcept
    {
        while (pos < text_.size()) {
            const std::size_t block = pos & ~std::size_t{63};
            if (block != block_) {
                block_ = block;
                mask_ = mask_of(block);
            }
            const std::uint64_t left = mask_ & (~std::uint64_t{0} << (pos - block));
            if (left != 0) return block + static_cast<std::size_t>(std::countr_zero(left));
            pos = block + 64;
        }
        return text_.size();
    }

private:
    // Bit i set when text[block + i] is special (bits past the end clear).
    [[nodiscard]] std::uint64_t mask_of(std::size_t block) const noexcept
    {
        const char* p = text_.data() + block;
        if (text_.size() - block < 64) {
            std::uint64_t m = 0;
            for (std::size_t i = 0; i < text_.size() - block; ++i) {
                const char c = p[i];
                if (c == delimiter_ || c == '"' || c == '\n' || c == '\r') m |= std::uint64_t{1} << i;
            }
            return m;
        }
        const csv_block_masks m = csv_block_masks_of(p, delimiter_);
        return m.separators | m.quotes;
    }

    std::string_view text_;
    char delimiter_ = ',';
    std::size_t block_ = static_cast<std::size_t>(-1);
    std::uint64_t mask_ = 0;
};

}  // namespace toll::detail
