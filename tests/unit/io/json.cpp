#include <toll/io/json.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>

TEST_CASE("json: strings escape quotes, backslashes and control characters")
{
    CHECK(toll::json_string("plain") == "\"plain\"");
    CHECK(toll::json_string("say \"50\"") == "\"say \\\"50\\\"\"");
    CHECK(toll::json_string("a\\b") == "\"a\\\\b\"");
    CHECK(toll::json_string("\b\f\n\r\t") == "\"\\b\\f\\n\\r\\t\"");
    CHECK(toll::json_string(std::string{"\x00\x01\x1f\x7f", 4}) == "\"\\u0000\\u0001\\u001f\x7f\"");
    CHECK(toll::json_string("") == "\"\"");
}

TEST_CASE("json: valid UTF-8 passes through; each ill-formed part becomes one U+FFFD")
{
    const std::string fffd = "\xEF\xBF\xBD";
    CHECK(toll::json_string("Djenn\xC3\xA9 30\xE2\x80\x93" "62 \xF0\x9F\x98\x80") ==
          "\"Djenn\xC3\xA9 30\xE2\x80\x93" "62 \xF0\x9F\x98\x80\"");
    CHECK(toll::json_string("caf\xE9") == "\"caf" + fffd + "\"");                 // Latin-1 byte
    CHECK(toll::json_string("\xC3") == "\"" + fffd + "\"");                        // truncated at the end
    CHECK(toll::json_string("\xE2\x80" "x") == "\"" + fffd + "x\"");              // truncated, one subpart
    CHECK(toll::json_string("\xC0\xAF") == "\"" + fffd + fffd + "\"");            // overlong: two bad bytes
    CHECK(toll::json_string("\xED\xA0\x80") == "\"" + fffd + fffd + fffd + "\"");  // a surrogate
    CHECK(toll::json_string("\xF4\x90\x80\x80") == "\"" + fffd + fffd + fffd + fffd + "\"");  // past U+10FFFF
    CHECK(toll::json_string("\x80\xBF") == "\"" + fffd + fffd + "\"");            // lone continuation bytes
    CHECK(toll::json_string("\xF0\x9F\x98") == "\"" + fffd + "\"");
    // U+2028 and U+2029 are escaped so the output is also valid JavaScript.
    CHECK(toll::json_string("a\xE2\x80\xA8" "b\xE2\x80\xA9") == "\"a\\u2028b\\u2029\"");
}

TEST_CASE("json: compact output keeps members in the order written")
{
    std::ostringstream out;
    {
        toll::json_writer json{out};
        json.begin_object()
            .member("zeta", 1)
            .member("alpha", "a")
            .key("list")
            .begin_array()
            .value(true)
            .value(nullptr)
            .value(-3)
            .value(std::numeric_limits<std::uint64_t>::max())
            .value(0.5)
            .end_array()
            .key("empty")
            .begin_object()
            .end_object()
            .key("none")
            .begin_array()
            .end_array()
            .end_object();
        CHECK(json.complete());
    }
    CHECK(out.str() ==
          "{\"zeta\":1,\"alpha\":\"a\",\"list\":[true,null,-3,18446744073709551615,0.5],\"empty\":{},\"none\":[]}");
}

TEST_CASE("json: indented output")
{
    std::ostringstream out;
    {
        toll::json_writer json{out, 2};
        json.begin_object().member("id", "c1").key("events").begin_array().value("a").value("b").end_array();
        json.key("empty").begin_array().end_array().end_object();
    }
    CHECK(out.str() == "{\n  \"id\": \"c1\",\n  \"events\": [\n    \"a\",\n    \"b\"\n  ],\n  \"empty\": []\n}");
}

TEST_CASE("json: numbers JSON cannot hold are null")
{
    std::ostringstream out;
    {
        toll::json_writer json{out};
        json.begin_array()
            .value(std::numeric_limits<double>::quiet_NaN())
            .value(std::numeric_limits<double>::infinity())
            .value(1e300)
            .end_array();
    }
    CHECK(out.str() == "[null,null,1e+300]");
}

TEST_CASE("json: misuse throws instead of writing broken JSON")
{
    std::ostringstream out;
    toll::json_writer json{out};
    CHECK_THROWS_AS(json.key("x"), std::logic_error);
    json.begin_object();
    CHECK_THROWS_AS(json.value(1), std::logic_error);
    CHECK_THROWS_AS(json.end_array(), std::logic_error);
    json.key("a");
    CHECK_THROWS_AS(json.key("b"), std::logic_error);
    CHECK_THROWS_AS(json.end_object(), std::logic_error);
    json.value(1).end_object();
    CHECK(json.complete());
    CHECK_THROWS_AS(json.value(2), std::logic_error);
    CHECK(out.str() == "{\"a\":1}");
}

TEST_CASE("json: a scalar alone is a document")
{
    std::ostringstream out;
    toll::json_writer json{out};
    json.value("only");
    CHECK(json.complete());
    CHECK(out.str() == "\"only\"");
}
