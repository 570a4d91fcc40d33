#pragma once
// The reading half of the streaming CSV path (toll/io/reconcile_csv.hpp): one part of the file's
// rows turned into compact records, with the part's own numbering of keys, scopes, names and
// origins, and the fast row splitter that finds anything unusual and hands such a row to
// toll::claim_csv_reader.

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
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
#include <toll/io/detail/csv_blocks.hpp>
#include <toll/io/detail/csv_scan.hpp>
#include <toll/io/detail/claim_lines.hpp>
#include <toll/io/detail/csv_records.hpp>
#include <toll/detail/huge_pages.hpp>
#include <toll/detail/on_threads.hpp>
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
#include <toll/io/detail/mapped_file.hpp>
#include <toll/io/reconcile_csv_options.hpp>

namespace toll {

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

// The position of `c` in a row's value, or npos: a loop, which for values of a few bytes costs
// less than the call to memchr that string_view::find makes.
[[nodiscard]] constexpr std::size_t position_of(std::string_view s, char c) noexcept
{
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == c) return i;
    }
    return std::string_view::npos;
}
[[nodiscard]] constexpr bool holds(std::string_view s, char c) noexcept { return position_of(s, c) != std::string_view::npos; }

/// One field as the fast tokenizer saw it.
struct field {
    std::string_view text;
    bool doubled_quotes = false;  // text still has its doubled quotes: not read by the fast path
};

/// A YYYY-MM-DD day number (Boost's), or 0 when `text` is not a date toll reads.
[[nodiscard]] constexpr std::uint32_t read_day(std::string_view text) noexcept
{
    const auto d = read_iso_date_fields(text);
    return d.problem.empty() ? julian_day_number(d) : 0U;
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
        : layout_{&l}, position_{begin}, line_{line}, released_{round_up_to_page(begin)}, guessed_{guessed}, specials_{l.text}, blocks_{l.text},
          key_slots_{expected_keys}
    {
        // Address space for the worst case; pages are touched only as rows arrive.
        const std::size_t max_rows = (end - begin) / (2 * column_count) + 1;
        records_.reserve(max_rows);
        ids_.reserve(max_rows, end - begin);
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
    /// more rows come after, so later's new keys need not be findable. `threads`: how many may
    /// look up later's keys at once.
    void absorb(part&& later, bool last, std::size_t threads = 1)
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
        // Later's keys looked up here, on `threads` threads (looking changes nothing), each slot
        // fetched `ahead` keys before it is needed; then the keys not here are numbered after
        // these, in later's order. Later's keys are distinct, so one not found is new whatever
        // was added before it.
        big_vector<std::uint32_t> key(later.keys_.size());
        const auto renamed = [&](std::uint32_t k) {
            packed_key pk = later.keys_[k];
            pk.label = name[pk.label];
            pk.party = name[pk.party];
            return pk;
        };
        const auto scope_of = [this](std::uint32_t id) { return scopes_[id]; };
        const std::size_t keys = key.size();
        // Every thread looks, however few the keys: a part is megabytes of rows outside the tests,
        // which then run this as it runs on a large file.
        const std::size_t lookers = std::clamp<std::size_t>(keys, 1, std::max<std::size_t>(threads, 1));
        toll::detail::on_threads(lookers, [&](std::size_t t) {
            const auto first = static_cast<std::uint32_t>(keys * t / lookers);
            const auto end = static_cast<std::uint32_t>(keys * (t + 1) / lookers);
            const auto look_for = [&](std::uint32_t k) {
                const packed_key pk = renamed(k);
                return look_for_existing_key(later.scopes_[pk.scope], pk);
            };
            constexpr std::uint32_t ahead = 16;
            std::array<std::optional<key_slots::probe>, ahead> probes;
            for (std::uint32_t k = first; k < std::min(first + ahead, end); ++k) probes[k % ahead] = look_for(k);
            for (std::uint32_t k = first; k < end; ++k) {
                const auto& probe = probes[k % ahead];
                key[k] = probe ? key_slots_.find(*probe, scope_of) : key_slots::absent;
                if (k + ahead < end) probes[k % ahead] = look_for(k + ahead);
            }
        });
        for (std::uint32_t k = 0; k < keys; ++k) {
            if (key[k] == key_slots::absent) {
                // Found nowhere: numbered on, and looked up and stored only if rows come after
                // (a probe of a table of millions of keys costs a hash and a cache miss).
                const packed_key pk = renamed(k);
                const std::string_view scope = later.scopes_[pk.scope];
                key[k] = last ? new_key(group_number(pk), scope) : key_number(look_for_key(scope, pk));
            }
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
        lines_.append(later.lines_, line_offset);
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
    claim_lines lines_;  // when duplicate ids are checked
    big_vector<packed_key> keys_;
    big_vector<std::uint32_t> key_sizes_;
    string_list scopes_;  // each key's scope, by key number
    std::vector<std::uint32_t> key_blocks_;  // the first key of each part absorbed
    interner names_;

private:

    // Gives back the pages of the mapping between the last release and `upto`: every value
    // kept was copied out. Each part gives back only whole pages inside its own stretch.
    void release_before(std::size_t upto) noexcept
    {
        constexpr std::size_t step = std::size_t{8} << 20;
        if (upto < released_ + step) return;
        const std::size_t end = upto / page_size() * page_size();
        give_back(layout_->text.data() + released_, layout_->text.data() + end);
        released_ = end;
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
    // What split_row found of the row it split last, besides its fields (read by fast_row; public
    // for the tests).
    [[nodiscard]] std::size_t row_end() const noexcept { return row_end_; }
    [[nodiscard]] bool multiline() const noexcept { return multiline_; }
    [[nodiscard]] bool doubled_quotes() const noexcept { return doubled_quotes_; }


    /// Quoted values longer than this are left to the slow path (see split_row).
    static constexpr std::size_t long_quoted_value = std::size_t{64} << 10;

    // Splits the row at `pos` (not at a line end) into fields, leaving `pos` after its line end
    // and row_end_ at the end of its bytes. Stops at once with `trouble`, the row unfinished, when
    // a quote is out of place or a quoted value does not close within `longest_quoted` bytes: the
    // row then goes to the slow path, whose reader splits it and reports it as claim_csv_reader
    // does. So a quote never closed, which makes the rest of the file one value, is scanned once.
    //
    // A block of 64 bytes at a time (csv_blocks.hpp): the quotes' prefix xor gives the bytes
    // inside quoted values, and the separators outside them are the fields' ends, walked bit by
    // bit. A quote is in place when it opens a field (after a separator, a quote or at the row's
    // start) or closes one (before a separator, a quote or the text's end); a quote after a
    // closing one is a doubled quote. Anything else — a quote out of place, a quoted value too
    // long or never closed — is left to split_row_by_fields, from the row's start, which then
    // does exactly what it always did: the fast walk changes nothing until the row is read.
    void split_row(std::vector<field>& fields, bool& trouble, std::size_t longest_quoted = long_quoted_value)
    {
        const char* const p = layout_->text.data();
        const std::size_t size = layout_->text.size();
        const std::size_t row_start = position_;
        if (row_start >= size) return split_row_by_fields(fields, trouble, longest_quoted);
        constexpr std::uint64_t all = ~std::uint64_t{0};
        // The fields are written over the row before's, in place: the vector grows only for a row
        // with more fields than any before, and is cut to this row's at its end.
        std::size_t count = 0;
        std::size_t room = fields.size();
        field* out = fields.data();
        bool multiline = false;
        bool doubled = false;
        std::size_t quoted_breaks = 0;  // line ends inside quoted values, as count_line_breaks counts them
        std::size_t field_start = row_start;
        bool field_doubled = false;  // a doubled quote in the field at field_start, in the blocks before this one
        std::size_t base = row_start & ~std::size_t{63};
        std::uint64_t in_text = all << (row_start - base);  // this block's bytes from the row's start on
        const detail::csv_blocks::block* b = &blocks_.at(base);
        // Quotes are counted from the row's start, which is outside any quoted value: `flip`
        // undoes the parity of the block's quotes before it (all ones when odd).
        std::uint64_t flip = row_start == base ? 0 : std::uint64_t{0} - ((b->quote_parity >> (row_start - base - 1)) & 1U);
        std::uint64_t row_start_bit = std::uint64_t{1} << (row_start - base);  // a quote may open the row, whatever is before it
        while (true) {
            const detail::csv_block_masks& m = b->masks;
            const std::uint64_t inside = b->quote_parity ^ flip;
            const std::uint64_t opening = m.quotes & inside;
            const std::uint64_t closing = m.quotes & ~inside;
            const std::uint64_t separators = m.separators & ~inside & in_text;
            const std::uint64_t ends = separators & m.line_breaks;
            // The row's bytes in this block: up to its line end, if that is here (the mask up to
            // the lowest bit of `ends`, or every bit when it has none).
            const std::uint64_t in_row = in_text & (ends ^ (ends - 1));
            // A quote in place: an opening one after a separator, a quote or at the row's start, a
            // closing one before a separator, a quote or the text's end.
            if ((((opening & ~(b->may_open | row_start_bit)) | (closing & ~b->may_close)) & in_row) != 0) {
                return split_row_by_fields(fields, trouble, longest_quoted);
            }
            if (const std::uint64_t breaks = m.line_breaks & inside & in_row; breaks != 0) {
                multiline = true;
                for (std::uint64_t left = breaks; left != 0; left &= left - 1) {
                    const std::size_t at = base + static_cast<std::size_t>(std::countr_zero(left));
                    if (p[at] == '\n' || at + 1 == size || p[at + 1] != '\n') ++quoted_breaks;
                }
            }
            // A closing quote followed by a quote: the first of a doubled pair.
            const std::uint64_t pairs = closing & b->quote_pairs & in_row;
            for (std::uint64_t left = separators & in_row; left != 0; left &= left - 1) {
                const auto bit = static_cast<unsigned>(std::countr_zero(left));
                const std::size_t at = base + bit;
                field f;
                f.text = std::string_view{p + field_start, at - field_start};
                if (p[field_start] == '"') {  // then p[at - 1] closes it: nothing is out of place
                    const std::size_t length = at - field_start - 2;
                    if (length >= longest_quoted) return split_row_by_fields(fields, trouble, longest_quoted);
                    f.text = std::string_view{p + field_start + 1, length};
                    const std::uint64_t from = field_start > base ? all << (field_start - base) : all;
                    f.doubled_quotes = field_doubled || (pairs & from & ~(all << bit)) != 0;
                    doubled = doubled || f.doubled_quotes;
                }
                if (count == room) {
                    fields.resize(room = std::max<std::size_t>(2 * room, 16));
                    out = fields.data();
                }
                out[count++] = f;
                field_start = at + 1;
                field_doubled = false;
            }
            if (ends != 0) {
                const std::size_t at = base + static_cast<std::size_t>(std::countr_zero(ends));
                fields.resize(count);
                row_end_ = at;
                position_ = at + 1;
                if (p[at] == '\r' && position_ < size && p[position_] == '\n') ++position_;
                line_ += quoted_breaks + 1;
                multiline_ = multiline;
                doubled_quotes_ = doubled;
                return;
            }
            if (pairs != 0 && field_start < base + 64 && (pairs & (field_start > base ? all << (field_start - base) : all)) != 0) {
                field_doubled = true;
            }
            flip = std::uint64_t{0} - (inside >> 63);
            base += 64;
            if (base >= size) break;
            // A quoted value open past `longest_quoted` bytes: stop here, not at its end.
            if (flip != 0 && base - field_start - 1 >= longest_quoted) return split_row_by_fields(fields, trouble, longest_quoted);
            b = &blocks_.at(base);
            in_text = all;
            row_start_bit = 0;
        }
        // The text ends the row: a quoted value still open there is never closed.
        if (flip != 0) return split_row_by_fields(fields, trouble, longest_quoted);
        field f;
        f.text = std::string_view{p + field_start, size - field_start};
        if (field_start < size && p[field_start] == '"') {
            const std::size_t length = size - field_start - 2;
            if (length >= longest_quoted) return split_row_by_fields(fields, trouble, longest_quoted);
            f.text = std::string_view{p + field_start + 1, length};
            f.doubled_quotes = field_doubled;
            doubled = doubled || field_doubled;
        }
        fields.resize(count);
        fields.push_back(f);
        row_end_ = size;
        position_ = size;
        line_ += quoted_breaks;
        multiline_ = multiline;
        doubled_quotes_ = doubled;
    }

    // split_row field by field, each found with csv_special_scanner and next_quote_or_line_break:
    // what split_row does with a row it does not split itself, and (public for the tests) the
    // measure of what it must do with any row.
    void split_row_by_fields(std::vector<field>& fields, bool& trouble, std::size_t longest_quoted = long_quoted_value)
    {
        fields.clear();
        multiline_ = false;
        doubled_quotes_ = false;
        const char* p = layout_->text.data();
        const std::size_t size = layout_->text.size();
        std::size_t& pos = position_;
        while (true) {
            field f;
            if (pos < size && p[pos] == '"') {
                const std::size_t start = ++pos;
                const std::size_t limit = size - start > longest_quoted ? start + longest_quoted : size;
                while (true) {
                    // The next quote (commas before it are text), counting the line breaks on the
                    // way as count_line_breaks does (LF, CRLF once, a lone CR), in one pass.
                    const std::size_t quote = next_quote_or_line_break(p, pos, limit);
                    if (quote == limit) {
                        trouble = true;
                        return;
                    }
                    if (p[quote] != '"') {
                        if (p[quote] == '\n' || quote + 1 == size || p[quote + 1] != '\n') ++line_;
                        multiline_ = true;
                        pos = quote + 1;
                        continue;
                    }
                    if (quote + 1 < size && p[quote + 1] == '"') {
                        f.doubled_quotes = true;
                        doubled_quotes_ = true;
                        pos = quote + 2;
                        // A pair whose second quote is at the limit: the value is too long (and
                        // the search from past the limit would not stop at it).
                        if (pos > limit) {
                            trouble = true;
                            return;
                        }
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
        for (std::size_t c = 0; doubled_quotes_ && c < column_count; ++c) {
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
        if (holds(events, ';') || is_blank(events.front()) || is_blank(events.back())) {
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
        const std::size_t slash = position_of(group_text, '/');
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
            reported_day = read_day(reported);
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
        if (layout_->options->check_duplicate_ids) lines_.add(line);
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
    key_slots::probe look_for_key(std::string_view scope, packed_key k) { return key_slots_.look_for(scope, group_number(k)); }
    // The number of k's category, kind, label and party together, added when new. k.scope is not read.
    std::uint32_t group_number(packed_key k)
    {
        k.scope = 0;
        if (!groups_.empty() && groups_[last_group_] == k) return last_group_;  // rows come in runs
        return last_group_ = group_table_.find_or_add(
                   hash_key(k), [&](std::uint32_t i) { return groups_[i] == k; },
                   [&] {
                       groups_.push_back(k);
                       return static_cast<std::uint32_t>(groups_.size() - 1);
                   },
                   [this](std::uint32_t i) { return hash_key(groups_[i]); });
    }
    // The key's probe, adding nothing (so several threads may look at once): nothing when its
    // group is not here, as then neither is the key. k.scope is not read.
    [[nodiscard]] std::optional<key_slots::probe> look_for_existing_key(std::string_view scope, packed_key k) const
    {
        k.scope = 0;
        const std::uint32_t group = group_table_.find(hash_key(k), [&](std::uint32_t i) { return groups_[i] == k; });
        if (group == id_table::absent) return std::nullopt;
        return key_slots_.look_for(scope, group);
    }
    // `store`: see key_slots::find_or_add.
    std::uint32_t key_number(const key_slots::probe& p, bool store = true)
    {
        return key_slots_.find_or_add(p, [&] { return new_key(p.group, p.scope); }, [this](std::uint32_t id) { return scopes_[id]; }, store);
    }
    // The number of a key not seen before, of group `group` and scope `scope`.
    std::uint32_t new_key(std::uint32_t group, std::string_view scope)
    {
        packed_key k = groups_[group];
        k.scope = static_cast<std::uint32_t>(keys_.size());
        keys_.push_back(k);
        scopes_.add(scope);
        key_sizes_.push_back(0);
        return k.scope;
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

    const layout* layout_;
    std::size_t position_;
    std::size_t line_;
    std::size_t released_;
    std::size_t row_end_ = 0;
    bool guessed_;
    bool gave_up_ = false;
    const std::atomic<bool>* unwanted_ = nullptr;
    bool multiline_ = false;  // the row split last holds a line break in a quoted value
    bool doubled_quotes_ = false;  // a field of the row split last has doubled quotes
    detail::csv_special_scanner specials_;
    detail::csv_blocks blocks_;  // split_row's masks of the block it read last
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
    std::vector<std::string_view> items_;
    std::array<std::string, 2> scope_text_;
    // A row read but not yet added (see read_rows): pending_[pending_slot_], when has_pending_.
    std::array<pending_row, 2> pending_;
    unsigned pending_slot_ = 0;
    bool has_pending_ = false;
};

}  // namespace detail::bulk_csv

}  // namespace toll
