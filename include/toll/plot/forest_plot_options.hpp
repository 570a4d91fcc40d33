#pragma once
// What a forest plot can be asked for: the scale of its axis, the events that name its key, the
// width of its plotting area (toll/plot/forest_plot.hpp draws it).

#include <cstdint>
#include <span>

#include <toll/event.hpp>

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

}  // namespace toll
