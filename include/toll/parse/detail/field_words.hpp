#pragma once
// Looking up the words around a figure in a lexicon: category words ("killed", "wounded",
// "hostages"), group words ("civilians", "soldiers", "dozos"), reporting verbs ("said",
// "claimed"), and the other word classes the field reader asks about.

#include <optional>
#include <span>
#include <string_view>

#include <toll/category.hpp>
#include <toll/group.hpp>
#include <toll/parse/detail/lexer.hpp>
#include <toll/parse/detail/lexicon.hpp>
#include <toll/parse/detail/phrase.hpp>

namespace toll::detail {

struct category_word {
    toll::category category = category::killed;
    category_form form = category_form::noun_or_participle;
    bool people_noun = false;
};

[[nodiscard]] constexpr std::optional<category_word> lookup_category(const lexicon& lex, std::string_view w) noexcept
{
    if (w.size() < 3) return std::nullopt;
    const category_entry* e = find_word(lex.categories, w);
    if (!e) return std::nullopt;
    return category_word{e->category, e->form, e->people_noun};
}

[[nodiscard]] constexpr std::optional<group_word> lookup_group(const lexicon& lex, std::string_view w) noexcept
{
    if (w.size() < 3) return std::nullopt;
    const group_entry* e = find_word(lex.groups, w);
    if (!e) return std::nullopt;
    return e->word;
}

/// Verbs whose subject is the source of what follows: "residents said", "JNIM claimed".
[[nodiscard]] constexpr bool is_reporting_verb(const lexicon& lex, std::string_view w) noexcept
{
    return is_one_of(w, lex.reporting_verbs);
}

[[nodiscard]] constexpr bool is_month(const lexicon& lex, std::string_view w) noexcept { return is_one_of(w, lex.months); }

/// Nouns after a number that show it does not count people: "19 vehicles", "2 years".
[[nodiscard]] constexpr bool is_non_person_unit(const lexicon& lex, std::string_view w) noexcept
{
    return is_one_of(w, lex.non_person_units);
}

/// Words that may stand between a figure and its category word without breaking the link:
/// "20 civilians were reportedly killed", "71 individual cases of civilians summarily executed".
[[nodiscard]] constexpr bool is_link_word(const lexicon& lex, std::string_view w) noexcept
{
    return is_one_of(w, lex.link_words);
}

/// Whether `w` ends in one of `endings` after a stem of at least three letters ("mutilated" in
/// "ed", not "red").
[[nodiscard]] constexpr bool ends_with_any(std::string_view w, std::span<const std::string_view> endings) noexcept
{
    for (std::string_view ending : endings) {
        if (w.size() > ending.size() + 2 && iequals(w.substr(w.size() - ending.size()), ending)) return true;
    }
    return false;
}

/// Whether `w` has the form of a past participle ("mutilated", "appeared"): the word describes
/// people or says what they did, and names no group.
[[nodiscard]] constexpr bool has_participle_form(const lexicon& lex, std::string_view w) noexcept
{
    return ends_with_any(w, lex.participle_endings);
}

}  // namespace toll::detail
