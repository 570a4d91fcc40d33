#pragma once
// ISO 8601 text for Boost dates, written by hand: Boost's own formatting drags in locale and
// stream machinery that value headers should not cost their users.

#include <string>

#include <boost/date_time/gregorian/gregorian_types.hpp>

namespace toll::detail {

inline void append_digits(std::string& out, unsigned value, int width)
{
    std::string digits = std::to_string(value);
    if (static_cast<int>(digits.size()) < width) out.append(static_cast<std::size_t>(width) - digits.size(), '0');
    out += digits;
}

/// "2022-03-27", or "unknown" for a date that is not set.
[[nodiscard]] inline std::string iso_date(const boost::gregorian::date& d)
{
    if (d.is_special()) return "unknown";
    std::string out;
    append_digits(out, d.year(), 4);
    out += '-';
    append_digits(out, d.month().as_number(), 2);
    out += '-';
    append_digits(out, d.day().as_number(), 2);
    return out;
}

}  // namespace toll::detail
