#pragma once
// Strings numbered densely, for the streaming CSV path (toll/io/reconcile_csv.hpp): a fast hash,
// pools that store strings end to end with 4-byte offsets, and an interner that numbers
// distinct strings in order of first arrival.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#include <toll/detail/huge_pages.hpp>

namespace toll::detail::bulk_csv {

[[nodiscard]] inline std::uint64_t mix(std::uint64_t h) noexcept
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return h;
}

[[nodiscard]] inline std::uint64_t hash_bytes(std::string_view s) noexcept
{
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
    const char* p = s.data();
    std::size_t n = s.size();
    const auto load = [](const char* at, std::size_t bytes) {
        std::uint64_t w = 0;
        std::memcpy(&w, at, bytes);
        return w;
    };
    while (n > 8) {
        h = (h ^ load(p, 8)) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 29;
        p += 8;
        n -= 8;
    }
    // The last 1 to 8 bytes as two loads of fixed size that may overlap (the size is in h), not
    // a copy of a variable number of bytes, which is a call.
    std::uint64_t w = 0;
    if (n >= 4) w = load(p, 4) << 32 | load(p + n - 4, 4);
    else if (n != 0) w = load(p, 1) << 16 | load(p + n / 2, 1) << 8 | load(p + n - 1, 1);
    h = (h ^ w) * 0xbf58476d1ce4e5b9ull;
    return mix(h);
}

/// a == b, without a call for the short strings a row's values are.
[[nodiscard]] inline bool same_bytes(std::string_view a, std::string_view b) noexcept
{
    if (a.size() != b.size()) return false;
    const char* p = a.data();
    const char* q = b.data();
    std::size_t n = a.size();
    for (; n >= 8; n -= 8, p += 8, q += 8) {
        std::uint64_t x = 0;
        std::uint64_t y = 0;
        std::memcpy(&x, p, 8);
        std::memcpy(&y, q, 8);
        if (x != y) return false;
    }
    for (; n != 0; --n) {
        if (*p++ != *q++) return false;
    }
    return true;
}

/// Strings stored end to end, numbered in order of arrival; under 4 GiB in all, so that each
/// costs 4 bytes beside its text.
class string_pool {
public:
    static constexpr std::size_t max_bytes = std::numeric_limits<std::uint32_t>::max();

    string_pool() { starts_.push_back(0); }
    void reserve(std::size_t strings, std::size_t bytes)
    {
        starts_.reserve(strings + 1);
        bytes_.reserve(std::min(bytes, max_bytes));
    }
    [[nodiscard]] bool fits(std::string_view s) const noexcept { return s.size() <= max_bytes - used_; }
    std::uint32_t add(std::string_view s)
    {
        if (!fits(s)) throw std::length_error("toll::claims_csv_reconciler: more than 4 GiB of distinct names");
        // bytes_ grows a stretch at a time and used_ says how much of it holds strings: a copy
        // per string, without a vector insert's call for every few bytes.
        if (bytes_.size() - used_ < s.size()) bytes_.resize(std::max(used_ + s.size(), std::min(max_bytes, bytes_.size() + stretch)));
        if (!s.empty()) std::memcpy(bytes_.data() + used_, s.data(), s.size());
        used_ += s.size();
        starts_.push_back(static_cast<std::uint32_t>(used_));
        return static_cast<std::uint32_t>(starts_.size() - 2);
    }
    [[nodiscard]] std::string_view operator[](std::uint32_t i) const noexcept
    {
        return {bytes_.data() + starts_[i], static_cast<std::size_t>(starts_[i + 1] - starts_[i])};
    }
    [[nodiscard]] std::size_t size() const noexcept { return starts_.size() - 1; }

private:
    static constexpr std::size_t stretch = std::size_t{64} << 10;
    big_vector<char> bytes_;  // [0, used_) holds the strings
    std::size_t used_ = 0;
    big_vector<std::uint32_t> starts_;
};

/// An open-addressing set of dense ids; `equal(id)` says whether id is the one looked for and
/// `hash_of(id)` gives an id's hash back when the table grows.
class id_table {
public:
    id_table() { slots_.assign(1024, 0); }
    void clear_memory() { big_vector<std::uint64_t>{}.swap(slots_); }

    /// The id stored for `hash` that `equal` accepts, or `make()`'s new id, stored.
    template <class Equal, class Make, class HashOf>
    std::uint32_t find_or_add(std::uint64_t hash, Equal&& equal, Make&& make, HashOf&& hash_of)
    {
        const std::size_t i = slot_of(hash, equal);
        if (slots_[i] != 0) return static_cast<std::uint32_t>(slots_[i]) - 1U;
        const std::uint32_t id = make();
        slots_[i] = (hash >> 32) << 32 | (id + 1U);
        if (++count_ * 10 > slots_.size() * 7) grow(hash_of);
        return id;
    }

    static constexpr std::uint32_t absent = ~std::uint32_t{0};
    /// The id stored for `hash` that `equal` accepts, or `absent`; changes nothing.
    template <class Equal>
    [[nodiscard]] std::uint32_t find(std::uint64_t hash, Equal&& equal) const
    {
        return static_cast<std::uint32_t>(slots_[slot_of(hash, equal)]) - 1U;  // an empty slot's 0 becomes absent
    }

private:
    // The slot of the id looked for, or the empty one where it would go.
    template <class Equal>
    [[nodiscard]] std::size_t slot_of(std::uint64_t hash, Equal& equal) const
    {
        const auto tag = static_cast<std::uint32_t>(hash >> 32);
        std::size_t i = static_cast<std::size_t>(hash) & (slots_.size() - 1);
        while (true) {
            const std::uint64_t slot = slots_[i];
            if (slot == 0 || (static_cast<std::uint32_t>(slot >> 32) == tag && equal(static_cast<std::uint32_t>(slot) - 1U))) return i;
            i = (i + 1) & (slots_.size() - 1);
        }
    }

    template <class HashOf>
    void grow(HashOf& hash_of)
    {
        big_vector<std::uint64_t> old(slots_.size() * 2, 0);
        old.swap(slots_);
        for (const std::uint64_t slot : old) {
            if (slot == 0) continue;
            const std::uint64_t h = hash_of(static_cast<std::uint32_t>(slot) - 1U);
            std::size_t i = static_cast<std::size_t>(h) & (slots_.size() - 1);
            while (slots_[i] != 0) i = (i + 1) & (slots_.size() - 1);
            slots_[i] = slot;
        }
    }

    big_vector<std::uint64_t> slots_;  // huge pages: every lookup is a random access
    std::size_t count_ = 0;
};

/// Distinct strings numbered from 0 in order of first arrival.
class interner {
public:
    /// `recent_bits`: the size of the cache of recent strings (0: none, for small sets).
    explicit interner(unsigned recent_bits = 0) : recent_(recent_bits == 0 ? 0 : std::size_t{1} << recent_bits) {}

    std::uint32_t intern(std::string_view s)
    {
        const std::uint64_t h = hash_bytes(s);
        if (recent_.empty()) return find_or_add(h, s);
        // Strings come back soon after they first appear (the rows about one event are near one
        // another): a small direct-mapped cache of short ones saves the table's cache misses.
        recent& r = recent_[static_cast<std::size_t>(h >> 48) & (recent_.size() - 1)];
        if (r.hash == h && r.length == s.size() && std::memcmp(r.text.data(), s.data(), s.size()) == 0) return r.id;
        const std::uint32_t id = find_or_add(h, s);
        if (s.size() <= r.text.size()) {
            r.hash = h;
            r.id = id;
            r.length = static_cast<std::uint8_t>(s.size());
            std::memcpy(r.text.data(), s.data(), s.size());
        }
        return id;
    }
    /// Frees the lookup structures; the strings stay readable.
    void freeze()
    {
        table_.clear_memory();
        std::vector<recent>{}.swap(recent_);
    }
    [[nodiscard]] std::string_view operator[](std::uint32_t id) const noexcept { return pool_[id]; }
    [[nodiscard]] std::size_t size() const noexcept { return pool_.size(); }

private:
    std::uint32_t find_or_add(std::uint64_t h, std::string_view s)
    {
        return table_.find_or_add(
            h, [&](std::uint32_t i) { return same_bytes(pool_[i], s); }, [&] { return pool_.add(s); },
            [this](std::uint32_t i) { return hash_bytes(pool_[i]); });
    }

    struct recent {
        std::uint64_t hash = 0;
        std::uint32_t id = 0;
        std::uint8_t length = 0xFF;
        std::array<char, 19> text{};
    };
    static_assert(sizeof(recent) == 32);
    string_pool pool_;
    id_table table_;
    std::vector<recent> recent_;
};

/// Strings numbered in order of arrival, any number of bytes: string pools one after another (a
/// part's claim ids, or its keys' scopes, and then those of the parts it absorbs, uncopied).
class string_list {
public:
    string_list() : pools_(1) {}
    void reserve(std::size_t strings, std::size_t bytes) { pools_.back().reserve(strings, bytes); }
    void add(std::string_view s)
    {
        if (!pools_.back().fits(s)) {
            firsts_.push_back(size());
            pools_.emplace_back();
        }
        pools_.back().add(s);
    }
    /// Numbers `later`'s strings on after these.
    void append(string_list&& later)
    {
        for (string_pool& p : later.pools_) {
            firsts_.push_back(size());
            pools_.push_back(std::move(p));
        }
    }
    [[nodiscard]] std::size_t size() const noexcept { return firsts_.back() + pools_.back().size(); }
    [[nodiscard]] std::string_view operator[](std::uint32_t i) const noexcept
    {
        if (pools_.size() == 1) return pools_[0][i];
        const auto k = static_cast<std::size_t>(std::upper_bound(firsts_.begin(), firsts_.end(), i) - firsts_.begin()) - 1;
        return pools_[k][static_cast<std::uint32_t>(i - firsts_[k])];
    }

private:
    std::vector<string_pool> pools_;
    std::vector<std::size_t> firsts_ = {0};  // the number of pools_[k]'s first id
};

}  // namespace toll::detail::bulk_csv
