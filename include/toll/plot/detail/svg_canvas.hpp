#pragma once
// Drawing a forest plot: its inks, the SVG canvas its marks are written on, the legend and the
// layout of its columns.

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <toll/interval.hpp>
#include <toll/reconcile/policy.hpp>
#include <toll/reconcile/reconcile.hpp>
#include <toll/plot/detail/svg_text.hpp>

namespace toll::detail::forest {

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

}  // namespace toll::detail::forest
