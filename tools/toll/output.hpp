#pragma once
// Where the `toll` commands write: a file descriptor behind a std::ostream whose every write and
// close is checked, so a full disk or a failing device ends the command with the reason instead
// of a success status over lost output. A reader that closes the pipe early (`toll ... | head`)
// chose to stop reading: that is not an error, and the command stops quietly.

#include <array>
#include <bit>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <string_view>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace toll_cli {

/// The output could not be written (a full disk, an I/O error); the message names it and why.
struct output_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// "no space left on device": the system's words for an errno value, as a message part.
[[nodiscard]] inline std::string reason_of(int error_number)
{
    std::string text = std::generic_category().message(error_number);
    if (!text.empty() && text.front() >= 'A' && text.front() <= 'Z') text.front() = static_cast<char>(text.front() - 'A' + 'a');
    return text;
}

/// Whether byte `c` is written escaped: a control character other than tab, line feed and carriage
/// return (a NUL, an escape that would drive the terminal, ...), or DEL. None of them is ever part
/// of a UTF-8 multibyte character.
[[nodiscard]] constexpr bool escaped_byte(unsigned char c) noexcept
{
    return (c < 0x20U && c != '\t' && c != '\n' && c != '\r') || c == 0x7FU;
}

/// The position of the first byte of text[0, size) that escaped_byte() takes, or `size`: sixteen
/// bytes at a time with SSE2, else eight, since every byte of every output goes through here.
[[nodiscard]] inline std::size_t first_escaped(const char* text, std::size_t size) noexcept
{
    std::size_t pos = 0;
#if defined(__SSE2__)
    // Exact per byte: below 0x20 (min(x, 0x1F) == x) and not tab, LF or CR, or DEL. Lines end in
    // LF, so a test that only says "maybe" would send most blocks to the byte loop.
    const __m128i below_space = _mm_set1_epi8(0x1F);
    for (; size - pos >= 16; pos += 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + pos));
        const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(x, below_space), x);
        const __m128i allowed = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\t')),
                                                          _mm_cmpeq_epi8(x, _mm_set1_epi8('\n'))),
                                             _mm_cmpeq_epi8(x, _mm_set1_epi8('\r')));
        const __m128i escaped = _mm_or_si128(_mm_andnot_si128(allowed, control), _mm_cmpeq_epi8(x, _mm_set1_epi8(0x7F)));
        const int mask = _mm_movemask_epi8(escaped);
        if (mask != 0) return pos + static_cast<std::size_t>(std::countr_zero(static_cast<unsigned>(mask)));
    }
#endif
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    for (; size - pos >= 8; pos += 8) {
        std::uint64_t w = 0;
        std::memcpy(&w, text + pos, 8);
        // High bit set in a byte below 0x20 or equal to 0x7F (the test may flag bytes after a
        // real one; the bytes are then looked at one by one).
        const std::uint64_t below = (w - ones * 0x20U) & ~w;
        const std::uint64_t x = w ^ (ones * 0x7FU);
        const std::uint64_t del = (x - ones) & ~x;
        if (((below | del) & highs) == 0) continue;
        for (std::size_t i = pos; i < pos + 8; ++i) {
            if (escaped_byte(static_cast<unsigned char>(text[i]))) return i;
        }
    }
    for (; pos < size; ++pos) {
        if (escaped_byte(static_cast<unsigned char>(text[pos]))) return pos;
    }
    return size;
}

/// A buffered std::streambuf over a file descriptor that remembers the first failed write.
/// After a failure it takes no more bytes (the stream goes bad), so a long output stops cheaply.
/// Every byte escaped_byte() takes is written as `\xHH` (a NUL as `\x00`): a value read from a
/// file never reaches a terminal, a spreadsheet or a log as a raw control character.
class fd_buffer : public std::streambuf {
public:
    /// `owned`: close `fd` in close().
    fd_buffer(int fd, bool owned) noexcept : fd_{fd}, owned_{owned} { setp(buffer_.data(), buffer_.data() + buffer_.size()); }
    fd_buffer(const fd_buffer&) = delete;
    fd_buffer& operator=(const fd_buffer&) = delete;
    ~fd_buffer() override { close(); }

    /// The errno of the first failed write or close; 0 while every byte went out.
    [[nodiscard]] int error() const noexcept { return error_; }

    /// Writes what is buffered and closes the descriptor when owned; false when anything failed.
    bool close() noexcept
    {
        flush_buffer();
        if (owned_ && fd_ >= 0) {
            // close() reports what a network or delayed-allocation file system found late.
            if (::close(fd_) != 0 && error_ == 0 && errno != EINTR) error_ = errno;
            fd_ = -1;
        }
        return error_ == 0;
    }

protected:
    int_type overflow(int_type c) override
    {
        if (!flush_buffer()) return traits_type::eof();
        if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
        *pptr() = traits_type::to_char_type(c);
        pbump(1);
        return c;
    }

    int sync() override { return flush_buffer() ? 0 : -1; }

private:
    bool flush_buffer() noexcept
    {
        const std::size_t pending = static_cast<std::size_t>(pptr() - pbase());
        setp(buffer_.data(), buffer_.data() + buffer_.size());
        if (error_ != 0) return false;
        return pending == 0 || write_all(buffer_.data(), pending);
    }

    bool write_all(const char* p, std::size_t n) noexcept
    {
        while (n > 0) {
            const std::size_t plain = first_escaped(p, n);
            if (!write_raw(p, plain)) return false;
            if (plain == n) return true;
            static constexpr std::string_view hex = "0123456789ABCDEF";
            const auto c = static_cast<unsigned char>(p[plain]);
            const std::array<char, 4> escape{'\\', 'x', hex[c >> 4U], hex[c & 0xFU]};
            if (!write_raw(escape.data(), escape.size())) return false;
            p += plain + 1;
            n -= plain + 1;
        }
        return true;
    }

    bool write_raw(const char* p, std::size_t n) noexcept
    {
        while (n > 0) {
            const ::ssize_t written = ::write(fd_, p, n);
            if (written < 0) {
                if (errno == EINTR) continue;
                error_ = errno;
                return false;
            }
            p += written;
            n -= static_cast<std::size_t>(written);
        }
        return true;
    }

    int fd_;
    bool owned_;
    int error_ = 0;
    std::array<char, std::size_t{1} << 16> buffer_{};
};

/// A std::ostream over an fd_buffer.
class fd_ostream : public std::ostream {
public:
    fd_ostream(int fd, bool owned) : std::ostream{nullptr}, buffer_{fd, owned} { rdbuf(&buffer_); }
    [[nodiscard]] int error() const noexcept { return buffer_.error(); }
    bool close() noexcept { return buffer_.close(); }

private:
    fd_buffer buffer_;
};

/// Whether a failed write means the reader went away (a closed pipe), which is its choice.
[[nodiscard]] constexpr bool reader_left(int error_number) noexcept { return error_number == EPIPE; }

/// A command's output: stdout (the stream main gives it), or the file `-o FILE` names; `-o -` is
/// stdout too.
class output_choice {
public:
    /// The value of `-o`.
    void set(std::string_view path) { path_ = std::string{path}; }
    [[nodiscard]] bool given() const noexcept { return path_.has_value(); }
    /// The file's name, or "stdout".
    [[nodiscard]] std::string name() const { return to_file() ? *path_ : std::string{"stdout"}; }

    /// The stream to write to. A file is created (or truncated) now; output_error when it cannot be.
    [[nodiscard]] std::ostream& open(std::ostream& standard)
    {
        if (!to_file()) return standard;
        const int fd = ::open(path_->c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
        if (fd < 0) throw output_error{*path_ + ": cannot be written: " + reason_of(errno)};
        struct ::stat info {};
        regular_ = ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode);
        file_.emplace(fd, true);
        return *file_;
    }

    /// Writes out what is buffered and closes a file; output_error naming it and why when a write
    /// failed (a regular file then is removed: what is left of it is not the output). stdout is
    /// checked by main.
    void finish()
    {
        if (!file_) return;
        if (file_->close()) return;
        const int error_number = file_->error();
        if (reader_left(error_number)) return;
        if (regular_) {
            std::error_code ignored;
            std::filesystem::remove(*path_, ignored);
        }
        throw output_error{*path_ + ": cannot be written: " + reason_of(error_number)};
    }

private:
    [[nodiscard]] bool to_file() const noexcept { return path_ && *path_ != "-"; }

    std::optional<std::string> path_;
    std::optional<fd_ostream> file_;
    bool regular_ = false;
};

}  // namespace toll_cli
