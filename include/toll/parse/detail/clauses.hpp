#pragma once
// The clause around a figure: the category and group words after it ("civilians were killed"),
// the verb or noun before it ("killing 20", "the death toll rose to 50"), and the lists that
// share one predicate ("Twenty soldiers and twenty dozos were killed").
#include <algorithm>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <toll/parse/detail/groups.hpp>

namespace toll::detail {

class clause_reader : public group_reader {
public:
    using group_reader::group_reader;

protected:
    /// The words after a figure (its group and category) and the verb before it.
    void read_words_around(std::size_t index)
    {
        mention& m = mentions_[index];
        if (m.article_count && !m.grp) m.grp = article_count_group(m);
        read_figure_noun_of(m);
        // Before: "killing 20", "killed at least 20", "the death toll rose to 50", "among the dead were 13".
        if (!m.cat && m.first > 0) {
            read_verbs_before(m);
            if (!m.cat) read_loss_before(m);
            if (!m.cat) read_lives_before(m);
            if (!m.cat) read_collective_before(m);
            if (!m.cat) read_glued_label(m);
            if (!m.cat) read_noun_of_before(m);
            if (!m.cat) read_toll_before(m);
            if (!m.cat) read_among_before(m);
            if (!m.cat) read_hostage_before(m);
        }

        // After: "civilians were killed", "Malian nationals", "bodies", "killed and kidnapped".
        std::size_t k = m.last;
        std::size_t words = 0;
        std::size_t last_useful = m.last;
        std::size_t label_begin = m.last;
        std::optional<category> tentative;
        std::size_t first_unknown = 0;  // unknown nouns right after the figure ("Iraqis")
        std::size_t unknown_words = 0;
        while (k + 1 < tokens_.size()) {
            if (clause_[k] != clause_[m.last > 0 ? m.last - 1 : 0] && mode_ == text_mode::cell) break;
            const token& t = tokens_[k];
            if (is_sentence_end(k) || t.kind == token_kind::semicolon || t.kind == token_kind::open_paren ||
                t.kind == token_kind::close_paren || t.kind == token_kind::colon || t.kind == token_kind::newline)
                break;
            // "the bodies of over a dozen people, in civilian clothes": people named as no one in
            // particular, dressed as civilians, are civilians.
            if (m.grp && m.grp->kind == group_kind::all && m.grp->label.empty() && k == last_useful &&
                ((t.kind == token_kind::comma && mode_ == text_mode::sentence) || t.kind == token_kind::word)) {
                const std::size_t at = t.kind == token_kind::comma ? k + 1 : k;
                if (const std::size_t n = any_phrase(lex_.civilian_dress, at); n != 0) {
                    m.grp = group::civilians();
                    last_useful = at + n;
                    k = at + n;
                    continue;
                }
            }
            if (t.kind == token_kind::comma) {
                if (mode_ == text_mode::cell) break;
                // "at least twenty people, including women, children, and the elderly, were killed"
                // "More than 93,000 people, including over 6,500 children, have been killed": the
                // subset's figures are claims of the same category (subset_of records them).
                // "Dozens of people, mostly Shia, were gunned down": an aside on who they were,
                // with no figure, then the predicate resumes.
                if (!m.cat && any_phrase(lex_.aside_openers, k + 1) != 0) {
                    std::size_t j = k + 1;
                    while (j < k + 12 && j + 1 < tokens_.size() && !is(j, token_kind::comma) && !is_sentence_end(j) &&
                           !starts_mention(j))
                        ++j;
                    if (is(j, token_kind::comma) && is_word(j + 1) && is_one_of(text_of(j + 1), lex_.auxiliaries)) {
                        k = j + 1;
                        continue;
                    }
                }
                // "Douze civils, des forains se rendant à la foire, ont été tués", "92 soldats,
                // sous-officiers et officiers de l'armée, ont été tués": a description of the people
                // set off by commas, with no figure of its own, stands between them and their
                // predicate, which resumes at the auxiliary after the closing comma. So does a
                // relative clause closed by a comma: "15 terroristes qui tentaient de fuir, ont été
                // neutralisés".
                if (!m.cat && m.grp && mode_ == text_mode::sentence) {
                    if (passive_harm_at(k + 1)) {
                        ++k;
                        continue;
                    }
                    std::size_t j = k + 1;
                    while (j < k + 16 && j + 1 < tokens_.size() && !is(j, token_kind::comma) && !is_sentence_end(j) &&
                           !is(j, token_kind::semicolon) && !is(j, token_kind::colon) && !starts_mention(j))
                        ++j;
                    if (j > k + 1 && is(j, token_kind::comma) && passive_harm_at(j + 1)) {
                        k = j + 1;
                        continue;
                    }
                }
                // "dozens, and probably hundreds, of people were stabbed": a hedged guess set off
                // by commas before "of" is stepped over; its figure stays one of its own words.
                if (const std::size_t hedge = any_phrase(lex_.hedge_openers, k + 1); hedge != 0 && !m.cat) {
                    std::size_t j = k + 1 + hedge;
                    if (starts_mention(j)) {
                        while (j < k + 10 && j + 1 < tokens_.size() && !is(j, token_kind::comma) && !is_sentence_end(j)) ++j;
                        if (is(j, token_kind::comma) && is_word(j + 1) && is_one_of(text_of(j + 1), lex_.of_words)) {
                            k = j + 1;
                            continue;
                        }
                    }
                }
                // "y compris", "parmi lesquels": the including word may be a phrase.
                if (const std::size_t inc = any_phrase(lex_.including, k + 1); inc != 0 && !m.cat) {
                    std::size_t j = k + 1 + inc;
                    while (j + 1 < tokens_.size() && j < k + 40 && !is_sentence_end(j) &&
                           !(is_word(j) && is_one_of(text_of(j), lex_.auxiliaries)) && !predicate_after_comma(j))
                        ++j;
                    if (j + 1 < tokens_.size() && !is_sentence_end(j)) {
                        for (std::size_t s = index + 1; s < mentions_.size() && mentions_[s].first < j; ++s)
                            mentions_[s].subset_of = index;
                        k = j;
                        continue;
                    }
                }
                break;
            }
            // "800 residents of the 100 homes fleeing": a count of things (set aside as no figure)
            // after the group's "of" says whose the people are, and their words go on after it.
            if (m.grp && t.kind == token_kind::number && !starts_mention(k) && k >= 2 && is_word(k + 1) &&
                is_non_person_unit(lex_, text_of(k + 1)) &&
                (word(k - 1, "of") || (word(k - 2, "of") && is_one_of(text_of(k - 1), lex_.name_articles)))) {
                k += 2;
                continue;
            }
            if (starts_mention(k)) break;
            if (t.kind == token_kind::dash || t.kind == token_kind::apostrophe) {
                if (!t.joined) {
                    // "Plus de cent personnes – civils et militaires – sont mortes": an aside between
                    // dashes, with no figure of its own, is stepped over; an open one ends the words.
                    if (t.kind != token_kind::dash) break;
                    std::size_t close = k + 1;
                    while (close < k + 12 && close + 1 < tokens_.size() && !is(close, token_kind::dash) &&
                           !starts_mention(close) && !is_sentence_end(close))
                        ++close;
                    if (!is(close, token_kind::dash) || tokens_[close].joined) break;
                    k = close + 1;
                    continue;
                }
                ++k;
                continue;
            }
            // "Dozens of M23 rebels": a number glued to a word is part of a name.
            if (t.kind == token_kind::number && t.joined && k > m.last && is_word(k - 1)) {
                ++k;
                continue;
            }
            // "« Environ 170 personnes » ont été « exécutées »", "a fait "plusieurs dizaines" de morts":
            // quotes stand between a figure and its words.
            if (lex_.name != "en" && t.kind == token_kind::quote && is_word(k + 1) && !starts_mention(k + 1) &&
                (is_link_word(lex_, text_of(k + 1)) || lookup_category(lex_, text_of(k + 1)))) {
                ++k;
                continue;
            }
            // "three U.S. soldiers": the periods of an initialism are part of its word.
            if (t.kind == token_kind::period && t.joined && k > m.last && is_word(k - 1) && text_of(k - 1).size() == 1 &&
                capitalised(k - 1) && is_word(k + 1)) {
                ++k;
                continue;
            }
            if (t.kind != token_kind::word) break;
            const std::string_view w = text_of(k);
            // "38 morts au moins", "20 personnes au moins ont été tuées": a bound put after the
            // figure's words bounds the figure, as one right after the number does; not one that
            // opens or precedes another figure ("20 killed plus 5 injured" adds).
            if (k > m.last && k == last_useful && (m.cat || m.grp) && m.value.qualifier() == qualifier::exact) {
                if (const auto [bound, n] = suffix_bound_at(k); n != 0) {
                    m.value = bounded(m.value.low(), bound);
                    last_useful = k + n;
                    k += n;
                    continue;
                }
            }
            // "15 terroristes qui tentaient de s'échapper": what they tried to do says nothing of
            // what became of them; the words go on after it.
            if (is_one_of(w, lex_.attempt_words)) {
                std::size_t j = k + 1;
                while (j < k + 5 && (is_word(j) || is(j, token_kind::apostrophe)) && !starts_mention(j) &&
                       !(is_word(j) && lookup_category(lex_, text_of(j))))
                    ++j;
                if (is_word(j) && !starts_mention(j) && lookup_category(lex_, text_of(j))) {
                    k = j + 1;
                    continue;
                }
            }
            // "three militants were taken alive", "two others blew themselves up".
            if (!m.cat || !m.cat_from_left) {
                if (const auto p = category_phrase_at(k)) {
                    m.cat = p->first;
                    m.cat_from_left = false;
                    m.unharmed = !p->first;
                    last_useful = k + p->second;
                    break;
                }
            }
            if (const auto c = lookup_category(lex_, w)) {
                // "300 soldiers deployed to the town were killed", "les 40 gardes que l'armée avait
                // déployés ont été tués": a word of the other category describes the people when
                // their predicate resumes later, at an auxiliary with a word of harm after it. So
                // does a noun of a state after the group's word: "Onze militaires maliens
                // prisonniers d'un groupe armé au Mali ont été tués". So does a participle of a
                // state right after the group's word, with no auxiliary of its own: "Trois personnes
                // déplacées ont été tuées" are the displaced, killed.
                const bool state_participle = c->form == category_form::both && m.grp && k == last_useful &&
                                              !(is_word(k - 1) && is_one_of(text_of(k - 1), lex_.auxiliaries));
                if ((c->category == category::other || c->form == category_form::noun_or_participle || state_participle) &&
                    !m.cat && k > m.last) {
                    std::size_t j = k + 1;
                    while (j < k + 12 && (is_word(j) || (is(j, token_kind::apostrophe) && tokens_[j].joined)) &&
                           !starts_mention(j) &&
                           !(is_word(j) && (is_one_of(text_of(j), lex_.auxiliaries) || is_reporting_verb(lex_, text_of(j)) ||
                                            lookup_category(lex_, text_of(j)))))
                        ++j;
                    if (j < k + 12 && is_word(j) && is_one_of(text_of(j), lex_.auxiliaries)) {
                        const std::size_t v = after_auxiliaries(j);
                        const auto harm = is_word(v) && !starts_mention(v) ? lookup_category(lex_, text_of(v)) : std::nullopt;
                        if (harm && harm->category != category::other && harm->category != c->category &&
                            harm->form != category_form::active) {
                            k = v;
                            continue;
                        }
                    }
                }
                if (c->form == category_form::active) {
                    // "40 civils ont perdu la vie": an active verb with an article and a category
                    // noun after it says what happened to the figure's people.
                    if (is_word(k + 1) && is_one_of(text_of(k + 1), lex_.name_articles) && is_word(k + 2) &&
                        !starts_mention(k + 2)) {
                        const auto noun = lookup_category(lex_, text_of(k + 2));
                        if (noun && noun->form == category_form::noun_or_participle && !noun->people_noun) {
                            k += 2;
                            continue;
                        }
                    }
                    break;
                }
                if (glued_label(k)) break;  // "Deaths53+Injured75+": the next figure's label
                // "the death of 17,000 civilians and the displacement of two million": a category
                // noun with "of" and a figure after it is the next figure's.
                if (m.cat && word(k + 1, "of") && starts_mention(k + 2)) break;
                // "97 captured soldiers were killed", "many injured individuals": a participle before
                // a group noun describes the group; a later category word still decides.
                if (c->form == category_form::both && !m.cat &&
                    ((is_word(k + 1) && lookup_group(lex_, text_of(k + 1))) ||
                     (is_word(k + 1) && capitalised(k + 1) && is_word(k + 2) && lookup_group(lex_, text_of(k + 2))))) {
                    tentative = c->category;
                    ++k;
                    continue;
                }
                if (!m.cat || !m.cat_from_left) {
                    m.cat = c->category;
                    m.cat_from_left = false;
                    // "39 appeared to have died of natural causes": deaths no one inflicted.
                    if (c->category == category::killed) {
                        if (const std::size_t n = any_phrase(lex_.natural_causes, k + 1); n != 0) {
                            m.cat = category::other;
                            last_useful = k + 1 + n;
                            break;
                        }
                    }
                }
                m.people_noun = c->people_noun;
                // "37 hostages died", "12 prisoners executed": a noun that names the people gives
                // way to the verb that says what happened to them.
                if (c->people_noun && !m.cat_from_left) {
                    for (std::size_t j = k + 1; j < k + 5 && is_word(j) && !starts_mention(j); ++j) {
                        const auto verb = lookup_category(lex_, text_of(j));
                        if (verb && !verb->people_noun && verb->form != category_form::active) {
                            m.cat = verb->category;
                            k = j;
                            break;
                        }
                        if (!is_link_word(lex_, text_of(j))) break;
                    }
                }
                // "1 interpreter killed", "379 Iraqis were killed": a noun toll does not know, right
                // after the figure, names the group.
                if (!m.grp && first_unknown != 0 && first_unknown + unknown_words <= k && unknown_words <= 2) {
                    // "110 al-Shabaab were killed": a hyphenated name is one, and an armed group's
                    // name names its fighters.
                    std::size_t end = first_unknown + unknown_words;
                    while (end + 1 < k && in_word_mark(end) && is_word(end + 1)) end += 2;
                    const std::string name = text_between(first_unknown, end);
                    m.grp = group::named(name);
                    for (const known_source& src : lex_.sources) {
                        if (src.kind == source_kind::armed_group && iequals(name, src.key))
                            m.grp = group::armed_group(std::string{src.party});
                    }
                }
                last_useful = k + 1;
                // "about 60 missing persons", "40 dead villagers": a participle right after the
                // figure and before a group noun describes the figure's own group.
                if (!m.grp && k == first_word_after(m) && is_word(k + 1) && !starts_mention(k + 1) &&
                    !(is_word(k + 2) && is_reporting_verb(lex_, text_of(k + 2)))) {
                    if (const auto g = lookup_group(lex_, text_of(k + 1))) {
                        m.grp = make_group(*g, k + 1, k + 1);
                        last_useful = k + 2;
                        // "4000 morts civils et militaires": people of two kinds are everyone.
                        if ((conjunction(k + 2) || word(k + 2, "or")) && is_word(k + 3) && !starts_mention(k + 3)) {
                            if (const auto other = lookup_group(lex_, text_of(k + 3)); other && other->kind != g->kind) {
                                m.grp = group::everyone();
                                last_useful = k + 4;
                            }
                        }
                    }
                }
                // "five of the people killed were soldiers": the predicate names the group.
                if (is_word(k + 1) && is_one_of(text_of(k + 1), lex_.auxiliaries) && is_word(k + 2) &&
                    (is_sentence_end(k + 3) || is(k + 3, token_kind::comma))) {
                    if (const auto g = lookup_group(lex_, text_of(k + 2)); g && (!m.grp || m.grp->kind == group_kind::all)) {
                        m.grp = make_group(*g, k + 2, k + 2);
                        last_useful = k + 3;
                    }
                }
                // "500 morts civils", "89 morts parmi les militaires nigériens": a group after the
                // category says whom it counts, when the words before named no one in particular.
                if (!m.grp || m.grp->kind == group_kind::all) {
                    if (const std::size_t end = read_group_after_category(m, k + 1); end != 0) {
                        last_useful = end;
                        break;
                    }
                }
                // "killed and kidnapped", "dead or wounded"
                if ((word(k + 1, "and") || word(k + 1, "or") || is(k + 1, token_kind::slash)) && is_word(k + 2) &&
                    !starts_mention(k + 2) && !starts_mention(k + 3)) {
                    if (const auto c2 = lookup_category(lex_, text_of(k + 2));
                        c2 && c2->form != category_form::active && c2->category != m.cat) {
                        const bool killed_and_injured =
                            (*m.cat == category::killed && c2->category == category::injured) ||
                            (*m.cat == category::injured && c2->category == category::killed);
                        if (killed_and_injured && !m.cat_from_left) {
                            m.cat = category::casualties;  // one count of both
                        } else if (word(k + 1, "or") && !m.cat_from_left) {
                            // "156 civilians were killed or missing": two other fates joined by
                            // "or" are one count the words do not tell apart.
                            m.cat = category::other;
                        } else {
                            m.cat2 = c2->category;
                        }
                        last_useful = k + 3;
                    }
                }
                // "were arrested by government forces and are missing": a second predicate, with its
                // own auxiliary after "and" (and the agent of the first before it), says more of
                // the same people.
                if (!m.cat2 && m.cat && !m.cat_from_left) {
                    std::size_t j = k + 1;
                    if (is_word(j) && is_one_of(text_of(j), lex_.by_agent)) {
                        ++j;
                        while (j < k + 8 && is_word(j) && !starts_mention(j) && !conjunction(j)) ++j;
                    }
                    if ((word(j, "and") || word(j, "or")) && is_word(j + 1) && is_one_of(text_of(j + 1), lex_.auxiliaries)) {
                        std::size_t v = j + 2;
                        while (v < j + 4 && is_word(v) && (is_one_of(text_of(v), lex_.auxiliaries) || word(v, "been") ||
                                                          word(v, "still") || word(v, "now")))
                            ++v;
                        if (is_word(v) && !starts_mention(v) && !starts_mention(v + 1)) {
                            const auto c2 = lookup_category(lex_, text_of(v));
                            if (c2 && c2->form != category_form::active && c2->category != *m.cat) {
                                // "were killed or are missing": not told apart, as above.
                                if (word(j, "or")) m.cat = category::other;
                                else m.cat2 = c2->category;
                                last_useful = v + 1;
                            }
                        }
                    }
                }
                break;
            }
            // "une vingtaine d'individus armés", "une centaine d'hommes armés": people named as no
            // one in particular, or a side's men, who bear arms are an armed group's.
            if ((!m.grp || (m.grp->kind == group_kind::all && m.grp->label.empty())) && is_word(k + 1) &&
                is_one_of(text_of(k + 1), lex_.armed_words) &&
                (is_one_of(w, lex_.side_men) || (lookup_group(lex_, w) && lookup_group(lex_, w)->kind == group_kind::all))) {
                m.grp = group::armed_group({});
                last_useful = k + 2;
                k += 2;
                continue;
            }
            std::optional<group_word> g = lookup_group(lex_, w);
            if (!g) {
                // "18 US service members": a group of several words takes them all.
                if (const auto [phrase, n] = group_phrase_at(k); n > 1) {
                    g = phrase;
                    k += n - 1;
                }
            }
            if (g) {
                // "neuf personnes parmi les habitants", "209 personnes civiles": a group right after
                // people named as no one in particular, or among whom they were, says who they were.
                if (m.grp && m.grp->kind == group_kind::all && g->kind != group_kind::all && k > m.last &&
                    (among_before(k) || (is_word(k - 1) && lookup_group(lex_, text_of(k - 1)) &&
                                         lookup_group(lex_, text_of(k - 1))->kind == group_kind::all)))
                    m.grp.reset();
                k = group_end(k);
                // "1,700 unarmed Iraqi military trainees", "police cadets": in English a group word
                // right before a labelled one modifies it, and the pair names the group, of the
                // modifier's kind when that is a force ("two security officials").
                if (!m.grp && lex_.name == "en" && !g->labelled && is_word(k + 1) && !starts_mention(k + 1)) {
                    if (const auto head = lookup_group(lex_, text_of(k + 1)); head && head->labelled && head->label.empty()) {
                        group_word pair = *head;
                        if (g->kind == group_kind::security_forces || g->kind == group_kind::armed_group) pair.kind = g->kind;
                        m.grp = make_group(pair, label_begin, k + 1);
                        m.grp->label = text_between(k, k + 2);
                        last_useful = k + 2;
                        k += 2;
                        continue;
                    }
                }
                if (!m.grp) {
                    m.grp = make_group(*g, label_begin, k);
                    // "540 ethnic Amhara people": the people the capitalised words after "ethnic"
                    // name, before a word of people in general.
                    if (g->kind == group_kind::all && k >= 2 && capitalised(k - 1)) {
                        std::size_t e = k - 1;
                        while (e > label_begin && capitalised(e - 1)) --e;
                        if (e > 0 && e - 1 >= label_begin && is_word(e - 1) && is_one_of(text_of(e - 1), lex_.ethnic_words))
                            m.grp = group::named(text_between(e - 1, k));
                    }
                    // "60 Afghan people were dead": a nation's adjective before a word of people in
                    // general names the nation's people, as "379 Iraqis" does.
                    if (g->kind == group_kind::all && !g->labelled && k > label_begin) {
                        for (std::size_t j = label_begin; j < k; ++j) {
                            const auto [p, n] = party_adjective_entry(j);
                            if (n == 0 || j + n != k || p->nationals.empty()) continue;
                            m.grp = group::named(std::string{p->nationals});
                            break;  // "South Sudanese people": the longest adjective, from the left
                        }
                    }
                    // "deux militaires maliens et un civil": the party's adjective after the group
                    // word is the group's, and the list goes on after it.
                    // English puts the adjective before the noun: "killed 12 soldiers US officials
                    // said" is the officials' nationality.
                    if (lex_.name != "en" && is_word(k + 1) && !starts_mention(k + 1)) {
                        if (const auto [party, n] = party_adjective_at(k + 1); n != 0) {
                            if (g->kind == group_kind::security_forces) m.grp->party = std::string{party};
                            last_useful = k + 1 + n;
                            k += n;
                        }
                    }
                    // "17,000 civilians and soldiers": people of two kinds are everyone.
                    if ((word(k + 1, "and") || word(k + 1, "or")) && is_word(k + 2) && !starts_mention(k + 2)) {
                        if (const auto other = lookup_group(lex_, text_of(k + 2)); other && other->kind != g->kind) {
                            m.grp = group::everyone();
                            last_useful = k + 3;
                            k += 3;
                            continue;
                        }
                        // "24 women and minors": two labelled groups of one kind, with no figure of
                        // its own on the second, are one group named by both words.
                        if (const auto other = lookup_group(lex_, text_of(k + 2));
                            other && other->kind == g->kind && g->labelled && other->labelled && g->label.empty() &&
                            other->label.empty() && !m.grp->label.empty()) {
                            const std::size_t from = std::min(label_begin, k);
                            m.grp->label = std::string{text_.substr(tokens_[from].begin, tokens_[k + 2].end - tokens_[from].begin)};
                            last_useful = k + 3;
                            k += 3;
                            continue;
                        }
                    }
                }
                last_useful = k + 1;
                ++k;
                continue;
            }
            if (is_non_person_unit(lex_, w) && !m.grp && k <= m.last + 2 && !after_preposition(m.last, k)) {
                // "40 vehicles destroyed", "50 vehicles captured": read the verb too, so that it is
                // not taken for the next figure's.
                m.person_count = false;
                std::size_t j = k + 1;
                while (j < k + 4 && is_word(j) && !starts_mention(j) && !lookup_category(lex_, text_of(j))) ++j;
                if (is_word(j) && lookup_category(lex_, text_of(j))) last_useful = j + 1;
                break;
            }
            // "13 members of the United States military were killed": "States" is a word of a name.
            if (is_reporting_verb(lex_, w) && !is_link_word(lex_, w) && !reporting_word_in_name(k)) break;
            // "ten civilians were among the dead", "dozens of foreigners were also among the
            // casualties": the figure is counted in the category of those it is among.
            if (is_one_of(w, lex_.including) && !m.cat) {
                std::size_t j = k + 1;
                while (j < k + 3 && is_word(j) && is_one_of(text_of(j), lex_.name_articles)) ++j;
                if (is_word(j) && !starts_mention(j)) {
                    if (const auto c = lookup_category(lex_, text_of(j)); c && c->form != category_form::active) {
                        m.cat = c->category;
                        m.cat_from_left = false;
                        last_useful = j + 1;
                        break;
                    }
                }
            }
            // "two US soldiers including the team commander were wounded": a subset with no figure
            // of its own, before the predicate's auxiliary, is stepped over.
            if (is_one_of(w, lex_.including) && !m.cat && mode_ == text_mode::sentence) {
                std::size_t j = k + 1;
                while (j < k + 7 && is_word(j) && !starts_mention(j) && !is_one_of(text_of(j), lex_.auxiliaries) &&
                       !lookup_category(lex_, text_of(j)) && !is_reporting_verb(lex_, text_of(j)))
                    ++j;
                if (j > k + 1 && is_word(j) && is_one_of(text_of(j), lex_.auxiliaries) && is_word(j + 1)) {
                    const auto c = lookup_category(lex_, text_of(j + 1));
                    if (c && c->form != category_form::active) {
                        k = j;
                        continue;
                    }
                }
            }
            if (iequals(w, "according") || iequals(w, "per") || iequals(w, "citing") || iequals(w, "by") ||
                iequals(w, "including") || iequals(w, "among") || iequals(w, "while") || iequals(w, "but") ||
                iequals(w, "after") || iequals(w, "when") || iequals(w, "that") || iequals(w, "which"))
                break;
            // "tué des milliers de personnes et déplacé 2 000 habitants": the words end at a
            // conjunction before the next figure or a word of its category, in either language.
            if ((conjunction(k) || iequals(w, "and") || iequals(w, "or")) &&
                (starts_mention(k + 1) || (is_word(k + 1) && lookup_category(lex_, text_of(k + 1))) ||
                 people_put_at(k + 1)))
                break;
            // "… 300,000 children and has displaced 2.3 million": a verb after the conjunction and
            // an auxiliary, with a figure after it, is that figure's.
            if ((iequals(w, "and") || iequals(w, "or")) && is_word(k + 1) && is_one_of(text_of(k + 1), lex_.auxiliaries)) {
                std::size_t v = k + 2;
                if (is_word(v) && is_one_of(text_of(v), lex_.auxiliaries)) ++v;
                if (is_word(v) && starts_mention(v + 1)) {
                    if (const auto c = lookup_category(lex_, text_of(v)); c && c->form != category_form::noun_or_participle)
                        break;
                }
            }
            // "400 cadets ordered to leave Camp Speicher before the attack were arrested": a
            // participle right after the group word opens words that describe the people; their
            // predicate resumes at the auxiliary with a category word after it.
            if (m.grp && !m.cat && k == last_useful && k > m.last && has_participle_form(lex_, w) && !capitalised(k)) {
                std::size_t j = k + 1;
                while (j < k + 12 && is_word(j) && !starts_mention(j) && !is_one_of(text_of(j), lex_.auxiliaries) &&
                       !is_reporting_verb(lex_, text_of(j)) && !lookup_category(lex_, text_of(j)))
                    ++j;
                if (j < k + 12 && is_word(j) && is_one_of(text_of(j), lex_.auxiliaries) && is_word(j + 1) &&
                    !starts_mention(j + 1)) {
                    const auto c = lookup_category(lex_, text_of(j + 1));
                    if (c && c->form != category_form::active) {
                        k = j + 1;
                        continue;
                    }
                }
            }
            if (!is_link_word(lex_, w)) {
                if (++words > 5) break;
                // "eighteen mutilated bodies", "39 appeared to have died": a participle names no one.
                if (first_unknown == 0 && k == first_word_after(m) &&
                    !(has_participle_form(lex_, w) && !capitalised(k)))
                    first_unknown = k;
                // "les 3 000 hommes que la France a déployés": the unknown nouns end at a joiner.
                if (first_unknown != 0 && k == first_unknown + unknown_words && !is_one_of(w, lex_.list_joiners))
                    ++unknown_words;
            }
            if (label_begin == m.last && (iequals(w, "of") || iequals(w, "the"))) label_begin = k + 1;
            ++k;
        }
        // "including 11 Indians": after "including", a capitalised noun toll does not know, right
        // after the figure, names the subset's group.
        // "four Nigeriens, four US soldiers, and 21 militants were killed": so does one that ends an
        // item of a list of figures.
        if (!m.grp && first_unknown != 0 && unknown_words >= 1 && unknown_words <= 2 && capitalised(first_unknown) &&
            first_unknown + unknown_words <= tokens_.size() &&
            ((m.first > 0 && is_word(m.first - 1) && is_one_of(text_of(m.first - 1), lex_.including) &&
              !is_word(first_unknown + unknown_words)) ||
             (mode_ == text_mode::sentence && list_item_ends(first_unknown + unknown_words)))) {
            m.grp = group::named(text_between(first_unknown, first_unknown + unknown_words));
            last_useful = std::max(last_useful, first_unknown + unknown_words);
        }
        if (!m.cat && tentative) {
            m.cat = tentative;
            m.cat_from_left = false;
        }
        // "38 morts au moins": the same bound after the category word that ends the words.
        if (last_useful > m.last && m.cat && m.value.qualifier() == qualifier::exact) {
            if (const auto [bound, n] = suffix_bound_at(last_useful); n != 0) {
                m.value = bounded(m.value.low(), bound);
                last_useful += n;
            }
        }
        // "33 missing soldiers had been found alive": a phrase that says the people came to no
        // harm, after their predicate's auxiliaries, undoes the words before it.
        if (m.cat && !m.cat_from_left) {
            std::size_t j = last_useful;
            while (j < last_useful + 4 && is_word(j) && (is_one_of(text_of(j), lex_.auxiliaries) || word(j, "been") ||
                                                        word(j, "été") || word(j, "later") || word(j, "since") ||
                                                        word(j, "now")))
                ++j;
            if (const auto p = category_phrase_at(j); p && !p->first) {
                m.cat.reset();
                m.unharmed = true;
                last_useful = j + p->second;
            }
        }
        // "no civilian casualties": a group word among a zero's own words names its group.
        if (!m.grp && m.value.qualifier() == qualifier::zero) {
            for (std::size_t j = m.first; j < m.last; ++j) {
                if (!is_word(j)) continue;
                if (const auto g = lookup_group(lex_, text_of(j))) {
                    m.grp = make_group(*g, j, j);
                    break;
                }
            }
        }
        if (!m.grp) read_group_among_before(m);
        if (!m.grp && mode_ == text_mode::sentence) read_opening_among(m);
        m.scan_end = last_useful;
        // "Russian forces lost 1,090 troops": the forces lost are the party's whose loss the verb
        // says, unless their own words name another.
        if (!m.loser_party.empty() && m.grp && m.grp->kind == group_kind::security_forces &&
            !names_party(m.first, m.scan_end))
            m.grp->party = std::string{m.loser_party};
        for (std::size_t j = m.last; j < last_useful; ++j) consumed_[j] = true;
        read_breakdown(index);
    }

    /// The bound of a suffix of the lexicon's ("au moins", "or more") at `k` and how many tokens
    /// it takes (0 for none, or when a figure starts in it or right after it).
    [[nodiscard]] std::pair<bound_kind, std::size_t> suffix_bound_at(std::size_t k) const
    {
        if (!is_word(k)) return {bound_kind::none, 0};
        for (const bound_phrase& p : lex_.suffixes.all()) {
            if (p.bound == bound_kind::none) continue;
            const std::size_t n = any_phrase(std::span{&p.words, 1}, k);
            if (n == 0) continue;
            // "12 morts et plus de vingt blessés": the words open the next figure, or one follows.
            for (std::size_t j = k; j <= k + n; ++j) {
                if (starts_mention(j) || in_mention(j)) return {bound_kind::none, 0};
            }
            return {p.bound, n};
        }
        return {bound_kind::none, 0};
    }

    /// An exact count `n` under a bound a suffix gave it.
    [[nodiscard]] static figure bounded(count_type n, bound_kind bound)
    {
        switch (bound) {
        case bound_kind::approximately: return figure::approximately(n);
        case bound_kind::at_least: return figure::at_least(n);
        case bound_kind::more_than: return n < max_count ? figure::more_than(n) : figure::exact(n);
        case bound_kind::at_most: return figure::at_most(n);
        case bound_kind::fewer_than: return n > 0 ? figure::fewer_than(n) : figure::exact(n);
        case bound_kind::none: break;
        }
        return figure::exact(n);
    }

    /// The category of a phrase of the lexicon's at `k` and how many tokens it takes.
    [[nodiscard]] std::optional<std::pair<std::optional<category>, std::size_t>> category_phrase_at(std::size_t k) const
    {
        if (!is_word(k)) return std::nullopt;
        // Off the path of plain words: only phrases that start with the word's letter are tried.
        const char first = lower(text_of(k).front());
        for (const category_phrase& p : lex_.category_phrases) {
            if (p.words.front() != first) continue;
            if (const std::size_t n = any_phrase(std::span{&p.words, 1}, k); n != 0) return std::pair{p.category, n};
        }
        return std::nullopt;
    }

    /// A group named by several words at `k` ("service members"), and how many tokens it takes;
    /// no group and 0 when none is named there.
    [[nodiscard]] std::pair<std::optional<group_word>, std::size_t> group_phrase_at(std::size_t k) const
    {
        const auto tokens = [this](std::size_t i) -> const token& { return tokens_[std::min(i, tokens_.size() - 1)]; };
        const auto texts = [this](const token& t) { return text_.substr(t.begin, t.size()); };
        std::size_t n = 0;
        const group_entry* e = first_phrase(lex_.groups, k, n, tokens, texts);
        if (!e) return {std::nullopt, 0};
        return {e->word, n};
    }

    /// The last token of the group word at `k`: `k`, or the end of a compound ("Casques bleus").
    [[nodiscard]] std::size_t group_end(std::size_t k) const
    {
        if (lex_.group_compounds.empty()) return k;
        const std::size_t n = any_phrase(lex_.group_compounds, k);
        return n > 1 ? k + n - 1 : k;
    }

    /// Whether "parmi les" (an among word and its articles) stands right before token `k`.
    [[nodiscard]] bool among_before(std::size_t k) const
    {
        std::size_t j = k;
        while (j > 0 && is_word(j - 1) && (is_one_of(text_of(j - 1), lex_.name_articles) ||
                                           is_one_of(text_of(j - 1), lex_.of_words)))
            --j;
        while (j > 0 && is(j - 1, token_kind::apostrophe) && tokens_[j - 1].joined && j > 1) j -= 2;
        return j > 0 && j < k && is_word(j - 1) && is_one_of(text_of(j - 1), lex_.among_words);
    }

    /// The group named right after a figure's category word, at `at`: "morts civils", "victimes
    /// civiles", "morts parmi les soldats", "parmi les populations civiles". Sets it on `m` and
    /// returns the token after it, or 0 when none is named there.
    std::size_t read_group_after_category(mention& m, std::size_t at)
    {
        std::size_t j = at;
        // "trente corps de soldats", "a dozen bodies of civilians": the dead a noun of bodies is
        // of are its group. Only the dead's: "otages des jihadistes" names the captors.
        if (m.people_noun && m.cat == category::killed && is_word(j) && is_one_of(text_of(j), lex_.of_words)) {
            std::size_t g = j + 1;
            while (g < j + 3 && is_word(g) && is_one_of(text_of(g), lex_.name_articles)) ++g;
            if (is(g, token_kind::apostrophe) && tokens_[g].joined) ++g;
            if (is_word(g) && !starts_mention(g)) {
                if (const auto gw = lookup_group(lex_, text_of(g)); gw && gw->kind != group_kind::all) {
                    m.grp = make_group(*gw, g, g);
                    return g + 1;
                }
            }
        }
        // "37 morts (tous civils)", "(tous des soldats)": whom all of them were, in parentheses.
        if (is(at, token_kind::open_paren) && is_word(at + 1) && is_one_of(text_of(at + 1), lex_.whole_words)) {
            std::size_t g = at + 2;
            while (g < at + 4 && is_word(g) && (is_one_of(text_of(g), lex_.name_articles) || is_one_of(text_of(g), lex_.of_words)))
                ++g;
            if (is_word(g) && !starts_mention(g)) {
                const auto gw = lookup_group(lex_, text_of(g));
                if (gw && gw->kind != group_kind::all && is(group_end(g) + 1, token_kind::close_paren)) {
                    m.grp = make_group(*gw, g, g);
                    return group_end(g) + 2;
                }
            }
        }
        // "morts dans les rangs de l'armée", "du côté des forces armées": a side or its ranks,
        // after a preposition and its article, open the group as "parmi" does.
        std::size_t r = at;
        while (r < at + 3 && is_word(r) &&
               (is_one_of(text_of(r), lex_.scene_prepositions) || is_one_of(text_of(r), lex_.name_articles) ||
                is_one_of(text_of(r), lex_.of_words)))
            ++r;
        // "une dizaine de tués côté miliciens", "8 morts coté FDS": the side's noun may stand bare.
        const bool side = is_word(r) && is_one_of(text_of(r), lex_.ranks_words);
        if (side) j = r;
        if (is_word(j) && (is_one_of(text_of(j), lex_.among_words) || side)) {
            ++j;
            while (is_word(j) && (is_one_of(text_of(j), lex_.name_articles) || is_one_of(text_of(j), lex_.of_words))) {
                ++j;
                if (is(j, token_kind::apostrophe) && tokens_[j].joined) ++j;
            }
            for (std::size_t g = j; g < j + 3 && is_word(g) && !starts_mention(g); ++g) {
                if (const auto gw = lookup_group(lex_, text_of(g)); gw && gw->kind != group_kind::all) {
                    m.grp = make_group(*gw, g, g);
                    return group_end(g) + 1;
                }
                // "dans les rangs de l'armée": the ranks of a government's force are its soldiers.
                if (side && g == j) {
                    for (const known_source& src : lex_.sources) {
                        if (src.kind == source_kind::government && iequals(text_of(g), src.key)) {
                            m.grp = make_group(group_word{group_kind::security_forces}, g, g);
                            return g + 1;
                        }
                    }
                }
                if (lookup_category(lex_, text_of(g))) break;
            }
            return 0;
        }
        if (j == at && is_word(j) && !capitalised(j) && !starts_mention(j)) {
            if (const auto gw = lookup_group(lex_, text_of(j)); gw && gw->kind != group_kind::all && !gw->labelled) {
                // "morts civils et militaires": people of two kinds are everyone.
                if (is_word(j + 1) && is_one_of(text_of(j + 1), lex_.conjunctions) && is_word(j + 2)) {
                    const auto other = lookup_group(lex_, text_of(j + 2));
                    if (other && other->kind != gw->kind) return 0;
                }
                m.grp = make_group(*gw, j, j);
                return j + 1;
            }
        }
        return 0;
    }

    /// "52 bodies wrapped in blankets – 27 men, 16 women and nine children –": figures set off
    /// between dashes right after a figure's words break it down; each counts in its category.
    void read_breakdown(std::size_t index)
    {
        const mention& m = mentions_[index];
        std::size_t j = std::max(m.scan_end, m.last);
        const std::size_t from = j;
        while (j < from + 6 && is_word(j) && !starts_mention(j) && !lookup_category(lex_, text_of(j)) &&
               !is_reporting_verb(lex_, text_of(j)))
            ++j;
        if (!is(j, token_kind::dash) || tokens_[j].joined || !starts_mention(j + 1)) return;
        std::size_t close = j + 1;
        while (close < j + 40 && close + 1 < tokens_.size() && !is_sentence_end(close) &&
               !(is(close, token_kind::dash) && !tokens_[close].joined))
            ++close;
        for (std::size_t s = index + 1; s < mentions_.size() && mentions_[s].first < close; ++s) {
            if (mentions_[s].first > j && !mentions_[s].subset_of) mentions_[s].subset_of = index;
        }
    }

    /// Whether a preposition stands in [from, to): "two million from their homes" does not count homes.
    [[nodiscard]] bool after_preposition(std::size_t from, std::size_t to) const noexcept
    {
        for (std::size_t k = from; k < to; ++k) {
            if (word(k, "from") || word(k, "in") || word(k, "to") || word(k, "into") || word(k, "at") ||
                word(k, "on") || word(k, "across") || word(k, "near"))
                return true;
        }
        return false;
    }

    /// The verbs right before a figure: "killing 20", "killed at least 20", and one verb list for
    /// several categories, "killed, injured and imprisoned dozens" (killed and injured together
    /// are casualties, one count of both; a third category is a claim of its own).
    void read_verbs_before(mention& m)
    {
        // "ont tué samedi plusieurs dizaines de personnes": the time between the verb and its figure.
        std::size_t j = m.first;
        while (j > 0 && is_word(j - 1) && !consumed_[j - 1] && clause_[j - 1] == clause_[m.first] &&
               is_one_of(text_of(j - 1), lex_.report_times))
            --j;
        std::vector<category> found;
        std::vector<std::size_t> words;
        while (j > 0) {
            const std::size_t v = j - 1;
            if (!is_word(v) || clause_[v] != clause_[m.first] || consumed_[v]) break;
            const auto c = lookup_category(lex_, text_of(v));
            if (!c || c->form == category_form::noun_or_participle) break;
            found.push_back(c->category);
            words.push_back(v);
            j = v;
            // "killed, injured and" before it: more verbs of the list
            if (j >= 2 && (conjunction(j - 1) || is(j - 1, token_kind::comma)) && is_word(j - 2)) {
                const auto more = lookup_category(lex_, text_of(j - 2));
                if (more && more->form != category_form::noun_or_participle && clause_[j - 2] == clause_[m.first]) {
                    words.push_back(j - 1);
                    j = j - 1;
                    continue;
                }
            }
            break;
        }
        if (found.empty()) return;
        std::reverse(found.begin(), found.end());
        const bool killed = std::find(found.begin(), found.end(), category::killed) != found.end();
        const bool injured = std::find(found.begin(), found.end(), category::injured) != found.end();
        std::vector<category> cats;
        if (killed && injured) cats.push_back(category::casualties);
        for (category c : found) {
            if (killed && injured && (c == category::killed || c == category::injured)) continue;
            if (std::find(cats.begin(), cats.end(), c) == cats.end()) cats.push_back(c);
        }
        m.cat = cats[0];
        if (cats.size() > 1) m.cat2 = cats[1];
        m.cat_from_left = true;
        for (std::size_t w : words) consumed_[w] = true;
    }

    /// "the army lost 12 soldiers", "we lost only six men": a verb of loss before a count of people
    /// says they were killed. The people must be named right after the figure: "lost 40 vehicles",
    /// "lost 3 of its bases" count no one.
    void read_loss_before(mention& m)
    {
        std::size_t start = m.first;
        for (std::size_t back = 1; back <= 2 && back <= m.first; ++back) {
            const std::size_t b = m.first - back;
            if (!is_word(b) || consumed_[b] || clause_[b] != clause_[m.first]) break;
            if (any_phrase(lex_.loss_verbs, b) == back) start = b;
        }
        if (start == m.first) return;
        std::size_t k = first_word_after(m);
        k += party_adjective_at(k).second;  // "lost 12 Malian soldiers"
        if (!is_word(k) || !lookup_group(lex_, text_of(k))) return;
        m.cat = category::killed;
        m.cat_from_left = true;
        m.loser_party = losing_party(start);
        for (std::size_t j = start; j < m.first; ++j) consumed_[j] = true;
        // "lost more than 500 soldiers, killed and wounded, in the battle": participles set off
        // after the people say how they were lost (killed and wounded together are casualties).
        std::size_t c = k + 1;
        while (c < k + 4 && is_word(c) && !starts_mention(c) && !lookup_category(lex_, text_of(c))) ++c;
        if (!is(c, token_kind::comma) || !is_word(c + 1)) return;
        const auto first = lookup_category(lex_, text_of(c + 1));
        if (!first || first->form == category_form::active) return;
        std::size_t end = c + 2;
        std::optional<category> second;
        if (conjunction(end) && is_word(end + 1)) {
            const auto other = lookup_category(lex_, text_of(end + 1));
            if (other && other->form != category_form::active) second = other->category;
            end += 2;
        }
        if (!(is(end, token_kind::comma) || is_sentence_end(end))) return;
        const bool both = second && ((first->category == category::killed && *second == category::injured) ||
                                     (first->category == category::injured && *second == category::killed));
        m.cat = both ? category::casualties : first->category;
        for (std::size_t j = c; j < end; ++j) consumed_[j] = true;
    }

    /// "Russian forces lost", "the U.S. military has lost": the party of the forces that a loss
    /// verb starting at `verb` has for its subject, a party's adjective before a word of forces
    /// ("forces", "troops", "army") in the verb's clause. Empty when the subject names none.
    [[nodiscard]] std::string_view losing_party(std::size_t verb) const
    {
        bool forces = false;
        for (std::size_t back = 1; back <= 6 && back <= verb; ++back) {
            const std::size_t b = verb - back;
            if (clause_[b] != clause_[verb] || consumed_[b] || in_mention(b)) break;
            if (is(b, token_kind::period) && tokens_[b].joined) continue;  // "U.S."
            if (!is_word(b) || is_reporting_verb(lex_, text_of(b)) || word(b, "that")) break;
            if (forces) {
                if (const auto [party, n] = party_adjective_at(b); n != 0 && b + n <= verb) return party;
            }
            const auto g = lookup_group(lex_, text_of(b));
            if ((g && g->kind == group_kind::security_forces) || word(b, "army")) forces = true;
        }
        return {};
    }

    /// Whether the token at `k` ends an item of a list of figures: a comma or "and" (or both)
    /// right before the next figure.
    [[nodiscard]] bool list_item_ends(std::size_t k) const
    {
        const std::size_t from = k;
        if (is(k, token_kind::comma)) ++k;
        if (is_word(k) && is_one_of(text_of(k), lex_.conjunctions)) ++k;
        return k > from && starts_mention(k);
    }

    /// The token after the auxiliary at `j` and the auxiliaries right after it ("ont été", "had
    /// been"), two at most.
    [[nodiscard]] std::size_t after_auxiliaries(std::size_t j) const
    {
        std::size_t v = j + 1;
        while (v < j + 3 && is_word(v) && (is_one_of(text_of(v), lex_.auxiliaries) || word(v, "been") || word(v, "été")))
            ++v;
        return v;
    }

    /// Whether a predicate of harm suffered opens at `j`: an auxiliary, any more of them, and a
    /// word of a category that is not an active verb taking a figure of its own ("ont été tués",
    /// "sont morts", "were killed"; not "ont tué 5 civils").
    [[nodiscard]] bool passive_harm_at(std::size_t j) const
    {
        if (!is_word(j) || !is_one_of(text_of(j), lex_.auxiliaries)) return false;
        const std::size_t v = after_auxiliaries(j);
        if (!is_word(v) || starts_mention(v) || starts_mention(v + 1)) return false;
        const auto c = lookup_category(lex_, text_of(v));
        return c && c->form != category_form::active && c->category != category::other;
    }

    /// "25 soldiers, including two officers, died": a category word right after a comma, outside
    /// any figure's words, resumes the predicate the subset set off.
    [[nodiscard]] bool predicate_after_comma(std::size_t j) const
    {
        if (j == 0 || !is(j - 1, token_kind::comma) || !is_word(j) || in_mention(j)) return false;
        const auto c = lookup_category(lex_, text_of(j));
        return c && c->form != category_form::active;
    }

    /// "the blast claimed 40 lives", "has cost at least 12 lives": a verb that takes lives right
    /// before a figure of them says it counts the dead.
    void read_lives_before(mention& m)
    {
        if (m.first == 0) return;
        const std::size_t v = m.first - 1;
        if (!is_word(v) || consumed_[v] || clause_[v] != clause_[m.first]) return;
        if (!is_one_of(text_of(v), lex_.life_taking_verbs)) return;
        const std::size_t k = first_word_after(m);
        if (!is_word(k) || !is_one_of(text_of(k), lex_.life_nouns)) return;
        m.cat = category::killed;
        m.cat_from_left = true;
        consumed_[v] = consumed_[k] = true;
    }

    /// "killed a family of four", "killing an entire family of five": the figure counts the
    /// members of the family the verb before it names.
    void read_collective_before(mention& m)
    {
        if (m.first < 3 || !is_word(m.first - 1) || !is_one_of(text_of(m.first - 1), lex_.of_words) ||
            !is_word(m.first - 2) || !is_one_of(text_of(m.first - 2), lex_.collective_nouns))
            return;
        // Back over the family's determiner and adjectives ("an entire") to the verb.
        for (std::size_t back = 3; back <= 5 && back <= m.first; ++back) {
            const std::size_t v = m.first - back;
            if (!is_word(v) || consumed_[v] || clause_[v] != clause_[m.first] || starts_mention(v)) return;
            if (const auto c = lookup_category(lex_, text_of(v))) {
                if (c->form == category_form::noun_or_participle) return;
                m.cat = c->category;
                m.cat_from_left = true;
                for (std::size_t j = v; j < m.first; ++j) consumed_[j] = true;
                return;
            }
        }
    }

    /// Whether the word at k is a category label of the figure after it: glued to its number
    /// ("Injured75") or set off by a colon ("Injured: 75+", "Killed: at least 12"), as lists of
    /// fields write a name before its value.
    [[nodiscard]] bool glued_label(std::size_t k) const
    {
        if (!is_word(k) || !lookup_category(lex_, text_of(k))) return false;
        if (is(k + 1, token_kind::number) && tokens_[k + 1].joined) return true;
        return is(k + 1, token_kind::colon) && starts_mention(k + 2);
    }

    /// "Deaths53+", "Deaths: 53+": the label before a figure says what it counts.
    void read_glued_label(mention& m)
    {
        if (m.first == 0) return;
        const std::size_t label = is(m.first - 1, token_kind::colon) && m.first >= 2 ? m.first - 2 : m.first - 1;
        if (!glued_label(label)) return;
        m.cat = lookup_category(lex_, text_of(label))->category;
        // A glued label is the figure's own; a label before a colon may head a list whose items
        // say more ("Casualties: 12 dead and 30 wounded"): a category word after the figure wins.
        m.cat_from_left = label + 1 == m.first;
        consumed_[label] = true;
    }

    /// "the deaths of at least 20,000", "the kidnapping of 172–185 villagers".
    void read_noun_of_before(mention& m)
    {
        // "la mort d'au moins 13 soldats": an elided "of" ends in an apostrophe.
        std::size_t of = m.first - 1;
        if (m.first >= 3 && is(of, token_kind::apostrophe)) --of;
        if (m.first < 2 || !is_word(of) || of == 0) return;
        // "causant la mort à dix-sept personnes", "a coûté la vie à douze personnes": death given to
        // someone, an "à" where "de" stands.
        const bool death_to = of >= 2 && (word(of, "à") || word(of, "aux")) && is_word(of - 1) && word(of - 2, "la") &&
                              lookup_category(lex_, text_of(of - 1)) &&
                              lookup_category(lex_, text_of(of - 1))->category == category::killed;
        if (!death_to && !is_one_of(text_of(of), lex_.of_words)) return;
        // "the unlawful killings, including summary executions, of at least 73 civilians": an
        // aside set off by commas between the noun and its "of" is stepped over.
        if (is(of - 1, token_kind::comma) && of >= 3) {
            std::size_t open = of - 1;
            while (open > 0 && of - open < 10 && !is(open - 1, token_kind::comma) && !in_mention(open - 1) &&
                   sentence_[open - 1] == sentence_[m.first])
                --open;
            if (open > 1 && open < of - 1 && is(open - 1, token_kind::comma) && is_word(open) &&
                is_one_of(text_of(open), lex_.including)) {
                const auto c = lookup_category(lex_, text_of(open - 2));
                if (is_word(open - 2) && !consumed_[open - 2] && c && c->form == category_form::noun_or_participle) {
                    m.cat = c->category;
                    m.cat_from_left = true;
                    for (std::size_t k = open - 2; k < m.first; ++k) consumed_[k] = true;
                }
            }
            return;
        }
        if (!is_word(of - 1)) return;
        if (consumed_[of - 1]) return;
        // "has cost the lives of tens of thousands of soldiers": lives lost are deaths.
        if (is_one_of(text_of(of - 1), lex_.life_nouns) || is_one_of(text_of(of - 1), lex_.loss_nouns)) {
            m.cat = category::killed;
            m.cat_from_left = true;
            for (std::size_t k = of - 1; k < m.first; ++k) consumed_[k] = true;
            return;
        }
        // "une force multinationale de quelque 8 000 hommes", "forte de plus de 15 000 Casques
        // bleus", "a force of 5,000 troops": a force's strength, past an adjective of the noun.
        {
            std::size_t noun = of - 1;
            if (!is_one_of(text_of(noun), lex_.strength_nouns) && noun > 0 && is_word(noun - 1) && !capitalised(noun) &&
                !lookup_group(lex_, text_of(noun)) && !lookup_category(lex_, text_of(noun)))
                --noun;
            if (is_word(noun) && !consumed_[noun] && is_one_of(text_of(noun), lex_.strength_nouns)) {
                m.cat = category::other;
                m.cat_from_left = true;
                for (std::size_t k = noun; k < m.first; ++k) consumed_[k] = true;
                return;
            }
        }
        std::size_t noun = of - 1;
        // "le déplacement forcé de deux millions de personnes": an adjective after a noun of the
        // act (one that counts whom its "de" names) stands between.
        if (lex_.name != "en" && !lookup_category(lex_, text_of(noun)) && noun > 0 && is_word(noun - 1) &&
            !capitalised(noun) && !lookup_group(lex_, text_of(noun)) && !consumed_[noun - 1]) {
            const auto act = lookup_category(lex_, text_of(noun - 1));
            if (act && act->form == category_form::active) --noun;
        }
        if (const auto c = lookup_category(lex_, text_of(noun))) {
            m.cat = c->category;
            m.cat_from_left = true;
            std::size_t from = noun;
            // "la mort ou la capture d'une trentaine de djihadistes", "the death or capture of 30":
            // two fates joined by "or" are not told apart; killed or wounded are casualties.
            std::size_t alt = noun;
            if (alt >= 2 && is(alt - 1, token_kind::apostrophe) && tokens_[alt - 1].joined) alt -= 2;
            else if (alt >= 1 && is_word(alt - 1) && is_one_of(text_of(alt - 1), lex_.name_articles)) --alt;
            if (alt >= 1 && is_word(alt - 1) && is_one_of(text_of(alt - 1), lex_.of_words)) --alt;  // "ou de la"
            if (alt >= 2 && (word(alt - 1, "ou") || word(alt - 1, "or")) && is_word(alt - 2) && !consumed_[alt - 2]) {
                const auto first = lookup_category(lex_, text_of(alt - 2));
                if (first && first->category != c->category) {
                    const bool killed_or_injured =
                        (first->category == category::killed && c->category == category::injured) ||
                        (first->category == category::injured && c->category == category::killed);
                    m.cat = killed_or_injured ? category::casualties : category::other;
                    from = alt - 2;
                }
            }
            for (std::size_t k = from; k < m.first; ++k) consumed_[k] = true;
        }
    }

    /// "took hostage about 30 officials".
    void read_hostage_before(mention& m)
    {
        if (m.first < 2 || !word(m.first - 1, "hostage")) return;
        if (word(m.first - 2, "took") || word(m.first - 2, "taken") || word(m.first - 2, "take") ||
            word(m.first - 2, "taking")) {
            m.cat = category::kidnapped;
            m.cat_from_left = true;
        }
    }

    /// The first token after a figure, past "more" and "other" ("three more Somalis").
    [[nodiscard]] std::size_t first_word_after(const mention& m) const noexcept
    {
        std::size_t k = m.last;
        while (word(k, "more") || word(k, "other") || word(k, "further") || word(k, "additional")) ++k;
        return k;
    }

    /// "death toll of 50", "the toll rose to 50", "casualty toll stood at 30", "put the death toll
    /// from last week's massacre at 150", "the death toll could exceed 500".
    void read_toll_before(mention& m)
    {
        if (m.first == 0 || !(is_word(m.first - 1) || is(m.first - 1, token_kind::quote))) return;
        // "put the number of dead in the hundreds", "a toll in the thousands": a vague figure after
        // "in the" stands where a figure stands after a toll's verb.
        bool magnitude = false;
        if (m.value.word()) {
            for (std::size_t back = 1; back <= 2 && back <= m.first && !magnitude; ++back) {
                magnitude = any_phrase(lex_.magnitude_openers, m.first - back) == back;
            }
        }
        // "revised the toll … to “about 253”": a quote opened before the figure stands between.
        const std::size_t verb = is(m.first - 1, token_kind::quote) && m.first >= 2 ? m.first - 2 : m.first - 1;
        if (magnitude || (is_word(verb) && is_one_of(text_of(verb), lex_.toll_verbs))) {
            if (read_people_put(m, verb)) return;
            for (std::size_t j = verb; j > 0 && m.first - j < 40;) {
                --j;
                if (sentence_[j] != sentence_[m.first]) break;
                // "revised down the death toll … by more than 100, to about 253": the figure of
                // the revision, after "by", is no toll of its own and stands between.
                if (starts_mention(j) && !(j > 0 && is_word(j - 1) && is_one_of(text_of(j - 1), lex_.by_agent))) break;
                if (read_toll_noun(m, j)) return;
            }
        }
        read_toll_near(m);
    }

    /// "put those injured at 45", "placed the dead at 30": the people a putting verb names, by a
    /// category word after "those" or "the", right before the verb at `verb` that opens the figure.
    bool read_people_put(mention& m, std::size_t verb)
    {
        if (verb < 3) return false;
        const std::size_t cat = verb - 1;
        const std::size_t det = verb - 2;
        const std::size_t put = verb - 3;
        for (std::size_t j = put; j < verb; ++j) {
            if (!is_word(j) || consumed_[j] || sentence_[j] != sentence_[m.first]) return false;
        }
        // "put the dead at 30 and the wounded at 50": the second people after a conjunction that
        // follows the first one's figure.
        bool chained = false;
        if (conjunction(put)) {
            const mention* before = last_mention_before(put);
            chained = before && before->last == put && before->first >= 4 && people_put_at(before->first - 3) &&
                      is_one_of(text_of(before->first - 4), lex_.putting_verbs);
        }
        if ((!is_one_of(text_of(put), lex_.putting_verbs) && !chained) || !is_one_of(text_of(det), lex_.people_determiners))
            return false;
        const auto c = lookup_category(lex_, text_of(cat));
        if (!c || c->form == category_form::active) return false;
        m.cat = c->category;
        m.cat_from_left = true;
        consumed_[det] = consumed_[cat] = true;
        return true;
    }

    /// Whether the people a putting verb names start at `k`: "those injured at", "the dead at",
    /// before a figure.
    [[nodiscard]] bool people_put_at(std::size_t k) const
    {
        if (!is_word(k) || !is_one_of(text_of(k), lex_.people_determiners) || !is_word(k + 1) || !word(k + 2, "at") ||
            !starts_mention(k + 3))
            return false;
        const auto c = lookup_category(lex_, text_of(k + 1));
        return c && c->form != category_form::active;
    }

    /// Whether token j is a toll noun ("death toll", "bilan") or a bare figure noun ("put the
    /// figure at 150"), and if so takes its category for `m`.
    bool read_toll_noun(mention& m, std::size_t j)
    {
        if (!is_word(j)) return false;
        if (is_one_of(text_of(j), lex_.toll_nouns)) {
            const bool casualty = j > 0 && is_word(j - 1) && is_one_of(text_of(j - 1), lex_.casualty_toll_words);
            m.cat = casualty ? category::casualties : category::killed;
            m.cat_from_left = true;
            consumed_[j] = true;
            return true;
        }
        // "the number of people killed is reported at 358", "the number of foreigners killed has
        // risen to 40": the category (and the group) named after "of".
        if (is_one_of(text_of(j), lex_.figure_nouns) && is_word(j + 1) && is_one_of(text_of(j + 1), lex_.of_words)) {
            for (std::size_t k = j + 2; k < j + 6 && k < m.first && is_word(k) && !starts_mention(k); ++k) {
                const auto c = lookup_category(lex_, text_of(k));
                if (!c) continue;
                if (c->form == category_form::active) return false;
                m.cat = c->category;
                m.cat_from_left = true;
                approximate_by_noun(m, j);
                if (!m.grp) {
                    for (std::size_t g = j + 2; g < k; ++g) {
                        if (const auto gw = lookup_group(lex_, text_of(g)); gw && is_word(g)) {
                            m.grp = make_group(*gw, j + 2, g);
                            break;
                        }
                    }
                }
                for (std::size_t t = j; t <= k; ++t) consumed_[t] = true;
                return true;
            }
            return false;
        }
        if (is_one_of(text_of(j), lex_.figure_nouns) && !word(j + 1, "of")) {
            // The figure of what? The sentence says it elsewhere: "put the figure at 150, while
            // Amnesty said as many as 2,000 people may have been killed".
            m.cat_from_sentence = true;
            consumed_[j] = true;
            return true;
        }
        return false;
    }

    /// "an estimated figure of 280 dead", "the approximate total of the dead would be 253": a
    /// figure noun at `noun` with an adjective of estimate before it makes an exact figure that it
    /// gives an approximation.
    void approximate_by_noun(mention& m, std::size_t noun)
    {
        if (noun == 0 || !is_word(noun - 1) || !is_one_of(text_of(noun - 1), lex_.estimate_adjectives)) return;
        if (m.value.qualifier() != qualifier::exact || !m.value.stated()) return;
        m.value = figure::approximately(*m.value.stated());
        consumed_[noun - 1] = true;
    }

    /// "a figure of 280 dead": the figure noun right before the figure, through "of".
    void read_figure_noun_of(mention& m)
    {
        if (m.first < 2 || !is_word(m.first - 1) || !is_one_of(text_of(m.first - 1), lex_.of_words)) return;
        if (!is_word(m.first - 2) || !is_one_of(text_of(m.first - 2), lex_.figure_nouns)) return;
        approximate_by_noun(m, m.first - 2);
    }

    void read_toll_near(mention& m)
    {
        std::size_t j = m.first;
        for (int steps = 0; steps < 3 && j > 0; ++steps) {
            --j;
            if (!is_word(j)) return;
            if (read_toll_noun(m, j)) {
                for (std::size_t k = j; k < m.first; ++k) consumed_[k] = true;
                return;
            }
            if (!is_one_of(text_of(j), lex_.toll_verbs)) return;
        }
    }

    /// "Des centaines d'assaillants ont attaqué le détachement", "plus d'une centaine d'hommes armés
    /// sont arrivés", "hundreds of militants stormed the base": a figure no word of harm reaches,
    /// counting an armed group's people (or men) who are the subject of a verb of assault or arrival,
    /// counts the assailants: other, armed group. People in general ("des centaines de personnes
    /// sont arrivées") and the attacked ("ont été attaqués") are not read so.
    void read_assailants()
    {
        if (lex_.assault_verbs.empty()) return;
        const auto skippable = [this](std::size_t j) {
            return is(j, token_kind::quote) || (is(j, token_kind::apostrophe) && tokens_[j].joined);
        };
        for (mention& m : mentions_) {
            if (m.cat || m.subset_of || !m.person_count || m.alias) continue;
            // The counted noun: right after the figure, past its "de" ("centaines d'assaillants").
            std::size_t noun = m.last;
            while (noun < m.last + 4 && (skippable(noun) || (is_word(noun) && is_one_of(text_of(noun), lex_.of_words)))) ++noun;
            if (!is_word(noun) || starts_mention(noun) || sentence_[noun] != sentence_[m.first]) continue;
            const auto g = lookup_group(lex_, text_of(noun));
            const bool armed = g && g->kind == group_kind::armed_group;
            const bool men = is_one_of(text_of(noun), lex_.assailant_nouns);
            if (!armed && !men) continue;
            if (m.grp && m.grp->kind != group_kind::armed_group && m.grp->kind != group_kind::all && !men) continue;
            // Its predicate: past the noun's modifiers ("armés non identifiés", "en binôme sur des
            // motos") and an auxiliary, or right after a comma, a verb of assault in the active.
            bool assault = false;
            for (std::size_t j = noun + 1; j < noun + 12 && j < tokens_.size() && sentence_[j] == sentence_[noun]; ++j) {
                if (skippable(j)) continue;
                if (is(j, token_kind::comma)) {
                    assault = any_phrase(lex_.assault_verbs, j + 1) != 0;
                    break;
                }
                if (!is_word(j) || starts_mention(j)) break;
                if (any_phrase(lex_.assault_verbs, j) != 0) {
                    std::size_t before = j - 1;
                    while (before > noun && skippable(before)) --before;
                    assault = !(is_word(before) && is_one_of(text_of(before), lex_.passive_markers));
                    break;
                }
                if (lookup_category(lex_, text_of(j)) || is_reporting_verb(lex_, text_of(j))) break;
            }
            if (!assault) continue;
            m.cat = category::other;
            if (!m.grp || m.grp->kind != group_kind::armed_group) m.grp = make_group(group_word{group_kind::armed_group}, noun, noun);
        }
    }

    /// Figures whose category the sentence gives elsewhere take that of the nearest figure in it
    /// that has one.
    void borrow_sentence_categories()
    {
        for (std::size_t i = 0; i < mentions_.size(); ++i) {
            mention& m = mentions_[i];
            if (!m.cat_from_sentence || m.cat) continue;
            const mention* best = nullptr;
            std::size_t best_distance = 0;
            for (const mention& other : mentions_) {
                if (&other == &m || !other.cat || other.cat_from_sentence || sentence_[other.first] != sentence_[m.first])
                    continue;
                const std::size_t d = other.first > m.first ? other.first - m.first : m.first - other.first;
                if (!best || d < best_distance) best = &other, best_distance = d;
            }
            if (best) m.cat = best->cat;
        }
    }

    /// "Among the deceased were 13 Malian nationals".
    void read_among_before(mention& m)
    {
        if (m.first < 3) return;
        std::size_t j = m.first - 1;
        if (!(word(j, "were") || word(j, "was") || word(j, "are") || word(j, "included") || word(j, "include")))
            return;
        const std::size_t noun = j - 1;
        if (!is_word(noun)) return;
        const auto c = lookup_category(lex_, text_of(noun));
        if (!c) return;
        for (std::size_t back = noun; back > 0 && noun - back < 3;) {
            --back;
            if (word(back, "among")) {
                m.cat = c->category;
                m.cat_from_left = true;
                return;
            }
        }
    }

    /// "Among the ranks of the FAMA (Malian armed forces) the provisional toll is 25 killed, four
    /// wounded": a sentence that opens among a group counts that group in its figures that name
    /// none.
    void read_opening_among(mention& m)
    {
        std::size_t s = m.first;
        while (s > 0 && sentence_[s - 1] == sentence_[m.first]) --s;
        while (s < m.first && is(s, token_kind::quote)) ++s;
        if (!is_word(s) || !is_one_of(text_of(s), lex_.among_words)) return;
        for (std::size_t t = s + 1; t < m.first && t < s + 12; ++t) {
            if (in_mention(t) || is(t, token_kind::comma)) return;
            if (!is_word(t)) continue;
            if (lookup_category(lex_, text_of(t))) return;  // "Among the dead were …"
            if (const auto g = lookup_group(lex_, text_of(t)); g && g->kind != group_kind::all) {
                m.grp = make_group(*g, t, t);
                return;
            }
        }
    }

    /// The group of "a child and a woman": the nouns' one group, or their kind when they name
    /// several of one kind, or everyone when they are of several kinds.
    [[nodiscard]] group article_count_group(const mention& m) const
    {
        std::optional<group> result;
        for (std::size_t k = m.first; k < m.last; ++k) {
            if (!is_word(k)) continue;
            const auto g = lookup_group(lex_, text_of(k));
            if (!g) continue;
            group one = make_group(*g, k, k);
            if (!result) {
                result = std::move(one);
            } else if (result->kind != one.kind) {
                return group::everyone();
            } else if (result->label != one.label) {
                result->label.clear();
            }
        }
        return result ? *result : group::everyone();
    }

    /// "The girls were among more than 200 kidnapped": the people said to be among the figure
    /// name its group.
    void read_group_among_before(mention& m)
    {
        if (m.first < 3 || !is_word(m.first - 1) || !is_one_of(text_of(m.first - 1), lex_.among_words)) return;
        const std::size_t aux = m.first - 2;
        const std::size_t noun = m.first - 3;
        if (!is_word(aux) || !is_one_of(text_of(aux), lex_.auxiliaries) || !is_word(noun) || in_mention(noun)) return;
        // "Two aid workers were among 15 abducted": a count of its own makes the people a part.
        for (std::size_t k = noun; k > 0 && noun - k < 3 && is_word(k - 1); --k) {
            if (in_mention(k - 1)) return;
        }
        if (const auto g = lookup_group(lex_, text_of(noun)); g && g->kind != group_kind::all) m.grp = make_group(*g, noun, noun);
    }

    // ---- lists: "Twenty soldiers and twenty dozos were killed" ---------------------------------

    /// Whether only "and", ",", "including", "as well as" … stand between two figures' words.
    [[nodiscard]] bool linked(const mention& a, const mention& b) const
    {
        if (sentence_[a.first] != sentence_[b.first]) return false;
        std::size_t k = std::max(a.scan_end, a.last);
        bool joiner = false;
        for (; k < b.first; ++k) {
            const token& t = tokens_[k];
            if (t.kind == token_kind::comma) {
                if (mode_ == text_mode::cell) return false;
                joiner = true;
                continue;
            }
            if (t.kind == token_kind::open_paren) {
                if (word(k + 1, "including")) continue;
                // "(most likely from the Wagner Group)": an aside between two list items
                std::size_t close = k + 1;
                while (close < b.first && !is(close, token_kind::close_paren)) ++close;
                if (close >= b.first) return false;
                k = close;
                continue;
            }
            if (t.kind != token_kind::word) return false;
            const std::string_view w = text_of(k);
            if (is_one_of(w, lex_.list_joiners)) {
                joiner = true;
                continue;
            }
            return false;
        }
        return joiner;  // side by side without a joiner ("316[1] 500 missing") is a new list item
    }

    void link_mentions()
    {
        for (std::size_t i = 1; i < mentions_.size(); ++i) {
            mentions_[i].linked_to_previous = linked(mentions_[i - 1], mentions_[i]);
        }
        // Forwards first, from verbs before a list ("killing 13 Malian nationals and 21 foreigners");
        // then backwards, from a shared predicate after it ("twenty soldiers and twenty dozos were
        // killed"); then forwards again for what the predicate reached.
        forward(true);
        for (std::size_t i = mentions_.size(); i-- > 1;) {
            mention& a = mentions_[i - 1];
            const mention& b = mentions_[i];
            if (!a.cat && !a.unharmed && b.linked_to_previous && b.cat && !b.cat_from_left) {
                a.cat = b.cat;
                a.cat2 = b.cat2;
                a.cat_shared = true;
            }
        }
        forward(false);
        // "Authorities confirmed at least 79 deaths, but expected there to be over 100": a bare
        // figure after "there to be" counts what the figure before it in the sentence counts.
        for (std::size_t i = 1; i < mentions_.size(); ++i) {
            mention& b = mentions_[i];
            const mention& a = mentions_[i - 1];
            if (b.cat || b.unharmed || !a.cat || sentence_[a.first] != sentence_[b.first] || b.first < 3) continue;
            bool existential = false;
            for (std::size_t n = 3; n <= 4 && n <= b.first && !existential; ++n) {
                existential = any_phrase(lex_.existential_openers, b.first - n) == n;
            }
            if (!existential) continue;
            b.cat = a.cat;
            b.cat_from_left = true;
        }
    }

    void forward(bool only_from_verbs)
    {
        for (std::size_t i = 1; i < mentions_.size(); ++i) {
            const mention& a = mentions_[i - 1];
            mention& b = mentions_[i];
            if (!b.cat && !b.unharmed && b.linked_to_previous && a.cat && (!only_from_verbs || a.cat_from_left)) {
                b.cat = a.cat;
                b.cat2 = a.cat2;
                b.cat_from_left = a.cat_from_left;
            }
        }
    }
};

}  // namespace toll::detail
