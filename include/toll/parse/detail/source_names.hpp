#pragma once
// The names of sources in a text: where a name starts and ends ("Human Rights Watch", "the
// Malian Army", "local resident Samson Bulus"), and the kind and party the name tells.
#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <toll/parse/detail/clauses.hpp>
#include <toll/parse/detail/lexer.hpp>
#include <toll/parse/detail/lexicon.hpp>
#include <toll/source.hpp>

namespace toll::detail {

/// The source a name stands for: the kind (and, for a party to the fighting, the party) `lex`
/// knows for a name inside it, or kind `other`; a short name of a known source is spelt as `lex`
/// spells it ("hrw" is Human Rights Watch).
[[nodiscard]] inline source source_of_name(std::string name, const lexicon& lex)
{
    source s;
    std::string lowered;
    lowered.reserve(name.size());
    for (char c : name) lowered.push_back(lower(c));
    for (const known_source& k : lex.sources) {
        std::size_t at = lowered.find(k.key);
        while (at != std::string::npos) {
            const bool left_ok = at == 0 || !is_alpha(lowered[at - 1]);
            const std::size_t after = at + k.key.size();
            const bool right_ok = !k.whole_word || after >= lowered.size() || !is_alpha(lowered[after]);
            if (left_ok && right_ok) break;
            at = lowered.find(k.key, at + 1);
        }
        if (at == std::string::npos) continue;
        s.kind = k.kind;
        s.party = std::string{k.party};
        if (!k.name.empty() && lowered.size() <= k.key.size() + 12) name = std::string{k.name};
        break;
    }
    s.name = std::move(name);
    return s;
}

class source_names : public clause_reader {
public:
    using clause_reader::clause_reader;

protected:
    // ---- sources -------------------------------------------------------------------------------

    /// Classifies a source by its name.
    [[nodiscard]] source make_source(std::string name) const { return source_of_name(std::move(name), lex_); }

    /// The tokens an article at i takes before a name ("the", "l'"), or 0. A capitalised article
    /// before a capitalised word starts the name itself ("The Telegraph", "Le Monde") when
    /// `keep_titles`; an elided one ("l'AFP") never does.
    [[nodiscard]] std::size_t article_at(std::size_t i, std::span<const std::string_view> articles,
                                         bool keep_titles) const
    {
        if (!is_word(i) || !is_one_of(text_of(i), articles)) return 0;
        if (is(i + 1, token_kind::apostrophe) && tokens_[i + 1].joined) return 2;
        if (keep_titles && capitalised(i) && capitalised(i + 1)) return 0;
        return 1;
    }

    /// Words that end a source's name: the English list below, and any language's reporting verbs
    /// and the first words of its citing phrases ("citées par").
    [[nodiscard]] bool is_name_stop(std::string_view w) const noexcept
    {
        // "annoncé par la télévision publique faisait état de": the verb of the clause a name is
        // the agent of is no part of it, nor is its auxiliary ("publié par l'armée malienne avait
        // fait état de").
        if (lex_.name != "en" && (is_reporting_verb(lex_, w) || is_one_of(w, lex_.conjunctions) ||
                                  is_one_of(w, lex_.auxiliaries) ||
                                  is_one_of(w, lex_.light_verbs) || is_one_of(w, lex_.name_stops) ||
                                  is_one_of(w, lex_.reach_participles) || is_one_of(w, lex_.citing)))
            return true;
        for (std::string_view p : lex_.cited_by) {
            if (iequals(w, p.substr(0, p.find(' ')))) return true;
        }
        for (std::string_view s : {"that", "who", "which", "in", "on", "at", "said", "says", "were", "was", "is", "are",
                                   "had", "have", "has", "with", "after", "when", "to", "since", "during", "while",
                                   "but", "as", "killed", "claimed", "reported", "stated", "told", "put", "estimated",
                                   "said", "and", "or", "by", "from", "per", "citing", "according"}) {
            if (iequals(w, s)) return true;
        }
        return false;
    }

    /// The name that starts at token `i` ("Human Rights Watch", "witnesses", "the Malian Army"),
    /// as a token range; empty when there is none.
    std::pair<std::size_t, std::size_t> name_at(std::size_t i) const
    {
        // "a report by Human Rights Watch", "figures from the UN"
        for (std::size_t skip = 0; skip < 2; ++skip) {
            std::size_t j = i;
            while (word(j, "the") || word(j, "a") || word(j, "an") || word(j, "new") || word(j, "latest") ||
                   word(j, "its") || word(j, "their"))
                ++j;
            if (is_word(j) && (word(j, "report") || word(j, "reports") || word(j, "statement") || word(j, "statements") ||
                               word(j, "figures") || word(j, "count") || word(j, "tally") || word(j, "estimate") ||
                               word(j, "estimates") || word(j, "data") || word(j, "investigation")) &&
                (word(j + 1, "by") || word(j + 1, "from") || word(j + 1, "of"))) {
                i = j + 2;
            }
        }
        // "the UN", "a local official"; but "The Telegraph" keeps its article. "l'un des
        // responsables": "un" before "des" is the pronoun the name is of, not an article.
        const auto one_of = [&](std::size_t k) {
            return is_word(k) && is_one_of(text_of(k), lex_.ambiguous_ones) && word(k + 1, lex_.plural_article) &&
                   is_word(k + 2) && !starts_mention(k + 2);
        };
        while (!one_of(i)) {
            const std::size_t article = article_at(i, lex_.name_articles, true);
            if (article == 0) break;
            i += article;
        }
        const bool pronoun_one = one_of(i);
        // "M. Bilgo", "Mme Traoré": the civility is no part of the name.
        if (is_word(i) && capitalised(i) && is_one_of(text_of(i), lex_.civilities)) {
            const std::size_t after = is(i + 1, token_kind::period) && tokens_[i + 1].joined ? i + 2 : i + 1;
            if (capitalised(after) && !is_one_of(text_of(after), lex_.civilities)) i = after;
        }
        // "US-based Human Rights Watch": the base says where, not who.
        i = past_ties(i);
        std::size_t end = i;
        std::size_t words = 0;
        for (std::size_t j = i; j + 1 < tokens_.size() && words < 8; ++j) {
            const token& t = tokens_[j];
            if (t.kind == token_kind::word) {
                const std::string_view w = text_of(j);
                // "précise le même communiqué": a statement's noun right after the article's first
                // word is the name's noun, not the verb ("communiqué") that would end it.
                const bool statement_noun = j == i + 1 && i > 0 && word_in(i - 1, lex_.name_articles) &&
                                            !capitalised(i) && is_one_of(w, lex_.statement_nouns);
                if (j > i && is_name_stop(w) && !statement_noun) break;
                // "à l'AFP le colonel …": an article right after a capitalised name opens the next
                // name ("publié par l'armée", "pour les réfugiés" go on).
                if (j > i && lex_.name != "en" && !capitalised(j) && capitalised(j - 1) &&
                    is_one_of(w, lex_.name_articles) && !is_one_of(w, lex_.of_words))
                    break;
                // "des habitants à l'AFP": the outlet spoken to is no part of the name ("mis à
                // jour" is).
                if (j > i && lex_.name != "en" && is_one_of(w, lex_.to_recipient) &&
                    (capitalised(j + 1) || (is_word(j + 1) && is_one_of(text_of(j + 1), lex_.name_articles))))
                    break;
                if (j > i && !capitalised(j) && (iequals(w, "of") || iequals(w, "for") || iequals(w, "the") ||
                                                 iequals(w, "de") || iequals(w, "al") || iequals(w, "wal"))) {
                    // "the Ministry of the Interior", "le ministère de la Défense", "de l'Ouest".
                    const bool article_then_name =
                        (word(j + 1, "the") && capitalised(j + 2)) ||
                        (lex_.name != "en" && is_word(j + 1) && is_one_of(text_of(j + 1), lex_.name_articles) &&
                         (capitalised(j + 2) || (is(j + 2, token_kind::apostrophe) && tokens_[j + 2].joined && capitalised(j + 3))));
                    // "quatre sources au sein des services de sécurité.": a bare noun after "de"
                    // that closes the clause is the name's last word.
                    const bool noun_closing = lex_.name != "en" && iequals(w, "de") && is_plain_name_word(j + 1) &&
                                              !is_word(j + 2) && !starts_mention(j + 2);
                    if (!capitalised(j + 1) && !article_then_name && !noun_closing) break;
                    continue;
                }
                if (j == i && is_name_stop(w)) break;
                // "à l'AFP un habitant" opens another name; "un élu d'une des localités", "un
                // responsable d'une ONG locale" go on: after an elided "de", "un"/"une" is the
                // article of what the name is of (a toll's "d'une attaque" is of no one who speaks).
                if (j > i && is_one_of(w, lex_.ambiguous_ones) &&
                    !(j >= i + 2 && is(j - 1, token_kind::apostrophe) && tokens_[j - 1].joined &&
                      is_one_of(text_of(j - 2), lex_.of_words) && is_word(j + 1) && !starts_mention(j + 1) &&
                      ((is_one_of(text_of(j + 1), lex_.of_words) && is_plain_name_word(j + 2)) ||
                       (!is_one_of(text_of(i), lex_.toll_nouns) && !is_one_of(text_of(j + 1), lex_.of_words) &&
                        !is_name_stop(text_of(j + 1)) &&
                        !lookup_category(lex_, text_of(j + 1))))))
                    break;
                if (starts_mention(j) && !(pronoun_one && j == i)) break;
                if (lookup_category(lex_, w) && lookup_category(lex_, w)->form != category_form::noun_or_participle) break;
                ++words;
                end = j + 1;
                continue;
            }
            if ((t.kind == token_kind::dash || t.kind == token_kind::apostrophe || t.kind == token_kind::period) && t.joined &&
                j > i && (is_word(j + 1) || t.kind == token_kind::period) && (j + 1 >= tokens_.size() || tokens_[j + 1].joined || t.kind == token_kind::period)) {
                if (t.kind == token_kind::period && !(is_word(j + 1) && tokens_[j + 1].joined)) {
                    // "said Dr. Ahmed Ali": a title's period belongs to the name after it.
                    if (is_one_of(text_of(j - 1), lex_.title_abbreviations) && capitalised(j + 1)) continue;
                    // "U.N." ends with its period
                    if (j > i && text_of(j - 1).size() == 1) end = j + 1;
                    break;
                }
                continue;
            }
            if (t.kind == token_kind::number && t.joined == false && j > i && capitalised(j - 1) && !starts_mention(j)) {
                end = j + 1;  // "France 24"
                continue;
            }
            break;
        }
        // "le bilan provisoire d'un attentat": an elided word whose apostrophe the name stopped at
        // belongs to what follows, not to the name.
        // The "de" before it goes with it ("pour l'Afrique de l'Ouest" stopped at "l").
        if (end > i + 1 && is(end, token_kind::apostrophe) && tokens_[end].joined && is_word(end - 1) &&
            text_of(end - 1).size() == 1) {
            --end;
            if (end > i + 1 && is_word(end - 1) && !capitalised(end - 1) && is_one_of(text_of(end - 1), lex_.of_words)) --end;
        }
        if (lex_.name != "en" && end > i) end = coordinated_end(end);
        return {i, end};
    }

    /// The first token at or after `i` past adjectives on a name's ties ("US-based", "Iran-backed",
    /// "al-Qaeda-linked": words joined by hyphens, the last a tie participle), so long as a word
    /// follows them.
    [[nodiscard]] std::size_t past_ties(std::size_t i) const
    {
        for (;;) {
            std::size_t j = i;
            while (is_word(j) && is(j + 1, token_kind::dash) && tokens_[j + 1].joined && is_word(j + 2) && tokens_[j + 2].joined)
                j += 2;
            if (j == i || !is_one_of(text_of(j), lex_.tie_participles) || !is_word(j + 1)) return i;
            i = j + 1;
        }
    }

    /// Whether a source's name tells by itself which body it is: a UN body, an NGO, a medium, a
    /// dataset, an armed group or a named party ("International Organization for Migration",
    /// "Houthi rebels"); a ministry, an army or officials are only somebody's.
    [[nodiscard]] bool names_itself(const source& s) const noexcept
    {
        return s.kind == source_kind::un_body || s.kind == source_kind::ngo || s.kind == source_kind::media ||
               s.kind == source_kind::dataset || s.kind == source_kind::armed_group || !s.party.empty();
    }

    /// The core of a source's name [first, second): the words that tell who spoke, without those
    /// that only describe it.
    /// - "Yemen's Iran-backed Houthi rebels", "the UN's International Organization for Migration":
    ///   a possessor, and adjectives on ties, before a name that tells its own body say whose (or
    ///   whose ally) the body is. "Afghanistan's Ministry of Public Health" and "Ukraine's military"
    ///   keep theirs: a ministry or an army is only the country's.
    /// - "the head of Al Jumhouri hospital in Hajjah": a place after the common noun of a named
    ///   institution says where the institution is. "Security officials in Helmand" and "a senior
    ///   health official in Kabul" keep theirs (no institution is named), and so does the "United
    ///   Nations Assistance Mission in Afghanistan" (the place is a word of the capitalised name).
    [[nodiscard]] std::pair<std::size_t, std::size_t> core_name(std::pair<std::size_t, std::size_t> name) const
    {
        auto [b, e] = name;
        {
            std::size_t k = b;
            while (k < e && (capitalised(k) || ((is(k, token_kind::period) || is(k, token_kind::dash)) && tokens_[k].joined && k > b)))
                ++k;
            if (k > b && k + 2 < e && is(k, token_kind::apostrophe) && tokens_[k].joined && word(k + 1, "s") &&
                tokens_[k + 1].joined) {
                const std::size_t rest = past_ties(k + 2);
                if (rest < e && names_itself(make_source(text_between(rest, e)))) b = rest;
            }
        }
        if (const std::size_t rest = past_ties(b); rest < e) b = rest;
        if (!lex_.place_prepositions.empty()) {
            for (std::size_t p = b + 2; p + 1 < e; ++p) {
                if (!is_word(p) || capitalised(p) || !is_one_of(text_of(p), lex_.place_prepositions)) continue;
                if (!is_word(p - 1) || capitalised(p - 1)) break;
                bool named = false;
                for (std::size_t k = b + 1; k + 1 < p && !named; ++k) named = capitalised(k);
                bool place = true;
                for (std::size_t k = p + 1; k < e && place; ++k) {
                    place = capitalised(k) || (k == p + 1 && word(k, "the")) || in_word_mark(k);
                }
                if (named && place) e = p;
                break;
            }
        }
        return {b, e};
    }

    /// A word that can end a coordination of sources: lower-case, no number, category,
    /// article, auxiliary or stop of a name ("militaire" in "sources sécuritaire et militaire").
    [[nodiscard]] bool is_plain_name_word(std::size_t k) const
    {
        if (!is_word(k) || capitalised(k) || starts_mention(k)) return false;
        const std::string_view w = text_of(k);
        return !is_name_stop(w) && !lookup_category(lex_, w) && !is_one_of(w, lex_.name_articles) &&
               !is_one_of(w, lex_.of_words) && !is_one_of(w, lex_.auxiliaries) && !is_one_of(w, lex_.to_recipient) &&
               !is_one_of(w, lex_.by_agent) && !is_one_of(w, lex_.report_times);
    }

    /// Where a name ending at `end` ends with the sources named together with it: "sources
    /// sécuritaire et militaire", "sources sécuritaires, humanitaires et locales" (adjectives of one
    /// noun), "un élu local et une source de sécurité malienne", "la source policière et Oumar
    /// Guindo" (a second name, which closes the clause). A name that goes on into a clause ("et les
    /// assaillants ont fui") is no second source.
    [[nodiscard]] std::size_t coordinated_end(std::size_t end) const
    {
        const auto closes = [&](std::size_t k) {
            std::size_t j = k;
            while (is_word(j) && is_one_of(text_of(j), lex_.report_times)) ++j;
            return j >= tokens_.size() || !is_word(j);
        };
        std::size_t j = end;
        while (is(j, token_kind::comma) && is_plain_name_word(j + 1) && (is(j + 2, token_kind::comma) ||
                                                                          (is_word(j + 2) && is_one_of(text_of(j + 2), lex_.conjunctions))))
            j += 2;
        if (!is_word(j) || !is_one_of(text_of(j), lex_.conjunctions)) return end;
        if (is_plain_name_word(j + 1) && closes(j + 2)) return j + 2;
        if (j != end) return end;
        if (!(capitalised(j + 1) || (is_word(j + 1) && is_one_of(text_of(j + 1), lex_.name_articles))) ||
            starts_mention(j + 1))
            return end;
        std::size_t first = j + 1;
        while (const std::size_t article = article_at(first, lex_.name_articles, true)) first += article;
        std::size_t second = first;
        std::size_t words = 0;
        while (second < tokens_.size() && words < 6) {
            if (is_word(second)) {
                const std::string_view w = text_of(second);
                if (starts_mention(second) || is_name_stop(w) || is_one_of(w, lex_.auxiliaries) ||
                    is_one_of(w, lex_.report_times) || is_one_of(w, lex_.to_recipient) || lookup_category(lex_, w))
                    break;
                ++words;
                ++second;
                continue;
            }
            if (in_word_mark(second) && second > first) {
                ++second;
                continue;
            }
            break;
        }
        if (second == first || !is_word(second - 1) || !closes(second)) return end;
        return second;
    }

    [[nodiscard]] static bool is_name_particle(std::string_view w) noexcept
    {
        for (std::string_view p : {"al", "el", "bin", "ibn", "de", "da", "van", "von", "abu"}) {
            if (iequals(w, p)) return true;
        }
        return false;
    }

    [[nodiscard]] static bool is_spokesperson(std::string_view w) noexcept
    {
        for (std::string_view p : {"spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokesmen"}) {
            if (iequals(w, p)) return true;
        }
        return false;
    }

    /// A person's name at the end of a subject, after a description of them: "local resident Samson
    /// Bulus" is Samson Bulus, "Ukrainian military spokesperson Serhiy Cherevatyi" is Serhiy
    /// Cherevatyi; but "Nigerian Air Force spokesperson Ehimen Ejodame" speaks for the Nigerian Air
    /// Force, whose name is all capitalised. Returns the narrowed range.
    [[nodiscard]] std::pair<std::size_t, std::size_t> name_in_subject(std::size_t b, std::size_t e) const
    {
        std::size_t k = e;
        std::size_t capitals = 0;
        while (k > b) {
            const std::size_t t = k - 1;
            if (capitalised(t)) {
                ++capitals;
                --k;
                continue;
            }
            if ((is(t, token_kind::dash) || is(t, token_kind::apostrophe) || is(t, token_kind::period)) &&
                tokens_[t].joined && k < e) {
                --k;
                continue;
            }
            if (is_word(t) && is_name_particle(text_of(t)) && k < e) {
                --k;
                continue;
            }
            break;
        }
        // "le préfet de Mayo Tsanaga": a particle in lower case opens no name; it is the "de" of
        // the place the descriptor is of ("Charles de Gaulle" keeps its particle inside).
        while (k < e && is_word(k) && !capitalised(k) && is_name_particle(text_of(k))) ++k;
        if (capitals < 2 || k == b || !is_word(k - 1)) return {b, e};
        const std::size_t descriptor = k - 1;
        const std::string_view d = text_of(descriptor);
        for (std::string_view stop : {"of", "for", "in", "at", "from", "and", "the", "by", "with", "on", "to", "a", "an"}) {
            if (iequals(d, stop)) return {b, e};
        }
        if (is_one_of(d, lex_.conjunctions)) return {b, e};  // "la source policière et Oumar Guindo"
        // "une source de la Défense du Burkina Faso": the capitalised words name the body it is of.
        if (lex_.name != "en" && (is_one_of(d, lex_.of_words) || is_one_of(d, lex_.name_articles))) return {b, e};

        if (is_spokesperson(d) && descriptor > b) {
            bool organisation = true;
            for (std::size_t t = b; t < descriptor; ++t) {
                if (is_word(t) && !capitalised(t) && !word(t, "of") && !word(t, "the")) organisation = false;
            }
            if (organisation) return {b, descriptor};
        }
        return {k, e};
    }

    [[nodiscard]] static bool is_weekday(std::string_view w) noexcept
    {
        for (std::string_view d : {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}) {
            if (iequals(w, d)) return true;
        }
        return false;
    }
};

}  // namespace toll::detail
