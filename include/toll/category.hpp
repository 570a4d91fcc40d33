#pragma once
// What happened to the people a figure counts.

#include <array>
#include <cstdint>
#include <string_view>

#include <toll/detail/enum_names.hpp>
#include <toll/detail/streaming.hpp>

namespace toll {

enum class category : std::uint8_t {
    killed,
    injured,
    missing,
    kidnapped,   ///< kidnapped, abducted, taken hostage
    captured,    ///< captured, detained, taken prisoner
    displaced,
    casualties,  ///< killed and injured, not told apart
    other,
};

[[nodiscard]] constexpr auto enum_names(category) noexcept
{
    using enum category;
    return std::array<detail::enum_name<category>, 8>{{
        {killed, "killed"},
        {injured, "injured"},
        {missing, "missing"},
        {kidnapped, "kidnapped"},
        {captured, "captured"},
        {displaced, "displaced"},
        {casualties, "casualties"},
        {other, "other"},
    }};
}

[[nodiscard]] constexpr std::string_view to_string(category c) noexcept { return detail::name_of(c); }

/// "casualties" counts killed and injured together, so it covers both.
[[nodiscard]] constexpr bool covers(category whole, category part) noexcept
{
    return whole == part || (whole == category::casualties && (part == category::killed || part == category::injured));
}

}  // namespace toll
