#pragma once
// `toll plot`: a forest plot of one key's claims as SVG (toll/plot/forest_plot.hpp draws it).

#include <algorithm>
#include <iostream>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include <toll/plot/forest_plot.hpp>
#include <toll/key.hpp>
#include <toll/reconcile/policy.hpp>
#include <toll/reconcile/reconcile.hpp>

#include "cli.hpp"
#include "output.hpp"

namespace toll_cli {

inline constexpr std::string_view plot_help =
    R"(usage: toll plot CLAIMS.csv --event ID [--category C] [--group G] [--about-party P]
                 [--events EVENTS.csv] [--policy acled|ucdp|strict] [--as-of DATE]
                 [--scale linear|log] [--delimiter C] -o FILE.svg

Draws a forest plot of one key's claims as SVG: one row per claim, labelled by its source and
relays, drawn as the counts the policy reads it as (a dot for an exact figure, an arrow for an
open end); claims that did not count greyed with the reason; the reconciled range as a band and
the best figure marked.

  --event ID          the event (required)
  --category C        killed (default), injured, missing, kidnapped, captured, displaced,
                      casualties or other
  --group G           who was counted, as in the claims file: all (default), civilians,
                      security_forces, armed_group, unknown or named, optionally KIND/LABEL
  --about-party P     whose losses the group counts (the claims file's about_party column)
  --events EVENTS.csv the events file, for the event's name in the title
  --policy NAME       acled, ucdp (default) or strict
  --as-of DATE        only claims reported by DATE count
  --scale SCALE       linear (default) or log, for figures of different orders of magnitude
  --delimiter C       the byte between fields of the CSV files: , (default), ; or tab
                      (also named comma, semicolon, tab)
  -o, --output FILE   where to write the SVG (required; - for stdout)
  -h, --help          this help

Exit status: 0 done, 1 bad input or no claim under the key, 2 bad arguments.
)";

[[nodiscard]] inline int run_plot(std::span<const std::string_view> args, std::ostream& out, std::ostream& err)
{
    arguments a{args};
    key_selection selection;
    output_choice output;
    std::optional<boost::gregorian::date> as_of;
    toll::forest_plot_options options;
    while (const auto arg = a.next()) {
        if (*arg == "-h" || *arg == "--help") {
            a.no_value();
            out << plot_help;
            return exit_ok;
        }
        if (selection.take(a, *arg)) continue;
        if (*arg == "--as-of") {
            as_of = date_named(a.value(), "--as-of");
        } else if (*arg == "--scale") {
            const auto scale = a.value();
            if (scale == "linear") options.scale = toll::plot_scale::linear;
            else if (scale == "log") options.scale = toll::plot_scale::log;
            else throw usage_error{"unknown scale \"" + std::string{scale} + "\" (expected linear or log)"};
        } else if (*arg == "-o" || *arg == "--output") {
            output.set(a.value());
        } else {
            throw usage_error{"unknown option " + std::string{*arg}};
        }
    }
    const toll::claim_key key = selection.key();
    const std::string& event = key.events.front();
    const toll::policy& p = selection.policy;
    if (!output.given() || output.name().empty()) throw usage_error{"no output file given (-o FILE.svg, or -o - for stdout)"};

    std::optional<events_file> events;
    if (selection.events_path) events = load_events(*selection.events_path, err, selection.delimiter);
    const claims_file claims = load_claims(*selection.claims_path, p.vague_words, err, selection.delimiter);
    if (events) {
        events->require(event);
        options.events = events->events;
    }
    const auto result = toll::reconcile(claims.claims, key, p, as_of);
    require_claims_under(result, claims.claims, *selection.claims_path);
    const std::string svg = toll::forest_plot_svg(claims.claims, result, p, options);
    output.open(out) << svg;
    output.finish();
    return exit_ok;
}

}  // namespace toll_cli
