#pragma once
// French: the words the parser reads figures and claims by (see lexicon.hpp for what each table
// is for), as Sahel reporting writes them (RFI, AFP, Jeune Afrique, MINUSMA, local press).
// Numbers group thousands with a period or a space ("1.600", "1 600", U+00A0 and U+202F too) and
// mark decimals with a comma ("1,3 million"). Participles are listed in all four agreements.

#include <string_view>

#include <toll/parse/detail/lexicon.hpp>

namespace toll::detail {

namespace fr {

using enum number_word_kind;
using enum category_form;

inline constexpr number_entry numbers[] = {
    {"cinq", unit, 5},
    {"cent", hundred, 100},
    {"cents", hundred, 100},
    {"centaine", approx_count, 100},
    {"centaines", approx_count, 100},
    {"cinquante", tens, 50},
    {"cinquantaine", approx_count, 50},
    {"deux", unit, 2},
    {"dix", teen, 10, takes_unit},
    {"douze", teen, 12},
    {"douzaine", approx_count, 12},
    {"dizaine", approx_count, 10},
    {"huit", unit, 8},
    {"mille", scale, 1'000, stands_alone},
    {"million", scale, 1'000'000},
    {"millions", scale, 1'000'000},
    {"milliard", scale, 1'000'000'000},
    {"milliards", scale, 1'000'000'000},
    {"millier", approx_count, 1'000},
    {"neuf", unit, 9},
    {"onze", teen, 11},
    {"quatre", unit, 4},
    {"quatorze", teen, 14},
    {"quinze", teen, 15},
    {"quinzaine", approx_count, 15},
    {"quarante", tens, 40},
    {"quarantaine", approx_count, 40},
    {"seize", teen, 16},
    {"sept", unit, 7},
    {"six", unit, 6},
    {"soixante", tens, 60, takes_teen},
    {"soixantaine", approx_count, 60},
    {"treize", teen, 13},
    {"trente", tens, 30},
    {"trentaine", approx_count, 30},
    {"trois", unit, 3},
    {"un", unit, 1},
    {"une", unit, 1},
    {"vingt", tens, 20, multiplied},
    {"vingts", tens, 20, multiplied},
    {"vingtaine", approx_count, 20},
    {"zéro", unit, 0},
};

inline constexpr std::string_view articles[] = {"un", "une", "la"};
inline constexpr std::string_view exact_articles[] = {"un", "une"};
inline constexpr std::string_view ambiguous_ones[] = {"un", "une"};
// "Un seul a pu s'échapper": one alone, the number.
inline constexpr std::string_view alone_words[] = {"seul", "seule"};

inline constexpr bound_phrase prefixes[] = {
    {"autour de", bound_kind::approximately},
    {"autour d '", bound_kind::approximately},
    {"approximativement", bound_kind::approximately},
    {"au moins", bound_kind::at_least},
    {"au minimum", bound_kind::at_least},
    {"au plus", bound_kind::at_most},
    {"au maximum", bound_kind::at_most},
    {"aux alentours de", bound_kind::approximately},
    {"dépassant les", bound_kind::more_than},
    {"dépassant", bound_kind::more_than},
    // "en plus de 20 morts": besides, not more than; read as part of an exact figure.
    {"en plus de", bound_kind::none},
    {"en plus d '", bound_kind::none},
    {"environ", bound_kind::approximately},
    {"jusqu ' à", bound_kind::at_most},
    {"moins de", bound_kind::fewer_than},
    {"moins d '", bound_kind::fewer_than},
    {"pas moins de", bound_kind::at_least},
    {"pas moins d '", bound_kind::at_least},
    {"plus de", bound_kind::more_than},
    {"plus d '", bound_kind::more_than},
    {"près de", bound_kind::approximately},
    {"près d '", bound_kind::approximately},
    {"presque", bound_kind::approximately},
    {"quelque", bound_kind::approximately},
    {"quelques", bound_kind::approximately, vague_word::a_few},
    {"un peu plus de", bound_kind::more_than},
    {"un peu plus d '", bound_kind::more_than},
    {"un peu moins de", bound_kind::fewer_than},
    {"à peu près", bound_kind::approximately},
};

inline constexpr bound_phrase suffixes[] = {
    {"au moins", bound_kind::at_least},
    {"environ", bound_kind::approximately},
    {"et plus", bound_kind::at_least},
    {"ou plus", bound_kind::at_least},
};

inline constexpr range_frame range_frames[] = {{"entre", "et"}, {"de", "à"}};
inline constexpr range_joiner range_joiners[] = {{"à", false}, {"ou", true}};

inline constexpr vague_phrase vague[] = {
    {"beaucoup", vague_word::many},
    {"certains", vague_word::several},
    {"certaines", vague_word::several},
    {"centaines de milliers", vague_word::hundreds_of_thousands},
    {"centaines", vague_word::hundreds},
    {"des dizaines de milliers", vague_word::tens_of_thousands},
    {"des centaines de milliers", vague_word::hundreds_of_thousands},
    {"des dizaines", vague_word::dozens},
    {"des centaines", vague_word::hundreds},
    {"des milliers", vague_word::thousands},
    {"des millions", vague_word::millions},
    {"de nombreux", vague_word::many},
    {"de nombreuses", vague_word::many},
    {"dizaines de milliers", vague_word::tens_of_thousands},
    {"dizaines", vague_word::dozens},
    {"de lourdes victimes", vague_word::many},
    {"milliers", vague_word::thousands},
    {"nombreux", vague_word::many},
    {"nombreuses", vague_word::many},
    {"plusieurs dizaines", vague_word::dozens},
    {"plusieurs centaines", vague_word::hundreds},
    {"plusieurs milliers", vague_word::thousands},
    {"plusieurs", vague_word::several},
    {"quelques", vague_word::a_few},
    {"une poignée", vague_word::a_few},
    {"un grand nombre", vague_word::many},
    {"un nombre important", vague_word::many},
    {"un nombre très élevé", vague_word::many},
    {"un nombre élevé", vague_word::many},
};

inline constexpr std::string_view unknown[] = {    "inconnu",
    "indéterminé",
    "non précisé",
    "non déterminé",
    "un nombre indéterminé",
    "un nombre inconnu",
    "un nombre non déterminé",
    "un nombre non précisé",};

inline constexpr std::string_view zero_words[] = {"aucune victime", "aucun mort", "aucun blessé"};
inline constexpr std::string_view zero_determiners[] = {"aucun", "aucune"};
inline constexpr std::string_view zero_adjectives[] = {"autre"};
inline constexpr zero_noun zero_nouns[] = {
    {"victime", category::casualties}, {"victimes", category::casualties}, {"mort", category::killed},
    {"morts", category::killed},       {"décès", category::killed},       {"blessé", category::injured},
    {"blessés", category::injured},
};

inline constexpr category_entry categories[] = {
    {"abattu", category::killed, both},
    {"abattus", category::killed, both},
    {"abattue", category::killed, both},
    {"abattues", category::killed, both},
    {"appréhendés", category::captured, both},
    {"assassiné", category::killed, both},
    {"assassinés", category::killed, both},
    {"assassinée", category::killed, both},
    {"assassinées", category::killed, both},
    {"assassinent", category::killed, active},
    {"arrêtés", category::captured, both},
    {"arrêtées", category::captured, both},
    {"arrêté", category::captured, both},
    {"blessé", category::injured, both},
    {"blessés", category::injured, both},
    {"blessée", category::injured, both},
    {"blessées", category::injured, both},
    {"blessant", category::injured, active},
    {"blessures", category::injured, noun_or_participle},
    {"blesser", category::injured, active},
    // "la capture de 30 djihadistes": the noun counts whom its "de" names.
    {"capture", category::captured, active},
    {"capturés", category::captured, both},
    {"capturées", category::captured, both},
    {"capturé", category::captured, both},
    {"cadavres", category::killed, noun_or_participle, true},
    {"corps", category::killed, noun_or_participle, true},
    {"disparus", category::missing, noun_or_participle},
    {"disparues", category::missing, noun_or_participle},
    {"disparu", category::missing, noun_or_participle},
    // "19 cas de disparition": the noun of the event counts those it befell.
    {"disparitions", category::missing, noun_or_participle},
    {"disparition", category::missing, noun_or_participle},
    // Troops sent to a place are counted, as other: "10 000 Casques bleus sont déployés".
    {"déployés", category::other, both},
    {"déployées", category::other, both},
    {"déployé", category::other, both},
    // "ont déplacé des centaines de milliers de personnes": the verb displaces, before its figure
    // (the participle after "avoir" does not agree; "déplacée" is said of a population, no count).
    {"déplacé", category::displaced, both},
    {"déplacent", category::displaced, active},
    {"déplaçant", category::displaced, active},
    {"déplacer", category::displaced, active},
    {"déplacés", category::displaced, both},
    {"déplacées", category::displaced, both},
    {"déplacement", category::displaced, active},
    {"déplacements", category::displaced, active},
    {"décédés", category::killed, noun_or_participle},
    {"décédées", category::killed, noun_or_participle},
    {"décédé", category::killed, noun_or_participle},
    {"décès", category::killed, noun_or_participle},
    {"détenus", category::kidnapped, noun_or_participle, true},
    {"enlevés", category::kidnapped, both},
    {"enlevées", category::kidnapped, both},
    {"enlevé", category::kidnapped, both},
    {"enlevée", category::kidnapped, both},
    {"enlevant", category::kidnapped, active},
    {"exécutés", category::killed, both},
    {"exécutées", category::killed, both},
    {"exécuté", category::killed, both},
    {"enlever", category::kidnapped, active},
    // "l'enlèvement de vingt personnes": the noun counts whom its "de" names.
    {"enlèvement", category::kidnapped, active},
    {"enlèvements", category::kidnapped, active},
    {"fui", category::displaced, noun_or_participle},
    // "ont pris la fuite", "mis 3 000 personnes en fuite", "contraintes de fuir": fleeing displaces.
    {"fuite", category::displaced, noun_or_participle},
    {"fuir", category::displaced, noun_or_participle},
    // The buried are dead: "les obsèques d'une cinquantaine d'élèves", "12 victimes inhumées".
    {"inhumés", category::killed, both},
    {"inhumées", category::killed, both},
    {"inhumé", category::killed, both},
    {"inhumée", category::killed, both},
    {"interpellés", category::captured, both},
    {"interpellées", category::captured, both},
    {"kidnappés", category::kidnapped, both},
    {"kidnappées", category::kidnapped, both},
    {"kidnappé", category::kidnapped, both},
    {"massacré", category::killed, both},
    {"massacrée", category::killed, both},
    {"massacrés", category::killed, both},
    {"massacrées", category::killed, both},
    {"massacrent", category::killed, active},
    {"mort", category::killed, noun_or_participle},
    {"morts", category::killed, noun_or_participle},
    {"morte", category::killed, noun_or_participle},
    {"mortes", category::killed, noun_or_participle},
    // "mettre hors d'état de nuire une trentaine de terroristes", "20 assaillants mis hors d'état de
    // nuire": put out of action, as "neutralisés" says.
    {"nuire", category::killed, both},
    {"neutralisés", category::killed, both},
    {"neutralisé", category::killed, both},
    {"neutraliser", category::killed, active},
    {"neutralisation", category::killed, noun_or_participle},
    {"neutralisant", category::killed, active},
    {"obsèques", category::killed, active},
    {"otage", category::kidnapped, noun_or_participle, true},
    {"otages", category::kidnapped, noun_or_participle, true},
    {"péri", category::killed, noun_or_participle},
    {"prisonniers", category::captured, noun_or_participle, true},
    {"prisonnier", category::captured, noun_or_participle, true},
    {"perdu", category::killed, active},
    {"réfugiés", category::displaced, noun_or_participle, true},
    {"réfugiées", category::displaced, noun_or_participle, true},
    // Held by an armed group: "une dizaine étaient toujours retenues".
    {"retenus", category::kidnapped, noun_or_participle},
    {"retenues", category::kidnapped, noun_or_participle},
    {"retenu", category::kidnapped, noun_or_participle},
    {"retenue", category::kidnapped, noun_or_participle},
    // Fighters who gave themselves up are counted, as other: "neuf terroristes repentis".
    {"repentis", category::other, noun_or_participle},
    {"repenties", category::other, noun_or_participle},
    {"rescapés", category::other, noun_or_participle},
    {"rescapées", category::other, noun_or_participle},
    // Those who lived through it are counted, as other: "seulement 56 ont survécu", "50 survivants",
    // "un seul a pu s'échapper".
    {"survécu", category::other, noun_or_participle},
    {"stationnés", category::other, noun_or_participle},
    {"stationnées", category::other, noun_or_participle},
    {"survivants", category::other, noun_or_participle},
    {"survivantes", category::other, noun_or_participle},
    {"tombés", category::killed, noun_or_participle},
    {"tué", category::killed, both},
    {"tués", category::killed, both},
    {"tuée", category::killed, both},
    {"tuées", category::killed, both},
    {"tuant", category::killed, active},
    {"tue", category::killed, active},
    {"tuent", category::killed, active},
    {"tuer", category::killed, active},
    {"victimes", category::casualties, noun_or_participle, true},
    {"victime", category::casualties, noun_or_participle, true},
    {"vie", category::killed, noun_or_participle},
    {"éliminés", category::killed, both},
    {"échapper", category::other, noun_or_participle},
    {"échappé", category::other, noun_or_participle},
};

inline constexpr group_entry groups[] = {
    {"agriculteurs", {group_kind::civilians, false, {}}},
    {"assaillants", {group_kind::armed_group, false, {}}},
    {"casques", {group_kind::security_forces, true, "peacekeepers"}},
    {"chasseurs", {group_kind::named, true, "dozos"}},
    {"civils", {group_kind::civilians, false, {}}},
    {"civil", {group_kind::civilians, false, {}}},
    {"civiles", {group_kind::civilians, false, {}}},
    {"combattants", {group_kind::armed_group, false, {}}},
    {"casque", {group_kind::security_forces, true, "peacekeepers"}},
    {"djihadistes", {group_kind::armed_group, false, {}}},
    {"donsos", {group_kind::named, true, "dozos"}},
    {"dozos", {group_kind::named, true, "dozos"}},
    {"dozo", {group_kind::named, true, "dozos"}},
    {"enfants", {group_kind::civilians, true, "children"}},
    {"enfant", {group_kind::civilians, true, "children"}},
    {"femmes", {group_kind::civilians, true, "women"}},
    {"femme", {group_kind::civilians, true, "women"}},
    {"filles", {group_kind::civilians, true, "girls"}},
    {"fille", {group_kind::civilians, true, "girls"}},
    {"fama", {group_kind::security_forces, false, {}}},
    {"fds", {group_kind::security_forces, false, {}}},
    {"forains", {group_kind::civilians, false, {}}},
    {"forces", {group_kind::security_forces, false, {}}},
    {"gendarmes", {group_kind::security_forces, false, {}}},
    {"habitants", {group_kind::civilians, false, {}}},
    {"individus", {group_kind::all, false, {}}},
    {"insurgés", {group_kind::armed_group, false, {}}},
    {"islamistes", {group_kind::armed_group, false, {}}},
    {"jihadistes", {group_kind::armed_group, false, {}}},
    // The suicide bomber is the attackers' own: "12 morts, dont le kamikaze".
    {"kamikazes", {group_kind::armed_group, false, {}}},
    {"kamikaze", {group_kind::armed_group, false, {}}},
    {"militaires", {group_kind::security_forces, false, {}}},
    {"miliciens", {group_kind::named, true, "militiamen"}},
    {"milicien", {group_kind::named, true, "militiamen"}},
    {"militaire", {group_kind::security_forces, false, {}}},
    {"militants", {group_kind::armed_group, false, {}}},
    // Officers are a rank of the forces, named apart: "onze soldats dont un officier".
    {"officiers", {group_kind::security_forces, true, "officers"}},
    {"officier", {group_kind::security_forces, true, "officers"}},
    {"paysans", {group_kind::civilians, false, {}}},
    {"personnes", {group_kind::all, false, {}}},
    {"peuls", {group_kind::named, true, "Fulani"}},
    {"personne", {group_kind::all, false, {}}},
    {"policiers", {group_kind::security_forces, false, {}}},
    {"rangers", {group_kind::named, true, "rangers"}},
    {"ranger", {group_kind::named, true, "rangers"}},
    {"soldats", {group_kind::security_forces, false, {}}},
    {"supplétifs", {group_kind::security_forces, true, "army auxiliaries"}},
    {"supplétif", {group_kind::security_forces, true, "army auxiliaries"}},
    {"soldat", {group_kind::security_forces, false, {}}},
    {"terroristes", {group_kind::armed_group, false, {}}},
    {"villageois", {group_kind::civilians, false, {}}},
    {"vieillards", {group_kind::civilians, true, "elderly people"}},
    {"vieillard", {group_kind::civilians, true, "elderly man"}},
    {"vdp", {group_kind::named, true, "VDP"}},
    {"élèves", {group_kind::civilians, true, "pupils"}},
};

inline constexpr std::string_view group_compounds[] = {"casques bleus", "casque bleu", "casques bleu", "casque bleus"};

// Each form of a nationality (masculine, feminine, plural) with its party and the English adjective
// a group's label takes ("Casques bleus tchadiens": "Chadian peacekeepers"). The first that matches
// wins: "sud-soudanais" before "soudanais". A hyphen is a token of its own ("sri - lankais").
inline constexpr party_adjective party_adjectives[] = {
    {"fama", "Mali"},
    {"malien", "Mali", "Malian"}, {"maliens", "Mali", "Malian"}, {"malienne", "Mali", "Malian"},
    {"maliennes", "Mali", "Malian"},
    {"nigérien", "Niger", "Nigerien"}, {"nigériens", "Niger", "Nigerien"}, {"nigérienne", "Niger", "Nigerien"},
    {"nigériennes", "Niger", "Nigerien"},
    {"burkinabè", "Burkina Faso", "Burkinabe"}, {"burkinabès", "Burkina Faso", "Burkinabe"},
    {"burkinabé", "Burkina Faso", "Burkinabe"}, {"burkinabés", "Burkina Faso", "Burkinabe"},
    {"burkinabe", "Burkina Faso", "Burkinabe"},
    {"tchadien", "Chad", "Chadian"}, {"tchadiens", "Chad", "Chadian"}, {"tchadienne", "Chad", "Chadian"},
    {"tchadiennes", "Chad", "Chadian"},
    {"béninois", "Benin", "Beninese"}, {"béninoise", "Benin", "Beninese"}, {"béninoises", "Benin", "Beninese"},
    {"camerounais", "Cameroon", "Cameroonian"}, {"camerounaise", "Cameroon", "Cameroonian"},
    {"camerounaises", "Cameroon", "Cameroonian"},
    {"nigérian", "Nigeria", "Nigerian"}, {"nigérians", "Nigeria", "Nigerian"}, {"nigériane", "Nigeria", "Nigerian"},
    {"nigérianes", "Nigeria", "Nigerian"},
    {"togolais", "Togo", "Togolese"}, {"togolaise", "Togo", "Togolese"}, {"togolaises", "Togo", "Togolese"},
    {"ivoirien", "Côte d'Ivoire", "Ivorian"}, {"ivoiriens", "Côte d'Ivoire", "Ivorian"},
    {"ivoirienne", "Côte d'Ivoire", "Ivorian"}, {"ivoiriennes", "Côte d'Ivoire", "Ivorian"},
    {"mauritanien", "Mauritania", "Mauritanian"}, {"mauritaniens", "Mauritania", "Mauritanian"},
    {"mauritanienne", "Mauritania", "Mauritanian"}, {"mauritaniennes", "Mauritania", "Mauritanian"},
    {"français", "France", "French"}, {"française", "France", "French"}, {"françaises", "France", "French"},
    {"américain", "United States", "American"}, {"américains", "United States", "American"},
    {"américaine", "United States", "American"}, {"américaines", "United States", "American"},
    {"russe", "Russia", "Russian"}, {"russes", "Russia", "Russian"},
    {"irakien", "Iraq", "Iraqi"}, {"irakiens", "Iraq", "Iraqi"}, {"irakienne", "Iraq", "Iraqi"},
    {"irakiennes", "Iraq", "Iraqi"},
    {"ukrainien", "Ukraine", "Ukrainian"}, {"ukrainiens", "Ukraine", "Ukrainian"},
    {"ukrainienne", "Ukraine", "Ukrainian"}, {"ukrainiennes", "Ukraine", "Ukrainian"},
    {"éthiopien", "Ethiopia", "Ethiopian"}, {"éthiopiens", "Ethiopia", "Ethiopian"},
    {"éthiopienne", "Ethiopia", "Ethiopian"}, {"éthiopiennes", "Ethiopia", "Ethiopian"},
    {"somalien", "Somalia", "Somali"}, {"somaliens", "Somalia", "Somali"}, {"somalienne", "Somalia", "Somali"},
    {"somaliennes", "Somalia", "Somali"},
    {"kényan", "Kenya", "Kenyan"}, {"kényans", "Kenya", "Kenyan"}, {"kényane", "Kenya", "Kenyan"},
    {"kényanes", "Kenya", "Kenyan"}, {"kenyan", "Kenya", "Kenyan"}, {"kenyans", "Kenya", "Kenyan"},
    {"kenyane", "Kenya", "Kenyan"}, {"kenyanes", "Kenya", "Kenyan"},
    {"ougandais", "Uganda", "Ugandan"}, {"ougandaise", "Uganda", "Ugandan"}, {"ougandaises", "Uganda", "Ugandan"},
    {"burundais", "Burundi", "Burundian"}, {"burundaise", "Burundi", "Burundian"},
    {"burundaises", "Burundi", "Burundian"},
    {"rwandais", "Rwanda", "Rwandan"}, {"rwandaise", "Rwanda", "Rwandan"}, {"rwandaises", "Rwanda", "Rwandan"},
    {"sud - soudanais", "South Sudan", "South Sudanese"}, {"sud - soudanaise", "South Sudan", "South Sudanese"},
    {"sud - soudanaises", "South Sudan", "South Sudanese"},
    {"soudanais", "Sudan", "Sudanese"}, {"soudanaise", "Sudan", "Sudanese"}, {"soudanaises", "Sudan", "Sudanese"},
    {"sénégalais", "Senegal", "Senegalese"}, {"sénégalaise", "Senegal", "Senegalese"},
    {"sénégalaises", "Senegal", "Senegalese"},
    {"ghanéen", "Ghana", "Ghanaian"}, {"ghanéens", "Ghana", "Ghanaian"}, {"ghanéenne", "Ghana", "Ghanaian"},
    {"ghanéennes", "Ghana", "Ghanaian"},
    {"guinéen", "Guinea", "Guinean"}, {"guinéens", "Guinea", "Guinean"}, {"guinéenne", "Guinea", "Guinean"},
    {"guinéennes", "Guinea", "Guinean"},
    {"algérien", "Algeria", "Algerian"}, {"algériens", "Algeria", "Algerian"}, {"algérienne", "Algeria", "Algerian"},
    {"algériennes", "Algeria", "Algerian"},
    {"libyen", "Libya", "Libyan"}, {"libyens", "Libya", "Libyan"}, {"libyenne", "Libya", "Libyan"},
    {"libyennes", "Libya", "Libyan"},
    {"égyptien", "Egypt", "Egyptian"}, {"égyptiens", "Egypt", "Egyptian"}, {"égyptienne", "Egypt", "Egyptian"},
    {"égyptiennes", "Egypt", "Egyptian"},
    {"jordanien", "Jordan", "Jordanian"}, {"jordaniens", "Jordan", "Jordanian"},
    {"jordanienne", "Jordan", "Jordanian"}, {"jordaniennes", "Jordan", "Jordanian"},
    {"bangladais", "Bangladesh", "Bangladeshi"}, {"bangladaise", "Bangladesh", "Bangladeshi"},
    {"bangladaises", "Bangladesh", "Bangladeshi"},
    {"sri - lankais", "Sri Lanka", "Sri Lankan"}, {"sri - lankaise", "Sri Lanka", "Sri Lankan"},
    {"sri - lankaises", "Sri Lanka", "Sri Lankan"},
    {"pakistanais", "Pakistan", "Pakistani"}, {"pakistanaise", "Pakistan", "Pakistani"},
    {"pakistanaises", "Pakistan", "Pakistani"},
    {"indien", "India", "Indian"}, {"indiens", "India", "Indian"}, {"indienne", "India", "Indian"},
    {"indiennes", "India", "Indian"},
    {"népalais", "Nepal", "Nepalese"}, {"népalaise", "Nepal", "Nepalese"}, {"népalaises", "Nepal", "Nepalese"},
    {"chinois", "China", "Chinese"}, {"chinoise", "China", "Chinese"}, {"chinoises", "China", "Chinese"},
    {"afghan", "Afghanistan", "Afghan"}, {"afghans", "Afghanistan", "Afghan"}, {"afghane", "Afghanistan", "Afghan"},
    {"afghanes", "Afghanistan", "Afghan"},
    {"syrien", "Syria", "Syrian"}, {"syriens", "Syria", "Syrian"}, {"syrienne", "Syria", "Syrian"},
    {"syriennes", "Syria", "Syrian"},
    {"israélien", "Israel", "Israeli"}, {"israéliens", "Israel", "Israeli"}, {"israélienne", "Israel", "Israeli"},
    {"israéliennes", "Israel", "Israeli"},
    {"britannique", "United Kingdom", "British"}, {"britanniques", "United Kingdom", "British"},
};

inline constexpr std::string_view reporting_verbs[] = {
    "indiqué", "indique", "déclaré", "déclare", "affirmé", "affirme", "affirment", "annoncé", "annonce", "précisé",
    "précise", "rapporté", "rapporte", "rapportent", "confirmé", "confirme", "assuré", "assure", "expliqué",
    "explique", "raconté", "raconte", "dit", "dénoncé", "dénombré", "recensé", "recense", "revendiqué",
    "revendique", "estimé", "estime", "signalé", "signale", "souligné", "ajouté", "ajoute", "témoigné",
    "relaté", "communiqué", "évoqué", "évoque", "citait", "cite", "donné", "tweeté", "déploré", "déplore",
    "appris", "parle", "avancé", "rapportait", "indiquait", "affirmait", "déclarait", "annonçait", "informe",
    "précisait", "souligne", "dénombre", "comptabilisé", "cités", "citées", "cité", "citée",
    // The same verbs in the plural and the imperfect ("des sources militaires parlent de 12 morts",
    // "une ONG qui parlait de deux morts", "confirmait le bilan"), and a few more of saying.
    "indiquent", "indiquaient", "déclarent", "déclaraient", "affirmaient", "annoncent", "annonçaient", "précisent",
    "précisaient", "rapportaient", "confirment", "confirmait", "confirmaient", "assurent", "assurait", "assuraient",
    "expliquent", "expliquait", "expliquaient", "racontent", "racontait", "racontaient", "dénonce", "dénoncent",
    "dénonçait", "dénonçaient", "recensent", "recensait", "recensaient", "revendiquent", "revendiquait",
    "revendiquaient", "estiment", "estimait", "estimaient", "signalent", "signalait", "signalaient", "soulignent",
    "soulignait", "soulignaient", "ajoutent", "ajoutait", "ajoutaient", "témoigne", "témoignent", "témoignait",
    "témoignaient", "relate", "relatent", "relatait", "relataient", "évoquent", "évoquait", "évoquaient",
    "déplorent", "déplorait", "déploraient", "avance", "avancent", "avançait", "avançaient", "parlé", "parlent",
    "parlait", "parlaient", "informent", "informait", "informaient", "confié", "confie", "confient",
    "confiait", "confiaient", "énoncé", "énonce", "énoncent", "énonçait", "énonçaient", "citent", "citaient",
    "dénombrent", "dénombrait", "dénombraient", "comptabilise", "comptabilisent", "comptabilisait",
    "comptabilisaient", "écrit", "disent", "disait", "disaient", "poursuivi",
};

// "a fait état de 77 morts", "ont fait part de la mort": a light verb and its noun report; "a
// fait 36.000 morts" (caused) does not.
inline constexpr std::string_view light_verbs[] = {"fait", "faisait", "faisaient", "font"};
inline constexpr std::string_view light_verb_nouns[] = {"état", "part", "savoir"};

inline constexpr std::string_view months[] = {
    "janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout", "septembre",
    "octobre", "novembre", "décembre", "decembre",
};

inline constexpr std::string_view non_person_units[] = {
    "véhicules", "véhicule", "voitures", "camions", "motos", "maisons", "cases", "villages", "localités", "ans", "an",
    "années", "mois", "semaines", "semaine", "jours", "jour", "heures", "heure", "minutes", "km", "kilomètres",
    "mètres", "pour", "fois", "armes", "fusils", "têtes", "bœufs", "boeufs", "tonnes", "attaques", "attaque",
    "incidents", "écoles", "hôpitaux", "camps", "bases", "régions", "provinces", "pays", "sites", "obus",
    "roquettes", "frappes", "décennies", "km2", "balles", "munitions", "engins",
};

// "who tried to flee", "qui tentaient de s'échapper": a category they tried for is not theirs.
inline constexpr std::string_view attempt_words[] = {"tentaient", "tentait", "tenté", "tentant", "tenter", "essayé", "essayaient", "essayant"};

inline constexpr std::string_view ordinal_suffixes[] = {"e", "er", "ère", "ème", "eme", "è"};
inline constexpr std::string_view time_words[] = {"h", "heures", "heure", "gmt"};
inline constexpr std::string_view age_words_before[] = {"âgé de", "âgée de", "âgés de", "âgées de", "âgé d '"};
inline constexpr std::string_view age_units[] = {"ans"};

inline constexpr std::string_view link_words[] = {
    "de", "des", "d", "du", "la", "le", "les", "l", "ont", "a", "été", "sont", "est", "se", "s", "y", "ayant",
    "auraient", "aurait", "seraient", "serait", "avaient", "avait", "étaient", "était", "également", "aussi",
    "tous", "toutes", "autres", "autre", "personnes", "en", "leur", "leurs", "dont", "au", "aux", "par", "perdu",
    "trouvé", "fait", "faisant", "ainsi", "notamment", "portés", "porté", "pris", "faits", "plus", "total",
    "bilan", "provisoire", "officiel", "selon", "été", "ces", "nombre", "sommairement", "contraintes", "contraints",
    "obligées", "obligés", "forcées", "forcés",
    // "43 nouveaux corps", "dix nouvelles victimes": more of them, no group.
    "nouveaux", "nouvelles", "nouveau", "nouvelle",
    // "un seul a pu s'échapper": one alone, who could.
    "seul", "seule", "pu",
    // "19 cas de disparition", "12 cas de décès": cases count the people the category befell.
    "cas",
};

inline constexpr std::string_view conjunctions[] = {"et", "ou"};
inline constexpr std::string_view list_joiners[] = {"et", "dont", "ainsi", "que", "parmi", "lesquels", "lesquelles",
                                                    "plus", "de", "d", "notamment", "comprenant"};
inline constexpr std::string_view group_joiners[] = {"et", "tandis", "que", "alors", "avec", "ainsi", "plus",
                                                     "mais", "outre"};
inline constexpr std::string_view restating_words[] = {"autres"};
// "douze personnes, comprenant cinq gardes du parc et sept soldats", "y compris des femmes":
// "comprenant" and "y compris" open the breakdown as "dont" does.
inline constexpr std::string_view including[] = {"dont", "parmi lesquels", "parmi lesquelles", "notamment", "comprenant", "y compris"};
// The conditional of hearsay too: "134 civils, y compris des femmes, auraient été tués".
inline constexpr std::string_view auxiliaries[] = {"ont", "sont", "a", "est", "avait", "avaient", "était", "étaient",
                                                  "aurait", "auraient", "serait", "seraient"};
// Attack or arrival in force, in the past participle after its auxiliary ("ont attaqué", "sont
// arrivés") or set off by a comma ("une cinquantaine d'hommes armés, venus à bord de motos").
inline constexpr std::string_view assault_verbs[] = {
    "attaqué", "attaquent", "attaquaient", "attaquait", "ouvert le feu", "pris d ' assaut", "fait irruption",
    "envahi", "encerclé", "assiégé", "arrivés", "arrivées", "entrés", "entrées", "venus", "venues", "débarqué",
};
inline constexpr std::string_view assailant_nouns[] = {"hommes", "individus"};
inline constexpr std::string_view passive_markers[] = {"été"};
inline constexpr std::string_view toll_nouns[] = {"bilan", "bilans"};
inline constexpr std::string_view figure_nouns[] = {"chiffre"};
inline constexpr std::string_view toll_verbs[] = {
    "à", "de", "est", "était", "fait", "porté", "passé", "atteint", "élève", "établit", "s", "provisoire",
    "officiel", "lourd", "état", "fait", "faisait", "fait état de",
};

/// The kind (and, for parties, the party) a source name tells, French names first; the names the
/// two languages share (RFI, AFP, MINUSMA, JNIM …) follow.
inline constexpr known_source sources[] = {
    {"armée malienne", {}, source_kind::government, "Mali"},
    {"forces armées maliennes", {}, source_kind::government, "Mali"},
    {"gouvernement malien", {}, source_kind::government, "Mali"},
    {"autorités maliennes", {}, source_kind::government, "Mali"},
    {"état-major", {}, source_kind::government, {}, false},
    {"armée", {}, source_kind::government, {}},
    {"gouvernement", {}, source_kind::government, {}},
    {"ministère", {}, source_kind::government, {}},
    {"autorités", {}, source_kind::government, {}},
    {"fama", {}, source_kind::government, "Mali"},
    {"human rights watch", "Human Rights Watch", source_kind::ngo, {}},
    {"hrw", "Human Rights Watch", source_kind::ngo, {}},
    {"amnesty", {}, source_kind::ngo, {}},
    {"médecins sans frontières", {}, source_kind::ngo, {}},
    {"msf", {}, source_kind::ngo, {}},
    {"croix-rouge", {}, source_kind::ngo, {}, false},
    {"cicr", {}, source_kind::ngo, {}},
    {"minusma", {}, source_kind::un_body, {}},
    {"onu", {}, source_kind::un_body, {}},
    {"nations unies", {}, source_kind::un_body, {}},
    {"ocha", {}, source_kind::un_body, {}},
    {"hcr", {}, source_kind::un_body, {}},
    {"unicef", {}, source_kind::un_body, {}},
    {"acled", {}, source_kind::dataset, {}},
    {"afp", {}, source_kind::media, {}},
    {"reuters", {}, source_kind::media, {}},
    {"rfi", {}, source_kind::media, {}},
    {"jeune afrique", {}, source_kind::media, {}},
    {"le monde", {}, source_kind::media, {}},
    {"tv5", {}, source_kind::media, {}, false},
    {"france 24", {}, source_kind::media, {}},
    {"jnim", {}, source_kind::armed_group, "JNIM"},
    {"gsim", {}, source_kind::armed_group, "JNIM"},
    {"katiba macina", {}, source_kind::armed_group, "JNIM"},
    {"mnla", {}, source_kind::armed_group, "MNLA"},
    {"eigs", {}, source_kind::armed_group, "ISGS"},
    {"état islamique", {}, source_kind::armed_group, "Islamic State"},
    {"boko haram", {}, source_kind::armed_group, "Boko Haram"},
    {"wagner", {}, source_kind::armed_group, "Wagner"},
    {"hôpital", {}, source_kind::medical, {}, false},
    {"médecin", {}, source_kind::medical, {}, false},
    {"santé", {}, source_kind::medical, {}, false},
    {"maire", {}, source_kind::local_official, {}, false},
    {"élu", {}, source_kind::local_official, {}, false},
    {"gouverneur", {}, source_kind::local_official, {}, false},
    {"préfet", {}, source_kind::local_official, {}, false},
    {"chef", {}, source_kind::local_official, {}, false},
    {"habitant", {}, source_kind::witness, {}, false},
    {"témoin", {}, source_kind::witness, {}, false},
    {"rescapé", {}, source_kind::witness, {}, false},
    {"survivant", {}, source_kind::witness, {}, false},
};

inline constexpr std::string_view subject_articles[] = {"le", "la", "les", "l", "un", "une", "des", "d", "de"};
inline constexpr std::string_view subject_trailers[] = {
    "a", "ont", "avait", "avaient", "aurait", "auraient", "est", "sont", "également", "aussi", "encore", "déjà",
    "ensuite", "initialement", "fait", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "y",
    "l", "n", "ne", "pas", "enfin", "finalement", "alors", "jusqu", "ici", "précédemment", "auparavant",
    "cependant", "toutefois", "néanmoins", "pourtant",
};
inline constexpr std::string_view of_words[] = {"de", "d", "des", "du"};
inline constexpr std::string_view report_times[] = {
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "ce", "cette", "matin", "soir",
    "dernier",
};
inline constexpr std::string_view report_circumstances[] = {"dans", "sur", "sous", "lors", "via", "depuis", "devant"};
inline constexpr std::string_view aside_prepositions[] = {"de", "pour", "dans", "à", "en", "par", "lors", "sur", "quant", "au"};
inline constexpr std::string_view adverb_endings[] = {"ment"};
inline constexpr std::string_view present_participle_endings[] = {"ant"};
inline constexpr std::string_view inverted_pronouns[] = {"il", "elle", "ils", "elles", "on"};
inline constexpr std::string_view among_words[] = {"parmi"};
inline constexpr std::string_view ranks_words[] = {"rangs", "côté", "coté"};  // "coté": the accent often lost
inline constexpr std::string_view side_men[] = {"hommes"};
inline constexpr std::string_view whole_words[] = {"tous", "toutes"};
inline constexpr std::string_view loss_words[] = {"perdu", "perdus", "perte", "pertes", "perd", "perdent", "perdons",
                                                  "perdait", "perdaient"};
inline constexpr std::string_view first_person[] = {"nous", "nos", "notre"};
inline constexpr std::string_view relative_pronouns[] = {"qui"};
inline constexpr std::string_view reflexive_pronouns[] = {"se", "s"};
// Those released or found alive are no one's losses, whatever the words before said.
inline constexpr category_phrase category_phrases[] = {
    {"libérés", std::nullopt},  {"libérées", std::nullopt},  {"libéré", std::nullopt},
    {"libérée", std::nullopt},  {"relâchés", std::nullopt},  {"relâchées", std::nullopt},
    {"retrouvés vivants", std::nullopt}, {"retrouvées vivantes", std::nullopt},
    {"retrouvés en vie", std::nullopt},  {"retrouvées en vie", std::nullopt},
    // Those taken to be cared for are injured: "140 personnes ont été évacuées vers les centres de santé".
    {"évacués vers les centres de santé", category::injured}, {"évacuées vers les centres de santé", category::injured},
    {"évacués vers le centre de santé", category::injured},   {"évacuées vers le centre de santé", category::injured},
    {"évacués vers l ' hôpital", category::injured},         {"évacuées vers l ' hôpital", category::injured},
    // Those who died of their wounds are dead, not wounded: "une personne ayant succombé à ses blessures".
    {"succombé à ses blessures", category::killed},           {"succombé à leurs blessures", category::killed},
    {"succombée à ses blessures", category::killed},          {"succombés à leurs blessures", category::killed},
    {"succombe à ses blessures", category::killed},           {"succombent à leurs blessures", category::killed},
    {"succombé des suites de ses blessures", category::killed}, {"succombé des suites de leurs blessures", category::killed},
};
inline constexpr std::string_view armed_words[] = {"armés", "armées", "armé"};
inline constexpr std::string_view learning_verbs[] = {"appris", "apprend"};
inline constexpr std::string_view name_stops[] = {
    "qui", "que", "qu", "dont", "dans", "lors", "sous", "depuis", "pendant", "durant", "sur", "avec", "après",
    "avant", "alors", "tandis", "lorsque", "quand", "car", "mais",
};
inline constexpr std::string_view reach_participles[] = {
    "parlant",    "joint",      "jointe",     "joints",     "jointes",     "interrogé",  "interrogée", "interrogés",
    "interrogées", "consulté",  "consultée",  "consultés",  "consultées",  "publié",     "publiée",    "publiés",
    "publiées",   "diffusé",    "diffusée",   "diffusés",   "diffusées",   "contacté",   "contactée",  "contactés",
    "contactées", "exprimant",
};
inline constexpr std::string_view loss_nouns[] = {"perte"};
inline constexpr std::string_view strength_nouns[] = {"force",    "forte",    "fort",    "forts",     "fortes",
                                                      "effectif", "effectifs", "composé", "composée", "contingent"};
inline constexpr std::string_view civilities[] = {"m", "mme", "mlle", "mm"};
inline constexpr std::string_view clause_openers[] = {"que", "qu", "lorsque", "quand", "puisque", "car", "mais"};
inline constexpr std::string_view as_words[] = {"comme", "ainsi que"};
inline constexpr std::string_view publishing_verbs[] = {"publié", "diffusé", "publie", "diffuse", "publiait", "diffusait"};
// "avancés par" is left out: "avancer" claims rather than passes on, and its subject reading
// ("les chiffres avancés par certains médias faisant état de") already names the source.
inline constexpr std::string_view passed_on_participles[] = {
    "relayé",  "relayée",  "relayés",  "relayées",  "publié",     "publiés",     "publiée",     "publiées",
    "diffusé", "diffusés", "diffusée", "diffusées", "communiqué", "communiqués", "communiquée", "communiquées",
};
inline constexpr std::string_view medium_prepositions[] = {"sur"};
inline constexpr std::string_view statement_nouns[] = {"communiqué", "décompte", "informations", "chiffres"};
inline constexpr std::string_view report_participles[] = {
    "ajoutant", "évoquant", "précisant", "avançant", "affirmant", "indiquant", "expliquant", "soulignant",
    "annonçant", "signalant", "déplorant", "assurant", "faisant",
};
inline constexpr std::string_view plural_article_after[] = {
    "a", "ont", "avait", "avaient", "aurait", "auraient", "y", "aussi", "également", "encore", "et", "ou",
    "fait", "faisant", "faisait", "causé", "causant", "déplore", "déplorer", "signale", "recense",
};
inline constexpr std::string_view scene_prepositions[] = {"au", "aux", "à", "dans", "lors", "pendant", "durant", "près"};
inline constexpr std::string_view impersonal_subjects[] = {"on"};
inline constexpr std::string_view name_articles[] = {"le", "la", "les", "l", "un", "une", "des", "d", "de"};
// "si l'on en croit des sources concordantes", "à en croire le maire": believing someone is taking
// the figure from them. Case folds ASCII only, so the capital "À" opening a sentence is written out.
inline constexpr std::string_view according_to[] = {"selon",          "d ' après",   "suivant",    "si l ' on en croit",
                                                    "si on en croit", "à en croire", "a en croire", "À en croire"};
inline constexpr std::string_view by_agent[] = {"par", "auprès"};
inline constexpr std::string_view citing[] = {"citant"};
inline constexpr std::string_view cited_by[] = {"citées par", "cités par", "cité par", "citée par"};
inline constexpr std::string_view to_recipient[] = {"à"};

inline constexpr std::string_view stop_words[] = {
    "le", "la", "les", "des", "du", "de", "et", "ont", "été", "sont", "dans", "une", "un", "selon", "au", "moins",
    "tués", "morts", "blessés", "personnes", "qui", "par", "pour", "sur", "avec", "est", "a", "civils",
};

}  // namespace fr

inline constexpr lexicon french{
    .name = "fr",
    .style = number_style::comma_decimal,
    .numbers = fr::numbers,
    .articles = fr::articles,
    .ambiguous_ones = fr::ambiguous_ones,
    .alone_words = fr::alone_words,
    .exact_articles = fr::exact_articles,
    .half = {},
    .half_after_article = "demi",
    .scale_joiner = {},
    .tens_unit_joiner = "et",
    .prefixes = fr::prefixes,
    .suffixes = fr::suffixes,
    .range_frames = fr::range_frames,
    .range_joiners = fr::range_joiners,
    .vague = fr::vague,
    .unknown = fr::unknown,
    .zero_words = fr::zero_words,
    .zero_determiners = fr::zero_determiners,
    .zero_adjectives = fr::zero_adjectives,
    .zero_nouns = fr::zero_nouns,
    .categories = fr::categories,
    .groups = fr::groups,
    .party_adjectives = fr::party_adjectives,
    .group_compounds = fr::group_compounds,
    .reporting_verbs = fr::reporting_verbs,
    .light_verbs = fr::light_verbs,
    .light_verb_nouns = fr::light_verb_nouns,
    .months = fr::months,
    .non_person_units = fr::non_person_units,
    .attempt_words = fr::attempt_words,
    .ordinal_suffixes = fr::ordinal_suffixes,
    .time_words = fr::time_words,
    .age_words_before = fr::age_words_before,
    .age_units = fr::age_units,
    .age_old = {},
    .link_words = fr::link_words,
    .including = fr::including,
    .auxiliaries = fr::auxiliaries,
    .restating_words = fr::restating_words,
    .list_joiners = fr::list_joiners,
    .group_joiners = fr::group_joiners,
    .conjunctions = fr::conjunctions,
    .sources = fr::sources,
    .toll_nouns = fr::toll_nouns,
    .casualty_toll_words = {},
    .figure_nouns = fr::figure_nouns,
    .toll_verbs = fr::toll_verbs,
    .subject_trailers = fr::subject_trailers,
    .of_words = fr::of_words,
    .impersonal_subjects = fr::impersonal_subjects,
    .subject_articles = fr::subject_articles,
    .name_articles = fr::name_articles,
    .according_to = fr::according_to,
    .rate_words = {},
    .by_agent = fr::by_agent,
    .citing = fr::citing,
    .cited_by = fr::cited_by,
    .telling_verbs = {},
    .to_recipient = fr::to_recipient,
    .stop_words = fr::stop_words,
    .scene_prepositions = fr::scene_prepositions,
    .report_times = fr::report_times,
    .report_circumstances = fr::report_circumstances,
    .aside_prepositions = fr::aside_prepositions,
    .adverb_endings = fr::adverb_endings,
    .inverted_pronouns = fr::inverted_pronouns,
    .among_words = fr::among_words,
    .ranks_words = fr::ranks_words,
    .side_men = fr::side_men,
    .whole_words = fr::whole_words,
    .loss_words = fr::loss_words,
    .first_person = fr::first_person,
    .category_phrases = fr::category_phrases,
    .name_stops = fr::name_stops,
    .relative_pronouns = fr::relative_pronouns,
    .reflexive_pronouns = fr::reflexive_pronouns,
    .learning_verbs = fr::learning_verbs,
    .publishing_verbs = fr::publishing_verbs,
    .passed_on_participles = fr::passed_on_participles,
    .medium_prepositions = fr::medium_prepositions,
    .statement_nouns = fr::statement_nouns,
    .as_words = fr::as_words,
    .present_participle_endings = fr::present_participle_endings,
    .loss_nouns = fr::loss_nouns,
    .strength_nouns = fr::strength_nouns,
    .civilities = fr::civilities,
    .clause_openers = fr::clause_openers,
    .reach_participles = fr::reach_participles,
    .report_participles = fr::report_participles,
    .plural_article = "des",
    .plural_article_after = fr::plural_article_after,
    .others_phrase = "d ' autres",
    .armed_words = fr::armed_words,
    .assault_verbs = fr::assault_verbs,
    .assailant_nouns = fr::assailant_nouns,
    .passive_markers = fr::passive_markers,
};

}  // namespace toll::detail
