#pragma once
// What only infobox cells have: labels that name whose losses follow ("Mali: 3,300+ killed"),
// and the rule that every word of a cell is read or reported.
#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <toll/parse/detail/attributions.hpp>

namespace toll::detail {

class cell_reader : public attribution_reader {
public:
    using attribution_reader::attribution_reader;

protected:
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
            for (std::size_t k = b; k < e; ++k) consumed_[k] = true;
            // "Mali: 17 morts dans deux attaques", "Niger: 20 killed in an attack": a headline's
            // label names where, not whose losses; the headline says so by reading on past its
            // figures into a phrase of place or event. An infobox's "Mali: 3,300+ killed" does not.
            if (e < m.first && reads_on_as_headline(m)) continue;
            m.grp = group::named(text_between(b, e));
        }
    }

    /// Whether a phrase of place or event ("dans une attaque", "in an ambush") follows figure `m`
    /// in its sentence: the cell is a headline, not an infobox's list of losses.
    [[nodiscard]] bool reads_on_as_headline(const mention& m) const
    {
        for (std::size_t k = std::max(m.scan_end, m.last); k < tokens_.size() && !is_sentence_end(k); ++k) {
            if (is(k, token_kind::open_paren)) return false;  // "(per Mali, in 2013)": an attribution
            if (is_word(k) && !consumed_[k] && is_one_of(text_of(k), lex_.scene_prepositions)) return true;
        }
        return false;
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
};

}  // namespace toll::detail
