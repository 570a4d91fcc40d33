#pragma once
// When a key asked for has no claim, the keys that do and come nearest it, written as the options
// that ask for them: a typo in the event id, or the wrong group, is then one copy away from right.

#include <algorithm>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <toll/claim.hpp>
#include <toll/key.hpp>

namespace toll_cli {

/// The Levenshtein distance between `a` and `b`, byte by byte (ids are ASCII).
[[nodiscard]] inline std::size_t edit_distance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0U : 1U)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

/// Up to `limit` strings of `candidates` near `wanted` (a third of its letters off at most, or 3),
/// nearest first (ties in the given order).
[[nodiscard]] inline std::vector<std::string> nearest_names(const std::vector<std::string>& candidates, std::string_view wanted,
                                                            std::size_t limit = 3)
{
    const std::size_t near = std::max<std::size_t>(3, wanted.size() / 3);
    std::vector<std::pair<std::size_t, std::size_t>> ranked;  // distance, index
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const std::size_t distance = edit_distance(candidates[i], wanted);
        if (distance <= near) ranked.emplace_back(distance, i);
    }
    std::stable_sort(ranked.begin(), ranked.end());
    std::vector<std::string> out;
    for (std::size_t i = 0; i < ranked.size() && i < limit; ++i) out.push_back(candidates[ranked[i].second]);
    return out;
}

/// A key with claims, near the one asked for.
struct near_key {
    toll::claim_key key;
    std::size_t claims = 0;
};

/// Up to `limit` keys of one event that claims have, nearest `wanted` first: an event id a few
/// letters off counts most, then each of category, group kind, label and party that differs;
/// among equals, the key with more claims first. (Keys of several events together cannot be
/// asked for with --event, so none is suggested.)
[[nodiscard]] inline std::vector<near_key> nearest_keys(const std::vector<toll::claim>& claims, const toll::claim_key& wanted,
                                                        std::size_t limit = 5)
{
    std::map<toll::claim_key, std::size_t> counts;
    for (const auto& c : claims) {
        auto key = toll::key_of(c);
        if (key.events.size() == 1) ++counts[std::move(key)];
    }
    const std::string_view event = wanted.events.empty() ? std::string_view{} : std::string_view{wanted.events.front()};
    struct ranked {
        std::size_t distance;
        const std::pair<const toll::claim_key, std::size_t>* entry;
    };
    std::vector<ranked> all;
    for (const auto& entry : counts) {
        const toll::claim_key& k = entry.first;
        const std::size_t differences = (k.category != wanted.category ? 1U : 0U) + (k.group.kind != wanted.group.kind ? 1U : 0U) +
                                        (k.group.label != wanted.group.label ? 1U : 0U) +
                                        (k.group.party != wanted.group.party ? 1U : 0U);
        all.push_back({edit_distance(k.events.front(), event) * 5 + differences, &entry});
    }
    std::stable_sort(all.begin(), all.end(), [](const ranked& a, const ranked& b) {
        if (a.distance != b.distance) return a.distance < b.distance;
        return a.entry->second > b.entry->second;
    });
    std::vector<near_key> out;
    for (std::size_t i = 0; i < all.size() && i < limit; ++i) out.push_back({all[i].entry->first, all[i].entry->second});
    return out;
}

}  // namespace toll_cli
