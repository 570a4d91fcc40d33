#pragma once
// The grammar of one figure over a stream of tokens, shared by parse_figure (which lexes lazily,
// without allocating) and the field parser (which looks for figures inside longer text).
//
//   figure   := prefix? body suffix?
//   prefix   := "about" | "at least" | "over" | "up to" | "fewer than" | "~" | "≥" | …
//   body     := number (range-tail)? | "between" number "and" number | vague | unknown | zero
//   number   := digits scale? | number-words
//   range    := number ("-" | "–" | "—" | "to") number ("+" | "(" "best" number ")")?
//   suffix   := "+" | "or more" | "or so" | "or fewer" | "or less"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include <toll/category.hpp>
#include <toll/parse/detail/lexer.hpp>
#include <toll/parse/detail/lexicon.hpp>
#include <toll/parse/detail/number_words.hpp>
#include <toll/parse/detail/phrase.hpp>
#include <toll/figure.hpp>
#include <toll/interval.hpp>
#include <toll/parse/parse_result.hpp>
#include <toll/vague_words.hpp>

namespace toll::detail {

/// A figure read from tokens, or why none could be.
struct figure_scan {
    enum status_t : std::uint8_t {
        ok,
        no_figure,  ///< the tokens do not start a figure; nothing was consumed
        error,      ///< they start one that is wrong (too large, reversed, fractional …)
    } status = no_figure;
    toll::figure value{};
    std::size_t begin = 0;  ///< byte span of the figure's text (for errors: of the offending part)
    std::size_t end = 0;
    std::size_t tokens = 0;  ///< tokens consumed
    parse_errc code = parse_errc::expected_figure;
    std::string_view reason{};
    /// "no deaths", "no injuries": the category word read as part of an explicit zero.
    std::optional<toll::category> zero_category{};
};

/// A number before it is resolved into a count: "1.5 million" is mantissa 15, 1 decimal,
/// multiplier 1'000'000.
struct raw_number {
    std::uint64_t mantissa = 0;
    std::uint8_t decimals = 0;
    std::uint64_t multiplier = 1;
    bool has_scale_word = false;  ///< a scale word was read (so a range's low end may not borrow one)
    bool approximate = false;     ///< "a dozen": said of about twelve
    bool overflow = false;
    bool bad_grouping = false;
    std::size_t begin = 0;
    std::size_t end = 0;
};

inline constexpr std::uint64_t pow10_table[] = {1ull,
                                                10ull,
                                                100ull,
                                                1'000ull,
                                                10'000ull,
                                                100'000ull,
                                                1'000'000ull,
                                                10'000'000ull,
                                                100'000'000ull,
                                                1'000'000'000ull,
                                                10'000'000'000ull,
                                                100'000'000'000ull,
                                                1'000'000'000'000ull,
                                                10'000'000'000'000ull,
                                                100'000'000'000'000ull,
                                                1'000'000'000'000'000ull,
                                                10'000'000'000'000'000ull,
                                                100'000'000'000'000'000ull};

/// The count a raw number stands for, or the error that forbids it.
struct resolved_number {
    count_type value = 0;
    parse_errc error = parse_errc::empty;  // `empty` here means: no error
};

[[nodiscard]] constexpr resolved_number resolve(const raw_number& n) noexcept
{
    if (n.bad_grouping) return {0, parse_errc::bad_grouping};
    if (n.overflow || n.decimals >= std::size(pow10_table)) return {0, parse_errc::number_too_large};
    if (n.decimals == 0 && n.multiplier == 1) {
        // The common case, without a division.
        if (n.mantissa > max_count) return {0, parse_errc::number_too_large};
        return {n.mantissa, parse_errc::empty};
    }
    const std::uint64_t divisor = pow10_table[n.decimals];
    // mantissa < 10^17 and multiplier ≤ 10^12: divide out what the decimals allow before
    // multiplying, so the product is checked against max_count without wrapping.
    std::uint64_t mantissa = n.mantissa;
    std::uint64_t multiplier = n.multiplier;
    std::uint64_t remaining_divisor = divisor;
    while (remaining_divisor > 1 && multiplier % 10 == 0) {
        multiplier /= 10;
        remaining_divisor /= 10;
    }
    if (mantissa % remaining_divisor != 0) return {0, parse_errc::fractional_count};
    mantissa /= remaining_divisor;
    if (multiplier != 0 && mantissa > max_count / multiplier) return {0, parse_errc::number_too_large};
    const std::uint64_t value = mantissa * multiplier;
    if (value > max_count) return {0, parse_errc::number_too_large};
    return {value, parse_errc::empty};
}

[[nodiscard]] constexpr std::string_view reason_for(parse_errc e) noexcept
{
    switch (e) {
    case parse_errc::empty: return "no figure: the text is empty";
    case parse_errc::expected_figure:
        return "expected a figure: a number, a range, or a word such as \"dozens\", \"unknown\" or \"none\"";
    case parse_errc::trailing_text: return "unexpected text after the figure";
    case parse_errc::number_too_large: return "number exceeds toll::max_count (10^12)";
    case parse_errc::fractional_count: return "a count of people cannot be fractional";
    case parse_errc::bad_grouping: return "digit groups after a thousands separator must have three digits";
    case parse_errc::reversed_range: return "the range's low end exceeds its high end";
    case parse_errc::best_outside_range: return "the best estimate lies outside its range";
    case parse_errc::fewer_than_zero: return "no count is fewer than 0";
    case parse_errc::invalid_utf8: return "the text is not valid UTF-8";
    case parse_errc::not_understood: return "no casualty figure could be read here";
    case parse_errc::year: return "a year, not a count of people";
    case parse_errc::date: return "a day of a date, not a count of people";
    case parse_errc::time: return "a time of day, not a count of people";
    case parse_errc::age: return "an age, not a count of people";
    case parse_errc::ordinal: return "an ordinal, not a count of people";
    case parse_errc::count_of_things: return "a count of things or a measure, not of people";
    case parse_errc::part_of_name: return "part of a name, not a count of people";
    case parse_errc::no_category:
        return "a figure whose words do not say what it counts (killed, injured, displaced ...)";
    }
    return "parse error";
}

template <class Cursor>
class figure_reader {
public:
    figure_reader(Cursor& cursor, std::string_view text, const vague_table& table, const lexicon& lex) noexcept
        : cursor_{cursor}, text_{text}, table_{table}, lex_{lex}
    {
    }

    /// Reads one figure at the cursor into `scan`, which must be freshly constructed. On `ok` the
    /// cursor has moved past it; on `no_figure` it has not moved; on `error` it has moved past the
    /// offending tokens. (An out parameter, not a return value: the scan is filled in place, with
    /// no copy on the hot path.)
    void read(figure_scan& scan)
    {
        const token& first = peek(0);
        scan.begin = first.begin;
        if (first.kind == token_kind::number) return read_after_prefix(bound_kind::none, 0, scan);

        std::size_t prefix_tokens = 0;
        const bound_kind prefix = match_prefix(prefix_tokens);
        if (prefix != bound_kind::none || prefix_phrase_) return read_after_prefix(prefix, prefix_tokens, scan);

        // Unknowns and explicit zeros take no prefix.
        if (std::size_t n = match_unknown(); n != 0) return finish(scan, figure::unknown(), n);
        if (std::size_t n = match_zero(scan); n != 0) return finish(scan, figure::zero(), n);
        return read_after_prefix(bound_kind::none, 0, scan);
    }

private:
    [[nodiscard]] const token& peek(std::size_t k) { return cursor_.peek(k); }
    [[nodiscard]] std::string_view text_of(const token& t) const noexcept { return text_.substr(t.begin, t.size()); }
    [[nodiscard]] bool word(std::size_t k, std::string_view lower_literal)
    {
        const token& t = peek(k);
        return t.kind == token_kind::word && iequals(text_of(t), lower_literal);
    }
    [[nodiscard]] bool kind(std::size_t k, token_kind kd) { return peek(k).kind == kd; }
    void finish(figure_scan& scan, const toll::figure& f, std::size_t tokens)
    {
        scan.status = figure_scan::ok;
        scan.value = f;
        scan.end = peek(tokens - 1).end;
        scan.tokens = tokens;
        cursor_.advance(tokens);
    }

    void fail(figure_scan& scan, parse_errc code, std::size_t begin, std::size_t end, std::size_t tokens)
    {
        scan.status = figure_scan::error;
        scan.code = code;
        scan.reason = reason_for(code);
        scan.begin = begin;
        scan.end = end;
        scan.tokens = tokens;
        cursor_.advance(tokens);
    }

    /// Signs and a lexicon's words that bound or soften the number after them. Sets `tokens` to
    /// the tokens the prefix takes and `phrase_` to its phrase (null for a sign).
    bound_kind match_prefix(std::size_t& tokens)
    {
        const token& t = peek(0);
        prefix_phrase_ = nullptr;
        switch (t.kind) {
        case token_kind::tilde:
        case token_kind::approx: tokens = 1; return bound_kind::approximately;
        case token_kind::greater_equal: tokens = 1; return bound_kind::at_least;
        case token_kind::greater: tokens = 1; return bound_kind::more_than;
        case token_kind::less_equal: tokens = 1; return bound_kind::at_most;
        case token_kind::less: tokens = 1; return bound_kind::fewer_than;
        case token_kind::word: break;
        default: return bound_kind::none;
        }
        prefix_phrase_ = first_phrase(lex_.prefixes, 0, tokens, tokens_at(), texts());
        prefix_tokens_ = prefix_phrase_ ? tokens : 0;
        return prefix_phrase_ ? prefix_phrase_->bound : bound_kind::none;
    }

    /// Token access for the phrase matcher.
    [[nodiscard]] auto tokens_at()
    {
        return [this](std::size_t k) -> const token& { return peek(k); };
    }
    [[nodiscard]] auto texts() const
    {
        return [this](const token& t) { return text_of(t); };
    }
    [[nodiscard]] bool word_in(std::size_t k, std::string_view lower_literal)
    {
        return !lower_literal.empty() && word(k, lower_literal);
    }
    [[nodiscard]] bool one_of(std::size_t k, std::span<const std::string_view> words)
    {
        const token& t = peek(k);
        return t.kind == token_kind::word && is_one_of(text_of(t), words);
    }
    [[nodiscard]] number_word number_word_at(std::size_t k)
    {
        const token& t = peek(k);
        return t.kind == token_kind::word ? lookup_number_word(lex_, text_of(t)) : number_word{};
    }

    /// "unknown", "an unknown number", "undisclosed", "unclear", "not known", "?".
    std::size_t match_unknown()
    {
        if (kind(0, token_kind::question)) return 1;
        return match_any(lex_.unknown, 0, tokens_at(), texts());
    }

    /// "none", "nil", "nobody", "no one", "no casualties", "no civilian deaths" …
    std::size_t match_zero(figure_scan& scan)
    {
        if (!kind(0, token_kind::word)) return 0;
        if (const std::size_t n = match_any(lex_.zero_words, 0, tokens_at(), texts()); n != 0) return n;
        if (!one_of(0, lex_.zero_determiners)) return 0;
        std::size_t at = 1;
        if (one_of(1, lex_.zero_adjectives) && kind(2, token_kind::word)) at = 2;
        if (!kind(at, token_kind::word)) return 0;
        const std::string_view next = text_of(peek(at));
        for (const zero_noun& z : lex_.zero_nouns) {
            if (iequals(next, z.word)) {
                scan.zero_category = z.category;
                return at + 1;
            }
        }
        return 0;
    }

    /// Vague words through the table: "several", "a few", "dozens", "several hundred",
    /// "tens of thousands" …; sets `tokens`. A vague phrase right before a number is no figure of
    /// its own ("a number 5").
    std::optional<vague_word> match_vague(std::size_t k, std::size_t& tokens)
    {
        std::size_t n = 0;
        const auto tokens_from = [this, k](std::size_t j) -> const token& { return peek(k + j); };
        const vague_phrase* p = first_phrase(lex_.vague, 0, n, tokens_from, texts());
        if (!p || kind(k + n, token_kind::number)) return std::nullopt;
        tokens = n;
        return p->word;
    }

    /// Reads a number at token k: digits (with an optional scale word) or number words.
    /// Returns the tokens it took (0: no number there).
    std::size_t read_number(std::size_t k, raw_number& n)
    {
        const token& t = peek(k);
        if (t.kind == token_kind::number) {
            n = raw_number{};
            n.mantissa = t.mantissa;
            n.decimals = t.decimals;
            n.overflow = t.overflow;
            n.bad_grouping = t.bad_grouping;
            n.begin = t.begin;
            n.end = t.end;
            std::size_t used = 1;
            // "1.5 million", "three hundred", "10k"
            const number_word scale = number_word_at(k + 1);
            if ((scale.kind == number_word_kind::scale || scale.kind == number_word_kind::hundred ||
                 scale.kind == number_word_kind::dozen) &&
                (!scale.has(glued_only) || peek(k + 1).joined)) {
                n.multiplier = scale.value;
                n.has_scale_word = true;
                n.end = peek(k + 1).end;
                ++used;
            }
            return used;
        }
        return read_number_words(k, n);
    }

    /// "twenty-one", "three hundred", "a hundred", "a dozen", "half a million",
    /// "two thousand five hundred and six"; in French "vingt et un", "quatre-vingt-dix-neuf",
    /// "deux mille", "une cinquantaine".
    std::size_t read_number_words(std::size_t k, raw_number& n)
    {
        using enum number_word_kind;
        std::size_t i = k;
        std::uint64_t total = 0;    // the part already multiplied by a scale word
        std::uint64_t current = 0;  // the part below the last scale word
        number_word_kind last = none;
        number_word last_word{};
        std::uint64_t last_scale = max_count + 1;  // scales must fall: "thousand million" is no number
        std::uint64_t tail_multiplier = 1;
        std::uint64_t before_tail = 0;

        // "un demi-million": an article, the half word, a scale
        if (one_of(i, lex_.articles) && word_in(i + 1, lex_.half_after_article)) {
            const std::size_t at = kind(i + 2, token_kind::dash) ? i + 3 : i + 2;
            const number_word whole = number_word_at(at);
            if ((whole.kind == hundred || whole.kind == scale) && whole.value % 2 == 0) {
                n = raw_number{};
                n.mantissa = whole.value / 2;
                n.has_scale_word = true;
                n.begin = peek(i).begin;
                n.end = peek(at).end;
                return at + 1 - i;
            }
        }
        // "half a dozen", "half a million"
        if (word_in(i, lex_.half) && one_of(i + 1, lex_.articles)) {
            const number_word whole = number_word_at(i + 2);
            if ((whole.kind == hundred || whole.kind == scale || whole.kind == dozen) && whole.value % 2 == 0) {
                n = raw_number{};
                n.mantissa = whole.value / 2;
                n.has_scale_word = true;
                n.begin = peek(i).begin;
                n.end = peek(i + 2).end;
                return 3;
            }
        }
        bool article = false;
        bool exact_article = false;
        if (one_of(i, lex_.articles)) {
            const number_word next = number_word_at(i + 1);
            if (next.kind == approx_count) {
                // "une cinquantaine": about fifty
                n = raw_number{};
                n.mantissa = next.value;
                n.approximate = true;
                n.begin = peek(i).begin;
                n.end = peek(i + 1).end;
                return 2;
            }
            if (next.kind == hundred || next.kind == scale || next.kind == dozen) {
                article = true;
                exact_article = one_of(i, lex_.exact_articles);
                current = 1;
                last = unit;
                last_word = {unit, 1, 0};
                ++i;
            }
        }
        const std::size_t first = article ? i - 1 : i;
        const bool a_dozen = article && !exact_article && word_at_is(i, dozen);
        for (;;) {
            // A hyphen glued to two number words joins them: "twenty-one", "soixante-dix".
            std::size_t at = i;
            if (last != none && kind(i, token_kind::dash) && peek(i).joined && peek(i).size() == 1 &&
                peek(i + 1).joined && kind(i + 1, token_kind::word))
                at = i + 1;
            const token& t = peek(at);
            if (t.kind != token_kind::word) break;
            const number_word nw = lookup_number_word(lex_, text_of(t));
            if (nw.kind == none) {
                if (at != i) break;
                // "three hundred and twelve", "vingt et un": a joiner before the next number word.
                const number_word after = number_word_at(i + 1);
                const bool after_small = (after.kind == unit && after.value != 0) || after.kind == teen ||
                                         after.kind == tens;
                if (word_in(i, lex_.scale_joiner) && (last == hundred || last == scale) && after_small) {
                    ++i;
                    continue;
                }
                if (word_in(i, lex_.tens_unit_joiner) && last == tens &&
                    ((after.kind == unit && after.value == 1) || (after.kind == teen && last_word.has(takes_teen)))) {
                    ++i;
                    continue;
                }
                break;
            }
            if (nw.has(glued_only)) break;
            bool taken = true;
            switch (nw.kind) {
            case unit:
            case teen:
                if (nw.value == 0) {
                    taken = last == none;
                } else if (nw.kind == teen) {
                    taken = last == none || last == hundred || last == scale ||
                            (last == tens && last_word.has(takes_teen) && current % 20 == 0);
                } else {
                    taken = last == none || last == hundred || last == scale ||
                            (last == tens && current % 10 == 0) ||
                            (last == teen && last_word.has(takes_unit) && current % 10 == 0);
                }
                if (taken) current += nw.value;
                break;
            case tens:
                if (nw.has(multiplied) && last == unit && last_word.value > 1 && last_word.value < 10) {
                    // "quatre-vingts": the unit before multiplies
                    current += last_word.value * nw.value - last_word.value;
                    last_word = {tens, last_word.value * nw.value, takes_teen};
                    last = tens;
                    i = at + 1;
                    continue;
                }
                taken = last == none || last == hundred || last == scale;
                if (taken) current += nw.value;
                break;
            case hundred:
                taken = (last == unit || last == teen || last == tens || last == none) && current < 100 &&
                        (last == none || current != 0);
                if (taken) current = (current == 0 ? 1 : current) * nw.value;
                break;
            case dozen:
                taken = (last == unit || last == teen || last == tens || last == none) && current < 100 &&
                        (last == none || current != 0);
                if (taken) current = (current == 0 ? 1 : current) * nw.value;
                break;
            case scale:
                if (last == none && nw.has(stands_alone)) current = 1;  // "mille morts"
                taken = (last != none || nw.has(stands_alone)) && last != scale && nw.value < last_scale &&
                        current != 0;
                if (taken) {
                    before_tail = total;
                    tail_multiplier = nw.value;
                    if (current > max_count / nw.value) {
                        // Past any count: read the words, then report the number as too large.
                        n.overflow = true;
                        current = 0;
                    }
                    total += current * nw.value;
                    if (total > max_count) n.overflow = true, total = max_count + 1;
                    last_scale = nw.value;
                    current = 0;
                } else if (last == none) {
                    current = 0;
                }
                break;
            case approx_count:
            case none: taken = false; break;
            }
            if (!taken) break;
            last = nw.kind;
            last_word = nw;
            i = at + 1;
            if (last == dozen) break;  // "two dozen" ends the number
        }
        if (last == none || (article && i == k + 1)) return 0;
        const bool overflow = n.overflow;
        n = raw_number{};
        n.overflow = overflow;
        n.begin = peek(first).begin;
        n.end = peek(i - 1).end;
        const std::uint64_t value = total + current;
        n.mantissa = value;
        n.has_scale_word = tail_multiplier > 1 || last == hundred || last == dozen;
        n.approximate = a_dozen;
        // "three thousand" may lend its scale to a range's low end ("two to three thousand");
        // "two thousand five hundred" may not.
        if (last == scale && before_tail == 0 && tail_multiplier > 1 && !overflow) {
            n.mantissa = value / tail_multiplier;
            n.multiplier = tail_multiplier;
        }
        return i - k;
    }

    [[nodiscard]] bool word_at_is(std::size_t k, number_word_kind kd) { return number_word_at(k).kind == kd; }

    /// "to", "or", "à" between two numbers, or a dash; the joiner read, if a word.
    [[nodiscard]] bool range_join_at(std::size_t k, bool& loose)
    {
        loose = false;
        if (kind(k, token_kind::dash)) return true;
        const token& t = peek(k);
        if (t.kind != token_kind::word) return false;
        for (const range_joiner& j : lex_.range_joiners) {
            if (iequals(text_of(t), j.word)) {
                loose = j.loose;
                return true;
            }
        }
        return false;
    }

    void read_after_prefix(bound_kind prefix, std::size_t at, figure_scan& scan)
    {
        // "between 200 and 400", "from 30 to 62"
        if (prefix == bound_kind::none) {
            for (const range_frame& frame : lex_.range_frames) {
                if (!word(at, frame.open)) continue;
                raw_number low, high;
                const std::size_t low_tokens = read_number(at + 1, low);
                if (low_tokens != 0) {
                    const std::size_t join = at + 1 + low_tokens;
                    if (word(join, frame.join) || kind(join, token_kind::dash)) {
                        const std::size_t high_tokens = read_number(join + 1, high);
                        if (high_tokens != 0) return make_range(scan, low, high, join + 1 + high_tokens, false);
                    }
                }
                return no_figure(scan);
            }
        }

        std::size_t vague_tokens = 0;
        if (auto v = match_vague(at, vague_tokens)) {
            // A bound on a vague word ("at least dozens", "up to hundreds") adds nothing the table
            // does not already say: the word stands.
            return finish(scan, figure::vague(*v, table_), at + vague_tokens);
        }

        raw_number n;
        const std::size_t used = read_number(at, n);
        if (used == 0) {
            // "some are missing", "kidnapped some residents": "some" without a number is a vague word.
            if (prefix_phrase_ && prefix_phrase_->alone && at == prefix_tokens_) {
                return finish(scan, figure::vague(*prefix_phrase_->alone, table_), at);
            }
            return no_figure(scan);
        }
        std::size_t i = at + used;

        // Ranges: "30–62", "30 to 62", "15-20+", "250 or 260".
        bool loose = false;
        if (range_join_at(i, loose)) {
            raw_number high;
            const std::size_t high_tokens = read_number(i + 1, high);
            if (high_tokens != 0 && (!loose || (high.mantissa >= n.mantissa && high.decimals == n.decimals &&
                                                high.multiplier == n.multiplier && !high.approximate))) {
                std::size_t end = i + 1 + high_tokens;
                // "15-20+" says at least 15 and likely more than 20: the only bound it states for
                // certain is the low one, so it is read as at_least 15.
                bool open = false;
                if (kind(end, token_kind::plus)) {
                    open = true;
                    ++end;
                }
                if (prefix == bound_kind::at_least || prefix == bound_kind::more_than) open = true;
                if (prefix == bound_kind::at_most || prefix == bound_kind::fewer_than) {
                    // "up to 20–30": the ceiling is the high end.
                    return make_bounded(scan, prefix, high, end);
                }
                return make_range(scan, n, high, end, open, prefix == bound_kind::more_than);
            }
        }

        bound_kind bound = prefix;
        if (bound == bound_kind::none && n.approximate) bound = bound_kind::approximately;
        std::size_t end = i;
        if (kind(i, token_kind::plus)) {
            if (bound == bound_kind::none || bound == bound_kind::approximately) bound = bound_kind::at_least;
            ++end;
        } else if (prefix == bound_kind::none) {
            std::size_t length = 0;
            const auto tokens_from = [this, i](std::size_t j) -> const token& { return peek(i + j); };
            if (const bound_phrase* suffix = first_phrase(lex_.suffixes, 0, length, tokens_from, texts())) {
                bound = suffix->bound;
                end += length;
            }
        }
        return make_bounded(scan, bound, n, end);
    }

    void no_figure(figure_scan& scan)
    {
        scan.status = figure_scan::no_figure;
        scan.code = peek(0).kind == token_kind::invalid ? parse_errc::invalid_utf8 : parse_errc::expected_figure;
        scan.reason = reason_for(scan.code);
        scan.begin = peek(0).begin;
        scan.end = peek(0).end;
    }

    void make_bounded(figure_scan& scan, bound_kind bound, const raw_number& n, std::size_t tokens)
    {
        const resolved_number r = resolve(n);
        if (r.error != parse_errc::empty) return fail(scan, r.error, n.begin, n.end, tokens);
        switch (bound) {
        case bound_kind::none: return finish(scan, figure::exact(r.value), tokens);
        case bound_kind::approximately: return finish(scan, figure::approximately(r.value), tokens);
        case bound_kind::at_least: return finish(scan, figure::at_least(r.value), tokens);
        case bound_kind::more_than:
            if (r.value >= max_count) return fail(scan, parse_errc::number_too_large, n.begin, n.end, tokens);
            return finish(scan, figure::more_than(r.value), tokens);
        case bound_kind::at_most: return finish(scan, figure::at_most(r.value), tokens);
        case bound_kind::fewer_than:
            if (r.value == 0) return fail(scan, parse_errc::fewer_than_zero, n.begin, n.end, tokens);
            return finish(scan, figure::fewer_than(r.value), tokens);
        }
        return finish(scan, figure::exact(r.value), tokens);
    }

    void make_range(figure_scan& scan, raw_number low, const raw_number& high, std::size_t tokens, bool open,
                           bool strict = false)
    {
        // "1.5–2 million", "two to three thousand": the low end borrows the high end's scale
        // when it has none of its own and is no larger than the high end's digits.
        if (!low.has_scale_word && high.multiplier > 1 && low.multiplier == 1) {
            const long double l = static_cast<long double>(low.mantissa) / static_cast<long double>(pow10_table[low.decimals < 18 ? low.decimals : 17]);
            const long double h = static_cast<long double>(high.mantissa) / static_cast<long double>(pow10_table[high.decimals < 18 ? high.decimals : 17]);
            if (l <= h) low.multiplier = high.multiplier;
        }
        const resolved_number lo = resolve(low);
        if (lo.error != parse_errc::empty) return fail(scan, lo.error, low.begin, low.end, tokens);
        const resolved_number hi = resolve(high);
        if (hi.error != parse_errc::empty) return fail(scan, hi.error, high.begin, high.end, tokens);
        if (open) {
            if (strict) {
                if (lo.value >= max_count) return fail(scan, parse_errc::number_too_large, low.begin, low.end, tokens);
                return finish(scan, figure::more_than(lo.value), tokens);
            }
            return finish(scan, figure::at_least(lo.value), tokens);
        }
        if (lo.value > hi.value) return fail(scan, parse_errc::reversed_range, low.begin, high.end, tokens);
        // "12–20 (best 20)": the best estimate the source gave with its range (UCDP GED's low,
        // best and high), as to_string(figure) writes it.
        if (kind(tokens, token_kind::open_paren) && word(tokens + 1, "best")) {
            raw_number stated;
            const std::size_t used = read_number(tokens + 2, stated);
            const std::size_t end = tokens + 2 + used;
            if (used != 0 && kind(end, token_kind::close_paren)) {
                const resolved_number b = resolve(stated);
                if (b.error != parse_errc::empty) return fail(scan, b.error, stated.begin, stated.end, end + 1);
                if (b.value < lo.value || b.value > hi.value) {
                    return fail(scan, parse_errc::best_outside_range, stated.begin, stated.end, end + 1);
                }
                return finish(scan, figure::range(lo.value, hi.value, b.value), end + 1);
            }
        }
        return finish(scan, figure::range(lo.value, hi.value), tokens);
    }

    Cursor& cursor_;
    std::string_view text_;
    const vague_table& table_;
    const lexicon& lex_;
    const bound_phrase* prefix_phrase_ = nullptr;  ///< the words of the prefix read, if any
    std::size_t prefix_tokens_ = 0;
};

}  // namespace toll::detail
