#pragma once
// What `toll import`, `toll export` and `toll reconcile --from` share: which dataset a file is,
// reading it (a path or `-` for stdin) with every error as file:line:column and every check as a
// warning, and output to a file or `-` for stdout.

#include <cstdint>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <optional>
#include <system_error>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <toll/io/acled.hpp>
#include <toll/io/claims_csv.hpp>
#include <toll/io/dataset.hpp>
#include <toll/io/event_matching.hpp>
#include <toll/io/ged.hpp>

#include "cli.hpp"
#include "output.hpp"

namespace toll_cli {

enum class dataset_kind : std::uint8_t { ged, acled };

[[nodiscard]] inline dataset_kind dataset_named(std::string_view name)
{
    if (name == "ged") return dataset_kind::ged;
    if (name == "acled") return dataset_kind::acled;
    throw usage_error{"unknown dataset \"" + std::string{name} + "\" (expected ged or acled)"};
}

/// The whole text of `path`, or of `in` for `-`; input_error saying why when it cannot be read.
[[nodiscard]] inline std::string read_input_text(const std::string& path, std::istream& in)
{
    if (path != "-") return read_input_file(path);
    std::string text{std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
    if (in.bad()) throw input_error{"<stdin>: cannot be read"};
    return text;
}

/// Prints the checks a dataset's rows raised, at most `limit` of them, as warnings.
inline void report_checks(const std::vector<toll::dataset_check>& checks, std::ostream& err, std::size_t limit = 50)
{
    for (std::size_t i = 0; i < checks.size() && i < limit; ++i) err << to_string(checks[i]) << " [check]\n";
    if (checks.size() > limit) err << "... and " << grouped(checks.size() - limit) << " more checks\n";
}

/// Throws input_error after listing `errors` on `err`, when there are any.
inline void fail_on_errors(const std::vector<toll::csv_error>& errors, const std::string& name, std::ostream& err)
{
    if (errors.empty()) return;
    report_csv_errors(errors, err);
    throw input_error{grouped(errors.size()) + (errors.size() == 1 ? " error" : " errors") + " in " + name};
}

/// A dataset file read whole, as the claims and events of the rest of the command.
struct dataset_input {
    claims_file claims;
    events_file events;
    std::vector<toll::dataset_event> dataset_events;
};

/// Reads a GED or ACLED file whole: every malformed row on `err` as file:line:column, then
/// input_error when there was any; checks on `err` as warnings.
[[nodiscard]] inline dataset_input load_dataset(const std::string& path, dataset_kind kind, const toll::vague_table& vagueness,
                                                std::istream& in, std::ostream& err, char delimiter = ',')
{
    const std::string text = read_input_text(path, in);
    toll::csv_read_options options;
    options.file = input_name(path);
    options.delimiter = delimiter;
    options.vagueness = vagueness;
    toll::dataset_records records;
    {
        progress shown{"reading " + options.file};
        shown.announce(grouped(text.size() >> 20) + " MiB");
        records = kind == dataset_kind::ged ? toll::read_ged_csv(text, options) : toll::read_acled_csv(text, options);
    }
    fail_on_errors(records.errors, options.file, err);
    report_checks(records.checks, err);
    dataset_input out;
    out.claims = claims_file{options.file, std::move(records.claims), {}};
    out.events.name = options.file;
    out.events.events.reserve(records.events.size());
    for (const auto& e : records.events) {
        out.events.index.emplace(e.event.id, out.events.events.size());
        out.events.events.push_back(e.event);
    }
    out.dataset_events = std::move(records.events);
    return out;
}

/// `claims` as the text of a claims CSV, for code that reads claims files.
[[nodiscard]] inline std::string claims_csv_text(const std::vector<toll::claim>& claims)
{
    std::ostringstream text;
    toll::write_claims_csv(text, claims);
    return std::move(text).str();
}

/// After bad input, removes the file `-o` named, written only in part (stdout cannot be taken
/// back): what is left of it is not the output.
inline void discard(output_choice& output) noexcept
{
    try {
        output.finish();
    } catch (const output_error&) {  // the file is removed either way
    }
    if (!output.given() || output.name() == "stdout") return;
    std::error_code ignored;
    std::filesystem::remove(output.name(), ignored);
}

/// The dataset files `toll reconcile --with KIND:FILE` adds to its claims, and the matching rule
/// that puts their events onto the events already known (--events, the --from file, or the
/// datasets given before).
class dataset_sources {
public:
    /// Takes `arg` (and its value) when it is one of these options; false otherwise.
    bool take(arguments& a, std::string_view arg)
    {
        if (arg == "--with") {
            const std::string_view value = a.value();
            const std::size_t colon = value.find(':');
            if (colon == std::string_view::npos || colon + 1 == value.size()) {
                throw usage_error{"--with takes KIND:FILE (ged:FILE or acled:FILE), not \"" + std::string{value} + "\""};
            }
            files_.push_back({dataset_named(value.substr(0, colon)), std::string{value.substr(colon + 1)}});
        } else if (arg == "--match-days") {
            options_.days = whole_number(a.value(), "--match-days");
        } else if (arg == "--match-km") {
            options_.kilometres = whole_number(a.value(), "--match-km");
        } else if (arg == "--match-any-actors") {
            a.no_value();
            options_.actors = false;
        } else if (arg == "--mapping") {
            mapping_path_ = std::string{a.value()};
        } else {
            return false;
        }
        return true;
    }

    [[nodiscard]] bool any() const noexcept { return !files_.empty(); }

    /// Reads every dataset, matches its events onto `events` (adding those that match none),
    /// moves its claims onto the matched events and appends them to `claims`.
    [[nodiscard]] toll::matching_report gather(claims_file& claims, events_file& events, const toll::vague_table& vagueness,
                                               std::istream& in, std::ostream& err) const
    {
        toll::event_mapping mapping;
        if (mapping_path_) {
            std::vector<toll::csv_error> errors;
            const std::string text = read_input_text(*mapping_path_, in);
            mapping = toll::read_event_mapping(text, errors, input_name(*mapping_path_));
            fail_on_errors(errors, input_name(*mapping_path_), err);
        }
        toll::matching_report all;
        std::vector<toll::dataset_event> targets = toll::as_targets(events.events);
        for (const auto& [kind, path] : files_) {
            dataset_input data = load_dataset(path, kind, vagueness, in, err);
            const toll::matching_report report = toll::match_events(data.dataset_events, targets, options_, mapping);
            toll::apply_matches(data.claims.claims, report);
            // An event no known event matched is an event of its own, and a target for the next file.
            for (const toll::dataset_event& e : data.dataset_events) {
                if (report.target_of(e.event.id) || events.find(e.event.id)) continue;
                events.index.emplace(e.event.id, events.events.size());
                events.events.push_back(e.event);
                targets.push_back(e);
            }
            claims.claims.insert(claims.claims.end(), data.claims.claims.begin(), data.claims.claims.end());
            all.matches.insert(all.matches.end(), report.matches.begin(), report.matches.end());
            all.near_misses.insert(all.near_misses.end(), report.near_misses.begin(), report.near_misses.end());
            all.unmatched.insert(all.unmatched.end(), report.unmatched.begin(), report.unmatched.end());
        }
        return all;
    }

private:
    [[nodiscard]] static int whole_number(std::string_view text, std::string_view option)
    {
        const auto n = toll::detail::read_count(text);
        if (!n || *n > 100000) throw usage_error{std::string{option} + " takes a whole number, not \"" + std::string{text} + "\""};
        return static_cast<int>(*n);
    }

    struct file {
        dataset_kind kind;
        std::string path;
    };
    std::vector<file> files_;
    toll::match_options options_;
    std::optional<std::string> mapping_path_;
};

/// Every match and near-miss, one per line, for people.
inline void write_matching(std::ostream& out, const toll::matching_report& report)
{
    out << "\nEvent matching: " << report.matches.size() << (report.matches.size() == 1 ? " match, " : " matches, ")
        << report.near_misses.size() << (report.near_misses.size() == 1 ? " near-miss, " : " near-misses, ")
        << report.unmatched.size() << " dataset events kept as their own\n";
    for (const auto& m : report.matches) out << "  " << to_string(m) << '\n';
    for (const auto& m : report.near_misses) out << "  " << to_string(m) << '\n';
}

}  // namespace toll_cli
