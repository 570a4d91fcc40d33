#include <toll/vague_words.hpp>

#include <doctest/doctest.h>

using toll::interval;
using toll::vague_table;
using toll::vague_word;

TEST_CASE("every vague word has a name that reads back")
{
    for (std::size_t i = 0; i < toll::vague_word_count; ++i) {
        const auto word = static_cast<vague_word>(i);
        CAPTURE(i);
        CHECK(toll::enum_from_name<vague_word>(to_string(word)) == word);
    }
    CHECK(toll::spelling(vague_word::a_few) == "a few");
    CHECK(toll::spelling(vague_word::hundreds_of_thousands) == "hundreds of thousands");
}

TEST_CASE("the ACLED table reads words at their lowest credible value")
{
    const auto acled = vague_table::acled();
    CHECK(acled.meaning(vague_word::several).low() == 3);
    CHECK(acled.meaning(vague_word::dozens).low() == 12);
    CHECK(acled.meaning(vague_word::hundreds).low() == 100);
}

TEST_CASE("the literal table orders the magnitudes")
{
    const auto literal = vague_table::literal();
    CHECK(certainly_less(literal.meaning(vague_word::dozens), literal.meaning(vague_word::hundreds)));
    CHECK(certainly_less(literal.meaning(vague_word::hundreds), literal.meaning(vague_word::thousands)));
    CHECK(certainly_less(literal.meaning(vague_word::thousands), literal.meaning(vague_word::tens_of_thousands)));
}

TEST_CASE("a table is a value users can adjust")
{
    auto mine = vague_table::literal();
    mine.set(vague_word::dozens, interval::between(12, 60));
    CHECK(mine.meaning(vague_word::dozens) == interval::between(12, 60));
    CHECK(mine != vague_table::literal());
    CHECK(vague_table::literal().meaning(vague_word::dozens) != interval::between(12, 60));
    // A value outside the enum reads as "nothing known" instead of indexing past the table.
    CHECK(mine.meaning(static_cast<vague_word>(200)) == interval{});
}
