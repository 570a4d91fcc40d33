#pragma once
// English: the words the parser reads figures and claims by (see lexicon.hpp for what each table
// is for). Rules live in the grammar and the field reader; only words live here.

#include <string_view>

#include <toll/parse/detail/lexicon.hpp>

namespace toll::detail {

namespace en {

using enum number_word_kind;
using enum category_form;

inline constexpr number_entry numbers[] = {
    {"billion", scale, 1'000'000'000},
    {"dozen", dozen, 12},
    {"eight", unit, 8},
    {"eleven", teen, 11},
    {"eighteen", teen, 18},
    {"eighty", tens, 80},
    {"four", unit, 4},
    {"five", unit, 5},
    {"fourteen", teen, 14},
    {"fifteen", teen, 15},
    {"forty", tens, 40},
    {"fourty", tens, 40},
    {"fifty", tens, 50},
    {"hundred", hundred, 100},
    {"k", scale, 1'000, glued_only},
    {"million", scale, 1'000'000},
    {"nine", unit, 9},
    {"nineteen", teen, 19},
    {"ninety", tens, 90},
    {"one", unit, 1},
    {"six", unit, 6},
    {"seven", unit, 7},
    {"sixteen", teen, 16},
    {"seventeen", teen, 17},
    {"sixty", tens, 60},
    {"seventy", tens, 70},
    {"two", unit, 2},
    {"three", unit, 3},
    {"ten", teen, 10},
    {"twelve", teen, 12},
    {"thirteen", teen, 13},
    {"twenty", tens, 20},
    {"thirty", tens, 30},
    {"thousand", scale, 1'000},
    {"trillion", scale, 1'000'000'000'000},
    {"zero", unit, 0},
};

inline constexpr std::string_view articles[] = {"a", "an", "one"};
inline constexpr std::string_view exact_articles[] = {"one"};

inline constexpr bound_phrase prefixes[] = {
    {"about", bound_kind::approximately},
    {"around", bound_kind::approximately},
    {"approximately", bound_kind::approximately},
    {"almost", bound_kind::approximately},
    {"approx .", bound_kind::approximately},
    {"approx", bound_kind::approximately},
    {"above", bound_kind::more_than},
    {"at least", bound_kind::at_least},
    {"at most", bound_kind::at_most},
    // "as many as 100", "as high as 20": the top of what is claimed; "as few as 10": the bottom.
    {"as many as", bound_kind::at_most},
    {"as high as", bound_kind::at_most},
    {"as much as", bound_kind::at_most},
    {"as few as", bound_kind::at_least},
    {"as low as", bound_kind::at_least},
    {"as little as", bound_kind::at_least},
    {"a minimum of", bound_kind::at_least},
    {"a maximum of", bound_kind::at_most},
    {"an estimated", bound_kind::approximately},
    {"a estimated", bound_kind::approximately},
    {"below", bound_kind::fewer_than},
    {"c .", bound_kind::approximately},
    {"ca .", bound_kind::approximately},
    {"circa", bound_kind::approximately},
    {"close to", bound_kind::approximately},
    {"closer to", bound_kind::approximately},
    {"est .", bound_kind::approximately},
    {"est", bound_kind::approximately},
    {"exceeding", bound_kind::more_than},
    {"exceeds", bound_kind::more_than},
    {"exceeded", bound_kind::more_than},
    {"exceed", bound_kind::more_than},
    {"estimated", bound_kind::approximately},
    {"fewer than", bound_kind::fewer_than},
    {"greater than or equal to", bound_kind::at_least},
    {"greater than", bound_kind::more_than},
    {"in excess of", bound_kind::more_than},
    {"in the region of", bound_kind::approximately},
    {"just over", bound_kind::more_than},
    {"just under", bound_kind::fewer_than},
    {"less than or equal to", bound_kind::at_most},
    {"less than", bound_kind::fewer_than},
    {"more than", bound_kind::more_than},
    {"minimum of", bound_kind::at_least},
    {"minimum", bound_kind::at_least},
    {"maximum of", bound_kind::at_most},
    {"maximum", bound_kind::at_most},
    {"nearly", bound_kind::approximately},
    {"no fewer than", bound_kind::at_least},
    {"no less than", bound_kind::at_least},
    {"no more than", bound_kind::at_most},
    {"not fewer than", bound_kind::at_least},
    {"not less than", bound_kind::at_least},
    {"not more than", bound_kind::at_most},
    {"over", bound_kind::more_than},
    {"roughly", bound_kind::approximately},
    {"some", bound_kind::approximately, vague_word::several},
    {"up to", bound_kind::at_most},
    // "upwards of 300": 300 and up (the brief's reading, and how style guides gloss it).
    {"upwards of", bound_kind::at_least},
    {"upward of", bound_kind::at_least},
    {"under", bound_kind::fewer_than},
    {"well over", bound_kind::more_than},
    {"well above", bound_kind::more_than},
};

inline constexpr bound_phrase suffixes[] = {
    {"or more", bound_kind::at_least},
    {"or above", bound_kind::at_least},
    {"or so", bound_kind::approximately},
    {"or fewer", bound_kind::at_most},
    {"or less", bound_kind::at_most},
    {"plus", bound_kind::at_least},
};

inline constexpr range_frame range_frames[] = {{"between", "and"}, {"between", "to"}, {"from", "to"}};
inline constexpr range_joiner range_joiners[] = {{"to", false}, {"or", true}};

// "several hundred", "a few dozen", "many thousands": the magnitude word decides.
inline constexpr vague_phrase vague[] = {
    {"a few dozens", vague_word::dozens},
    {"a few dozen", vague_word::dozens},
    {"a few hundreds", vague_word::hundreds},
    {"a few thousands", vague_word::thousands},
    {"a few hundred", vague_word::hundreds},
    {"a few thousand", vague_word::thousands},
    {"a few", vague_word::a_few},
    {"a handful", vague_word::a_few},
    {"a large number", vague_word::many},
    {"a great number", vague_word::many},
    {"a considerable number", vague_word::many},
    {"a significant number", vague_word::many},
    {"a substantial number", vague_word::many},
    {"a number", vague_word::several},
    {"dozens", vague_word::dozens},
    {"few dozens", vague_word::dozens},
    {"few dozen", vague_word::dozens},
    {"few hundreds", vague_word::hundreds},
    {"few thousands", vague_word::thousands},
    {"few hundred", vague_word::hundreds},
    {"few thousand", vague_word::thousands},
    {"few", vague_word::a_few},
    {"hundreds of thousands", vague_word::hundreds_of_thousands},
    {"hundreds", vague_word::hundreds},
    {"many dozens", vague_word::dozens},
    {"many dozen", vague_word::dozens},
    {"many hundred", vague_word::hundreds},
    {"many thousand", vague_word::thousands},
    {"many hundreds", vague_word::hundreds},
    {"many thousands", vague_word::thousands},
    {"many", vague_word::many},
    {"multiple", vague_word::several},
    {"millions", vague_word::millions},
    {"numerous", vague_word::many},
    {"several dozen", vague_word::dozens},
    {"several dozens", vague_word::dozens},
    {"several hundred", vague_word::hundreds},
    {"several hundreds", vague_word::hundreds},
    {"several thousand", vague_word::thousands},
    {"several thousands", vague_word::thousands},
    {"several", vague_word::several},
    {"scores", vague_word::scores},
    {"thousands", vague_word::thousands},
    {"tens of thousands", vague_word::tens_of_thousands},
};

inline constexpr std::string_view unknown[] = {    "an unknown number",
    "an undisclosed number",
    "an unspecified number",
    "an undetermined number",
    "an unconfirmed number",
    "an unclear number",
    "an unknown",
    "an undisclosed",
    "an unspecified",
    "an undetermined",
    "an unconfirmed",
    "an unclear",
    "a unknown number",
    "a undisclosed number",
    "a unknown",
    "a undisclosed",
    "not known",
    "unknown number",
    "undisclosed number",
    "unspecified number",
    "undetermined number",
    "unconfirmed number",
    "unclear number",
    "unknown",
    "undisclosed",
    "unspecified",
    "undetermined",
    "unclear",
    "unconfirmed",};

inline constexpr std::string_view zero_words[] = {"none", "nil", "nobody", "no one"};
inline constexpr std::string_view zero_determiners[] = {"no"};
inline constexpr std::string_view zero_adjectives[] = {"civilian", "military", "further", "other", "reported",
                                                       "known"};
inline constexpr zero_noun zero_nouns[] = {
    {"casualties", category::casualties}, {"victims", category::casualties}, {"deaths", category::killed},
    {"fatalities", category::killed},     {"dead", category::killed},        {"injuries", category::injured},
    {"injured", category::injured},       {"wounded", category::injured},
};

inline constexpr category_entry categories[] = {
    {"annihilation", category::killed, noun_or_participle},
    {"abducted", category::kidnapped, both},
    {"abducting", category::kidnapped, active},
    {"abduction", category::kidnapped, noun_or_participle},
    {"abductions", category::kidnapped, noun_or_participle},
    {"arrested", category::captured, both},
    {"arresting", category::captured, active},
    {"abduct", category::kidnapped, active},
    {"abducts", category::kidnapped, active},
    {"bodies", category::killed, noun_or_participle, true},
    {"beheaded", category::killed, both},
    {"behead", category::killed, active},
    {"buried", category::killed, both},
    {"corpses", category::killed, noun_or_participle, true},
    {"captured", category::captured, both},
    {"capturing", category::captured, active},
    {"casualties", category::casualties, noun_or_participle},
    {"casualty", category::casualties, noun_or_participle},
    {"captures", category::captured, active},
    {"capture", category::captured, active},
    {"dead", category::killed, noun_or_participle},
    {"deaths", category::killed, noun_or_participle},
    {"death", category::killed, noun_or_participle},
    {"died", category::killed, noun_or_participle},
    {"deceased", category::killed, noun_or_participle},
    {"disappeared", category::missing, noun_or_participle},
    {"detained", category::captured, both},
    {"detainees", category::captured, noun_or_participle, true},
    {"detaining", category::captured, active},
    {"displaced", category::displaced, both},
    {"displacing", category::displaced, active},
    {"displacement", category::displaced, noun_or_participle},
    {"die", category::killed, noun_or_participle},
    {"dies", category::killed, noun_or_participle},
    {"displaces", category::displaced, active},
    // Troops sent to a place are counted, as other: "some 5,000 troops are deployed in the region".
    {"deployed", category::other, both},
    // Fighters who gave themselves up are counted, as other: "40 militants defected".
    {"defected", category::other, noun_or_participle},
    {"defectors", category::other, noun_or_participle},
    {"executed", category::killed, both},
    {"executing", category::killed, active},
    {"execute", category::killed, active},
    {"executes", category::killed, active},
    {"escaped", category::other, noun_or_participle},  // lived through it, as "survived"
    {"fatalities", category::killed, noun_or_participle},
    {"fatality", category::killed, noun_or_participle},
    {"fled", category::displaced, noun_or_participle},
    {"flee", category::displaced, noun_or_participle},
    {"fleeing", category::displaced, noun_or_participle},
    {"gunned", category::killed, both},
    {"hurt", category::injured, noun_or_participle},
    {"hostages", category::kidnapped, noun_or_participle, true},
    {"hostage", category::kidnapped, noun_or_participle, true},
    {"injured", category::injured, both},
    {"injuries", category::injured, noun_or_participle},
    {"injury", category::injured, noun_or_participle},
    {"injuring", category::injured, active},
    {"injures", category::injured, active},
    {"idps", category::displaced, noun_or_participle, true},
    {"injure", category::injured, active},
    {"imprisoned", category::captured, both},
    {"imprisoning", category::captured, active},
    {"killed", category::killed, both},
    {"killing", category::killed, active},
    {"killings", category::killed, noun_or_participle},
    {"kia", category::killed, noun_or_participle},
    {"kills", category::killed, active},
    {"kidnapped", category::kidnapped, both},
    {"kidnapping", category::kidnapped, active},
    {"kill", category::killed, active},
    {"kidnap", category::kidnapped, active},
    {"kidnaps", category::kidnapped, active},
    {"murdered", category::killed, both},
    {"massacred", category::killed, both},
    {"massacring", category::killed, active},
    {"missing", category::missing, noun_or_participle},
    {"mia", category::missing, noun_or_participle},
    {"massacre", category::killed, active},
    {"massacres", category::killed, active},
    {"neutralised", category::killed, both},
    {"neutralized", category::killed, both},
    {"neutralising", category::killed, active},
    {"neutralizing", category::killed, active},
    {"neutralisation", category::killed, noun_or_participle},
    {"neutralization", category::killed, noun_or_participle},
    {"perished", category::killed, noun_or_participle},
    {"prisoners", category::captured, noun_or_participle, true},
    {"prisoner", category::captured, noun_or_participle, true},
    {"pow", category::captured, noun_or_participle},
    {"pows", category::captured, noun_or_participle, true},
    // Sexual violence is counted, as other: "109 women were raped".
    {"raped", category::other, both},
    {"raping", category::other, active},
    {"refugees", category::displaced, noun_or_participle, true},
    {"slain", category::killed, noun_or_participle},
    {"slaughtered", category::killed, both},
    {"slaughter", category::killed, active},
    {"slaughters", category::killed, active},
    // Those who lived through it are counted, as other: "only 56 survived", "one escaped".
    {"survived", category::other, noun_or_participle},
    {"stationed", category::other, noun_or_participle},
    {"unaccounted", category::missing, noun_or_participle},
    {"victims", category::casualties, noun_or_participle, true},
    {"wounded", category::injured, both},
    {"wounding", category::injured, active},
    {"wia", category::injured, noun_or_participle},
    {"wounds", category::injured, active},
    {"wound", category::injured, active},
};

inline constexpr group_entry groups[] = {
    {"attackers", {group_kind::armed_group, false, {}}},
    {"attacker", {group_kind::armed_group, false, {}}},
    {"assailants", {group_kind::armed_group, false, {}}},
    {"assailant", {group_kind::armed_group, false, {}}},
    {"boys", {group_kind::civilians, true, {}}},
    {"bandits", {group_kind::armed_group, false, {}}},
    {"bandit", {group_kind::armed_group, false, {}}},
    {"civilians", {group_kind::civilians, false, {}}},
    {"civilian", {group_kind::civilians, false, {}}},
    {"children", {group_kind::civilians, true, {}}},
    {"child", {group_kind::civilians, true, "children"}},
    {"cadets", {group_kind::security_forces, true, {}}},
    // Fighters of any side: of no one kind.
    {"combatants", {group_kind::named, true, "combatants"}},
    {"combatant", {group_kind::named, true, "combatants"}},
    {"dozos", {group_kind::named, true, "dozos"}},
    {"dozo", {group_kind::named, true, "dozos"}},
    {"donsos", {group_kind::named, true, "dozos"}},
    {"extremists", {group_kind::armed_group, false, {}}},
    {"extremist", {group_kind::armed_group, false, {}}},
    {"foreigners", {group_kind::civilians, true, {}}},
    {"farmers", {group_kind::civilians, false, {}}},
    {"fighters", {group_kind::armed_group, false, {}}},
    {"fighter", {group_kind::armed_group, false, {}}},
    {"forces", {group_kind::security_forces, false, {}}},
    {"girls", {group_kind::civilians, true, {}}},
    {"gendarmes", {group_kind::security_forces, false, {}}},
    {"gendarme", {group_kind::security_forces, false, {}}},
    {"guards", {group_kind::security_forces, false, {}}},
    {"gunmen", {group_kind::armed_group, false, {}}},
    {"gunman", {group_kind::armed_group, false, {}}},
    {"herders", {group_kind::civilians, false, {}}},
    {"hunters", {group_kind::named, true, "dozos"}},
    {"individuals", {group_kind::all, false, {}}},
    {"inhabitants", {group_kind::civilians, false, {}}},
    {"insurgents", {group_kind::armed_group, false, {}}},
    {"insurgent", {group_kind::armed_group, false, {}}},
    {"journalists", {group_kind::civilians, false, {}}},
    {"jihadists", {group_kind::armed_group, false, {}}},
    {"jihadist", {group_kind::armed_group, false, {}}},
    {"jihadis", {group_kind::armed_group, false, {}}},
    {"men", {group_kind::civilians, true, {}}},
    {"minors", {group_kind::civilians, true, {}}},
    {"miners", {group_kind::civilians, false, {}}},
    {"military", {group_kind::security_forces, false, {}}},
    {"mercenaries", {group_kind::security_forces, true, {}}},
    {"militants", {group_kind::armed_group, false, {}}},
    {"militant", {group_kind::armed_group, false, {}}},
    {"militiamen", {group_kind::armed_group, true, {}}},
    {"noncombatants", {group_kind::civilians, false, {}}},
    {"nationals", {group_kind::civilians, true, {}}},
    {"officers", {group_kind::security_forces, false, {}}},
    // Office-holders of any kind: kept as written ("30 officials", "two local officials").
    {"officials", {group_kind::civilians, true, {}}},
    {"people", {group_kind::all, false, {}}},
    {"persons", {group_kind::all, false, {}}},
    {"person", {group_kind::all, false, {}}},
    {"passengers", {group_kind::civilians, false, {}}},
    {"pupils", {group_kind::civilians, false, {}}},
    {"policemen", {group_kind::security_forces, false, {}}},
    {"policeman", {group_kind::security_forces, false, {}}},
    {"police", {group_kind::security_forces, false, {}}},
    {"personnel", {group_kind::security_forces, false, {}}},
    {"peacekeepers", {group_kind::security_forces, true, {}}},
    {"residents", {group_kind::civilians, false, {}}},
    {"rebels", {group_kind::armed_group, false, {}}},
    {"rebel", {group_kind::armed_group, false, {}}},
    {"schoolgirls", {group_kind::civilians, true, {}}},
    {"schoolboys", {group_kind::civilians, true, {}}},
    {"schoolchildren", {group_kind::civilians, true, {}}},
    {"students", {group_kind::civilians, false, {}}},
    // "security force members", "security personnel": the words of security name the forces.
    {"security", {group_kind::security_forces, false, {}}},
    {"soldiers", {group_kind::security_forces, false, {}}},
    {"soldier", {group_kind::security_forces, false, {}}},
    {"servicemen", {group_kind::security_forces, false, {}}},
    // The armed forces' own word for their members, in one word or two ("US service members").
    {"servicemembers", {group_kind::security_forces, false, {}}},
    {"servicemember", {group_kind::security_forces, false, {}}},
    {"service members", {group_kind::security_forces, false, {}}},
    {"service member", {group_kind::security_forces, false, {}}},
    {"service personnel", {group_kind::security_forces, false, {}}},
    {"trainees", {group_kind::security_forces, true, {}}},
    {"traders", {group_kind::civilians, false, {}}},
    {"troops", {group_kind::security_forces, false, {}}},
    {"terrorists", {group_kind::armed_group, false, {}}},
    {"terrorist", {group_kind::armed_group, false, {}}},
    {"villagers", {group_kind::civilians, false, {}}},
    {"villager", {group_kind::civilians, false, {}}},
    {"women", {group_kind::civilians, true, {}}},
    {"woman", {group_kind::civilians, true, "women"}},  // "one woman": named as the plural
    {"workers", {group_kind::civilians, true, {}}},
    {"worshippers", {group_kind::civilians, false, {}}},
    {"youths", {group_kind::civilians, true, {}}},
};

// The first that matches wins: "south sudanese" before "sudanese". "US" only in capitals ("told us").
// The last field is the nation's people as a noun: "60 Afghan people" are Afghans.
inline constexpr party_adjective party_adjectives[] = {
    {"malian", "Mali", {}, false, "Malians"}, {"mali", "Mali"}, {"fama", "Mali"},
    {"nigerien", "Niger", {}, false, "Nigeriens"}, {"burkinabe", "Burkina Faso", {}, false, "Burkinabe"},
    {"burkinabè", "Burkina Faso", {}, false, "Burkinabè"},
    {"american", "United States", {}, false, "Americans"}, {"u . s .", "United States"},
    {"u . s", "United States"}, {"US", "United States", {}, true}, {"united states", "United States"},
    {"russian", "Russia", {}, false, "Russians"}, {"french", "France", {}, false, "French"},
    {"nigerian", "Nigeria", {}, false, "Nigerians"}, {"chadian", "Chad", {}, false, "Chadians"},
    {"iraqi", "Iraq", {}, false, "Iraqis"}, {"ukrainian", "Ukraine", {}, false, "Ukrainians"},
    {"ethiopian", "Ethiopia", {}, false, "Ethiopians"}, {"eritrean", "Eritrea", {}, false, "Eritreans"},
    {"somali", "Somalia", {}, false, "Somalis"}, {"kenyan", "Kenya", {}, false, "Kenyans"},
    {"ugandan", "Uganda", {}, false, "Ugandans"}, {"burundian", "Burundi", {}, false, "Burundians"},
    {"rwandan", "Rwanda", {}, false, "Rwandans"},
    {"south sudanese", "South Sudan", {}, false, "South Sudanese"},
    {"sudanese", "Sudan", {}, false, "Sudanese"}, {"cameroonian", "Cameroon", {}, false, "Cameroonians"},
    {"beninese", "Benin", {}, false, "Beninese"}, {"togolese", "Togo", {}, false, "Togolese"},
    {"ivorian", "Côte d'Ivoire", {}, false, "Ivorians"}, {"ghanaian", "Ghana", {}, false, "Ghanaians"},
    {"senegalese", "Senegal", {}, false, "Senegalese"},
    {"mauritanian", "Mauritania", {}, false, "Mauritanians"}, {"algerian", "Algeria", {}, false, "Algerians"},
    {"libyan", "Libya", {}, false, "Libyans"}, {"egyptian", "Egypt", {}, false, "Egyptians"},
    {"mozambican", "Mozambique", {}, false, "Mozambicans"}, {"afghan", "Afghanistan", {}, false, "Afghans"},
    {"pakistani", "Pakistan", {}, false, "Pakistanis"}, {"syrian", "Syria", {}, false, "Syrians"},
    {"yemeni", "Yemen", {}, false, "Yemenis"}, {"israeli", "Israel", {}, false, "Israelis"},
    {"turkish", "Turkey", {}, false, "Turks"}, {"iranian", "Iran", {}, false, "Iranians"},
    {"british", "United Kingdom", {}, false, "British"},
};

inline constexpr std::string_view reporting_verbs[] = {
    "said", "says", "say", "stated", "states", "reported", "reports", "report", "told", "announced", "announces",
    "claimed", "claims", "claim", "confirmed", "confirms", "documented", "counted", "recorded", "estimated",
    "estimates", "put", "puts", "gave", "cited", "added", "indicated", "noted", "alleged", "revealed", "tallied",
    "commented", "explained", "tweeted", "wrote", "disclosed", "acknowledged", "admitted", "declared", "showed",
    "show", "shows", "suggested", "suggests", "suggest", "confirm", "believe", "believes", "fear", "fears", "concluded", "concludes"
};

inline constexpr std::string_view months[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"
};

inline constexpr std::string_view non_person_units[] = {
    "vehicles", "vehicle", "cars", "trucks", "motorcycles", "motorbikes", "homes", "houses", "buildings",
    "villages", "towns", "years", "year", "months", "month", "weeks", "week", "days", "day", "hours", "hour",
    "minutes", "km", "kilometres", "kilometers", "miles", "metres", "meters", "percent", "per", "times", "tanks",
    "weapons", "rifles", "cattle", "animals", "head", "tonnes", "tons",
    "attacks", "incidents", "schools", "px", "hospitals", "clinics", "camps", "bases", "districts", "regions",
    "provinces", "countries", "sites", "locations", "shells", "rounds", "rockets", "missiles", "bombs", "strikes",
    "airstrikes", "raids", "mm"
};

// "who tried to flee", "qui tentaient de s'échapper": a category they tried for is not theirs.
inline constexpr std::string_view attempt_words[] = {"tried", "trying", "attempted", "attempting"};

inline constexpr std::string_view ordinal_suffixes[] = {"st", "nd", "rd", "th"};
inline constexpr std::string_view time_words[] = {"pm", "am", "gmt", "utc", "hrs", "o'clock"};
inline constexpr std::string_view age_words_before[] = {"aged", "ages of", "age of", "ages", "age"};
inline constexpr std::string_view age_units[] = {"year", "years", "month", "months"};
inline constexpr std::string_view age_old[] = {"old"};

inline constexpr std::string_view link_words[] = {
    "of", "the", "a", "an", "were", "was", "are", "is", "had", "have", "has", "been", "be", "being", "reportedly",
    "allegedly", "also", "all", "who", "more", "other", "others", "people", "later", "alleged", "to", "believed",
    "feared", "thought", "said", "reported", "confirmed", "estimated", "summarily", "individual", "cases",
    "unarmed", "innocent", "local", "either", "now", "most", "mostly", "many", "whom", "total", "dozen", "further",
    "additional", "likely", "presumed", "presumably", "both", "left", "found", "in", "their", "lives", "lost", "as",
    "remain", "remains", "remained", "remaining", "still"
};


/// The kind (and, for parties to the fighting, the party) a source name tells. Longer keys first
/// so "malian army" wins over "army".
inline constexpr known_source sources[] = {
    {"human rights watch", "Human Rights Watch", source_kind::ngo, {}},
    {"hrw", "Human Rights Watch", source_kind::ngo, {}},
    {"amnesty", {}, source_kind::ngo, {}},
    {"doctors without borders", {}, source_kind::ngo, {}},
    {"médecins sans frontières", {}, source_kind::ngo, {}},
    {"msf", {}, source_kind::ngo, {}},
    {"red cross", {}, source_kind::ngo, {}},
    {"icrc", {}, source_kind::ngo, {}},
    {"save the children", {}, source_kind::ngo, {}},
    {"minusma", {}, source_kind::un_body, {}},
    {"ohchr", {}, source_kind::un_body, {}},
    {"ocha", {}, source_kind::un_body, {}},
    {"unhcr", {}, source_kind::un_body, {}},
    {"unicef", {}, source_kind::un_body, {}},
    // The UN's migration agency since 2016.
    {"international organization for migration", {}, source_kind::un_body, {}},
    {"international organisation for migration", {}, source_kind::un_body, {}},
    {"iom", {}, source_kind::un_body, {}},
    {"united nations", {}, source_kind::un_body, {}},
    {"un", {}, source_kind::un_body, {}},
    {"u.n", {}, source_kind::un_body, {}},
    {"acled", {}, source_kind::dataset, {}},
    {"ucdp", {}, source_kind::dataset, {}},
    {"iraq body count", {}, source_kind::dataset, {}},
    {"airwars", {}, source_kind::dataset, {}},
    {"reuters", {}, source_kind::media, {}},
    {"afp", {}, source_kind::media, {}},
    {"agence france", {}, source_kind::media, {}},
    {"associated press", {}, source_kind::media, {}},
    {"ap", {}, source_kind::media, {}},
    {"rfi", {}, source_kind::media, {}},
    {"bbc", {}, source_kind::media, {}},
    {"al jazeera", {}, source_kind::media, {}},
    {"france 24", {}, source_kind::media, {}},
    {"france24", {}, source_kind::media, {}},
    {"voa", {}, source_kind::media, {}},
    {"houthis", {}, source_kind::armed_group, "Houthis"},
    {"houthi", {}, source_kind::armed_group, "Houthis"},
    {"jnim", {}, source_kind::armed_group, "JNIM"},
    {"gsim", {}, source_kind::armed_group, "JNIM"},
    {"jama'at nasr", {}, source_kind::armed_group, "JNIM", false},
    {"katiba macina", {}, source_kind::armed_group, "JNIM"},
    {"mnla", {}, source_kind::armed_group, "MNLA"},
    {"isgs", {}, source_kind::armed_group, "ISGS"},
    {"islamic state", {}, source_kind::armed_group, "Islamic State"},
    {"boko haram", {}, source_kind::armed_group, "Boko Haram"},
    {"iswap", {}, source_kind::armed_group, "ISWAP"},
    {"al-shabaab", {}, source_kind::armed_group, "al-Shabaab"},
    {"wagner", {}, source_kind::armed_group, "Wagner"},
    {"malian army", {}, source_kind::government, "Mali"},
    {"malian military", {}, source_kind::government, "Mali"},
    {"malian government", {}, source_kind::government, "Mali"},
    {"malian armed forces", {}, source_kind::government, "Mali"},
    {"malian authorities", {}, source_kind::government, "Mali"},
    {"malian officials", {}, source_kind::government, "Mali"},
    {"fama", {}, source_kind::government, "Mali"},
    {"mali", {}, source_kind::government, "Mali"},
    {"hospital", {}, source_kind::medical, {}, false},
    {"clinic", {}, source_kind::medical, {}, false},
    {"doctor", {}, source_kind::medical, {}, false},
    {"medic", {}, source_kind::medical, {}, false},
    {"health", {}, source_kind::medical, {}},
    {"mayor", {}, source_kind::local_official, {}, false},
    {"local official", {}, source_kind::local_official, {}, false},
    {"local authorit", {}, source_kind::local_official, {}, false},
    {"governor", {}, source_kind::local_official, {}, false},
    {"chief", {}, source_kind::local_official, {}, false},
    {"prefect", {}, source_kind::local_official, {}, false},
    {"councillor", {}, source_kind::local_official, {}, false},
    {"village head", {}, source_kind::local_official, {}, false},
    {"resident", {}, source_kind::witness, {}, false},
    {"witness", {}, source_kind::witness, {}, false},
    {"survivor", {}, source_kind::witness, {}, false},
    {"villager", {}, source_kind::witness, {}, false},
    {"locals", {}, source_kind::witness, {}},
    {"army", {}, source_kind::government, {}},
    {"military", {}, source_kind::government, {}},
    {"government", {}, source_kind::government, {}},
    {"ministry", {}, source_kind::government, {}},
    {"authorities", {}, source_kind::government, {}},
    {"officials", {}, source_kind::government, {}},
    {"police", {}, source_kind::government, {}},
};

inline constexpr std::string_view conjunctions[] = {"and", "or"};
inline constexpr std::string_view list_joiners[] = {"and", "including", "plus", "incl", "as", "well", "among", "them",
                                                    "of", "whom", "along", "together", "with"};
inline constexpr std::string_view group_joiners[] = {"and", "while", "with", "as", "well", "plus", "another", "but"};
inline constexpr std::string_view restating_words[] = {"others", "other", "more"};
inline constexpr std::string_view including[] = {"including", "incl", "among", "among them"};
// Attack or arrival in force: "hundreds of militants stormed the base", "gunmen opened fire".
inline constexpr std::string_view assault_verbs[] = {
    "attacked", "stormed", "raided", "ambushed", "overran", "opened fire", "invaded", "besieged", "surrounded",
    "arrived", "attack", "storm", "raid",
};
inline constexpr std::string_view assailant_nouns[] = {"men"};
inline constexpr std::string_view passive_markers[] = {"been", "was", "were", "is", "are", "be", "being"};
inline constexpr std::string_view auxiliaries[] = {"were", "was", "are", "is", "had", "have", "has"};
inline constexpr std::string_view toll_nouns[] = {"toll", "tolls", "doll"};
inline constexpr std::string_view casualty_toll_words[] = {"casualty", "casualties"};
inline constexpr std::string_view figure_nouns[] = {"figure", "tally", "count", "number", "estimates", "estimate",
                                                    "total"};
inline constexpr std::string_view estimate_adjectives[] = {"estimated", "approximate", "rough", "provisional"};
inline constexpr std::string_view toll_verbs[] = {
    "at", "to", "was", "is", "of", "reached", "hit", "could", "would", "may", "surpassed", "passed", "stood", "be",
    "rose", "risen", "climbed", "stands", "put", "has", "from", "had", "jumped", "increased", "exceed", "reach",
    "vary", "varies", "varied", "range", "ranges", "ranged",
};

inline constexpr std::string_view magnitude_openers[] = {"in the"};
inline constexpr std::string_view subject_articles[] = {"the"};
inline constexpr std::string_view subject_trailers[] = {
    "later", "also", "have", "has", "had", "initially", "previously", "earlier", "further", "today", "yesterday",
    "then", "now", "again", "however", "separately", "would", "could", "did", "will", "can",
};
inline constexpr std::string_view of_words[] = {"of"};
inline constexpr std::string_view name_articles[] = {"the", "a", "an"};
inline constexpr std::string_view according_to[] = {"according to", "per"};
inline constexpr std::string_view rate_words[] = {"cent", "day", "year", "capita", "hour", "week", "month"};
inline constexpr std::string_view by_agent[] = {"by"};
inline constexpr std::string_view citing[] = {"citing", "quoting"};
inline constexpr std::string_view cited_by[] = {"cited by", "quoted by"};
inline constexpr std::string_view telling_verbs[] = {"told"};
inline constexpr std::string_view loss_verbs[] = {"lost only", "lost just", "lost", "lose", "loses", "losing",
                                                  "have lost", "has lost", "had lost"};
inline constexpr std::string_view aside_openers[] = {"mostly", "mainly", "largely", "chiefly", "most of them",
                                                     "many of them", "all of them"};
inline constexpr std::string_view hedge_openers[] = {"and probably", "and possibly", "and perhaps", "or perhaps",
                                                     "or possibly", "or even", "and maybe", "if not", "perhaps",
                                                     "possibly", "probably", "maybe"};
inline constexpr std::string_view reporting_participles[] = {"reporting", "claiming", "saying", "stating",
                                                           "estimating", "confirming", "announcing"};
inline constexpr std::string_view absolute_openers[] = {"with"};
inline constexpr std::string_view participle_endings[] = {"ed"};
inline constexpr std::string_view as_words[] = {"as"};
inline constexpr std::string_view among_words[] = {"among", "amongst"};
inline constexpr std::string_view ethnic_words[] = {"ethnic"};
inline constexpr std::string_view civilian_dress[] = {"in civilian clothes", "in civilian clothing",
                                                      "in civilian dress", "in civilian attire"};
inline constexpr std::string_view existential_openers[] = {"there to be", "there could be", "there may be",
                                                           "there might be", "there would be", "there will be"};
inline constexpr std::string_view killing_of_nouns[] = {"killing", "assassination", "murder", "execution"};
inline constexpr std::string_view period_nouns[] = {"day", "week", "weekend", "month", "year", "morning",
                                                    "afternoon", "evening", "night"};
inline constexpr std::string_view natural_causes[] = {"of natural causes", "from natural causes"};
// Attackers who set off their own explosives die by them.
inline constexpr category_phrase category_phrases[] = {
    {"taken alive", category::captured},        {"captured alive", category::captured},
    {"blew themselves up", category::killed},   {"blew himself up", category::killed},
    {"detonated suicide", category::killed},    {"detonated their suicide", category::killed},
    {"detonated his suicide", category::killed}, {"detonated explosive vests", category::killed},
    // Those who took part in an attack are counted, as other: "40 jihadists were involved in the massacre".
    {"involved in", category::other},           {"took part in", category::other},
    {"participated in", category::other},       {"taking part in", category::other},
    // To lose one's life is to die: "40 people lost their lives", "a soldier lost his life".
    {"lost their lives", category::killed},     {"lost his life", category::killed},
    {"lost her life", category::killed},        {"lose their lives", category::killed},
    {"losing their lives", category::killed},
    // Those in care for their wounds are injured.
    {"receiving treatment", category::injured}, {"being treated", category::injured},
    {"receiving medical treatment", category::injured},
    // "many fled with injuries": the wounds, not the flight, are what the figure counts.
    {"fled with injuries", category::injured},  {"escaped with injuries", category::injured},
    {"fled wounded", category::injured},
    // Those found alive are no one's losses, whatever the words before said.
    {"found alive", std::nullopt},              {"rescued alive", std::nullopt},
    // Nor are those freed ("released" also says a figure was published: "280 dead was released").
    {"freed", std::nullopt},
};
inline constexpr std::string_view relative_pronouns[] = {"who", "which"};
inline constexpr std::string_view witness_verbs[] = {"buried", "bury", "buries", "found", "find", "finds",
                                                     "discovered", "discover", "discovers", "recovered", "recover",
                                                     "recovers", "retrieved", "exhumed"};
inline constexpr std::string_view present_participle_endings[] = {"ing"};
inline constexpr std::string_view life_nouns[] = {"lives", "life"};
inline constexpr std::string_view life_taking_verbs[] = {"claimed", "claiming", "claims", "claim", "cost", "costing",
                                                        "costs", "took", "taken", "taking", "takes", "take"};
inline constexpr std::string_view putting_verbs[] = {"put", "puts", "putting", "placed", "places", "placing"};
inline constexpr std::string_view people_determiners[] = {"those", "the"};
inline constexpr std::string_view strength_nouns[] = {"force", "strength", "contingent"};
inline constexpr std::string_view title_abbreviations[] = {"dr", "mr", "gen", "col", "lt", "sgt", "st"};
inline constexpr std::string_view heavy_words[] = {"heavy", "considerable", "significant", "substantial", "huge",
                                                   "massive"};
inline constexpr std::string_view publishing_verbs[] = {"released", "issued", "published", "releases", "issues",
                                                        "publishes", "release", "issue", "publish"};
inline constexpr std::string_view statement_nouns[] = {"statement", "statements", "report", "communique",
                                                       "communiqué", "bulletin", "press release", "update"};
inline constexpr std::string_view collective_nouns[] = {"family", "household"};
inline constexpr std::string_view tie_participles[] = {"based", "backed", "linked", "allied", "aligned",
                                                      "affiliated", "supported", "sponsored", "funded"};
inline constexpr std::string_view place_prepositions[] = {"in"};
inline constexpr std::string_view scene_prepositions[] = {"in", "during", "on", "at", "near", "outside", "inside"};

inline constexpr std::string_view stop_words[] = {
    "the", "of", "and", "to", "in", "were", "was", "killed", "people", "at", "least", "said", "by", "with", "on",
    "have", "has", "been", "from", "that", "which", "soldiers", "dead",
};

}  // namespace en

inline constexpr lexicon english{
    .name = "en",
    .style = number_style::point_decimal,
    .numbers = en::numbers,
    .articles = en::articles,
    .ambiguous_ones = {},
    .alone_words = {},
    .exact_articles = en::exact_articles,
    .half = "half",
    .half_after_article = {},
    .scale_joiner = "and",
    .tens_unit_joiner = {},
    .prefixes = en::prefixes,
    .suffixes = en::suffixes,
    .range_frames = en::range_frames,
    .range_joiners = en::range_joiners,
    .vague = en::vague,
    .unknown = en::unknown,
    .zero_words = en::zero_words,
    .zero_determiners = en::zero_determiners,
    .zero_adjectives = en::zero_adjectives,
    .zero_nouns = en::zero_nouns,
    .categories = en::categories,
    .groups = en::groups,
    .party_adjectives = en::party_adjectives,
    .reporting_verbs = en::reporting_verbs,
    .light_verbs = {},
    .light_verb_nouns = {},
    .months = en::months,
    .non_person_units = en::non_person_units,
    .attempt_words = en::attempt_words,
    .ordinal_suffixes = en::ordinal_suffixes,
    .time_words = en::time_words,
    .age_words_before = en::age_words_before,
    .age_units = en::age_units,
    .age_old = en::age_old,
    .link_words = en::link_words,
    .including = en::including,
    .auxiliaries = en::auxiliaries,
    .restating_words = en::restating_words,
    .list_joiners = en::list_joiners,
    .group_joiners = en::group_joiners,
    .conjunctions = en::conjunctions,
    .sources = en::sources,
    .toll_nouns = en::toll_nouns,
    .casualty_toll_words = en::casualty_toll_words,
    .figure_nouns = en::figure_nouns,
    .toll_verbs = en::toll_verbs,
    .estimate_adjectives = en::estimate_adjectives,
    .magnitude_openers = en::magnitude_openers,
    .subject_trailers = en::subject_trailers,
    .of_words = en::of_words,
    .impersonal_subjects = {},
    .subject_articles = en::subject_articles,
    .name_articles = en::name_articles,
    .according_to = en::according_to,
    .rate_words = en::rate_words,
    .by_agent = en::by_agent,
    .citing = en::citing,
    .cited_by = en::cited_by,
    .telling_verbs = en::telling_verbs,
    .to_recipient = {},
    .stop_words = en::stop_words,
    .loss_verbs = en::loss_verbs,
    .scene_prepositions = en::scene_prepositions,
    .collective_nouns = en::collective_nouns,
    .aside_openers = en::aside_openers,
    .hedge_openers = en::hedge_openers,
    .among_words = en::among_words,
    .civilian_dress = en::civilian_dress,
    .existential_openers = en::existential_openers,
    .killing_of_nouns = en::killing_of_nouns,
    .period_nouns = en::period_nouns,
    .category_phrases = en::category_phrases,
    .natural_causes = en::natural_causes,
    .ethnic_words = en::ethnic_words,
    .relative_pronouns = en::relative_pronouns,
    .reporting_participles = en::reporting_participles,
    .absolute_openers = en::absolute_openers,
    .participle_endings = en::participle_endings,
    .publishing_verbs = en::publishing_verbs,
    .statement_nouns = en::statement_nouns,
    .as_words = en::as_words,
    .witness_verbs = en::witness_verbs,
    .present_participle_endings = en::present_participle_endings,
    .life_nouns = en::life_nouns,
    .life_taking_verbs = en::life_taking_verbs,
    .putting_verbs = en::putting_verbs,
    .people_determiners = en::people_determiners,
    .heavy_words = en::heavy_words,
    .title_abbreviations = en::title_abbreviations,
    .strength_nouns = en::strength_nouns,
    .tie_participles = en::tie_participles,
    .place_prepositions = en::place_prepositions,
    .assault_verbs = en::assault_verbs,
    .assailant_nouns = en::assailant_nouns,
    .passive_markers = en::passive_markers,
};

}  // namespace toll::detail
