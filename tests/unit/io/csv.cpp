#include <toll/io/csv.hpp>
#include <toll/io/detail/csv_blocks.hpp>
#include <toll/io/events_csv.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

struct read_row {
    std::vector<std::string> fields;
    std::vector<std::size_t> lines;
    std::size_t line = 0;
    std::optional<toll::csv_error> error;
};

std::vector<read_row> rows_of(toll::csv_reader& reader)
{
    std::vector<read_row> rows;
    toll::csv_row row;
    while (reader.next(row)) {
        read_row r;
        for (const auto& field : row) {
            r.fields.emplace_back(field.text);
            r.lines.push_back(field.line);
        }
        r.line = row.line();
        r.error = row.error();
        rows.push_back(std::move(r));
    }
    return rows;
}

using fields = std::vector<std::string>;

}  // namespace

TEST_CASE("csv: header names find columns; rows are views into the buffer")
{
    const std::string_view text = "id,figure,text\nc1,12,twelve killed\nc2,30\xE2\x80\x93" "62,between\n";
    toll::csv_reader reader{text, "x.csv"};
    REQUIRE_FALSE(reader.error());
    CHECK(reader.columns().size() == 3);
    CHECK(reader.find("figure") == 1);
    CHECK_FALSE(reader.find("Figure"));
    toll::csv_row row;
    REQUIRE(reader.next(row));
    CHECK_FALSE(row.error());
    CHECK(row.line() == 2);
    CHECK(row.size() == 3);
    CHECK(row[2].text == "twelve killed");
    CHECK(row[2].column == 3);
    // Unquoted fields are not copied.
    CHECK(row[2].text.data() >= text.data());
    CHECK(row[2].text.data() < text.data() + text.size());
    REQUIRE(reader.next(row));
    CHECK(row[1].text == "30\xE2\x80\x93" "62");
    CHECK_FALSE(reader.next(row));
    CHECK_FALSE(reader.next(row));
}

TEST_CASE("csv: quoted fields hold commas, doubled quotes and line breaks")
{
    const std::string_view text = "a,b,c\n"
                                  "\"x, y\",\"he said \"\"fifty\"\"\",\"two\nlines\"\n"
                                  "\"\",\"\"\"\",plain\n"
                                  "last,\"a\"\"b\",\"c\"\"d\"\"\"\n";
    toll::csv_reader reader{text};
    const auto rows = rows_of(reader);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].fields == fields{"x, y", "he said \"fifty\"", "two\nlines"});
    CHECK_FALSE(rows[0].error);
    CHECK(rows[1].fields == fields{"", "\"", "plain"});
    CHECK(rows[1].line == 4);  // the line break inside the quotes moved the row down a line
    CHECK(rows[2].fields == fields{"last", "a\"b", "c\"d\""});
    CHECK(rows[2].line == 5);
}

TEST_CASE("csv: CRLF and LF line ends, a BOM, blank lines and a missing final line break")
{
    SUBCASE("CRLF")
    {
        toll::csv_reader reader{"id,text\r\nc1,\"a\r\nb\"\r\nc2,x\r\n"};
        REQUIRE_FALSE(reader.error());
        CHECK(reader.columns()[1] == "text");  // no stray \r in the last column name
        const auto rows = rows_of(reader);
        REQUIRE(rows.size() == 2);
        CHECK(rows[0].fields == fields{"c1", "a\r\nb"});
        CHECK(rows[1].fields == fields{"c2", "x"});
        CHECK(rows[1].line == 4);
    }
    SUBCASE("a UTF-8 byte order mark is skipped")
    {
        toll::csv_reader reader{"\xEF\xBB\xBFid,text\nc1,x\n"};
        REQUIRE_FALSE(reader.error());
        CHECK(reader.columns()[0] == "id");
        CHECK(reader.find("id") == 0);
    }
    SUBCASE("blank lines are not rows; the last line break is optional")
    {
        toll::csv_reader reader{"\n\nid,text\n\nc1,x\r\n\r\nc2,y"};
        const auto rows = rows_of(reader);
        REQUIRE(rows.size() == 2);
        CHECK(rows[0].line == 5);
        CHECK(rows[1].fields == fields{"c2", "y"});
        CHECK(rows[1].line == 7);
    }
    SUBCASE("an empty last field")
    {
        toll::csv_reader reader{"a,b\nx,\n"};
        const auto rows = rows_of(reader);
        REQUIRE(rows.size() == 1);
        CHECK(rows[0].fields == fields{"x", ""});
        CHECK_FALSE(rows[0].error);
    }
}

TEST_CASE("csv: an empty file, or one with only blank lines or a BOM, has no header")
{
    for (std::string_view text : {"", "\n\r\n", "\xEF\xBB\xBF", "\xEF\xBB\xBF\n"}) {
        toll::csv_reader reader{text, "empty.csv"};
        REQUIRE(reader.error());
        CHECK(reader.error()->code == toll::csv_errc::empty_file);
        CHECK(reader.error()->file == "empty.csv");
        CHECK(to_string(*reader.error()) == "empty.csv: the file is empty: there is no header row [empty_file]");
        toll::csv_row row;
        CHECK_FALSE(reader.next(row));
    }
}

TEST_CASE("csv: a bad header is an error for the whole file")
{
    SUBCASE("a repeated column")
    {
        toll::csv_reader reader{"id,text,id\n1,2,3\n", "h.csv"};
        REQUIRE(reader.error());
        CHECK(reader.error()->code == toll::csv_errc::bad_header);
        CHECK(reader.error()->line == 1);
        CHECK(reader.error()->column == 3);
        toll::csv_row row;
        CHECK_FALSE(reader.next(row));
    }
    SUBCASE("an unnamed column")
    {
        toll::csv_reader reader{"id,,text\n"};
        REQUIRE(reader.error());
        CHECK(reader.error()->code == toll::csv_errc::bad_header);
        CHECK(reader.error()->column == 2);
    }
    SUBCASE("an unbalanced quote in the header")
    {
        toll::csv_reader reader{"id,\"text\n"};
        REQUIRE(reader.error());
        CHECK(reader.error()->code == toll::csv_errc::unbalanced_quote);
    }
}

TEST_CASE("csv: an unbalanced quote names the line and column where the quote opened")
{
    toll::csv_reader reader{"id,text\nc1,fine\nc2,\"never closed\nc3,more\n", "q.csv"};
    const auto rows = rows_of(reader);
    REQUIRE(rows.size() == 2);
    CHECK_FALSE(rows[0].error);
    REQUIRE(rows[1].error);
    CHECK(rows[1].error->code == toll::csv_errc::unbalanced_quote);
    CHECK(rows[1].error->line == 3);
    CHECK(rows[1].error->column == 2);
    CHECK(rows[1].error->column_name == "text");
    CHECK(to_string(*rows[1].error) ==
          "q.csv:3:2 (text): the quote opened here is never closed before the end of the file [unbalanced_quote]");
}

TEST_CASE("csv: stray quotes are errors, and reading goes on with the next row")
{
    toll::csv_reader reader{"a,b\nx,he said \"hi\"\n\"q\"x,y\nok,ok\n"};
    const auto rows = rows_of(reader);
    REQUIRE(rows.size() == 3);
    REQUIRE(rows[0].error);
    CHECK(rows[0].error->code == toll::csv_errc::stray_quote);
    CHECK(rows[0].error->column == 2);
    REQUIRE(rows[1].error);
    CHECK(rows[1].error->code == toll::csv_errc::stray_quote);
    CHECK(rows[1].error->column == 1);
    CHECK(rows[1].fields.size() == 2);  // the row still ends where it should
    CHECK_FALSE(rows[2].error);
    CHECK(rows[2].fields == fields{"ok", "ok"});
}

TEST_CASE("csv: an error names the line its field starts on, not where the field ends")
{
    // Quoted values hold line breaks (LF, CRLF, a lone CR) before each problem.
    toll::csv_reader reader{"a,b,c\n"
                            "\"1\n2\",\"x\r\ny\"z,3\n"         // 2-4: text after b's closing quote; b starts on 3
                            "\"4\r5\",6,\"7\n8\"\"\n\",q\n"     // 5-8: too many fields: the fourth starts on 8
                            "\"9\n\",\"10\n11\"\n"               // 9-11: too few: the row ends on 11
                            "\"12\n\",1\"3,x\n"                    // 12-13: a quote inside the unquoted b, on 13
                            "y,z,\"never\nclosed\n"};             // 14-15: c opened on 14, never closed
    const auto rows = rows_of(reader);
    REQUIRE(rows.size() == 5);
    const auto where = [](const read_row& r) {
        REQUIRE(r.error);
        return std::to_string(r.error->line) + ':' + std::to_string(r.error->column) + ' ' + std::string{to_string(r.error->code)};
    };
    CHECK(where(rows[0]) == "3:2 stray_quote");
    CHECK(rows[0].lines == std::vector<std::size_t>{2, 3, 4});
    CHECK(where(rows[1]) == "8:4 field_count");
    CHECK(where(rows[2]) == "11:3 field_count");
    CHECK(where(rows[3]) == "13:2 stray_quote");
    CHECK(where(rows[4]) == "14:3 unbalanced_quote");
}

TEST_CASE("csv: a quote never closed is read without copying the rest of the file")
{
    const std::string text = "a,b\nx,\"he said \"\"no\"\" and left\nmore\n";
    toll::csv_reader reader{text};
    toll::csv_row row;
    REQUIRE(reader.next(row));
    REQUIRE(row.error());
    CHECK(row.error()->code == toll::csv_errc::unbalanced_quote);
    // The field is the rest of the file as written, a view into the text.
    CHECK(row[1].text == "he said \"\"no\"\" and left\nmore\n");
    CHECK(row[1].text.data() == text.data() + 7);
    CHECK_FALSE(reader.next(row));
}

TEST_CASE("csv: read_from reads on from a row start given with its line")
{
    const std::string text = "a,b\n1,2\n\"3\n\",4\n5,\"6\n";
    toll::csv_reader reader{text, "f.csv"};
    toll::csv_row row;
    reader.read_from(text.find("5,"), 7);  // as if the file had more lines before
    REQUIRE(reader.next(row));
    REQUIRE(row.error());
    CHECK(row.error()->line == 7);
    CHECK(row.error()->column == 2);
    CHECK_FALSE(reader.next(row));
    reader.read_from(text.find("\"3"), 3);  // back again
    REQUIRE(reader.next(row));
    CHECK_FALSE(row.error());
    CHECK(row[0].text == "3\n");
    CHECK(row[1].line == 4);
    CHECK(row.line() == 3);
}

TEST_CASE("csv: a row with the wrong number of fields is an error naming the first column off")
{
    toll::csv_reader reader{"a,b,c\n1,2\n1,2,3,4\n\"1\n\",2,3\n", "n.csv"};
    const auto rows = rows_of(reader);
    REQUIRE(rows.size() == 3);
    REQUIRE(rows[0].error);
    CHECK(rows[0].error->code == toll::csv_errc::field_count);
    CHECK(rows[0].error->line == 2);
    CHECK(rows[0].error->column == 3);
    CHECK(rows[0].error->column_name == "c");
    CHECK(rows[0].error->reason == "the row has 2 fields, the header has 3 columns");
    REQUIRE(rows[1].error);
    CHECK(rows[1].error->column == 4);
    CHECK(rows[1].error->column_name.empty());
    CHECK_FALSE(rows[2].error);
    CHECK(rows[2].lines == std::vector<std::size_t>{4, 5, 5});
}

TEST_CASE("csv: a row reused for many rows keeps unquoted copies apart")
{
    std::string text = "a,b,c\n";
    for (int i = 0; i < 50; ++i) {
        // Appended piece by piece: GCC 12 at -O3 sees "\"" + std::string(...) (an insert at the
        // front) as a memcpy that may overlap and warns (-Wrestrict), falsely.
        text += '"';
        text.append(static_cast<std::size_t>(i), 'x');
        text += "\"\"q\",plain,\"r\"\"";
        text += std::to_string(i);
        text += "\"\n";
    }
    toll::csv_reader reader{text};
    toll::csv_row row;
    int i = 0;
    while (reader.next(row)) {
        REQUIRE_FALSE(row.error());
        CHECK(row[0].text == std::string(static_cast<std::size_t>(i), 'x') + "\"q");
        CHECK(row[1].text == "plain");
        CHECK(row[2].text == "r\"" + std::to_string(i));
        ++i;
    }
    CHECK(i == 50);
}

TEST_CASE("csv: the writer quotes what needs it, and what it writes reads back")
{
    std::ostringstream out;
    toll::csv_writer w{out};
    w.row({"id", "text", "n"});
    w.row({"c1", "plain", ""});
    w.row({"c2", "comma, here", "quote \" here"});
    w.row({"c3", "line\nbreak", "cr\rhere"});
    w.row({"c4", "crlf\r\nhere", "\"\""});
    CHECK(out.str() ==
          "id,text,n\n"
          "c1,plain,\n"
          "c2,\"comma, here\",\"quote \"\" here\"\n"
          "c3,\"line\nbreak\",\"cr\rhere\"\n"
          "c4,\"crlf\r\nhere\",\"\"\"\"\"\"\n");
    const std::string text = out.str();
    toll::csv_reader reader{text};
    const auto rows = rows_of(reader);
    REQUIRE(rows.size() == 4);
    CHECK(rows[1].fields == fields{"c2", "comma, here", "quote \" here"});
    CHECK(rows[2].fields == fields{"c3", "line\nbreak", "cr\rhere"});
    CHECK(rows[3].fields == fields{"c4", "crlf\r\nhere", "\"\""});
    for (const auto& r : rows) CHECK_FALSE(r.error);
}

TEST_CASE("csv: the writer keeps a lone empty field and a leading BOM readable")
{
    std::ostringstream out;
    toll::csv_writer w{out, "\r\n"};
    w.row({"\xEF\xBB\xBFname"});
    w.row({""});
    w.row({"x"});
    CHECK(out.str() == "\"\xEF\xBB\xBFname\"\r\n\"\"\r\nx\r\n");
    const std::string text = out.str();
    toll::csv_reader reader{text};
    REQUIRE_FALSE(reader.error());
    CHECK(reader.columns()[0] == "\xEF\xBB\xBFname");
    const auto rows = rows_of(reader);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].fields == fields{""});
}

TEST_CASE("csv_special_scanner finds every comma, quote, CR and LF in order, with each way of masking")
{
    std::mt19937_64 rng{3};
    const std::string alphabet = ",\"\r\nab \x80\xFF\x2B\x0C\x22\x2C";  // specials, text, high bytes, near misses
    for (int round = 0; round < 200; ++round) {
        std::string text(rng() % 300, ' ');
        for (char& c : text) c = alphabet[rng() % alphabet.size()];
        const auto special = [](char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; };
        toll::detail::csv_special_scanner scanner{text};
        std::size_t pos = rng() % 4;
        for (; pos < text.size(); pos = scanner.next(pos) + 1 + rng() % 3) {
            std::size_t want = pos;
            while (want < text.size() && !special(text[want])) ++want;
            REQUIRE(scanner.next(pos) == want);
            if (want == text.size()) break;
        }
        for (std::size_t block = 0; block + 64 <= text.size(); block += 64) {
            std::uint64_t want = 0;
            for (std::size_t i = 0; i < 64; ++i) want |= std::uint64_t{special(text[block + i])} << i;
            const auto portable = toll::detail::csv_block_masks_portable(text.data() + block);
            CHECK((portable.separators | portable.quotes) == want);
#if defined(__SSE2__)
            const auto sse2 = toll::detail::csv_block_masks_sse2(text.data() + block);
            CHECK((sse2.separators | sse2.quotes) == want);
#endif
        }
    }
}

TEST_CASE("csv_blocks: each block's quotes, separators and line breaks, with each way of masking, their prefix xor, where quotes may open and close")
{
    std::mt19937_64 rng{5};
    const std::string alphabet = ",;\"\r\nab \x80\xFF\x2B\x0C\x22\x2C";  // specials, text, high bytes, near misses
    for (int round = 0; round < 200; ++round) {
        std::string text(1 + rng() % 300, ' ');
        for (char& c : text) c = alphabet[rng() % alphabet.size()];
        const char delimiter = round % 4 == 0 ? ';' : ',';
        toll::detail::csv_blocks blocks{text, delimiter};
        for (std::size_t base = 0; base < text.size(); base += 64) {
            toll::detail::csv_block_masks want;
            std::uint64_t parity = 0;  // bit i: an odd number of quotes in bytes 0..i
            bool odd = false;
            for (std::size_t i = 0; i < 64 && base + i < text.size(); ++i) {
                const char c = text[base + i];
                const std::uint64_t bit = std::uint64_t{1} << i;
                if (c == '"') want.quotes |= bit;
                if (c == '\n' || c == '\r') want.line_breaks |= bit;
                if (c == '\n' || c == '\r' || c == delimiter) want.separators |= bit;
                odd = odd != (c == '"');
                if (odd) parity |= bit;
            }
            if (odd && text.size() - base < 64) parity |= ~std::uint64_t{0} << (text.size() - base);  // bytes past the end are no quotes
            const auto same = [&](const toll::detail::csv_block_masks& m) {
                return m.quotes == want.quotes && m.separators == want.separators && m.line_breaks == want.line_breaks;
            };
            // Where a quote may open (after a separator or a quote) or close (before one, or at
            // the text's end), and the pairs of quotes, across the block's edges.
            std::uint64_t may_open = 0;
            std::uint64_t may_close = 0;
            std::uint64_t quote_pairs = 0;
            const auto shaping = [&](std::size_t at) { return at < text.size() && (text[at] == '"' || text[at] == '\n' || text[at] == '\r' || text[at] == delimiter); };
            for (std::size_t i = 0; i < 64 && base + i < text.size(); ++i) {
                const std::uint64_t bit = std::uint64_t{1} << i;
                if (base + i != 0 && shaping(base + i - 1)) may_open |= bit;
                if (base + i + 1 == text.size() || shaping(base + i + 1)) may_close |= bit;
                if (text[base + i] == '"' && base + i + 1 < text.size() && text[base + i + 1] == '"') quote_pairs |= bit;
            }
            const toll::detail::csv_blocks::block& b = blocks.at(base);  // the text's tail padded
            CHECK(same(b.masks));
            CHECK(b.quote_parity == parity);
            const std::uint64_t in_text = text.size() - base >= 64 ? ~std::uint64_t{0} : ~(~std::uint64_t{0} << (text.size() - base));
            CHECK((b.may_open & in_text) == may_open);
            CHECK((b.may_close & in_text) == may_close);
            CHECK(b.quote_pairs == quote_pairs);
            if (base + 64 <= text.size()) {
                CHECK(same(toll::detail::csv_block_masks_portable(text.data() + base, delimiter)));
#if defined(__SSE2__)
                CHECK(same(toll::detail::csv_block_masks_sse2(text.data() + base, delimiter)));
#endif
            }
        }
    }
    CHECK(toll::detail::prefix_xor(0) == 0);
    CHECK(toll::detail::prefix_xor(1) == ~std::uint64_t{0});
    CHECK(toll::detail::prefix_xor(0b1001'0010) == (~std::uint64_t{0} << 7 | 0b1110));  // quotes at 1, 4 and 7
}

TEST_CASE("csv: another delimiter (';' from a spreadsheet in much of Europe), read and written")
{
    const std::string text = "a;b;c\n1,5;\"x;y\";\"q\"\"\"\n";
    toll::csv_reader reader{text, "semi.csv", ';'};
    REQUIRE_FALSE(reader.error());
    CHECK(reader.columns().size() == 3);
    toll::csv_row row;
    REQUIRE(reader.next(row));
    REQUIRE_FALSE(row.error());
    CHECK(row[0].text == "1,5");  // a comma is text here
    CHECK(row[1].text == "x;y");
    CHECK(row[2].text == "q\"");
    CHECK(row[2].column == 3);
    CHECK_FALSE(reader.next(row));

    std::ostringstream out;
    toll::csv_writer writer{out, "\r\n", ';'};
    writer.row({"1,5", "x;y", "plain"});
    // A comma is still quoted (harmless, and the file then reads back with either delimiter).
    CHECK(out.str() == "\"1,5\";\"x;y\";plain\r\n");
    CHECK_THROWS_AS(toll::csv_reader("a\n", "", '"'), std::invalid_argument);

    // The scanner finds the delimiter given, not the comma, in every way of masking.
    std::string block(64, 'x');
    block[3] = ';';
    block[9] = ',';
    const std::uint64_t want = std::uint64_t{1} << 3;
    const auto portable = toll::detail::csv_block_masks_portable(block.data(), ';');
    CHECK((portable.separators | portable.quotes) == want);
#if defined(__SSE2__)
    const auto sse2 = toll::detail::csv_block_masks_sse2(block.data(), ';');
    CHECK((sse2.separators | sse2.quotes) == want);
#endif
}

TEST_CASE("csv: a header of one column full of ';' gets a hint about the delimiter, once")
{
    const auto records = toll::read_events_csv("id;name;locality;district;region;country;period\n");
    REQUIRE(records.errors.size() == 7);
    CHECK(records.errors[0].code == toll::csv_errc::missing_column);
    CHECK(records.errors[0].reason.find("has no ',' but 6 ';'") != std::string::npos);
    CHECK(records.errors[1].reason.find("';'") == std::string::npos);
}

TEST_CASE("count_line_breaks counts LF, CRLF once and a lone CR, at any length and alignment")
{
    std::mt19937_64 rng{5};
    const std::string alphabet = "\r\n\r\nab\x0D\x8D\x0A\x8A";  // line ends, text, the same with the high bit set
    for (int round = 0; round < 300; ++round) {
        // Long enough for several 255-block sums now and then.
        std::string text(round % 50 == 0 ? 9000 + rng() % 9000 : rng() % 200, ' ');
        for (char& c : text) c = alphabet[rng() % alphabet.size()];
        const std::size_t from = text.empty() ? 0 : rng() % std::min<std::size_t>(text.size(), 20);
        const std::string_view s = std::string_view{text}.substr(from);
        std::size_t want = 0;
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == s.size() || s[i + 1] != '\n'))) ++want;
        }
        CAPTURE(s.size());
        REQUIRE(toll::detail::count_line_breaks(s) == want);
    }
    CHECK(toll::detail::count_line_breaks("a\r") == 1);  // a CR at the end ends a line
    CHECK(toll::detail::count_line_breaks(std::string(16, '\r') + "\n") == 16);
}
