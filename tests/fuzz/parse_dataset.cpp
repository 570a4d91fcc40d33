// libFuzzer target for the dataset readers (toll/io/ged.hpp, toll/io/acled.hpp). The first byte
// picks the dataset (even: GED, odd: ACLED); the rest is the body of a file, read under the real
// header. Every data row must come out as an event or as an error (none dropped), every error
// and check must point inside the file, the claims must be about the events read, and what was
// read must write as a claims CSV and read back as itself.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <set>
#include <sstream>
#include <string>
#include <string_view>

#include <toll/io/acled.hpp>
#include <toll/io/claims_csv.hpp>
#include <toll/io/csv.hpp>
#include <toll/io/ged.hpp>

namespace {

void check(bool condition)
{
    if (!condition) __builtin_trap();
}

constexpr std::string_view ged_header =
    "id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,conflict_name,dyad_dset_id,"
    "dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,side_b_dset_id,side_b_new_id,side_b,number_of_sources,"
    "source_article,source_office,source_date,source_headline,source_original,where_prec,where_coordinates,"
    "where_description,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,country_id,region,event_clarity,"
    "date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low,gwnoa,gwnob\n";
constexpr std::string_view acled_header =
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,"
    "actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,"
    "latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0) return 0;
    const bool ged = (data[0] & 1u) == 0;
    std::string text{ged ? ged_header : acled_header};
    text.append(reinterpret_cast<const char*>(data + 1), size - 1);

    const toll::dataset_records r = ged ? toll::read_ged_csv(text) : toll::read_acled_csv(text);
    // As many rows as the CSV reader finds: each an event or an error.
    toll::csv_reader reader{text};
    toll::csv_row row;
    std::size_t rows = 0;
    while (reader.next(row)) ++rows;
    check(r.events.size() + r.errors.size() == rows);
    const std::size_t lines = 2 + static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) +
                              static_cast<std::size_t>(std::count(text.begin(), text.end(), '\r'));
    for (const auto& e : r.errors) check(e.line >= 2 && e.line <= lines);
    for (const auto& c : r.checks) check(c.line >= 2 && c.line <= lines);
    std::set<std::string> events;
    for (const auto& e : r.events) check(events.insert(e.event.id).second);
    for (const auto& c : r.claims) {
        check(c.events.size() == 1 && events.count(c.events.front()) == 1);
        check(c.excerpt().size() == (c.span ? c.span->length : 0));
    }
    std::ostringstream out;
    toll::write_claims_csv(out, r.claims);
    const std::string written = out.str();
    check(toll::read_claims_csv_or_throw(written) == r.claims);
    return 0;
}
