#pragma once
// `toll import ged|acled FILE`: a UCDP GED or ACLED export as toll's claims CSV (and, on request,
// events CSV), row by row, so files of millions of rows never sit in memory as claims.

#include <exception>
#include <iostream>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <toll/io/acled.hpp>
#include <toll/io/claims_csv.hpp>
#include <toll/io/dataset.hpp>
#include <toll/io/events_csv.hpp>
#include <toll/io/ged.hpp>

#include "cli.hpp"
#include "dataset_files.hpp"
#include "output.hpp"

namespace toll_cli {

inline constexpr std::string_view import_help =
    R"help(usage: toll import ged|acled FILE [-o CLAIMS.csv] [--events-out EVENTS.csv] [--delimiter C]

Reads a UCDP GED or ACLED CSV export (FILE, or - for stdin) and writes its claims as toll's
claims CSV: each row becomes an event (ged-<id>, acled-<event_id_cnty>) and the claims it makes
about it. GED: low/best/high as one range claim keeping the best ("12–20 (best 20)"), and one
claim per deaths_* column. ACLED: the fatalities, and the claims the sentence parser reads in the
notes, with their spans. The mapping, column by column: docs/datasets.md.

  -o, --output FILE       the claims CSV (default: stdout; - for stdout)
  --events-out FILE       also write the rows' events as an events CSV (- for stdout is refused
                          when the claims go there too)
  --delimiter C           the byte between FILE's fields: , (default), ; or tab (also named
                          comma, semicolon, tab); what toll writes is comma-separated
  -h, --help              this help

Malformed rows are listed on stderr as file:line:column (column name): reason [code], and the
command exits with status 1 (a partly written -o file is removed). Checks (GED parts that do
not add up to best, notes the sentence parser cannot read) are listed as warnings.
Exit status: 0 done, 1 bad input, 2 bad arguments.
)help";

namespace detail {

/// Reads every row with `Reader`, writing its claims as they come; events and checks are kept.
template <class Reader>
void import_rows(std::string_view text, toll::csv_read_options options, bool spans, bool keep_events, std::ostream& out,
                 std::vector<toll::event>& events, std::vector<toll::dataset_check>& checks,
                 std::vector<toll::csv_error>& errors)
{
    progress shown{"importing " + options.file};
    Reader reader{text, std::move(options)};
    toll::claim_csv_writer writer{out, spans};
    toll::dataset_row row;
    std::size_t rows = 0;
    while (true) {
        const toll::csv_step step = reader.next(row);
        if (step == toll::csv_step::end) break;
        shown.update(++rows);
        if (step == toll::csv_step::error) {
            errors.push_back(reader.error());
            continue;
        }
        for (const toll::claim& c : row.claims) writer.write(c);
        if (keep_events) events.push_back(row.event.event);
        checks.insert(checks.end(), row.checks.begin(), row.checks.end());
    }
}

}  // namespace detail

[[nodiscard]] inline int run_import(std::span<const std::string_view> args, std::istream& in, std::ostream& out,
                                    std::ostream& err)
{
    arguments a{args};
    std::optional<dataset_kind> kind;
    std::optional<std::string> input;
    output_choice output;
    std::optional<std::string> events_output;
    char delimiter = ',';
    while (const auto arg = a.next()) {
        if (*arg == "-h" || *arg == "--help") {
            a.no_value();
            out << import_help;
            return exit_ok;
        }
        if (*arg == "-o" || *arg == "--output") {
            output.set(a.value());
        } else if (*arg == "--events-out") {
            events_output = std::string{a.value()};
        } else if (*arg == "--delimiter") {
            delimiter = delimiter_named(a.value());
        } else if (a.is_option()) {
            throw usage_error{"unknown option " + std::string{*arg}};
        } else if (!kind) {
            kind = dataset_named(*arg);
        } else if (input) {
            throw usage_error{"one file only (got " + *input + " and " + std::string{*arg} + ")"};
        } else {
            input = std::string{*arg};
        }
    }
    if (!kind) throw usage_error{"no dataset given (toll import ged FILE, or toll import acled FILE)"};
    if (!input) throw usage_error{"no file given"};
    if (events_output && *events_output == "-" && output.name() == "stdout") {
        throw usage_error{"the claims and the events cannot both go to stdout (give -o or --events-out a file)"};
    }

    const std::string text = read_input_text(*input, in);
    toll::csv_read_options options;
    options.file = input_name(*input);
    options.delimiter = delimiter;
    std::vector<toll::event> events;
    std::vector<toll::dataset_check> checks;
    std::vector<toll::csv_error> errors;
    std::ostream& claims_out = output.open(out);
    try {
        if (*kind == dataset_kind::ged) {
            detail::import_rows<toll::ged_csv_reader>(text, options, false, events_output.has_value(), claims_out, events, checks,
                                                      errors);
        } else {
            detail::import_rows<toll::acled_csv_reader>(text, options, true, events_output.has_value(), claims_out, events, checks,
                                                        errors);
        }
        report_checks(checks, err);
        fail_on_errors(errors, options.file, err);
    } catch (const input_error&) {
        discard(output);
        throw;
    }
    output.finish();
    if (events_output) {
        output_choice events_choice;
        events_choice.set(*events_output);
        toll::write_events_csv(events_choice.open(out), events);
        events_choice.finish();
    }
    return exit_ok;
}

}  // namespace toll_cli
