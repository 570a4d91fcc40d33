#pragma once
// The JSON form of toll's values: figure, group, source, claim, place, period, event. Every object
// always has every key, in a fixed order, with null where a value is absent, so that readers of the
// output need no guessing. Results of other parts of toll (reconciliation) build on these.

#include <ostream>
#include <span>

#include <toll/claim.hpp>
#include <toll/detail/date_text.hpp>
#include <toll/event.hpp>
#include <toll/figure.hpp>
#include <toll/group.hpp>
#include <toll/io/json.hpp>
#include <toll/source.hpp>

namespace toll {

/// A date as "YYYY-MM-DD", or null when not set.
inline json_writer& write_json(json_writer& json, const boost::gregorian::date& d)
{
    if (d.is_special()) return json.value(nullptr);
    return json.value(detail::iso_date(d));
}

/// {"text": "30–62", "qualifier": "range", "low": 30, "high": 62, "word": null}; "high" is null
/// when unbounded, "word" names the vague word of a vague figure; a range with a stated best
/// ("12–20 (best 20)") has "best" after "high".
inline json_writer& write_json(json_writer& json, const figure& f)
{
    json.begin_object().member("text", to_string(f)).member("qualifier", to_string(f.qualifier()));
    json.member("low", f.low());
    json.key("high");
    if (const auto high = f.high()) {
        json.value(*high);
    } else {
        json.value(nullptr);
    }
    if (const auto best = f.best()) json.member("best", *best);
    json.key("word");
    if (const auto word = f.word()) {
        json.value(to_string(*word));
    } else {
        json.value(nullptr);
    }
    return json.end_object();
}

/// {"kind": "civilians", "label": "Malian nationals", "party": ""}.
inline json_writer& write_json(json_writer& json, const group& g)
{
    return json.begin_object()
        .member("kind", to_string(g.kind))
        .member("label", g.label)
        .member("party", g.party)
        .end_object();
}

/// {"name": "RFI", "kind": "media", "party": ""}.
inline json_writer& write_json(json_writer& json, const source& s)
{
    return json.begin_object().member("name", s.name).member("kind", to_string(s.kind)).member("party", s.party).end_object();
}

/// {"origin": {...}, "via": [{...}, ...]}, relays nearest the origin first.
inline json_writer& write_json(json_writer& json, const source_chain& chain)
{
    json.begin_object().key("origin");
    write_json(json, chain.origin);
    json.key("via").begin_array();
    for (const auto& relay : chain.via) write_json(json, relay);
    return json.end_array().end_object();
}

/// {"id", "events", "category", "group", "figure", "source", "reported", "text", "span"}; "span" is
/// {"offset", "length"} in bytes of "text", or null.
inline json_writer& write_json(json_writer& json, const claim& c)
{
    json.begin_object().member("id", c.id).key("events").begin_array();
    for (const auto& e : c.events) json.value(e);
    json.end_array().member("category", to_string(c.category)).key("group");
    write_json(json, c.group).key("figure");
    write_json(json, c.figure).key("source");
    write_json(json, c.source).key("reported");
    write_json(json, c.reported).member("text", c.text).key("span");
    if (c.span) {
        json.begin_object().member("offset", c.span->offset).member("length", c.span->length).end_object();
    } else {
        json.value(nullptr);
    }
    return json.end_object();
}

/// {"locality", "district", "region", "country"}.
inline json_writer& write_json(json_writer& json, const place& p)
{
    return json.begin_object()
        .member("locality", p.locality)
        .member("district", p.district)
        .member("region", p.region)
        .member("country", p.country)
        .end_object();
}

/// {"text": "2022-03-27/2022-03-31", "precision": "span", "first": "2022-03-27", "last": "2022-03-31"},
/// or null when not set.
inline json_writer& write_json(json_writer& json, const period& p)
{
    if (!p.ok()) return json.value(nullptr);
    json.begin_object().member("text", to_string(p)).member("precision", to_string(p.precision())).key("first");
    write_json(json, p.first()).key("last");
    return write_json(json, p.last()).end_object();
}

/// {"id", "name", "place", "period"}.
inline json_writer& write_json(json_writer& json, const event& e)
{
    json.begin_object().member("id", e.id).member("name", e.name).key("place");
    write_json(json, e.place).key("period");
    return write_json(json, e.period).end_object();
}

namespace detail {

// A JSON array of `values`, each written by its write_json overload, then a newline.
template <class Value>
void write_json_array(std::ostream& out, std::span<const Value> values, int indent)
{
    {
        json_writer json{out, indent};
        json.begin_array();
        for (const auto& v : values) write_json(json, v);
        json.end_array();
    }
    out << '\n';
}

}  // namespace detail

/// A JSON array of `claims`, indented by `indent` (0: one line), followed by a newline.
inline void write_claims_json(std::ostream& out, std::span<const claim> claims, int indent = 2)
{
    detail::write_json_array(out, claims, indent);
}

/// A JSON array of `events`, indented by `indent` (0: one line), followed by a newline.
inline void write_events_json(std::ostream& out, std::span<const event> events, int indent = 2)
{
    detail::write_json_array(out, events, indent);
}

}  // namespace toll
