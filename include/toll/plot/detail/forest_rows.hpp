#pragma once
// The rows of a forest plot: each claim under the key with what the reconciliation made of it
// (counted, clashing, or the reason it does not count), in an order that depends on nothing
// but the claims and the result.

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <toll/claim.hpp>
#include <toll/interval.hpp>
#include <toll/reconcile/provenance.hpp>
#include <toll/reconcile/reconcile.hpp>

namespace toll::detail::forest {

// ---- the rows -------------------------------------------------------------------------------

struct row {
    claim c;  // a copy: an input range may hand out temporaries
    std::size_t input_index = 0;
    const claim_fate* fate = nullptr;
    std::optional<interval> reading;
    bool counted = false;
    bool clashes = false;
    std::string label;   // source chain
    std::string figure;  // as written
    std::string date;
    std::string note;    // the fate: roles when counted, the reason when not
};

[[nodiscard]] inline bool has(const std::vector<std::string>& ids, const std::string& id)
{
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

/// Counted first; then by reading (unknowns last), low end then high end; then by id.
[[nodiscard]] inline bool row_less(const row& a, const row& b)
{
    if (a.counted != b.counted) return a.counted;
    if (a.reading.has_value() != b.reading.has_value()) return a.reading.has_value();
    if (a.reading && b.reading) {
        if (a.reading->low() != b.reading->low()) return a.reading->low() < b.reading->low();
        const count_type ah = a.reading->high().value_or(max_count + 1);
        const count_type bh = b.reading->high().value_or(max_count + 1);
        if (ah != bh) return ah < bh;
    }
    if (a.c.id != b.c.id) return a.c.id < b.c.id;
    return a.input_index < b.input_index;
}

/// What a row says about the claim's fate.
[[nodiscard]] inline std::string fate_note(const row& r, const reconciliation& result, const std::vector<row>& rows)
{
    if (!r.fate) return "not in this reconciliation";
    if (r.counted) {
        std::vector<std::string> roles;
        if (result.lower && has(result.lower->claims, r.c.id)) roles.emplace_back("lower bound");
        if (result.upper && has(result.upper->claims, r.c.id)) roles.emplace_back("cap");
        if (result.best && has(result.best->claims, r.c.id)) roles.emplace_back("best");
        if (r.clashes) roles.emplace_back("clashes");
        if (!r.reading) roles.emplace_back("no figure");
        std::string text = "counted";
        for (std::size_t i = 0; i < roles.size(); ++i) text += (i == 0 ? ": " : ", ") + roles[i];
        return text;
    }
    // The claim that counts instead, described by its figure and date (it carries the same
    // source label, so the reader finds it in the rows above).
    auto instead = [&]() -> std::string {
        const auto it = std::find_if(rows.begin(), rows.end(), [&](const row& o) { return o.c.id == r.fate->counted_instead; });
        if (it == rows.end()) return r.fate->counted_instead;
        return it->figure + (it->c.reported.is_special() ? std::string{} : ", " + it->date);
    };
    switch (*r.fate->exclusion) {
    case exclusion::superseded: return "superseded by later report (" + instead() + ")";
    case exclusion::relayed: return "repeats counted report (" + instead() + ")";
    case exclusion::adversary_claim: return "a party's claim about its adversary's losses";
    case exclusion::source_not_admitted:
        return "source kind not admitted: " + std::string{to_string(r.c.source.origin.kind)};
    case exclusion::reported_after: return "reported after the as-of date";
    case exclusion::undated: return "undated: no place in an as-of reconciliation";
    case exclusion::outside_key: return "outside this key";
    case exclusion::invalid: return "invalid: no id, no event, or a repeated id";
    }
    return "excluded";
}

}  // namespace toll::detail::forest
