#pragma once
// What the dataset reader and writer tests share: a sample file's row with some cells changed,
// and the claims of one event.

#include <cstddef>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <doctest/doctest.h>

#include <toll/claim.hpp>
#include <toll/io/csv.hpp>

namespace toll::test {

/// The header of `sample` and its data row number `index` (0-based), with the cells named in
/// `changes` replaced, as a CSV file of one row.
inline std::string sample_row_with(std::string_view sample, std::size_t index,
                                   std::vector<std::pair<std::string, std::string>> changes)
{
    csv_reader reader{sample};
    REQUIRE_FALSE(reader.error());
    csv_row row;
    for (std::size_t i = 0; i <= index; ++i) REQUIRE(reader.next(row));
    std::vector<std::string> cells;
    for (const csv_field& f : row) cells.emplace_back(f.text);
    for (auto& change : changes) {  // no structured binding: clang 14 cannot capture one in REQUIRE's lambda
        const auto at = reader.find(change.first);
        REQUIRE_MESSAGE(at, "no column ", change.first);
        cells[*at] = std::move(change.second);
    }
    std::ostringstream out;
    csv_writer w{out};
    for (const std::string& name : reader.columns()) w.field(name);
    w.end_row();
    for (const std::string& cell : cells) w.field(cell);
    w.end_row();
    return out.str();
}

/// A cell that makes a row malformed, and the error it must give.
struct bad_cell {
    std::string column;
    std::string value;
    csv_errc code;
    std::string reason;
};

/// For each case: the row `index` of `sample` with that one cell changed, read with `read` (which
/// names the file `file`), gives exactly that error at line 2 in that column, and nothing else.
template <class Read>
void check_bad_cells(std::string_view sample, std::size_t index, std::string_view file, Read read,
                     const std::vector<bad_cell>& cases)
{
    const csv_reader header{sample};
    for (const bad_cell& c : cases) {
        INFO(c.column, " = \"", c.value, "\"");
        const auto r = read(sample_row_with(sample, index, {{c.column, c.value}}));
        REQUIRE(r.errors.size() == 1);
        CHECK(r.events.empty());
        CHECK(r.claims.empty());
        const csv_error& e = r.errors.front();
        CHECK(e.file == file);
        CHECK(e.line == 2);
        CHECK(e.column == *header.find(c.column) + 1);
        CHECK(e.column_name == c.column);
        CHECK(e.code == c.code);
        CHECK(e.reason == c.reason);
    }
}

/// The claims about `event`, in their order.
inline std::vector<claim> claims_of(const std::vector<claim>& claims, std::string_view event)
{
    std::vector<claim> out;
    for (const claim& c : claims) {
        if (c.events.size() == 1 && c.events.front() == event) out.push_back(c);
    }
    return out;
}

}  // namespace toll::test
