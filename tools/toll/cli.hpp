#pragma once
// What the `toll` subcommands share: argument parsing, exit codes, the progress line, and loading
// claims and events files with every error reported as file:line:column.

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <vector>

#if __has_include(<unistd.h>)
#include <unistd.h>
#define TOLL_CLI_HAS_ISATTY 1
#endif

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <toll/category.hpp>
#include <toll/claim.hpp>
#include <toll/io/claims_csv.hpp>
#include <toll/io/csv.hpp>
#include <toll/event.hpp>
#include <toll/io/events_csv.hpp>
#include <toll/group.hpp>
#include <toll/key.hpp>
#include <toll/reconcile/policy.hpp>
#include <toll/reconcile/provenance.hpp>
#include <toll/reconcile/reconcile.hpp>

#include "input.hpp"
#include "nearest_keys.hpp"

namespace toll_cli {

/// Exit codes: 0 done; 1 the input is bad (unreadable file, malformed CSV, unknown event);
/// 2 the command line is bad; 3 the output could not be written (a full disk, an I/O error).
inline constexpr int exit_ok = 0;
inline constexpr int exit_bad_input = 1;
inline constexpr int exit_usage = 2;
inline constexpr int exit_output = 3;

/// A bad command line; the message says what is wrong, the command adds how to get help.
struct usage_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

[[nodiscard]] inline bool is_terminal([[maybe_unused]] int fd)
{
#ifdef TOLL_CLI_HAS_ISATTY
    return isatty(fd) != 0;
#else
    return false;
#endif
}

/// The arguments after the subcommand: options (`--name value`, `--name=value` or a flag) and
/// positional arguments, read one at a time.
class arguments {
public:
    explicit arguments(std::span<const std::string_view> args) : args_{args.begin(), args.end()} {}

    /// The next argument, or nothing at the end.
    [[nodiscard]] std::optional<std::string_view> next()
    {
        if (pending_value_) throw usage_error{"option " + std::string{current_} + " does not take a value"};
        if (at_ >= args_.size()) return std::nullopt;
        std::string_view arg = args_[at_++];
        if (arg.size() > 2 && arg.starts_with("--")) {
            if (const auto equals = arg.find('='); equals != std::string_view::npos) {
                pending_value_ = arg.substr(equals + 1);
                arg = arg.substr(0, equals);
            }
        }
        current_ = arg;
        return arg;
    }

    /// Whether the argument `next()` returned is an option (starts with '-', and is not "-").
    [[nodiscard]] bool is_option() const noexcept { return current_.size() > 1 && current_.front() == '-'; }

    /// Checks that the flag `next()` returned was not given a value (`--help=yes`).
    void no_value()
    {
        if (pending_value_) throw usage_error{"option " + std::string{current_} + " does not take a value"};
    }

    /// The value of the option `next()` returned.
    [[nodiscard]] std::string_view value()
    {
        if (pending_value_) {
            const std::string_view v = *pending_value_;
            pending_value_.reset();
            return v;
        }
        if (at_ >= args_.size()) throw usage_error{"option " + std::string{current_} + " needs a value"};
        return args_[at_++];
    }

private:
    std::vector<std::string_view> args_;
    std::size_t at_ = 0;
    std::string_view current_;
    std::optional<std::string_view> pending_value_;
};

[[nodiscard]] inline toll::policy policy_named(std::string_view name)
{
    if (name == "acled") return toll::policy::acled();
    if (name == "ucdp") return toll::policy::ucdp();
    if (name == "strict") return toll::policy::strict();
    throw usage_error{"unknown policy \"" + std::string{name} + "\" (expected acled, ucdp or strict)"};
}

[[nodiscard]] inline boost::gregorian::date date_named(std::string_view text, std::string_view option)
{
    const auto read = toll::detail::read_iso_date(text);
    if (!read.problem.empty()) {
        throw usage_error{std::string{option} + " \"" + std::string{text} + "\" " + std::string{read.problem}};
    }
    return read.value;
}

/// The byte `--delimiter` names: one character (';'), or `tab`, `semicolon`, `comma` (no quoting
/// for the shell).
[[nodiscard]] inline char delimiter_named(std::string_view text)
{
    if (text == "tab" || text == "\\t" || text == "\t") return '\t';
    if (text == "semicolon") return ';';
    if (text == "comma") return ',';
    if (text.size() != 1 || text == "\"" || text == "\n" || text == "\r") {
        throw usage_error{"--delimiter \"" + std::string{text} + "\" is not one character that can separate fields (e.g. ';' or tab)"};
    }
    return text.front();
}

[[nodiscard]] inline toll::category category_named(std::string_view text)
{
    if (const auto c = toll::enum_from_name<toll::category>(text)) return *c;
    throw usage_error{"unknown category \"" + std::string{text} + "\" (expected one of " +
                      toll::detail::name_list<toll::category>() + ")"};
}

/// A group written as in the claims CSV: `kind` or `kind/label`.
[[nodiscard]] inline toll::group group_named(std::string_view text, std::string_view party)
{
    const auto slash = text.find('/');
    const auto kind = toll::enum_from_name<toll::group_kind>(text.substr(0, slash));
    if (!kind || (slash != std::string_view::npos && slash + 1 == text.size())) {
        throw usage_error{"unknown group \"" + std::string{text} + "\" (expected KIND or KIND/LABEL, KIND one of " +
                          toll::detail::name_list<toll::group_kind>() + ")"};
    }
    toll::group g;
    g.kind = *kind;
    if (slash != std::string_view::npos) g.label = std::string{text.substr(slash + 1)};
    g.party = std::string{party};
    return g;
}

/// "12,345,678".
/// A usage error when the claims and the events are both to be read from stdin (`-`).
inline void one_stdin(const std::string& claims_path, const std::optional<std::string>& events_path)
{
    if (claims_path == "-" && events_path == "-") throw usage_error{"the claims and the events cannot both be read from stdin (-)"};
}

/// The options `toll timeline` and `toll plot` share: the claims file, the key (event, category,
/// group, about-party), the events file and the policy.
struct key_selection {
    std::optional<std::string> claims_path;
    std::optional<std::string> events_path;
    std::optional<std::string> event;
    toll::category category = toll::category::killed;
    std::string group_text = "all";
    std::string party;
    toll::policy policy = toll::policy::ucdp();
    char delimiter = ',';

    /// Takes the argument `arg` (and its value) when it is one of these options or the claims
    /// file; false for anything else, which the caller reads or rejects.
    bool take(arguments& a, std::string_view arg)
    {
        if (arg == "--event") event = std::string{a.value()};
        else if (arg == "--category") category = category_named(a.value());
        else if (arg == "--group") group_text = std::string{a.value()};
        else if (arg == "--about-party") party = std::string{a.value()};
        else if (arg == "--events") events_path = std::string{a.value()};
        else if (arg == "--policy") policy = policy_named(a.value());
        else if (arg == "--delimiter") delimiter = delimiter_named(a.value());
        else if (a.is_option()) return false;
        else if (claims_path) throw usage_error{"one claims file only (got " + *claims_path + " and " + std::string{arg} + ")"};
        else claims_path = std::string{arg};
        return true;
    }

    /// The key asked for; a usage error when the claims file or the event is missing.
    [[nodiscard]] toll::claim_key key() const
    {
        if (!claims_path) throw usage_error{"no claims file given"};
        one_stdin(*claims_path, events_path);
        if (!event || event->empty()) throw usage_error{"no event given (--event ID)"};
        return {{*event}, category, group_named(group_text, party)};
    }
};

[[nodiscard]] inline std::string grouped(std::size_t n)
{
    std::string digits = std::to_string(n);
    for (std::size_t i = digits.size(); i > 3; i -= 3) digits.insert(i - 3, ",");
    return digits;
}

/// "1 key", "34 keys", "12,345 claims": a count and the noun that goes with it.
[[nodiscard]] inline std::string count_of(std::size_t n, std::string_view one, std::string_view many)
{
    return grouped(n) + " " + std::string{n == 1 ? one : many};
}

/// A progress line on stderr for work that takes longer than a second, shown only when stderr is
/// a terminal, rewritten in place and erased when the work is done. With `--progress`
/// (progress::requested) it is shown when stderr is not a terminal too, for logs: a line when a
/// step starts, one every five seconds while it runs, and one with its count and time when done.
class progress {
public:
    /// Set by `--progress`: show progress in logs as well. One setting for the whole run.
    static inline bool requested = false;

    explicit progress(std::string what) : progress{std::move(what), default_mode()} {}
    progress(const progress&) = delete;
    progress& operator=(const progress&) = delete;
    ~progress() { done(); }

    /// Reports `count` items done (of `total`, when known). Cheap enough to call for every row.
    void update(std::size_t count, std::optional<std::size_t> total = std::nullopt)
    {
        count_ = count;
        if (mode_ == mode::hidden || (++calls_ & 0x3FFU) != 0) return;
        const auto now = clock::now();
        if (mode_ == mode::log) {
            if (now - last_ < std::chrono::seconds{5}) return;
            last_ = now;
            std::string line = "toll: " + what_ + ": " + grouped(count);
            if (total && *total > 0) line += " of " + grouped(*total) + " (" + std::to_string(count * 100 / *total) + "%)";
            std::cerr << line << ", " << seconds(now) << " s\n" << std::flush;
            return;
        }
        if (now - start_ < std::chrono::seconds{1} || now - last_ < std::chrono::milliseconds{200}) return;
        last_ = now;
        std::string line = "\rtoll: " + what_ + ": " + grouped(count);
        if (total && *total > 0) line += " of " + grouped(*total) + " (" + std::to_string(count * 100 / *total) + "%)";
        line += ", " + std::to_string(seconds(now)) + " s";
        show(std::move(line));
    }

    /// Shows the line at once, for one long step that cannot report as it goes.
    void announce(std::size_t count) { announce(grouped(count)); }

    /// The same, with `detail` ("1,430 MiB") in place of a count.
    void announce(std::string_view detail)
    {
        if (mode_ == mode::log) std::cerr << "toll: " << what_ << ": " << detail << "\u2026\n" << std::flush;
        if (mode_ == mode::terminal) show("\rtoll: " + what_ + ": " + std::string{detail} + "\u2026");
    }

    /// Erases the line, if one was shown; in a log, says the step is done.
    void done()
    {
        if (mode_ == mode::log) {
            std::cerr << "toll: " << what_ << ": done" << (count_ ? ", " + grouped(*count_) : std::string{}) << ", "
                      << seconds(clock::now()) << " s\n"
                      << std::flush;
            mode_ = mode::hidden;
        }
        if (shown_ == 0) return;
        std::cerr << '\r' << std::string(shown_, ' ') << '\r' << std::flush;
        shown_ = 0;
    }

private:
    using clock = std::chrono::steady_clock;
    enum class mode : std::uint8_t { hidden, terminal, log };

    progress(std::string what, mode m) : what_{std::move(what)}, mode_{m}, start_{clock::now()}, last_{start_}
    {
        if (mode_ == mode::log) std::cerr << "toll: " << what_ << "\u2026\n" << std::flush;
    }

    [[nodiscard]] static mode default_mode()
    {
        if (is_terminal(2)) return mode::terminal;
        return requested ? mode::log : mode::hidden;
    }

    [[nodiscard]] long long seconds(clock::time_point now) const
    {
        return static_cast<long long>(std::chrono::duration_cast<std::chrono::seconds>(now - start_).count());
    }

    void show(std::string line)
    {
        if (line.size() < shown_) line.append(shown_ - line.size(), ' ');
        shown_ = line.size();
        std::cerr << line << std::flush;
    }

    std::string what_;
    mode mode_;
    clock::time_point start_;
    clock::time_point last_;
    std::optional<std::size_t> count_;
    std::size_t calls_ = 0;
    std::size_t shown_ = 0;
};

/// Prints CSV errors, at most `limit` of them, then how many more there were.
inline void report_csv_errors(const std::vector<toll::csv_error>& errors, std::ostream& err, std::size_t limit = 50)
{
    for (std::size_t i = 0; i < errors.size() && i < limit; ++i) err << to_string(errors[i]) << '\n';
    if (errors.size() > limit) err << "... and " << count_of(errors.size() - limit, "more error", "more errors") << '\n';
}

struct claims_file {
    std::string name;
    std::vector<toll::claim> claims;
    /// The file's text, kept when it cannot be read again (stdin, a pipe): see report_unknown_events.
    std::string text_once;
};

/// Reads a claims CSV. Every malformed row is reported on `err` as file:line:column; then, when
/// there was any, input_error is thrown: a table over the rows that happened to be readable would
/// not be the table of the file.
[[nodiscard]] inline claims_file load_claims(const std::string& path, const toll::vague_table& vagueness, std::ostream& err,
                                             char delimiter = ',')
{
    input_file file{path};
    const std::string text = file.read_all();
    toll::csv_read_options options;
    options.file = file.name();
    options.vagueness = vagueness;
    options.delimiter = delimiter;
    toll::claim_csv_reader reader{text, options};
    claims_file out{file.name(), {}, {}};
    std::vector<toll::csv_error> errors;
    progress shown{"reading " + file.name()};
    toll::claim c;
    while (true) {
        const auto step = reader.next(c);
        if (step == toll::csv_step::end) break;
        if (step == toll::csv_step::error) {
            errors.push_back(reader.error());
        } else {
            out.claims.push_back(c);
        }
        shown.update(out.claims.size() + errors.size());
    }
    shown.done();
    if (!errors.empty()) {
        report_csv_errors(errors, err);
        throw input_error{count_of(errors.size(), "error", "errors") + " in " + file.name()};
    }
    if (!file.regular()) out.text_once = text;
    return out;
}

struct events_file {
    std::string name;
    std::vector<toll::event> events;
    std::unordered_map<std::string, std::size_t> index;  ///< event id → position in `events`

    [[nodiscard]] const toll::event* find(std::string_view id) const
    {
        const auto it = index.find(std::string{id});
        return it == index.end() ? nullptr : &events[it->second];
    }

    /// The event `id`, or an input error naming the nearest ids the file has.
    const toll::event& require(const std::string& id) const
    {
        if (const toll::event* e = find(id)) return *e;
        std::vector<std::string> ids;
        ids.reserve(events.size());
        for (const auto& e : events) ids.push_back(e.id);
        std::string message = name + ": no event \"" + id + "\"";
        const auto near = nearest_names(ids, id);
        for (std::size_t i = 0; i < near.size(); ++i) message += (i == 0 ? " (the nearest: " : ", ") + near[i];
        if (!near.empty()) message += ")";
        throw input_error{message};
    }
};

[[nodiscard]] inline events_file load_events(const std::string& path, std::ostream& err, char delimiter = ',')
{
    const std::string text = read_input_file(path);
    toll::csv_read_options options;
    options.file = input_name(path);
    options.delimiter = delimiter;
    auto records = toll::read_events_csv(text, options);
    if (!records.ok()) {
        report_csv_errors(records.errors, err);
        throw input_error{count_of(records.errors.size(), "error", "errors") + " in " + options.file};
    }
    events_file out{options.file, std::move(records.values), {}};
    for (std::size_t i = 0; i < out.events.size(); ++i) out.index.emplace(out.events[i].id, i);
    return out;
}

/// Reports every event id in the claims file that the events file does not have, as
/// file:line:column (event): ...; returns how many there were. The claims are kept as they are.
/// `text_read`: the file's text when the caller has it (else it is read again).
inline std::size_t report_unknown_events(const std::string& claims_path, const events_file& events, std::ostream& err,
                                         const std::string* text_read = nullptr, char delimiter = ',')
{
    const std::string text = text_read ? std::string{} : read_input_file(claims_path);
    const std::string_view all = text_read ? std::string_view{*text_read} : std::string_view{text};
    const std::string name = input_name(claims_path);
    toll::csv_reader reader{all, name, delimiter};
    const auto column = reader.find("event");
    if (reader.error() || !column) return 0;
    std::size_t unknown = 0;
    toll::csv_row row;
    while (reader.next(row)) {
        if (row.error() || row.size() <= *column) continue;
        const toll::csv_field& field = row[*column];
        toll::detail::for_each_list_item(field.text, [&](std::string_view id) {
            if (id.empty() || events.find(id)) return;
            ++unknown;
            if (unknown <= 50) {
                err << name << ':' << field.line << ':' << field.column << " (event): the event \"" << id
                    << "\" is not in " << events.name << " [unknown_event]\n";
            }
        });
    }
    if (unknown > 50) err << "... and " << count_of(unknown - 50, "more unknown event", "more unknown events") << '\n';
    return unknown;
}

/// "Kani Bonzon massacre", or the id when the event is not known; several joined by " + ".
[[nodiscard]] inline std::string scope_name(const std::vector<std::string>& ids, const events_file* events)
{
    std::string text;
    for (const auto& id : ids) {
        if (!text.empty()) text += " + ";
        const toll::event* e = events ? events->find(id) : nullptr;
        text += e && !e->name.empty() ? e->name : id;
    }
    return text;
}

/// scope_name for an event scope written `;`-joined, appended to `name`; false when an id of it is
/// not in `events`.
inline bool append_scope_name(std::string& name, std::string_view scope, const events_file& events)
{
    bool known = true;
    toll::detail::for_each_list_item(scope, [&](std::string_view id) {
        if (!name.empty()) name += " + ";
        const toll::event* e = events.find(id);
        if (!e) known = false;
        name += e && !e->name.empty() ? std::string_view{e->name} : id;
    });
    return known;
}

/// The group as the claims CSV writes it: `kind` or `kind/label`.
[[nodiscard]] inline std::string group_cell(const toll::group& g)
{
    std::string text{to_string(g.kind)};
    if (!g.label.empty()) text += "/" + g.label;
    return text;
}

/// "2023-02-24", or "" when not set.
[[nodiscard]] inline std::string date_cell(const boost::gregorian::date& d)
{
    return d.is_special() ? std::string{} : toll::detail::iso_date(d);
}

/// The options that ask for `key` (of one event): "--event moura-2022 --category killed --group civilians".
[[nodiscard]] inline std::string key_options(const toll::claim_key& key)
{
    std::string text = "--event " + key.events.front() + " --category " + std::string{to_string(key.category)} + " --group " +
                       group_cell(key.group);
    if (!key.group.party.empty()) text += " --about-party " + key.group.party;
    return text;
}

/// An input error when no claim of the file falls under the result's key, listing the nearest
/// keys that have claims, as the options that ask for them.
inline void require_claims_under(const toll::reconciliation& result, const std::vector<toll::claim>& claims,
                                 const std::string& claims_path)
{
    const bool any = std::any_of(result.claims.begin(), result.claims.end(), [](const toll::claim_fate& f) {
        return f.exclusion != toll::exclusion::outside_key && f.exclusion != toll::exclusion::invalid;
    });
    if (any) return;
    std::string message = input_name(claims_path) + ": no claim about " + to_string(result.key);
    const auto near = nearest_keys(claims, result.key);
    if (!near.empty()) message += "; the nearest keys with claims:";
    for (const auto& k : near) message += "\n  " + key_options(k.key) + "  (" + count_of(k.claims, "claim", "claims") + ")";
    throw input_error{message};
}

}  // namespace toll_cli
