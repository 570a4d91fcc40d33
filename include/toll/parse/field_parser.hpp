#pragma once
// Reads the claims in an infobox cell ("30–62 killed, 15 injured, 2–3 kidnapped",
// "300 civilians killed (per Human Rights Watch), 500 killed (UN)", "Per Mali: 203 killed") or
// in a sentence of news prose ("RFI, citing residents, stated fifty people were killed").
//
// Each claim gets the category and group the words around its figure give, the source the text
// attributes it to (origin in claim.source.origin, relays in claim.source.via), the whole input as
// claim.text and the byte span of the figure as claim.span. What could not be read comes back as
// diagnostics beside the claims; the calls never throw (short of running out of memory).
//
// Reading is by rules, not by understanding: see docs in the tests for the forms it knows. The
// reader is built in layers, one concept per header under parse/detail/: field_text (tokens,
// sentences, clauses), mentions (figures), groups, clauses (the words around a figure, lists),
// source_names, attributions, cells; field_reader below puts the claims together.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <toll/category.hpp>
#include <toll/claim.hpp>
#include <toll/figure.hpp>
#include <toll/group.hpp>
#include <toll/parse/detail/cells.hpp>
#include <toll/parse/detail/lexicon_en.hpp>
#include <toll/parse/field_options.hpp>
#include <toll/parse/figure_parser.hpp>
#include <toll/parse/parse_result.hpp>
#include <toll/source.hpp>
#include <toll/vague_words.hpp>

namespace toll {

namespace detail {

class field_reader : public cell_reader {
public:
    field_reader(std::string_view text, text_mode mode, const field_options& options)
        : cell_reader{text, mode, options, lexicon_for(options.language, text)}
    {
    }

    parse_result<std::vector<claim>> read()
    {
        lex();
        if (tokens_.size() == 1) {
            if (mode_ == text_mode::cell) diagnostics_.push_back(make_diagnostic(text_, 0, text_.size(), parse_errc::empty));
            return {std::vector<claim>{}, std::move(diagnostics_), options_.table};
        }
        mark_clauses();
        find_mentions();
        index_mentions(false);
        for (std::size_t m = 0; m < mentions_.size(); ++m) read_words_around(m);
        index_mentions(true);
        for (std::size_t m = 1; m < mentions_.size(); ++m) {
            if (mentions_[m].alias && !mentions_[m].grp) mentions_[m].grp = mentions_[m - 1].grp;
        }
        link_mentions();
        borrow_sentence_categories();
        find_attributions();
        index_attributions();
        std::vector<claim> claims = make_claims();
        if (mode_ == text_mode::cell) report_unread();
        report_silent_numbers(claims);
        std::sort(diagnostics_.begin(), diagnostics_.end(),
                  [](const diagnostic& a, const diagnostic& b) { return a.offset < b.offset; });
        return {std::move(claims), std::move(diagnostics_), options_.table};
    }

private:
    /// Never silent: a digit run or number word that no claim and no diagnostic covers (a count
    /// read into a source's name, "Two security sources told") gets a note of its own.
    void report_silent_numbers(const std::vector<claim>& claims)
    {
        std::vector<std::pair<std::size_t, std::size_t>> covered;
        for (const claim& c : claims) {
            if (c.span) covered.emplace_back(c.span->offset, c.span->offset + c.span->length);
        }
        for (const diagnostic& d : diagnostics_) covered.emplace_back(d.offset, d.offset + d.length);
        std::sort(covered.begin(), covered.end());
        const auto is_covered = [&](const token& t) {
            auto it = std::upper_bound(covered.begin(), covered.end(), std::pair{t.begin, ~std::size_t{0}});
            // Spans do not nest much: look back over the few that start before the token.
            for (int steps = 0; it != covered.begin() && steps < 8; ++steps) {
                --it;
                if (it->first <= t.begin && t.end <= it->second) return true;
            }
            return false;
        };
        for (std::size_t i = 0; i + 1 < tokens_.size(); ++i) {
            const token& t = tokens_[i];
            const bool number = t.kind == token_kind::number ||
                                (t.kind == token_kind::word &&
                                 lookup_number_word(lex_, text_of(i)).kind != number_word_kind::none &&
                                 !lookup_number_word(lex_, text_of(i)).has(glued_only));
            if (!number || is_covered(t)) continue;
            const bool in_name = consumed_[i];
            note(t.begin, t.end, in_name ? parse_errc::part_of_name : parse_errc::not_understood);
        }
    }

    /// Whether a figure is a number alone, in digits or words, with no word that bounds it.
    [[nodiscard]] bool bare_number(const mention& m) const
    {
        for (std::size_t k = m.first; k < m.last; ++k) {
            if (is(k, token_kind::number) || is(k, token_kind::dash)) continue;
            if (is_word(k) && lookup_number_word(lex_, text_of(k)).kind != number_word_kind::none) continue;
            return false;
        }
        return true;
    }

    [[nodiscard]] bool is_one_of_word(std::size_t k, std::span<const std::string_view> words) const
    {
        return is_word(k) && is_one_of(text_of(k), words);
    }

    std::vector<claim> make_claims()
    {
        if (mode_ == text_mode::cell) read_cell_labels();
        read_assailants();
        std::vector<source_chain> sources;
        for (const mention& m : mentions_) sources.push_back(source_for(m));
        read_sides_of_men(sources);
        read_closing_sides();
        spread_groups(sources);
        // "At least 170 people were killed and 200 injured": a bound or an approximation stated
        // once covers a bare number joined to it by "and" alone.
        for (std::size_t i = 1; i < mentions_.size(); ++i) {
            const mention& a = mentions_[i - 1];
            mention& b = mentions_[i];
            const qualifier q = a.value.qualifier();
            // Only across two predicates: "16 soldiers and four civilians have been killed" is one.
            if (b.alias || b.value.qualifier() != qualifier::exact || !bare_number(b) || a.cat_shared ||
                sentence_[a.first] != sentence_[b.first] || is_one_of_word(b.last, lex_.restating_words))
                continue;
            if (q != qualifier::at_least && q != qualifier::approximately && q != qualifier::more_than) continue;
            // "At least 156 civilians were killed … and 109 women were raped": a figure that names
            // people of its own opens a clause of its own.
            if (b.grp && (!a.grp || *b.grp != *a.grp)) continue;
            const std::size_t gap = std::max(a.scan_end, a.last);
            if (!(b.first == gap + 1 && word(gap, "and"))) continue;
            // The bound is shared only where the second predicate leaves out its verb, as the
            // first's words then serve it ("and 200 injured"); an auxiliary of its own opens a
            // clause of its own: "More than 40 people were killed and 12 were injured".
            if (is_one_of_word(b.last, lex_.auxiliaries)) continue;
            const count_type n = *b.value.stated();
            if (q == qualifier::at_least) b.value = figure::at_least(n);
            else if (q == qualifier::approximately) b.value = figure::approximately(n);
            else if (n < max_count) b.value = figure::more_than(n);
        }
        std::vector<claim> claims;
        for (std::size_t index = 0; index < mentions_.size(); ++index) {
            mention& m = mentions_[index];
            if (!m.person_count) {
                note(m.span.offset, m.span.offset + m.span.length, parse_errc::count_of_things);
                continue;
            }
            // "458 bodies have been recovered from the town, including nine children": a figure
            // right after "including" with no words of its own on what it counts is a subset of the
            // figure before it in the sentence.
            if (!m.cat && !m.subset_of && index > 0 && m.first > 0 && is_one_of_word(m.first - 1, lex_.including) &&
                !word(m.first - 1, "among") && sentence_[mentions_[index - 1].first] == sentence_[m.first] &&
                mentions_[index - 1].person_count)
                m.subset_of = index - 1;
            // "dont 13.289 militaires et 1.920 policiers": the next item of a subset's list, joined
            // by "and" and with no words of its own on what it counts, is a subset of the same whole.
            if (!m.cat && !m.subset_of && index > 0 && mentions_[index - 1].subset_of && m.first > 0 &&
                conjunction(m.first - 1) &&
                std::max(mentions_[index - 1].scan_end, mentions_[index - 1].last) + 1 == m.first &&
                sentence_[mentions_[index - 1].first] == sentence_[m.first])
                m.subset_of = mentions_[index - 1].subset_of;
            // A subset ("including 14 children") counts in its whole's category, unless its own
            // words say it came to no harm ("dont 12 ont été libérés").
            if (!m.cat && !m.unharmed && m.subset_of && mentions_[*m.subset_of].cat) {
                m.cat = mentions_[*m.subset_of].cat;
                m.cat2 = mentions_[*m.subset_of].cat2;
            }
            std::optional<category> cat = m.cat;
            if (!cat) {
                if (mode_ == text_mode::sentence) {
                    // Prose is full of numbers that count no one; say which were read and left.
                    note(m.span.offset, m.span.offset + m.span.length, parse_errc::no_category);
                    continue;
                }
                cat = options_.category;
            }
            const source_chain& chain = sources[index];
            auto add = [&](category c) {
                claim out;
                out.category = c;
                out.group = m.grp ? *m.grp : options_.group;
                out.figure = m.value;
                out.source = chain;
                out.text = std::string{text_};
                out.span = m.span;
                claims.push_back(std::move(out));
            };
            add(*cat);
            if (m.cat2) add(*m.cat2);
        }
        return claims;
    }
};

}  // namespace detail

/// Reads the claims in `text`, a cell (`text_mode::cell`) or prose (`text_mode::sentence`).
[[nodiscard]] inline parse_result<std::vector<claim>> parse_text(std::string_view text, text_mode mode,
                                                                 const field_options& options = {})
{
    return detail::field_reader{text, mode, options}.read();
}

/// Reads the claims in an infobox cell or a list: "30–62 killed, 15 injured, 2–3 kidnapped".
[[nodiscard]] inline parse_result<std::vector<claim>> parse_field(std::string_view cell, const field_options& options = {})
{
    return parse_text(cell, text_mode::cell, options);
}

/// Reads the claims in news prose: "killing 34 civilians and injuring the same number".
[[nodiscard]] inline parse_result<std::vector<claim>> parse_sentence(std::string_view sentence,
                                                                     const field_options& options = {})
{
    return parse_text(sentence, text_mode::sentence, options);
}

/// The source a name stands for, with the kind (and, for a party to the fighting, the party) the
/// name tells, as the parsers read attributions: "residents" is a witness, "JNIM" an armed group
/// of party JNIM, "Human Rights Watch" an NGO; a name toll does not know is of kind `other`.
[[nodiscard]] inline source source_named(std::string name) { return detail::source_of_name(std::move(name), detail::english); }

/// Like parse_field, but throws toll::parse_error when any part of the cell could not be read.
[[nodiscard]] inline std::vector<claim> parse_field_or_throw(std::string_view cell, const field_options& options = {})
{
    auto result = parse_field(cell, options);
    if (!result.ok()) throw parse_error{result.diagnostics()};
    return std::move(result).value();
}

}  // namespace toll

