#pragma once
// How the `toll` commands read their input files: `-` is stdin; a regular file is read whole at
// its size; a pipe, a device or /dev/stdin is read to its end, whatever size it turns out to be.
// A file that cannot be opened says why in the system's words ("permission denied"), and input
// that is not CSV text at all (a NUL byte before the first line ends: /dev/zero, a binary file,
// UTF-16) is refused before it is read to an end that may never come.

#include <array>
#include <cerrno>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output.hpp"

namespace toll_cli {

/// Bad input, already reported on stderr line by line; the message is a one-line summary.
struct input_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// The name an input goes by in messages: the path, or "<stdin>" for `-`.
[[nodiscard]] inline std::string input_name(const std::string& path) { return path == "-" ? std::string{"<stdin>"} : path; }

/// An input file, open for reading; input_error when it cannot be opened or is a directory.
class input_file {
public:
    explicit input_file(const std::string& path) : name_{input_name(path)}
    {
        if (path == "-") {
            fd_ = 0;
        } else {
            do {
                fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
            } while (fd_ < 0 && errno == EINTR);
            if (fd_ < 0) {
                if (errno == ENOENT) throw input_error{name_ + ": no such file"};
                throw input_error{name_ + ": cannot be read: " + reason_of(errno)};
            }
            owned_ = true;
        }
        struct ::stat info {};
        if (::fstat(fd_, &info) != 0) fail(errno);
        if (S_ISDIR(info.st_mode)) {
            close();
            throw input_error{name_ + ": is a directory, not a CSV file"};
        }
        regular_ = S_ISREG(info.st_mode);
        if (regular_) size_ = static_cast<std::size_t>(info.st_size);
    }
    input_file(const input_file&) = delete;
    input_file& operator=(const input_file&) = delete;
    ~input_file() { close(); }

    [[nodiscard]] const std::string& name() const noexcept { return name_; }
    /// A regular file (its size known, and it can be mapped); not a pipe or a device.
    [[nodiscard]] bool regular() const noexcept { return regular_; }
    /// The size of a regular file; 0 for the others.
    [[nodiscard]] std::size_t size() const noexcept { return size_; }

    /// Every byte to the end. input_error when a read fails, or when a NUL byte comes before the
    /// first line end (see the top of this header).
    [[nodiscard]] std::string read_all()
    {
        std::string text;
        if (regular_) text.reserve(size_ + 1);
        std::array<char, std::size_t{1} << 16> chunk{};
        bool first_line_ended = false;
        while (true) {
            const ::ssize_t got = ::read(fd_, chunk.data(), chunk.size());
            if (got < 0) {
                if (errno == EINTR) continue;
                fail(errno);
            }
            if (got == 0) break;
            const std::string_view piece{chunk.data(), static_cast<std::size_t>(got)};
            if (!first_line_ended) first_line_ended = check_first_line(piece, text.size());
            text += piece;
        }
        return text;
    }

private:
    [[noreturn]] void fail(int error_number)
    {
        close();
        throw input_error{name_ + ": cannot be read: " + reason_of(error_number)};
    }

    // True once `piece` (at `offset` in the input) holds the first line end; throws at a NUL before it.
    [[nodiscard]] bool check_first_line(std::string_view piece, std::size_t offset) const
    {
        for (std::size_t i = 0; i < piece.size(); ++i) {
            const char c = piece[i];
            if (c == '\n' || c == '\r') return true;
            if (c != '\0') continue;
            // A UTF-16 byte order mark, or ASCII text with every other byte NUL.
            const bool utf16 = offset == 0 && piece.size() >= 2 &&
                               ((piece[0] == '\xFF' && piece[1] == '\xFE') || (piece[0] == '\xFE' && piece[1] == '\xFF') ||
                                ((piece[0] == '\0') != (piece[1] == '\0')));
            throw input_error{name_ + ": not a CSV text file: byte " + std::to_string(offset + i + 1) +
                              " is a NUL, before the first line ends" +
                              (utf16 ? " (if it is UTF-16 text, save it as UTF-8)" : "")};
        }
        return false;
    }

    void close() noexcept
    {
        if (owned_ && fd_ >= 0) ::close(fd_);
        fd_ = -1;
        owned_ = false;
    }

    std::string name_;
    int fd_ = -1;
    bool owned_ = false;
    bool regular_ = false;
    std::size_t size_ = 0;
};

/// The whole text of the input `path` (`-`: stdin).
[[nodiscard]] inline std::string read_input_file(const std::string& path) { return input_file{path}.read_all(); }

}  // namespace toll_cli
