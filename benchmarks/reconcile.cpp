// Reconciling 1 and 10 million synthetic claims (about 2.1 claims per key, skewed; 10% unbounded;
// a few percent of keys conflicting) with full provenance: from unsorted records, from records
// already grouped by key, and a plain read of the same bytes as the memory-bandwidth reference.
// Compare with benchmarks/reconcile_pandas.py, which runs the same reductions in pandas.
#include <benchmark/benchmark.h>

#include <sys/resource.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <vector>

#include <toll/bulk.hpp>

namespace {

using toll::bulk::record;

struct dataset {
    std::vector<record> shuffled;
    std::vector<record> grouped;
    std::uint32_t keys = 0;
};

// Claims per key: 1 (55%), 2 (25%), 3 (10%), 5 (5%), 8 (4%), 20 (1%): 2.12 on average.
std::uint32_t claims_for_a_key(std::mt19937_64& rng)
{
    const auto u = rng() % 100;
    if (u < 55) return 1;
    if (u < 80) return 2;
    if (u < 90) return 3;
    if (u < 95) return 5;
    if (u < 99) return 8;
    return 20;
}

dataset make_dataset(std::size_t n)
{
    std::mt19937_64 rng{42};
    dataset d;
    d.grouped.reserve(n);
    while (d.grouped.size() < n) {
        const std::uint32_t key = d.keys++;
        const std::uint32_t count = std::min<std::uint32_t>(claims_for_a_key(rng), static_cast<std::uint32_t>(n - d.grouped.size()));
        const std::uint64_t centre = 1 + rng() % 500;
        for (std::uint32_t i = 0; i < count; ++i) {
            record r;
            r.key = key;
            r.origin = static_cast<std::uint32_t>(rng() % 64);
            r.claim = static_cast<std::uint32_t>(d.grouped.size());
            r.day = 2'459'000 + static_cast<std::uint32_t>(rng() % 30);
            const auto kind = rng() % 100;
            // A few claims far above the rest make a few percent of keys conflict with a range.
            const std::uint64_t low = centre + rng() % 40 + (rng() % 100 < 3 ? 100 : 0);
            if (kind < 10) {  // "at least": unbounded
                r.low_and_flags = low;
            } else if (kind < 75) {  // exact: a lower bound only under ucdp
                r.low_and_flags = low;
                r.high = low;
            } else {  // a range, which caps
                r.low_and_flags = (centre - std::min<std::uint64_t>(centre, 20)) | record::caps_flag;
                r.high = centre + 40 + rng() % 40;
            }
            d.grouped.push_back(r);
        }
    }
    d.shuffled = d.grouped;
    std::shuffle(d.shuffled.begin(), d.shuffled.end(), rng);
    return d;
}

const dataset& data(std::size_t n)
{
    static std::map<std::size_t, dataset> cache;
    auto it = cache.find(n);
    if (it == cache.end()) it = cache.emplace(n, make_dataset(n)).first;
    return it->second;
}

double peak_rss_mib()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

void per_claim(benchmark::State& state, std::size_t n)
{
    state.counters["ns_per_claim"] = benchmark::Counter(static_cast<double>(n) * 1e-9,
                                                        benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
    state.counters["peak_rss_MiB"] = peak_rss_mib();
}

void memory_read(benchmark::State& state)
{
    const auto n = static_cast<std::size_t>(state.range(0));
    const auto& records = data(n).shuffled;
    for (auto _ : state) {
        std::uint64_t sum = 0;
        for (const record& r : records) sum += r.low_and_flags + r.high + r.key;
        benchmark::DoNotOptimize(sum);
    }
    per_claim(state, n);
}

void reconcile_unsorted(benchmark::State& state)
{
    const auto n = static_cast<std::size_t>(state.range(0));
    const auto& d = data(n);
    std::size_t conflicting = 0;
    for (auto _ : state) {
        auto result = toll::bulk::reconcile(d.shuffled, d.keys);
        conflicting = static_cast<std::size_t>(std::count_if(result.keys.begin(), result.keys.end(), [](const auto& k) {
            return k.status() == toll::status::conflicting;
        }));
        benchmark::DoNotOptimize(result);
    }
    per_claim(state, n);
    state.counters["keys"] = static_cast<double>(d.keys);
    state.counters["conflicting_pct"] = 100.0 * static_cast<double>(conflicting) / static_cast<double>(d.keys);
}

void reconcile_grouped(benchmark::State& state)
{
    const auto n = static_cast<std::size_t>(state.range(0));
    auto records = data(n).grouped;  // reordered within keys by each run, which keeps it grouped
    for (auto _ : state) {
        auto result = toll::bulk::reconcile_grouped(records);
        benchmark::DoNotOptimize(result);
    }
    per_claim(state, n);
}

}  // namespace

BENCHMARK(memory_read)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(reconcile_unsorted)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(reconcile_grouped)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond)->UseRealTime();
