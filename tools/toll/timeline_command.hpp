#pragma once
// `toll timeline`: how one key's reconciled interval moved as reports arrived.

#include <iostream>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <toll/key.hpp>
#include <toll/reconcile/policy.hpp>
#include <toll/reconcile/reconcile.hpp>
#include <toll/reconcile/timeline.hpp>

#include "cli.hpp"
#include "output.hpp"
#include "reconcile_command.hpp"
#include "text_table.hpp"

namespace toll_cli {

inline constexpr std::string_view timeline_help =
    R"(usage: toll timeline CLAIMS.csv --event ID [--category C] [--group G] [--about-party P]
                     [--events EVENTS.csv] [--policy acled|ucdp|strict] [--delimiter C] [-o FILE]

Shows how the reconciled figure of one key moved as reports arrived: one row per report date,
each the reconciliation as of that date (a source's later report supersedes its earlier one;
reports not yet out do not count), then the result over every report, undated ones included.

  --event ID          the event (required)
  --category C        killed (default), injured, missing, kidnapped, captured, displaced,
                      casualties or other
  --group G           who was counted, as in the claims file: all (default), civilians,
                      security_forces, armed_group, unknown or named, optionally KIND/LABEL
  --about-party P     whose losses the group counts (the claims file's about_party column)
  --events EVENTS.csv the events file, for the event's name
  --policy NAME       acled, ucdp (default) or strict
  --delimiter C       the byte between fields of the CSV files: , (default), ; or tab
                      (also named comma, semicolon, tab)
  -o, --output FILE   where to write (default, and -, stdout)
  -h, --help          this help

Exit status: 0 done, 1 bad input or no claim under the key, 2 bad arguments.
)";

/// The timeline of `key` as a table, then the claims behind the final result.
inline void write_timeline(std::ostream& out, const toll::claim_key& key, const events_file* known, const toll::policy& p,
                           const claims_file& claims, const toll::reconciliation& overall,
                           const std::vector<toll::timeline_step>& steps)
{

    out << scope_heading(key.events, known) << '\n'
        << to_string(key.category) << " (" << to_string(key.group) << "), policy " << p.name << '\n';
    using enum align;
    text_table table{{left, right, right, right, right, left, left}};
    table.add({"as of", "low", "high", "best", "bounds", "status", "reported that day"});
    const reconciled lookup{claims, known, {}};
    auto describe = [&](const std::string& id) {
        const toll::claim* c = lookup.claim(id);
        return c ? id + " (" + to_string(c->figure) + ")" : id;
    };
    std::vector<std::string> undated;
    for (const auto& step : steps) {
        std::string news;
        for (const auto& f : step.state.claims) {
            const toll::claim* c = lookup.claim(f.claim);
            if (!c || c->reported != step.as_of || !toll::has_key(*c, key)) continue;
            if (!news.empty()) news += "; ";
            news += describe(f.claim);
        }
        const auto& r = step.state;
        table.add({toll::detail::iso_date(step.as_of), cells::low(r), cells::high(r), cells::best(r), cells::bounds(r),
                   std::string{to_string(r.status)}, news});
    }
    for (const auto& f : overall.claims) {
        const toll::claim* c = lookup.claim(f.claim);
        if (c && c->reported.is_special() && toll::has_key(*c, key)) undated.push_back(describe(f.claim));
    }
    std::string undated_text;
    for (const auto& u : undated) (undated_text.empty() ? undated_text : undated_text += "; ") += u;
    table.add({"all reports", cells::low(overall), cells::high(overall), cells::best(overall), cells::bounds(overall),
               std::string{to_string(overall.status)}, undated.empty() ? std::string{} : "undated: " + undated_text});
    table.write(out, "  ");
    if (steps.empty()) out << "  (no dated report: the timeline has no steps)\n";
    out << "Claims behind the final result:\n";
    text_table fates{{left, left, left, left, left}};
    for (const bool used : {true, false}) {
        for (const auto& f : overall.claims) {
            if (f.used() != used || f.exclusion == toll::exclusion::outside_key) continue;
            const toll::claim* c = lookup.claim(f.claim);
            fates.add(claim_line(overall, f, c));
        }
    }
    fates.write(out, "  ");
}

[[nodiscard]] inline int run_timeline(std::span<const std::string_view> args, std::ostream& out, std::ostream& err)
{
    arguments a{args};
    key_selection selection;
    output_choice output;
    while (const auto arg = a.next()) {
        if (*arg == "-h" || *arg == "--help") {
            a.no_value();
            out << timeline_help;
            return exit_ok;
        }
        if (selection.take(a, *arg)) continue;
        if (*arg == "-o" || *arg == "--output") {
            output.set(a.value());
        } else {
            throw usage_error{"unknown option " + std::string{*arg}};
        }
    }
    const toll::claim_key key = selection.key();
    const std::string& event = key.events.front();
    const toll::policy& p = selection.policy;

    std::optional<events_file> events;
    if (selection.events_path) events = load_events(*selection.events_path, err, selection.delimiter);
    const claims_file claims = load_claims(*selection.claims_path, p.vague_words, err, selection.delimiter);
    const events_file* known = events ? &*events : nullptr;
    if (known) known->require(event);

    const auto overall = toll::reconcile(claims.claims, key, p);
    require_claims_under(overall, claims.claims, *selection.claims_path);
    const auto steps = toll::timeline(claims.claims, key, p);
    write_timeline(output.open(out), key, known, p, claims, overall, steps);
    output.finish();
    return exit_ok;
}

}  // namespace toll_cli
