#pragma once
// The compact path for millions of claims: each claim as a 32-byte record with its key and
// origin interned to dense integers, grouped by radix partitioning into cache-sized partitions
// (never a hash map of vectors), each key reduced to a fixed-size summary. It computes what the
// claim-level `reconcile` computes (same readings, same supersession, same bounds, ties towards
// the smaller claim index) and keeps full provenance: the claim that sets each bound, and the
// fate of every record.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <toll/claim.hpp>
#include <toll/detail/huge_pages.hpp>
#include <toll/detail/summary.hpp>
#include <toll/policy.hpp>
#include <toll/provenance.hpp>
#include <toll/reconcile.hpp>

namespace toll::bulk {

/// One claim in 32 bytes.
struct record {
    std::uint32_t key = 0;     ///< interned key, dense from 0
    std::uint32_t origin = 0;  ///< interned origin (name and kind)
    std::uint32_t claim = 0;   ///< the claim's index; indices are 0 … n−1, each once
    std::uint32_t day = 0;     ///< report day (Boost day number), 0 when undated
    std::uint64_t low_and_flags = 0;
    count_type high = detail::unbounded;

    static constexpr int flag_shift = 56;
    static constexpr std::uint64_t caps_flag = std::uint64_t{1} << 56;
    static constexpr std::uint64_t unknown_flag = std::uint64_t{1} << 57;
    static constexpr int exclusion_shift = 58;  ///< 4 bits: 0 admissible, else 1 + toll::exclusion
    static constexpr std::uint64_t low_mask = (std::uint64_t{1} << 40) - 1;  // max_count < 2^40

    [[nodiscard]] constexpr count_type low() const noexcept { return low_and_flags & low_mask; }
    [[nodiscard]] constexpr bool caps() const noexcept { return (low_and_flags & caps_flag) != 0; }
    [[nodiscard]] constexpr bool unknown() const noexcept { return (low_and_flags & unknown_flag) != 0; }
    /// 0 when admissible, else 1 + the exclusion decided from the claim alone.
    [[nodiscard]] constexpr std::uint8_t exclusion_code() const noexcept
    {
        return static_cast<std::uint8_t>((low_and_flags >> exclusion_shift) & 0xF);
    }
};
static_assert(sizeof(record) == 32);

/// The record of claim number `index` of `c`, read under `p` (and the as-of date, when given).
[[nodiscard]] inline record make_record(std::uint32_t key, std::uint32_t origin, std::uint32_t index, const claim& c,
                                        const policy& p, std::optional<boost::gregorian::date> as_of = std::nullopt)
{
    record r{key, origin, index, detail::day_key(c.reported), 0, detail::unbounded};
    std::optional<exclusion> why;
    if (!detail::is_valid(c)) why = exclusion::invalid;
    else if (!p.admitted.contains(c.source.origin.kind)) why = exclusion::source_not_admitted;
    else if (p.exclude_adversary_claims && is_about_adversary(c)) why = exclusion::adversary_claim;
    else if (as_of && c.reported.is_special()) why = exclusion::undated;
    else if (as_of && c.reported > *as_of) why = exclusion::reported_after;
    if (why) r.low_and_flags |= std::uint64_t{1U + static_cast<unsigned>(*why)} << record::exclusion_shift;
    if (const auto reading = detail::read(c.figure, p)) {
        r.low_and_flags |= reading->low;
        r.high = reading->high;
        if (reading->caps) r.low_and_flags |= record::caps_flag;
    } else {
        r.low_and_flags |= record::unknown_flag;
    }
    return r;
}

/// What became of one record: used (code 0) or excluded (code 1 + toll::exclusion), and for a
/// superseded or relayed record the claim counted instead.
struct fate {
    std::uint32_t counted_instead = detail::nobody;
    std::uint8_t code = 0;

    [[nodiscard]] constexpr bool used() const noexcept { return code == 0; }
    [[nodiscard]] constexpr std::optional<toll::exclusion> exclusion() const noexcept
    {
        if (code == 0) return std::nullopt;
        return static_cast<toll::exclusion>(code - 1);
    }
};

/// A key's result: its summary names claims by index (the smallest index among ties).
struct key_result {
    std::uint32_t key = 0;
    detail::summary summary;

    [[nodiscard]] constexpr toll::status status() const noexcept
    {
        switch (summary.status()) {
        case detail::summary_status::consistent: return status::consistent;
        case detail::summary_status::conflicting: return status::conflicting;
        case detail::summary_status::zero: return status::zero;
        case detail::summary_status::unknown: break;
        }
        return status::unknown;
    }
};

struct result {
    /// One per key that has a record, sorted by key.
    detail::big_vector<key_result> keys;
    /// Indexed by claim index.
    detail::big_vector<fate> fates;
};

namespace detail {

inline constexpr std::uint8_t superseded_code = 1 + static_cast<std::uint8_t>(exclusion::superseded);
inline constexpr std::uint8_t relayed_code = 1 + static_cast<std::uint8_t>(exclusion::relayed);

// Within one origin, the counted record comes first: latest day, then smallest claim index.
[[nodiscard]] inline bool before(const record& a, const record& b) noexcept
{
    if (a.origin != b.origin) return a.origin < b.origin;
    if (a.day != b.day) return a.day > b.day;
    return a.claim < b.claim;
}

inline void add_record(toll::detail::summary& s, const record& r) noexcept
{
    if (r.unknown()) {
        ++s.unknowns;
        return;
    }
    toll::detail::add(s, toll::detail::reading{r.low(), r.high, r.caps()}, r.claim);
}

/// Reduces the records of one key (reordering them) into its summary, and writes their fates.
inline toll::detail::summary reduce_key(record* first, record* last, fate* fates) noexcept
{
    toll::detail::summary s;
    if (last - first == 1) {  // the common case: one claim, nothing to deduplicate
        const std::uint8_t code = first->exclusion_code();
        fates[first->claim] = fate{toll::detail::nobody, code};
        if (code == 0) add_record(s, *first);
        return s;
    }
    // Admissible records to the front, then by origin with each origin's counted record first.
    record* admissible_end = std::partition(first, last, [](const record& r) { return r.exclusion_code() == 0; });
    for (record* r = admissible_end; r != last; ++r) fates[r->claim] = fate{toll::detail::nobody, r->exclusion_code()};
    const auto n = admissible_end - first;
    if (n <= 16) {
        for (record* i = first + 1; i < admissible_end; ++i) {  // insertion sort: keys are small
            const record moving = *i;
            record* j = i;
            for (; j > first && before(moving, *(j - 1)); --j) *j = *(j - 1);
            *j = moving;
        }
    } else {
        std::sort(first, admissible_end, before);
    }
    for (record* r = first; r < admissible_end;) {
        const record& counted = *r;
        fates[counted.claim] = fate{toll::detail::nobody, 0};
        add_record(s, counted);
        for (++r; r < admissible_end && r->origin == counted.origin; ++r) {
            fates[r->claim] = fate{counted.claim, r->day < counted.day ? superseded_code : relayed_code};
        }
    }
    return s;
}

[[nodiscard]] inline unsigned bits_for(std::uint64_t n) noexcept
{
    unsigned bits = 0;
    while ((std::uint64_t{1} << bits) < n) ++bits;
    return bits;
}

}  // namespace detail

/// Reconciles records already grouped by key (every key's records contiguous, keys ascending).
/// The records are reordered within each key.
[[nodiscard]] inline result reconcile_grouped(std::span<record> records)
{
    result out;
    out.fates.resize(records.size());
    record* const end = records.data() + records.size();
    std::size_t keys = 0;
    for (const record* r = records.data(); r != end; ++r) keys += (r == records.data() || r->key != (r - 1)->key) ? 1U : 0U;
    out.keys.reserve(keys);
    for (record* first = records.data(); first != end;) {
        record* last = first + 1;
        while (last != end && last->key == first->key) ++last;
        out.keys.push_back({first->key, detail::reduce_key(first, last, out.fates.data())});
        first = last;
    }
    return out;
}

/// Reconciles records in any order. Keys must be below `key_count` and claim indices a
/// permutation of 0 … n−1 (std::invalid_argument otherwise). Records are grouped by two passes
/// of counting sort: into partitions of about `partition_records` records by the key's high
/// bits, then by key inside each partition while it sits in cache.
[[nodiscard]] inline result reconcile(std::span<const record> records, std::uint32_t key_count,
                                      std::size_t partition_records = 16'384)
{
    const std::size_t n = records.size();
    result out;
    out.fates.resize(n);
    if (n == 0) return out;
    for (const record& r : records) {
        if (r.key >= key_count || r.claim >= n) throw std::invalid_argument("toll::bulk::reconcile: key or claim index out of range");
    }

    const unsigned key_bits = detail::bits_for(key_count);
    const unsigned partition_bits = std::min(key_bits, detail::bits_for((n + partition_records - 1) / partition_records));
    const unsigned shift = key_bits - partition_bits;
    const std::size_t partitions = std::size_t{1} << partition_bits;

    // Pass 1: scatter into partitions by the key's high bits.
    std::vector<std::size_t> starts(partitions + 1, 0);
    for (const record& r : records) ++starts[(r.key >> shift) + 1];
    for (std::size_t p = 0; p < partitions; ++p) starts[p + 1] += starts[p];
    toll::detail::big_vector<record> partitioned(n);
    {
        std::vector<std::size_t> next(starts.begin(), starts.end() - 1);
        for (const record& r : records) partitioned[next[r.key >> shift]++] = r;
    }

    // Pass 2: inside each partition, group by key with a counting sort, then reduce each key.
    const std::size_t keys_per_partition = std::size_t{1} << shift;
    std::vector<std::uint32_t> counts(keys_per_partition + 1);
    std::vector<record> grouped;
    out.keys.reserve(std::min<std::size_t>(n, key_count));
    for (std::size_t p = 0; p < partitions; ++p) {
        const std::size_t size = starts[p + 1] - starts[p];
        if (size == 0) continue;
        const record* in = partitioned.data() + starts[p];
        const std::uint32_t base = static_cast<std::uint32_t>(p << shift);
        std::fill(counts.begin(), counts.end(), 0U);
        for (std::size_t i = 0; i < size; ++i) ++counts[in[i].key - base + 1];
        for (std::size_t k = 0; k < keys_per_partition; ++k) counts[k + 1] += counts[k];
        grouped.resize(size);
        for (std::size_t i = 0; i < size; ++i) grouped[counts[in[i].key - base]++] = in[i];
        record* first = grouped.data();
        record* const end = first + size;
        while (first != end) {
            record* last = first + 1;
            while (last != end && last->key == first->key) ++last;
            out.keys.push_back({first->key, detail::reduce_key(first, last, out.fates.data())});
            first = last;
        }
    }
    return out;
}

}  // namespace toll::bulk
