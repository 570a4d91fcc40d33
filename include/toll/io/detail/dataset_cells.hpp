#pragma once
// The cell grammars the dataset readers (GED, ACLED) share beyond toll's own CSV formats: counts
// written as bare digits, decimal coordinates, small integer codes, and Unix timestamps. Dates are
// the claims format's YYYY-MM-DD (read_iso_date in csv_records.hpp).

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <system_error>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <toll/interval.hpp>

namespace toll::detail {

/// A count as datasets write it: decimal digits only (no sign, no separators, no blanks), at
/// most toll::max_count; nothing otherwise.
[[nodiscard]] inline std::optional<count_type> read_count(std::string_view text) noexcept
{
    if (text.empty() || text.size() > 13) return std::nullopt;  // 10^12 has 13 digits
    count_type value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + static_cast<count_type>(c - '0');
    }
    if (value > max_count) return std::nullopt;
    return value;
}

/// A code in [low, high] written as digits ("3" for GED's one-sided violence); nothing otherwise.
[[nodiscard]] inline std::optional<unsigned> read_code(std::string_view text, unsigned low, unsigned high) noexcept
{
    const auto n = read_count(text);
    if (!n || *n < low || *n > high) return std::nullopt;
    return static_cast<unsigned>(*n);
}

/// A decimal number in [low, high] ("-3.471", "14.1825"); nothing for anything else, NaN and
/// infinities included.
[[nodiscard]] inline std::optional<double> read_decimal(std::string_view text, double low, double high) noexcept
{
    if (text.empty()) return std::nullopt;
    double value = 0;
    const char* const end = text.data() + text.size();
    const auto [stop, ec] = std::from_chars(text.data(), end, value, std::chars_format::fixed);
    if (ec != std::errc{} || stop != end || !(value >= low && value <= high)) return std::nullopt;
    return value;
}

/// The UTC calendar day of a Unix time in seconds ("1677801600" is 2023-03-03); nothing for text
/// that is not digits or a day past Boost's calendar (9999-12-31).
[[nodiscard]] inline std::optional<boost::gregorian::date> read_unix_day(std::string_view text)
{
    const auto seconds = read_count(text);
    if (!seconds) return std::nullopt;
    const boost::gregorian::date epoch{1970, 1, 1};
    const auto last_day = static_cast<count_type>((boost::gregorian::date{9999, 12, 31} - epoch).days());
    const count_type day = *seconds / 86400;
    if (day > last_day) return std::nullopt;
    return epoch + boost::gregorian::days{static_cast<long>(day)};
}

}  // namespace toll::detail
