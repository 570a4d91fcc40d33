// libFuzzer target for the CSV readers. The first byte picks what the rest is read as:
//   0: any CSV, with csv_reader. Rows that read cleanly, written back with csv_writer and read
//      again, must give the same fields; every field must sit where the reader says it does.
//   1: the body of a claims file (toll's header is put in front), with read_claims_csv.
//   2: the body of an events file, with read_events_csv.
//   3: the body of a claims file again, with the streaming reconciler (reconcile_csv.hpp): its
//      errors must be read_claims_csv's, and reading and writing in parts on several threads must
//      give exactly what one thread gives.
// For 1 and 2, every row must come out as a value or as an error (none dropped), every error must
// point inside the file, and what was read must write back and read again as itself.

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <toll/io/claims_csv.hpp>
#include <toll/io/csv.hpp>
#include <toll/io/events_csv.hpp>
#include <toll/io/reconcile_csv.hpp>

namespace {

void check(bool condition)
{
    if (!condition) __builtin_trap();
}

std::size_t line_count(std::string_view text)
{
    std::size_t lines = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) ++lines;
    }
    return lines;
}

// The rows of `text` as strings, each with whether it read cleanly; checks the reader's positions.
std::vector<std::vector<std::string>> rows_of(std::string_view text, std::vector<bool>& clean, std::size_t& header_size)
{
    std::vector<std::vector<std::string>> rows;
    toll::csv_reader reader{text};
    header_size = reader.columns().size();
    if (reader.error()) {
        check(reader.columns().empty());
        check(reader.error()->line <= line_count(text));
        return rows;
    }
    const std::size_t lines = line_count(text);
    toll::csv_row row;
    std::size_t last_line = 0;
    while (reader.next(row)) {
        check(row.size() >= 1);
        check(row.line() > last_line && row.line() <= lines);
        last_line = row.line();
        std::vector<std::string> fields;
        std::size_t field_line = row.line();
        for (std::size_t i = 0; i < row.size(); ++i) {
            check(row[i].column == i + 1);
            check(row[i].line >= field_line && row[i].line <= lines);
            field_line = row[i].line;
            fields.emplace_back(row[i].text);
        }
        if (row.error()) {
            check(row.error()->line >= row.line() && row.error()->line <= lines);
            check(row.error()->column <= row.size() + 1);
            check(!row.error()->reason.empty());
        }
        clean.push_back(!row.error());
        rows.push_back(std::move(fields));
    }
    return rows;
}

void fuzz_csv(std::string_view text)
{
    std::vector<bool> clean;
    std::size_t header_size = 0;
    const auto rows = rows_of(text, clean, header_size);
    if (header_size == 0) return;

    // Write the header and the clean rows back; they must read back as they were.
    std::vector<std::string> header;
    {
        toll::csv_reader reader{text};
        for (const auto& name : reader.columns()) header.push_back(name);
    }
    std::ostringstream out;
    toll::csv_writer writer{out};
    for (const auto& name : header) writer.field(name);
    writer.end_row();
    std::vector<std::vector<std::string>> kept;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (!clean[i]) continue;
        for (const auto& field : rows[i]) writer.field(field);
        writer.end_row();
        kept.push_back(rows[i]);
    }
    const std::string again_text = out.str();
    std::vector<bool> again_clean;
    std::size_t again_header = 0;
    const auto again = rows_of(again_text, again_clean, again_header);
    check(again_header == header_size);
    check(again == kept);
    for (bool c : again_clean) check(c);
}

template <class Records>
void check_records(std::string_view text, const Records& records)
{
    std::vector<bool> clean;
    std::size_t header_size = 0;
    const auto rows = rows_of(text, clean, header_size);
    if (!records.stopped) check(records.values.size() + records.errors.size() == rows.size());
    check(records.extra.size() == records.values.size());
    const std::size_t lines = line_count(text);
    for (const auto& e : records.errors) {
        check(e.line <= lines);
        check(!e.reason.empty());
    }
}

const char* const claims_header = "id,event,category,group,figure,source,source_kind,party,about_party,via,reported,text,span,x\n";

void fuzz_claims(std::string_view body)
{
    std::string text = claims_header;
    text += body;
    for (const auto& table : {toll::vague_table::literal(), toll::vague_table::acled()}) {
        toll::csv_read_options options;
        options.vagueness = table;
        const auto records = toll::read_claims_csv(text, options);
        check_records(text, records);
        std::ostringstream out;
        toll::csv_write_options write;
        write.vagueness = table;
        toll::write_claims_csv(out, records, write);  // throws, and so fails, if a claim read cannot be written
        const auto again = toll::read_claims_csv(out.str(), options);
        check(again.ok());
        check(again.values == records.values);
        check(again.extra == records.extra);
    }
}

void fuzz_events(std::string_view body)
{
    std::string text = "id,name,locality,district,region,country,period,x\n";
    text += body;
    const auto records = toll::read_events_csv(text);
    check_records(text, records);
    std::ostringstream out;
    toll::write_events_csv(out, records);
    const auto again = toll::read_events_csv(out.str());
    check(again.ok());
    check(again.values == records.values);
    check(again.extra == records.extra);
}

// Everything the streaming reconciler gives: errors, claims, the results CSV and the exclusions.
std::string streamed(const std::string& text, std::size_t threads, std::size_t part_bytes, std::vector<toll::csv_error>& errors)
{
    toll::reconcile_csv_options options;
    options.threads = threads;
    options.min_part_bytes = part_bytes;
    options.chunk_rows = part_bytes;
    toll::claims_csv_reconciler r{toll::policy::ucdp(), options};
    r.load_text(text);
    errors = r.errors();
    std::ostringstream out;
    out << r.claims() << " claims\n";
    r.write_csv(out);
    r.for_each_excluded([&](std::string_view id, toll::exclusion why, std::string_view instead) {
        out << id << '=' << toll::to_string(why) << ':' << instead << '\n';
    });
    return out.str();
}

void fuzz_stream(std::string_view body)
{
    std::string text = claims_header;
    text += body;
    const auto records = toll::read_claims_csv(text);
    std::vector<toll::csv_error> errors;
    const std::string alone = streamed(text, 1, 1 << 20, errors);
    check(errors == records.errors);
    check(alone.starts_with(std::to_string(records.values.size()) + " claims\n"));
    for (const std::size_t threads : {2U, 3U}) {
        for (const std::size_t part_bytes : {1U, 13U}) {
            std::vector<toll::csv_error> in_parts;
            check(streamed(text, threads, part_bytes, in_parts) == alone);
            check(in_parts == errors);
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0) return 0;
    const std::string_view text{reinterpret_cast<const char*>(data) + 1, size - 1};
    switch (data[0] % 4) {
    case 0: fuzz_csv(text); break;
    case 1: fuzz_claims(text); break;
    case 2: fuzz_events(text); break;
    default: fuzz_stream(text); break;
    }
    return 0;
}
