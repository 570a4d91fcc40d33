#pragma once
// Finding the rows of the streaming CSV path (toll/io/reconcile_csv.hpp) whose id an earlier row
// already has, in one sort of (hash, row) pairs rather than a hash set of millions of strings.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include <toll/detail/huge_pages.hpp>
#include <toll/io/detail/interning.hpp>

namespace toll::detail::bulk_csv {

// By bits 28-63 (the hash; the index below them stays in order): three stable passes.
inline void radix_sort_by_hash(big_vector<std::uint64_t>& v)
{
    big_vector<std::uint64_t> tmp(v.size());
    std::vector<std::size_t> counts((std::size_t{1} << 12) + 1);
    for (unsigned shift = 28; shift < 64; shift += 12) {
        std::fill(counts.begin(), counts.end(), 0);
        for (const std::uint64_t x : v) ++counts[((x >> shift) & 0xFFF) + 1];
        for (std::size_t i = 1; i < counts.size(); ++i) counts[i] += counts[i - 1];
        for (const std::uint64_t x : v) tmp[counts[(x >> shift) & 0xFFF]++] = x;
        v.swap(tmp);
    }
}

/// Every row whose id an earlier row has, as (row, first row with that id), by row.
[[nodiscard]] inline std::vector<std::pair<std::uint32_t, std::uint32_t>> repeated_ids(const string_list& ids)
{
    const std::size_t n = ids.size();
    std::vector<std::pair<std::uint32_t, std::uint32_t>> repeats;  // (later, first)
    if (n < 2) return repeats;
    // (hash, index) pairs sorted: equal ids are next to each other.
    big_vector<std::uint64_t> pairs(n);
    for (std::uint32_t i = 0; i < n; ++i) {
        pairs[i] = (hash_bytes(ids[i]) & ~std::uint64_t{0xFFFFFFF}) | i;
    }
    radix_sort_by_hash(pairs);
    for (std::size_t i = 0; i + 1 < n;) {
        std::size_t j = i + 1;
        while (j < n && (pairs[j] >> 28) == (pairs[i] >> 28)) ++j;
        for (std::size_t a = i + 1; a < j; ++a) {
            const auto later = static_cast<std::uint32_t>(pairs[a] & 0xFFFFFFF);
            for (std::size_t b = i; b < a; ++b) {
                const auto earlier = static_cast<std::uint32_t>(pairs[b] & 0xFFFFFFF);
                if (ids[earlier] == ids[later]) {
                    repeats.emplace_back(later, earlier);
                    break;
                }
            }
        }
        i = j;
    }
    std::sort(repeats.begin(), repeats.end());
    return repeats;
}

}  // namespace toll::detail::bulk_csv
