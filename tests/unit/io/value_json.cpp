#include <toll/io/value_json.hpp>

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

using boost::gregorian::date;

namespace {

template <class T>
std::string json_of(const T& value)
{
    std::ostringstream out;
    {
        toll::json_writer json{out};
        toll::write_json(json, value);
    }
    return out.str();
}

}  // namespace

TEST_CASE("value json: figures carry their text, phrasing and bounds, null for what is absent")
{
    CHECK(json_of(toll::figure::range(30, 62)) ==
          "{\"text\":\"30\xE2\x80\x93" "62\",\"qualifier\":\"range\",\"low\":30,\"high\":62,\"word\":null}");
    CHECK(json_of(toll::figure::at_least(20)) ==
          "{\"text\":\"20+\",\"qualifier\":\"at_least\",\"low\":20,\"high\":null,\"word\":null}");
    CHECK(json_of(toll::figure::vague(toll::vague_word::dozens)) ==
          "{\"text\":\"dozens\",\"qualifier\":\"vague\",\"low\":24,\"high\":99,\"word\":\"dozens\"}");
    CHECK(json_of(toll::figure::unknown()) ==
          "{\"text\":\"unknown\",\"qualifier\":\"unknown\",\"low\":0,\"high\":null,\"word\":null}");
}

TEST_CASE("value json: a claim has every key, in a fixed order")
{
    toll::claim c;
    c.id = "k1";
    c.events = {"kamona-2025", "balle-2025"};
    c.group = toll::group::civilians("Malian nationals");
    c.figure = toll::figure::at_least(31);
    c.source.origin = {"residents", toll::source_kind::witness, ""};
    c.source.via = {{"RFI", toll::source_kind::media, ""}};
    c.text = "at least 31 \"civilians\"\n";
    CHECK(json_of(c) ==
          "{\"id\":\"k1\",\"events\":[\"kamona-2025\",\"balle-2025\"],\"category\":\"killed\","
          "\"group\":{\"kind\":\"civilians\",\"label\":\"Malian nationals\",\"party\":\"\"},"
          "\"figure\":{\"text\":\"31+\",\"qualifier\":\"at_least\",\"low\":31,\"high\":null,\"word\":null},"
          "\"source\":{\"origin\":{\"name\":\"residents\",\"kind\":\"witness\",\"party\":\"\"},"
          "\"via\":[{\"name\":\"RFI\",\"kind\":\"media\",\"party\":\"\"}]},"
          "\"reported\":null,\"text\":\"at least 31 \\\"civilians\\\"\\n\",\"span\":null}");
    c.reported = date{2025, 5, 20};
    c.span = toll::text_span{0, 11};
    const std::string with_date = json_of(c);
    CHECK(with_date.find("\"reported\":\"2025-05-20\"") != std::string::npos);
    CHECK(with_date.ends_with("\"span\":{\"offset\":0,\"length\":11}}"));
}

TEST_CASE("value json: events, with a null period when it is not known")
{
    toll::event e{"moura-2022", "Moura massacre", {"Moura", "", "Mopti", "Mali"},
                  toll::period::span(date{2022, 3, 27}, date{2022, 3, 31})};
    CHECK(json_of(e) ==
          "{\"id\":\"moura-2022\",\"name\":\"Moura massacre\",\"place\":{\"locality\":\"Moura\",\"district\":\"\","
          "\"region\":\"Mopti\",\"country\":\"Mali\"},\"period\":{\"text\":\"2022-03-27/2022-03-31\","
          "\"precision\":\"span\",\"first\":\"2022-03-27\",\"last\":\"2022-03-31\"}}");
    e.period = {};
    CHECK(json_of(e).ends_with("\"period\":null}"));
}

TEST_CASE("value json: arrays of claims and events, indented")
{
    std::vector<toll::event> events{{"a", "A", {}, toll::period::year(2023)}};
    std::ostringstream out;
    toll::write_events_json(out, events);
    CHECK(out.str().starts_with("[\n  {\n    \"id\": \"a\",\n"));
    CHECK(out.str().ends_with("\n]\n"));
    std::ostringstream none;
    toll::write_claims_json(none, std::vector<toll::claim>{});
    CHECK(none.str() == "[]\n");
}
