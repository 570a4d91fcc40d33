// The large-file path must agree with the claim-level reconcile on every bound, the claim that
// sets it, the status and the fate counts, and must report every malformed row as
// toll::read_claims_csv does (same file, line, column, code and reason).
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <toll/io/claims_csv.hpp>
#include <toll/reconcile/reconcile.hpp>
#include <toll/io/reconcile_csv.hpp>

#include "../reconcile/reconcile_support.hpp"

using namespace toll;

namespace {

struct key_row {
    claim_key key;
    csv_key_result result;  // its rows and fates are gone after the callback
    std::string low_by, high_by, lower_by, upper_by;
    /// The key's excluded claims from its rows and fates, in id order: id=reason[:counted instead].
    std::vector<std::string> excluded;
};

std::string excluded_cell(std::string_view id, exclusion why, std::string_view instead)
{
    std::string text{id};
    text += '=';
    text += to_string(why);
    if (!instead.empty()) {
        text += ':';
        text += instead;
    }
    return text;
}

std::vector<key_row> fast_results(claims_csv_reconciler& r)
{
    std::vector<key_row> rows;
    r.for_each_key([&](const csv_key_result& k) {
        key_row row;
        detail::for_each_list_item(k.events, [&](std::string_view e) { row.key.events.emplace_back(e); });
        row.key.category = k.category;
        row.key.group = group{k.kind, std::string{k.label}, std::string{k.party}};
        row.result = k;
        auto id = [&](std::uint32_t i) { return i == detail::nobody ? std::string{} : std::string{r.id(i)}; };
        row.low_by = id(k.summary.reported_low_by);
        row.high_by = id(k.summary.reported_high_by);
        row.lower_by = id(k.summary.lower_by);
        row.upper_by = id(k.summary.upper_by);
        CHECK(k.rows.size() == k.claims);
        for (const bulk::record& rec : k.rows) {
            const bulk::fate f = k.fates[rec.claim];
            if (const auto why = f.exclusion()) row.excluded.push_back(excluded_cell(r.id(rec.claim), *why, id(f.counted_instead())));
        }
        CHECK(row.excluded.size() == k.claims - k.used);
        rows.push_back(row);
    });
    return rows;
}

bool contains(const std::vector<std::string>& ids, const std::string& id)
{
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// Checks the fast path against reconcile() on the same CSV text.
void check_agrees(const std::string& text, const policy& p)
{
    const claim_records read = read_claims_csv(text);
    REQUIRE(read.ok());
    const reconciliation_report expected = reconcile(read.values, p);

    claims_csv_reconciler r{p};
    r.load_text(text);
    REQUIRE(r.errors().empty());
    const auto rows = fast_results(r);
    REQUIRE(rows.size() == expected.results.size());
    for (const key_row& row : rows) {
        const reconciliation* want = expected.find(row.key);
        REQUIRE(want != nullptr);
        CAPTURE(to_string(row.key));
        CHECK(row.result.status == want->status);
        CHECK(row.result.claims == want->claims.size());
        CHECK(row.result.used == std::count_if(want->claims.begin(), want->claims.end(), [](const claim_fate& f) { return f.used(); }));
        std::vector<claim_fate> excluded;
        for (const claim_fate& f : want->claims) {
            if (!f.used()) excluded.push_back(f);
        }
        std::vector<std::string> want_excluded;
        for (const claim_fate& f : excluded) want_excluded.push_back(excluded_cell(f.claim, *f.exclusion, f.counted_instead));
        CHECK(row.excluded == want_excluded);
        if (want->status == status::unknown) continue;
        const detail::summary& s = row.result.summary;
        CHECK(s.reported_low == want->reported->range.low());
        CHECK(s.reported_high == want->reported->range.high().value_or(detail::unbounded));
        CHECK(contains(want->reported->low_claims, row.low_by));
        CHECK(contains(want->reported->high_claims, row.high_by));
        CHECK(s.lower == want->lower->value);
        CHECK(contains(want->lower->claims, row.lower_by));
        CHECK(s.capped() == want->upper.has_value());
        if (want->upper) {
            CHECK(s.upper == want->upper->value);
            CHECK(contains(want->upper->claims, row.upper_by));
        }
        CHECK(row.result.best.has_value() == want->best.has_value());
        if (want->best) {
            CHECK(*row.result.best == want->best->value);
            CHECK(contains(want->best->claims, std::string{r.id(row.result.best_by)}));
        }
    }
    // Every exclusion, with its reason and the claim counted instead.
    std::map<std::string, claim_fate> fates;
    for (const auto& k : expected.results) {
        for (const auto& f : k.claims) fates[f.claim] = f;
    }
    std::size_t excluded = 0;
    r.for_each_excluded([&](std::string_view id, exclusion why, std::string_view instead) {
        ++excluded;
        const auto it = fates.find(std::string{id});
        REQUIRE(it != fates.end());
        CHECK(it->second.exclusion == why);
        CHECK(it->second.counted_instead == instead);
    });
    CHECK(excluded == static_cast<std::size_t>(std::count_if(fates.begin(), fates.end(), [](const auto& f) { return !f.second.used(); })));
}

std::string random_claims_csv(std::mt19937_64& rng, std::size_t count)
{
    const std::vector<source> origins{{"residents", source_kind::witness, {}}, {"HRW", source_kind::ngo, {}},
                                      {"army", source_kind::government, "Mali"}, {"post, blog", source_kind::other, {}},
                                      {"JNIM media", source_kind::armed_group, "JNIM"}};
    const std::vector<figure> figures{figure::exact(12), figure::at_least(20), figure::range(5, 30), figure::at_most(8),
                                      figure::zero(), figure::unknown(), figure::approximately(50), figure::more_than(13),
                                      figure::vague(vague_word::dozens), figure::exact(30), figure::fewer_than(40)};
    const std::vector<group> groups{group::everyone(), group::civilians(), group::civilians("Malian nationals"),
                                    group::armed_group("JNIM"), group::security_forces("Mali")};
    std::vector<claim> claims;
    for (std::size_t i = 0; i < count; ++i) {
        claim c;
        c.id = "c" + std::to_string(1000 + i);  // same width, so id order is file order
        const auto scope = rng() % 10;
        c.events = scope == 0 ? std::vector<std::string>{"e2", "e1"} : std::vector<std::string>{scope < 5 ? "e1" : "e2"};
        c.category = rng() % 4 == 0 ? category::injured : category::killed;
        c.group = groups[rng() % groups.size()];
        c.figure = figures[rng() % figures.size()];
        c.source.origin = origins[rng() % origins.size()];
        if (rng() % 3 == 0) c.source.via.push_back(source{"RFI", source_kind::media, {}});
        if (rng() % 8 != 0) c.reported = test::day(2023, 1, static_cast<int>(1 + rng() % 4));
        const auto text = rng() % 3;
        c.text = text == 0 ? "he said \"twelve\", then left" : text == 1 ? "twelve,\nin two lines" : "twelve";
        claims.push_back(c);
    }
    std::ostringstream out;
    write_claims_csv(out, claims);
    return out.str();
}

const char* const header = "id,event,category,group,figure,source,source_kind,party,about_party,via,reported,text\n";

}  // namespace

TEST_CASE("reconcile_csv agrees with reconcile on random claims under every preset")
{
    std::mt19937_64 rng{7};
    for (int round = 0; round < 20; ++round) {
        const std::string text = random_claims_csv(rng, 1 + rng() % 120);
        check_agrees(text, policy::ucdp());
        check_agrees(text, policy::acled());
        check_agrees(text, policy::strict());
    }
}

TEST_CASE("reconcile_csv reads figures as written, multi-event scopes, CRLF and a BOM")
{
    const std::string text = std::string{"\xEF\xBB\xBF"} + "id,event,category,group,figure,source,source_kind,party,about_party,via,reported,text,low\r\n" +
                             "a1,moura,killed,civilians,at least 20,HRW,ngo,,,RFI;Le Monde,2022-04-05,\"at least 20, \"\"civilians\"\"\",x\r\n"
                             "a2,moura,killed,civilians,30\xE2\x80\x93" "62,UN,un_body,,,,2022-04-06,,y\r\n"
                             "\r\n"
                             "a3, kamona ; balle ,killed,all,dozens,residents,witness,,,,,,\r\n"
                             "a4,balle;kamona,killed,all,unknown,army,government,Mali,,,2025-01-01,,\r\n";
    check_agrees(text, policy::ucdp());
    claims_csv_reconciler r{policy::ucdp()};
    r.load_text(text);
    CHECK(r.extra_columns() == std::vector<std::string>{"low"});
    std::vector<std::string> scopes;
    r.for_each_key([&](const csv_key_result& k) { scopes.emplace_back(k.events); });
    CHECK(scopes == std::vector<std::string>{"moura", "balle;kamona"});
}

TEST_CASE("reconcile_csv reports every malformed row as read_claims_csv does, and reconciles the rest")
{
    const std::string text = std::string{header} +
                             "b1,e1,killed,all,12,HRW,ngo,,,,2023-01-01,\n"            // line 2: fine
                             "b2,e1,killed,all,twelvish,HRW,ngo,,,,2023-01-01,\n"      // 3: bad figure
                             "b3,e1,slain,all,12,HRW,ngo,,,,2023-01-01,\n"             // 4: unknown category
                             "b4,e1,killed,all,12,HRW,ngo,,,,2023-02-30,\n"            // 5: bad date
                             "b5,e1,killed,all,12,HRW,ngo,,,\n"                        // 6: field count
                             "b6,e1,killed,all,1\"2,HRW,ngo,,,,2023-01-01,\n"          // 7: stray quote
                             "b1,e1,killed,all,14,UN,un_body,,,,2023-01-01,\n"         // 8: duplicate id
                             "b7,e1,killed,all/,12,HRW,ngo,,,,2023-01-01,\n"           // 9: bad group
                             "b8,,killed,all,12,HRW,ngo,,,,2023-01-01,\n"              // 10: missing event
                             "b9,e1,killed,all,12,HRW,nobody,,,,2023-01-01,\n"         // 11: unknown source kind
                             "b10,e1;;e2,killed,all,12,HRW,ngo,,,,2023-01-01,\n"       // 12: empty list item
                             "b11,e1,killed,all,13,HRW,ngo,,,A;;B,2023-01-01,\n"       // 13: empty relay
                             "b12,e1,killed,all,13,,ngo,,,,2023-01-01,\n"              // 14: no source
                             "b13,e1,killed,all,15,UN,un_body,,,,2023-01-03,\"multi\nline\"\n"  // 15-16: fine
                             "b14,e1,killed,all,\xFF,UN,un_body,,,,2023-01-03,\n"      // 17: invalid UTF-8
                             "b15,e1,killed,all,16,UN,un_body,,,,,\"never closed\n";   // 18: unbalanced quote
    csv_read_options o;
    o.file = "claims.csv";
    const claim_records want = read_claims_csv(text, o);
    reconcile_csv_options fast;
    fast.file = "claims.csv";
    claims_csv_reconciler r{policy::ucdp(), fast};
    r.load_text(text);
    REQUIRE(want.errors.size() == 14);
    CHECK(r.errors() == want.errors);
    for (std::size_t i = 0; i < std::min(r.errors().size(), want.errors.size()); ++i) {
        CHECK(to_string(r.errors()[i]) == to_string(want.errors[i]));
    }
    CHECK(r.claims() == want.values.size());
    std::size_t keys = 0;
    r.for_each_key([&](const csv_key_result& k) {
        ++keys;
        CHECK(k.claims == 2);  // b1 and b13
        CHECK(k.summary.lower == 15);
    });
    CHECK(keys == 1);
    CHECK(r.keys() == keys);
}

TEST_CASE("reconcile_csv: a key whose only row repeats an id is not counted")
{
    claims_csv_reconciler r{policy::ucdp()};
    r.load_text(std::string{header} +
                "d1,e1,killed,all,12,HRW,ngo,,,,2023-01-01,\n"
                "d1,e2,killed,all,30,UN,un_body,,,,2023-01-02,\n");  // the same id again, alone under e2
    REQUIRE(r.errors().size() == 1);
    CHECK(r.errors()[0].code == csv_errc::duplicate_id);
    std::size_t visited = 0;
    r.for_each_key([&](const csv_key_result&) { ++visited; });
    CHECK(visited == 1);
    CHECK(r.keys() == 1);
}

TEST_CASE("reconcile_csv: stop_at_first, header errors, an empty file")
{
    SUBCASE("stop at the first bad row")
    {
        reconcile_csv_options o;
        o.error_mode = csv_error_mode::stop_at_first;
        claims_csv_reconciler r{policy::ucdp(), o};
        r.load_text(std::string{header} + "x1,e1,killed,all,12,HRW,ngo,,,,,\nx2,e1,killed,all,??,HRW,ngo,,,,,\nx3,e1,killed,all,12,UN,un_body,,,,,\n");
        REQUIRE(r.errors().size() == 1);
        CHECK(r.errors()[0].line == 3);
        CHECK(r.stopped());
        CHECK(r.claims() == 1);
    }
    SUBCASE("a missing column")
    {
        claims_csv_reconciler r{policy::ucdp()};
        r.load_text("id,event\nx,e\n");
        CHECK(r.stopped());
        CHECK(!r.errors().empty());
        CHECK(r.errors()[0].code == csv_errc::missing_column);
    }
    SUBCASE("an empty file")
    {
        claims_csv_reconciler r{policy::ucdp()};
        r.load_text("");
        REQUIRE(r.errors().size() == 1);
        CHECK(r.errors()[0].code == csv_errc::empty_file);
    }
}

TEST_CASE("reconcile_claims_csv writes one row per key")
{
    const std::string path = "reconcile_csv_test_claims.csv";
    {
        std::ofstream f{path};
        f << header << "w1,e1,killed,all,30-62,HRW,ngo,,,,2023-01-01,\n"
          << "w2,e1,killed,all,at least 40,UN,un_body,,,,2023-01-02,\n"
          << "w3,e2,injured,\"named/dozo, hunters\",unknown,UN,un_body,,Mali,,,\n";
    }
    std::ostringstream out;
    const reconcile_csv_report report = reconcile_claims_csv(path, out, policy::ucdp());
    std::remove(path.c_str());
    CHECK(report.ok());
    CHECK(report.claims == 3);
    CHECK(report.keys == 2);
    CHECK(out.str() ==
          "event,category,group,about_party,low,high,best,lower,upper,status,policy,claims,used,excluded,"
          "low_claim,high_claim,best_claim,lower_claim,upper_claim,excluded_claims\n"
          "e1,killed,all,,30,,40,40,62,consistent,ucdp,2,2,0,w1,w2,w2,w2,w1,\n"
          "e2,injured,\"named/dozo, hunters\",Mali,,,,,,unknown,ucdp,1,1,0,,,,,,\n");
}

TEST_CASE("write_csv: event names, the policy's name, excluded claims with the claim counted instead")
{
    const std::string text = std::string{header} +
                             "s1,e1,killed,all,20,HRW,ngo,,,,2023-01-01,\n"
                             "a1,e2;e1,killed,security_forces,30,JNIM,armed_group,JNIM,Mali,,2023-01-02,\n"
                             "s2,e1,killed,all,25,HRW,ngo,,,RFI,2023-01-05,\n"
                             "\"s,3\",e1,killed,all,25,HRW,ngo,,,Le Monde,2023-01-06,\n"
                             "w1,e1,killed,all,12,residents,witness,,,,2023-01-02,\n";
    policy p = policy::ucdp();
    p.name = "ucdp, as of now";
    reconcile_csv_options o;
    std::vector<std::string> asked;
    o.event_name = [&](std::string_view events, std::string& name) {
        asked.emplace_back(events);
        detail::for_each_list_item(events, [&](std::string_view id) {
            if (!name.empty()) name += " + ";
            name += id == "e1" ? std::string_view{"Attack on \"E\""} : id;
        });
    };
    claims_csv_reconciler r{p, o};
    r.load_text(text);
    REQUIRE(r.errors().empty());
    std::ostringstream out;
    r.write_csv(out);
    CHECK(out.str() ==
          "event,event_name,category,group,about_party,low,high,best,lower,upper,status,policy,claims,used,excluded,"
          "low_claim,high_claim,best_claim,lower_claim,upper_claim,excluded_claims\n"
          "e1,\"Attack on \"\"E\"\"\",killed,all,,12,25,25,25,,consistent,\"ucdp, as of now\",4,2,2,w1,\"s,3\",\"s,3\",\"s,3\",,"
          "\"s1=superseded:s,3;s2=relayed:s,3\"\n"
          "e1;e2,\"Attack on \"\"E\"\" + e2\",killed,security_forces,Mali,,,,,,unknown,\"ucdp, as of now\",1,0,1,,,,,,"
          "a1=adversary_claim\n");
    CHECK(asked == std::vector<std::string>{"e1", "e1;e2"});
    check_agrees(text, p);  // the same fates as toll::reconcile, counted_instead included
}

namespace {

// Everything a reading gives: the results as CSV, the errors and the exclusions.
std::string everything(const std::string& text, reconcile_csv_options o, const policy& p = policy::ucdp())
{
    o.file = "claims.csv";
    claims_csv_reconciler r{p, o};
    r.load_text(text);
    std::ostringstream out;
    out << "stopped " << r.stopped() << ", " << r.claims() << " claims\n";
    for (const csv_error& e : r.errors()) out << to_string(e) << '\n';
    r.write_csv(out);
    r.for_each_excluded([&](std::string_view id, exclusion why, std::string_view instead) { out << excluded_cell(id, why, instead) << '\n'; });
    return out.str();
}

}  // namespace

TEST_CASE("reconcile_csv breaks ties by id order, however much of the ids is common, read whole or in parts")
{
    // Three claims of one figure per key, the ids out of order in the file. The first key's ids
    // share 27 bytes, the second's are short and one is the start of another: the bound names
    // the claim first in id order (as std::string compares), which the grouping must find past
    // the 16 bytes it compares as numbers.
    const std::string text = std::string{header} +
                             "incident-2024-03-17-report-9,e1,killed,all,12,HRW,ngo,,,,2024-03-18,\n"
                             "b10,e2,killed,all,7,UN,un_body,,,,2024-03-18,\n"
                             "incident-2024-03-17-report-10,e1,killed,all,12,UN,un_body,,,,2024-03-18,\n"
                             "b1,e2,killed,all,7,HRW,ngo,,,,2024-03-18,\n"
                             "incident-2024-03-17-report-1,e1,killed,all,12,residents,witness,,,,2024-03-18,\n"
                             "b,e2,killed,all,7,residents,witness,,,,2024-03-18,\n";
    check_agrees(text, policy::ucdp());
    for (const std::size_t threads : {1U, 2U, 3U}) {
        for (const std::size_t bytes : {1U, 64U, 100000U}) {
            reconcile_csv_options o;
            o.threads = threads;
            o.min_part_bytes = bytes;
            CAPTURE(threads);
            CAPTURE(bytes);
            claims_csv_reconciler r{policy::ucdp(), o};
            r.load_text(text);
            REQUIRE(r.errors().empty());
            std::vector<std::string> low_by;
            r.for_each_key([&](const csv_key_result& k) { low_by.emplace_back(r.id(k.summary.reported_low_by)); });
            CHECK(low_by == std::vector<std::string>{"incident-2024-03-17-report-1", "b"});
        }
    }
}

TEST_CASE("reconcile_csv read and written in parts side by side gives what one thread gives")
{
    const std::string malformed = std::string{header} +
                                  "b1,e1,killed,all,12,HRW,ngo,,,,2023-01-01,\n"
                                  "b2,e1,killed,all,twelvish,HRW,ngo,,,,2023-01-01,\n"
                                  "b1,e1,killed,all,14,UN,un_body,,,,2023-01-01,\n"
                                  "\r\n\n"
                                  "b13,e1,killed,all,15,UN,un_body,,,,2023-01-03,\"multi\n\nline\"\r\n"
                                  "b6,e1,killed,all,1\"2,HRW,ngo,,,,2023-01-01,\n"
                                  "b16,e2,killed,all,17,UN,un_body,,,,2023-01-03,\"a,\nb\"\"\n\"\n"
                                  "b15,e1,killed,all,16,UN,un_body,,,,,\"never closed\n,\n";
    std::mt19937_64 rng{11};
    std::vector<std::string> texts{malformed};
    for (int i = 0; i < 6; ++i) texts.push_back(random_claims_csv(rng, 20 + rng() % 200));
    for (const std::string& text : texts) {
        for (const auto mode : {csv_error_mode::collect, csv_error_mode::stop_at_first}) {
            reconcile_csv_options alone;
            alone.threads = 1;
            alone.error_mode = mode;
            const std::string want = everything(text, alone);
            // Parts of every size down to a few bytes: most guessed row starts fall inside rows or
            // quoted values, and a row may straddle any boundary.
            for (const std::size_t threads : {2U, 3U, 8U}) {
                for (const std::size_t bytes : {1U, 7U, 64U, 300U}) {
                    reconcile_csv_options parts = alone;
                    parts.threads = threads;
                    parts.min_part_bytes = bytes;
                    parts.chunk_rows = bytes / 8;  // written in pieces side by side too
                    CAPTURE(threads);
                    CAPTURE(bytes);
                    CHECK(everything(text, parts) == want);
                }
            }
        }
    }
}

namespace {

// The streaming path's errors and claim count for `text` (as claims.csv), read in parts of
// `bytes` by `threads` threads.
std::pair<std::vector<csv_error>, std::size_t> read_in_parts(const std::string& text, std::size_t threads, std::size_t bytes)
{
    reconcile_csv_options o;
    o.file = "claims.csv";
    o.threads = threads;
    o.min_part_bytes = bytes;
    claims_csv_reconciler r{policy::ucdp(), o};
    r.load_text(text);
    return {r.errors(), r.claims()};
}

}  // namespace

TEST_CASE("both readers place every error alike: the line and column where the offending field starts")
{
    // `text` first, so that a line break in it comes before every other cell of its row.
    const auto file = [](std::string_view bom, std::string_view end) {
        std::string text{bom};
        for (const std::string_view line : {
                 "text,id,event,category,group,figure,source,source_kind,party,about_party,via,reported|",
                 "\"a|b\",d1,e,killed,all,1,s,ngo,,,,|",              // 2-3: fine, its id on line 3
                 "\"c|d\",d1,e,killed,all,2,s,ngo,,,,|",              // 4-5: d1 again
                 "\"x|y\",f1,e,killed,all,twelvish,s,ngo,,,,|",       // 6-7: a bad figure
                 "\"x\ry\",b1,e,killed,all,1,s,ngo,,,,2023-02-30|",  // 8-9: a lone CR, then a bad date
                 "\"x|y\",q1,e,killed,all,1\"2,s,ngo,,,,|",           // 10-11: a quote opened mid-field
                 "\"x|y\"z,s1,e,killed,all,1,s,ngo,,,,|",             // 12-13: text after the closing quote
                 "\"x|y\",c1,e|",                                      // 14-15: too few fields
                 "ok,g2,e,killed,all,3,s,ngo,,,,2023-01-01|",          // 16: fine
                 "\"x|y\",b2,e,slain,all,1,s,ngo,,,,|",               // 17-18: an unknown category
                 "z,u1,e,killed,all,1,s,ngo,,,,\"never|closed|"}) {  // 19-21: a quote never closed
            for (const char c : line) {
                if (c == '|') text += end;
                else text += c;
            }
        }
        return text;
    };
    const std::vector<std::string> want{
        "claims.csv:5:2 (id): the id \"d1\" is already used on line 3 [duplicate_id]",
        "claims.csv:7:6 (figure) bad_figure",
        "claims.csv:9:12 (reported): \"2023-02-30\" has a day that month does not have [bad_date]",
        "claims.csv:11:6 (figure) stray_quote",
        "claims.csv:12:1 (text) stray_quote",
        "claims.csv:15:4 (category) field_count",
        "claims.csv:18:4 (category) unknown_category",
        "claims.csv:19:12 (reported) unbalanced_quote",
    };
    // Where and why, with the reason only where the line above spells it out.
    const auto placed = [&](const std::vector<csv_error>& errors) {
        std::vector<std::string> out;
        for (std::size_t i = 0; i < errors.size(); ++i) {
            const csv_error& e = errors[i];
            const bool whole = i < want.size() && want[i].ends_with(']');
            out.push_back(whole ? to_string(e)
                                : e.file + ':' + std::to_string(e.line) + ':' + std::to_string(e.column) + " (" + e.column_name +
                                      ") " + std::string{to_string(e.code)});
        }
        return out;
    };
    for (const std::string_view bom : {"", "\xEF\xBB\xBF"}) {
        for (const std::string_view end : {"\n", "\r\n"}) {
            const std::string text = file(bom, end);
            CAPTURE(bom.size());
            CAPTURE(end.size());
            csv_read_options table;
            table.file = "claims.csv";
            const claim_records records = read_claims_csv(text, table);
            CHECK(placed(records.errors) == want);
            CHECK(records.values.size() == 2);
            for (const std::size_t threads : {1U, 2U, 3U}) {
                for (const std::size_t bytes : {1U, 40U, 1U << 20}) {
                    CAPTURE(threads);
                    CAPTURE(bytes);
                    const auto [errors, claims] = read_in_parts(text, threads, bytes);
                    CHECK(errors == records.errors);  // reasons and all
                    CHECK(claims == 2);
                }
            }
        }
    }
}

namespace {

// A claims file whose row 3 opens a quote in `text` that is never closed: everything after it is
// that one value. `junk` lines (each an error if it were read as a row) and `rows` lines that
// would read as claims follow, in runs of ten of each while both last.
std::string unclosed_quote_file(std::size_t junk, std::size_t rows)
{
    std::string text = std::string{header} + "u1,e1,killed,all,12,HRW,ngo,,,,2023-01-01,fine\n" +
                       "u2,e1,killed,all,13,HRW,ngo,,,,2023-01-01,\"the report goes on\n";
    for (std::size_t i = 0; junk + rows != 0; ++i) {
        if (rows == 0 || (junk != 0 && (i / 10) % 2 == 0)) {
            text += "line " + std::to_string(i) + " of a text pasted into the cell\n";
            --junk;
        } else {
            text += "x" + std::to_string(i) + ",e" + std::to_string(i % 7) + ",killed,all,5,UN,un_body,,,,2023-01-02,\n";
            --rows;
        }
    }
    return text;
}

}  // namespace

TEST_CASE("reconcile_csv: a quote never closed is one error however the file is cut into parts")
{
    // Not a structured binding: clang 14 cannot capture one in CAPTURE's lambda.
    for (const auto& cut : {std::pair<std::size_t, std::size_t>{3000, 0}, {0, 3000}, {1500, 1500}}) {
        const std::size_t junk = cut.first;
        const std::size_t rows = cut.second;
        const std::string text = unclosed_quote_file(junk, rows);
        csv_read_options table;
        table.file = "claims.csv";
        const claim_records want = read_claims_csv(text, table);
        REQUIRE(want.errors.size() == 1);
        CHECK(to_string(want.errors[0]) ==
              "claims.csv:3:12 (text): the quote opened here is never closed before the end of the file [unbalanced_quote]");
        for (const std::size_t threads : {1U, 2U, 4U}) {
            for (const std::size_t bytes : {64U, 4096U}) {
                CAPTURE(junk);
                CAPTURE(threads);
                CAPTURE(bytes);
                const auto [errors, claims] = read_in_parts(text, threads, bytes);
                CHECK(errors == want.errors);
                CHECK(claims == 1);
            }
        }
    }
}

TEST_CASE("reconcile_csv: rows that are mostly errors give the errors of one thread, read in parts or not")
{
    // A run of bad rows (too few fields) amid good ones: parts that begin in it give up and the
    // part before reads on, error by error.
    std::string text{header};
    for (int i = 0; i < 400; ++i) {
        const bool bad = i >= 100 && i < 300 && i % 5 != 0;
        // Appended piece by piece: g++ 12 at -O3 warns (-Wrestrict, a false positive) on
        // "literal" + std::string&& here.
        if (bad) {
            text += "bad row ";
            text += std::to_string(i);
            text += '\n';
        } else {
            text += 'g';
            text += std::to_string(i);
            text += ",e";
            text += std::to_string(i % 9);
            text += ",killed,all,";
            text += std::to_string(i % 13);
            text += ",HRW,ngo,,,,,\n";
        }
    }
    reconcile_csv_options alone;
    alone.threads = 1;
    const std::string want = everything(text, alone);
    CHECK(want.starts_with("stopped 0, 240 claims\n"));
    for (const std::size_t threads : {2U, 3U, 8U}) {
        for (const std::size_t bytes : {100U, 1000U, 3000U}) {
            reconcile_csv_options parts;
            parts.threads = threads;
            parts.min_part_bytes = bytes;
            CAPTURE(threads);
            CAPTURE(bytes);
            CHECK(everything(text, parts) == want);
        }
    }
}

TEST_CASE("reconcile_csv: a part begun inside a quoted value gives up after a few errors; an unwanted one stops")
{
    const std::string text = unclosed_quote_file(1000, 0);
    const policy p = policy::ucdp();
    reconcile_csv_options o;
    detail::bulk_csv::layout l;
    l.text = text;
    l.width = detail::bulk_csv::column_count;
    for (std::size_t c = 0; c < l.column.size(); ++c) l.column[c] = c;
    l.policy = &p;
    l.options = &o;
    const std::size_t inside = text.find("line 0 ");  // a line start, but inside the quoted value
    SUBCASE("begun at a guess, it gives up at the start of a bad row, having made few errors")
    {
        detail::bulk_csv::part guessed{l, inside, text.size(), 1, true};
        guessed.read_rows(text.size());
        CHECK(guessed.gave_up());
        CHECK(guessed.errors_.size() == 15);
        CHECK(guessed.records_.size() == 0);
        CHECK(guessed.position() == text.find("line 15 "));
        CHECK(guessed.line() == 16);
    }
    SUBCASE("the first part, whose start is known, reports every row")
    {
        detail::bulk_csv::part known{l, inside, text.size(), 1, false};
        known.read_rows(text.size());
        CHECK_FALSE(known.gave_up());
        CHECK(known.errors_.size() == 1000);
    }
    SUBCASE("a part no longer wanted reads no further row")
    {
        std::atomic<bool> unwanted{true};
        detail::bulk_csv::part stopped{l, inside, text.size(), 1, true};
        stopped.stop_when(unwanted);
        stopped.read_rows(text.size());
        CHECK(stopped.position() == inside);
        CHECK(stopped.errors_.empty());
    }
}

TEST_CASE("reconcile_csv: a quoted value longer than the fast path splits is read by the reader, lines and all")
{
    std::string text = "text,id,event,category,group,figure,source,source_kind,party,about_party,via,reported\n\"";
    for (int i = 0; i < 4000; ++i) text += "a long \"\"quoted\"\" text,\n";  // 100 KB over 4,000 lines
    text += "\",l1,e,killed,all,12,s,ngo,,,,\n"                               // lines 2-4002
            "\"one\r\nmore\",l1,e,killed,all,13,s,ngo,,,,\n"                   // 4003-4004: l1 again
            "x,l2,e,killed,all,1\"4,s,ngo,,,,\n";                               // 4005: a stray quote
    csv_read_options table;
    table.file = "claims.csv";
    const claim_records want = read_claims_csv(text, table);
    REQUIRE(want.values.size() == 1);
    CHECK(want.values[0].text.size() == 4000 * 22);  // doubled quotes read as one
    REQUIRE(want.errors.size() == 2);
    CHECK(to_string(want.errors[0]) == "claims.csv:4004:2 (id): the id \"l1\" is already used on line 4002 [duplicate_id]");
    CHECK(want.errors[1].line == 4005);
    for (const std::size_t threads : {1U, 2U}) {
        for (const std::size_t bytes : {1000U, 1U << 20}) {
            CAPTURE(threads);
            CAPTURE(bytes);
            const auto [errors, claims] = read_in_parts(text, threads, bytes);
            CHECK(errors == want.errors);
            CHECK(claims == 1);
        }
    }
}

TEST_CASE("repeated ids: every repeat names the first row with its id, on one thread or several")
{
    // 300,000 ids (enough for several threads to share the work), a fifth of them repeats of an
    // earlier one, some repeated many times; the expected pairs come from a map.
    std::mt19937 rng{7};
    toll::detail::bulk_csv::string_list ids;
    std::vector<std::string> all;
    for (std::size_t i = 0; i < 300'000; ++i) {
        const bool repeat = i > 10 && rng() % 5 == 0;
        all.push_back(repeat ? all[rng() % (rng() % 8 == 0 ? 10 : i)] : "c" + std::to_string(i));
        ids.add(all.back());
    }
    std::map<std::string, std::uint32_t> first;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> expected;
    for (std::uint32_t i = 0; i < all.size(); ++i) {
        const auto [at, inserted] = first.try_emplace(all[i], i);
        if (!inserted) expected.emplace_back(i, at->second);
    }
    REQUIRE(expected.size() > 50'000);
    for (const std::size_t threads : {1U, 2U, 3U}) {
        CAPTURE(threads);
        CHECK(toll::detail::bulk_csv::repeated_ids(ids, threads) == expected);
    }
    // A small file: one bucket, so every hash bit is sorted by the passes.
    toll::detail::bulk_csv::string_list few;
    for (std::size_t i = 0; i < 1'000; ++i) few.add(all[i]);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> few_expected;
    for (const auto& pair : expected) {
        if (pair.first < 1'000) few_expected.push_back(pair);
    }
    REQUIRE(few_expected.size() > 100);
    CHECK(toll::detail::bulk_csv::repeated_ids(few, 2) == few_expected);
}

namespace {

// What part::split_row made of one row: its fields '|'-joined (one with doubled quotes marked by
// a '!' after it), and the part's state after it.
struct split_outcome {
    std::string fields;
    bool trouble = false;
    std::size_t position = 0;
    std::size_t line = 0;
    std::size_t row_end = 0;
    bool multiline = false;
    bool doubled_quotes = false;
    bool operator==(const split_outcome&) const = default;
};

// The rows as text, so that a check that fails shows them.
std::string shown(const std::vector<split_outcome>& rows)
{
    std::ostringstream out;
    for (const split_outcome& o : rows) {
        out << '{' << o.fields << (o.trouble ? " trouble" : "") << " at " << o.position << " line " << o.line << " end " << o.row_end
            << (o.multiline ? " multiline" : "") << (o.doubled_quotes ? " doubled" : "") << '}';
    }
    return out.str();
}

// The rows of `text` from `begin` (a row's start) as the part's reader splits them: blank lines
// skipped, then a row split, until the text ends or a row is trouble (the slow path's then).
// `by_fields`: with split_row_by_fields, the field-by-field splitter.
std::vector<split_outcome> split_rows(const std::string& text, std::size_t begin = 0, std::size_t longest = detail::bulk_csv::part::long_quoted_value,
                                      bool by_fields = false)
{
    static const policy p = policy::ucdp();
    static const reconcile_csv_options o;
    detail::bulk_csv::layout l;
    l.text = text;
    l.width = detail::bulk_csv::column_count;
    l.policy = &p;
    l.options = &o;
    detail::bulk_csv::part part{l, begin, text.size(), 1};
    std::vector<split_outcome> rows;
    std::vector<detail::bulk_csv::field> fields;
    while (true) {
        part.skip_blank_lines();
        if (part.position() >= text.size()) break;
        split_outcome row;
        if (by_fields) part.split_row_by_fields(fields, row.trouble, longest);
        else part.split_row(fields, row.trouble, longest);
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i != 0) row.fields += '|';
            row.fields += fields[i].text;
            if (fields[i].doubled_quotes) row.fields += '!';
        }
        row.position = part.position();
        row.line = part.line();
        row.row_end = part.row_end();
        row.multiline = part.multiline();
        row.doubled_quotes = part.doubled_quotes();
        rows.push_back(row);
        if (row.trouble) break;
    }
    return rows;
}

// One row's outcome, not trouble; `fields` as split_outcome has them.
split_outcome row(std::string fields, std::size_t position, std::size_t line, std::size_t row_end, bool multiline = false, bool doubled = false)
{
    return split_outcome{std::move(fields), false, position, line, row_end, multiline, doubled};
}

// Whether the rows of `text` end with one that is trouble, and the rows before it are `before`.
bool trouble_after(const std::string& text, const std::vector<split_outcome>& before, std::size_t longest = detail::bulk_csv::part::long_quoted_value)
{
    std::vector<split_outcome> rows = split_rows(text, 0, longest);
    if (rows.empty() || !rows.back().trouble) return false;
    rows.pop_back();
    return shown(rows) == shown(before);
}

}  // namespace

TEST_CASE("split_row: a row ending at a block's edge, CRLF across one, a lone CR")
{
    const std::string a30(30, 'a');
    const std::string b32(32, 'b');
    // The line end is byte 63, the next row starts a block.
    CHECK(shown(split_rows(a30 + ',' + b32 + "\nx,y\n")) == shown({row(a30 + '|' + b32, 64, 2, 63), row("x|y", 68, 3, 67)}));
    // The line end is byte 64, the first of a block.
    CHECK(shown(split_rows(a30 + ',' + b32 + "c\nx\n")) == shown({row(a30 + '|' + b32 + 'c', 65, 2, 64), row("x", 67, 3, 66)}));
    // A separator at byte 63 and the row's last field, empty, ended by byte 64.
    CHECK(shown(split_rows(a30 + ',' + b32 + ",\n")) == shown({row(a30 + '|' + b32 + '|', 65, 2, 64)}));
    // CR at byte 63, LF at 64: one line end.
    CHECK(shown(split_rows(a30 + ',' + b32 + "\r\nx,y\r\n")) == shown({row(a30 + '|' + b32, 65, 2, 63), row("x|y", 70, 3, 68)}));
    CHECK(shown(split_rows("a,b\r\nc,d\r\n")) == shown({row("a|b", 5, 2, 3), row("c|d", 10, 3, 8)}));
    CHECK(shown(split_rows("a\rb\n")) == shown({row("a", 2, 2, 1), row("b", 4, 3, 3)}));
    // Blank lines between rows, and a row that starts mid-block after them.
    CHECK(shown(split_rows("a\n\r\n\n\"q\",r\n")) == shown({row("a", 2, 2, 1), row("q|r", 11, 5, 10)}));
    // Rows of several blocks.
    const std::string long_row = std::string(100, 'x') + ',' + std::string(100, 'y') + ",z";
    CHECK(shown(split_rows(long_row + '\n' + long_row)) == shown({row(std::string(100, 'x') + '|' + std::string(100, 'y') + "|z", 204, 2, 203),
                      row(std::string(100, 'x') + '|' + std::string(100, 'y') + "|z", 407, 2, 407)}));
}

TEST_CASE("split_row: quotes at a block's edges")
{
    const std::string a62(62, 'a');
    // A quote opening at byte 63 and closing in the next block.
    CHECK(shown(split_rows(a62 + ",\"bc\",d\n")) == shown({row(a62 + "|bc|d", 70, 2, 69)}));
    // A quote closing at byte 63, a comma at 64.
    CHECK(shown(split_rows('"' + a62 + "\",x\n")) == shown({row(a62 + "|x", 67, 2, 66)}));
    // A doubled quote across the edge: bytes 63 and 64.
    CHECK(shown(split_rows('"' + a62 + "\"\"b\",c\n")) == shown({row(a62 + "\"\"b!|c", 70, 2, 69, false, true)}));
    // A quote closing at byte 63, the text's last byte.
    CHECK(shown(split_rows("x,\"" + std::string(60, 'a') + '"')) == shown({row("x|" + std::string(60, 'a'), 64, 1, 64)}));
    // A quote closing at byte 63 with text after it, at 64: out of place.
    CHECK(trouble_after("u\n\"" + std::string(60, 'a') + "\"z,w\n", {row("u", 2, 2, 1)}));
    // A quote at byte 64 in an unquoted field: out of place.
    CHECK(trouble_after("u\n" + a62 + "\"z,w\n", {row("u", 2, 2, 1)}));
    // The comma at byte 63 is inside the quoted value.
    CHECK(shown(split_rows("\"" + a62 + ",\",z\n")) == shown({row(a62 + ",|z", 68, 2, 67)}));
}

TEST_CASE("split_row: line breaks in quoted values are counted as count_line_breaks counts them")
{
    CHECK(shown(split_rows("\"x\ny\",\"p\r\nq\",\"r\rs\",t\nnext\n")) == shown({row("x\ny|p\r\nq|r\rs|t", 21, 5, 20, true), row("next", 26, 6, 25)}));
    // A CR at byte 63, an LF at 64, inside the value: one line.
    const std::string a62(62, 'a');
    CHECK(shown(split_rows('"' + a62 + "\r\nb\"\nc\n")) == shown({row(a62 + "\r\nb", 68, 3, 67, true), row("c", 70, 4, 69)}));
    // A lone CR just before the closing quote, and at byte 63 before text.
    CHECK(shown(split_rows("\"a\r\"\n")) == shown({row("a\r", 5, 3, 4, true)}));
    CHECK(shown(split_rows('"' + a62 + "\rb\"\n")) == shown({row(a62 + "\rb", 67, 3, 66, true)}));
    // A quoted line break in a later row only: the rows before are not multiline.
    CHECK(shown(split_rows("a\nb,\"c\nd\"\n")) == shown({row("a", 2, 2, 1), row("b|c\nd", 10, 4, 9, true)}));
    // Many in one value, over several blocks.
    std::string lines;
    for (int i = 0; i < 40; ++i) lines += i % 3 == 0 ? "line\r\n" : i % 3 == 1 ? "line\n" : "line\r";
    CHECK(shown(split_rows("x,\"" + lines + "\"\ny\n")) == shown({row("x|" + lines, lines.size() + 5, 42, lines.size() + 4, true),
                                                               row("y", lines.size() + 7, 43, lines.size() + 6)}));
}

TEST_CASE("split_row: doubled quotes mark their own field only")
{
    CHECK(shown(split_rows("\"he said \"\"hi\"\"\",b,\"\"\"\"\n")) == shown({row("he said \"\"hi\"\"!|b|\"\"!", 24, 2, 23, false, true)}));
    CHECK(shown(split_rows("\"\",x\n")) == shown({row("|x", 5, 2, 4)}));
    CHECK(shown(split_rows("\"a\"\"b\",\"c\"\n")) == shown({row("a\"\"b!|c", 11, 2, 10, false, true)}));
    // A quoted field before one with a doubled quote, in the same block: not marked.
    CHECK(shown(split_rows("\"a\",\"b\"\"c\"\n")) == shown({row("a|b\"\"c!", 11, 2, 10, false, true)}));
    // The doubled quote a block before the field's end, the next row without one.
    const std::string b70(70, 'b');
    CHECK(shown(split_rows("\"a\"\"" + b70 + "\",c\nd\n")) == shown({row("a\"\"" + b70 + "!|c", 78, 2, 77, false, true), row("d", 80, 3, 79)}));
    // A field in a later block after one with a doubled quote: not marked.
    CHECK(shown(split_rows("\"a\"\"b\"," + b70 + ",\"c\"\n")) == shown({row("a\"\"b!|" + b70 + "|c", 82, 2, 81, false, true)}));
}

TEST_CASE("split_row: a quote out of place, a quote never closed, a quoted value too long are trouble")
{
    CHECK(trouble_after("ab\"c,d\n", {}));
    CHECK(trouble_after("\"ab\"c,d\n", {}));
    CHECK(trouble_after("x,\"ab\"\"\n", {}));  // the doubled quote leaves the value open to the end
    CHECK(trouble_after(std::string(70, 'a') + "\"\n", {}));
    CHECK(trouble_after("a,b\nc\"d\n", {row("a|b", 4, 2, 3)}));
    CHECK(trouble_after("a,\"b,c\n", {}));
    CHECK(trouble_after("a\nb,\"" + std::string(200, 'x'), {row("a", 2, 2, 1)}));
    // Quoted values of up to longest - 1 bytes are the fast path's.
    CHECK(shown(split_rows("\"abcd\",x\n", 0, 5)) == shown({row("abcd|x", 9, 2, 8)}));
    CHECK(trouble_after("\"abcde\",x\n", {}, 5));
    CHECK(trouble_after("\"" + std::string(100, 'a') + "\",x\n", {}, 100));
    CHECK(shown(split_rows("\"" + std::string(100, 'a') + "\",x\n", 0, 101)) == shown({row(std::string(100, 'a') + "|x", 105, 2, 104)}));
    // A doubled quote whose second quote is the limit's byte.
    CHECK(trouble_after("\"ab\"\"c\",x\n", {}, 3));
    CHECK(shown(split_rows("\"ab\"\"c\",x\n", 0, 3, true)) == shown({split_outcome{"", true, 5, 1, 0, false, true}}));
    // Open past the limit with no end in sight: trouble without reading the rest.
    CHECK(trouble_after("\"" + std::string(5000, 'a'), {}, 100));
}

TEST_CASE("split_row: a text that ends without a line break")
{
    CHECK(shown(split_rows("a,b")) == shown({row("a|b", 3, 1, 3)}));
    CHECK(shown(split_rows("a,b,")) == shown({row("a|b|", 4, 1, 4)}));
    CHECK(shown(split_rows("a,\"b\"")) == shown({row("a|b", 5, 1, 5)}));
    CHECK(shown(split_rows("a,\"b\nc\"")) == shown({row("a|b\nc", 7, 2, 7, true)}));
    CHECK(shown(split_rows("a\n\"b\"\"\"")) == shown({row("a", 2, 2, 1), row("b\"\"!", 7, 2, 7, false, true)}));
    const std::string a64(64, 'a');
    CHECK(shown(split_rows(a64)) == shown({row(a64, 64, 1, 64)}));
    CHECK(shown(split_rows("x\r" + a64 + ',')) == shown({row("x", 2, 2, 1), row(a64 + '|', 67, 2, 67)}));
}

TEST_CASE("split_row splits every row as split_row_by_fields does, from any row start")
{
    // Random texts mostly of quotes, commas and line breaks, so that every pattern of them turns
    // up at every place in a block; each split from several starts with several limits.
    std::mt19937_64 rng{17};
    const std::string alphabet = "aaaab,,,\"\"\"\n\r";
    std::size_t rows = 0;
    std::size_t troubled = 0;
    for (int round = 0; round < 4000; ++round) {
        std::string text(1 + rng() % 260, 'a');
        for (char& c : text) c = alphabet[rng() % alphabet.size()];
        const std::size_t begin = rng() % 3 == 0 ? rng() % text.size() : 0;
        for (const std::size_t longest : {std::size_t{1}, std::size_t{3}, std::size_t{20}, std::size_t{70}, detail::bulk_csv::part::long_quoted_value}) {
            const auto want = split_rows(text, begin, longest, true);
            CAPTURE(text);
            CAPTURE(begin);
            CAPTURE(longest);
            REQUIRE(shown(split_rows(text, begin, longest)) == shown(want));
            rows += want.size();
            if (!want.empty() && want.back().trouble) ++troubled;
        }
    }
    CHECK(rows > 20'000);
    CHECK(troubled > 5'000);
    CHECK(rows - troubled > 10'000);
}

TEST_CASE("reconcile_csv's claim lines give back every line added, however the lines run and the parts join")
{
    std::mt19937 random{7};
    for (int trial = 0; trial < 50; ++trial) {
        // Two parts, as two threads read them: the second counts its lines from 1.
        std::vector<std::size_t> want;
        detail::bulk_csv::claim_lines first;
        detail::bulk_csv::claim_lines second;
        std::size_t line = 2;  // after the header
        const int first_rows = static_cast<int>(random() % 40);
        for (int i = 0; i < first_rows; ++i) {
            first.add(line);
            want.push_back(line);
            line += random() % 4 == 0 ? 1U + random() % 3 : 1U;  // a blank line or a line break in a value
        }
        const std::size_t offset = line - 1;  // the second part begins on `line`
        std::size_t own = 1 + (random() % 2);  // a blank line at its start, or not
        for (int i = 0, rows = static_cast<int>(random() % 40); i < rows; ++i) {
            second.add(own);
            want.push_back(own + offset);
            own += random() % 5 == 0 ? 2U : 1U;
        }
        first.append(second, offset);
        REQUIRE(first.size() == want.size());
        for (std::size_t c = 0; c < want.size(); ++c) CHECK(first[c] == want[c]);
    }
    // A file of one-line rows keeps one run, however many rows: that is the point of it.
    detail::bulk_csv::claim_lines plain;
    for (std::size_t l = 2; l < 100002; ++l) plain.add(l);
    detail::bulk_csv::claim_lines more;
    for (std::size_t l = 1; l < 1000; ++l) more.add(l);
    plain.append(more, 100001);
    CHECK(plain.runs() == 1);
    CHECK(plain.size() == 100999);
    CHECK(plain[100998] == 101000);
    CHECK_THROWS_AS((void)plain[100999], std::out_of_range);
}
