#pragma once
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
//
// Its parts: forest_plot_options.hpp (what can be asked for), detail/forest_rows.hpp (the rows
// the reconciliation gives), detail/axis.hpp (the scale and ticks), detail/svg_canvas.hpp (inks,
// marks, legend, layout) and detail/svg_text.hpp (text and numbers in SVG).

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
#include <toll/event.hpp>
#include <toll/figure.hpp>
#include <toll/interval.hpp>
#include <toll/key.hpp>
#include <toll/plot/detail/axis.hpp>
#include <toll/plot/detail/forest_rows.hpp>
#include <toll/plot/detail/svg_canvas.hpp>
#include <toll/plot/detail/svg_text.hpp>
#include <toll/plot/forest_plot_options.hpp>
#include <toll/reconcile/policy.hpp>
#include <toll/reconcile/provenance.hpp>
#include <toll/reconcile/reconcile.hpp>
#include <toll/source.hpp>

namespace toll {

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
