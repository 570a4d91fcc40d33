#include <toll/source.hpp>

#include <doctest/doctest.h>

using toll::source;
using toll::source_chain;
using toll::source_kind;

TEST_CASE("a relay chain knows its origin and its outlet")
{
    const source_chain chain{{"residents", source_kind::witness, {}}, {{"RFI", source_kind::media, {}}}};
    CHECK(chain.origin.name == "residents");
    CHECK(chain.outlet().name == "RFI");
    CHECK(to_string(chain) == "residents via RFI");

    const source_chain direct{{"Human Rights Watch", source_kind::ngo, {}}, {}};
    CHECK(direct.outlet().name == "Human Rights Watch");
    CHECK(to_string(direct) == "Human Rights Watch");
}

TEST_CASE("two outlets relaying one origin share the origin")
{
    const source hrw{"Human Rights Watch", source_kind::ngo, {}};
    const source_chain via_reuters{hrw, {{"Reuters", source_kind::media, {}}}};
    const source_chain via_diaries{hrw, {{"Reuters", source_kind::media, {}}, {"Development Diaries", source_kind::media, {}}}};
    CHECK(via_reuters.origin == via_diaries.origin);
    CHECK(via_reuters != via_diaries);
    CHECK(to_string(via_diaries) == "Human Rights Watch via Reuters via Development Diaries");
}

TEST_CASE("a source that is a party says which")
{
    const source jnim{"JNIM", source_kind::armed_group, "JNIM"};
    const source hrw{"Human Rights Watch", source_kind::ngo, {}};
    CHECK(jnim.is_party());
    CHECK_FALSE(hrw.is_party());
    CHECK(to_string(source_kind::local_official) == "local_official");
    CHECK(toll::enum_from_name<source_kind>("un_body") == source_kind::un_body);
}
