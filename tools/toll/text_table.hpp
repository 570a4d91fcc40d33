#pragma once
// Plain-text tables for a terminal: columns padded to the widest cell, measured in the columns a
// terminal gives each character (an en dash or "é" takes one, though UTF-8 spends two or three
// bytes on it; a combining accent takes none; a CJK character or an emoji takes two).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace toll_cli {

namespace detail {

/// The code point at text[pos] and its length in bytes; a byte that does not start a character
/// counts as one character of one column (it will be shown as a replacement character).
struct code_point {
    std::uint32_t value;
    std::size_t length;
};

[[nodiscard]] inline code_point decode(std::string_view text, std::size_t pos) noexcept
{
    const auto lead = static_cast<unsigned char>(text[pos]);
    std::size_t length = 1;
    std::uint32_t value = lead;
    if (lead >= 0xF0U) {
        length = 4;
        value = lead & 0x07U;
    } else if (lead >= 0xE0U) {
        length = 3;
        value = lead & 0x0FU;
    } else if (lead >= 0xC0U) {
        length = 2;
        value = lead & 0x1FU;
    } else {
        return {lead, 1};
    }
    if (text.size() - pos < length) return {0xFFFDU, 1};
    for (std::size_t i = 1; i < length; ++i) {
        const auto next = static_cast<unsigned char>(text[pos + i]);
        if ((next & 0xC0U) != 0x80U) return {0xFFFDU, 1};
        value = (value << 6U) | (next & 0x3FU);
    }
    return {value, length};
}

[[nodiscard]] constexpr bool is_combining(std::uint32_t c) noexcept
{
    return (c >= 0x0300U && c <= 0x036FU) || (c >= 0x1AB0U && c <= 0x1AFFU) || (c >= 0x1DC0U && c <= 0x1DFFU) ||
           (c >= 0x20D0U && c <= 0x20FFU) || (c >= 0xFE20U && c <= 0xFE2FU) || c == 0x200BU || c == 0x200DU;
}

[[nodiscard]] constexpr bool is_wide(std::uint32_t c) noexcept
{
    return (c >= 0x1100U && c <= 0x115FU) || (c >= 0x2E80U && c <= 0xA4CFU && c != 0x303FU) ||
           (c >= 0xAC00U && c <= 0xD7A3U) || (c >= 0xF900U && c <= 0xFAFFU) || (c >= 0xFE30U && c <= 0xFE4FU) ||
           (c >= 0xFF00U && c <= 0xFF60U) || (c >= 0xFFE0U && c <= 0xFFE6U) || (c >= 0x1F300U && c <= 0x1F64FU) ||
           (c >= 0x1F900U && c <= 0x1F9FFU) || (c >= 0x20000U && c <= 0x3FFFDU);
}

}  // namespace detail

/// How many terminal columns `text` (UTF-8) takes.
[[nodiscard]] inline std::size_t display_width(std::string_view text) noexcept
{
    std::size_t width = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const auto c = detail::decode(text, pos);
        pos += c.length;
        if (detail::is_combining(c.value)) continue;
        width += detail::is_wide(c.value) ? 2U : 1U;
    }
    return width;
}

enum class align : std::uint8_t { left, right };

/// Rows of cells, rendered with every column as wide as its widest cell. The last column is not
/// padded, so lines carry no trailing blanks.
class text_table {
public:
    explicit text_table(std::vector<align> columns, std::string separator = "  ")
        : align_{std::move(columns)}, separator_{std::move(separator)}, width_(align_.size(), 0)
    {
    }

    void add(std::vector<std::string> row)
    {
        row.resize(align_.size());
        for (std::size_t i = 0; i < row.size(); ++i) width_[i] = std::max(width_[i], display_width(row[i]));
        rows_.push_back(std::move(row));
    }

    [[nodiscard]] std::size_t size() const noexcept { return rows_.size(); }

    /// Row `i`, preceded by `indent`, without a line break.
    [[nodiscard]] std::string line(std::size_t i, std::string_view indent = {}) const
    {
        const auto& row = rows_[i];
        std::size_t last = row.size();
        while (last > 0 && row[last - 1].empty()) --last;  // no padding for empty trailing cells
        std::string out{indent};
        for (std::size_t c = 0; c < last; ++c) {
            if (c != 0) out += separator_;
            const std::size_t pad = width_[c] - display_width(row[c]);
            if (align_[c] == align::right) out.append(pad, ' ');
            out += row[c];
            if (align_[c] == align::left && c + 1 < last) out.append(pad, ' ');
        }
        return out;
    }

    void write(std::ostream& out, std::string_view indent = {}) const
    {
        for (std::size_t i = 0; i < rows_.size(); ++i) out << line(i, indent) << '\n';
    }

private:
    std::vector<align> align_;
    std::string separator_;
    std::vector<std::size_t> width_;
    std::vector<std::vector<std::string>> rows_;
};

}  // namespace toll_cli
