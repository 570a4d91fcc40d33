#pragma once
// The grammar of one figure over a stream of tokens, shared by parse_figure (which lexes lazily,
// without allocating) and the field parser (which looks for figures inside longer text).
//
//   figure   := prefix? body suffix?
//   prefix   := "about" | "at least" | "over" | "up to" | "fewer than" | "~" | "≥" | …
//   body     := number (range-tail)? | "between" number "and" number | vague | unknown | zero
//   number   := digits scale? | number-words
//   range    := number ("-" | "–" | "—" | "to") number "+"?
//   suffix   := "+" | "or more" | "or so" | "or fewer" | "or less"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include <toll/category.hpp>
#include <toll/parse/detail/lexer.hpp>
#include <toll/parse/detail/number_words.hpp>
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
    case parse_errc::fewer_than_zero: return "no count is fewer than 0";
    case parse_errc::invalid_utf8: return "the text is not valid UTF-8";
    case parse_errc::not_understood: return "no casualty figure could be read here";
    }
    return "parse error";
}

/// How a prefix or suffix bounds the number it qualifies.
enum class bound_kind : std::uint8_t { none, approximately, at_least, more_than, at_most, fewer_than };

template <class Cursor>
class figure_reader {
public:
    figure_reader(Cursor& cursor, std::string_view text, const vague_table& table) noexcept
        : cursor_{cursor}, text_{text}, table_{table}
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
        if (prefix != bound_kind::none) return read_after_prefix(prefix, prefix_tokens, scan);

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
    /// An abbreviation's period glued to the word before it ("c.", "ca.", "approx.").
    [[nodiscard]] std::size_t optional_period(std::size_t k)
    {
        return (kind(k, token_kind::period) && peek(k).joined) ? 1 : 0;
    }

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

    /// Words and signs that bound or soften the number after them. Sets `tokens` to the tokens
    /// the prefix takes.
    bound_kind match_prefix(std::size_t& tokens)
    {
        const token& t = peek(0);
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
        const std::string_view w = text_of(t);
        auto take = [&](std::size_t n, bound_kind b) {
            tokens = n;
            return b;
        };
        switch (lower(w.front())) {
        case 'a':
            if (iequals(w, "about") || iequals(w, "around") || iequals(w, "approximately") || iequals(w, "almost"))
                return take(1, bound_kind::approximately);
            if (iequals(w, "approx")) return take(1 + optional_period(1), bound_kind::approximately);
            if (iequals(w, "above")) return take(1, bound_kind::more_than);
            if (iequals(w, "at")) {
                if (word(1, "least")) return take(2, bound_kind::at_least);
                if (word(1, "most")) return take(2, bound_kind::at_most);
            }
            if (iequals(w, "as") && word(2, "as")) {
                // "as many as 100", "as high as 20": the top of what is claimed; "as few as 10",
                // "as low as 10": the bottom of it.
                if (word(1, "many") || word(1, "high") || word(1, "much")) return take(3, bound_kind::at_most);
                if (word(1, "few") || word(1, "low") || word(1, "little")) return take(3, bound_kind::at_least);
            }
            if (iequals(w, "a") || iequals(w, "an")) {
                if (word(1, "minimum") && word(2, "of")) return take(3, bound_kind::at_least);
                if (word(1, "maximum") && word(2, "of")) return take(3, bound_kind::at_most);
                if (word(1, "estimated")) return take(2, bound_kind::approximately);
            }
            break;
        case 'b':
            if (iequals(w, "below")) return take(1, bound_kind::fewer_than);
            break;
        case 'c':
            if ((iequals(w, "c") || iequals(w, "ca")) && optional_period(1)) return take(2, bound_kind::approximately);
            if (iequals(w, "circa")) return take(1, bound_kind::approximately);
            if ((iequals(w, "close") || iequals(w, "closer")) && word(1, "to")) return take(2, bound_kind::approximately);
            break;
        case 'e':
            if (iequals(w, "est")) return take(1 + optional_period(1), bound_kind::approximately);
            if (iequals(w, "exceeding") || iequals(w, "exceed") || iequals(w, "exceeds") || iequals(w, "exceeded"))
                return take(1, bound_kind::more_than);
            if (iequals(w, "estimated")) return take(1, bound_kind::approximately);
            break;
        case 'f':
            if (iequals(w, "fewer") && word(1, "than")) return take(2, bound_kind::fewer_than);
            break;
        case 'g':
            if (iequals(w, "greater") && word(1, "than")) return take(2, bound_kind::more_than);
            break;
        case 'i':
            if (iequals(w, "in") && word(1, "excess") && word(2, "of")) return take(3, bound_kind::more_than);
            if (iequals(w, "in") && word(1, "the") && word(2, "region") && word(3, "of"))
                return take(4, bound_kind::approximately);
            break;
        case 'j':
            if (iequals(w, "just") && word(1, "over")) return take(2, bound_kind::more_than);
            if (iequals(w, "just") && word(1, "under")) return take(2, bound_kind::fewer_than);
            break;
        case 'l':
            if (iequals(w, "less") && word(1, "than")) return take(2, bound_kind::fewer_than);
            break;
        case 'm':
            if (iequals(w, "more") && word(1, "than")) return take(2, bound_kind::more_than);
            if (iequals(w, "minimum")) return take(word(1, "of") ? 2 : 1, bound_kind::at_least);
            if (iequals(w, "maximum")) return take(word(1, "of") ? 2 : 1, bound_kind::at_most);
            break;
        case 'n':
            if (iequals(w, "nearly")) return take(1, bound_kind::approximately);
            if (iequals(w, "no") || iequals(w, "not")) {
                if ((word(1, "fewer") || word(1, "less")) && word(2, "than")) return take(3, bound_kind::at_least);
                if (word(1, "more") && word(2, "than")) return take(3, bound_kind::at_most);
            }
            break;
        case 'o':
            if (iequals(w, "over")) return take(1, bound_kind::more_than);
            break;
        case 'r':
            if (iequals(w, "roughly")) return take(1, bound_kind::approximately);
            break;
        case 's':
            if (iequals(w, "some")) return take(1, bound_kind::approximately);
            break;
        case 'u':
            if (iequals(w, "up") && word(1, "to")) return take(2, bound_kind::at_most);
            // "upwards of 300": 300 and up (the brief's reading, and how style guides gloss it).
            if ((iequals(w, "upwards") || iequals(w, "upward")) && word(1, "of")) return take(2, bound_kind::at_least);
            if (iequals(w, "under")) return take(1, bound_kind::fewer_than);
            break;
        case 'w':
            if (iequals(w, "well") && (word(1, "over") || word(1, "above"))) return take(2, bound_kind::more_than);
            break;
        default: break;
        }
        return bound_kind::none;
    }

    /// "unknown", "an unknown number", "undisclosed", "unclear", "not known", "?".
    std::size_t match_unknown()
    {
        const token& t = peek(0);
        if (t.kind == token_kind::question) return 1;
        if (t.kind != token_kind::word) return 0;
        const std::string_view w = text_of(t);
        std::size_t n = 0;
        if (iequals(w, "an") || iequals(w, "a")) n = 1;
        const std::string_view core = n == 0 ? w : (kind(1, token_kind::word) ? text_of(peek(1)) : std::string_view{});
        if (iequals(core, "unknown") || iequals(core, "undisclosed") || iequals(core, "unspecified") ||
            iequals(core, "undetermined") || iequals(core, "unclear") || iequals(core, "unconfirmed")) {
            ++n;
            if (word(n, "number")) ++n;
            return n;
        }
        if (n == 0 && iequals(w, "not") && word(1, "known")) return 2;
        return 0;
    }

    /// "none", "nil", "nobody", "no one", "no casualties", "no deaths" …
    std::size_t match_zero(figure_scan& scan)
    {
        const token& t = peek(0);
        if (t.kind != token_kind::word) return 0;
        const std::string_view w = text_of(t);
        if (iequals(w, "none") || iequals(w, "nil") || iequals(w, "nobody")) return 1;
        if (!iequals(w, "no")) return 0;
        if (!kind(1, token_kind::word)) return 0;
        std::size_t at = 1;
        // "no civilian casualties", "no military deaths"
        if ((word(1, "civilian") || word(1, "military") || word(1, "further") || word(1, "other") ||
             word(1, "reported") || word(1, "known")) &&
            kind(2, token_kind::word))
            at = 2;
        const std::string_view next = text_of(peek(at));
        if (iequals(next, "one") && at == 1) return 2;
        if (iequals(next, "casualties") || iequals(next, "victims")) {
            scan.zero_category = category::casualties;
            return at + 1;
        }
        if (iequals(next, "deaths") || iequals(next, "fatalities") || iequals(next, "dead")) {
            scan.zero_category = category::killed;
            return at + 1;
        }
        if (iequals(next, "injuries") || iequals(next, "injured") || iequals(next, "wounded")) {
            scan.zero_category = category::injured;
            return at + 1;
        }
        return 0;
    }

    /// Vague words through the table: "several", "a few", "dozens", "several hundred",
    /// "tens of thousands" …; sets `tokens`.
    std::optional<vague_word> match_vague(std::size_t k, std::size_t& tokens)
    {
        const token& t = peek(k);
        if (t.kind != token_kind::word) return std::nullopt;
        const std::string_view w = text_of(t);
        auto take = [&](std::size_t n, vague_word v) {
            tokens = n;
            return std::optional<vague_word>{v};
        };
        // "several hundred", "a few dozen", "many thousands": the magnitude word decides.
        auto magnitude = [&](std::size_t at, vague_word otherwise, std::size_t base) {
            if (word(at, "dozen") || word(at, "dozens")) return take(base + 1, vague_word::dozens);
            if (word(at, "hundred") || word(at, "hundreds")) return take(base + 1, vague_word::hundreds);
            if (word(at, "thousand") || word(at, "thousands")) return take(base + 1, vague_word::thousands);
            return take(base, otherwise);
        };
        if (iequals(w, "several")) return magnitude(k + 1, vague_word::several, 1);
        if (iequals(w, "a") && word(k + 1, "few")) return magnitude(k + 2, vague_word::a_few, 2);
        if (iequals(w, "a") && word(k + 1, "handful")) return take(2, vague_word::a_few);
        if (iequals(w, "few")) return magnitude(k + 1, vague_word::a_few, 1);
        if (iequals(w, "many")) return magnitude(k + 1, vague_word::many, 1);
        if (iequals(w, "numerous")) return take(1, vague_word::many);
        if (iequals(w, "multiple")) return take(1, vague_word::several);
        if ((iequals(w, "a") || iequals(w, "an")) && (word(k + 1, "large") || word(k + 1, "great") ||
                                                     word(k + 1, "considerable") || word(k + 1, "significant") ||
                                                     word(k + 1, "substantial")) && word(k + 2, "number"))
            return take(3, vague_word::many);
        if (iequals(w, "a") && word(k + 1, "number") && !kind(k + 2, token_kind::number)) return take(2, vague_word::several);
        if (iequals(w, "dozens")) return take(1, vague_word::dozens);
        if (iequals(w, "scores")) return take(1, vague_word::scores);
        if (iequals(w, "hundreds")) {
            if (word(k + 1, "of") && word(k + 2, "thousands")) return take(3, vague_word::hundreds_of_thousands);
            return take(1, vague_word::hundreds);
        }
        if (iequals(w, "thousands")) return take(1, vague_word::thousands);
        if (iequals(w, "tens") && word(k + 1, "of") && word(k + 2, "thousands"))
            return take(3, vague_word::tens_of_thousands);
        if (iequals(w, "millions")) return take(1, vague_word::millions);
        return std::nullopt;
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
            if (kind(k + 1, token_kind::word)) {
                const number_word scale = lookup_number_word(text_of(peek(k + 1)));
                if (scale.kind == number_word_kind::scale || scale.kind == number_word_kind::hundred ||
                    scale.kind == number_word_kind::dozen) {
                    n.multiplier = scale.value;
                    n.has_scale_word = true;
                    n.end = peek(k + 1).end;
                    ++used;
                }
            }
            return used;
        }
        return read_number_words(k, n);
    }

    /// "twenty-one", "three hundred", "a hundred", "a dozen", "half a dozen",
    /// "two thousand five hundred and six".
    std::size_t read_number_words(std::size_t k, raw_number& n)
    {
        using enum number_word_kind;
        std::size_t i = k;
        std::uint64_t total = 0;    // the part already multiplied by a scale word
        std::uint64_t current = 0;  // the part below the last scale word
        number_word_kind last = none;
        std::uint64_t last_scale = max_count + 1;  // scales must fall: "thousand million" is no number
        std::uint64_t tail_multiplier = 1;
        std::uint64_t before_tail = 0;

        if (word(i, "half") && word(i + 1, "a") && word(i + 2, "dozen")) {
            n = raw_number{};
            n.mantissa = 6;
            n.begin = peek(i).begin;
            n.end = peek(i + 2).end;
            return 3;
        }
        bool article = false;
        if ((word(i, "a") || word(i, "an") || word(i, "one")) && kind(i + 1, token_kind::word)) {
            const number_word next = lookup_number_word(text_of(peek(i + 1)));
            if (next.kind == hundred || next.kind == scale || next.kind == dozen) {
                article = true;
                current = 1;
                last = unit;
                ++i;
            }
        }
        const std::size_t first = article ? i - 1 : i;
        const bool a_dozen = article && word(i, "dozen") && !word(first, "one");
        for (;;) {
            const token& t = peek(i);
            if (t.kind != token_kind::word) break;
            const number_word nw = lookup_number_word(text_of(t));
            if (nw.kind == none) {
                // "and" joins a scale to what follows it: "three hundred and twelve".
                if (iequals(text_of(t), "and") && (last == hundred || last == scale) && kind(i + 1, token_kind::word)) {
                    const number_word after = lookup_number_word(text_of(peek(i + 1)));
                    if ((after.kind == unit && after.value != 0) || after.kind == teen || after.kind == tens) {
                        ++i;
                        continue;
                    }
                }
                break;
            }
            bool taken = true;
            switch (nw.kind) {
            case unit:
            case teen:
                if (nw.value == 0) {
                    taken = last == none;
                } else {
                    taken = last == none || last == hundred || last == scale ||
                            (last == tens && nw.kind == unit && current % 10 == 0);
                }
                if (taken) current += nw.value;
                break;
            case tens:
                taken = last == none || last == hundred || last == scale;
                if (taken) {
                    current += nw.value;
                    // "twenty-one": a hyphen glued to both words joins them.
                    const token& dash = peek(i + 1);
                    if (dash.kind == token_kind::dash && dash.joined && dash.size() == 1 && peek(i + 2).joined &&
                        kind(i + 2, token_kind::word)) {
                        const number_word unit_word = lookup_number_word(text_of(peek(i + 2)));
                        if (unit_word.kind == unit && unit_word.value != 0) {
                            current += unit_word.value;
                            i += 2;
                        }
                    }
                }
                break;
            case hundred:
                taken = (last == unit || last == teen || last == tens || last == none) && current < 100 &&
                        (last == none || current != 0);
                if (taken) current = (current == 0 ? 1 : current) * 100;
                break;
            case dozen:
                taken = (last == unit || last == teen || last == tens || last == none) && current < 100 &&
                        (last == none || current != 0);
                if (taken) current = (current == 0 ? 1 : current) * 12;
                break;
            case scale:
                taken = last != none && last != scale && nw.value < last_scale && current != 0;
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
                }
                break;
            case none: break;
            }
            if (!taken) break;
            last = nw.kind;
            ++i;
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

    void read_after_prefix(bound_kind prefix, std::size_t at, figure_scan& scan)
    {
        // "between 200 and 400", "from 30 to 62"
        if ((word(at, "between") || word(at, "from")) && prefix == bound_kind::none) {
            const bool between = word(at, "between");
            raw_number low, high;
            const std::size_t low_tokens = read_number(at + 1, low);
            if (low_tokens != 0) {
                const std::size_t join = at + 1 + low_tokens;
                const bool joined_ok = between ? (word(join, "and") || kind(join, token_kind::dash))
                                               : (word(join, "to") || kind(join, token_kind::dash));
                if (joined_ok) {
                    const std::size_t high_tokens = read_number(join + 1, high);
                    if (high_tokens != 0) return make_range(scan, low, high, join + 1 + high_tokens, false);
                }
            }
            return no_figure(scan);
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
            if (prefix == bound_kind::approximately && at == 1 && word(0, "some")) {
                return finish(scan, figure::vague(vague_word::several, table_), 1);
            }
            return no_figure(scan);
        }
        std::size_t i = at + used;

        // Ranges: "30–62", "30 to 62", "15-20+", "250 or 260".
        if (kind(i, token_kind::dash) || word(i, "to") || word(i, "or")) {
            raw_number high;
            const std::size_t high_tokens = read_number(i + 1, high);
            const bool or_range = word(i, "or");
            if (high_tokens != 0 && (!or_range || (high.mantissa >= n.mantissa && high.decimals == n.decimals &&
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
        } else if (word(i, "or") && prefix == bound_kind::none) {
            if (word(i + 1, "more") || word(i + 1, "above")) bound = bound_kind::at_least, end += 2;
            else if (word(i + 1, "so")) bound = bound_kind::approximately, end += 2;
            else if (word(i + 1, "fewer") || word(i + 1, "less")) bound = bound_kind::at_most, end += 2;
        } else if (word(i, "plus") && prefix == bound_kind::none) {
            bound = bound_kind::at_least, ++end;
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
        return finish(scan, figure::range(lo.value, hi.value), tokens);
    }

    Cursor& cursor_;
    std::string_view text_;
    const vague_table& table_;
};

}  // namespace toll::detail
