#pragma once
// Reconciling a claims CSV file of millions of rows straight into per-key results, without
// building a toll::claim per row: the file is mapped (or read), each row is split in place, its
// keys and origin interned to dense integers, its figure read once per distinct text, and the
// row becomes a 32-byte toll::bulk::record. The records are grouped by key in place and reduced
// with the bulk path's reduction (the same readings, relays, revisions, bounds and ties as
// toll::reconcile), and each key's result is handed out or written as CSV as soon as it is made.
//
//     toll::reconcile_csv_options options;
//     toll::claims_csv_reconciler r{toll::policy::ucdp(), options};
//     r.load("claims.csv");                        // errors: r.errors(), file:line:column each
//     r.write_csv(std::cout);                      // or r.for_each_key([](const toll::csv_key_result& k) { ... })
//     r.for_each_excluded([](std::string_view id, toll::exclusion why, std::string_view instead) { ... });
//
// or in one call: toll::reconcile_claims_csv("claims.csv", std::cout, toll::policy::ucdp()).
//
// What it keeps per claim: its record (32 bytes), its id (its bytes plus an 8-byte offset), its
// fate (4 bytes) and, when duplicate ids are checked, its line (4 bytes); per key 16 bytes and a
// hash slot; the text of each distinct event scope, label, party, origin and figure once. Parsed
// parts of the file are released as reading moves on, so at 10 million rows (about 4.7 million
// keys) the whole process stays well under 1 GiB.
//
// Rows are read exactly as toll::claim_csv_reader reads them (docs/csv-format.md). Every row is a
// claim or an error naming file, line, column and reason: a row that the fast path finds anything
// unusual in (a quote out of place, a value that does not read, a `span`, doubled quotes in a
// cell the reconciliation reads) is handed to toll::claim_csv_reader itself, so errors are
// worded exactly as that reader words them. A later row repeating an earlier id is reported as
// duplicate_id (when options.check_duplicate_ids) and is not reconciled.
//
// The results, one per key in the order each key first appears in the file, as CSV
// (docs/csv-format.md, "Results"):
//
//   event,[event_name,]category,group,about_party,low,high,best,lower,upper,status,policy,
//   claims,used,excluded,low_claim,high_claim,best_claim,lower_claim,upper_claim,excluded_claims
//
// `event` is the key's event scope (its ids sorted, `;`-joined); `event_name` only when
// options.event_name is set; `low`/`high` the reported range (the lowest and highest admissible
// figure as the policy reads them; `high` empty when a figure is unbounded); `lower`/`upper` the
// logical bounds (`upper` empty when nothing caps); `best` per the policy's rule (empty when it
// gives none); low to upper empty when the status is unknown; `policy` the policy's name;
// `claims` the key's rows, `used` those counted, `excluded` the rest; `*_claim` the id of the
// claim that sets each bound (the first in the file among claims that tie; toll::reconcile lists
// every claim that reaches the bound, this names one); `excluded_claims` every excluded claim of
// the key in file order as `id=reason`, `;`-joined, with `:id` of the claim counted instead for
// superseded and relayed ones (`c7=superseded:c9;c8=adversary_claim`).

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <functional>
#include <limits>
#include <optional>
#include <ostream>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <toll/bulk.hpp>
#include <toll/category.hpp>
#include <toll/claims_csv.hpp>
#include <toll/csv.hpp>
#include <toll/detail/csv_scan.hpp>
#include <toll/detail/csv_records.hpp>
#include <toll/detail/huge_pages.hpp>
#include <toll/detail/utf8_check.hpp>
#include <toll/figure_parser.hpp>
#include <toll/group.hpp>
#include <toll/key.hpp>
#include <toll/policy.hpp>
#include <toll/provenance.hpp>
#include <toll/reconcile.hpp>
#include <toll/source.hpp>

#if defined(__unix__) || defined(__APPLE__)
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#define TOLL_RECONCILE_CSV_MMAP 1
#endif

namespace toll {

struct reconcile_csv_options {
    /// The file name errors are reported under; load() sets it to the path when empty.
    std::string file;
    csv_error_mode error_mode = csv_error_mode::collect;
    /// How vague figures are read from the `figure` column (the policy then reads the words its own way).
    vague_table vagueness = vague_table::literal();
    /// Report a row whose id an earlier row already has, and leave it out (4 bytes per row).
    bool check_duplicate_ids = true;
    /// Only claims reported by this date count; undated claims are then excluded.
    std::optional<boost::gregorian::date> as_of;
    /// Line ends of the CSV written.
    std::string_view line_end = "\n";
    /// When set, write_csv writes an `event_name` column after `event`: for each key it calls
    /// `event_name(events, name)` with the key's event scope (ids sorted, `;`-joined) and an empty
    /// string to append the scope's name to (not called again while the scope stays the same).
    std::function<void(std::string_view events, std::string& name)> event_name;
};

/// One key's result, valid during the for_each_key callback that receives it.
struct csv_key_result {
    /// The event scope: the key's event ids, sorted, `;`-joined.
    std::string_view events;
    toll::category category = category::killed;
    group_kind kind = group_kind::all;
    std::string_view label;
    /// The group's party (the `about_party` column).
    std::string_view party;
    toll::status status = status::unknown;
    /// The bounds, the claims that set them and the counts (claim indices: rows in file order).
    detail::summary summary;
    /// Rows with this key; of them `used` count, the others are excluded.
    std::uint32_t claims = 0;
    std::uint32_t used = 0;
    /// The best figure under the policy's rule, and the claim it comes from (index).
    std::optional<count_type> best;
    std::uint32_t best_by = detail::nobody;
    /// The key's rows in file order (each one's `claim` is its index), and the fate of every claim
    /// by index: used, or why excluded and the claim counted instead.
    std::span<const bulk::record> rows;
    std::span<const bulk::fate> fates;
};

/// The one-call form's account of a run.
struct reconcile_csv_report {
    std::vector<csv_error> errors;
    bool stopped = false;
    std::vector<std::string> extra_columns;
    std::size_t claims = 0;
    std::size_t keys = 0;
    std::size_t used = 0;
    /// Excluded claims by reason (indexed by toll::exclusion).
    std::array<std::size_t, 8> excluded{};
    /// Keys by status (indexed by toll::status).
    std::array<std::size_t, 4> statuses{};

    [[nodiscard]] bool ok() const noexcept { return errors.empty(); }
};

namespace detail::bulk_csv {

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
    while (n >= 8) {
        std::uint64_t w = 0;
        std::memcpy(&w, p, 8);
        h = (h ^ w) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 29;
        p += 8;
        n -= 8;
    }
    if (n != 0) {
        std::uint64_t w = 0;
        std::memcpy(&w, p, n);
        h = (h ^ w) * 0xbf58476d1ce4e5b9ull;
    }
    return mix(h);
}

/// Strings stored once each, end to end, and numbered in order of arrival.
class string_pool {
public:
    string_pool() { starts_.push_back(0); }
    void reserve(std::size_t strings, std::size_t bytes)
    {
        starts_.reserve(strings + 1);
        bytes_.reserve(bytes);
    }
    std::uint32_t add(std::string_view s)
    {
        bytes_.insert(bytes_.end(), s.begin(), s.end());
        starts_.push_back(bytes_.size());
        return static_cast<std::uint32_t>(starts_.size() - 2);
    }
    [[nodiscard]] std::string_view operator[](std::uint32_t i) const noexcept
    {
        return {bytes_.data() + starts_[i], static_cast<std::size_t>(starts_[i + 1] - starts_[i])};
    }
    [[nodiscard]] std::size_t size() const noexcept { return starts_.size() - 1; }

private:
    big_vector<char> bytes_;
    big_vector<std::uint64_t> starts_;
};

/// An open-addressing set of dense ids; `equal(id)` says whether id is the one looked for.
class id_table {
public:
    id_table() { slots_.assign(1024, 0); }
    void clear_memory() { big_vector<std::uint64_t>{}.swap(slots_); }

    /// The id stored for `hash` that `equal` accepts, or `make()`'s new id, stored.
    template <class Equal, class Make>
    std::uint32_t find_or_add(std::uint64_t hash, Equal&& equal, Make&& make)
    {
        const auto tag = static_cast<std::uint32_t>(hash >> 32);
        std::size_t i = static_cast<std::size_t>(hash) & (slots_.size() - 1);
        while (true) {
            const std::uint64_t slot = slots_[i];
            if (slot == 0) break;
            if (static_cast<std::uint32_t>(slot >> 32) == tag && equal(static_cast<std::uint32_t>(slot) - 1U)) {
                return static_cast<std::uint32_t>(slot) - 1U;
            }
            i = (i + 1) & (slots_.size() - 1);
        }
        const std::uint32_t id = make();
        slots_[i] = std::uint64_t{tag} << 32 | (id + 1U);
        if (++count_ * 10 > slots_.size() * 7) grow(hash_of_);
        return id;
    }

    /// How to get an id's hash back when the table grows.
    std::uint64_t (*hash_of_)(const void*, std::uint32_t) = nullptr;
    const void* owner_ = nullptr;

private:
    void grow(std::uint64_t (*hash_of)(const void*, std::uint32_t))
    {
        big_vector<std::uint64_t> old(slots_.size() * 2, 0);
        old.swap(slots_);
        for (const std::uint64_t slot : old) {
            if (slot == 0) continue;
            const std::uint64_t h = hash_of(owner_, static_cast<std::uint32_t>(slot) - 1U);
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
    explicit interner(unsigned recent_bits = 0) : recent_(recent_bits == 0 ? 0 : std::size_t{1} << recent_bits)
    {
        table_.owner_ = this;
        table_.hash_of_ = [](const void* self, std::uint32_t id) {
            return hash_bytes(static_cast<const interner*>(self)->pool_[id]);
        };
    }
    interner(const interner&) = delete;
    interner& operator=(const interner&) = delete;

    std::uint32_t intern(std::string_view s)
    {
        const std::uint64_t h = hash_bytes(s);
        if (recent_.empty()) {
            return table_.find_or_add(h, [&](std::uint32_t i) { return pool_[i] == s; }, [&] { return pool_.add(s); });
        }
        // Strings come back soon after they first appear (the rows about one event are near one
        // another): a small direct-mapped cache of short ones saves the table's cache misses.
        recent& r = recent_[static_cast<std::size_t>(h >> 48) & (recent_.size() - 1)];
        if (r.hash == h && r.length == s.size() && std::memcmp(r.text.data(), s.data(), s.size()) == 0) return r.id;
        const std::uint32_t id =
            table_.find_or_add(h, [&](std::uint32_t i) { return pool_[i] == s; }, [&] { return pool_.add(s); });
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

/// Whether any byte of `s` is outside ASCII.
[[nodiscard]] inline bool has_non_ascii(std::string_view s) noexcept
{
    const char* p = s.data();
    std::size_t n = s.size();
    std::uint64_t any = 0;
    while (n >= 8) {
        std::uint64_t w = 0;
        std::memcpy(&w, p, 8);
        any |= w;
        p += 8;
        n -= 8;
    }
    while (n != 0) {
        any |= static_cast<unsigned char>(*p++);
        --n;
    }
    return (any & 0x8080808080808080ull) != 0;
}

/// One field as the fast tokenizer saw it.
struct field {
    std::string_view text;
    bool doubled_quotes = false;  // text still has its doubled quotes: not read by the fast path
};

/// A YYYY-MM-DD day number (Boost's), or 0 when `text` is not a date toll reads.
[[nodiscard]] inline std::uint32_t read_day(std::string_view text)
{
    const auto d = read_iso_date(text);
    return d.problem.empty() ? static_cast<std::uint32_t>(d.value.day_number()) : 0U;
}

/// A figure text's record bits under the policy: low_and_flags (low, caps, unknown) and high.
struct figure_bits {
    std::uint64_t low_and_flags = 0;
    count_type high = detail::unbounded;
    bool ok = false;
};

}  // namespace detail::bulk_csv

/// Reads a claims CSV file into compact records and reconciles them key by key (see the top of
/// this header). Not copyable; one load per object.
class claims_csv_reconciler {
public:
    explicit claims_csv_reconciler(toll::policy p, reconcile_csv_options options = {})
        : policy_{std::move(p)}, options_{std::move(options)}
    {
    }
    claims_csv_reconciler(const claims_csv_reconciler&) = delete;
    claims_csv_reconciler& operator=(const claims_csv_reconciler&) = delete;
    ~claims_csv_reconciler() { unmap(); }

    /// Reads the file; throws std::runtime_error only when it cannot be read at all.
    void load(const std::filesystem::path& path)
    {
        if (options_.file.empty()) options_.file = path.string();
        map(path);
        read(std::string_view{data_, size_}, true);
        unmap();
    }

    /// Reads CSV text held by the caller (it need not outlive the call).
    void load_text(std::string_view text) { read(text, false); }

    [[nodiscard]] const std::vector<csv_error>& errors() const noexcept { return errors_; }
    [[nodiscard]] bool stopped() const noexcept { return stopped_; }
    [[nodiscard]] const std::vector<std::string>& extra_columns() const noexcept { return extra_columns_; }
    [[nodiscard]] std::size_t claims() const noexcept { return records_.size(); }
    [[nodiscard]] std::size_t keys() const noexcept { return keys_.size(); }
    [[nodiscard]] const toll::policy& policy() const noexcept { return policy_; }
    /// The id of claim `index` (rows that read, in file order).
    [[nodiscard]] std::string_view id(std::uint32_t index) const noexcept { return ids_[index]; }

    /// Reconciles (once) and calls `f(const csv_key_result&)` for every key, in order of first
    /// appearance.
    template <class F>
    void for_each_key(F&& f)
    {
        group_records();
        statuses_.fill(0);
        bulk::result out;
        out.fates.resize(records_.size());
        std::vector<bulk::record> scratch;
        const std::size_t chunk = 1U << 16;
        csv_key_result k;
        std::size_t first = 0;
        while (first < records_.size()) {
            std::size_t last = std::min(records_.size(), first + chunk);
            while (last < records_.size() && records_[last].key == records_[last - 1].key) ++last;
            out.keys.clear();
            bulk::detail::reduce_grouped(records_.data() + first, records_.data() + last, out, scratch);
            std::size_t r = first;
            for (const bulk::key_result& kr : out.keys) {
                const detail::bulk_csv::packed_key& pk = keys_[kr.key()];
                k.events = scopes_[pk.scope];
                k.category = static_cast<toll::category>(pk.category);
                k.kind = static_cast<group_kind>(pk.kind);
                k.label = names_[pk.label];
                k.party = names_[pk.party];
                k.summary = kr.summary();
                k.status = kr.status();
                k.claims = 0;
                k.used = 0;
                const std::size_t key_first = r;
                for (; r < last && records_[r].key == kr.key(); ++r) {
                    ++k.claims;
                    k.used += out.fates[records_[r].claim].used() ? 1U : 0U;
                }
                k.rows = {records_.data() + key_first, r - key_first};
                k.fates = {out.fates.data(), out.fates.size()};
                set_best(k);
                ++statuses_[static_cast<std::size_t>(k.status)];
                f(std::as_const(k));
            }
            first = last;
        }
        fates_ = std::move(out.fates);
    }

    /// After for_each_key: calls `f(id, exclusion, counted_instead_id)` for every excluded claim,
    /// in file order (`counted_instead_id` empty but for superseded and relayed claims).
    template <class F>
    void for_each_excluded(F&& f) const
    {
        for (std::uint32_t i = 0; i < fates_.size(); ++i) {
            const auto why = fates_[i].exclusion();
            if (!why) continue;
            const std::uint32_t instead = fates_[i].counted_instead();
            f(ids_[i], *why, instead == detail::nobody ? std::string_view{} : ids_[instead]);
        }
    }

    /// Reconciles and writes one CSV row per key (columns at the top of this header).
    void write_csv(std::ostream& out)
    {
        std::string buffer;
        buffer.reserve(1U << 20);
        const std::string_view end = options_.line_end;
        const bool named = static_cast<bool>(options_.event_name);
        buffer += named ? "event,event_name," : "event,";
        buffer += "category,group,about_party,low,high,best,lower,upper,status,policy,claims,used,excluded,"
                  "low_claim,high_claim,best_claim,lower_claim,upper_claim,excluded_claims";
        buffer += end;
        std::string policy_cell;
        csv_writer::append_field(policy_cell, policy_.name);
        std::string scratch;  // a cell put together before it is quoted; reused, so no allocation per row
        std::string name;     // the current scope's event name
        std::string_view named_scope;
        bool have_name = false;
        auto number = [&](count_type v) {
            char digits[24];
            const auto [p, ec] = std::to_chars(digits, digits + sizeof digits, v);
            buffer.append(digits, static_cast<std::size_t>(p - digits));
        };
        auto text = [&](std::string_view s) { csv_writer::append_field(buffer, s); };
        auto claim_cell = [&](std::uint32_t index) {
            if (index != detail::nobody) text(ids_[index]);
        };
        for_each_key([&](const csv_key_result& k) {
            const detail::summary& s = k.summary;
            text(k.events);
            buffer += ',';
            if (named) {
                if (!have_name || k.events != named_scope) {
                    name.clear();
                    options_.event_name(k.events, name);
                    named_scope = k.events;  // interned: stays valid while writing
                    have_name = true;
                }
                text(name);
                buffer += ',';
            }
            buffer += to_string(k.category);
            buffer += ',';
            if (k.label.empty()) {
                buffer += to_string(k.kind);
            } else {
                scratch.assign(to_string(k.kind));
                scratch += '/';
                scratch += k.label;
                text(scratch);
            }
            buffer += ',';
            text(k.party);
            buffer += ',';
            const bool known = k.status != status::unknown;
            if (known) number(s.reported_low);
            buffer += ',';
            if (known && s.reported_high != detail::unbounded) number(s.reported_high);
            buffer += ',';
            if (k.best) number(*k.best);
            buffer += ',';
            if (known) number(s.lower);
            buffer += ',';
            if (known && s.capped()) number(s.upper);
            buffer += ',';
            buffer += to_string(k.status);
            buffer += ',';
            buffer += policy_cell;
            buffer += ',';
            number(k.claims);
            buffer += ',';
            number(k.used);
            buffer += ',';
            number(k.claims - k.used);
            buffer += ',';
            if (known) claim_cell(s.reported_low_by);
            buffer += ',';
            if (known) claim_cell(s.reported_high_by);
            buffer += ',';
            if (k.best) claim_cell(k.best_by);
            buffer += ',';
            if (known) claim_cell(s.lower_by);
            buffer += ',';
            if (known && s.capped()) claim_cell(s.upper_by);
            buffer += ',';
            if (k.used != k.claims) {
                // id=reason, or id=reason:counted_instead for superseded and relayed claims.
                scratch.clear();
                for (const bulk::record& row : k.rows) {
                    const bulk::fate f = k.fates[row.claim];
                    const auto why = f.exclusion();
                    if (!why) continue;
                    if (!scratch.empty()) scratch += ';';
                    scratch += ids_[row.claim];
                    scratch += '=';
                    scratch += to_string(*why);
                    if (const std::uint32_t instead = f.counted_instead(); instead != detail::nobody) {
                        scratch += ':';
                        scratch += ids_[instead];
                    }
                }
                text(scratch);
            }
            buffer += end;
            if (buffer.size() > (1U << 20) - 4096) {
                out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
                buffer.clear();
            }
        });
        out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    }

    /// After for_each_key: keys by status (indexed by toll::status).
    [[nodiscard]] const std::array<std::size_t, 4>& statuses() const noexcept { return statuses_; }

    /// After for_each_key: counts of used and excluded claims.
    void count(reconcile_csv_report& report) const
    {
        report.claims = fates_.size();
        for (const bulk::fate& f : fates_) {
            if (const auto why = f.exclusion()) ++report.excluded[static_cast<std::size_t>(*why)];
            else ++report.used;
        }
    }

private:
    using record = bulk::record;

    // ---- the file ----

    void map(const std::filesystem::path& path)
    {
#if defined(TOLL_RECONCILE_CSV_MMAP)
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
        owned_ = read_text_file(path);
        data_ = owned_.data();
        size_ = owned_.size();
    }

    void unmap() noexcept
    {
#if defined(TOLL_RECONCILE_CSV_MMAP)
        if (mapped_) ::munmap(const_cast<char*>(data_), size_);
#endif
        mapped_ = false;
        data_ = nullptr;
        size_ = 0;
        std::string{}.swap(owned_);
    }

    // Gives back the pages of the mapping before `upto`: every value kept was copied out.
    void release_before(std::size_t upto) noexcept
    {
#if defined(TOLL_RECONCILE_CSV_MMAP)
        constexpr std::size_t step = std::size_t{64} << 20;
        if (!mapped_ || upto < released_ + step) return;
        const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
        const std::size_t end = upto / page * page;
        if (end <= released_) return;
        ::madvise(const_cast<char*>(data_) + released_, end - released_, MADV_DONTNEED);
        released_ = end;
#else
        (void)upto;
#endif
    }

    // ---- reading ----

    static constexpr std::size_t column_count = claim_csv_reader::required_columns.size();
    enum col : std::size_t { c_id, c_event, c_category, c_group, c_figure, c_source, c_source_kind, c_party, c_about, c_via, c_reported, c_text };

    void read(std::string_view text, bool releasable)
    {
        text_ = text;
        releasable_ = releasable;
        // The header, exactly as claim_csv_reader judges it: header errors end the reading.
        csv_read_options header_options;
        header_options.file = options_.file;
        claim_csv_reader header{text, header_options};
        extra_columns_ = header.extra_columns();
        claim scratch;
        if (header.stopped()) {
            for (csv_step s; (s = header.next(scratch)) == csv_step::error;) errors_.push_back(header.error());
            stopped_ = true;
            return;
        }
        // Where the header is, and the columns' places.
        std::size_t pos = 0;
        if (text.starts_with("\xEF\xBB\xBF")) pos = 3;
        line_ = 1;
        skip_blank_lines(pos);
        header_start_ = pos;
        const std::size_t header_line = line_;
        std::vector<detail::bulk_csv::field> fields;
        bool trouble = false;
        split_row(pos, fields, trouble);
        header_end_ = row_end_;
        header_lines_ = line_ - header_line;
        width_ = fields.size();
        column_.fill(0);
        for (std::size_t c = 0; c < column_count; ++c) {
            for (std::size_t i = 0; i < fields.size(); ++i) {
                if (fields[i].text == claim_csv_reader::required_columns[c]) column_[c] = i;
            }
        }
        span_.reset();
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (fields[i].text == "span") span_ = i;
        }

        // Address space for the worst case; pages are touched only as rows arrive.
        const std::size_t max_rows = text.size() / (2 * column_count) + 1;
        records_.reserve(max_rows);
        ids_.reserve(max_rows, text.size());
        if (options_.check_duplicate_ids) lines_.reserve(max_rows);
        names_.intern("");  // id 0: no label, no party

        while (!stopped_) {
            skip_blank_lines(pos);
            if (pos >= text.size()) break;
            const std::size_t row_start = pos;
            const std::size_t row_line = line_;
            trouble = false;
            split_row(pos, fields, trouble);
            if (trouble || fields.size() != width_ || !fast_row(fields, row_start, row_line)) {
                slow_row(row_start, row_line);
            }
            if (releasable_) release_before(row_start);
        }
        // The lookup tables are done with; what the results need stays.
        key_table_.clear_memory();
        scopes_.freeze();
        std::vector<recent_key>{}.swap(recent_keys_);
        if (options_.check_duplicate_ids) find_duplicate_ids();
    }

    void skip_blank_lines(std::size_t& pos) noexcept
    {
        while (pos < text_.size() && (text_[pos] == '\n' || text_[pos] == '\r')) {
            if (text_[pos] == '\r' && pos + 1 < text_.size() && text_[pos + 1] == '\n') ++pos;
            ++pos;
            ++line_;
        }
    }

    // Line breaks in text_[from, to): LF, CRLF and lone CR.
    [[nodiscard]] std::size_t breaks(std::size_t from, std::size_t to) const noexcept
    {
        const char* p = text_.data();
        std::size_t n = 0;
        for (std::size_t i = from; i < to; ++i) {
            if (p[i] == '\n') ++n;
            else if (p[i] == '\r' && (i + 1 >= text_.size() || p[i + 1] != '\n')) ++n;
        }
        return n;
    }

    // Splits the row at `pos` (not at a line end) into fields, leaving `pos` after its line end
    // and row_end_ at the end of its bytes. `trouble` when a quote is out of place or never closed:
    // the row then goes to the slow path, which reports it as claim_csv_reader does.
    void split_row(std::size_t& pos, std::vector<detail::bulk_csv::field>& fields, bool& trouble)
    {
        fields.clear();
        const char* p = text_.data();
        const std::size_t size = text_.size();
        while (true) {
            detail::bulk_csv::field f;
            if (pos < size && p[pos] == '"') {
                const std::size_t start = ++pos;
                while (true) {
                    const void* q = std::memchr(p + pos, '"', size - pos);
                    if (q == nullptr) {
                        line_ += breaks(pos, size);
                        pos = size;
                        trouble = true;
                        break;
                    }
                    const auto quote = static_cast<std::size_t>(static_cast<const char*>(q) - p);
                    if (std::memchr(p + pos, '\n', quote - pos) != nullptr || std::memchr(p + pos, '\r', quote - pos) != nullptr) {
                        line_ += breaks(pos, quote);
                    }
                    if (quote + 1 < size && p[quote + 1] == '"') {
                        f.doubled_quotes = true;
                        pos = quote + 2;
                        continue;
                    }
                    f.text = std::string_view{p + start, quote - start};
                    pos = quote + 1;
                    break;
                }
                if (pos < size && p[pos] != ',' && p[pos] != '\n' && p[pos] != '\r') {
                    trouble = true;
                    while (pos < size && p[pos] != ',' && p[pos] != '\n' && p[pos] != '\r') ++pos;
                }
            } else {
                const std::size_t start = pos;
                while (true) {
                    pos = detail::next_csv_special(p, pos, size);
                    if (pos >= size || p[pos] != '"') break;
                    trouble = true;
                    ++pos;
                }
                f.text = std::string_view{p + start, pos - start};
            }
            fields.push_back(f);
            if (pos >= size) {
                row_end_ = size;
                return;
            }
            const char c = p[pos];
            if (c == ',') {
                ++pos;
                continue;
            }
            row_end_ = pos;
            ++pos;
            if (c == '\r' && pos < size && p[pos] == '\n') ++pos;
            ++line_;
            return;
        }
    }

    // The common row: every value read here, or false for the slow path to judge.
    [[nodiscard]] bool fast_row(const std::vector<detail::bulk_csv::field>& fields, std::size_t row_start, std::size_t row_line)
    {
        auto cell = [&](col c) -> const detail::bulk_csv::field& { return fields[column_[c]]; };
        for (std::size_t c = 0; c < column_count; ++c) {
            if (c != c_text && fields[column_[c]].doubled_quotes) return false;
        }
        if (span_ && !fields[*span_].text.empty()) return false;
        const std::string_view raw{text_.data() + row_start, row_end_ - row_start};
        if (detail::bulk_csv::has_non_ascii(raw) && detail::utf8::first_invalid(raw) != std::string_view::npos) return false;

        const std::string_view id_text = cell(c_id).text;
        if (id_text.empty()) return false;
        // The event scope: items trimmed, sorted, without repeats, `;`-joined.
        std::string_view events = cell(c_event).text;
        if (events.empty()) return false;
        if (events.find(';') != std::string_view::npos || detail::trim_blanks(events) != events) {
            items_.clear();
            bool empty_item = false;
            detail::for_each_list_item(events, [&](std::string_view item) {
                if (item.empty()) empty_item = true;
                items_.push_back(item);
            });
            if (empty_item) return false;
            std::sort(items_.begin(), items_.end());
            items_.erase(std::unique(items_.begin(), items_.end()), items_.end());
            scope_text_.clear();
            for (const std::string_view item : items_) {
                if (!scope_text_.empty()) scope_text_ += ';';
                scope_text_ += item;
            }
            events = scope_text_;
        }
        const auto cat = enum_from_name<toll::category>(cell(c_category).text);
        if (!cat) return false;
        const std::string_view group_text = cell(c_group).text;
        const std::size_t slash = group_text.find('/');
        const auto gkind = enum_from_name<group_kind>(group_text.substr(0, slash));
        if (!gkind) return false;
        std::string_view label;
        if (slash != std::string_view::npos) {
            label = group_text.substr(slash + 1);
            if (label.empty()) return false;
        }
        const detail::bulk_csv::figure_bits* fig = figure_of(cell(c_figure).text);
        if (fig == nullptr) return false;
        const std::string_view source_name = cell(c_source).text;
        if (source_name.empty()) return false;
        const auto skind = enum_from_name<toll::source_kind>(cell(c_source_kind).text);
        if (!skind) return false;
        const std::string_view via = cell(c_via).text;
        if (!via.empty()) {
            bool empty_item = false;
            detail::for_each_list_item(via, [&](std::string_view item) { empty_item = empty_item || item.empty(); });
            if (empty_item) return false;
        }
        std::uint32_t reported_day = 0;
        if (const std::string_view reported = cell(c_reported).text; !reported.empty()) {
            reported_day = day_of(reported);
            if (reported_day == 0) return false;
        }

        record r{};
        r.key = key(events, *cat, *gkind, label, cell(c_about).text);
        r.origin = origin(source_name, *skind);
        r.day = reported_day;
        r.low_and_flags = fig->low_and_flags;
        r.high = fig->high;
        std::optional<exclusion> why;
        const std::string_view party = cell(c_party).text;
        const std::string_view about = cell(c_about).text;
        if (!policy_.admitted.contains(*skind)) why = exclusion::source_not_admitted;
        else if (policy_.exclude_adversary_claims && !party.empty() && !about.empty() && party != about) why = exclusion::adversary_claim;
        else if (options_.as_of && reported_day == 0) why = exclusion::undated;
        else if (options_.as_of && reported_day > as_of_day()) why = exclusion::reported_after;
        add(r, why, id_text, row_line);
        return true;
    }

    // A row the fast path does not take: claim_csv_reader reads it (header and row alone), and
    // either it is a claim after all or its error is the row's, moved to the row's real line.
    void slow_row(std::size_t row_start, std::size_t row_line)
    {
        std::string piece{text_.substr(header_start_, header_end_ - header_start_)};
        piece += '\n';
        piece += text_.substr(row_start, row_end_ - row_start);
        csv_read_options o;
        o.file = options_.file;
        o.vagueness = options_.vagueness;
        o.check_duplicate_ids = false;
        claim_csv_reader reader{piece, o};
        claim c;
        const csv_step step = reader.next(c);
        if (step == csv_step::value) {
            const claim_key k = key_of(c);
            std::string scope;
            for (const auto& e : k.events) {
                if (!scope.empty()) scope += ';';
                scope += e;
            }
            record r = bulk::make_record(key(scope, k.category, k.group.kind, k.group.label, k.group.party),
                                         origin(c.source.origin.name, c.source.origin.kind), 0, c, policy_, options_.as_of);
            const auto code = r.exclusion_code();
            r.low_and_flags &= ~(std::uint64_t{0xF} << record::exclusion_shift);
            add(r, code == 0 ? std::nullopt : std::optional<exclusion>{static_cast<exclusion>(code - 1)}, c.id, row_line);
            return;
        }
        if (step == csv_step::end) return;  // cannot happen: the row is there
        csv_error e = reader.error();
        // The row starts on line header_lines_ + 1 of `piece`.
        if (e.line != 0) e.line = e.line + row_line - (header_lines_ + 1);
        errors_.push_back(std::move(e));
        if (options_.error_mode == csv_error_mode::stop_at_first) stopped_ = true;
    }

    void add(record r, std::optional<exclusion> why, std::string_view id, std::size_t line)
    {
        if (records_.size() >= bulk::max_claims) throw std::length_error("toll::claims_csv_reconciler: more than bulk::max_claims rows");
        if (why) r.low_and_flags |= std::uint64_t{1U + static_cast<unsigned>(*why)} << record::exclusion_shift;
        r.claim = static_cast<std::uint32_t>(records_.size());
        records_.push_back(r);
        ids_.add(id);
        if (options_.check_duplicate_ids) {
            lines_.push_back(static_cast<std::uint32_t>(std::min<std::size_t>(line, std::numeric_limits<std::uint32_t>::max())));
        }
        ++key_sizes_[r.key];
    }

    [[nodiscard]] std::uint32_t as_of_day() const { return detail::day_key(*options_.as_of); }

    std::uint32_t key(std::string_view scope, toll::category cat, group_kind gkind, std::string_view label, std::string_view party)
    {
        detail::bulk_csv::packed_key k;
        k.scope = scopes_.intern(scope);
        k.label = names_.intern(label);
        k.party = names_.intern(party);
        k.category = static_cast<std::uint8_t>(cat);
        k.kind = static_cast<std::uint8_t>(gkind);
        const std::uint64_t h = detail::bulk_csv::hash_key(k);
        recent_key& recent = recent_keys_[static_cast<std::size_t>(h >> 48) & (recent_keys_.size() - 1)];
        if (recent.id != detail::nobody && recent.key == k) return recent.id;
        if (key_table_.hash_of_ == nullptr) {
            key_table_.owner_ = this;
            key_table_.hash_of_ = [](const void* self, std::uint32_t id) {
                return detail::bulk_csv::hash_key(static_cast<const claims_csv_reconciler*>(self)->keys_[id]);
            };
        }
        const std::uint32_t id = key_table_.find_or_add(
            h, [&](std::uint32_t i) { return keys_[i] == k; },
            [&] {
                keys_.push_back(k);
                key_sizes_.push_back(0);
                return static_cast<std::uint32_t>(keys_.size() - 1);
            });
        recent = recent_key{k, id};
        return id;
    }

    std::uint32_t origin(std::string_view name, toll::source_kind skind)
    {
        origin_text_.assign(1, static_cast<char>('A' + static_cast<int>(skind)));
        origin_text_ += name;
        return origins_.intern(origin_text_);
    }

    // The record bits of a figure text, read once per distinct text; nullptr when it does not read.
    const detail::bulk_csv::figure_bits* figure_of(std::string_view text)
    {
        const std::uint32_t id = figure_texts_.intern(text);
        if (id == figure_bits_.size()) {
            detail::bulk_csv::figure_bits bits;
            const auto parsed = parse_figure(text, options_.vagueness);
            if (parsed.ok()) {
                bits.ok = true;
                claim c;
                c.figure = *parsed;
                const record r = bulk::make_record(0, 0, 0, c, policy_);
                bits.low_and_flags = r.low_and_flags & ~(std::uint64_t{0xF} << record::exclusion_shift);
                bits.high = r.high;
            }
            figure_bits_.push_back(bits);
        }
        const auto& bits = figure_bits_[id];
        return bits.ok ? &bits : nullptr;
    }

    // A report date's day number, 0 when it is not a date; dates repeat, so they are remembered.
    std::uint32_t day_of(std::string_view text)
    {
        if (text.size() != 10) return 0;
        std::uint64_t head = 0;
        std::memcpy(&head, text.data(), 8);
        const std::uint64_t tail = static_cast<std::uint64_t>(static_cast<unsigned char>(text[8])) << 8 |
                                   static_cast<unsigned char>(text[9]);
        day_slot& slot = days_[detail::bulk_csv::mix(head ^ tail << 48) & (days_.size() - 1)];
        if (slot.day != 0 && slot.head == head && slot.tail == tail) return slot.day;
        const std::uint32_t d = detail::bulk_csv::read_day(text);
        if (d != 0) slot = day_slot{head, tail, d};
        return d;
    }

    // Later rows repeating an id: each reported (naming the first row's line) and left out.
    void find_duplicate_ids()
    {
        const std::size_t n = records_.size();
        if (n < 2) return;
        // (hash, index) pairs sorted: equal ids are next to each other.
        detail::big_vector<std::uint64_t> pairs(n);
        for (std::uint32_t i = 0; i < n; ++i) {
            pairs[i] = (detail::bulk_csv::hash_bytes(ids_[i]) & ~std::uint64_t{0xFFFFFFF}) | i;
        }
        radix_sort(pairs);
        std::vector<std::pair<std::uint32_t, std::uint32_t>> repeats;  // (later, first)
        for (std::size_t i = 0; i + 1 < n;) {
            std::size_t j = i + 1;
            while (j < n && (pairs[j] >> 28) == (pairs[i] >> 28)) ++j;
            for (std::size_t a = i + 1; a < j; ++a) {
                const auto later = static_cast<std::uint32_t>(pairs[a] & 0xFFFFFFF);
                for (std::size_t b = i; b < a; ++b) {
                    const auto earlier = static_cast<std::uint32_t>(pairs[b] & 0xFFFFFFF);
                    if (ids_[earlier] == ids_[later]) {
                        repeats.emplace_back(later, earlier);
                        break;
                    }
                }
            }
            i = j;
        }
        if (repeats.empty()) return;
        std::sort(repeats.begin(), repeats.end());
        std::vector<bool> drop(n, false);
        for (const auto& [later, earlier] : repeats) {
            drop[later] = true;  // `earlier` is the first row with the id: pairs of one hash ascend by index
            csv_error e;
            e.file = options_.file;
            e.line = lines_[later];
            e.column = column_[c_id] + 1;
            e.column_name = "id";
            e.code = csv_errc::duplicate_id;
            e.reason = "the id " + detail::quoted_excerpt(ids_[later]) + " is already used on line " + std::to_string(lines_[earlier]);
            errors_.push_back(std::move(e));
        }
        std::stable_sort(errors_.begin(), errors_.end(), [](const csv_error& a, const csv_error& b) { return a.line < b.line; });
        // Leave the repeats out: renumber the claims that stay.
        std::vector<std::uint32_t> renumber(n);
        std::uint32_t next = 0;
        string_pool_rebuild(drop);
        std::size_t out = 0;
        for (std::uint32_t i = 0; i < n; ++i) {
            renumber[i] = next;
            if (drop[i]) {
                --key_sizes_[records_[i].key];
                continue;
            }
            ++next;
            record r = records_[i];
            r.claim = renumber[i];
            records_[out++] = r;
        }
        records_.resize(out);
    }

    void string_pool_rebuild(const std::vector<bool>& drop)
    {
        detail::bulk_csv::string_pool kept;
        for (std::uint32_t i = 0; i < drop.size(); ++i) {
            if (!drop[i]) kept.add(ids_[i]);
        }
        ids_ = std::move(kept);
    }

    // By bits 28-63 (the hash; the index below them stays in order): three stable passes.
    static void radix_sort(detail::big_vector<std::uint64_t>& v)
    {
        detail::big_vector<std::uint64_t> tmp(v.size());
        std::vector<std::size_t> counts((std::size_t{1} << 12) + 1);
        for (unsigned shift = 28; shift < 64; shift += 12) {
            std::fill(counts.begin(), counts.end(), 0);
            for (const std::uint64_t x : v) ++counts[((x >> shift) & 0xFFF) + 1];
            for (std::size_t i = 1; i < counts.size(); ++i) counts[i] += counts[i - 1];
            for (const std::uint64_t x : v) tmp[counts[(x >> shift) & 0xFFF]++] = x;
            v.swap(tmp);
        }
    }

    // ---- grouping ----

    // Puts every key's records together, keys in order of first appearance and claims in file
    // order inside each key, in place (an American-flag permutation): no second copy of the records.
    void group_records()
    {
        if (grouped_) return;
        grouped_ = true;
        lines_ = {};
        const std::size_t keys = keys_.size();
        detail::big_vector<std::uint32_t> next(keys + 1, 0);
        for (std::size_t k = 0; k < keys; ++k) next[k + 1] = next[k] + key_sizes_[k];
        detail::big_vector<std::uint32_t> end(next.begin() + 1, next.end());
        for (std::size_t k = 0; k < keys; ++k) {
            while (next[k] < end[k]) {
                record r = records_[next[k]];
                while (r.key != k) std::swap(r, records_[next[r.key]++]);
                records_[next[k]++] = r;
            }
        }
        // Restore file order inside each key (keys are small; the big ones are sorted).
        std::size_t first = 0;
        for (std::size_t k = 0; k < keys; ++k) {
            const auto last = static_cast<std::size_t>(end[k]);
            if (last - first > 1) {
                record* b = records_.data() + first;
                record* e = records_.data() + last;
                if (last - first <= 16) {
                    for (record* i = b + 1; i < e; ++i) {
                        const record x = *i;
                        record* j = i;
                        for (; j > b && (j - 1)->claim > x.claim; --j) *j = *(j - 1);
                        *j = x;
                    }
                } else {
                    std::sort(b, e, [](const record& x, const record& y) { return x.claim < y.claim; });
                }
            }
            first = last;
        }
        detail::big_vector<std::uint32_t>{}.swap(key_sizes_);
    }

    void set_best(csv_key_result& k) const
    {
        k.best.reset();
        k.best_by = detail::nobody;
        if (k.status == status::unknown) return;
        switch (policy_.best) {
        case best_rule::lowest_figure:
            k.best = k.summary.reported_low;
            k.best_by = k.summary.reported_low_by;
            break;
        case best_rule::strongest_lower_bound:
            k.best = k.summary.lower;
            k.best_by = k.summary.lower_by;
            break;
        case best_rule::intersection:
            if (k.status != status::conflicting) {
                k.best = k.summary.lower;
                k.best_by = k.summary.lower_by;
            }
            break;
        }
    }

    toll::policy policy_;
    reconcile_csv_options options_;

    const char* data_ = nullptr;
    std::size_t size_ = 0;
    bool mapped_ = false;
    std::size_t released_ = 0;
    std::string owned_;

    std::string_view text_;
    bool releasable_ = false;
    std::size_t line_ = 1;
    std::size_t row_end_ = 0;
    std::size_t header_start_ = 0;
    std::size_t header_end_ = 0;
    std::size_t header_lines_ = 0;
    std::size_t width_ = 0;
    std::array<std::size_t, column_count> column_{};
    std::optional<std::size_t> span_;

    std::vector<csv_error> errors_;
    bool stopped_ = false;
    std::vector<std::string> extra_columns_;

    detail::big_vector<record> records_;
    detail::bulk_csv::string_pool ids_;
    detail::big_vector<std::uint32_t> lines_;
    detail::big_vector<detail::bulk_csv::packed_key> keys_;
    detail::big_vector<std::uint32_t> key_sizes_;
    struct recent_key {
        detail::bulk_csv::packed_key key;
        std::uint32_t id = detail::nobody;
    };
    std::vector<recent_key> recent_keys_ = std::vector<recent_key>(std::size_t{1} << 16);
    detail::bulk_csv::id_table key_table_;
    detail::bulk_csv::interner scopes_{15};
    detail::bulk_csv::interner names_;
    detail::bulk_csv::interner origins_;
    detail::bulk_csv::interner figure_texts_;
    std::vector<detail::bulk_csv::figure_bits> figure_bits_;
    struct day_slot {
        std::uint64_t head = 0;
        std::uint64_t tail = 0;
        std::uint32_t day = 0;
    };
    std::array<day_slot, 4096> days_{};
    std::vector<std::string_view> items_;
    std::string scope_text_;
    std::string origin_text_;
    bool grouped_ = false;
    detail::big_vector<bulk::fate> fates_;
    std::array<std::size_t, 4> statuses_{};
};

/// Reads `path`, reconciles it under `p` and writes the per-key results to `out` as CSV.
[[nodiscard]] inline reconcile_csv_report reconcile_claims_csv(const std::filesystem::path& path, std::ostream& out,
                                                               const policy& p, reconcile_csv_options options = {})
{
    claims_csv_reconciler r{p, std::move(options)};
    r.load(path);
    reconcile_csv_report report;
    report.errors = r.errors();
    report.stopped = r.stopped();
    report.extra_columns = r.extra_columns();
    r.write_csv(out);
    report.keys = r.keys();
    report.statuses = r.statuses();
    r.count(report);
    return report;
}

}  // namespace toll
