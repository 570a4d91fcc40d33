#include <toll/io/claims_csv.hpp>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <doctest/doctest.h>

#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

using boost::gregorian::date;
using toll::csv_errc;

namespace {

constexpr std::string_view header = "id,event,category,group,figure,source,source_kind,party,about_party,via,reported,text\n";

// Moura and Kamona/Balle-like rows covering every column.
const std::string good = std::string{header} +
                         "m1,moura-2022,killed,civilians,300,Human Rights Watch,ngo,,,,2022-04-05,\"some 300 civilians, "
                         "including \"\"suspected\"\" fighters\"\n"
                         "m2,moura-2022,killed,armed_group,203,Malian army,government,Mali,JNIM,,2022-04-01,203 terrorists\n"
                         "k1,kamona-2025;balle-2025,killed,civilians/Malian nationals,at least 31,residents,witness,,,"
                         "RFI;Le Monde,,\"at least 31\ncivilians\"\n"
                         "f1,farabougou-2023,killed,named/dozo hunters,dozens,residents,witness,,Mali,RFI,2023-12-13,dozens of dozos\n";

toll::claim moura_hrw()
{
    toll::claim c;
    c.id = "m1";
    c.events = {"moura-2022"};
    c.category = toll::category::killed;
    c.group = toll::group::civilians();
    c.figure = toll::figure::exact(300);
    c.source.origin = {"Human Rights Watch", toll::source_kind::ngo, ""};
    c.reported = date{2022, 4, 5};
    c.text = "some 300 civilians, including \"suspected\" fighters";
    return c;
}

// Designated initializers would be shorter, but g++ 12 warns about the members they leave out.
toll::csv_read_options with_table(const toll::vague_table& table)
{
    toll::csv_read_options options;
    options.vagueness = table;
    return options;
}

toll::csv_read_options with_mode(toll::csv_error_mode mode)
{
    toll::csv_read_options options;
    options.error_mode = mode;
    return options;
}

toll::claim_records read(std::string_view text, toll::csv_read_options options = {})
{
    if (options.file.empty()) options.file = "claims.csv";
    return toll::read_claims_csv(text, std::move(options));
}

}  // namespace

TEST_CASE("claims csv: every column is read into the claim")
{
    const auto r = read(good);
    REQUIRE(r.ok());
    REQUIRE(r.values.size() == 4);
    CHECK_FALSE(r.stopped);
    CHECK(r.extra_columns.empty());
    CHECK(r.extra.size() == 4);
    CHECK(r.values[0] == moura_hrw());

    const toll::claim& army = r.values[1];
    CHECK(army.group == toll::group::armed_group("JNIM"));
    CHECK(army.source.origin.party == "Mali");
    CHECK(toll::is_about_adversary(army));

    const toll::claim& kb = r.values[2];
    CHECK(kb.events == std::vector<std::string>{"kamona-2025", "balle-2025"});
    CHECK(kb.group == toll::group::civilians("Malian nationals"));
    CHECK(kb.figure == toll::figure::at_least(31));
    REQUIRE(kb.source.via.size() == 2);
    CHECK(kb.source.via[0] == toll::source{"RFI", toll::source_kind::media, ""});
    CHECK(kb.source.outlet().name == "Le Monde");
    CHECK(kb.reported.is_not_a_date());
    CHECK(kb.text == "at least 31\ncivilians");

    const toll::claim& dozos = r.values[3];
    CHECK(dozos.group == toll::group::named("dozo hunters", "Mali"));
    CHECK(dozos.figure == toll::figure::vague(toll::vague_word::dozens));
}

TEST_CASE("claims csv: the vague-word table is the caller's choice")
{
    const auto r = read(good, with_table(toll::vague_table::acled()));
    REQUIRE(r.ok());
    CHECK(r.values[3].figure == toll::figure::vague(toll::vague_word::dozens, toll::vague_table::acled()));
    CHECK(r.values[3].figure.low() == 12);
}

TEST_CASE("claims csv: columns in any order; extra columns are kept beside each claim")
{
    const std::string text =
        "note,text,reported,via,about_party,party,source_kind,source,figure,group,category,event,id,coder\n"
        "check this,t,2022-04-05,,,,ngo,HRW,300,civilians,killed,moura-2022,m1,ab\n"
        ",t,,,,,ngo,HRW,12,civilians,injured,moura-2022,m2,cd\n";
    const auto r = read(text);
    REQUIRE(r.ok());
    CHECK(r.extra_columns == std::vector<std::string>{"note", "coder"});
    REQUIRE(r.extra.size() == 2);
    CHECK(r.extra[0] == std::vector<std::string>{"check this", "ab"});
    CHECK(r.extra[1] == std::vector<std::string>{"", "cd"});
    CHECK(r.values[1].category == toll::category::injured);

    // Written back, the extra columns come after toll's own, with their cells.
    std::ostringstream out;
    toll::write_claims_csv(out, r);
    const std::string written = out.str();
    CHECK(written.starts_with(std::string{header.substr(0, header.size() - 1)} + ",note,coder\n"));
    const auto again = read(written);
    REQUIRE(again.ok());
    CHECK(again.values == r.values);
    CHECK(again.extra_columns == r.extra_columns);
    CHECK(again.extra == r.extra);
}

TEST_CASE("claims csv: a missing column is an error for the file, and no row is read")
{
    const std::string text = "id,event,category,group,figure,source,party,about_party,via,text\nm1,moura-2022,killed,"
                             "civilians,300,HRW,,,,t\n";
    const auto r = read(text);
    CHECK(r.values.empty());
    CHECK(r.stopped);
    REQUIRE(r.errors.size() == 2);
    CHECK(r.errors[0].code == csv_errc::missing_column);
    CHECK(r.errors[0].column_name == "source_kind");
    CHECK(r.errors[0].line == 1);
    CHECK(r.errors[1].column_name == "reported");
    CHECK(to_string(r.errors[0]) == "claims.csv:1 (source_kind): the header has no column \"source_kind\" [missing_column]");
}

TEST_CASE("claims csv: a missing column names the header's line, after blank lines")
{
    const auto r = read("\n\r\nid,event,category,group,figure,source,party,about_party,via,reported,text\n");
    REQUIRE(r.errors.size() == 1);
    CHECK(to_string(r.errors[0]) == "claims.csv:3 (source_kind): the header has no column \"source_kind\" [missing_column]");
}

TEST_CASE("claims csv: a repeated id is reported on the line of its id cell, naming the line of the first")
{
    const auto r = read("text,id,event,category,group,figure,source,source_kind,party,about_party,via,reported\n"
                        "\"two\nlines\",d1,e,killed,all,1,s,ngo,,,,\n"
                        "\"three\n\nlines\",d1,e,killed,all,2,s,ngo,,,,\n");
    REQUIRE(r.errors.size() == 1);
    CHECK(to_string(r.errors[0]) == "claims.csv:6:2 (id): the id \"d1\" is already used on line 3 [duplicate_id]");
}

TEST_CASE("claims csv: an empty file is an error")
{
    for (std::string_view text : {"", "\n", "\xEF\xBB\xBF"}) {
        const auto r = read(text);
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].code == csv_errc::empty_file);
        CHECK(r.values.empty());
    }
    // A header and nothing else is a file with no claims, which is fine.
    const auto header_only = read(header);
    CHECK(header_only.ok());
    CHECK(header_only.values.empty());
}

TEST_CASE("claims csv: a BOM and CRLF line ends are read correctly")
{
    std::string text = "\xEF\xBB\xBF";
    for (char c : good) {
        if (c == '\n') text += '\r';
        text += c;
    }
    const auto r = read(text);
    REQUIRE(r.ok());
    const auto lf = read(good);
    REQUIRE(r.values.size() == lf.values.size());
    for (std::size_t i = 0; i < r.values.size(); ++i) {
        if (r.values[i].id == "k1") {
            CHECK(r.values[i].text == "at least 31\r\ncivilians");  // inside quotes, the line end is data
        } else {
            CHECK(r.values[i] == lf.values[i]);
        }
    }
}

namespace {

// One error from a file whose only row is `row`.
toll::csv_error only_error(const std::string& row)
{
    const auto r = read(std::string{header} + row + "\n");
    CHECK(r.values.empty());
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].file == "claims.csv");
    CHECK(r.errors[0].line == 2);
    return r.errors[0];
}

}  // namespace

TEST_CASE("claims csv: each malformed value is an error naming line, column and reason")
{
    SUBCASE("a bad date")
    {
        const auto e = only_error("m1,moura-2022,killed,civilians,300,HRW,ngo,,,,2022-02-30,t");
        CHECK(e.code == csv_errc::bad_date);
        CHECK(e.column == 11);
        CHECK(e.column_name == "reported");
        CHECK(to_string(e) == "claims.csv:2:11 (reported): \"2022-02-30\" has a day that month does not have [bad_date]");
        CHECK(only_error("m1,moura-2022,killed,civilians,300,HRW,ngo,,,,5 April 2022,t").code == csv_errc::bad_date);
        CHECK(only_error("m1,moura-2022,killed,civilians,300,HRW,ngo,,,,2022-4-5,t").code == csv_errc::bad_date);
        CHECK(only_error("m1,moura-2022,killed,civilians,300,HRW,ngo,,,,0999-01-01,t").code == csv_errc::bad_date);
        CHECK(only_error("m1,moura-2022,killed,civilians,300,HRW,ngo,,,,2022-13-01,t").code == csv_errc::bad_date);
    }
    SUBCASE("a figure that does not parse")
    {
        const auto e = only_error("m1,moura-2022,killed,civilians,62\xE2\x80\x93" "30,HRW,ngo,,,,,t");
        CHECK(e.code == csv_errc::bad_figure);
        CHECK(e.column == 5);
        CHECK(e.column_name == "figure");
        CHECK(e.reason.starts_with("\"62\xE2\x80\x93" "30\" is not a figure toll can read: "));
        CHECK(e.reason.find("reversed_range") != std::string::npos);
        CHECK(only_error("m1,moura-2022,killed,civilians,,HRW,ngo,,,,,t").code == csv_errc::bad_figure);
        CHECK(only_error("m1,moura-2022,killed,civilians,a lot of people,HRW,ngo,,,,,t").code == csv_errc::bad_figure);
    }
    SUBCASE("an unknown category")
    {
        const auto e = only_error("m1,moura-2022,dead,civilians,300,HRW,ngo,,,,,t");
        CHECK(e.code == csv_errc::unknown_category);
        CHECK(e.column == 3);
        CHECK(e.reason == "\"dead\" is not a category; expected one of killed, injured, missing, kidnapped, captured, "
                          "displaced, casualties, other");
        CHECK(only_error("m1,moura-2022,Killed,civilians,300,HRW,ngo,,,,,t").code == csv_errc::unknown_category);
    }
    SUBCASE("a bad group")
    {
        CHECK(only_error("m1,moura-2022,killed,villagers,300,HRW,ngo,,,,,t").code == csv_errc::bad_group);
        CHECK(only_error("m1,moura-2022,killed,civilians/,300,HRW,ngo,,,,,t").code == csv_errc::bad_group);
        CHECK(only_error("m1,moura-2022,killed,/dozos,300,HRW,ngo,,,,,t").column == 4);
    }
    SUBCASE("an unknown source kind")
    {
        const auto e = only_error("m1,moura-2022,killed,civilians,300,HRW,NGO,,,,,t");
        CHECK(e.code == csv_errc::unknown_source_kind);
        CHECK(e.column_name == "source_kind");
    }
    SUBCASE("empty required values and empty list items")
    {
        CHECK(only_error(",moura-2022,killed,civilians,300,HRW,ngo,,,,,t").code == csv_errc::missing_value);
        CHECK(only_error("m1,,killed,civilians,300,HRW,ngo,,,,,t").code == csv_errc::missing_value);
        CHECK(only_error("m1,moura-2022,killed,civilians,300,,ngo,,,,,t").code == csv_errc::missing_value);
        CHECK(only_error("m1,a;;b,killed,civilians,300,HRW,ngo,,,,,t").code == csv_errc::bad_value);
        CHECK(only_error("m1,a,killed,civilians,300,HRW,ngo,,,RFI;,,t").code == csv_errc::bad_value);
    }
    SUBCASE("bytes that are not UTF-8")
    {
        const auto e = only_error("m1,moura-2022,killed,civilians,300,HRW,ngo,,,,,caf\xE9 owner");
        CHECK(e.code == csv_errc::invalid_utf8);
        CHECK(e.column == 12);
        CHECK(e.reason == "byte 4 of the cell is not UTF-8");
    }
    SUBCASE("a quote left open")
    {
        const auto e = only_error("m1,moura-2022,killed,civilians,300,HRW,ngo,,,,,\"open");
        CHECK(e.code == csv_errc::unbalanced_quote);
        CHECK(e.column == 12);
    }
    SUBCASE("too few fields")
    {
        const auto e = only_error("m1,moura-2022,killed,civilians,300,HRW,ngo");
        CHECK(e.code == csv_errc::field_count);
        CHECK(e.column == 8);
    }
}

TEST_CASE("claims csv: every row is a claim or an error; the caller chooses to stop or go on")
{
    const std::string text = std::string{header} +
                             "a,e,killed,civilians,1,s,ngo,,,,,t\n"
                             "b,e,dead,civilians,1,s,ngo,,,,,t\n"
                             "c,e,killed,civilians,1,s,ngo,,,,,t\n"
                             "a,e,killed,civilians,2,s,ngo,,,,,t\n"
                             "d,e,killed,civilians,1,s,ngo,,,,2023-02-29,t\n"
                             "e,e,killed,civilians,1,s,ngo,,,,,t\n";
    SUBCASE("collect")
    {
        const auto r = read(text);
        CHECK(r.values.size() == 3);
        REQUIRE(r.errors.size() == 3);
        CHECK(r.values.size() + r.errors.size() == 6);
        CHECK(r.errors[0].line == 3);
        CHECK(r.errors[1].line == 5);
        CHECK(r.errors[1].code == csv_errc::duplicate_id);
        CHECK(r.errors[1].reason == "the id \"a\" is already used on line 2");
        CHECK(r.errors[2].line == 6);
        CHECK_FALSE(r.stopped);
        CHECK(r.values[2].id == "e");
    }
    SUBCASE("stop at the first error")
    {
        const auto r = read(text, with_mode(toll::csv_error_mode::stop_at_first));
        CHECK(r.values.size() == 1);
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].code == csv_errc::unknown_category);
        CHECK(r.stopped);
    }
    SUBCASE("duplicate ids need not be checked")
    {
        toll::csv_read_options unchecked;
        unchecked.check_duplicate_ids = false;
        const auto r = read(text, unchecked);
        CHECK(r.values.size() == 4);
    }
    SUBCASE("a row rejected for another reason does not take its id")
    {
        const auto r = read(std::string{header} + "a,e,dead,civilians,1,s,ngo,,,,,t\na,e,killed,civilians,1,s,ngo,,,,,t\n");
        CHECK(r.values.size() == 1);
        CHECK(r.errors.size() == 1);
    }
}

TEST_CASE("claims csv: the pull reader reuses one claim")
{
    toll::claim_csv_reader reader{good};
    toll::claim c;
    std::vector<std::string> ids;
    for (toll::csv_step s; (s = reader.next(c)) != toll::csv_step::end;) {
        REQUIRE(s == toll::csv_step::value);
        ids.push_back(c.id);
        if (c.id == "m1") CHECK(c == moura_hrw());
    }
    CHECK(ids == std::vector<std::string>{"m1", "m2", "k1", "f1"});
    // The Kamona/Balle row's two events and two relays did not linger into the next claim.
    CHECK(c.events.size() == 1);
    CHECK(c.source.via.size() == 1);
}

TEST_CASE("claims csv: write then read gives equal claims")
{
    std::vector<toll::claim> claims = read(good).values;
    toll::claim tricky = moura_hrw();
    tricky.id = "t, \"1\"";
    tricky.figure = toll::figure::range(30, 62);
    tricky.text = "line one\r\nline \"two\", with commas\n\xC3\xA9t\xC3\xA9 \xE2\x80\x93 fin";
    tricky.span = toll::text_span{0, 8};
    tricky.group = toll::group::named("a/b group", "JNIM");
    tricky.source.origin.party = "JNIM";
    claims.push_back(tricky);
    toll::claim others = moura_hrw();
    others.id = "o";
    for (const auto& f : {toll::figure::unknown(), toll::figure::zero(), toll::figure::more_than(300),
                          toll::figure::at_most(30), toll::figure::fewer_than(30), toll::figure::approximately(50),
                          toll::figure::vague(toll::vague_word::tens_of_thousands)}) {
        others.id += "x";
        others.figure = f;
        claims.push_back(others);
    }

    std::ostringstream out;
    toll::write_claims_csv(out, claims);
    const std::string text = out.str();
    CHECK(text.find(",span\n") != std::string::npos);  // a claim has a span, so the column is written
    const auto r = read(text);
    REQUIRE(r.ok());
    CHECK(r.values == claims);

    SUBCASE("with another vague-word table")
    {
        const toll::csv_read_options acled = with_table(toll::vague_table::acled());
        std::vector<toll::claim> read_acled = read(good, acled).values;
        std::ostringstream acled_out;
        toll::csv_write_options write_acled;
        write_acled.vagueness = toll::vague_table::acled();
        toll::write_claims_csv(acled_out, read_acled, {}, {}, write_acled);
        CHECK(read(acled_out.str(), acled).values == read_acled);
        // Written for the literal table, an ACLED-read "dozens" would not read back as itself.
        std::ostringstream wrong;
        CHECK_THROWS_AS(toll::write_claims_csv(wrong, read_acled), std::invalid_argument);
        CHECK(wrong.str().empty());
    }
}

TEST_CASE("claims csv: what the format cannot hold is refused before anything is written")
{
    auto check_refused = [](const toll::claim& c) {
        CHECK(toll::csv_problem(c));
        std::ostringstream out;
        const std::vector<toll::claim> claims{moura_hrw(), c};
        CHECK_THROWS_AS(toll::write_claims_csv(out, claims), std::invalid_argument);
        CHECK(out.str().empty());
    };
    CHECK_FALSE(toll::csv_problem(moura_hrw()));
    toll::claim c = moura_hrw();
    c.events = {"a;b"};
    check_refused(c);
    c = moura_hrw();
    c.events.clear();
    check_refused(c);
    c = moura_hrw();
    c.source.via = {toll::source{"UN", toll::source_kind::un_body, ""}};
    check_refused(c);
    c = moura_hrw();
    c.text = "\xFF";
    check_refused(c);
    c = moura_hrw();
    c.span = toll::text_span{100, 1};
    check_refused(c);
    c = moura_hrw();
    c.id.clear();
    check_refused(c);
}

TEST_CASE("claims csv: the row writer streams what write_claims_csv writes, and refuses a row whole")
{
    const std::vector<toll::claim> claims = read(good).values;
    std::ostringstream whole;
    toll::write_claims_csv(whole, claims);
    std::ostringstream streamed;
    toll::claim_csv_writer w{streamed, false};
    for (const auto& c : claims) w.write(c);
    CHECK(streamed.str() == whole.str());

    const std::string before = streamed.str();
    toll::claim spanned = moura_hrw();
    spanned.span = toll::text_span{0, 3};
    CHECK_THROWS_AS(w.write(spanned), std::invalid_argument);  // no span column in this file
    toll::claim bad = moura_hrw();
    bad.events = {"a;b"};
    CHECK_THROWS_AS(w.write(bad), std::invalid_argument);
    const std::vector<std::string> two_cells{"x", "y"};
    CHECK_THROWS_AS(w.write(moura_hrw(), two_cells), std::invalid_argument);
    CHECK(streamed.str() == before);
}

TEST_CASE("claims csv: a file on disk, with its name in the errors")
{
    const std::string path = std::string{TOLL_TEST_DATA_DIR} + "/csv/claims-bad.csv";
    const auto r = toll::load_claims_csv(path);
    CHECK(r.values.size() == 2);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].file == path);
    CHECK(r.errors[0].code == csv_errc::bad_figure);
    CHECK(r.errors[0].line == 4);
    CHECK_THROWS_AS((void)toll::load_claims_csv(std::string{TOLL_TEST_DATA_DIR} + "/csv/no-such-file.csv"), std::runtime_error);
    CHECK_THROWS_AS((void)toll::read_claims_csv_or_throw(toll::read_text_file(path)), toll::csv_read_error);
}

TEST_CASE("claims csv: a date's day number is Boost's for every day toll reads, and a non-date is refused alike")
{
    // The streaming path computes the day number from the date's numbers (julian_day_number);
    // the claim-level path asks Boost. Every day of 1400-9999 must agree, and every text Boost
    // refuses must be refused.
    using toll::detail::julian_day_number;
    using toll::detail::read_iso_date_fields;
    std::size_t wrong = 0;
    std::string first_wrong;
    for (boost::gregorian::day_iterator d{date{1400, 1, 1}}; *d <= date{9999, 12, 31}; ++d) {
        const auto ymd = d->year_month_day();
        toll::detail::iso_date_fields f;
        f.year = ymd.year;
        f.month = ymd.month;
        f.day = ymd.day;
        // The text of each date is read back for the years data are about, and for every 29 February.
        const bool read_text = (ymd.year >= 1990 && ymd.year <= 2030) || (ymd.month == 2 && ymd.day == 29);
        if (read_text) {
            const std::string text = boost::gregorian::to_iso_extended_string(*d);
            const auto g = read_iso_date_fields(text);
            if (!g.problem.empty() || g.year != f.year || g.month != f.month || g.day != f.day) f.day = 0;  // counted wrong below
        }
        if (f.day == 0 || julian_day_number(f) != static_cast<std::uint32_t>(d->day_number())) {
            if (wrong++ == 0) first_wrong = boost::gregorian::to_iso_extended_string(*d);
        }
    }
    CHECK_MESSAGE(wrong == 0, "first: " << first_wrong);
    for (const std::string_view bad : {"2023-02-29", "2024-02-30", "1900-02-29", "2000-02-30", "2022-04-31", "2022-13-01", "2022-00-10",
                                       "2022-01-00", "1399-12-31", "2022-1-01", "2022/01/01", "20220101", "2022-01-01 "}) {
        CHECK_MESSAGE(!read_iso_date_fields(bad).problem.empty(), bad);
    }
    CHECK(read_iso_date_fields("2000-02-29").problem.empty());
    CHECK(read_iso_date_fields("2024-02-29").problem.empty());
}
