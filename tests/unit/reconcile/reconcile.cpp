#include <doctest/doctest.h>

#include <sstream>
#include <vector>

#include <toll/reconcile/reconcile.hpp>
#include <toll/reconcile/sums.hpp>
#include <toll/reconcile/timeline.hpp>

#include "reconcile_support.hpp"

using namespace toll;
using toll::test::day;
using toll::test::from;
using toll::test::ids;
using toll::test::make;

namespace {
const claim_key e1_killed{{"e1"}, category::killed, group::everyone()};
}

TEST_CASE("silence is not zero; an explicit zero conflicts with a positive figure")
{
    const std::vector<claim> silence{make("a").says(figure::exact(50)).per(from("residents", source_kind::witness))};
    CHECK(reconcile(silence, e1_killed, policy::ucdp()).status == status::consistent);

    std::vector<claim> claims = silence;
    claims.push_back(make("b").says(figure::zero()).per(from("army", source_kind::government, "Mali")));
    for (const policy& p : {policy::acled(), policy::ucdp(), policy::strict()}) {
        const auto r = reconcile(claims, e1_killed, p);
        CHECK(r.status == status::conflicting);
        CHECK(r.upper == bound{0, ids({"b"})});
        CHECK(r.clashing == ids({"a", "b"}));
        CHECK(r.reported->range == interval::between(0, 50));
    }
}

TEST_CASE("zero status: explicit zeros, agreeing with any cap")
{
    const std::vector<claim> claims{make("a").says(figure::zero()).per(from("x", source_kind::ngo)),
                                    make("b").says(figure::at_most(30)).per(from("y", source_kind::ngo))};
    const auto r = reconcile(claims, e1_killed, policy::ucdp());
    CHECK(r.status == status::zero);
    CHECK(r.estimate() == interval::exactly(0));
    CHECK(r.best->value == 0);
    CHECK(r.upper == bound{0, ids({"a"})});
}

TEST_CASE("only unknowns: status unknown, claims still used")
{
    const std::vector<claim> claims{make("a").says(figure::unknown()), make("b").says(figure::unknown()).per(from("y", source_kind::ngo))};
    const auto r = reconcile(claims, e1_killed, policy::ucdp());
    CHECK(r.status == status::unknown);
    CHECK_FALSE(r.reported);
    CHECK_FALSE(r.best);
    CHECK_FALSE(r.estimate());
    CHECK(r.fate("a")->used());
    CHECK(r.fate("b")->used());
    // An unknown next to a figure adds nothing to the bounds.
    const std::vector<claim> mixed{make("a").says(figure::unknown()), make("b").says(figure::exact(4)).per(from("y", source_kind::ngo))};
    CHECK(reconcile(mixed, e1_killed, policy::ucdp()).estimate() == interval::at_least(4));
}

TEST_CASE("origins, not outlets: one origin relayed twice counts once")
{
    const source residents = from("residents", source_kind::witness);
    const std::vector<claim> claims{
        make("r2").says(figure::exact(50)).per(residents).via(from("Reuters", source_kind::media)).on(day(2023, 12, 13)),
        make("r1").says(figure::exact(50)).per(residents).via(from("RFI", source_kind::media)).on(day(2023, 12, 13)),
    };
    const auto r = reconcile(claims, e1_killed, policy::ucdp());
    CHECK(r.fate("r1")->used());
    CHECK(*r.fate("r2") == claim_fate{"r2", exclusion::relayed, "r1"});
    CHECK(r.lower == bound{50, ids({"r1"})});
}

TEST_CASE("relayed means the same figure again, superseded means a different one since")
{
    const source residents = from("residents", source_kind::witness);
    const std::vector<claim> claims{
        // 50 on the 12th, relayed again by another outlet on the 14th: one piece of evidence.
        make("a").says(figure::exact(50)).per(residents).via(from("RFI", source_kind::media)).on(day(2023, 12, 12)),
        make("b").says(figure::exact(60)).per(residents).on(day(2023, 12, 13)),
        make("c").says(figure::exact(50)).per(residents).via(from("Reuters", source_kind::media)).on(day(2023, 12, 14)),
        // The same day as c but another figure: c counts (smaller id), d is replaced by it.
        make("d").says(figure::exact(55)).per(residents).on(day(2023, 12, 14)),
    };
    const auto r = reconcile(claims, e1_killed, policy::ucdp());
    CHECK(r.fate("c")->used());
    CHECK(*r.fate("a") == claim_fate{"a", exclusion::relayed, "c"});
    CHECK(*r.fate("b") == claim_fate{"b", exclusion::superseded, "c"});
    CHECK(*r.fate("d") == claim_fate{"d", exclusion::superseded, "c"});
    // "Same" is as the policy reads it: "about 50" and "50" are one reading when the tolerance is 0.
    const std::vector<claim> about{make("x").says(figure::approximately(50)).per(residents).on(day(2023, 12, 12)),
                                   make("y").says(figure::exact(50)).per(residents).on(day(2023, 12, 13))};
    CHECK(*reconcile(about, e1_killed, policy::acled()).fate("x") == claim_fate{"x", exclusion::relayed, "y"});
    CHECK(*reconcile(about, e1_killed, policy::ucdp()).fate("x") == claim_fate{"x", exclusion::superseded, "y"});
    // Two unknowns say the same: nothing.
    const std::vector<claim> unknowns{make("u1").per(residents).on(day(2023, 12, 12)), make("u2").per(residents).on(day(2023, 12, 13))};
    CHECK(*reconcile(unknowns, e1_killed, policy::ucdp()).fate("u1") == claim_fate{"u1", exclusion::relayed, "u2"});
}

TEST_CASE("an undated report is superseded by any dated one of the same origin")
{
    const source hrw = from("HRW", source_kind::ngo);
    const std::vector<claim> claims{make("old").says(figure::exact(300)).per(hrw),
                                    make("new").says(figure::more_than(300)).per(hrw).on(day(2022, 4, 5))};
    const auto r = reconcile(claims, e1_killed, policy::ucdp());
    CHECK(*r.fate("old") == claim_fate{"old", exclusion::superseded, "new"});
    const auto as_of = reconcile(claims, e1_killed, policy::ucdp(), day(2022, 5, 1));
    CHECK(*as_of.fate("old") == claim_fate{"old", exclusion::undated, {}});
    CHECK(as_of.fate("new")->used());
}

TEST_CASE("admissibility by source kind")
{
    const std::vector<claim> claims{make("a").says(figure::exact(7)).per(from("a post", source_kind::other)),
                                    make("b").says(figure::exact(5)).per(from("MSF", source_kind::ngo))};
    const auto ucdp = reconcile(claims, e1_killed, policy::ucdp());
    CHECK(*ucdp.fate("a") == claim_fate{"a", exclusion::source_not_admitted, {}});
    CHECK(ucdp.reported->range == interval::exactly(5));
    CHECK(reconcile(claims, e1_killed, policy::acled()).reported->range == interval::between(5, 7));
}

TEST_CASE("invalid claims are reported, not dropped")
{
    claim no_events = make("x").says(figure::exact(3));
    no_events.events.clear();
    claim empty_event = make("y", "").says(figure::exact(3));
    const std::vector<claim> claims{no_events, empty_event, make("d").says(figure::exact(1)), make("d", "e2").says(figure::exact(2)),
                                    make("ok").says(figure::exact(4))};
    const auto report = reconcile(claims, policy::ucdp());
    CHECK(report.invalid == std::vector<claim_fate>{{"x", exclusion::invalid, {}}, {"y", exclusion::invalid, {}}});
    const auto& e1 = *report.find(e1_killed);
    CHECK(*e1.fate("d") == claim_fate{"d", exclusion::invalid, {}});
    CHECK(e1.fate("ok")->used());
    CHECK(e1.reported->range == interval::exactly(4));

    const auto one = reconcile(claims, e1_killed, policy::ucdp());
    CHECK(one.claims.size() == 5);
    CHECK(one.fate("x")->exclusion == exclusion::invalid);
    CHECK(one.fate("d")->exclusion == exclusion::invalid);  // both claims with id d
}

TEST_CASE("reconciling one key reports every other claim as outside it")
{
    const std::vector<claim> claims{make("a").says(figure::exact(1)), make("b", "e2").says(figure::exact(2)),
                                    make("c").counting(category::injured, group::everyone()).says(figure::exact(3))};
    const auto r = reconcile(claims, e1_killed, policy::ucdp());
    CHECK(r.claims == std::vector<claim_fate>{{"a", {}, {}}, {"b", exclusion::outside_key, {}}, {"c", exclusion::outside_key, {}}});
    const auto none = reconcile(claims, claim_key{{"e9"}, category::killed, group::everyone()}, policy::ucdp());
    CHECK(none.status == status::unknown);
    CHECK(none.claims.size() == 3);
}

TEST_CASE("event scope: the same events in any order and repeated are one key")
{
    const std::vector<claim> claims{make("a").about({"b", "a", "b"}).says(figure::exact(1)),
                                    make("b").about({"a", "b"}).says(figure::exact(2)).per(from("z", source_kind::ngo))};
    const auto report = reconcile(claims, policy::ucdp());
    REQUIRE(report.results.size() == 1);
    CHECK(report.results[0].key.events == ids({"a", "b"}));
    CHECK(report.results[0].reported->range == interval::between(1, 2));
}

TEST_CASE("vague words are read with the policy's table")
{
    const std::vector<claim> claims{make("a").says(figure::vague(vague_word::dozens))};
    CHECK(reconcile(claims, e1_killed, policy::acled()).best->value == 12);
    const auto ucdp = reconcile(claims, e1_killed, policy::ucdp());
    CHECK(ucdp.estimate() == interval::between(24, 99));
    CHECK(ucdp.upper == bound{99, ids({"a"})});
}

TEST_CASE("approximate figures widen by the tolerance and cap only when exact figures are complete")
{
    const std::vector<claim> claims{make("a").says(figure::approximately(50)), make("b").says(figure::exact(52)).per(from("z", source_kind::ngo))};
    const auto ucdp = reconcile(claims, e1_killed, policy::ucdp());
    // The reported range holds the numbers the claims stated: 50 and 52, not the 45 that ±10% widens to.
    CHECK(ucdp.reported->range == interval::between(50, 52));
    CHECK(ucdp.lower == bound{52, ids({"b"})});
    CHECK_FALSE(ucdp.upper);
    const auto strict = reconcile(claims, e1_killed, policy::strict());
    CHECK(strict.status == status::consistent);
    CHECK(strict.estimate() == interval::exactly(52));
    CHECK(strict.best == best_figure{52, ids({"b"}), best_rule::intersection});
}

TEST_CASE("key_state: added one by one, merged, or built at once, the same state")
{
    const source hrw = from("HRW", source_kind::ngo);
    const std::vector<claim> claims{
        make("c").says(figure::exact(3)).per(hrw).on(day(2020, 1, 2)),
        make("a").says(figure::exact(1)).per(hrw).on(day(2020, 1, 1)),
        make("b").says(figure::range(2, 9)).per(from("UN", source_kind::un_body)).on(day(2020, 1, 1)),
        make("d", "e2").says(figure::exact(4)),
        make("e").counting(category::killed, group::security_forces("Mali")).says(figure::exact(4)).per(from("JNIM", source_kind::armed_group, "JNIM")),
    };
    const policy p = policy::ucdp();
    key_state one_by_one{e1_killed};
    for (const auto& c : claims) one_by_one.add(c, p);
    key_state reversed{e1_killed};
    for (auto it = claims.rbegin(); it != claims.rend(); ++it) reversed.add(*it, p);
    CHECK(one_by_one == reversed);

    key_state left{e1_killed};
    key_state right{e1_killed};
    for (std::size_t i = 0; i < claims.size(); ++i) (i % 2 == 0 ? left : right).add(claims[i], p);
    CHECK(key_state{left}.merge(right) == one_by_one);
    CHECK(key_state{right}.merge(left) == one_by_one);
    CHECK(key_state{}.merge(left).merge(right) == one_by_one);

    const auto r = one_by_one.result(p);
    CHECK(r == reconcile(claims, e1_killed, p));
    CHECK(*r.fate("a") == claim_fate{"a", exclusion::superseded, "c"});
    CHECK(r.fate("d")->exclusion == exclusion::outside_key);
    CHECK(r.fate("e")->exclusion == exclusion::outside_key);
    CHECK_THROWS_AS(key_state{e1_killed}.merge(key_state{claim_key{{"e2"}, category::killed, group::everyone()}}), std::invalid_argument);
}

TEST_CASE("reconciliation_state merges like reconciling the union")
{
    std::vector<claim> left{make("a").says(figure::exact(1)), make("b", "e2").says(figure::exact(2))};
    std::vector<claim> right{make("c").says(figure::exact(3)).per(from("z", source_kind::ngo)), make("d", "e3").says(figure::at_least(5))};
    claim bad = make("z");
    bad.events.clear();
    right.push_back(bad);
    std::vector<claim> all = left;
    all.insert(all.end(), right.begin(), right.end());
    const policy p = policy::acled();
    const reconciliation_state l{left, p};
    const reconciliation_state r{right, p};
    CHECK(merge(l, r) == reconciliation_state{all, p});
    CHECK(merge(r, l) == reconciliation_state{all, p});
    CHECK(merge(l, r).report() == reconcile(all, p));
    reconciliation_state incremental{p};
    for (const auto& c : all) incremental.add(c);
    CHECK(incremental == reconciliation_state{all, p});
    CHECK_THROWS_AS(reconciliation_state{l}.merge(reconciliation_state{right, policy::ucdp()}), std::invalid_argument);
    CHECK_THROWS_AS(reconciliation_state{l}.merge(reconciliation_state{right, p, day(2020, 1, 1)}), std::invalid_argument);
}

TEST_CASE("timeline: the reconciled interval as reports arrived")
{
    const source officials = from("officials", source_kind::government, "Mali");
    const std::vector<claim> claims{
        make("o1").says(figure::exact(12)).per(officials).on(day(2023, 2, 23)),
        make("s1").says(figure::at_least(20)).per(from("survivors", source_kind::witness)).on(day(2023, 2, 24)),
        make("o2").says(figure::more_than(13)).per(officials).on(day(2023, 2, 24)),
        make("o3").says(figure::exact(25)).per(officials).on(day(2023, 2, 26)),
        make("u").says(figure::exact(1)).per(from("rumour", source_kind::witness)),
        make("x", "e2").says(figure::exact(99)).on(day(2023, 2, 25)),
    };
    const auto steps = timeline(claims, e1_killed, policy::ucdp());
    REQUIRE(steps.size() == 3);
    CHECK(steps[0].as_of == day(2023, 2, 23));
    CHECK(steps[0].state.estimate() == interval::at_least(12));
    CHECK(steps[1].state.estimate() == interval::at_least(20));
    CHECK(steps[1].state.lower == bound{20, ids({"s1"})});
    CHECK(steps[2].state.estimate() == interval::at_least(25));
    CHECK(steps[2].state.lower == bound{25, ids({"o3"})});
    for (const auto& step : steps) {
        CHECK(step.state.claims.size() == claims.size());
        CHECK(step.state.fate("u")->exclusion == exclusion::undated);
        CHECK(step.state.fate("x")->exclusion == exclusion::outside_key);
    }
    CHECK(steps[0].state.fate("o3")->exclusion == exclusion::reported_after);
}

TEST_CASE("sums: unbounded parts stay unbounded, unknown parts are named, overflow is caught")
{
    reconciliation a;
    a.key = e1_killed;
    a.status = status::consistent;
    a.lower = bound{3, {"a"}};
    a.upper = bound{5, {"a"}};
    reconciliation b = a;
    b.key.events = {"e2"};
    b.upper.reset();
    reconciliation c = a;
    c.key.events = {"e3"};
    c.status = status::unknown;
    CHECK(sum(std::vector{a, a}).total == interval::between(6, 10));
    CHECK(sum(std::vector{a, b}).total == interval::at_least(6));
    const auto with_unknown = sum(std::vector{a, c});
    CHECK(with_unknown.total == interval::at_least(3));
    CHECK(with_unknown.unknown_parts == std::vector{c.key});
    CHECK(sum(std::vector<reconciliation>{}).total == interval::exactly(0));
    reconciliation huge = a;
    huge.lower = bound{max_count, {"h"}};
    huge.upper.reset();
    CHECK_FALSE(sum(std::vector{huge, a}).total);
}

TEST_CASE("sums over a period pick the events within it")
{
    const std::vector<event> events{{"a", "A", {}, period::day(day(2022, 3, 27))},
                                    {"b", "B", {}, period::span(day(2022, 3, 27), day(2022, 3, 31))},
                                    {"c", "C", {}, period::month(2022, 4)},
                                    {"d", "D", {}, period{}}};
    CHECK(events_within(events, period::month(2022, 3)) == ids({"a", "b"}));
    CHECK(events_within(events, period::year(2022)) == ids({"a", "b", "c"}));
}

TEST_CASE("results and their parts print")
{
    std::ostringstream os;
    os << status::conflicting << ' ' << exclusion::superseded << ' ' << claim_fate{"a", exclusion::relayed, "b"} << ' '
       << claim_fate{"c", {}, {}} << ' ' << bound{20, {"x", "y"}} << ' ' << claim_key{{"a", "b"}, category::killed, group::civilians()};
    CHECK(os.str() == "conflicting superseded a: relayed (counted: b) c: used 20 (x, y) killed (civilians) in a + b");
}
