#pragma once
// A policy: the rules a reconciliation runs under. It is a plain value: users name it, inspect
// it, copy a preset and adjust one rule, and every result carries the name of the policy that
// made it, so two analyses that disagree can say why.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include <toll/claim.hpp>
#include <toll/detail/enum_names.hpp>
#include <toll/detail/streaming.hpp>
#include <toll/figure.hpp>
#include <toll/interval.hpp>
#include <toll/source.hpp>
#include <toll/vague_words.hpp>

namespace toll {

/// How the best figure of a key is chosen (detail::rules::choose_best). The best is always a
/// number a claim stated ("over 60" → 61, "up to 2,000" → 2,000, "about 300" → 300), never the
/// widening of a tolerance or the 0 an "up to" starts at, and `low ≤ best ≤ high` holds for the
/// reported range under every rule.
enum class best_rule : std::uint8_t {
    /// The lowest stated figure: the low end of the reported range (ACLED's conservative
    /// practice; 0 only when a source said none). It may lie below the logical lower bound: with
    /// "12 bodies" and "at least 20" the best is 12 although at least 20 are known dead.
    lowest_figure,
    /// The strongest lower bound as a claim stated it, inside [lower, upper] when the claims agree
    /// ("12 bodies" and "at least 20" give 20; "50" and "over 60" give 61; "between 200 and 400"
    /// and "about 300" give 300, where ±10% bounds the count from 270). With only "up to"s, the
    /// lowest stated figure inside. Given even when the claims conflict, because each lower bound
    /// still stands on its own claim.
    strongest_lower_bound,
    /// The lowest number a claim stated inside the intersection of every admissible bound: the
    /// smallest stated count that every admissible claim allows. None when the claims conflict,
    /// since no count satisfies them all, or when no stated number lies inside.
    intersection,
};

[[nodiscard]] constexpr auto enum_names(best_rule) noexcept
{
    using enum best_rule;
    return std::array<detail::enum_name<best_rule>, 3>{{
        {lowest_figure, "lowest_figure"},
        {strongest_lower_bound, "strongest_lower_bound"},
        {intersection, "intersection"},
    }};
}

[[nodiscard]] constexpr std::string_view to_string(best_rule r) noexcept { return detail::name_of(r); }

/// A set of source kinds: the origins whose claims a policy admits.
class source_kinds {
public:
    /// No kind.
    constexpr source_kinds() noexcept = default;

    [[nodiscard]] static constexpr source_kinds all() noexcept
    {
        source_kinds kinds;
        kinds.bits_ = (std::uint16_t{1} << kind_count) - 1U;
        return kinds;
    }

    [[nodiscard]] constexpr bool contains(source_kind k) const noexcept
    {
        return index(k) < kind_count && ((bits_ >> index(k)) & 1U) != 0;
    }
    constexpr source_kinds& insert(source_kind k) noexcept
    {
        if (index(k) < kind_count) bits_ = static_cast<std::uint16_t>(bits_ | (1U << index(k)));
        return *this;
    }
    constexpr source_kinds& erase(source_kind k) noexcept
    {
        if (index(k) < kind_count) bits_ = static_cast<std::uint16_t>(bits_ & ~(1U << index(k)));
        return *this;
    }

    friend constexpr bool operator==(const source_kinds&, const source_kinds&) noexcept = default;

private:
    static constexpr unsigned kind_count = 10;
    static constexpr unsigned index(source_kind k) noexcept { return static_cast<unsigned>(k); }

    std::uint16_t bits_ = 0;
};

/// "all", or the kinds in the set: "un_body, ngo, media".
[[nodiscard]] inline std::string to_string(const source_kinds& kinds)
{
    if (kinds == source_kinds::all()) return "all";
    std::string text;
    for (const auto& entry : enum_names(source_kind{})) {
        if (!kinds.contains(entry.value)) continue;
        if (!text.empty()) text += ", ";
        text += entry.name;
    }
    return text.empty() ? "none" : text;
}

struct policy {
    /// Carried into every result made under the policy.
    std::string name = "custom";
    /// A claim is admissible only when its origin's kind is in this set (relays do not matter:
    /// a newspaper relaying a hospital is a hospital's claim).
    source_kinds admitted = source_kinds::all();
    /// Set aside a party's claim about its adversary's losses (`is_about_adversary`). A party's
    /// admission of its own losses and any claim about civilians stay admissible.
    bool exclude_adversary_claims = true;
    /// What vague words mean. A bounded meaning caps the count like a range does ("dozens" read
    /// as 24–99 says fewer than 100); an unbounded meaning is a lower bound only.
    vague_table vague_words = vague_table::literal();
    /// How far an approximate figure ("about 50") may stray, in percent of the stated number:
    /// 10 reads "about 50" as 45–55. Rounded inward to whole people.
    std::uint32_t approximate_tolerance_percent = 10;
    /// Whether an exact figure (and an approximate one, after widening) is a complete count that
    /// also caps the total. Off, "12 bodies at the hospital" says only that at least 12 died.
    bool exact_is_complete = false;
    best_rule best = best_rule::strongest_lower_bound;

    /// ACLED-like: every source kind, the lowest stated figure as best, vague words at their
    /// conservative minimum ("several" = 3, "dozens" = 12, "hundreds" = 100, unbounded above),
    /// approximate figures taken at their stated number, exact figures not complete.
    [[nodiscard]] static policy acled()
    {
        policy p;
        p.name = "acled";
        p.vague_words = vague_table::acled();
        p.approximate_tolerance_percent = 0;
        p.best = best_rule::lowest_figure;
        return p;
    }

    /// UCDP-GED-like: low / best / high over reliable figures. Reliable means attributed: every
    /// origin kind except `other`. Low and high are the reported range; best is the strongest
    /// admissible lower bound as stated. Vague words literally, approximate figures ±10%, exact
    /// figures not complete.
    [[nodiscard]] static policy ucdp()
    {
        policy p;
        p.name = "ucdp";
        p.admitted = source_kinds::all().erase(source_kind::other);
        p.best = best_rule::strongest_lower_bound;
        return p;
    }

    /// Strict logic: every admissible claim is a constraint, exact figures are complete counts,
    /// and the result is the intersection of all of them; best is the lowest stated number inside
    /// it, and there is no best when the claims conflict.
    [[nodiscard]] static policy strict()
    {
        policy p;
        p.name = "strict";
        p.exact_is_complete = true;
        p.best = best_rule::intersection;
        return p;
    }

    /// Whether the policy's source and adversary rules admit `c` (dates and origins aside):
    /// detail::rules::admission.
    [[nodiscard]] bool admits(const claim& c) const;

    /// The counts `f` stands for under this policy; nothing for an unknown figure
    /// (detail::rules::counts: "about 50" widened by the tolerance, vague words by the table).
    [[nodiscard]] std::optional<interval> reading(const figure& f) const;

    /// Whether the upper end of `f`'s reading caps the count (detail::rules::caps: ranges, "up to",
    /// "fewer than", explicit zeros, bounded vague words; exact and approximate figures only when
    /// complete).
    [[nodiscard]] bool caps(const figure& f) const;

    friend bool operator==(const policy&, const policy&) = default;
};

/// "ucdp (admits un_body, ngo, ...; adversary claims excluded; approximate ±10%; exact figures not
/// complete; best: strongest_lower_bound)".
[[nodiscard]] inline std::string to_string(const policy& p)
{
    std::string text = p.name + " (admits " + to_string(p.admitted) + "; adversary claims " +
                       (p.exclude_adversary_claims ? "excluded" : "admitted") + "; approximate \u00b1" +
                       std::to_string(p.approximate_tolerance_percent) + "%; exact figures " +
                       (p.exact_is_complete ? "complete" : "not complete") + "; best: " +
                       std::string{to_string(p.best)} + ")";
    return text;
}

}  // namespace toll

// The rules define what the declarations above do (and use the policy's fields).
#include <toll/reconcile/detail/rules.hpp>
