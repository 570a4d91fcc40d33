#pragma once
// What a row of a conflict dataset (UCDP GED, ACLED) becomes in toll: the event it codes, with
// what event matching needs beyond toll::event (coordinates, the actors), and the claims the row
// makes about it. The readers are toll/io/ged.hpp and toll/io/acled.hpp; docs/datasets.md maps
// every column.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <toll/claim.hpp>
#include <toll/event.hpp>
#include <toll/io/csv.hpp>
#include <toll/io/detail/csv_records.hpp>

namespace toll {

/// A point in decimal degrees (WGS 84, as both datasets give it).
struct coordinates {
    double latitude = 0;
    double longitude = 0;

    friend bool operator==(const coordinates&, const coordinates&) = default;
};

/// An event as a dataset codes it.
struct dataset_event {
    toll::event event;
    /// Where the dataset puts it; nothing when the row gives no coordinates.
    std::optional<coordinates> location;
    /// The sides as the dataset names them (GED side_a and side_b, ACLED actor1 and actor2), for
    /// matching events across datasets; not claims.
    std::vector<std::string> actors;
    /// The line of the row in its file.
    std::size_t line = 0;

    friend bool operator==(const dataset_event&, const dataset_event&) = default;
};

/// A finding about a row that is not an error: the row is read as it is, and the finding is
/// reported, never repaired (GED's parts not adding up to its best).
struct dataset_check {
    std::string file;
    std::size_t line = 0;
    /// The event the row codes.
    std::string event;
    std::string reason;

    friend bool operator==(const dataset_check&, const dataset_check&) = default;
};

/// "ged-mali.csv:4 (ged-488101): deaths_a + deaths_b + deaths_civilians + deaths_unknown is 18, best is 20".
[[nodiscard]] inline std::string to_string(const dataset_check& c)
{
    std::string text = c.file.empty() ? std::string{"<csv>"} : c.file;
    if (c.line != 0) text += ':' + std::to_string(c.line);
    return text + " (" + c.event + "): " + c.reason;
}

/// One row read: its event, its claims, any checks (findings that need a look: parts that do not
/// add up, text the parser could not read) and notes (numbers in the text that are no claim, and
/// why: a date, a year, a count of vehicles).
struct dataset_row {
    dataset_event event;
    std::vector<claim> claims;
    std::vector<dataset_check> checks;
    std::vector<dataset_check> notes;
};

/// A whole dataset file read: every good row's event and claims, an error for every bad row, and
/// every check and note (see dataset_row).
struct dataset_records {
    std::vector<dataset_event> events;
    std::vector<claim> claims;
    std::vector<dataset_check> checks;
    std::vector<dataset_check> notes;
    std::vector<csv_error> errors;
    /// True when reading stopped at an error (see csv_records::stopped).
    bool stopped = false;

    [[nodiscard]] bool ok() const noexcept { return errors.empty(); }
};

namespace detail {

/// Sets every part of `c` (a claim a reader refills row by row, reusing its strings).
inline void fill_claim(claim& c, std::string_view id, std::string_view event, toll::category category, toll::group group,
                       const toll::figure& figure, const source_chain& chain, boost::gregorian::date reported,
                       std::string_view text, std::optional<text_span> span = std::nullopt)
{
    assign(c.id, id);
    c.events.resize(1);
    assign(c.events.front(), event);
    c.category = category;
    c.group = std::move(group);
    c.figure = figure;
    c.source = chain;
    c.reported = reported;
    assign(c.text, text);
    c.span = span;
}

/// Reads a whole file with a dataset reader (ged_csv_reader, acled_csv_reader).
template <class Reader, class Options>
[[nodiscard]] dataset_records read_dataset(std::string_view text, Options options)
{
    Reader reader{text, std::move(options)};
    dataset_records records;
    dataset_row row;
    while (true) {
        const csv_step step = reader.next(row);
        if (step == csv_step::end) break;
        if (step == csv_step::error) {
            records.errors.push_back(reader.error());
            continue;
        }
        records.events.push_back(row.event);
        records.claims.insert(records.claims.end(), row.claims.begin(), row.claims.end());
        records.checks.insert(records.checks.end(), row.checks.begin(), row.checks.end());
        records.notes.insert(records.notes.end(), row.notes.begin(), row.notes.end());
    }
    records.stopped = reader.stopped();
    return records;
}

}  // namespace detail

}  // namespace toll
