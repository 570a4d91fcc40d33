#pragma once
// Small builders shared by the reconciliation tests: a claim in one line.

#include <string>
#include <utility>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <toll/claim.hpp>

namespace toll::test {

inline boost::gregorian::date day(int y, int m, int d)
{
    return boost::gregorian::date{static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(d)};
}

inline source from(std::string name, source_kind kind, std::string party = {})
{
    return source{std::move(name), kind, std::move(party)};
}

struct claim_builder {
    claim c;

    claim_builder& about(std::vector<std::string> events) { c.events = std::move(events); return *this; }
    claim_builder& counting(category cat, group g) { c.category = cat; c.group = std::move(g); return *this; }
    claim_builder& says(figure f) { c.figure = f; return *this; }
    claim_builder& per(source origin) { c.source.origin = std::move(origin); return *this; }
    claim_builder& via(source relay) { c.source.via.push_back(std::move(relay)); return *this; }
    claim_builder& on(boost::gregorian::date d) { c.reported = d; return *this; }
    claim_builder& text(std::string t) { c.text = std::move(t); return *this; }
    operator claim() const { return c; }  // NOLINT: builders convert implicitly by design
};

/// A claim with id `id` about `event`, killed, everyone, unknown figure, from an unnamed witness.
inline claim_builder make(std::string id, std::string event = "e1")
{
    claim_builder b;
    b.c.id = std::move(id);
    b.c.events = {std::move(event)};
    b.c.source.origin = source{"w", source_kind::witness, {}};
    return b;
}

inline std::vector<std::string> ids(std::initializer_list<const char*> list) { return {list.begin(), list.end()}; }

}  // namespace toll::test
