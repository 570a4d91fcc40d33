#pragma once
// Events as CSV: one event per row, columns found by header name (docs/csv-format.md).
//
//   id, name, locality, district, region, country, period   (required, in any order)
//
// Any other column is kept as extra cells. `period` is written as to_string(period) writes it:
// YYYY-MM-DD, YYYY-MM-DD/YYYY-MM-DD, YYYY-MM or YYYY; empty (or "unknown") when not known.

#include <array>
#include <cstddef>
#include <optional>
#include <ostream>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <toll/io/csv.hpp>
#include <toll/io/detail/csv_records.hpp>
#include <toll/event.hpp>

namespace toll {

using event_records = csv_records<event>;

namespace detail {

struct period_reading {
    period value;
    std::string_view problem;  // empty when read
};

/// YYYY-MM-DD, YYYY-MM-DD/YYYY-MM-DD, YYYY-MM or YYYY; "" and "unknown" are a period not set.
[[nodiscard]] inline period_reading read_period(std::string_view text)
{
    period_reading r;
    if (text.empty() || text == "unknown") return r;
    if (const std::size_t slash = text.find('/'); slash != std::string_view::npos) {
        const auto first = read_iso_date(text.substr(0, slash));
        const auto last = read_iso_date(text.substr(slash + 1));
        if (!first.problem.empty() || !last.problem.empty()) {
            r.problem = "is not a span of days written YYYY-MM-DD/YYYY-MM-DD";
        } else if (last.value < first.value) {
            r.problem = "ends before it begins";
        } else {
            r.value = period::span(first.value, last.value);
        }
        return r;
    }
    if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
        const auto day = read_iso_date(text);
        if (day.problem.empty()) {
            r.value = period::day(day.value);
        } else {
            r.problem = day.problem;
        }
        return r;
    }
    const auto year = read_digits(text, 0, 4);
    if (text.size() == 4 && year) {
        if (*year < min_year || *year > max_year) {
            r.problem = "has a year outside 1400-9999";
        } else {
            r.value = period::year(static_cast<int>(*year));
        }
        return r;
    }
    const auto month = read_digits(text, 5, 2);
    if (text.size() == 7 && year && month && text[4] == '-') {
        if (*year < min_year || *year > max_year) {
            r.problem = "has a year outside 1400-9999";
        } else if (*month < 1 || *month > 12) {
            r.problem = "has a month outside 01-12";
        } else {
            r.value = period::month(static_cast<int>(*year), static_cast<int>(*month));
        }
        return r;
    }
    r.problem = "is not a period: write YYYY-MM-DD, YYYY-MM-DD/YYYY-MM-DD, YYYY-MM or YYYY";
    return r;
}

}  // namespace detail

/// Reads events one row at a time, reusing the caller's event; see claim_csv_reader.
class event_csv_reader : public detail::record_reader_base {
public:
    /// The columns every events file has, in the order toll writes them.
    static constexpr std::array<std::string_view, 7> required_columns{"id",     "name",    "locality", "district",
                                                                      "region", "country", "period"};

    /// `text` must outlive the reader.
    explicit event_csv_reader(std::string_view text, csv_read_options options = {})
        : record_reader_base{text, std::move(options)}
    {
        for (std::size_t i = 0; i < required_columns.size(); ++i) column_[i] = require(required_columns[i]);
        finish_header();
    }

    /// Reads the next row into `out`. On csv_step::error, error() says why and `out` holds
    /// nothing meaningful; the row is not an event.
    [[nodiscard]] csv_step next(event& out)
    {
        const csv_step step = next_row();
        return step == csv_step::value ? convert(out) : step;
    }

private:
    enum class col : std::size_t { id, name, locality, district, region, country, period };

    [[nodiscard]] std::size_t at(col c) const noexcept { return column_[static_cast<std::size_t>(c)]; }

    [[nodiscard]] csv_step convert(event& out)
    {
        if (cell(at(col::id)).empty()) {
            return fail_cell(at(col::id), csv_errc::missing_value, "is empty: every event needs an id");
        }
        const auto when = detail::read_period(cell(at(col::period)));
        if (!when.problem.empty()) return fail_cell(at(col::period), csv_errc::bad_period, when.problem);
        if (!note_id(at(col::id))) return csv_step::error;
        out.period = when.value;
        detail::assign(out.id, cell(at(col::id)));
        detail::assign(out.name, cell(at(col::name)));
        detail::assign(out.place.locality, cell(at(col::locality)));
        detail::assign(out.place.district, cell(at(col::district)));
        detail::assign(out.place.region, cell(at(col::region)));
        detail::assign(out.place.country, cell(at(col::country)));
        return csv_step::value;
    }

    std::array<std::size_t, required_columns.size()> column_{};
};

/// Reads every event in `text` (a whole events CSV file).
[[nodiscard]] inline event_records read_events_csv(std::string_view text, csv_read_options options = {})
{
    return detail::read_all<event_csv_reader, event>(text, std::move(options));
}

/// Reads an events CSV file; errors name it. Throws std::runtime_error only when the file cannot
/// be read at all.
[[nodiscard]] inline event_records load_events_csv(const std::filesystem::path& path, csv_read_options options = {})
{
    if (options.file.empty()) options.file = path.string();
    const std::string text = read_text_file(path);
    return read_events_csv(text, std::move(options));
}

/// The events, or toll::csv_read_error carrying every error.
[[nodiscard]] inline std::vector<event> read_events_csv_or_throw(std::string_view text, csv_read_options options = {})
{
    event_records records = read_events_csv(text, std::move(options));
    if (!records.ok()) throw csv_read_error{std::move(records.errors)};
    return std::move(records.values);
}

/// Why `e` cannot be written as an events CSV row that reads back equal, or nothing when it can.
[[nodiscard]] inline std::optional<std::string> csv_problem(const event& e)
{
    if (e.id.empty()) return "the id is empty";
    for (const std::string* s : {&e.id, &e.name, &e.place.locality, &e.place.district, &e.place.region, &e.place.country}) {
        if (detail::utf8::first_invalid(*s) != std::string_view::npos) return "a field is not valid UTF-8";
    }
    return std::nullopt;
}

/// Writes `events` as an events CSV, then `extra_columns` with each event's `extra` cells (as for
/// write_claims_csv). Throws std::invalid_argument, writing nothing, for an event that would not
/// read back equal.
inline void write_events_csv(std::ostream& out, std::span<const event> events, std::span<const std::string> extra_columns = {},
                             std::span<const std::vector<std::string>> extra = {}, std::string_view line_end = "\n")
{
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (auto problem = csv_problem(events[i])) {
            throw std::invalid_argument{"toll: event \"" + events[i].id + "\" cannot be written as CSV: " + *problem};
        }
        if (i < extra.size() && !extra[i].empty() && extra[i].size() != extra_columns.size()) {
            throw std::invalid_argument{"toll: event \"" + events[i].id + "\" has " + std::to_string(extra[i].size()) +
                                        " extra cells for " + std::to_string(extra_columns.size()) + " extra columns"};
        }
    }
    csv_writer w{out, line_end};
    for (std::string_view name : event_csv_reader::required_columns) w.field(name);
    for (const auto& name : extra_columns) w.field(name);
    w.end_row();
    for (std::size_t i = 0; i < events.size(); ++i) {
        const event& e = events[i];
        w.field(e.id).field(e.name).field(e.place.locality).field(e.place.district).field(e.place.region);
        w.field(e.place.country).field(e.period.ok() ? to_string(e.period) : std::string{});
        for (std::size_t j = 0; j < extra_columns.size(); ++j) {
            w.field(i < extra.size() && j < extra[i].size() ? std::string_view{extra[i][j]} : std::string_view{});
        }
        w.end_row();
    }
}

/// Writes what read_events_csv read, extra columns included.
inline void write_events_csv(std::ostream& out, const event_records& records, std::string_view line_end = "\n")
{
    write_events_csv(out, records.values, records.extra_columns, records.extra, line_end);
}

}  // namespace toll
