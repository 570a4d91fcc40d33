#pragma once
// UCDP GED as toll reads it: each row of a GED CSV export is an event (`ged-<id>`) and the claims
// the row makes about it — its low, best and high as one range claim keeping the best, and one
// claim per deaths_* column — from the source the row names, with UCDP GED as a source of kind
// `dataset`. docs/datasets.md maps every column.
//
// Reading never throws for bad input and never drops a row silently: a row becomes an event and
// its claims, or an error naming file, line, column and reason (toll::csv_error, as for claims
// files). Parts that do not add up to the best are a check, reported and not repaired.

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

/// The dataset itself as a source: the origin of the figures it synthesises.
inline const source ucdp_ged_source{"UCDP GED", source_kind::dataset, {}};

/// The group whose deaths a GED side's column counts: "Government of Mali" is the security forces
/// of party "Mali"; any other side is an armed group of the party as GED names it ("JNIM").
[[nodiscard]] inline group ged_side_group(std::string_view side)
{
    constexpr std::string_view government = "Government of ";
    if (side.starts_with(government)) return group::security_forces(std::string{side.substr(government.size())});
    return group::armed_group(std::string{side});
}

/// Reads a GED CSV one row at a time into a dataset_row it refills:
///
///     toll::ged_csv_reader reader{text, {.file = "ged.csv"}};
///     toll::dataset_row row;
///     for (toll::csv_step s; (s = reader.next(row)) != toll::csv_step::end;) {
///         if (s == toll::csv_step::error) report(reader.error()); else use(row.event, row.claims);
///     }
///
/// Columns are found by name; GED's other columns may be there or not (they are not read).
class ged_csv_reader : public detail::dataset_reader_base {
public:
    /// The columns toll reads, in GED's order.
    static constexpr std::array<std::string_view, 25> required_columns{
        "id",       "type_of_violence", "dyad_name",  "side_a",         "side_b",   "source_office", "source_date",
        "source_original", "where_prec", "where_coordinates", "adm_1", "adm_2", "latitude", "longitude",
        "country",  "date_prec",        "date_start", "date_end",       "deaths_a", "deaths_b",      "deaths_civilians",
        "deaths_unknown", "best", "high", "low"};

    /// `text` must outlive the reader.
    explicit ged_csv_reader(std::string_view text, csv_read_options options = {})
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
        id, type_of_violence, dyad_name, side_a, side_b, source_office, source_date, source_original, where_prec,
        where_coordinates, adm_1, adm_2, latitude, longitude, country, date_prec, date_start, date_end, deaths_a,
        deaths_b, deaths_civilians, deaths_unknown, best, high, low
    };
    static constexpr std::array<col, 7> count_columns{col::deaths_a, col::deaths_b, col::deaths_civilians,
                                                      col::deaths_unknown, col::best, col::high, col::low};

    [[nodiscard]] std::size_t at(col c) const noexcept { return column_[static_cast<std::size_t>(c)]; }
    [[nodiscard]] std::string_view cell(col c) const noexcept { return record_reader_base::cell(at(c)); }

    [[nodiscard]] csv_step convert(dataset_row& out)
    {
        const std::string_view id = cell(col::id);
        if (id.empty()) return fail_cell(at(col::id), csv_errc::missing_value, "is empty: every GED row has an id");
        if (!detail::read_count(id)) return fail_cell(at(col::id), csv_errc::bad_value, "is not a GED id: digits only");

        const auto violence = detail::read_code(cell(col::type_of_violence), 1, 3);
        if (!violence) {
            return fail_cell(at(col::type_of_violence), csv_errc::bad_value,
                             "is not a type of violence: 1 (state-based), 2 (non-state) or 3 (one-sided)");
        }
        for (col side : {col::side_a, col::side_b}) {
            if (cell(side).empty()) return fail_cell(at(side), csv_errc::missing_value, "is empty: name the side");
        }
        const auto where_prec = detail::read_code(cell(col::where_prec), 1, 7);
        if (!where_prec) return fail_cell(at(col::where_prec), csv_errc::bad_value, "is not a GED where_prec: 1 to 7");
        const auto date_prec = detail::read_code(cell(col::date_prec), 1, 5);
        if (!date_prec) return fail_cell(at(col::date_prec), csv_errc::bad_value, "is not a GED date_prec: 1 to 5");

        const auto start = detail::read_iso_date(cell(col::date_start));
        if (!start.problem.empty()) return fail_cell(at(col::date_start), csv_errc::bad_date, start.problem);
        const auto end = detail::read_iso_date(cell(col::date_end));
        if (!end.problem.empty()) return fail_cell(at(col::date_end), csv_errc::bad_date, end.problem);
        if (end.value < start.value) {
            return fail_cell(at(col::date_end), csv_errc::bad_period, "is before date_start " + std::string{cell(col::date_start)});
        }

        std::optional<coordinates> location;
        if (!read_location(at(col::latitude), at(col::longitude), location)) return csv_step::error;

        std::array<count_type, count_columns.size()> counts{};
        for (std::size_t i = 0; i < count_columns.size(); ++i) {
            if (!read_count_cell(at(count_columns[i]), counts[i])) return csv_step::error;
        }
        const auto [deaths_a, deaths_b, deaths_civilians, deaths_unknown, best, high, low] = counts;
        if (low > high) return fail_cell(at(col::high), csv_errc::bad_figure, "is below low " + std::to_string(low));
        if (best < low || best > high) {
            return fail_cell(at(col::best), csv_errc::bad_figure,
                             "lies outside low " + std::to_string(low) + " and high " + std::to_string(high));
        }

        boost::gregorian::date reported{};
        if (!cell(col::source_date).empty()) {
            bool bad = false;
            std::string_view problem;
            detail::for_each_list_item(cell(col::source_date), [&](std::string_view item) {
                const auto day = detail::read_iso_date(item);
                if (!day.problem.empty()) {
                    if (!bad) problem = day.problem;
                    bad = true;
                } else if (reported.is_special() || reported < day.value) {
                    reported = day.value;  // the figure was public once its last source was
                }
            });
            if (bad) {
                return fail_cell(at(col::source_date), csv_errc::bad_date,
                                 std::string{problem} + " (source_date holds YYYY-MM-DD dates joined by ';')");
            }
        }

        // Last, so that a row rejected for another reason does not claim its id.
        if (!note_id(at(col::id))) return csv_step::error;

        out.checks.clear();
        out.notes.clear();
        read_event(out.event, id, *where_prec, *date_prec, start.value, end.value);
        out.event.location = location;
        read_chain();

        const std::string& event_id = out.event.event.id;
        std::size_t n = 0;
        const auto next_claim = [&]() -> claim& {
            if (n == out.claims.size()) out.claims.emplace_back();
            return out.claims[n++];
        };
        const figure total = low == 0 && high == 0 ? figure::zero() : figure::range(low, high, best);
        text_ = "low " + std::to_string(low) + ", best " + std::to_string(best) + ", high " + std::to_string(high);
        text_ += chain_note_;
        detail::fill_claim(next_claim(), claim_id(event_id, "-total"), event_id, category::killed, group::everyone(), total,
                           chain_, reported, text_);
        const auto part = [&](std::string_view suffix, std::string_view column, group who, count_type deaths) {
            // GED writes 0 where its sources name no deaths: silence, not an explicit zero.
            const figure f = deaths == 0 ? figure::unknown() : figure::exact(deaths);
            text_.assign(column);
            text_ += ' ';
            text_ += std::to_string(deaths);
            text_ += chain_note_;
            detail::fill_claim(next_claim(), claim_id(event_id, suffix), event_id, category::killed, std::move(who), f, chain_,
                               reported, text_);
        };
        part("-a", "deaths_a", ged_side_group(cell(col::side_a)), deaths_a);
        if (*violence == 3) {
            // One-sided violence: side_b is the civilians, whose deaths GED counts in deaths_civilians.
            if (deaths_b != 0) {
                add_check(out, "deaths_b is " + std::to_string(deaths_b) +
                                   " on one-sided violence, where GED counts the victims in deaths_civilians; it is not read as a claim");
            }
        } else {
            part("-b", "deaths_b", ged_side_group(cell(col::side_b)), deaths_b);
        }
        part("-civilians", "deaths_civilians", group::civilians(), deaths_civilians);
        part("-unknown", "deaths_unknown", group::unknown(), deaths_unknown);
        out.claims.resize(n);

        // The four parts cannot pass 4 × 10^12, far inside count_type.
        const count_type parts = deaths_a + deaths_b + deaths_civilians + deaths_unknown;
        if (parts != best) {
            add_check(out, "deaths_a + deaths_b + deaths_civilians + deaths_unknown is " + std::to_string(parts) + ", best is " +
                               std::to_string(best));
        }
        return csv_step::value;
    }

    void read_event(dataset_event& out, std::string_view id, unsigned where_prec, unsigned date_prec,
                    boost::gregorian::date start, boost::gregorian::date end)
    {
        event& e = out.event;
        detail::assign(e.id, "ged-");
        e.id += id;
        detail::assign(e.name, cell(col::dyad_name));
        if (!cell(col::where_coordinates).empty()) {
            e.name += " at ";
            e.name += cell(col::where_coordinates);
        }
        // where_prec: 1 exact, 2 within 25 km, 3 second-order unit, 4 first-order unit, 5 a line or
        // area within one, 6 the country, 7 waters or airspace.
        detail::assign(e.place.locality, where_prec <= 2 ? cell(col::where_coordinates) : std::string_view{});
        detail::assign(e.place.district, where_prec <= 3 ? cell(col::adm_2) : std::string_view{});
        detail::assign(e.place.region, where_prec <= 5 ? cell(col::adm_1) : std::string_view{});
        detail::assign(e.place.country, cell(col::country));
        e.period = ged_period(date_prec, start, end);
        out.actors.resize(2);
        detail::assign(out.actors[0], cell(col::side_a));
        detail::assign(out.actors[1], cell(col::side_b));
        out.line = row_.line();
    }

    /// The period GED's dates and date_prec give: a day, a calendar month (4) or year (5) when the
    /// dates are exactly one, otherwise the span of days.
    [[nodiscard]] static period ged_period(unsigned date_prec, boost::gregorian::date start, boost::gregorian::date end)
    {
        if (start == end) return period::day(start);
        const int year = static_cast<int>(start.year());
        if (date_prec == 4 && start.day() == 1 && end == start.end_of_month()) return period::month(year, start.month().as_number());
        if (date_prec == 5 && start.month() == 1 && start.day() == 1 && end == boost::gregorian::date{start.year(), 12, 31}) {
            return period::year(year);
        }
        return period::span(start, end);
    }

    /// The origin the row names (one name in source_original), relayed through source_office and
    /// the dataset; or the dataset as the origin of its own synthesis.
    void read_chain()
    {
        const std::string_view original = detail::trim_blanks(cell(col::source_original));
        if (chain_read_ && original == chain_original_ && cell(col::source_office) == chain_office_) return;
        chain_read_ = true;
        detail::assign(chain_original_, original);
        detail::assign(chain_office_, cell(col::source_office));
        chain_.via.clear();
        chain_note_.clear();
        if (original.empty() || original.find(';') != std::string_view::npos) {
            chain_.origin = ucdp_ged_source;
            return;
        }
        chain_.origin = source_named(std::string{original});
        if (chain_.origin.kind == source_kind::other) {
            // A name toll cannot place ("local sources"): UCDP vouches for the figure, and a
            // policy would set an origin of kind `other` aside, so the dataset stays the origin
            // and the name goes into the claims' text.
            chain_.origin = ucdp_ged_source;
            chain_note_ = " (source_original: " + std::string{original} + ")";
            return;
        }
        if (!cell(col::source_office).empty()) {
            detail::for_each_list_item(cell(col::source_office), [&](std::string_view outlet) {
                if (!outlet.empty()) chain_.via.push_back(source{std::string{outlet}, source_kind::media, {}});
            });
        }
        // The claims CSV holds relays as names read as media outlets; so does this chain, so that
        // writing the claims and reading them back gives them equal.
        chain_.via.push_back(source{ucdp_ged_source.name, source_kind::media, {}});
    }

    [[nodiscard]] std::string_view claim_id(const std::string& event_id, std::string_view suffix)
    {
        id_ = event_id;
        id_ += suffix;
        return id_;
    }

    std::array<std::size_t, required_columns.size()> column_{};
    source_chain chain_;
    // The source_original and source_office chain_ was read from: a GED file repeats a few
    // sources over many rows, and classifying a name costs more than comparing it.
    std::string chain_original_;
    std::string chain_office_;
    bool chain_read_ = false;
    std::string chain_note_;  // the source_original chain_ could not place, for the claims' text
    std::string text_;
    std::string id_;
};

/// Reads every row of a GED CSV (a whole file in `text`).
[[nodiscard]] inline dataset_records read_ged_csv(std::string_view text, csv_read_options options = {})
{
    return detail::read_dataset<ged_csv_reader>(text, std::move(options));
}

/// Reads a GED CSV file; errors name it. Throws std::runtime_error only when the file cannot be
/// read at all.
[[nodiscard]] inline dataset_records load_ged_csv(const std::filesystem::path& path, csv_read_options options = {})
{
    if (options.file.empty()) options.file = path.string();
    const std::string text = read_text_file(path);
    return read_ged_csv(text, std::move(options));
}

}  // namespace toll
