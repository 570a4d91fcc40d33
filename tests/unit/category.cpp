#include <toll/category.hpp>

#include <doctest/doctest.h>

using toll::category;

TEST_CASE("categories have stable names")
{
    for (auto c : {category::killed, category::injured, category::missing, category::kidnapped, category::captured,
                   category::displaced, category::casualties, category::other}) {
        CAPTURE(to_string(c));
        CHECK(toll::enum_from_name<category>(to_string(c)) == c);
    }
    CHECK(to_string(category::kidnapped) == "kidnapped");
    CHECK_FALSE(toll::enum_from_name<category>("dead").has_value());
}

TEST_CASE("casualties covers killed and injured, nothing else")
{
    CHECK(covers(category::casualties, category::killed));
    CHECK(covers(category::casualties, category::injured));
    CHECK_FALSE(covers(category::casualties, category::kidnapped));
    CHECK_FALSE(covers(category::killed, category::casualties));
    CHECK(covers(category::killed, category::killed));
}
