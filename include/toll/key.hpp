#pragma once
// The key claims meet under: the same events, the same category, the same group. Claims with
// different keys never merge (HRW's "300 civilians" and the UN's "500 killed" may count different
// people); sums and parts checks relate keys to each other instead.

#include <algorithm>
#include <compare>
#include <string>
#include <vector>

#include <toll/category.hpp>
#include <toll/claim.hpp>
#include <toll/detail/streaming.hpp>
#include <toll/group.hpp>

namespace toll {

struct claim_key {
    /// The event scope: the ids of the events the claim covers together, sorted, without repeats.
    std::vector<std::string> events;
    toll::category category = category::killed;
    toll::group group;

    friend bool operator==(const claim_key&, const claim_key&) = default;
    /// A total order so results come out sorted the same way every time; it means nothing else.
    friend std::strong_ordering operator<=>(const claim_key& a, const claim_key& b)
    {
        if (auto c = a.events <=> b.events; c != 0) return c;
        if (auto c = a.category <=> b.category; c != 0) return c;
        if (auto c = a.group.kind <=> b.group.kind; c != 0) return c;
        if (auto c = a.group.label <=> b.group.label; c != 0) return c;
        return a.group.party <=> b.group.party;
    }
};

/// The key of `c`: its events sorted and deduplicated, its category and group.
[[nodiscard]] inline claim_key key_of(const claim& c)
{
    claim_key key{c.events, c.category, c.group};
    std::sort(key.events.begin(), key.events.end());
    key.events.erase(std::unique(key.events.begin(), key.events.end()), key.events.end());
    return key;
}

/// Whether `c` belongs under `key`.
[[nodiscard]] inline bool has_key(const claim& c, const claim_key& key)
{
    if (c.category != key.category || !(c.group == key.group)) return false;
    // Cheap path for the usual single-event claim; the general case sorts a copy.
    if (c.events.size() == 1 && key.events.size() == 1) return c.events.front() == key.events.front();
    return key_of(c).events == key.events;
}

/// "killed (civilians) in balle-2025 + kamona-2025".
[[nodiscard]] inline std::string to_string(const claim_key& key)
{
    std::string text = std::string{to_string(key.category)} + " (" + to_string(key.group) + ") in ";
    for (std::size_t i = 0; i < key.events.size(); ++i) text += (i == 0 ? "" : " + ") + key.events[i];
    return text;
}

}  // namespace toll
