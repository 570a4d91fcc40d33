#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <locale>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <toll/io/claims_csv.hpp>
#include <toll/detail/utf8_check.hpp>
#include <toll/io/events_csv.hpp>
#include <toll/plot/forest_plot.hpp>
#include <toll/reconcile/reconcile.hpp>

#include "../reconcile/reconcile_support.hpp"

using namespace toll;
using toll::test::day;
using toll::test::from;
using toll::test::make;

namespace {

/// A minimal XML well-formedness check, enough for what the plot writes: one root element,
/// balanced and properly nested tags, quoted attributes, no raw '<' or stray '&' in text or
/// attribute values, only the five predefined entities, and valid UTF-8. Returns "" when the
/// document passes, else what is wrong and where.
std::string xml_problem(std::string_view doc)
{
    if (detail::utf8::first_invalid(doc) != std::string_view::npos) return "invalid UTF-8";
    std::size_t pos = 0;
    if (doc.starts_with("<?xml")) {
        pos = doc.find("?>");
        if (pos == std::string_view::npos) return "unterminated XML declaration";
        pos += 2;
    }
    auto is_name_char = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':' || c == '.';
    };
    auto check_chars = [](std::string_view text, bool in_attribute) -> std::string {
        for (std::size_t i = 0; i < text.size(); ++i) {
            const char c = text[i];
            if (c == '<') return "raw '<'";
            if (in_attribute && c == '"') return "raw '\"' in attribute";
            if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') return "control character";
            if (c == '&') {
                const std::size_t end = text.find(';', i);
                if (end == std::string_view::npos) return "unterminated entity";
                const std::string_view entity = text.substr(i, end - i + 1);
                if (entity != "&amp;" && entity != "&lt;" && entity != "&gt;" && entity != "&quot;" && entity != "&apos;") {
                    return "unknown entity " + std::string{entity};
                }
            }
        }
        return {};
    };
    std::vector<std::string> open;
    int roots = 0;
    while (pos < doc.size()) {
        const std::size_t lt = doc.find('<', pos);
        const std::string_view text = doc.substr(pos, lt == std::string_view::npos ? std::string_view::npos : lt - pos);
        if (auto problem = check_chars(text, false); !problem.empty()) return problem + " in text at " + std::to_string(pos);
        if (open.empty() && text.find_first_not_of(" \n\r\t") != std::string_view::npos) return "text outside the root";
        if (lt == std::string_view::npos) break;
        pos = lt + 1;
        if (doc.substr(pos).starts_with("!--")) {
            const std::size_t end = doc.find("-->", pos);
            if (end == std::string_view::npos) return "unterminated comment";
            pos = end + 3;
            continue;
        }
        const bool closing = pos < doc.size() && doc[pos] == '/';
        if (closing) ++pos;
        const std::size_t name_start = pos;
        while (pos < doc.size() && is_name_char(doc[pos])) ++pos;
        const std::string name{doc.substr(name_start, pos - name_start)};
        if (name.empty()) return "tag without a name at " + std::to_string(name_start);
        if (closing) {
            if (pos >= doc.size() || doc[pos] != '>') return "malformed closing tag " + name;
            if (open.empty() || open.back() != name) return "closing " + name + " does not match";
            open.pop_back();
            ++pos;
            continue;
        }
        std::vector<std::string> attributes;
        while (true) {
            while (pos < doc.size() && (doc[pos] == ' ' || doc[pos] == '\n')) ++pos;
            if (pos >= doc.size()) return "unterminated tag " + name;
            if (doc[pos] == '>' || doc.substr(pos).starts_with("/>")) break;
            const std::size_t attr_start = pos;
            while (pos < doc.size() && is_name_char(doc[pos])) ++pos;
            const std::string attr{doc.substr(attr_start, pos - attr_start)};
            if (attr.empty() || pos + 1 >= doc.size() || doc[pos] != '=' || doc[pos + 1] != '"') {
                return "malformed attribute in " + name + " at " + std::to_string(attr_start);
            }
            if (std::find(attributes.begin(), attributes.end(), attr) != attributes.end()) return "repeated attribute " + attr;
            attributes.push_back(attr);
            pos += 2;
            const std::size_t value_end = doc.find('"', pos);
            if (value_end == std::string_view::npos) return "unterminated attribute value";
            if (auto problem = check_chars(doc.substr(pos, value_end - pos), true); !problem.empty()) return problem + " in " + attr;
            pos = value_end + 1;
        }
        if (open.empty()) ++roots;
        if (doc[pos] == '>') {
            open.push_back(name);
            ++pos;
        } else {
            pos += 2;
        }
    }
    if (!open.empty()) return "unclosed " + open.back();
    if (roots != 1) return std::to_string(roots) + " root elements";
    return {};
}

std::size_t occurrences(std::string_view text, std::string_view what)
{
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string_view::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

/// The markup of the row of claim `id` (its <g> group), or "" when there is none.
std::string_view row_of(std::string_view svg, std::string_view id)
{
    const std::string marker = "data-claim=\"" + std::string{id} + "\"";
    const std::size_t at = svg.find(marker);
    if (at == std::string_view::npos) return {};
    const std::size_t start = svg.rfind("<g ", at);
    const std::size_t end = svg.find("</g>", at);
    return svg.substr(start, end - start);
}

const claim_key e1_killed{{"e1"}, category::killed, group::everyone()};

std::string plot(const std::vector<claim>& claims, const policy& p, const claim_key& key = e1_killed,
                 const forest_plot_options& options = {})
{
    const std::string svg = forest_plot_svg(claims, reconcile(claims, key, p), p, options);
    INFO(svg);
    CHECK(xml_problem(svg) == "");
    return svg;
}

struct mali {
    std::vector<claim> claims = load_claims_csv(TOLL_TEST_DATA_DIR "/../../examples/data/mali-claims.csv").values;
    std::vector<event> events = load_events_csv(TOLL_TEST_DATA_DIR "/../../examples/data/mali-events.csv").values;
};

}  // namespace

TEST_CASE("the checker itself rejects what is not well-formed")
{
    CHECK(xml_problem("<svg><g></g></svg>") == "");
    CHECK(xml_problem("<svg a=\"1\" b=\"x &amp; y\"/>") == "");
    CHECK(xml_problem("<svg><g></svg>") != "");
    CHECK(xml_problem("<svg>a < b</svg>") != "");
    CHECK(xml_problem("<svg>AT&T</svg>") != "");
    CHECK(xml_problem("<svg a=\"1\" a=\"2\"/>") != "");
    CHECK(xml_problem("<svg/><svg/>") != "");
    CHECK(xml_problem("<svg>\xC3</svg>") != "");
}

TEST_CASE("Moura, civilians killed: one row per claim, the relay and the superseded report greyed with their reason")
{
    const mali data;
    REQUIRE(data.claims.size() > 40);
    const claim_key key{{"moura-2022"}, category::killed, group::civilians()};
    forest_plot_options options;
    options.events = data.events;
    const std::string svg = plot(data.claims, policy::ucdp(), key, options);
    CHECK(occurrences(svg, "class=\"claim ") == 3);  // claims about other keys are not rows
    CHECK(occurrences(svg, "class=\"claim counted\"") == 1);
    CHECK(occurrences(svg, "class=\"claim excluded\"") == 2);
    CHECK(row_of(svg, "mo-hrw-report").find("counted: lower bound, best") != std::string_view::npos);
    CHECK(row_of(svg, "mo-infobox-hrw").find("superseded by later report (over 300, 2022-04-05)") != std::string_view::npos);
    CHECK(row_of(svg, "mo-lead-hrw").find("repeats counted report") != std::string_view::npos);
    // Title: event name, category, group, policy.
    CHECK(svg.find("Moura massacre: killed, civilians (ucdp policy)") != std::string::npos);
    CHECK(svg.find("Human Rights Watch via Wikipedia") != std::string::npos);
    // The band and the best figure.
    CHECK(svg.find("<g class=\"band\">\n<rect") != std::string::npos);
    CHECK(svg.find("[301, \u221e), best 301") != std::string::npos);
}

TEST_CASE("Moura and Farabougou, every key and policy: well-formed and deterministic")
{
    const mali data;
    forest_plot_options options;
    options.events = data.events;
    const std::vector<claim_key> keys{{{"moura-2022"}, category::killed, group::everyone()},
                                      {{"moura-2022"}, category::killed, group::civilians()},
                                      {{"farabougou-2023"}, category::killed, group::everyone()},
                                      {{"kani-bonzon-2023"}, category::killed, group::everyone()},
                                      {{"balle-2025", "kamona-2025"}, category::killed, group::civilians()}};
    for (const auto& key : keys) {
        for (const policy& p : {policy::acled(), policy::ucdp(), policy::strict()}) {
            for (const plot_scale scale : {plot_scale::linear, plot_scale::log}) {
                options.scale = scale;
                const std::string svg = plot(data.claims, p, key, options);
                std::vector<claim> reversed(data.claims.rbegin(), data.claims.rend());
                CHECK(forest_plot_svg(reversed, reconcile(reversed, key, p), p, options) == svg);
            }
        }
    }
    // Several events are named together.
    const std::string both = plot(data.claims, policy::ucdp(), keys.back(), options);
    CHECK(both.find("Balle killings + Kamona killings: killed, civilians (ucdp policy)") != std::string::npos);
}

TEST_CASE("Farabougou, killed: the residents via RFI, an open-ended figure drawn as an arrow")
{
    const mali data;
    const claim_key key{{"farabougou-2023"}, category::killed, group::everyone()};
    const std::string svg = plot(data.claims, policy::ucdp(), key);
    CHECK(occurrences(svg, "class=\"claim ") == 2);
    CHECK(svg.find(">residents via RFI<") != std::string::npos);
    // Without events to name it by, the title shows the event id.
    CHECK(svg.find("farabougou-2023: killed, all (ucdp policy)") != std::string::npos);
    const std::string_view over_sixty = row_of(svg, "fa-other-residents");
    CHECK(over_sixty.find("<polygon") != std::string_view::npos);  // the arrow head
    CHECK(over_sixty.find("<circle") == std::string_view::npos);
    const std::string_view fifty = row_of(svg, "fa-rfi-killed");
    CHECK(fifty.find("<circle") != std::string_view::npos);  // a dot for an exact figure
    CHECK(fifty.find("<polygon") == std::string_view::npos);
}

TEST_CASE("a range is a bar with two end ticks; a vague word is drawn as the policy reads it")
{
    const std::vector<claim> claims{make("a").says(figure::range(30, 62)).per(from("x", source_kind::ngo)),
                                    make("b").says(figure::vague(vague_word::dozens)).per(from("y", source_kind::ngo))};
    const std::string svg = plot(claims, policy::ucdp());
    CHECK(occurrences(row_of(svg, "a"), "<line") == 3);
    CHECK(row_of(svg, "a").find("<polygon") == std::string_view::npos);
    // Under ucdp "dozens" is 24–99, a bar; under acled it is "12 or more", an arrow.
    CHECK(row_of(svg, "b").find("<polygon") == std::string_view::npos);
    const std::string acled = plot(claims, policy::acled());
    CHECK(row_of(acled, "b").find("<polygon") != std::string_view::npos);
}

TEST_CASE("excluded claims are greyed with their reason beside them")
{
    const std::vector<claim> claims{
        make("army").says(figure::exact(30)).per(from("JNIM", source_kind::armed_group, "JNIM")).counting(category::killed, group::security_forces("Mali")),
        make("own").says(figure::exact(12)).per(from("FAMa", source_kind::government, "Mali")).counting(category::killed, group::security_forces("Mali")),
        make("wiki").says(figure::at_least(20)).per(from("Wikipedia", source_kind::other)).counting(category::killed, group::security_forces("Mali"))};
    const claim_key key{{"e1"}, category::killed, group::security_forces("Mali")};
    const std::string svg = plot(claims, policy::ucdp(), key);
    CHECK(occurrences(svg, "class=\"claim excluded\"") == 2);
    const std::string_view army = row_of(svg, "army");
    CHECK(army.find("class=\"claim excluded\"") != std::string_view::npos);
    CHECK(army.find("a party&apos;s claim about its adversary&apos;s losses") != std::string_view::npos);
    CHECK(army.find(detail::forest::grey_mark) != std::string_view::npos);
    CHECK(army.find(detail::forest::counted_ink) == std::string_view::npos);
    CHECK(row_of(svg, "wiki").find("source kind not admitted: other") != std::string_view::npos);
    CHECK(row_of(svg, "own").find(detail::forest::counted_ink) != std::string_view::npos);
    CHECK(svg.find("Not counted under ucdp") != std::string::npos);

    // As of a date: later and undated reports are greyed with that reason.
    const std::vector<claim> dated{make("early").says(figure::exact(5)).on(day(2023, 1, 1)),
                                   make("late").says(figure::exact(9)).on(day(2023, 2, 1)), make("undated").says(figure::exact(7))};
    const policy p = policy::ucdp();
    const std::string as_of = forest_plot_svg(dated, reconcile(dated, e1_killed, p, day(2023, 1, 15)), p);
    CHECK(xml_problem(as_of) == "");
    CHECK(row_of(as_of, "late").find("reported after the as-of date") != std::string_view::npos);
    CHECK(row_of(as_of, "undated").find("undated") != std::string_view::npos);
    CHECK(row_of(as_of, "early").find("class=\"claim counted\"") != std::string_view::npos);
}

TEST_CASE("a conflict: the reported range in the conflict colour, the clashing claims marked")
{
    const std::vector<claim> claims{make("a").says(figure::exact(50)).per(from("residents", source_kind::witness)),
                                    make("b").says(figure::zero()).per(from("army", source_kind::government, "Mali"))};
    const std::string svg = plot(claims, policy::ucdp());
    CHECK(svg.find("status: conflicting") != std::string::npos);
    CHECK(svg.find(detail::forest::conflict_fill) != std::string::npos);
    CHECK(row_of(svg, "a").find("clashes") != std::string_view::npos);
    CHECK(svg.find("conflicting: lower bound 50 above cap 0") != std::string::npos);
    // Strict has no best when claims conflict: no diamond, no best in the legend.
    const std::string strict = plot(claims, policy::strict());
    CHECK(strict.find("best (") == std::string::npos);
}

TEST_CASE("text is escaped for XML and made valid UTF-8")
{
    claim c = make("id<&>\"'").says(figure::exact(3)).per(from("AT&T <news> \"quoted\" 'single'", source_kind::media));
    c.source.via.push_back(from("bad \xC3\x28 bytes\x01 and\nnew line \xEF\xBF\xBE", source_kind::media));
    c.text = "a </text> ]]> <!-- & sentence";
    const claim_key key{{"ev & <co>"}, category::killed, group::named("dozo \"hunters\"")};
    c.events = {"ev & <co>"};
    c.group = key.group;
    const std::vector<event> events{{"ev & <co>", "Attack on <Village> & \"Town\"", {}, {}}};
    forest_plot_options options;
    options.events = events;
    const std::string svg = plot({c}, policy::ucdp(), key, options);
    CHECK(svg.find("AT&amp;T &lt;news&gt; &quot;quoted&quot; &apos;single&apos;") != std::string::npos);
    CHECK(svg.find("Attack on &lt;Village&gt; &amp; &quot;Town&quot;: killed, dozo &quot;hunters&quot; (ucdp policy)") != std::string::npos);
    CHECK(svg.find("data-claim=\"id&lt;&amp;&gt;&quot;&apos;\"") != std::string::npos);
    CHECK(svg.find("\xEF\xBF\xBD") != std::string::npos);  // the bad bytes and U+FFFE replaced
}

TEST_CASE("only unknowns: rows without marks, no band, no best")
{
    const std::vector<claim> claims{make("a").says(figure::unknown()), make("b").says(figure::unknown()).per(from("y", source_kind::ngo))};
    const std::string svg = plot(claims, policy::ucdp());
    CHECK(occurrences(svg, "class=\"claim counted\"") == 2);
    CHECK(occurrences(svg, "unknown: no figure") == 2);
    CHECK(svg.find("status: unknown") != std::string::npos);
    CHECK(svg.find("<g class=\"band\">\n</g>") != std::string::npos);
    CHECK(svg.find("no figure to reconcile") != std::string::npos);
    CHECK(row_of(svg, "a").find("<line") == std::string_view::npos);
}

TEST_CASE("a single claim, and an explicit zero")
{
    const std::string one = plot({make("a").says(figure::at_least(20)).per(from("survivors", source_kind::witness))}, policy::ucdp());
    CHECK(occurrences(one, "class=\"claim ") == 1);
    CHECK(one.find("1 claim, 1 counted") != std::string::npos);
    CHECK(one.find("[20, \u221e), best 20") != std::string::npos);

    const std::string zero = plot({make("z").says(figure::zero()).per(from("army", source_kind::government))}, policy::ucdp());
    CHECK(zero.find("status: zero") != std::string::npos);
    CHECK(row_of(zero, "z").find("<circle") != std::string_view::npos);
    CHECK(zero.find(">[0, 0], best 0<") != std::string::npos);
}

TEST_CASE("counts near max_count: no overflow, compact tick labels, coordinates stay on the page")
{
    const std::vector<claim> claims{make("a").says(figure::at_least(max_count)).per(from("x", source_kind::ngo)),
                                    make("b").says(figure::exact(max_count - 1)).per(from("y", source_kind::ngo)),
                                    make("c").says(figure::range(0, max_count)).per(from("z", source_kind::ngo)),
                                    make("d").says(figure::approximately(max_count)).per(from("w", source_kind::ngo))};
    for (const plot_scale scale : {plot_scale::linear, plot_scale::log}) {
        forest_plot_options options;
        options.scale = scale;
        const std::string svg = plot(claims, policy::ucdp(), e1_killed, options);
        CHECK(svg.find("T<") != std::string::npos);  // "1T", "1.2T"...
        CHECK(svg.find("nan") == std::string::npos);
        CHECK(svg.find("inf") == std::string::npos);
        for (const char* coordinate : {" x=\"-", " x1=\"-", " x2=\"-", " y=\"-", " cx=\"-", " width=\"-", "points=\"-"}) {
            CHECK(svg.find(coordinate) == std::string::npos);  // no negative coordinate
        }
        CHECK(svg.find(std::to_string(max_count) + "+") != std::string::npos);
    }
}

TEST_CASE("empty input, and a default result, give a plot that says so")
{
    const std::vector<claim> none;
    const std::string svg = plot(none, policy::ucdp());
    CHECK(occurrences(svg, "class=\"claim ") == 0);
    CHECK(svg.find("0 claims, 0 counted") != std::string::npos);
    CHECK(svg.find("no claims under this key") != std::string::npos);
    const std::string blank = forest_plot_svg(none, reconciliation{}, policy::strict());
    CHECK(xml_problem(blank) == "");
    CHECK(blank.find("(no event): killed, all (strict policy)") != std::string::npos);
}

TEST_CASE("the policy must be the result's; write_forest_plot writes forest_plot_svg")
{
    const std::vector<claim> claims{make("a").says(figure::exact(4))};
    const auto r = reconcile(claims, e1_killed, policy::acled());
    CHECK_THROWS_AS((void)forest_plot_svg(claims, r, policy::ucdp()), std::invalid_argument);
    std::ostringstream out;
    write_forest_plot(out, claims, r, policy::acled());
    CHECK(out.str() == forest_plot_svg(claims, r, policy::acled()));
}

TEST_CASE("numbers do not depend on the locale")
{
    struct grouping : std::numpunct<char> {
        char do_decimal_point() const override { return ','; }
        char do_thousands_sep() const override { return '.'; }
        std::string do_grouping() const override { return "\3"; }
    };
    const std::vector<claim> claims{make("a").says(figure::range(1200, 4500)).per(from("x", source_kind::ngo))};
    const auto r = reconcile(claims, e1_killed, policy::ucdp());
    const std::string plain = forest_plot_svg(claims, r, policy::ucdp());
    const std::locale previous = std::locale::global(std::locale(std::locale::classic(), new grouping));
    std::ostringstream out;
    write_forest_plot(out, claims, r, policy::ucdp());
    std::locale::global(previous);
    CHECK(out.str() == plain);
    CHECK(plain.find("1200\u20134500") != std::string::npos);
}

TEST_CASE("axis: 1-2-5 steps from 0, logarithmic decades, labels that never overlap")
{
    using detail::forest::make_axis;
    const auto linear = make_axis(plot_scale::linear, 62, false);
    CHECK(linear.top == 70);
    CHECK(linear.ticks == std::vector<count_type>{0, 10, 20, 30, 40, 50, 60, 70});
    CHECK(make_axis(plot_scale::linear, 500, false).ticks.size() == 6);
    CHECK(make_axis(plot_scale::linear, 0, false).top == 5);
    CHECK(make_axis(plot_scale::linear, 301, true).top == 400);  // room for the arrows
    const auto log = make_axis(plot_scale::log, 500, false);
    CHECK(log.top == 1000);
    CHECK(log.ticks == std::vector<count_type>{0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000});
    CHECK(log.at(0) == 0.0);
    CHECK(log.at(1000) == doctest::Approx(1.0));
    const auto wide = make_axis(plot_scale::log, max_count, true);
    CHECK(wide.ticks.back() == wide.top);
    // Thirteen decades: every second power of ten, no 2s and 5s.
    CHECK(wide.ticks == std::vector<count_type>{0, 1, 100, 10'000, 1'000'000, 100'000'000, 10'000'000'000,
                                                1'000'000'000'000, 100'000'000'000'000});
    CHECK(make_axis(plot_scale::log, 50'000, false).ticks.size() == 7);  // 0, 1, 10, ..., 100k

    CHECK(detail::forest::count_label(2500, true) == "2.5k");
    CHECK(detail::forest::count_label(200'000'000'000, true) == "200B");
    CHECK(detail::forest::count_label(max_count, true) == "1T");
    CHECK(detail::forest::count_label(1'250'000, true) == "1.25M");
    CHECK(detail::forest::count_label(2500, false) == "2500");
    CHECK(detail::forest::num(12.5) == "12.5");
    CHECK(detail::forest::num(-4.25) == "-4.25");
    CHECK(detail::forest::num(300.0) == "300");
    CHECK(detail::forest::num(0.004) == "0");
}

TEST_CASE("long labels are cut with an ellipsis at a character boundary")
{
    const std::string long_name(400, 'w');
    const std::string cut = detail::forest::fit(long_name + "\xC3\xA9\xC3\xA9", 100, 12);
    CHECK(cut.ends_with("\xE2\x80\xA6"));
    CHECK(detail::forest::text_width(cut, 12) <= 100);
    const std::string accents = detail::forest::fit("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 30, 12);
    CHECK(detail::utf8::first_invalid(accents) == std::string_view::npos);
    CHECK(detail::forest::fit("short", 100, 12) == "short");
}

TEST_CASE("a result built by hand, missing parts its status implies, still plots; a long policy name is cut in the columns")
{
    const std::vector<claim> claims{make("a").says(figure::exact(4))};
    reconciliation odd;
    odd.key = e1_killed;
    odd.policy = std::string(300, 'p');
    odd.status = status::consistent;  // but no lower bound, no reported range
    policy p = policy::ucdp();
    p.name = odd.policy;
    const std::string svg = forest_plot_svg(claims, odd, p);
    CHECK(xml_problem(svg) == "");
    CHECK(svg.find("not in this reconciliation") != std::string::npos);
    CHECK(svg.find("Fate under ppp") != std::string::npos);
    CHECK(svg.find("\xE2\x80\xA6</text>") != std::string::npos);
    odd.status = status::conflicting;
    CHECK(xml_problem(forest_plot_svg(claims, odd, p)) == "");
}

TEST_CASE("random claims, sources and bytes: always well-formed, never throws")
{
    std::mt19937_64 random{20240611};
    auto below = [&](std::uint64_t n) { return std::uniform_int_distribution<std::uint64_t>{0, n - 1}(random); };
    auto count = [&] {
        std::uint64_t scale = 1;
        for (std::uint64_t digits = below(13); digits > 0; --digits) scale *= 10;
        return std::min<count_type>(below(scale) + below(3), max_count);
    };
    auto text = [&] {
        std::string t;
        for (std::uint64_t i = below(24); i > 0; --i) t += static_cast<char>(below(256));
        return t;
    };
    auto any_figure = [&]() -> figure {
        const count_type a = count(), b = count();
        switch (below(10)) {
        case 0: return figure::exact(a);
        case 1: return figure::range(std::min(a, b), std::max(a, b));
        case 2: return figure::at_least(a);
        case 3: return figure::more_than(std::min(a, max_count - 1));
        case 4: return figure::at_most(a);
        case 5: return figure::fewer_than(std::max<count_type>(a, 1));
        case 6: return figure::approximately(a);
        case 7: return figure::vague(static_cast<vague_word>(below(10)));
        case 8: return figure::zero();
        default: return figure::unknown();
        }
    };
    const std::vector<policy> policies{policy::acled(), policy::ucdp(), policy::strict()};
    for (int round = 0; round < 200; ++round) {
        std::vector<claim> claims;
        for (std::uint64_t i = below(12); i > 0; --i) {
            claim c = make(below(4) == 0 ? text() : "c" + std::to_string(below(20)), below(5) == 0 ? "e2" : "e1")
                          .says(any_figure())
                          .per(from(below(2) == 0 ? text() : "origin" + std::to_string(below(3)), static_cast<source_kind>(below(10)),
                                    below(4) == 0 ? "JNIM" : ""));
            if (below(2) == 0) c.source.via.push_back(from(text(), source_kind::media));
            if (below(2) == 0) c.reported = day(2023, 1, static_cast<int>(1 + below(28)));
            if (below(4) == 0) c.group = group::security_forces("Mali");
            c.text = text();
            claims.push_back(std::move(c));
        }
        const policy& p = policies[below(3)];
        forest_plot_options options;
        options.scale = below(2) == 0 ? plot_scale::linear : plot_scale::log;
        const std::optional<boost::gregorian::date> as_of = below(3) == 0 ? std::optional{day(2023, 1, 15)} : std::nullopt;
        const std::string svg = forest_plot_svg(claims, reconcile(claims, e1_killed, p, as_of), p, options);
        INFO("round " << round);
        REQUIRE(xml_problem(svg) == "");
        for (const char* coordinate : {" x=\"-", " x1=\"-", " x2=\"-", " y=\"-", " cx=\"-", " width=\"-", "points=\"-"}) {
            CHECK(svg.find(coordinate) == std::string::npos);
        }
    }
}
