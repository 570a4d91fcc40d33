// libFuzzer target: the two ways toll reads and reconciles a claims file must agree on the same
// bytes. The streaming path (claims_csv_reconciler, as `toll reconcile --format csv`) against the
// table path (read_claims_csv, then toll::reconcile, as `--format table`).
//
// Input: byte 0 picks the policy (bits 0-1), whether the header has the optional `span` column
// (bit 2) and an extra column (bit 3), and how the streaming path cuts the file into parts (bits
// 4-5); bytes 1-2 pick the order of the header's columns; the rest is the file's body, under that
// header. So a line break in a quoted value can come before any column, the id among them.
//
// What must agree: every error (file, line, column, code and reason, in order), whether reading
// stopped, the number of claims, the keys, and for every key its claims, the fate of each (used,
// or why excluded and the claim counted instead), its status, reported range, logical bounds and
// best figure, and the claim the streaming path names for each bound among those toll::reconcile
// lists. Both engines apply one rule set (reconcile/detail/rules.hpp) with ties by claim id, so
// nothing here depends on row order.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <toll/io/claims_csv.hpp>
#include <toll/io/reconcile_csv.hpp>
#include <toll/key.hpp>
#include <toll/reconcile/reconcile.hpp>

namespace {

void check(bool condition)
{
    if (!condition) __builtin_trap();
}

// The header's columns in an order chosen by `seed` (Fisher-Yates driven by a fixed LCG, so a
// seed always gives the same order; seed 0 keeps toll's own order). The seed corpus is written
// with the same generator.
std::string header_line(unsigned options, unsigned seed)
{
    std::vector<std::string_view> columns{toll::claim_csv_reader::required_columns.begin(),
                                          toll::claim_csv_reader::required_columns.end()};
    if ((options & 4U) != 0) columns.emplace_back("span");
    if ((options & 8U) != 0) columns.emplace_back("note");
    if (seed != 0) {
        std::uint32_t state = seed * 2654435761U + 1U;
        for (std::size_t i = columns.size() - 1; i > 0; --i) {
            state = state * 1664525U + 1013904223U;
            std::swap(columns[i], columns[(state >> 16) % (i + 1)]);
        }
    }
    std::string line;
    for (const std::string_view c : columns) {
        if (!line.empty()) line += ',';
        line += c;
    }
    return line + '\n';
}

toll::policy policy_of(unsigned options)
{
    switch (options & 3U) {
    case 0: return toll::policy::acled();
    case 1: return toll::policy::ucdp();
    default: return toll::policy::strict();
    }
}

bool contains(const std::vector<std::string>& ids, std::string_view id)
{
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

void compare_key(const toll::claims_csv_reconciler& r, const toll::csv_key_result& k, const toll::reconciliation& want)
{
    check(k.claims == want.claims.size());
    std::size_t used = 0;
    for (const toll::bulk::record& row : k.rows) {
        const toll::bulk::fate f = k.fates[row.claim];
        const toll::claim_fate* w = want.fate(r.id(row.claim));
        check(w != nullptr);
        check(f.exclusion() == w->exclusion);
        const std::uint32_t instead = f.counted_instead();
        check((instead == toll::detail::nobody ? std::string_view{} : r.id(instead)) == w->counted_instead);
        used += f.used() ? 1U : 0U;
    }
    check(k.used == used);
    check(k.status == want.status);
    check(k.best.has_value() == want.best.has_value());
    if (want.best) {
        check(*k.best == want.best->value);
        check(contains(want.best->claims, r.id(k.best_by)));
    }
    if (want.status == toll::status::unknown) return;
    const toll::detail::summary& s = k.summary;
    check(want.reported.has_value() && want.lower.has_value());
    check(s.reported_low == want.reported->range.low());
    check(s.reported_high == want.reported->range.high().value_or(toll::detail::unbounded));
    check(contains(want.reported->low_claims, r.id(s.reported_low_by)));
    check(contains(want.reported->high_claims, r.id(s.reported_high_by)));
    check(s.lower == want.lower->value);
    check(contains(want.lower->claims, r.id(s.lower_by)));
    check(s.capped() == want.upper.has_value());
    if (want.upper) {
        check(s.upper == want.upper->value);
        check(contains(want.upper->claims, r.id(s.upper_by)));
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 3) return 0;
    const unsigned options = data[0];
    const unsigned seed = static_cast<unsigned>(data[1]) << 8 | data[2];
    std::string text = header_line(options, seed);
    text.append(reinterpret_cast<const char*>(data) + 3, size - 3);
    const toll::policy p = policy_of(options);

    // The table path.
    toll::csv_read_options read;
    read.file = "claims.csv";
    read.vagueness = p.vague_words;
    const toll::claim_records records = toll::read_claims_csv(text, read);
    const toll::reconciliation_report report = toll::reconcile(records.values, p);

    // The streaming path, alone and in parts.
    constexpr std::array<std::pair<std::size_t, std::size_t>, 4> cuts{{{1, 1 << 20}, {2, 1}, {3, 13}, {2, 64}}};
    const auto [threads, part_bytes] = cuts[(options >> 4) & 3U];
    toll::reconcile_csv_options o;
    o.file = "claims.csv";
    o.vagueness = p.vague_words;
    o.threads = threads;
    o.min_part_bytes = part_bytes;
    o.chunk_rows = part_bytes;
    toll::claims_csv_reconciler r{p, o};
    r.load_text(text);
    check(r.errors() == records.errors);
    check(r.stopped() == records.stopped);
    check(r.claims() == records.values.size());
    std::size_t seen = 0;
    r.for_each_key([&](const toll::csv_key_result& k) {
        toll::claim_key key;
        toll::detail::for_each_list_item(k.events, [&](std::string_view e) { key.events.emplace_back(e); });
        key.category = k.category;
        key.group = toll::group{k.kind, std::string{k.label}, std::string{k.party}};
        const toll::reconciliation* want = report.find(key);
        check(want != nullptr);
        compare_key(r, k, *want);
        ++seen;
    });
    check(seen == report.results.size());
    check(r.keys() == report.results.size());
    return 0;
}
