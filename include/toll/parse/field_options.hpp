#pragma once
// What the field parser assumes where a text says nothing: the kind of text, and the category,
// group, source, vague-word table and parties a caller knows from outside it.

#include <cstdint>
#include <string>

#include <toll/category.hpp>
#include <toll/group.hpp>
#include <toll/parse/language.hpp>
#include <toll/source.hpp>
#include <toll/vague_words.hpp>

namespace toll {

/// What kind of text is being read.
enum class text_mode : std::uint8_t {
    cell,      ///< an infobox cell, a CSV column, a list: every figure is a claim
    sentence,  ///< news prose: only figures whose words say what happened are claims
};

/// What to assume where the text says nothing.
struct field_options {
    /// The category of a cell figure whose text names none ("20+" in a "Fatalities" cell: killed).
    toll::category category = category::casualties;
    /// The group of a figure whose text names none.
    toll::group group = group::everyone();
    /// The origin of a figure the text attributes to nobody; empty leaves it empty.
    toll::source source{};
    /// What vague words mean.
    vague_table table = vague_table::literal();
    /// Whose forces the text's "soldiers", "troops", "police" … are when it does not say ("Mali"
    /// for a report on Mali): the party of a security-forces group read without one. With it,
    /// `is_about_adversary` tells "JNIM claimed thirty soldiers killed" from the army's own count.
    /// Empty: the party stays unknown unless the text names it ("Malian soldiers").
    std::string security_forces_party{};
    /// Likewise for the text's "militants", "jihadists", "fighters" … ("JNIM").
    std::string armed_group_party{};
    /// The language of the text: its number words, bounds, categories, groups and source phrases.
    /// `automatic` tells English from French by the text's stop words (see language.hpp).
    toll::language language = language::en;
};

}  // namespace toll
