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

/// The name errors give a file: its path, or "<stdin>" for `-`.
[[nodiscard]] inline std::string input_name(const std::string& path) { return path == "-" ? std::string{"<stdin>"} : path; }

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
                                                std::istream& in, std::ostream& err)
{
    const std::string text = read_input_text(path, in);
    toll::csv_read_options options;
    options.file = input_name(path);
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
    out.claims = claims_file{options.file, std::move(records.claims)};
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

}  // namespace toll_cli
