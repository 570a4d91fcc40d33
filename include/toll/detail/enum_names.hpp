#pragma once
// One mechanism for every enum's spelling: each enum provides a constexpr table of
// {value, name} pairs through an ADL-found `enum_names(E)`; to_string and enum_from_name
// read that table, so a name is written exactly once.

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace toll::detail {

template <class Enum>
struct enum_name {
    Enum value;
    std::string_view name;
};

/// An enum's {value, name} table, made once: `enum_names(E)` builds its array by value, which a
/// call at run time would do every time (the streaming CSV path names and reads enums per row).
template <class Enum>
inline constexpr auto enum_table = enum_names(Enum{});

template <class Enum>
[[nodiscard]] constexpr std::string_view name_of(Enum e) noexcept
{
    for (const auto& entry : enum_table<Enum>) {
        if (entry.value == e) return entry.name;
    }
    return "?";  // only reachable through a cast of an out-of-range integer
}

}  // namespace toll::detail

namespace toll {

/// The enum value whose canonical name is `name` (exact, lower-case, as written by to_string).
template <class Enum>
[[nodiscard]] constexpr std::optional<Enum> enum_from_name(std::string_view name) noexcept
{
    // Names are a few bytes: compared here, after the sizes, rather than by a call to memcmp for
    // each name of the same size.
    for (const auto& entry : detail::enum_table<Enum>) {
        if (entry.name.size() != name.size()) continue;
        std::size_t i = 0;
        while (i < name.size() && entry.name[i] == name[i]) ++i;
        if (i == name.size()) return entry.value;
    }
    return std::nullopt;
}

}  // namespace toll
