#pragma once
// A cell or a sentence as the field reader sees it: its tokens (markup skipped, invalid bytes
// reported), which sentence and clause each token is in, and which tokens have been read.
#include <algorithm>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <toll/parse/detail/field_words.hpp>
#include <toll/parse/detail/figure_grammar.hpp>
#include <toll/parse/detail/lexer.hpp>
#include <toll/parse/detail/lexicon.hpp>
#include <toll/parse/field_options.hpp>
#include <toll/parse/figure_parser.hpp>
#include <toll/parse/parse_result.hpp>

namespace toll::detail {

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

class field_text {
public:
    field_text(std::string_view text, text_mode mode, const field_options& options, const lexicon& lex)
        : text_{text}, mode_{mode}, options_{options}, lex_{lex}
    {
    }

protected:
    // ---- tokens -------------------------------------------------------------------------------

    void lex()
    {
        std::size_t pos = 0;
        for (;;) {
            token t = next_token(text_, pos, lex_mode::field, lex_.style);
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
    /// Whether token i is a hyphen or an apostrophe inside a word ("al-Shabaab", "l'armée"), which
    /// a name reads through.
    [[nodiscard]] bool in_word_mark(std::size_t i) const noexcept
    {
        return (is(i, token_kind::dash) || is(i, token_kind::apostrophe)) && tokens_[i].joined;
    }
    [[nodiscard]] bool word(std::size_t i, std::string_view lower_literal) const noexcept
    {
        return is_word(i) && iequals(text_of(i), lower_literal);
    }
    /// How many tokens the first of `phrases` that matches at i takes (0: none matches).
    [[nodiscard]] std::size_t any_phrase(std::span<const std::string_view> phrases, std::size_t i) const
    {
        const auto tokens = [this](std::size_t k) -> const token& { return tokens_[std::min(k, tokens_.size() - 1)]; };
        const auto texts = [this](const token& t) { return text_.substr(t.begin, t.size()); };
        for (std::string_view p : phrases) {
            if (const std::size_t n = match_phrase(p, i, tokens, texts); n != 0) return n;
        }
        return 0;
    }

    /// Whether token i is a reporting verb: a word of the lexicon's list, or a light verb's noun
    /// after it ("a fait état de").
    [[nodiscard]] bool reporting_verb_at(std::size_t i) const noexcept
    {
        if (!is_word(i)) return false;
        // "Ce chiffre s'ajoute à la soixantaine …": adding itself, the figure reports nothing.
        if (i > 0 && (is_one_of(text_of(i - 1), lex_.reflexive_pronouns) ||
                      (is(i - 1, token_kind::apostrophe) && tokens_[i - 1].joined && i > 1 &&
                       is_one_of(text_of(i - 2), lex_.reflexive_pronouns))))
            return false;
        if (is_reporting_verb(lex_, text_of(i))) return true;
        return i > 0 && is_one_of(text_of(i), lex_.light_verb_nouns) && is_word(i - 1) &&
               is_one_of(text_of(i - 1), lex_.light_verbs);
    }

    /// "and", "or", "et": a conjunction of the text's language.
    [[nodiscard]] bool conjunction(std::size_t i) const noexcept
    {
        return is_word(i) && is_one_of(text_of(i), lex_.conjunctions);
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

    [[nodiscard]] std::string text_between(std::size_t first, std::size_t end) const
    {
        if (end <= first) return {};
        return std::string{text_.substr(tokens_[first].begin, tokens_[end - 1].end - tokens_[first].begin)};
    }

    [[nodiscard]] int paren_depth(std::size_t at) const noexcept
    {
        return at < depth_.size() ? depth_[at] : 0;
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
    std::vector<diagnostic> diagnostics_;
};

}  // namespace toll::detail
