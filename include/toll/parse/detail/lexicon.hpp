#pragma once
// What a language gives the parser: its number words, the phrases that bound, soften or join
// figures, its vague words, and the words around a figure that say what it counts (categories,
// verbs included), whom (groups) and on whose word (sources, reporting verbs). The grammar and the
// field reader hold the rules; a lexicon holds only words, so a third language is one file
// (lexicon_en.hpp and lexicon_fr.hpp are the two there are).
//
// Phrases are written as their words separated by single spaces, in lower case; a word "." stands
// for a period glued to the word before it ("c ." is "c."), a word "'" for an apostrophe
// ("jusqu ' à"). Indexed tables (phrase_table) are sorted by first letter; where several phrases
// can match at the same place, the table lists the longer first: the first match wins.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include <toll/category.hpp>
#include <toll/group.hpp>
#include <toll/source.hpp>
#include <toll/parse/detail/phrase.hpp>
#include <toll/vague_words.hpp>

namespace toll::detail {

// ---- numbers ---------------------------------------------------------------------------------

enum class number_word_kind : std::uint8_t {
    none,
    unit,          ///< zero … nine
    teen,          ///< ten … nineteen
    tens,          ///< twenty … ninety
    hundred,
    dozen,
    scale,         ///< thousand, million, billion, trillion
    approx_count,  ///< a count said of about so many: "une cinquantaine" (about fifty)
};

/// Flags that let a language's numbers compose the way its speakers say them.
enum number_word_flag : std::uint8_t {
    takes_teen = 1,   ///< a teen may follow: French "soixante-dix" (60 + 10), "quatre-vingt-douze"
    multiplied = 2,   ///< a unit before it multiplies it: French "quatre-vingts" (4 × 20)
    stands_alone = 4, ///< a scale needing no number before it: French "mille" (1,000)
    glued_only = 8,   ///< only straight after digits: "10k"
    takes_unit = 16,  ///< a unit may follow a teen: French "dix-sept" (10 + 7)
};

struct number_entry {
    std::string_view text;
    number_word_kind kind = number_word_kind::none;
    std::uint64_t value = 0;
    std::uint8_t flags = 0;
};

// ---- phrases around a number -------------------------------------------------------------------

/// How a prefix or suffix bounds the number it qualifies.
enum class bound_kind : std::uint8_t { none, approximately, at_least, more_than, at_most, fewer_than };

struct bound_phrase {
    std::string_view words;
    bound_kind bound = bound_kind::none;
    /// Without a number after it the phrase is itself this vague figure ("some were missing":
    /// several; "quelques blessés": a few).
    std::optional<vague_word> alone{};
};

/// "between 200 and 400", "from 30 to 62": the word that opens a range and the one that joins it.
struct range_frame {
    std::string_view open;
    std::string_view join;
};

/// A word joining two numbers into a range: "30 to 62"; a loose one ("250 or 260") only joins
/// numbers that rise and share their scale.
struct range_joiner {
    std::string_view word;
    bool loose = false;
};

struct vague_phrase {
    std::string_view words;
    vague_word word = vague_word::several;
};

/// "no deaths", "aucun blessé": the noun of an explicit zero and the category it names.
struct zero_noun {
    std::string_view word;
    toll::category category = category::casualties;
};

// ---- words around a figure ---------------------------------------------------------------------

/// How a category word stands beside its figure.
enum class category_form : std::uint8_t {
    noun_or_participle,  ///< after the figure: "20 killed", "12 bodies", "four injured"
    active,              ///< before it: "killing 20", "injuring the same number"
    both,                ///< either side: "killed 20" / "20 killed"
};

struct category_entry {
    std::string_view text;
    toll::category category = category::killed;
    category_form form = category_form::noun_or_participle;
    /// The word names the people it counts ("hostages", "bodies"), so no group carries over to it.
    bool people_noun = false;
};

/// A phrase after a figure that says what happened to its people in words no one of which does
/// ("three militants were taken alive", "two others blew themselves up").
struct category_phrase {
    std::string_view words;
    /// None: the phrase says the people came to no harm ("33 missing soldiers were found alive").
    std::optional<toll::category> category{};
};

/// A group word: the kind it names and whether it is a labelled subgroup of that kind.
struct group_word {
    group_kind kind = group_kind::all;
    bool labelled = false;      ///< keep the words as the group's label ("foreigners", "children")
    std::string_view label{};   ///< a fixed label, when the spelling varies ("dozos")
};

struct group_entry {
    std::string_view text;
    group_word word;
};

struct known_source {
    std::string_view key;   ///< lower-case text that identifies the source inside a name
    std::string_view name;  ///< the name to record (empty: keep the words as written)
    source_kind kind;
    std::string_view party;
    bool whole_word = true;
};

/// Adjectives of nationality that name whose forces a group is: "Malian soldiers" are Mali's.
struct party_adjective {
    std::string_view word;   ///< lower-case words; "." is a period glued to the word before ("u . s .")
    std::string_view party;
    /// The adjective as the group's English label writes it ("Chadian"), for a language whose
    /// adjective follows a group word with a fixed label: "Casques bleus tchadiens" are "Chadian
    /// peacekeepers". Empty: the adjective stands before its noun and the label keeps it as written.
    std::string_view label{};
    bool exact_case = false;  ///< only as written: "US" names the United States, "us" no one
    /// The people of the nation as a noun ("Afghans"): "60 Afghan people" are "Afghans", the label
    /// "379 Iraqis" writes. Empty: the language or the adjective has no such use.
    std::string_view nationals{};
};

/// Everything the parser knows of one language.
struct lexicon {
    std::string_view name;  ///< "en", "fr"
    number_style style = number_style::point_decimal;  ///< "1,600.5" or "1.600,5"

    // numbers
    phrase_table<number_entry> numbers;
    std::span<const std::string_view> articles;       ///< "a", "an", "one": "a hundred", "a dozen"
    std::span<const std::string_view> ambiguous_ones; ///< "un", "une": the number one only before people
    std::span<const std::string_view> alone_words;    ///< "seul": after an ambiguous one, the number one
    std::span<const std::string_view> exact_articles; ///< of those, the ones that are no approximation ("one dozen")
    std::string_view half;                            ///< "half": "half a million", "half a dozen"
    std::string_view half_after_article;              ///< "demi": "un demi-million"
    std::string_view scale_joiner;                    ///< "three hundred and twelve": "and"
    std::string_view tens_unit_joiner;                ///< "vingt et un": "et"

    // figures
    phrase_table<bound_phrase> prefixes;
    phrase_table<bound_phrase> suffixes;
    std::span<const range_frame> range_frames;
    std::span<const range_joiner> range_joiners;
    phrase_table<vague_phrase> vague;
    phrase_table<std::string_view> unknown;        ///< "unknown", "an unknown number", "not known"
    phrase_table<std::string_view> zero_words;     ///< "none", "nil", "nobody", "no one"
    std::span<const std::string_view> zero_determiners;  ///< "no": "no deaths"
    std::span<const std::string_view> zero_adjectives;   ///< "civilian": "no civilian casualties"
    std::span<const zero_noun> zero_nouns;

    // words around a figure
    phrase_table<category_entry> categories;
    phrase_table<group_entry> groups;
    std::span<const party_adjective> party_adjectives;
    /// Groups of several words whose first is the group word: "Casques bleus" is one, so that
    /// "six Casques bleus et cinq autres" still joins the two figures.
    std::span<const std::string_view> group_compounds{};
    std::span<const std::string_view> reporting_verbs;  ///< "said", "claimed": their subject is a source
    std::span<const std::string_view> light_verbs;      ///< "fait": with a noun below, a reporting verb
    std::span<const std::string_view> light_verb_nouns; ///< "état": "fait état de" reports
    std::span<const std::string_view> months;
    std::span<const std::string_view> non_person_units;  ///< "19 vehicles", "2 years": no count of people
    std::span<const std::string_view> attempt_words;     ///< "tried": the category after it did not happen
    std::span<const std::string_view> ordinal_suffixes;  ///< "rd": "3rd"
    std::span<const std::string_view> time_words;        ///< "pm": "3pm"
    std::span<const std::string_view> age_words_before;  ///< "aged": "aged 25"
    std::span<const std::string_view> age_units;         ///< "year": "20-year-old"
    std::span<const std::string_view> age_old;           ///< "old": "20-year-old"
    std::span<const std::string_view> link_words;        ///< may stand between a figure and its category word
    std::span<const std::string_view> including;         ///< "including": a subset of the figure before
    std::span<const std::string_view> auxiliaries;       ///< "were", "have": where a predicate resumes
    std::span<const std::string_view> restating_words;   ///< "others": "and 140 others wounded" states its own count
    std::span<const std::string_view> list_joiners;      ///< "and", "including": items of one list of figures
    std::span<const std::string_view> group_joiners;     ///< "and", "while": a group named once reaches the next figure
    std::span<const std::string_view> conjunctions;      ///< "and", "or": join list items and categories
    std::span<const known_source> sources;
    std::span<const std::string_view> toll_nouns;           ///< "toll": "the death toll rose to 50"
    std::span<const std::string_view> casualty_toll_words;  ///< "casualty": "casualty toll" counts casualties
    std::span<const std::string_view> figure_nouns;         ///< "figure": "put the figure at 150"
    std::span<const std::string_view> toll_verbs;           ///< "rose", "at": between a toll noun and its figure
    /// "estimated", "approximate": before a figure noun, make the figure it gives an approximation
    /// ("an estimated figure of 280 dead", "the approximate total of the dead would be 253").
    std::span<const std::string_view> estimate_adjectives{};
    /// "in the": before a vague figure, stands for a toll's verb ("put the toll in the hundreds").
    std::span<const std::string_view> magnitude_openers{};

    // attribution phrases: "according to X", "per X", "reported by X", "citing X"
    std::span<const std::string_view> subject_trailers; ///< "later", "have", "a": dropped off a subject's end
    std::span<const std::string_view> of_words;         ///< "of", "de", "d": "the deaths of 20", "la mort de 20"
    std::span<const std::string_view> impersonal_subjects; ///< "on": "on dénombre 20 morts" names no source
    std::span<const std::string_view> subject_articles; ///< "the": left off a reporting verb's subject
    std::span<const std::string_view> name_articles; ///< "the", "a", "le", "l": left off a source's name
    std::span<const std::string_view> according_to;  ///< "according to", "per", "selon", "d'après"
    std::span<const std::string_view> rate_words;    ///< "cent", "day": "per cent" is no attribution
    std::span<const std::string_view> by_agent;      ///< "by", "par": "reported by X"
    std::span<const std::string_view> citing;        ///< "citing", "citant": X citing Y (Y said it)
    std::span<const std::string_view> cited_by;      ///< "cited by", "citées par": X cited by Y (X said it)
    std::span<const std::string_view> telling_verbs; ///< "told": "sources told AFP" (AFP relays)
    std::span<const std::string_view> to_recipient;  ///< "à": "ont déclaré à RFI"

    /// Short words frequent in running text of this language and rare in others: what `auto`
    /// counts to tell the language of a text.
    std::span<const std::string_view> stop_words;

    /// "lost", "lost only": with a count of people after it, the verb says they were killed
    /// ("the army lost 12 soldiers"); it says nothing of other counts ("lost 40 vehicles").
    std::span<const std::string_view> loss_verbs{};
    /// "in", "during": a phrase of place or time closing a figure's clause ("killed in the
    /// fighting, and 15 were wounded") does not stop its group reaching the next figure.
    std::span<const std::string_view> scene_prepositions{};
    /// "family": "killed a family of four" counts the family's members, in the verb's category.
    std::span<const std::string_view> collective_nouns{};
    /// "mostly", "mainly": open an aside on who the people were ("Dozens of people, mostly Shia,
    /// were gunned down"); the predicate after it is the figure's.
    std::span<const std::string_view> aside_openers{};
    /// "and probably", "or even": open a hedged guess set off by commas ("dozens, and probably
    /// hundreds, of people were killed"); the figure before it keeps the words after it.
    std::span<const std::string_view> hedge_openers{};
    /// "lundi", "hier", "ce", "matin": the time of a report, which may stand between a reporting
    /// verb and its subject (", ont indiqué mardi des sources locales"); no part of the source.
    std::span<const std::string_view> report_times{};
    /// "dans", "sur", "sous": open a phrase of how or where a report was made, which may stand
    /// between a reporting verb and its subject (", a annoncé dans un communiqué l'armée", ", a
    /// écrit sur Twitter le chef de la Minusma"); no part of the source.
    std::span<const std::string_view> report_circumstances{};
    /// "de", "pour", "dans": open an aside between an auxiliary and its participle ("a de son côté
    /// expliqué", "a pour sa part indiqué", "avait dans un premier temps parlé"), which stands
    /// between a subject and its reporting verb; "ment" ends an adverb that does ("ont
    /// triomphalement annoncé").
    std::span<const std::string_view> aside_prepositions{};
    std::span<const std::string_view> adverb_endings{};
    /// "il", "on": a subject pronoun put after its auxiliary ("a-t-il dit", "a-t-on appris").
    std::span<const std::string_view> inverted_pronouns{};
    /// "parmi": "89 morts parmi les militaires" counts in the group the figure is among.
    std::span<const std::string_view> among_words{};
    /// Nouns of a side or its ranks a preposition opens to name a group: "dans les rangs de l'armée",
    /// "du côté des forces armées".
    std::span<const std::string_view> ranks_words{};
    /// "hommes": a side's men, who are the side's fighters when the side loses them ("les Fama ont
    /// déploré la perte de six hommes") or speaks of them as its own ("nos hommes").
    std::span<const std::string_view> side_men{};
    /// "tous", "all": "37 morts (tous civils)" says whom all of the figure's people were.
    std::span<const std::string_view> whole_words{};
    /// "perdu", "perte": the loss whose subject (or possessor) is the side of the men lost.
    std::span<const std::string_view> loss_words{};
    /// "nous", "nos": the speaker's own side.
    std::span<const std::string_view> first_person{};
    /// "in civilian clothes": after people named as no one in particular, says they were civilians.
    std::span<const std::string_view> civilian_dress{};
    /// "there to be", "there could be": "confirmed 79 deaths, but expected there to be over 100":
    /// a bare figure after it counts what the figure before it in the sentence counts.
    std::span<const std::string_view> existential_openers{};
    /// "killing", "assassination": "the killing of West Darfur governor Khamis Abakar" kills one
    /// person, named by the office or trade before the name.
    std::span<const std::string_view> killing_of_nouns{};
    /// "month", "week": "by the end of the month UPI reported": a phrase of time ending in one
    /// before a capitalised name is no part of the subject.
    std::span<const std::string_view> period_nouns{};
    /// "taken alive", "blew themselves up": phrases of a category after a figure.
    std::span<const category_phrase> category_phrases{};
    /// "of natural causes": after a word of death, deaths no one inflicted (counted as other).
    std::span<const std::string_view> natural_causes{};
    /// "ethnic": "540 ethnic Amhara people" are a people named by the capitalised words after it.
    std::span<const std::string_view> ethnic_words{};
    /// "qui", "dans", "lors": words that end a source's name in this language ("a dit le ministre
    /// lors d'une conférence", "les séparatistes qui", "Clément Sawadogo dans la presse").
    std::span<const std::string_view> name_stops{};
    /// "qui": "les séparatistes qui font état de": the subject of the verb is the noun before it.
    std::span<const std::string_view> relative_pronouns{};
    /// "se", "s'": "Ce chiffre s'ajoute à …", "il se dit inquiet": a verb of report made
    /// pronominal says no one reported anything.
    std::span<const std::string_view> reflexive_pronouns{};
    /// "appris": "a appris l'AFP de sources sécuritaires": whom the subject learned it from said it;
    /// the subject relays it.
    std::span<const std::string_view> learning_verbs{};
    /// "reporting", "claiming": a reporting verb's participle, which reports as the verb does after
    /// an opener of an absolute clause and its subject ("with Amnesty International reporting that").
    std::span<const std::string_view> reporting_participles{};
    /// "with": opens an absolute clause whose subject a participle follows.
    std::span<const std::string_view> absolute_openers{};
    /// "ed": the ending of a past participle ("mutilated bodies", "39 appeared to have died"), a
    /// word that describes people or says what they did and never names them.
    std::span<const std::string_view> participle_endings{};
    /// "released", "issued": with a statement noun after it, a verb whose subject reports.
    std::span<const std::string_view> publishing_verbs{};
    /// "relayés", "avancés": the participle after figures passed on by someone ("les chiffres
    /// relayés par X", "avancés par X"); whoever passes them on after "par" or a medium's
    /// preposition ("relayés sur les réseaux sociaux") is where they come from.
    std::span<const std::string_view> passed_on_participles{};
    /// "sur": the preposition of the medium figures are passed on through.
    std::span<const std::string_view> medium_prepositions{};
    /// "statement", "report", "communiqué", "décompte": what a publishing verb puts out ("released a
    /// statement that"), and nouns which, like a toll noun, the body they are of speaks through
    /// ("selon un décompte de l'AFP": the AFP).
    std::span<const std::string_view> statement_nouns{};
    /// "as", "comme": right before a reporting verb, opens a clause with no subject ("as reported in
    /// media"); before the verb's pronoun, one whose subject follows the verb ("comme l'a annoncé
    /// l'ONU").
    std::span<const std::string_view> as_words{};
    /// "buried", "found": who buried or found the dead saw them ("Residents buried 43 people").
    std::span<const std::string_view> witness_verbs{};
    /// "ing": the ending of a present participle, which ends a witness's name ("Journalists
    /// entering the city discovered …").
    std::span<const std::string_view> present_participle_endings{};
    /// "lives": "has cost the lives of 40 soldiers", "claimed the lives of 12": the figure after
    /// "of" counts the dead.
    std::span<const std::string_view> life_nouns{};
    /// "claimed", "cost", "took": a verb that takes lives, before a figure of them ("the blast
    /// claimed 40 lives", "has cost at least 12 lives"): the figure counts the dead.
    std::span<const std::string_view> life_taking_verbs{};
    /// "put", "placed": a verb that gives a figure for the people it names, before "at" ("put those
    /// injured at 45", "placed the dead at 30"): the category is theirs.
    std::span<const std::string_view> putting_verbs{};
    /// "those", "the": before a category word, the people it names ("those injured", "the dead").
    std::span<const std::string_view> people_determiners{};
    /// "heavy", "considerable": before a noun of casualties, many of them ("with considerable
    /// casualties on both sides", "suffered heavy casualties").
    std::span<const std::string_view> heavy_words{};
    /// "dr", "gen": a title whose abbreviation's period belongs to the name after it ("said Dr.
    /// Ahmed Ali", "Gen. Ali Shamarri").
    std::span<const std::string_view> title_abbreviations{};
    /// "perte": "a déploré la perte de six hommes": the figure after its "de" counts the dead, as
    /// after "lives of"; unlike "lives", the verb before it may report.
    std::span<const std::string_view> loss_nouns{};
    /// "force", "effectif": "une force de quelque 8 000 hommes", "a force of 5,000 troops": the
    /// figure after its "of" counts a force's strength (counted as other).
    std::span<const std::string_view> strength_nouns{};
    /// "m", "mme": a civility before a person's name, no part of it ("a indiqué M. Bilgo": Bilgo).
    std::span<const std::string_view> civilities{};
    /// "que", "mais": a conjunction that opens the clause a subject starts, read back from its verb
    /// ("alors que l'armée avait fait état de").
    std::span<const std::string_view> clause_openers{};
    /// "interrogée", "consulté", "publié", "joint": a participle that ends the name of a source
    /// before the words on how it was reached ("une source sécuritaire interrogée par l'AFP", "un
    /// document de la préfecture consulté par l'AFP", "un communiqué du Gouvernement publié dans").
    std::span<const std::string_view> reach_participles{};
    /// "ajoutant", "évoquant", "faisant" (état de): a present participle of report whose figures the
    /// speaker of the verb before it gives ("a indiqué le porte-parole, ajoutant que 63 …").
    std::span<const std::string_view> report_participles{};
    /// "des": the plural article that, before a category noun, counts some ("il y a aussi des
    /// blessés": several injured), and the words after which it is that article, not "de les" ("le
    /// bilan des morts").
    std::string_view plural_article{};
    std::span<const std::string_view> plural_article_after{};
    /// "d'autres": "d'autres sont portés disparus" counts several more, of the category after it.
    std::string_view others_phrase{};
    /// "based", "backed": after a joined hyphen, the end of an adjective on a name's ties, not on
    /// who it is ("US-based Human Rights Watch", "Yemen's Iran-backed Houthi rebels").
    std::span<const std::string_view> tie_participles{};
    /// "in": after the common noun of a named institution, opens where the institution is ("the
    /// head of Al Jumhouri hospital in Hajjah"), no part of whom the source is.
    std::span<const std::string_view> place_prepositions{};
    /// "armés": after people named as no one in particular ("individus", "hommes"), says they were
    /// an armed group's ("une vingtaine d'individus armés", "une centaine d'hommes armés").
    std::span<const std::string_view> armed_words{};
    /// "attaqué", "ouvert le feu", "sont arrivés": verbs whose subject attacks or comes in force. A
    /// count of an armed group's people as their subject, with no word of harm, counts assailants.
    std::span<const std::string_view> assault_verbs{};
    /// "hommes", "individus": people in general who, as the subject of an assault verb, are an armed
    /// group's ("plusieurs dizaines d'hommes à moto ont attaqué le village").
    std::span<const std::string_view> assailant_nouns{};
    /// "été", "been": right before an assault verb, its subject is the attacked ("ont été attaqués").
    std::span<const std::string_view> passive_markers{};
};

}  // namespace toll::detail
