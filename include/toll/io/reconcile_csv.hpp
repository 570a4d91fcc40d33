#pragma once
// Reconciling a claims CSV file of millions of rows straight into per-key results, without
// building a toll::claim per row: the file is mapped (or read), each row is split in place, its
// key looked up in a hash table that holds it, its figure read once per distinct text, and the
// row becomes a 32-byte toll::bulk::record. The records are grouped by key in place and reduced
// with the bulk path's reduction (the rules of toll/reconcile/detail/rules.hpp, as
// toll::reconcile runs them: the same readings, relays, revisions, bounds, best figures and ties), and each key's result is handed out or written as CSV as soon as it is made.
//
// It uses every core (options.threads): the file is read in parts side by side, each from a
// guessed row start that is kept only if the part before ends exactly there (so a line break
// inside a quoted value cannot split a row; a part whose rows are mostly errors, as the inside of
// a quoted value read as rows would be, stops early), and the results are reduced and written in
// chunks side by side, in order. Errors, results and their order are those of one thread reading
// alone.
//
//     toll::reconcile_csv_options options;
//     toll::claims_csv_reconciler r{toll::policy::ucdp(), options};
//     r.load("claims.csv");                        // errors: r.errors(), file:line:column each
//     r.write_csv(std::cout);                      // or r.for_each_key([](const toll::csv_key_result& k) { ... })
//     r.for_each_excluded([](std::string_view id, toll::exclusion why, std::string_view instead) { ... });
//
// or in one call: toll::reconcile_claims_csv("claims.csv", std::cout, toll::policy::ucdp()).
//
// What it keeps per claim: its record (32 bytes), its id (its bytes plus a 4-byte offset), its
// fate (4 bytes) and, when duplicate ids are checked, its line (4 bytes); per key 16 bytes, its
// scope's text and a 32-byte hash slot while reading; the text of each distinct label, party,
// origin and figure once. Parsed parts of the file are given back as reading moves on, so at 10
// million rows (about 4.3 million keys) the whole process peaks at about 840 MiB.
//
// Rows are read exactly as toll::claim_csv_reader reads them (docs/csv-format.md). Every row is a
// claim or an error naming file, line, column and reason: a row that the fast path finds anything
// unusual in (a quote out of place, a value that does not read, a `span`, doubled quotes in a
// cell the reconciliation reads) is handed to a toll::claim_csv_reader over the same text at the
// row's place and line (csv_reader::read_from), so errors are worded and placed exactly as that
// reader words and places them. A later row repeating an earlier id is reported as duplicate_id
// (when options.check_duplicate_ids) on the line of its id cell, and is not reconciled.
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
// claim that sets each bound (the smallest id among claims that tie; toll::reconcile lists every
// claim that reaches the bound, this names the first of them); `excluded_claims` every excluded
// claim of the key in id order as `id=reason`, `;`-joined, with `:id` of the claim counted instead for
// superseded and relayed ones (`c7=superseded:c9;c8=adversary_claim`).

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <filesystem>
#include <functional>
#include <limits>
#include <mutex>
#include <optional>
#include <ostream>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <toll/reconcile/bulk.hpp>
#include <toll/category.hpp>
#include <toll/io/claims_csv.hpp>
#include <toll/io/csv.hpp>
#include <toll/io/detail/csv_scan.hpp>
#include <toll/io/detail/csv_records.hpp>
#include <toll/detail/huge_pages.hpp>
#include <toll/io/detail/interning.hpp>
#include <toll/io/detail/key_slots.hpp>
#include <toll/detail/utf8_check.hpp>
#include <toll/parse/figure_parser.hpp>
#include <toll/group.hpp>
#include <toll/key.hpp>
#include <toll/reconcile/policy.hpp>
#include <toll/reconcile/provenance.hpp>
#include <toll/reconcile/reconcile.hpp>
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
    /// Threads reading the file side by side (0: one per hardware thread); each reads a part of
    /// at least min_part_bytes, so small files are read by the calling thread alone. The results
    /// do not depend on either.
    std::size_t threads = 0;
    std::size_t min_part_bytes = std::size_t{16} << 20;
    /// Results are reduced and written in pieces of about this many rows (whole keys), side by
    /// side when there are threads for it.
    std::size_t chunk_rows = std::size_t{1} << 16;
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
    /// The bounds, the best, the claims that set them and the counts (claim indices: rows in file
    /// order).
    detail::summary summary;
    /// Rows with this key; of them `used` count, the others are excluded.
    std::uint32_t claims = 0;
    std::uint32_t used = 0;
    /// The best figure under the policy's rule, and the claim it comes from (index).
    std::optional<count_type> best;
    std::uint32_t best_by = detail::nobody;
    /// The key's rows in claim-id order (each one's `claim` is its index), and the fate of every
    /// claim by index: used, or why excluded and the claim counted instead.
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

namespace rules = toll::detail::rules;

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

inline constexpr std::size_t column_count = claim_csv_reader::required_columns.size();
enum column : std::size_t { c_id, c_event, c_category, c_group, c_figure, c_source, c_source_kind, c_party, c_about, c_via, c_reported, c_text };

/// What the parts of one reading share, fixed once the header is read: the text, the columns'
/// places and the settings.
struct layout {
    std::string_view text;
    bool releasable = false;  // text is a file mapping whose pages can be given back once read
    std::size_t width = 0;
    std::array<std::size_t, column_count> column{};
    std::optional<std::size_t> span;
    const toll::policy* policy = nullptr;
    const reconcile_csv_options* options = nullptr;
};

/// The rows of one stretch of the text as records, with the stretch's own numbering of keys,
/// scopes, names and origins. Stretches are read side by side, each by its own part, and merged
/// into the first in file order (absorb), which renumbers the later part's keys and origins.
class part {
public:
    using record = bulk::record;

    // A row read by the fast path, to be added once the next row is read (see read_rows).
    struct pending_row {
        record value;  // all but its key
        key_slots::probe key;
        std::optional<exclusion> why;
        std::string_view id;
        std::size_t start = 0;
        std::size_t line = 0;
    };

    /// A part for the rows starting in text[begin, end); `line` is the line `begin` is on
    /// (counted from 1 at `begin` for all but the first part: absorb moves them). `guessed`: begin
    /// is only a guess at a row start (see gave_up).
    part(const layout& l, std::size_t begin, std::size_t end, std::size_t line, bool guessed = false, std::size_t expected_keys = 0)
        : layout_{&l}, position_{begin}, line_{line}, released_{round_up_to_page(begin)}, guessed_{guessed}, specials_{l.text},
          key_slots_{expected_keys}
    {
        // Address space for the worst case; pages are touched only as rows arrive.
        const std::size_t max_rows = (end - begin) / (2 * column_count) + 1;
        records_.reserve(max_rows);
        ids_.reserve(max_rows, end - begin);
        if (l.options->check_duplicate_ids) lines_.reserve(max_rows);
        keys_.reserve(max_rows / 2);
        key_sizes_.reserve(max_rows / 2);
        scopes_.reserve(max_rows / 2, (end - begin) / 8);
        names_.intern("");  // id 0: no label, no party
    }

    /// Reads the rows that start before `stop`, from the current position on (a row's start).
    void read_rows(std::size_t stop)
    {
        const std::string_view text = layout_->text;
        std::vector<field> fields;
        // A row read by the fast path is added only after the next row is read, so that its
        // key's slot has arrived in the cache by then (pending_, below).
        while (!stopped_ && !gave_up_ && position_ < stop && (unwanted_ == nullptr || !unwanted_->load(std::memory_order_relaxed))) {
            skip_blank_lines();
            if (position_ >= text.size()) break;
            const std::size_t row_start = position_;
            const std::size_t row_line = line_;
            bool trouble = false;
            split_row(fields, trouble);
            if (!trouble && fields.size() == layout_->width && fast_row(fields, row_start, row_line, pending_[pending_slot_ ^ 1U])) {
                add_pending();
                pending_slot_ ^= 1U;
                has_pending_ = true;
            } else {
                add_pending();
                slow_row(row_start, row_line);
            }
            if (layout_->releasable) release_before(has_pending_ ? pending_[pending_slot_].start : row_start);
        }
        add_pending();
    }

    /// Where reading stopped: the start of the next row (or a blank line), and its line.
    [[nodiscard]] std::size_t position() const noexcept { return position_; }
    [[nodiscard]] bool stopped() const noexcept { return stopped_; }
    /// True when a part begun at a guessed row start stopped early, at the start of a bad row,
    /// because most of its rows were bad: it may be reading the inside of a quoted value (a
    /// wrong guess) as rows, each an error, and making them would cost far more than the rows
    /// of a good file. The part before reads on from there (position()) if the guess was right.
    [[nodiscard]] bool gave_up() const noexcept { return gave_up_; }
    /// Makes read_rows stop after the row it is reading once `flag` is set (from another thread).
    void stop_when(const std::atomic<bool>& flag) noexcept { unwanted_ = &flag; }

    /// Takes in the part read from where this one stopped: its rows follow these. `last`: no
    /// more rows come after, so later's new keys need not be findable.
    void absorb(part&& later, bool last)
    {
        key_blocks_.push_back(static_cast<std::uint32_t>(keys_.size()));
        later.free_lookups();
        const std::size_t line_offset = line_ - 1;
        for (csv_error& e : later.errors_) {
            if (e.line != 0) e.line += line_offset;
            errors_.push_back(std::move(e));
        }
        stopped_ = later.stopped_;
        position_ = later.position_;
        line_ = later.line_ + line_offset;

        const auto renumbered = [](interner& into, const interner& from) {
            std::vector<std::uint32_t> to(from.size());
            for (std::uint32_t i = 0; i < to.size(); ++i) to[i] = into.intern(from[i]);
            return to;
        };
        const std::vector<std::uint32_t> name = renumbered(names_, later.names_);
        const std::vector<std::uint32_t> origin_name = renumbered(origins_, later.origins_);
        // Later's keys looked up here, each slot fetched `ahead` keys before it is needed.
        big_vector<std::uint32_t> key(later.keys_.size());
        const auto look_for = [&](std::uint32_t k) {
            packed_key pk = later.keys_[k];
            pk.label = name[pk.label];
            pk.party = name[pk.party];
            return look_for_key(later.scopes_[pk.scope], pk);
        };
        constexpr std::uint32_t ahead = 16;
        std::array<key_slots::probe, ahead> probes;
        for (std::uint32_t k = 0; k < std::min<std::size_t>(ahead, key.size()); ++k) probes[k] = look_for(k);
        for (std::uint32_t k = 0; k < key.size(); ++k) {
            key[k] = key_number(probes[k % ahead], !last);
            if (k + ahead < key.size()) probes[k % ahead] = look_for(k + ahead);
            key_sizes_[key[k]] += later.key_sizes_[k];
        }

        if (records_.size() + later.records_.size() > bulk::max_claims) {
            throw std::length_error("toll::claims_csv_reconciler: more than bulk::max_claims rows");
        }
        const auto first_claim = static_cast<std::uint32_t>(records_.size());
        const record* from = later.records_.data();
        const std::size_t count = later.records_.size();
        constexpr std::size_t chunk = (std::size_t{4} << 20) / sizeof(record);
        for (std::size_t done = 0; done < count;) {
            const std::size_t until = std::min(count, done + chunk);
            for (std::size_t i = done; i < until; ++i) {
                record r = from[i];
                r.key = key[r.key];
                r.origin = origin_name[r.origin & origin_name_mask] | (r.origin & ~origin_name_mask);
                r.claim += first_claim;
                records_.push_back(r);
            }
            give_back(from + done, from + until);  // the copy is the only one held
            done = until;
        }
        big_vector<record>{}.swap(later.records_);
        ids_.append(std::move(later.ids_));
        for (const std::uint32_t l : later.lines_) {
            lines_.push_back(static_cast<std::uint32_t>(std::min<std::size_t>(l + line_offset, std::numeric_limits<std::uint32_t>::max())));
        }
    }

    /// Frees what only reading needs; the results keep the rest.
    void free_lookups()
    {
        key_slots_.clear_memory();
        group_table_.clear_memory();
        origins_.freeze();
        figure_texts_.freeze();
    }

    // What the results are made of (moved out when every part is in).
    std::vector<csv_error> errors_;
    bool stopped_ = false;
    big_vector<record> records_;
    string_list ids_;
    big_vector<std::uint32_t> lines_;
    big_vector<packed_key> keys_;
    big_vector<std::uint32_t> key_sizes_;
    string_list scopes_;  // each key's scope, by key number
    std::vector<std::uint32_t> key_blocks_;  // the first key of each part absorbed
    interner names_;

private:
    [[nodiscard]] static std::size_t page_size() noexcept
    {
#if defined(TOLL_RECONCILE_CSV_MMAP)
        return static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
#else
        return 4096;
#endif
    }
    [[nodiscard]] static std::size_t round_up_to_page(std::size_t offset) noexcept
    {
        const std::size_t page = page_size();
        return (offset + page - 1) / page * page;
    }

    // Gives back the pages of the mapping between the last release and `upto`: every value
    // kept was copied out. Each part gives back only whole pages inside its own stretch.
    void release_before(std::size_t upto) noexcept
    {
#if defined(TOLL_RECONCILE_CSV_MMAP)
        constexpr std::size_t step = std::size_t{8} << 20;
        if (upto < released_ + step) return;
        const std::size_t end = upto / page_size() * page_size();
        ::madvise(const_cast<char*>(layout_->text.data()) + released_, end - released_, MADV_DONTNEED);
        released_ = end;
#else
        (void)upto;
#endif
    }

    // Gives back the whole pages inside [from, to) of a buffer that is read no more.
    static void give_back(const void* from, const void* to) noexcept
    {
#if defined(TOLL_RECONCILE_CSV_MMAP)
        const std::size_t page = page_size();
        const auto begin = (reinterpret_cast<std::uintptr_t>(from) + page - 1) / page * page;
        const auto end = reinterpret_cast<std::uintptr_t>(to) / page * page;
        if (begin < end) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_DONTNEED);
#else
        (void)from;
        (void)to;
#endif
    }

public:
    void skip_blank_lines() noexcept
    {
        const std::string_view text = layout_->text;
        while (position_ < text.size() && (text[position_] == '\n' || text[position_] == '\r')) {
            if (text[position_] == '\r' && position_ + 1 < text.size() && text[position_ + 1] == '\n') ++position_;
            ++position_;
            ++line_;
        }
    }

    [[nodiscard]] std::size_t line() const noexcept { return line_; }


    /// Quoted values longer than this are left to the slow path (see split_row).
    static constexpr std::size_t long_quoted_value = std::size_t{64} << 10;

    // Splits the row at `pos` (not at a line end) into fields, leaving `pos` after its line end
    // and row_end_ at the end of its bytes. Stops at once with `trouble`, the row unfinished, when
    // a quote is out of place or a quoted value does not close within `longest_quoted` bytes: the
    // row then goes to the slow path, whose reader splits it and reports it as claim_csv_reader
    // does. So a quote never closed, which makes the rest of the file one value, is scanned once.
    void split_row(std::vector<field>& fields, bool& trouble, std::size_t longest_quoted = long_quoted_value)
    {
        fields.clear();
        multiline_ = false;
        const char* p = layout_->text.data();
        const std::size_t size = layout_->text.size();
        std::size_t& pos = position_;
        while (true) {
            field f;
            if (pos < size && p[pos] == '"') {
                const std::size_t start = ++pos;
                const std::size_t limit = size - start > longest_quoted ? start + longest_quoted : size;
                while (true) {
                    // The next quote (commas and line breaks before it are text), and the line
                    // breaks on the way.
                    const void* found = pos < limit ? std::memchr(p + pos, '"', limit - pos) : nullptr;
                    if (found == nullptr) {
                        trouble = true;
                        return;
                    }
                    const auto quote = static_cast<std::size_t>(static_cast<const char*>(found) - p);
                    if (const std::size_t breaks = count_line_breaks({p + pos, quote - pos}); breaks != 0) {
                        line_ += breaks;
                        multiline_ = true;
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
                    return;
                }
            } else {
                const std::size_t start = pos;
                pos = specials_.next(pos);
                if (pos < size && p[pos] == '"') {
                    trouble = true;
                    return;
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

private:
    // The line a field of the row split last starts on (its text's first byte: an opening quote
    // is on the same line), for a row that starts on `row_line` at `row_start`.
    [[nodiscard]] std::size_t line_of(const field& f, std::size_t row_start, std::size_t row_line) const noexcept
    {
        if (!multiline_) return row_line;
        const auto at = static_cast<std::size_t>(f.text.data() - layout_->text.data());
        return row_line + count_line_breaks(layout_->text.substr(row_start, at - row_start));
    }

    // The common row: every value read here, or false for the slow path to judge.
    [[nodiscard]] bool fast_row(const std::vector<field>& fields, std::size_t row_start, std::size_t row_line, pending_row& row)
    {
        const layout& l = *layout_;
        auto cell = [&](column c) -> const field& { return fields[l.column[c]]; };
        for (std::size_t c = 0; c < column_count; ++c) {
            if (c != c_text && fields[l.column[c]].doubled_quotes) return false;
        }
        if (l.span && !fields[*l.span].text.empty()) return false;
        const std::string_view raw{l.text.data() + row_start, row_end_ - row_start};
        if (has_non_ascii(raw) && detail::utf8::first_invalid(raw) != std::string_view::npos) return false;

        const std::string_view id_text = cell(c_id).text;
        if (id_text.empty()) return false;
        // The event scope: items trimmed, sorted, without repeats, `;`-joined.
        std::string_view events = cell(c_event).text;
        if (events.empty()) return false;
        if (events.find(';') != std::string_view::npos || trim_blanks(events) != events) {
            items_.clear();
            bool empty_item = false;
            for_each_list_item(events, [&](std::string_view item) {
                if (item.empty()) empty_item = true;
                items_.push_back(item);
            });
            if (empty_item) return false;
            std::sort(items_.begin(), items_.end());
            items_.erase(std::unique(items_.begin(), items_.end()), items_.end());
            std::string& scope_text = scope_text_[pending_slot_ ^ 1U];  // the pending row's scope may be in the other
            scope_text.clear();
            for (const std::string_view item : items_) {
                if (!scope_text.empty()) scope_text += ';';
                scope_text += item;
            }
            events = scope_text;
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
        const key_slots::probe key = look_for_key(events, *cat, *gkind, label, cell(c_about).text);
        const figure_bits* fig = figure_of(cell(c_figure).text);
        if (fig == nullptr) return false;
        const std::string_view source_name = cell(c_source).text;
        if (source_name.empty()) return false;
        const auto skind = enum_from_name<toll::source_kind>(cell(c_source_kind).text);
        if (!skind) return false;
        const std::string_view via = cell(c_via).text;
        if (!via.empty()) {
            bool empty_item = false;
            for_each_list_item(via, [&](std::string_view item) { empty_item = empty_item || item.empty(); });
            if (empty_item) return false;
        }
        std::uint32_t reported_day = 0;
        if (const std::string_view reported = cell(c_reported).text; !reported.empty()) {
            reported_day = day_of(reported);
            if (reported_day == 0) return false;
        }

        record& r = row.value;
        r = record{};
        r.origin = origin(source_name, *skind);
        r.day = reported_day;
        r.low_and_flags = fig->low_and_flags;
        r.high = fig->high;
        const std::optional<exclusion> why = rules::exclusion_of(*l.policy, *skind, is_about_adversary(cell(c_party).text, cell(c_about).text),
                                                                 reported_day, rules::as_of_day(l.options->as_of));
        row.key = key;
        row.why = why;
        row.id = id_text;
        row.start = row_start;
        row.line = line_of(cell(c_id), row_start, row_line);
        return true;
    }

    // Adds the row the fast path read last, if it is not added yet.
    void add_pending()
    {
        if (!has_pending_) return;
        pending_row& row = pending_[pending_slot_];
        row.value.key = key_number(row.key);
        add(row.value, row.why, row.id, row.line);
        has_pending_ = false;
    }

    // A row the fast path does not take: the part's claim_csv_reader reads it where it is, and
    // either it is a claim after all or its error is the row's. Reading goes on where it ends.
    void slow_row(std::size_t row_start, std::size_t row_line)
    {
        const layout& l = *layout_;
        if (!slow_reader_) {
            csv_read_options o;
            o.file = l.options->file;
            o.vagueness = l.options->vagueness;
            o.check_duplicate_ids = false;  // ids are checked once every part is in
            slow_reader_.emplace(l.text, std::move(o));
        }
        claim_csv_reader& reader = *slow_reader_;
        reader.read_from(row_start, row_line);
        claim& c = slow_claim_;
        const csv_step step = reader.next(c);
        if (step == csv_step::end) {  // cannot happen: the row is there
            position_ = l.text.size();
            return;
        }
        position_ = reader.offset();
        line_ = reader.line();
        if (step == csv_step::value) {
            const claim_key k = key_of(c);
            std::string scope;
            for (const auto& e : k.events) {
                if (!scope.empty()) scope += ';';
                scope += e;
            }
            record r = bulk::make_record(key_number(look_for_key(scope, k.category, k.group.kind, k.group.label, k.group.party)),
                                         origin(c.source.origin.name, c.source.origin.kind), 0, c, *l.policy, l.options->as_of);
            const auto code = r.exclusion_code();
            r.low_and_flags &= ~(std::uint64_t{0xF} << record::exclusion_shift);
            add(r, code == 0 ? std::nullopt : std::optional<exclusion>{static_cast<exclusion>(code - 1)}, c.id,
                reader.line_of_cell(l.column[c_id]));
            return;
        }
        // Bad rows are at most an eighth of a guessed part's rows, past the first few (gave_up).
        constexpr std::size_t few = 16;
        if (guessed_ && errors_.size() + 1 >= few && (errors_.size() + 1) * 8 > records_.size() + errors_.size() + 1) {
            position_ = row_start;
            line_ = row_line;
            gave_up_ = true;
            return;
        }
        errors_.push_back(reader.error());
        if (l.options->error_mode == csv_error_mode::stop_at_first) stopped_ = true;
    }

    void add(record r, std::optional<exclusion> why, std::string_view id, std::size_t line)
    {
        if (records_.size() >= bulk::max_claims) throw std::length_error("toll::claims_csv_reconciler: more than bulk::max_claims rows");
        if (why) r.low_and_flags |= std::uint64_t{1U + static_cast<unsigned>(*why)} << record::exclusion_shift;
        r.claim = static_cast<std::uint32_t>(records_.size());
        records_.push_back(r);
        ids_.add(id);
        if (layout_->options->check_duplicate_ids) {
            lines_.push_back(static_cast<std::uint32_t>(std::min<std::size_t>(line, std::numeric_limits<std::uint32_t>::max())));
        }
        ++key_sizes_[r.key];
    }

    // The key of a row, looked for (see key_slots::probe), and its number.
    key_slots::probe look_for_key(std::string_view scope, toll::category cat, group_kind gkind, std::string_view label, std::string_view party)
    {
        packed_key k;
        k.label = label.empty() ? 0 : names_.intern(label);
        k.party = party.empty() ? 0 : names_.intern(party);
        k.category = static_cast<std::uint8_t>(cat);
        k.kind = static_cast<std::uint8_t>(gkind);
        return look_for_key(scope, k);
    }
    // k.scope is not read.
    key_slots::probe look_for_key(std::string_view scope, packed_key k)
    {
        k.scope = 0;
        if (!groups_.empty() && groups_[last_group_] == k) return key_slots_.look_for(scope, last_group_);  // rows come in runs
        const std::uint32_t group = last_group_ = group_table_.find_or_add(
            hash_key(k), [&](std::uint32_t i) { return groups_[i] == k; },
            [&] {
                groups_.push_back(k);
                return static_cast<std::uint32_t>(groups_.size() - 1);
            },
            [this](std::uint32_t i) { return hash_key(groups_[i]); });
        return key_slots_.look_for(scope, group);
    }
    // `store`: see key_slots::find_or_add.
    std::uint32_t key_number(const key_slots::probe& p, bool store = true)
    {
        return key_slots_.find_or_add(
            p,
            [&] {
                packed_key k = groups_[p.group];
                k.scope = static_cast<std::uint32_t>(keys_.size());
                keys_.push_back(k);
                scopes_.add(p.scope);
                key_sizes_.push_back(0);
                return k.scope;
            },
            [this](std::uint32_t id) { return scopes_[id]; }, store);
    }

    // An origin's number: its name's, with its kind in the top 4 bits (names are fewer than
    // bulk::max_claims, 2^28); reduce_grouped looks at the low bits.
    static constexpr std::uint32_t origin_name_mask = (1U << 28) - 1;
    std::uint32_t origin(std::string_view name, toll::source_kind skind)
    {
        static_assert(bulk::max_claims <= origin_name_mask && static_cast<unsigned>(toll::source_kind::other) < 16);
        return origins_.intern(name) | static_cast<std::uint32_t>(skind) << 28;
    }

    // The record bits of a figure text, read once per distinct text; nullptr when it does not read.
    const figure_bits* figure_of(std::string_view text)
    {
        const std::uint32_t id = figure_texts_.intern(text);
        if (id == figure_bits_.size()) {
            figure_bits bits;
            const auto parsed = parse_figure(text, layout_->options->vagueness);
            if (parsed.ok()) {
                bits.ok = true;
                claim c;
                c.figure = *parsed;
                const record r = bulk::make_record(0, 0, 0, c, *layout_->policy);
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
        day_slot& slot = days_[mix(head ^ tail << 48) & (days_.size() - 1)];
        if (slot.day != 0 && slot.head == head && slot.tail == tail) return slot.day;
        const std::uint32_t d = read_day(text);
        if (d != 0) slot = day_slot{head, tail, d};
        return d;
    }

    const layout* layout_;
    std::size_t position_;
    std::size_t line_;
    std::size_t released_;
    std::size_t row_end_ = 0;
    bool guessed_;
    bool gave_up_ = false;
    const std::atomic<bool>* unwanted_ = nullptr;
    bool multiline_ = false;  // the row split last holds a line break in a quoted value
    detail::csv_special_scanner specials_;
    // Reads the rows the fast path does not take, over the whole text (made for the first one).
    std::optional<claim_csv_reader> slow_reader_;
    claim slow_claim_;

    key_slots key_slots_;
    std::vector<packed_key> groups_;  // category, kind, label and party (scope 0), by group number
    std::uint32_t last_group_ = 0;
    id_table group_table_;
    interner origins_;
    interner figure_texts_;
    std::vector<figure_bits> figure_bits_;
    struct day_slot {
        std::uint64_t head = 0;
        std::uint64_t tail = 0;
        std::uint32_t day = 0;
    };
    std::vector<day_slot> days_ = std::vector<day_slot>(4096);
    std::vector<std::string_view> items_;
    std::array<std::string, 2> scope_text_;
    // A row read but not yet added (see read_rows): pending_[pending_slot_], when has_pending_.
    std::array<pending_row, 2> pending_;
    unsigned pending_slot_ = 0;
    bool has_pending_ = false;
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
    /// Keys with at least one claim (a key whose only rows repeated earlier ids has none).
    [[nodiscard]] std::size_t keys() const noexcept { return keys_.size() - keys_left_empty_; }
    [[nodiscard]] const toll::policy& policy() const noexcept { return policy_; }
    /// The id of claim `index` (rows that read, in file order).
    [[nodiscard]] std::string_view id(std::uint32_t index) const noexcept { return ids_[index]; }

    /// Reconciles (once) and calls `f(const csv_key_result&)` for every key, in order of first
    /// appearance.
    template <class F>
    void for_each_key(F&& f)
    {
        const std::vector<std::size_t> chunks = reduction_chunks();
        chunk_scratch scratch;
        for (std::size_t c = 0; c + 1 < chunks.size(); ++c) reduce_chunk(chunks[c], chunks[c + 1], scratch, f);
        statuses_ = scratch.statuses;
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

    /// Reconciles and writes one CSV row per key (columns at the top of this header). Stretches
    /// of keys are reduced and written out as text by options.threads threads side by side (so
    /// options.event_name must be safe to call from several threads at once); the rows come out
    /// in order.
    void write_csv(std::ostream& out)
    {
        std::string header{options_.event_name ? "event,event_name," : "event,"};
        header += "category,group,about_party,low,high,best,lower,upper,status,policy,claims,used,excluded,"
                  "low_claim,high_claim,best_claim,lower_claim,upper_claim,excluded_claims";
        header += options_.line_end;
        out.write(header.data(), static_cast<std::streamsize>(header.size()));

        const std::vector<std::size_t> chunks = reduction_chunks();
        const std::size_t count = chunks.size() - 1;
        // Each writer keeps up to two chunks of text (a few MiB) waiting: eight are plenty for
        // one output stream and bound that memory on machines with many cores.
        const std::size_t writers = std::min({count, thread_count(), std::size_t{8}});
        std::vector<chunk_scratch> scratch(std::max<std::size_t>(writers, 1));
        const auto write_alone = [&] {
            std::string text;
            for (std::size_t c = 0; c < count; ++c) {
                write_chunk(chunks[c], chunks[c + 1], scratch[0], text);
                if (text.size() >= (std::size_t{1} << 20) || c + 1 == count) {
                    out.write(text.data(), static_cast<std::streamsize>(text.size()));
                    text.clear();
                }
            }
        };
        if (writers <= 1) {
            write_alone();
        } else {
            // Writer w makes the text of chunks w, w + writers, ...; this thread writes them out
            // in order. A chunk's text waits in one of `ring` slots until it is written.
            const std::size_t ring = 2 * writers;
            std::vector<std::string> text(ring);
            std::vector<std::size_t> ready(ring, 0);  // chunk number + 1 whose text the slot holds
            std::size_t written = 0;                  // chunks written out so far
            bool failed = false;
            std::exception_ptr failure;
            std::mutex m;
            std::condition_variable changed;
            // Tells every thread to stop, keeping the first failure to rethrow.
            const auto stop_all = [&](std::exception_ptr why) {
                std::lock_guard lock{m};
                failed = true;
                if (!failure) failure = std::move(why);
                changed.notify_all();
            };
            const auto write_chunks = [&](std::size_t w) {
                try {
                    for (std::size_t c = w; c < count; c += writers) {
                        std::string slot_text;
                        {
                            std::unique_lock lock{m};
                            changed.wait(lock, [&] { return failed || written + ring > c; });
                            if (failed) return;
                            slot_text = std::move(text[c % ring]);
                        }
                        slot_text.clear();
                        write_chunk(chunks[c], chunks[c + 1], scratch[w], slot_text);
                        std::lock_guard lock{m};
                        text[c % ring] = std::move(slot_text);
                        ready[c % ring] = c + 1;
                        changed.notify_all();
                    }
                } catch (...) {
                    stop_all(std::current_exception());
                }
            };
            bool started = true;
            {
                std::vector<std::jthread> threads;
                try {
                    for (std::size_t w = 0; w < writers; ++w) threads.emplace_back(write_chunks, w);
                } catch (const std::system_error&) {
                    started = false;  // no threads to be had: stop those started, write alone
                    stop_all(nullptr);
                }
                if (started) {
                    try {
                        for (std::size_t c = 0; c < count; ++c) {
                            std::string slot_text;
                            {
                                std::unique_lock lock{m};
                                changed.wait(lock, [&] { return failed || ready[c % ring] == c + 1; });
                                if (failed) break;
                                slot_text = std::move(text[c % ring]);
                            }
                            out.write(slot_text.data(), static_cast<std::streamsize>(slot_text.size()));
                            std::lock_guard lock{m};
                            text[c % ring] = std::move(slot_text);
                            written = c + 1;
                            changed.notify_all();
                        }
                    } catch (...) {
                        stop_all(std::current_exception());
                    }
                }
            }
            if (failure) std::rethrow_exception(failure);
            if (!started) {
                for (chunk_scratch& each : scratch) each.statuses.fill(0);
                write_alone();
            }
        }
        statuses_.fill(0);
        for (const chunk_scratch& s : scratch) {
            for (std::size_t i = 0; i < statuses_.size(); ++i) statuses_[i] += s.statuses[i];
        }
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

    // ---- results ----

    [[nodiscard]] std::size_t thread_count() const noexcept
    {
        return options_.threads != 0 ? options_.threads : std::max(1U, std::thread::hardware_concurrency());
    }

    // What one thread needs to reduce and write stretches of keys.
    struct chunk_scratch {
        bulk::result out;  // its keys; the fates are the reconciler's
        std::vector<bulk::record> records;
        std::array<std::size_t, 4> statuses{};
        csv_key_result key;
        std::string cell;        // a cell put together before it is quoted
        std::string name;        // the event name of `named_scope`
        std::string_view named_scope;
        bool have_name = false;
    };

    // Groups the records (once), sizes the fates and cuts the records into stretches of whole
    // keys, about options_.chunk_rows records each: chunk c is records_[chunks[c], chunks[c + 1]).
    std::vector<std::size_t> reduction_chunks()
    {
        group_records();
        fates_.resize(records_.size());
        std::vector<std::size_t> chunks{0};
        const std::size_t chunk = std::max<std::size_t>(options_.chunk_rows, 1);
        while (chunks.back() < records_.size()) {
            std::size_t last = std::min(records_.size(), chunks.back() + chunk);
            while (last < records_.size() && records_[last].key == records_[last - 1].key) ++last;
            chunks.push_back(last);
        }
        return chunks;
    }

    // Reduces the keys of records_[first, last) (the fates go to fates_) and calls f for each.
    template <class F>
    void reduce_chunk(std::size_t first, std::size_t last, chunk_scratch& scratch, F&& f)
    {
        scratch.out.keys.clear();
        // Each key's rows are in claim-id order (group_block), so ranking them by position breaks
        // ties by id, as every engine does; the summary's claims are positions until mapped below.
        bulk::detail::reduce_grouped(records_.data() + first, records_.data() + last, {fates_.data(), fates_.size()},
                                     scratch.out.keys, scratch.records, policy_.best, bulk::detail::rank_by_position{});
        csv_key_result& k = scratch.key;
        std::size_t r = first;
        for (const bulk::key_result& kr : scratch.out.keys) {
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
                k.used += fates_[records_[r].claim].used() ? 1U : 0U;
            }
            k.rows = {records_.data() + key_first, r - key_first};
            k.fates = {fates_.data(), fates_.size()};
            const auto claim_at = [&](std::uint32_t& position) {
                if (position != detail::nobody) position = k.rows[position].claim;
            };
            for (std::uint32_t* by : {&k.summary.reported_low_by, &k.summary.reported_high_by, &k.summary.lower_by, &k.summary.upper_by,
                                      &k.summary.best_by}) {
                claim_at(*by);
            }
            k.best = k.summary.has_best() ? std::optional<count_type>{k.summary.best} : std::nullopt;
            k.best_by = k.summary.best_by;
            ++scratch.statuses[static_cast<std::size_t>(k.status)];
            f(std::as_const(k));
        }
    }

    // Appends the CSV rows of the keys of records_[first, last) to `text`.
    void write_chunk(std::size_t first, std::size_t last, chunk_scratch& scratch, std::string& text)
    {
        const std::string_view end = options_.line_end;
        auto number = [&](count_type v) {
            char digits[24];
            const auto [p, ec] = std::to_chars(digits, digits + sizeof digits, v);
            text.append(digits, static_cast<std::size_t>(p - digits));
        };
        auto cell = [&](std::string_view s) { csv_writer::append_field(text, s); };
        auto claim_cell = [&](std::uint32_t index) {
            if (index != detail::nobody) cell(ids_[index]);
        };
        reduce_chunk(first, last, scratch, [&](const csv_key_result& k) {
            const detail::summary& s = k.summary;
            cell(k.events);
            text += ',';
            if (options_.event_name) {
                if (!scratch.have_name || k.events != scratch.named_scope) {
                    scratch.name.clear();
                    options_.event_name(k.events, scratch.name);
                    scratch.named_scope = k.events;  // stays valid while writing
                    scratch.have_name = true;
                }
                cell(scratch.name);
                text += ',';
            }
            text += to_string(k.category);
            text += ',';
            if (k.label.empty()) {
                text += to_string(k.kind);
            } else {
                scratch.cell.assign(to_string(k.kind));
                scratch.cell += '/';
                scratch.cell += k.label;
                cell(scratch.cell);
            }
            text += ',';
            cell(k.party);
            text += ',';
            const bool known = k.status != status::unknown;
            if (known) number(s.reported_low);
            text += ',';
            if (known && s.reported_high != detail::unbounded) number(s.reported_high);
            text += ',';
            if (k.best) number(*k.best);
            text += ',';
            if (known) number(s.lower);
            text += ',';
            if (known && s.capped()) number(s.upper);
            text += ',';
            text += to_string(k.status);
            text += ',';
            cell(policy_.name);
            text += ',';
            number(k.claims);
            text += ',';
            number(k.used);
            text += ',';
            number(k.claims - k.used);
            text += ',';
            if (known) claim_cell(s.reported_low_by);
            text += ',';
            if (known) claim_cell(s.reported_high_by);
            text += ',';
            if (k.best) claim_cell(k.best_by);
            text += ',';
            if (known) claim_cell(s.lower_by);
            text += ',';
            if (known && s.capped()) claim_cell(s.upper_by);
            text += ',';
            if (k.used != k.claims) {
                // id=reason, or id=reason:counted_instead for superseded and relayed claims.
                scratch.cell.clear();
                for (const bulk::record& row : k.rows) {
                    const bulk::fate f = k.fates[row.claim];
                    const auto why = f.exclusion();
                    if (!why) continue;
                    if (!scratch.cell.empty()) scratch.cell += ';';
                    scratch.cell += ids_[row.claim];
                    scratch.cell += '=';
                    scratch.cell += to_string(*why);
                    if (const std::uint32_t instead = f.counted_instead(); instead != detail::nobody) {
                        scratch.cell += ':';
                        scratch.cell += ids_[instead];
                    }
                }
                cell(scratch.cell);
            }
            text += end;
        });
    }


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

    // ---- reading ----

    void read(std::string_view text, bool releasable)
    {
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
        // Where the header is, and the columns' places: a part reading the header row finds them.
        layout_ = detail::bulk_csv::layout{};
        layout_.text = text;
        layout_.releasable = releasable;
        layout_.policy = &policy_;
        layout_.options = &options_;
        std::size_t body = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
        std::size_t body_line = 1;
        {
            detail::bulk_csv::part header_row{layout_, body, body, 1};
            header_row.skip_blank_lines();
            std::vector<detail::bulk_csv::field> fields;
            bool trouble = false;
            header_row.split_row(fields, trouble, std::numeric_limits<std::size_t>::max());  // a valid header
            layout_.width = fields.size();
            for (std::size_t c = 0; c < detail::bulk_csv::column_count; ++c) {
                for (std::size_t i = 0; i < fields.size(); ++i) {
                    if (fields[i].text == claim_csv_reader::required_columns[c]) layout_.column[c] = i;
                }
            }
            for (std::size_t i = 0; i < fields.size(); ++i) {
                if (fields[i].text == "span") layout_.span = i;
            }
            body = header_row.position();
            body_line = header_row.line();
        }
        read_parts(body, body_line);
        if (options_.check_duplicate_ids) find_duplicate_ids();
    }

    // Reads the rows after the header in parts side by side, one per thread, each from a row start
    // guessed as the byte after a line end; a guess is right when the part before it, read in
    // full, ends exactly there (a line end inside a quoted value makes a wrong one). A part that
    // began at a wrong guess is dropped and the part before reads on over its stretch. A part
    // whose rows are mostly bad gives up early (part::gave_up), so that bad input costs about
    // what a good file of its size does: the part before reads on from there.
    void read_parts(std::size_t body, std::size_t body_line)
    {
        const std::string_view text = layout_.text;
        std::vector<std::size_t> starts{body};
        const std::size_t threads = options_.threads != 0 ? options_.threads : std::max(1U, std::thread::hardware_concurrency());
        const std::size_t parts = std::clamp<std::size_t>((text.size() - body) / std::max<std::size_t>(options_.min_part_bytes, 1), 1, threads);
        for (std::size_t i = 1; i < parts; ++i) {
            const std::size_t guess = body + (text.size() - body) / parts * i;
            const std::size_t line_end = text.find('\n', std::max(guess, starts.back()));
            if (line_end == std::string_view::npos || line_end + 1 >= text.size()) break;
            starts.push_back(line_end + 1);
        }
        starts.push_back(text.size());

        // Rows per byte, from the first rows, to size each part's key table: about half a key per row.
        const std::string_view sample = text.substr(body, std::size_t{1} << 18);
        const double rows_per_byte = static_cast<double>(std::count(sample.begin(), sample.end(), '\n') + 1) /
                                     static_cast<double>(sample.size() + 1);
        std::vector<detail::bulk_csv::part> part;
        part.reserve(starts.size() - 1);
        for (std::size_t i = 0; i + 1 < starts.size(); ++i) {
            const auto expected_keys = static_cast<std::size_t>(static_cast<double>(starts[i + 1] - starts[i]) * rows_per_byte / 2);
            part.emplace_back(layout_, starts[i], starts[i + 1], i == 0 ? body_line : 1, i != 0, expected_keys);
        }
        std::vector<std::exception_ptr> failure(part.size());
        // Set when part i's rows are not wanted (its guess was wrong, or reading stopped): it
        // stops after the row it is reading.
        std::vector<std::atomic<bool>> unwanted(part.size());
        for (std::size_t i = 0; i < part.size(); ++i) part[i].stop_when(unwanted[i]);
        const auto read_part = [&](std::size_t i) {
            try {
                part[i].read_rows(starts[i + 1]);
            } catch (...) {
                failure[i] = std::current_exception();
            }
        };
        detail::bulk_csv::part& whole = part[0];
        {
            std::vector<std::jthread> workers(part.size());  // workers[i] reads part i (i > 0)
            for (std::size_t i = 1; i < part.size(); ++i) {
                try {
                    workers[i] = std::jthread{read_part, i};
                } catch (const std::system_error&) {
                    read_part(i);  // no thread to be had: read it here
                }
            }
            // The parts in file order, each checked as soon as the reading before it is done, so
            // that one begun at a wrong guess is stopped while the others still read.
            try {
                read_part(0);
                if (failure[0]) std::rethrow_exception(failure[0]);
                for (std::size_t i = 1; i < part.size(); ++i) {
                    const bool wanted = !whole.stopped() && whole.position() == starts[i];
                    if (wanted) {
                        if (workers[i].joinable()) workers[i].join();
                        if (failure[i]) std::rethrow_exception(failure[i]);
                        // Rows come after it when it gave up: its keys must stay findable then.
                        const bool last = i + 1 == part.size() && !part[i].gave_up();
                        whole.absorb(std::move(part[i]), last);
                    } else {
                        unwanted[i].store(true, std::memory_order_relaxed);
                    }
                    // Reads on where part i gave up, or over its whole stretch when it began
                    // inside a row; nothing when it read its stretch.
                    whole.read_rows(starts[i + 1]);
                    if (workers[i].joinable()) workers[i].join();
                    part[i] = detail::bulk_csv::part{layout_, 0, 0, 1};  // frees it
                }
            } catch (...) {
                for (std::atomic<bool>& u : unwanted) u.store(true, std::memory_order_relaxed);
                throw;  // once every worker is joined
            }
        }
        // The lookup tables are done with; what the results need stays.
        whole.free_lookups();
        errors_ = std::move(whole.errors_);
        stopped_ = whole.stopped_;
        records_ = std::move(whole.records_);
        ids_ = std::move(whole.ids_);
        lines_ = std::move(whole.lines_);
        keys_ = std::move(whole.keys_);
        key_sizes_ = std::move(whole.key_sizes_);
        scopes_ = std::move(whole.scopes_);
        key_blocks_ = std::move(whole.key_blocks_);
        names_ = std::move(whole.names_);
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
            e.column = layout_.column[detail::bulk_csv::c_id] + 1;
            e.column_name = "id";
            e.code = csv_errc::duplicate_id;
            e.reason = detail::duplicate_id_reason(ids_[later], lines_[earlier]);
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
                if (--key_sizes_[records_[i].key] == 0) ++keys_left_empty_;
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
        detail::bulk_csv::string_list kept;
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

    // Puts every key's records together, keys in order of first appearance and claims in id
    // order inside each key, in place (American-flag permutations): no second copy of the records.
    // The keys come in blocks, one per part read (key_blocks_): a part's rows have keys of its
    // block or an earlier one. So the records are first put in blocks, which moves few of them,
    // and then the blocks are grouped side by side.
    void group_records()
    {
        if (grouped_) return;
        grouped_ = true;
        lines_ = {};
        std::vector<std::uint32_t> key_start = key_blocks_;  // block b's keys: [key_start[b], key_start[b + 1])
        key_start.insert(key_start.begin(), 0);
        key_start.push_back(static_cast<std::uint32_t>(keys_.size()));
        const std::size_t blocks = key_start.size() - 1;
        std::vector<std::size_t> start(blocks + 1, 0);  // block b's records: [start[b], start[b + 1])
        for (std::size_t b = 0; b < blocks; ++b) {
            start[b + 1] = start[b];
            for (std::uint32_t k = key_start[b]; k < key_start[b + 1]; ++k) start[b + 1] += key_sizes_[k];
        }
        if (blocks > 1) {
            const auto block_of = [&](std::uint32_t key) {
                return static_cast<std::size_t>(std::upper_bound(key_start.begin() + 1, key_start.end(), key) - key_start.begin() - 1);
            };
            std::vector<std::size_t> next(start.begin(), start.end() - 1);
            for (std::size_t b = 0; b < blocks; ++b) {
                for (; next[b] < start[b + 1]; ++next[b]) {
                    record r = records_[next[b]];
                    if (r.key >= key_start[b] && r.key < key_start[b + 1]) continue;
                    for (std::size_t rb = block_of(r.key); rb != b; rb = block_of(r.key)) std::swap(r, records_[next[rb]++]);
                    records_[next[b]] = r;
                }
            }
        }
        const std::size_t threads = std::min(blocks, thread_count());
        std::vector<std::exception_ptr> failure(threads);
        {
            std::vector<std::jthread> workers;
            const auto group_blocks = [&](std::size_t t) {
                try {
                    for (std::size_t b = t; b < blocks; b += threads) group_block(key_start[b], key_start[b + 1], start[b]);
                } catch (...) {
                    failure[t] = std::current_exception();
                }
            };
            for (std::size_t t = 1; t < threads; ++t) {
                try {
                    workers.emplace_back(group_blocks, t);
                } catch (const std::system_error&) {
                    group_blocks(t);  // no thread to be had: group them here
                }
            }
            group_blocks(0);
        }
        for (const std::exception_ptr& f : failure) {
            if (f) std::rethrow_exception(f);
        }
        detail::big_vector<std::uint32_t>{}.swap(key_sizes_);
    }

    // Groups the records of keys [first_key, last_key), which start at records_[first_record].
    void group_block(std::uint32_t first_key, std::uint32_t last_key, std::size_t first_record)
    {
        // Record positions fit in 32 bits (bulk::max_claims).
        const std::size_t keys = last_key - first_key;
        detail::big_vector<std::uint32_t> next(keys + 1, static_cast<std::uint32_t>(first_record));
        for (std::size_t k = 0; k < keys; ++k) next[k + 1] = next[k] + key_sizes_[first_key + k];
        const detail::big_vector<std::uint32_t> end(next.begin() + 1, next.end());
        for (std::size_t k = 0; k < keys; ++k) {
            while (next[k] < end[k]) {
                record r = records_[next[k]];
                while (r.key != first_key + k) std::swap(r, records_[next[r.key - first_key]++]);
                records_[next[k]++] = r;
            }
        }
        // Put each key's rows in claim-id order, which is how every engine breaks ties (rules.hpp;
        // the reduction ranks rows by position). They are put in file order first, with integer
        // compares: files whose ids ascend then need only one id compare per row to confirm it.
        const auto id_less = [this](const record& x, const record& y) {
            const std::string_view a = ids_[x.claim];
            const std::string_view b = ids_[y.claim];
            return a < b || (a == b && x.claim < y.claim);  // equal ids only when duplicates are not checked
        };
        std::size_t first = first_record;
        for (std::size_t k = 0; k < keys; ++k) {
            const std::size_t last = end[k];
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
                if (!std::is_sorted(b, e, id_less)) std::sort(b, e, id_less);
            }
            first = last;
        }
    }

    toll::policy policy_;
    reconcile_csv_options options_;

    const char* data_ = nullptr;
    std::size_t size_ = 0;
    bool mapped_ = false;
    std::string owned_;

    detail::bulk_csv::layout layout_;
    std::vector<csv_error> errors_;
    bool stopped_ = false;
    std::vector<std::string> extra_columns_;

    detail::big_vector<record> records_;
    detail::bulk_csv::string_list ids_;
    detail::big_vector<std::uint32_t> lines_;
    detail::big_vector<detail::bulk_csv::packed_key> keys_;
    detail::big_vector<std::uint32_t> key_sizes_;
    std::size_t keys_left_empty_ = 0;  // keys whose every row was a repeated id (find_duplicate_ids)
    detail::bulk_csv::string_list scopes_;
    std::vector<std::uint32_t> key_blocks_;  // the first key of each block but the first (see group_records)
    detail::bulk_csv::interner names_;
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
