#pragma once
// Event matching across datasets: the rows GED, ACLED and toll's own files code for one attack
// meet in one event, so that their claims meet in one key. A dataset event matches an event
// when their periods lie within a window of days, their places agree (the same locality, a
// short distance between coordinates, or the same district or region where the finer name is
// not known) and, where both name them, their actors share a name. Every match and every
// near-miss (a pair that fails one test narrowly) is recorded with its reasons; a mapping file
// overrides the rule for the events it names.
//
// This lives beside the dataset readers rather than among the reconciliation rules: it decides
// which event a claim is about, before any claim is reconciled, from what the readers give
// (places, periods, coordinates, actors), and it reads its override file as they read theirs.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <toll/claim.hpp>
#include <toll/event.hpp>
#include <toll/io/csv.hpp>
#include <toll/io/dataset.hpp>
#include <toll/io/detail/csv_records.hpp>

namespace toll {

/// The rule event matching runs under.
struct match_options {
    /// The most days between two periods that still match (0: they must overlap).
    int days = 1;
    /// The farthest apart, in kilometres, two events' coordinates may be and still be one place.
    double kilometres = 25;
    /// Require the actors to share a name when both events name actors.
    bool actors = true;
    /// How far beyond `days` (and how much coarser a place) a failed pair is still reported as a
    /// near-miss.
    int near_days = 7;
};

/// How two places were found to agree.
enum class place_agreement : std::uint8_t { locality, distance, district, region, none };

[[nodiscard]] constexpr std::string_view to_string(place_agreement a) noexcept
{
    switch (a) {
    case place_agreement::locality: return "same locality";
    case place_agreement::distance: return "coordinates close";
    case place_agreement::district: return "same district";
    case place_agreement::region: return "same region";
    case place_agreement::none: return "places differ";
    }
    return "places differ";
}

/// One dataset event held against one event: matched, or a near-miss, and why.
struct event_match {
    std::string event;   ///< the dataset event ("ged-488101")
    std::string target;  ///< the event it was held against ("kani-bonzon-2023")
    bool matched = false;
    /// Days between the periods (0 when they overlap); nothing when a period is not known.
    std::optional<int> day_gap;
    place_agreement place = place_agreement::none;
    /// Kilometres between the coordinates, when both have them.
    std::optional<double> distance;
    /// Whether the actors share a name; nothing when one side names none.
    std::optional<bool> actors;
    /// What decided it, in words: "1 day apart, same locality, actors agree", "mapped by m.csv:3".
    std::string reason;

    friend bool operator==(const event_match&, const event_match&) = default;
};

/// "ged-488101 -> kani-bonzon-2023: matched (0 days apart, same locality)".
[[nodiscard]] inline std::string to_string(const event_match& m)
{
    return m.event + " -> " + m.target + ": " + (m.matched ? "matched" : "near-miss") + " (" + m.reason + ")";
}

/// What matching found: every match, every near-miss, and the dataset events left as they were.
struct matching_report {
    std::vector<event_match> matches;
    std::vector<event_match> near_misses;
    std::vector<std::string> unmatched;

    /// The event `event` was matched to; nothing when it was not.
    [[nodiscard]] std::optional<std::string> target_of(std::string_view event) const
    {
        for (const event_match& m : matches) {
            if (m.event == event) return m.target;
        }
        return std::nullopt;
    }
};

/// An explicit mapping: dataset event id -> the event it is (empty: it is no other event).
struct event_mapping {
    struct entry {
        std::string target;
        std::string where;  ///< "mapping.csv:3", for the reason
    };
    std::map<std::string, entry, std::less<>> entries;
};

namespace detail {

/// A name as matching compares it: lower case, Latin accents folded ("Ségou" is "segou"),
/// punctuation as spaces, and the words that say what kind of place it is dropped ("Mopti
/// region", "Bankass cercle", "Kani-Bonzon village" are "mopti", "bankass", "kani bonzon").
[[nodiscard]] inline std::string comparable_name(std::string_view text)
{
    // U+00C0 to U+00FF, by their base letter.
    static constexpr std::string_view latin1 = "aaaaaaaceeeeiiiidnooooo ouuuuyts"   // U+00C0 to U+00DF
                                               "aaaaaaaceeeeiiiidnooooo ouuuuyty";  // U+00E0 to U+00FF
    static_assert(latin1.size() == 64);
    std::string folded;
    folded.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0xC3 && i + 1 < text.size()) {
            const auto next = static_cast<unsigned char>(text[i + 1]);
            if (next >= 0x80 && next <= 0xBF) {
                folded += latin1[next - 0x80];
                ++i;
                continue;
            }
        }
        if (c >= 'A' && c <= 'Z') folded += static_cast<char>(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) folded += static_cast<char>(c);
        else folded += ' ';
    }
    static constexpr std::string_view kinds[] = {"village", "town", "city", "region", "cercle", "district", "province",
                                                 "commune", "county", "prefecture", "military", "base", "camp", "near",
                                                 "area", "the", "of"};
    std::string out;
    std::size_t pos = 0;
    while (pos < folded.size()) {
        const std::size_t start = folded.find_first_not_of(' ', pos);
        if (start == std::string::npos) break;
        std::size_t end = folded.find(' ', start);
        if (end == std::string::npos) end = folded.size();
        const std::string_view word{folded.data() + start, end - start};
        if (std::find(std::begin(kinds), std::end(kinds), word) == std::end(kinds)) {
            if (!out.empty()) out += ' ';
            out += word;
        }
        pos = end;
    }
    return out;
}

/// Great-circle distance in kilometres.
[[nodiscard]] inline double kilometres_between(const coordinates& a, const coordinates& b)
{
    constexpr double radius = 6371.0;
    constexpr double to_radians = 3.14159265358979323846 / 180.0;
    const double dlat = (b.latitude - a.latitude) * to_radians;
    const double dlon = (b.longitude - a.longitude) * to_radians;
    const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                     std::cos(a.latitude * to_radians) * std::cos(b.latitude * to_radians) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * radius * std::asin(std::min(1.0, std::sqrt(h)));
}

/// Days between two periods: 0 when they overlap.
[[nodiscard]] inline std::optional<int> days_between(const period& a, const period& b)
{
    if (!a.ok() || !b.ok()) return std::nullopt;
    if (a.overlaps(b)) return 0;
    const auto gap = a.last() < b.first() ? (b.first() - a.last()).days() : (a.first() - b.last()).days();
    return static_cast<int>(gap);
}

/// Words an actor's name shares with no other: "JNIM: Group for Support of Islam and Muslims" and
/// "JNIM" share "jnim"; "Military Forces of Mali (2021-)" and "Government of Mali" share "mali".
[[nodiscard]] inline std::vector<std::string> actor_words(const std::vector<std::string>& actors)
{
    static constexpr std::string_view common[] = {"and", "for", "forces", "force", "group", "military", "government",
                                                  "civilians", "militia", "communal", "ethnic", "state", "islamic",
                                                  "support", "national", "army", "unidentified", "armed"};
    std::vector<std::string> words;
    for (const std::string& actor : actors) {
        const std::string name = comparable_name(actor);
        std::size_t pos = 0;
        while (pos < name.size()) {
            std::size_t end = name.find(' ', pos);
            if (end == std::string::npos) end = name.size();
            const std::string_view word{name.data() + pos, end - pos};
            const bool digits = word.find_first_not_of("0123456789") == std::string_view::npos;
            if (word.size() >= 3 && !digits && std::find(std::begin(common), std::end(common), word) == std::end(common)) {
                words.emplace_back(word);
            }
            pos = end + 1;
        }
    }
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    return words;
}

/// How the places of two events agree: the finest level both know decides.
[[nodiscard]] inline place_agreement places_agree(const dataset_event& a, const dataset_event& b, const match_options& options,
                                                 std::optional<double>& distance)
{
    distance.reset();
    if (a.location && b.location) distance = kilometres_between(*a.location, *b.location);
    const place& p = a.event.place;
    const place& q = b.event.place;
    const auto same = [](const std::string& x, const std::string& y) {
        return !x.empty() && !y.empty() && comparable_name(x) == comparable_name(y);
    };
    const auto known = [](const std::string& x, const std::string& y) { return !x.empty() && !y.empty(); };
    if (!p.country.empty() && !q.country.empty() && !same(p.country, q.country)) return place_agreement::none;
    if (same(p.locality, q.locality)) return place_agreement::locality;
    if (distance && *distance <= options.kilometres) return place_agreement::distance;
    if (known(p.locality, q.locality)) return place_agreement::none;  // two named places, apart
    if (known(p.district, q.district)) return same(p.district, q.district) ? place_agreement::district : place_agreement::none;
    if (same(p.region, q.region)) return place_agreement::region;
    return place_agreement::none;
}

}  // namespace detail

/// Holds every dataset event in `candidates` against every event in `targets` (toll's events, or
/// another dataset's) and matches each candidate to its best target: the fewest days apart, then
/// the finest place agreement, then the smallest id. `mapping` overrides the rule for the
/// candidates it names. Pairs that fail narrowly are near-misses.
[[nodiscard]] inline matching_report match_events(std::span<const dataset_event> candidates, std::span<const dataset_event> targets,
                                                  const match_options& options = {}, const event_mapping& mapping = {})
{
    matching_report report;
    for (const dataset_event& candidate : candidates) {
        const std::string& id = candidate.event.id;
        if (const auto mapped = mapping.entries.find(id); mapped != mapping.entries.end()) {
            if (mapped->second.target.empty()) {
                report.unmatched.push_back(id);
            } else {
                event_match m;
                m.event = id;
                m.target = mapped->second.target;
                m.matched = true;
                m.reason = "mapped by " + mapped->second.where;
                report.matches.push_back(std::move(m));
            }
            continue;
        }
        std::optional<event_match> best;
        std::vector<event_match> misses;
        const auto candidate_words = detail::actor_words(candidate.actors);
        for (const dataset_event& target : targets) {
            event_match m;
            m.event = id;
            m.target = target.event.id;
            m.day_gap = detail::days_between(candidate.event.period, target.event.period);
            m.place = detail::places_agree(candidate, target, options, m.distance);
            if (!candidate.actors.empty() && !target.actors.empty()) {
                const auto target_words = detail::actor_words(target.actors);
                std::vector<std::string> shared;
                std::set_intersection(candidate_words.begin(), candidate_words.end(), target_words.begin(), target_words.end(),
                                      std::back_inserter(shared));
                m.actors = !shared.empty();
            }
            const bool date_ok = m.day_gap && *m.day_gap <= options.days;
            const bool place_ok = m.place != place_agreement::none;
            const bool actors_ok = !options.actors || !m.actors || *m.actors;
            const bool near_date = m.day_gap && *m.day_gap <= options.days + options.near_days;
            const bool near_place = place_ok || (m.distance && *m.distance <= 4 * options.kilometres) ||
                                    (!candidate.event.place.region.empty() &&
                                     detail::comparable_name(candidate.event.place.region) ==
                                         detail::comparable_name(target.event.place.region));
            m.reason = m.day_gap ? std::to_string(*m.day_gap) + (*m.day_gap == 1 ? " day apart" : " days apart")
                                 : std::string{"a period not known"};
            if (m.day_gap && !date_ok) m.reason += " (window " + std::to_string(options.days) + ")";
            m.reason += ", ";
            m.reason += to_string(m.place);
            if (m.distance) m.reason += ", " + std::to_string(static_cast<long>(std::lround(*m.distance))) + " km";
            if (m.actors) m.reason += *m.actors ? ", actors agree" : ", actors differ";
            if (date_ok && place_ok && actors_ok) {
                m.matched = true;
                const auto rank = [](const event_match& x) { return std::pair{*x.day_gap, static_cast<int>(x.place)}; };
                if (!best || rank(m) < rank(*best) || (rank(m) == rank(*best) && m.target < best->target)) {
                    if (best) {
                        best->matched = false;
                        best->reason += ", another event matched better";
                        misses.push_back(std::move(*best));
                    }
                    best = std::move(m);
                } else {
                    m.matched = false;
                    m.reason += ", another event matched better";
                    misses.push_back(std::move(m));
                }
            } else if (near_date && near_place) {
                misses.push_back(std::move(m));
            }
        }
        if (best) {
            report.matches.push_back(std::move(*best));
        } else {
            report.unmatched.push_back(id);
        }
        for (auto& m : misses) report.near_misses.push_back(std::move(m));
    }
    return report;
}

/// Toll's own events as targets for matching (no coordinates, no actors).
[[nodiscard]] inline std::vector<dataset_event> as_targets(std::span<const event> events)
{
    std::vector<dataset_event> out;
    out.reserve(events.size());
    for (const event& e : events) out.push_back({e, std::nullopt, {}, 0});
    return out;
}

/// Moves the claims about matched events onto the events they matched: each claim keeps its id
/// (which still names its dataset row) and its text, and its event ids change.
inline void apply_matches(std::span<claim> claims, const matching_report& report)
{
    std::map<std::string_view, std::string_view> to;
    for (const event_match& m : report.matches) to.emplace(m.event, m.target);
    for (claim& c : claims) {
        for (std::string& e : c.events) {
            if (const auto it = to.find(e); it != to.end()) e = std::string{it->second};
        }
    }
}

/// Reads a mapping file: columns `event` (a dataset event id) and `matches` (the event it is, or
/// empty for none), any others ignored. Errors as for claims files; an event given twice is one.
[[nodiscard]] inline event_mapping read_event_mapping(std::string_view text, std::vector<csv_error>& errors,
                                                      const std::string& file = {})
{
    event_mapping mapping;
    csv_reader reader{text, file};
    if (reader.error()) {
        errors.push_back(*reader.error());
        return mapping;
    }
    const auto event_column = reader.find("event");
    const auto matches_column = reader.find("matches");
    for (const auto& [name, column] : {std::pair{"event", event_column}, std::pair{"matches", matches_column}}) {
        if (!column) {
            csv_error e = reader.make_error(1, 0, csv_errc::missing_column, "the header has no column \"" + std::string{name} + "\"");
            e.column_name = name;
            errors.push_back(std::move(e));
        }
    }
    if (!event_column || !matches_column) return mapping;
    csv_row row;
    while (reader.next(row)) {
        if (row.error()) {
            errors.push_back(*row.error());
            continue;
        }
        const csv_field& event = row[*event_column];
        if (event.text.empty()) {
            errors.push_back(reader.make_error(event.line, event.column, csv_errc::missing_value, "\"\" is empty: name the dataset event"));
            continue;
        }
        const std::string where = (file.empty() ? std::string{"<mapping>"} : file) + ":" + std::to_string(row.line());
        const auto [at, inserted] = mapping.entries.try_emplace(std::string{event.text}, event_mapping::entry{std::string{row[*matches_column].text}, where});
        if (!inserted) {
            errors.push_back(reader.make_error(event.line, event.column, csv_errc::duplicate_id,
                                               detail::quoted_excerpt(event.text) + " is already mapped at " + at->second.where));
        }
    }
    return mapping;
}

}  // namespace toll
