#pragma once
// ACLED as toll reads it: each row of an ACLED CSV export is an event (`acled-<event_id_cnty>`),
// its fatalities a claim (killed; civilians where the row is civilian targeting, else everyone),
// and its notes read with toll's sentence parser into further claims with their spans. ACLED is
// a source of kind `dataset`. docs/datasets.md maps every column.
//
// Reading never throws for bad input and never drops a row silently: a row becomes an event and
// its claims, or an error naming file, line, column and reason (toll::csv_error, as for claims
// files). What the sentence parser cannot read in the notes comes back as checks; the numbers it
// sets aside as no claim (dates, counts of things) as notes.

#include <array>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <toll/claim.hpp>
#include <toll/event.hpp>
#include <toll/figure.hpp>
#include <toll/group.hpp>
#include <toll/io/csv.hpp>
#include <toll/io/dataset.hpp>
#include <toll/io/detail/csv_records.hpp>
#include <toll/io/detail/dataset_cells.hpp>
#include <toll/io/detail/dataset_reader.hpp>
#include <toll/parse/field_parser.hpp>
#include <toll/source.hpp>

namespace toll {

/// The dataset itself as a source: the origin of the fatalities it codes.
inline const source acled_source{"ACLED", source_kind::dataset, {}};

/// Reads an ACLED CSV one row at a time into a dataset_row it refills; see ged_csv_reader. The
/// options' vague-word table is the one the notes are read with.
class acled_csv_reader : public detail::dataset_reader_base {
public:
    /// The columns toll reads, in ACLED's order.
    static constexpr std::array<std::string_view, 20> required_columns{
        "event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "inter1",
        "actor2",        "inter2",     "civilian_targeting", "country", "admin1", "admin2", "location",
        "latitude",      "longitude",  "geo_precision", "notes", "fatalities", "timestamp"};

    /// `text` must outlive the reader.
    explicit acled_csv_reader(std::string_view text, csv_read_options options = {})
        : dataset_reader_base{text, std::move(options)}
    {
        for (std::size_t i = 0; i < required_columns.size(); ++i) column_[i] = require(required_columns[i]);
        finish_header();
    }

    /// Reads the next row into `out`. On csv_step::error, error() says why and `out` holds nothing
    /// meaningful.
    [[nodiscard]] csv_step next(dataset_row& out)
    {
        const csv_step step = next_row();
        return step == csv_step::value ? convert(out) : step;
    }

private:
    enum class col : std::size_t {
        event_id_cnty, event_date, time_precision, event_type, sub_event_type, actor1, inter1, actor2, inter2,
        civilian_targeting, country, admin1, admin2, location, latitude, longitude, geo_precision, notes, fatalities,
        timestamp
    };

    [[nodiscard]] std::size_t at(col c) const noexcept { return column_[static_cast<std::size_t>(c)]; }
    [[nodiscard]] std::string_view cell(col c) const noexcept { return record_reader_base::cell(at(c)); }

    [[nodiscard]] csv_step convert(dataset_row& out)
    {
        const std::string_view id = cell(col::event_id_cnty);
        if (id.empty()) return fail_cell(at(col::event_id_cnty), csv_errc::missing_value, "is empty: every ACLED row has an id");
        if (id.find(';') != std::string_view::npos || detail::trim_blanks(id) != id) {
            // The claims CSV joins event ids with ';' and trims them.
            return fail_cell(at(col::event_id_cnty), csv_errc::bad_value, "holds ';' or starts or ends with a blank");
        }
        const auto day = detail::read_iso_date(cell(col::event_date));
        if (!day.problem.empty()) return fail_cell(at(col::event_date), csv_errc::bad_date, day.problem);
        const auto time_precision = detail::read_code(cell(col::time_precision), 1, 3);
        if (!time_precision) {
            return fail_cell(at(col::time_precision), csv_errc::bad_value,
                             "is not an ACLED time_precision: 1 (day), 2 (week) or 3 (month)");
        }
        if (cell(col::actor1).empty()) return fail_cell(at(col::actor1), csv_errc::missing_value, "is empty: name the actor");
        for (col inter : {col::inter1, col::inter2}) {
            if (!detail::read_code(cell(inter), 0, 8)) {
                return fail_cell(at(inter), csv_errc::bad_value, "is not an ACLED actor type: 0 to 8");
            }
        }
        const std::string_view targeting = cell(col::civilian_targeting);
        if (!targeting.empty() && targeting != "Civilian targeting") {
            return fail_cell(at(col::civilian_targeting), csv_errc::bad_value, "is neither \"Civilian targeting\" nor empty");
        }
        const auto geo_precision = detail::read_code(cell(col::geo_precision), 1, 3);
        if (!geo_precision) {
            return fail_cell(at(col::geo_precision), csv_errc::bad_value,
                             "is not an ACLED geo_precision: 1 (the town), 2 (near it) or 3 (the region)");
        }
        std::optional<coordinates> location;
        if (!read_location(at(col::latitude), at(col::longitude), location)) return csv_step::error;
        count_type fatalities = 0;
        if (!read_count_cell(at(col::fatalities), fatalities)) return csv_step::error;
        const auto updated = detail::read_unix_day(cell(col::timestamp));
        if (!updated) {
            return fail_cell(at(col::timestamp), csv_errc::bad_date, "is not a Unix time: seconds since 1970, digits only");
        }
        // Last, so that a row rejected for another reason does not claim its id.
        if (!note_id(at(col::event_id_cnty))) return csv_step::error;

        out.checks.clear();
        out.notes.clear();
        read_event(out.event, id, *time_precision, *geo_precision, day.value);
        out.event.location = location;
        const std::string& event_id = out.event.event.id;
        const std::string_view notes = cell(col::notes);

        out.claims.resize(1);
        const source_chain own{acled_source, {}};
        // ACLED writes 0 where no deaths are reported: silence, not an explicit zero.
        const figure coded = fatalities == 0 ? figure::unknown() : figure::exact(fatalities);
        id_ = event_id;
        id_ += "-fatalities";
        detail::fill_claim(out.claims[0], id_, event_id, category::killed,
                           targeting.empty() ? group::everyone() : group::civilians(), coded, own, *updated, notes);
        read_notes(out, notes, *updated);
        return csv_step::value;
    }

    void read_event(dataset_event& out, std::string_view id, unsigned time_precision, unsigned geo_precision,
                    boost::gregorian::date day)
    {
        event& e = out.event;
        detail::assign(e.id, "acled-");
        e.id += id;
        detail::assign(e.name, cell(col::event_type));
        if (!cell(col::sub_event_type).empty()) {
            e.name += " (";
            e.name += cell(col::sub_event_type);
            e.name += ')';
        }
        if (!cell(col::location).empty()) {
            e.name += " at ";
            e.name += cell(col::location);
        }
        // geo_precision 3: the location only stands in for a larger area.
        detail::assign(e.place.locality, geo_precision <= 2 ? cell(col::location) : std::string_view{});
        detail::assign(e.place.district, cell(col::admin2));
        detail::assign(e.place.region, cell(col::admin1));
        detail::assign(e.place.country, cell(col::country));
        e.period = acled_period(time_precision, day);
        out.actors.clear();
        for (col actor : {col::actor1, col::actor2}) {
            if (!cell(actor).empty()) out.actors.emplace_back(cell(actor));
        }
        out.line = row_.line();
    }

    /// time_precision 1: the day; 2: the week around it (three days either side, inside Boost's
    /// calendar); 3: its calendar month.
    [[nodiscard]] static period acled_period(unsigned time_precision, boost::gregorian::date day)
    {
        if (time_precision == 1) return period::day(day);
        if (time_precision == 3) return period::month(static_cast<int>(day.year()), day.month().as_number());
        const boost::gregorian::date first_day{1400, 1, 1};
        const boost::gregorian::date last_day{9999, 12, 31};
        const boost::gregorian::days three{3};
        const auto first = (day - first_day).days() >= 3 ? day - three : first_day;
        const auto last = (last_day - day).days() >= 3 ? day + three : last_day;
        return period::span(first, last);
    }

    /// The notes through the sentence parser: each figure it reads is a claim with its span. A
    /// figure the notes attribute ("according to Human Rights Watch") has that origin, relayed by
    /// ACLED; the others are ACLED's own words.
    void read_notes(dataset_row& out, std::string_view notes, boost::gregorian::date updated)
    {
        if (notes.empty()) return;
        field_options options;
        options.category = category::killed;
        options.table = options_.vagueness;
        // "soldiers" in a row about Mali are Mali's forces unless the notes say whose.
        options.security_forces_party = std::string{cell(col::country)};
        auto result = parse_sentence(notes, options);
        const std::string& event_id = out.event.event.id;
        for (const diagnostic& d : result.diagnostics()) {
            if (d.severity == severity::note) {
                add_note(out, "notes " + to_string(d));
            } else {
                add_check(out, "notes " + to_string(d));
            }
        }
        std::size_t k = 0;
        for (claim& read : std::move(result).value()) {
            claim& c = out.claims.emplace_back(std::move(read));
            id_ = event_id;
            id_ += "-notes-";
            id_ += std::to_string(++k);
            detail::assign(c.id, id_);
            c.events.assign(1, event_id);
            if (c.source.origin.name.empty()) {
                c.source = source_chain{acled_source, {}};
            } else {
                // Relays are names read as media outlets in the claims CSV; so is ACLED here, so
                // that the claims read back equal.
                c.source.via.push_back(source{acled_source.name, source_kind::media, {}});
            }
            c.reported = updated;
        }
    }

    std::array<std::size_t, required_columns.size()> column_{};
    std::string id_;
};

/// Reads every row of an ACLED CSV (a whole file in `text`).
[[nodiscard]] inline dataset_records read_acled_csv(std::string_view text, csv_read_options options = {})
{
    return detail::read_dataset<acled_csv_reader>(text, std::move(options));
}

/// Reads an ACLED CSV file; errors name it. Throws std::runtime_error only when the file cannot be
/// read at all.
[[nodiscard]] inline dataset_records load_acled_csv(const std::filesystem::path& path, csv_read_options options = {})
{
    if (options.file.empty()) options.file = path.string();
    const std::string text = read_text_file(path);
    return read_acled_csv(text, std::move(options));
}

}  // namespace toll
