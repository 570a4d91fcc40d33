// The seed events (../shared/seeds/), reconciled under each preset, with the outcome worked out
// by hand. Dates the seeds do not give are plausible stand-ins; only their order matters here.
#include <doctest/doctest.h>

#include <vector>

#include <toll/reconcile/reconcile.hpp>
#include <toll/reconcile/sums.hpp>

#include "reconcile_support.hpp"

using namespace toll;
using toll::test::day;
using toll::test::from;
using toll::test::ids;
using toll::test::make;

namespace {

const policy presets[] = {policy::acled(), policy::ucdp(), policy::strict()};

claim_key everyone_killed(const char* event) { return {{event}, category::killed, group::everyone()}; }

// Kani Bonzon, 23 February 2023: "A nearby hospital reported twelve bodies ... corroborated by
// Malian officials. Survivors stated at least twenty people ... were killed."
std::vector<claim> kani_bonzon()
{
    return {
        make("kb-hospital", "kani-bonzon-2023").says(figure::exact(12)).per(from("nearby hospital", source_kind::medical)).on(day(2023, 2, 24)),
        make("kb-officials", "kani-bonzon-2023").says(figure::exact(12)).per(from("Malian officials", source_kind::government, "Mali")).on(day(2023, 2, 24)),
        make("kb-survivors", "kani-bonzon-2023").says(figure::at_least(20)).per(from("survivors", source_kind::witness)).on(day(2023, 2, 24)),
    };
}

// Farabougou, 12 December 2023.
std::vector<claim> farabougou()
{
    const char* e = "farabougou-2023";
    const source residents = from("Farabougou residents", source_kind::witness);
    const source rfi = from("RFI", source_kind::media);
    return {
        make("fa-rfi-50", e).says(figure::exact(50)).per(residents).via(rfi).on(day(2023, 12, 13)),
        make("fa-rfi-soldiers", e).counting(category::killed, group::security_forces("Mali")).says(figure::exact(20)).per(residents).via(rfi).on(day(2023, 12, 13)),
        make("fa-rfi-dozos", e).counting(category::killed, group::named("dozo hunters", "Mali")).says(figure::exact(20)).per(residents).via(rfi).on(day(2023, 12, 13)),
        make("fa-rfi-injured", e).counting(category::injured, group::everyone()).says(figure::exact(15)).per(residents).via(rfi).on(day(2023, 12, 13)),
        make("fa-others-60", e).says(figure::more_than(60)).per(from("other Farabougou residents", source_kind::witness)).on(day(2023, 12, 14)),
        make("fa-jnim-30", e).counting(category::killed, group::security_forces("Mali")).says(figure::exact(30)).per(from("JNIM", source_kind::armed_group, "JNIM")).on(day(2023, 12, 14)),
        // The army "did not report any casualties": silence, so no claim at all.
    };
}

// Moura, 27–31 March 2022.
std::vector<claim> moura()
{
    const char* e = "moura-2022";
    return {
        make("mo-hrw", e).counting(category::killed, group::civilians()).says(figure::more_than(300)).per(from("Human Rights Watch", source_kind::ngo)).on(day(2022, 4, 5)),
        make("mo-un", e).says(figure::exact(500)).per(from("OHCHR", source_kind::un_body)).on(day(2023, 5, 12)),
        make("mo-gov", e).counting(category::killed, group::armed_group("JNIM")).says(figure::more_than(203)).per(from("Malian government", source_kind::government, "Mali")).on(day(2022, 4, 1)),
    };
}

// Gao–Ansongo convoy, 7 February 2025: 34 civilians killed (13 Malian nationals, 21 foreigners), 34 injured.
std::vector<claim> convoy()
{
    const char* e = "gao-ansongo-2025";
    const source hrw = from("Human Rights Watch", source_kind::ngo);
    const source mirage = from("Mirage News", source_kind::media);
    return {
        make("gc-killed", e).counting(category::killed, group::civilians()).says(figure::exact(34)).per(hrw).via(mirage).on(day(2025, 2, 12)),
        make("gc-injured", e).counting(category::injured, group::civilians()).says(figure::exact(34)).per(hrw).via(mirage).on(day(2025, 2, 12)),
        make("gc-malians", e).counting(category::killed, group::civilians("Malian nationals")).says(figure::exact(13)).per(hrw).via(mirage).on(day(2025, 2, 12)),
        make("gc-foreigners", e).counting(category::killed, group::civilians("foreigners")).says(figure::exact(21)).per(hrw).via(mirage).on(day(2025, 2, 12)),
    };
}

// Kamona and Balle, October 2025: "killed at least 31 civilians ... in two villages".
std::vector<claim> kamona_balle()
{
    return {
        make("kab-hrw", "kamona-2025").about({"kamona-2025", "balle-2025"}).counting(category::killed, group::civilians())
            .says(figure::at_least(31)).per(from("Human Rights Watch", source_kind::ngo)).via(from("Development Diaries", source_kind::media)).on(day(2025, 11, 20)),
    };
}

}  // namespace

TEST_CASE("Kani Bonzon killed: 12 bodies at the hospital against at least 20 per survivors")
{
    const auto claims = kani_bonzon();
    for (const policy& p : presets) {
        CAPTURE(p.name);
        const reconciliation r = reconcile(claims, everyone_killed("kani-bonzon-2023"), p);
        CHECK(r.policy == p.name);
        REQUIRE(r.reported);
        CHECK(r.reported->range == interval::at_least(12));
        CHECK(r.reported->low_claims == ids({"kb-hospital", "kb-officials"}));
        CHECK(r.reported->high_claims == ids({"kb-survivors"}));
        CHECK(r.lower == bound{20, ids({"kb-survivors"})});
        for (const auto& f : r.claims) CHECK(f.used());
        CHECK(r.claims.size() == 3);
    }
    const auto acled = reconcile(claims, everyone_killed("kani-bonzon-2023"), policy::acled());
    CHECK(acled.status == status::consistent);
    CHECK_FALSE(acled.upper);
    CHECK(acled.best == best_figure{12, ids({"kb-hospital", "kb-officials"}), best_rule::lowest_figure});

    const auto ucdp = reconcile(claims, everyone_killed("kani-bonzon-2023"), policy::ucdp());
    CHECK(ucdp.status == status::consistent);
    CHECK(ucdp.best == best_figure{20, ids({"kb-survivors"}), best_rule::strongest_lower_bound});
    CHECK(ucdp.estimate() == interval::at_least(20));

    // Strict reads "twelve bodies" as a complete count, which "at least twenty" contradicts.
    const auto strict = reconcile(claims, everyone_killed("kani-bonzon-2023"), policy::strict());
    CHECK(strict.status == status::conflicting);
    CHECK(strict.upper == bound{12, ids({"kb-hospital", "kb-officials"})});
    CHECK(strict.clashing == ids({"kb-hospital", "kb-officials", "kb-survivors"}));
    CHECK_FALSE(strict.best);
}

TEST_CASE("Kani Bonzon revisions: officials said 12, then more than 13, then 20")
{
    const source officials = from("Malian officials", source_kind::government, "Mali");
    const std::vector<claim> claims{
        make("o1", "kani-bonzon-2023").says(figure::exact(12)).per(officials).on(day(2023, 2, 23)),
        make("o2", "kani-bonzon-2023").says(figure::more_than(13)).per(officials).on(day(2023, 2, 24)),
        make("o3", "kani-bonzon-2023").says(figure::exact(20)).per(officials).on(day(2023, 2, 25)),
    };
    const auto key = everyone_killed("kani-bonzon-2023");
    for (const policy& p : presets) {
        const auto r = reconcile(claims, key, p);
        CHECK(r.status == status::consistent);
        CHECK(r.reported->range == interval::exactly(20));
        CHECK(r.best->value == 20);
        CHECK(*r.fate("o1") == claim_fate{"o1", exclusion::superseded, "o3"});
        CHECK(*r.fate("o2") == claim_fate{"o2", exclusion::superseded, "o3"});
        CHECK(r.fate("o3")->used());
    }
    // As of 24 February only the first two reports were out, and the second counts.
    const auto then = reconcile(claims, key, policy::ucdp(), day(2023, 2, 24));
    CHECK(then.reported->range == interval::at_least(14));
    CHECK(*then.fate("o3") == claim_fate{"o3", exclusion::reported_after, {}});
    CHECK(*then.fate("o1") == claim_fate{"o1", exclusion::superseded, "o2"});
}

TEST_CASE("Farabougou killed: 50 per residents via RFI against over 60 per other residents")
{
    const auto claims = farabougou();
    const auto report = [&](const policy& p) { return reconcile(claims, p); };
    const claim_key all = everyone_killed("farabougou-2023");

    for (const policy& p : presets) {
        CAPTURE(p.name);
        const auto r = *report(p).find(all);
        CHECK(r.reported->range == interval::at_least(50));
        CHECK(r.reported->low_claims == ids({"fa-rfi-50"}));
        CHECK(r.lower == bound{61, ids({"fa-others-60"})});
        CHECK(r.claims.size() == 2);  // the other claims have other keys
    }
    CHECK(report(policy::acled()).find(all)->best->value == 50);
    CHECK(report(policy::ucdp()).find(all)->best->value == 61);
    const auto strict = *report(policy::strict()).find(all);
    CHECK(strict.status == status::conflicting);
    CHECK(strict.clashing == ids({"fa-others-60", "fa-rfi-50"}));

    // Soldiers: JNIM's "thirty soldiers" is a claim about its adversary, shown but not counted.
    const claim_key soldiers{{"farabougou-2023"}, category::killed, group::security_forces("Mali")};
    for (const policy& p : presets) {
        const auto r = *report(p).find(soldiers);
        CHECK(r.status == status::consistent);
        CHECK(r.reported->range == interval::exactly(20));
        CHECK(r.best->value == 20);
        CHECK(*r.fate("fa-jnim-30") == claim_fate{"fa-jnim-30", exclusion::adversary_claim, {}});
    }
    // Admitting adversary claims: 20 and 30 disagree only for a policy that reads 20 as complete.
    policy admitting = policy::strict();
    admitting.exclude_adversary_claims = false;
    const auto r = *reconcile(claims, admitting).find(soldiers);
    CHECK(r.status == status::conflicting);
    CHECK(r.clashing == ids({"fa-jnim-30", "fa-rfi-soldiers"}));
    admitting.exact_is_complete = false;
    CHECK(reconcile(claims, admitting).find(soldiers)->status == status::consistent);

    // Residents via RFI are one origin, yet each of their figures is about another key.
    for (const auto& res : report(policy::ucdp()).results) {
        for (const auto& f : res.claims) CHECK((f.used() || f.claim == "fa-jnim-30"));
    }
}

TEST_CASE("Moura: 300 civilians per HRW, 500 killed per the UN, 203 militants per the government")
{
    const auto claims = moura();
    for (const policy& p : presets) {
        CAPTURE(p.name);
        const auto report = reconcile(claims, p);
        REQUIRE(report.results.size() == 3);  // different groups never merge
        const auto civilians = *report.find({{"moura-2022"}, category::killed, group::civilians()});
        CHECK(civilians.reported->range == interval::at_least(301));
        CHECK(civilians.best->value == 301);
        const auto everyone = *report.find(everyone_killed("moura-2022"));
        CHECK(everyone.reported->range == interval::exactly(500));
        CHECK(everyone.best->value == 500);
        CHECK(everyone.upper.has_value() == p.exact_is_complete);
        const auto militants = *report.find({{"moura-2022"}, category::killed, group::armed_group("JNIM")});
        CHECK(militants.status == status::unknown);
        CHECK_FALSE(militants.best);
        CHECK(*militants.fate("mo-gov") == claim_fate{"mo-gov", exclusion::adversary_claim, {}});
    }
}

TEST_CASE("Gao-Ansongo convoy: 34 killed, 13 Malian nationals and 21 foreigners, 34 injured")
{
    const auto claims = convoy();
    for (const policy& p : presets) {
        const auto report = reconcile(claims, p);
        REQUIRE(report.results.size() == 4);
        const auto killed = *report.find({{"gao-ansongo-2025"}, category::killed, group::civilians()});
        CHECK(killed.status == status::consistent);
        CHECK(killed.best->value == 34);
        CHECK(killed.estimate() == (p.exact_is_complete ? interval::exactly(34) : interval::at_least(34)));
        const auto injured = *report.find({{"gao-ansongo-2025"}, category::injured, group::civilians()});
        CHECK(injured.best->value == 34);
        CHECK(report.find({{"gao-ansongo-2025"}, category::killed, group::civilians("foreigners")})->best->value == 21);
    }
}

TEST_CASE("Kamona and Balle: at least 31 civilians across two events")
{
    const auto claims = kamona_balle();
    for (const policy& p : presets) {
        const auto report = reconcile(claims, p);
        REQUIRE(report.results.size() == 1);
        const auto& r = report.results.front();
        CHECK(r.key.events == ids({"balle-2025", "kamona-2025"}));
        CHECK(r.status == status::consistent);
        CHECK(r.estimate() == interval::at_least(31));
        CHECK(r.best == best_figure{31, ids({"kab-hrw"}), p.best});
    }
}

TEST_CASE("Farabougou parts: 20 soldiers and 20 dozos fit under 50 killed")
{
    auto claims = farabougou();
    for (const policy& p : presets) {
        const auto report = reconcile(claims, p);
        CHECK(check_parts(report).empty());
        const auto parts = sum(std::vector{*report.find({{"farabougou-2023"}, category::killed, group::security_forces("Mali")}),
                                           *report.find({{"farabougou-2023"}, category::killed, group::named("dozo hunters", "Mali")})});
        CHECK(parts.total == (p.exact_is_complete ? interval::exactly(40) : interval::at_least(40)));
        CHECK(parts.unknown_parts.empty());
    }
    // Had residents said 40 dozos, and no one "over sixty", the parts would not fit.
    claims[2].figure = figure::exact(40);
    std::erase_if(claims, [](const claim& c) { return c.id == "fa-others-60"; });
    for (const policy& p : presets) {
        const auto violations = check_parts(reconcile(claims, p));
        REQUIRE(violations.size() == 1);
        CHECK(violations[0].whole == everyone_killed("farabougou-2023"));
        CHECK(violations[0].parts_lower == 60);
        CHECK(violations[0].whole_ceiling == 50);
        CHECK(violations[0].parts.size() == 2);
        CHECK(violations[0].claims == ids({"fa-rfi-50", "fa-rfi-dozos", "fa-rfi-soldiers"}));
    }
}

TEST_CASE("Farabougou parts: soldiers 20+ and dozos 20+ give all killed at least 40, derived from the two parts")
{
    // Without the residents' totals, no claim is about everyone killed: the parts still say 40.
    auto claims = farabougou();
    std::erase_if(claims, [](const claim& c) { return c.id == "fa-rfi-50" || c.id == "fa-others-60"; });
    for (const policy& p : presets) {
        CAPTURE(p.name);
        const auto report = reconcile(claims, p);
        REQUIRE_FALSE(report.find(everyone_killed("farabougou-2023")));
        const auto derived = derived_from_parts(report, everyone_killed("farabougou-2023"));
        REQUIRE(derived);
        CHECK(derived->lower == 40);
        CHECK(derived->claims == ids({"fa-rfi-dozos", "fa-rfi-soldiers"}));
        CHECK(derived->parts == std::vector<claim_key>{{{"farabougou-2023"}, category::killed, group::security_forces("Mali")},
                                                       {{"farabougou-2023"}, category::killed, group::named("dozo hunters", "Mali")}});
        const auto all = derived_bounds(report);
        CHECK(std::count(all.begin(), all.end(), *derived) == 1);
        // A sum over the event counts it as at least 40, marked as derived, not as unknown.
        const auto total = sum_over_events(report, {"farabougou-2023"}, category::killed, group::everyone());
        CHECK(total.total == interval::at_least(40));
        CHECK(total.unknown_events.empty());
        CHECK(total.derived == std::vector{*derived});
    }
    // With the residents' "over sixty", the parts say less than the claims: nothing is derived into the sum.
    for (const policy& p : presets) {
        const auto total = sum_over_events(reconcile(farabougou(), p), {"farabougou-2023"}, category::killed, group::everyone());
        CHECK(total.derived.empty());
    }
}

TEST_CASE("Gao-Ansongo parts: 13 Malian nationals and 21 foreigners make the 34 civilians")
{
    auto claims = convoy();
    for (const policy& p : presets) {
        const auto report = reconcile(claims, p);
        CHECK(check_parts(report).empty());
    }
    claims[3].figure = figure::exact(22);
    for (const policy& p : presets) {
        const auto violations = check_parts(reconcile(claims, p));
        REQUIRE(violations.size() == 1);
        CHECK(violations[0].parts_lower == 35);
        CHECK(violations[0].whole_ceiling == 34);
        CHECK(violations[0].claims == ids({"gc-foreigners", "gc-killed", "gc-malians"}));
    }
}

TEST_CASE("Moura: admitting the government's claim makes the parts exceed the UN's total")
{
    // HRW's civilians and the government's militants together pass the UN's 500: perhaps the UN
    // counted other people. The check says so and names the claims; it repairs nothing.
    policy p = policy::ucdp();
    p.exclude_adversary_claims = false;
    const auto violations = check_parts(reconcile(moura(), p));
    REQUIRE(violations.size() == 1);
    CHECK(violations[0].parts_lower == 301 + 204);
    CHECK(violations[0].whole_ceiling == 500);
    CHECK(violations[0].claims == ids({"mo-gov", "mo-hrw", "mo-un"}));
    CHECK(check_parts(reconcile(moura(), policy::ucdp())).empty());
}

TEST_CASE("Kamona and Balle: the joint claim constrains the sum over both villages")
{
    auto claims = kamona_balle();
    for (const policy& p : presets) {
        const auto total = sum_over_events(reconcile(claims, p), {"kamona-2025", "balle-2025"}, category::killed, group::civilians());
        CHECK(total.total == interval::at_least(31));
        CHECK(total.parts_total == interval{});
        CHECK(total.unknown_events == ids({"balle-2025", "kamona-2025"}));
        CHECK(total.claims == ids({"kab-hrw"}));
        CHECK_FALSE(total.conflicting);
    }
    // Per-village figures that cannot reach 31 between them contradict the joint claim.
    claims.push_back(make("k-20", "kamona-2025").counting(category::killed, group::civilians()).says(figure::exact(20))
                         .per(from("Kamona residents", source_kind::witness)).on(day(2025, 11, 1)));
    claims.push_back(make("b-5", "balle-2025").counting(category::killed, group::civilians()).says(figure::at_most(5))
                         .per(from("Balle residents", source_kind::witness)).on(day(2025, 11, 1)));
    const auto strict = sum_over_events(reconcile(claims, policy::strict()), {"kamona-2025", "balle-2025"}, category::killed, group::civilians());
    CHECK(strict.parts_total == interval::between(20, 25));
    CHECK(strict.conflicting);
    CHECK_FALSE(strict.total);
    const auto ucdp = sum_over_events(reconcile(claims, policy::ucdp()), {"kamona-2025", "balle-2025"}, category::killed, group::civilians());
    CHECK(ucdp.total == interval::at_least(31));  // 20 is not a complete count under ucdp
    CHECK(ucdp.unknown_events.empty());
}
