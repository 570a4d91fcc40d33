#pragma once
// Finding the rows of the streaming CSV path (toll/io/reconcile_csv.hpp) whose id an earlier row
// already has: (hash, row) words put in buckets by their hash's top bits and each bucket sorted
// on its own, rather than a hash set of millions of strings. Every step runs on several threads.

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include <toll/detail/huge_pages.hpp>
#include <toll/detail/on_threads.hpp>
#include <toll/io/detail/interning.hpp>

namespace toll::detail::bulk_csv {

/// Every row whose id an earlier row has, as (row, first row with that id), by row; on up to
/// `threads` threads.
[[nodiscard]] inline std::vector<std::pair<std::uint32_t, std::uint32_t>> repeated_ids(const string_list& ids, std::size_t threads = 1)
{
    const std::size_t n = ids.size();
    std::vector<std::pair<std::uint32_t, std::uint32_t>> repeats;  // (later, first)
    if (n < 2) return repeats;
    // Each row's word: its id's hash in bits 28-63, the row in bits 0-27 (rows < 2^28), so
    // sorting the words puts equal ids next to each other, earlier rows first.
    constexpr int index_bits = 28;
    constexpr std::uint64_t index_mask = (std::uint64_t{1} << index_bits) - 1;
    // Buckets by the hash's top bits, about 2,000 words each (at 10 million rows 4,096 buckets,
    // the most; a small file has one): a bucket fits the cache.
    const int bucket_bits = std::clamp(static_cast<int>(std::bit_width(n)) - 11, 0, 12);
    const std::size_t buckets = std::size_t{1} << bucket_bits;
    const auto bucket_of = [bucket_bits](std::uint64_t word) { return bucket_bits == 0 ? std::size_t{0} : static_cast<std::size_t>(word >> (64 - bucket_bits)); };
    constexpr std::size_t rows_per_thread = std::size_t{1} << 16;  // fewer: not worth a thread
    threads = std::clamp<std::size_t>(n / rows_per_thread, 1, std::max<std::size_t>(threads, 1));
    const auto stretch = [&](std::size_t t) { return std::pair{n * t / threads, n * (t + 1) / threads}; };

    // Thread t hashes rows [first, last) and counts its words per bucket ...
    big_vector<std::uint64_t> words(n);
    std::vector<std::vector<std::size_t>> place(threads, std::vector<std::size_t>(buckets, 0));
    toll::detail::on_threads(threads, [&](std::size_t t) {
        const auto [first, last] = stretch(t);
        for (std::size_t i = first; i < last; ++i) {
            words[i] = (hash_bytes(ids[static_cast<std::uint32_t>(i)]) & ~index_mask) | i;
            ++place[t][bucket_of(words[i])];
        }
    });
    // ... which become where each thread's words of each bucket go (buckets in order) ...
    std::vector<std::size_t> bucket_start(buckets + 1, 0);
    for (std::size_t b = 0, at = 0; b < buckets; ++b) {
        bucket_start[b] = at;
        for (std::size_t t = 0; t < threads; ++t) at += std::exchange(place[t][b], at);
    }
    bucket_start[buckets] = n;
    // ... and puts them there. Then each bucket is sorted and its equal hashes compared as ids.
    big_vector<std::uint64_t> sorted(n);
    toll::detail::on_threads(threads, [&](std::size_t t) {
        const auto [first, last] = stretch(t);
        for (std::size_t i = first; i < last; ++i) sorted[place[t][bucket_of(words[i])]++] = words[i];
    });
    big_vector<std::uint64_t>{}.swap(words);
    std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> found(threads);
    toll::detail::on_threads(threads, [&](std::size_t t) {
        std::vector<std::uint64_t> a;
        std::vector<std::uint64_t> b;
        for (std::size_t bucket = buckets * t / threads; bucket < buckets * (t + 1) / threads; ++bucket) {
            // The bucket's words come in row order; stable passes by the hash's bits below the
            // bucket's, 8 at a time, put equal hashes next to each other, earlier rows first.
            if (bucket_start[bucket + 1] - bucket_start[bucket] < 2) continue;
            a.assign(sorted.data() + bucket_start[bucket], sorted.data() + bucket_start[bucket + 1]);
            b.resize(a.size());
            for (int shift = index_bits; shift < 64 - bucket_bits; shift += 8) {
                std::array<std::uint32_t, 257> count{};
                for (const std::uint64_t w : a) ++count[((w >> shift) & 0xFF) + 1];
                for (std::size_t i = 1; i < count.size(); ++i) count[i] += count[i - 1];
                for (const std::uint64_t w : a) b[count[(w >> shift) & 0xFF]++] = w;
                a.swap(b);
            }
            const std::uint64_t* const end = a.data() + a.size();
            for (const std::uint64_t* i = a.data(); i != end;) {
                const std::uint64_t* j = i + 1;
                while (j != end && (*j >> index_bits) == (*i >> index_bits)) ++j;
                for (const std::uint64_t* later_word = i + 1; later_word < j; ++later_word) {
                    const auto later = static_cast<std::uint32_t>(*later_word & index_mask);
                    for (const std::uint64_t* e = i; e < later_word; ++e) {
                        const auto earlier = static_cast<std::uint32_t>(*e & index_mask);
                        if (ids[earlier] == ids[later]) {
                            found[t].emplace_back(later, earlier);
                            break;
                        }
                    }
                }
                i = j;
            }
        }
    });
    for (const auto& f : found) repeats.insert(repeats.end(), f.begin(), f.end());
    std::sort(repeats.begin(), repeats.end());
    return repeats;
}

}  // namespace toll::detail::bulk_csv
