#pragma once
// Who the people a figure counts were: civilians, security forces, members of an armed group,
// unknown, everyone, or a named party or subgroup. For combatants, `party` says whose losses
// the figure counts, which is how a party's admission of its own losses is told apart from its
// claim about an adversary's.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include <toll/detail/enum_names.hpp>
#include <toll/detail/streaming.hpp>

namespace toll {

enum class group_kind : std::uint8_t {
    all,              ///< everyone the event touched ("fifty people were killed")
    civilians,
    security_forces,  ///< army, police, gendarmes, allied forces
    armed_group,      ///< members of a non-state armed group
    unknown,          ///< the source does not say who
    named,            ///< a party or subgroup outside the kinds above ("dozo hunters")
};

[[nodiscard]] constexpr auto enum_names(group_kind) noexcept
{
    using enum group_kind;
    return std::array<detail::enum_name<group_kind>, 6>{{
        {all, "all"},
        {civilians, "civilians"},
        {security_forces, "security_forces"},
        {armed_group, "armed_group"},
        {unknown, "unknown"},
        {named, "named"},
    }};
}

[[nodiscard]] constexpr std::string_view to_string(group_kind k) noexcept { return detail::name_of(k); }

struct group {
    group_kind kind = group_kind::all;
    /// A subgroup of `kind` as the source named it ("Malian nationals" among civilians), or the
    /// name of a `named` group; empty for the whole kind.
    std::string label;
    /// The side whose losses these are ("Mali", "JNIM"); empty for civilians and for everyone.
    std::string party;

    [[nodiscard]] static group everyone() { return {}; }
    [[nodiscard]] static group civilians(std::string label = {}) { return {group_kind::civilians, std::move(label), {}}; }
    [[nodiscard]] static group security_forces(std::string party, std::string label = {})
    {
        return {group_kind::security_forces, std::move(label), std::move(party)};
    }
    [[nodiscard]] static group armed_group(std::string party, std::string label = {})
    {
        return {group_kind::armed_group, std::move(label), std::move(party)};
    }
    [[nodiscard]] static group unknown() { return {group_kind::unknown, {}, {}}; }
    [[nodiscard]] static group named(std::string label, std::string party = {})
    {
        return {group_kind::named, std::move(label), std::move(party)};
    }

    friend bool operator==(const group&, const group&) = default;
};

/// Whether every person `part` counts is also counted by `whole`: everyone contains every group
/// (of its party, when it names one); a kind contains its labelled subgroups.
[[nodiscard]] inline bool is_part_of(const group& part, const group& whole)
{
    if (!whole.party.empty() && whole.party != part.party) return false;
    if (whole.kind == group_kind::all) return whole.label.empty() || whole == part;
    return part.kind == whole.kind && (whole.label.empty() || whole.label == part.label);
}

/// "civilians", "Malian nationals (civilians)", "security_forces of Mali", "dozo hunters of Mali".
[[nodiscard]] inline std::string to_string(const group& g)
{
    std::string text;
    if (g.label.empty()) {
        text = to_string(g.kind);
    } else if (g.kind == group_kind::named || g.kind == group_kind::all) {
        text = g.label;
    } else {
        text = g.label + " (" + std::string{to_string(g.kind)} + ")";
    }
    if (!g.party.empty()) text += " of " + g.party;
    return text;
}

}  // namespace toll
