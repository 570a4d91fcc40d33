#pragma once
// The figures in a text ("mentions"): where each stands, found with the figure grammar, with
// dates, times, ordinals and sizes set aside; and the indexes that make questions about them
// constant-time.
#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <toll/claim.hpp>
#include <toll/figure.hpp>
#include <toll/parse/detail/field_text.hpp>
#include <toll/parse/detail/figure_grammar.hpp>
#include <toll/source.hpp>

namespace toll::detail {

class mention_reader : public field_text {
public:
    using field_text::field_text;

protected:
    struct mention {
        std::size_t first = 0;  ///< token range of the figure
        std::size_t last = 0;
        figure value{};
        text_span span{};
        std::optional<category> cat{};
        std::optional<category> cat2{};   ///< "killed and kidnapped": a second claim
        bool cat_from_left = false;
        std::optional<group> grp{};
        std::size_t scan_end = 0;  ///< first token after the words read as this figure's
        bool person_count = true;
        std::optional<source_chain> src{};
        bool linked_to_previous = false;
        bool alias = false;  ///< "the same number": the figure (and group) of the claim before
        bool people_noun = false;  ///< the category word names the people ("hostages", "bodies")
        bool article_count = false;  ///< "A child and a woman were killed": one per article, the nouns its words
        bool cat_from_sentence = false;
        bool cat_shared = false;  ///< the category came from a predicate the next figure shares
        bool unharmed = false;    ///< "found alive": no category reaches it from the figures beside it
        /// "Russian forces lost 12 soldiers": the party whose loss the verb before the figure says.
        std::string_view loser_party{};
        /// "including 14 children": the figure (by index) whose subset this one counts.
        std::optional<std::size_t> subset_of{};  ///< "put the figure at 150": the category is the sentence's
    };

    // ---- figures -------------------------------------------------------------------------------

    /// Numbers that are dates, times, ordinals, sizes, parts of names: not counts of people.
    /// Numbers that are dates, times, ages, ordinals, sizes, parts of names: not counts of
    /// people. Returns why (a note's code), or parse_errc::empty for a count.
    [[nodiscard]] parse_errc set_aside(std::size_t first, std::size_t last, const figure_scan& scan) const
    {
        using enum parse_errc;
        const token& head = tokens_[first];
        const auto word_in = [&](std::size_t k, std::span<const std::string_view> words) {
            return is_word(k) && is_one_of(text_of(k), words);
        };
        if (first > 0 && head.joined && head.kind == token_kind::number &&
            (is_word(first - 1) || is(first - 1, token_kind::number)) &&
            !(is_word(first - 1) && lookup_category(lex_, text_of(first - 1))))
            return part_of_name;  // "G5", "M23"; but "Deaths53" is a label and its figure
        if (word_in(last, lex_.ordinal_suffixes) && tokens_[last].joined) return ordinal;  // "3rd"
        // "23/03/2019": numbers joined by slashes are a date; "20:09" after its hour is a time.
        if ((is(first + 1, token_kind::slash) && tokens_[first + 1].joined && is(first + 2, token_kind::number) &&
             tokens_[first + 2].joined) ||
            (first >= 2 && is(first - 1, token_kind::slash) && head.joined && is(first - 2, token_kind::number)))
            return date;
        if (first >= 2 && is(first - 1, token_kind::colon) && head.joined && is(first - 2, token_kind::number) &&
            tokens_[first - 1].joined)
            return time;
        if (word_in(last, lex_.time_words)) return time;                                   // "3pm", "3 pm"
        if (is(last, token_kind::colon) && is(last + 1, token_kind::number) && tokens_[last].joined &&
            tokens_[last + 1].joined)
            return time;  // 2:30
        if (first > 0 && is_word(first - 1) && is_month(lex_, text_of(first - 1))) return date;  // "March 27"
        if (is_word(last) && is_month(lex_, text_of(last))) return date;                        // "27 March"
        if (first > 0 && any_phrase_before(lex_.age_words_before, first)) return age;           // "aged 25"
        // "within the ages of 13 and 28", "aged 18 or 19": a number joined to an age is one too.
        const auto joins_range = [&](std::size_t k) {
            for (const range_joiner& j : lex_.range_joiners) {
                if (is_word(k) && iequals(text_of(k), j.word)) return true;
            }
            return false;
        };
        if (first >= 2 && (word_in(first - 1, lex_.conjunctions) || joins_range(first - 1)) &&
            (is(first - 2, token_kind::number) ||
             (is_word(first - 2) && lookup_number_word(lex_, text_of(first - 2)).kind != number_word_kind::none)) &&
            any_phrase_before(lex_.age_words_before, first - 2))
            return age;
        if (is(last, token_kind::dash) && tokens_[last].joined && is_word(last + 1) && tokens_[last + 1].joined) {
            // "20-year-old" is an age; "nine-day", "two-year" are durations or sizes.
            if (word_in(last + 1, lex_.age_units) && is(last + 2, token_kind::dash) && word_in(last + 3, lex_.age_old))
                return age;
            return count_of_things;
        }
        if (is_word(last) && is_non_person_unit(lex_, text_of(last))) return count_of_things;  // "19 vehicles"
        if (is(last, token_kind::other) && text_of(last) == "%") return count_of_things;
        if (first > 0 && is(first - 1, token_kind::other) && (text_of(first - 1) == "$" || text_of(first - 1) == "#"))
            return count_of_things;
        // A year: four digits from 1900 to 2099, ungrouped, unless people follow it.
        if (last == first + 1 && head.kind == token_kind::number && !head.grouped && head.decimals == 0 &&
            head.size() == 4 && head.mantissa >= 1900 && head.mantissa <= 2099 &&
            scan.value.qualifier() == qualifier::exact) {
            const bool people_follow =
                is_word(last) && (lookup_group(lex_, text_of(last)) || lookup_category(lex_, text_of(last)));
            if (!people_follow) return year;
        }
        return empty;
    }

    /// Whether one of `phrases` ends right before token `at` ("aged" 25, "ages of" 13).
    [[nodiscard]] bool any_phrase_before(std::span<const std::string_view> phrases, std::size_t at) const
    {
        for (std::size_t back = 1; back <= 3 && back <= at; ++back) {
            for (std::string_view p : phrases) {
                if (any_phrase(std::span<const std::string_view>{&p, 1}, at - back) == back) return true;
            }
        }
        return false;
    }

    /// A note for a number read and set aside: why it is no claim.
    void note(std::size_t begin, std::size_t end, parse_errc code)
    {
        diagnostic d = make_diagnostic(text_, begin, end, code);
        d.severity = severity::note;
        diagnostics_.push_back(std::move(d));
    }

    /// Adds a mention of `value` made of the `words` tokens from `first`, and consumes them.
    void add_word_mention(std::size_t first, std::size_t words, const figure& value)
    {
        mention m;
        m.first = first;
        m.last = first + words;
        m.value = value;
        m.span = {tokens_[first].begin, tokens_[first + words - 1].end - tokens_[first].begin};
        m.scan_end = first + words;
        mentions_.push_back(m);
        for (std::size_t k = first; k < m.last; ++k) consumed_[k] = true;
    }

    void find_mentions()
    {
        std::size_t i = 0;
        while (i + 1 < tokens_.size()) {
            // "injuring the same number": the figure of the claim before, with a category of its own.
            if (!mentions_.empty() && i > 0 && is_word(i - 1)) {
                const auto verb = lookup_category(lex_, text_of(i - 1));
                std::size_t alias = 0;
                if ((word(i, "the") && word(i + 1, "same") && (word(i + 2, "number") || word(i + 2, "amount"))) ||
                    (word(i, "an") && word(i + 1, "equal") && word(i + 2, "number")))
                    alias = 3;
                else if (word(i, "as") && word(i + 1, "many") && !word(i + 2, "as"))
                    alias = 2;
                if (alias != 0 && verb && verb->form != category_form::noun_or_participle) {
                    mention m = mentions_.back();
                    m.first = i;
                    m.last = i + alias;
                    m.span = {tokens_[i].begin, tokens_[i + alias - 1].end - tokens_[i].begin};
                    m.cat = verb->category;
                    m.cat2.reset();
                    m.cat_from_left = true;
                    m.src.reset();
                    m.alias = true;
                    m.grp.reset();
                    mentions_.push_back(m);
                    i += alias;
                    continue;
                }
            }
            // "Il y a aussi des blessés", "faisant des victimes", "10 blessés et des disparus": the
            // plural article before a category noun counts several, after a verb, a conjunction or
            // a comma; after a noun it is "de les" ("le bilan des morts").
            if (mode_ == text_mode::sentence && !lex_.plural_article.empty() && word(i, lex_.plural_article) &&
                (i == 0 || !is_word(i - 1) || is_one_of(text_of(i - 1), lex_.plural_article_after))) {
                std::size_t noun = i + 1;
                if (word(noun, "portés")) ++noun;  // "des portés disparus"
                const auto c = is_word(noun) ? lookup_category(lex_, text_of(noun)) : std::nullopt;
                // "Des rescapés ont affirmé": survivors named by the article alone are speakers,
                // no count.
                if (c && c->form != category_form::active && c->category != category::other) {
                    add_word_mention(i, 1, figure::vague(vague_word::several, options_.table));
                    ++i;
                    continue;
                }
            }
            // "On signale que des militaires sont toujours portés disparus": the plural article
            // before a group word that is the subject of a predicate of harm counts several of the
            // group (a speaker, "des militaires ont affirmé", is no count).
            if (mode_ == text_mode::sentence && !lex_.plural_article.empty() && word(i, lex_.plural_article) &&
                (i == 0 || !is_word(i - 1) || is_one_of(text_of(i - 1), lex_.plural_article_after) ||
                 is_one_of(text_of(i - 1), lex_.clause_openers)) &&
                is_word(i + 1) && lookup_group(lex_, text_of(i + 1)) && is_word(i + 2) &&
                is_one_of(text_of(i + 2), lex_.auxiliaries)) {
                std::size_t v = i + 3;
                while (v < i + 6 && is_word(v) && !lookup_category(lex_, text_of(v)) &&
                       (is_link_word(lex_, text_of(v)) || word(v, "toujours") || word(v, "encore")))
                    ++v;
                const auto c = is_word(v) ? lookup_category(lex_, text_of(v)) : std::nullopt;
                // "des terroristes ont enlevé 20 personnes": with "avoir" and no "été", the verb is
                // what the group did, not what befell it; "être" makes it befall them.
                bool befell = c && c->form == category_form::noun_or_participle;
                for (std::size_t a = i + 2; a < v && !befell; ++a) {
                    for (std::string_view be : {"été", "sont", "est", "étaient", "était", "seraient", "serait"})
                        befell = befell || word(a, be);
                }
                if (c && befell && c->category != category::other) {
                    add_word_mention(i, 1, figure::vague(vague_word::several, options_.table));
                    ++i;
                    continue;
                }
            }
            // "plusieurs dizaines de personnes, dont des civils": after "dont" (of whom) or "y
            // compris", the plural article before a group word counts several of that group, and
            // so does the next one of the list ("dont des femmes et des enfants"). "notamment des
            // civils et des militaires" says who the people were, no subset counted apart.
            if (mode_ == text_mode::sentence && !lex_.plural_article.empty() && word(i, lex_.plural_article) &&
                !mentions_.empty() && i > 0 && i >= 3 && is_word(i - 1) && is_word(i + 1) && lookup_group(lex_, text_of(i + 1)) &&
                (opens_subset(i - 1) || (word(i - 1, "et") && subset_article_at(i - 3)))) {
                add_word_mention(i, 1, figure::vague(vague_word::several, options_.table));
                ++i;
                continue;
            }
            // "12 blessés et d'autres sont portés disparus": several more, of the category after them.
            // "une vingtaine d'autres" is that figure's.
            if (mode_ == text_mode::sentence && !lex_.others_phrase.empty() &&
                (mentions_.empty() || mentions_.back().last != i) &&
                any_phrase(std::span<const std::string_view>{&lex_.others_phrase, 1}, i) == 3) {
                std::size_t k = i + 3;
                while (k < i + 7 && is_word(k) && is_link_word(lex_, text_of(k)) && !lookup_category(lex_, text_of(k))) ++k;
                const auto c = k > i + 3 && is_word(k) ? lookup_category(lex_, text_of(k)) : std::nullopt;
                if (c && c->form != category_form::active) {
                    add_word_mention(i, 3, figure::vague(vague_word::several, options_.table));
                    i += 3;
                    continue;
                }
            }
            // "six others wounded and another kidnapped": one more, of the category after it.
            if (mode_ == text_mode::sentence && word(i, "another") && is_word(i + 1) && !mentions_.empty()) {
                const auto c = lookup_category(lex_, text_of(i + 1));
                if (c && c->form != category_form::active) {
                    add_word_mention(i, 1, figure::exact(1));
                    ++i;
                    continue;
                }
            }
            // "the attackers abducted others": people the verb names no count of, an unknown number.
            if (mode_ == text_mode::sentence && i > 0 && is_word(i) && is_one_of(text_of(i), lex_.restating_words) &&
                is_word(i - 1) && !starts_mention(i + 1)) {
                const auto verb = lookup_category(lex_, text_of(i - 1));
                // Only where the word ends the phrase or people follow it ("killed other villagers");
                // "killed more than 20" is a figure.
                const bool ends = !is_word(i + 1) || lookup_group(lex_, text_of(i + 1)) ||
                                  is_one_of(text_of(i + 1), lex_.scene_prepositions);
                if (verb && verb->form != category_form::noun_or_participle && ends) {
                    add_word_mention(i, 1, figure::unknown());
                    ++i;
                    continue;
                }
            }
            // "with considerable casualties on both sides": many, in the noun's category.
            if (mode_ == text_mode::sentence && is_word(i) && is_one_of(text_of(i), lex_.heavy_words) &&
                is_word(i + 1)) {
                const auto noun = lookup_category(lex_, text_of(i + 1));
                if (noun && noun->form == category_form::noun_or_participle && !noun->people_noun) {
                    add_word_mention(i, 1, figure::vague(vague_word::many, options_.table));
                    ++i;
                    continue;
                }
            }
            if (mode_ == text_mode::sentence && read_killing_of_person(i)) {
                i = mentions_.back().last;
                continue;
            }
            if (mode_ == text_mode::sentence && read_article_count(i)) {
                i = mentions_.back().last;
                continue;
            }
            vector_cursor cursor{tokens_, i};
            figure_reader<vector_cursor> reader{cursor, text_, options_.table, lex_};
            figure_scan scan;
            reader.read(scan);
            if (scan.status == figure_scan::no_figure) {
                ++i;
                continue;
            }
            const std::size_t last = i + std::max<std::size_t>(scan.tokens, 1);
            if (scan.status == figure_scan::error) {
                diagnostics_.push_back(make_diagnostic(text_, scan.begin, scan.end, scan.code, scan.reason));
                for (std::size_t k = i; k < last && k < consumed_.size(); ++k) consumed_[k] = true;
                i = last;
                continue;
            }
            // "une embuscade", "un camp": an article that is also the number one counts only the
            // people or the category named right after it ("un civil", "un blessé").
            if (scan.tokens == 1 && is_word(i) && is_one_of(text_of(i), lex_.ambiguous_ones) &&
                !(is_word(last) && (lookup_group(lex_, text_of(last)) || lookup_category(lex_, text_of(last)) ||
                                    is_one_of(text_of(last), lex_.alone_words)))) {
                note(scan.begin, scan.end, parse_errc::no_category);
                consumed_[i] = true;
                ++i;
                continue;
            }
            // "Unknown gunmen killed 2 people": an adjective of the people named after it, not a figure.
            if (scan.value.is_unknown() && mode_ == text_mode::sentence && is_word(last) &&
                lookup_group(lex_, text_of(last))) {
                ++i;
                continue;
            }
            if (const parse_errc why = set_aside(i, last, scan); why != parse_errc::empty) {
                note(scan.begin, scan.end, why);
                for (std::size_t k = i; k < last; ++k) consumed_[k] = true;  // read, and rightly set aside
                i = last;
                continue;
            }
            // "Onze (11)", "Cent quinze (115)": the figure written again in digits is the same one.
            std::size_t end = last;
            if (is(last, token_kind::open_paren) && is(last + 1, token_kind::number) &&
                is(last + 2, token_kind::close_paren) && scan.value.qualifier() == qualifier::exact &&
                !is(i, token_kind::number) && tokens_[last + 1].mantissa == *scan.value.stated() &&
                tokens_[last + 1].decimals == 0)
                end = last + 3;
            mention m;
            m.first = i;
            m.last = end;
            m.value = scan.value;
            m.span = {scan.begin, (end == last ? scan.end : tokens_[end - 1].end) - scan.begin};
            m.scan_end = end;
            if (scan.zero_category) m.cat = scan.zero_category;
            mentions_.push_back(m);
            for (std::size_t k = i; k < end; ++k) consumed_[k] = true;
            i = end;
        }
        if (mode_ == text_mode::sentence) join_framed_ranges();
    }

    /// "A child and a woman were killed", "a soldier was wounded": in prose, an article before a
    /// group word in the singular, alone or joined by "and" to more, counts one person each when
    /// a predicate follows (an auxiliary or a category word). Records the figure and says whether
    /// there was one.
    bool read_article_count(std::size_t i)
    {
        const auto article = [&](std::size_t k) {
            return is_word(k) && is_one_of(text_of(k), lex_.articles) && !is_one_of(text_of(k), lex_.exact_articles);
        };
        if (!lex_.ambiguous_ones.empty()) return false;  // "un", "une": read as the number one already
        if (!article(i) || (i > 0 && is_word(i - 1) && !is_sentence_start(i) &&
                            !is_one_of(text_of(i - 1), lex_.conjunctions) && !is_one_of(text_of(i - 1), lex_.including) &&
                            !is_reporting_verb(lex_, text_of(i - 1)) && !word(i - 1, "that")))
            return false;
        std::size_t k = i;
        count_type n = 0;
        for (;;) {
            if (!article(k) || !is_word(k + 1) || !lookup_group(lex_, text_of(k + 1)) || !singular_group_word(k + 1))
                return false;
            ++n;
            k += 2;
            if (word(k, "and") && article(k + 1)) {
                ++k;
                continue;
            }
            break;
        }
        if (!is_word(k) || !(is_one_of(text_of(k), lex_.auxiliaries) || lookup_category(lex_, text_of(k)))) return false;
        mention m;
        m.first = i;
        m.last = k;
        m.value = figure::exact(n);
        m.span = {tokens_[i].begin, tokens_[k - 1].end - tokens_[i].begin};
        m.scan_end = k;
        m.article_count = true;
        mentions_.push_back(m);
        for (std::size_t t = i; t < k; ++t) consumed_[t] = true;
        return true;
    }

    /// "After the killing of West Darfur governor Khamis Abakar": a noun of killing, "of", words
    /// that end in a common noun (an office or trade) and a person's capitalised name kill one
    /// person, in the group those words name. Records the figure and says whether there was one.
    bool read_killing_of_person(std::size_t i)
    {
        if (!is_word(i) || !is_one_of(text_of(i), lex_.killing_of_nouns) || !is_word(i + 1) ||
            !is_one_of(text_of(i + 1), lex_.of_words))
            return false;
        std::size_t d = i + 2;
        while (is_word(d) && is_one_of(text_of(d), lex_.name_articles)) ++d;
        std::size_t title_end = 0;  // one past the last common noun of the office
        std::size_t k = d;
        for (; k < d + 6 && is_word(k); ++k) {
            const std::string_view w = text_of(k);
            if (lookup_number_word(lex_, w).kind != number_word_kind::none) return false;
            if (capitalised(k)) {
                if (title_end != 0) break;  // the name starts
                continue;
            }
            if (lookup_group(lex_, w) || lookup_category(lex_, w) || is_link_word(lex_, w) ||
                is_one_of(w, lex_.conjunctions))
                return false;
            title_end = k + 1;
        }
        if (title_end == 0) return false;
        std::size_t name_end = title_end;
        while (name_end < title_end + 4 && capitalised(name_end)) ++name_end;
        if (name_end < title_end + 2) return false;
        // "the killing of the group's leader Ali Musa's son": a possessive goes on.
        if (is(name_end, token_kind::apostrophe) || is(name_end, token_kind::number)) return false;
        add_word_mention(d, name_end - d, figure::exact(1));
        mention& m = mentions_.back();
        m.cat = category::killed;
        m.cat_from_left = true;
        m.grp = group::named(text_between(d, title_end));
        for (std::size_t t = i; t < d; ++t) consumed_[t] = true;
        return true;
    }

    /// Whether the last mention is the plural article of a subset at `k` ("dont des femmes").
    [[nodiscard]] bool subset_article_at(std::size_t k) const
    {
        return k > 0 && k < tokens_.size() && !mentions_.empty() && mentions_.back().first == k &&
               mentions_.back().last == k + 1 && opens_subset(k - 1);
    }

    /// Whether the word at k ends a phrase that opens a subset counted apart: "dont" (of whom),
    /// "y compris", "comprenant" (including). "notamment" (notably) describes, and counts none.
    [[nodiscard]] bool opens_subset(std::size_t k) const
    {
        return word(k, "dont") || word(k, "comprenant") || (k > 0 && word(k, "compris") && word(k - 1, "y"));
    }

    /// Whether the group word at k is in the singular: one the table spells with a fixed plural
    /// label ("child": "children"), or one whose text does not end as a plural does.
    [[nodiscard]] bool singular_group_word(std::size_t k) const
    {
        const auto g = lookup_group(lex_, text_of(k));
        if (!g) return false;
        if (!g->label.empty()) return !iequals(text_of(k), g->label);
        const std::string_view w = text_of(k);
        const bool men = w.size() >= 3 && iequals(w.substr(w.size() - 3), "men");
        return !w.empty() && lower(w.back()) != 's' && !men && !iequals(w, "people") && !iequals(w, "police") &&
               !iequals(w, "personnel") && !iequals(w, "children");
    }

    /// "range from at least 281 people to 1,729": a range's frame around two figures, with a
    /// bound or the people's noun on its low end, is one range from the low to the high.
    void join_framed_ranges()
    {
        for (std::size_t p = 0; p + 1 < mentions_.size(); ++p) {
            mention& a = mentions_[p];
            const mention& b = mentions_[p + 1];
            if (a.first == 0 || !is_word(a.first - 1) || a.cat || b.cat) continue;
            const range_frame* frame = nullptr;
            for (const range_frame& f : lex_.range_frames) {
                if (iequals(text_of(a.first - 1), f.open)) frame = &f;
            }
            if (!frame || b.first == 0 || !word(b.first - 1, frame->join)) continue;
            const std::size_t words = b.first - 1 - a.last;
            if (words > 1 || (words == 1 && !(is_word(a.last) && lookup_group(lex_, text_of(a.last))))) continue;
            const qualifier q = a.value.qualifier();
            if (!(q == qualifier::exact || q == qualifier::at_least || q == qualifier::approximately) ||
                b.value.qualifier() != qualifier::exact || !a.value.stated() || !b.value.stated() ||
                *b.value.stated() <= *a.value.stated())
                continue;
            a.value = figure::range(*a.value.stated(), *b.value.stated());
            a.span = {a.span.offset, b.span.offset + b.span.length - a.span.offset};
            a.last = b.last;
            a.scan_end = b.scan_end;
            for (std::size_t k = a.first - 1; k < a.last; ++k) consumed_[k] = true;
            mentions_.erase(mentions_.begin() + static_cast<std::ptrdiff_t>(p + 1));
        }
    }

    [[nodiscard]] bool starts_mention(std::size_t i) const noexcept
    {
        return i < mention_start_.size() && mention_start_[i];
    }

    /// The last figure that starts before token i, if any (mentions are in text order).
    [[nodiscard]] const mention* last_mention_before(std::size_t i) const noexcept
    {
        const auto it = std::lower_bound(mentions_.begin(), mentions_.end(), i,
                                         [](const mention& m, std::size_t at) { return m.first < at; });
        return it == mentions_.begin() ? nullptr : &*(it - 1);
    }

    [[nodiscard]] bool is_sentence_start(std::size_t i) const noexcept
    {
        return i == 0 || sentence_[i - 1] != sentence_[i] || is(i - 1, token_kind::quote);
    }

    /// Whether the reporting verb at i is a word of a name: capitalised after a capitalised word
    /// inside a sentence that is not in title case ("the United States military"; but "UN Says 20
    /// Killed" is a headline's verb). It neither reports nor ends a figure's words.
    [[nodiscard]] bool reporting_word_in_name(std::size_t i) const
    {
        // Only a capital A-Z tells: an accented small letter ("évoque") counts as capitalised elsewhere.
        const auto upper = [this](std::size_t k) {
            const char c = text_[tokens_[k].begin];
            return is_word(k) && c >= 'A' && c <= 'Z';
        };
        if (i == 0 || !upper(i) || !capitalised(i - 1) || is_sentence_start(i)) return false;
        std::size_t words = 0;
        std::size_t capitals = 0;
        for (std::size_t k = 0; k < tokens_.size(); ++k) {
            if (sentence_[k] != sentence_[i] || !is_word(k)) continue;
            ++words;
            if (capitalised(k)) ++capitals;
        }
        return capitals * 5 < words * 3;
    }

    [[nodiscard]] bool in_mention(std::size_t i) const noexcept
    {
        return i < mention_cover_.size() && mention_cover_[i];
    }

    /// Marks where figures start and which tokens they and their words cover, so that the
    /// questions above take constant time and long texts stay linear.
    void index_mentions(bool with_words)
    {
        mention_start_.assign(tokens_.size(), false);
        mention_cover_.assign(tokens_.size(), false);
        for (const mention& m : mentions_) {
            mention_start_[m.first] = true;
            const std::size_t end = with_words ? std::max(m.last, m.scan_end) : m.last;
            for (std::size_t k = m.first; k < end && k < tokens_.size(); ++k) mention_cover_[k] = true;
        }
    }

    std::vector<bool> mention_start_;
    std::vector<bool> mention_cover_;
    std::vector<mention> mentions_;
};

}  // namespace toll::detail
