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
#include <toll/policy.hpp>
#include <toll/reconcile.hpp>
#include <toll/timeline.hpp>

#include "cli.hpp"
#include "reconcile_command.hpp"
#include "text_table.hpp"

namespace toll_cli {

inline constexpr std::string_view timeline_help =
    R"(usage: toll timeline CLAIMS.csv --event ID [--category C] [--group G] [--about-party P]
                     [--events EVENTS.csv] [--policy acled|ucdp|strict]

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
  -h, --help          this help

Exit status: 0 done, 1 bad input or no claim under the key, 2 bad arguments.
)";

[[nodiscard]] inline int run_timeline(std::span<const std::string_view> args, std::ostream& out, std::ostream& err)
{
    arguments a{args};
    std::optional<std::string> claims_path;
    std::optional<std::string> events_path;
    std::optional<std::string> event;
    toll::category category = toll::category::killed;
    std::string group_text = "all";
    std::string party;
    toll::policy p = toll::policy::ucdp();
    while (const auto arg = a.next()) {
        if (*arg == "-h" || *arg == "--help") {
            a.no_value();
            out << timeline_help;
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
    const toll::claim_key key{{*event}, category, group_named(group_text, party)};

    std::optional<events_file> events;
    if (events_path) events = load_events(*events_path, err);
    const claims_file claims = load_claims(*claims_path, p.vague_words, err);
    const events_file* known = events ? &*events : nullptr;
    if (known && !known->find(*event)) throw input_error{*events_path + ": no event \"" + *event + "\""};

    const auto overall = toll::reconcile(claims.claims, key, p);
    if (std::none_of(overall.claims.begin(), overall.claims.end(),
                     [](const toll::claim_fate& f) { return f.exclusion != toll::exclusion::outside_key && f.exclusion != toll::exclusion::invalid; })) {
        throw input_error{*claims_path + ": no claim about " + to_string(key)};
    }
    const auto steps = toll::timeline(claims.claims, key, p);

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
    return exit_ok;
}

}  // namespace toll_cli
