#pragma once
// `toll reconcile`: every key of a claims file reconciled under a policy, as a table for people,
// CSV for spreadsheets or JSON for programs, each with the claims behind every bound. Table and
// JSON hold every claim in memory (toll::reconcile, full provenance); CSV streams the file through
// toll::claims_csv_reconciler and writes the library's results CSV (docs/csv-format.md).

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstdlib>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <optional>
#include <ostream>
#include <span>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <utility>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <toll/claim.hpp>
#include <toll/interval.hpp>
#include <toll/io/csv.hpp>
#include <toll/io/json.hpp>
#include <toll/reconcile/policy.hpp>
#include <toll/reconcile/provenance.hpp>
#include <toll/reconcile/reconcile.hpp>
#include <toll/io/reconcile_csv.hpp>
#include <toll/io/value_json.hpp>

#include "cli.hpp"
#include "dataset_files.hpp"
#include "output.hpp"
#include "text_table.hpp"

namespace toll_cli {

enum class output_format : std::uint8_t { table, csv, json };

[[nodiscard]] inline output_format format_named(std::string_view name)
{
    if (name == "table") return output_format::table;
    if (name == "csv") return output_format::csv;
    if (name == "json") return output_format::json;
    throw usage_error{"unknown format \"" + std::string{name} + "\" (expected table, csv or json)"};
}

/// What a reconciliation's numbers look like in a table: ∞ for an unbounded end, intervals as
/// toll::interval prints them, nothing at all where there is no figure.
namespace cells {

inline constexpr std::string_view infinity = "\u221e";

[[nodiscard]] inline std::string low(const toll::reconciliation& r)
{
    return r.reported ? std::to_string(r.reported->range.low()) : std::string{};
}

[[nodiscard]] inline std::string high(const toll::reconciliation& r)
{
    if (!r.reported) return {};
    const auto h = r.reported->range.high();
    return h ? std::to_string(*h) : std::string{infinity};
}

[[nodiscard]] inline std::string best(const toll::reconciliation& r)
{
    return r.best ? std::to_string(r.best->value) : std::string{};
}

/// The logical bounds as toll::interval prints every interval: "[20, 20]", "[61, ∞)", "[20, 62]";
/// "61 > 50" when the strongest lower bound passes the tightest cap (a conflict: no interval).
[[nodiscard]] inline std::string bounds(const toll::reconciliation& r)
{
    if (!r.lower) return {};
    if (!r.upper) return to_string(toll::interval::at_least(r.lower->value));
    if (r.lower->value > r.upper->value) return std::to_string(r.lower->value) + " > " + std::to_string(r.upper->value);
    return to_string(toll::interval::between(r.lower->value, r.upper->value));
}

}  // namespace cells

/// The claims of the file by id, and the reconciliation's results in the order people read them:
/// events in the events file's order (others after, by id), then category and group.
class reconciled {
public:
    reconciled(const claims_file& claims, const events_file* events, toll::reconciliation_report report)
        : claims_{&claims}, events_{events}, report_{std::move(report)}
    {
        order_.resize(report_.results.size());
        for (std::size_t i = 0; i < order_.size(); ++i) order_[i] = i;
        if (events_) {
            auto rank = [&](const toll::reconciliation& r) {
                std::size_t first = events_->events.size();
                for (const auto& id : r.key.events) {
                    if (const auto it = events_->index.find(id); it != events_->index.end()) first = std::min(first, it->second);
                }
                return first;
            };
            std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
                const auto& ra = report_.results[a];
                const auto& rb = report_.results[b];
                const auto ka = rank(ra);
                const auto kb = rank(rb);
                if (ka != kb) return ka < kb;
                return ra.key.events.size() < rb.key.events.size();
            });
        }
    }

    [[nodiscard]] const toll::reconciliation_report& report() const noexcept { return report_; }
    [[nodiscard]] const events_file* events() const noexcept { return events_; }
    [[nodiscard]] const claims_file& claims() const noexcept { return *claims_; }
    [[nodiscard]] std::span<const std::size_t> order() const noexcept { return order_; }
    /// The claim with id `id`; the index is built on first use.
    [[nodiscard]] const toll::claim* claim(const std::string& id) const
    {
        if (by_id_.empty()) {
            by_id_.reserve(claims_->claims.size());
            for (const auto& c : claims_->claims) by_id_.emplace(c.id, &c);
        }
        const auto it = by_id_.find(id);
        return it == by_id_.end() ? nullptr : it->second;
    }

private:
    const claims_file* claims_;
    const events_file* events_;
    toll::reconciliation_report report_;
    mutable std::unordered_map<std::string, const toll::claim*> by_id_;
    std::vector<std::size_t> order_;
};

namespace detail {

[[nodiscard]] inline bool has(const std::vector<std::string>& ids, const std::string& id)
{
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

/// What a used claim does in its key's result: which of the reported ends, logical bounds and best
/// figure it sets, and whether it clashes.
[[nodiscard]] inline std::vector<std::string_view> role_list(const toll::reconciliation& r, const std::string& id)
{
    std::vector<std::string_view> parts;
    if (r.reported && has(r.reported->low_claims, id)) parts.emplace_back("low");
    if (r.reported && has(r.reported->high_claims, id)) parts.emplace_back("high");
    if (r.lower && has(r.lower->claims, id)) parts.emplace_back("lower");
    if (r.upper && has(r.upper->claims, id)) parts.emplace_back("upper");
    if (r.best && has(r.best->claims, id)) parts.emplace_back("best");
    if (has(r.clashing, id)) parts.emplace_back("clashes");
    return parts;
}

/// "low, lower, best", or "used" when the claim sets none of them.
[[nodiscard]] inline std::string roles(const toll::reconciliation& r, const std::string& id)
{
    std::string text;
    for (const auto part : role_list(r, id)) (text.empty() ? text : text += ", ") += part;
    return text.empty() ? std::string{"used"} : text;
}

/// Why a claim did not count, in words.
[[nodiscard]] inline std::string excluded_because(const toll::claim_fate& f, const toll::claim* c)
{
    using toll::exclusion;
    switch (*f.exclusion) {
    case exclusion::superseded: return "superseded by " + f.counted_instead;
    case exclusion::relayed: return "repeats " + f.counted_instead;
    case exclusion::adversary_claim: return "excluded: adversary claim";
    case exclusion::source_not_admitted:
        return "excluded: source kind " + std::string{c ? to_string(c->source.origin.kind) : "?"};
    case exclusion::reported_after: return "excluded: after as-of date";
    case exclusion::undated: return "excluded: undated";
    case exclusion::outside_key: return "excluded: outside the key";
    case exclusion::invalid: return "excluded: invalid";
    }
    return "excluded";
}

[[nodiscard]] inline std::string joined(const std::vector<std::string>& items, std::string_view separator = ";")
{
    std::string text;
    for (const auto& item : items) {
        if (!text.empty()) text += separator;
        text += item;
    }
    return text;
}

}  // namespace detail

/// A claim under its key: id, figure, what it does there (or why it does not count), report date
/// and source chain (last, as the longest).
[[nodiscard]] inline std::vector<std::string> claim_line(const toll::reconciliation& r, const toll::claim_fate& f,
                                                         const toll::claim* c)
{
    return {f.claim, c ? to_string(c->figure) : std::string{},
            f.used() ? detail::roles(r, f.claim) : detail::excluded_because(f, c), c ? date_cell(c->reported) : std::string{},
            c ? to_string(c->source) : std::string{}};
}

/// The section heading of an event scope: "Moura massacre · moura-2022 · Moura, Djenné, Mopti,
/// Mali · 2022-03-27/2022-03-31".
[[nodiscard]] inline std::string scope_heading(const std::vector<std::string>& ids, const events_file* events)
{
    if (!events) return detail::joined(ids, " + ");
    std::string text;
    for (const auto& id : ids) {
        if (!text.empty()) text += "\n";
        const toll::event* e = events->find(id);
        if (!e) {
            text += id + " (not in " + events->name + ")";
            continue;
        }
        text += (e->name.empty() ? e->id : e->name + " \u00b7 " + e->id);
        if (const auto where = to_string(e->place); !where.empty()) text += " \u00b7 " + where;
        if (e->period.ok()) text += " \u00b7 " + to_string(e->period);
    }
    if (ids.size() > 1) text += "\n(one figure about these events together)";
    return text;
}

/// The table: one section per event scope, one row per key, and under each row its claims with
/// their figure, source, date and what became of them.
inline void write_table(std::ostream& out, const reconciled& data, const toll::policy& p,
                        std::optional<boost::gregorian::date> as_of)
{
    out << "Policy: " << to_string(p) << '\n';
    if (as_of) out << "As of: " << toll::detail::iso_date(*as_of) << " (later and undated reports excluded)\n";
    const auto& results = data.report().results;
    out << count_of(data.claims().claims.size(), "claim", "claims") << ", " << count_of(results.size(), "key", "keys") << '\n'
        << "low, high: the reported range (lowest and highest stated numbers); bounds: what the admissible\n"
        << "claims establish together; best: the policy's best figure. Under each key, its claims: figure, role\n"
        << "(which of these it sets) or why it does not count, report date, source.\n";

    using enum align;
    text_table keys{{left, left, right, right, right, right, left}};
    keys.add({"category", "group", "low", "high", "best", "bounds", "status"});
    text_table claims{{left, left, left, left, left}};
    std::vector<std::size_t> key_row(results.size());
    for (const std::size_t i : data.order()) {
        const auto& r = results[i];
        key_row[i] = keys.size();
        keys.add({std::string{to_string(r.key.category)}, to_string(r.key.group), cells::low(r), cells::high(r), cells::best(r),
                  cells::bounds(r), std::string{to_string(r.status)}});
    }
    // Claims in the order of the keys, used ones first, each group by id.
    std::vector<std::pair<std::size_t, std::size_t>> claim_rows(results.size());  // [first, last) per result
    for (const std::size_t i : data.order()) {
        const auto& r = results[i];
        const std::size_t first = claims.size();
        for (const bool used : {true, false}) {
            for (const auto& f : r.claims) {
                if (f.used() != used) continue;
                const toll::claim* c = data.claim(f.claim);
                claims.add(claim_line(r, f, c));
            }
        }
        claim_rows[i] = {first, claims.size()};
    }

    std::optional<std::vector<std::string>> scope;
    for (const std::size_t i : data.order()) {
        const auto& r = results[i];
        if (!scope || *scope != r.key.events) {
            scope = r.key.events;
            out << '\n' << scope_heading(r.key.events, data.events()) << '\n' << keys.line(0, "  ") << '\n';
        }
        out << keys.line(key_row[i], "  ") << '\n';
        for (std::size_t j = claim_rows[i].first; j < claim_rows[i].second; ++j) out << claims.line(j, "      ") << '\n';
    }
    if (!data.report().invalid.empty()) {
        out << "\nInvalid claims (no id, no event, or an id used twice):";
        for (const auto& f : data.report().invalid) out << ' ' << f.claim;
        out << '\n';
    }
}

namespace detail {

inline void write_key_members(toll::json_writer& json, const toll::claim_key& key, const events_file* events)
{
    json.key("events").begin_array();
    for (const auto& e : key.events) json.value(e);
    json.end_array();
    if (events) json.member("event_name", scope_name(key.events, events));
    json.member("category", to_string(key.category)).key("group");
    toll::write_json(json, key.group);
}

inline void write_ids(toll::json_writer& json, std::string_view name, const std::vector<std::string>& ids)
{
    json.key(name).begin_array();
    for (const auto& id : ids) json.value(id);
    json.end_array();
}

inline void write_bound(toll::json_writer& json, std::string_view name, const std::optional<toll::bound>& b)
{
    json.key(name);
    if (!b) {
        json.value(nullptr);
        return;
    }
    json.begin_object().member("value", b->value);
    write_ids(json, "claims", b->claims);
    json.end_object();
}

}  // namespace detail

/// Every key with its full provenance, then every excluded claim with its reason, every clash and
/// every invalid claim.
inline void write_json(std::ostream& out, const reconciled& data, const toll::policy& p,
                       std::optional<boost::gregorian::date> as_of)
{
    const auto& results = data.report().results;
    {
        toll::json_writer json{out, 2};
        json.begin_object();
        json.key("policy").begin_object().member("name", p.name).member("description", to_string(p)).end_object();
        json.key("as_of");
        if (as_of) {
            json.value(toll::detail::iso_date(*as_of));
        } else {
            json.value(nullptr);
        }
        json.member("claims_file", data.claims().name).member("claim_count", data.claims().claims.size());
        json.key("results").begin_array();
        for (const std::size_t i : data.order()) {
            const auto& r = results[i];
            json.begin_object();
            detail::write_key_members(json, r.key, data.events());
            json.member("status", to_string(r.status)).key("reported");
            if (r.reported) {
                json.begin_object().member("low", r.reported->range.low()).key("high");
                if (const auto h = r.reported->range.high()) {
                    json.value(*h);
                } else {
                    json.value(nullptr);
                }
                detail::write_ids(json, "low_claims", r.reported->low_claims);
                detail::write_ids(json, "high_claims", r.reported->high_claims);
                json.end_object();
            } else {
                json.value(nullptr);
            }
            detail::write_bound(json, "lower", r.lower);
            detail::write_bound(json, "upper", r.upper);
            json.key("best");
            if (r.best) {
                json.begin_object().member("value", r.best->value).member("rule", to_string(r.best->rule));
                detail::write_ids(json, "claims", r.best->claims);
                json.end_object();
            } else {
                json.value(nullptr);
            }
            detail::write_ids(json, "clashing", r.clashing);
            json.key("claims").begin_array();
            for (const auto& f : r.claims) {
                const toll::claim* c = data.claim(f.claim);
                json.begin_object().member("id", f.claim);
                if (c) {
                    json.member("figure", to_string(c->figure)).member("source", to_string(c->source));
                    json.key("reported");
                    toll::write_json(json, c->reported);
                }
                json.member("used", f.used()).key("exclusion");
                if (f.exclusion) {
                    json.value(to_string(*f.exclusion));
                } else {
                    json.value(nullptr);
                }
                if (!f.counted_instead.empty()) json.member("counted_instead", f.counted_instead);
                if (f.used()) {
                    json.key("roles").begin_array();
                    for (const auto role : detail::role_list(r, f.claim)) json.value(role);
                    json.end_array();
                }
                json.end_object();
            }
            json.end_array().end_object();
        }
        json.end_array();

        json.key("excluded").begin_array();
        for (const std::size_t i : data.order()) {
            for (const auto& f : results[i].claims) {
                if (f.used()) continue;
                const toll::claim* c = data.claim(f.claim);
                json.begin_object().member("id", f.claim).member("reason", to_string(*f.exclusion));
                if (!f.counted_instead.empty()) json.member("counted_instead", f.counted_instead);
                json.member("explanation", detail::excluded_because(f, c));
                detail::write_key_members(json, results[i].key, data.events());
                json.end_object();
            }
        }
        json.end_array();

        json.key("clashes").begin_array();
        for (const std::size_t i : data.order()) {
            const auto& r = results[i];
            if (r.status != toll::status::conflicting) continue;
            json.begin_object();
            detail::write_key_members(json, r.key, data.events());
            json.member("lower", r.lower->value);
            json.member("upper", r.upper->value);
            detail::write_ids(json, "claims", r.clashing);
            json.end_object();
        }
        json.end_array();

        json.key("invalid").begin_array();
        for (const auto& f : data.report().invalid) json.value(f.claim);
        json.end_array();
        json.end_object();
    }
    out << '\n';
}

inline constexpr std::string_view reconcile_help =
    R"(usage: toll reconcile CLAIMS.csv [--from ged|acled] [--events EVENTS.csv] [--policy acled|ucdp|strict]
                      [--as-of YYYY-MM-DD] [--format table|csv|json] [-o FILE] [--progress]
                      [--delimiter C] [--bom | --excel]

Reconciles every key (event, category, group) of a claims file under a policy and prints one row
per key: the reported range (low, high), the best figure, the logical bounds the admissible claims
establish, the status, and the claims behind each of them.

  --from ged|acled      CLAIMS.csv is a UCDP GED or ACLED export (docs/datasets.md), read
                        with its events; - reads it from stdin
  --with KIND:FILE      add a GED or ACLED export (ged:FILE, acled:FILE; repeatable): its
                        events are matched onto the events known (--events, then the files
                        before it) by period, place and actors, its claims moved onto the
                        events matched; every match and near-miss is listed after the table
                        (on stderr with --format csv or json)
  --match-days N        periods at most N days apart match (default 1)
  --match-km K          coordinates at most K km apart are one place (default 25)
  --match-any-actors    do not require the actors to share a name
  --mapping FILE        dataset event -> event, overriding the rule (columns event, matches;
                        an empty matches keeps the dataset event as its own)
  --events EVENTS.csv   the events the claims are about: their names head the table (csv: an
                        event_name column), and every claim's event ids are checked against the
                        file (unknown ids are errors, reported as file:line:column; the claims
                        are still reconciled)
  --policy NAME         acled, ucdp (default) or strict (see toll/reconcile/policy.hpp)
  --as-of DATE          only claims reported by DATE count; undated claims are excluded
  --format FORMAT       table (default): for people, with every claim under its key;
                        csv: one row per key in the order keys first appear in the file, with
                        the bounds, counts of claims used and excluded, the id of the claim
                        that sets each bound (the smallest id among ties) and every
                        excluded claim as id=reason; streamed, for files of millions of rows;
                        json: every claim behind each bound (all ties), every claim of each key
                        with its fate, every excluded claim with its reason and every clash
  --delimiter C         the byte between fields of the claims file (also a --from export) and
                        the events file: , (default), ; or tab (also named comma, semicolon,
                        tab); table and json only, and the --with files are read with commas
  --bom                 csv: a UTF-8 byte order mark first, so Excel reads the text as UTF-8
  --excel               csv for Excel where the list separator is ; (much of Europe): a byte
                        order mark, ; between fields and CRLF line ends
  -o, --output FILE     where to write (default, and -, stdout)
  --progress            progress on stderr also when it is not a terminal, for logs: a line
                        as each step starts, every five seconds, and when it is done
  -h, --help            this help

A claims file with malformed rows is not reconciled: every error is listed on stderr, one per
line as file:line:column (column name): reason [code], and nothing is printed on stdout.
Formats: docs/csv-format.md and docs/toll-command.md. Exit status: 0 done, 1 bad input,
2 bad arguments.
)";

/// How the streaming path splits its work, from TOLL_THREADS, TOLL_MIN_PART_BYTES and
/// TOLL_CHUNK_ROWS when set: for tests, which need several parts and chunks on a small file (the
/// output does not depend on them). A value that is not a whole number is a usage error.
inline void tune_from_environment(toll::reconcile_csv_options& options)
{
    const auto read = [](const char* name, std::size_t& value) {
        const char* text = std::getenv(name);
        if (text == nullptr || *text == '\0') return;
        const std::string_view digits{text};
        std::size_t n = 0;
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
        if (ec != std::errc{} || end != digits.data() + digits.size()) {
            throw usage_error{std::string{name} + "=" + std::string{digits} + " is not a whole number"};
        }
        value = n;
    };
    read("TOLL_THREADS", options.threads);
    read("TOLL_MIN_PART_BYTES", options.min_part_bytes);
    read("TOLL_CHUNK_ROWS", options.chunk_rows);
}

/// How the results CSV is written for a spreadsheet. `--bom` puts a UTF-8 byte order mark first,
/// which is how Excel knows the text is UTF-8 (else "–" and "∞" come out garbled); `--excel` also
/// separates fields with ';' and ends lines with CRLF: what Excel opens by double-click where the
/// list separator is ';', as in most of continental Europe (docs/toll-command.md).
struct spreadsheet_style {
    bool bom = false;
    bool excel = false;
};

/// The CSV `text` (written by toll: well formed) again with `delimiter` and `line_end`.
inline void write_delimited(std::string_view text, std::ostream& out, char delimiter, std::string_view line_end)
{
    toll::csv_reader reader{text};
    toll::csv_writer writer{out, line_end, delimiter};
    for (const auto& column : reader.columns()) writer.field(column);
    writer.end_row();
    toll::csv_row row;
    while (reader.next(row)) {
        if (row.error()) throw std::logic_error{"toll: the results CSV does not read back: " + to_string(*row.error())};
        for (const auto& f : row) writer.field(f.text);
        writer.end_row();
    }
}

/// `--format csv`: the claims file streamed through toll::claims_csv_reconciler, never held as
/// claims, and written by its write_csv (the results CSV of docs/csv-format.md). Errors are
/// reported as load_claims reports them; event ids missing from `events` as
/// report_unknown_events does (after the output: the file is read again only then).
[[nodiscard]] inline int reconcile_to_csv(const std::string& claims_path, const events_file* events, const toll::policy& p,
                                          std::optional<boost::gregorian::date> as_of, output_choice& output,
                                          std::ostream& standard, std::ostream& err, spreadsheet_style style = {},
                                          const std::string* claims_text = nullptr)
{
    std::optional<input_file> file;  // none for a dataset file already read as claims (--from)
    if (!claims_text) file.emplace(claims_path);
    const std::string name = file ? file->name() : claims_path;
    toll::reconcile_csv_options options;
    options.file = name;
    options.vagueness = p.vague_words;
    options.as_of = as_of;
    if (style.excel) options.line_end = "\r\n";
    tune_from_environment(options);
    // Set from write_csv's writer threads, read after it has joined them.
    std::atomic<bool> unknown_events = false;
    if (events) {
        options.event_name = [&](std::string_view scope, std::string& appended) {
            if (!append_scope_name(appended, scope, *events)) unknown_events.store(true, std::memory_order_relaxed);
        };
    }
    toll::claims_csv_reconciler reconciler{p, std::move(options)};
    std::string piped;  // the text of a claims file that is not a regular file, read once
    {
        progress shown{"reading " + name};
        if (claims_text) {
            reconciler.load_text(*claims_text);  // a dataset file already read as claims (--from)
        } else if (file->regular() && claims_path != "-") {
            if (file->size() >= (std::size_t{128} << 20)) shown.announce(grouped(file->size() >> 20) + " MiB");
            try {
                reconciler.load(claims_path);
            } catch (const std::runtime_error& e) {
                throw input_error{name + ": cannot be read (" + e.what() + ")"};
            }
        } else {
            piped = file->read_all();  // a pipe or a device: no size, no mapping
            reconciler.load_text(piped);
        }
    }
    if (!reconciler.errors().empty()) {
        const auto& errors = reconciler.errors();
        report_csv_errors(errors, err);
        throw input_error{count_of(errors.size(), "error", "errors") + " in " + name};
    }
    {
        // Rows are written as keys are reconciled: no line on a terminal the rows go to.
        progress shown{"reconciling claims"};
        if (reconciler.claims() >= 1'000'000 && !is_terminal(1)) shown.announce(reconciler.claims());
        std::ostream& target = output.open(standard);
        if (style.bom || style.excel) target << "\xEF\xBB\xBF";
        if (style.excel) {
            // Written with commas, then again with ';': a spreadsheet's worth of rows, held once.
            std::ostringstream with_commas;
            reconciler.write_csv(with_commas);
            write_delimited(with_commas.view(), target, ';', "\r\n");
        } else {
            reconciler.write_csv(target);
        }
    }
    output.finish();
    if (unknown_events) {
        const std::string* text = claims_text ? claims_text : piped.empty() ? nullptr : &piped;
        const std::size_t unknown = report_unknown_events(claims_path, *events, err, text);
        throw input_error{count_of(unknown, "event id", "event ids") + " in " + name + " not in " +
                          events->name};
    }
    return exit_ok;
}

[[nodiscard]] inline int run_reconcile(std::span<const std::string_view> args, std::ostream& out, std::ostream& err)
{
    arguments a{args};
    std::optional<std::string> claims_path;
    std::optional<std::string> events_path;
    toll::policy p = toll::policy::ucdp();
    std::optional<boost::gregorian::date> as_of;
    output_format format = output_format::table;
    output_choice output;
    char delimiter = ',';
    spreadsheet_style style;
    std::optional<dataset_kind> from;
    dataset_sources datasets;
    while (const auto arg = a.next()) {
        if (*arg == "-h" || *arg == "--help") {
            a.no_value();
            out << reconcile_help;
            return exit_ok;
        }
        if (*arg == "--events") {
            events_path = std::string{a.value()};
        } else if (*arg == "--policy") {
            p = policy_named(a.value());
        } else if (*arg == "--as-of") {
            as_of = date_named(a.value(), "--as-of");
        } else if (*arg == "--format") {
            format = format_named(a.value());
        } else if (*arg == "-o" || *arg == "--output") {
            output.set(a.value());
        } else if (*arg == "--progress") {
            a.no_value();
            progress::requested = true;
        } else if (*arg == "--delimiter") {
            delimiter = delimiter_named(a.value());
        } else if (*arg == "--bom") {
            a.no_value();
            style.bom = true;
        } else if (*arg == "--excel") {
            a.no_value();
            style.excel = true;
        } else if (*arg == "--from") {
            from = dataset_named(a.value());
        } else if (datasets.take(a, *arg)) {
        } else if (a.is_option()) {
            throw usage_error{"unknown option " + std::string{*arg}};
        } else if (claims_path) {
            throw usage_error{"one claims file only (got " + *claims_path + " and " + std::string{*arg} + ")"};
        } else {
            claims_path = std::string{*arg};
        }
    }
    if (!claims_path) throw usage_error{"no claims file given"};
    one_stdin(*claims_path, events_path);

    std::optional<events_file> events;
    if ((style.bom || style.excel) && format != output_format::csv) throw usage_error{"--bom and --excel are for --format csv"};
    // The streaming reader splits at commas alone; the events file is read like the others.
    if (format == output_format::csv && delimiter != ',' && !from && !datasets.any()) {
        throw usage_error{"--format csv reads comma-separated claims only: give --format table or json with --delimiter"};
    }
    if (events_path) events = load_events(*events_path, err, delimiter);
    std::optional<dataset_input> dataset;
    if (from) dataset = load_dataset(*claims_path, *from, p.vague_words, std::cin, err, delimiter);
    if (dataset && !events) events = std::move(dataset->events);
    std::optional<toll::matching_report> matching;
    if (datasets.any()) {  // --with: the datasets' claims join the file's, matched onto its events
        if (!dataset) dataset = dataset_input{load_claims(*claims_path, p.vague_words, err, delimiter), {}, {}};
        if (!events) events = events_file{};
        matching = datasets.gather(dataset->claims, *events, p.vague_words, std::cin, err);
    }
    if (matching && format != output_format::table) write_matching(err, *matching);
    if (format == output_format::csv) {
        const std::string text = dataset ? claims_csv_text(dataset->claims.claims) : std::string{};
        return reconcile_to_csv(dataset ? dataset->claims.name : *claims_path, events ? &*events : nullptr, p, as_of, output, out,
                                err, style, dataset ? &text : nullptr);
    }
    const claims_file claims = dataset ? std::move(dataset->claims) : load_claims(*claims_path, p.vague_words, err, delimiter);
    const std::size_t unknown =
        events && !dataset ? report_unknown_events(*claims_path, *events, err,
                                                   claims.text_once.empty() ? nullptr : &claims.text_once, delimiter)
                           : 0;  // a dataset brings its events

    toll::reconciliation_report report;
    {
        progress shown{"reconciling claims"};
        if (claims.claims.size() >= 1'000'000) shown.announce(claims.claims.size());
        report = toll::reconcile(claims.claims, p, as_of);
    }
    const reconciled data{claims, events ? &*events : nullptr, std::move(report)};
    std::ostream& target = output.open(out);
    if (format == output_format::json) {
        write_json(target, data, p, as_of);
    } else {
        write_table(target, data, p, as_of);
        if (matching) write_matching(target, *matching);
    }
    output.finish();
    if (unknown != 0) {
        throw input_error{count_of(unknown, "event id", "event ids") + " in " + claims.name +
                          " not in " + events->name};
    }
    return exit_ok;
}

}  // namespace toll_cli
