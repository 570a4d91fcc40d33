#pragma once
// The horizontal axis of a forest plot: where counts go (linear from 0 or logarithmic in
// count + 1) and its 1-2-5 ticks.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include <toll/interval.hpp>
#include <toll/plot/detail/svg_text.hpp>
#include <toll/plot/forest_plot_options.hpp>

namespace toll::detail::forest {

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

}  // namespace toll::detail::forest
