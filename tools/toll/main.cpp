// toll: casualty-estimate reconciliation from the command line.
//
//   toll reconcile examples/data/mali-claims.csv --events examples/data/mali-events.csv
//   toll timeline examples/data/mali-claims.csv --event kani-bonzon-2023
//   toll plot examples/data/mali-claims.csv --event moura-2022 --group civilians -o moura.svg
//   echo "30–62 killed, 15 injured" | toll parse
//
// Each subcommand is in its own header beside this file; `toll SUBCOMMAND --help` describes it.

#include <exception>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli.hpp"
#include "parse_lines.hpp"
#include "plot_command.hpp"
#include "reconcile_command.hpp"
#include "timeline_command.hpp"

namespace {

constexpr std::string_view help = R"(usage: toll COMMAND [ARGUMENTS]

Reconciles casualty figures from many sources into defensible ranges.

commands:
  reconcile CLAIMS.csv [--events EVENTS.csv] [--policy acled|ucdp|strict] [--as-of DATE]
            [--format table|csv|json]
            every key (event, category, group) reconciled, with the claims behind each bound
  timeline  CLAIMS.csv --event ID [--category C] [--group G]
            how one key's figure moved as reports arrived
  plot      CLAIMS.csv --event ID [--category C] [--group G] -o FILE.svg
            a forest plot of one key's claims (SVG)
  parse     [--mode auto|cell|sentence|figure] [--category NAME] [--acled] < lines
            figures, claims and diagnostics read from text, one JSON object per line

`toll COMMAND --help` describes a command. The CSV formats: docs/csv-format.md.
Exit status: 0 done, 1 bad input, 2 bad arguments.
)";

}  // namespace

int main(int argc, char** argv)
{
    std::ios::sync_with_stdio(false);
    const std::vector<std::string_view> all(argv + 1, argv + argc);
    if (all.empty()) {
        std::cerr << help;
        return toll_cli::exit_usage;
    }
    const std::string_view command = all.front();
    const std::span<const std::string_view> args{all.begin() + 1, all.end()};
    if (command == "-h" || command == "--help" || command == "help") {
        std::cout << help;
        return toll_cli::exit_ok;
    }
    const std::string name = "toll " + std::string{command};
    try {
        if (command == "reconcile") return toll_cli::run_reconcile(args, std::cout, std::cerr);
        if (command == "timeline") return toll_cli::run_timeline(args, std::cout, std::cerr);
        if (command == "plot") return toll_cli::run_plot(args, std::cout, std::cerr);
        if (command == "parse") return toll_cli::run_parse(args, name, std::cin, toll_cli::is_terminal(0), std::cout, std::cerr);
        std::cerr << "toll: unknown command \"" << command << "\" (toll --help lists the commands)\n";
        return toll_cli::exit_usage;
    } catch (const toll_cli::usage_error& e) {
        std::cerr << name << ": " << e.what() << "\n(" << name << " --help for help)\n";
        return toll_cli::exit_usage;
    } catch (const toll_cli::input_error& e) {
        std::cerr << name << ": " << e.what() << '\n';
        return toll_cli::exit_bad_input;
    } catch (const std::exception& e) {
        std::cerr << name << ": " << e.what() << '\n';
        return toll_cli::exit_bad_input;
    }
}
