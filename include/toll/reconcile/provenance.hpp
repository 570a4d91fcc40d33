#pragma once
// Provenance: why each bound of a reconciliation is what it is, and what became of every claim.
// Nothing is dropped silently: a claim is used, or excluded for one of the reasons below.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toll/detail/enum_names.hpp>
#include <toll/detail/streaming.hpp>
#include <toll/interval.hpp>

namespace toll {

/// Why a claim did not count.
enum class exclusion : std::uint8_t {
    superseded,           ///< the same origin later reported a different figure, which counts instead
    relayed,              ///< the same origin's same figure already counts (another outlet or another day repeating it)
    adversary_claim,      ///< a party's claim about its adversary's losses
    source_not_admitted,  ///< the policy does not admit its origin's kind
    reported_after,       ///< reported after the as-of date
    undated,              ///< no report date, so an as-of reconciliation cannot place it
    outside_key,          ///< about other events, another category or another group
    invalid,              ///< no id, no event, an empty event id, or an id another claim also has
};

[[nodiscard]] constexpr auto enum_names(exclusion) noexcept
{
    using enum exclusion;
    return std::array<detail::enum_name<exclusion>, 8>{{
        {superseded, "superseded"},
        {relayed, "relayed"},
        {adversary_claim, "adversary_claim"},
        {source_not_admitted, "source_not_admitted"},
        {reported_after, "reported_after"},
        {undated, "undated"},
        {outside_key, "outside_key"},
        {invalid, "invalid"},
    }};
}

[[nodiscard]] constexpr std::string_view to_string(exclusion e) noexcept { return detail::name_of(e); }

/// What became of one input claim.
struct claim_fate {
    std::string claim;
    /// Nothing when the claim was used.
    std::optional<toll::exclusion> exclusion;
    /// For a superseded or relayed claim, the claim of the same origin that counts instead.
    std::string counted_instead;

    [[nodiscard]] bool used() const noexcept { return !exclusion; }

    friend bool operator==(const claim_fate&, const claim_fate&) = default;
};

/// "c3: used", "c1: superseded by c4", "c9: adversary_claim".
[[nodiscard]] inline std::string to_string(const claim_fate& fate)
{
    if (!fate.exclusion) return fate.claim + ": used";
    std::string text = fate.claim + ": " + std::string{to_string(*fate.exclusion)};
    if (!fate.counted_instead.empty()) text += " (counted: " + fate.counted_instead + ")";
    return text;
}

/// A count and the claims that set it (every claim that reaches it, sorted by id).
struct bound {
    count_type value = 0;
    std::vector<std::string> claims;

    friend bool operator==(const bound&, const bound&) = default;
};

/// "20 (c2, c5)".
[[nodiscard]] inline std::string to_string(const bound& b)
{
    std::string text = std::to_string(b.value) + " (";
    for (std::size_t i = 0; i < b.claims.size(); ++i) text += (i == 0 ? "" : ", ") + b.claims[i];
    return text + ")";
}

}  // namespace toll
