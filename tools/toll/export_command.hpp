#pragma once
// `toll export ged|acled CLAIMS`: claims reconciled and written back as the rows a conflict
// dataset publishes, one per event, each with the ids of the claims behind it.

#include <iostream>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include <toll/io/claims_csv.hpp>
#include <toll/io/dataset_rows.hpp>
#include <toll/reconcile/policy.hpp>
#include <toll/reconcile/reconcile.hpp>

#include "cli.hpp"
#include "dataset_files.hpp"
#include "output.hpp"

namespace toll_cli {

inline constexpr std::string_view export_help =
    R"help(usage: toll export ged|acled CLAIMS [--from claims|ged|acled] [--events EVENTS.csv]
                   [--policy acled|ucdp|strict] [--as-of YYYY-MM-DD] [--delimiter C] [-o OUT.csv]

Reconciles the claims (a claims CSV, or with --from a GED or ACLED export; - for stdin) and
writes one row per event with a killed result:
  ged:   id, date_start, date_end, country, adm_1, adm_2, where_coordinates, side_a, side_b,
         deaths_a, deaths_b, deaths_civilians, deaths_unknown, low, best, high, claims
  acled: event_id_cnty, event_date, country, admin1, admin2, location, civilian_targeting,
         fatalities, claims
`claims` lists the ids of the claims used, ;-joined. Results no column holds (other categories,
other groups, figures about several events together) are listed on stderr as not written.
What goes where: docs/datasets.md.

  --from KIND           what CLAIMS is: claims (default), ged or acled
  --events EVENTS.csv   the events, for the rows' dates and places (a GED or ACLED file
                        brings its own)
  --policy NAME         the policy (default ucdp for ged, acled for acled)
  --as-of DATE          only claims reported by DATE count
  --delimiter C         the byte between the fields of the files read: , (default), ; or tab
                        (also named comma, semicolon, tab); what toll writes is comma-separated
  -o, --output FILE     where to write (default: stdout; - for stdout)
  -h, --help            this help

Exit status: 0 done, 1 bad input, 2 bad arguments.
)help";

[[nodiscard]] inline int run_export(std::span<const std::string_view> args, std::istream& in, std::ostream& out,
                                    std::ostream& err)
{
    arguments a{args};
    std::optional<dataset_kind> kind;
    std::optional<std::string> input;
    bool from_dataset = false;  // CLAIMS is a GED or ACLED export, of kind from, not a claims CSV
    dataset_kind from = dataset_kind::ged;
    std::optional<std::string> events_path;
    std::optional<toll::policy> p;
    std::optional<boost::gregorian::date> as_of;
    output_choice output;
    char delimiter = ',';
    while (const auto arg = a.next()) {
        if (*arg == "-h" || *arg == "--help") {
            a.no_value();
            out << export_help;
            return exit_ok;
        }
        if (*arg == "--from") {
            const std::string_view value = a.value();
            from_dataset = value != "claims";
            if (from_dataset) from = dataset_named(value);
        } else if (*arg == "--events") {
            events_path = std::string{a.value()};
        } else if (*arg == "--policy") {
            p = policy_named(a.value());
        } else if (*arg == "--as-of") {
            as_of = date_named(a.value(), "--as-of");
        } else if (*arg == "--delimiter") {
            delimiter = delimiter_named(a.value());
        } else if (*arg == "-o" || *arg == "--output") {
            output.set(a.value());
        } else if (a.is_option()) {
            throw usage_error{"unknown option " + std::string{*arg}};
        } else if (!kind) {
            kind = dataset_named(*arg);
        } else if (input) {
            throw usage_error{"one claims file only (got " + *input + " and " + std::string{*arg} + ")"};
        } else {
            input = std::string{*arg};
        }
    }
    if (!kind) throw usage_error{"no dataset given (toll export ged CLAIMS, or toll export acled CLAIMS)"};
    if (!input) throw usage_error{"no claims file given"};
    const toll::policy policy = p.value_or(*kind == dataset_kind::ged ? toll::policy::ucdp() : toll::policy::acled());

    dataset_input data;
    if (from_dataset) {
        data = load_dataset(*input, from, policy.vague_words, in, err, delimiter);
    } else {
        const std::string text = read_input_text(*input, in);
        toll::csv_read_options options;
        options.file = input_name(*input);
        options.vagueness = policy.vague_words;
        options.delimiter = delimiter;
        auto records = toll::read_claims_csv(text, options);
        fail_on_errors(records.errors, options.file, err);
        data.claims = claims_file{options.file, std::move(records.values), {}};
    }
    if (events_path) data.events = load_events(*events_path, err, delimiter);

    const auto report = toll::reconcile(data.claims.claims, policy, as_of);
    std::ostream& written = output.open(out);
    std::vector<std::string> not_written;
    if (*kind == dataset_kind::ged) {
        auto rows = toll::ged_rows(report, data.claims.claims, data.events.events);
        toll::write_ged_rows(written, rows.rows);
        not_written = std::move(rows.not_written);
    } else {
        auto rows = toll::acled_rows(report, data.events.events);
        toll::write_acled_rows(written, rows.rows);
        not_written = std::move(rows.not_written);
    }
    output.finish();
    for (const auto& line : not_written) err << "not written: " << line << '\n';
    return exit_ok;
}

}  // namespace toll_cli
