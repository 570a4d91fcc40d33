#pragma once
// The keys of the streaming CSV path (toll/io/reconcile_csv.hpp): a key packed into 16 bytes, and
// the hash table that finds a row's key with one cache miss.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string_view>

#include <toll/detail/huge_pages.hpp>
#include <toll/io/detail/interning.hpp>

namespace toll::detail::bulk_csv {

/// A key: event scope, category, group kind, label and party, each interned.
struct packed_key {
    std::uint32_t scope = 0;
    std::uint32_t label = 0;
    std::uint32_t party = 0;
    std::uint8_t category = 0;
    std::uint8_t kind = 0;
    std::uint16_t unused = 0;

    friend bool operator==(const packed_key&, const packed_key&) = default;
};
static_assert(sizeof(packed_key) == 16);

[[nodiscard]] inline std::uint64_t hash_key(const packed_key& k) noexcept
{
    return mix((std::uint64_t{k.scope} << 32 | k.label) * 0x9E3779B97F4A7C15ull ^
               (std::uint64_t{k.party} << 16 | std::uint64_t{k.category} << 8 | k.kind));
}

/// The keys seen so far, each in its hash slot with its scope's text when that is short, so a
/// row's key costs one cache miss. Slots are 32 bytes (two per cache line) and the table is kept
/// at most 4/5 full, at any size (not only powers of two), to keep it small.
class key_slots {
public:
    struct slot {
        std::array<char, 16> scope{};  // the scope's first 16 bytes, zero padded
        std::uint32_t scope_size = 0;
        std::uint32_t group = 0;  // category, kind, label and party, numbered together
        std::uint32_t id = 0;     // the key's number + 1; 0: an empty slot
        std::uint32_t unused = 0;
    };
    static_assert(sizeof(slot) == 32);

    /// A small table that grows straight to room for `expected_keys` once it fills: a part of a
    /// file whose rows turn out not to be keys (the inside of a quoted value) costs little.
    explicit key_slots(std::size_t expected_keys = 0) : expected_size_{expected_keys + expected_keys / 4} { resize(1024); }
    void clear_memory() { big_vector<slot>{}.swap(slots_); }

    /// A key looked for: its slot is fetched into the cache while the row's other values are read.
    struct probe {
        std::string_view scope;
        std::uint32_t group = 0;
        std::array<char, 16> head{};
        std::uint64_t hash = 0;
        std::size_t place = 0;
        std::size_t table_size = 0;  // the place is the slot's while the table has this size
    };
    [[nodiscard]] probe look_for(std::string_view scope, std::uint32_t group) const noexcept
    {
        probe p{scope, group, {}, 0, 0, slots_.size()};
        std::memcpy(p.head.data(), scope.data(), std::min(scope.size(), p.head.size()));
        p.hash = hash_of(p.head, scope.size(), group);
        p.place = place(p.hash, slots_.size());
#if defined(__GNUC__)
        __builtin_prefetch(slots_.data() + p.place);
#endif
        return p;
    }

    /// The number of the key looked for, or make()'s new number, stored (or only made, when
    /// `store` is false: the table is then asked no more). `scope_of(id)` is a stored key's whole
    /// scope, read when one longer than 16 bytes matches the first 16.
    template <class Make, class ScopeOf>
    std::uint32_t find_or_add(const probe& p, Make&& make, ScopeOf&& scope_of, bool store = true)
    {
        const std::size_t i = slot_of(p, scope_of);
        if (slots_[i].id != 0) return slots_[i].id - 1;
        const std::uint32_t id = make();
        if (store) {
            slots_[i] = slot{p.head, static_cast<std::uint32_t>(p.scope.size()), p.group, id + 1, 0};
            if (++count_ * 5 > slots_.size() * 4) grow();
        }
        return id;
    }

    static constexpr std::uint32_t absent = ~std::uint32_t{0};
    /// The number of the key looked for, or `absent`; changes nothing, so threads may look at once.
    template <class ScopeOf>
    [[nodiscard]] std::uint32_t find(const probe& p, ScopeOf&& scope_of) const
    {
        return slots_[slot_of(p, scope_of)].id - 1;  // an empty slot's 0 becomes absent
    }

private:
    // The slot holding the key looked for, or the empty one where it would go.
    template <class ScopeOf>
    [[nodiscard]] std::size_t slot_of(const probe& p, ScopeOf& scope_of) const
    {
        std::size_t i = p.table_size == slots_.size() ? p.place : place(p.hash, slots_.size());
        while (true) {
            const slot& s = slots_[i];
            if (s.id == 0) return i;
            if (s.scope_size == p.scope.size() && s.group == p.group && s.scope == p.head &&
                (p.scope.size() <= p.head.size() || scope_of(s.id - 1) == p.scope)) {
                return i;
            }
            if (++i == slots_.size()) i = 0;
        }
    }

    [[nodiscard]] static std::size_t place(std::uint64_t h, std::size_t size) noexcept
    {
        return static_cast<std::size_t>((h >> 32) * size >> 32);  // h's top half scaled to [0, size)
    }
    // Over the first 16 bytes only: that is all a slot holds of a long scope.
    [[nodiscard]] static std::uint64_t hash_of(const std::array<char, 16>& head, std::size_t size, std::uint32_t group) noexcept
    {
        return hash_bytes(std::string_view{head.data(), head.size()}) ^ mix(std::uint64_t{group} << 32 ^ size);
    }
    void resize(std::size_t size)
    {
        if (size >= (std::size_t{1} << 32)) throw std::length_error("toll::claims_csv_reconciler: too many keys");
        big_vector<slot> old(size);
        old.swap(slots_);
        for (const slot& s : old) {
            if (s.id == 0) continue;
            std::size_t i = place(hash_of(s.scope, s.scope_size, s.group), slots_.size());
            while (slots_[i].id != 0) {
                if (++i == slots_.size()) i = 0;
            }
            slots_[i] = s;
        }
    }
    void grow() { resize(std::max(slots_.size() + slots_.size() / 2, expected_size_)); }

    big_vector<slot> slots_;
    std::size_t count_ = 0;
    std::size_t expected_size_;
};

}  // namespace toll::detail::bulk_csv
