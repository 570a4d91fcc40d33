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
// fate (4 bytes) and, when duplicate ids are checked, its line where it is not the line after the
// previous claim's (detail/claim_lines.hpp: nearly never); per key 16 bytes, its
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
#include <toll/io/detail/reconcile_csv_part.hpp>
#include <toll/io/detail/repeated_ids.hpp>
#include <toll/io/reconcile_csv_options.hpp>

namespace toll {

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

    /// Reads the file; throws std::runtime_error only when it cannot be read at all.
    void load(const std::filesystem::path& path)
    {
        if (options_.file.empty()) options_.file = path.string();
        const detail::mapped_file file{path};
        read(file.text(), file.mapped());
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
        std::string group;       // kind/label, put together before it is quoted
        std::string excluded;    // the excluded_claims cell, likewise
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

    // Appends the CSV rows of the keys of records_[first, last) to `text`. A row's twenty short
    // cells are written through a pointer into room made for the whole row at once: appended one
    // by one, they cost more than reducing the key.
    void write_chunk(std::size_t first, std::size_t last, chunk_scratch& scratch, std::string& text)
    {
        static constexpr std::size_t max_digits = std::numeric_limits<count_type>::digits10 + 1;
        const std::string_view end = options_.line_end;
        std::string policy;  // the same cell on every row
        csv_writer::append_field(policy, policy_.name);
        reduce_chunk(first, last, scratch, [&](const csv_key_result& k) {
            const detail::summary& s = k.summary;
            const bool known = k.status != status::unknown;
            // The text cells, as they will be written.
            std::string_view name;
            if (options_.event_name) {
                if (!scratch.have_name || k.events != scratch.named_scope) {
                    scratch.name.clear();
                    options_.event_name(k.events, scratch.name);
                    scratch.named_scope = k.events;  // stays valid while writing
                    scratch.have_name = true;
                }
                name = scratch.name;
            }
            // Enum names need no quotes; a group with a label is checked as a whole.
            std::string_view group = to_string(k.kind);
            if (!k.label.empty()) {
                scratch.group.assign(group);
                scratch.group += '/';
                scratch.group += k.label;
                group = scratch.group;
            }
            const auto claim_id = [&](bool shown, std::uint32_t index) {
                return shown && index != detail::nobody ? ids_[index] : std::string_view{};
            };
            const std::string_view low_claim = claim_id(known, s.reported_low_by);
            const std::string_view high_claim = claim_id(known, s.reported_high_by);
            const std::string_view best_claim = claim_id(k.best.has_value(), k.best_by);
            const std::string_view lower_claim = claim_id(known, s.lower_by);
            const std::string_view upper_claim = claim_id(known && s.capped(), s.upper_by);
            // id=reason, or id=reason:counted_instead for superseded and relayed claims.
            scratch.excluded.clear();
            if (k.used != k.claims) {
                for (const bulk::record& row : k.rows) {
                    const bulk::fate f = k.fates[row.claim];
                    const auto why = f.exclusion();
                    if (!why) continue;
                    if (!scratch.excluded.empty()) scratch.excluded += ';';
                    scratch.excluded += ids_[row.claim];
                    scratch.excluded += '=';
                    scratch.excluded += to_string(*why);
                    if (const std::uint32_t instead = f.counted_instead(); instead != detail::nobody) {
                        scratch.excluded += ':';
                        scratch.excluded += ids_[instead];
                    }
                }
            }
            const std::string_view category = to_string(k.category);
            const std::string_view status_name = to_string(k.status);

            std::size_t room = category.size() + status_name.size() + 8 * max_digits + 20 + end.size();
            for (const std::string_view t : {std::string_view{k.events}, name, group, std::string_view{k.party},
                                             std::string_view{policy}, low_claim, high_claim, best_claim,
                                             lower_claim, upper_claim, std::string_view{scratch.excluded}}) {
                room += csv_writer::max_field_size(t);
            }
            const std::size_t old = text.size();
            text.resize(old + room);
            char* p = text.data() + old;
            const auto cell = [&p](std::string_view t) { p = csv_writer::write_field(p, t); };
            const auto plain = [&p](std::string_view t) {
                std::memcpy(p, t.data(), t.size());
                p += t.size();
            };
            const auto number = [&p](count_type v) { p = std::to_chars(p, p + max_digits, v).ptr; };
            const auto comma = [&p] { *p++ = ','; };
            cell(k.events);
            comma();
            if (options_.event_name) {
                cell(name);
                comma();
            }
            plain(category);
            comma();
            if (k.label.empty()) {
                plain(group);
            } else {
                cell(group);
            }
            comma();
            cell(k.party);
            comma();
            if (known) number(s.reported_low);
            comma();
            if (known && s.reported_high != detail::unbounded) number(s.reported_high);
            comma();
            if (k.best) number(*k.best);
            comma();
            if (known) number(s.lower);
            comma();
            if (known && s.capped()) number(s.upper);
            comma();
            plain(status_name);
            comma();
            plain(policy);
            comma();
            number(k.claims);
            comma();
            number(k.used);
            comma();
            number(k.claims - k.used);
            for (const std::string_view id : {low_claim, high_claim, best_claim, lower_claim, upper_claim}) {
                comma();
                cell(id);
            }
            comma();
            cell(scratch.excluded);
            std::memcpy(p, end.data(), end.size());
            p += end.size();
            text.resize(static_cast<std::size_t>(p - text.data()));
        });
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
        // Each part is made by the thread that reads it: making one zero-fills its key table,
        // hundreds of MiB for a large file, which the calling thread alone would otherwise do.
        std::vector<std::optional<detail::bulk_csv::part>> part(starts.size() - 1);
        std::vector<std::exception_ptr> failure(part.size());
        // Set when part i's rows are not wanted (its guess was wrong, or reading stopped): it
        // stops after the row it is reading.
        std::vector<std::atomic<bool>> unwanted(part.size());
        const auto read_part = [&](std::size_t i) {
            try {
                const auto expected_keys = static_cast<std::size_t>(static_cast<double>(starts[i + 1] - starts[i]) * rows_per_byte / 2);
                part[i].emplace(layout_, starts[i], starts[i + 1], i == 0 ? body_line : 1, i != 0, expected_keys);
                part[i]->stop_when(unwanted[i]);
                part[i]->read_rows(starts[i + 1]);
            } catch (...) {
                failure[i] = std::current_exception();
            }
        };
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
                detail::bulk_csv::part& whole = *part[0];
                for (std::size_t i = 1; i < part.size(); ++i) {
                    const bool wanted = !whole.stopped() && whole.position() == starts[i];
                    if (wanted) {
                        if (workers[i].joinable()) workers[i].join();
                        if (failure[i]) std::rethrow_exception(failure[i]);
                        // Rows come after it when it gave up: its keys must stay findable then.
                        const bool last = i + 1 == part.size() && !part[i]->gave_up();
                        whole.absorb(std::move(*part[i]), last, threads);
                    } else {
                        unwanted[i].store(true, std::memory_order_relaxed);
                    }
                    // Reads on where part i gave up, or over its whole stretch when it began
                    // inside a row; nothing when it read its stretch.
                    whole.read_rows(starts[i + 1]);
                    if (workers[i].joinable()) workers[i].join();
                    part[i].reset();  // frees it
                }
            } catch (...) {
                for (std::atomic<bool>& u : unwanted) u.store(true, std::memory_order_relaxed);
                throw;  // once every worker is joined
            }
        }
        detail::bulk_csv::part& whole = *part[0];
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
        const auto repeats = detail::bulk_csv::repeated_ids(ids_, thread_count());
        if (repeats.empty()) return;
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

    // ---- grouping ----

    // Puts every key's records together, keys in order of first appearance and claims in id
    // order inside each key. The keys come in blocks, one per part read (key_blocks_): a part's
    // rows have keys of its block or an earlier one. So the records are first put in blocks, in
    // place, which moves few of them, and then each block is grouped through room for the largest
    // (a copy of one block, not of every record, so the peak stays near the reading's).
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
        // Each block on as many threads as there are blocks: each thread counts a block's keys,
        // so the counts take about as many numbers as there are keys, however many threads.
        const std::size_t threads = std::min(blocks, thread_count());
        std::size_t largest = 0;
        for (std::size_t b = 0; b < blocks; ++b) largest = std::max(largest, start[b + 1] - start[b]);
        detail::big_buffer<placed> room(largest);
        for (std::size_t b = 0; b < blocks; ++b) group_block(key_start[b], key_start[b + 1], start[b], start[b + 1], threads, room);
        detail::big_vector<std::uint32_t>{}.swap(key_sizes_);
    }

    // A record on its way to its key's place, with its id's first 16 bytes as two numbers: ids
    // that differ there (all but the longest do) then compare as integers in memory read in order.
    struct placed {
        std::array<std::uint64_t, 2> id_head{};
        record r;
    };

    // Big-endian, zero padded: heads that differ order as the ids do; equal heads say nothing.
    [[nodiscard]] static std::array<std::uint64_t, 2> id_head(std::string_view id) noexcept
    {
        std::array<unsigned char, 16> bytes{};
        std::memcpy(bytes.data(), id.data(), std::min(id.size(), bytes.size()));
        std::array<std::uint64_t, 2> head{};
        for (std::size_t i = 0; i < bytes.size(); ++i) head[i / 8] = head[i / 8] << 8 | bytes[i];
        return head;
    }

    // Groups records_[first_record, end_record), whose keys are [first_key, last_key), with a
    // counting sort through `room` (of at least as many): the threads count the keys of a
    // stretch of rows each, then put each row at its key's next place. Rows move in order of
    // reading, each once, so the moves do not wait on one another as in-place swaps do. Each
    // key's rows are then put in claim-id order, which is how every engine breaks ties
    // (rules.hpp; the reduction ranks rows by position), and copied back.
    void group_block(std::uint32_t first_key, std::uint32_t last_key, std::size_t first_record, std::size_t end_record,
                     std::size_t threads, detail::big_buffer<placed>& room)
    {
        // Positions fit in 32 bits (bulk::max_claims).
        const std::size_t keys = last_key - first_key;
        const std::size_t rows = end_record - first_record;
        threads = std::clamp<std::size_t>(rows, 1, threads);
        const auto stretch = [&](std::size_t t) { return std::pair{first_record + rows * t / threads, first_record + rows * (t + 1) / threads}; };
        // next[t * keys + k]: where thread t puts key k's next row.
        detail::big_vector<std::uint32_t> next(threads * keys, 0);
        detail::on_threads(threads, [&](std::size_t t) {
            const auto [from, to] = stretch(t);
            std::uint32_t* counts = next.data() + t * keys;
            for (std::size_t i = from; i < to; ++i) ++counts[records_[i].key - first_key];
        });
        detail::big_vector<std::uint32_t> key_begin(keys + 1);
        std::uint32_t place = 0;
        for (std::size_t k = 0; k < keys; ++k) {
            key_begin[k] = place;
            for (std::size_t t = 0; t < threads; ++t) {
                const std::uint32_t count = next[t * keys + k];
                next[t * keys + k] = place;
                place += count;
            }
        }
        key_begin[keys] = place;
        detail::on_threads(threads, [&](std::size_t t) {
            const auto [from, to] = stretch(t);
            std::uint32_t* at = next.data() + t * keys;
            for (std::size_t i = from; i < to; ++i) {
                const record& r = records_[i];
                room[at[r.key - first_key]++] = placed{id_head(ids_[r.claim]), r};
            }
        });
        const auto id_less = [this](const placed& x, const placed& y) {
            if (x.id_head != y.id_head) return x.id_head < y.id_head;
            const std::string_view a = ids_[x.r.claim];
            const std::string_view b = ids_[y.r.claim];
            return a < b || (a == b && x.r.claim < y.r.claim);  // equal ids only when duplicates are not checked
        };
        detail::on_threads(threads, [&](std::size_t t) {
            const std::size_t first = keys * t / threads;
            const std::size_t last = keys * (t + 1) / threads;
            for (std::size_t k = first; k < last; ++k) {
                placed* b = room.data() + key_begin[k];
                placed* e = room.data() + key_begin[k + 1];
                if (e - b <= 16) {
                    for (placed* i = b + 1; i < e; ++i) {
                        const placed x = *i;
                        placed* j = i;
                        for (; j > b && id_less(x, *(j - 1)); --j) *j = *(j - 1);
                        *j = x;
                    }
                } else {
                    std::sort(b, e, id_less);
                }
            }
            for (std::size_t i = key_begin[first]; i < key_begin[last]; ++i) records_[first_record + i] = room[i].r;
        });
    }

    toll::policy policy_;
    reconcile_csv_options options_;

    detail::bulk_csv::layout layout_;
    std::vector<csv_error> errors_;
    bool stopped_ = false;
    std::vector<std::string> extra_columns_;

    detail::big_vector<record> records_;
    detail::bulk_csv::string_list ids_;
    detail::bulk_csv::claim_lines lines_;
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
