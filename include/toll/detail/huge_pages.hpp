#pragma once
// An allocator for the bulk path's large buffers. Touching fresh memory page by page costs more
// than the reconciliation itself on some machines (measured: ~2 µs per 4 KiB page fault in a
// VM, against ~0.1 µs per 2 MiB page), so on Linux buffers of 4 MiB and more are aligned to 2
// MiB and advised to use transparent huge pages. Elsewhere it is std::allocator.

#include <cstddef>
#include <cstdlib>
#include <memory>
#include <new>
#include <type_traits>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace toll::detail {

template <class T>
struct huge_page_allocator {
    using value_type = T;

    huge_page_allocator() = default;
    template <class U>
    constexpr huge_page_allocator(const huge_page_allocator<U>&) noexcept  // NOLINT: allocators convert implicitly
    {
    }

    [[nodiscard]] T* allocate(std::size_t n)
    {
        if (n > static_cast<std::size_t>(-1) / sizeof(T)) throw std::bad_array_new_length{};
        const std::size_t bytes = n * sizeof(T);
#if defined(__linux__)
        if (bytes >= large) {
            const std::size_t rounded = (bytes + huge - 1) / huge * huge;
            void* p = std::aligned_alloc(huge, rounded);
            if (p == nullptr) throw std::bad_alloc{};
            ::madvise(p, rounded, MADV_HUGEPAGE);  // advice only: failure changes nothing
            return static_cast<T*>(p);
        }
#endif
        return std::allocator<T>{}.allocate(n);
    }

    void deallocate(T* p, std::size_t n) noexcept
    {
#if defined(__linux__)
        if (n * sizeof(T) >= large) {
            std::free(p);
            return;
        }
#endif
        std::allocator<T>{}.deallocate(p, n);
    }

    template <class U>
    friend constexpr bool operator==(const huge_page_allocator&, const huge_page_allocator<U>&) noexcept
    {
        return true;
    }

private:
    static constexpr std::size_t huge = std::size_t{2} << 20;
    static constexpr std::size_t large = std::size_t{4} << 20;
};

/// A vector whose large buffers use huge pages where available.
template <class T>
using big_vector = std::vector<T, huge_page_allocator<T>>;

/// Room for `size` values of an implicit-lifetime type, left unwritten: a big_vector would write
/// every value first, on one thread, and the first touch of fresh pages is what costs (above).
template <class T>
class big_buffer {
    static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);

public:
    explicit big_buffer(std::size_t size) : data_{huge_page_allocator<T>{}.allocate(size)}, size_{size} {}
    big_buffer(const big_buffer&) = delete;
    big_buffer& operator=(const big_buffer&) = delete;
    ~big_buffer() { huge_page_allocator<T>{}.deallocate(data_, size_); }

    [[nodiscard]] T* data() noexcept { return data_; }
    [[nodiscard]] T& operator[](std::size_t i) noexcept { return data_[i]; }

private:
    T* data_;
    std::size_t size_;
};

}  // namespace toll::detail
