#pragma once
// On whose word a figure is given: explicit attributions ("according to X", "per X", "(UN)",
// "reported by X"), subjects of reporting verbs ("residents said"), relays ("RFI, citing
// residents, stated"), and which of them covers each figure.
#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <toll/parse/detail/source_names.hpp>
#include <toll/source.hpp>

namespace toll::detail {

class attribution_reader : public source_names {
public:
    using source_names::source_names;

protected:
    struct attribution {
        std::size_t at = 0;          ///< token where it stands
        std::size_t scope_begin = 0; ///< tokens it covers
        std::size_t scope_end = 0;
        source origin{};
        std::optional<source> relay{};
        int strength = 0;  ///< explicit attributions (per, according to, parentheses) beat subjects
        /// The opening quote mark of a quotation of several sentences the verb closes ("« … . … »,
        /// a déclaré X"): its speaker says the figures of every sentence in it.
        std::optional<std::size_t> quotation_open{};
        /// The quote marks of a quotation of several sentences the verb opens ("L'armée affirme que
        /// « … . … »"): its speaker says the figures of the sentences after its own.
        std::optional<std::pair<std::size_t, std::size_t>> quotation_after{};
    };

    /// The opening quote mark that the quote mark at `close` closes: the last unpaired straight
    /// quote before it, or the « or “ its » or ” pairs with, nested pairs counted. None when
    /// `close` opens a quotation or nothing pairs with it.
    [[nodiscard]] std::optional<std::size_t> quotation_opening(std::size_t close) const
    {
        const std::string_view mark = text_of(close);
        if (mark == "\"") {
            std::optional<std::size_t> open;
            for (std::size_t k = 0; k < close; ++k) {
                if (is(k, token_kind::quote) && text_of(k) == mark) open = open ? std::nullopt : std::optional{k};
            }
            return open;
        }
        const std::string_view opener = mark == "\u00BB" ? "\u00AB" : mark == "\u201D" ? "\u201C" : "";
        if (opener.empty()) return std::nullopt;
        int depth = 1;
        for (std::size_t k = close; k-- > 0;) {
            if (!is(k, token_kind::quote)) continue;
            if (text_of(k) == mark) ++depth;
            else if (text_of(k) == opener && --depth == 0) return k;
        }
        return std::nullopt;
    }

    /// "« Ils ont tué 69 personnes. D'autres corps ont été découverts », a déclaré un officier": the
    /// opening quote mark of a quotation that closes right before the reporting verb at `verb` (past
    /// its auxiliary, adverbs, inverted pronoun and comma) and opens in an earlier sentence.
    [[nodiscard]] std::optional<std::size_t> quotation_over_sentences(std::size_t verb) const
    {
        if (mode_ != text_mode::sentence) return std::nullopt;
        const std::size_t from = aside_start(verb);
        std::size_t k = from;
        while (k > 0 && from - k < 6 &&
               ((is_word(k - 1) && (is_one_of(text_of(k - 1), lex_.auxiliaries) ||
                                    is_one_of(text_of(k - 1), lex_.subject_trailers) ||
                                    is_one_of(text_of(k - 1), lex_.inverted_pronouns) || word(k - 1, "t"))) ||
                (is(k - 1, token_kind::dash) && tokens_[k - 1].joined)))
            --k;
        if (k > 0 && is(k - 1, token_kind::comma)) --k;
        if (k == 0 || !is(k - 1, token_kind::quote)) return std::nullopt;
        const auto open = quotation_opening(k - 1);
        if (!open || sentence_[*open] == sentence_[k - 1]) return std::nullopt;
        return open;
    }

    /// "L'armée affirme que « … . Ce chiffre s'ajoute à la soixantaine de terroristes neutralisés »":
    /// the opening and closing quote marks of a quotation that opens right after the reporting verb
    /// at `verb` (past "que" or a colon) and closes in a later sentence.
    [[nodiscard]] std::optional<std::pair<std::size_t, std::size_t>> quotation_opened_after(std::size_t verb) const
    {
        if (mode_ != text_mode::sentence) return std::nullopt;
        std::size_t k = verb + 1;
        if (word(k, "que") || word(k, "that")) ++k;
        else if (word(k, "qu") && is(k + 1, token_kind::apostrophe) && tokens_[k + 1].joined) k += 2;
        else if (is(k, token_kind::colon)) ++k;
        if (!is(k, token_kind::quote)) return std::nullopt;
        const std::string_view mark = text_of(k);
        const std::string_view closer = mark == "\u00AB" ? "\u00BB" : mark == "\u201C" ? "\u201D" : mark == "\"" ? "\"" : "";
        if (closer.empty()) return std::nullopt;
        int depth = 1;
        for (std::size_t c = k + 1; c < tokens_.size(); ++c) {
            if (!is(c, token_kind::quote)) continue;
            if (text_of(c) == closer && --depth == 0) {
                if (sentence_[c] == sentence_[k]) return std::nullopt;
                return std::pair{k, c};
            }
            if (text_of(c) == mark) ++depth;
        }
        return std::nullopt;
    }

    /// The tokens of the sentence (or, in cells, the comma-separated part) around token i.
    [[nodiscard]] std::pair<std::size_t, std::size_t> scope_of(std::size_t i) const
    {
        std::size_t b = i;
        std::size_t e = i;
        if (mode_ == text_mode::sentence) {
            while (b > 0 && sentence_[b - 1] == sentence_[i]) --b;
            while (e + 1 < tokens_.size() && sentence_[e] == sentence_[i]) ++e;
        } else {
            // A cell part runs between top-level commas, semicolons and line breaks.
            auto separator = [&](std::size_t k) {
                const token_kind kd = tokens_[k].kind;
                return kd == token_kind::semicolon || kd == token_kind::newline ||
                       (kd == token_kind::comma && paren_depth(k) == 0);
            };
            while (b > 0 && !separator(b - 1)) --b;
            while (e + 1 < tokens_.size() && !separator(e)) ++e;
        }
        return {b, e};
    }

    void add_attribution(std::size_t at, std::pair<std::size_t, std::size_t> name, int strength,
                         std::optional<source> relay = std::nullopt)
    {
        if (name.second <= name.first) return;
        // "Un premier bilan communiqué lundi matin, …": words of when it was said name no one.
        bool times_only = true;
        for (std::size_t k = name.first; k < name.second && times_only; ++k)
            times_only = !is_word(k) || is_one_of(text_of(k), lex_.report_times);
        if (times_only) return;
        if (mode_ == text_mode::cell || strength >= 2) {
            const std::size_t whole_first = name.first;
            name = name_in_subject(name.first, name.second);  // "per observer Joel Wing"
            for (std::size_t k = whole_first; k < name.first; ++k) consumed_[k] = true;
        }
        const auto [b, e] = scope_of(at);
        attribution a;
        a.at = at;
        a.scope_begin = b;
        a.scope_end = e;
        // "… left six dead and UPI reported that a mortar attack killed four": a subject's verb
        // with "that" after it reports the clause it opens, not the figures before the subject.
        if (mode_ == text_mode::sentence && strength == 1 && name.second <= at && word(at + 1, "that") && name.first > b)
            a.scope_begin = name.first;
        const auto core = core_name(name);
        a.origin = make_source(text_between(core.first, core.second));
        a.relay = std::move(relay);
        a.strength = strength;
        for (std::size_t k = name.first; k < name.second; ++k) consumed_[k] = true;
        if (strength == 1 && !a.relay) a.relay = recipient_of(at);
        if (strength == 1) a.quotation_open = quotation_over_sentences(at);
        if (strength == 1 && name.second <= at) a.quotation_after = quotation_opened_after(at);
        attributions_.push_back(std::move(a));
    }

    /// "according to The Times and The Washington Post", "according to hospital records and a local
    /// official": names joined by "and" that close the clause are one source. A name that runs on
    /// into more words ("according to the UN and the toll rose") is left alone.
    [[nodiscard]] std::pair<std::size_t, std::size_t> joined_names(std::pair<std::size_t, std::size_t> name) const
    {
        if (mode_ != text_mode::sentence || name.second <= name.first) return name;
        std::size_t end = name.second;
        while (word(end, "and") && sentence_[end] == sentence_[name.first]) {
            const auto more = name_at(end + 1);
            if (more.second <= more.first) break;
            end = more.second;
        }
        if (end == name.second) return name;
        const token_kind after = tokens_[end].kind;
        if (after != token_kind::comma && after != token_kind::period && after != token_kind::end &&
            after != token_kind::semicolon && after != token_kind::close_paren)
            return name;
        return {name.first, end};
    }

    /// The first token at or after `i` past the time of a report ("mardi", "ce lundi", "hier
    /// soir"). A demonstrative that ends the run is the next noun's ("a indiqué ce responsable").
    [[nodiscard]] std::size_t past_report_time(std::size_t i) const
    {
        std::size_t j = i;
        while (is_word(j) && is_one_of(text_of(j), lex_.report_times)) ++j;
        if (j > i && (word(j - 1, "ce") || word(j - 1, "cette"))) --j;
        return j;
    }

    /// The first token at or after `i` past a phrase of how or where a report was made that stands
    /// before a subject put after its verb (", a annoncé dans un communiqué l'armée", ", a écrit sur
    /// Twitter le chef", ", a indiqué sous couvert d'anonymat un responsable"): the phrase runs from
    /// its preposition to the first article after one of its nouns, which opens the subject. `i`
    /// itself when no such phrase stands there, or it ends the clause (", a-t-il dit dans la presse.").
    [[nodiscard]] std::size_t past_report_circumstance(std::size_t i) const
    {
        if (!is_word(i) || capitalised(i) || !is_one_of(text_of(i), lex_.report_circumstances)) return i;
        for (std::size_t k = i + 2; k < tokens_.size() && k < i + 8; ++k) {
            if (in_word_mark(k)) continue;
            if (!is_word(k)) return i;
            if (is_one_of(text_of(k), lex_.subject_articles) && !is_one_of(text_of(k), lex_.of_words) &&
                is_word(k - 1) && !is_one_of(text_of(k - 1), lex_.of_words) &&
                !is_one_of(text_of(k - 1), lex_.report_circumstances))
                return k;
            if (starts_mention(k) || is_one_of(text_of(k), lex_.name_stops)) return i;
        }
        return i;
    }

    /// Whether the words right before the parenthesis at `open` are of a name: a capitalised word
    /// not starting the sentence among the few before it, no figure or reporting verb between
    /// ("le groupe Etat islamique (ISWAP)", "des Nations unies pour les réfugiés (HCR)").
    [[nodiscard]] bool name_before(std::size_t open) const
    {
        for (std::size_t k = open; k-- > 0 && open - k <= 6;) {
            if (in_word_mark(k)) continue;
            if (!is_word(k) || in_mention(k) || is_reporting_verb(lex_, text_of(k))) return false;
            if (capitalised(k) && !is_sentence_start(k)) return true;
        }
        return false;
    }

    /// Whether the parenthesis at `open` closes an appositive set off by a comma after the name of
    /// the source last read ("El-Ghassim Wane, le chef de la Mission … (Minusma)").
    [[nodiscard]] bool closes_source_appositive(std::size_t open) const
    {
        for (std::size_t k = open; k-- > 0 && open - k < 16;) {
            if (is(k, token_kind::comma))
                return k > 0 && consumed_[k - 1] && !attributions_.empty() && attributions_.back().strength == 1 &&
                       attributions_.back().at < k && sentence_[attributions_.back().at] == sentence_[open];
            if (!is_word(k) && !in_word_mark(k)) return false;
            if (in_mention(k) || is_reporting_verb(lex_, text_of(k))) return false;
        }
        return false;
    }

    /// "according to a team member involved in cremating the bodies and media reports", "according
    /// to a doctor working at the hospital": a name that ends in a participle goes on with the
    /// phrase the participle opens, to the end of its clause, as a subject's does.
    [[nodiscard]] std::pair<std::size_t, std::size_t> participle_phrase(std::pair<std::size_t, std::size_t> name) const
    {
        if (lex_.name != "en" || name.second <= name.first + 1) return name;
        const std::size_t p = name.second - 1;
        if (!is_word(p) || capitalised(p) || text_of(p).size() < 5 ||
            !(ends_with_any(text_of(p), lex_.present_participle_endings) || ends_with_any(text_of(p), lex_.participle_endings)))
            return name;
        if (!is_word(name.second) || !is_one_of(text_of(name.second), lex_.scene_prepositions)) return name;
        std::size_t end = name.second;
        while (end < tokens_.size() && end < name.second + 12 && sentence_[end] == sentence_[p] &&
               (is_word(end) || in_word_mark(end))) {
            if (starts_mention(end) || in_mention(end) || (is_reporting_verb(lex_, text_of(end)) && !report_noun_at(end)) ||
                is_one_of(text_of(end), lex_.relative_pronouns))
                return name;
            ++end;
        }
        if (end < tokens_.size() && !is_sentence_end(end) && !is(end, token_kind::comma) && !is(end, token_kind::semicolon) &&
            !is(end, token_kind::close_paren) && !is(end, token_kind::end))
            return name;
        return {name.first, end};
    }

    /// The name at `i`, a plain count that starts it included ("selon plusieurs sources
    /// sécuritaires", "a-t-on appris de quatre sources au sein des services de sécurité", "according
    /// to two witnesses"): the count says how many spoke, and stays a figure with its note.
    [[nodiscard]] std::pair<std::size_t, std::size_t> counted_name_at(std::size_t i) const
    {
        const auto name = name_at(i);
        if (name.second > name.first || !starts_mention(i)) return name;
        const mention* m = last_mention_before(i + 1);
        if (!m || m->first != i || m->cat || m->last <= i || !is_word(m->last) || lookup_category(lex_, text_of(m->last)) ||
            (m->value.qualifier() != qualifier::exact && m->value.qualifier() != qualifier::vague))
            return name;
        const auto counted = name_at(m->last);
        if (counted.second <= counted.first) return name;
        return {i, counted.second};
    }

    /// "military sources told AFP", "ont déclaré à RFI": the outlet a reporting verb speaks to
    /// relays what its subject said. Only a name that tells its kind, or a capitalised one, is an
    /// outlet ("told reporters" names none).
    [[nodiscard]] std::optional<source> recipient_of(std::size_t verb) const
    {
        if (!is_word(verb)) return std::nullopt;
        std::size_t at = 0;
        if (is_one_of(text_of(verb), lex_.telling_verbs)) at = verb + 1;
        else if (is_reporting_verb(lex_, text_of(verb)) && is_word(verb + 1) && is_one_of(text_of(verb + 1), lex_.to_recipient))
            at = verb + 2;
        if (at == 0) return std::nullopt;
        const auto name = name_at(at);
        if (name.second <= name.first) return std::nullopt;
        source s = make_source(text_between(name.first, name.second));
        if (s.kind == source_kind::other && !capitalised(name.first)) return std::nullopt;
        return s;
    }

    /// "selon un nouveau bilan des autorités", "un communiqué du Gouvernement", "un bilan annoncé
    /// mercredi par le gouvernement": where the name of the body a toll or statement at `i` is of
    /// starts (a known kind of source, or a capitalised name, after "de"; anyone after "par").
    /// None when the toll is nobody's ("un bilan officiel", "le bilan de l'attaque").
    [[nodiscard]] std::optional<std::size_t> statement_owner(std::size_t i) const
    {
        if (lex_.name == "en") return std::nullopt;
        const auto plain = [&](std::size_t k) {
            return is_word(k) && !capitalised(k) && !starts_mention(k) && !is_name_stop(text_of(k)) &&
                   !is_one_of(text_of(k), lex_.of_words) && !is_one_of(text_of(k), lex_.by_agent) &&
                   !is_one_of(text_of(k), lex_.to_recipient);
        };
        std::size_t j = i;
        while (const std::size_t article = article_at(j, lex_.name_articles, false)) j += article;
        // "un nouveau bilan", "le précédent décompte": an adjective before the noun.
        std::size_t noun = j;
        while (noun < j + 2 && plain(noun) && !is_one_of(text_of(noun), lex_.toll_nouns) &&
               !is_one_of(text_of(noun), lex_.statement_nouns))
            ++noun;
        if (!is_word(noun) || !(is_one_of(text_of(noun), lex_.toll_nouns) || is_one_of(text_of(noun), lex_.statement_nouns)))
            return std::nullopt;
        // "un bilan provisoire des autorités", "un bilan « stabilisé » annoncé mercredi par".
        std::size_t k = noun + 1;
        for (std::size_t n = 0; n < 6 && k < tokens_.size(); ++n) {
            if (is_word(k) && is_one_of(text_of(k), lex_.by_agent)) {
                std::size_t owner = k + 1;
                // "par le biais de": the name after it.
                if (name_at(owner).second > name_at(owner).first) return owner;
                return std::nullopt;
            }
            if (is_word(k) && is_one_of(text_of(k), lex_.of_words) && n < 3) {
                std::size_t owner = k + 1;
                if (is(owner, token_kind::apostrophe) && tokens_[owner].joined) ++owner;
                const auto name = name_at(owner);
                if (name.second <= name.first || starts_mention(owner)) return std::nullopt;
                if (!capitalised(name.first) && make_source(text_between(name.first, name.second)).kind == source_kind::other)
                    return std::nullopt;
                return owner;
            }
            const bool verb_or_time = is_word(k) && !capitalised(k) &&
                                      (is_reporting_verb(lex_, text_of(k)) || is_one_of(text_of(k), lex_.report_times) ||
                                       is_one_of(text_of(k), lex_.reach_participles));
            if (!(plain(k) || is(k, token_kind::quote) || verb_or_time)) return std::nullopt;
            ++k;
        }
        return std::nullopt;
    }

    /// "le responsable local, Almou Hassane, qui": a person's name (two capitalised words or more)
    /// set off by a comma right after a description that opens in lower case, closed by a comma
    /// or the sentence's end. Empty when there is none.
    [[nodiscard]] std::pair<std::size_t, std::size_t> person_after(std::pair<std::size_t, std::size_t> name) const
    {
        if (lex_.name == "en" || name.second <= name.first || !is(name.second, token_kind::comma)) return {0, 0};
        if (capitalised(name.first)) return {0, 0};
        const std::size_t first = name.second + 1;
        std::size_t k = first;
        std::size_t capitals = 0;
        while (k < tokens_.size() && k < first + 6) {
            if (is_word(k) && capitalised(k) && !starts_mention(k) && !is_link_word(lex_, text_of(k)) &&
                !is_one_of(text_of(k), lex_.scene_prepositions)) {
                ++capitals;
                ++k;
                continue;
            }
            if (in_word_mark(k) && k > first && is_word(k + 1)) {
                ++k;
                continue;
            }
            break;
        }
        if (capitals < 2 || !(is(k, token_kind::comma) || is_sentence_end(k) || is(k, token_kind::end))) return {0, 0};
        return {first, k};
    }

    void find_attributions()
    {
        for (std::size_t i = 0; i + 1 < tokens_.size(); ++i) {
            if (!is_word(i) && !is(i, token_kind::open_paren)) continue;
            // "according to X", "per X", "Per Mali: …" (a header: it covers what follows it in the
            // cell), "according to X, citing Y" (Y said it, X relays it).
            if (const std::size_t n = any_phrase(lex_.according_to, i);
                n != 0 && is_word(i + n) && !is_one_of(text_of(i + n), lex_.rate_words)) {
                for (std::size_t k = i; k < i + n; ++k) consumed_[k] = true;
                std::size_t start = i + n;
                if (const auto owner = statement_owner(start)) {
                    for (std::size_t k = start; k < *owner; ++k) consumed_[k] = true;
                    start = *owner;
                }
                const auto name = joined_names(participle_phrase(counted_name_at(start)));
                if (is(name.second, token_kind::colon) && mode_ == text_mode::cell) {
                    consumed_[name.second] = true;
                    header_ = make_source(text_between(name.first, name.second));
                    header_at_ = i;
                    for (std::size_t k = name.first; k < name.second; ++k) consumed_[k] = true;
                } else if (is(name.second, token_kind::comma) && is_word(name.second + 1) &&
                           is_one_of(text_of(name.second + 1), lex_.citing) && name.second > name.first) {
                    const auto cited = name_at(name.second + 2);
                    source relay = make_source(text_between(name.first, name.second));
                    for (std::size_t k = name.first; k <= name.second + 1; ++k) consumed_[k] = true;
                    if (cited.second > cited.first) add_attribution(i, cited, 3, std::move(relay));
                    else add_attribution(i, name, 3);
                } else if (const std::size_t by = any_phrase(lex_.cited_by, name.second);
                           by != 0 && name.second > name.first) {
                    // "selon des sources locales citées par RFI": the sources said it, RFI relays it.
                    const auto relay_name = name_at(name.second + by);
                    for (std::size_t k = name.second; k < name.second + by; ++k) consumed_[k] = true;
                    if (relay_name.second > relay_name.first) {
                        source relay = make_source(text_between(relay_name.first, relay_name.second));
                        for (std::size_t k = relay_name.first; k < relay_name.second; ++k) consumed_[k] = true;
                        add_attribution(i, name, 3, std::move(relay));
                    } else {
                        add_attribution(i, name, 3);
                    }
                } else if (const auto person = person_after(name); person.second > person.first) {
                    // "selon le préfet de Mayo Tsanaga, Raymond Rouksbo.": the person the
                    // description is of, set off after it, is who says it.
                    for (std::size_t k = name.second; k < person.second; ++k) consumed_[k] = true;
                    add_attribution(i, person, 3);
                } else {
                    add_attribution(i, name, 3);
                }
                i += n - 1;
                continue;
            }
            // "a déclaré la source militaire citée par des médias", "un responsable local cité par
            // France 24": the name before said it, the one after relays it.
            if (const std::size_t by = any_phrase(lex_.cited_by, i);
                by != 0 && i > 0 && consumed_[i - 1] && is_word(i - 1) && !attributions_.empty() &&
                sentence_[attributions_.back().at] == sentence_[i] && attributions_.back().at < i) {
                const auto relay = name_at(i + by);
                if (relay.second > relay.first) {
                    for (std::size_t k = i; k < relay.second; ++k) consumed_[k] = true;
                    attributions_.back().relay = make_source(text_between(relay.first, relay.second));
                    i = relay.second - 1;
                    continue;
                }
            }
            // "reported by X", "as claimed by X"
            // "annoncé dimanche par la télévision publique": the time of the report between.
            if (const std::size_t by = past_report_time(i + 1);
                ((is_reporting_verb(lex_, text_of(i)) || word(i, "documented") || word(i, "counted") ||
                  word(i, "released") || is_one_of(text_of(i), lex_.passed_on_participles)) &&
                 is_word(by) && is_one_of(text_of(by), lex_.by_agent)) ||
                // "Les premiers chiffres, relayés sur les réseaux sociaux": the medium they went
                // round on is where they come from.
                (is_one_of(text_of(i), lex_.passed_on_participles) && is_word(by) &&
                 is_one_of(text_of(by), lex_.medium_prepositions))) {
                for (std::size_t k = i; k <= by; ++k) consumed_[k] = true;
                if (i > 0 && word(i - 1, "as")) consumed_[i - 1] = true;
                // "auprès de sources sécuritaires": the preposition's "de" is no part of the name.
                std::size_t name = by + 1;
                if (is_word(name) && !capitalised(name) && is_one_of(text_of(name), lex_.of_words) &&
                    !word(name, "des")) {
                    consumed_[name] = true;
                    ++name;
                    if (is(name, token_kind::apostrophe) && tokens_[name].joined) consumed_[name++] = true;
                }
                // "avancés par certains médias", "reported by two witnesses": the count that opens
                // the name says how many spoke, as after "selon".
                add_attribution(i, counted_name_at(name), 3);
                continue;
            }
            // "(UN)", "(Malian Army claim)", "(per …)" is handled above through "per".
            if (is(i, token_kind::open_paren)) {
                std::size_t close = i + 1;
                while (close < tokens_.size() && !is(close, token_kind::close_paren) && !is(close, token_kind::end) &&
                       close - i < 12)
                    ++close;
                if (!is(close, token_kind::close_paren) || close == i + 1) continue;
                bool has_figure = false;
                for (std::size_t k = i + 1; k < close; ++k) has_figure = has_figure || starts_mention(k) || !is_word(k);
                if (has_figure) continue;
                std::size_t name_end = close;
                if (word(close - 1, "claim") || word(close - 1, "claims") || word(close - 1, "estimate") ||
                    word(close - 1, "figure") || word(close - 1, "figures") || word(close - 1, "report") ||
                    word(close - 1, "count"))
                    --name_end;
                if (any_phrase(lex_.according_to, i + 1) != 0) continue;
                if (name_end == i + 1) continue;
                const std::string_view first_word = text_of(i + 1);
                if (iequals(first_word, "est") || iequals(first_word, "estimated") || iequals(first_word, "approx") ||
                    iequals(first_word, "disputed") || iequals(first_word, "alleged") || iequals(first_word, "unconfirmed") ||
                    iequals(first_word, "incl") || iequals(first_word, "including") || iequals(first_word, "total") ||
                    iequals(first_word, "see") || lookup_category(lex_, first_word) || lookup_group(lex_, first_word))
                    continue;
                if (!capitalised(i + 1) && make_source(std::string{first_word}).kind == source_kind::other) continue;
                // "(Tongo Tongo) 17 troops", "KABUL, Aug. 20 (Xinhua) --": a parenthesis before any
                // figure is a place or a dateline, not an attribution.
                const mention* previous = last_mention_before(i);
                if (!previous || sentence_[previous->first] != sentence_[i]) continue;
                // "Sept. 7 (UPI) — More than 60 …": a name in parentheses before a dash opens a
                // dateline, whatever number the date holds.
                if (is(close + 1, token_kind::dash) && !tokens_[close + 1].joined) continue;
                // "the city of Mai-Kadra (May Cadera)", "Kidal (Nord)": in prose, a name in parentheses
                // right after a capitalised word is another name for it or a place, unless it names
                // a kind of source ("la Mission de l'ONU au Mali (Minusma)").
                if (mode_ == text_mode::sentence && i > 0 && capitalised(i - 1) && !is_sentence_start(i - 1) &&
                    make_source(text_between(i + 1, name_end)).kind == source_kind::other)
                    continue;
                // "le groupe Etat islamique (ISWAP)", "le Haut-commissariat des Nations unies pour les
                // réfugiés (HCR)": in prose, a name in parentheses after the lowercase words of a name
                // is the name's short form; so is one that closes the appositive of a source just read
                // ("a indiqué El-Ghassim Wane, le chef de la Mission … du Mali (Minusma)").
                if (mode_ == text_mode::sentence && i > 1 && is_word(i - 1) && !in_mention(i - 1) &&
                    !lookup_category(lex_, text_of(i - 1)) &&
                    ((!capitalised(i - 1) && name_before(i)) || closes_source_appositive(i)))
                    continue;
                consumed_[i] = consumed_[close] = true;
                for (std::size_t k = name_end; k < close; ++k) consumed_[k] = true;
                add_attribution(i, {i + 1, name_end}, 2);
                i = close;
                continue;
            }
            if (mode_ != text_mode::sentence) continue;
            // "X released a statement that", "HRW issued a report": the publisher reports.
            if (const std::size_t v = publishing_verb_before(i); v != 0) {
                (void)read_subject_before(i, v);
                continue;
            }
            // "…, le journal Aïr Info affirmant qu'une vingtaine …", "le ministère évoquant dans un
            // communiqué …": a participle of report with its own subject before it.
            if (!consumed_[i] && i > 0 && is_word(i - 1) && !word(i - 1, "en") &&
                is_one_of(text_of(i), lex_.report_participles) &&
                (!word(i, "faisant") || (is_word(i + 1) && is_one_of(text_of(i + 1), lex_.light_verb_nouns)))) {
                (void)read_subject_before(i, i);
                continue;
            }
            if (lex_.name != "en" && !consumed_[i] && i > 0 && is_one_of(text_of(i), lex_.citing)) {
                read_citing_after(i);
                continue;
            }
            // "X claimed", "residents said", "RFI, citing residents, stated"
            if (reporting_verb_at(i) && !reporting_word_in_name(i) && !negated(i) &&
                !(is_word(i + 1) && is_one_of(text_of(i + 1), lex_.by_agent))) {
                read_subject(i);
            } else if (!negated(i)) {
                if (const auto subject = absolute_subject(i)) add_attribution(i, *subject, 1);
                else read_witness(i);
            }
        }
    }

    /// The subject of a reporting verb's participle after an absolute clause's opener ("with
    /// Amnesty International, and several news outlets, reporting that", "with al-Shabaab claiming
    /// they'd lost 16 fighters"): the participle reports as the verb does, and its subject is the
    /// words after the opener, up to a comma that sets off an aside. None when the word at i is no
    /// such participle or a figure stands among the words.
    [[nodiscard]] std::optional<std::pair<std::size_t, std::size_t>> absolute_subject(std::size_t i) const
    {
        if (!is_word(i) || !is_one_of(text_of(i), lex_.reporting_participles)) return std::nullopt;
        for (std::size_t k = i; k > 0 && i - k < 12; --k) {
            const std::size_t p = k - 1;
            if (sentence_[p] != sentence_[i]) return std::nullopt;
            if (in_mention(p)) {
                // "and several news outlets": a plain count in an aside counts no one.
                const mention* m = last_mention_before(p + 1);
                if (!m || m->cat) return std::nullopt;
                continue;
            }
            if (is_word(p) && is_one_of(text_of(p), lex_.absolute_openers)) {
                std::size_t end = p + 1;
                while (end < i && !is(end, token_kind::comma)) ++end;
                for (std::size_t q = p + 1; q < end; ++q) {
                    if (in_mention(q)) return std::nullopt;
                }
                if (end == p + 1) return std::nullopt;
                const auto name = subject_range(i, end);
                if (name.second <= name.first) return std::nullopt;
                return name;
            }
            if (!is_word(p) && !is(p, token_kind::comma) && !in_word_mark(p)) return std::nullopt;
        }
        return std::nullopt;
    }

    /// "The National Unity Government released a statement that …", "HRW issued a report": the
    /// publishing verb before the statement noun at i (after an article and at most two words
    /// that qualify it: "issued a joint statement"), whose subject reports; 0 when there is none.
    [[nodiscard]] std::size_t publishing_verb_before(std::size_t i) const
    {
        if (any_phrase(lex_.statement_nouns, i) == 0) return 0;
        std::size_t k = i;
        for (std::size_t words = 0; words < 2 && k > 0 && is_word(k - 1) && !is_one_of(text_of(k - 1), lex_.name_articles);
             ++words)
            --k;
        if (k == 0 || !is_word(k - 1) || !is_one_of(text_of(k - 1), lex_.name_articles)) return 0;
        const std::size_t v = k - 2;
        if (k < 2 || !is_word(v) || !is_one_of(text_of(v), lex_.publishing_verbs) || sentence_[v] != sentence_[i] ||
            in_mention(v) || negated(v) || v == 0)
            return 0;
        return v;
    }

    /// "Residents in the village of Zabarmari … on Sunday buried at least 43 people", "Local
    /// residents had to bury another 57 bodies", "Journalists entering the city discovered the
    /// bodies of over a dozen people": who buried or found the dead saw them, and speaks for the
    /// figure when no one else in the sentence does (strength 0). The witnesses are the words
    /// that open the sentence, up to a preposition, an auxiliary or a participle.
    void read_witness(std::size_t verb)
    {
        if (!is_word(verb) || !is_one_of(text_of(verb), lex_.witness_verbs) || verb == 0) return;
        // The dead right after the verb: "buried at least 43 people", "found the bodies of 12".
        std::size_t at = verb + 1;
        while (at < verb + 5 && is_word(at) && !starts_mention(at)) ++at;
        if (!starts_mention(at) || sentence_[at] != sentence_[verb]) return;
        const mention* dead = last_mention_before(at + 1);
        if (!dead || dead->first != at || dead->cat != category::killed) return;
        std::size_t first = verb;
        while (first > 0 && sentence_[first - 1] == sentence_[verb]) --first;
        for (std::size_t k = first; k < verb; ++k) {
            if ((!is_word(k) && !in_word_mark(k)) || in_mention(k)) return;
        }
        const auto participle = [&](std::size_t k) {
            return !capitalised(k) && ends_with_any(text_of(k), lex_.present_participle_endings);
        };
        std::size_t b = first;
        while (const std::size_t article = article_at(b, lex_.subject_articles, false)) b += article;
        std::size_t e = b;
        while (e < verb && (!is_word(e) ||
                            !(is_one_of(text_of(e), lex_.scene_prepositions) || is_one_of(text_of(e), lex_.of_words) ||
                              is_one_of(text_of(e), lex_.auxiliaries) || is_one_of(text_of(e), lex_.subject_trailers) ||
                              is_reporting_verb(lex_, text_of(e)) || participle(e))))
            ++e;
        if (e == b) return;
        if (e == b + 1) {
            const std::string_view w = text_of(b);
            for (std::string_view pronoun : {"they", "he", "she", "it", "we", "i", "you"}) {
                if (iequals(w, pronoun)) return;
            }
        }
        add_attribution(verb, {b, e}, 0);
    }

    /// Whether the reporting verb at `verb` is used as a noun or in the passive ("contrary to
    /// reports", "initial reports of", "we are told", "is reported at"): then it has no subject.
    [[nodiscard]] bool reporting_verb_without_subject(std::size_t verb) const
    {
        // "The landslide claimed the lives of 23 villagers": a verb that takes lives reports nothing.
        {
            std::size_t after = verb + 1;
            if (is_word(after) && is_one_of(text_of(after), lex_.name_articles)) ++after;
            if (is_word(after) && is_one_of(text_of(after), lex_.life_nouns)) return true;
            // "the blast claimed 40 lives": the lives after the figure.
            if (is_one_of(text_of(verb), lex_.life_taking_verbs)) {
                for (const mention& m : mentions_) {
                    if (m.first == verb + 1 && is_word(m.last) && is_one_of(text_of(m.last), lex_.life_nouns)) return true;
                }
            }
        }
        if (verb == 0 || !is_word(verb - 1)) return false;
        const std::string_view before = text_of(verb - 1);
        for (std::string_view aux : {"is", "are", "was", "were", "be", "been", "being"}) {
            if (iequals(before, aux)) return true;
        }
        // "an estimated figure of 280 dead", "a reported 40 dead": after an article the participle
        // describes what follows it (and a noun, "a report that", names what was said).
        if (is_one_of(before, lex_.name_articles)) return true;
        // "253 and not 359 as reported in media, he said": a clause with no subject.
        if (is_one_of(before, lex_.as_words)) return true;
        return report_noun_at(verb);
    }

    /// Whether the verb at i is negated ("we have not yet confirmed", "did not say", "never
    /// claimed"): it reports nothing, and has no subject to speak for the figures.
    [[nodiscard]] bool negated(std::size_t i) const
    {
        std::size_t k = i;
        while (k > 0 && is_word(k - 1) && (word(k - 1, "yet") || word(k - 1, "still") || word(k - 1, "ever") ||
                                           word(k - 1, "publicly") || word(k - 1, "officially")))
            --k;
        return k > 0 && (word(k - 1, "not") || word(k - 1, "never"));
    }

    /// Whether the word at i is a report noun ("reports", "claims", "estimates") after a
    /// preposition, an article or a word that qualifies reports ("contrary to reports", "other
    /// reports", "some reports on social media"): then it names what was said, no verb.
    [[nodiscard]] bool report_noun_at(std::size_t i) const
    {
        if (i == 0 || !is_word(i) || !is_word(i - 1)) return false;
        const std::string_view w = text_of(i);
        const bool noun_form = iequals(w, "reports") || iequals(w, "report") || iequals(w, "claims") ||
                               iequals(w, "claim") || iequals(w, "estimates");
        if (!noun_form) return false;
        const std::string_view before = text_of(i - 1);
        for (std::string_view d : {"to", "of", "from", "with", "by", "on", "in", "the", "a", "an", "these", "those", "all",
                                   "any", "such"}) {
            if (iequals(before, d)) return true;
        }
        return report_qualifier(before);
    }

    /// Words that qualify reports rather than name who made them: "other reports", "unconfirmed
    /// claims", "local media reports".
    [[nodiscard]] static bool report_qualifier(std::string_view w) noexcept
    {
        for (std::string_view d : {"initial", "earlier", "unconfirmed", "conflicting", "latest", "new", "official", "other",
                                   "some", "several", "many", "multiple", "various", "numerous", "media", "press", "news",
                                   "separate", "further", "recent", "previous", "preliminary", "first", "early",
                                   "independent", "unverified", "contradictory", "differing", "local"}) {
            if (iequals(w, d)) return true;
        }
        return false;
    }

    /// "there were unconfirmed reports that …", "claims from Moscow that …": a report noun before
    /// the clause it reports is its source, or the name after "from" or "by" is.
    void read_report_noun(std::size_t noun)
    {
        if (mode_ != text_mode::sentence) return;
        if (word(noun + 1, "that")) {
            std::size_t b = noun;
            while (b > 0 && is_word(b - 1) && report_qualifier(text_of(b - 1)) && sentence_[b - 1] == sentence_[noun]) --b;
            add_attribution(noun, {b, noun + 1}, 1);
            return;
        }
        if (word(noun + 1, "from") || word(noun + 1, "by")) {
            const auto name = name_at(noun + 2);
            if (name.second > name.first && word(name.second, "that")) add_attribution(noun, name, 1);
        }
    }

    /// The first token of the words set off by commas that end at `comma`, the comma before the
    /// verb at `verb`: at most 20 words of its sentence, outside any figure, joined dashes and
    /// apostrophes (and, with `initials`, joined periods: "U.N.") allowed among them. None when
    /// they are not such words.
    [[nodiscard]] std::optional<std::size_t> appositive_opening(std::size_t verb, std::size_t comma, bool initials) const
    {
        std::size_t open = comma;
        while (open > 0 && comma - open < 20) {
            const std::size_t k = open - 1;
            if (sentence_[k] != sentence_[verb] || in_mention(k)) return std::nullopt;
            if (is(k, token_kind::comma)) break;
            const bool initial = initials && is(k, token_kind::period) && tokens_[k].joined;
            if (!is_word(k) && !in_word_mark(k) && !initial) return std::nullopt;
            --open;
        }
        if (open == 0 || !is(open - 1, token_kind::comma) || open == comma) return std::nullopt;
        return open;
    }

    /// "X, a spokesperson for Y, said", "A resident, Modou Mohammed, said", "Mohamed Tajal-Amin, a
    /// villager, said": the origin of a subject with an appositive before its verb. `comma` is the
    /// comma right before the verb. Returns false when the words are no appositive.
    bool read_appositive_subject(std::size_t verb, std::size_t comma)
    {
        const auto found = appositive_opening(verb, comma, true);
        if (!found) return false;
        const std::size_t open = *found;
        const std::size_t first_comma = open - 1;
        // "Medics, and residents of Bani Qais where the wedding was taking place, told": words set
        // off after "and" are a second subject joined to the first; the source is both, without
        // the clause that describes the second.
        if (word(open, "and") && open + 1 < comma) {
            const auto [b, e] = subject_range(verb, first_comma);
            std::size_t end = open + 1;
            while (end < comma && is_word(end) && !is_one_of(text_of(end), lex_.relative_pronouns) && !word(end, "where") &&
                   !word(end, "whose") && !word(end, "when"))
                ++end;
            if (e == first_comma && e > b && end > open + 1 && (end == comma || !is_word(end) || !word(end - 1, "of"))) {
                add_attribution(verb, {b, end}, 1);
                return true;
            }
        }
        std::size_t a = open;
        while (a < comma && (word(a, "a") || word(a, "an") || (word(a, "the") && !capitalised(a)))) ++a;
        if (a >= comma) return false;
        // "a spokesperson for Niger's Ministry of National Defense": the body spoken for.
        const std::string_view head = text_of(a);
        if (is_spokesperson(head) || iequals(head, "member") || iequals(head, "official") || iequals(head, "officer") ||
            iequals(head, "representative") || iequals(head, "head")) {
            std::size_t of = a + 1;
            while (of < comma && !(word(of, "for") || word(of, "of"))) ++of;
            if (of + 1 < comma) {
                auto name = name_at(of + 1);
                name.second = std::min(name.second, comma);
                if (name.second > name.first) {
                    add_attribution(verb, name, 1);
                    return true;
                }
            }
        }
        // "A resident, Modou Mohammed, said", "A youth group, the Berom Youth Movement, said": the
        // name in the appositive; but after an article, words that are no name ("Al-Masirah, the
        // TV station of …, said") describe the subject before it.
        bool name_only = true;
        for (std::size_t k = a; k < comma; ++k) {
            if (is_word(k) && !capitalised(k) && !word(k, "of") && !word(k, "the") && !word(k, "for")) name_only = false;
        }
        if (capitalised(a) && (a == open || name_only) && !word(a, "who") && !word(a, "which")) {
            add_attribution(verb, name_in_subject(a, comma), 1);
            return true;
        }
        // "Mohamed Tajal-Amin, a villager, said", "Al-Masirah, the TV station of …, said": the
        // subject before the appositive.
        return read_subject_before(verb, first_comma);
    }

    /// Whether the words that end at `k` open an inverted clause of report: "comme l'a annoncé
    /// l'ONU", "ainsi que l'ont rapporté des témoins" (the object pronoun elided or not).
    [[nodiscard]] bool opens_as_clause(std::size_t k) const
    {
        if (lex_.as_words.empty()) return false;
        std::size_t end = k + 1;
        if (is(k, token_kind::apostrophe) && tokens_[k].joined && k > 0 && word(k - 1, "l")) end = k - 1;
        else if (word(k, "le") || word(k, "les")) end = k;
        return end > 0 && any_phrase_before(lex_.as_words, end);
    }

    /// Whether a participle of report follows the subject that starts at `k`, after a comma, with a
    /// figure after it: "a indiqué le porte-parole, ajoutant que « 63 terroristes ont été tués »", "…
    /// le porte-parole du gouvernement dans un communiqué, faisant état de huit morts".
    [[nodiscard]] bool report_participle_after(std::size_t k) const
    {
        if (lex_.report_participles.empty()) return false;
        for (std::size_t c = k + 1; c < tokens_.size() && c < k + 16 && sentence_[c] == sentence_[k]; ++c) {
            if (in_mention(c) || is(c, token_kind::quote) || is(c, token_kind::end)) return false;
            if (!is(c, token_kind::comma)) continue;
            std::size_t p = c + 1;
            if (word(p, "en")) ++p;
            if (!is_word(p) || !is_one_of(text_of(p), lex_.report_participles)) continue;
            // "faisant état de" reports; "faisant 15 morts" causes.
            if (is_one_of(text_of(p), lex_.light_verbs) || word(p, "faisant")) {
                if (!(is_word(p + 1) && is_one_of(text_of(p + 1), lex_.light_verb_nouns))) return false;
            }
            const auto next = std::lower_bound(mentions_.begin(), mentions_.end(), p,
                                               [](const mention& m, std::size_t at) { return m.first < at; });
            return next != mentions_.end() && sentence_[next->first] == sentence_[k];
        }
        return false;
    }

    /// Where a name that ends at `end` ends with the body it speaks for: "a spokesman for the local
    /// government", "le porte-parole de l'armée", and, with `bare_noun`, "le chef de village".
    [[nodiscard]] std::size_t body_end(std::size_t end, bool bare_noun) const
    {
        for (;;) {
            std::size_t from = end + 1;
            if (lex_.name != "en" && is_word(end) && is_one_of(text_of(end), lex_.of_words) &&
                is(from, token_kind::apostrophe) && tokens_[from].joined)
                ++from;
            const bool french_of = lex_.name != "en" && is_word(end) && is_one_of(text_of(end), lex_.of_words) &&
                                   (from > end + 1 || capitalised(from) ||
                                    (is_word(from) && is_one_of(text_of(from), lex_.name_articles)) ||
                                    (bare_noun && is_word(from) && !starts_mention(from) && !is_name_stop(text_of(from))));
            if (!((word(end, "for") || word(end, "of") || word(end, "in") || french_of) && is_word(from))) break;
            const auto more = name_at(from);
            if (more.second <= more.first) break;
            end = more.second;
        }
        return end;
    }

    /// The person named in the appositive that opens at the comma `comma` after a description
    /// (", le colonel Azem Bermandoa.", ", général Dahirou Dembélé,"): an article and titles, or
    /// one title alone, may open it. None when it names no person.
    [[nodiscard]] std::optional<std::pair<std::size_t, std::size_t>> appositive_person(std::size_t comma) const
    {
        if (!is(comma, token_kind::comma)) return std::nullopt;
        std::size_t p = comma + 1;
        while (const std::size_t article = article_at(p, lex_.name_articles, false)) p += article;
        const std::size_t most_titles = p > comma + 1 ? 2 : 1;
        for (std::size_t titles = 0; titles < most_titles && is_word(p) && !capitalised(p) && !starts_mention(p) &&
                                     !is_name_stop(text_of(p)) && (lex_.name != "en" || p > comma + 1);
             ++titles)
            ++p;
        std::size_t e = p;
        std::size_t capitals = 0;
        while (e < tokens_.size() && e < p + 6) {
            if (capitalised(e)) ++capitals;
            else if (!in_word_mark(e)) break;
            ++e;
        }
        if (capitals >= 2 && capitalised(p) && capitalised(e - 1) && (e >= tokens_.size() || !is_word(e)) &&
            make_source(text_between(p, e)).kind == source_kind::other)
            return std::pair{p, e};
        return std::nullopt;
    }

    /// "rapporte l'AFP citant des autorités locales", "le site X évoque six morts, citant une
    /// source hospitalière": whom the speaker before cites said it; the speaker relays it.
    void read_citing_after(std::size_t citing)
    {
        for (std::size_t a = attributions_.size(); a-- > 0;) {
            attribution& last = attributions_[a];
            if (sentence_[last.at] != sentence_[citing]) return;
            if (last.strength != 1 || last.at >= citing) continue;
            // "citant pour ces derniers …" cites no one.
            if (!capitalised(citing + 1) && !(is_word(citing + 1) && is_one_of(text_of(citing + 1), lex_.name_articles)))
                return;
            auto name = name_at(citing + 1);
            if (name.second <= name.first) return;
            name.second = body_end(name.second, true);
            if (const auto person = appositive_person(name.second)) {
                for (std::size_t k = name.second; k < person->first; ++k) consumed_[k] = true;
                name = *person;
            }
            consumed_[citing] = true;
            for (std::size_t k = name.first; k < name.second; ++k) consumed_[k] = true;
            last.relay = last.origin;
            last.origin = make_source(text_between(name.first, name.second));
            return;
        }
    }

    /// "a de son côté expliqué", "avait dans un premier temps parlé", "ont triomphalement annoncé":
    /// the first word of an aside between an auxiliary and the verb at `verb` (a few words opened by
    /// a preposition, or one adverb); `verb` itself when none stands there.
    [[nodiscard]] std::size_t aside_start(std::size_t verb) const
    {
        if (lex_.aside_prepositions.empty()) return verb;
        for (std::size_t w = verb; w-- > 1 && verb - w < 5;) {
            if (in_word_mark(w)) continue;
            if (!is_word(w) || is_one_of(text_of(w), lex_.auxiliaries)) return verb;
            if (!is_word(w - 1) || !is_one_of(text_of(w - 1), lex_.auxiliaries)) continue;
            const bool opens = is_one_of(text_of(w), lex_.aside_prepositions) ||
                               (w + 1 == verb && ends_with_any(text_of(w), lex_.adverb_endings));
            return opens && !capitalised(w) ? w : verb;
        }
        return verb;
    }

    /// The subject of the reporting verb at `verb`, as an attribution of strength 1.
    /// "…, said the worker", "“At least 81 people were killed,” said a spokesman for …": after a
    /// comma or a closing quote the subject follows its verb. Returns whether one was read.
    bool read_inverted_subject(std::size_t verb)
    {
        // ", a indiqué à l'AFP un élu local": auxiliaries may stand between the comma and the verb.
        // ", a également affirmé le préfet": adverbs too.
        std::size_t start = aside_start(verb) - 1;
        while (start > 0 && is_word(start) &&
               (is_one_of(text_of(start), lex_.auxiliaries) ||
                (lex_.name != "en" && is_one_of(text_of(start), lex_.subject_trailers))))
            --start;
        if (!(is(start, token_kind::comma) || is(start, token_kind::quote) || opens_as_clause(start))) return false;
        // ", ont indiqué mardi des sources locales", ", a affirmé à l'AFP dimanche un habitant":
        // the time of the report may stand before or after the outlet.
        std::size_t after = past_report_time(verb + 1);
        std::optional<source> relay;
        if (is_word(after) && is_one_of(text_of(after), lex_.to_recipient)) {
            auto outlet = name_at(after + 1);
            if (outlet.second <= outlet.first) return false;
            // "a déclaré à l'AFP Amadou Diallo": a known outlet's name ends before the speaker's.
            for (std::size_t end = outlet.first + 1; end < outlet.second; ++end) {
                if (capitalised(end) && make_source(text_between(outlet.first, end)).kind != source_kind::other) {
                    outlet.second = end;
                    break;
                }
            }
            relay = make_source(text_between(outlet.first, outlet.second));
            for (std::size_t k = after; k < outlet.second; ++k) consumed_[k] = true;
            after = past_report_time(outlet.second);
        }
        after = past_report_time(past_report_circumstance(after));
        // "…, reported some media", "…, said two witnesses": a plain count that starts the subject
        // is part of its name.
        constexpr std::size_t no_count = static_cast<std::size_t>(-1);
        std::size_t count_start = no_count;
        if (starts_mention(after) && !is_one_of(text_of(after), lex_.name_articles)) {
            const mention* m = last_mention_before(after + 1);
            if (!m || m->first != after || m->cat || !is_word(m->last) || lookup_category(lex_, text_of(m->last)) ||
                (m->value.qualifier() != qualifier::exact && m->value.qualifier() != qualifier::vague))
                return false;
            count_start = after;
            after = m->last;
        }
        if (!is_word(after) || word(after, "that") || word(after, "it") || word(after, "they") || word(after, "he") ||
            word(after, "she") || word(after, "que") || word(after, "qu"))
            return false;
        // Only when the clause before the comma has figures it can be about, or a participle of
        // report after the subject gives them.
        const mention* before = last_mention_before(verb);
        const auto quotation = quotation_over_sentences(verb);
        if ((!before || (sentence_[before->first] != sentence_[verb] && !(quotation && before->first > *quotation)) ||
             before->first == count_start) &&
            !report_participle_after(after))
            return false;
        auto name = name_at(after);
        if (count_start != no_count && name.second > name.first) name.first = count_start;
        if (name.second <= name.first) return false;
        // "said a spokesman for the local government chief in Tarmoa": the body spoken for stays in.
        // "de sources sécuritaires" (a bare noun after "de") is whom it was learned from.
        std::size_t end = body_end(name.second, !is_one_of(text_of(verb), lex_.learning_verbs));
        // "le ministre de la Défense Ibrahima Dahirou Dembélé jeudi soir": the time is no part of it.
        while (end > name.first + 1 && is_word(end - 1) && is_one_of(text_of(end - 1), lex_.report_times)) --end;
        name.second = end;
        // "a déclaré le colonel Abdoul-Aziz Touré", "a affirmé le préfet de Bankass, Boubacar
        // Kané.": a person named after the description is the source; one in an appositive before
        // any capitalised words of the description ("le président de l'association Tabila
        // Pullaku, Abel Aziz Diallo").
        bool appositive = false;
        if (is(name.second, token_kind::comma)) {
            if (const auto person = appositive_person(name.second)) {
                for (std::size_t k = name.second; k < person->first; ++k) consumed_[k] = true;
                name = *person;
                appositive = true;
            }
        }
        if (!appositive) {
            const auto person = name_in_subject(name.first, name.second);
            if (person.first > name.first) name = person;
        }
        for (std::size_t k = verb + 1; k < name.first; ++k) {
            if (is_word(k) && is_one_of(text_of(k), lex_.report_times)) consumed_[k] = true;
        }
        // "a appris l'AFP de sources sécuritaires et locales": the sources said it, the AFP relays it.
        if (is_one_of(text_of(verb), lex_.learning_verbs)) {
            std::size_t at = past_report_time(name.second);
            if (is_word(at) && is_one_of(text_of(at), lex_.by_agent)) ++at;
            if (is_word(at) && !capitalised(at) && is_one_of(text_of(at), lex_.of_words)) {
                std::size_t first = at + 1;
                if (is(first, token_kind::apostrophe) && tokens_[first].joined) ++first;
                const auto from = name_at(first);
                if (from.second > from.first) {
                    for (std::size_t k = name.second; k < from.first; ++k) consumed_[k] = true;
                    for (std::size_t k = name.first; k < name.second; ++k) consumed_[k] = true;
                    add_attribution(verb, from, 1, make_source(text_between(name.first, name.second)));
                    return true;
                }
            }
        }
        add_attribution(verb, name, 1, std::move(relay));
        return true;
    }

    /// "a-t-il dit", "a t-on appris", "ont-ils affirmé": the pronoun put after the auxiliary
    /// before the verb at `verb`, and the auxiliary; none when the verb has no such inversion.
    [[nodiscard]] std::optional<std::pair<std::size_t, std::size_t>> inverted_pronoun(std::size_t verb) const
    {
        if (verb < 3) return std::nullopt;
        const std::size_t pronoun = verb - 1;
        if (!is_word(pronoun) || !is_one_of(text_of(pronoun), lex_.inverted_pronouns) || !tokens_[pronoun].joined ||
            !is(pronoun - 1, token_kind::dash) || !tokens_[pronoun - 1].joined)
            return std::nullopt;
        std::size_t aux = pronoun - 2;
        if (word(aux, "t") && aux > 1) {
            const bool dash_before = is(aux - 1, token_kind::dash) && tokens_[aux - 1].joined;
            aux -= dash_before ? std::size_t{2} : std::size_t{1};
        }
        if (!is_word(aux) || !is_one_of(text_of(aux), lex_.auxiliaries)) return std::nullopt;
        return std::pair{pronoun, aux};
    }

    /// The subject of a verb with an inverted pronoun: "le communiqué a-t-il précisé" (the noun
    /// before), "», a-t-il indiqué" (the pronoun), "a-t-on appris mardi de sources sécuritaires"
    /// (whom one learned it from, or no one).
    void read_inverted_pronoun(std::size_t verb, std::size_t pronoun, std::size_t aux)
    {
        if (is_one_of(text_of(pronoun), lex_.impersonal_subjects)) {
            std::size_t at = verb + 1;
            for (;;) {
                const std::size_t past = past_report_time(at);
                if (past != at) {
                    at = past;
                    continue;
                }
                if (is(at, token_kind::comma)) {
                    ++at;
                    continue;
                }
                // "a-t-on appris jeudi 18 février 2021 de sources …": the date of the report.
                if (is(at, token_kind::number) && is_word(at + 1) && is_month(lex_, text_of(at + 1))) {
                    at += is(at + 2, token_kind::number) ? std::size_t{3} : std::size_t{2};
                    continue;
                }
                break;
            }
            if (!is_word(at) || capitalised(at) || !is_one_of(text_of(at), lex_.of_words)) return;
            std::size_t first = at + 1;
            if (is(first, token_kind::apostrophe) && tokens_[first].joined) ++first;
            const auto name = counted_name_at(first);
            if (name.second <= name.first) return;
            for (std::size_t k = verb + 1; k < name.first; ++k) consumed_[k] = true;
            add_attribution(verb, name, 1);
            return;
        }
        if (aux > 0 && is_word(aux - 1) && sentence_[aux - 1] == sentence_[verb] && !in_mention(aux - 1)) {
            (void)read_subject_before(verb, aux);
            return;
        }
        add_attribution(verb, {pronoun, pronoun + 1}, 1);
    }

    /// "La Minusma, la Mission des Nations unies au Mali, a annoncé" (the name before the
    /// appositive), "Mais plus tard, le porte-parole du gouvernement Yaya Sangaré, a tweeté" (words
    /// of time before it: the words between the commas are the subject). `comma` closes them.
    bool read_french_appositive(std::size_t verb, std::size_t comma)
    {
        const auto found = appositive_opening(verb, comma, false);
        if (!found) return false;
        const std::size_t open = *found;
        // "le secrétaire général de l'ONU, Antonio Guterres, a évoqué", "un habitant, Saleh Musa, a
        // rapporté": a person named between the commas is the source, whatever opens the sentence.
        // An accented small letter ("à Mopti") counts as capitalised elsewhere; only a capital tells here.
        const auto capital = [this](std::size_t k) {
            const std::string_view w = text_of(k);
            return (w[0] >= 'A' && w[0] <= 'Z') ||
                   (w.size() > 1 && byte(w[0]) == 0xC3 && byte(w[1]) >= 0x80 && byte(w[1]) <= 0x9E);
        };
        if (const auto person = appositive_person(open - 1); person && person->second == comma && capital(person->first)) {
            add_attribution(verb, *person, 1);
            return true;
        }
        // "deux responsables locaux, s'exprimant sous le couvert de l'anonymat, ont déclaré": an
        // aside opened by a present participle describes the subject before it.
        {
            std::size_t p = open;
            if (is(p + 1, token_kind::apostrophe) && tokens_[p + 1].joined && text_of(p).size() == 1) p += 2;
            if (p < comma && is_word(p) && !capitalised(p) && ends_with_any(text_of(p), lex_.present_participle_endings)) {
                const auto before = subject_range(verb, open - 1);
                if (before.second > before.first) {
                    add_attribution(verb, before, 1);
                    return true;
                }
            }
        }
        // Only a sentence that opens with the name or the words of time.
        std::size_t start = open - 1;
        while (start > 0 && sentence_[start - 1] == sentence_[verb] && !is(start - 1, token_kind::comma) &&
               !in_mention(start - 1) && open - start < 8)
            --start;
        if (start > 0 && sentence_[start - 1] == sentence_[verb]) return false;
        const auto before = subject_range(verb, open - 1);
        if (before.second > before.first) {
            bool named = make_source(text_between(before.first, before.second)).kind != source_kind::other;
            for (std::size_t k = before.first; k < before.second && !named; ++k)
                named = capitalised(k) && !is_sentence_start(k);
            if (named) {
                add_attribution(verb, before, 1);
                return true;
            }
        }
        std::size_t b = open;
        while (const std::size_t article = article_at(b, lex_.subject_articles, false)) b += article;
        if (b >= comma || !is_word(b)) return false;
        add_attribution(verb, name_in_subject(b, comma), 1);
        return true;
    }

    void read_subject(std::size_t verb)
    {
        if (verb == 0) return;
        if (reporting_verb_without_subject(verb)) {
            if (report_noun_at(verb)) read_report_noun(verb);
            return;
        }
        if (const auto inverted = inverted_pronoun(verb)) {
            read_inverted_pronoun(verb, inverted->first, inverted->second);
            return;
        }
        if (read_inverted_subject(verb)) return;
        std::size_t j = verb;
        // "Tabital Pulaaku, fait état de": the light verb belongs with its noun.
        if (j > 1 && is_one_of(text_of(j), lex_.light_verb_nouns) && is_word(j - 1) &&
            is_one_of(text_of(j - 1), lex_.light_verbs))
            --j;
        j = aside_start(j);
        // ", citing residents," between the subject and its verb
        std::optional<source> cited;
        // "La Minusma, la Mission des Nations unies au Mali, a annoncé": the auxiliary after the
        // appositive's comma.
        // "Myanmar's National Unity Government, a shadow body dominated by …, has tweeted": in
        // English too.
        std::size_t aux = j;
        while (aux > 1 && is_word(aux - 1) && is_one_of(text_of(aux - 1), lex_.auxiliaries)) --aux;
        if (aux < j && is(aux - 1, token_kind::comma)) {
            if (lex_.name != "en" && read_french_appositive(verb, aux - 1)) return;
            if (lex_.name == "en" && read_appositive_subject(verb, aux - 1)) return;
        }
        if (is(j - 1, token_kind::comma)) {
            std::size_t c = j - 1;
            std::size_t back = c;
            while (back > 0 && is_word(back - 1) && c - back < 6) --back;
            if (is_word(back) && is_one_of(text_of(back), lex_.citing) && back > 0 && is(back - 1, token_kind::comma)) {
                const auto name = name_at(back + 1);
                if (name.second > name.first) {
                    cited = make_source(text_between(name.first, name.second));
                    for (std::size_t k = back; k < name.second; ++k) consumed_[k] = true;
                }
                j = back - 1;
            } else {
                (void)read_appositive_subject(verb, c);
                return;
            }
        }
        if (!cited) {
            (void)read_subject_before(verb, j);
            return;
        }
        const auto [b, e] = subject_range(verb, j);
        if (e <= b) return;
        const source relay = make_source(text_between(b, e));
        for (std::size_t k = b; k < e; ++k) consumed_[k] = true;
        attribution a;
        a.at = verb;
        const auto scope = scope_of(verb);
        a.scope_begin = scope.first;
        a.scope_end = scope.second;
        a.origin = *cited;
        a.relay = relay;
        a.strength = 1;
        attributions_.push_back(std::move(a));
    }

    /// The words of the subject that ends at token `j` (exclusive), for the verb at `verb`.
    [[nodiscard]] std::pair<std::size_t, std::size_t> subject_range(std::size_t verb, std::size_t j) const
    {
        // "les séparatistes qui font état de", "un habitant qui a confirmé": the noun the relative
        // pronoun stands for.
        {
            std::size_t r = j;
            while (r > 0 && is_word(r - 1) && is_one_of(text_of(r - 1), lex_.subject_trailers)) --r;
            if (r > 1 && is_word(r - 1) && is_one_of(text_of(r - 1), lex_.relative_pronouns)) {
                if (is_word(r - 2)) j = r - 1;
                else if (r > 2 && is(r - 2, token_kind::comma) && is_word(r - 3)) j = r - 2;  // "Les rebelles, qui"
            } else {
                // "Residents who fled said", "A doctor who treated the wounded said": a relative
                // clause of a few words between the subject and its verb.
                for (std::size_t q = r; q + 6 > r && q > 1 && is_word(q - 1) && !in_mention(q - 1); --q) {
                    if (is_one_of(text_of(q - 1), lex_.relative_pronouns) && q - 1 < r - 1) {
                        // "a rampage in which residents told": the relative is the preposition's.
                        const bool after_preposition =
                            is_word(q - 2) && (is_one_of(text_of(q - 2), lex_.scene_prepositions) ||
                                               is_one_of(text_of(q - 2), lex_.of_words) ||
                                               is_one_of(text_of(q - 2), lex_.by_agent));
                        if (is_word(q - 2) && !in_mention(q - 2) && !after_preposition) j = q - 1;
                        break;
                    }
                }
            }
        }
        // "United Nations Assistance Mission in Afghanistan (UNAMA) has confirmed", "Human Rights
        // Watch (HRW) said": a short name in parentheses after a capitalised name ends the subject
        // and names it.
        {
            std::size_t e = j;
            while (e > 0 && is_word(e - 1) && is_one_of(text_of(e - 1), lex_.subject_trailers)) --e;
            if (e >= 4 && is(e - 1, token_kind::close_paren) && capitalised(e - 2) && is(e - 3, token_kind::open_paren) &&
                capitalised(e - 4) && sentence_[e - 4] == sentence_[verb])
                return {e - 2, e - 1};
        }
        std::size_t b = j;
        while (b > 0 && j - b < 10) {
            const std::size_t k = b - 1;
            if (sentence_[k] != sentence_[verb]) break;
            if (in_mention(k)) {
                // "Two security sources told", "Some eyewitnesses said", "One of them stated", "…,” one
                // of the officers said": a plain count that starts the subject is part of its name,
                // not a claim, whether or not its words run up to the verb.
                const mention* m = last_mention_before(k + 1);
                // "At least two residents put the death toll at 37": a bound on how many spoke is
                // no part of their name; the subject is the people after it.
                if (m && m->last <= b && !m->cat && m->last < j && is_word(m->last) &&
                    !lookup_category(lex_, text_of(m->last)) &&
                    (m->value.qualifier() == qualifier::at_least || m->value.qualifier() == qualifier::more_than) &&
                    (m->first == 0 || !is_word(m->first - 1) || is_sentence_start(m->first))) {
                    b = m->last;
                    break;
                }
                if (m && m->last <= b && !m->cat && m->last < j && is_word(m->last) &&
                    !lookup_category(lex_, text_of(m->last)) &&
                    (m->value.qualifier() == qualifier::exact || m->value.qualifier() == qualifier::vague) &&
                    (m->first == 0 || !is_word(m->first - 1) || is_sentence_start(m->first) ||
                     // "les chiffres avancés par certains médias faisant état de": the count opens
                     // the agent's name after "par".
                     is_one_of(text_of(m->first - 1), lex_.by_agent) ||
                     // "mais deux responsables locaux … ont déclaré", "and two witnesses said": a
                     // conjunction opens the clause the count's subject starts.
                     is_one_of(text_of(m->first - 1), lex_.clause_openers) ||
                     is_one_of(text_of(m->first - 1), lex_.conjunctions) ||
                     // "the 215 Maiwand Corps said": the number of a unit, after the article and
                     // before its capitalised name.
                     (is_one_of(text_of(m->first - 1), lex_.subject_articles) && capitalised(m->last) &&
                      m->value.qualifier() == qualifier::exact))) {
                    b = m->first;
                }
                break;
            }
            if (is_word(k)) {
                const std::string_view w = text_of(k);
                if (word(k, "we") || word(k, "i") || is_one_of(w, lex_.ambiguous_ones)) break;
                // "in what the commission concluded were": "what" opens the clause the subject starts.
                if (word(k, "that") || word(k, "but") || word(k, "which") || word(k, "who") || word(k, "what") || word(k, "while") ||
                    word(k, "with") || word(k, "whereas") || word(k, "although") || word(k, "though") ||
                    word(k, "because") || word(k, "when") || word(k, "where") || word(k, "by") || word(k, "if") ||
                    word(k, "contrary"))
                    break;
                // "alors que l'armée avait fait état de", "C'est à Gao que les rebelles ont affirmé": the
                // conjunction opens the clause the subject starts.
                if (is_one_of(w, lex_.clause_openers)) break;
                // "the United Nations stated it had documented"; but "Other reports suggested" is a subject.
                if (is_reporting_verb(lex_, w) && k + 1 < j && !report_noun_at(k) && !reporting_word_in_name(k)) break;
                // "Witnesses and relatives reported", "The Times and The Washington Post": a pair of sources.
                if (word(k, "and")) {
                    if (k > 0 && b < j && (capitalised(k - 1) || make_source(std::string{text_of(k - 1)}).kind != source_kind::other) &&
                        !in_mention(k - 1) && !lookup_category(lex_, text_of(k - 1))) {
                        --b;
                        continue;
                    }
                    break;
                }
                // "Relatives of the victims said", "A villager assisting in the cremation of the
                // bodies, who …, said": a category noun after "of" is a word of the subject's name;
                // so are survivors, who live to tell ("des rescapés ont affirmé").
                if (const auto c = lookup_category(lex_, w); c && c->category != category::other) {
                    std::size_t of = k;
                    while (of > 0 && is_word(of - 1) && is_one_of(text_of(of - 1), lex_.name_articles) && k - of < 2) --of;
                    if (c->form != category_form::noun_or_participle || of < 2 || !is_word(of - 1) ||
                        !is_one_of(text_of(of - 1), lex_.of_words) || !is_word(of - 2) ||
                        sentence_[of - 2] != sentence_[verb] || in_mention(of - 2))
                        break;
                }
                --b;
                continue;
            }
            if ((is(k, token_kind::apostrophe) || is(k, token_kind::dash)) && tokens_[k].joined) {
                --b;
                continue;
            }
            // "U.N. investigators say": the periods of an initialism.
            // "Gen. Ali Shamarri said": so does a title's.
            if (is(k, token_kind::period) && tokens_[k].joined && k > 0 && is_word(k - 1) &&
                ((text_of(k - 1).size() == 1 && capitalised(k - 1)) ||
                 (is_one_of(text_of(k - 1), lex_.title_abbreviations) && capitalised(k + 1)))) {
                --b;
                continue;
            }
            break;
        }
        // "the defence ministry" is the defence ministry; "A witness", "Other residents" and
        // "Some eyewitnesses" keep their words, which tell one origin from another. A capitalised
        // "The" that starts a name stays ("The Telegraph").
        for (;;) {
            // "qu'il parlait de 54 militaires tués": the apostrophe of the conjunction is not the pronoun's.
            if (b < j && (word(b, "also") || is(b, token_kind::quote) || is(b, token_kind::apostrophe))) {
                ++b;
                continue;
            }
            // "Later it put the number of dead …", "Then officials said": an adverb of time that
            // opens the sentence is no part of the subject (a word that qualifies reports is:
            // "Earlier reports said").
            if (b + 1 < j && is_sentence_start(b) && is_word(b + 1) && is_one_of(text_of(b), lex_.subject_trailers) &&
                !is_one_of(text_of(b), lex_.auxiliaries) && !report_qualifier(text_of(b))) {
                ++b;
                continue;
            }
            // "M. Diallo a déclaré": the civility is no part of the name.
            if (b + 1 < j && is_word(b) && capitalised(b) && is_one_of(text_of(b), lex_.civilities)) {
                const std::size_t after = is(b + 1, token_kind::period) && tokens_[b + 1].joined ? b + 2 : b + 1;
                if (after < j && capitalised(after)) {
                    b = after;
                    continue;
                }
            }
            // "a annoncé lundi l'armée burkinabè, qui avait …": the time of the report before the
            // noun a relative pronoun stands for is no part of it.
            if (const std::size_t past = past_report_time(b); past > b && past < j) {
                b = past;
                continue;
            }
            const std::size_t article = article_at(b, lex_.subject_articles, !is_sentence_start(b));
            if (article != 0 && b + article < j) {
                b += article;
                continue;
            }
            break;
        }
        // "by the end of the month UPI reported": a phrase of time in common words, ending in a
        // noun of a period, before a capitalised name is no part of it.
        for (std::size_t k = b; k + 1 < j && is_word(k) && !capitalised(k); ++k) {
            if (is_one_of(text_of(k), lex_.period_nouns) && k > b && capitalised(k + 1)) {
                b = k + 1;
                break;
            }
        }
        // "the country's authorities": a possessive common noun before the source says nothing more.
        if (b + 3 < j && is_word(b) && !capitalised(b) && is(b + 1, token_kind::apostrophe) && tokens_[b + 1].joined &&
            word(b + 2, "s") && tokens_[b + 2].joined)
            b += 3;
        // Drop trailing adverbs, auxiliaries and times: "JNIM later claimed", "officials have said",
        // "the government on Monday put", "Authorities had earlier said".
        std::size_t e = j;
        for (;;) {
            if (e > b + 1 && word(e - 2, "on") && is_word(e - 1) && is_weekday(text_of(e - 1))) {
                e -= 2;
                continue;
            }
            if (e > b && is_word(e - 1) && is_one_of(text_of(e - 1), lex_.subject_trailers)) {
                --e;
                continue;
            }
            // "l'armée avait jusqu'ici fait état": an elided trailer.
            if (e > b + 2 && is(e - 1, token_kind::apostrophe) && tokens_[e - 1].joined && is_word(e - 2) &&
                is_one_of(text_of(e - 2), lex_.subject_trailers)) {
                e -= 2;
                continue;
            }
            break;
        }
        // "Une source sécuritaire interrogée par l'AFP a confirmé", "Un militaire parlant sous couvert
        // de l'anonymat a limité": the words on how the subject was reached are no part of it.
        for (std::size_t k = b + 1; k < e; ++k) {
            if (is_word(k) && !capitalised(k) && is_one_of(text_of(k), lex_.reach_participles)) {
                e = k;
                break;
            }
        }
        // "Gen. Ali Shamarri of the statistics department, who said": a person's name after a
        // title ends before the body it is of, told in common nouns.
        if (e > b + 3 && is_word(b) && is_one_of(text_of(b), lex_.title_abbreviations)) {
            std::size_t k = b + 1;
            if (is(k, token_kind::period) && tokens_[k].joined) ++k;
            const std::size_t name = k;
            while (k < e && capitalised(k)) ++k;
            if (k > name && k < e && is_one_of(text_of(k), lex_.of_words)) {
                std::size_t n = k + 1;
                while (n < e && is_word(n) && is_one_of(text_of(n), lex_.name_articles)) ++n;
                if (n < e && is_word(n) && !capitalised(n)) e = k;
            }
        }
        if (e <= b) return {b, b};
        return name_in_subject(b, e);
    }

    /// The subject that ends at token `j`, for the verb at `verb`: resolves pronouns and records it.
    bool read_subject_before(std::size_t verb, std::size_t j)
    {
        const auto [b, e] = subject_range(verb, j);
        if (e <= b) return false;
        const std::string_view first_word = text_of(b);
        // "the death toll stood at", "un bilan provisoire fait état de": a toll speaks for no one.
        if (is_one_of(first_word, lex_.toll_nouns) || is_one_of(first_word, lex_.figure_nouns)) return false;
        if (e == b + 1 && (iequals(first_word, "we") || iequals(first_word, "i") || iequals(first_word, "you") ||
                           is_one_of(first_word, lex_.impersonal_subjects))) {
            return false;  // the speaker of a quotation, or "on dénombre": whoever the text says is speaking
        }
        // "rapporte une centaine de morts et cite 81 victimes": the verb after a conjunction shares
        // the subject before it, as a pronoun does.
        if (e == b + 1 && (iequals(first_word, "they") || iequals(first_word, "he") || iequals(first_word, "she") ||
                           iequals(first_word, "it") || is_one_of(first_word, lex_.conjunctions) ||
                           is_one_of(first_word, lex_.inverted_pronouns))) {
            // A pronoun: the subject is whoever was last named as a source in this sentence, or,
            // when none was, the pronoun itself (the reader knows from the sentence before).
            for (std::size_t a = attributions_.size(); a-- > 0;) {
                if (sentence_[attributions_[a].at] != sentence_[verb]) break;  // found in text order
                if (attributions_[a].strength == 1) {
                    attribution copy = attributions_[a];
                    copy.at = verb;
                    attributions_.push_back(copy);
                    return true;
                }
            }
        }
        add_attribution(verb, {b, e}, 1);
        return true;
    }

    /// Sorts attributions for source_for: explicit ones by position, all by sentence.
    void index_attributions()
    {
        std::vector<std::size_t> order(attributions_.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::sort(order.begin(), order.end(),
                  [&](std::size_t x, std::size_t y) { return attributions_[x].at < attributions_[y].at; });
        for (std::size_t i : order) {
            if (attributions_[i].strength >= 2) {
                explicit_at_.push_back(attributions_[i].at);
                explicit_index_.push_back(i);
            }
            if (attributions_[i].quotation_open || attributions_[i].quotation_after) quoted_index_.push_back(i);
        }
        by_sentence_ = order;
        std::stable_sort(by_sentence_.begin(), by_sentence_.end(), [&](std::size_t x, std::size_t y) {
            return sentence_[attributions_[x].at] < sentence_[attributions_[y].at];
        });
    }

    /// The sentence of an attribution (given by index) or a sentence number itself, for equal_range.
    [[nodiscard]] std::size_t sentence_key(std::size_t attribution_index) const noexcept
    {
        return sentence_[attributions_[attribution_index].at];
    }

    [[nodiscard]] source_chain source_for(const mention& m) const
    {
        const attribution* explicit_one = nullptr;
        const attribution* subject = nullptr;
        std::size_t subject_distance = 0;
        if (mode_ == text_mode::cell) {
            // In a cell an attribution covers the figures before it back to the one before it
            // ("7 killed, 12 injured (per CSP-PSD)"), or, when none stands before it, the figures
            // after it ("According to MNLA: …").
            const auto next = std::upper_bound(explicit_at_.begin(), explicit_at_.end(), m.first);
            const attribution* chosen = nullptr;
            if (next != explicit_at_.end()) {
                chosen = &attributions_[explicit_index_[static_cast<std::size_t>(next - explicit_at_.begin())]];
            } else if (next != explicit_at_.begin()) {
                const std::size_t before = static_cast<std::size_t>(next - explicit_at_.begin()) - 1;
                const std::size_t previous_at = before == 0 ? 0 : explicit_at_[before - 1];
                const mention* figure = last_mention_before(explicit_at_[before]);
                const bool figure_between = figure && (before == 0 || figure->first > previous_at);
                if (!figure_between) chosen = &attributions_[explicit_index_[before]];
            }
            if (chosen && !(header_ && header_at_ > chosen->at && m.first > header_at_)) {
                source_chain chain;
                chain.origin = chosen->origin;
                return chain;
            }
        }
        const std::size_t sentence = sentence_[m.first];
        const auto first_attribution =
            std::lower_bound(by_sentence_.begin(), by_sentence_.end(), sentence,
                             [&](std::size_t index, std::size_t value) { return sentence_key(index) < value; });
        const auto last_attribution =
            std::upper_bound(by_sentence_.begin(), by_sentence_.end(), sentence,
                             [&](std::size_t value, std::size_t index) { return value < sentence_key(index); });
        const attribution* witness = nullptr;
        const attribution* closing = nullptr;  // "…, residents said." after the figure
        for (auto it = first_attribution; it != last_attribution; ++it) {
            const attribution& a = attributions_[*it];
            if (mode_ == text_mode::cell && a.strength >= 2) continue;
            if (m.first < a.scope_begin || m.first >= a.scope_end) continue;
            if (a.strength == 0) {
                // A witness of the dead, for the figures after its verb.
                if (a.at < m.first && (!witness || a.at > witness->at)) witness = &a;
                continue;
            }
            if (a.strength >= 2) {
                // The nearest explicit attribution after the figure, or else before it.
                if (!explicit_one || (a.at > m.first && (explicit_one->at < m.first || a.at < explicit_one->at)) ||
                    (a.at < m.first && explicit_one->at < m.first && a.at > explicit_one->at))
                    explicit_one = &a;
            } else {
                // The reporting verb before the figure, nearest; else the one after it.
                const std::size_t distance = a.at < m.first ? m.first - a.at : (a.at - m.first) + tokens_.size();
                if (!subject || distance < subject_distance) {
                    subject = &a;
                    subject_distance = distance;
                }
                if (a.at > m.first && (!closing || a.at < closing->at) && closes_sentence_after_comma(a.at, m.first))
                    closing = &a;
            }
        }
        // "« Ils ont tué 69 personnes. D'autres … », a déclaré un officier": in an earlier sentence of
        // a quotation, its speaker said the figure when no one in that sentence did; an attribution
        // inside the quotation is the speaker's.
        if (!subject && !quoted_index_.empty()) {
            for (const std::size_t index : quoted_index_) {
                const attribution& a = attributions_[index];
                // "L'armée affirme que « … . Ce chiffre s'ajoute à la soixantaine … »": in a later
                // sentence of the quotation its verb opens, likewise.
                if (a.quotation_after && a.quotation_after->first < m.first && m.first < a.quotation_after->second &&
                    sentence_[m.first] != sentence_[a.at]) {
                    subject = &a;
                    if (explicit_one && explicit_one->at > a.quotation_after->first &&
                        explicit_one->at < a.quotation_after->second)
                        explicit_one = nullptr;
                    break;
                }
                if (!a.quotation_open) continue;
                if (*a.quotation_open < m.first && m.first < a.at && sentence_[m.first] != sentence_[a.at]) {
                    subject = &a;
                    if (explicit_one && explicit_one->at > *a.quotation_open && explicit_one->at < a.at)
                        explicit_one = nullptr;
                    break;
                }
            }
        }
        // "Le gouvernement parle de 18 morts mais des rescapés avanceraient, selon certaines sources,
        // …": an explicit attribution in a clause a conjunction opens after the figure is that
        // clause's; the subject of the verb before the figure said it.
        if (explicit_one && subject && subject->at < m.first && explicit_one->at > m.first &&
            clause_opened_between(m.first, explicit_one->at))
            explicit_one = nullptr;
        source_chain chain;
        // "…,” the spokesperson said, according to BBC News": the speaker said it, the outlet
        // that follows the verb relays it.
        if (explicit_one && subject && explicit_one->at == subject->at + 2 && is(subject->at + 1, token_kind::comma) &&
            !explicit_one->relay) {
            chain.origin = subject->origin;
            chain.via.push_back(explicit_one->origin);
            if (subject->relay) chain.via.push_back(*subject->relay);
            return chain;
        }
        // "“According to operational data, more than 30 people were killed …,” said the head of the
        // railway service": an attribution inside a quotation is the speaker's; the speaker named
        // after it said it.
        // So is one in the last sentence of a quotation of several ("« … . Selon les rapports
        // préliminaires, 3 Casques bleus sont décédés », a indiqué la Mission").
        if (explicit_one && subject && explicit_one->at < m.first && m.first < subject->at &&
            (quoted_between(explicit_one->at, m.first, subject->at) ||
             (subject->quotation_open && *subject->quotation_open < explicit_one->at))) {
            chain.origin = subject->origin;
            if (subject->relay) chain.via.push_back(*subject->relay);
            return chain;
        }
        if (explicit_one) {
            chain.origin = explicit_one->origin;
            if (explicit_one->relay) chain.via.push_back(*explicit_one->relay);
            if (subject && subject->origin.name != chain.origin.name) chain.via.push_back(subject->origin);
            return chain;
        }
        // "The Daily Trust reports that gunmen killed 12 villagers, residents said": the subject
        // that closes the sentence said it; the one whose "that" opens the clause relays it.
        if (subject && closing && subject->at < m.first && word(subject->at + 1, "that")) {
            chain.origin = closing->origin;
            if (closing->relay) chain.via.push_back(*closing->relay);
            chain.via.push_back(subject->origin);
            return chain;
        }
        if (subject) {
            chain.origin = subject->origin;
            if (subject->relay) chain.via.push_back(*subject->relay);
            return chain;
        }
        if (header_ && m.first > header_at_) {
            chain.origin = *header_;
            return chain;
        }
        if (witness) {
            chain.origin = witness->origin;
            return chain;
        }
        chain.origin = options_.source;
        return chain;
    }

    /// Whether the reporting verb at `verb` closes its sentence after a subject set off by a comma
    /// from the figure at `figure` ("…, residents said.", "…, police said on Sunday.").
    [[nodiscard]] bool closes_sentence_after_comma(std::size_t verb, std::size_t figure) const
    {
        std::size_t k = verb + 1;
        while (k < tokens_.size() && is_word(k) && k < verb + 4 &&
               (is_one_of(text_of(k), lex_.report_times) || is_weekday(text_of(k)) || word(k, "on")))
            ++k;
        if (k < tokens_.size() && !is_sentence_end(k) && !is(k, token_kind::end)) return false;
        std::size_t c = verb;
        while (c > figure && !is(c, token_kind::comma) && verb - c < 8) --c;
        return c > figure && is(c, token_kind::comma);
    }

    /// Whether a conjunction that opens a clause of its own ("mais", "car"; not "que") stands
    /// between `from` and `to`.
    [[nodiscard]] bool clause_opened_between(std::size_t from, std::size_t to) const
    {
        for (std::size_t k = from; k < to; ++k) {
            if (is_word(k) && is_one_of(text_of(k), lex_.clause_openers) && !word(k, "que") && !word(k, "qu")) return true;
        }
        return false;
    }

    /// Whether a quotation opens before `from` (the sentence's first token or one of its words
    /// after a quote mark) and closes between `figure` and `verb`, with no quote mark between
    /// `from` and `figure`.
    [[nodiscard]] bool quoted_between(std::size_t from, std::size_t figure, std::size_t verb) const
    {
        if (from == 0 || !is(from - 1, token_kind::quote)) return false;
        for (std::size_t k = from; k < figure; ++k) {
            if (is(k, token_kind::quote)) return false;
        }
        for (std::size_t k = figure; k < verb; ++k) {
            if (is(k, token_kind::quote)) return true;
        }
        return false;
    }

    std::vector<attribution> attributions_;
    std::vector<std::size_t> explicit_at_;     ///< positions of explicit attributions, sorted
    std::vector<std::size_t> explicit_index_;  ///< their indices in attributions_
    std::vector<std::size_t> by_sentence_;     ///< attribution indices, by sentence
    std::vector<std::size_t> quoted_index_;    ///< attributions of quotations over several sentences
    std::optional<source> header_;
    std::size_t header_at_ = 0;
};

}  // namespace toll::detail
