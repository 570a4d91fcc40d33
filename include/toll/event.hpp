#pragma once
// An event: an attack, massacre or battle that claims are about, with where and when it
// happened. When is a period whose precision matters: a day, a span of days (27–31 March 2022),
// a month (October 2025) or a year.

#include <array>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <toll/detail/date_text.hpp>
#include <toll/detail/enum_names.hpp>
#include <toll/detail/streaming.hpp>

namespace toll {

using boost::gregorian::date;

enum class precision : std::uint8_t { day, span, month, year };

[[nodiscard]] constexpr auto enum_names(precision) noexcept
{
    using enum precision;
    return std::array<detail::enum_name<precision>, 4>{{{day, "day"}, {span, "span"}, {month, "month"}, {year, "year"}}};
}

[[nodiscard]] constexpr std::string_view to_string(precision p) noexcept { return detail::name_of(p); }

/// The days an event may have taken place on, with the precision the sources gave. A
/// default-constructed period is not set (`ok()` is false) and contains no day.
class period {
public:
    period() = default;

    [[nodiscard]] static period day(date d) { return period{d, d, precision::day}; }
    /// From `first` to `last`, both included.
    [[nodiscard]] static period span(date first, date last)
    {
        if (last < first) throw std::invalid_argument("toll::period::span: last day precedes first day");
        return period{first, last, precision::span};
    }
    /// A calendar month; throws std::out_of_range (from Boost) for a month outside 1–12.
    [[nodiscard]] static period month(int year, int month)
    {
        const date first{checked_year(year), static_cast<unsigned short>(month), 1};
        return period{first, first.end_of_month(), precision::month};
    }
    [[nodiscard]] static period year(int year)
    {
        const auto y = checked_year(year);
        return period{date{y, 1, 1}, date{y, 12, 31}, precision::year};
    }

    [[nodiscard]] bool ok() const noexcept { return !first_.is_special(); }
    [[nodiscard]] date first() const noexcept { return first_; }
    [[nodiscard]] date last() const noexcept { return last_; }
    [[nodiscard]] toll::precision precision() const noexcept { return precision_; }
    [[nodiscard]] bool contains(date d) const noexcept { return ok() && !d.is_special() && first_ <= d && d <= last_; }
    [[nodiscard]] bool overlaps(const period& other) const noexcept
    {
        return ok() && other.ok() && first_ <= other.last_ && other.first_ <= last_;
    }
    /// The half-open Boost period [first, last + 1).
    [[nodiscard]] boost::gregorian::date_period days() const { return {first_, last_ + boost::gregorian::days{1}}; }

    friend bool operator==(const period&, const period&) = default;

private:
    period(date first, date last, toll::precision p) : first_{first}, last_{last}, precision_{p} {}

    static unsigned short checked_year(int year)
    {
        // Boost's calendar covers 1400–9999; reject the rest before a narrowing cast could wrap.
        if (year < 1400 || year > 9999) throw std::out_of_range("toll::period: year outside 1400-9999");
        return static_cast<unsigned short>(year);
    }

    date first_{};
    date last_{};
    toll::precision precision_ = precision::day;
};

/// ISO 8601: "2022-03-27", "2022-03-27/2022-03-31", "2025-10", "2023"; "unknown" when not set.
[[nodiscard]] inline std::string to_string(const period& p)
{
    if (!p.ok()) return "unknown";
    const std::string first = detail::iso_date(p.first());
    switch (p.precision()) {
    case precision::day: return first;
    case precision::span: return first + "/" + detail::iso_date(p.last());
    case precision::month: return first.substr(0, 7);
    case precision::year: return first.substr(0, 4);
    }
    return first;
}

/// Where an event happened, from the most local name to the country; any part may be empty.
struct place {
    std::string locality;  ///< village or town
    std::string district;  ///< cercle, district, county
    std::string region;
    std::string country;

    friend bool operator==(const place&, const place&) = default;
};

/// "Moura, Djenné, Mopti, Mali": the parts that are known, most local first.
[[nodiscard]] inline std::string to_string(const place& p)
{
    std::string text;
    for (const std::string* part : {&p.locality, &p.district, &p.region, &p.country}) {
        if (part->empty()) continue;
        if (!text.empty()) text += ", ";
        text += *part;
    }
    return text;
}

struct event {
    std::string id;
    std::string name;
    toll::place place;
    toll::period period;

    friend bool operator==(const event&, const event&) = default;
};

/// "moura-2022: Moura massacre (Moura, Mali; 2022-03-27/2022-03-31)".
[[nodiscard]] inline std::string to_string(const event& e)
{
    return e.id + ": " + e.name + " (" + to_string(e.place) + "; " + to_string(e.period) + ")";
}

}  // namespace toll
