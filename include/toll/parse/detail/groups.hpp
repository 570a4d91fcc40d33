#pragma once
// Whom a figure counts: a group from its word ("soldiers", "Malian nationals", "dozos") with the
// party whose losses they are, and how a group named once reaches the figures joined to it.
#include <algorithm>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <toll/group.hpp>
#include <toll/parse/detail/mentions.hpp>
#include <toll/source.hpp>

namespace toll::detail {

class group_reader : public mention_reader {
public:
    using mention_reader::mention_reader;

protected:
    /// A group from its word at `at`; labelled kinds keep the words from `label_begin` as written.
    group make_group(const group_word& g, std::size_t label_begin, std::size_t at) const
    {
        group result;
        result.kind = g.kind;
        if (g.labelled) {
            if (!g.label.empty()) {
                result.label = std::string{g.label};
                // "dix Casques bleus tchadiens", "un Casque bleu jordanien": a nationality after a
                // group word of fixed label joins the label in the adjective's English form
                // ("Chadian peacekeepers"), as a nationality before the noun does in English.
                const std::size_t end = at + std::max<std::size_t>(1, any_phrase(lex_.group_compounds, at));
                if (const auto [p, n] = party_adjective_entry(end); n != 0 && !p->label.empty()) {
                    result.label = std::string{p->label} + " " + result.label;
                    if (g.kind == group_kind::security_forces) result.party = std::string{p->party};
                }
            } else {
                std::size_t from = label_begin <= at ? label_begin : at;
                while (from < at && is_word(from) && is_link_word(lex_, text_of(from))) ++from;
                result.label = std::string{text_.substr(tokens_[from].begin, tokens_[at].end - tokens_[from].begin)};
            }
        }
        // "dozens of Malian and Wagner forces", "US and Afghan soldiers": forces of two parties
        // named together are no one party's; the group is named as written.
        if (g.kind == group_kind::security_forces || g.kind == group_kind::armed_group) {
            for (std::size_t j = label_begin + 1; j + 1 < at; ++j) {
                if (!is_word(j) || !is_one_of(text_of(j), lex_.conjunctions)) continue;
                const std::size_t left = initialism_start(j - 1).value_or(j - 1);
                if (left < label_begin || !party_qualifier(left) || !party_qualifier(j + 1)) continue;
                result.kind = group_kind::named;
                result.label = std::string{text_.substr(tokens_[left].begin, tokens_[at].end - tokens_[left].begin)};
                return result;
            }
        }
        // Whose losses: "Malian soldiers" are Mali's; "JNIM fighters" are JNIM's.
        for (std::size_t j = label_begin; j < at; ++j) {
            if (!is_word(j)) continue;
            const std::string_view w = text_of(j);
            if (g.kind == group_kind::security_forces) {
                if (const auto [party, n] = party_adjective_at(j); n != 0) {
                    result.party = std::string{party};
                    j += n - 1;  // "South Sudanese": not Sudan's as well
                    continue;
                }
            }
            if (g.kind == group_kind::armed_group) {
                for (const known_source& s : lex_.sources) {
                    if (s.kind == source_kind::armed_group && iequals(w, s.key)) result.party = std::string{s.party};
                }
            }
        }
        if (result.party.empty()) {
            if (g.kind == group_kind::security_forces) result.party = options_.security_forces_party;
            if (g.kind == group_kind::armed_group) result.party = options_.armed_group_party;
        }
        return result;
    }

    /// Whether the word at `j` names a party before a force noun: a party's adjective ("Malian") or
    /// a capitalised name ("Wagner", "US").
    [[nodiscard]] bool party_qualifier(std::size_t j) const
    {
        if (!is_word(j)) return false;
        if (party_adjective_at(j).second != 0) return true;
        return capitalised(j) && !is_sentence_start(j);
    }

    /// The party that a force's adjective at `j` names ("Malian", "U.S.", "US", "South Sudanese")
    /// and how many tokens it takes; 0 tokens when none does. "US" counts only in capitals: "told
    /// us" names no one.
    [[nodiscard]] std::pair<std::string_view, std::size_t> party_adjective_at(std::size_t j) const
    {
        const auto [p, n] = party_adjective_entry(j);
        if (n == 0) return {};
        return {p->party, n};
    }

    /// The lexicon's entry for the party's adjective at `j` and how many tokens it takes.
    [[nodiscard]] std::pair<const party_adjective*, std::size_t> party_adjective_entry(std::size_t j) const
    {
        if (!is_word(j)) return {nullptr, 0};
        for (const party_adjective& p : lex_.party_adjectives) {
            if (p.exact_case) {
                if (text_of(j) == p.word) return {&p, 1};
                continue;
            }
            if (const std::size_t n = any_phrase(std::span{&p.word, 1}, j); n != 0) return {&p, n};
        }
        return {nullptr, 0};
    }

    /// Whether a party's adjective starts at one of the tokens in [from, to).
    [[nodiscard]] bool names_party(std::size_t from, std::size_t to) const
    {
        for (std::size_t j = from; j < to; ++j) {
            if (party_adjective_at(j).second != 0) return true;
        }
        return false;
    }

    /// The first letter of the initialism ("U.S.") whose last token is `j`: single capitals, each
    /// with its period glued after it. None when `j` ends no initialism.
    [[nodiscard]] std::optional<std::size_t> initialism_start(std::size_t j) const
    {
        std::optional<std::size_t> start;
        while (j >= 1 && is(j, token_kind::period) && tokens_[j].joined && is_word(j - 1) && text_of(j - 1).size() == 1 &&
               capitalised(j - 1)) {
            start = j - 1;
            if (j < 2 || !is(j - 2, token_kind::period) || !tokens_[j - 1].joined) break;
            j -= 2;
        }
        return start;
    }

    /// Whether only commas, dashes, "and", "while" … stand between two figures' words, so that a
    /// group named on the first reaches the second ("71 soldiers were killed, 12 were wounded").
    [[nodiscard]] bool group_linked(const mention& a, const mention& b) const
    {
        if (sentence_[a.first] != sentence_[b.first]) return false;
        for (std::size_t k = std::max(a.scan_end, a.last); k < b.first; ++k) {
            const token& t = tokens_[k];
            if (t.kind == token_kind::comma || t.kind == token_kind::dash) continue;
            // "“… the annihilation of dozens of terrorists”, while many fled with injuries", "«Deux
            // Casques bleus ont trouvé la mort» et plusieurs ont été blessés": the quote that closes
            // a's clause, before a comma or a joiner.
            if (t.kind == token_kind::quote && k > a.last &&
                (is(k + 1, token_kind::comma) || (is_word(k + 1) && is_one_of(text_of(k + 1), lex_.group_joiners))))
                continue;
            // "25 soldats tués et de 6 autres blessés", "et d'une soixantaine portés disparus": the
            // "de" a joiner takes before the next figure.
            if (lex_.name != "en" && k > 0 && is_word(k - 1) && is_one_of(text_of(k - 1), lex_.of_words) && k + 1 == b.first &&
                t.kind == token_kind::apostrophe && t.joined)
                continue;
            if (t.kind != token_kind::word) return false;
            const std::string_view w = text_of(k);
            if (is_one_of(w, lex_.group_joiners)) continue;
            if (lex_.name != "en" && is_one_of(w, lex_.of_words) && k > 0 && is_word(k - 1) &&
                is_one_of(text_of(k - 1), lex_.group_joiners) && (k + 1 == b.first || k + 2 == b.first))
                continue;
            if (consumed_[k]) continue;  // the verb read as b's ("wounding nine more")
            // "were killed in the fighting, and 15 were wounded": a phrase of place or time
            // closing a's clause, up to the joiner before b.
            if (is_one_of(w, lex_.scene_prepositions) && k > a.last) {
                // "blessés dans l'attaque, tandis que plusieurs": an elided article is of the phrase.
                std::size_t j = k + 1;
                while (j < b.first && j < k + 6 &&
                       ((is(j, token_kind::apostrophe) && tokens_[j].joined && is_word(j + 1)) ||
                        (is_word(j) && !is_one_of(text_of(j), lex_.group_joiners) && !lookup_category(lex_, text_of(j)) &&
                         !lookup_group(lex_, text_of(j)) && !is_reporting_verb(lex_, text_of(j)))))
                    ++j;
                if (j > k + 1 && j < b.first && (is(j, token_kind::comma) || is_one_of(text_of(j), lex_.group_joiners))) {
                    k = j - 1;
                    continue;
                }
            }
            return false;
        }
        return true;
    }

    /// The figure (by index) whose subset the figure at `i` counts: set off after "including" or
    /// dashes, or right after the whole's words and an "including" ("56 militants including eight
    /// commanders").
    [[nodiscard]] std::optional<std::size_t> whole_of(std::size_t i) const
    {
        const mention& a = mentions_[i];
        if (a.subset_of) return a.subset_of;
        if (i == 0) return std::nullopt;
        const mention& w = mentions_[i - 1];
        const std::size_t k = std::max(w.scan_end, w.last);
        if (sentence_[w.first] != sentence_[a.first] || k + 1 != a.first || !is_word(k) ||
            !is_one_of(text_of(k), lex_.including))
            return std::nullopt;
        return i - 1;
    }

    [[nodiscard]] bool word_in(std::size_t k, std::span<const std::string_view> words) const
    {
        return is_word(k) && is_one_of(text_of(k), words);
    }

    /// "les Fama ont déploré la perte de six hommes", "nous avons perdu six hommes", a dit le
    /// responsable militaire, "dix de nos hommes": men (`side_men`) a side loses, or a speaker
    /// calls its own, are the side's fighters. The side is the group or party named before the
    /// loss, or for "nous", "nos" the speaker (`sources`: each figure's).
    void read_sides_of_men(const std::vector<source_chain>& sources)
    {
        if (lex_.side_men.empty()) return;
        for (std::size_t i = 0; i < mentions_.size(); ++i) {
            mention& m = mentions_[i];
            if (m.grp && !(m.grp->kind == group_kind::all || (m.grp->kind == group_kind::named && !m.grp->label.empty() &&
                                                              iequals(m.grp->label, lex_.side_men.front()))))
                continue;
            std::size_t men = m.last;
            bool own = false;  // "dix de nos hommes"
            if (word_in(men, lex_.of_words) && word_in(men + 1, lex_.first_person)) {
                own = true;
                men += 2;
            } else if (m.first > 0 && word_in(m.first - 1, lex_.first_person)) {
                own = true;  // "nos six hommes"
            }
            // "une dizaine d'hommes"
            if (word_in(men, lex_.of_words) && is(men + 1, token_kind::apostrophe) && tokens_[men + 1].joined) men += 2;
            if (!word_in(men, lex_.side_men)) continue;
            // The loss before the figure: "perdu six hommes", "la perte de six hommes".
            std::size_t loss = 0;
            for (std::size_t k = m.first; k > 0 && m.first - k < 4 && !own;) {
                --k;
                if (word_in(k, lex_.loss_words)) {
                    loss = k + 1;
                    break;
                }
                if (!word_in(k, lex_.of_words) && !word_in(k, lex_.name_articles)) break;
            }
            if (!own && loss == 0) continue;
            std::optional<group> side;
            // The loser, read back from the loss to the clause's start; an aside in parentheses
            // ("Les terroristes (les djihadistes dans le vocabulaire de l'armée) ont perdu") is stepped over.
            for (std::size_t k = loss == 0 ? 0 : loss - 1; k > 0 && !own && !side;) {
                --k;
                if (is(k, token_kind::close_paren)) {
                    while (k > 0 && !is(k, token_kind::open_paren)) --k;
                    continue;
                }
                if (is_sentence_end(k) || is(k, token_kind::comma) || in_mention(k)) break;
                if (!is_word(k)) continue;
                if (word_in(k, lex_.first_person)) {
                    own = true;
                    break;
                }
                if (const auto g = lookup_group(lex_, text_of(k)); g && g->kind != group_kind::all) {
                    side = make_group(*g, k, k);
                    break;
                }
                // "l'armée a annoncé la perte de neuf hommes": a government's or armed group's name.
                for (const known_source& src : lex_.sources) {
                    if (!iequals(text_of(k), src.key)) continue;
                    if (src.kind == source_kind::government) side = make_group(group_word{group_kind::security_forces}, k, k);
                    if (src.kind == source_kind::armed_group) side = make_group(group_word{group_kind::armed_group}, k, k);
                }
            }
            // "nos hommes", a dit le responsable militaire: the speaker's side.
            if (own && !side) {
                const source& speaker = sources[i].origin;
                if (speaker.kind == source_kind::government)
                    side = make_group(group_word{group_kind::security_forces}, m.first, m.first);
                else if (speaker.kind == source_kind::armed_group)
                    side = make_group(group_word{group_kind::armed_group}, m.first, m.first);
                std::size_t from = 0;
                for (std::size_t w = 0; w <= speaker.name.size() && !side; ++w) {
                    if (w < speaker.name.size() && speaker.name[w] != ' ') continue;
                    const std::string_view piece = std::string_view{speaker.name}.substr(from, w - from);
                    // The speaker's side, not its rank: "nos hommes", a dit un officier, are the forces'.
                    if (const auto g = lookup_group(lex_, piece); g && g->kind == group_kind::security_forces)
                        side = make_group(group_word{g->kind}, m.first, m.first);
                    from = w + 1;
                }
            }
            if (side) m.grp = side;
        }
    }

    /// The group a side's phrase that starts at `k` names, and the token after it: "du côté des
    /// forces armées", "du coté de l'armée" (a government's force is its soldiers), "côté FDS".
    /// None when no side of the fighting is named there ("du côté de Djibo" says where).
    [[nodiscard]] std::optional<std::pair<group, std::size_t>> side_at(std::size_t k) const
    {
        if (!word_in(k, lex_.ranks_words)) return std::nullopt;
        std::size_t g = k + 1;
        while (g < k + 4 && (word_in(g, lex_.name_articles) || word_in(g, lex_.of_words) ||
                             (is(g, token_kind::apostrophe) && tokens_[g].joined)))
            ++g;
        if (!is_word(g) || starts_mention(g)) return std::nullopt;
        if (const auto gw = lookup_group(lex_, text_of(g)); gw && gw->kind != group_kind::all)
            return std::pair{make_group(*gw, g, g), g + 1};
        for (const known_source& src : lex_.sources) {
            if (src.kind == source_kind::government && iequals(text_of(g), src.key))
                return std::pair{make_group(group_word{group_kind::security_forces}, g, g), g + 1};
        }
        return std::nullopt;
    }

    /// Whether the words in [from, to) only go on with a list of what a side suffered: commas,
    /// joiners, and plain words ("et des dégâts importants"), no verb of report, no clause.
    [[nodiscard]] bool list_gap(std::size_t from, std::size_t to) const
    {
        if (to < from || to - from > 6) return false;
        for (std::size_t k = from; k < to; ++k) {
            if (is(k, token_kind::comma) || (is(k, token_kind::apostrophe) && tokens_[k].joined)) continue;
            if (!is_word(k) || consumed_[k]) return false;
            const std::string_view w = text_of(k);
            if (is_reporting_verb(lex_, w) || is_one_of(w, lex_.name_stops) || is_one_of(w, lex_.auxiliaries) ||
                is_one_of(w, lex_.scene_prepositions) || lookup_group(lex_, w))
                return false;
            // "quinze décès, le nombre de victimes dans les rangs des assaillants": a category of a
            // noun of its own, not the figure's ("disparus et blessés").
            if (lookup_category(lex_, w) && k > from && (word_in(k - 1, lex_.of_words) || word_in(k - 1, lex_.name_articles)))
                return false;
        }
        return true;
    }

    /// "dix rescapés, de nombreux blessés et des dégâts importants du côté des forces armées",
    /// "plus de 40 morts, des nombreux disparus et blessés du coté de l'armée": a side's phrase
    /// that closes a list of figures counts them all in the side's group, back to a figure
    /// with a group of its own or anything that is not the list.
    void read_closing_sides()
    {
        if (lex_.ranks_words.empty()) return;
        std::size_t next = 0;  // the first mention after the side's phrase
        for (std::size_t k = 0; k + 1 < tokens_.size(); ++k) {
            while (next < mentions_.size() && mentions_[next].first <= k) ++next;
            if (next == 0) continue;
            const auto side = side_at(k);
            if (!side) continue;
            // The phrase opens at its preposition and article: "du côté", "dans les rangs".
            std::size_t open = k;
            while (open > 0 && k - open < 3 &&
                   (word_in(open - 1, lex_.scene_prepositions) || word_in(open - 1, lex_.name_articles) ||
                    word_in(open - 1, lex_.of_words)))
                --open;
            std::size_t end = open;  // where the list item after the figure stops
            for (std::size_t i = next; i-- > 0;) {
                mention& m = mentions_[i];
                // "quinze blessés du côté de l'armée": the figure that read the phrase as its own.
                const bool read_it = std::max(m.scan_end, m.last) > open && m.grp && *m.grp == side->first;
                if (sentence_[m.first] != sentence_[k] || (!read_it && !list_gap(std::max(m.scan_end, m.last), end))) break;
                if (m.grp && *m.grp != side->first) break;
                if (!m.grp && m.person_count) m.grp = side->first;
                end = m.first;
            }
        }
    }

    /// Whether a figure's own words are "others" and no more: "Dix autres", "d'autres", "10 others".
    [[nodiscard]] bool restates(const mention& m) const
    {
        for (std::size_t k = m.first; k < m.last; ++k) {
            if (is_word(k) && is_one_of(text_of(k), lex_.restating_words)) return true;
        }
        return is_word(m.last) && is_one_of(text_of(m.last), lex_.restating_words) &&
               !(is_word(m.last + 1) && lookup_group(lex_, text_of(m.last + 1)));
    }

    /// The one group the claims of the sentence of figure `last` (and of the figures before it)
    /// count, or none when they count several or none; a subset's ("including five children") is
    /// not the sentence's.
    [[nodiscard]] std::optional<group> only_group_of_sentence(std::size_t last) const
    {
        std::optional<group> found;
        const std::size_t s = sentence_[mentions_[last].first];
        for (std::size_t j = last + 1; j-- > 0 && sentence_[mentions_[j].first] == s;) {
            const mention& a = mentions_[j];
            if (!a.person_count || !a.cat) continue;
            if (a.subset_of || (a.first > 0 && is_word(a.first - 1) && is_one_of(text_of(a.first - 1), lex_.including)))
                continue;
            if (!a.grp) return std::nullopt;
            if (found && *found != *a.grp) return std::nullopt;
            found = a.grp;
        }
        return found;
    }

    /// A group named on one figure reaches the bare figures joined to it, while the sentence
    /// names only that one group and the same source speaks (`sources`: each figure's).
    void spread_groups(const std::vector<source_chain>& sources)
    {
        std::optional<group> first_group;  // the first group the current sentence names
        bool several_groups = false;       // whether it names more than one
        for (std::size_t i = 0; i < mentions_.size(); ++i) {
            mention& b = mentions_[i];
            // Groups count within one chain of joined figures: "Almost 14,000 of the displaced
            // people left …, and by weeks end three more Somalis were killed and twenty-three
            // wounded" names one group in the chain that holds the bare figure.
            if (i == 0 || sentence_[mentions_[i - 1].first] != sentence_[b.first] ||
                (!group_linked(mentions_[i - 1], b) && !b.linked_to_previous && !b.subset_of)) {
                first_group.reset();
                several_groups = false;
            }
            if (i > 0) {
                const mention& a = mentions_[i - 1];
                // A subset's group ("including five children") is not the next figure's.
                if (!b.grp && a.grp && !several_groups && !b.alias && !b.people_noun && !a.subset_of &&
                    group_linked(a, b) &&
                    sources[i] == sources[i - 1])
                    b.grp = a.grp;
                // "56 militants including eight commanders were killed and three others injured",
                // "40 soldiers, including six officers, died and nine others were hurt": the others
                // are others of the whole, not of its subset.
                if (!b.grp && !b.alias && is_word(b.last) && is_one_of(text_of(b.last), lex_.restating_words) &&
                    group_linked(a, b) && sources[i] == sources[i - 1]) {
                    if (const auto whole = whole_of(i - 1); whole && mentions_[*whole].grp) b.grp = mentions_[*whole].grp;
                }
            }
            // "… ils ont tué au moins 32 civils. Dix autres sont portés disparus": "others" with no
            // people named, opening a sentence, counts more of the one group the sentence before
            // counted, whoever says it. (Within a sentence the chain above decides.)
            if (i > 0 && !b.grp && restates(b) && sentence_[b.first] == sentence_[mentions_[i - 1].first] + 1)
                b.grp = only_group_of_sentence(i - 1);
            // Only figures that are claims count as the sentence's groups: "Hundreds of Boko Haram
            // fighters attacked …, killing 16 soldiers and wounding nine more" names one group of victims.
            const bool claim_bearing = b.person_count && (b.cat || mode_ == text_mode::cell);
            if (b.grp && claim_bearing) {
                if (!first_group) first_group = b.grp;
                else if (*first_group != *b.grp) several_groups = true;
            }
        }
    }
};

}  // namespace toll::detail
