#pragma once
// A claim: one figure about one category and group of one event (or of a set of events taken
// together), from one source chain, reported on a date, with the text it was read from.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <toll/category.hpp>
#include <toll/detail/date_text.hpp>
#include <toll/detail/streaming.hpp>
#include <toll/figure.hpp>
#include <toll/group.hpp>
#include <toll/source.hpp>

namespace toll {

/// Where in a text something stood, in bytes.
struct text_span {
    std::size_t offset = 0;
    std::size_t length = 0;

    friend constexpr bool operator==(const text_span&, const text_span&) noexcept = default;
};

struct claim {
    std::string id;
    /// The event the claim is about; several when one figure covers them together ("at least 31
    /// civilians in Kamona and Balle" constrains the sum of both).
    std::vector<std::string> events;
    toll::category category = category::killed;
    toll::group group;
    toll::figure figure;
    source_chain source;
    /// When the outlet published it; not set (`is_special()`) when unknown.
    boost::gregorian::date reported{};
    /// The sentence or cell the figure was read from.
    std::string text;
    /// Where the figure stood in `text`.
    std::optional<text_span> span;

    /// The part of `text` that `span` points at; empty when there is no span or it lies outside.
    [[nodiscard]] std::string_view excerpt() const noexcept
    {
        if (!span || span->offset > text.size() || span->length > text.size() - span->offset) return {};
        return std::string_view{text}.substr(span->offset, span->length);
    }

    friend bool operator==(const claim&, const claim&) = default;
};

/// Whether a claim by party `speaker_party` about the losses of `about_party` is a party's claim
/// about the losses of another side ("JNIM: thirty soldiers killed"). Policies set such claims
/// aside by default; a party's admission of its own losses, or any claim about civilians (no
/// party), is not one.
[[nodiscard]] constexpr bool is_about_adversary(std::string_view speaker_party, std::string_view about_party) noexcept
{
    return !speaker_party.empty() && !about_party.empty() && speaker_party != about_party;
}

/// Whether `c` is a party's claim about another side's losses (its origin's party against its
/// group's party).
[[nodiscard]] inline bool is_about_adversary(const claim& c) { return is_about_adversary(c.source.origin.party, c.group.party); }

/// "c7: 50 killed (all) in farabougou-2023, per residents via RFI, 2023-12-13".
[[nodiscard]] inline std::string to_string(const claim& c)
{
    std::string text = c.id + ": " + to_string(c.figure) + " " + std::string{to_string(c.category)} + " (" +
                       to_string(c.group) + ") in ";
    for (std::size_t i = 0; i < c.events.size(); ++i) text += (i == 0 ? "" : " + ") + c.events[i];
    return text + ", per " + to_string(c.source) + ", " + detail::iso_date(c.reported);
}

}  // namespace toll
