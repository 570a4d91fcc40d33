#pragma once
// A forest plot of one key's claims as SVG: one row per claim, labelled by its source chain and
// drawn as the counts the policy reads its figure as (a dot for an exact figure, a bar for a
// range, an arrow for an end left open); claims that did not count are greyed, with the reason
// beside them; the reconciled range is a shaded band and the best figure a dashed line and a
// diamond; a title names the event, category, group and policy, and an axis with 1-2-5 ticks
// runs underneath.
//
// The SVG is written by hand: no dependency, no locale (every number is formatted with integer
// arithmetic), no floating-point text formatting, so the same input gives the same bytes on
// every platform. All text is escaped for XML and made valid UTF-8.

#include <algorithm>
#include <cmath>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <ranges>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <toll/claim.hpp>
#include <toll/detail/date_text.hpp>
#include <toll/detail/utf8_check.hpp>
#include <toll/event.hpp>
#include <toll/figure.hpp>
#include <toll/interval.hpp>
#include <toll/key.hpp>
#include <toll/reconcile/policy.hpp>
#include <toll/reconcile/provenance.hpp>
#include <toll/reconcile/reconcile.hpp>
#include <toll/source.hpp>

namespace toll {

/// How counts map to the horizontal axis.
enum class plot_scale : std::uint8_t {
    /// From 0, evenly: the honest default when the claims are of one order of magnitude.
    linear,
    /// Logarithmic in count + 1, so 0 still has a place: for spreads like "several" beside "500".
    log,
};

struct forest_plot_options {
    plot_scale scale = plot_scale::linear;
    /// Events to name the key's events by ("Moura massacre" rather than "moura-2022"). An event
    /// id not found here, or found without a name, is shown as the id. Not copied: it must
    /// outlive the call.
    std::span<const event> events;
    /// The width of the plotting area in pixels, clamped to 160–2400. The text columns beside it
    /// take what their text needs.
    double plot_width = 440;
};

namespace detail::forest {

// ---- text -----------------------------------------------------------------------------------

/// Appends `text` as XML character data (fit for element content and quoted attributes): the
/// five special characters escaped, line breaks and tabs made spaces, and every ill-formed
/// UTF-8 part and every character XML 1.0 forbids (other C0 controls, U+FFFE, U+FFFF) made
/// U+FFFD, so the output is always well-formed and valid UTF-8.
inline void append_xml(std::string& out, std::string_view text)
{
    static constexpr std::string_view replacement = "\xEF\xBF\xBD";
    std::size_t pos = 0;
    while (pos < text.size()) {
        const unsigned char c = utf8::octet(text[pos]);
        if (c >= 0x80u) {
            const std::size_t length = utf8::valid_length(text, pos);
            if (length == 0) {
                out += replacement;
                pos += utf8::invalid_length(text, pos);
                continue;
            }
            // U+FFFE and U+FFFF are not XML characters.
            if (length == 3 && c == 0xEFu && text[pos + 1] == '\xBF' && (text[pos + 2] == '\xBE' || text[pos + 2] == '\xBF')) {
                out += replacement;
            } else {
                out.append(text, pos, length);
            }
            pos += length;
            continue;
        }
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        case '\t':
        case '\n':
        case '\r': out += ' '; break;
        default:
            if (c < 0x20u || c == 0x7Fu) out += replacement;
            else out += static_cast<char>(c);
        }
        ++pos;
    }
}

[[nodiscard]] inline std::string xml(std::string_view text)
{
    std::string out;
    append_xml(out, text);
    return out;
}

/// The advance of an ASCII character in DejaVu Sans, in em. DejaVu is what sans-serif falls back
/// to on most Linux systems and is wider than Helvetica, Arial or Verdana's narrow glyphs, so a
/// layout that fits it fits the others.
[[nodiscard]] constexpr double ascii_advance(unsigned char c) noexcept
{
    if (c >= '0' && c <= '9') return 0.637;
    switch (c) {
    case ' ': return 0.318;
    case 'i': case 'j': case 'l': return 0.278;
    case 'f': case 't': return 0.39;
    case 'r': return 0.411;
    case 's': case 'z': return 0.53;
    case 'c': return 0.55;
    case 'k': case 'v': case 'x': case 'y': return 0.592;
    case 'm': return 0.974;
    case 'w': return 0.818;
    case 'I': case 'J': return 0.32;
    case 'M': return 0.863;
    case 'W': return 0.989;
    case '.': case ',': case ':': case ';': case '\'': case '|': case '!': return 0.337;
    case '(': case ')': case '[': case ']': case '/': return 0.39;
    case '-': return 0.361;
    case '+': case '=': case '<': case '>': return 0.838;
    default: break;
    }
    if (c >= 'A' && c <= 'Z') return 0.72;
    if (c >= 'a' && c <= 'z') return 0.62;
    return 0.62;
}

/// An upper estimate of the width of `text` at `size` pixels (bold adds a tenth).
[[nodiscard]] inline double text_width(std::string_view text, double size, bool bold = false)
{
    double em = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const unsigned char c = utf8::octet(text[pos]);
        if (c < 0x80u) {
            em += ascii_advance(c);
            ++pos;
            continue;
        }
        const std::size_t length = utf8::valid_length(text, pos);
        // Wide scripts (CJK and beyond, from U+2E80) take a full em; the rest about a letter's.
        em += length >= 3 && (c > 0xE2u || (c == 0xE2u && utf8::octet(text[pos + 1]) >= 0xBAu)) ? 1.0 : 0.65;
        pos += length == 0 ? utf8::invalid_length(text, pos) : length;
    }
    return em * size * (bold ? 1.1 : 1.0);
}

/// `text`, cut at a character boundary and ended with "…" when wider than `max_width`.
[[nodiscard]] inline std::string fit(std::string_view text, double max_width, double size, bool bold = false)
{
    if (text_width(text, size, bold) <= max_width) return std::string{text};
    const double room = max_width - text_width("\xE2\x80\xA6", size, bold);
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t length = std::max<std::size_t>(1, utf8::valid_length(text, pos));
        const std::size_t next = std::min(text.size(), pos + length);
        if (text_width(text.substr(0, next), size, bold) > room) break;
        pos = next;
    }
    std::string out{text.substr(0, pos)};
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\xE2\x80\xA6";
}

// ---- numbers --------------------------------------------------------------------------------

/// A coordinate with at most two decimals, trailing zeros dropped, written with integer
/// arithmetic only ("12.5", "300", "-4.25").
[[nodiscard]] inline std::string num(double value)
{
    const long long hundredths = std::llround(value * 100.0);
    const unsigned long long magnitude = hundredths < 0 ? 0ULL - static_cast<unsigned long long>(hundredths)
                                                        : static_cast<unsigned long long>(hundredths);
    std::string out = hundredths < 0 ? "-" : "";
    out += std::to_string(magnitude / 100);
    const unsigned long long fraction = magnitude % 100;
    if (fraction != 0) {
        out += '.';
        out += static_cast<char>('0' + fraction / 10);
        if (fraction % 10 != 0) out += static_cast<char>('0' + fraction % 10);
    }
    return out;
}

/// A tick label: plain digits, or, when `compact`, thousands as "k", millions as "M", billions
/// as "B" and trillions as "T" ("2.5k", "200B").
[[nodiscard]] inline std::string count_label(count_type value, bool compact)
{
    if (!compact || value < 1000) return std::to_string(value);
    static constexpr struct {
        count_type unit;
        int digits;
        char suffix;
    } units[] = {{1'000'000'000'000, 12, 'T'}, {1'000'000'000, 9, 'B'}, {1'000'000, 6, 'M'}, {1'000, 3, 'k'}};
    for (const auto& u : units) {
        if (value < u.unit) continue;
        std::string out = std::to_string(value / u.unit);
        std::string fraction = std::to_string(value % u.unit);
        if (value % u.unit != 0) {
            fraction.insert(0, static_cast<std::size_t>(u.digits) - fraction.size(), '0');
            while (fraction.back() == '0') fraction.pop_back();
            out += '.' + fraction;
        }
        return out + u.suffix;
    }
    return std::to_string(value);
}

// ---- the axis -------------------------------------------------------------------------------

struct axis {
    plot_scale scale = plot_scale::linear;
    count_type top = 10;  // the count at the right end
    std::vector<count_type> ticks;

    /// Where `n` falls, from 0 (left end) to 1 (right end).
    [[nodiscard]] double at(count_type n) const
    {
        const double value = static_cast<double>(std::min(n, top));
        if (scale == plot_scale::linear) return value / static_cast<double>(top);
        return std::log10(value + 1.0) / std::log10(static_cast<double>(top) + 1.0);
    }
};

/// An axis reaching past `highest` (the largest finite count drawn), with room for arrows when
/// `open_ended`: linear from 0 in 1-2-5 steps, at most eight of them; or logarithmic up to a
/// power of ten, ticked at 1, 2 and 5 of each decade while there are four decades or fewer, at
/// powers of ten beyond (every second or third power when there are more than seven decades).
[[nodiscard]] inline axis make_axis(plot_scale scale, count_type highest, bool open_ended)
{
    axis a;
    a.scale = scale;
    if (scale == plot_scale::linear) {
        count_type target = open_ended ? highest + highest / 4 + 1 : highest;
        target = std::max<count_type>(target, 5);
        count_type step = 1;
        for (count_type magnitude = 1;; magnitude *= 10) {
            bool found = false;
            for (const count_type m : {count_type{1}, count_type{2}, count_type{5}}) {
                step = m * magnitude;
                if ((target + step - 1) / step <= 8) {
                    found = true;
                    break;
                }
            }
            if (found) break;
        }
        a.top = (target + step - 1) / step * step;
        for (count_type t = 0; t <= a.top; t += step) a.ticks.push_back(t);
        return a;
    }
    const count_type target = std::max<count_type>(open_ended ? highest * 2 : highest, 10);
    int decades = 1;
    for (count_type top = 10; top < target; top *= 10) ++decades;
    // Few decades: 1, 2 and 5 of each. More: powers of ten, every `stride`-th, at most seven.
    const int stride = (decades + 6) / 7;
    decades = (decades + stride - 1) / stride * stride;
    count_type stride_factor = 1;
    for (int i = 0; i < stride; ++i) stride_factor *= 10;
    a.top = 1;
    for (int i = 0; i < decades; ++i) a.top *= 10;
    a.ticks.push_back(0);
    for (count_type power = 1; power <= a.top; power *= stride_factor) {
        a.ticks.push_back(power);
        if (decades <= 4 && power < a.top) {
            a.ticks.push_back(power * 2);
            a.ticks.push_back(power * 5);
        }
    }
    return a;
}

// ---- the rows -------------------------------------------------------------------------------

struct row {
    claim c;  // a copy: an input range may hand out temporaries
    std::size_t input_index = 0;
    const claim_fate* fate = nullptr;
    std::optional<interval> reading;
    bool counted = false;
    bool clashes = false;
    std::string label;   // source chain
    std::string figure;  // as written
    std::string date;
    std::string note;    // the fate: roles when counted, the reason when not
};

[[nodiscard]] inline bool has(const std::vector<std::string>& ids, const std::string& id)
{
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

/// Counted first; then by reading (unknowns last), low end then high end; then by id.
[[nodiscard]] inline bool row_less(const row& a, const row& b)
{
    if (a.counted != b.counted) return a.counted;
    if (a.reading.has_value() != b.reading.has_value()) return a.reading.has_value();
    if (a.reading && b.reading) {
        if (a.reading->low() != b.reading->low()) return a.reading->low() < b.reading->low();
        const count_type ah = a.reading->high().value_or(max_count + 1);
        const count_type bh = b.reading->high().value_or(max_count + 1);
        if (ah != bh) return ah < bh;
    }
    if (a.c.id != b.c.id) return a.c.id < b.c.id;
    return a.input_index < b.input_index;
}

/// What a row says about the claim's fate.
[[nodiscard]] inline std::string fate_note(const row& r, const reconciliation& result, const std::vector<row>& rows)
{
    if (!r.fate) return "not in this reconciliation";
    if (r.counted) {
        std::vector<std::string> roles;
        if (result.lower && has(result.lower->claims, r.c.id)) roles.emplace_back("lower bound");
        if (result.upper && has(result.upper->claims, r.c.id)) roles.emplace_back("cap");
        if (result.best && has(result.best->claims, r.c.id)) roles.emplace_back("best");
        if (r.clashes) roles.emplace_back("clashes");
        if (!r.reading) roles.emplace_back("no figure");
        std::string text = "counted";
        for (std::size_t i = 0; i < roles.size(); ++i) text += (i == 0 ? ": " : ", ") + roles[i];
        return text;
    }
    // The claim that counts instead, described by its figure and date (it carries the same
    // source label, so the reader finds it in the rows above).
    auto instead = [&]() -> std::string {
        const auto it = std::find_if(rows.begin(), rows.end(), [&](const row& o) { return o.c.id == r.fate->counted_instead; });
        if (it == rows.end()) return r.fate->counted_instead;
        return it->figure + (it->c.reported.is_special() ? std::string{} : ", " + it->date);
    };
    switch (*r.fate->exclusion) {
    case exclusion::superseded: return "superseded by later report (" + instead() + ")";
    case exclusion::relayed: return "repeats counted report (" + instead() + ")";
    case exclusion::adversary_claim: return "a party's claim about its adversary's losses";
    case exclusion::source_not_admitted:
        return "source kind not admitted: " + std::string{to_string(r.c.source.origin.kind)};
    case exclusion::reported_after: return "reported after the as-of date";
    case exclusion::undated: return "undated: no place in an as-of reconciliation";
    case exclusion::outside_key: return "outside this key";
    case exclusion::invalid: return "invalid: no id, no event, or a repeated id";
    }
    return "excluded";
}

// ---- drawing --------------------------------------------------------------------------------

inline constexpr std::string_view font = "DejaVu Sans, Verdana, Arial, Helvetica, sans-serif";
inline constexpr std::string_view ink = "#1f1f1f";
inline constexpr std::string_view counted_ink = "#1f4e79";
inline constexpr std::string_view clash_ink = "#b2182b";
inline constexpr std::string_view grey_ink = "#8f8f8f";
inline constexpr std::string_view grey_mark = "#b3b3b3";
inline constexpr std::string_view band_fill = "#3a87c8";
inline constexpr std::string_view conflict_fill = "#d6604d";
inline constexpr std::string_view best_ink = "#e08214";

class canvas {
public:
    std::string out;

    void line(double x1, double y1, double x2, double y2, std::string_view stroke, double width, std::string_view dash = {})
    {
        out += "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) + "\" stroke=\"";
        out += stroke;
        out += "\" stroke-width=\"" + num(width) + "\"";
        if (!dash.empty()) {
            out += " stroke-dasharray=\"";
            out += dash;
            out += "\"";
        }
        out += "/>\n";
    }
    void rect(double x, double y, double w, double h, std::string_view fill, double opacity = 1)
    {
        out += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(std::max(w, 0.0)) + "\" height=\"" +
               num(std::max(h, 0.0)) + "\" fill=\"";
        out += fill;
        out += "\"";
        if (opacity < 1) out += " fill-opacity=\"" + num(opacity) + "\"";
        out += "/>\n";
    }
    void circle(double cx, double cy, double r, std::string_view fill)
    {
        out += "<circle cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"" + num(r) + "\" fill=\"";
        out += fill;
        out += "\"/>\n";
    }
    void polygon(std::initializer_list<double> xy, std::string_view fill, std::string_view stroke = {})
    {
        out += "<polygon points=\"";
        bool first = true;
        bool is_x = true;
        for (double v : xy) {
            if (!first) out += is_x ? " " : ",";
            out += num(v);
            first = false;
            is_x = !is_x;
        }
        out += "\" fill=\"";
        out += fill;
        out += "\"";
        if (!stroke.empty()) {
            out += " stroke=\"";
            out += stroke;
            out += "\" stroke-width=\"1\"";
        }
        out += "/>\n";
    }
    /// Text at (x, y) (y is the baseline). `style` is extra attributes, already well-formed.
    void text(double x, double y, std::string_view content, double size, std::string_view fill, std::string_view style = {})
    {
        out += "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" font-size=\"" + num(size) + "\" fill=\"";
        out += fill;
        out += "\"";
        if (!style.empty()) {
            out += ' ';
            out += style;
        }
        out += '>';
        append_xml(out, content);
        out += "</text>\n";
    }

    /// A claim's reading at row centre `y`: a dot, a bar with end ticks, or a bar running into an
    /// arrow past the axis end.
    void mark(double x_low, std::optional<double> x_high, double arrow_tip, double y, std::string_view colour, double weight)
    {
        if (x_high && *x_high - x_low < 0.5) {
            circle(x_low, y, 4.5, colour);
            return;
        }
        if (x_high && *x_high - x_low < 8) {
            // Too short for end ticks to read: a small block.
            rect(x_low, y - 4, *x_high - x_low, 8, colour);
            return;
        }
        line(x_low, y - 5, x_low, y + 5, colour, 1.6);
        if (x_high) {
            line(x_low, y, *x_high, y, colour, weight);
            line(*x_high, y - 5, *x_high, y + 5, colour, 1.6);
            return;
        }
        line(x_low, y, arrow_tip - 8, y, colour, weight);
        polygon({arrow_tip, y, arrow_tip - 10, y - 5, arrow_tip - 10, y + 5}, colour);
    }
};

/// Which kinds of mark a plot has, so its legend explains those and no others.
struct marks_used {
    bool dot = false, bar = false, arrow = false, excluded = false;
};

/// Draws the legend from `x` along baseline-centre `ly`; returns where it ends.
inline double draw_legend(canvas& cv, double x, double ly, const reconciliation& result, const marks_used& used, double size)
{
    auto label = [&](std::string_view text) {
        cv.text(x, ly + 4, text, size, ink);
        x += text_width(text, size) + 18;
    };
    const double start = x;
    if (used.dot) {
        cv.circle(x + 5, ly, 4.5, counted_ink);
        x += 14;
        label("exact figure");
    }
    if (used.bar) {
        cv.mark(x, x + 26, 0, ly, counted_ink, 2.6);
        x += 32;
        label("range");
    }
    if (used.arrow) {
        cv.mark(x, std::nullopt, x + 30, ly, counted_ink, 2.6);
        x += 36;
        label("no upper end");
    }
    if (used.excluded) {
        cv.mark(x, x + 26, 0, ly, grey_mark, 2);
        x += 32;
        label("not counted");
    }
    const bool conflict = result.status == status::conflicting;
    if (result.status != status::unknown) {
        cv.rect(x, ly - 6, 24, 12, conflict ? conflict_fill : band_fill, 0.3);
        x += 30;
        label(conflict ? "reported range (the claims conflict)" : "reconciled range");
    }
    if (conflict) {
        cv.line(x, ly, x + 24, ly, clash_ink, 4);
        cv.line(x, ly - 7, x, ly + 7, clash_ink, 2.4);
        cv.line(x + 24, ly - 7, x + 24, ly + 7, clash_ink, 2.4);
        x += 30;
        label("clash: cap below lower bound");
    }
    if (result.best) {
        cv.polygon({x + 7, ly - 7, x + 14, ly, x + 7, ly + 7, x, ly}, best_ink, "#ffffff");
        x += 18;
        label("best (" + std::string{to_string(result.best->rule)} + ")");
    }
    return x == start ? x : x - 18;
}

struct layout {
    double margin = 16;
    double row_height = 22;
    double size = 12;          // body text
    double small = 11;         // notes, ticks, legend
    double label_x = 0, plot_left = 0, plot_right = 0, arrow_tip = 0;
    double figure_x = 0, date_x = 0, note_x = 0, width = 0;
};

}  // namespace detail::forest

/// The forest plot of `result` as an SVG document.
///
/// `claims` may be every claim reconciled, not only those of `result.key`: the rows are the
/// claims under the key (claims elsewhere are skipped), each drawn as `p` reads its figure, with
/// its fate taken from `result` (a claim `result` does not list is greyed as "not in this
/// reconciliation"). `p` must be the policy `result` was made under; throws
/// std::invalid_argument when `result` names another (an unnamed result is accepted).
/// Rows come counted claims first, then the others, each part ordered by reading, then by id,
/// so the output depends only on the claims, the result and the options.
template <std::ranges::input_range Claims>
    requires std::same_as<std::ranges::range_value_t<Claims>, claim>
[[nodiscard]] std::string forest_plot_svg(const Claims& claims, const reconciliation& result, const policy& p,
                                          const forest_plot_options& options = {})
{
    using namespace detail::forest;
    if (!result.policy.empty() && result.policy != p.name) {
        throw std::invalid_argument("toll::forest_plot_svg: the result was made under policy '" + result.policy +
                                    "', not '" + p.name + "'");
    }
    const std::string policy_name = result.policy.empty() ? p.name : result.policy;
    const std::string policy_short = fit(policy_name, 150, 12, true);  // for the column labels

    // ---- rows
    std::vector<row> rows;
    std::size_t index = 0;
    for (const claim& c : claims) {
        const std::size_t at = index++;
        if (!has_key(c, result.key)) continue;
        row r;
        r.c = c;
        r.input_index = at;
        r.fate = result.fate(c.id);
        r.counted = r.fate && r.fate->used();
        r.reading = p.reading(c.figure);
        r.clashes = r.counted && has(result.clashing, c.id);
        r.label = to_string(c.source);
        r.figure = to_string(c.figure);
        r.date = c.reported.is_special() ? "\u2014" : detail::iso_date(c.reported);
        rows.push_back(std::move(r));
    }
    std::sort(rows.begin(), rows.end(), row_less);
    for (auto& r : rows) r.note = fate_note(r, result, rows);
    const std::size_t counted = static_cast<std::size_t>(std::count_if(rows.begin(), rows.end(), [](const row& r) { return r.counted; }));
    const bool split = counted > 0 && counted < rows.size();
    marks_used used;
    for (const auto& r : rows) {
        if (!r.counted) used.excluded = true;
        else if (r.reading && !r.reading->bounded()) used.arrow = true;
        else if (r.reading && r.reading->low() == *r.reading->high()) used.dot = true;
        else if (r.reading) used.bar = true;
    }

    // ---- the axis: every finite count drawn, and whether anything runs open to the right
    // result.estimate(), read defensively: a result built by hand may lack a part it implies.
    std::optional<interval> estimate;
    if (result.status == status::conflicting) {
        if (result.reported) estimate = result.reported->range;
    } else if (result.status != status::unknown && result.lower) {
        const bool capped = result.upper && result.upper->value >= result.lower->value;
        estimate = capped ? interval::between(result.lower->value, result.upper->value) : interval::at_least(result.lower->value);
    }
    count_type highest = 0;
    bool open_ended = false;
    auto take = [&](const interval& range) {
        highest = std::max(highest, range.high().value_or(range.low()));
        open_ended = open_ended || !range.bounded();
    };
    for (const auto& r : rows) {
        if (r.reading) take(*r.reading);
    }
    if (estimate) take(*estimate);
    if (result.reported) take(result.reported->range);
    if (result.lower) highest = std::max(highest, result.lower->value);
    if (result.upper) highest = std::max(highest, result.upper->value);
    if (result.best) highest = std::max(highest, result.best->value);
    const axis ax = make_axis(options.scale, highest, open_ended);
    const bool compact_ticks = ax.top >= 10'000;

    // ---- text
    std::string title;
    for (std::size_t i = 0; i < result.key.events.size(); ++i) {
        const std::string& id = result.key.events[i];
        const auto named = std::find_if(options.events.begin(), options.events.end(),
                                        [&](const event& e) { return e.id == id && !e.name.empty(); });
        title += (i == 0 ? "" : " + ") + (named == options.events.end() ? id : named->name);
    }
    if (title.empty()) title = "(no event)";
    title += ": " + std::string{to_string(result.key.category)} + ", " + to_string(result.key.group) + " (" + policy_name + " policy)";

    std::string events_text;
    for (std::size_t i = 0; i < result.key.events.size(); ++i) events_text += (i == 0 ? "" : " + ") + result.key.events[i];
    std::string subtitle = events_text.empty() ? std::string{} : events_text + "  \u00b7  ";
    subtitle += std::to_string(rows.size()) + (rows.size() == 1 ? " claim, " : " claims, ") + std::to_string(counted) + " counted  \u00b7  status: ";
    subtitle += to_string(result.status);
    // Intervals as every toll output prints them (toll::to_string): "[30, 62]", "[61, ∞)".
    if (result.reported) subtitle += "  \u00b7  reported range " + to_string(result.reported->range);

    std::string summary_figure = estimate ? to_string(*estimate) : "\u2014";
    if (result.best) summary_figure += ", best " + std::to_string(result.best->value);
    std::string summary_note;
    switch (result.status) {
    case status::consistent: summary_note = "consistent"; break;
    case status::zero: summary_note = "zero: the caps say nobody"; break;
    case status::unknown: summary_note = rows.empty() ? "no claims" : "unknown: no counted claim has a figure"; break;
    case status::conflicting:
        summary_note = "conflicting: lower bound " + std::to_string(result.lower ? result.lower->value : 0) + " above cap " +
                       std::to_string(result.upper ? result.upper->value : 0);
        break;
    }

    // ---- columns
    layout L;
    const double plot_width = std::clamp(options.plot_width, 160.0, 2400.0);
    const double max_label = 340, max_note = 360;
    double label_w = text_width("Reconciled (" + policy_short + ")", L.size, true);
    double figure_w = std::max(text_width("Figure", L.size, true), text_width(summary_figure, L.size, true));
    double date_w = std::max(text_width("Reported", L.size, true), text_width("2000-00-00", L.size));
    double note_w = std::max(text_width("Fate under " + policy_short, L.size, true), text_width(summary_note, L.small));
    label_w = std::max(label_w, text_width("Source (via relays)", L.size, true));
    for (auto& r : rows) {
        r.label = fit(r.label, max_label, L.size);
        r.note = fit(r.note, max_note, L.small);
        label_w = std::max(label_w, text_width(r.label, L.size));
        figure_w = std::max(figure_w, text_width(r.figure, L.size));
        note_w = std::max(note_w, text_width(r.note, L.small));
    }
    label_w = std::min(label_w, std::max(max_label, text_width("Reconciled (" + policy_short + ")", L.size, true)));
    figure_w = std::min(figure_w, 260.0);
    note_w = std::min(note_w, max_note);
    L.label_x = L.margin;
    L.plot_left = L.label_x + label_w + 22;
    L.plot_right = L.plot_left + plot_width;
    L.arrow_tip = L.plot_right + 12;
    L.figure_x = L.arrow_tip + 20;
    L.date_x = L.figure_x + figure_w + 18;
    L.note_x = L.date_x + date_w + 18;
    L.width = L.note_x + note_w + L.margin + 8;
    const double title_size = 16;
    L.width = std::max(L.width, L.margin * 2 + text_width(title, title_size, true));
    L.width = std::max(L.width, L.margin * 2 + text_width(subtitle, L.size));
    {
        canvas scratch;
        L.width = std::max(L.width, L.margin + draw_legend(scratch, L.margin, 0, result, used, L.small));
    }
    L.width = std::ceil(L.width);

    // ---- rows' vertical places
    const double title_y = L.margin + 16;
    const double subtitle_y = title_y + 21;
    const double header_y = subtitle_y + 30;
    const double rows_top = header_y + 8;
    std::vector<double> centres;
    double y = rows_top;
    double section_y = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (split && i == counted) {
            section_y = y + 15;
            y += 21;
        }
        centres.push_back(y + L.row_height / 2);
        y += L.row_height;
    }
    if (rows.empty()) y += L.row_height;  // room for "no claims"
    const double summary_top = y + 6;
    const double summary_y = summary_top + 14;
    const double plot_bottom = summary_top + 28;
    const double axis_y = plot_bottom + 4;
    const double tick_label_y = axis_y + 18;
    const double caption_y = tick_label_y + 19;
    const double legend_y = caption_y + 28;
    const double height = std::ceil(legend_y + 10 + L.margin);

    auto x_of = [&](count_type n) { return L.plot_left + ax.at(n) * plot_width; };
    auto x_high = [&](const interval& range) -> std::optional<double> {
        if (!range.bounded()) return std::nullopt;
        return x_of(*range.high());
    };

    canvas cv;
    std::string& s = cv.out;
    s += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    s += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(L.width) + "\" height=\"" + num(height) + "\" viewBox=\"0 0 " +
         num(L.width) + " " + num(height) + "\" font-family=\"";
    s += font;
    s += "\">\n<title>";
    append_xml(s, "Forest plot: " + title);
    s += "</title>\n<desc>";
    append_xml(s, subtitle + ". One row per claim, drawn as the " + policy_name +
                      " policy reads its figure; greyed rows did not count, for the reason given.");
    s += "</desc>\n";
    cv.rect(0, 0, L.width, height, "#ffffff");
    cv.text(L.margin, title_y, title, title_size, ink, "font-weight=\"bold\"");
    cv.text(L.margin, subtitle_y, subtitle, L.size, "#555555");

    // Zebra stripes, so a row reads across from its label to its fate.
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (i % 2 == 1) cv.rect(L.margin - 4, centres[i] - L.row_height / 2, L.width - 2 * L.margin + 8, L.row_height, "#f3f5f7");
    }

    // Grid lines at the ticks, then the band, then the best line: all behind the marks.
    std::vector<std::pair<count_type, double>> shown_ticks;  // value, x
    {
        double last_right = -1e9;
        for (count_type t : ax.ticks) {
            const double x = x_of(t);
            const double half = text_width(count_label(t, compact_ticks), L.small) / 2;
            if (x - half < last_right + 8) continue;
            shown_ticks.emplace_back(t, x);
            last_right = x + half;
        }
    }
    for (const auto& [t, x] : shown_ticks) cv.line(x, rows_top, x, axis_y, "#dcdcdc", 1);

    s += "<g class=\"band\">\n";
    if (estimate) {
        const double left = x_of(estimate->low());
        double right = estimate->bounded() ? x_of(*estimate->high()) : L.arrow_tip;
        const bool conflict = result.status == status::conflicting;
        double band_left = left;
        if (right - band_left < 8) {
            // A single count: still a band a reader can see.
            band_left = (left + right) / 2 - 4;
            right = band_left + 8;
        }
        cv.rect(band_left, rows_top, right - band_left, plot_bottom - rows_top, conflict ? conflict_fill : band_fill, 0.16);
    }
    if (result.best) {
        cv.line(x_of(result.best->value), rows_top, x_of(result.best->value), plot_bottom, best_ink, 1.4, "5 3");
    }
    s += "</g>\n";

    // Column headers.
    cv.text(L.label_x, header_y, "Source (via relays)", L.size, ink, "font-weight=\"bold\"");
    cv.text(L.figure_x, header_y, "Figure", L.size, ink, "font-weight=\"bold\"");
    cv.text(L.date_x, header_y, "Reported", L.size, ink, "font-weight=\"bold\"");
    cv.text(L.note_x, header_y, "Fate under " + policy_short, L.size, ink, "font-weight=\"bold\"");
    cv.line(L.margin - 4, rows_top - 2, L.width - L.margin + 4, rows_top - 2, "#9e9e9e", 1);

    if (split) {
        cv.line(L.margin - 4, section_y - 15, L.width - L.margin + 4, section_y - 15, "#c8c8c8", 1, "2 2");
        cv.text(L.label_x, section_y, "Not counted under " + policy_short, L.small, grey_ink, "font-style=\"italic\"");
    }

    for (std::size_t i = 0; i < rows.size(); ++i) {
        const row& r = rows[i];
        const double cy = centres[i];
        const double base = cy + 4;
        s += "<g class=\"claim ";
        s += r.counted ? "counted" : "excluded";
        s += "\" data-claim=\"";
        append_xml(s, r.c.id);
        s += "\">\n<title>";
        append_xml(s, r.c.id + ": " + to_string(r.c.figure) + ", per " + to_string(r.c.source) + (r.c.text.empty() ? "" : " \u2014 \u201c" + r.c.text + "\u201d"));
        s += "</title>\n";
        const std::string_view text_ink = r.counted ? ink : grey_ink;
        const std::string_view mark_ink = !r.counted ? grey_mark : r.clashes ? clash_ink : counted_ink;
        cv.text(L.label_x, base, r.label, L.size, text_ink);
        if (r.reading) {
            cv.mark(x_of(r.reading->low()), x_high(*r.reading), L.arrow_tip, cy, mark_ink, r.counted ? 2.6 : 2);
        } else {
            cv.text((L.plot_left + L.plot_right) / 2, base, "unknown: no figure", L.small, grey_ink,
                    "font-style=\"italic\" text-anchor=\"middle\"");
        }
        cv.text(L.figure_x, base, r.figure, L.size, text_ink);
        cv.text(L.date_x, base, r.date, L.size, text_ink);
        cv.text(L.note_x, base, r.note, L.small, !r.counted ? grey_ink : r.clashes ? clash_ink : counted_ink,
                r.counted ? std::string_view{} : std::string_view{"font-style=\"italic\""});
        s += "</g>\n";
    }
    if (rows.empty()) {
        cv.text((L.plot_left + L.plot_right) / 2, rows_top + L.row_height / 2 + 4, "no claims under this key", L.small, grey_ink,
                "font-style=\"italic\" text-anchor=\"middle\"");
    }

    // The summary row: the reconciled range as a thick bar, the best figure as a diamond.
    s += "<g class=\"summary\">\n";
    cv.line(L.margin - 4, summary_top, L.width - L.margin + 4, summary_top, "#9e9e9e", 1);
    cv.text(L.label_x, summary_y + 4, "Reconciled (" + policy_short + ")", L.size, ink, "font-weight=\"bold\"");
    if (estimate) {
        const bool conflict = result.status == status::conflicting;
        // A conflict's estimate is the reported range: drawn pale, under the gap of the clash.
        const std::string_view fill = conflict ? conflict_fill : band_fill;
        const double opacity = conflict ? 0.45 : 1.0;
        const double left = x_of(estimate->low());
        if (estimate->bounded()) {
            const double right = x_of(*estimate->high());
            if (right - left < 4) cv.rect((left + right) / 2 - 2, summary_y - 6, 4, 12, fill, opacity);
            else cv.rect(left, summary_y - 5, right - left, 10, fill, opacity);
        } else {
            cv.rect(left, summary_y - 5, L.arrow_tip - 10 - left, 10, fill, opacity);
            cv.polygon({L.arrow_tip, summary_y, L.arrow_tip - 10, summary_y - 8, L.arrow_tip - 10, summary_y + 8}, fill);
        }
        if (conflict && result.lower && result.upper) {
            // The clash: from the cap up to the lower bound that exceeds it, no count satisfies both.
            const double cap_x = x_of(result.upper->value), lower_x = x_of(result.lower->value);
            cv.line(cap_x, summary_y, lower_x, summary_y, clash_ink, 4);
            cv.line(cap_x, summary_y - 9, cap_x, summary_y + 9, clash_ink, 2.4);
            cv.line(lower_x, summary_y - 9, lower_x, summary_y + 9, clash_ink, 2.4);
        }
    } else {
        cv.text((L.plot_left + L.plot_right) / 2, summary_y + 4, rows.empty() ? "nothing to reconcile" : "no figure to reconcile",
                L.small, grey_ink, "font-style=\"italic\" text-anchor=\"middle\"");
    }
    if (result.best) {
        const double bx = x_of(result.best->value);
        cv.polygon({bx, summary_y - 8, bx + 7, summary_y, bx, summary_y + 8, bx - 7, summary_y}, best_ink, "#ffffff");
    }
    cv.text(L.figure_x, summary_y + 4, summary_figure, L.size, ink, "font-weight=\"bold\"");
    cv.text(L.note_x, summary_y + 4, summary_note, L.small, result.status == status::conflicting ? clash_ink : ink);
    s += "</g>\n";

    // The axis.
    s += "<g class=\"axis\">\n";
    cv.line(L.plot_left, axis_y, L.plot_right, axis_y, ink, 1);
    for (const auto& [t, x] : shown_ticks) {
        cv.line(x, axis_y, x, axis_y + 5, ink, 1);
        cv.text(x, tick_label_y, count_label(t, compact_ticks), L.small, ink, "text-anchor=\"middle\"");
    }
    std::string caption = "people " + std::string{to_string(result.key.category)};
    caption += options.scale == plot_scale::log ? " (log scale)" : "";
    cv.text((L.plot_left + L.plot_right) / 2, caption_y, caption, L.small, ink, "text-anchor=\"middle\"");
    s += "</g>\n";

    // The legend.
    s += "<g class=\"legend\">\n";
    draw_legend(cv, L.margin, legend_y, result, used, L.small);
    s += "</g>\n</svg>\n";
    return std::move(cv.out);
}

/// Writes forest_plot_svg(claims, result, p, options) to `out`.
template <std::ranges::input_range Claims>
    requires std::same_as<std::ranges::range_value_t<Claims>, claim>
void write_forest_plot(std::ostream& out, const Claims& claims, const reconciliation& result, const policy& p,
                       const forest_plot_options& options = {})
{
    const std::string svg = forest_plot_svg(claims, result, p, options);
    out.write(svg.data(), static_cast<std::streamsize>(svg.size()));
}

}  // namespace toll
