// Every casualty figure in the five seed reports (../shared/seeds/), written down with toll's
// value types. Each row keeps the sentence or cell it came from; the tests check that the text
// is really in the report, that the figure stands in it as written, and what each claim says.

#include <toll/toll.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

using boost::gregorian::date;
using namespace toll;

namespace {

const source wikipedia{"Wikipedia", source_kind::other, {}};
const source hrw{"Human Rights Watch", source_kind::ngo, {}};
const source mirage{"Mirage News", source_kind::media, {}};
const source malian_government{"Malian government", source_kind::government, "Mali"};
const source jnim{"JNIM", source_kind::armed_group, "JNIM"};

// The seed file each event is told in.
const std::map<std::string, std::string> seed_file_of_event{
    {"kani-bonzon-2023", "000_91b100876ad4d30f.txt"}, {"farabougou-2023", "001_3bfe96e35fa144f0.txt"},
    {"farabougou-2025", "001_3bfe96e35fa144f0.txt"},  {"kamona-2025", "002_71dcc6652cf93bd5.txt"},
    {"balle-2025", "002_71dcc6652cf93bd5.txt"},        {"moura-2022", "003_8d9f5f77c3e70cde.txt"},
    {"hrw-mali-executions-2021-2022", "003_8d9f5f77c3e70cde.txt"}, {"gao-ansongo-2025", "004_71f022e90f13fdab.txt"},
};

const std::vector<event> seed_events{
    {"kani-bonzon-2023", "Kani Bonzon massacre", {"Kani Bonzon", "Bankass", "Mopti", "Mali"}, period::day(date{2023, 2, 23})},
    {"farabougou-2023", "2023 Farabougou attack", {"Farabougou", "Niono", "Ségou", "Mali"}, period::day(date{2023, 12, 12})},
    {"farabougou-2025", "2025 Farabougou attack", {"Farabougou", "Niono", "Ségou", "Mali"}, period::day(date{2025, 8, 19})},
    {"kamona-2025", "Kamona killings", {"Kamona", "", "Ségou", "Mali"}, period::month(2025, 10)},
    {"balle-2025", "Balle killings", {"Balle", "", "Ségou", "Mali"}, period::month(2025, 10)},
    {"moura-2022", "Moura massacre", {"Moura", "Djenné", "Mopti", "Mali"}, period::span(date{2022, 3, 27}, date{2022, 3, 31})},
    {"hrw-mali-executions-2021-2022", "Summary executions documented by HRW", {"", "", "", "Mali"},
     period::span(date{2021, 12, 1}, date{2022, 3, 31})},
    {"gao-ansongo-2025", "Gao–Ansongo convoy attack", {"Kobe", "Ansongo", "Gao", "Mali"}, period::day(date{2025, 2, 7})},
};

// One row per claim: the claim, and the figure's words as they stand in its text.
struct seed_claim {
    claim value;
    std::string phrase;
};

seed_claim make(std::string id, std::vector<std::string> events, category what, group who, figure count,
                source_chain by, date reported, std::string text, std::string phrase)
{
    claim c{std::move(id), std::move(events), what, std::move(who), count, std::move(by), reported, std::move(text), {}};
    if (const auto at = c.text.find(phrase); at != std::string::npos) c.span = text_span{at, phrase.size()};
    return {std::move(c), std::move(phrase)};
}

source_chain from(const source& origin, std::vector<source> via = {}) { return {origin, std::move(via)}; }

const date undated{};  // the report gives no date for the statement

group mali_side() { return {group_kind::all, {}, "Mali"}; }

const std::vector<seed_claim>& seed_claims()
{
    static const std::vector<seed_claim> claims = [] {
        std::vector<seed_claim> rows;
        const std::string kb = "kani-bonzon-2023";
        const source hospital{"nearby hospital", source_kind::medical, {}};
        const source officials{"Malian officials", source_kind::government, "Mali"};
        const source survivors{"survivors", source_kind::witness, {}};
        const std::string hospital_text =
            "A nearby hospital reported twelve bodies and four injured in their clinic, which was corroborated by Malian officials.";
        rows.push_back(make("kb-infobox-killed", {kb}, category::killed, group::everyone(), figure::at_least(20), from(wikipedia),
                            undated, "- Fatalities: 20+", "20+"));
        rows.push_back(make("kb-infobox-injured", {kb}, category::injured, group::everyone(), figure::at_least(4), from(wikipedia),
                            undated, "- Injuries: 4+", "4+"));
        rows.push_back(make("kb-lead-killed", {kb}, category::killed, group::everyone(), figure::at_least(20), from(wikipedia),
                            date{2023, 2, 23},
                            "On February 23, 2023, unknown jihadists attacked the village of Kani Bonzon in Bankass Cercle, Mopti "
                            "Region, Mali, killing at least twenty people.",
                            "at least twenty"));
        rows.push_back(make("kb-hospital-killed", {kb}, category::killed, group::everyone(), figure::exact(12), from(hospital),
                            undated, hospital_text, "twelve"));
        rows.push_back(make("kb-hospital-injured", {kb}, category::injured, group::everyone(), figure::exact(4), from(hospital),
                            undated, hospital_text, "four"));
        rows.push_back(make("kb-officials-killed", {kb}, category::killed, group::everyone(), figure::exact(12), from(officials),
                            undated, hospital_text, "twelve"));
        rows.push_back(make("kb-survivors-killed", {kb}, category::killed, group::everyone(), figure::at_least(20), from(survivors),
                            undated,
                            "Survivors stated at least twenty people, including women, children, and the elderly, were killed in "
                            "the massacre.",
                            "at least twenty"));
        rows.push_back(make("kb-kidnapped", {kb}, category::kidnapped, group::civilians(), figure::exact(3), from(wikipedia),
                            undated, "The attackers also kidnapped three civilians and fled with them.", "three"));
        rows.push_back(make("kb-displaced", {kb}, category::displaced, group::everyone(), figure::at_least(1600), from(wikipedia),
                            undated,
                            "At least 1,600 people were displaced from Kani Bonzon and forced to settle in surrounding villages.",
                            "At least 1,600"));
        rows.push_back(make("kb-schooling", {kb}, category::other, group::civilians("students"), figure::exact(930),
                            from(wikipedia), undated,
                            "930 students were also halted from continuing schooling due to the massacre.", "930"));

        const std::string fa = "farabougou-2023";
        const source residents{"residents", source_kind::witness, {}};
        const source other_residents{"other residents", source_kind::witness, {}};
        const source rfi{"RFI", source_kind::media, {}};
        const std::string parts_text =
            "Twenty soldiers and twenty dozos were killed, and fifteen others were injured.";
        const std::string jnim_text =
            "JNIM claimed responsibility for the attack, and they claimed to have killed thirty soldiers and captured three "
            "hostages.";
        rows.push_back(make("fa-infobox-killed", {fa}, category::killed, mali_side(), figure::range(30, 62), from(wikipedia),
                            undated, "- Casualties1: 30–62 killed, 15 injured, 2–3 kidnapped", "30–62"));
        rows.push_back(make("fa-infobox-injured", {fa}, category::injured, mali_side(), figure::exact(15), from(wikipedia),
                            undated, "- Casualties1: 30–62 killed, 15 injured, 2–3 kidnapped", "15"));
        rows.push_back(make("fa-infobox-kidnapped", {fa}, category::kidnapped, mali_side(), figure::range(2, 3), from(wikipedia),
                            undated, "- Casualties1: 30–62 killed, 15 injured, 2–3 kidnapped", "2–3"));
        rows.push_back(make("fa-infobox-jnim", {fa}, category::casualties, group::armed_group("JNIM", "Katiba Macina"),
                            figure::unknown(), from(wikipedia), undated, "- Casualties2: Unknown", "Unknown"));
        rows.push_back(make("fa-infobox-civilians-killed", {fa}, category::killed, group::civilians(), figure::unknown(),
                            from(wikipedia), undated, "- Casualties3: Unknown number of civilians killed and kidnapped",
                            "Unknown number"));
        rows.push_back(make("fa-infobox-civilians-kidnapped", {fa}, category::kidnapped, group::civilians(), figure::unknown(),
                            from(wikipedia), undated, "- Casualties3: Unknown number of civilians killed and kidnapped",
                            "Unknown number"));
        rows.push_back(make("fa-lead-soldiers", {fa}, category::killed, group::security_forces("Mali"),
                            figure::vague(vague_word::dozens), from(wikipedia), undated,
                            "The attack killed dozens of Malian soldiers and was the first major raid in the town by JNIM since "
                            "the Siege of Farabougou in 2020.",
                            "dozens"));
        // "The Malian military did not report any casualties": silence, so deliberately no claim.
        rows.push_back(make("fa-rfi-killed", {fa}, category::killed, group::everyone(), figure::exact(50), from(residents, {rfi}),
                            undated, "RFI, citing residents, stated fifty people were killed.", "fifty"));
        rows.push_back(make("fa-rfi-soldiers", {fa}, category::killed, group::security_forces("Mali"), figure::exact(20),
                            from(residents, {rfi}), undated, parts_text, "Twenty"));
        rows.push_back(make("fa-rfi-dozos", {fa}, category::killed, group::named("dozo hunters", "Mali"), figure::exact(20),
                            from(residents, {rfi}), undated, parts_text, "twenty"));
        rows.push_back(make("fa-rfi-injured", {fa}, category::injured, group::everyone(), figure::exact(15),
                            from(residents, {rfi}), undated, parts_text, "fifteen"));
        rows.push_back(make("fa-other-residents", {fa}, category::killed, group::everyone(), figure::more_than(60),
                            from(other_residents), undated,
                            "Other residents put the death toll at over sixty people killed including soldiers and civilians.",
                            "over sixty"));
        rows.push_back(make("fa-jnim-soldiers", {fa}, category::killed, group::security_forces("Mali"), figure::exact(30),
                            from(jnim), undated, jnim_text, "thirty"));
        rows.push_back(make("fa-jnim-hostages", {fa}, category::kidnapped, mali_side(), figure::exact(3), from(jnim), undated,
                            jnim_text, "three"));
        rows.push_back(make("fa2025-jnim-soldiers", {"farabougou-2025"}, category::killed, group::security_forces("Mali"),
                            figure::exact(21), from(jnim), undated,
                            "JNIM claimed 21 soldiers were killed and 15 vehicles were seized during the attacks.", "21"));
        // "15 vehicles were seized" counts no people: no claim.

        rows.push_back(make("kamona-balle-hrw", {"balle-2025", "kamona-2025"}, category::killed, group::civilians(),
                            figure::at_least(31), from(hrw, {{"Development Diaries", source_kind::media, {}}}), undated,
                            "Development Diaries reports that Mali’s military and allied militias killed at least 31 civilians "
                            "and burnt homes in two villages in October in the country’s embattled Segou region, according to a "
                            "report by Human Rights Watch (HRW).",
                            "at least 31"));

        const std::string mo = "moura-2022";
        const source un{"UN", source_kind::un_body, {}};
        const std::string infobox3 = "- Casualties3: 300 civilians killed (per Human Rights Watch), 500 killed (UN)";
        const std::string opening =
            "Military helicopters landed near the town's market, the soldiers stepped out and approached a group of around 30 "
            "jihadists, who fired at them, killing at least two white soldiers (most likely from the Wagner Group) and an "
            "unknown number of government ones.";
        rows.push_back(make("mo-infobox-hrw", {mo}, category::killed, group::civilians(), figure::exact(300),
                            from(hrw, {wikipedia}), undated, infobox3, "300"));
        // The UN figure came with OHCHR's report, published on 12 May 2023 according to the article.
        rows.push_back(make("mo-infobox-un", {mo}, category::killed, group::everyone(), figure::exact(500), from(un, {wikipedia}),
                            date{2023, 5, 12}, infobox3, "500"));
        rows.push_back(make("mo-infobox-wagner", {mo}, category::killed, group::security_forces("Mali", "Wagner Group"),
                            figure::at_least(2), from(wikipedia), undated, "- Casualties1: : 2+", "2+"));
        rows.push_back(make("mo-infobox-jnim-killed", {mo}, category::killed, group::armed_group("JNIM"), figure::exact(203),
                            from(malian_government, {wikipedia}), undated, "- Casualties2: 203 killed, 51 captured", "203"));
        rows.push_back(make("mo-infobox-jnim-captured", {mo}, category::captured, group::armed_group("JNIM"), figure::exact(51),
                            from(malian_government, {wikipedia}), undated, "- Casualties2: 203 killed, 51 captured", "51"));
        rows.push_back(make("mo-lead-hrw", {mo}, category::killed, group::civilians(), figure::more_than(300), from(hrw, {wikipedia}),
                            undated,
                            "Over 300 civilians are alleged to have been killed according to US-based Human Rights Watch.",
                            "Over 300"));
        rows.push_back(make("mo-hrw-executions", {"hrw-mali-executions-2021-2022"}, category::killed, group::civilians(),
                            figure::at_least(71), from(hrw, {wikipedia}), undated,
                            "Human Rights Watch documented at least 71 individual cases of civilians summarily executed by "
                            "security forces from December 2021 to March 2022.",
                            "at least 71"));
        rows.push_back(make("mo-wagner-killed", {mo}, category::killed, group::security_forces("Mali", "Wagner Group"),
                            figure::at_least(2), from(wikipedia), date{2022, 3, 27}, opening, "at least two"));
        rows.push_back(make("mo-government-killed", {mo}, category::killed, group::security_forces("Mali"), figure::unknown(),
                            from(wikipedia), date{2022, 3, 27}, opening, "an unknown number"));
        rows.push_back(make("mo-fired-back", {mo}, category::killed, group::everyone(), figure::vague(vague_word::several),
                            from(wikipedia), date{2022, 3, 27}, "Malian forces fired back, killing several people.", "several"));
        rows.push_back(make("mo-detained", {mo}, category::captured, group::civilians("men"),
                            figure::vague(vague_word::hundreds), from(wikipedia), undated,
                            "Security forces detained and interrogated hundreds of civilian men, often confiscating their "
                            "belongings, including their telephones.",
                            "hundreds"));
        rows.push_back(make("mo-government-terrorists", {mo}, category::killed, group::armed_group("JNIM"), figure::more_than(203),
                            from(malian_government, {wikipedia}), date{2022, 4, 1},
                            "On 1 April, the Malian government announced it had finished a nine-day military operation centred "
                            "around Moura region and that over 203 terrorists had been killed.",
                            "over 203"));
        rows.push_back(make("mo-hrw-report", {mo}, category::killed, group::civilians(), figure::more_than(300), from(hrw, {wikipedia}),
                            date{2022, 4, 5},
                            "On 5 April, Human Rights Watch issued a major report detailing the siege, which stated that over 300 "
                            "civilians had been killed by Malian forces in what it termed the \"worst single atrocity\" in the "
                            "history of the Mali War.",
                            "over 300"));
        rows.push_back(make("mo-gsim-captured", {mo}, category::captured, group::security_forces("Mali", "Wagner Group"),
                            figure::exact(1), from(jnim, {wikipedia}), undated,
                            "In late April Jama'at Nasr al-Islam wal Muslimin, or GSIM, said it had captured a Wagner Group "
                            "fighter.",
                            "a Wagner Group fighter"));

        const std::string ga = "gao-ansongo-2025";
        const std::string hrw_text =
            "On February 7, 2025, an alleged Islamist armed group attacked a civilian convoy in northeastern Mali, killing 34 "
            "civilians and injuring the same number, as reported by Human Rights Watch.";
        const std::string deceased = "Among the deceased were 13 Malian nationals and 21 foreigners, with many injured individuals "
                                     "hailing from Niger.";
        rows.push_back(make("ga-summary", {ga}, category::casualties, group::civilians(), figure::exact(34), from(hrw, {mirage}),
                            date{2025, 2, 7},
                            "An Islamist group attacked a civilian convoy in Mali on February 7, 2025, resulting in 34 civilian "
                            "deaths and injuries.",
                            "34"));
        rows.push_back(make("ga-killed", {ga}, category::killed, group::civilians(), figure::exact(34), from(hrw, {mirage}),
                            undated, hrw_text, "34"));
        rows.push_back(make("ga-injured", {ga}, category::injured, group::civilians(), figure::exact(34), from(hrw, {mirage}),
                            undated, hrw_text, "the same number"));
        rows.push_back(make("ga-malians", {ga}, category::killed, group::civilians("Malian nationals"), figure::exact(13),
                            from(hrw, {mirage}), undated, deceased, "13"));
        rows.push_back(make("ga-foreigners", {ga}, category::killed, group::civilians("foreigners"), figure::exact(21),
                            from(hrw, {mirage}), undated, deceased, "21"));
        rows.push_back(make("ga-injured-nigeriens", {ga}, category::injured, group::civilians("from Niger"),
                            figure::vague(vague_word::many), from(hrw, {mirage}), undated, deceased, "many"));
        // "a much lower death toll" from the army gives no figure: no claim.
        return rows;
    }();
    return claims;
}

const claim& find(const std::string& id)
{
    const auto& rows = seed_claims();
    const auto it = std::find_if(rows.begin(), rows.end(), [&](const seed_claim& row) { return row.value.id == id; });
    REQUIRE(it != rows.end());
    return it->value;
}

std::string read_file(const std::filesystem::path& path)
{
    std::ifstream in{path, std::ios::binary};
    return {std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
}

}  // namespace

TEST_CASE("every seed claim is well formed and its figure stands in its text")
{
    std::map<std::string, int> ids;
    for (const auto& row : seed_claims()) {
        const claim& c = row.value;  // not a structured binding: clang 14 cannot capture one in a lambda
        CAPTURE(c.id);
        CHECK(++ids[c.id] == 1);
        REQUIRE_FALSE(c.events.empty());
        for (const auto& id : c.events) {
            CHECK(std::any_of(seed_events.begin(), seed_events.end(), [&](const event& e) { return e.id == id; }));
        }
        REQUIRE(c.span.has_value());
        CHECK(c.excerpt() == row.phrase);
        CHECK_FALSE(c.source.origin.name.empty());
    }
    CHECK(seed_claims().size() == 46);
}

TEST_CASE("every seed claim's text is quoted verbatim from its report")
{
    const std::filesystem::path seeds{TOLL_SEEDS_DIR};
    if (!std::filesystem::is_directory(seeds)) {
        MESSAGE("seed reports not found at " << seeds << "; quoting not checked");
        return;
    }
    for (const auto& row : seed_claims()) {
        const claim& c = row.value;
        CAPTURE(c.id);
        const auto report = read_file(seeds / seed_file_of_event.at(c.events.front()));
        REQUIRE_FALSE(report.empty());
        CHECK(report.find(c.text) != std::string::npos);
    }
}

TEST_CASE("the seed claims say what the reports say")
{
    CHECK(to_string(find("fa-infobox-killed").figure) == "30\u201362");
    CHECK(to_string(find("kb-infobox-killed").figure) == "20+");
    CHECK(to_string(find("fa-other-residents").figure) == "over 60");
    CHECK(find("fa-other-residents").figure.low() == 61);
    CHECK(to_string(find("mo-lead-hrw").figure) == "over 300");
    CHECK(find("fa-lead-soldiers").figure.word() == vague_word::dozens);
    CHECK(find("fa-infobox-jnim").figure.is_unknown());
    CHECK(find("fa-infobox-civilians-killed").figure.is_unknown());
    CHECK(find("ga-injured").figure == find("ga-killed").figure);  // "injuring the same number"

    // The hospital's twelve bodies are certainly fewer than the survivors' "at least twenty".
    CHECK(certainly_less(find("kb-hospital-killed").figure, find("kb-survivors-killed").figure));
    // HRW and the UN overlap nowhere, and count different groups.
    CHECK_FALSE(overlaps(find("mo-infobox-hrw").figure, find("mo-infobox-un").figure));
    CHECK(find("mo-infobox-hrw").group != find("mo-infobox-un").group);
}

TEST_CASE("relays keep their origin")
{
    const auto& rfi = find("fa-rfi-killed");
    CHECK(rfi.source.origin.name == "residents");
    CHECK(rfi.source.outlet().name == "RFI");
    CHECK(find("fa-rfi-soldiers").source.origin == rfi.source.origin);
    CHECK(find("fa-other-residents").source.origin != rfi.source.origin);
    CHECK(find("kamona-balle-hrw").source.origin == hrw);
    CHECK(find("kamona-balle-hrw").source.outlet().name == "Development Diaries");
}

TEST_CASE("parties' claims about adversaries are recognisable; admissions and civilian counts are not")
{
    std::vector<std::string> adversary;
    for (const auto& row : seed_claims()) {
        if (is_about_adversary(row.value)) adversary.push_back(row.value.id);
    }
    std::sort(adversary.begin(), adversary.end());
    std::string listed;
    for (const auto& id : adversary) listed += id + " ";
    CHECK(listed == "fa-jnim-hostages fa-jnim-soldiers fa2025-jnim-soldiers mo-government-terrorists mo-gsim-captured "
                    "mo-infobox-jnim-captured mo-infobox-jnim-killed ");
    CHECK_FALSE(is_about_adversary(find("kb-officials-killed")));  // the government about civilians
}

TEST_CASE("parts and several-event claims are expressible")
{
    // Twenty soldiers and twenty dozos are parts of everyone killed at Farabougou.
    const auto& soldiers = find("fa-rfi-soldiers");
    const auto& dozos = find("fa-rfi-dozos");
    const auto& all = find("fa-rfi-killed");
    CHECK(is_part_of(soldiers.group, all.group));
    CHECK(is_part_of(dozos.group, all.group));
    CHECK_FALSE(certainly_less(all.figure.bounds(), soldiers.figure.bounds() + dozos.figure.bounds()));  // 40 fits under 50
    // 13 Malian nationals and 21 foreigners make the 34 civilians killed.
    const auto& killed = find("ga-killed");
    const auto& malians = find("ga-malians");
    const auto& foreigners = find("ga-foreigners");
    CHECK(is_part_of(malians.group, killed.group));
    CHECK(is_part_of(foreigners.group, killed.group));
    CHECK(malians.figure.bounds() + foreigners.figure.bounds() == killed.figure.bounds());
    // One claim about two events.
    CHECK(find("kamona-balle-hrw").events.size() == 2);
    // Events span a day, several days, a month.
    const auto moura = std::find_if(seed_events.begin(), seed_events.end(), [](const event& e) { return e.id == "moura-2022"; });
    CHECK(moura->period.precision() == precision::span);
    CHECK(moura->period.contains(find("mo-wagner-killed").reported));
    CHECK(to_string(seed_events[3].period) == "2025-10");
}
