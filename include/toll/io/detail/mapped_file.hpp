#pragma once
// A file's bytes for the streaming CSV path (toll/io/reconcile_csv.hpp): mapped where the system
// can map it, so that pages already read can be given back as reading moves on and a large file
// never sits in memory whole; read into a string elsewhere.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

#include <toll/io/csv.hpp>

#if defined(__unix__) || defined(__APPLE__)
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#define TOLL_MAPPED_FILE_MMAP 1
#endif

namespace toll::detail {

[[nodiscard]] inline std::size_t page_size() noexcept
{
#if defined(TOLL_MAPPED_FILE_MMAP)
    return static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
#else
    return 4096;
#endif
}

[[nodiscard]] inline std::size_t round_up_to_page(std::size_t offset) noexcept
{
    const std::size_t page = page_size();
    return (offset + page - 1) / page * page;
}

/// Gives back the whole pages inside [from, to) of a mapping or buffer that is read no more: the
/// system may drop them, and a private mapping reads them again from the file if touched.
inline void give_back(const void* from, const void* to) noexcept
{
#if defined(TOLL_MAPPED_FILE_MMAP)
    const std::size_t page = page_size();
    const auto begin = (reinterpret_cast<std::uintptr_t>(from) + page - 1) / page * page;
    const auto end = reinterpret_cast<std::uintptr_t>(to) / page * page;
    if (begin < end) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_DONTNEED);
#else
    (void)from;
    (void)to;
#endif
}

/// A file's bytes, mapped read-only when possible. Not copyable.
class mapped_file {
public:
    /// Throws std::runtime_error naming the file when it cannot be opened or read.
    explicit mapped_file(const std::filesystem::path& path)
    {
#if defined(TOLL_MAPPED_FILE_MMAP)
        const int fd = ::open(path.c_str(), O_RDONLY);
        if (fd < 0) throw std::runtime_error{"toll: cannot open " + path.string()};
        struct stat st {};
        if (::fstat(fd, &st) != 0) {
            ::close(fd);
            throw std::runtime_error{"toll: cannot read " + path.string()};
        }
        size_ = static_cast<std::size_t>(st.st_size);
        if (size_ != 0) {
            void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
            if (p != MAP_FAILED) {
                data_ = static_cast<const char*>(p);
                mapped_ = true;
                ::madvise(p, size_, MADV_SEQUENTIAL);
            }
        }
        ::close(fd);
        if (mapped_ || size_ == 0) return;
#endif
        // Not mappable (a pipe, a special file) or no mmap here: read it whole.
        owned_ = read_text_file(path);
        data_ = owned_.data();
        size_ = owned_.size();
    }
    mapped_file(const mapped_file&) = delete;
    mapped_file& operator=(const mapped_file&) = delete;
    ~mapped_file()
    {
#if defined(TOLL_MAPPED_FILE_MMAP)
        if (mapped_) ::munmap(const_cast<char*>(data_), size_);
#endif
    }

    [[nodiscard]] std::string_view text() const noexcept { return {data_, size_}; }
    /// Whether text() is a mapping, whose read pages may be given back (give_back).
    [[nodiscard]] bool mapped() const noexcept { return mapped_; }

private:
    const char* data_ = nullptr;
    std::size_t size_ = 0;
    bool mapped_ = false;
    std::string owned_;
};

}  // namespace toll::detail
