#pragma once
// What the dataset readers (GED, ACLED) add to the claims reader's record mechanics: the cells
// both datasets have (counts, coordinates) read with their errors, and checks.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <toll/interval.hpp>
#include <toll/io/dataset.hpp>
#include <toll/io/detail/csv_records.hpp>
#include <toll/io/detail/dataset_cells.hpp>

namespace toll::detail {

class dataset_reader_base : public record_reader_base {
protected:
    dataset_reader_base(std::string_view text, csv_read_options options) : record_reader_base{text, std::move(options)} {}

    /// The count in column `index`; false (and an error) when it is not one.
    [[nodiscard]] bool read_count_cell(std::size_t index, count_type& out)
    {
        const auto n = read_count(cell(index));
        if (!n) {
            (void)fail_cell(index, csv_errc::bad_figure, "is not a count: digits only, at most 10^12");
            return false;
        }
        out = *n;
        return true;
    }

    /// The coordinates in columns `latitude` and `longitude`: both or neither; false (and an error)
    /// when one is given and is not decimal degrees in range.
    [[nodiscard]] bool read_location(std::size_t latitude, std::size_t longitude, std::optional<coordinates>& out)
    {
        out.reset();
        if (cell(latitude).empty() && cell(longitude).empty()) return true;
        const auto lat = read_decimal(cell(latitude), -90, 90);
        if (!lat) {
            (void)fail_cell(latitude, csv_errc::bad_value, "is not a latitude: decimal degrees, -90 to 90");
            return false;
        }
        const auto lon = read_decimal(cell(longitude), -180, 180);
        if (!lon) {
            (void)fail_cell(longitude, csv_errc::bad_value, "is not a longitude: decimal degrees, -180 to 180");
            return false;
        }
        out = coordinates{*lat, *lon};
        return true;
    }

    /// A finding about the current row, which codes `event`.
    void add_check(dataset_row& row, std::string reason) const
    {
        row.checks.push_back({options_.file, row_.line(), row.event.event.id, std::move(reason)});
    }

    /// Why a number in the current row's text is no claim (a date, a count of vehicles): kept,
    /// but not a finding that needs a look.
    void add_note(dataset_row& row, std::string reason) const
    {
        row.notes.push_back({options_.file, row_.line(), row.event.event.id, std::move(reason)});
    }
};

}  // namespace toll::detail
