#pragma once
// The bytes that give CSV its shape — quotes, delimiters, line breaks — in 64 bytes of text as
// one bit mask each, and the prefix xor that turns a block's quote mask into the bytes inside
// quoted values. With these the streaming path's row splitter (reconcile_csv_part.hpp) finds a
// row's fields a block at a time, a few instructions per field, where looking for the next
// special byte field by field costs a call and a mask per field.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace toll::detail {

/// Bit i of each mask stands for byte i of a block of 64.
struct csv_block_masks {
    std::uint64_t quotes = 0;
    std::uint64_t separators = 0;   // the delimiter, LF or CR: each ends a field
    std::uint64_t line_breaks = 0;  // LF or CR: each ends a row outside quoted values
};

/// The masks of the 64 bytes at p, eight bytes at a time in plain C++ (any machine).
[[nodiscard]] inline csv_block_masks csv_block_masks_portable(const char* p, char delimiter = ',') noexcept
{
    // ~(((x & 0x7F..) + 0x7F..) | x | 0x7F..) sets the high bit of each zero byte of x, and x is
    // zero where the word holds the character.
    constexpr std::uint64_t ones = 0x0101010101010101ull;
    constexpr std::uint64_t lows = 0x7F7F7F7F7F7F7F7Full;
    const auto zero_bytes = [](std::uint64_t x) { return ~(((x & lows) + lows) | x | lows); };
    // The high bit of byte i to bit i: the multiplication gathers the eight in the top byte.
    const auto gathered = [](std::uint64_t highs) { return ((highs >> 7) * 0x0102040810204080ull) >> 56; };
    csv_block_masks m;
    for (int word = 0; word < 8; ++word) {
        std::uint64_t w = 0;  // byte i of the text in bits 8i..8i+7, on any machine
        for (int i = 7; i >= 0; --i) w = w << 8 | static_cast<unsigned char>(p[8 * word + i]);
        const std::uint64_t breaks = zero_bytes(w ^ (ones * '\n')) | zero_bytes(w ^ (ones * '\r'));
        const std::uint64_t delimiters = zero_bytes(w ^ (ones * static_cast<unsigned char>(delimiter)));
        const int shift = 8 * word;
        m.quotes |= gathered(zero_bytes(w ^ (ones * '"'))) << shift;
        m.separators |= gathered(breaks | delimiters) << shift;
        m.line_breaks |= gathered(breaks) << shift;
    }
    return m;
}

#if defined(__SSE2__)
/// The same with SSE2, which every x86-64 machine has.
[[nodiscard]] inline csv_block_masks csv_block_masks_sse2(const char* p, char delimiter = ',') noexcept
{
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i delim = _mm_set1_epi8(delimiter);
    const __m128i lf = _mm_set1_epi8('\n');
    const __m128i cr = _mm_set1_epi8('\r');
    // The 16 bytes at p + 16 * part, each mask's bits in place; the four parts written out, as
    // a loop is not unrolled at -O2 and its counting costs a third as much again.
    const auto add_part = [&](int part, csv_block_masks& m) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * part));
        const __m128i breaks = _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr));
        const auto bits = [&](__m128i hits) { return static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(hits))) << (16 * part); };
        m.quotes |= bits(_mm_cmpeq_epi8(v, quote));
        m.separators |= bits(_mm_or_si128(breaks, _mm_cmpeq_epi8(v, delim)));
        m.line_breaks |= bits(breaks);
    };
    csv_block_masks m;
    add_part(0, m);
    add_part(1, m);
    add_part(2, m);
    add_part(3, m);
    return m;
}
#endif

/// The masks of the 64 bytes at p, the fastest way this machine has.
[[nodiscard]] inline csv_block_masks csv_block_masks_of(const char* p, char delimiter = ',') noexcept
{
#if defined(__SSE2__)
    return csv_block_masks_sse2(p, delimiter);
#else
    return csv_block_masks_portable(p, delimiter);
#endif
}

/// Bit i set when an odd number of bits 0..i of x are set. Of a block's quotes (none open before
/// it), that is the bytes inside quoted values: each opening quote and the bytes after it, up
/// to its closing quote, which is outside; a doubled quote closes and reopens at once.
[[nodiscard]] constexpr std::uint64_t prefix_xor(std::uint64_t x) noexcept
{
    x ^= x << 1;
    x ^= x << 2;
    x ^= x << 4;
    x ^= x << 8;
    x ^= x << 16;
    x ^= x << 32;
    return x;
}

/// The blocks of one text at multiples of 64, the last one asked for remembered with what a
/// row's splitter asks of each, once per block however many rows it holds: the quotes' prefix
/// xor, and where a quote may open or close a quoted value, which depends on the bytes either
/// side, the block's neighbours' included.
class csv_blocks {
public:
    struct block {
        csv_block_masks masks;
        std::uint64_t quote_parity = 0;  // prefix_xor(masks.quotes)
        std::uint64_t may_open = 0;   // bit i: byte i - 1 is a separator or a quote (the block before's last, for bit 0)
        std::uint64_t may_close = 0;  // bit i: byte i + 1 is a separator or a quote, or byte i is the text's last
        std::uint64_t quote_pairs = 0;  // bit i: bytes i and i + 1 are both quotes
    };

    explicit csv_blocks(std::string_view text = {}, char delimiter = ',') noexcept : text_{text}, delimiter_{delimiter} {}

    /// The block at `base` (a multiple of 64 before the text's end); bytes past the end match
    /// nothing.
    [[nodiscard]] const block& at(std::size_t base) noexcept
    {
        if (base != base_) read(base);
        return last_;
    }

private:
    void read(std::size_t base) noexcept
    {
        base_ = base;
        const std::size_t rest = text_.size() - base;
        block& b = last_;
        if (rest >= 64) {
            b.masks = csv_block_masks_of(text_.data() + base, delimiter_);
        } else {
            // The text's tail, padded with zero bytes, which are not special.
            char tail[64] = {};
            std::memcpy(tail, text_.data() + base, rest);
            b.masks = csv_block_masks_of(tail, delimiter_);
        }
        b.quote_parity = prefix_xor(b.masks.quotes);
        const auto shaping = [this](char c) { return c == delimiter_ || c == '"' || c == '\n' || c == '\r'; };
        const std::uint64_t shaped = b.masks.separators | b.masks.quotes;
        const std::uint64_t top = std::uint64_t{1} << 63;
        b.may_open = shaped << 1 | (base != 0 && shaping(text_[base - 1]) ? 1U : 0U);
        b.may_close = shaped >> 1;
        b.quote_pairs = b.masks.quotes & (b.masks.quotes >> 1);
        if (rest > 64) {
            if (shaping(text_[base + 64])) b.may_close |= top;
            if (text_[base + 64] == '"') b.quote_pairs |= b.masks.quotes & top;
        } else {
            b.may_close |= std::uint64_t{1} << (rest - 1);
        }
    }

    std::string_view text_;
    char delimiter_ = ',';
    std::size_t base_ = static_cast<std::size_t>(-1);
    block last_;
};

}  // namespace toll::detail
