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

#include <toll/parse/field_parser.hpp>

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
    // A group word right before a labelled one modifies it: the pair names the group, of the
    // modifier's kind when that is a force, and the party still comes from the words before.
    CHECK(sentence("Some 40 unarmed Iraqi military trainees were executed.") ==
          list{"killed/named:military trainees/40/40/approximately/-"});
    const auto officials = toll::parse_sentence("Two security officials were killed in the blast.").value().front().group;
    CHECK(officials.kind == group_kind::security_forces);
    CHECK(officials.label == "security officials");
    CHECK(toll::parse_sentence("Six Iraqi police cadets were wounded.").value().front().group.party == "Iraq");
    // A group of several words: "service members" are forces, whose party the adjective before names.
    CHECK(sentence("Three US service members were wounded in the attack.") == list{"injured/security_forces/3/3/exact/-"});
    CHECK(toll::parse_sentence("Three US service members were wounded.").value().front().group.party == "United States");
}

TEST_CASE("groups: the party of a force from its adjective of nationality")
{
    const auto party_of = [](std::string_view text, toll::language lang = toll::language::en) {
        toll::field_options options;
        options.language = lang;
        const auto read = toll::parse_sentence(text, options);
        REQUIRE(read.value().size() == 1);
        CHECK(read.value().front().group.kind == group_kind::security_forces);
        return read.value().front().group.party;
    };
    CHECK(party_of("Three Chadian soldiers died in the ambush.") == "Chad");
    CHECK(party_of("Two U.S. soldiers were wounded near the base.") == "United States");
    CHECK(party_of("Four US soldiers were killed.") == "United States");
    CHECK(party_of("At least 20 South Sudanese soldiers were killed.") == "South Sudan");
    // "United States" names the party, and its capitalised "States" is no verb that ends the
    // figure's words before its category.
    CHECK(party_of("Nine members of the United States military were killed.") == "United States");
    CHECK(party_of("Several United States soldiers were wounded on Friday.") == "United States");
    // "us" the pronoun names no one: only "US" in capitals is the United States.
    CHECK(party_of("The villagers told us that 7 soldiers were killed.").empty());
    CHECK(party_of("we told us 7 soldiers were killed").empty());
    // The subject of a verb of loss says whose forces were lost, unless their own words say.
    CHECK(party_of("Russian forces lost 1,090 troops in a week.") == "Russia");
    CHECK(party_of("The U.S. military has lost 3 soldiers.") == "United States");
    CHECK(party_of("Kenyan troops lost 4 Somali soldiers fighting beside them.") == "Somalia");
    // French: the adjective after the noun.
    CHECK(party_of("Treize soldats français ont été tués.", toll::language::fr) == "France");
    CHECK(party_of("Deux militaires tchadiennes ont été blessées.", toll::language::fr) == "Chad");
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
    // A headline's label names where: the headline reads on into a phrase of place or event.
    CHECK(cell("Mali: 3,300+ killed (2012–17)") == list{"killed/named:Mali/3300/inf/at_least/-"});
    CHECK(cell("Niger: 20 killed in an ambush near Tillaberi") == list{"killed/all/20/20/exact/-"});
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

// ---- issue 12: what a new user tried ------------------------------------------------------------

TEST_CASE("issue 12: an adjective 'unknown' before the people named is no figure")
{
    CHECK(sentence("Unknown gunmen killed 2 people and wounded 5 others in Baga.") ==
          list{"killed/all/2/2/exact/-", "injured/all/5/5/exact/-"});
    // The figure "unknown" still reads where it is one.
    CHECK(cell("Unknown number of civilians killed and kidnapped") ==
          list{"killed/civilians/?/?/unknown/-", "kidnapped/civilians/?/?/unknown/-"});
}

TEST_CASE("issue 12: a figure put by one source beside another's")
{
    CHECK(sentence("Military authorities put the figure at 150, while Amnesty International said as many as 2,000 "
                   "people may have been killed.") ==
          list{"killed/all/150/150/exact/Military authorities", "killed/all/0/2000/at_most/Amnesty International"});
    // "put those injured at 45": the people the putting verb names say what the figure counts.
    CHECK(sentence("Rescuers said 12 people died, while the Red Crescent put those injured at 31.") ==
          list{"killed/all/12/12/exact/Rescuers", "injured/all/31/31/exact/Red Crescent"});
    CHECK(sentence("The governor put the dead at about 70.") == list{"killed/all/70/70/approximately/governor"});
    // A second people after "and" take the putting verb of the first.
    CHECK(sentence("The clinic put the dead at 30 and the wounded at 52.") ==
          list{"killed/all/30/30/exact/clinic", "injured/all/52/52/exact/clinic"});
}

TEST_CASE("issue 12: sources after the clause relay through the outlet they told")
{
    const auto result = toll::parse_sentence("About 85 soldiers died, military sources told AFP.");
    REQUIRE(result.value().size() == 1);
    const claim& c = result.value().front();
    CHECK(claim_code(c) == "killed/security_forces/85/85/approximately/military sources");
    REQUIRE(c.source.via.size() == 1);
    CHECK(c.source.via.front().name == "AFP");
    CHECK(c.source.via.front().kind == toll::source_kind::media);
    // "told reporters" names no outlet.
    CHECK(toll::parse_sentence("About 85 soldiers died, officials told reporters.").value().front().source.via.empty());
}

TEST_CASE("issue 12: a subject that closes the sentence said what an outlet's 'that' reports")
{
    const auto result = toll::parse_sentence("The Daily Star reports that gunmen killed 14 herders, villagers said.");
    REQUIRE(result.value().size() == 1);
    const claim& c = result.value().front();
    CHECK(claim_code(c) == "killed/civilians/14/14/exact/villagers");
    REQUIRE(c.source.via.size() == 1);
    CHECK(c.source.via.front().name == "Daily Star");
    // With no subject after the clause, the outlet's subject said it.
    CHECK(sentence("The Daily Star reports that gunmen killed 14 herders.") == list{"killed/civilians/14/14/exact/Daily Star"});
}

TEST_CASE("English forms: headlines, verb lists, verbs over nouns, relays, numbers")
{
    // Present-tense headlines.
    CHECK(sentence("Gunmen kill more than 20 in central Mali") == list{"killed/all/21/inf/more_than/-"});
    CHECK(sentence("Jihadists abduct 12 villagers near Djibo") == list{"kidnapped/civilians/12/12/exact/-"});
    // One verb list for several categories: killed and injured together are casualties.
    CHECK(sentence("The rebels claimed that they killed, injured and imprisoned dozens of soldiers.") ==
          list{"casualties/security_forces/word:dozens/-/vague/rebels",
               "captured/security_forces/word:dozens/-/vague/rebels"});
    // A subset with no figure of its own ("including a captain") stands between a figure and its predicate.
    CHECK(sentence("Twelve people were killed and two soldiers including a captain were wounded.") ==
          list{"killed/all/12/12/exact/-", "injured/security_forces/2/2/exact/-"});
    // A capitalised noun toll does not know, ending an item of a list of figures, names its group.
    CHECK(sentence("Three Nepalis, two Kenyans and five guards were killed in the blast.") ==
          list{"killed/named:Nepalis/3/3/exact/-", "killed/named:Kenyans/2/2/exact/-",
               "killed/security_forces/5/5/exact/-"});
    // Forces of two parties named together are no one party's: the group is named as written.
    CHECK(sentence("An ambush killed 14 Malian and Burkinabe soldiers near the border.") ==
          list{"killed/named:Malian and Burkinabe soldiers/14/14/exact/-"});
    CHECK(sentence("Twelve people were killed and injured.") == list{"casualties/all/12/12/exact/-"});
    // The verb, not the noun, says what happened.
    CHECK(sentence("37 hostages died in the raid.") == list{"killed/all/37/37/exact/-"});
    CHECK(sentence("Later the 100 captured Malian soldiers were executed.") ==
          list{"killed/security_forces/100/100/exact/-"});
    CHECK(sentence("12 hostages were taken.") == list{"kidnapped/all/12/12/exact/-"});
    // "according to X, citing Y": Y said it, X relays it.
    const auto relayed = toll::parse_sentence("About a dozen people were killed, according to the UN, citing local "
                                              "officials.");
    REQUIRE(relayed.value().size() == 1);
    CHECK(claim_code(relayed.value().front()) == "killed/all/12/12/approximately/local officials");
    REQUIRE(relayed.value().front().source.via.size() == 1);
    CHECK(relayed.value().front().source.via.front().name == "UN");
    // Numbers.
    CHECK(sentence("Three dozen civilians were killed.") == list{"killed/civilians/36/36/exact/-"});
    CHECK(sentence("Half a million people were displaced.") == list{"displaced/all/500000/500000/exact/-"});
    CHECK(sentence("1.2 million people were displaced.") == list{"displaced/all/1200000/1200000/exact/-"});
    CHECK(sentence("10k people fled.") == list{"displaced/all/10000/10000/exact/-"});
    CHECK(sentence("No fewer than 30 people were killed.") == list{"killed/all/30/inf/at_least/-"});
    CHECK(sentence("Greater than or equal to 30 people were killed.") == list{"killed/all/30/inf/at_least/-"});
    CHECK(sentence("5,000–20,000 people were killed.") == list{"killed/all/5000/20000/range/-"});
    CHECK(sentence("Tens of thousands of people were displaced.") ==
          list{"displaced/all/word:tens_of_thousands/-/vague/-"});
    // "including N": a subset, a claim of its own in the same category, even before the verb.
    CHECK(sentence("More than 93,000 people, including over 6,500 children, have been killed, a UN study said.") ==
          list{"killed/all/93001/inf/more_than/a UN study", "killed/named:children/6501/inf/more_than/a UN study"});
    // The subject after its verb: "…, said the worker".
    CHECK(sentence("The clinic received 80 bodies, including 24 women, said the worker.") ==
          list{"killed/all/80/80/exact/worker", "killed/named:women/24/24/exact/worker"});
    // The speaker after a quotation of several sentences said each of them.
    CHECK(sentence("\u201CGunmen killed 14 villagers. The market burned,\u201D said a local official.") ==
          list{"killed/civilians/14/14/exact/local official"});
    // A bound stated once covers the bare number of a second predicate, not a second group of one.
    CHECK(sentence("At least fifteen people died and twenty-five injured.") ==
          list{"killed/all/15/inf/at_least/-", "injured/all/25/inf/at_least/-"});
    CHECK(sentence("At least 16 soldiers and four civilians have been killed.") ==
          list{"killed/security_forces/16/inf/at_least/-", "killed/civilians/4/4/exact/-"});
    // Only where the second predicate leaves out its verb: an auxiliary of its own opens a clause
    // of its own, and its number stands as stated.
    CHECK(sentence("More than 40 people were killed and 12 were injured.") ==
          list{"killed/all/41/inf/more_than/-", "injured/all/12/12/exact/-"});
    CHECK(sentence("At least 40 people lost their lives and 12 have been wounded.") ==
          list{"killed/all/40/inf/at_least/-", "injured/all/12/12/exact/-"});
    CHECK(sentence("At least 60 people were killed and 140 others wounded.") ==
          list{"killed/all/60/inf/at_least/-", "injured/all/140/140/exact/-"});
    // "N others" after a subset are others of the whole, with or without commas round the subset.
    CHECK(sentence("Police said 30 gunmen including four leaders were killed and six others arrested.") ==
          list{"killed/armed_group/30/30/exact/Police", "killed/named:leaders/4/4/exact/Police",
               "captured/armed_group/6/6/exact/Police"});
    CHECK(sentence("Officials said 25 soldiers, including two officers, were killed and seven others wounded.") ==
          list{"killed/security_forces/25/25/exact/Officials", "killed/security_forces/2/2/exact/Officials",
               "injured/security_forces/7/7/exact/Officials"});
    // A category word right after the subset's closing comma resumes the predicate it set off.
    CHECK(sentence("Twenty villagers, including three children, died and eleven were wounded.") ==
          list{"killed/civilians/20/20/exact/-", "killed/named:children/3/3/exact/-", "injured/all/11/11/exact/-"});
    CHECK(sentence("Between 281 to 1500 people were killed.") == list{"killed/all/281/1500/range/-"});
    // Glued labels.
    CHECK(cell("Deaths53+Injured75+") == list{"killed/all/53/inf/at_least/-", "injured/all/75/inf/at_least/-"});
    // A label set off by a colon before its figure says what the figure counts, as the glued one
    // does; the next label ends the figure before it. A category word after the figure still
    // decides: the label then heads a list.
    CHECK(cell("Killed: 53+ Injured: 75+") == list{"killed/all/53/inf/at_least/-", "injured/all/75/inf/at_least/-"});
    CHECK(cell("Deaths: 53, Wounded: at least 75") == list{"killed/all/53/53/exact/-", "injured/all/75/inf/at_least/-"});
    CHECK(sentence("Killed: 12 soldiers. Injured: 30.") ==
          list{"killed/security_forces/12/12/exact/-", "injured/all/30/30/exact/-"});
    CHECK(sentence("The attack left these casualties: 12 dead and 30 wounded.") ==
          list{"killed/all/12/12/exact/-", "injured/all/30/30/exact/-"});
    CHECK(cell("G5 20 killed") == list{"killed/all/20/20/exact/-"});
}

TEST_CASE("English forms: verbs of loss, groups through a clause, breakdowns")
{
    // A verb of loss before a count of people says they were killed; before things it says nothing.
    CHECK(sentence("The garrison lost 14 soldiers in the assault on the camp.") ==
          list{"killed/security_forces/14/14/exact/-"});
    CHECK(sentence("The insurgents say they have lost only nine fighters.") ==
          list{"killed/armed_group/9/9/exact/insurgents"});
    CHECK(sentence("The garrison lost 14 vehicles in the assault.").empty());
    // A nation's adjective before a word of people in general names the nation's people.
    CHECK(sentence("More than 60 Afghan people were dead.") == list{"killed/named:Afghans/61/inf/more_than/-"});
    CHECK(sentence("12 South Sudanese people died.") == list{"killed/named:South Sudanese/12/12/exact/-"});
    CHECK(sentence("12 Malian civilians were killed.") == list{"killed/civilians/12/12/exact/-"});
    // To lose one's life is to die; to lose one's home is not.
    CHECK(sentence("No fewer than 40 people lost their lives in the attack, the army said.") ==
          list{"killed/all/40/inf/at_least/army"});
    CHECK(sentence("At least 12 soldiers have lost their lives.") == list{"killed/security_forces/12/inf/at_least/-"});
    CHECK(sentence("He said 12 people lost their homes.").empty());
    CHECK(sentence("The brigade lost about 300 men, killed and wounded, in a week of fighting.") ==
          list{"casualties/named:men/300/300/approximately/-"});
    // Two fates joined by "or" are one count the words do not tell apart: other, unless they are
    // killed or wounded (casualties); joined by "and", each holds.
    CHECK(sentence("At least 40 villagers were killed or missing after the raid.") ==
          list{"other/civilians/40/inf/at_least/-"});
    CHECK(sentence("Some 30 soldiers were killed or are still missing.") ==
          list{"other/security_forces/30/30/approximately/-"});
    CHECK(sentence("Forty people were killed or wounded.") == list{"casualties/all/40/40/exact/-"});
    CHECK(sentence("Twelve men were abducted and are missing.") ==
          list{"kidnapped/named:men/12/12/exact/-", "missing/named:men/12/12/exact/-"});
    // A bound stated once covers a bare number joined by "and", not a figure that names people of
    // its own.
    CHECK(sentence("At least 30 people were killed and 50 injured.") ==
          list{"killed/all/30/inf/at_least/-", "injured/all/50/inf/at_least/-"});
    CHECK(sentence("At least 30 soldiers were killed and 12 civilians were wounded.") ==
          list{"killed/security_forces/30/inf/at_least/-", "injured/civilians/12/12/exact/-"});
    // Sexual violence is counted, as other.
    CHECK(sentence("The militia raped 14 women in the village, survivors said.") ==
          list{"other/named:women/14/14/exact/survivors"});
    // A group named once reaches the next figure past a phrase of place or time closing its clause.
    CHECK(sentence("Nine policemen were killed at the checkpoint, and four were wounded.") ==
          list{"killed/security_forces/9/9/exact/-", "injured/security_forces/4/4/exact/-"});
    // Only the groups of its own chain of figures keep a group from reaching a bare figure.
    CHECK(sentence("Some 2,000 villagers fled on Monday, and by nightfall five more soldiers were killed and eight "
                   "wounded.") == list{"displaced/civilians/2000/2000/approximately/-",
                                       "killed/security_forces/5/5/exact/-", "injured/security_forces/8/8/exact/-"});
    CHECK(sentence("The shelling killed six people, including two children, and wounded 20 others.") ==
          list{"killed/all/6/6/exact/-", "killed/named:children/2/2/exact/-", "injured/all/20/20/exact/-"});
    // An aside set off by commas between a category noun and its "of" is stepped over.
    CHECK(sentence("Officials documented the killings, including beheadings, of 40 villagers.") ==
          list{"killed/civilians/40/40/exact/Officials"});
    // "heavy casualties": many, in the noun's category.
    CHECK(sentence("The convoy came under fire and suffered heavy casualties.") ==
          list{"casualties/all/word:many/-/vague/-"});
    // "the lives of N": lives lost are deaths.
    CHECK(sentence("The landslide claimed the lives of 23 villagers.") == list{"killed/civilians/23/23/exact/-"});
    // "claimed 40 lives": a verb that takes lives before a figure of them counts the dead; it reports nothing.
    CHECK(sentence("The flood has claimed at least 40 lives, police said.") ==
          list{"killed/all/40/inf/at_least/police"});
    CHECK(sentence("The volunteers saved 40 lives.").empty());
    // People a verb names no count of ("abducted others") are an unknown number.
    // Office-holders a verb names are kept as written, whichever side the verb stands.
    CHECK(sentence("Gunmen took hostage about 12 officials in the town.") ==
          list{"kidnapped/named:officials/12/12/approximately/-"});
    // "security force members": the word of security names the forces, before the noun it qualifies.
    CHECK(sentence("The militia killed hundreds of Nigerien security force members last year.") ==
          list{"killed/security_forces/word:hundreds/-/vague/-"});
    // "ethnic" and the capitalised words after it name a people, before a word of people in general.
    CHECK(sentence("Up to 300 ethnic Tigrayan people were killed in the raid.") ==
          list{"killed/named:ethnic Tigrayan/0/300/at_most/-"});
    // Two labelled groups of one kind joined by "and", with no figure of their own on the second,
    // are one group named by both.
    CHECK(sentence("The clinic received 15 bodies, including 6 women and minors, a nurse said.") ==
          list{"killed/all/15/15/exact/a nurse", "killed/named:women and minors/6/6/exact/a nurse"});
    // A toll revised "by" one figure "to" another is the second; a quote may open before it.
    CHECK(sentence("Kenya has revised up the death toll from the floods by 15, to “about 80”, the interior ministry "
                   "says.") == list{"killed/all/80/80/approximately/interior ministry"});
    // Deaths "of natural causes" are no one's doing: counted as other.
    CHECK(sentence("During the siege 14 people were killed by shelling and 9 died from natural causes, officials "
                   "said.") == list{"killed/all/14/14/exact/officials", "other/all/9/9/exact/officials"});
    // People "taken alive" are captured.
    CHECK(sentence("Four gunmen were taken alive after the raid, the army said.") ==
          list{"captured/armed_group/4/4/exact/army"});
    // Attackers who set off their own explosives die by them.
    CHECK(sentence("Three gunmen were taken alive, while two others blew themselves up.") ==
          list{"captured/armed_group/3/3/exact/-", "killed/armed_group/2/2/exact/-"});
    // A participle right after the group word opens words that describe the people; their
    // predicate resumes at the auxiliary.
    CHECK(sentence("300 workers ordered to leave the Kibali gold mine before the night shift were abducted by "
                   "gunmen.") == list{"kidnapped/named:workers/300/300/exact/-"});
    // A second predicate with its own auxiliary after "and", past the first's agent, says more of
    // the same people.
    CHECK(sentence("25 students were abducted by gunmen and are still missing.") ==
          list{"kidnapped/civilians/25/25/exact/-", "missing/civilians/25/25/exact/-"});
    // A person's name after a title ends before the body it is of, told in common nouns.
    CHECK(sentence("The paper quoted a police official, Col. Musa Bello of the press office, who said the toll "
                   "was 45.") == list{"killed/all/45/45/exact/Col. Musa Bello"});
    // A subject's verb with "that" after it reports the clause it opens, not the figures before.
    CHECK(sentence("Two guards died in the blast and the army reported that gunmen had killed five soldiers.") ==
          list{"killed/security_forces/2/2/exact/-", "killed/security_forces/5/5/exact/army"});
    // A phrase of time ending in a noun of a period before the subject's name is no part of it.
    CHECK(sentence("By the end of the week Reuters reported that a bomb killed six soldiers.") ==
          list{"killed/security_forces/6/6/exact/Reuters"});
    // Those who took part in an attack are counted as other.
    CHECK(sentence("About 200 fighters took part in the assault on the base, the army said.") ==
          list{"other/armed_group/200/200/approximately/army"});
    // Those who lived through it are counted as other; what people tried to do is not what
    // became of them.
    CHECK(sentence("Only 12 soldiers survived the ambush on the convoy.") ==
          list{"other/security_forces/12/12/exact/-"});
    CHECK(sentence("Four villagers who tried to flee were killed.") == list{"killed/civilians/4/4/exact/-"});
    CHECK(sentence("Twelve hostages were freed on Sunday.").empty());
    // Troops sent to a place are counted as other, unless their predicate says more after it.
    CHECK(sentence("The army deployed 400 soldiers to the border.") == list{"other/security_forces/400/400/exact/-"});
    CHECK(sentence("300 soldiers deployed to the town were killed.") == list{"killed/security_forces/300/300/exact/-"});
    // A force's strength, after its "of", is counted as other.
    CHECK(sentence("A force of 5,000 troops was sent to the region.") == list{"other/security_forces/5000/5000/exact/-"});
    CHECK(sentence("The force of the blast killed 12 people.") == list{"killed/all/12/12/exact/-"});
    // Fighters who gave themselves up are counted as other.
    CHECK(sentence("About 40 militants defected to the army last week.") ==
          list{"other/armed_group/40/40/approximately/-"});
    // The number of a unit, after the article and before its capitalised name, is part of the name.
    CHECK(sentence("The 205 Atal Corps said 14 insurgents were killed.") ==
          list{"killed/armed_group/14/14/exact/205 Atal Corps"});
    // "the killing of <office> <Name>" kills one person, named by the office before the name.
    CHECK(sentence("Protests followed the assassination of opposition leader Chokri Belaid in February.") ==
          list{"killed/named:opposition leader/1/1/exact/-"});
    // A count of things after the group's "of" says whose the people are; their words go on after it.
    CHECK(sentence("Over 800 residents of the 100 homes fled.") == list{"displaced/civilians/801/inf/more_than/-"});
    // Those receiving treatment are injured.
    CHECK(sentence("Nine of the passengers were receiving treatment in Kano, the police said.") ==
          list{"injured/civilians/9/9/exact/police"});
    // Those found alive came to no harm, whatever the words before said: a note, and no claim
    // reaches them from the figures beside them.
    CHECK(sentence("Officials said 12 missing miners had been found alive, three of whom were receiving "
                   "treatment.") == list{"injured/civilians/3/3/exact/Officials"});
    // A bare figure after "there could be" counts what the figure before it in the sentence counts.
    CHECK(sentence("Officials confirmed 40 deaths but said there could be as many as 90.") ==
          list{"killed/all/40/40/exact/Officials", "killed/all/0/90/at_most/Officials"});
    // "fled with injuries": the wounds, not the flight, are what the figure counts.
    CHECK(sentence("The raid killed dozens of bandits, while many fled with injuries, police said.") ==
          list{"killed/armed_group/word:dozens/-/vague/police", "injured/armed_group/word:many/-/vague/police"});
    // A quote closing the first figure's clause does not stop its group reaching the next figure.
    CHECK(sentence("The army said its troops “killed 14 insurgents”, while five were captured.") ==
          list{"killed/armed_group/14/14/exact/army", "captured/armed_group/5/5/exact/army"});
    // People named as no one in particular, dressed as civilians, are civilians.
    CHECK(sentence("Rescuers found the bodies of 30 people, in civilian clothes, near the river.") ==
          list{"killed/civilians/30/30/exact/Rescuers"});
    // A hyphenated name after a figure is one, and an armed group's name names its fighters.
    CHECK(sentence("Troops said 40 al-Shabaab were killed in the raid.") ==
          list{"killed/armed_group/40/40/exact/Troops"});
    CHECK(sentence("The gunmen killed four villagers and kidnapped others.") ==
          list{"killed/civilians/4/4/exact/-", "kidnapped/civilians/?/?/unknown/-"});
    // A verb after "and" and an auxiliary, with a figure after it, is that figure's.
    CHECK(sentence("The floods have killed 40 people and have displaced 12,000.") ==
          list{"killed/all/40/40/exact/-", "displaced/all/12000/12000/exact/-"});
    // An adjective of estimate before a figure noun makes the figure it gives an approximation.
    CHECK(sentence("A provisional tally of the dead stood at 31.") == list{"killed/all/31/31/approximately/-"});
    CHECK(sentence("The estimated number of people displaced is 4,000.") ==
          list{"displaced/all/4000/4000/approximately/-"});
    // A vague figure after "in the" stands where a figure stands after a toll's verb.
    CHECK(sentence("Officials put the death toll in the thousands.") ==
          list{"killed/all/word:thousands/-/vague/Officials"});
    CHECK(sentence("The number of people displaced is in the tens of thousands.") ==
          list{"displaced/all/word:tens_of_thousands/-/vague/-"});
    // A verb of state between a figure and its category: "12 remain missing".
    CHECK(sentence("Eight soldiers were killed and three remain missing.") ==
          list{"killed/security_forces/8/8/exact/-", "missing/security_forces/3/3/exact/-"});
    // "the number of X killed ... N": the category and group named after "of".
    CHECK(sentence("The number of villagers killed has climbed to 41.") == list{"killed/civilians/41/41/exact/-"});
    CHECK(sentence("The number of people injured stood at 75.") == list{"injured/all/75/75/exact/-"});
    // "including N Demonyms": the subset's people named by a word toll does not know.
    CHECK(sentence("The ministry said 25 foreigners were killed, including seven Canadians.") ==
          list{"killed/named:foreigners/25/25/exact/ministry", "killed/named:Canadians/7/7/exact/ministry"});
    // A word toll does not know right after a figure names its group ("379 Iraqis were killed"),
    // unless it has a participle's form: "charred bodies", "12 seemed to have died".
    CHECK(sentence("Rescuers found 14 charred bodies in the village.") == list{"killed/all/14/14/exact/Rescuers"});
    CHECK(sentence("Police said 40 Yazidis were killed.") == list{"killed/named:Yazidis/40/40/exact/Police"});
    // An aside on who the people were, then the predicate: "N people, mostly X, were killed".
    CHECK(sentence("About 40 people, mostly herders, were killed overnight.") ==
          list{"killed/all/40/40/approximately/-"});
    // Ages in the aside are no figures: a number joined to an age is an age too.
    CHECK(sentence("About 30 people, mostly between the ages of 15 and 40, were killed.") ==
          list{"killed/all/30/30/approximately/-"});
    // A range's frame around two figures, with a bound or the people's noun on its low end, is one range.
    CHECK(sentence("The death toll ranged from about 40 people to 65.") == list{"killed/all/40/65/range/-"});
    // "Estimates of deaths vary between A and B": the category of the estimates.
    CHECK(sentence("Estimates of deaths in the clashes vary between 900 and 1,400.") ==
          list{"killed/all/900/1400/range/-"});
    // A dateline's outlet in parentheses is no attribution, whatever number its date holds.
    CHECK(sentence("Oct. 12 (Reuters) — Some 25 soldiers were killed in the north, officials said.") ==
          list{"killed/security_forces/25/25/approximately/officials"});
    // "N X were among the dead": the category of those they are among.
    CHECK(sentence("Witnesses said at least six children were among the dead.") ==
          list{"killed/named:children/6/inf/at_least/Witnesses"});
    // A sentence that opens among a group counts that group in its figures that name none.
    CHECK(sentence("Among the police the toll stood at 12 dead and 30 injured.") ==
          list{"killed/security_forces/12/12/exact/-", "injured/security_forces/30/30/exact/-"});
    // "X were among N kidnapped": the people said to be among a figure with no group name its group.
    CHECK(sentence("The schoolgirls were among 40 abducted on Friday.") ==
          list{"kidnapped/named:schoolgirls/40/40/exact/-"});
    // "N of the people killed were X": the predicate names the group.
    CHECK(sentence("Nine of the people wounded were policemen.") == list{"injured/security_forces/9/9/exact/-"});
    // "N X were killed along with M Y": the second figure shares the predicate.
    CHECK(sentence("Four policemen were killed along with 11 attackers.") ==
          list{"killed/security_forces/4/4/exact/-", "killed/armed_group/11/11/exact/-"});
    // A group word in the singular names the same group: "one gunman", "a rebel".
    CHECK(sentence("Police said one gunman was killed.") == list{"killed/armed_group/1/1/exact/Police"});
    // In prose an article before a group word in the singular counts one person, when a predicate
    // follows; joined by "and", the people of one kind are that kind.
    CHECK(sentence("A villager and a child were wounded by the blast.") == list{"injured/civilians/2/2/exact/-"});
    CHECK(sentence("Residents said a soldier was killed.") == list{"killed/security_forces/1/1/exact/Residents"});
    CHECK(sentence("He is a soldier in the army.").empty());
    // "a family of N": the verb before the family says what happened to its members.
    CHECK(sentence("A shell struck the market, killing a whole family of six.") == list{"killed/all/6/6/exact/-"});
    // A figure right after "including" with no words of its own on what it counts is a subset of
    // the figure before it, wherever the whole's words end.
    CHECK(sentence("Rescuers pulled 31 bodies out of the river, including six children under the age of ten.") ==
          list{"killed/all/31/31/exact/-", "killed/named:children/6/6/exact/-"});
    // A participle between a figure and a group noun describes the figure's own group, which no
    // group named before it replaces; of two kinds, the people are everyone.
    CHECK(sentence("Twelve soldiers died and about 30 missing villagers are feared dead.") ==
          list{"killed/security_forces/12/12/exact/-", "missing/civilians/30/30/approximately/-"});
    CHECK(sentence("The raid left 40 dead civilians and soldiers.") == list{"killed/all/40/40/exact/-"});
    // Combatants are fighters of any side: with civilians, everyone.
    CHECK(sentence("The clashes killed 35 civilians and combatants.") == list{"killed/all/35/35/exact/-"});
    CHECK(sentence("Twelve combatants were captured.") == list{"captured/named:combatants/12/12/exact/-"});
    // A plain count that starts the subject of a reporting verb is part of its name, also when the
    // subject runs on after it: "one of the officers said".
    CHECK(sentence("“They killed nine villagers,” one of the policemen told reporters.") ==
          list{"killed/civilians/9/9/exact/one of the policemen"});
    // A hedged guess set off by commas before "of" is stepped over: the figure before it keeps its
    // words; the guess, with none of its own, is a note.
    CHECK(sentence("Scores, and possibly hundreds, of villagers were killed.") ==
          list{"killed/civilians/word:scores/-/vague/-"});
    // A plain count that starts a subject after its verb is part of its name.
    CHECK(sentence("Twelve villagers were killed, said two witnesses.") ==
          list{"killed/civilians/12/12/exact/two witnesses"});
    // A bound on how many spoke ("At least three residents said") is no part of their name.
    CHECK(sentence("At least three villagers said 14 people died in the fire.") ==
          list{"killed/all/14/14/exact/villagers"});
    // An attribution that opens a quotation is the speaker's: the speaker named after it said it.
    CHECK(sentence("“According to our records, 12 villagers died,” the mayor said.") ==
          list{"killed/civilians/12/12/exact/mayor"});
    // "X said, according to Y": X said it, Y relays it.
    const auto outlet = toll::parse_sentence("Thirty insurgents were killed, the army said, according to Reuters.");
    REQUIRE(outlet.value().size() == 1);
    CHECK(claim_code(outlet.value().front()) == "killed/armed_group/30/30/exact/army");
    REQUIRE(outlet.value().front().source.via.size() == 1);
    CHECK(outlet.value().front().source.via.front().name == "Reuters");
    // "with X reporting that …": a reporting verb's participle after "with" and its subject reports.
    CHECK(sentence("The army said 12 soldiers died, with local officials reporting that 30 villagers were killed.") ==
          list{"killed/security_forces/12/12/exact/army", "killed/civilians/30/30/exact/local officials"});
    CHECK(sentence("Fighting raged for hours, with the insurgents, and their allies, claiming only five fighters "
                   "were killed.") == list{"killed/armed_group/5/5/exact/insurgents"});
    // Who buried or found the dead saw them, and speaks for the figure when no one else in the
    // sentence does: the words that open the sentence, up to a preposition, an auxiliary or a participle.
    CHECK(sentence("Villagers near the camp had buried 23 people by Monday.") ==
          list{"killed/all/23/23/exact/Villagers"});
    CHECK(sentence("Aid workers searching the rubble recovered the bodies of 17 children.") ==
          list{"killed/named:children/17/17/exact/Aid workers"});
    CHECK(sentence("The governor said rescuers recovered 30 bodies.") == list{"killed/all/30/30/exact/governor"});
    // A reporting verb's form after an article describes what follows it; it has no subject.
    CHECK(sentence("The reported toll of 40 dead was disputed.") == list{"killed/all/40/40/exact/-"});
    CHECK(sentence("Officials gave a reported 40 dead.") == list{"killed/all/40/40/exact/Officials"});
    // A reporting verb right after "as" opens a clause with no subject.
    CHECK(sentence("“It was 40 dead, not 60 as reported earlier,” the mayor said.") ==
          list{"killed/all/40/40/exact/mayor"});
    // "X released a statement that …": the subject of a publishing verb before a statement noun reports.
    CHECK(sentence("Human Rights Watch issued a joint statement saying 40 civilians were killed.") ==
          list{"killed/civilians/40/40/exact/Human Rights Watch"});
    CHECK(sentence("HRW released a report that 40 civilians were killed.") ==
          list{"killed/civilians/40/40/exact/Human Rights Watch"});
    // A short name in parentheses after a capitalised name ends the subject and names it.
    CHECK(sentence("The Armed Conflict Location and Event Data Project (ACLED) said 40 civilians were killed.") ==
          list{"killed/civilians/40/40/exact/ACLED"});
    // A relative clause between the subject and its verb: the noun the pronoun stands for.
    CHECK(sentence("A doctor who treated the wounded said 30 people died.") ==
          list{"killed/all/30/30/exact/A doctor"});
    CHECK(sentence("The army, which has not commented, said 12 soldiers died.") ==
          list{"killed/security_forces/12/12/exact/army"});
    // A second subject set off after "and" joins the first; a clause that describes it is no part of the name.
    CHECK(sentence("Nurses, and relatives of the dead who gathered at the morgue, said 19 people were killed.") ==
          list{"killed/all/19/19/exact/Nurses, and relatives of the dead"});
    // A category noun after "of" is a word of the subject's name: "Relatives of the victims said".
    CHECK(sentence("Relatives of the victims said 12 people were killed.") ==
          list{"killed/all/12/12/exact/Relatives of the victims"});
    // Who believes or fears a figure gives it: "Analysts believe", "Residents fear".
    CHECK(sentence("Local officials believe at least 30 villagers died.") ==
          list{"killed/civilians/30/inf/at_least/Local officials"});
    CHECK(sentence("Residents fear dozens of people were killed.") ==
          list{"killed/all/word:dozens/-/vague/Residents"});
    // An adverb of time that opens the sentence is no part of the subject; a word that qualifies
    // reports is.
    CHECK(sentence("Then officials said 12 villagers were killed.") ==
          list{"killed/civilians/12/12/exact/officials"});
    CHECK(sentence("Earlier reports said 12 villagers were killed.") ==
          list{"killed/civilians/12/12/exact/Earlier reports"});
    // A title's period belongs to the name after it, before the verb or after it.
    CHECK(sentence("Thirty people died, said Dr. Amina Bello.") == list{"killed/all/30/30/exact/Dr. Amina Bello"});
    CHECK(sentence("Col. Musa Ibrahim said 12 soldiers were killed.") ==
          list{"killed/security_forces/12/12/exact/Col. Musa Ibrahim"});
    // The periods of an initialism belong to the subject: "U.S. officials said".
    CHECK(sentence("U.S. officials said 12 militants were killed.") ==
          list{"killed/armed_group/12/12/exact/U.S. officials"});
    // An appositive after an article that is no name describes the subject before it.
    CHECK(sentence("Radio Okapi, the UN-backed station in the east, said 14 civilians were killed.") ==
          list{"killed/civilians/14/14/exact/Radio Okapi"});
    // An auxiliary may stand between the appositive's comma and the verb.
    CHECK(sentence("Radio Okapi, the UN-backed station in the east, has said 14 civilians were killed.") ==
          list{"killed/civilians/14/14/exact/Radio Okapi"});
    // In prose, a name in parentheses right after a capitalised word is another name for it, no
    // source, unless it names a kind of source.
    CHECK(sentence("Militias killed 60 villagers in the town of Kiwanja (Rutshuru), residents said.") ==
          list{"killed/civilians/60/60/exact/residents"});
    // A group word among a zero's own words names its group: "no civilian deaths".
    CHECK(sentence("Officials said the raid caused no civilian deaths.") ==
          list{"killed/civilians/0/0/zero/Officials"});
    // A negated reporting verb reports nothing: the speaker named after the quotation speaks.
    CHECK(sentence("“At least 14 villagers died, but we have not yet confirmed the names,” she said.") ==
          list{"killed/civilians/14/inf/at_least/she"});
    // A capitalised reporting verb after a capitalised word inside a sentence is a word of a name.
    CHECK(sentence("Six guards were wounded, United States Embassy spokeswoman Jane Roe said.") ==
          list{"injured/security_forces/6/6/exact/United States Embassy"});
    // A finding reports: "concluded" has a subject; after "what" the subject starts its clause.
    CHECK(sentence("The inquiry concluded that 40 civilians were killed in the raid.") ==
          list{"killed/civilians/40/40/exact/inquiry"});
    CHECK(sentence("At least 30 people died in what police concluded was an ambush.") ==
          list{"killed/all/30/inf/at_least/police"});
    // A report noun after a word that qualifies it is no verb: "other reports" say, and "reports
    // that …" or "claims by X that …" name who said it.
    CHECK(sentence("Several reports indicated that 20 villagers were killed.") ==
          list{"killed/civilians/20/20/exact/Several reports"});
    CHECK(sentence("Some reports in the local press put the toll at 14.") ==
          list{"killed/all/14/14/exact/Some reports in the local press"});
    CHECK(sentence("Officials dismissed unverified claims that 15 soldiers had died.") ==
          list{"killed/security_forces/15/15/exact/unverified claims"});
    CHECK(sentence("This contradicts claims by the rebels that only 12 fighters were killed.") ==
          list{"killed/armed_group/12/12/exact/rebels"});
    // Names joined by "and" that close the clause after "according to" are one source.
    CHECK(sentence("Nine farmers were killed, according to hospital staff and a village chief.") ==
          list{"killed/civilians/9/9/exact/hospital staff and a village chief"});
    CHECK(sentence("According to the Red Cross and the local police, 30 people died.") ==
          list{"killed/all/30/30/exact/Red Cross and the local police"});
    // A name after "according to" that ends in a participle goes on with the phrase it opens.
    CHECK(sentence("Eight miners died, according to a medic working at the mine clinic.") ==
          list{"killed/civilians/8/8/exact/medic working at the mine clinic"});
    // Figures set off between dashes after a figure break it down, in its category.
    CHECK(sentence("Rescuers pulled 11 bodies from the rubble – five men, four women and two children – on Sunday.") ==
          list{"killed/all/11/11/exact/-", "killed/named:men/5/5/exact/-", "killed/named:women/4/4/exact/-",
               "killed/named:children/2/2/exact/-"});
    CHECK(sentence("They found nine bodies — eight men and one woman — near the well.") ==
          list{"killed/all/9/9/exact/-", "killed/named:men/8/8/exact/-", "killed/named:women/1/1/exact/-"});
}

TEST_CASE("English forms: the core of a source's name")
{
    // A possessor, and adjectives on the name's ties, before a name that tells its own body (a
    // medium, an armed group, a UN body …) say whose the body is, not who spoke.
    CHECK(sentence("Britain's BBC reported that 30 people were killed.") == list{"killed/all/30/30/exact/BBC"});
    CHECK(sentence("Mali's al-Qaeda-linked JNIM said it killed 14 soldiers.") ==
          list{"killed/security_forces/14/14/exact/JNIM"});
    CHECK(sentence("Iran-backed Houthi rebels said 12 soldiers were killed.") ==
          list{"killed/security_forces/12/12/exact/Houthi rebels"});
    CHECK(sentence("At least 2,000 people fled, the UN's International Organisation for Migration said.") ==
          list{"displaced/all/2000/inf/at_least/International Organisation for Migration"});
    // A ministry or an army is only somebody's: the possessor stays.
    CHECK(sentence("Nigeria's defence ministry said 30 soldiers were killed.") ==
          list{"killed/security_forces/30/30/exact/Nigeria's defence ministry"});
    // A place after the common noun of a named institution says where the institution is.
    CHECK(sentence("A doctor at Mirwais hospital in Kandahar said 12 people were wounded.") ==
          list{"injured/all/12/12/exact/A doctor at Mirwais hospital"});
    // Where no institution is named, or the place is a word of the capitalised name, it stays.
    CHECK(sentence("Police officials in Kandahar said 12 people were wounded.") ==
          list{"injured/all/12/12/exact/Police officials in Kandahar"});
    CHECK(sentence("The UN Mission in South Sudan said 12 peacekeepers were wounded.") ==
          list{"injured/named:peacekeepers/12/12/exact/UN Mission in South Sudan"});
}

TEST_CASE("whose forces: a default party for the text's soldiers and fighters")
{
    const std::string farabougou = "JNIM claimed responsibility for the attack, and they claimed to have killed thirty "
                                   "soldiers and captured three hostages.";
    // Without a default the soldiers belong to no known party: nothing tells JNIM's claim apart.
    const auto plain = toll::parse_sentence(farabougou);
    REQUIRE(plain.value().size() == 2);
    CHECK(plain.value()[0].group.party.empty());
    CHECK(plain.value()[0].source.origin.party == "JNIM");
    CHECK_FALSE(toll::is_about_adversary(plain.value()[0]));

    // The caller knows the text is about Mali: its soldiers are Mali's, and JNIM's count of them is a
    // claim about an adversary's losses.
    toll::field_options mali;
    mali.security_forces_party = "Mali";
    mali.armed_group_party = "JNIM";
    const auto read = toll::parse_sentence(farabougou, mali);
    REQUIRE(read.value().size() == 2);
    const claim& soldiers = read.value()[0];
    CHECK(claim_code(soldiers) == "killed/security_forces/30/30/exact/JNIM");
    CHECK(soldiers.group.party == "Mali");
    CHECK(toll::is_about_adversary(soldiers));
    // "three hostages" names no force: no party, no adversary claim.
    CHECK(read.value()[1].group.party.empty());
    CHECK_FALSE(toll::is_about_adversary(read.value()[1]));

    // The army's own count of its soldiers is no adversary claim; its count of JNIM's fighters is.
    const auto army = toll::parse_sentence("The Malian army said 12 soldiers and 40 jihadists were killed.", mali);
    REQUIRE(army.value().size() == 2);
    CHECK(army.value()[0].source.origin.party == "Mali");
    CHECK(army.value()[0].group.party == "Mali");
    CHECK_FALSE(toll::is_about_adversary(army.value()[0]));
    CHECK(army.value()[1].group.party == "JNIM");
    CHECK(toll::is_about_adversary(army.value()[1]));

    // A party the text names wins over the default.
    toll::field_options niger;
    niger.security_forces_party = "Niger";
    CHECK(toll::parse_field("5 Malian soldiers killed", niger).value().front().group.party == "Mali");
    CHECK(toll::parse_field("5 soldiers killed", niger).value().front().group.party == "Niger");
    CHECK(toll::parse_field("5 civilians killed", niger).value().front().group.party.empty());
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
    toll::field_options killed;
    killed.category = category::killed;
    CHECK(cell("None", killed) ==
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

namespace {

std::vector<std::string> french_cell(std::string_view text)
{
    toll::field_options options;
    options.language = toll::language::fr;
    return codes(toll::parse_field(text, options).value());
}

std::vector<std::string> french_sentence(std::string_view text)
{
    toll::field_options options;
    options.language = toll::language::fr;
    return codes(toll::parse_sentence(text, options).value());
}

}  // namespace

TEST_CASE("issue 12: 'au moins 134' is a lower bound in French")
{
    CHECK(french_cell("au moins 134") == list{"casualties/all/134/inf/at_least/-"});
    toll::field_options automatic;
    automatic.language = toll::language::automatic;
    CHECK(codes(toll::parse_sentence("Au moins 134 civils ont été tués dans le village, selon l'ONU.", automatic)
                    .value()) == list{"killed/civilians/134/inf/at_least/ONU"});
    CHECK(toll::parse_figure("au moins 134", toll::language::fr).value() == toll::figure::at_least(134));
}

TEST_CASE("French numbers")
{
    const auto read = [](std::string_view text) { return toll::parse_figure(text, toll::language::fr).value(); };
    CHECK(read("vingt et un") == toll::figure::exact(21));
    CHECK(read("soixante-dix") == toll::figure::exact(70));
    CHECK(read("soixante et onze") == toll::figure::exact(71));
    CHECK(read("quatre-vingts") == toll::figure::exact(80));
    CHECK(read("quatre-vingt-dix-neuf") == toll::figure::exact(99));
    CHECK(read("cinq cent quatre-vingt-cinq") == toll::figure::exact(585));
    CHECK(read("mille") == toll::figure::exact(1000));
    CHECK(read("deux mille") == toll::figure::exact(2000));
    CHECK(read("trois cent mille") == toll::figure::exact(300000));
    CHECK(read("un demi-million") == toll::figure::exact(500000));
    // Thousands grouped by a period or a space (no-break and narrow no-break spaces too); a decimal comma.
    CHECK(read("1.600") == toll::figure::exact(1600));
    CHECK(read("1 600") == toll::figure::exact(1600));
    CHECK(read("1\u00A0600") == toll::figure::exact(1600));
    CHECK(read("1\u202F600") == toll::figure::exact(1600));
    CHECK(read("15.000") == toll::figure::exact(15000));
    CHECK(read("1,3 million") == toll::figure::exact(1300000));
    // In English the same strings keep their English meaning.
    CHECK(toll::parse_figure("1,600").value() == toll::figure::exact(1600));
    CHECK_FALSE(toll::parse_figure("1.600").has_value());  // 1.6 people
    // Approximations, bounds, ranges.
    CHECK(read("une cinquantaine") == toll::figure::approximately(50));
    CHECK(read("une dizaine") == toll::figure::approximately(10));
    CHECK(read("une centaine") == toll::figure::approximately(100));
    CHECK(read("environ 30") == toll::figure::approximately(30));
    CHECK(read("près de 200") == toll::figure::approximately(200));
    CHECK(read("au moins 20") == toll::figure::at_least(20));
    CHECK(read("plus de 50") == toll::figure::more_than(50));
    CHECK(read("plus d'une centaine") == toll::figure::more_than(100));
    CHECK(read("au plus 30") == toll::figure::at_most(30));
    CHECK(read("jusqu'à 30") == toll::figure::at_most(30));
    CHECK(read("moins de 10") == toll::figure::fewer_than(10));
    CHECK(read("entre 30 et 60") == toll::figure::range(30, 60));
    CHECK(read("30 à 60") == toll::figure::range(30, 60));
    CHECK(read("des dizaines") == toll::figure::vague(toll::vague_word::dozens, toll::vague_table::literal()));
    CHECK(french_cell("Onze (11)") == list{"casualties/all/11/11/exact/-"});
}

TEST_CASE("French categories, groups and sources")
{
    CHECK(french_cell("30 morts, 15 blessés, 2 disparus, 3 enlevés, 1 600 déplacés") ==
          list{"killed/all/30/30/exact/-", "injured/all/15/15/exact/-", "missing/all/2/2/exact/-",
               "kidnapped/all/3/3/exact/-", "displaced/all/1600/1600/exact/-"});
    CHECK(french_sentence("Une cinquantaine de personnes ont été tuées, d'après des sources locales citées par RFI.") ==
          list{"killed/all/50/50/approximately/sources locales"});
    const auto relayed = toll::parse_sentence("Au moins 15 soldats ont été tués, a indiqué à l'AFP un élu local.",
                                              [] {
                                                  toll::field_options o;
                                                  o.language = toll::language::fr;
                                                  return o;
                                              }());
    REQUIRE(relayed.value().size() == 1);
    CHECK(claim_code(relayed.value().front()) == "killed/security_forces/15/inf/at_least/élu local");
    REQUIRE(relayed.value().front().source.via.size() == 1);
    CHECK(relayed.value().front().source.via.front().name == "AFP");
    // The time of the report between the verb and its subject or agent is no part of the source.
    CHECK(french_sentence("Neuf soldats ont été tués, ont annoncé jeudi soir des responsables locaux à l'AFP.") ==
          list{"killed/security_forces/9/9/exact/responsables locaux"});
    CHECK(french_sentence("Un bilan annoncé mardi par le gouvernorat fait état de trente morts.") ==
          list{"killed/all/30/30/exact/gouvernorat"});
    CHECK(french_sentence("Douze soldats ont été tués, a-t-on appris ce vendredi auprès de sources militaires.") ==
          list{"killed/security_forces/12/12/exact/sources militaires"});
    // A pronoun after its auxiliary: the noun before it, the pronoun, or whom "on" learned it from.
    CHECK(french_sentence("Le rapport a-t-il ajouté que 14 civils ont été tués.") ==
          list{"killed/civilians/14/14/exact/rapport"});
    CHECK(french_sentence("« Nous avons perdu sept hommes », a-t-elle raconté.") ==
          list{"killed/all/7/7/exact/elle"});
    CHECK(french_sentence("Onze soldats ont été tués, a t-on appris, samedi, de sources hospitalières.") ==
          list{"killed/security_forces/11/11/exact/sources hospitalières"});
    // A count that starts a source's name is part of it (and stays a figure with its note); a date
    // of the report stands before it like its time.
    CHECK(french_sentence("Douze personnes ont été tuées, selon deux sources locales.") ==
          list{"killed/all/12/12/exact/deux sources locales"});
    CHECK(french_sentence("Neuf soldats ont été tués, a-t-on appris de trois sources au sein des services de sécurité.") ==
          list{"killed/security_forces/9/9/exact/trois sources au sein des services de sécurité"});
    CHECK(french_sentence("Neuf soldats ont été tués, a-t-on appris lundi 3 mars 2025 de sources militaires.") ==
          list{"killed/security_forces/9/9/exact/sources militaires"});
    CHECK(french_sentence("Le préfet parle de 7 morts mais les habitants, selon plusieurs témoins, ont fui.") ==
          list{"killed/all/7/7/exact/préfet"});
    // A phrase of how or where the report was made may stand there too.
    CHECK(french_sentence("Sept soldats ont été tués, a annoncé dans un communiqué le gouvernorat.") ==
          list{"killed/security_forces/7/7/exact/gouvernorat"});
    CHECK(french_sentence("Trois civils ont été tués, a affirmé sous couvert d'anonymat un notable du village.") ==
          list{"killed/civilians/3/3/exact/notable du village"});
    CHECK(french_sentence("Trois civils ont été tués, a affirmé le maire lors d'un point de presse.") ==
          list{"killed/civilians/3/3/exact/maire"});
    // "la perte de" counts the dead its "de" names; the verb before it still reports.
    CHECK(french_sentence("La gendarmerie a toutefois déploré la perte de quatre soldats.") ==
          list{"killed/security_forces/4/4/exact/gendarmerie"});
    // "forces" names the security forces, as in English, also as members of them.
    CHECK(french_sentence("Neuf membres des forces de sécurité ont été tués.") == list{"killed/security_forces/9/9/exact/-"});
    // "nouveaux" before a category noun says there are more of them; it names no group.
    CHECK(french_sentence("Onze nouveaux corps ont été découverts près du puits.") == list{"killed/all/11/11/exact/-"});
    CHECK(french_sentence("Le maire signale six nouvelles victimes.") == list{"casualties/all/6/6/exact/maire"});
    // A civility before a person's name is no part of it.
    CHECK(french_sentence("M. Diallo a déclaré que six civils ont été tués.") == list{"killed/civilians/6/6/exact/Diallo"});
    CHECK(french_sentence("Six civils ont été tués, a précisé Mme Aminata Traoré.") ==
          list{"killed/civilians/6/6/exact/Aminata Traoré"});
    // A person named in an appositive before the verb is the source, whatever opens the sentence.
    CHECK(french_sentence("Lors d'un point de presse, le gouverneur de la région, Issa Maïga, a évoqué un bilan de 23 morts.") ==
          list{"killed/all/23/23/exact/Issa Maïga"});
    // A name in parentheses after a name is its short form, no attribution.
    CHECK(french_sentence("Quinze civils ont été tués lors d'une attaque du groupe Etat islamique (EI) dans la région.") ==
          list{"killed/civilians/15/15/exact/-"});
    CHECK(french_sentence("Neuf soldats ont été tués, a indiqué Awa Diallo, la porte-parole de la Mission de l'ONU au Mali (Minusma).") ==
          list{"killed/security_forces/9/9/exact/Awa Diallo"});
    // An aside between the auxiliary and the verb is no part of the subject, before the verb or after it.
    CHECK(french_sentence("Huit personnes ont été tuées, a de son côté expliqué un notable.") ==
          list{"killed/all/8/8/exact/notable"});
    CHECK(french_sentence("Le gouverneur a pour sa part indiqué que 12 civils ont été tués.") ==
          list{"killed/civilians/12/12/exact/gouverneur"});
    CHECK(french_sentence("Dix soldats sont morts, a annoncé lundi l'armée, qui avait dans un premier temps parlé de huit victimes.") ==
          list{"killed/security_forces/10/10/exact/armée", "casualties/all/8/8/exact/armée"});
    CHECK(french_sentence("Les rebelles ont triomphalement annoncé la mort de 40 soldats.") ==
          list{"killed/security_forces/40/40/exact/rebelles"});
    // Sources named together are one origin; a clause after "et" is none.
    CHECK(french_sentence("Huit soldats ont été tués, selon des sources médicales et sécuritaires.") ==
          list{"killed/security_forces/8/8/exact/sources médicales et sécuritaires"});
    CHECK(french_sentence("Cinq civils ont été tués, ont indiqué un notable et une source humanitaire.") ==
          list{"killed/civilians/5/5/exact/notable et une source humanitaire"});
    CHECK(french_sentence("Trois civils ont été tués, selon la gendarmerie et Moussa Traoré, un enseignant.") ==
          list{"killed/civilians/3/3/exact/gendarmerie et Moussa Traoré"});
    CHECK(french_sentence("Quatre soldats ont été tués selon l'armée et les assaillants ont fui.") ==
          list{"killed/security_forces/4/4/exact/armée"});
    // A group after the category, or among whom the figure is, says whom it counts.
    CHECK(french_sentence("L'embuscade a fait 14 morts parmi les gendarmes et soldats.") ==
          list{"killed/security_forces/14/14/exact/-"});
    CHECK(french_sentence("Les combats ont fait une trentaine de victimes civiles.") ==
          list{"casualties/civilians/30/30/approximately/-"});
    CHECK(french_sentence("Les assaillants ont tué onze personnes parmi les villageois.") ==
          list{"killed/civilians/11/11/exact/-"});
    CHECK(french_sentence("Le conflit a fait 300 morts civils et militaires.") == list{"killed/all/300/300/exact/-"});
    // "rescapés": survivors are counted in the other category; the article alone counts none.
    CHECK(french_sentence("Une trentaine de rescapés ont été recueillis à Mopti.") == list{"other/all/30/30/approximately/-"});
    CHECK(french_sentence("Des rescapées ont raconté que 12 villageois avaient été tués.") ==
          list{"killed/civilians/12/12/exact/rescapées"});
    // Those who lived through it too: "ont survécu", "survivants", "un seul a pu s'échapper" (the
    // article then is the number one); what they tried to do is not what became of them.
    CHECK(french_sentence("Seulement neuf villageois ont survécu à l'embuscade.") ==
          list{"other/civilians/9/9/exact/-"});
    CHECK(french_sentence("Une seule a pu s'échapper du camp.") == list{"other/all/1/1/exact/-"});
    CHECK(french_sentence("On a compté 20 survivants dans le bus.") == list{"other/all/20/20/exact/-"});
    CHECK(french_sentence("Huit jihadistes qui tentaient de s'échapper ont été abattus.") ==
          list{"killed/armed_group/8/8/exact/-"});
    // Those released or found alive came to no harm, and a subset released takes no category from
    // its whole.
    CHECK(french_sentence("Les ravisseurs ont enlevé 20 civils, dont 12 ont été libérés samedi.") ==
          list{"kidnapped/civilians/20/20/exact/-"});
    CHECK(french_sentence("Douze otages ont été libérés.").empty());
    CHECK(french_sentence("Le ministre a indiqué que 14 soldats ont été retrouvés en vie.").empty());
    // Troops sent to a place are counted as other, unless their predicate says more after it;
    // the unknown noun that names a group ends at a joiner ("hommes que").
    CHECK(french_sentence("Plus de 2 000 soldats sont déployés dans la région.") ==
          list{"other/security_forces/2001/inf/more_than/-"});
    CHECK(french_sentence("Les 40 gardes que l'armée avait déployés ont été tués.") ==
          list{"killed/named:gardes/40/40/exact/-"});
    CHECK(french_sentence("Il y a les 500 hommes que Paris a déployés.") == list{"other/named:hommes/500/500/exact/-"});
    // A force's strength, after its "de" and an adjective of the noun, is counted as other.
    CHECK(french_sentence("Une force régionale de quelque 3 000 soldats a été créée.") ==
          list{"other/security_forces/3000/3000/approximately/-"});
    CHECK(french_sentence("Le bataillon, fort de 650 soldats, est arrivé à Gao.") ==
          list{"other/security_forces/650/650/exact/-"});
    // Fighters who gave themselves up are counted as other.
    CHECK(french_sentence("L'armée a recueilli douze terroristes repentis.") == list{"other/armed_group/12/12/exact/-"});
    // "dans les rangs de l'armée", "du côté des gendarmes": the side or its ranks name the group.
    CHECK(french_sentence("L'assaut a fait sept blessés dans les rangs de l'armée.") ==
          list{"injured/security_forces/7/7/exact/-"});
    CHECK(french_sentence("On compte douze morts du côté des villageois.") == list{"killed/civilians/12/12/exact/-"});
    // The side's noun may stand bare, its accent lost or not: "une dizaine de tués côté miliciens".
    CHECK(french_sentence("L'attaque a fait quatre morts côté gendarmes et deux blessés coté civils.") ==
          list{"killed/security_forces/4/4/exact/-", "injured/civilians/2/2/exact/-"});
    // Men a side loses, or a speaker calls its own ("nous avons perdu"), are the side's fighters.
    CHECK(french_sentence("Les assaillants ont perdu une dizaine d'hommes, selon l'armée.") ==
          list{"killed/armed_group/10/10/approximately/armée"});
    CHECK(french_sentence("L'armée a annoncé la perte de neuf hommes lors de l'embuscade.") ==
          list{"killed/security_forces/9/9/exact/armée"});
    CHECK(french_sentence("« Nous avons perdu quatre hommes », a déclaré un officier militaire.") ==
          list{"killed/security_forces/4/4/exact/officier militaire"});
    // "(tous civils)": whom all of the figure's people were, in parentheses after its category.
    CHECK(french_sentence("L'attaque a fait 20 victimes (toutes civiles).") == list{"casualties/civilians/20/20/exact/-"});
    CHECK(french_sentence("L'attaque a fait 20 morts (tous à Kidal).") == list{"killed/all/20/20/exact/-"});
    // "corps de soldats": the dead a noun of bodies is of are its group.
    CHECK(french_sentence("Douze cadavres de villageois ont été découverts près du puits.") ==
          list{"killed/civilians/12/12/exact/-"});
    // "ont perdu la vie": the noun after the verb says what happened; "ont perdu 15 combattants" reads as before.
    CHECK(french_sentence("Au moins 23 personnes ont perdu la vie dans l'embuscade.") ==
          list{"killed/all/23/inf/at_least/-"});
    // A group named once reaches the figures joined to it through the words French puts between
    // them: "et de 6 autres", "et d'une dizaine", a place closing the first clause.
    CHECK(french_sentence("Le communiqué fait état de 12 gendarmes tués et d'une dizaine portés disparus.") ==
          list{"killed/security_forces/12/12/exact/communiqué", "missing/security_forces/10/10/approximately/communiqué"});
    CHECK(french_sentence("Quarante villageois ont été tués à Dinangourou, 12 blessés et 9 enlevés.") ==
          list{"killed/civilians/40/40/exact/-", "injured/civilians/12/12/exact/-", "kidnapped/civilians/9/9/exact/-"});
    CHECK(french_sentence("Douze gendarmes ont été tués lors de l'embuscade, et huit sont portés disparus.") ==
          list{"killed/security_forces/12/12/exact/-", "missing/security_forces/8/8/exact/-"});
    // A quote closing the first figure's clause, before the joiner, does not part the two.
    CHECK(french_sentence("« Trois gendarmes ont été tués » et deux sont portés disparus, selon l'armée.") ==
          list{"killed/security_forces/3/3/exact/armée", "missing/security_forces/2/2/exact/armée"});
    // "N autres", "d'autres": more of the people the figure before counted, in its sentence or the next.
    CHECK(french_sentence("Huit soldats ont été tués lundi. Dix autres sont portés disparus.") ==
          list{"killed/security_forces/8/8/exact/-", "missing/security_forces/10/10/exact/-"});
    // "Casques bleus" is one group word: its second word does not part the figures after it.
    CHECK(french_sentence("L'ONU a confirmé la mort de deux Casques bleus et trois autres blessés.") ==
          list{"killed/named:peacekeepers/2/2/exact/ONU", "injured/named:peacekeepers/3/3/exact/ONU"});
    // A nationality after a group word of fixed label joins the label in English, in every form of
    // the adjective; after a force noun the corpus names no label ("soldats nigériens" below).
    CHECK(french_sentence("Dix Casques bleus tchadiens ont été tués.") == list{"killed/named:Chadian peacekeepers/10/10/exact/-"});
    CHECK(french_sentence("Un assaut a causé la mort d'un Casque bleu jordanien.") ==
          list{"killed/named:Jordanian peacekeepers/1/1/exact/-"});
    CHECK(french_sentence("Trois Casques bleus sri-lankais ont été blessés.") ==
          list{"injured/named:Sri Lankan peacekeepers/3/3/exact/-"});
    CHECK(french_sentence("Deux Casques bleus égyptiens et un civil ont été tués.") ==
          list{"killed/named:Egyptian peacekeepers/2/2/exact/-", "killed/civilians/1/1/exact/-"});
    // A nationality after the group word does not end the list.
    CHECK(french_sentence("L'attaque a fait cinq morts, dont trois soldats nigériens et deux civils.") ==
          list{"killed/all/5/5/exact/-", "killed/security_forces/3/3/exact/-", "killed/civilians/2/2/exact/-"});
    // A relative, a preposition of time or place ends a source's name.
    CHECK(french_sentence("Six civils ont été tués, a dit le gouverneur lors d'un point de presse.") ==
          list{"killed/civilians/6/6/exact/gouverneur"});
    CHECK(french_sentence("Selon un infirmier qui a soigné les blessés, neuf soldats sont morts.") ==
          list{"killed/security_forces/9/9/exact/infirmier"});
    CHECK(french_sentence("Les rebelles, qui ont fait état de 30 soldats tués, accusent l'armée.") ==
          list{"killed/security_forces/30/30/exact/rebelles"});
    // A conjunction before the subject opens its clause: "alors que la gendarmerie avait fait état de".
    CHECK(french_sentence("Le poste a été attaqué dimanche, alors que la gendarmerie avait jusqu'ici fait état de cinq morts.") ==
          list{"killed/all/5/5/exact/gendarmerie"});
    // "selon un bilan de X", "selon un décompte annoncé par X": the body the toll is of speaks; a
    // toll that is nobody's is its own source.
    CHECK(french_sentence("Huit soldats ont été tués, selon un nouveau bilan des autorités régionales.") ==
          list{"killed/security_forces/8/8/exact/autorités régionales"});
    CHECK(french_sentence("Onze civils sont morts, selon un décompte provisoire annoncé jeudi par la gendarmerie.") ==
          list{"killed/civilians/11/11/exact/gendarmerie"});
    CHECK(french_sentence("Onze civils sont morts, selon un bilan officiel.") == list{"killed/civilians/11/11/exact/bilan officiel"});
    // An aside opened by a present participle describes the subject before it; the count after
    // "mais" stays in the name, as the coder keeps it ("deux responsables locaux").
    CHECK(french_sentence("Le bilan reste flou, mais trois notables, s'exprimant sous couvert d'anonymat, ont affirmé que huit civils avaient été tués.") ==
          list{"killed/civilians/8/8/exact/trois notables"});
    // "un élu d'une des communes": one of some, after an elided "de", is part of the name.
    CHECK(french_sentence("Six civils ont été tués, a affirmé un élu d'une des communes.") ==
          list{"killed/civilians/6/6/exact/élu d'une des communes"});
    // A pronominal verb of report reports nothing: "Ce chiffre s'ajoute à …" names no source.
    CHECK(french_sentence("Ce chiffre s'ajoute à la soixantaine de terroristes neutralisés depuis lundi.") ==
          list{"killed/armed_group/60/60/approximately/-"});
    // "le même communiqué": a statement's noun after the article and a qualifier is the name's noun.
    CHECK(french_sentence("Cinq rangers sont morts, précise le même communiqué.") ==
          list{"killed/named:rangers/5/5/exact/même communiqué"});
    CHECK(french_sentence("Deux soldats ont été tués, a communiqué l'armée.") ==
          list{"killed/security_forces/2/2/exact/armée"});
    // So is what the name is of, after "d'un", "d'une": "un responsable d'une ONG locale".
    CHECK(french_sentence("Selon un responsable d'une ONG locale, 20 civils ont été tués.") ==
          list{"killed/civilians/20/20/exact/responsable d'une ONG locale"});
    CHECK(french_sentence("Huit villageois ont été tués, a déclaré le maire d'une commune voisine.") ==
          list{"killed/civilians/8/8/exact/maire d'une commune voisine"});
    // A count that opens the agent's name after "par" says how many spoke, and stays in the name:
    // "annoncé par deux responsables locaux" (it read no source), "les chiffres avancés par certains
    // médias faisant état de" (it read 'médias').
    CHECK(french_sentence("Un bilan de 12 morts a été annoncé par deux responsables locaux.") ==
          list{"killed/all/12/12/exact/deux responsables locaux"});
    CHECK(french_sentence("Les chiffres avancés par certains médias faisant état de 12 morts sont faux.") ==
          list{"killed/all/12/12/exact/certains médias"});
    // So does a count after a conjunction that opens the subject's clause ("mais deux responsables
    // locaux … ont déclaré" read 'responsables locaux').
    CHECK(french_sentence("Le bilan est lourd, mais deux témoins ont affirmé que 12 civils avaient été tués.") ==
          list{"killed/civilians/12/12/exact/deux témoins"});
    CHECK(french_sentence("Le bilan est lourd et deux témoins ont affirmé que 12 civils avaient été tués.") ==
          list{"killed/civilians/12/12/exact/deux témoins"});
    // The auxiliary of the clause a name is the agent of ends the name ("annoncé par l'armée
    // malienne avait fait état de" read 'armée malienne avait').
    CHECK(french_sentence("Un bilan annoncé par l'armée malienne avait fait état de trois militaires tués.") ==
          list{"killed/security_forces/3/3/exact/armée malienne"});
    // Figures passed on by someone come from them: "les chiffres relayés par X", "publiés par X",
    // and the medium after "sur" ("relayés sur les réseaux sociaux" read 'relayés sur les réseaux
    // sociaux'; "publiés par la gendarmerie" read 'chiffres').
    CHECK(french_sentence("Les premiers chiffres, relayés sur les réseaux sociaux font état de 95 morts.") ==
          list{"killed/all/95/95/exact/réseaux sociaux"});
    CHECK(french_sentence("Les chiffres publiés par la gendarmerie font état de 95 morts.") ==
          list{"killed/all/95/95/exact/gendarmerie"});
    CHECK(french_sentence("Un bilan diffusé sur les réseaux sociaux fait état de 95 morts.") ==
          list{"killed/all/95/95/exact/réseaux sociaux"});
    // "l'un des responsables": "un" before "des" is the one of them who speaks, kept in the name
    // as the elided article before it is not.
    CHECK(french_sentence("Huit civils ont été tués, a déclaré l'un des responsables.") ==
          list{"killed/civilians/8/8/exact/un des responsables"});
    CHECK(french_sentence("Selon l'une des victimes, six civils ont été tués.") ==
          list{"killed/civilians/6/6/exact/une des victimes"});
    // "L'armée affirme que « … . … »": the speaker of a quotation its verb opens says the figures of
    // the quotation's later sentences; a sentence after the quotation closes is not theirs.
    CHECK(french_sentence("Le maire affirme que « 20 civils ont été tués. Ce chiffre s'ajoute aux 30 soldats tués lundi ».") ==
          list{"killed/civilians/20/20/exact/maire", "killed/security_forces/30/30/exact/maire"});
    CHECK(french_sentence("Le maire affirme : « 20 civils ont été tués. Une dizaine de soldats ont aussi été tués ».") ==
          list{"killed/civilians/20/20/exact/maire", "killed/security_forces/10/10/approximately/maire"});
    CHECK(french_sentence("Le maire affirme que « 20 civils ont été tués ». Une dizaine de soldats ont aussi été tués.") ==
          list{"killed/civilians/20/20/exact/maire", "killed/security_forces/10/10/approximately/-"});
    // "suivant le décompte de X" says "selon"; "le jour suivant" names no one.
    CHECK(french_sentence("Quinze soldats ont été tués, suivant le décompte provisoire des autorités locales.") ==
          list{"killed/security_forces/15/15/exact/autorités locales"});
    CHECK(french_sentence("Le jour suivant, trois civils ont été tués.") == list{"killed/civilians/3/3/exact/-"});
    // A '?' glued between an elided word and a letter is an apostrophe a conversion lost.
    CHECK(french_sentence("Selon l?armée, une dizaine d?habitants ont été tués.") ==
          list{"killed/civilians/10/10/approximately/armée"});
    // A lower-case "de" before a place's capitalised words is the descriptor's, not a person's particle.
    CHECK(french_sentence("Six civils ont été tués, selon le préfet de Mayo Tsanaga.") ==
          list{"killed/civilians/6/6/exact/préfet de Mayo Tsanaga"});
    // Words of when it was said name no one: "un bilan communiqué hier soir".
    CHECK(french_sentence("Un bilan communiqué hier soir faisait état de neuf morts.") == list{"killed/all/9/9/exact/-"});
    // "X a publié un communiqué": who publishes the statement reports what follows it.
    CHECK(french_sentence("La gendarmerie a publié un communiqué, annonçant que douze assaillants ont été neutralisés.") ==
          list{"killed/armed_group/12/12/exact/gendarmerie"});
    // A person's name set off after the description "selon" gives is who says it.
    CHECK(french_sentence("Selon un habitant, Boubacar Diallo, douze civils ont été tués.") ==
          list{"killed/civilians/12/12/exact/Boubacar Diallo"});
    CHECK(french_sentence("Selon le maire, Mopti et Ségou ont été touchés par des attaques qui ont fait 12 morts.") ==
          list{"killed/all/12/12/exact/maire"});
    // An elided word the name stops at is of what follows: "le bilan provisoire d'une attaque".
    CHECK(french_sentence("Neuf civils ont été tués selon le bilan provisoire d'une attaque survenue lundi.") ==
          list{"killed/civilians/9/9/exact/bilan provisoire"});
    // "si l'on en croit X", "à en croire X" say "selon X".
    CHECK(french_sentence("Si l'on en croit des témoins, 14 villageois ont été tués.") ==
          list{"killed/civilians/14/14/exact/témoins"});
    CHECK(french_sentence("À en croire la gendarmerie, neuf civils ont été enlevés.") ==
          list{"kidnapped/civilians/9/9/exact/gendarmerie"});
    // "de la Défense", "de l'Intérieur": an article and a capitalised name go on with the name.
    CHECK(french_sentence("Cinq soldats ont été tués, selon le ministère tchadien de la Sécurité publique.") ==
          list{"killed/security_forces/5/5/exact/ministère tchadien de la Sécurité publique"});
    CHECK(french_sentence("Cinq soldats ont été tués, selon une source du ministère de l'Intérieur.") ==
          list{"killed/security_forces/5/5/exact/source du ministère de l'Intérieur"});
    CHECK(french_sentence("Les autorités du Niger Occidental ont annoncé la mort de neuf civils.") ==
          list{"killed/civilians/9/9/exact/autorités du Niger Occidental"});
    // How a source was reached is no part of its name: "interrogée par l'AFP", "publié jeudi".
    CHECK(french_sentence("Un infirmier joint par téléphone a confirmé la mort de sept civils.") ==
          list{"killed/civilians/7/7/exact/infirmier"});
    CHECK(french_sentence("Sept civils ont été tués, selon un communiqué de la Croix-Rouge publié jeudi.") ==
          list{"killed/civilians/7/7/exact/Croix-Rouge"});
    // "comme l'a annoncé X", "ainsi que l'ont rapporté X": the subject follows the verb.
    CHECK(french_sentence("Neuf soldats ont été tués à Ménaka, comme l'a confirmé la gendarmerie jeudi.") ==
          list{"killed/security_forces/9/9/exact/gendarmerie"});
    CHECK(french_sentence("Six civils sont morts, ainsi que l'ont rapporté des témoins.") ==
          list{"killed/civilians/6/6/exact/témoins"});
    // The subject after the verb: past adverbs and the outlet, with its body and the person named.
    CHECK(french_sentence("« Nous avons perdu quatre soldats », a aussi déclaré le maire de Gao, Issa Maïga.") ==
          list{"killed/security_forces/4/4/exact/Issa Maïga"});
    CHECK(french_sentence("Trois gendarmes ont été tués, a indiqué à RFI le porte-parole de la gendarmerie.") ==
          list{"killed/security_forces/3/3/exact/porte-parole de la gendarmerie"});
    CHECK(french_sentence("Trois gendarmes ont été tués, a déclaré à l'AFP le lieutenant Modibo Keïta.") ==
          list{"killed/security_forces/3/3/exact/Modibo Keïta"});
    // The body after "de" stays without an article too; the person in an appositive, after a
    // title alone, is the source.
    CHECK(french_sentence("« Nous avons perdu six hommes », a déclaré le chef de quartier, Moussa Diarra.") ==
          list{"killed/all/6/6/exact/Moussa Diarra"});
    CHECK(french_sentence("Sept soldats ont été tués, a annoncé le ministre de la défense, général Amadou Sy.") ==
          list{"killed/security_forces/7/7/exact/Amadou Sy"});
    // A participle of report with its own subject: "…, le journal X affirmant que …".
    CHECK(french_sentence("Le bilan pourrait être plus lourd, la radio locale affirmant que douze civils sont morts.") ==
          list{"killed/civilians/12/12/exact/radio locale"});
    // A participle of report after the subject gives its figures: ", ajoutant que …", ", faisant état de …".
    CHECK(french_sentence("« La ville a été attaquée à l'aube », a déclaré le gouverneur, ajoutant que neuf civils sont morts.") ==
          list{"killed/civilians/9/9/exact/gouverneur"});
    CHECK(french_sentence("Le camp a été visé, a indiqué l'armée dans un message, faisant état de quatre blessés.") ==
          list{"injured/all/4/4/exact/armée"});
    // "de" before an adjective and a plural noun is an article, left off the source.
    CHECK(french_sentence("Huit civils ont été tués, selon de hauts responsables locaux.") ==
          list{"killed/civilians/8/8/exact/hauts responsables locaux"});
    CHECK(french_sentence("Des jihadistes ont enlevé mardi soir onze villageois.") ==
          list{"kidnapped/civilians/11/11/exact/-"});
    // "X, <appositive>, a annoncé": the name before it; after words of time, the words between the commas.
    CHECK(french_sentence("La Croix-Rouge, présente à Mopti, a annoncé la mort de neuf civils.") ==
          list{"killed/civilians/9/9/exact/Croix-Rouge"});
    CHECK(french_sentence("Plus tard, le gouverneur Sidi Touré, a confirmé la mort de neuf civils.") ==
          list{"killed/civilians/9/9/exact/Sidi Touré"});
    // "a déclaré X cité par Y": X said it, Y relays it.
    CHECK(french_sentence("Quatre soldats ont été tués, a déclaré un officier cité par la radio nationale.") ==
          list{"killed/security_forces/4/4/exact/officier"});
    // "X …, citant Y": Y said it, X relays it.
    const auto cited = toll::parse_sentence("Le journal Sahel Info évoque huit morts, citant une source hospitalière.", [] {
        toll::field_options o;
        o.language = toll::language::fr;
        return o;
    }());
    REQUIRE(cited.value().size() == 1);
    CHECK(claim_code(cited.value().front()) == "killed/all/8/8/exact/source hospitalière");
    REQUIRE(cited.value().front().source.via.size() == 1);
    CHECK(cited.value().front().source.via.front().name == "Sahel Info");
    CHECK(french_sentence("Cinq gendarmes ont été tués, ont rapporté des radios, citant le chef de la police, le commissaire Ali Touré.") ==
          list{"killed/security_forces/5/5/exact/Ali Touré"});
    // "a appris X de Y": Y said it, X relays it.
    const auto learned = toll::parse_sentence("Six soldats ont été tués, a appris RFI de sources locales.", [] {
        toll::field_options o;
        o.language = toll::language::fr;
        return o;
    }());
    REQUIRE(learned.value().size() == 1);
    CHECK(claim_code(learned.value().front()) == "killed/security_forces/6/6/exact/sources locales");
    REQUIRE(learned.value().front().source.via.size() == 1);
    CHECK(learned.value().front().source.via.front().name == "RFI");
    CHECK(french_sentence("Au Mali, 53 soldats et un civil ont été tués vendredi 1er novembre.") ==
          list{"killed/security_forces/53/53/exact/-", "killed/civilians/1/1/exact/-"});
    CHECK(french_sentence("Des sources sécuritaires ont confirmé la mort d'au moins treize soldats.") ==
          list{"killed/security_forces/13/inf/at_least/sources sécuritaires"});
    CHECK(french_sentence("Vingt FAMa et douze dozos ont été tués, selon l'armée.") ==
          list{"killed/security_forces/20/20/exact/armée", "killed/named:dozos/12/12/exact/armée"});
    CHECK(french_sentence("Des milliers d'habitants ont pris la fuite.") ==
          list{"displaced/civilians/word:thousands/-/vague/-"});
    CHECK(french_sentence("Près de 900 personnes ont été contraintes de fuir leurs villages.") ==
          list{"displaced/all/900/900/approximately/-"});
    // "des" before a category noun counts several, unless it is "de les" after a noun.
    CHECK(french_sentence("Selon le maire, il y a également des blessés.") ==
          list{"injured/all/word:several/-/vague/maire"});
    CHECK(french_sentence("L'explosion a fait quatre morts et des disparus.") ==
          list{"killed/all/4/4/exact/-", "missing/all/word:several/-/vague/-"});
    CHECK(french_sentence("Le nombre des blessés reste inconnu.").empty());
    CHECK(french_sentence("Trois soldats ont été tués et d'autres sont portés disparus.") ==
          list{"killed/security_forces/3/3/exact/-", "missing/security_forces/word:several/-/vague/-"});
    CHECK(french_sentence("Une dizaine d'autres ont été blessés.") == list{"injured/all/10/10/approximately/-"});
    CHECK(french_sentence("Les combats ont provoqué le déplacement massif de 40 000 personnes.") ==
          list{"displaced/all/40000/40000/exact/-"});
    // Verbs of killing in all their agreements.
    CHECK(french_sentence("Des hommes armés ont assassiné quatre civils.") == list{"killed/civilians/4/4/exact/-"});
    CHECK(french_cell("Les rebelles massacrent des dizaines de victimes") == list{"killed/all/word:dozens/-/vague/-"});
    CHECK(french_sentence("Le maire a dénoncé l'enlèvement de douze commerçants sur la route de Gao.") ==
          list{"kidnapped/all/12/12/exact/maire"});
    CHECK(french_sentence("Les jihadistes ont enlevé une dizaine de civils.") ==
          list{"kidnapped/civilians/10/10/approximately/-"});
    // "un"/"une" count only the people or the category after them.
    CHECK(french_cell("Deux Casques bleus tués par une mine") == list{"killed/named:peacekeepers/2/2/exact/-"});
    // Disappearances count the missing; cases count the people the category befell.
    CHECK(french_sentence("Il y a eu 95 morts et 19 cas de disparition.") ==
          list{"killed/all/95/95/exact/-", "missing/all/19/19/exact/-"});
    CHECK(french_sentence("On déplore 12 cas de décès.") == list{"killed/all/12/12/exact/-"});
    // Those who died of their wounds are dead.
    CHECK(french_sentence("Le bilan s'est alourdi à neuf morts, une personne ayant succombé à ses blessures.") ==
          list{"killed/all/9/9/exact/-", "killed/all/1/1/exact/-"});
    CHECK(french_sentence("Trois soldats ont succombé des suites de leurs blessures.") ==
          list{"killed/security_forces/3/3/exact/-"});
    // A noun of a state after the group's word describes the people; their predicate says what befell them.
    CHECK(french_sentence("Onze militaires maliens prisonniers d'un groupe armé au Mali ont été tués fin octobre.") ==
          list{"killed/security_forces/11/11/exact/-"});
    CHECK(french_sentence("Cinq soldats prisonniers ont été blessés.") == list{"injured/security_forces/5/5/exact/-"});
    // A side's phrase that closes a list of figures counts them all in the side's group.
    CHECK(french_sentence("Il y a eu dix morts et quinze blessés du côté de l'armée.") ==
          list{"killed/security_forces/10/10/exact/-", "injured/security_forces/15/15/exact/-"});
    CHECK(french_sentence("Il y a eu dix rescapés, de nombreux blessés et des dégâts importants du côté des forces armées maliennes.") ==
          list{"other/security_forces/10/10/exact/-", "injured/security_forces/word:many/-/vague/-"});
    CHECK(french_sentence("Dix morts du côté de l'armée et quinze du côté des assaillants.") ==
          list{"killed/security_forces/10/10/exact/-", "killed/armed_group/15/15/exact/-"});
    CHECK(french_sentence("On reconnaît quinze décès, le nombre de victimes dans les rangs des assaillants n'est pas connu.") ==
          list{"killed/all/15/15/exact/-"});
    CHECK(french_sentence("Douze civils ont été tués et vingt blessés lors de l'attaque du côté de Djibo.") ==
          list{"killed/civilians/12/12/exact/-", "injured/civilians/20/20/exact/-"});
    // A headline's place label ("Mali:") is not whose losses its figures count.
    CHECK(french_cell("Mali: 17 morts dans deux attaques dans le centre du pays") == list{"killed/all/17/17/exact/-"});
    CHECK(french_cell("Burkina: au moins douze morts dont quatre soldats dans une embuscade") ==
          list{"killed/all/12/inf/at_least/-", "killed/security_forces/4/4/exact/-"});
    CHECK(french_cell("5 rangers, un soldat tués") ==
          list{"casualties/named:rangers/5/5/exact/-", "killed/security_forces/1/1/exact/-"});  // cells split at commas
    // Group words in the singular name the same group as their plural.
    CHECK(french_sentence("Cinq morts, dont une femme et un enfant.") ==
          list{"killed/all/5/5/exact/-", "killed/named:women/1/1/exact/-", "killed/named:children/1/1/exact/-"});
    CHECK(french_sentence("Quatre supplétifs ont été tués.") == list{"killed/named:army auxiliaries/4/4/exact/-"});
    // "a fait état de" reports; "a fait 36.000 morts" causes.
    CHECK(french_sentence("Une source sécuritaire a fait état de 77 morts.") ==
          list{"killed/all/77/77/exact/source sécuritaire"});
    CHECK(french_sentence("L'insurrection a fait 36.000 morts.") == list{"killed/all/36000/36000/exact/-"});
    // Reporting verbs in the plural and the imperfect too.
    CHECK(french_sentence("Des témoins parlent de 14 morts.") == list{"killed/all/14/14/exact/témoins"});
    CHECK(french_sentence("Un infirmier qui parlait de neuf blessés a été entendu.") ==
          list{"injured/all/9/9/exact/infirmier"});
    CHECK(french_sentence("« Trente civils ont été tués », confie un notable.") ==
          list{"killed/civilians/30/30/exact/notable"});
    CHECK(french_sentence("Le maire a ajouté qu'il parlait de 12 blessés.") == list{"injured/all/12/12/exact/maire"});
    CHECK(french_sentence("Six civils ont été tués, a fait savoir le maire, Issa Touré.") ==
          list{"killed/civilians/6/6/exact/Issa Touré"});
    // A toll is no source: "un bilan provisoire fait état de douze morts".
    CHECK(french_sentence("Un bilan provisoire fait état de douze morts.") == list{"killed/all/12/12/exact/-"});
    // "on" names no source; a verb after "et" shares the subject before it.
    CHECK(french_sentence("On dénombre une vingtaine de soldats tués.") ==
          list{"killed/security_forces/20/20/approximately/-"});
    CHECK(french_sentence("Un document officiel rapporte une centaine de morts et cite 81 victimes.") ==
          list{"killed/all/100/100/approximately/document officiel", "casualties/all/81/81/exact/document officiel"});
    // Quotes between a figure and its words are stepped over.
    CHECK(french_sentence("« Une trentaine de civils » ont été « massacrés », selon le maire.") ==
          list{"killed/civilians/30/30/approximately/maire"});
    // A quotation of several sentences is its speaker's, in every sentence of it; a figure before
    // the quotation is not.
    CHECK(french_sentence("« Les assaillants ont tué 23 villageois. Le marché a brûlé », a déclaré un infirmier.") ==
          list{"killed/civilians/23/23/exact/infirmier"});
    CHECK(french_sentence("« Deux soldats sont morts. Le camp est tombé », a-t-il précisé.") ==
          list{"killed/security_forces/2/2/exact/il"});
    CHECK(french_sentence("« Le camp a été attaqué. Selon un premier décompte, 8 soldats sont morts », a précisé le maire.") ==
          list{"killed/security_forces/8/8/exact/maire"});
    CHECK(french_sentence("Le maire cite 12 morts. « Le village est vide », a déclaré un infirmier.") ==
          list{"killed/all/12/12/exact/maire"});
    // An aside between dashes is stepped over.
    CHECK(french_sentence("Plus de cent personnes – civils et militaires – sont mortes.") ==
          list{"killed/all/101/inf/more_than/-"});
    // Dates written with slashes, and times.
    CHECK(french_cell("23/03/2019 - 20:09").empty());
    // "mis hors d'état de nuire": put out of action, killed, before its figure or after it.
    CHECK(french_sentence("Les FAMa ont mis hors d'état de nuire 12 terroristes.") ==
          list{"killed/armed_group/12/12/exact/-"});
    CHECK(french_sentence("Vingt assaillants ont été mis hors d'état de nuire, selon l'armée.") ==
          list{"killed/armed_group/20/20/exact/armée"});
    // Those taken to a hospital are injured; taken elsewhere, they are not counted.
    CHECK(french_sentence("Douze soldats ont été évacués vers l'hôpital de Gao.") ==
          list{"injured/security_forces/12/12/exact/-"});
    // Those held are kidnapped: "retenus", "retenues".
    CHECK(french_sentence("Une quinzaine de personnes étaient toujours retenues jeudi.") ==
          list{"kidnapped/all/15/15/approximately/-"});
    // "causé la mort à": death given to the people after "à", as after "de".
    CHECK(french_sentence("Les tirs ont causé la mort à 12 civils dans le village.") ==
          list{"killed/civilians/12/12/exact/-"});
    // The buried are dead: "les obsèques de", "inhumés".
    CHECK(french_sentence("Les obsèques de onze soldats ont eu lieu samedi à Kati.") ==
          list{"killed/security_forces/11/11/exact/-"});
    CHECK(french_sentence("Quatorze civils ont été inhumés dimanche dans le village.") ==
          list{"killed/civilians/14/14/exact/-"});
    // "la mort ou la capture de": two fates joined by "ou", not told apart, are other.
    CHECK(french_sentence("L'armée a annoncé la mort ou la capture de 12 terroristes.") ==
          list{"other/armed_group/12/12/exact/armée"});
    CHECK(french_sentence("L'armée a annoncé la capture de 12 terroristes.") ==
          list{"captured/armed_group/12/12/exact/armée"});
    // The next item of a subset's list after "et" is a subset of the same whole, in its category.
    CHECK(french_sentence("Le contingent, fort de 2 000 hommes, dont 1 500 militaires et 300 gendarmes, est arrivé.") ==
          list{"other/all/2000/2000/exact/-", "other/security_forces/1500/1500/exact/-",
               "other/security_forces/300/300/exact/-"});
    // "dont des enfants": the plural article after "dont" counts several of the group it names.
    CHECK(french_sentence("Une trentaine de villageois, dont des femmes et des enfants, ont été tués.") ==
          list{"killed/civilians/30/30/approximately/-", "killed/named:women/word:several/-/vague/-",
               "killed/named:children/word:several/-/vague/-"});
    // A '?' glued between two letters is an apostrophe that lost its encoding; a question mark stays one.
    CHECK(french_sentence("Les rebelles ont d?abord abattu 9 villageois près de l?école.") ==
          list{"killed/civilians/9/9/exact/-"});
    CHECK(french_sentence("Combien de morts ? Douze civils ont été tués.") == list{"killed/civilians/12/12/exact/-"});
}

TEST_CASE("assailants: a count of an armed group's people who attack or arrive, with no word of harm, is other")
{
    CHECK(french_sentence("Des centaines d'assaillants ont attaqué le détachement militaire.") ==
          list{"other/armed_group/word:hundreds/-/vague/-"});
    CHECK(french_sentence("Plusieurs dizaines d'hommes à moto ont attaqué le village.") ==
          list{"other/armed_group/word:dozens/-/vague/-"});
    CHECK(french_sentence("Plus d'une centaine d'hommes armés sont arrivés et ont ouvert le feu.") ==
          list{"other/armed_group/101/inf/more_than/-"});
    CHECK(french_sentence("C'étaient une cinquantaine d'hommes lourdement armés, venus à bord de motos.") ==
          list{"other/armed_group/50/50/approximately/-"});
    CHECK(sentence("Hundreds of militants stormed the base on Sunday.") == list{"other/armed_group/word:hundreds/-/vague/-"});
    // People in general who arrive, and the attacked, are no assailants: the figures stay unread.
    CHECK(french_sentence("Des centaines de personnes sont arrivées à Bamako.").empty());
    CHECK(french_sentence("Une vingtaine d'hommes ont été attaqués sur la route.").empty());
    CHECK(sentence("Dozens of men were attacked on the road.").empty());
}

TEST_CASE("auto tells English from French by the text")
{
    CHECK(toll::detect_language("At least 20 people were killed, according to the UN.") == toll::language::en);
    CHECK(toll::detect_language("Au moins 20 personnes ont été tuées, selon l'ONU.") == toll::language::fr);
    CHECK(toll::detect_language("20+") == toll::language::en);
}

TEST_CASE("French forms: claims whose figures went unread")
{
    // A bound put after the figure's words bounds the figure, as one right after the number does.
    CHECK(french_sentence("38 morts au moins dans une attaque djihadiste.") == list{"killed/all/38/inf/at_least/-"});
    CHECK(french_sentence("Vingt personnes au moins ont été tuées.") == list{"killed/all/20/inf/at_least/-"});
    CHECK(french_sentence("Douze morts et plus.") == list{"killed/all/12/inf/at_least/-"});
    // Not words that open the next figure: "et plus de vingt" is its own bound.
    CHECK(french_sentence("Douze morts et plus de vingt blessés.") ==
          list{"killed/all/12/12/exact/-", "injured/all/21/inf/more_than/-"});
    CHECK(sentence("20 people were killed or more.") == list{"killed/all/20/inf/at_least/-"});
    CHECK(sentence("20 killed plus 5 injured.") == list{"killed/all/20/20/exact/-", "injured/all/5/5/exact/-"});
    // Ranks and kinds of people named apart: officers, the elderly, suicide bombers.
    CHECK(french_sentence("Onze soldats dont un officier ont été tués.") ==
          list{"killed/security_forces/11/11/exact/-", "killed/named:officers/1/1/exact/-"});
    CHECK(french_sentence("Sept civils ont été tués, dont un vieillard.") ==
          list{"killed/civilians/7/7/exact/-", "killed/named:elderly man/1/1/exact/-"});
    CHECK(french_sentence("Deux kamikazes sont morts dans l'explosion.") == list{"killed/armed_group/2/2/exact/-"});
    // A speaker's men are of the speaker's side, not of his rank.
    CHECK(french_sentence("« Nous avons perdu six hommes », a déclaré un officier.") ==
          list{"killed/security_forces/6/6/exact/officier"});
    // "comprenant" and "y compris" open a breakdown, as "dont" does.
    CHECK(french_sentence("Douze personnes ont été tuées, comprenant cinq soldats et sept civils.") ==
          list{"killed/all/12/12/exact/-", "killed/security_forces/5/5/exact/-", "killed/civilians/7/7/exact/-"});
    CHECK(french_sentence("Au moins 134 civils, y compris 20 enfants, ont été tués.") ==
          list{"killed/civilians/134/inf/at_least/-", "killed/named:children/20/20/exact/-"});
    CHECK(french_sentence("Trente civils, y compris des femmes et des enfants, ont été tués.") ==
          list{"killed/civilians/30/30/exact/-", "killed/named:women/word:several/-/vague/-",
               "killed/named:children/word:several/-/vague/-"});
    // A figure's words end at "et" before the next figure's verb: "et enlevé une centaine".
    CHECK(french_sentence("Boko Haram avait tué une dizaine de personnes et enlevé une centaine d'habitants.") ==
          list{"killed/all/10/10/approximately/-", "kidnapped/civilians/100/100/approximately/-"});
    // "déplacé" before its figure displaces it, as "tué" kills it.
    CHECK(french_sentence("Les violences ont tué des milliers de personnes et déplacé 2 000 habitants.") ==
          list{"killed/all/word:thousands/-/vague/-", "displaced/civilians/2000/2000/exact/-"});
    CHECK(french_sentence("Les combats ont déplacé des centaines de milliers de personnes.") ==
          list{"displaced/all/word:hundreds_of_thousands/-/vague/-"});
    // "des" before a group that a predicate of harm befalls counts several of it; not a speaker,
    // nor the group that did the harm.
    CHECK(french_sentence("On signale aussi que des militaires sont toujours portés disparus.") ==
          list{"missing/security_forces/word:several/-/vague/-"});
    CHECK(french_sentence("Des civils ont été tués lors de l'attaque.") ==
          list{"killed/civilians/word:several/-/vague/-"});
    CHECK(french_sentence("Des terroristes ont enlevé 20 personnes.") == list{"kidnapped/all/20/20/exact/-"});
    CHECK(french_sentence("Des militaires ont affirmé que 12 civils ont été tués.") ==
          list{"killed/civilians/12/12/exact/militaires"});
    // People named as no one in particular, or men, who bear arms are an armed group's.
    CHECK(french_sentence("L'armée a affirmé avoir tué une vingtaine d'individus armés.") ==
          list{"killed/armed_group/20/20/approximately/armée"});
    CHECK(french_sentence("Une centaine d'hommes armés ont été tués.") ==
          list{"killed/armed_group/100/100/approximately/-"});
    CHECK(french_sentence("Douze individus ont été tués.") == list{"killed/all/12/12/exact/-"});
    // The conditional of hearsay is where a predicate resumes, as the indicative is.
    CHECK(french_sentence("Au moins 134 civils, y compris 20 enfants, auraient été tués.") ==
          list{"killed/civilians/134/inf/at_least/-", "killed/named:children/20/20/exact/-"});
    // A description of the people set off by commas, with no figure of its own, stands between a
    // figure and its predicate; the predicate resumes at the auxiliary after it.
    CHECK(french_sentence("Douze civils, des forains se rendant à la foire de Bankas, ont été tués.") ==
          list{"killed/civilians/12/12/exact/-"});
    CHECK(french_sentence("92 soldats, sous-officiers et officiers de l'armée tchadienne, ont été tués.") ==
          list{"killed/security_forces/92/92/exact/-"});
    CHECK(french_sentence("15 terroristes qui tentaient de s'échapper après l'attaque, ont été neutralisés.") ==
          list{"killed/armed_group/15/15/exact/-"});
    CHECK(sentence("Twelve civilians, traders on their way to the market, were killed.") ==
          list{"killed/civilians/12/12/exact/-"});
    // A participle of a state before a predicate of harm describes the people it befell.
    CHECK(french_sentence("Trois personnes déplacées ont été tuées.") == list{"killed/all/3/3/exact/-"});
}

TEST_CASE("never silent: every number is a claim or a note saying why it is not")
{
    using toll::parse_errc;
    const auto notes = [](std::string_view text) {
        std::vector<std::string> out;
        const auto result = toll::parse_sentence(text);
        for (const auto& d : result.diagnostics()) {
            CHECK(d.severity == toll::severity::note);
            out.push_back(d.excerpt + "=" + std::string{toll::to_string(d.code)});
        }
        CHECK(result.ok());  // notes leave a result ok
        return out;
    };
    CHECK(notes("Between 2 and 3pm on December 12, 2023, fighters raided the town.") ==
          list{"Between 2 and 3=time", "12=date", "2023=year"});
    CHECK(notes("Two sources said a 20-year-old, the 3rd convoy of 19 vehicles and 40% of homes were hit on 27 "
                "March.") == list{"Two=no_category", "20=age", "3=ordinal", "19=count_of_things",
                                  "40=count_of_things", "27=date"});
    CHECK(notes("930 students were halted; G5 troops stayed.") == list{"930=no_category", "5=part_of_name"});
    // A claim's own number carries no note.
    CHECK(notes("The attack killed 12 people in 2021.") == list{"2021=year"});
    // Errors stay errors.
    const auto huge = toll::parse_sentence("The attack killed 99999999999999999999 people.");
    REQUIRE(huge.diagnostics().size() == 1);
    CHECK(huge.diagnostics().front().severity == toll::severity::error);
    CHECK_FALSE(huge.ok());
}

// ---- the corpus ------------------------------------------------------------------------------
//
// Every line of tests/data/real-figures.tsv (and of real-figures-fr.tsv, in French) is read and
// compared, claim by claim and in any order, with what the coder wrote: category, group, low, high,
// qualifier and source must all agree. A line the parser reads differently must be listed in the
// corpus's known-misses file with the exact difference this test computes (kind<TAB>text<TAB>
// difference<TAB>note). The test fails on a miss that is not listed, on a listed line that now reads
// as coded, and on a listed line whose difference changed: a change in what toll reads is always
// seen, better or worse, and the list is edited by hand. TOLL_CORPUS_VERBOSE=1 prints every miss;
// TOLL_CORPUS_CANDIDATES=1 prints, for each line whose listing is missing or out of date, the line
// to paste (the file itself is never written).
//
// Comparison rules (the corpus's notation, see the TSV's header):
//   - group `named:<label>` compares the label (case-insensitive) and nothing else, since the
//     notation does not carry a kind; any other group compares the kind, and the parser's group must
//     then have no label;
//   - source compares the origin's name case-insensitively, ignoring a leading "the", "a" or "an"
//     ("A witness" and "witness" are one source); `-` means the parser names no origin;
//   - a `figure` line codes the figure alone (category and group `-`): those two are not compared.

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

/// A source name for comparison: lower-cased, without a leading English or French article.
std::string source_key(std::string_view name)
{
    std::string s = lowered(trim(name));
    for (std::string_view article : {"the ", "a ", "an ", "le ", "la ", "les ", "l'", "l\u2019", "un ", "une ", "des ",
                                     "d'", "d\u2019"}) {
        if (s.rfind(article, 0) == 0) {
            s.erase(0, article.size());
            break;
        }
    }
    return s;
}

/// One claim, as the corpus writes it: category/group/low/high/qualifier/source.
struct coded_claim {
    std::string category, group, figure, source;  // source as written; "-" for none
};

coded_claim parse_expected(const std::string& code)
{
    // The source may itself hold slashes: split off the first five fields only.
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
    return {fields[0], fields[1], fields[2] + "/" + fields[3] + "/" + fields[4], fields[5]};
}

coded_claim coded(const claim& c)
{
    const std::string& source = c.source.origin.name;
    return {std::string{toll::to_string(c.category)}, group_code(c.group), figure_code(c.figure),
            trim(source).empty() ? std::string{"-"} : trim(source)};
}

std::string to_code(const coded_claim& c) { return c.category + "/" + c.group + "/" + c.figure + "/" + c.source; }

bool same_group(const std::string& expected, const std::string& got)
{
    if (expected.rfind("named:", 0) == 0) return lowered(expected) == lowered(got);
    return expected == got;  // a kind: the parser's group must be that kind, unlabelled
}

bool same_source(const std::string& expected, const std::string& got)
{
    if (expected == "-" || got == "-") return expected == got;
    return source_key(expected) == source_key(got);
}

/// Which fields of `e` and `g` differ ("group", "source" …); empty when they agree.
std::vector<std::string> differences(const coded_claim& e, const coded_claim& g, bool figure_only)
{
    std::vector<std::string> out;
    if (!figure_only && e.category != g.category) out.push_back("category");
    if (!figure_only && !same_group(e.group, g.group)) out.push_back("group");
    if (e.figure != g.figure) out.push_back("figure");
    if (!same_source(e.source, g.source)) out.push_back("source");
    return out;
}

/// Pairs expected claims with claims read (exact matches first, then the closest on the same
/// figure) and says what differs; empty when the line reads exactly as coded.
std::string compare(const std::vector<coded_claim>& expected, const std::vector<coded_claim>& got, bool figure_only)
{
    std::vector<bool> used(got.size(), false);
    std::vector<bool> matched(expected.size(), false);
    for (std::size_t e = 0; e < expected.size(); ++e) {
        for (std::size_t g = 0; g < got.size() && !matched[e]; ++g) {
            if (!used[g] && differences(expected[e], got[g], figure_only).empty()) used[g] = matched[e] = true;
        }
    }
    std::string why;
    auto note = [&](const std::string& text) { why += (why.empty() ? "" : "; ") + text; };
    for (std::size_t e = 0; e < expected.size(); ++e) {
        if (matched[e]) continue;
        std::size_t best = got.size();
        std::size_t best_diffs = 99;
        for (std::size_t g = 0; g < got.size(); ++g) {
            if (used[g]) continue;
            const auto d = differences(expected[e], got[g], figure_only);
            const bool figure_differs = std::find(d.begin(), d.end(), "figure") != d.end();
            if (!figure_differs && d.size() < best_diffs) best = g, best_diffs = d.size();
        }
        if (best == got.size()) {
            note("not read: " + to_code(expected[e]));
            continue;
        }
        used[best] = true;
        const coded_claim& e_ = expected[e];
        const coded_claim& g_ = got[best];
        std::string parts;
        for (const auto& field : differences(e_, g_, figure_only)) {
            const std::string& mine = field == "category" ? g_.category : field == "group" ? g_.group : g_.source;
            const std::string& theirs = field == "category" ? e_.category : field == "group" ? e_.group : e_.source;
            parts += (parts.empty() ? "" : ", ") + field + " '" + mine + "' vs coder '" + theirs + "'";
        }
        note(e_.figure + ": " + parts);
    }
    for (std::size_t g = 0; g < got.size(); ++g) {
        if (!used[g]) note("extra: " + to_code(got[g]));
    }
    return why;
}

/// How many of `expected` a claim of `got` reads exactly (each claim pairs once).
int exact_matches(const std::vector<coded_claim>& expected, const std::vector<coded_claim>& got, bool figure_only)
{
    std::vector<bool> used(got.size(), false);
    int n = 0;
    for (const auto& e : expected) {
        for (std::size_t g = 0; g < got.size(); ++g) {
            if (!used[g] && differences(e, got[g], figure_only).empty()) {
                used[g] = true;
                ++n;
                break;
            }
        }
    }
    return n;
}

/// The category a cell's infobox column gives its bare figures, as a user would pass it.
category column_category(const std::string& origin)
{
    for (std::string_view killed : {"Fatalities", "Deaths", "Morts", "Tués", "Victimes"})
        if (origin.find(killed) != std::string::npos) return category::killed;
    for (std::string_view injured : {"Injur", "Wounded", "Blessés"})
        if (origin.find(injured) != std::string::npos) return category::injured;
    if (origin.find("Strength") != std::string::npos || origin.find("Forces en présence") != std::string::npos)
        return category::other;
    return category::casualties;
}

struct tally {
    int lines = 0;
    int exact = 0;
    int known = 0;
    int claims_read = 0;   ///< claims toll read
    int claims_coded = 0;  ///< claims the coder coded
    int claims_right = 0;  ///< claims read exactly as coded
};

/// One listed miss: the difference the test computed when it was listed, and a note for people.
struct known_miss {
    std::string difference;
    std::string note;
    bool seen = false;
};

/// The known misses, keyed by "kind<TAB>text".
std::vector<std::pair<std::string, known_miss>> read_known_misses(const std::string& path)
{
    std::vector<std::pair<std::string, known_miss>> out;
    std::ifstream in{path};
    REQUIRE_MESSAGE(in.good(), "cannot open ", path);
    std::string line;
    std::size_t line_number = 0;
    while (std::getline(in, line)) {
        ++line_number;
        if (line.empty() || line.front() == '#') continue;
        const auto columns = split(line, "\t");
        if (columns.size() < 3 || trim(columns[2]).empty()) {
            FAIL_CHECK(path, ":", line_number, ": malformed known-miss line (want kind<TAB>text<TAB>difference"
                       "[<TAB>note]): ", line);
            continue;
        }
        out.push_back({columns[0] + "\t" + columns[1],
                       known_miss{trim(columns[2]), columns.size() > 3 ? trim(columns[3]) : std::string{}}});
    }
    return out;
}

struct corpus_counts {
    tally figures, cells, sentences;
};

/// Reads every line of the corpus at `path` and checks it against the coder and the known misses
/// at `misses_path`, as the comment above says. Returns the counts.
corpus_counts check_corpus(const std::string& path, const std::string& misses_path,
                           const toll::field_options& base_options = {},
                           const toll::detail::lexicon& lexicon = toll::detail::english)
{
    std::ifstream in{path};
    REQUIRE_MESSAGE(in.good(), "cannot open ", path);
    const bool verbose = std::getenv("TOLL_CORPUS_VERBOSE") != nullptr;
    const bool candidates = std::getenv("TOLL_CORPUS_CANDIDATES") != nullptr;

    auto known = read_known_misses(misses_path);
    auto find_known = [&](const std::string& key) -> known_miss* {
        for (auto& entry : known) {
            if (entry.first == key) return &entry.second;
        }
        return nullptr;
    };

    corpus_counts counts;
    std::string line;
    std::size_t line_number = 0;
    while (std::getline(in, line)) {
        ++line_number;
        if (line.empty() || line.front() == '#' || line.rfind("kind\t", 0) == 0) continue;
        const auto columns = split(line, "\t");
        REQUIRE_MESSAGE(columns.size() >= 3, path, ":", line_number, ": malformed corpus line: ", line);
        const std::string& kind = columns[0];
        const std::string& text = columns[1];
        const std::string expected_text = trim(columns[2]);
        const std::string origin = columns.size() > 3 ? columns[3] : std::string{};
        REQUIRE_MESSAGE((kind == "figure" || kind == "cell" || kind == "sentence"), path, ":", line_number,
                        ": unknown kind: ", line);

        std::vector<coded_claim> expected;
        if (expected_text != "-") {
            for (const auto& code : split(expected_text, " | ")) expected.push_back(parse_expected(trim(code)));
        }

        toll::field_options options = base_options;
        if (kind == "cell") options.category = column_category(origin);
        const auto result = kind == "sentence" ? toll::parse_sentence(text, options) : toll::parse_field(text, options);

        // Every line, whatever it holds, ends in claims or diagnostics, and the spans lie in the text.
        std::vector<coded_claim> got;
        for (const claim& c : result.value()) {
            REQUIRE(c.span.has_value());
            CHECK(c.span->offset + c.span->length <= text.size());
            got.push_back(coded(c));
        }

        // Never silent: every digit run and number word is inside a claim's span or a diagnostic's.
        const std::string where_text = path + ":" + std::to_string(line_number);
        for (std::size_t pos = 0;;) {
            const toll::detail::token t = toll::detail::next_token(text, pos, toll::detail::lex_mode::field, lexicon.style);
            if (t.kind == toll::detail::token_kind::end) break;
            pos = t.end > pos ? t.end : pos + 1;
            const std::string_view piece = std::string_view{text}.substr(t.begin, t.end - t.begin);
            const bool number = t.kind == toll::detail::token_kind::number ||
                                (t.kind == toll::detail::token_kind::word &&
                                 toll::detail::lookup_number_word(lexicon, piece).kind !=
                                     toll::detail::number_word_kind::none &&
                                 !toll::detail::lookup_number_word(lexicon, piece).has(toll::detail::glued_only));
            if (!number) continue;
            bool covered = false;
            for (const claim& c : result.value()) {
                covered = covered || (c.span->offset <= t.begin && t.end <= c.span->offset + c.span->length);
            }
            for (const auto& d : result.diagnostics()) covered = covered || (d.offset <= t.begin && t.end <= d.offset + d.length);
            CHECK_MESSAGE(covered, where_text, ": the number \"", piece, "\" at byte ", t.begin,
                          " has neither a claim nor a diagnostic: ", text);
        }

        const std::string why = compare(expected, got, kind == "figure");
        const std::string key = kind + "\t" + text;
        known_miss* listed = find_known(key);
        tally& t = kind == "figure" ? counts.figures : kind == "cell" ? counts.cells : counts.sentences;
        ++t.lines;
        t.claims_read += static_cast<int>(got.size());
        t.claims_coded += static_cast<int>(expected.size());
        t.claims_right += exact_matches(expected, got, kind == "figure");
        if (listed) listed->seen = true;
        std::string got_text;
        for (const auto& c : got) got_text += (got_text.empty() ? "" : " | ") + to_code(c);
        const std::string where = path + ":" + std::to_string(line_number);
        if (why.empty()) {
            ++t.exact;
            CHECK_MESSAGE(listed == nullptr, where, " is listed as a known miss but now reads as coded; remove it "
                          "from ", misses_path, ": ", text);
            continue;
        }
        if (listed) ++t.known;
        if (!listed) {
            CHECK_MESSAGE(false, where, " (", kind, ") reads differently from the coder: ", text,
                          "\n   expected: ", expected_text, "\n   got:      ", (got_text.empty() ? "-" : got_text),
                          "\n   differs:  ", why);
        } else if (listed->difference != why) {
            CHECK_MESSAGE(false, where, " (", kind, ") is a known miss whose difference changed: ", text,
                          "\n   expected: ", expected_text, "\n   got:      ", (got_text.empty() ? "-" : got_text),
                          "\n   listed:   ", listed->difference, "\n   now:      ", why);
        }
        if (candidates && (!listed || listed->difference != why)) {
            MESSAGE("candidate for ", misses_path, ":\n", key, "\t", why,
                    (listed && !listed->note.empty() ? "\t" + listed->note : std::string{}));
        }
        if (verbose) {
            MESSAGE(kind, ": ", text, "\n   expected: ", expected_text, "\n   got:      ",
                    (got_text.empty() ? "-" : got_text), "\n   differs:  ", why);
        }
    }
    for (const auto& entry : known) {
        CHECK_MESSAGE(entry.second.seen, misses_path, ": known miss not in the corpus (text changed or line removed?): ",
                      entry.first);
    }
    return counts;
}

std::string describe(const corpus_counts& c)
{
    auto part = [](const char* name, const tally& t) {
        const auto percent = [](int a, int b) { return b == 0 ? std::string{"-"} : std::to_string(100 * a / b) + "%"; };
        return std::string{name} + " " + std::to_string(t.exact) + "/" + std::to_string(t.known) + "/" +
               std::to_string(t.lines) + " (claims: precision " + percent(t.claims_right, t.claims_read) +
               ", recall " + percent(t.claims_right, t.claims_coded) + ")";
    };
    return "(exact / known misses / lines): " + part("figures", c.figures) + ", " + part("cells", c.cells) + ", " +
           part("sentences", c.sentences);
}

}  // namespace

TEST_CASE("corpus: real strings from public reports")
{
    const std::string dir = TOLL_TEST_DATA_DIR;
    const corpus_counts counts = check_corpus(dir + "/real-figures.tsv", dir + "/real-figures-known-misses.tsv");
    MESSAGE("English corpus ", describe(counts));
    CHECK(counts.figures.lines + counts.cells.lines + counts.sentences.lines >= 150);
}

TEST_CASE("corpus: real French strings from public reports")
{
    const std::string dir = TOLL_TEST_DATA_DIR;
    toll::field_options french;
    french.language = toll::language::fr;
    const corpus_counts counts = check_corpus(dir + "/real-figures-fr.tsv", dir + "/real-figures-fr-known-misses.tsv",
                                              french, toll::detail::french);
    MESSAGE("French corpus ", describe(counts));
    CHECK(counts.figures.lines + counts.cells.lines + counts.sentences.lines >= 150);
    // Told apart by the text alone, the corpus's sentences read as French.
    std::ifstream in{dir + "/real-figures-fr.tsv"};
    std::string line;
    int sentences = 0;
    int french_ones = 0;
    while (std::getline(in, line)) {
        if (line.rfind("sentence\t", 0) != 0) continue;
        ++sentences;
        if (toll::detect_language(split(line, "\t")[1]) == toll::language::fr) ++french_ones;
    }
    MESSAGE("auto: ", french_ones, " of ", sentences, " French sentences read as French");
    CHECK(french_ones * 100 >= sentences * 95);
}

TEST_CASE("source_named: a name's kind and party, as attributions are read")
{
    CHECK(toll::source_named("residents").kind == toll::source_kind::witness);
    CHECK(toll::source_named("Human Rights Watch").kind == toll::source_kind::ngo);
    const toll::source jnim = toll::source_named("JNIM");
    CHECK(jnim.kind == toll::source_kind::armed_group);
    CHECK(jnim.party == "JNIM");
    CHECK(toll::source_named("mayor of Bankass").kind == toll::source_kind::local_official);
    CHECK(toll::source_named("mayor of Bankass").name == "mayor of Bankass");
    CHECK(toll::source_named("Ouagadougou Weekly").kind == toll::source_kind::other);
}
