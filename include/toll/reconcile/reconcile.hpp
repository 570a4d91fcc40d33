#pragma once
// Reconciliation: many claims about one key (event scope, category, group) merged into a
// defensible result under a policy: the reported range, the logical bounds, a best figure, a
// status, the claims behind each of them and the fate of every input claim.
//
// The work is done by `key_state`, a mergeable partial result: the state of a set of claims
// combines with the state of a disjoint set into the state of their union, and turning a state
// into a result is a pure function of it. Every list inside is kept sorted (claims by id, origins
// by name and kind), so the result never depends on input order or on how the work was split.

#include <algorithm>
#include <array>
#include <concepts>
#include <cstdint>
#include <iterator>
#include <optional>
#include <ranges>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <toll/claim.hpp>
#include <toll/detail/enum_names.hpp>
#include <toll/detail/streaming.hpp>
#include <toll/reconcile/detail/rules.hpp>
#include <toll/reconcile/detail/summary.hpp>
#include <toll/figure.hpp>
#include <toll/interval.hpp>
#include <toll/key.hpp>
#include <toll/reconcile/policy.hpp>
#include <toll/reconcile/provenance.hpp>
#include <toll/source.hpp>

namespace toll {

/// What the admissible claims of a key say together.
enum class status : std::uint8_t {
    consistent,   ///< some count satisfies every admissible bound
    conflicting,  ///< an admissible lower bound exceeds an admissible cap: see `clashing`
    unknown,      ///< no admissible figure (only unknowns, or no admissible claim at all)
    zero,         ///< consistent, and the admissible caps say nobody: explicit zeros
};

[[nodiscard]] constexpr auto enum_names(status) noexcept
{
    using enum status;
    return std::array<detail::enum_name<status>, 4>{{
        {consistent, "consistent"},
        {conflicting, "conflicting"},
        {unknown, "unknown"},
        {zero, "zero"},
    }};
}

[[nodiscard]] constexpr std::string_view to_string(status s) noexcept { return detail::name_of(s); }

/// The lowest and highest numbers the admissible claims stated (what an infobox shows as "30–62";
/// "12" and "up to 20" give 12–20, "about 300" gives 300: detail::rules::stated_low and
/// stated_high); unbounded above when an admissible figure is ("20+").
struct reported_range {
    interval range;
    std::vector<std::string> low_claims;   ///< the claims whose lowest stated number is range.low()
    std::vector<std::string> high_claims;  ///< the claims whose highest stated number is range.high()

    friend bool operator==(const reported_range&, const reported_range&) = default;
};

/// The best figure under the policy's rule (best_rule): a number a claim stated, with every claim
/// that states it as the rule chose it (sorted by id).
struct best_figure {
    count_type value = 0;
    std::vector<std::string> claims;
    best_rule rule = best_rule::strongest_lower_bound;

    friend bool operator==(const best_figure&, const best_figure&) = default;
};

/// The reconciled state of one key.
struct reconciliation {
    claim_key key;
    /// The name of the policy that made this result.
    std::string policy;
    toll::status status = status::unknown;
    /// Nothing when no admissible claim has a figure.
    std::optional<reported_range> reported;
    /// The strongest admissible lower bound ("at least 20" beats "12 bodies"); nothing when no
    /// admissible claim has a figure.
    std::optional<bound> lower;
    /// The tightest admissible cap; nothing when no admissible claim caps the count.
    std::optional<bound> upper;
    std::optional<best_figure> best;
    /// For a conflict: every counted claim whose lower bound exceeds the cap, and every counted
    /// claim whose cap falls below the lower bound. Sorted by id.
    std::vector<std::string> clashing;
    /// Every input claim, used or excluded with the reason, sorted by claim id.
    std::vector<claim_fate> claims;

    /// [lower, upper] (upper unbounded when nothing caps) when the claims agree; the reported range
    /// when they conflict; nothing when unknown. This is what sums add up.
    [[nodiscard]] std::optional<interval> estimate() const
    {
        switch (status) {
        case status::unknown: return std::nullopt;
        case status::conflicting: return reported->range;
        default: return upper ? interval::between(lower->value, upper->value) : interval::at_least(lower->value);
        }
    }

    /// The fate of the claim with id `id`; nullptr when it was not an input.
    [[nodiscard]] const claim_fate* fate(std::string_view id) const
    {
        const auto it = std::lower_bound(claims.begin(), claims.end(), id,
                                         [](const claim_fate& f, std::string_view wanted) { return f.claim < wanted; });
        return it != claims.end() && it->claim == id ? &*it : nullptr;
    }

    friend bool operator==(const reconciliation&, const reconciliation&) = default;
};

namespace detail {

inline std::string joined(const std::vector<std::string>& ids)
{
    std::string text;
    for (const auto& id : ids) text += (text.empty() ? "" : ", ") + id;
    return text;
}

}  // namespace detail

/// Several lines a person can check: the key and policy, the status, the reported range, the
/// logical bounds and the best figure, each with the claims behind it, then clashes, if any.
[[nodiscard]] inline std::string to_string(const reconciliation& r)
{
    std::string text = to_string(r.key) + " under " + r.policy + ": " + std::string{to_string(r.status)};
    if (r.reported) {
        text += "\n  reported " + to_string(r.reported->range) + ", lowest per " + detail::joined(r.reported->low_claims) +
                ", highest per " + detail::joined(r.reported->high_claims);
    }
    if (r.lower) text += "\n  at least " + to_string(*r.lower);
    text += r.upper ? "\n  at most " + to_string(*r.upper) : std::string{"\n  no cap"};
    if (r.best) {
        text += "\n  best " + std::to_string(r.best->value) + " (" + std::string{to_string(r.best->rule)} + ": " +
                detail::joined(r.best->claims) + ")";
    }
    if (!r.clashing.empty()) text += "\n  clashing: " + detail::joined(r.clashing);
    return text;
}

namespace detail {

[[nodiscard]] inline bool is_valid(const claim& c)
{
    if (c.id.empty() || c.events.empty()) return false;
    return std::none_of(c.events.begin(), c.events.end(), [](const std::string& e) { return e.empty(); });
}

/// A claim that passed the policy's admissibility rules, waiting to be counted under its origin.
struct member {
    std::string id;
    std::uint32_t day = 0;  // rules::report_day of the report date
    toll::figure figure;

    friend bool operator==(const member&, const member&) = default;
};

/// The admissible claims of one origin (name and kind) about one key. One of them counts.
struct origin_members {
    std::string name;
    source_kind kind = source_kind::other;
    std::vector<member> members;  // sorted by id

    /// The report that counts (rules::counts_before; members are in id order, so a member's
    /// position is its rank). The others are relays of it or superseded by it (rules::displaced).
    [[nodiscard]] const member& counted() const
    {
        std::size_t best = 0;
        for (std::size_t i = 1; i < members.size(); ++i) {
            if (rules::counts_before(members[i].day, static_cast<std::uint32_t>(i), members[best].day, static_cast<std::uint32_t>(best))) best = i;
        }
        return members[best];
    }

    friend bool operator==(const origin_members&, const origin_members&) = default;
};

[[nodiscard]] inline bool origin_less(const origin_members& a, const origin_members& b)
{
    return a.name < b.name || (a.name == b.name && a.kind < b.kind);
}

inline bool fate_less(const claim_fate& a, const claim_fate& b) { return a.claim < b.claim; }
inline bool member_less(const member& a, const member& b) { return a.id < b.id; }

template <class T, class Less>
void merge_sorted(std::vector<T>& into, std::vector<T> from, Less less)
{
    const auto middle = static_cast<std::ptrdiff_t>(into.size());
    into.insert(into.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
    std::inplace_merge(into.begin(), into.begin() + middle, into.end(), less);
}

}  // namespace detail

/// The mergeable partial result for one key: the admissible claims grouped by origin, and the
/// claims already excluded for a reason that no other claim can change. Build it with `add`,
/// combine states of disjoint claim sets with `merge`, and read the result with `result`.
class key_state {
public:
    key_state() = default;
    explicit key_state(claim_key key) : key_{std::move(key)} {}

    [[nodiscard]] const claim_key& key() const noexcept { return key_; }
    [[nodiscard]] bool empty() const noexcept { return origins_.empty() && excluded_.empty(); }

    /// Adds `c` under the policy and, when given, the as-of date. A claim that is invalid or does
    /// not belong under key() is recorded as excluded for that reason.
    void add(const claim& c, const policy& p, std::optional<boost::gregorian::date> as_of = std::nullopt)
    {
        if (!detail::is_valid(c)) return exclude(c.id, exclusion::invalid);
        if (!has_key(c, key_)) return exclude(c.id, exclusion::outside_key);
        sort_last_added(add_in_key(c, p, as_of));
    }

    /// Records `id` as excluded for `why` (for callers that decided it elsewhere).
    void exclude(std::string id, exclusion why)
    {
        claim_fate fate{std::move(id), why, {}};
        excluded_.insert(std::upper_bound(excluded_.begin(), excluded_.end(), fate, detail::fate_less), std::move(fate));
    }

    /// Combines with the state of a disjoint set of claims about the same key, made under the same
    /// policy and as-of date. Throws std::invalid_argument for another key.
    key_state& merge(key_state other)
    {
        // A default-constructed state has no key yet (no events) and takes the other's.
        if (key_.events.empty()) key_ = std::move(other.key_);
        else if (!other.key_.events.empty() && !(other.key_ == key_)) throw std::invalid_argument("toll::key_state::merge: different keys");
        detail::merge_sorted(excluded_, std::move(other.excluded_), detail::fate_less);
        for (auto& theirs : other.origins_) {
            const auto at = std::lower_bound(origins_.begin(), origins_.end(), theirs, detail::origin_less);
            if (at != origins_.end() && at->name == theirs.name && at->kind == theirs.kind) {
                detail::merge_sorted(at->members, std::move(theirs.members), detail::member_less);
            } else {
                origins_.insert(at, std::move(theirs));
            }
        }
        return *this;
    }

    /// The reconciliation of the claims added so far under `p` (the policy they were added under).
    [[nodiscard]] reconciliation result(const policy& p) const
    {
        reconciliation out;
        out.key = key_;
        out.policy = p.name;
        out.claims = excluded_;

        struct counted {
            const detail::member* claim;
            std::optional<detail::rules::reading> reading;
        };
        std::vector<counted> used;
        used.reserve(origins_.size());
        for (const auto& origin : origins_) {
            const detail::member& winner = origin.counted();
            used.push_back({&winner, detail::rules::read(winner.figure, p)});
            for (const auto& m : origin.members) {
                if (&m == &winner) continue;
                out.claims.push_back({m.id, detail::rules::displaced(detail::rules::read(m.figure, p), used.back().reading), winner.id});
            }
        }
        for (const auto& u : used) out.claims.push_back({u.claim->id, std::nullopt, {}});
        std::sort(out.claims.begin(), out.claims.end(), detail::fate_less);
        std::sort(used.begin(), used.end(), [](const counted& a, const counted& b) { return a.claim->id < b.claim->id; });

        // Claims are ranked by id, so every tie names the smallest id, as in every engine.
        detail::summary s;
        for (std::size_t i = 0; i < used.size(); ++i) {
            if (used[i].reading) detail::rules::count(s, *used[i].reading, static_cast<std::uint32_t>(i));
            else ++s.unknowns;
        }
        const detail::summary_status summary_status = detail::rules::status_of(s);
        out.status = to_status(summary_status);
        if (s.figures == 0) return out;

        auto claims_where = [&](auto predicate) {
            std::vector<std::string> ids;
            for (const auto& u : used) {
                if (u.reading && predicate(*u.reading)) ids.push_back(u.claim->id);
            }
            return ids;
        };
        const interval range = s.reported_high == detail::unbounded ? interval::at_least(s.reported_low)
                                                                     : interval::between(s.reported_low, s.reported_high);
        out.reported = reported_range{
            range, claims_where([&](const detail::rules::reading& r) { return detail::rules::stated_low(r) == s.reported_low; }),
            claims_where([&](const detail::rules::reading& r) { return detail::rules::stated_high(r) == s.reported_high; })};
        out.lower = bound{s.lower, claims_where([&](const detail::rules::reading& r) { return r.low == s.lower; })};
        if (s.capped()) out.upper = bound{s.upper, claims_where([&](const detail::rules::reading& r) { return r.caps && r.high == s.upper; })};

        const auto best = detail::rules::choose_best(p.best, s, [&](auto&& visit) {
            for (std::size_t i = 0; i < used.size(); ++i) {
                if (used[i].reading) visit(*used[i].reading, static_cast<std::uint32_t>(i));
            }
        });
        if (best) {
            // Every claim that states the best under the basis it was found under.
            out.best = best_figure{best->value, claims_where([&](const detail::rules::reading& r) {
                                       return detail::rules::candidate(r, best->basis) == best->value;
                                   }),
                                   p.best};
        }
        if (out.status == status::conflicting) {
            out.clashing = claims_where([&](const detail::rules::reading& r) { return r.low > s.upper || (r.caps && r.high < s.lower); });
        }
        return out;
    }

    friend bool operator==(const key_state&, const key_state&) = default;

private:
    friend class reconciliation_state;

    // Files `c` (valid, under key()) without restoring sorted order, and says where it went
    // (the index of its origin, or npos for the excluded list) so sort_last_added() can.
    std::size_t add_in_key(const claim& c, const policy& p, std::optional<boost::gregorian::date> as_of)
    {
        const std::uint32_t day = detail::rules::report_day(c.reported);
        if (const auto why = detail::rules::exclusion_of(p, c.source.origin.kind, is_about_adversary(c), day, detail::rules::as_of_day(as_of))) {
            return push_excluded(c.id, *why);
        }
        const auto& origin = c.source.origin;
        auto at = std::find_if(origins_.begin(), origins_.end(),
                               [&](const detail::origin_members& o) { return o.name == origin.name && o.kind == origin.kind; });
        if (at == origins_.end()) {
            origins_.push_back({origin.name, origin.kind, {}});
            at = std::prev(origins_.end());
        }
        at->members.push_back({c.id, day, c.figure});
        return static_cast<std::size_t>(at - origins_.begin());
    }

    std::size_t push_excluded(const std::string& id, exclusion why)
    {
        excluded_.push_back({id, why, {}});
        return npos;
    }

    // Restores sorted order after one add_in_key that filed its claim at `where`.
    void sort_last_added(std::size_t where)
    {
        if (where == npos) {
            std::inplace_merge(excluded_.begin(), std::prev(excluded_.end()), excluded_.end(), detail::fate_less);
            return;
        }
        auto& members = origins_[where].members;
        std::inplace_merge(members.begin(), std::prev(members.end()), members.end(), detail::member_less);
        if (members.size() == 1) {
            // A new origin: move it to its place.
            auto origin = std::move(origins_[where]);
            origins_.erase(origins_.begin() + static_cast<std::ptrdiff_t>(where));
            origins_.insert(std::lower_bound(origins_.begin(), origins_.end(), origin, detail::origin_less), std::move(origin));
        }
    }

    // Restores sorted order after many add_in_key calls.
    void sort_all()
    {
        std::sort(excluded_.begin(), excluded_.end(), detail::fate_less);
        std::sort(origins_.begin(), origins_.end(), detail::origin_less);
        for (auto& o : origins_) std::sort(o.members.begin(), o.members.end(), detail::member_less);
    }

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    static constexpr toll::status to_status(detail::summary_status s) noexcept
    {
        switch (s) {
        case detail::summary_status::consistent: return status::consistent;
        case detail::summary_status::conflicting: return status::conflicting;
        case detail::summary_status::zero: return status::zero;
        case detail::summary_status::unknown: break;
        }
        return status::unknown;
    }

    claim_key key_;
    std::vector<detail::origin_members> origins_;  // sorted by name, then kind
    std::vector<claim_fate> excluded_;              // sorted by claim id
};

/// Every key's result, and the claims that belong to no key.
struct reconciliation_report {
    std::string policy;
    /// Sorted by key.
    std::vector<reconciliation> results;
    /// Claims with no id, no event or an empty event id, sorted by id; excluded as invalid.
    std::vector<claim_fate> invalid;

    /// The result for `key`; nullptr when no claim had it.
    [[nodiscard]] const reconciliation* find(const claim_key& key) const
    {
        const auto it = std::lower_bound(results.begin(), results.end(), key,
                                         [](const reconciliation& r, const claim_key& k) { return r.key < k; });
        return it != results.end() && it->key == key ? &*it : nullptr;
    }

    friend bool operator==(const reconciliation_report&, const reconciliation_report&) = default;
};

/// The mergeable partial result over many keys: a key_state per key, under one policy and as-of
/// date. `merge` of states over disjoint claim sets (distinct ids) equals the state of the union,
/// associatively and commutatively; `report()` turns it into results.
class reconciliation_state {
public:
    explicit reconciliation_state(toll::policy p, std::optional<boost::gregorian::date> as_of = std::nullopt)
        : policy_{std::move(p)}, as_of_{as_of}
    {
    }

    /// The state of `claims`. Claims sharing an id are all excluded as invalid.
    template <std::ranges::input_range Claims>
        requires std::same_as<std::ranges::range_value_t<Claims>, claim>
    reconciliation_state(const Claims& claims, toll::policy p, std::optional<boost::gregorian::date> as_of = std::nullopt)
        : reconciliation_state{std::move(p), as_of}
    {
        std::vector<claim_key> keys;
        std::vector<const claim*> valid;
        std::vector<std::string_view> ids;
        if constexpr (std::ranges::sized_range<Claims>) {
            keys.reserve(std::ranges::size(claims));
            valid.reserve(std::ranges::size(claims));
            ids.reserve(std::ranges::size(claims));
        }
        for (const claim& c : claims) {
            ids.push_back(c.id);
            if (detail::is_valid(c)) {
                keys.push_back(key_of(c));
                valid.push_back(&c);
            } else {
                invalid_.push_back({c.id, exclusion::invalid, {}});
            }
        }
        std::sort(ids.begin(), ids.end());
        std::vector<std::string_view> repeated;
        for (std::size_t i = 1; i < ids.size(); ++i) {
            if (ids[i] == ids[i - 1] && (repeated.empty() || repeated.back() != ids[i])) repeated.push_back(ids[i]);
        }
        std::sort(invalid_.begin(), invalid_.end(), detail::fate_less);
        // Sorting positions rather than keys moves no strings.
        std::vector<std::size_t> order(keys.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
        std::size_t distinct = order.empty() ? 0 : 1;
        for (std::size_t i = 1; i < order.size(); ++i) distinct += keys[order[i]] == keys[order[i - 1]] ? 0U : 1U;
        keys_.reserve(distinct);
        for (std::size_t i = 0; i < order.size();) {
            key_state state{keys[order[i]]};
            for (; i < order.size() && keys[order[i]] == state.key(); ++i) {
                const claim& c = *valid[order[i]];
                if (std::binary_search(repeated.begin(), repeated.end(), std::string_view{c.id})) {
                    state.push_excluded(c.id, exclusion::invalid);
                } else {
                    state.add_in_key(c, policy_, as_of_);
                }
            }
            state.sort_all();
            keys_.push_back(std::move(state));
        }
    }

    [[nodiscard]] const toll::policy& policy() const noexcept { return policy_; }
    [[nodiscard]] std::optional<boost::gregorian::date> as_of() const noexcept { return as_of_; }
    [[nodiscard]] const std::vector<key_state>& keys() const noexcept { return keys_; }

    void add(const claim& c)
    {
        if (!detail::is_valid(c)) {
            claim_fate fate{c.id, exclusion::invalid, {}};
            invalid_.insert(std::upper_bound(invalid_.begin(), invalid_.end(), fate, detail::fate_less), std::move(fate));
            return;
        }
        claim_key key = key_of(c);
        auto at = std::lower_bound(keys_.begin(), keys_.end(), key, [](const key_state& s, const claim_key& k) { return s.key() < k; });
        if (at == keys_.end() || !(at->key() == key)) at = keys_.insert(at, key_state{std::move(key)});
        at->add(c, policy_, as_of_);
    }

    /// Combines with the state of a disjoint claim set. Throws std::invalid_argument when the
    /// policies or as-of dates differ.
    reconciliation_state& merge(reconciliation_state other)
    {
        if (!(other.policy_ == policy_) || other.as_of_ != as_of_) {
            throw std::invalid_argument("toll::reconciliation_state::merge: different policy or as-of date");
        }
        detail::merge_sorted(invalid_, std::move(other.invalid_), detail::fate_less);
        std::vector<key_state> merged;
        merged.reserve(keys_.size() + other.keys_.size());
        auto mine = keys_.begin();
        auto theirs = other.keys_.begin();
        while (mine != keys_.end() || theirs != other.keys_.end()) {
            if (theirs == other.keys_.end() || (mine != keys_.end() && mine->key() < theirs->key())) {
                merged.push_back(std::move(*mine++));
            } else if (mine == keys_.end() || theirs->key() < mine->key()) {
                merged.push_back(std::move(*theirs++));
            } else {
                merged.push_back(std::move(*mine++));
                merged.back().merge(std::move(*theirs++));
            }
        }
        keys_ = std::move(merged);
        return *this;
    }

    [[nodiscard]] friend reconciliation_state merge(reconciliation_state a, reconciliation_state b)
    {
        a.merge(std::move(b));
        return a;
    }

    [[nodiscard]] reconciliation_report report() const
    {
        reconciliation_report out{policy_.name, {}, invalid_};
        out.results.reserve(keys_.size());
        for (const auto& k : keys_) out.results.push_back(k.result(policy_));
        return out;
    }

    friend bool operator==(const reconciliation_state&, const reconciliation_state&) = default;

private:
    toll::policy policy_;
    std::optional<boost::gregorian::date> as_of_;
    std::vector<key_state> keys_;      // sorted by key
    std::vector<claim_fate> invalid_;  // sorted by claim id
};

/// Reconciles `claims` key by key under `p`; with `as_of`, only claims reported by that date count.
template <std::ranges::input_range Claims>
    requires std::same_as<std::ranges::range_value_t<Claims>, claim>
[[nodiscard]] reconciliation_report reconcile(const Claims& claims, const policy& p,
                                              std::optional<boost::gregorian::date> as_of = std::nullopt)
{
    return reconciliation_state{claims, p, as_of}.report();
}

/// Reconciles the claims under `key`; every other claim is reported as outside the key (or invalid).
template <std::ranges::input_range Claims>
    requires std::same_as<std::ranges::range_value_t<Claims>, claim>
[[nodiscard]] reconciliation reconcile(const Claims& claims, const claim_key& key, const policy& p,
                                       std::optional<boost::gregorian::date> as_of = std::nullopt)
{
    const auto report = reconcile(claims, p, as_of);
    const reconciliation* mine = report.find(key);
    reconciliation out = mine ? *mine : key_state{key}.result(p);
    for (const auto& r : report.results) {
        if (&r == mine) continue;
        for (const auto& f : r.claims) out.claims.push_back({f.claim, f.exclusion == exclusion::invalid ? exclusion::invalid : exclusion::outside_key, {}});
    }
    out.claims.insert(out.claims.end(), report.invalid.begin(), report.invalid.end());
    std::sort(out.claims.begin(), out.claims.end(), detail::fate_less);
    return out;
}

}  // namespace toll
