#pragma once
// How a key's reconciled state moved as reports arrived: one step per report date, each the
// reconciliation as of that date (revisions supersede, later reports are not yet known).

#include <algorithm>
#include <concepts>
#include <ranges>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <toll/claim.hpp>
#include <toll/key.hpp>
#include <toll/reconcile/policy.hpp>
#include <toll/reconcile/reconcile.hpp>

namespace toll {

struct timeline_step {
    boost::gregorian::date as_of;
    reconciliation state;

    friend bool operator==(const timeline_step&, const timeline_step&) = default;
};

/// The states of `key` as of each date on which a claim about it was reported, earliest first.
/// Undated claims have no place in it: every step lists them as excluded (undated).
template <std::ranges::forward_range Claims>
    requires std::same_as<std::ranges::range_value_t<Claims>, claim>
[[nodiscard]] std::vector<timeline_step> timeline(const Claims& claims, const claim_key& key, const policy& p)
{
    std::vector<boost::gregorian::date> dates;
    for (const claim& c : claims) {
        if (!c.reported.is_special() && detail::is_valid(c) && has_key(c, key)) dates.push_back(c.reported);
    }
    std::sort(dates.begin(), dates.end());
    dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
    std::vector<timeline_step> steps;
    steps.reserve(dates.size());
    for (const auto& d : dates) steps.push_back({d, reconcile(claims, key, p, d)});
    return steps;
}

}  // namespace toll
