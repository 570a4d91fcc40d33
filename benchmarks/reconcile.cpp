// Reconciling 1 and 10 million synthetic claims (about 2.1 claims per key, skewed; 10% unbounded;
// a few percent of keys conflicting) with full provenance: from unsorted records, from records
// already grouped by key, and a plain read of the same bytes as the memory-bandwidth reference.
//
// The pandas baseline (benchmarks/reconcile_pandas.py) reads the very records this program
// generates: `toll-bench-reconcile --write-records=FILE [--claims=N]` writes the unsorted input
// as raw 32-byte toll::bulk::record values (little-endian) and exits. benchmarks/run_reconcile.sh
// runs both, each case in its own process so each peak memory is its own.
//
// The reconciliations reuse their output and workspace from one iteration to the next, as a
// program reconciling batch after batch would; the first, cold call (fresh buffers, page faults
// and all) is reported separately as cold_ns_per_claim.
#include <benchmark/benchmark.h>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <toll/reconcile/bulk.hpp>

namespace {

using toll::bulk::record;

struct dataset {
    std::vector<record> records;
    std::uint32_t keys = 0;
};

// Claims per key: 1 (55%), 2 (25%), 3 (10%), 5 (5%), 8 (4%), 20 (1%): 2.12 on average, so 10
// million claims make about 4.7 million keys.
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

// The records of `n` claims, grouped by key (keys ascending, claim indices in order) or, when
// `shuffled`, in a random order. std::mt19937_64's output is fixed by the standard and the draws
// use only `%`, so the data is the same on every platform.
dataset make_dataset(std::size_t n, bool shuffled)
{
    std::mt19937_64 rng{42};
    dataset d;
    d.records.reserve(n);
    while (d.records.size() < n) {
        const std::uint32_t key = d.keys++;
        const std::uint32_t count = std::min<std::uint32_t>(claims_for_a_key(rng), static_cast<std::uint32_t>(n - d.records.size()));
        const std::uint64_t centre = 1 + rng() % 500;
        for (std::uint32_t i = 0; i < count; ++i) {
            record r;
            r.key = key;
            r.origin = static_cast<std::uint32_t>(rng() % 64);
            r.claim = static_cast<std::uint32_t>(d.records.size());
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
            d.records.push_back(r);
        }
    }
    if (shuffled) std::shuffle(d.records.begin(), d.records.end(), rng);
    return d;
}

// Only the order a case asks for is generated, so a process running one case holds one copy.
const dataset& data(std::size_t n, bool shuffled)
{
    static std::map<std::pair<std::size_t, bool>, dataset> cache;
    auto it = cache.find({n, shuffled});
    if (it == cache.end()) it = cache.emplace(std::pair{n, shuffled}, make_dataset(n, shuffled)).first;
    return it->second;
}

double peak_rss_mib()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// What the output holds (its reserved capacity is address space, touched only as written).
template <class Vector>
double mib(const Vector& v)
{
    return static_cast<double>(v.size() * sizeof(typename Vector::value_type)) / (1024.0 * 1024.0);
}

void per_claim(benchmark::State& state, std::size_t n)
{
    state.counters["ns_per_claim"] = benchmark::Counter(static_cast<double>(n) * 1e-9,
                                                        benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
    state.counters["peak_rss_MiB"] = peak_rss_mib();
}

template <class Call>
double cold_ns_per_claim(std::size_t n, Call call)
{
    const auto start = std::chrono::steady_clock::now();
    call();
    const std::chrono::duration<double, std::nano> took = std::chrono::steady_clock::now() - start;
    return took.count() / static_cast<double>(n);
}

void memory_read(benchmark::State& state)
{
    const auto n = static_cast<std::size_t>(state.range(0));
    const auto& records = data(n, true).records;
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
    const auto& d = data(n, true);
    toll::bulk::result result;
    toll::bulk::workspace scratch;
    state.counters["cold_ns_per_claim"] = cold_ns_per_claim(n, [&] { toll::bulk::reconcile(d.records, d.keys, result, scratch); });
    for (auto _ : state) {
        toll::bulk::reconcile(d.records, d.keys, result, scratch);
        benchmark::DoNotOptimize(result.keys.data());
        benchmark::DoNotOptimize(result.fates.data());
        benchmark::ClobberMemory();
    }
    const auto conflicting = std::count_if(result.keys.begin(), result.keys.end(),
                                           [](const auto& k) { return k.status() == toll::status::conflicting; });
    per_claim(state, n);
    state.counters["keys"] = static_cast<double>(d.keys);
    state.counters["conflicting_pct"] = 100.0 * static_cast<double>(conflicting) / static_cast<double>(d.keys);
    state.counters["output_MiB"] = mib(result.keys) + mib(result.fates);
}

void reconcile_grouped(benchmark::State& state)
{
    const auto n = static_cast<std::size_t>(state.range(0));
    const auto& d = data(n, false);
    toll::bulk::result result;
    state.counters["cold_ns_per_claim"] = cold_ns_per_claim(n, [&] { toll::bulk::reconcile_grouped(d.records, result); });
    for (auto _ : state) {
        toll::bulk::reconcile_grouped(d.records, result);
        benchmark::DoNotOptimize(result.keys.data());
        benchmark::DoNotOptimize(result.fates.data());
        benchmark::ClobberMemory();
    }
    per_claim(state, n);
    state.counters["output_MiB"] = mib(result.keys) + mib(result.fates);
}

// --write-records=FILE [--claims=N]: the unsorted input of N claims (10 million by default), raw.
int write_records(const char* path, std::size_t n)
{
    const auto& d = data(n, true);
    std::FILE* out = std::fopen(path, "wb");
    if (out == nullptr) {
        std::perror(path);
        return 1;
    }
    const std::size_t written = std::fwrite(d.records.data(), sizeof(record), d.records.size(), out);
    const bool ok = std::fclose(out) == 0 && written == d.records.size();
    std::printf("%zu records, %u keys written to %s\n", d.records.size(), d.keys, path);
    return ok ? 0 : 1;
}

}  // namespace

BENCHMARK(memory_read)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(reconcile_unsorted)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(reconcile_grouped)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond)->UseRealTime();

// Its own main (so benchmark_main's is not linked) for the one extra option.
int main(int argc, char** argv)
{
    const char* records_file = nullptr;
    std::size_t claims = 10'000'000;
    std::vector<char*> rest;
    for (int i = 0; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg.starts_with("--write-records=")) records_file = argv[i] + std::strlen("--write-records=");
        else if (arg.starts_with("--claims=")) claims = std::stoull(std::string{arg.substr(std::strlen("--claims="))});
        else rest.push_back(argv[i]);
    }
    if (records_file != nullptr) return write_records(records_file, claims);
    int rest_count = static_cast<int>(rest.size());
    benchmark::Initialize(&rest_count, rest.data());
    if (benchmark::ReportUnrecognizedArguments(rest_count, rest.data())) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
