#pragma once
// Reconciled results as the rows conflict datasets publish: one UCDP-style row per event (deaths
// per side, civilians and unknown, and low / best / high) or one ACLED-style row per event (its
// fatalities), each with the ids of the claims behind it. Results that fit no column are listed
// as not written, never dropped silently. docs/datasets.md says what goes where.

#include <algorithm>
#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <toll/claim.hpp>
#include <toll/detail/date_text.hpp>
#include <toll/event.hpp>
#include <toll/group.hpp>
#include <toll/io/csv.hpp>
#include <toll/reconcile/reconcile.hpp>

namespace toll {

/// One event as UCDP GED writes it. A count is nothing when the results give none to write.
struct ged_style_row {
    std::string id;  ///< the event id
    toll::period period;
    toll::place place;
    std::string side_a;  ///< "Government of Mali", "JNIM"; empty when no side has a result
    std::string side_b;
    count_type deaths_a = 0;  ///< 0 where there is no figure, as GED writes
    count_type deaths_b = 0;
    count_type deaths_civilians = 0;
    count_type deaths_unknown = 0;
    std::optional<count_type> low;
    std::optional<count_type> best;
    std::optional<count_type> high;
    /// The claims used in the results written, sorted.
    std::vector<std::string> claims;

    friend bool operator==(const ged_style_row&, const ged_style_row&) = default;
};

/// One event as ACLED writes it.
struct acled_style_row {
    std::string id;  ///< the event id
    toll::period period;
    toll::place place;
    bool civilian_targeting = false;
    count_type fatalities = 0;  ///< 0 where there is no figure, as ACLED writes
    std::vector<std::string> claims;

    friend bool operator==(const acled_style_row&, const acled_style_row&) = default;
};

/// Rows, and a sentence for every result (or part of one) they do not hold.
template <class Row>
struct dataset_export {
    std::vector<Row> rows;
    std::vector<std::string> not_written;
};

namespace detail {

/// The killed results about one event each, by event, and notes for every other result.
struct results_by_event {
    std::map<std::string, std::vector<const reconciliation*>> events;
    std::vector<std::string> not_written;
};

[[nodiscard]] inline results_by_event killed_by_event(const reconciliation_report& report)
{
    results_by_event out;
    for (const reconciliation& r : report.results) {
        if (r.key.events.size() != 1) {
            out.not_written.push_back(to_string(r.key) + ": a result about several events together has no row");
        } else if (r.key.category != category::killed) {
            out.not_written.push_back(to_string(r.key) + ": the rows count deaths only");
        } else {
            out.events[r.key.events.front()].push_back(&r);
        }
    }
    return out;
}

/// The count a dataset column holds for a result: the best its source stated with its range when
/// every claim used states the same one (a GED row read back gives its own best), otherwise the
/// policy's best; nothing when there is neither.
[[nodiscard]] inline std::optional<count_type> column_best(const reconciliation& r,
                                                           const std::unordered_map<std::string_view, const claim*>& claims)
{
    std::optional<count_type> stated;
    bool all_state_one = false;
    for (const claim_fate& fate : r.claims) {
        if (!fate.used()) continue;
        const auto it = claims.find(fate.claim);
        const auto best = it == claims.end() ? std::nullopt : it->second->figure.best();
        if (!best || (stated && *stated != *best)) {
            all_state_one = false;
            break;
        }
        stated = best;
        all_state_one = true;
    }
    if (all_state_one) return stated;
    if (r.best) return r.best->value;
    return std::nullopt;
}

[[nodiscard]] inline std::unordered_map<std::string_view, const claim*> claims_by_id(std::span<const claim> claims)
{
    std::unordered_map<std::string_view, const claim*> out;
    out.reserve(claims.size());
    for (const claim& c : claims) out.emplace(c.id, &c);
    return out;
}

[[nodiscard]] inline const event* find_event(std::span<const event> events, std::string_view id)
{
    const auto it = std::find_if(events.begin(), events.end(), [&](const event& e) { return e.id == id; });
    return it == events.end() ? nullptr : &*it;
}

inline void add_used(std::vector<std::string>& ids, const reconciliation& r)
{
    for (const claim_fate& fate : r.claims) {
        if (fate.used()) ids.push_back(fate.claim);
    }
}

inline void sort_ids(std::vector<std::string>& ids)
{
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

[[nodiscard]] inline bool is_whole(const group& g, group_kind kind) { return g.kind == kind && g.label.empty(); }

}  // namespace detail

/// A UCDP-style row per event with a killed result: `low` and `high` the reported range of
/// killed (all), `best` its column best (see docs/datasets.md), deaths_* the column best of the
/// results for the security forces or armed group of the first two parties (security forces
/// first), civilians and unknown. `claims` is every claim the results stand on; `events` gives
/// the rows their dates and places.
[[nodiscard]] inline dataset_export<ged_style_row> ged_rows(const reconciliation_report& report, std::span<const claim> claims,
                                                            std::span<const event> events = {})
{
    auto grouped = detail::killed_by_event(report);
    dataset_export<ged_style_row> out;
    out.not_written = std::move(grouped.not_written);
    const auto by_id = detail::claims_by_id(claims);
    for (const auto& [event_id, results] : grouped.events) {
        ged_style_row row;
        row.id = event_id;
        if (const event* e = detail::find_event(events, event_id)) {
            row.period = e->period;
            row.place = e->place;
        }
        std::vector<const reconciliation*> sides;
        const auto value = [&](const reconciliation& r, count_type& column) {
            const auto best = detail::column_best(r, by_id);
            column = best.value_or(0);
            detail::add_used(row.claims, r);
        };
        for (const reconciliation* r : results) {
            const group& g = r->key.group;
            if (detail::is_whole(g, group_kind::all) && g.party.empty()) {
                if (r->reported) {
                    row.low = r->reported->range.low();
                    row.high = r->reported->range.high();
                    if (!row.high) out.not_written.push_back(to_string(r->key) + ": no high, since the reported range is unbounded");
                }
                row.best = detail::column_best(*r, by_id);
                detail::add_used(row.claims, *r);
            } else if (detail::is_whole(g, group_kind::civilians)) {
                value(*r, row.deaths_civilians);
            } else if (detail::is_whole(g, group_kind::unknown)) {
                value(*r, row.deaths_unknown);
            } else if ((detail::is_whole(g, group_kind::security_forces) || detail::is_whole(g, group_kind::armed_group)) &&
                       !g.party.empty()) {
                sides.push_back(r);
            } else {
                out.not_written.push_back(to_string(r->key) + ": no GED column holds this group");
            }
        }
        // GED's side_a is the government where there is one: security forces first, then by party.
        std::stable_sort(sides.begin(), sides.end(), [](const reconciliation* a, const reconciliation* b) {
            return a->key.group.kind < b->key.group.kind;
        });
        for (std::size_t i = 0; i < sides.size(); ++i) {
            const group& g = sides[i]->key.group;
            if (i >= 2) {
                out.not_written.push_back(to_string(sides[i]->key) + ": GED rows have two sides");
                continue;
            }
            (i == 0 ? row.side_a : row.side_b) = g.kind == group_kind::security_forces ? "Government of " + g.party : g.party;
            value(*sides[i], i == 0 ? row.deaths_a : row.deaths_b);
        }
        detail::sort_ids(row.claims);
        out.rows.push_back(std::move(row));
    }
    return out;
}

/// An ACLED-style row per event with a killed result: fatalities the policy's best of killed
/// (all), or of killed (civilians), with civilian_targeting set, when there is no result for all.
[[nodiscard]] inline dataset_export<acled_style_row> acled_rows(const reconciliation_report& report,
                                                                std::span<const event> events = {})
{
    auto grouped = detail::killed_by_event(report);
    dataset_export<acled_style_row> out;
    out.not_written = std::move(grouped.not_written);
    for (const auto& [event_id, results] : grouped.events) {
        acled_style_row row;
        row.id = event_id;
        if (const event* e = detail::find_event(events, event_id)) {
            row.period = e->period;
            row.place = e->place;
        }
        const reconciliation* all = nullptr;
        const reconciliation* civilians = nullptr;
        for (const reconciliation* r : results) {
            const group& g = r->key.group;
            if (detail::is_whole(g, group_kind::all) && g.party.empty()) {
                all = r;
            } else if (detail::is_whole(g, group_kind::civilians)) {
                civilians = r;
            }
        }
        const reconciliation* counted = all ? all : civilians;
        row.civilian_targeting = !all && civilians;
        if (counted) {
            if (counted->best) row.fatalities = counted->best->value;
            detail::add_used(row.claims, *counted);
        }
        for (const reconciliation* r : results) {
            if (r != counted) out.not_written.push_back(to_string(r->key) + ": an ACLED row has one fatalities count");
        }
        out.rows.push_back(std::move(row));
    }
    return out;
}

namespace detail {

inline void write_count(csv_writer& w, std::optional<count_type> n) { w.field(n ? std::to_string(*n) : std::string{}); }

[[nodiscard]] inline std::string joined_ids(const std::vector<std::string>& ids)
{
    std::string text;
    for (const auto& id : ids) (text.empty() ? text : text += ';') += id;
    return text;
}

}  // namespace detail

/// The columns of write_ged_rows, in order.
inline constexpr std::array<std::string_view, 17> ged_style_columns{
    "id",       "date_start", "date_end", "country",          "adm_1",          "adm_2", "where_coordinates", "side_a",
    "side_b",   "deaths_a",   "deaths_b", "deaths_civilians", "deaths_unknown", "low",   "best",              "high",
    "claims"};

/// The columns of write_acled_rows, in order.
inline constexpr std::array<std::string_view, 9> acled_style_columns{
    "event_id_cnty", "event_date", "country", "admin1", "admin2", "location", "civilian_targeting", "fatalities", "claims"};

/// Writes `rows` as CSV with ged_style_columns (dates YYYY-MM-DD, empty when not known).
inline void write_ged_rows(std::ostream& out, std::span<const ged_style_row> rows)
{
    csv_writer w{out};
    for (std::string_view name : ged_style_columns) w.field(name);
    w.end_row();
    for (const ged_style_row& r : rows) {
        w.field(r.id);
        w.field(r.period.ok() ? detail::iso_date(r.period.first()) : std::string{});
        w.field(r.period.ok() ? detail::iso_date(r.period.last()) : std::string{});
        w.field(r.place.country).field(r.place.region).field(r.place.district).field(r.place.locality);
        w.field(r.side_a).field(r.side_b);
        for (count_type n : {r.deaths_a, r.deaths_b, r.deaths_civilians, r.deaths_unknown}) w.field(std::to_string(n));
        detail::write_count(w, r.low);
        detail::write_count(w, r.best);
        detail::write_count(w, r.high);
        w.field(detail::joined_ids(r.claims));
        w.end_row();
    }
}

/// Writes `rows` as CSV with acled_style_columns (event_date the period's first day).
inline void write_acled_rows(std::ostream& out, std::span<const acled_style_row> rows)
{
    csv_writer w{out};
    for (std::string_view name : acled_style_columns) w.field(name);
    w.end_row();
    for (const acled_style_row& r : rows) {
        w.field(r.id);
        w.field(r.period.ok() ? detail::iso_date(r.period.first()) : std::string{});
        w.field(r.place.country).field(r.place.region).field(r.place.district).field(r.place.locality);
        w.field(r.civilian_targeting ? "Civilian targeting" : "");
        w.field(std::to_string(r.fatalities));
        w.field(detail::joined_ids(r.claims));
        w.end_row();
    }
}

}  // namespace toll
