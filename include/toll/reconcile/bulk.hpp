#pragma once
// The compact path for millions of claims: each claim as a 32-byte record with its key and
// origin interned to dense integers, grouped by radix partitioning into cache-sized partitions
// (never a hash map of vectors), each key reduced to a fixed-size result. It runs the rules of
// detail/rules.hpp that the claim-level `reconcile` runs (same readings, relays and revisions,
// bounds and best figures; ties towards the smaller claim index, so claim indices in claim-id
// order give toll::reconcile's results) and keeps full provenance: the claim that sets each bound
// and the best, and the fate of every record.
//
// Outputs are compact because writing them is most of the cost once the input is grouped: a fate
// is 4 bytes, a key's result 56. A `result` and a `workspace` passed back in keep their buffers,
// so a program reconciling batch after batch touches no fresh memory after the first.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <toll/claim.hpp>
#include <toll/detail/huge_pages.hpp>
#include <toll/reconcile/detail/packed_bounds.hpp>
#include <toll/reconcile/detail/rules.hpp>
#include <toll/reconcile/detail/summary.hpp>
#include <toll/reconcile/policy.hpp>
#include <toll/reconcile/provenance.hpp>
#include <toll/reconcile/reconcile.hpp>

namespace toll::bulk {

/// One claim in 32 bytes.
struct record {
    std::uint32_t key = 0;     ///< interned key, dense from 0
    std::uint32_t origin = 0;  ///< interned origin (name and kind)
    std::uint32_t claim = 0;   ///< the claim's index; indices are 0 … n−1, each once
    std::uint32_t day = 0;     ///< report day (rules::report_day: Boost's day number, 0 when undated)
    std::uint64_t low_and_flags = 0;  ///< low (≤ max_count), flags and exclusion code, see below
    count_type high = detail::unbounded;  ///< ≤ max_count, or detail::unbounded; see reading_high()

    static constexpr int flag_shift = 56;
    static constexpr std::uint64_t caps_flag = std::uint64_t{1} << 56;
    static constexpr std::uint64_t unknown_flag = std::uint64_t{1} << 57;
    static constexpr int exclusion_shift = 58;  ///< 4 bits: 0 admissible, else 1 + toll::exclusion
    /// 2 bits: how the figure states its numbers (rules::stated_as). A figure stated otherwise than
    /// as read ("up to 20", "about 300") sets bit 62 or 63, which sends its key off the fast path.
    static constexpr int stated_shift = 62;
    static constexpr std::uint64_t low_mask = (std::uint64_t{1} << 40) - 1;  // max_count < 2^40
    /// The stated best of "about n" or of a range that gave one (stated_as::centre,
    /// range_with_best: their readings are bounded): its low 16 bits in bits 40 to 55 of
    /// low_and_flags, its bits 16 to 39 in bits 40 to 63 of high.
    static constexpr int best_shift = 40;
    static_assert(exclusion_shift == 58 && unknown_flag == std::uint64_t{1} << 57, "reduce_grouped reads bits 57 and up as one");

    [[nodiscard]] constexpr count_type low() const noexcept { return low_and_flags & low_mask; }
    [[nodiscard]] constexpr bool caps() const noexcept { return (low_and_flags & caps_flag) != 0; }
    [[nodiscard]] constexpr bool unknown() const noexcept { return (low_and_flags & unknown_flag) != 0; }
    /// 0 when admissible, else 1 + the exclusion decided from the claim alone.
    [[nodiscard]] constexpr std::uint8_t exclusion_code() const noexcept
    {
        return static_cast<std::uint8_t>((low_and_flags >> exclusion_shift) & 0xF);
    }
    [[nodiscard]] constexpr detail::rules::stated_as stated() const noexcept
    {
        return static_cast<detail::rules::stated_as>(low_and_flags >> stated_shift);
    }
    [[nodiscard]] constexpr bool holds_best() const noexcept
    {
        return stated() == detail::rules::stated_as::centre || stated() == detail::rules::stated_as::range_with_best;
    }
    /// The reading's high end (`high` holds more for a stated best).
    [[nodiscard]] constexpr count_type reading_high() const noexcept { return holds_best() ? high & low_mask : high; }
    /// The figure as the policy read it (for a record whose figure is not "unknown").
    [[nodiscard]] constexpr detail::rules::reading reading() const noexcept
    {
        detail::rules::reading r{low(), reading_high(), caps(), stated()};
        if (holds_best()) r.best = ((low_and_flags >> best_shift) & 0xFFFF) | (high >> best_shift) << 16;
        return r;
    }
    /// Sets the figure's bits (low, high, caps, unknown, stated) from a reading, or to "unknown".
    constexpr void set_reading(const std::optional<detail::rules::reading>& r) noexcept
    {
        constexpr std::uint64_t figure_bits =
            low_mask | (std::uint64_t{0xFFFF} << best_shift) | caps_flag | unknown_flag | std::uint64_t{3} << stated_shift;
        low_and_flags &= ~figure_bits;
        if (!r) {
            low_and_flags |= unknown_flag;
            high = detail::unbounded;
            return;
        }
        low_and_flags |= r->low | (r->caps ? caps_flag : 0) | std::uint64_t{static_cast<std::uint8_t>(r->stated)} << stated_shift;
        high = r->high;
        if (holds_best()) {
            low_and_flags |= (r->best & 0xFFFF) << best_shift;
            high |= (r->best >> 16) << best_shift;
        }
    }
};
static_assert(sizeof(record) == 32);

/// The record of claim number `index` of `c`, read under `p` (and the as-of date, when given).
/// Give indices in claim-id order for ties to go as in every other engine (rules.hpp).
[[nodiscard]] inline record make_record(std::uint32_t key, std::uint32_t origin, std::uint32_t index, const claim& c,
                                        const policy& p, std::optional<boost::gregorian::date> as_of = std::nullopt)
{
    record r{key, origin, index, detail::rules::report_day(c.reported), 0, detail::unbounded};
    std::optional<exclusion> why;
    if (!detail::is_valid(c)) why = exclusion::invalid;
    else why = detail::rules::exclusion_of(p, c.source.origin.kind, is_about_adversary(c), r.day, detail::rules::as_of_day(as_of));
    if (why) r.low_and_flags |= std::uint64_t{1U + static_cast<unsigned>(*why)} << record::exclusion_shift;
    r.set_reading(detail::rules::read(c.figure, p));
    return r;
}

/// The most claims one call takes: fates and key results name a claim in 28 bits, all ones
/// meaning nobody. (Split bigger inputs by key: each key's result depends on its own records only.)
inline constexpr std::size_t max_claims = toll::detail::packed::index_mask;

/// What became of one record, in 4 bytes: used, or excluded with the reason, and for a
/// superseded or relayed record the claim counted instead.
class fate {
public:
    constexpr fate() noexcept = default;
    /// `code`: 0 used, else 1 + toll::exclusion. `counted_instead`: a claim index, or detail::nobody.
    constexpr explicit fate(std::uint8_t code, std::uint32_t counted_instead = toll::detail::nobody) noexcept
        : bits_{std::uint32_t{code} << index_bits | (counted_instead & index_mask)}
    {
    }

    [[nodiscard]] constexpr std::uint8_t code() const noexcept { return static_cast<std::uint8_t>(bits_ >> index_bits); }
    [[nodiscard]] constexpr bool used() const noexcept { return code() == 0; }
    [[nodiscard]] constexpr std::optional<toll::exclusion> exclusion() const noexcept
    {
        if (code() == 0) return std::nullopt;
        return static_cast<toll::exclusion>(code() - 1);
    }
    /// The claim counted instead of a superseded or relayed one; detail::nobody otherwise.
    [[nodiscard]] constexpr std::uint32_t counted_instead() const noexcept
    {
        const std::uint32_t index = bits_ & index_mask;
        return index == index_mask ? toll::detail::nobody : index;
    }

    friend constexpr bool operator==(const fate&, const fate&) noexcept = default;

private:
    // The code in the top 4 bits, the claim index in the low 28 (all ones: nobody).
    static constexpr int index_bits = 28;
    static constexpr std::uint32_t index_mask = (std::uint32_t{1} << index_bits) - 1;

    std::uint32_t bits_ = index_mask;
};
static_assert(sizeof(fate) == 4);

/// A key's result in 56 bytes: its four bounds and its best figure, each with the claim that sets
/// it (the smallest rank among ties), and how many counted claims had a figure or said "unknown".
/// Each bound and its claim are one packed word (detail/packed_bounds.hpp), with the value's bits
/// 36 to 39 kept beside, so every count up to max_count is exact.
class key_result {
public:
    /// Selects the constructor from packed bounds. `Site` may be any type: a caller that passes a
    /// type of its own gets an emplace_back instantiation of its own (see reduce_grouped).
    template <class Site = void>
    struct from_packed {};

    constexpr key_result() noexcept = default;
    constexpr key_result(std::uint32_t key, const toll::detail::summary& s) noexcept
        : key_{key}, figures_{s.figures}, unknowns_{s.unknowns}
    {
        store(reported_low_slot, s.reported_low, s.reported_low_by);
        store(reported_high_slot, s.reported_high, s.reported_high_by);
        store(lower_slot, s.lower, s.lower_by);
        store(upper_slot, s.upper, s.upper_by);
        if (s.has_best()) store(best_slot, s.best, s.best_by);
    }
    /// The result of counted claims, `figures` with a figure and `unknowns` "unknown", whose bounds
    /// are `b` (made from readings stated as read that fit 36 bits), with the best figure the bound
    /// `best` names: the bulk path's common case, five words copied.
    template <class Site>
    constexpr key_result(from_packed<Site>, std::uint32_t key, std::uint32_t figures, std::uint32_t unknowns,
                         const toll::detail::packed::bounds& b, toll::detail::rules::best_slot best) noexcept
        : words_{b.reported_low, b.reported_high, b.lower, b.upper, best_word(b, best)}, key_{key}, figures_{figures}, unknowns_{unknowns}
    {
    }

    [[nodiscard]] constexpr std::uint32_t key() const noexcept { return key_; }

    /// The full summary: values, the claims that set them, the best, and the counts.
    [[nodiscard]] constexpr toll::detail::summary summary() const noexcept
    {
        toll::detail::summary s;
        s.reported_low = value(reported_low_slot);
        s.reported_high = value(reported_high_slot);
        s.lower = value(lower_slot);
        s.upper = value(upper_slot);
        s.reported_low_by = by(reported_low_slot);
        s.reported_high_by = by(reported_high_slot);
        s.lower_by = by(lower_slot);
        s.upper_by = by(upper_slot);
        s.best_by = by(best_slot);
        s.best = s.best_by == toll::detail::nobody ? 0 : value(best_slot);
        s.figures = figures_;
        s.unknowns = unknowns_;
        return s;
    }

    /// The best figure and the claim stating it; nothing when the policy's rule gives none.
    [[nodiscard]] constexpr std::optional<count_type> best() const noexcept
    {
        if (by(best_slot) == toll::detail::nobody) return std::nullopt;
        return value(best_slot);
    }
    [[nodiscard]] constexpr std::uint32_t best_by() const noexcept { return by(best_slot); }

    [[nodiscard]] constexpr toll::status status() const noexcept
    {
        switch (toll::detail::rules::status_of(summary())) {
        case toll::detail::summary_status::consistent: return status::consistent;
        case toll::detail::summary_status::conflicting: return status::conflicting;
        case toll::detail::summary_status::zero: return status::zero;
        case toll::detail::summary_status::unknown: break;
        }
        return status::unknown;
    }

    friend constexpr bool operator==(const key_result&, const key_result&) noexcept = default;

private:
    // Minima (and the best) store the claim index, maxima index_mask − index (see packed_bounds.hpp).
    enum slot : std::uint8_t { reported_low_slot, reported_high_slot, lower_slot, upper_slot, best_slot };
    static constexpr bool is_maximum(slot at) noexcept { return at == reported_high_slot || at == lower_slot; }
    static_assert(max_count < (count_type{15} << 36), "a count's bits 36 and up fit a nibble below 15");

    // The best word of the fast case: a copy of the bound it is, stored as a minimum.
    static constexpr std::uint64_t best_word(const toll::detail::packed::bounds& b, toll::detail::rules::best_slot best) noexcept
    {
        namespace packed = toll::detail::packed;
        switch (best) {
        case toll::detail::rules::best_slot::reported_low: return b.reported_low;
        case toll::detail::rules::best_slot::lower:
            return (b.lower & ~packed::index_mask) | (packed::index_mask - (b.lower & packed::index_mask));
        case toll::detail::rules::best_slot::none: break;
        }
        return ~std::uint64_t{0};
    }

    // The word holds the value's low 36 bits (all ones when unbounded), the nibble its bits 36 to
    // 39. A value whose low 36 bits are all ones has its nibble stored inverted, so that a word of
    // all ones with nibble 0, as the packed path writes it, reads as unbounded.
    constexpr void store(slot at, count_type v, std::uint32_t claim) noexcept
    {
        namespace packed = toll::detail::packed;
        const bool unbounded = v == toll::detail::unbounded;
        const std::uint64_t field = unbounded ? packed::value_field : v & packed::value_field;
        const std::uint64_t index = claim == toll::detail::nobody ? packed::index_mask : claim;
        words_[at] = field << packed::index_bits | (is_maximum(at) ? packed::index_mask - index : index);
        std::uint32_t nibble = unbounded ? 0 : static_cast<std::uint32_t>(v >> 36);
        if (!unbounded && field == packed::value_field) nibble ^= 0xFU;
        nibbles_ |= nibble << (4 * at);
    }
    [[nodiscard]] constexpr count_type value(slot at) const noexcept
    {
        namespace packed = toll::detail::packed;
        const std::uint64_t field = words_[at] >> packed::index_bits;
        const count_type nibble = (nibbles_ >> (4 * at)) & 0xFU;
        if (field != packed::value_field) return nibble << 36 | field;
        return nibble == 0 ? toll::detail::unbounded : (nibble ^ 0xFU) << 36 | field;
    }
    [[nodiscard]] constexpr std::uint32_t by(slot at) const noexcept
    {
        namespace packed = toll::detail::packed;
        const std::uint64_t stored = words_[at] & packed::index_mask;
        const std::uint64_t index = is_maximum(at) ? packed::index_mask - stored : stored;
        return index == packed::index_mask ? toll::detail::nobody : static_cast<std::uint32_t>(index);
    }

    // As a summary of no claims: lowest figure unbounded and highest 0, no cap, nobody setting any,
    // no best.
    std::array<std::uint64_t, 5> words_{~std::uint64_t{0}, 0, 0, ~std::uint64_t{0}, ~std::uint64_t{0}};
    std::uint32_t key_ = 0;
    std::uint32_t figures_ = 0;
    std::uint32_t unknowns_ = 0;
    std::uint32_t nibbles_ = 0;  // per slot, 4 bits: the value's bits 36 to 39 (see store)
};
static_assert(sizeof(key_result) == 56);

struct result {
    /// One per key that has a record, sorted by key.
    detail::big_vector<key_result> keys;
    /// Indexed by claim index.
    detail::big_vector<fate> fates;
};

namespace detail {

namespace rules = toll::detail::rules;

inline constexpr std::uint8_t superseded_code = 1 + static_cast<std::uint8_t>(exclusion::superseded);
inline constexpr std::uint8_t relayed_code = 1 + static_cast<std::uint8_t>(exclusion::relayed);

/// How a reduction ranks the records of a key where they tie (rules.hpp): by claim index, which
/// the public calls use (give indices in claim-id order), ...
struct rank_by_claim {
    [[nodiscard]] constexpr std::uint32_t operator()(const record& r, const record* /*key_first*/) const noexcept { return r.claim; }
};
/// ... or by position in the key's stretch, for a caller that puts each key's records in claim-id
/// order (the streaming CSV reconciler); the summary's claims are then positions.
struct rank_by_position {
    [[nodiscard]] constexpr std::uint32_t operator()(const record& r, const record* key_first) const noexcept
    {
        return static_cast<std::uint32_t>(&r - key_first);
    }
};

// Within one origin, whether `a` counts before `b` (rules::counts_before).
template <class Rank>
[[nodiscard]] constexpr bool counts_before(const record& a, const record& b, const record* key_first, Rank rank) noexcept
{
    return rules::counts_before(a.day, rank(a, key_first), b.day, rank(b, key_first));
}

// Whether two records of one origin say the same (rules::displaced: relayed, else superseded).
// Equal readings are equal figure bits, since the bits encode a reading one to one; comparing the
// bits whole, with & rather than &&, has no branches.
[[nodiscard]] inline bool same_reading(const record& a, const record& b) noexcept
{
    constexpr std::uint64_t figure_bits = record::low_mask | (std::uint64_t{0xFFFF} << record::best_shift) | record::caps_flag |
                                          record::unknown_flag | std::uint64_t{3} << record::stated_shift;
    const std::uint64_t a_bits = a.low_and_flags & figure_bits;
    const std::uint64_t b_bits = b.low_and_flags & figure_bits;
    const bool both_unknown = ((a_bits & b_bits) & record::unknown_flag) != 0;
    const bool same_figure = (a_bits == b_bits) & (a.high == b.high);
    return both_unknown | same_figure;
}

// Sets s's best (rules::choose_best) from the counted records of [first, last): those whose fate
// says used and whose figure is known.
template <class Rank>
void choose_best(toll::detail::summary& s, best_rule rule, const record* first, const record* last, const fate* fates, Rank rank)
{
    const auto best = rules::choose_best(rule, s, [&](auto&& visit) {
        for (const record* r = first; r != last; ++r) {
            if (fates[r->claim].used() && !r->unknown()) visit(r->reading(), rank(*r, first));
        }
    });
    s.best = best ? best->value : 0;
    s.best_by = best ? best->by : toll::detail::nobody;
}

// The best of packed bounds `b` made from readings stated as read (rules::best_when_stated_as_read).
[[nodiscard]] constexpr rules::best_slot best_when_stated_as_read(best_rule rule, const toll::detail::packed::bounds& b) noexcept
{
    const bool conflicting = (b.lower >> toll::detail::packed::index_bits) > (b.upper >> toll::detail::packed::index_bits);
    return rules::best_when_stated_as_read(rule, conflicting);
}

// Above this many records a key is sorted (reduce_large_key) rather than scanned (reduce_key).
inline constexpr std::ptrdiff_t small_key = 64;

/// Reduces the records of one key (at most small_key of them), whatever they hold, into its
/// result, and writes their fates: each excluded record its exclusion, and of the admissible
/// records of each origin the one that counts and the relays and revisions of it.
///
/// One pass finds, for each origin, the record it counts, in a table indexed by the origin's low
/// 6 bits; a second writes every fate and adds the counted records to packed bounds. Both are
/// free of branches on the data, which is what makes this fast: which records share an origin is
/// as unpredictable as key sizes. Two origins with the same low bits fall back to comparing
/// records pairwise, and a counted figure too big to pack to a plain summary. When a counted
/// figure is stated otherwise than as read, a third pass over the counted records chooses the
/// best; else it is one of the bounds. No reordering, no allocation.
template <class Rank>
key_result reduce_key(const record* first, const record* last, fate* fates, best_rule rule, Rank rank) noexcept
{
    constexpr std::uint8_t none = 0xFF;
    static_assert(small_key < none, "positions in a key fit a byte");
    std::array<std::uint8_t, 64> counted_at;  // per origin's low bits: the position of the record it counts
    counted_at.fill(none);
    bool table_works = true;
    for (const record* r = first; r != last; ++r) {
        std::uint8_t& at = counted_at[r->origin & 63U];
        const auto here = static_cast<std::uint8_t>(r - first);
        const std::uint8_t was = at;
        const record& holder = first[was == none ? here : was];
        const bool same_origin = holder.origin == r->origin;
        const bool admissible = r->exclusion_code() == 0;
        table_works &= !admissible | same_origin;
        const bool later = counts_before(*r, holder, first, rank);
        at = admissible & ((was == none) | (same_origin & later)) ? here : was;
    }
    toll::detail::packed::bounds b;
    std::uint32_t figures = 0;
    std::uint32_t unknowns = 0;
    bool fits = true;
    bool stated_as_read = true;
    for (const record* r = first; r != last; ++r) {
        const std::uint8_t code = r->exclusion_code();
        const std::uint8_t at = counted_at[r->origin & 63U];
        const record* counted = at == none ? r : first + at;  // none: every record of the origin is excluded
        if (!table_works) [[unlikely]] {
            counted = r;
            for (const record* other = first; other != last; ++other) {
                if (other->origin == r->origin && other->exclusion_code() == 0 && counts_before(*other, *counted, first, rank)) counted = other;
            }
        }
        const bool used = (code == 0) & (counted == r);
        const std::uint8_t reason = same_reading(*r, *counted) ? relayed_code : superseded_code;
        const bool counts_itself = (code != 0) | used;
        fates[r->claim] = fate{code != 0 ? code : used ? std::uint8_t{0} : reason, counts_itself ? toll::detail::nobody : counted->claim};
        const bool known = !r->unknown();
        const bool has_figure = used & known;
        figures += has_figure;
        unknowns += used & !known;
        const rules::reading reading = r->reading();
        fits &= !has_figure | toll::detail::packed::fits(reading.low, reading.high);
        stated_as_read &= !has_figure | (reading.stated == rules::stated_as::read);
        b.add(reading, rank(*r, first), has_figure);
    }
    toll::detail::summary s;
    if (fits) [[likely]] {
        // Figures stated as read: the best is one of the bounds, as on the fast path (none without
        // a figure, as the summary constructor writes it).
        const bool best_is_a_bound = stated_as_read & (figures != 0);
        const rules::best_slot best = best_is_a_bound ? best_when_stated_as_read(rule, b) : rules::best_slot::none;
        const key_result packed{key_result::from_packed{}, first->key, figures, unknowns, b, best};
        if (stated_as_read) return packed;
        s = packed.summary();
    } else {
        for (const record* r = first; r != last; ++r) {
            if (!fates[r->claim].used()) continue;
            if (r->unknown()) ++s.unknowns;
            else rules::count(s, r->reading(), rank(*r, first));
        }
    }
    choose_best(s, rule, first, last, fates, rank);
    return key_result{first->key, s};
}

/// Reduces a key with many records: sorted by origin, each origin's counted record first, on a
/// copy in `scratch` (whose `key` field holds each record's rank), so the work stays n log n.
template <class Rank>
key_result reduce_large_key(const record* first, const record* last, fate* fates, best_rule rule, Rank rank, std::vector<record>& scratch)
{
    scratch.clear();
    for (const record* r = first; r != last; ++r) {
        if (r->exclusion_code() != 0) {
            fates[r->claim] = fate{r->exclusion_code()};
        } else {
            scratch.push_back(*r);
            scratch.back().key = rank(*r, first);
        }
    }
    std::sort(scratch.begin(), scratch.end(), [](const record& a, const record& b) {
        return a.origin != b.origin ? a.origin < b.origin : rules::counts_before(a.day, a.key, b.day, b.key);
    });
    toll::detail::summary s;
    for (auto r = scratch.begin(); r != scratch.end();) {
        const record& counted = *r;
        fates[counted.claim] = fate{0};
        if (counted.unknown()) ++s.unknowns;
        else rules::count(s, counted.reading(), counted.key);
        for (++r; r != scratch.end() && r->origin == counted.origin; ++r) {
            fates[r->claim] = fate{same_reading(*r, counted) ? relayed_code : superseded_code, counted.claim};
        }
    }
    choose_best(s, rule, first, last, fates, rank);
    return key_result{first->key, s};
}

/// Reduces every key of `records` (grouped by key, keys ascending) into `keys`, writing each
/// claim's fate into `fates_by_claim` (indexed by claim), with best figures under `Rule` and ties
/// broken by `rank`.
///
/// One pass per key does the common case outright: it finds the key's end and, on the way, counts
/// every record as used and adds it to the key's packed bounds, noting whether that was wrong: a
/// record excluded, "unknown", stated otherwise than as read, or with a figure too big to pack,
/// or two sharing an origin (by the origin's low 6 bits, so a false alarm only costs the exact
/// path). Only then is there more to do: the fates of relays, revisions and exclusions, and the
/// bounds and best of the records that count (reduce_key). Packed bounds break ties by rank
/// themselves, so the order of a key's records does not matter. The branch that ends a key is the
/// one a predictor cannot learn (key sizes are data); the rest of the loop is predictable or a
/// conditional move, and it keeps few values live (one word of "trouble" for every alarm) so that
/// they stay in registers.
template <best_rule Rule, class Rank>
void reduce_grouped(const record* first, const record* const end, std::span<fate> fates_by_claim,
                    toll::detail::big_vector<key_result>& keys, std::vector<record>& scratch, Rank rank)
{
    fate* const fates = fates_by_claim.data();
    const std::size_t n = fates_by_claim.size();
    auto add = [fates, n, rank](toll::detail::packed::bounds& b, const record& r, const record* key_first) {
        if (r.claim >= n) throw std::invalid_argument("toll::bulk: claim index out of range");
        fates[r.claim] = fate{0};
        b.add_as_read(r.low(), r.high, r.caps(), rank(r, key_first));  // stated as read, or the key is odd
    };
    // Nonzero when a record needs the exact path: an exclusion code, unknown flag or a stated form
    // other than as read (bits 57 and up of low_and_flags), or a figure of 2^35 or more, which may
    // not fit the packed bounds (bits 35 to 39; the caps flag, bit 56, is masked out; bits 40 to 55
    // are set only with a stated form).
    auto odd = [](const record& r) {
        constexpr int shift = 35;
        static_assert(std::uint64_t{1} << shift < toll::detail::packed::value_field);
        static_assert(record::stated_shift > 57 && record::best_shift >= shift);
        return ((r.low_and_flags >> shift) & ~(record::caps_flag >> shift)) | ((r.high + 1) >> shift);
    };
    while (first != end) {
        toll::detail::packed::bounds b;
        add(b, *first, first);
        std::uint64_t origins = std::uint64_t{1} << (first->origin & 63U);
        std::uint64_t trouble = odd(*first);
        const record* last = first + 1;
        for (; last != end && last->key == first->key; ++last) {
            const std::uint64_t origin_bit = std::uint64_t{1} << (last->origin & 63U);
            trouble |= (origins & origin_bit) | odd(*last);
            origins |= origin_bit;
            add(b, *last, first);
        }
        if (trouble == 0) {
            // Constructed in place, from registers: a result built first and pushed is copied
            // with 16-byte loads of its 8-byte stores, which wait for the stores to memory ahead
            // of them (11% of the pre-grouped time), and GCC inlines this emplace_back, too big
            // otherwise, only as a function called once: `site` makes it this loop's own.
            struct site {};
            keys.emplace_back(key_result::from_packed<site>{}, first->key, static_cast<std::uint32_t>(last - first), 0, b,
                              best_when_stated_as_read(Rule, b));
        } else {
            keys.push_back(last - first <= small_key ? reduce_key(first, last, fates, Rule, rank)
                                                     : reduce_large_key(first, last, fates, Rule, rank, scratch));
        }
        first = last;
    }
}

/// reduce_grouped under the rule `rule`, chosen once for the whole run.
template <class Rank>
void reduce_grouped(const record* first, const record* const end, std::span<fate> fates_by_claim,
                    toll::detail::big_vector<key_result>& keys, std::vector<record>& scratch, best_rule rule, Rank rank)
{
    switch (rule) {
    case best_rule::lowest_figure: return reduce_grouped<best_rule::lowest_figure>(first, end, fates_by_claim, keys, scratch, rank);
    case best_rule::strongest_lower_bound:
        return reduce_grouped<best_rule::strongest_lower_bound>(first, end, fates_by_claim, keys, scratch, rank);
    case best_rule::intersection: return reduce_grouped<best_rule::intersection>(first, end, fates_by_claim, keys, scratch, rank);
    }
}

inline void reduce_grouped(const record* first, const record* const end, result& out, std::vector<record>& scratch, best_rule rule)
{
    reduce_grouped(first, end, {out.fates.data(), out.fates.size()}, out.keys, scratch, rule, rank_by_claim{});
}

[[nodiscard]] inline unsigned bits_for(std::uint64_t n) noexcept
{
    unsigned bits = 0;
    while ((std::uint64_t{1} << bits) < n) ++bits;
    return bits;
}

inline void prepare(result& out, std::size_t n, std::size_t keys)
{
    if (n > max_claims) throw std::length_error("toll::bulk: more than max_claims records");
    out.keys.clear();
    out.keys.reserve(keys);  // address space only: pages are touched as keys are written
    // Every fate is written by the reduction; resizing to the size of the last call writes nothing.
    out.fates.resize(n);
}

}  // namespace detail

class workspace;

/// Reconciles records in any order into `out`, reusing its buffers and `scratch`'s, with best
/// figures under `rule` (the rule of the policy the records were made under). Keys must be below
/// `key_count` and claim indices a permutation of 0 … n−1 (std::invalid_argument otherwise); ties
/// go to the smaller claim index, so give indices in claim-id order for results identical to
/// toll::reconcile's. Records are grouped by two passes of counting sort: into partitions of about
/// `partition_records` records by the key's high bits, then by key inside each partition while it
/// sits in cache.
inline void reconcile(std::span<const record> records, std::uint32_t key_count, best_rule rule, result& out, workspace& scratch,
                      std::size_t partition_records = 16'384);

/// Buffers the unsorted path reuses from call to call: the partitioned copy of the records,
/// partition offsets and per-partition counts.
class workspace {
public:
    workspace() = default;

private:
    friend void reconcile(std::span<const record>, std::uint32_t, best_rule, result&, workspace&, std::size_t);

    toll::detail::big_vector<record> partitioned_;
    std::vector<std::size_t> starts_;
    std::vector<std::size_t> next_;
    std::vector<std::uint32_t> counts_;
    std::vector<record> grouped_;
    std::vector<record> large_key_;
};

/// Reconciles records already grouped by key (every key's records contiguous, keys ascending)
/// into `out`, reusing its buffers, with best figures under `rule`. Claim indices must be a
/// permutation of 0 … n−1 (std::invalid_argument for one out of range).
inline void reconcile_grouped(std::span<const record> records, result& out, best_rule rule = best_rule::strongest_lower_bound)
{
    detail::prepare(out, records.size(), records.size());
    std::vector<record> scratch;
    detail::reduce_grouped(records.data(), records.data() + records.size(), out, scratch, rule);
}

[[nodiscard]] inline result reconcile_grouped(std::span<const record> records, best_rule rule = best_rule::strongest_lower_bound)
{
    result out;
    reconcile_grouped(records, out, rule);
    return out;
}

inline void reconcile(std::span<const record> records, std::uint32_t key_count, best_rule rule, result& out, workspace& scratch,
                      std::size_t partition_records)
{
    const std::size_t n = records.size();
    detail::prepare(out, n, std::min<std::size_t>(n, key_count));
    if (n == 0) return;

    const unsigned key_bits = detail::bits_for(key_count);
    const unsigned partition_bits =
        std::min(key_bits, detail::bits_for((n + partition_records - 1) / std::max<std::size_t>(partition_records, 1)));
    const unsigned shift = key_bits - partition_bits;
    const std::size_t partitions = std::size_t{1} << partition_bits;

    // Pass 1: count each partition's records (checking keys on the way), then scatter into
    // partitions by the key's high bits.
    auto& starts = scratch.starts_;
    starts.assign(partitions + 1, 0);
    for (const record& r : records) {
        if (r.key >= key_count) throw std::invalid_argument("toll::bulk::reconcile: key out of range");
        ++starts[(r.key >> shift) + 1];
    }
    for (std::size_t p = 0; p < partitions; ++p) starts[p + 1] += starts[p];
    auto& partitioned = scratch.partitioned_;
    partitioned.resize(n);
    scratch.next_.assign(starts.begin(), starts.end() - 1);
    for (const record& r : records) partitioned[scratch.next_[r.key >> shift]++] = r;

    // Pass 2: inside each partition, group by key with a counting sort, then reduce each key.
    const std::size_t keys_per_partition = std::size_t{1} << shift;
    auto& counts = scratch.counts_;
    auto& grouped = scratch.grouped_;
    counts.resize(keys_per_partition + 1);
    for (std::size_t p = 0; p < partitions; ++p) {
        const std::size_t size = starts[p + 1] - starts[p];
        if (size == 0) continue;
        const record* in = partitioned.data() + starts[p];
        const auto base = static_cast<std::uint32_t>(p << shift);
        std::fill(counts.begin(), counts.end(), 0U);
        for (std::size_t i = 0; i < size; ++i) ++counts[in[i].key - base + 1];
        for (std::size_t k = 0; k < keys_per_partition; ++k) counts[k + 1] += counts[k];
        grouped.resize(size);
        for (std::size_t i = 0; i < size; ++i) grouped[counts[in[i].key - base]++] = in[i];
        detail::reduce_grouped(grouped.data(), grouped.data() + size, out, scratch.large_key_, rule);
    }
}

/// reconcile with best figures under strongest_lower_bound (the rule of a default policy).
inline void reconcile(std::span<const record> records, std::uint32_t key_count, result& out, workspace& scratch,
                      std::size_t partition_records = 16'384)
{
    reconcile(records, key_count, best_rule::strongest_lower_bound, out, scratch, partition_records);
}

[[nodiscard]] inline result reconcile(std::span<const record> records, std::uint32_t key_count, best_rule rule,
                                      std::size_t partition_records = 16'384)
{
    result out;
    workspace scratch;
    reconcile(records, key_count, rule, out, scratch, partition_records);
    return out;
}

[[nodiscard]] inline result reconcile(std::span<const record> records, std::uint32_t key_count, std::size_t partition_records = 16'384)
{
    return reconcile(records, key_count, best_rule::strongest_lower_bound, partition_records);
}

}  // namespace toll::bulk
