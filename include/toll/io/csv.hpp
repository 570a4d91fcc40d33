#pragma once
// RFC 4180 CSV over a buffer held whole in memory: quoted fields, doubled quotes, commas and line
// breaks inside quotes, CRLF or LF line ends, a UTF-8 byte order mark skipped, a header row naming
// the columns. Fields are views into the buffer; only a field with doubled quotes is copied (into
// a scratch buffer the row reuses), so reading a row allocates nothing once the row has warmed up.
//
// Every problem is a csv_error naming file, line, column and reason. The reader never throws for
// bad input: it reports the error with the row and goes on with the next row where it can.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <optional>
#include <ostream>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <toll/io/detail/csv_scan.hpp>
#include <toll/detail/enum_names.hpp>
#include <toll/detail/streaming.hpp>

namespace toll {

/// Why a CSV file, row or cell was not read. The id is stable; the reason text may be reworded.
enum class csv_errc : std::uint8_t {
    empty_file,           ///< no header row: the file is empty or blank
    bad_header,           ///< a column name that is empty or given twice
    missing_column,       ///< a column the format requires is not in the header
    unbalanced_quote,     ///< a quoted field still open at the end of the file
    stray_quote,          ///< a quote inside an unquoted field, or text after a closing quote
    field_count,          ///< a row with more or fewer fields than the header has columns
    invalid_utf8,         ///< bytes that are not UTF-8
    missing_value,        ///< an empty cell in a column that needs a value
    bad_value,            ///< a malformed list or span
    unknown_category,     ///< not one of the category names
    bad_group,            ///< not `<kind>` or `<kind>/<label>` with a known kind
    bad_figure,           ///< a figure the figure parser cannot read
    unknown_source_kind,  ///< not one of the source kind names
    bad_date,             ///< not a YYYY-MM-DD calendar date toll can hold (years 1400–9999)
    bad_period,           ///< not YYYY-MM-DD, YYYY-MM-DD/YYYY-MM-DD, YYYY-MM or YYYY
    duplicate_id,         ///< an id already given to an earlier row
};

[[nodiscard]] constexpr auto enum_names(csv_errc) noexcept
{
    using enum csv_errc;
    return std::array<detail::enum_name<csv_errc>, 16>{{
        {empty_file, "empty_file"},
        {bad_header, "bad_header"},
        {missing_column, "missing_column"},
        {unbalanced_quote, "unbalanced_quote"},
        {stray_quote, "stray_quote"},
        {field_count, "field_count"},
        {invalid_utf8, "invalid_utf8"},
        {missing_value, "missing_value"},
        {bad_value, "bad_value"},
        {unknown_category, "unknown_category"},
        {bad_group, "bad_group"},
        {bad_figure, "bad_figure"},
        {unknown_source_kind, "unknown_source_kind"},
        {bad_date, "bad_date"},
        {bad_period, "bad_period"},
        {duplicate_id, "duplicate_id"},
    }};
}

[[nodiscard]] constexpr std::string_view to_string(csv_errc e) noexcept { return detail::name_of(e); }

/// One problem in a CSV file and where it is.
struct csv_error {
    /// The file name the caller gave the reader; may be empty.
    std::string file;
    /// 1-based physical line (LF, CRLF and a lone CR each end one) that the offending field
    /// starts on: where its first character, or its opening quote, is; the header row's line for
    /// a missing column; for a row with too few fields, the line the row ends on. 0 for the file
    /// as a whole. Every reader of a file numbers lines this way.
    std::size_t line = 0;
    /// 1-based field number in the row; 0 for the row or file as a whole.
    std::size_t column = 0;
    /// The header name of `column`, when known.
    std::string column_name;
    csv_errc code = csv_errc::bad_value;
    /// A sentence for people.
    std::string reason;

    friend bool operator==(const csv_error&, const csv_error&) = default;
};

/// `claims.csv:12:5 (figure): cannot read "abc" as a figure: ... [bad_figure]`.
[[nodiscard]] inline std::string to_string(const csv_error& e)
{
    std::string text = e.file.empty() ? std::string{"<csv>"} : e.file;
    if (e.line != 0) {
        text += ':' + std::to_string(e.line);
        if (e.column != 0) text += ':' + std::to_string(e.column);
    }
    if (!e.column_name.empty()) text += " (" + e.column_name + ")";
    text += ": ";
    text += e.reason;
    text += " [";
    text += to_string(e.code);
    text += ']';
    return text;
}

/// Thrown by the *_or_throw conveniences; carries every error found.
class csv_read_error : public std::runtime_error {
public:
    explicit csv_read_error(std::vector<csv_error> errors)
        : std::runtime_error{message(errors)}, errors_{std::move(errors)}
    {
    }

    [[nodiscard]] const std::vector<csv_error>& errors() const noexcept { return errors_; }

private:
    static std::string message(const std::vector<csv_error>& errors)
    {
        if (errors.empty()) return "toll: cannot read CSV";
        std::string text = "toll: cannot read CSV: " + to_string(errors.front());
        if (errors.size() > 1) text += " (and " + std::to_string(errors.size() - 1) + " more)";
        return text;
    }

    std::vector<csv_error> errors_;
};

/// One field of a row: its text (quotes removed) and where it starts.
struct csv_field {
    std::string_view text;
    std::size_t line = 0;    ///< 1-based line the field starts on
    std::size_t column = 0;  ///< 1-based field number
};

/// A row as the reader left it. Its fields view the reader's buffer or the row's own scratch
/// space, so they stay valid until the row is read into again.
class csv_row {
public:
    /// 1-based line the row starts on.
    [[nodiscard]] std::size_t line() const noexcept { return line_; }
    [[nodiscard]] std::size_t size() const noexcept { return fields_.size(); }
    [[nodiscard]] const csv_field& operator[](std::size_t i) const noexcept { return fields_[i]; }
    [[nodiscard]] auto begin() const noexcept { return fields_.begin(); }
    [[nodiscard]] auto end() const noexcept { return fields_.end(); }
    /// The row's bytes in the buffer as they stand, quotes and all, without its line end.
    [[nodiscard]] std::string_view raw() const noexcept { return raw_; }
    /// The first problem in the row, when it has one; its fields are then not to be trusted.
    [[nodiscard]] const std::optional<csv_error>& error() const noexcept { return error_; }

private:
    friend class csv_reader;

    std::vector<csv_field> fields_;
    // Where each field copied into scratch_ starts there: views are fixed up once the row is
    // complete, since appending may move the scratch buffer.
    struct copied_field {
        std::size_t index;
        std::size_t offset;
        std::size_t length;
    };
    std::vector<copied_field> copied_;
    std::string scratch_;
    std::optional<csv_error> error_;
    std::string_view raw_;
    std::size_t line_ = 0;
    std::size_t end_line_ = 0;  // the line its last field ends on
};

/// Reads a CSV buffer row by row. The buffer must outlive the reader and every row read from it.
///
///     toll::csv_reader reader{text, "claims.csv"};
///     if (reader.error()) { report(*reader.error()); return; }
///     const auto figure = reader.find("figure");
///     toll::csv_row row;
///     while (reader.next(row)) { if (row.error()) ...; else use(row[*figure].text); }
class csv_reader {
public:
    /// `delimiter`: the byte between fields (',' unless the file uses another, e.g. ';' or '\t');
    /// std::invalid_argument for a quote or a line end, which cannot be one.
    explicit csv_reader(std::string_view text, std::string file = {}, char delimiter = ',')
        : text_{text}, delimiter_{checked_delimiter(delimiter)}, file_{std::move(file)}
    {
        static constexpr std::string_view bom = "\xEF\xBB\xBF";
        if (text_.starts_with(bom)) pos_ = bom.size();
        read_header();
    }

    /// What makes the whole file unreadable (no header, a bad header row); nothing if it reads.
    [[nodiscard]] const std::optional<csv_error>& error() const noexcept { return error_; }
    [[nodiscard]] const std::string& file() const noexcept { return file_; }
    [[nodiscard]] char delimiter() const noexcept { return delimiter_; }

    /// `delimiter`, when it can separate fields; else std::invalid_argument.
    static char checked_delimiter(char delimiter)
    {
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw std::invalid_argument{"toll::csv_reader: a quote or a line end cannot separate fields"};
        }
        return delimiter;
    }
    /// The line the header row starts on (blank lines may come before it).
    [[nodiscard]] std::size_t header_line() const noexcept { return header_line_; }
    /// The column names from the header row, in file order.
    [[nodiscard]] std::span<const std::string> columns() const noexcept { return columns_; }
    /// The 0-based index of the column named `name`, if the header has one.
    [[nodiscard]] std::optional<std::size_t> find(std::string_view name) const noexcept
    {
        for (std::size_t i = 0; i < columns_.size(); ++i) {
            if (columns_[i] == name) return i;
        }
        return std::nullopt;
    }

    /// Reads the next row into `row`; false when there is none (end of file, or a file error).
    /// Blank lines between rows are skipped. A row with a problem is still returned, with
    /// `row.error()` set: no row is passed over silently.
    [[nodiscard]] bool next(csv_row& row)
    {
        if (done_) return false;
        skip_blank_lines();
        if (pos_ >= text_.size()) {
            done_ = true;
            return false;
        }
        read_row(row);
        if (!row.error_ && row.fields_.size() != columns_.size()) {
            const std::size_t column = std::min(row.fields_.size(), columns_.size()) + 1;
            // The first field too many, or where the missing ones would go.
            const std::size_t line = row.fields_.size() > columns_.size() ? row.fields_[columns_.size()].line : row.end_line_;
            row.error_ = make_error(line, column, csv_errc::field_count,
                                    "the row has " + std::to_string(row.fields_.size()) + " fields, the header has " +
                                        std::to_string(columns_.size()) + " columns");
            if (column <= columns_.size()) row.error_->column_name = columns_[column - 1];
        }
        return true;
    }

    /// Where reading goes on: the offset at which the next row (or a blank line) starts, and its
    /// line; after next(), just past the line end of the row read.
    [[nodiscard]] std::size_t offset() const noexcept { return pos_; }
    [[nodiscard]] std::size_t line() const noexcept { return line_; }

    /// Reads on from `offset`, where a row or a blank line starts, counting it as line `line`:
    /// for a caller that finds the rows itself and hands some of them to this reader, which then
    /// reads and reports each exactly as it does in a reading of the whole file
    /// (reconcile_csv.hpp). Does nothing after a header error.
    void read_from(std::size_t offset, std::size_t line) noexcept
    {
        if (error_) return;
        pos_ = std::min(offset, text_.size());
        line_ = line;
        done_ = false;
    }

    /// An error at a place in this file, for callers that check the fields' values.
    [[nodiscard]] csv_error make_error(std::size_t line, std::size_t column, csv_errc code, std::string reason) const
    {
        csv_error e;
        e.file = file_;
        e.line = line;
        e.column = column;
        if (column != 0 && column <= columns_.size()) e.column_name = columns_[column - 1];
        e.code = code;
        e.reason = std::move(reason);
        return e;
    }

private:
    [[nodiscard]] static constexpr bool is_line_end(char c) noexcept { return c == '\n' || c == '\r'; }

    // text_[pos, pos + length) without substr's range check: every caller stays inside.
    [[nodiscard]] std::string_view slice(std::size_t pos, std::size_t length) const noexcept
    {
        return std::string_view{text_.data() + pos, length};
    }

    void skip_blank_lines() noexcept
    {
        while (pos_ < text_.size() && is_line_end(text_[pos_])) {
            if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
            ++pos_;
            ++line_;
        }
    }

    void read_header()
    {
        skip_blank_lines();
        if (pos_ >= text_.size()) {
            error_ = make_error(0, 0, csv_errc::empty_file, "the file is empty: there is no header row");
            done_ = true;
            return;
        }
        csv_row header;
        header_line_ = line_;
        read_row(header);
        if (header.error_) {
            error_ = std::move(header.error_);
            done_ = true;
            return;
        }
        columns_.reserve(header.size());
        for (const csv_field& field : header) {
            const auto repeated = std::find(columns_.begin(), columns_.end(), field.text);
            if (field.text.empty() || repeated != columns_.end()) {
                error_ = make_error(field.line, field.column, csv_errc::bad_header,
                                    field.text.empty() ? "a column has no name"
                                                       : "the column name \"" + std::string{field.text} +
                                                             "\" is given twice");
                done_ = true;
                columns_.clear();
                return;
            }
            columns_.emplace_back(field.text);
        }
    }

    // Reads one row starting at pos_ (not at a line end) up to and past its line end.
    void read_row(csv_row& row)
    {
        row.fields_.clear();
        row.copied_.clear();
        row.scratch_.clear();
        row.error_.reset();
        row.line_ = line_;
        const std::size_t size = text_.size();
        const std::size_t row_start = pos_;
        std::size_t column = 1;
        while (true) {
            csv_field field;
            field.line = line_;
            field.column = column;
            if (pos_ < size && text_[pos_] == '"') {
                read_quoted(row, field);
            } else {
                const std::size_t start = pos_;
                while (true) {
                    pos_ = specials_.next(pos_);
                    if (pos_ >= size || text_[pos_] != '"') break;
                    if (!row.error_) {
                        row.error_ = make_error(field.line, column, csv_errc::stray_quote,
                                                "a quote inside an unquoted field (quote the whole field and "
                                                "double the quotes inside it)");
                    }
                    ++pos_;
                }
                field.text = slice(start, pos_ - start);
            }
            row.fields_.push_back(field);
            if (pos_ >= size) {
                row.raw_ = slice(row_start, text_.size() - row_start);
                row.end_line_ = line_;
                break;
            }
            const char c = text_[pos_];
            if (c != delimiter_) row.raw_ = slice(row_start, pos_ - row_start);
            ++pos_;
            if (c == delimiter_) {
                ++column;
                continue;
            }
            if (c == '\r' && pos_ < size && text_[pos_] == '\n') ++pos_;
            row.end_line_ = line_++;
            break;
        }
        for (const auto& c : row.copied_) {
            row.fields_[c.index].text = std::string_view{row.scratch_.data() + c.offset, c.length};
        }
    }

    // A quoted field: pos_ is at its opening quote; leaves pos_ after the closing quote and any
    // text wrongly following it. The closing quote is found first, so that a quote never closed
    // costs one scan of the rest of the file and no copy of it; a field with doubled quotes is
    // then copied without them.
    void read_quoted(csv_row& row, csv_field& field)
    {
        const std::size_t size = text_.size();
        const std::size_t start = pos_ + 1;
        std::size_t end = start;  // becomes the closing quote
        bool doubled = false;
        while (true) {
            end = text_.find('"', end);
            if (end == std::string_view::npos || end + 1 >= size || text_[end + 1] != '"') break;
            doubled = true;  // a doubled quote stands for one
            end += 2;
        }
        if (end == std::string_view::npos) {
            line_ += detail::count_line_breaks(slice(start, size - start));
            if (!row.error_) {
                row.error_ = make_error(field.line, field.column, csv_errc::unbalanced_quote,
                                        "the quote opened here is never closed before the end of the file");
            }
            field.text = slice(start, size - start);  // as written: the row is an error
            pos_ = size;
            return;
        }
        line_ += detail::count_line_breaks(slice(start, end - start));
        if (doubled) {
            const std::size_t offset = row.scratch_.size();
            for (std::size_t from = start;;) {
                const std::size_t quote = text_.find('"', from);
                if (quote == end) {
                    row.scratch_.append(slice(from, end - from));
                    break;
                }
                row.scratch_.append(slice(from, quote + 1 - from));  // the first of the pair
                from = quote + 2;
            }
            row.copied_.push_back({row.fields_.size(), offset, row.scratch_.size() - offset});
        } else {
            field.text = slice(start, end - start);
        }
        pos_ = end + 1;
        if (pos_ < size && text_[pos_] != delimiter_ && !is_line_end(text_[pos_])) {
            if (!row.error_) {
                row.error_ = make_error(field.line, field.column, csv_errc::stray_quote,
                                        "text after the closing quote of a field (a quote inside a quoted field "
                                        "must be doubled)");
            }
            while (pos_ < size && text_[pos_] != delimiter_ && !is_line_end(text_[pos_])) ++pos_;
        }
    }

    std::string_view text_;
    char delimiter_ = ',';
    detail::csv_special_scanner specials_{text_, delimiter_};  // 64 bytes at a time: unquoted fields are most of a file
    std::string file_;
    std::vector<std::string> columns_;
    std::optional<csv_error> error_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
    std::size_t header_line_ = 1;
    bool done_ = false;
};

/// Writes RFC 4180 rows: a field is quoted when it holds a comma, a quote or a line break (or
/// would otherwise read back differently), and quotes inside it are doubled.
class csv_writer {
public:
    /// `line_end` "\n" (the default) or "\r\n" as RFC 4180 has it; the reader takes either.
    /// `delimiter` between fields: ',' unless the reader of the file wants another (';').
    explicit csv_writer(std::ostream& out, std::string_view line_end = "\n", char delimiter = ',')
        : out_{&out}, line_end_{line_end}, delimiter_{csv_reader::checked_delimiter(delimiter)}
    {
    }

    csv_writer& field(std::string_view text)
    {
        if (fields_ != 0) row_ += delimiter_;
        ++fields_;
        append_field(row_, text, fields_ == 1 && first_row_, delimiter_);
        return *this;
    }

    csv_writer& end_row()
    {
        // A row of one empty field would be a blank line, which readers skip: quote it.
        if (fields_ == 1 && row_.empty()) row_ = "\"\"";
        row_ += line_end_;
        out_->write(row_.data(), static_cast<std::streamsize>(row_.size()));
        row_.clear();
        fields_ = 0;
        first_row_ = false;
        return *this;
    }

    csv_writer& row(std::initializer_list<std::string_view> fields)
    {
        for (std::string_view f : fields) field(f);
        return end_row();
    }

    /// Whether `text` must be quoted to read back as itself.
    [[nodiscard]] static bool needs_quotes(std::string_view text, bool first_in_file = false, char delimiter = ',') noexcept
    {
        if (detail::next_csv_special(text.data(), 0, text.size()) != text.size()) return true;
        // Kept apart, so that the common case is small enough to be inlined where a writer checks
        // millions of values.
        return (delimiter != ',' || first_in_file) && needs_quotes_elsewhere(text, first_in_file, delimiter);
    }

    /// The most bytes `text` takes as one CSV field: quoted, with every byte a doubled quote.
    [[nodiscard]] static constexpr std::size_t max_field_size(std::string_view text) noexcept
    {
        return 2 * text.size() + 2;
    }

    /// Writes `text` as one CSV field at `out`, which has room for max_field_size(text) bytes,
    /// and returns the end of what it wrote. For writers that make room for a whole row at once.
    static char* write_field(char* out, std::string_view text, bool first_in_file = false, char delimiter = ',') noexcept
    {
        if (needs_quotes(text, first_in_file, delimiter)) return write_quoted(out, text);
        if (!text.empty()) std::memcpy(out, text.data(), text.size());
        return out + text.size();
    }

    /// Appends `text` to `out` as one CSV field.
    static void append_field(std::string& out, std::string_view text, bool first_in_file = false, char delimiter = ',')
    {
        if (!needs_quotes(text, first_in_file, delimiter)) {
            out += text;
            return;
        }
        const std::size_t old = out.size();
        out.resize(old + max_field_size(text));
        char* const end = write_quoted(out.data() + old, text);
        out.resize(static_cast<std::size_t>(end - out.data()));
    }

private:
    // The rest of needs_quotes: another delimiter in the text, or a byte order mark at the start
    // of the file, which a reader would take for the mark.
    [[nodiscard]] static bool needs_quotes_elsewhere(std::string_view text, bool first_in_file, char delimiter) noexcept
    {
        if (delimiter != ',' && text.find(delimiter) != std::string_view::npos) return true;
        return first_in_file && text.starts_with("\xEF\xBB\xBF");
    }

    // `text` in quotes, each quote in it doubled.
    static char* write_quoted(char* out, std::string_view text) noexcept
    {
        *out++ = '"';
        for (const char c : text) {
            *out++ = c;
            if (c == '"') *out++ = '"';
        }
        *out++ = '"';
        return out;
    }

    std::ostream* out_;
    std::string line_end_;
    char delimiter_ = ',';
    std::string row_;
    std::size_t fields_ = 0;
    bool first_row_ = true;
};

/// The whole content of a file, for reading with csv_reader. Throws std::runtime_error naming
/// the file when it cannot be read.
[[nodiscard]] inline std::string read_text_file(const std::filesystem::path& path)
{
    std::ifstream in{path, std::ios::binary};
    if (!in) throw std::runtime_error{"toll: cannot open " + path.string()};
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    if (size < 0) throw std::runtime_error{"toll: cannot read " + path.string()};
    in.seekg(0, std::ios::beg);
    std::string text(static_cast<std::size_t>(size), '\0');
    if (size > 0 && !in.read(text.data(), static_cast<std::streamsize>(size))) {
        throw std::runtime_error{"toll: cannot read " + path.string()};
    }
    return text;
}

}  // namespace toll
