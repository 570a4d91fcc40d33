#include <toll/group.hpp>

#include <doctest/doctest.h>

using toll::group;
using toll::group_kind;

TEST_CASE("groups say who and, for combatants, whose losses")
{
    const auto soldiers = group::security_forces("Mali");
    CHECK(soldiers.kind == group_kind::security_forces);
    CHECK(soldiers.party == "Mali");
    const auto dozos = group::named("dozo hunters", "Mali");
    CHECK(dozos.kind == group_kind::named);
    CHECK(dozos.label == "dozo hunters");
    CHECK(group::civilians().party.empty());
    CHECK(group{} == group::everyone());
    CHECK(soldiers != group::security_forces("Wagner Group"));
}

TEST_CASE("groups nest")
{
    const auto everyone = group::everyone();
    const auto soldiers = group::security_forces("Mali");
    const auto dozos = group::named("dozo hunters", "Mali");
    const auto nationals = group::civilians("Malian nationals");
    CHECK(is_part_of(soldiers, everyone));
    CHECK(is_part_of(dozos, everyone));
    CHECK(is_part_of(nationals, group::civilians()));
    CHECK(is_part_of(group::civilians("foreigners"), group::civilians()));
    CHECK_FALSE(is_part_of(group::civilians(), nationals));
    CHECK_FALSE(is_part_of(nationals, group::civilians("foreigners")));
    CHECK_FALSE(is_part_of(soldiers, group::civilians()));
    CHECK_FALSE(is_part_of(group::armed_group("JNIM"), group::armed_group("ISGS")));
    CHECK(is_part_of(soldiers, group::security_forces("")));
    CHECK(is_part_of(soldiers, soldiers));
}

TEST_CASE("groups print readably")
{
    CHECK(to_string(group::civilians()) == "civilians");
    CHECK(to_string(group::civilians("Malian nationals")) == "Malian nationals (civilians)");
    CHECK(to_string(group::security_forces("Mali")) == "security_forces of Mali");
    CHECK(to_string(group::named("dozo hunters", "Mali")) == "dozo hunters of Mali");
    CHECK(to_string(group::everyone()) == "all");
    CHECK(toll::enum_from_name<group_kind>("armed_group") == group_kind::armed_group);
}
