// toll's RFC 4180 reader (csv_reader: quotes, doubled quotes, line breaks in values, CRLF, an
// error for every malformed row) against a naive splitter of the same bytes in the same run: a
// std::string_view cut at every newline and comma, which handles no quoting at all and so is a
// floor for any reader. Both count fields; the corpus is 200,000 claims-like rows (about 30 MB),
// one in five with a quoted field holding a comma, which the naive splitter miscounts.
//
//   cmake --build --preset default --target toll-bench-csv_read
//   build/default/benchmarks/toll-bench-csv_read

#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>

#include <toll/io/csv.hpp>

namespace {

constexpr std::size_t rows = 200'000;
constexpr std::size_t columns = 15;

// Deterministic: std::mt19937_64's output is fixed by the standard, and only % is applied to it.
const std::string& corpus()
{
    static const std::string text = [] {
        std::mt19937_64 rng{5};
        std::string t = "id,event,category,group,figure,source,source_kind,party,about_party,via,reported,text,low,high,caps\n";
        for (std::size_t i = 0; i < rows; ++i) {
            const auto n = std::to_string(1 + rng() % 500);
            t += "c" + std::to_string(1'000'000 + i) + ",ev" + std::to_string(rng() % 90'000) + ",killed,all,at least " + n +
                 ",Local Official " + std::to_string(rng() % 400) + ",local_official,,,Al Jazeera,2020-09-" +
                 std::to_string(10 + rng() % 20) + ",";
            if (i % 5 == 0) t += "\"" + n + " killed, residents said\"";
            else t += n + " were reported dead near Mopti";
            t += "," + n + ",,0\n";
        }
        return t;
    }();
    return text;
}

void toll_csv_reader(benchmark::State& state)
{
    const std::string& text = corpus();
    std::size_t fields = 0;
    for (auto _ : state) {
        toll::csv_reader reader{text, "corpus.csv"};
        toll::csv_row row;
        fields = 0;
        while (reader.next(row)) {
            if (row.error()) state.SkipWithError("the corpus has a malformed row");
            fields += row.size();
        }
        benchmark::DoNotOptimize(fields);
    }
    if (fields != rows * columns) state.SkipWithError("csv_reader miscounted the fields");
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(toll_csv_reader)->Unit(benchmark::kMillisecond);

void naive_split(benchmark::State& state)
{
    const std::string_view text = corpus();
    for (auto _ : state) {
        std::size_t fields = 0;
        for (std::size_t line = 0; line < text.size();) {
            const std::size_t end = std::min(text.find('\n', line), text.size());
            for (std::size_t at = line; at <= end; ++fields) {
                const std::size_t comma = text.find(',', at);
                at = comma < end ? comma + 1 : end + 1;
            }
            line = end + 1;
        }
        benchmark::DoNotOptimize(fields);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(naive_split)->Unit(benchmark::kMillisecond);

}  // namespace
