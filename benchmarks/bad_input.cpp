// Issue 15's bad-input benchmark: a 100 MB claims file whose second row opens a quote that is
// never closed (so the rest of the file is one quoted value, and the file is one error), read by
// the streaming path (claims_csv_reconciler, as `toll reconcile --format csv`) and by the table
// path (read_claims_csv, then toll::reconcile, as `--format table`), beside both paths on a good
// file of the same size. Two such files: after the open quote come lines of pasted text, each an
// error if it were read as a row (the case), or lines that would read as claims.
//
// Each file is generated here, deterministically, in memory (about 100 MB; nothing on disk), and
// both paths read that text. peak_over_text_MiB is, at its highest over the iterations, the peak
// resident memory during one reading less what the process held just before it (the text and
// whatever the allocator kept from earlier readings): the path's own memory. It needs Linux's
// /proc/self/clear_refs to reset the peak before each reading (0 elsewhere).
// benchmarks/run_bad_input.sh runs each case in its own process and prints the ratios and checks:
//
//   cmake --build --preset default --target toll-bench-bad_input
//   benchmarks/run_bad_input.sh

#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <random>
#include <string>

#include <toll/io/claims_csv.hpp>
#include <toll/io/reconcile_csv.hpp>
#include <toll/reconcile/reconcile.hpp>

namespace {

constexpr std::size_t file_bytes = std::size_t{100} << 20;

enum class shape { good, unclosed_text, unclosed_rows };

// A row without a quote anywhere, so that a quote opened before it is never closed.
void append_row(std::string& t, std::mt19937_64& rng, std::size_t i)
{
    const auto n = std::to_string(1 + rng() % 500);
    t += "c" + std::to_string(10'000'000 + i) + ",ev" + std::to_string(rng() % 90'000) + ",killed,all,at least " + n +
         ",Local Official " + std::to_string(rng() % 400) + ",local_official,,,Al Jazeera,2020-09-" +
         std::to_string(10 + rng() % 20) + "," + n + " were reported dead near Mopti\n";
}

// Deterministic: std::mt19937_64's output is fixed by the standard, and only % is applied to it.
std::string make_file(shape s)
{
    std::mt19937_64 rng{15};
    std::string t;
    t.reserve(file_bytes + 4096);  // no growth: the text's memory is what it holds
    t = "id,event,category,group,figure,source,source_kind,party,about_party,via,reported,text\n";
    std::size_t i = 0;
    append_row(t, rng, i++);
    if (s != shape::good) {
        // Row 2's text opens a quote; nothing after it closes it.
        append_row(t, rng, i++);
        t.insert(t.rfind(',') + 1, 1, '"');
    }
    while (t.size() < file_bytes) {
        if (s == shape::unclosed_text) {
            t += "line " + std::to_string(i++) + " of a report pasted into the cell\n";
        } else {
            append_row(t, rng, i++);
        }
    }
    return t;
}

// A field of /proc/self/status ("VmRSS", "VmHWM") in MiB; 0 when there is none.
double status_mib(const char* field)
{
    double kib = 0;
    if (std::FILE* f = std::fopen("/proc/self/status", "r")) {
        char line[256];
        const std::size_t n = std::strlen(field);
        while (std::fgets(line, sizeof line, f) != nullptr) {
            if (std::strncmp(line, field, n) == 0 && line[n] == ':') kib = std::atof(line + n + 1);
        }
        std::fclose(f);
    }
    return kib / 1024.0;
}

// Makes VmHWM the current resident size again; false where that cannot be done.
bool reset_peak()
{
    std::FILE* f = std::fopen("/proc/self/clear_refs", "w");
    if (f == nullptr) return false;
    const bool ok = std::fputs("5", f) >= 0;
    return std::fclose(f) == 0 && ok;
}

// Runs `read` once per iteration, timed, and records the most memory one reading added.
template <class Read>
void measure(benchmark::State& state, Read&& read)
{
    double most = 0;
    for (auto _ : state) {
        state.PauseTiming();
        const bool resettable = reset_peak();
        const double before = status_mib("VmRSS");
        state.ResumeTiming();
        read();
        state.PauseTiming();
        if (resettable) most = std::max(most, status_mib("VmHWM") - before);
        state.ResumeTiming();
    }
    state.counters["peak_over_text_MiB"] = most;
}

// A file's text, made once per process for each shape.
const std::string& file_of(shape s)
{
    static std::array<std::optional<std::string>, 3> made;
    auto& text = made[static_cast<std::size_t>(s)];
    if (!text) text = make_file(s);
    return *text;
}

void report(benchmark::State& state, const std::string& text, std::size_t errors, std::size_t claims)
{
    state.counters["errors"] = static_cast<double>(errors);
    state.counters["claims"] = static_cast<double>(claims);
    state.counters["MB"] = static_cast<double>(text.size()) / 1e6;
}

// The streaming path, on state.range(0) threads: read, then every key reconciled.
void stream(benchmark::State& state, shape s)
{
    const std::string& text = file_of(s);
    std::size_t errors = 0;
    std::size_t claims = 0;
    measure(state, [&] {
        toll::reconcile_csv_options o;
        o.threads = static_cast<std::size_t>(state.range(0));
        toll::claims_csv_reconciler r{toll::policy::ucdp(), o};
        r.load_text(text);
        std::size_t keys = 0;
        r.for_each_key([&](const toll::csv_key_result&) { ++keys; });
        benchmark::DoNotOptimize(keys);
        errors = r.errors().size();
        claims = r.claims();
    });
    report(state, text, errors, claims);
}

// The table path: every row read into a claim, then toll::reconcile on the claims.
void table(benchmark::State& state, shape s)
{
    const std::string& text = file_of(s);
    std::size_t errors = 0;
    std::size_t claims = 0;
    measure(state, [&] {
        const toll::claim_records records = toll::read_claims_csv(text);
        const toll::reconciliation_report result = toll::reconcile(records.values, toll::policy::ucdp());
        benchmark::DoNotOptimize(result.results.data());
        errors = records.errors.size();
        claims = records.values.size();
    });
    report(state, text, errors, claims);
}

BENCHMARK_CAPTURE(stream, good, shape::good)->Arg(2)->Arg(4)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(stream, unclosed_text, shape::unclosed_text)->Arg(2)->Arg(4)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(stream, unclosed_rows, shape::unclosed_rows)->Arg(2)->Arg(4)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(table, good, shape::good)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(table, unclosed_text, shape::unclosed_text)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(table, unclosed_rows, shape::unclosed_rows)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
