#pragma once
// A small JSON writer: objects, arrays, strings, numbers, booleans and null, written in the order
// the caller writes them (so key order is stable), compact or indented. Strings are escaped as
// RFC 8259 requires; valid UTF-8 passes through, and each ill-formed part of a string becomes
// U+FFFD, so the output is always valid UTF-8 and valid JSON. Misuse (a value where a key is
// due, closing what is not open) throws std::logic_error rather than writing broken JSON.

#include <charconv>
#include <cmath>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <toll/detail/utf8_check.hpp>

namespace toll {

/// Appends `text` to `out` as a JSON string, quotes included.
inline void append_json_string(std::string& out, std::string_view text)
{
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    std::size_t pos = 0;
    while (pos < text.size()) {
        // Copy the run of bytes that need nothing done to them in one go.
        std::size_t run = pos;
        while (run < text.size()) {
            const unsigned char c = detail::utf8::octet(text[run]);
            if (c < 0x20u || c == '"' || c == '\\' || c >= 0x80u) break;
            ++run;
        }
        out.append(text, pos, run - pos);
        pos = run;
        if (pos >= text.size()) break;
        const unsigned char c = detail::utf8::octet(text[pos]);
        if (c >= 0x80u) {
            const std::size_t length = detail::utf8::valid_length(text, pos);
            if (length == 0) {
                out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
                pos += detail::utf8::invalid_length(text, pos);
            } else if (length == 3 && c == 0xE2u && text[pos + 1] == '\x80' && (text[pos + 2] == '\xA8' || text[pos + 2] == '\xA9')) {
                // U+2028 and U+2029 are valid JSON but end lines in JavaScript: escape them so
                // the output can be pasted into a script.
                out += text[pos + 2] == '\xA8' ? "\\u2028" : "\\u2029";
                pos += 3;
            } else {
                out.append(text, pos, length);
                pos += length;
            }
            continue;
        }
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            out += "\\u00";
            out += hex[c >> 4u];
            out += hex[c & 0xFu];
        }
        ++pos;
    }
    out += '"';
}

/// `text` as a JSON string, quotes included.
[[nodiscard]] inline std::string json_string(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + 2);
    append_json_string(out, text);
    return out;
}

/// Writes one JSON value (usually an object or array) to a stream.
///
///     toll::json_writer json{std::cout, 2};
///     json.begin_object().member("id", "c7").key("events").begin_array().value("moura-2022").end_array().end_object();
class json_writer {
public:
    /// `indent` spaces per level, one member or element per line; 0 writes everything on one line.
    explicit json_writer(std::ostream& out, int indent = 0) : out_{&out}, indent_{indent < 0 ? 0 : indent} {}
    json_writer(const json_writer&) = delete;
    json_writer& operator=(const json_writer&) = delete;
    ~json_writer()
    {
        try {
            flush();
        } catch (...) {  // a destructor must not throw; call flush() to see stream errors
        }
    }

    json_writer& begin_object() { return open('{', true); }
    json_writer& end_object() { return close('}', true); }
    json_writer& begin_array() { return open('[', false); }
    json_writer& end_array() { return close(']', false); }

    /// The name of the next member of the open object.
    json_writer& key(std::string_view name)
    {
        if (stack_.empty() || !stack_.back().object || stack_.back().after_key) {
            throw std::logic_error{"toll::json_writer: a key outside an object, or two keys in a row"};
        }
        separate();
        append_json_string(buffer_, name);
        buffer_ += indent_ > 0 ? ": " : ":";
        stack_.back().after_key = true;
        return *this;
    }

    json_writer& value(std::string_view text)
    {
        before_value();
        append_json_string(buffer_, text);
        return after_value();
    }
    json_writer& value(const char* text) { return value(std::string_view{text}); }
    json_writer& value(const std::string& text) { return value(std::string_view{text}); }
    json_writer& value(bool b)
    {
        before_value();
        buffer_ += b ? "true" : "false";
        return after_value();
    }
    json_writer& value(std::nullptr_t)
    {
        before_value();
        buffer_ += "null";
        return after_value();
    }
    template <std::integral T>
        requires(!std::same_as<T, bool> && !std::same_as<T, char>)
    json_writer& value(T n)
    {
        before_value();
        char digits[24];
        const auto result = std::to_chars(digits, digits + sizeof digits, n);
        buffer_.append(digits, result.ptr);
        return after_value();
    }
    /// The shortest form that reads back as `x`; null for NaN and infinities, which JSON lacks.
    json_writer& value(double x)
    {
        if (!std::isfinite(x)) return value(nullptr);
        before_value();
        char digits[32];
        const auto result = std::to_chars(digits, digits + sizeof digits, x);
        buffer_.append(digits, result.ptr);
        return after_value();
    }

    /// key(name) then value(v).
    template <class T>
    json_writer& member(std::string_view name, const T& v)
    {
        key(name);
        return value(v);
    }

    /// A complete value has been written and every object and array closed.
    [[nodiscard]] bool complete() const noexcept { return wrote_top_ && stack_.empty(); }

    /// Passes what is buffered to the stream.
    void flush()
    {
        if (buffer_.empty()) return;
        out_->write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
        buffer_.clear();
    }

private:
    struct frame {
        bool object = false;
        bool has_items = false;
        bool after_key = false;
    };

    void newline()
    {
        if (indent_ == 0) return;
        buffer_ += '\n';
        buffer_.append(stack_.size() * static_cast<std::size_t>(indent_), ' ');
    }

    // Before a key or an array element: a comma after the previous item, and the line break.
    void separate()
    {
        frame& f = stack_.back();
        if (f.has_items) buffer_ += ',';
        f.has_items = true;
        newline();
    }

    void before_value()
    {
        if (stack_.empty()) {
            if (wrote_top_) throw std::logic_error{"toll::json_writer: a second top-level value"};
            return;
        }
        frame& f = stack_.back();
        if (f.object) {
            if (!f.after_key) throw std::logic_error{"toll::json_writer: a value in an object needs a key first"};
            f.after_key = false;
        } else {
            separate();
        }
    }

    json_writer& after_value()
    {
        if (stack_.empty()) {
            wrote_top_ = true;
            flush();
        } else if (buffer_.size() >= flush_size) {
            flush();
        }
        return *this;
    }

    json_writer& open(char bracket, bool object)
    {
        before_value();
        buffer_ += bracket;
        stack_.push_back(frame{object, false, false});
        return *this;
    }

    json_writer& close(char bracket, bool object)
    {
        if (stack_.empty() || stack_.back().object != object || stack_.back().after_key) {
            throw std::logic_error{"toll::json_writer: closing what is not open, or an object member without a value"};
        }
        const bool had_items = stack_.back().has_items;
        stack_.pop_back();
        if (had_items) newline();
        buffer_ += bracket;
        return after_value();
    }

    static constexpr std::size_t flush_size = 1u << 16;

    std::ostream* out_;
    int indent_ = 0;
    std::string buffer_;
    std::vector<frame> stack_;
    bool wrote_top_ = false;
};

}  // namespace toll
