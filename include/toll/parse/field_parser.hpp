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
// Reading is by rules, not by understanding: see docs in the tests for the forms it knows.

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
#include <toll/parse/detail/field_words.hpp>
#include <toll/parse/detail/figure_grammar.hpp>
#include <toll/parse/detail/lexer.hpp>
#include <toll/parse/detail/lexicon_en.hpp>
#include <toll/figure.hpp>
#include <toll/parse/figure_parser.hpp>
#include <toll/group.hpp>
#include <toll/parse/parse_result.hpp>
#include <toll/source.hpp>
#include <toll/vague_words.hpp>

namespace toll {

/// What kind of text is being read.
enum class text_mode : std::uint8_t {
    cell,      ///< an infobox cell, a CSV column, a list: every figure is a claim
    sentence,  ///< news prose: only figures whose words say what happened are claims
};

/// What to assume where the text says nothing.
struct field_options {
    /// The category of a cell figure whose text names none ("20+" in a "Fatalities" cell: killed).
    toll::category category = category::casualties;
    /// The group of a figure whose text names none.
    toll::group group = group::everyone();
    /// The origin of a figure the text attributes to nobody; empty leaves it empty.
    toll::source source{};
    /// What vague words mean.
    vague_table table = vague_table::literal();
    /// Whose forces the text's "soldiers", "troops", "police" … are when it does not say ("Mali"
    /// for a report on Mali): the party of a security-forces group read without one. With it,
    /// `is_about_adversary` tells "JNIM claimed thirty soldiers killed" from the army's own count.
    /// Empty: the party stays unknown unless the text names it ("Malian soldiers").
    std::string security_forces_party{};
    /// Likewise for the text's "militants", "jihadists", "fighters" … ("JNIM").
    std::string armed_group_party{};
};

namespace detail {

/// Tokens of the whole text, with random access for the figure grammar.
class vector_cursor {
public:
    vector_cursor(const std::vector<token>& tokens, std::size_t at) noexcept : tokens_{tokens}, at_{at} {}
    [[nodiscard]] const token& peek(std::size_t k) const noexcept
    {
        const std::size_t last = tokens_.size() - 1;  // always the end token
        return tokens_[at_ + k < last ? at_ + k : last];
    }
    void advance(std::size_t n) noexcept { at_ = std::min(at_ + n, tokens_.size() - 1); }
    [[nodiscard]] std::size_t position() const noexcept { return at_; }

private:
    const std::vector<token>& tokens_;
    std::size_t at_;
};

class field_reader {
public:
    field_reader(std::string_view text, text_mode mode, const field_options& options)
        : text_{text}, mode_{mode}, options_{options}, lex_{english}
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
        find_attributions();
        index_attributions();
        std::vector<claim> claims = make_claims();
        if (mode_ == text_mode::cell) report_unread();
        std::sort(diagnostics_.begin(), diagnostics_.end(),
                  [](const diagnostic& a, const diagnostic& b) { return a.offset < b.offset; });
        return {std::move(claims), std::move(diagnostics_), options_.table};
    }

private:
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
    };

    struct attribution {
        std::size_t at = 0;          ///< token where it stands
        std::size_t scope_begin = 0; ///< tokens it covers
        std::size_t scope_end = 0;
        source origin{};
        std::optional<source> relay{};
        int strength = 0;  ///< explicit attributions (per, according to, parentheses) beat subjects
    };

    // ---- tokens -------------------------------------------------------------------------------

    void lex()
    {
        std::size_t pos = 0;
        for (;;) {
            token t = next_token(text_, pos, lex_mode::field);
            pos = t.end;
            if (t.kind == token_kind::end) {
                tokens_.push_back(t);
                break;
            }
            if (t.kind == token_kind::newline) {
                // A break stands where the next token starts: it always moves past the break
                // itself. Breaks at the start or after another break say nothing more.
                if (!tokens_.empty() && tokens_.back().kind != token_kind::newline) tokens_.push_back(t);
                continue;
            }
            if (!tokens_.empty() && tokens_.back().kind == token_kind::newline) t.joined = false;
            push(t);
        }
        // A trailing line break separates nothing.
        if (tokens_.size() >= 2 && tokens_[tokens_.size() - 2].kind == token_kind::newline) {
            tokens_.erase(tokens_.end() - 2);
        }
        consumed_.assign(tokens_.size(), false);
    }

    void push(token t)
    {
        if (t.kind == token_kind::invalid) {
            if (!diagnostics_.empty() && diagnostics_.back().code == parse_errc::invalid_utf8 &&
                diagnostics_.back().offset + diagnostics_.back().length == t.begin) {
                diagnostics_.back() = make_diagnostic(text_, diagnostics_.back().offset, t.end, parse_errc::invalid_utf8);
            } else {
                diagnostics_.push_back(make_diagnostic(text_, t.begin, t.end, parse_errc::invalid_utf8));
            }
            return;  // invalid bytes separate nothing and mean nothing
        }
        tokens_.push_back(t);
    }

    [[nodiscard]] std::string_view text_of(std::size_t i) const noexcept
    {
        const token& t = tokens_[i];
        return text_.substr(t.begin, t.size());
    }
    [[nodiscard]] bool is(std::size_t i, token_kind k) const noexcept { return i < tokens_.size() && tokens_[i].kind == k; }
    [[nodiscard]] bool is_word(std::size_t i) const noexcept { return is(i, token_kind::word); }
    [[nodiscard]] bool word(std::size_t i, std::string_view lower_literal) const noexcept
    {
        return is_word(i) && iequals(text_of(i), lower_literal);
    }
    [[nodiscard]] bool capitalised(std::size_t i) const noexcept
    {
        if (!is_word(i)) return false;
        const char c = text_[tokens_[i].begin];
        return (c >= 'A' && c <= 'Z') || byte(c) >= 0x80;
    }

    // ---- sentences and clauses -----------------------------------------------------------------

    [[nodiscard]] bool is_sentence_end(std::size_t i) const noexcept
    {
        if (is(i, token_kind::newline)) return true;
        if (!is(i, token_kind::period)) return mode_ == text_mode::sentence && (is(i, token_kind::question));
        if (mode_ == text_mode::cell) return false;
        // "c. 30", "U.S. forces", "approx. 50": a period glued to a short word is an abbreviation.
        if (i > 0 && tokens_[i].joined && is_word(i - 1)) {
            const std::string_view w = text_of(i - 1);
            if (w.size() == 1 || iequals(w, "ca") || iequals(w, "approx") || iequals(w, "est") || iequals(w, "incl") ||
                iequals(w, "no") || iequals(w, "mr") || iequals(w, "dr") || iequals(w, "st") || iequals(w, "vs") ||
                iequals(w, "gen") || iequals(w, "col") || iequals(w, "lt") || iequals(w, "sgt"))
                return false;
        }
        const std::size_t next = i + 1;
        if (next >= tokens_.size() || is(next, token_kind::end)) return true;
        if (tokens_[next].joined) return false;
        return !(is_word(next) && !capitalised(next));
    }

    void mark_clauses()
    {
        sentence_.assign(tokens_.size(), 0);
        clause_.assign(tokens_.size(), 0);
        depth_.assign(tokens_.size(), 0);
        int top_depth = 0;  // parentheses open before each token, reset by ; and line breaks
        for (std::size_t k = 0; k < tokens_.size(); ++k) {
            depth_[k] = top_depth;
            const token_kind kd = tokens_[k].kind;
            if (kd == token_kind::open_paren) ++top_depth;
            if (kd == token_kind::close_paren && top_depth > 0) --top_depth;
            if (kd == token_kind::newline || kd == token_kind::semicolon) top_depth = 0;
        }
        std::size_t sentence = 0;
        std::size_t clause = 0;
        int depth = 0;
        for (std::size_t i = 0; i < tokens_.size(); ++i) {
            const token_kind k = tokens_[i].kind;
            if (k == token_kind::open_paren) {
                ++depth;
                ++clause;
            }
            sentence_[i] = sentence;
            clause_[i] = clause;
            if (k == token_kind::close_paren) {
                if (depth > 0) --depth;
                ++clause;
            }
            if (is_sentence_end(i)) {
                ++sentence, ++clause;
                depth = 0;
            } else if (k == token_kind::semicolon || k == token_kind::colon ||
                       (k == token_kind::comma && mode_ == text_mode::cell && depth == 0)) {
                ++clause;
            }
        }
    }

    // ---- figures -------------------------------------------------------------------------------

    /// Numbers that are dates, times, ordinals, sizes, parts of names: not counts of people.
    [[nodiscard]] bool looks_like_count(std::size_t first, std::size_t last, const figure_scan& scan) const
    {
        const token& head = tokens_[first];
        if (first > 0 && head.joined && head.kind == token_kind::number &&
            (is_word(first - 1) || is(first - 1, token_kind::number)))
            return false;  // "Casualties1", "G5"
        if (first > 0 && is_word(first - 1) && is_month(lex_, text_of(first - 1))) return false;  // "March 27"
        if (is_word(last) && is_month(lex_, text_of(last))) return false;                             // "27 March"
        if (is_word(last) && is_non_person_unit(lex_, text_of(last))) return false;                   // "19 vehicles", "2pm"
        if (is(last, token_kind::dash) && tokens_[last].joined && is_word(last + 1) && tokens_[last + 1].joined)
            return false;  // "nine-day", "20-year-old"
        if (is(last, token_kind::colon) && is(last + 1, token_kind::number) && tokens_[last].joined) return false;  // 2:30
        if (is(last, token_kind::other) && text_of(last) == "%") return false;
        if (first > 0 && is(first - 1, token_kind::other) && (text_of(first - 1) == "$" || text_of(first - 1) == "#"))
            return false;
        // A year: four digits from 1900 to 2099, ungrouped, unless people follow it.
        if (last == first + 1 && head.kind == token_kind::number && !head.grouped && head.decimals == 0 &&
            head.size() == 4 && head.mantissa >= 1900 && head.mantissa <= 2099 &&
            scan.value.qualifier() == qualifier::exact) {
            const bool people_follow =
                is_word(last) && (lookup_group(lex_, text_of(last)) || lookup_category(lex_, text_of(last)));
            if (!people_follow) return false;
        }
        return true;
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
            // "six others wounded and another kidnapped": one more, of the category after it.
            if (mode_ == text_mode::sentence && word(i, "another") && is_word(i + 1) && !mentions_.empty()) {
                const auto c = lookup_category(lex_, text_of(i + 1));
                if (c && c->form != category_form::active) {
                    mention m;
                    m.first = i;
                    m.last = i + 1;
                    m.value = figure::exact(1);
                    m.span = {tokens_[i].begin, tokens_[i].size()};
                    m.scan_end = i + 1;
                    mentions_.push_back(m);
                    consumed_[i] = true;
                    ++i;
                    continue;
                }
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
            if (!looks_like_count(i, last, scan)) {
                for (std::size_t k = i; k < last; ++k) consumed_[k] = true;  // read, and rightly set aside
                i = last;
                continue;
            }
            mention m;
            m.first = i;
            m.last = last;
            m.value = scan.value;
            m.span = {scan.begin, scan.end - scan.begin};
            m.scan_end = last;
            if (scan.zero_category) m.cat = scan.zero_category;
            mentions_.push_back(m);
            for (std::size_t k = i; k < last; ++k) consumed_[k] = true;
            i = last;
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

    /// The words after a figure (its group and category) and the verb before it.
    void read_words_around(std::size_t index)
    {
        mention& m = mentions_[index];
        // Before: "killing 20", "killed at least 20", "the death toll rose to 50", "among the dead were 13".
        if (!m.cat && m.first > 0) {
            const std::size_t before = m.first - 1;
            if (is_word(before) && clause_[before] == clause_[m.first] && !consumed_[before]) {
                if (const auto c = lookup_category(lex_, text_of(before)); c && c->form != category_form::noun_or_participle) {
                    m.cat = c->category;
                    m.cat_from_left = true;
                    consumed_[before] = true;
                }
            }
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
            if (t.kind == token_kind::comma) {
                if (mode_ == text_mode::cell) break;
                // "at least twenty people, including women, children, and the elderly, were killed"
                if (word(k + 1, "including") && !m.cat) {
                    std::size_t j = k + 2;
                    while (j + 1 < tokens_.size() && j < k + 40 && !is_sentence_end(j) && !starts_mention(j) &&
                           !(word(j, "were") || word(j, "was") || word(j, "are") || word(j, "had") || word(j, "have")))
                        ++j;
                    if (j + 1 < tokens_.size() && !is_sentence_end(j) && !starts_mention(j)) {
                        k = j;
                        continue;
                    }
                }
                break;
            }
            if (starts_mention(k)) break;
            if (t.kind == token_kind::dash || t.kind == token_kind::apostrophe) {
                if (!t.joined) break;  // "people—mainly miners": an aside
                ++k;
                continue;
            }
            // "Dozens of M23 rebels": a number glued to a word is part of a name.
            if (t.kind == token_kind::number && t.joined && k > m.last && is_word(k - 1)) {
                ++k;
                continue;
            }
            if (t.kind != token_kind::word) break;
            const std::string_view w = text_of(k);
            if (const auto c = lookup_category(lex_, w)) {
                if (c->form == category_form::active) break;
                // "the death of 17,000 civilians and the displacement of two million": a category
                // noun with "of" and a figure after it is the next figure's.
                if (m.cat && word(k + 1, "of") && starts_mention(k + 2)) break;
                // "97 captured soldiers were killed", "many injured individuals": a participle before
                // a group noun describes the group; a later category word still decides.
                if (c->form == category_form::both && is_word(k + 1) && lookup_group(lex_, text_of(k + 1)) && !m.cat) {
                    tentative = c->category;
                    ++k;
                    continue;
                }
                if (!m.cat || !m.cat_from_left) {
                    m.cat = c->category;
                    m.cat_from_left = false;
                }
                m.people_noun = c->people_noun;
                // "1 interpreter killed", "379 Iraqis were killed": a noun toll does not know, right
                // after the figure, names the group.
                if (!m.grp && first_unknown != 0 && first_unknown + unknown_words <= k && unknown_words <= 2) {
                    m.grp = group::named(text_between(first_unknown, first_unknown + unknown_words));
                }
                last_useful = k + 1;
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
                        } else {
                            m.cat2 = c2->category;
                        }
                        last_useful = k + 3;
                    }
                }
                break;
            }
            if (const auto g = lookup_group(lex_, w)) {
                if (!m.grp) {
                    m.grp = make_group(*g, label_begin, k);
                    // "17,000 civilians and soldiers": people of two kinds are everyone.
                    if ((word(k + 1, "and") || word(k + 1, "or")) && is_word(k + 2) && !starts_mention(k + 2)) {
                        if (const auto other = lookup_group(lex_, text_of(k + 2)); other && other->kind != g->kind) {
                            m.grp = group::everyone();
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
            if (is_reporting_verb(lex_, w) && !is_link_word(lex_, w)) break;
            if (iequals(w, "according") || iequals(w, "per") || iequals(w, "citing") || iequals(w, "by") ||
                iequals(w, "including") || iequals(w, "among") || iequals(w, "while") || iequals(w, "but") ||
                iequals(w, "after") || iequals(w, "when") || iequals(w, "that") || iequals(w, "which"))
                break;
            if ((iequals(w, "and") || iequals(w, "or")) &&
                (starts_mention(k + 1) || (is_word(k + 1) && lookup_category(lex_, text_of(k + 1)))))
                break;
            if (!is_link_word(lex_, w)) {
                if (++words > 5) break;
                if (first_unknown == 0 && k == first_word_after(m)) first_unknown = k;
                if (first_unknown != 0 && k == first_unknown + unknown_words) ++unknown_words;
            }
            if (label_begin == m.last && (iequals(w, "of") || iequals(w, "the"))) label_begin = k + 1;
            ++k;
        }
        if (!m.cat && tentative) {
            m.cat = tentative;
            m.cat_from_left = false;
        }
        m.scan_end = last_useful;
        for (std::size_t j = m.last; j < last_useful; ++j) consumed_[j] = true;
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

    /// "the deaths of at least 20,000", "the kidnapping of 172–185 villagers".
    void read_noun_of_before(mention& m)
    {
        if (m.first < 2 || !word(m.first - 1, "of") || !is_word(m.first - 2)) return;
        if (consumed_[m.first - 2]) return;
        if (const auto c = lookup_category(lex_, text_of(m.first - 2))) {
            m.cat = c->category;
            m.cat_from_left = true;
            consumed_[m.first - 2] = consumed_[m.first - 1] = true;
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
        if (m.first == 0 || !is_word(m.first - 1)) return;
        const std::string_view before = text_of(m.first - 1);
        const bool toll_verb = iequals(before, "at") || iequals(before, "to") || iequals(before, "was") ||
                               iequals(before, "is") || iequals(before, "of") || iequals(before, "reached") ||
                               iequals(before, "hit") || iequals(before, "could") || iequals(before, "would") ||
                               iequals(before, "may") || iequals(before, "surpassed") || iequals(before, "passed") ||
                               iequals(before, "stood") || iequals(before, "be");
        if (toll_verb) {
            for (std::size_t j = m.first - 1; j > 0 && m.first - j < 14;) {
                --j;
                if (sentence_[j] != sentence_[m.first] || starts_mention(j)) break;
                if (word(j, "toll") || word(j, "tolls") || word(j, "doll")) {
                    const bool casualty = j > 0 && (word(j - 1, "casualty") || word(j - 1, "casualties"));
                    m.cat = casualty ? category::casualties : category::killed;
                    m.cat_from_left = true;
                    consumed_[j] = true;
                    return;
                }
            }
        }
        read_toll_near(m);
    }

    void read_toll_near(mention& m)
    {
        std::size_t j = m.first;
        for (int steps = 0; steps < 3 && j > 0; ++steps) {
            --j;
            if (!is_word(j)) return;
            if (word(j, "toll") || word(j, "tolls")) {
                const bool casualty = j > 0 && (word(j - 1, "casualty") || word(j - 1, "casualties"));
                m.cat = casualty ? category::casualties : category::killed;
                m.cat_from_left = true;
                for (std::size_t k = j; k < m.first; ++k) consumed_[k] = true;
                return;
            }
            const std::string_view w = text_of(j);
            if (!(iequals(w, "of") || iequals(w, "at") || iequals(w, "to") || iequals(w, "reached") ||
                  iequals(w, "rose") || iequals(w, "risen") || iequals(w, "climbed") || iequals(w, "stood") ||
                  iequals(w, "stands") || iequals(w, "is") || iequals(w, "was") || iequals(w, "put") || iequals(w, "has") ||
                  iequals(w, "from") || iequals(w, "had") || iequals(w, "jumped") || iequals(w, "increased")))
                return;
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

    /// A group from its word at `at`; labelled kinds keep the words from `label_begin` as written.
    group make_group(const group_word& g, std::size_t label_begin, std::size_t at) const
    {
        group result;
        result.kind = g.kind;
        if (g.labelled) {
            if (!g.label.empty()) {
                result.label = std::string{g.label};
            } else {
                std::size_t from = label_begin <= at ? label_begin : at;
                while (from < at && is_word(from) && is_link_word(lex_, text_of(from))) ++from;
                result.label = std::string{text_.substr(tokens_[from].begin, tokens_[at].end - tokens_[from].begin)};
            }
        }
        // Whose losses: "Malian soldiers" are Mali's; "JNIM fighters" are JNIM's.
        for (std::size_t j = label_begin; j < at; ++j) {
            if (!is_word(j)) continue;
            const std::string_view w = text_of(j);
            if (g.kind == group_kind::security_forces) {
                for (const party_adjective& p : lex_.party_adjectives) {
                    if (iequals(w, p.word)) result.party = std::string{p.party};
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
            if (iequals(w, "and") || iequals(w, "including") || iequals(w, "plus") ||
                iequals(w, "incl") || iequals(w, "as") || iequals(w, "well") || iequals(w, "among") ||
                iequals(w, "them") || iequals(w, "of") || iequals(w, "whom")) {
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
            if (!a.cat && b.linked_to_previous && b.cat && !b.cat_from_left) {
                a.cat = b.cat;
                a.cat2 = b.cat2;
            }
        }
        forward(false);
    }

    void forward(bool only_from_verbs)
    {
        for (std::size_t i = 1; i < mentions_.size(); ++i) {
            const mention& a = mentions_[i - 1];
            mention& b = mentions_[i];
            if (!b.cat && b.linked_to_previous && a.cat && (!only_from_verbs || a.cat_from_left)) {
                b.cat = a.cat;
                b.cat2 = a.cat2;
                b.cat_from_left = a.cat_from_left;
            }
        }
    }

    // ---- sources -------------------------------------------------------------------------------

    /// Classifies a source by its name.
    [[nodiscard]] source make_source(std::string name) const
    {
        source s;
        std::string lowered;
        lowered.reserve(name.size());
        for (char c : name) lowered.push_back(lower(c));
        for (const known_source& k : lex_.sources) {
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

    [[nodiscard]] static bool is_name_stop(std::string_view w) noexcept
    {
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
        // "the UN", "a local official"; but "The Telegraph" keeps its article.
        while ((word(i, "the") && !(capitalised(i) && capitalised(i + 1))) || word(i, "a") || word(i, "an")) ++i;
        // "US-based Human Rights Watch": the base says where, not who.
        if (is_word(i) && is(i + 1, token_kind::dash) && tokens_[i + 1].joined && word(i + 2, "based")) i += 3;
        std::size_t end = i;
        std::size_t words = 0;
        for (std::size_t j = i; j + 1 < tokens_.size() && words < 8; ++j) {
            const token& t = tokens_[j];
            if (t.kind == token_kind::word) {
                const std::string_view w = text_of(j);
                if (j > i && is_name_stop(w)) break;
                if (j > i && !capitalised(j) && (iequals(w, "of") || iequals(w, "for") || iequals(w, "the") ||
                                                 iequals(w, "de") || iequals(w, "al") || iequals(w, "wal"))) {
                    if (!capitalised(j + 1) && !(word(j + 1, "the") && capitalised(j + 2))) break;
                    continue;
                }
                if (j == i && is_name_stop(w)) break;
                if (starts_mention(j)) break;
                if (lookup_category(lex_, w) && lookup_category(lex_, w)->form != category_form::noun_or_participle) break;
                ++words;
                end = j + 1;
                continue;
            }
            if ((t.kind == token_kind::dash || t.kind == token_kind::apostrophe || t.kind == token_kind::period) && t.joined &&
                j > i && (is_word(j + 1) || t.kind == token_kind::period) && (j + 1 >= tokens_.size() || tokens_[j + 1].joined || t.kind == token_kind::period)) {
                if (t.kind == token_kind::period && !(is_word(j + 1) && tokens_[j + 1].joined)) {
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
        return {i, end};
    }

    [[nodiscard]] std::string text_between(std::size_t first, std::size_t end) const
    {
        if (end <= first) return {};
        return std::string{text_.substr(tokens_[first].begin, tokens_[end - 1].end - tokens_[first].begin)};
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

    [[nodiscard]] int paren_depth(std::size_t at) const noexcept
    {
        return at < depth_.size() ? depth_[at] : 0;
    }

    void add_attribution(std::size_t at, std::pair<std::size_t, std::size_t> name, int strength,
                         std::optional<source> relay = std::nullopt)
    {
        if (name.second <= name.first) return;
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
        a.origin = make_source(text_between(name.first, name.second));
        a.relay = std::move(relay);
        a.strength = strength;
        for (std::size_t k = name.first; k < name.second; ++k) consumed_[k] = true;
        attributions_.push_back(std::move(a));
    }

    void find_attributions()
    {
        for (std::size_t i = 0; i + 1 < tokens_.size(); ++i) {
            if (!is_word(i) && !is(i, token_kind::open_paren)) continue;
            // "according to X"
            if (word(i, "according") && word(i + 1, "to")) {
                consumed_[i] = consumed_[i + 1] = true;
                add_attribution(i, name_at(i + 2), 3);
                continue;
            }
            // "per X", "Per Mali: …" (a header: it covers what follows it in the cell)
            if (word(i, "per") && is_word(i + 1) && !word(i + 1, "cent") && !word(i + 1, "day") && !word(i + 1, "year")) {
                consumed_[i] = true;
                const auto name = name_at(i + 1);
                if (is(name.second, token_kind::colon) && mode_ == text_mode::cell) {
                    consumed_[name.second] = true;
                    header_ = make_source(text_between(name.first, name.second));
                    header_at_ = i;
                    for (std::size_t k = name.first; k < name.second; ++k) consumed_[k] = true;
                } else {
                    add_attribution(i, name, 3);
                }
                continue;
            }
            // "reported by X", "as claimed by X"
            if ((word(i, "reported") || word(i, "claimed") || word(i, "confirmed") || word(i, "documented") ||
                 word(i, "counted") || word(i, "estimated") || word(i, "released")) &&
                word(i + 1, "by")) {
                consumed_[i] = consumed_[i + 1] = true;
                if (i > 0 && word(i - 1, "as")) consumed_[i - 1] = true;
                add_attribution(i, name_at(i + 2), 3);
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
                if (word(i + 1, "per") || word(i + 1, "according")) continue;
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
                consumed_[i] = consumed_[close] = true;
                for (std::size_t k = name_end; k < close; ++k) consumed_[k] = true;
                add_attribution(i, {i + 1, name_end}, 2);
                i = close;
                continue;
            }
            // "X claimed", "residents said", "RFI, citing residents, stated"
            if (mode_ == text_mode::sentence && is_reporting_verb(lex_, text_of(i)) && !word(i + 1, "by")) {
                read_subject(i);
            }
        }
    }

    /// Whether the reporting verb at `verb` is used as a noun or in the passive ("contrary to
    /// reports", "initial reports of", "we are told", "is reported at"): then it has no subject.
    [[nodiscard]] bool reporting_verb_without_subject(std::size_t verb) const
    {
        if (verb == 0 || !is_word(verb - 1)) return false;
        const std::string_view before = text_of(verb - 1);
        const std::string_view w = text_of(verb);
        for (std::string_view aux : {"is", "are", "was", "were", "be", "been", "being"}) {
            if (iequals(before, aux)) return true;
        }
        const bool noun_form = iequals(w, "reports") || iequals(w, "report") || iequals(w, "claims") ||
                               iequals(w, "claim") || iequals(w, "estimates");
        if (!noun_form) return false;
        for (std::string_view d : {"to", "of", "from", "with", "by", "on", "in", "the", "a", "an", "initial", "earlier",
                                   "unconfirmed", "conflicting", "latest", "new", "official", "these", "those"}) {
            if (iequals(before, d)) return true;
        }
        return false;
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
        if (capitals < 2 || k == b || !is_word(k - 1)) return {b, e};
        const std::size_t descriptor = k - 1;
        const std::string_view d = text_of(descriptor);
        for (std::string_view stop : {"of", "for", "in", "at", "from", "and", "the", "by", "with", "on", "to", "a", "an"}) {
            if (iequals(d, stop)) return {b, e};
        }
        if (is_spokesperson(d) && descriptor > b) {
            bool organisation = true;
            for (std::size_t t = b; t < descriptor; ++t) {
                if (is_word(t) && !capitalised(t) && !word(t, "of") && !word(t, "the")) organisation = false;
            }
            if (organisation) return {b, descriptor};
        }
        return {k, e};
    }

    /// "X, a spokesperson for Y, said", "A resident, Modou Mohammed, said", "Mohamed Tajal-Amin, a
    /// villager, said": the origin of a subject with an appositive before its verb. `comma` is the
    /// comma right before the verb. Returns false when the words are no appositive.
    bool read_appositive_subject(std::size_t verb, std::size_t comma)
    {
        std::size_t open = comma;
        while (open > 0 && comma - open < 20) {
            const std::size_t k = open - 1;
            if (sentence_[k] != sentence_[verb] || in_mention(k)) return false;
            if (is(k, token_kind::comma)) break;
            if (!is_word(k) && !((is(k, token_kind::dash) || is(k, token_kind::apostrophe) || is(k, token_kind::period)) &&
                                 tokens_[k].joined))
                return false;
            --open;
        }
        if (open == 0 || !is(open - 1, token_kind::comma) || open == comma) return false;
        const std::size_t first_comma = open - 1;
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
        // "A resident, Modou Mohammed, said": the name in the appositive.
        if (capitalised(a) && !word(a, "who") && !word(a, "which")) {
            add_attribution(verb, name_in_subject(a, comma), 1);
            return true;
        }
        // "Mohamed Tajal-Amin, a villager, said", "Al-Masirah, the TV station of …, said": the
        // subject before the appositive.
        return read_subject_before(verb, first_comma);
    }

    /// The subject of the reporting verb at `verb`, as an attribution of strength 1.
    void read_subject(std::size_t verb)
    {
        if (verb == 0 || reporting_verb_without_subject(verb)) return;
        std::size_t j = verb;
        // ", citing residents," between the subject and its verb
        std::optional<source> cited;
        if (is(j - 1, token_kind::comma)) {
            std::size_t c = j - 1;
            std::size_t back = c;
            while (back > 0 && is_word(back - 1) && c - back < 6) --back;
            if (word(back, "citing") && back > 0 && is(back - 1, token_kind::comma)) {
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
        std::size_t b = j;
        while (b > 0 && j - b < 10) {
            const std::size_t k = b - 1;
            if (sentence_[k] != sentence_[verb]) break;
            if (in_mention(k)) {
                // "Two security sources told", "Some eyewitnesses said", "One of them stated": a plain
                // count that starts the subject is part of its name, not a claim.
                const mention* m = last_mention_before(k + 1);
                if (m && m->last == b && !m->cat && b < j && is_word(b) && !lookup_category(lex_, text_of(b)) &&
                    (m->value.qualifier() == qualifier::exact || m->value.qualifier() == qualifier::vague) &&
                    (m->first == 0 || !is_word(m->first - 1) || is_sentence_start(m->first))) {
                    b = m->first;
                }
                break;
            }
            if (is_word(k)) {
                const std::string_view w = text_of(k);
                if (word(k, "we") || word(k, "i")) break;
                if (word(k, "that") || word(k, "but") || word(k, "which") || word(k, "who") || word(k, "while") ||
                    word(k, "with") || word(k, "whereas") || word(k, "although") || word(k, "though") ||
                    word(k, "because") || word(k, "when") || word(k, "where") || word(k, "by") || word(k, "if") ||
                    word(k, "contrary"))
                    break;
                if (is_reporting_verb(lex_, w) && k + 1 < j) break;  // "the United Nations stated it had documented"
                // "Witnesses and relatives reported", "The Times and The Washington Post": a pair of sources.
                if (word(k, "and")) {
                    if (k > 0 && b < j && (capitalised(k - 1) || make_source(std::string{text_of(k - 1)}).kind != source_kind::other) &&
                        !in_mention(k - 1) && !lookup_category(lex_, text_of(k - 1))) {
                        --b;
                        continue;
                    }
                    break;
                }
                if (lookup_category(lex_, w)) break;
                --b;
                continue;
            }
            if ((is(k, token_kind::apostrophe) || is(k, token_kind::dash)) && tokens_[k].joined) {
                --b;
                continue;
            }
            break;
        }
        // "the defence ministry" is the defence ministry; "A witness", "Other residents" and
        // "Some eyewitnesses" keep their words, which tell one origin from another. A capitalised
        // "The" that starts a name stays ("The Telegraph").
        while (b < j && (word(b, "also") || is(b, token_kind::quote) ||
                         (word(b, "the") && !(capitalised(b) && b + 1 < j && capitalised(b + 1) &&
                                              !is_sentence_start(b)))))
            ++b;
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
            if (e > b && (word(e - 1, "later") || word(e - 1, "also") || word(e - 1, "have") || word(e - 1, "has") ||
                          word(e - 1, "had") || word(e - 1, "initially") || word(e - 1, "previously") ||
                          word(e - 1, "earlier") || word(e - 1, "further") || word(e - 1, "today") ||
                          word(e - 1, "yesterday") || word(e - 1, "then") || word(e - 1, "now") || word(e - 1, "again") ||
                          word(e - 1, "however") || word(e - 1, "separately") || word(e - 1, "would") ||
                          word(e - 1, "could") || word(e - 1, "did") || word(e - 1, "will"))) {
                --e;
                continue;
            }
            break;
        }
        if (e <= b) return {b, b};
        return name_in_subject(b, e);
    }

    [[nodiscard]] static bool is_weekday(std::string_view w) noexcept
    {
        for (std::string_view d : {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}) {
            if (iequals(w, d)) return true;
        }
        return false;
    }

    /// The subject that ends at token `j`, for the verb at `verb`: resolves pronouns and records it.
    bool read_subject_before(std::size_t verb, std::size_t j)
    {
        const auto [b, e] = subject_range(verb, j);
        if (e <= b) return false;
        const std::string_view first_word = text_of(b);
        if (e == b + 1 && (iequals(first_word, "we") || iequals(first_word, "i") || iequals(first_word, "you"))) {
            return false;  // the speaker of a quotation: whoever the sentence says is speaking
        }
        if (e == b + 1 && (iequals(first_word, "they") || iequals(first_word, "he") || iequals(first_word, "she") ||
                           iequals(first_word, "it"))) {
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
        for (auto it = first_attribution; it != last_attribution; ++it) {
            const attribution& a = attributions_[*it];
            if (mode_ == text_mode::cell && a.strength >= 2) continue;
            if (m.first < a.scope_begin || m.first >= a.scope_end) continue;
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
            }
        }
        source_chain chain;
        if (explicit_one) {
            chain.origin = explicit_one->origin;
            if (explicit_one->relay) chain.via.push_back(*explicit_one->relay);
            if (subject && subject->origin.name != chain.origin.name) chain.via.push_back(subject->origin);
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
        chain.origin = options_.source;
        return chain;
    }

    // ---- claims --------------------------------------------------------------------------------

    /// Whether only commas, dashes, "and", "while" … stand between two figures' words, so that a
    /// group named on the first reaches the second ("71 soldiers were killed, 12 were wounded").
    [[nodiscard]] bool group_linked(const mention& a, const mention& b) const
    {
        if (sentence_[a.first] != sentence_[b.first]) return false;
        for (std::size_t k = std::max(a.scan_end, a.last); k < b.first; ++k) {
            const token& t = tokens_[k];
            if (t.kind == token_kind::comma || t.kind == token_kind::dash) continue;
            if (t.kind != token_kind::word) return false;
            const std::string_view w = text_of(k);
            if (iequals(w, "and") || iequals(w, "while") || iequals(w, "with") || iequals(w, "as") ||
                iequals(w, "well") || iequals(w, "plus") || iequals(w, "another") || iequals(w, "but"))
                continue;
            if (consumed_[k]) continue;  // the verb read as b's ("wounding nine more")
            return false;
        }
        return true;
    }

    /// Cell labels that name whose losses follow: "Mali: 3,300+ killed", "Russia 15-20+ killed",
    /// "Amisom 118 KIA". Capitalised words, unread, right before the figure.
    void read_cell_labels()
    {
        for (mention& m : mentions_) {
            if (m.grp) continue;
            std::size_t e = m.first;
            if (e > 0 && is(e - 1, token_kind::colon)) --e;
            std::size_t b = e;
            while (b > 0 && is_word(b - 1) && capitalised(b - 1) && !consumed_[b - 1] && e - b < 3) --b;
            if (b == e) continue;
            // "Russia 50 killed Mali 10 killed": a word read as the figure before's ends it.
            if (b > 0 && ((is_word(b - 1) && !consumed_[b - 1]) || is(b - 1, token_kind::number))) continue;
            bool proper = true;
            for (std::size_t k = b; k < e; ++k) {
                const std::string_view w = text_of(k);
                if (lookup_category(lex_, w) || lookup_group(lex_, w) || is_link_word(lex_, w) || is_filler(w) || is_label_word(w) ||
                    is_reporting_verb(lex_, w))
                    proper = false;
            }
            if (!proper) continue;
            m.grp = group::named(text_between(b, e));
            for (std::size_t k = b; k < e; ++k) consumed_[k] = true;
        }
    }

    [[nodiscard]] static bool is_label_word(std::string_view w) noexcept
    {
        for (std::string_view f : {"total", "victims", "losses", "various", "estimates", "estimate", "phase", "unknown",
                                   "casualties", "killed", "dead", "deaths", "wounded", "injured", "result",
                                   "strength", "fatalities", "injuries", "per", "according", "civilian"}) {
            if (iequals(w, f)) return true;
        }
        return false;
    }

    std::vector<claim> make_claims()
    {
        if (mode_ == text_mode::cell) read_cell_labels();
        // A group named on one figure reaches the bare figures joined to it, while the sentence
        // names only that one group and the same source speaks.
        std::vector<source_chain> sources;
        for (const mention& m : mentions_) sources.push_back(source_for(m));
        std::optional<group> first_group;  // the first group the current sentence names
        bool several_groups = false;       // whether it names more than one
        for (std::size_t i = 0; i < mentions_.size(); ++i) {
            mention& b = mentions_[i];
            if (i == 0 || sentence_[mentions_[i - 1].first] != sentence_[b.first]) {
                first_group.reset();
                several_groups = false;
            }
            if (i > 0) {
                const mention& a = mentions_[i - 1];
                if (!b.grp && a.grp && !several_groups && !b.alias && !b.people_noun && group_linked(a, b) &&
                    sources[i] == sources[i - 1])
                    b.grp = a.grp;
            }
            // Only figures that are claims count as the sentence's groups: "Hundreds of Boko Haram
            // fighters attacked …, killing 16 soldiers and wounding nine more" names one group of victims.
            const bool claim_bearing = b.person_count && (b.cat || mode_ == text_mode::cell);
            if (b.grp && claim_bearing) {
                if (!first_group) first_group = b.grp;
                else if (*first_group != *b.grp) several_groups = true;
            }
        }
        // "At least 170 people were killed and 200 injured": a bound or an approximation stated
        // once covers a bare number joined to it by "and" alone.
        for (std::size_t i = 1; i < mentions_.size(); ++i) {
            const mention& a = mentions_[i - 1];
            mention& b = mentions_[i];
            const qualifier q = a.value.qualifier();
            if (b.alias || b.value.qualifier() != qualifier::exact || b.last != b.first + 1 ||
                !is(b.first, token_kind::number) || sentence_[a.first] != sentence_[b.first])
                continue;
            if (q != qualifier::at_least && q != qualifier::approximately && q != qualifier::more_than) continue;
            const std::size_t gap = std::max(a.scan_end, a.last);
            if (!(b.first == gap + 1 && word(gap, "and"))) continue;
            const count_type n = *b.value.stated();
            if (q == qualifier::at_least) b.value = figure::at_least(n);
            else if (q == qualifier::approximately) b.value = figure::approximately(n);
            else if (n < max_count) b.value = figure::more_than(n);
        }
        std::vector<claim> claims;
        for (std::size_t index = 0; index < mentions_.size(); ++index) {
            const mention& m = mentions_[index];
            if (!m.person_count) continue;
            std::optional<category> cat = m.cat;
            if (!cat) {
                if (mode_ == text_mode::sentence) continue;  // prose is full of numbers that count no one
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

    /// In a cell every word should have been read; report the runs of words that were not.
    void report_unread()
    {
        // Labels: "Casualties: 20", "Killed: 20", "Civilians: 20 killed".
        for (std::size_t i = 0; i + 1 < tokens_.size(); ++i) {
            if (!is(i, token_kind::colon)) continue;
            std::size_t b = i;
            while (b > 0 && (is_word(b - 1) || is(b - 1, token_kind::number)) && i - b < 4) --b;
            for (std::size_t k = b; k < i; ++k) consumed_[k] = true;
        }
        std::size_t run_begin = 0;
        bool in_run = false;
        std::size_t run_end = 0;
        auto flush = [&]() {
            if (in_run) diagnostics_.push_back(make_diagnostic(text_, run_begin, run_end, parse_errc::not_understood));
            in_run = false;
        };
        for (std::size_t i = 0; i + 1 < tokens_.size(); ++i) {
            const token& t = tokens_[i];
            bool quiet = consumed_[i];
            if (!quiet) {
                switch (t.kind) {
                case token_kind::word:
                    quiet = is_link_word(lex_, text_of(i)) || is_filler(text_of(i)) || is_month(lex_, text_of(i));
                    break;
                case token_kind::number: quiet = false; break;
                case token_kind::other:
                case token_kind::question: quiet = false; break;
                default: quiet = true; break;  // punctuation
                }
            }
            if (quiet) {
                if (t.kind != token_kind::word && t.kind != token_kind::dash && t.kind != token_kind::apostrophe) flush();
                continue;
            }
            if (!in_run) {
                in_run = true;
                run_begin = t.begin;
            }
            run_end = t.end;
        }
        flush();
    }

    [[nodiscard]] static bool is_filler(std::string_view w) noexcept
    {
        for (std::string_view f : {"and", "or", "including", "incl", "est", "estimated", "approx", "total", "claimed",
                                   "claim", "claims", "reported", "confirmed", "unconfirmed", "alleged", "disputed",
                                   "people", "number", "figure", "figures", "per", "according", "to", "by", "in",
                                   "on", "at", "from", "for", "with", "while"}) {
            if (iequals(w, f)) return true;
        }
        return false;
    }

    std::string_view text_;
    text_mode mode_;
    const field_options& options_;
    const lexicon& lex_;
    std::vector<token> tokens_;
    std::vector<bool> consumed_;
    std::vector<std::size_t> sentence_;
    std::vector<std::size_t> clause_;
    std::vector<int> depth_;
    std::vector<bool> mention_start_;
    std::vector<bool> mention_cover_;
    std::vector<mention> mentions_;
    std::vector<attribution> attributions_;
    std::vector<std::size_t> explicit_at_;     ///< positions of explicit attributions, sorted
    std::vector<std::size_t> explicit_index_;  ///< their indices in attributions_
    std::vector<std::size_t> by_sentence_;     ///< attribution indices, by sentence
    std::optional<source> header_;
    std::size_t header_at_ = 0;
    std::vector<diagnostic> diagnostics_;
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

/// Like parse_field, but throws toll::parse_error when any part of the cell could not be read.
[[nodiscard]] inline std::vector<claim> parse_field_or_throw(std::string_view cell, const field_options& options = {})
{
    auto result = parse_field(cell, options);
    if (!result.ok()) throw parse_error{result.diagnostics()};
    return std::move(result).value();
}

}  // namespace toll
