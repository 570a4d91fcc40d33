// libFuzzer target: the two ways toll reads and reconciles a claims file must agree on the same
// bytes. The streaming path (claims_csv_reconciler, as `toll reconcile --format csv`) against the
// table path (read_claims_csv, then toll::reconcile, as `--format table`).
//
// Input: byte 0 picks the policy (bits 0-1), whether the header has the optional `span` column
// (bit 2) and an extra column (bit 3), and how the streaming path cuts the file into parts (bits
// 4-5); bytes 1-2 pick the order of the header's columns; the rest is the file's body, under that
// header. So a line break in a quoted value can come before any column, the id among them.
//
// What must agree today: every error (file, line, column, code and reason, in order), whether
// reading stopped, the number of claims, the keys and each key's number of claims; and, for a key
// in which every origin has one claim, its status and its reported range and logical bounds.
//
// TODO(issue 15, item 5): once the rules are one set for both engines (ties go by claim id on
// both, not by file order on one), compare every key the same way whatever its origins repeat,
// and add what depends on ties: the used and excluded counts, each claim's fate and the claim
// counted instead, the best figure, and the claims that set each bound.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
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

// What the table path says of one key, beside whether every origin in it has one claim.
struct table_key {
    const toll::reconciliation* result = nullptr;
    bool one_claim_per_origin = true;
};

void compare_key(const toll::csv_key_result& k, const table_key& want)
{
    const toll::reconciliation& r = *want.result;
    check(k.claims == r.claims.size());
    if (!want.one_claim_per_origin) return;
    check(k.status == r.status);
    if (r.status == toll::status::unknown) return;
    const toll::detail::summary& s = k.summary;
    check(r.reported.has_value() && r.lower.has_value());
    check(s.reported_low == r.reported->range.low());
    check(s.reported_high == r.reported->range.high().value_or(toll::detail::unbounded));
    check(s.lower == r.lower->value);
    check(s.capped() == r.upper.has_value());
    if (r.upper) check(s.upper == r.upper->value);
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
    std::map<std::string_view, const toll::claim*> by_id;
    for (const toll::claim& c : records.values) by_id.emplace(c.id, &c);
    std::map<toll::claim_key, table_key> keys;
    for (const toll::reconciliation& r : report.results) {
        table_key& k = keys[r.key];
        k.result = &r;
        std::set<std::pair<std::string_view, toll::source_kind>> origins;
        for (const toll::claim_fate& f : r.claims) {
            const toll::source& o = by_id.at(f.claim)->source.origin;
            k.one_claim_per_origin = k.one_claim_per_origin && origins.emplace(o.name, o.kind).second;
        }
    }

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
        const auto it = keys.find(key);
        check(it != keys.end());
        compare_key(k, it->second);
        ++seen;
    });
    check(seen == keys.size());
    check(r.keys() == keys.size());
    return 0;
}
