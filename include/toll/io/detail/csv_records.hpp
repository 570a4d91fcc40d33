#pragma once
// What the claims and events CSV readers share: options, the result of a whole-file read, the
// header bookkeeping (required, optional and extra columns), the error channel, and the cell
// grammars both formats use (dates, `;`-joined lists).

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <toll/io/csv.hpp>
#include <toll/detail/utf8_check.hpp>
#include <toll/vague_words.hpp>

namespace toll {

/// What a reader does with a malformed row: stop there, or report it and read on.
enum class csv_error_mode : std::uint8_t { stop_at_first, collect };

struct csv_read_options {
    /// The file name errors are reported under.
    std::string file;
    csv_error_mode error_mode = csv_error_mode::collect;
    /// How vague figures ("dozens") are read in the claims `figure` column.
    vague_table vagueness = vague_table::literal();
    /// Report a row whose id an earlier row already has (costs memory for every id read).
    bool check_duplicate_ids = true;
    /// The byte between fields: ',' unless the file uses another (';' from a spreadsheet in much
    /// of Europe, '\t').
    char delimiter = ',';
};

/// Whether the reader produced a value, reported a bad row, or reached the end.
enum class csv_step : std::uint8_t { value, error, end };

/// A whole file read: the values of the good rows, the cells of the columns toll does not read
/// (kept, never dropped), and an error for every bad row.
template <class T>
struct csv_records {
    std::vector<T> values;
    /// Columns the format does not define, in file order.
    std::vector<std::string> extra_columns;
    /// extra[i][j] is values[i]'s cell in extra_columns[j]; extra.size() == values.size().
    std::vector<std::vector<std::string>> extra;
    std::vector<csv_error> errors;
    /// True when reading stopped at an error: a header error, or a row error under
    /// csv_error_mode::stop_at_first. Rows after it, if any, were not read.
    bool stopped = false;

    [[nodiscard]] bool ok() const noexcept { return errors.empty(); }
};

}  // namespace toll

namespace toll::detail {

/// Whether `c` is a blank that cells are trimmed of: a space or a tab.
[[nodiscard]] constexpr bool is_blank(char c) noexcept { return c == ' ' || c == '\t'; }

/// `text` without leading and trailing spaces and tabs.
[[nodiscard]] constexpr std::string_view trim_blanks(std::string_view text) noexcept
{
    while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
    return text;
}

/// Calls `f(item)` for each `;`-separated item of `text`, blanks around items removed.
template <class F>
constexpr void for_each_list_item(std::string_view text, F&& f)
{
    while (true) {
        const std::size_t semicolon = text.find(';');
        f(trim_blanks(text.substr(0, semicolon)));
        if (semicolon == std::string_view::npos) break;
        text.remove_prefix(semicolon + 1);
    }
}

/// Reads `digits` decimal digits at text[pos]; nothing unless all are digits.
[[nodiscard]] constexpr std::optional<unsigned> read_digits(std::string_view text, std::size_t pos, std::size_t digits) noexcept
{
    if (text.size() < pos + digits) return std::nullopt;
    unsigned value = 0;
    for (std::size_t i = pos; i < pos + digits; ++i) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        value = value * 10u + static_cast<unsigned>(text[i] - '0');
    }
    return value;
}

inline constexpr unsigned min_year = 1400;  // Boost's calendar
inline constexpr unsigned max_year = 9999;

/// The numbers of a YYYY-MM-DD calendar date, or why `text` is not one.
struct iso_date_fields {
    unsigned short year = 0;
    unsigned short month = 0;
    unsigned short day = 0;
    std::string_view problem;  // empty when read
};

[[nodiscard]] constexpr bool is_leap_year(unsigned year) noexcept { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0); }

[[nodiscard]] constexpr iso_date_fields read_iso_date_fields(std::string_view text) noexcept
{
    iso_date_fields r;
    const auto year = read_digits(text, 0, 4);
    const auto month = read_digits(text, 5, 2);
    const auto day = read_digits(text, 8, 2);
    if (text.size() != 10 || !year || !month || !day || text[4] != '-' || text[7] != '-') {
        r.problem = "is not a date written YYYY-MM-DD";
    } else if (*year < min_year || *year > max_year) {
        r.problem = "has a year outside 1400-9999";
    } else if (*month < 1 || *month > 12) {
        r.problem = "has a month outside 01-12";
    } else {
        constexpr std::array<unsigned, 12> days_in_month{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        const unsigned last = days_in_month[*month - 1] + (*month == 2 && is_leap_year(*year) ? 1 : 0);
        if (*day < 1 || *day > last) {
            r.problem = "has a day that month does not have";
        } else {
            r.year = static_cast<unsigned short>(*year);
            r.month = static_cast<unsigned short>(*month);
            r.day = static_cast<unsigned short>(*day);
        }
    }
    return r;
}

/// The day number Boost gives the date (its Julian day number), from the date's numbers alone:
/// the streaming CSV path reads a date per row and needs only this.
[[nodiscard]] constexpr std::uint32_t julian_day_number(const iso_date_fields& d) noexcept
{
    const unsigned a = (14U - d.month) / 12U;
    const unsigned y = d.year + 4800U - a;
    const unsigned m = d.month + 12U * a - 3U;
    return d.day + (153U * m + 2U) / 5U + 365U * y + y / 4U - y / 100U + y / 400U - 32045U;
}

/// A YYYY-MM-DD calendar date, or why `text` is not one.
struct date_reading {
    boost::gregorian::date value{};
    std::string_view problem;  // empty when read
};

[[nodiscard]] inline date_reading read_iso_date(std::string_view text)
{
    const iso_date_fields f = read_iso_date_fields(text);
    date_reading r;
    r.problem = f.problem;
    if (r.problem.empty()) r.value = boost::gregorian::date{f.year, f.month, f.day};
    return r;
}

/// `"abc"`, cut short for messages when long.
[[nodiscard]] inline std::string quoted_excerpt(std::string_view text)
{
    constexpr std::size_t max = 60;
    std::string out = "\"";
    if (text.size() <= max) {
        out += text;
    } else {
        std::size_t cut = max;
        while (cut > 0 && (utf8::octet(text[cut]) & 0xC0u) == 0x80u) --cut;  // keep characters whole
        out += text.substr(0, cut);
        out += "\u2026";
    }
    return out + "\"";
}

/// Why a row's id is refused: the row whose id cell is on line `first_line` has it already. Both
/// claims readers (this one and reconcile_csv.hpp's) say it in these words, each row's id cell
/// being where its line is counted.
[[nodiscard]] inline std::string duplicate_id_reason(std::string_view id, std::size_t first_line)
{
    return "the id " + quoted_excerpt(id) + " is already used on line " + std::to_string(first_line);
}

/// The names of an enum's values, for "expected one of ..." messages.
template <class Enum>
[[nodiscard]] std::string name_list()
{
    std::string out;
    for (const auto& entry : enum_names(Enum{})) {
        if (!out.empty()) out += ", ";
        out += entry.name;
    }
    return out;
}

/// Assigns `text` to `out`, reusing its capacity (a reader refills the same value row by row).
inline void assign(std::string& out, std::string_view text) { out.assign(text.data(), text.size()); }

/// The mechanics of a reader of records: header bookkeeping, row errors, extra cells, ids.
class record_reader_base {
public:
    /// Columns the format does not define, in file order.
    [[nodiscard]] const std::vector<std::string>& extra_columns() const noexcept { return extra_names_; }
    /// The current row's cell in extra_columns()[j]; valid until the next call to next().
    [[nodiscard]] std::string_view extra_cell(std::size_t j) const noexcept { return row_[extra_index_[j]].text; }
    /// The current row's extra cells, copied.
    void extra_cells(std::vector<std::string>& out) const
    {
        out.resize(extra_index_.size());
        for (std::size_t j = 0; j < extra_index_.size(); ++j) assign(out[j], extra_cell(j));
    }
    /// The error the last next() reported.
    [[nodiscard]] const csv_error& error() const noexcept { return error_; }
    /// True once reading stopped at an error (see csv_records::stopped).
    [[nodiscard]] bool stopped() const noexcept { return stopped_; }
    /// Reads on from the row at `offset`, counting it as line `line` (csv_reader::read_from): for
    /// a caller that finds the rows itself and hands this reader the ones it does not take.
    void read_from(std::size_t offset, std::size_t line) noexcept { csv_.read_from(offset, line); }
    /// Where the next row starts and its line (csv_reader::offset, csv_reader::line).
    [[nodiscard]] std::size_t offset() const noexcept { return csv_.offset(); }
    [[nodiscard]] std::size_t line() const noexcept { return csv_.line(); }
    /// The line the current row's cell in column `index` (0-based) starts on.
    [[nodiscard]] std::size_t line_of_cell(std::size_t index) const noexcept { return row_[index].line; }

protected:
    record_reader_base(std::string_view text, csv_read_options options)
        : options_{std::move(options)}, csv_{text, options_.file, options_.delimiter}
    {
        if (csv_.error()) header_errors_.push_back(*csv_.error());
        known_.assign(csv_.columns().size(), false);
    }

    /// The index of a column the format needs; an error when the header lacks it.
    std::size_t require(std::string_view name)
    {
        if (const auto index = csv_.find(name)) {
            known_[*index] = true;
            return *index;
        }
        if (!csv_.error()) {
            csv_error e = csv_.make_error(csv_.header_line(), 0, csv_errc::missing_column,
                                          "the header has no column \"" + std::string{name} + "\"" + delimiter_hint());
            e.column_name = std::string{name};
            header_errors_.push_back(std::move(e));
        }
        return 0;
    }

    /// For the first missing column of a header that is one column holding ';' or tabs: the
    /// file is likely delimited by that byte, not by csv_.delimiter().
    [[nodiscard]] std::string delimiter_hint()
    {
        if (hinted_ || csv_.columns().size() != 1) return {};
        hinted_ = true;
        const std::string& header = csv_.columns().front();
        for (const char other : {';', '\t'}) {
            if (other == csv_.delimiter()) continue;
            const auto count = static_cast<std::size_t>(std::count(header.begin(), header.end(), other));
            if (count == 0) continue;
            const std::string name = other == ';' ? "';'" : "tab";
            return " (the header row has no '" + std::string(1, csv_.delimiter()) + "' but " + std::to_string(count) + " " + name +
                   ": if the file is delimited by " + name + ", read it so: csv_read_options::delimiter, toll --delimiter " +
                   (other == ';' ? "';'" : "tab") + ")";
        }
        return {};
    }

    /// The index of a column the format reads when present.
    std::optional<std::size_t> optional(std::string_view name)
    {
        const auto index = csv_.find(name);
        if (index) known_[*index] = true;
        return index;
    }

    /// Call once every column of the format is required or optional.
    void finish_header()
    {
        for (std::size_t i = 0; i < known_.size(); ++i) {
            if (known_[i]) continue;
            extra_index_.push_back(i);
            extra_names_.push_back(csv_.columns()[i]);
        }
        if (!header_errors_.empty()) stopped_ = true;  // no row can be read against a bad header
    }

    /// Moves to the next row that is there; csv_step::value when it is well-formed so far (right
    /// field count, UTF-8), csv_step::error (error() set) or csv_step::end otherwise.
    [[nodiscard]] csv_step next_row()
    {
        if (next_header_error_ < header_errors_.size()) {
            error_ = header_errors_[next_header_error_++];
            return csv_step::error;
        }
        if (!header_errors_.empty() || stopped_ || !csv_.next(row_)) return csv_step::end;
        if (row_.error()) return fail(*row_.error());
        // Quotes and commas are ASCII, so fields are UTF-8 when their row is: check the row in one
        // go, and the fields only to say which one is not.
        if (utf8::first_invalid(row_.raw()) == std::string_view::npos) return csv_step::value;
        for (const csv_field& field : row_) {
            const std::size_t bad = utf8::first_invalid(field.text);
            if (bad != std::string_view::npos) {
                return fail(field.column, csv_errc::invalid_utf8,
                            "byte " + std::to_string(bad + 1) + " of the cell is not UTF-8");
            }
        }
        return csv_step::value;
    }

    /// After a row failed: an error, and the end of reading in stop_at_first mode.
    csv_step fail(csv_error e)
    {
        error_ = std::move(e);
        if (options_.error_mode == csv_error_mode::stop_at_first) stopped_ = true;
        return csv_step::error;
    }
    csv_step fail(std::size_t column_index_plus_one, csv_errc code, std::string reason)
    {
        return fail(csv_.make_error(cell_line(column_index_plus_one), column_index_plus_one, code, std::move(reason)));
    }
    /// An error about the cell in column `index` (0-based), quoting it.
    csv_step fail_cell(std::size_t index, csv_errc code, std::string_view what)
    {
        return fail(index + 1, code, quoted_excerpt(row_[index].text) + " " + std::string{what});
    }

    [[nodiscard]] std::string_view cell(std::size_t index) const noexcept { return row_[index].text; }

    /// Records the current row's id; false (and an error) when an earlier row had it.
    [[nodiscard]] bool note_id(std::size_t index)
    {
        if (!options_.check_duplicate_ids) return true;
        const auto [at, inserted] = ids_.try_emplace(std::string{cell(index)}, row_[index].line);
        if (inserted) return true;
        fail(index + 1, csv_errc::duplicate_id, duplicate_id_reason(cell(index), at->second));
        return false;
    }

    csv_read_options options_;
    csv_reader csv_;
    csv_row row_;

private:
    [[nodiscard]] std::size_t cell_line(std::size_t column) const noexcept
    {
        return column >= 1 && column <= row_.size() ? row_[column - 1].line : row_.line();
    }

    std::vector<csv_error> header_errors_;
    std::size_t next_header_error_ = 0;
    std::vector<bool> known_;
    std::vector<std::size_t> extra_index_;
    std::vector<std::string> extra_names_;
    std::unordered_map<std::string, std::size_t> ids_;
    csv_error error_;
    bool stopped_ = false;
    bool hinted_ = false;  // delimiter_hint() said its piece
};

/// Reads a whole file with `Reader` (claim_csv_reader, event_csv_reader) into csv_records.
template <class Reader, class T>
[[nodiscard]] csv_records<T> read_all(std::string_view text, csv_read_options options)
{
    Reader reader{text, std::move(options)};
    csv_records<T> records;
    records.extra_columns = reader.extra_columns();
    T value;
    while (true) {
        const csv_step step = reader.next(value);
        if (step == csv_step::end) break;
        if (step == csv_step::error) {
            records.errors.push_back(reader.error());
            continue;
        }
        records.extra.emplace_back();
        reader.extra_cells(records.extra.back());
        records.values.push_back(value);
    }
    records.stopped = reader.stopped();
    return records;
}

}  // namespace toll::detail
