#pragma once
// Claims as CSV: one claim per row, columns found by header name (docs/csv-format.md).
//
//   id, event, category, group, figure, source, source_kind, party, about_party, via, reported, text
//   (required, in any order), span (optional), and any other columns, which are kept as extra cells.
//
// Reading never throws for bad input and never drops a row silently: each row becomes a claim or
// an error naming file, line, column and reason. Writing then reading gives back equal claims.

#include <array>
#include <charconv>
#include <cstddef>
#include <optional>
#include <ostream>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <toll/category.hpp>
#include <toll/claim.hpp>
#include <toll/io/csv.hpp>
#include <toll/io/detail/csv_records.hpp>
#include <toll/parse/figure_parser.hpp>
#include <toll/group.hpp>
#include <toll/source.hpp>

namespace toll {

using claim_records = csv_records<claim>;

namespace detail {

/// The claims `figure` column, read with the figure parser. Kept to this one function so the
/// column follows the parser's API wherever it goes.
struct figure_cell {
    std::optional<figure> value;
    std::string problem;
};

[[nodiscard]] inline figure_cell read_figure_cell(std::string_view text, const vague_table& table)
{
    auto result = parse_figure(text, table);
    if (result.ok()) return {*result, {}};
    std::string problem = "is not a figure toll can read";
    if (!result.diagnostics().empty()) problem += ": " + to_string(result.diagnostics().front());
    return {std::nullopt, std::move(problem)};
}

/// The figures read last, by their text: a large file repeats a few figure texts ("12", "dozens")
/// millions of times, and a lookup costs far less than a parse. Direct-mapped, so it never grows.
class figure_cache {
public:
    [[nodiscard]] std::optional<figure> find(std::string_view text) const noexcept
    {
        const entry& e = entries_[slot(text)];
        if (e.used && e.text == text) return e.value;
        return std::nullopt;
    }
    void store(std::string_view text, const figure& value)
    {
        if (text.size() > max_text) return;
        entry& e = entries_[slot(text)];
        assign(e.text, text);
        e.value = value;
        e.used = true;
    }

private:
    static constexpr std::size_t size = 256;
    static constexpr std::size_t max_text = 32;
    struct entry {
        std::string text;
        figure value;
        bool used = false;
    };
    [[nodiscard]] static std::size_t slot(std::string_view text) noexcept
    {
        std::size_t hash = 14695981039346656037ull;  // FNV-1a
        for (char c : text) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
        return hash % size;
    }
    std::array<entry, size> entries_{};
};

/// "12:7": the figure's byte offset and length in the text.
[[nodiscard]] inline std::optional<text_span> read_span(std::string_view text) noexcept
{
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size()) return std::nullopt;
    text_span span;
    const char* const end = text.data() + text.size();
    const auto [offset_end, offset_ec] = std::from_chars(text.data(), text.data() + colon, span.offset);
    if (offset_ec != std::errc{} || offset_end != text.data() + colon) return std::nullopt;
    const auto [length_end, length_ec] = std::from_chars(text.data() + colon + 1, end, span.length);
    if (length_ec != std::errc{} || length_end != end) return std::nullopt;
    return span;
}

}  // namespace detail

/// Reads claims one row at a time, reusing the caller's claim so that a warm loop allocates little:
///
///     toll::csv_read_options options;
///     options.file = "claims.csv";
///     toll::claim_csv_reader reader{text, options};
///     toll::claim c;
///     for (toll::csv_step s; (s = reader.next(c)) != toll::csv_step::end;) {
///         if (s == toll::csv_step::error) report(reader.error()); else use(c);
///     }
///
/// Header problems (no header, a missing column) come first, as errors, and end the reading.
class claim_csv_reader : public detail::record_reader_base {
public:
    /// The columns every claims file has, in the order toll writes them.
    static constexpr std::array<std::string_view, 12> required_columns{
        "id", "event", "category", "group", "figure", "source", "source_kind",
        "party", "about_party", "via", "reported", "text"};

    /// `text` must outlive the reader.
    explicit claim_csv_reader(std::string_view text, csv_read_options options = {})
        : record_reader_base{text, std::move(options)}
    {
        for (std::size_t i = 0; i < required_columns.size(); ++i) column_[i] = require(required_columns[i]);
        span_ = optional("span");
        finish_header();
    }

    /// Reads the next row into `out`. On csv_step::error, error() says why and `out` holds
    /// nothing meaningful; the row is not a claim.
    [[nodiscard]] csv_step next(claim& out)
    {
        const csv_step step = next_row();
        return step == csv_step::value ? convert(out) : step;
    }

private:
    enum class col : std::size_t { id, event, category, group, figure, source, source_kind, party, about_party, via, reported, text };

    [[nodiscard]] std::size_t at(col c) const noexcept { return column_[static_cast<std::size_t>(c)]; }

    [[nodiscard]] csv_step convert(claim& out)
    {
        if (cell(at(col::id)).empty()) return fail_cell(at(col::id), csv_errc::missing_value, "is empty: every claim needs an id");

        // event: one id or several joined by ';'
        std::size_t events = 0;
        bool empty_item = false;
        detail::for_each_list_item(cell(at(col::event)), [&](std::string_view item) {
            if (item.empty()) empty_item = true;
            if (events == out.events.size()) out.events.emplace_back();
            detail::assign(out.events[events++], item);
        });
        out.events.resize(events);
        if (cell(at(col::event)).empty()) return fail_cell(at(col::event), csv_errc::missing_value, "is empty: name the event");
        if (empty_item) return fail_cell(at(col::event), csv_errc::bad_value, "has an empty event id in its ';' list");

        const auto cat = enum_from_name<toll::category>(cell(at(col::category)));
        if (!cat) {
            return fail_cell(at(col::category), csv_errc::unknown_category,
                             "is not a category; expected one of " + detail::name_list<toll::category>());
        }
        out.category = *cat;

        if (!read_group(cell(at(col::group)), out.group)) {
            return fail_cell(at(col::group), csv_errc::bad_group,
                             "is not a group: write <kind> or <kind>/<label>, with kind one of " +
                                 detail::name_list<group_kind>());
        }
        detail::assign(out.group.party, cell(at(col::about_party)));

        if (const auto known = figures_.find(cell(at(col::figure)))) {
            out.figure = *known;
        } else {
            auto fig = detail::read_figure_cell(cell(at(col::figure)), options_.vagueness);
            if (!fig.value) return fail_cell(at(col::figure), csv_errc::bad_figure, fig.problem);
            out.figure = *fig.value;
            figures_.store(cell(at(col::figure)), out.figure);
        }

        if (cell(at(col::source)).empty()) {
            return fail_cell(at(col::source), csv_errc::missing_value, "is empty: name who stated the figure");
        }
        detail::assign(out.source.origin.name, cell(at(col::source)));
        const auto kind = enum_from_name<toll::source_kind>(cell(at(col::source_kind)));
        if (!kind) {
            return fail_cell(at(col::source_kind), csv_errc::unknown_source_kind,
                             "is not a source kind; expected one of " + detail::name_list<toll::source_kind>());
        }
        out.source.origin.kind = *kind;
        detail::assign(out.source.origin.party, cell(at(col::party)));

        std::size_t relays = 0;
        empty_item = false;
        if (!cell(at(col::via)).empty()) {
            detail::for_each_list_item(cell(at(col::via)), [&](std::string_view item) {
                if (item.empty()) empty_item = true;
                if (relays == out.source.via.size()) out.source.via.emplace_back();
                toll::source& relay = out.source.via[relays++];
                detail::assign(relay.name, item);
                relay.kind = source_kind::media;
                relay.party.clear();
            });
        }
        out.source.via.resize(relays);
        if (empty_item) return fail_cell(at(col::via), csv_errc::bad_value, "has an empty outlet name in its ';' list");

        if (cell(at(col::reported)).empty()) {
            out.reported = boost::gregorian::date{};
        } else {
            const auto date = detail::read_iso_date(cell(at(col::reported)));
            if (!date.problem.empty()) return fail_cell(at(col::reported), csv_errc::bad_date, date.problem);
            out.reported = date.value;
        }

        detail::assign(out.text, cell(at(col::text)));

        out.span.reset();
        if (span_ && !cell(*span_).empty()) {
            const auto span = detail::read_span(cell(*span_));
            if (!span) {
                return fail_cell(*span_, csv_errc::bad_value, "is not a span: write <offset>:<length> in bytes");
            }
            if (span->offset > out.text.size() || span->length > out.text.size() - span->offset) {
                return fail_cell(*span_, csv_errc::bad_value, "reaches past the end of the text");
            }
            out.span = span;
        }

        // Last, so that a row rejected for another reason does not claim its id.
        if (!note_id(at(col::id))) return csv_step::error;
        detail::assign(out.id, cell(at(col::id)));
        return csv_step::value;
    }

    // "<kind>" or "<kind>/<label>"; the label runs to the end of the cell and may hold '/'.
    [[nodiscard]] static bool read_group(std::string_view text, toll::group& out)
    {
        const std::size_t slash = text.find('/');
        const auto kind = enum_from_name<group_kind>(text.substr(0, slash));
        if (!kind) return false;
        out.kind = *kind;
        if (slash == std::string_view::npos) {
            out.label.clear();
            return true;
        }
        const std::string_view label = text.substr(slash + 1);
        if (label.empty()) return false;
        detail::assign(out.label, label);
        return true;
    }

    std::array<std::size_t, required_columns.size()> column_{};
    std::optional<std::size_t> span_;
    detail::figure_cache figures_;
};

/// Reads every claim in `text` (a whole claims CSV file).
[[nodiscard]] inline claim_records read_claims_csv(std::string_view text, csv_read_options options = {})
{
    return detail::read_all<claim_csv_reader, claim>(text, std::move(options));
}

/// Reads a claims CSV file; errors name it. Throws std::runtime_error only when the file cannot
/// be read at all.
[[nodiscard]] inline claim_records load_claims_csv(const std::filesystem::path& path, csv_read_options options = {})
{
    if (options.file.empty()) options.file = path.string();
    const std::string text = read_text_file(path);
    return read_claims_csv(text, std::move(options));
}

/// The claims, or toll::csv_read_error carrying every error.
[[nodiscard]] inline std::vector<claim> read_claims_csv_or_throw(std::string_view text, csv_read_options options = {})
{
    claim_records records = read_claims_csv(text, std::move(options));
    if (!records.ok()) throw csv_read_error{std::move(records.errors)};
    return std::move(records.values);
}

struct csv_write_options {
    /// The table vague figures are read back with; a figure must read back as itself.
    vague_table vagueness = vague_table::literal();
    /// "\n", or "\r\n" as RFC 4180 has it.
    std::string_view line_end = "\n";
};

namespace detail {

[[nodiscard]] inline bool writable_list_item(std::string_view item) noexcept
{
    return !item.empty() && item.find(';') == std::string_view::npos && trim_blanks(item) == item;
}

[[nodiscard]] inline bool writable_text(std::string_view text) noexcept
{
    return utf8::first_invalid(text) == std::string_view::npos;
}

}  // namespace detail

/// Why `c` cannot be written as a claims CSV row that reads back equal, or nothing when it can.
[[nodiscard]] inline std::optional<std::string> csv_problem(const claim& c, const vague_table& vagueness = vague_table::literal())
{
    using detail::writable_list_item;
    using detail::writable_text;
    if (c.id.empty()) return "the id is empty";
    if (c.events.empty()) return "it names no event";
    for (const auto& e : c.events) {
        if (!writable_list_item(e)) return "the event id \"" + e + "\" is empty, holds ';' or starts or ends with a blank";
    }
    if (enum_from_name<group_kind>(to_string(c.group.kind)) != c.group.kind) return "the group kind is not one of toll's";
    if (enum_from_name<category>(to_string(c.category)) != c.category) return "the category is not one of toll's";
    if (enum_from_name<source_kind>(to_string(c.source.origin.kind)) != c.source.origin.kind) {
        return "the source kind is not one of toll's";
    }
    if (c.source.origin.name.empty()) return "the source has no name";
    for (const auto& relay : c.source.via) {
        if (!writable_list_item(relay.name)) {
            return "the relay name \"" + relay.name + "\" is empty, holds ';' or starts or ends with a blank";
        }
        if (relay.kind != source_kind::media || !relay.party.empty()) {
            return "the relay \"" + relay.name + "\" is not a media outlet without a party (the via column holds only names)";
        }
    }
    if (c.reported.is_special() && !c.reported.is_not_a_date()) return "the report date is a special value";
    const auto back = detail::read_figure_cell(to_string(c.figure), vagueness);
    if (!back.value || *back.value != c.figure) return "the figure does not read back as itself with the given vague-word table";
    for (const std::string* s : {&c.id, &c.group.label, &c.group.party, &c.source.origin.name, &c.source.origin.party, &c.text}) {
        if (!writable_text(*s)) return "a field is not valid UTF-8";
    }
    for (const auto& e : c.events) {
        if (!writable_text(e)) return "an event id is not valid UTF-8";
    }
    for (const auto& relay : c.source.via) {
        if (!writable_text(relay.name)) return "a relay name is not valid UTF-8";
    }
    if (c.span && (c.span->offset > c.text.size() || c.span->length > c.text.size() - c.span->offset)) {
        return "the span reaches past the end of the text";
    }
    return std::nullopt;
}

namespace detail {

/// Throws std::invalid_argument when `c`, with `extra` cells, cannot be written as a row of a
/// claims CSV with `extra_columns` extra columns and a span column or not.
inline void check_writable(const claim& c, std::span<const std::string> extra, std::size_t extra_columns, bool with_span,
                           const vague_table& vagueness)
{
    if (auto problem = csv_problem(c, vagueness)) {
        throw std::invalid_argument{"toll: claim \"" + c.id + "\" cannot be written as CSV: " + *problem};
    }
    if (!extra.empty() && extra.size() != extra_columns) {
        throw std::invalid_argument{"toll: claim \"" + c.id + "\" has " + std::to_string(extra.size()) + " extra cells for " +
                                    std::to_string(extra_columns) + " extra columns"};
    }
    if (c.span && !with_span) throw std::invalid_argument{"toll: claim \"" + c.id + "\" has a span and the file no span column"};
}

}  // namespace detail

/// Writes claims CSV rows one claim at a time, for output too large to hold as claims: the
/// header when constructed (the required columns, `span` when asked for, then `extra_columns`),
/// then a row per write(). Each claim is checked first (see csv_problem): std::invalid_argument,
/// with nothing of the row written, for one that would not read back equal.
class claim_csv_writer {
public:
    claim_csv_writer(std::ostream& out, bool with_span, std::span<const std::string> extra_columns = {},
                     const csv_write_options& options = {})
        : writer_{out, options.line_end}, vagueness_{options.vagueness}, with_span_{with_span}, extra_columns_{extra_columns.size()}
    {
        for (std::string_view name : claim_csv_reader::required_columns) writer_.field(name);
        if (with_span_) writer_.field("span");
        for (const auto& name : extra_columns) writer_.field(name);
        writer_.end_row();
    }

    /// Writes `c` with its `extra` cells (one per extra column, or none for all empty).
    void write(const claim& c, std::span<const std::string> extra = {})
    {
        check(c, extra);
        write_checked(c, extra);
    }

    /// Throws std::invalid_argument when `c` cannot be written (see write()).
    void check(const claim& c, std::span<const std::string> extra = {}) const
    {
        detail::check_writable(c, extra, extra_columns_, with_span_, vagueness_);
    }

    /// Writes `c`, already checked.
    void write_checked(const claim& c, std::span<const std::string> extra = {})
    {
        csv_writer& w = writer_;
        w.field(c.id);
        cell_.clear();
        for (const auto& e : c.events) (cell_.empty() ? cell_ : cell_ += ';') += e;
        w.field(cell_);
        w.field(to_string(c.category));
        cell_ = to_string(c.group.kind);
        if (!c.group.label.empty()) cell_ += '/' + c.group.label;
        w.field(cell_);
        w.field(to_string(c.figure));
        w.field(c.source.origin.name);
        w.field(to_string(c.source.origin.kind));
        w.field(c.source.origin.party);
        w.field(c.group.party);
        cell_.clear();
        for (const auto& relay : c.source.via) (cell_.empty() ? cell_ : cell_ += ';') += relay.name;
        w.field(cell_);
        w.field(c.reported.is_special() ? std::string{} : detail::iso_date(c.reported));
        w.field(c.text);
        if (with_span_) {
            w.field(c.span ? std::to_string(c.span->offset) + ':' + std::to_string(c.span->length) : std::string{});
        }
        for (std::size_t j = 0; j < extra_columns_; ++j) w.field(j < extra.size() ? std::string_view{extra[j]} : std::string_view{});
        w.end_row();
    }

private:
    csv_writer writer_;
    vague_table vagueness_;
    bool with_span_;
    std::size_t extra_columns_;
    std::string cell_;
};

/// Writes `claims` as a claims CSV: the required columns, `span` when some claim has one, then
/// `extra_columns` with each claim's `extra` cells (extra[i] beside claims[i], or empty). Checks
/// every claim first and throws std::invalid_argument, writing nothing, for one that would not
/// read back equal (see csv_problem).
inline void write_claims_csv(std::ostream& out, std::span<const claim> claims, std::span<const std::string> extra_columns = {},
                             std::span<const std::vector<std::string>> extra = {}, const csv_write_options& options = {})
{
    bool any_span = false;
    for (const claim& c : claims) any_span = any_span || c.span.has_value();
    const auto cells = [&](std::size_t i) {
        return i < extra.size() ? std::span<const std::string>{extra[i]} : std::span<const std::string>{};
    };
    for (std::size_t i = 0; i < claims.size(); ++i) {
        detail::check_writable(claims[i], cells(i), extra_columns.size(), any_span, options.vagueness);
    }
    claim_csv_writer w{out, any_span, extra_columns, options};
    for (std::size_t i = 0; i < claims.size(); ++i) w.write_checked(claims[i], cells(i));
}

/// Writes what read_claims_csv read, extra columns included.
inline void write_claims_csv(std::ostream& out, const claim_records& records, const csv_write_options& options = {})
{
    write_claims_csv(out, records.values, records.extra_columns, records.extra, options);
}

}  // namespace toll
