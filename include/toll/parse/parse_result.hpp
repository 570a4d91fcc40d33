#pragma once
// What a parser hands back: the value it read (if any) and a diagnostic for every part of the
// text it could not read. The main parse calls never throw; a caller who prefers exceptions
// turns a result into a value with value_or_throw() and gets a toll::parse_error.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <toll/detail/enum_names.hpp>
#include <toll/detail/streaming.hpp>
#include <toll/vague_words.hpp>

namespace toll {

/// Why a piece of text was not read. The id is stable; the reason text may be reworded.
enum class parse_errc : std::uint8_t {
    empty,             ///< nothing but blanks and markup
    expected_figure,   ///< no number, range or figure word where one had to be
    trailing_text,     ///< a figure followed by text that is not part of it
    number_too_large,  ///< a count beyond toll::max_count
    fractional_count,  ///< "1.5" people, or "1.2345 thousand"
    bad_grouping,      ///< digit groups that are not thousands ("1,60")
    reversed_range,    ///< "62–30"
    fewer_than_zero,   ///< "fewer than 0"
    invalid_utf8,      ///< bytes that are not UTF-8
    not_understood,    ///< a part of a cell or sentence that holds no claim toll could read
    best_outside_range,  ///< "12–20 (best 25)": a stated best outside its range
    // Notes: numbers read and set aside as no count of people, with why (severity::note).
    year,              ///< "in 2022"
    date,              ///< "March 27", "27 March"
    time,              ///< "2:30", "3pm"
    age,               ///< "a 20-year-old", "aged 25"
    ordinal,           ///< "3rd", "the 21st"
    count_of_things,   ///< "19 vehicles", "40%", "$5", "a nine-day operation"
    part_of_name,      ///< "G5", "M23", "France 24", "Two security sources told"
    no_category,       ///< a figure in prose whose words do not say what it counts
};

[[nodiscard]] constexpr auto enum_names(parse_errc) noexcept
{
    using enum parse_errc;
    return std::array<detail::enum_name<parse_errc>, 19>{{
        {empty, "empty"},
        {expected_figure, "expected_figure"},
        {trailing_text, "trailing_text"},
        {number_too_large, "number_too_large"},
        {fractional_count, "fractional_count"},
        {bad_grouping, "bad_grouping"},
        {reversed_range, "reversed_range"},
        {fewer_than_zero, "fewer_than_zero"},
        {invalid_utf8, "invalid_utf8"},
        {not_understood, "not_understood"},
        {best_outside_range, "best_outside_range"},
        {year, "year"},
        {date, "date"},
        {time, "time"},
        {age, "age"},
        {ordinal, "ordinal"},
        {count_of_things, "count_of_things"},
        {part_of_name, "part_of_name"},
        {no_category, "no_category"},
    }};
}

[[nodiscard]] constexpr std::string_view to_string(parse_errc e) noexcept { return detail::name_of(e); }

/// Whether a diagnostic says something was not read (an error) or only why a number read is no
/// claim (a note: a year, a date, a count of vehicles). Notes leave a result ok().
enum class severity : std::uint8_t { error, note };

/// One thing a parser could not read, or a number it set aside, and where it stood in the input.
struct diagnostic {
    /// Byte offset and length of the offending text in the input.
    std::size_t offset = 0;
    std::size_t length = 0;
    /// The offending text itself (cut short when long), so a message can show it without the input.
    std::string excerpt;
    parse_errc code = parse_errc::not_understood;
    /// A sentence for people.
    std::string reason;
    toll::severity severity = severity::error;

    friend bool operator==(const diagnostic&, const diagnostic&) = default;
};

/// `at byte 4 ("1,60"): digit groups after a separator must have three digits [bad_grouping]`.
[[nodiscard]] inline std::string to_string(const diagnostic& d)
{
    std::string text = (d.severity == severity::note ? "note: at byte " : "at byte ") + std::to_string(d.offset);
    if (!d.excerpt.empty()) text += " (\"" + d.excerpt + "\")";
    text += ": ";
    text += d.reason;
    text += " [";
    text += to_string(d.code);
    text += "]";
    return text;
}

/// Thrown by the *_or_throw conveniences; carries every diagnostic of the failed parse.
class parse_error : public std::runtime_error {
public:
    explicit parse_error(std::vector<diagnostic> diagnostics)
        : std::runtime_error{message(diagnostics)}, diagnostics_{std::move(diagnostics)}
    {
    }

    [[nodiscard]] const std::vector<diagnostic>& diagnostics() const noexcept { return diagnostics_; }

private:
    static std::string message(const std::vector<diagnostic>& diagnostics)
    {
        if (diagnostics.empty()) return "toll: parse failed";
        std::string text = "toll: cannot parse: " + to_string(diagnostics.front());
        if (diagnostics.size() > 1) text += " (and " + std::to_string(diagnostics.size() - 1) + " more)";
        return text;
    }

    std::vector<diagnostic> diagnostics_;
};

/// The value read, the diagnostics for what was not read, and the vague-word table the text
/// was read with. A figure parse holds either a value or diagnostics; a field parse always holds
/// its (possibly empty) list of claims and may hold diagnostics beside it.
template <class T>
class parse_result {
public:
    parse_result() = default;
    parse_result(T value, vague_table table) : value_{std::move(value)}, table_{table} {}
    parse_result(std::vector<diagnostic> diagnostics, vague_table table)
        : diagnostics_{std::move(diagnostics)}, table_{table}
    {
    }
    parse_result(T value, std::vector<diagnostic> diagnostics, vague_table table)
        : value_{std::move(value)}, diagnostics_{std::move(diagnostics)}, table_{table}
    {
    }

    /// A value was read (for a field parse: always, though it may be an empty list).
    [[nodiscard]] bool has_value() const noexcept { return value_.has_value(); }
    [[nodiscard]] explicit operator bool() const noexcept { return has_value(); }
    /// A value was read and nothing was left unread (notes on numbers set aside do not count).
    [[nodiscard]] bool ok() const noexcept
    {
        if (!has_value()) return false;
        for (const diagnostic& d : diagnostics_) {
            if (d.severity == severity::error) return false;
        }
        return true;
    }

    /// The value; throws toll::parse_error (with the diagnostics) when there is none.
    [[nodiscard]] const T& value() const&
    {
        if (!value_) throw parse_error{diagnostics_};
        return *value_;
    }
    [[nodiscard]] T&& value() &&
    {
        if (!value_) throw parse_error{std::move(diagnostics_)};
        return std::move(*value_);
    }
    [[nodiscard]] const T& operator*() const& noexcept { return *value_; }
    [[nodiscard]] const T* operator->() const noexcept { return &*value_; }

    [[nodiscard]] const std::vector<diagnostic>& diagnostics() const noexcept { return diagnostics_; }
    /// The vague-word table the text was read with: part of what the value means.
    [[nodiscard]] const vague_table& table() const noexcept { return table_; }

private:
    std::optional<T> value_;
    std::vector<diagnostic> diagnostics_;
    vague_table table_ = vague_table::literal();
};

}  // namespace toll
