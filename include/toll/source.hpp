#pragma once
// Who stated a figure, and through whom it reached us. Two outlets relaying one origin are one
// piece of evidence, not two, so a chain always knows its origin.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <toll/detail/enum_names.hpp>
#include <toll/detail/streaming.hpp>

namespace toll {

enum class source_kind : std::uint8_t {
    un_body,
    ngo,
    media,
    government,
    armed_group,
    medical,
    local_official,
    witness,  ///< witnesses, residents, survivors
    dataset,
    other,
};

[[nodiscard]] constexpr auto enum_names(source_kind) noexcept
{
    using enum source_kind;
    return std::array<detail::enum_name<source_kind>, 10>{{
        {un_body, "un_body"},
        {ngo, "ngo"},
        {media, "media"},
        {government, "government"},
        {armed_group, "armed_group"},
        {medical, "medical"},
        {local_official, "local_official"},
        {witness, "witness"},
        {dataset, "dataset"},
        {other, "other"},
    }};
}

[[nodiscard]] constexpr std::string_view to_string(source_kind k) noexcept { return detail::name_of(k); }

/// One body or person that states or passes on figures.
struct source {
    std::string name;
    source_kind kind = source_kind::other;
    /// The side of the fighting the source belongs to ("Mali", "JNIM"); empty when it is none.
    std::string party;

    [[nodiscard]] bool is_party() const noexcept { return !party.empty(); }

    friend bool operator==(const source&, const source&) = default;
};

/// The origin of a figure and the relays it came through: "RFI, citing residents" has the origin
/// "residents" and one relay, "RFI".
struct source_chain {
    source origin;
    /// Relays, nearest the origin first; the last one is the outlet we read.
    std::vector<source> via;

    /// Whoever published what we read: the last relay, or the origin itself.
    [[nodiscard]] const source& outlet() const noexcept { return via.empty() ? origin : via.back(); }

    friend bool operator==(const source_chain&, const source_chain&) = default;
};

/// "residents", "residents via RFI", "Human Rights Watch via Reuters via Development Diaries".
[[nodiscard]] inline std::string to_string(const source& s) { return s.name; }
[[nodiscard]] inline std::string to_string(const source_chain& chain)
{
    std::string text = chain.origin.name;
    for (const auto& relay : chain.via) text += " via " + relay.name;
    return text;
}

}  // namespace toll
