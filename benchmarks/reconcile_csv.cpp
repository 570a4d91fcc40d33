// The toll side of benchmarks/run_csv.sh while the `toll reconcile` command is not built:
// the same library call, toll::reconcile_claims_csv, on a claims CSV file.
//
//     toll-bench-reconcile_csv CLAIMS.csv [--policy acled|ucdp|strict] > results.csv
//
// Writes one CSV row per key to standard output and a summary (rows, keys, exclusions by
// reason, keys by status, the first errors) to standard error. Exit status 1 when a row did not
// read, 2 for bad arguments.
#include <cstddef>
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>
#include <string_view>

#include <toll/reconcile_csv.hpp>

int main(int argc, char** argv)
{
    std::string path;
    toll::policy policy = toll::policy::ucdp();
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--policy" && i + 1 < argc) {
            const std::string_view name = argv[++i];
            if (name == "acled") policy = toll::policy::acled();
            else if (name == "ucdp") policy = toll::policy::ucdp();
            else if (name == "strict") policy = toll::policy::strict();
            else {
                std::cerr << "unknown policy: " << name << " (acled, ucdp or strict)\n";
                return 2;
            }
        } else if (path.empty() && !arg.starts_with("-")) {
            path = arg;
        } else {
            std::cerr << "usage: toll-bench-reconcile_csv CLAIMS.csv [--policy acled|ucdp|strict] > results.csv\n";
            return 2;
        }
    }
    if (path.empty()) {
        std::cerr << "usage: toll-bench-reconcile_csv CLAIMS.csv [--policy acled|ucdp|strict] > results.csv\n";
        return 2;
    }
    std::ios::sync_with_stdio(false);
    try {
        const toll::reconcile_csv_report report = toll::reconcile_claims_csv(path, std::cout, policy);
        std::cout.flush();
        std::cerr << report.claims << " claims, " << report.keys << " keys (policy " << policy.name << "): " << report.used
                  << " used";
        for (std::size_t e = 0; e < report.excluded.size(); ++e) {
            if (report.excluded[e] != 0) std::cerr << ", " << report.excluded[e] << ' ' << toll::to_string(static_cast<toll::exclusion>(e));
        }
        std::cerr << "; keys:";
        for (std::size_t s = 0; s < report.statuses.size(); ++s) {
            std::cerr << ' ' << report.statuses[s] << ' ' << toll::to_string(static_cast<toll::status>(s));
        }
        std::cerr << '\n';
        for (std::size_t i = 0; i < report.errors.size() && i < 20; ++i) std::cerr << toll::to_string(report.errors[i]) << '\n';
        if (report.errors.size() > 20) std::cerr << "... and " << report.errors.size() - 20 << " more errors\n";
        return report.ok() ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "toll-bench-reconcile_csv: " << e.what() << '\n';
        return 1;
    }
}
