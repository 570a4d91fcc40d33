#pragma once
// The words around a figure that say what it counts: category words ("killed", "wounded",
// "hostages"), group words ("civilians", "soldiers", "dozos"), reporting verbs ("said",
// "claimed"), and the names of sources whose kind can be told from the name.

#include <cstdint>
#include <optional>
#include <string_view>

#include <toll/category.hpp>
#include <toll/parse/detail/lexer.hpp>
#include <toll/group.hpp>
#include <toll/source.hpp>

namespace toll::detail {

/// How a category word stands beside its figure.
enum class category_form : std::uint8_t {
    noun_or_participle,  ///< after the figure: "20 killed", "12 bodies", "four injured"
    active,              ///< before it: "killing 20", "injuring the same number"
    both,                ///< either side: "killed 20" / "20 killed"
};

struct category_word {
    toll::category category = category::killed;
    category_form form = category_form::noun_or_participle;
};

[[nodiscard]] constexpr std::optional<category_word> lookup_category(std::string_view w) noexcept
{
    struct entry {
        std::string_view text;
        toll::category category;
        category_form form;
    };
    using enum category_form;
    constexpr entry table[] = {
        {"killed", category::killed, both},
        {"dead", category::killed, noun_or_participle},
        {"deaths", category::killed, noun_or_participle},
        {"death", category::killed, noun_or_participle},
        {"died", category::killed, noun_or_participle},
        {"fatalities", category::killed, noun_or_participle},
        {"fatality", category::killed, noun_or_participle},
        {"bodies", category::killed, noun_or_participle},
        {"corpses", category::killed, noun_or_participle},
        {"slain", category::killed, noun_or_participle},
        {"executed", category::killed, both},
        {"murdered", category::killed, both},
        {"massacred", category::killed, both},
        {"perished", category::killed, noun_or_participle},
        {"deceased", category::killed, noun_or_participle},
        {"killing", category::killed, active},
        {"killings", category::killed, noun_or_participle},
        {"executing", category::killed, active},
        {"massacring", category::killed, active},
        {"kia", category::killed, noun_or_participle},
        {"kills", category::killed, active},
        {"slaughtered", category::killed, both},
        {"beheaded", category::killed, both},
        {"behead", category::killed, active},
        {"buried", category::killed, both},
        {"neutralised", category::killed, both},
        {"neutralized", category::killed, both},
        {"neutralising", category::killed, active},
        {"neutralizing", category::killed, active},
        {"neutralisation", category::killed, noun_or_participle},
        {"neutralization", category::killed, noun_or_participle},
        {"annihilation", category::killed, noun_or_participle},
        {"injured", category::injured, both},
        {"wounded", category::injured, both},
        {"injuries", category::injured, noun_or_participle},
        {"injury", category::injured, noun_or_participle},
        {"hurt", category::injured, noun_or_participle},
        {"injuring", category::injured, active},
        {"wounding", category::injured, active},
        {"wia", category::injured, noun_or_participle},
        {"injures", category::injured, active},
        {"wounds", category::injured, active},
        {"missing", category::missing, noun_or_participle},
        {"disappeared", category::missing, noun_or_participle},
        {"mia", category::missing, noun_or_participle},
        {"unaccounted", category::missing, noun_or_participle},
        {"kidnapped", category::kidnapped, both},
        {"abducted", category::kidnapped, both},
        {"hostages", category::kidnapped, noun_or_participle},
        {"hostage", category::kidnapped, noun_or_participle},
        {"kidnapping", category::kidnapped, active},
        {"abducting", category::kidnapped, active},
        {"abduction", category::kidnapped, noun_or_participle},
        {"abductions", category::kidnapped, noun_or_participle},
        {"captured", category::captured, both},
        {"prisoners", category::captured, noun_or_participle},
        {"prisoner", category::captured, noun_or_participle},
        {"detained", category::captured, both},
        {"arrested", category::captured, both},
        {"detainees", category::captured, noun_or_participle},
        {"capturing", category::captured, active},
        {"detaining", category::captured, active},
        {"arresting", category::captured, active},
        {"pow", category::captured, noun_or_participle},
        {"pows", category::captured, noun_or_participle},
        {"displaced", category::displaced, both},
        {"refugees", category::displaced, noun_or_participle},
        {"displacing", category::displaced, active},
        {"idps", category::displaced, noun_or_participle},
        {"displacement", category::displaced, noun_or_participle},
        {"fled", category::displaced, noun_or_participle},
        {"flee", category::displaced, noun_or_participle},
        {"fleeing", category::displaced, noun_or_participle},
        {"casualties", category::casualties, noun_or_participle},
        {"casualty", category::casualties, noun_or_participle},
        {"victims", category::casualties, noun_or_participle},
    };
    if (w.size() < 3 || w.size() > 14) return std::nullopt;
    const char first = lower(w.front());
    for (const entry& e : table) {
        if (e.text.front() == first && iequals(w, e.text)) return category_word{e.category, e.form};
    }
    return std::nullopt;
}

/// A group word: the kind it names and whether it is a labelled subgroup of that kind.
struct group_word {
    group_kind kind = group_kind::all;
    bool labelled = false;  ///< keep the words as the group's label ("foreigners", "children")
    std::string_view label{};  ///< a fixed label, when the spelling varies ("dozos")
};

[[nodiscard]] constexpr std::optional<group_word> lookup_group(std::string_view w) noexcept
{
    struct entry {
        std::string_view text;
        group_word word;
    };
    using enum group_kind;
    constexpr entry table[] = {
        {"people", {all, false, {}}},
        {"persons", {all, false, {}}},
        {"person", {all, false, {}}},
        {"individuals", {all, false, {}}},
        {"civilians", {civilians, false, {}}},
        {"civilian", {civilians, false, {}}},
        {"noncombatants", {civilians, false, {}}},
        {"villagers", {civilians, false, {}}},
        {"residents", {civilians, false, {}}},
        {"inhabitants", {civilians, false, {}}},
        {"women", {civilians, true, {}}},
        {"children", {civilians, true, {}}},
        {"foreigners", {civilians, true, {}}},
        {"men", {civilians, true, {}}},
        {"girls", {civilians, true, {}}},
        {"boys", {civilians, true, {}}},
        {"schoolgirls", {civilians, true, {}}},
        {"schoolboys", {civilians, true, {}}},
        {"schoolchildren", {civilians, true, {}}},
        {"youths", {civilians, true, {}}},
        {"minors", {civilians, true, {}}},
        {"workers", {civilians, true, {}}},
        {"cadets", {security_forces, true, {}}},
        {"trainees", {security_forces, true, {}}},
        {"nationals", {civilians, true, {}}},
        {"miners", {civilians, false, {}}},
        {"traders", {civilians, false, {}}},
        {"passengers", {civilians, false, {}}},
        {"worshippers", {civilians, false, {}}},
        {"farmers", {civilians, false, {}}},
        {"herders", {civilians, false, {}}},
        {"students", {civilians, false, {}}},
        {"pupils", {civilians, false, {}}},
        {"journalists", {civilians, false, {}}},
        {"soldiers", {security_forces, false, {}}},
        {"soldier", {security_forces, false, {}}},
        {"troops", {security_forces, false, {}}},
        {"servicemen", {security_forces, false, {}}},
        {"military", {security_forces, false, {}}},
        {"policemen", {security_forces, false, {}}},
        {"police", {security_forces, false, {}}},
        {"gendarmes", {security_forces, false, {}}},
        {"officers", {security_forces, false, {}}},
        {"personnel", {security_forces, false, {}}},
        {"peacekeepers", {security_forces, true, {}}},
        {"guards", {security_forces, false, {}}},
        {"mercenaries", {security_forces, true, {}}},
        {"militants", {armed_group, false, {}}},
        {"militant", {armed_group, false, {}}},
        {"jihadists", {armed_group, false, {}}},
        {"jihadist", {armed_group, false, {}}},
        {"jihadis", {armed_group, false, {}}},
        {"terrorists", {armed_group, false, {}}},
        {"insurgents", {armed_group, false, {}}},
        {"rebels", {armed_group, false, {}}},
        {"fighters", {armed_group, false, {}}},
        {"attackers", {armed_group, false, {}}},
        {"assailants", {armed_group, false, {}}},
        {"gunmen", {armed_group, false, {}}},
        {"extremists", {armed_group, false, {}}},
        {"bandits", {armed_group, false, {}}},
        {"militiamen", {armed_group, true, {}}},
        {"dozos", {named, true, "dozos"}},
        {"dozo", {named, true, "dozos"}},
        {"donsos", {named, true, "dozos"}},
        {"hunters", {named, true, "dozos"}},
    };
    if (w.size() < 3 || w.size() > 14) return std::nullopt;
    const char first = lower(w.front());
    for (const entry& e : table) {
        if (e.text.front() == first && iequals(w, e.text)) return e.word;
    }
    return std::nullopt;
}

/// Verbs whose subject is the source of what follows: "residents said", "JNIM claimed".
[[nodiscard]] constexpr bool is_reporting_verb(std::string_view w) noexcept
{
    for (std::string_view v : {"said", "says", "say", "stated", "states", "reported", "reports", "report", "told",
                               "announced", "announces", "claimed", "claims", "claim", "confirmed", "confirms",
                               "documented", "counted", "recorded", "estimated", "estimates", "put", "puts",
                               "gave", "cited", "added", "indicated", "noted", "alleged", "revealed", "tallied",
                               "commented", "explained", "tweeted", "wrote", "disclosed", "acknowledged",
                               "admitted", "declared", "showed", "show", "shows"}) {
        if (iequals(w, v)) return true;
    }
    return false;
}

[[nodiscard]] constexpr bool is_month(std::string_view w) noexcept
{
    for (std::string_view m : {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                               "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                               "sep", "sept", "oct", "nov", "dec"}) {
        if (iequals(w, m)) return true;
    }
    return false;
}

/// Nouns after a number that show it does not count people: "19 vehicles", "2 years".
[[nodiscard]] constexpr bool is_non_person_unit(std::string_view w) noexcept
{
    for (std::string_view u :
         {"vehicles", "vehicle", "cars", "trucks", "motorcycles", "motorbikes", "homes", "houses", "buildings",
          "villages", "towns", "years", "year", "months", "month", "weeks", "week", "days", "day", "hours", "hour",
          "minutes", "km", "kilometres", "kilometers", "miles", "metres", "meters", "percent", "per", "times",
          "tanks", "weapons", "rifles", "pm", "am", "th", "st", "nd", "rd", "cattle", "animals", "head", "tonnes",
          "tons", "attacks", "incidents", "schools", "px", "hospitals", "clinics", "camps", "bases",
          "districts", "regions", "provinces", "countries", "sites", "locations", "shells", "rounds", "rockets",
          "missiles", "bombs", "strikes", "airstrikes", "raids", "kilometres", "mm"}) {
        if (iequals(w, u)) return true;
    }
    return false;
}

/// Words that may stand between a figure and its category word without breaking the link:
/// "20 civilians were reportedly killed", "71 individual cases of civilians summarily executed".
[[nodiscard]] constexpr bool is_link_word(std::string_view w) noexcept
{
    for (std::string_view v :
         {"of", "the", "a", "an", "were", "was", "are", "is", "had", "have", "has", "been", "be", "being", "reportedly",
          "allegedly", "also", "all", "who", "more", "other", "others", "people", "later", "were", "alleged", "to",
          "believed", "feared", "thought", "said", "reported", "confirmed", "estimated", "summarily", "individual",
          "cases", "unarmed", "innocent", "local", "later", "either", "been", "now", "being", "most", "mostly",
          "many", "whom", "total", "dozen", "further", "additional", "likely", "presumed", "presumably", "either",
          "both", "left", "found", "in", "their", "lives", "lost", "as"}) {
        if (iequals(w, v)) return true;
    }
    return false;
}

struct known_source {
    std::string_view key;  ///< lower-case text that identifies the source inside a name
    std::string_view name;  ///< the name to record (empty: keep the words as written)
    source_kind kind;
    std::string_view party;
    bool whole_word = true;
};

/// The kind (and, for parties to the fighting, the party) a source name tells. Longer keys first
/// so "malian army" wins over "army".
inline constexpr known_source known_sources[] = {
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

}  // namespace toll::detail
