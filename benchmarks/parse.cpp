// toll's figure and cell parsers against a straightforward std::regex parser of the same forms,
// in the same run, on a mixed corpus of short figures and infobox cells. Prints ns per expression
// for each and the speed-up at the end.
//
//   cmake --preset default -DTOLL_BUILD_BENCHMARKS=ON && cmake --build --preset default
//   build/default/benchmarks/toll-bench-parse --benchmark_min_time=1

#include <benchmark/benchmark.h>

#include <cstdint>
#include <iostream>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include <toll/parse/field_parser.hpp>
#include <toll/parse/figure_parser.hpp>

namespace {

// ---- the corpus ------------------------------------------------------------------------------

const std::vector<std::string>& short_figures()
{
    static const std::vector<std::string> corpus = {
        "12",           "20+",          "4+",          "30–62",        "30-62",        "2–3",
        "1,600",        "12 000",       "at least 20", "over 300",     "more than 300", "up to 30",
        "about 50",     "around 100",   "~100",        "c. 30",        "fewer than 30", "as many as 30",
        "dozens",       "several",      "hundreds",    "unknown",      "Unknown",      "none",
        "0",            "twelve",       "twenty-one",  "three hundred", "a dozen",     "1.5 million",
        "between 200 and 400", "15-20+", "no fewer than 13", "nearly 27,000", "tens of thousands", "203",
        "51",           "500",          "300",         "1,095–1,700",  "almost 20",    "in excess of 1,000",
    };
    return corpus;
}

const std::vector<std::string>& cells()
{
    static const std::vector<std::string> corpus = {
        "30–62 killed, 15 injured, 2–3 kidnapped",
        "300 civilians killed (per Human Rights Watch), 500 killed (UN)",
        "203 killed, 51 captured",
        "Unknown number of civilians killed and kidnapped",
        "20+",
        "4 soldiers killed, 2 wounded[11]",
        "7 killed, 12 injured (per CSP-PSD)",
        "900–1,200 killed, 4,000–5,000+ wounded[35][36]",
    };
    return corpus;
}

// ---- the std::regex baseline -----------------------------------------------------------------
// A parser a careful programmer would write in an afternoon: one regular expression per form,
// tried in turn, with the captured numbers converted afterwards. It reads the same forms as
// parse_figure's common path (digits with separators, number words up to the hundreds, ranges,
// bounds, approximations, vague words, unknown and zero).

struct regex_figure {
    enum kind_t { exact, range, at_least, more_than, at_most, fewer_than, approximately, vague, unknown, zero } kind;
    std::uint64_t low = 0;
    std::uint64_t high = 0;
};

const std::string number_pattern =
    R"((\d{1,3}(?:[, ]\d{3})+|\d+)(?:\.(\d+))?(?:\s+(million|thousand|hundred))?)"
    R"(|((?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|)"
    R"(seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|)"
    R"(five|six|seven|eight|nine))?(?:\s+(?:hundred|dozen))?))";

class regex_parser {
public:
    regex_parser()
        : range_{R"(^\s*(?:between\s+)?()" + number_pattern + R"()\s*(?:-|–|—|to|and)\s*()" + number_pattern +
                     R"()\s*(\+)?\s*$)",
                 std::regex::icase},
          single_{R"(^\s*(at least|no fewer than|a minimum of|over|more than|in excess of|up to|as many as|at most|)"
                  R"(no more than|fewer than|less than|about|around|approximately|some|roughly|nearly|almost|c\.|)"
                  R"(ca\.|~|≈)?\s*()" +
                      number_pattern + R"()\s*(\+)?\s*$)",
                  std::regex::icase},
          vague_{R"(^\s*(several|a few|dozens|scores|hundreds of thousands|hundreds|tens of thousands|thousands|)"
                 R"(many|millions)\s*$)",
                 std::regex::icase},
          special_{R"(^\s*(unknown|none|no casualties)\s*$)", std::regex::icase}
    {
    }

    std::optional<regex_figure> parse(const std::string& text) const
    {
        std::smatch m;
        if (std::regex_match(text, m, special_)) {
            return regex_figure{m[1].str()[0] == 'u' || m[1].str()[0] == 'U' ? regex_figure::unknown : regex_figure::zero};
        }
        if (std::regex_match(text, m, vague_)) return regex_figure{regex_figure::vague};
        if (std::regex_match(text, m, range_)) {
            const auto low = value(m[1].str());
            const auto high = value(m[6].str());
            // "twenty-one" also looks like a range: fall through to the single forms.
            if (low && high && *low <= *high) {
                if (m[11].matched) return regex_figure{regex_figure::at_least, *low, 0};
                return regex_figure{regex_figure::range, *low, *high};
            }
        }
        if (std::regex_match(text, m, single_)) {
            const auto n = value(m[2].str());
            if (!n) return std::nullopt;
            const std::string prefix = m[1].str();
            regex_figure f{regex_figure::exact, *n, *n};
            if (m[7].matched || prefix == "at least" || prefix == "no fewer than" || prefix == "a minimum of")
                f.kind = regex_figure::at_least;
            else if (prefix == "over" || prefix == "more than" || prefix == "in excess of")
                f.kind = regex_figure::more_than;
            else if (prefix == "up to" || prefix == "as many as" || prefix == "at most" || prefix == "no more than")
                f.kind = regex_figure::at_most;
            else if (prefix == "fewer than" || prefix == "less than")
                f.kind = regex_figure::fewer_than;
            else if (!prefix.empty())
                f.kind = regex_figure::approximately;
            else if (*n == 0)
                f.kind = regex_figure::zero;
            return f;
        }
        return std::nullopt;
    }

    /// Cells: split on commas, then one figure followed by a category word per part.
    std::size_t parse_cell(const std::string& text) const
    {
        std::size_t claims = 0;
        std::size_t at = 0;
        while (at <= text.size()) {
            std::size_t comma = text.find(',', at);
            if (comma == std::string::npos) comma = text.size();
            const std::string part = text.substr(at, comma - at);
            std::smatch m;
            if (std::regex_search(part, m, cell_part_)) {
                std::string figure = m[1].str();
                if (parse(figure)) ++claims;
            }
            at = comma + 1;
        }
        return claims;
    }

private:
    static std::optional<std::uint64_t> value(std::string text)
    {
        static const std::map<std::string, std::uint64_t> words = {
            {"a", 1},        {"one", 1},        {"two", 2},         {"three", 3},     {"four", 4},
            {"five", 5},     {"six", 6},        {"seven", 7},       {"eight", 8},     {"nine", 9},
            {"ten", 10},     {"eleven", 11},    {"twelve", 12},     {"thirteen", 13}, {"fourteen", 14},
            {"fifteen", 15}, {"sixteen", 16},   {"seventeen", 17},  {"eighteen", 18}, {"nineteen", 19},
            {"twenty", 20},  {"thirty", 30},    {"forty", 40},      {"fifty", 50},    {"sixty", 60},
            {"seventy", 70}, {"eighty", 80},    {"ninety", 90}};
        static const std::regex digits{R"((\d[\d, ]*)(?:\.(\d+))?(?:\s+(million|thousand|hundred))?)"};
        static const std::regex spelled{R"(([a-z]+)(?:-([a-z]+))?(?:\s+(hundred|dozen))?)", std::regex::icase};
        std::smatch m;
        if (std::regex_match(text, m, digits)) {
            std::string whole;
            for (char c : m[1].str()) {
                if (c >= '0' && c <= '9') whole += c;
            }
            if (whole.size() > 13) return std::nullopt;
            std::uint64_t n = std::stoull(whole);
            const std::uint64_t scale =
                m[3].matched ? (m[3] == "million" ? 1'000'000u : m[3] == "thousand" ? 1'000u : 100u) : 1u;
            if (m[2].matched) {
                const std::string fraction = m[2].str();
                std::uint64_t divisor = 1;
                for (std::size_t i = 0; i < fraction.size(); ++i) divisor *= 10;
                n = n * divisor + std::stoull(fraction);
                if ((n * scale) % divisor != 0) return std::nullopt;
                return n * scale / divisor;
            }
            return n * scale;
        }
        for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (std::regex_match(text, m, spelled)) {
            const auto first = words.find(m[1].str());
            if (first == words.end()) return std::nullopt;
            std::uint64_t n = first->second;
            if (m[2].matched) {
                const auto unit = words.find(m[2].str());
                if (unit == words.end()) return std::nullopt;
                n += unit->second;
            }
            if (m[3].matched) n *= m[3] == "hundred" ? 100u : 12u;
            return n;
        }
        return std::nullopt;
    }

    std::regex range_;
    std::regex single_;
    std::regex vague_;
    std::regex special_;
    std::regex cell_part_{R"(^\s*(.*?)\s*(killed|dead|injured|wounded|kidnapped|captured|missing|displaced)?\s*$)",
                          std::regex::icase};
};

const regex_parser& baseline()
{
    static const regex_parser parser;
    return parser;
}

// ---- benchmarks ------------------------------------------------------------------------------

void toll_parse_figure(benchmark::State& state)
{
    const auto& corpus = short_figures();
    std::size_t read = 0;
    for (auto _ : state) {
        for (const auto& text : corpus) {
            auto result = toll::parse_figure(text);
            read += result.has_value();
            benchmark::DoNotOptimize(result);
        }
    }
    if (read != corpus.size() * static_cast<std::size_t>(state.iterations())) state.SkipWithError("toll failed to read a figure");
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(corpus.size()));
}
BENCHMARK(toll_parse_figure);

void regex_parse_figure(benchmark::State& state)
{
    const auto& corpus = short_figures();
    const auto& parser = baseline();
    std::size_t read = 0;
    for (auto _ : state) {
        for (const auto& text : corpus) {
            auto result = parser.parse(text);
            read += result.has_value();
            benchmark::DoNotOptimize(result);
        }
    }
    if (read != corpus.size() * static_cast<std::size_t>(state.iterations())) state.SkipWithError("regex baseline failed to read a figure");
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(corpus.size()));
}
BENCHMARK(regex_parse_figure);

void toll_parse_field(benchmark::State& state)
{
    const auto& corpus = cells();
    for (auto _ : state) {
        for (const auto& text : corpus) {
            auto result = toll::parse_field(text);
            benchmark::DoNotOptimize(result);
        }
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(corpus.size()));
}
BENCHMARK(toll_parse_field);

void regex_parse_field(benchmark::State& state)
{
    const auto& corpus = cells();
    const auto& parser = baseline();
    for (auto _ : state) {
        for (const auto& text : corpus) benchmark::DoNotOptimize(parser.parse_cell(text));
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(corpus.size()));
}
BENCHMARK(regex_parse_field);

/// The console report, plus ns per expression and the speed-ups once every benchmark has run.
class ratio_reporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run>& runs) override
    {
        ConsoleReporter::ReportRuns(runs);
        for (const auto& run : runs) {
            if (run.error_occurred || run.iterations == 0) continue;
            const auto items = run.counters.find("items_per_second");
            if (items == run.counters.end() || items->second.value <= 0) continue;
            ns_per_item_[run.benchmark_name()] = 1e9 / items->second.value;
        }
    }
    void Finalize() override
    {
        ConsoleReporter::Finalize();
        auto& out = GetOutputStream();
        for (const auto& [name, ns] : ns_per_item_) out << name << ": " << ns << " ns per expression\n";
        ratio(out, "figures", "toll_parse_figure", "regex_parse_figure");
        ratio(out, "cells", "toll_parse_field", "regex_parse_field");
    }

private:
    void ratio(std::ostream& out, const char* what, const std::string& toll_name, const std::string& regex_name)
    {
        const auto t = ns_per_item_.find(toll_name);
        const auto r = ns_per_item_.find(regex_name);
        if (t == ns_per_item_.end() || r == ns_per_item_.end()) return;
        out << what << ": toll is " << r->second / t->second << "x faster than the std::regex baseline\n";
    }

    std::map<std::string, double> ns_per_item_;
};

}  // namespace

int main(int argc, char** argv)
{
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    ratio_reporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    return 0;
}
