// parse_field and parse_sentence: the seeds' infobox cells and sentences, markup noise, and the
// corpus of real strings in tests/data/real-figures.tsv checked against a careful coder's reading.

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <toll/field_parser.hpp>

using toll::category;
using toll::claim;
using toll::figure;
using toll::group_kind;

namespace {

/// "killed/civilians/300/300/exact/Human Rights Watch": the corpus's way of writing a claim.
std::string figure_code(const figure& f)
{
    const auto q = std::string{toll::to_string(f.qualifier())};
    if (f.word()) return "word:" + std::string{toll::to_string(*f.word())} + "/-/" + q;
    if (f.is_unknown()) return "?/?/" + q;
    const auto high = f.high();
    return std::to_string(f.low()) + "/" + (high ? std::to_string(*high) : std::string{"inf"}) + "/" + q;
}

std::string group_code(const toll::group& g)
{
    if (!g.label.empty()) return "named:" + g.label;
    return std::string{toll::to_string(g.kind)};
}

std::string claim_code(const claim& c)
{
    const std::string& source = c.source.origin.name;
    return std::string{toll::to_string(c.category)} + "/" + group_code(c.group) + "/" + figure_code(c.figure) + "/" +
           (source.empty() ? std::string{"-"} : source);
}

std::vector<std::string> codes(const std::vector<claim>& claims)
{
    std::vector<std::string> out;
    for (const auto& c : claims) out.push_back(claim_code(c));
    return out;
}

std::vector<std::string> cell(std::string_view text, const toll::field_options& options = {})
{
    const auto result = toll::parse_field(text, options);
    for (const auto& d : result.diagnostics()) MESSAGE(std::string{text}, ": ", toll::to_string(d));
    return codes(result.value());
}

std::vector<std::string> sentence(std::string_view text)
{
    return codes(toll::parse_sentence(text).value());
}

using list = std::vector<std::string>;

}  // namespace

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
    static String convert(const std::vector<std::string>& items)
    {
        std::string text = "{";
        for (const auto& item : items) text += (text.size() > 1 ? ", \"" : "\"") + item + "\"";
        return String{(text + "}").c_str()};
    }
};
}  // namespace doctest

TEST_CASE("seed infobox cells")
{
    toll::field_options killed;
    killed.category = category::killed;
    toll::field_options injured;
    injured.category = category::injured;

    // Kani Bonzon: Fatalities 20+, Injuries 4+
    CHECK(cell("20+", killed) == list{"killed/all/20/inf/at_least/-"});
    CHECK(cell("4+", injured) == list{"injured/all/4/inf/at_least/-"});
    // Farabougou
    CHECK(cell("30–62 killed, 15 injured, 2–3 kidnapped") ==
          list{"killed/all/30/62/range/-", "injured/all/15/15/exact/-", "kidnapped/all/2/3/range/-"});
    CHECK(cell("Unknown") == list{"casualties/all/?/?/unknown/-"});
    CHECK(cell("Unknown number of civilians killed and kidnapped") ==
          list{"killed/civilians/?/?/unknown/-", "kidnapped/civilians/?/?/unknown/-"});
    // Moura
    CHECK(cell("300 civilians killed (per Human Rights Watch), 500 killed (UN)") ==
          list{"killed/civilians/300/300/exact/Human Rights Watch", "killed/all/500/500/exact/UN"});
    CHECK(cell(": 2+") == list{"casualties/all/2/inf/at_least/-"});
    CHECK(cell("203 killed, 51 captured") == list{"killed/all/203/203/exact/-", "captured/all/51/51/exact/-"});
}

TEST_CASE("attributions in cells")
{
    CHECK(cell("Per Mali: 203 killed, 51 captured") ==
          list{"killed/all/203/203/exact/Mali", "captured/all/51/51/exact/Mali"});
    CHECK(cell("20 killed (Malian Army claim)") == list{"killed/all/20/20/exact/Malian Army"});
    CHECK(cell("12 dead according to MNLA") == list{"killed/all/12/12/exact/MNLA"});
    CHECK(cell("40 Killed 50 Wounded 70 prisoners (According to MNLA)") ==
          list{"killed/all/40/40/exact/MNLA", "injured/all/50/50/exact/MNLA", "captured/all/70/70/exact/MNLA"});

    const auto result = toll::parse_field("20 killed (Malian Army claim)");
    REQUIRE(result.value().size() == 1);
    const auto& origin = result.value().front().source.origin;
    CHECK(origin.kind == toll::source_kind::government);
    CHECK(origin.party == "Mali");
    CHECK(toll::parse_field("5 killed (per Human Rights Watch)").value().front().source.origin.kind ==
          toll::source_kind::ngo);
    CHECK(toll::parse_field("5 killed (UN)").value().front().source.origin.kind == toll::source_kind::un_body);
    CHECK(toll::parse_field("5 killed (per JNIM)").value().front().source.origin.party == "JNIM");
}

TEST_CASE("groups")
{
    CHECK(cell("13 Malian nationals and 21 foreigners", {}) ==
          list{"casualties/named:Malian nationals/13/13/exact/-", "casualties/named:foreigners/21/21/exact/-"});
    const auto nationals = toll::parse_field("13 Malian nationals").value().front().group;
    CHECK(nationals.kind == group_kind::civilians);
    CHECK(nationals.label == "Malian nationals");
    CHECK(toll::parse_field("4 soldiers killed").value().front().group.kind == group_kind::security_forces);
    CHECK(toll::parse_field("20 militants killed").value().front().group.kind == group_kind::armed_group);
    const auto dozos = toll::parse_field("20 dozos killed").value().front().group;
    CHECK(dozos.kind == group_kind::named);
    CHECK(dozos.label == "dozos");
    CHECK(toll::parse_field("5 Malian soldiers killed").value().front().group.party == "Mali");
}

TEST_CASE("markup noise: footnotes, refs, line breaks, flags and files")
{
    CHECK(cell("30 killed[3]") == list{"killed/all/30/30/exact/-"});
    CHECK(cell("30 killed[citation needed]") == list{"killed/all/30/30/exact/-"});
    CHECK(cell("30 killed<ref name=\"hrw\">HRW, 2022</ref><br>15 wounded<ref>x</ref>") ==
          list{"killed/all/30/30/exact/-", "injured/all/15/15/exact/-"});
    CHECK(cell("30 killed<br />15 wounded") == list{"killed/all/30/30/exact/-", "injured/all/15/15/exact/-"});
    CHECK(cell("30 killed\n15 wounded") == list{"killed/all/30/30/exact/-", "injured/all/15/15/exact/-"});
    CHECK(cell("{{flagicon|Mali}} 20 killed") == list{"killed/all/20/20/exact/-"});
    CHECK(cell("File:Flag of Mali.svg 20px 20 killed") == list{"killed/all/20/20/exact/-"});
    // A proper name before a cell's figure names whose losses these are.
    CHECK(cell("[[Malian Armed Forces|Malian Army]]: 20 killed") == list{"killed/named:Malian Army/20/20/exact/-"});
    CHECK(cell("1,095–1,700[1][2]") == list{"casualties/all/1095/1700/range/-"});
}

TEST_CASE("spans point at the figure's text")
{
    const std::string text = "300 civilians killed (per Human Rights Watch), 500 killed (UN)";
    const auto result = toll::parse_field(text);
    REQUIRE(result.value().size() == 2);
    CHECK(result.value()[0].excerpt() == "300");
    CHECK(result.value()[1].excerpt() == "500");
    CHECK(result.value()[1].span->offset == text.find("500"));
    CHECK(result.value()[1].text == text);

    const auto words = toll::parse_sentence("Survivors stated at least twenty people were killed.");
    REQUIRE(words.value().size() == 1);
    CHECK(words.value()[0].excerpt() == "at least twenty");
}

TEST_CASE("seed sentences")
{
    CHECK(sentence("On February 23, 2023, unknown jihadists attacked the village of Kani Bonzon in Bankass Cercle, "
                   "Mopti Region, Mali, killing at least twenty people.") == list{"killed/all/20/inf/at_least/-"});
    CHECK(sentence("A nearby hospital reported twelve bodies and four injured in their clinic, which was "
                   "corroborated by Malian officials.") ==
          list{"killed/all/12/12/exact/A nearby hospital", "injured/all/4/4/exact/A nearby hospital"});
    CHECK(sentence("Survivors stated at least twenty people, including women, children, and the elderly, were "
                   "killed in the massacre.") == list{"killed/all/20/inf/at_least/Survivors"});
    CHECK(sentence("The attackers also kidnapped three civilians and fled with them.") ==
          list{"kidnapped/civilians/3/3/exact/-"});
    CHECK(sentence("At least 1,600 people were displaced from Kani Bonzon and forced to settle in surrounding "
                   "villages.") == list{"displaced/all/1600/inf/at_least/-"});
    CHECK(sentence("930 students were also halted from continuing schooling due to the massacre.").empty());
    CHECK(sentence("The Malian military did not report any casualties following the attack.").empty());
    CHECK(sentence("RFI, citing residents, stated fifty people were killed.") == list{"killed/all/50/50/exact/residents"});
    CHECK(sentence("Twenty soldiers and twenty dozos were killed, and fifteen others were injured.") ==
          list{"killed/security_forces/20/20/exact/-", "killed/named:dozos/20/20/exact/-",
               "injured/all/15/15/exact/-"});
    CHECK(sentence("Other residents put the death toll at over sixty people killed including soldiers and "
                   "civilians.") == list{"killed/all/61/inf/more_than/Other residents"});
    CHECK(sentence("JNIM claimed responsibility for the attack, and they claimed to have killed thirty soldiers and "
                   "captured three hostages.") ==
          list{"killed/security_forces/30/30/exact/JNIM", "captured/all/3/3/exact/JNIM"});
    CHECK(sentence("JNIM claimed 21 soldiers were killed and 15 vehicles were seized during the attacks.") ==
          list{"killed/security_forces/21/21/exact/JNIM"});
    CHECK(sentence("Development Diaries reports that Mali’s military and allied militias killed at least 31 "
                   "civilians and burnt homes in two villages in October in the country’s embattled Segou region, "
                   "according to a report by Human Rights Watch (HRW).") ==
          list{"killed/civilians/31/inf/at_least/Human Rights Watch"});
    CHECK(sentence("On February 7, 2025, an alleged Islamist armed group attacked a civilian convoy in northeastern "
                   "Mali, killing 34 civilians and injuring the same number, as reported by Human Rights Watch.") ==
          list{"killed/civilians/34/34/exact/Human Rights Watch", "injured/civilians/34/34/exact/Human Rights Watch"});
    CHECK(sentence("Among the deceased were 13 Malian nationals and 21 foreigners.") ==
          list{"killed/named:Malian nationals/13/13/exact/-", "killed/named:foreigners/21/21/exact/-"});
    CHECK(sentence("Over 300 civilians are alleged to have been killed according to US-based Human Rights Watch.") ==
          list{"killed/civilians/301/inf/more_than/Human Rights Watch"});
    CHECK(sentence("On 1 April, the Malian government announced it had finished a nine-day military operation "
                   "centred around Moura region and that over 203 terrorists had been killed.") ==
          list{"killed/armed_group/204/inf/more_than/Malian government"});
    CHECK(sentence("The attack killed dozens of Malian soldiers and was the first major raid in the town by JNIM "
                   "since the Siege of Farabougou in 2020.") == list{"killed/security_forces/word:dozens/-/vague/-"});
    // Dates, times and counts of things are not claims.
    CHECK(sentence("Between 2 and 3pm on December 12, Katiba Macina fighters raided the town of Farabougou.").empty());
    CHECK(sentence("The convoy consisted of 19 vehicles, protected by Malian armed forces and allied militias.").empty());
    CHECK(sentence("The Moura massacre was carried out between 27 and 31 March 2022.").empty());
}

TEST_CASE("relay chains: the origin is the first link")
{
    const auto result = toll::parse_sentence("RFI, citing residents, stated fifty people were killed.");
    REQUIRE(result.value().size() == 1);
    const auto& chain = result.value().front().source;
    CHECK(chain.origin.name == "residents");
    CHECK(chain.origin.kind == toll::source_kind::witness);
    REQUIRE(chain.via.size() == 1);
    CHECK(chain.via.front().name == "RFI");
    CHECK(chain.via.front().kind == toll::source_kind::media);

    const auto relayed = toll::parse_sentence(
        "Development Diaries reports that soldiers killed at least 31 civilians, according to Human Rights Watch.");
    REQUIRE(relayed.value().size() == 1);
    CHECK(relayed.value().front().source.origin.name == "Human Rights Watch");
    REQUIRE(relayed.value().front().source.via.size() == 1);
    CHECK(relayed.value().front().source.via.front().name == "Development Diaries");
}

TEST_CASE("explicit zeros are claims; silence is not")
{
    CHECK(cell("no casualties") == list{"casualties/all/0/0/zero/-"});
    CHECK(cell("None", toll::field_options{category::killed, {}, {}, toll::vague_table::literal()}) ==
          list{"killed/all/0/0/zero/-"});
    CHECK(sentence("The army reported no casualties.") == list{"casualties/all/0/0/zero/army"});
    CHECK(sentence("The army did not say whether it lost soldiers.").empty());
}

TEST_CASE("diagnostics for what a cell holds beyond claims; never a throw")
{
    const auto result = toll::parse_field("Heavy losses");
    CHECK(result.value().empty());
    REQUIRE(result.diagnostics().size() == 1);
    CHECK(result.diagnostics().front().code == toll::parse_errc::not_understood);
    CHECK(result.diagnostics().front().excerpt == "Heavy losses");

    const auto partial = toll::parse_field("20 killed, heavy material losses");
    CHECK(partial.value().size() >= 1);
    CHECK_FALSE(partial.diagnostics().empty());

    const auto huge = toll::parse_field("99999999999999999999 killed, 3 injured");
    CHECK(codes(huge.value()) == list{"injured/all/3/3/exact/-"});
    REQUIRE_FALSE(huge.diagnostics().empty());
    CHECK(huge.diagnostics().front().code == toll::parse_errc::number_too_large);

    const auto invalid = toll::parse_field("20 killed \xff\xfe");
    CHECK(codes(invalid.value()) == list{"killed/all/20/20/exact/-"});
    REQUIRE_FALSE(invalid.diagnostics().empty());
    CHECK(invalid.diagnostics().front().code == toll::parse_errc::invalid_utf8);
    CHECK(invalid.diagnostics().front().offset == 10);

    CHECK(toll::parse_field("").diagnostics().front().code == toll::parse_errc::empty);
    // Found by the fuzzer: attributions in a sentence without a figure before them.
    CHECK(toll::parse_sentence("Per JPer J[si\na 59").has_value());
    CHECK(toll::parse_field("Per JPer J[si\na 59").has_value());
    CHECK_THROWS_AS((void)toll::parse_field_or_throw("Heavy losses"), toll::parse_error);
    CHECK(toll::parse_field_or_throw("20 killed").size() == 1);
}

// ---- the corpus ------------------------------------------------------------------------------

namespace {

std::string trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return std::string{s};
}

std::string lowered(std::string s)
{
    for (char& c : s) c = toll::detail::lower(c);
    return s;
}

std::vector<std::string> split(std::string_view s, std::string_view separator)
{
    std::vector<std::string> parts;
    std::size_t at = 0;
    for (;;) {
        const std::size_t next = s.find(separator, at);
        parts.push_back(std::string{s.substr(at, next == std::string_view::npos ? std::string_view::npos : next - at)});
        if (next == std::string_view::npos) return parts;
        at = next + separator.size();
    }
}

/// One expected claim, normalised: fields trimmed, the source lower-cased, "-" fields ignored.
struct expected_claim {
    std::string category, group, figure, source;
};

expected_claim parse_expected(const std::string& code)
{
    // category/group/low/high/qualifier/source; the source may itself hold slashes.
    std::vector<std::string> fields;
    std::size_t at = 0;
    for (int i = 0; i < 5; ++i) {
        const std::size_t slash = code.find('/', at);
        if (slash == std::string::npos) break;
        fields.push_back(trim(code.substr(at, slash - at)));
        at = slash + 1;
    }
    fields.push_back(trim(code.substr(at)));
    while (fields.size() < 6) fields.emplace_back("-");
    return {fields[0], fields[1], fields[2] + "/" + fields[3] + "/" + fields[4], lowered(fields[5])};
}

bool matches(const expected_claim& e, const claim& c)
{
    const std::string got_figure = figure_code(c.figure);
    if (got_figure != e.figure) return false;
    if (e.category != "-" && e.category != toll::to_string(c.category)) return false;
    if (e.group != "-" && lowered(e.group) != lowered(group_code(c.group))) return false;
    if (e.source != "-" && e.source != lowered(trim(c.source.origin.name))) return false;
    if (e.source == "-" && e.category != "-" && !c.source.origin.name.empty()) return false;
    return true;
}

/// The category a cell's infobox column gives its bare figures, as a user would pass it.
category column_category(const std::string& origin)
{
    if (origin.find("Fatalities") != std::string::npos || origin.find("Deaths") != std::string::npos)
        return category::killed;
    if (origin.find("Injur") != std::string::npos || origin.find("Wounded") != std::string::npos)
        return category::injured;
    if (origin.find("Strength") != std::string::npos) return category::other;
    return category::casualties;
}

struct tally {
    int lines = 0;
    int passed = 0;
};

}  // namespace

TEST_CASE("corpus: real strings from public reports")
{
    const std::string path = std::string{TOLL_TEST_DATA_DIR} + "/real-figures.tsv";
    std::ifstream in{path};
    REQUIRE_MESSAGE(in.good(), "cannot open ", path);
    const bool verbose = std::getenv("TOLL_CORPUS_VERBOSE") != nullptr;

    tally figures, cells, sentences;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line.front() == '#' || line.rfind("kind\t", 0) == 0) continue;
        const auto columns = split(line, "\t");
        REQUIRE_MESSAGE(columns.size() >= 3, "malformed corpus line: ", line);
        const std::string& kind = columns[0];
        const std::string& text = columns[1];
        const std::string expected_text = trim(columns[2]);
        const std::string origin = columns.size() > 3 ? columns[3] : std::string{};

        std::vector<expected_claim> expected;
        if (expected_text != "-") {
            for (const auto& code : split(expected_text, " | ")) expected.push_back(parse_expected(trim(code)));
        }

        toll::field_options options;
        if (kind == "cell") options.category = column_category(origin);
        const auto result = kind == "sentence" ? toll::parse_sentence(text, options) : toll::parse_field(text, options);

        // Every line, whatever it holds, ends in claims or diagnostics, and the spans lie in the text.
        for (const claim& c : result.value()) {
            REQUIRE(c.span.has_value());
            CHECK(c.span->offset + c.span->length <= text.size());
        }

        // Order-free comparison: each expected claim matches one claim read, and nothing is left over.
        std::vector<bool> used(result.value().size(), false);
        bool ok = true;
        for (const auto& e : expected) {
            bool found = false;
            for (std::size_t i = 0; i < used.size() && !found; ++i) {
                if (!used[i] && matches(e, result.value()[i])) used[i] = found = true;
            }
            ok = ok && found;
        }
        ok = ok && std::all_of(used.begin(), used.end(), [](bool u) { return u; });

        tally& t = kind == "figure" ? figures : kind == "cell" ? cells : sentences;
        ++t.lines;
        if (ok) ++t.passed;
        if (!ok && verbose) {
            std::string got;
            for (const auto& c : result.value()) got += (got.empty() ? "" : " | ") + claim_code(c);
            MESSAGE(kind, ": ", text, "\n   expected: ", expected_text, "\n   got:      ", (got.empty() ? "-" : got));
        }
    }
    MESSAGE("corpus: figures ", figures.passed, "/", figures.lines, ", cells ", cells.passed, "/", cells.lines,
            ", sentences ", sentences.passed, "/", sentences.lines,
            " (set TOLL_CORPUS_VERBOSE=1 to list the lines read differently)");
    CHECK(figures.lines + cells.lines + sentences.lines >= 150);
    // Floors, not goals: they keep the parser from sliding back. Raise them as it learns more.
    CHECK(figures.passed * 100 >= figures.lines * 95);
    CHECK(cells.passed * 100 >= cells.lines * 75);
    CHECK(sentences.passed * 100 >= sentences.lines * 40);
}
