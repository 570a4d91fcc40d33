#pragma once
// `toll plot`: a forest plot of one key's claims as SVG (toll/forest_plot.hpp draws it).

#include <algorithm>
#include <fstream>
#include <iostream>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include <toll/forest_plot.hpp>
#include <toll/key.hpp>
#include <toll/policy.hpp>
#include <toll/reconcile.hpp>

#include "cli.hpp"

namespace toll_cli {

inline constexpr std::string_view plot_help =
    R"(usage: toll plot CLAIMS.csv --event ID [--category C] [--group G] [--about-party P]
                 [--events EVENTS.csv] [--policy acled|ucdp|strict] [--as-of DATE]
                 [--scale linear|log] -o FILE.svg

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
  -o, --output FILE   where to write the SVG (required; - for stdout)
  -h, --help          this help

Exit status: 0 done, 1 bad input or no claim under the key, 2 bad arguments.
)";

[[nodiscard]] inline int run_plot(std::span<const std::string_view> args, std::ostream& out, std::ostream& err)
{
    arguments a{args};
    std::optional<std::string> claims_path;
    std::optional<std::string> events_path;
    std::optional<std::string> event;
    std::optional<std::string> output;
    toll::category category = toll::category::killed;
    std::string group_text = "all";
    std::string party;
    toll::policy p = toll::policy::ucdp();
    std::optional<boost::gregorian::date> as_of;
    toll::forest_plot_options options;
    while (const auto arg = a.next()) {
        if (*arg == "-h" || *arg == "--help") {
            a.no_value();
            out << plot_help;
            return exit_ok;
        }
        if (*arg == "--event") {
            event = std::string{a.value()};
        } else if (*arg == "--category") {
            category = category_named(a.value());
        } else if (*arg == "--group") {
            group_text = std::string{a.value()};
        } else if (*arg == "--about-party") {
            party = std::string{a.value()};
        } else if (*arg == "--events") {
            events_path = std::string{a.value()};
        } else if (*arg == "--policy") {
            p = policy_named(a.value());
        } else if (*arg == "--as-of") {
            as_of = date_named(a.value(), "--as-of");
        } else if (*arg == "--scale") {
            const auto scale = a.value();
            if (scale == "linear") options.scale = toll::plot_scale::linear;
            else if (scale == "log") options.scale = toll::plot_scale::log;
            else throw usage_error{"unknown scale \"" + std::string{scale} + "\" (expected linear or log)"};
        } else if (*arg == "-o" || *arg == "--output") {
            output = std::string{a.value()};
        } else if (a.is_option()) {
            throw usage_error{"unknown option " + std::string{*arg}};
        } else if (claims_path) {
            throw usage_error{"one claims file only (got " + *claims_path + " and " + std::string{*arg} + ")"};
        } else {
            claims_path = std::string{*arg};
        }
    }
    if (!claims_path) throw usage_error{"no claims file given"};
    if (!event || event->empty()) throw usage_error{"no event given (--event ID)"};
    if (!output || output->empty()) throw usage_error{"no output file given (-o FILE.svg, or -o - for stdout)"};
    const toll::claim_key key{{*event}, category, group_named(group_text, party)};

    std::optional<events_file> events;
    if (events_path) events = load_events(*events_path, err);
    const claims_file claims = load_claims(*claims_path, p.vague_words, err);
    if (events) {
        if (!events->find(*event)) throw input_error{*events_path + ": no event \"" + *event + "\""};
        options.events = events->events;
    }
    const auto result = toll::reconcile(claims.claims, key, p, as_of);
    if (std::none_of(result.claims.begin(), result.claims.end(), [](const toll::claim_fate& f) {
            return f.exclusion != toll::exclusion::outside_key && f.exclusion != toll::exclusion::invalid;
        })) {
        throw input_error{*claims_path + ": no claim about " + to_string(key)};
    }
    const std::string svg = toll::forest_plot_svg(claims.claims, result, p, options);
    if (*output == "-") {
        out << svg;
        return exit_ok;
    }
    std::ofstream file{*output, std::ios::binary};
    if (!file || !file.write(svg.data(), static_cast<std::streamsize>(svg.size())) || !file.flush()) {
        throw input_error{*output + ": cannot be written"};
    }
    return exit_ok;
}

}  // namespace toll_cli
