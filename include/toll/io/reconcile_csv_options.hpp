#pragma once
// The settings of the streaming CSV reconciliation (toll/io/reconcile_csv.hpp): how rows are read
// and judged, what the results look like, and how many threads read and write.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <toll/io/detail/csv_records.hpp>
#include <toll/vague_words.hpp>

namespace toll {

struct reconcile_csv_options {
    /// The file name errors are reported under; load() sets it to the path when empty.
    std::string file;
    csv_error_mode error_mode = csv_error_mode::collect;
    /// How vague figures are read from the `figure` column (the policy then reads the words its own way).
    vague_table vagueness = vague_table::literal();
    /// Report a row whose id an earlier row already has, and leave it out (4 bytes per row).
    bool check_duplicate_ids = true;
    /// Only claims reported by this date count; undated claims are then excluded.
    std::optional<boost::gregorian::date> as_of;
    /// Line ends of the CSV written.
    std::string_view line_end = "\n";
    /// When set, write_csv writes an `event_name` column after `event`: for each key it calls
    /// `event_name(events, name)` with the key's event scope (ids sorted, `;`-joined) and an empty
    /// string to append the scope's name to (not called again while the scope stays the same).
    std::function<void(std::string_view events, std::string& name)> event_name;
    /// Threads reading the file side by side (0: one per hardware thread); each reads a part of
    /// at least min_part_bytes, so small files are read by the calling thread alone. The results
    /// do not depend on either.
    std::size_t threads = 0;
    std::size_t min_part_bytes = std::size_t{16} << 20;
    /// Results are reduced and written in pieces of about this many rows (whole keys), side by
    /// side when there are threads for it.
    std::size_t chunk_rows = std::size_t{1} << 16;
};

}  // namespace toll
