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
#include "export_command.hpp"
#include "import_command.hpp"
#include "output.hpp"
#include "parse_lines.hpp"
#include "plot_command.hpp"
#include "reconcile_command.hpp"
#include "timeline_command.hpp"

namespace {

constexpr std::string_view help = R"(usage: toll COMMAND [ARGUMENTS]

Reconciles casualty figures from many sources into defensible ranges.

commands:
  reconcile CLAIMS.csv [--events EVENTS.csv] [--policy acled|ucdp|strict] [--as-of DATE]
            [--format table|csv|json] [--from ged|acled] [--with ged:FILE|acled:FILE]
            every key (event, category, group) reconciled, with the claims behind each bound
  timeline  CLAIMS.csv --event ID [--category C] [--group G]
            how one key's figure moved as reports arrived
  plot      CLAIMS.csv --event ID [--category C] [--group G] -o FILE.svg
            a forest plot of one key's claims (SVG)
  parse     [--mode auto|cell|sentence|figure] [--category NAME] [--acled] < lines
            figures, claims and diagnostics read from text, one JSON object per line
  import    ged|acled FILE [-o CLAIMS.csv] [--events-out EVENTS.csv]
            a UCDP GED or ACLED export as claims (docs/datasets.md)
  export    ged|acled CLAIMS [--from claims|ged|acled] [-o OUT.csv]
            reconciled results as GED-style or ACLED-style rows, with the claims behind them

`toll help COMMAND` or `toll COMMAND --help` describes a command; `toll --version` prints the
version. The manual: man toll. The CSV formats: docs/csv-format.md.
Exit status: 0 done, 1 bad input, 2 bad arguments, 3 the output could not be written.
)";

// The project's version, given by CMake (project(toll VERSION ...)).
#ifndef TOLL_VERSION
#error "TOLL_VERSION is set by tools/toll/CMakeLists.txt from the project's version"
#endif
constexpr std::string_view version = TOLL_VERSION;

}  // namespace

namespace {

/// Runs the command `command`; its status, with errors reported on `err`.
int dispatch(std::string_view command, std::span<const std::string_view> args, std::ostream& out, std::ostream& err)
{
    if (command == "help" && !args.empty()) {
        // `toll help COMMAND` is `toll COMMAND --help`.
        static constexpr std::string_view help_flag[] = {"--help"};
        if (args.size() > 1) {
            err << "toll help: one command at a time (toll --help lists them)\n";
            return toll_cli::exit_usage;
        }
        return dispatch(args.front(), help_flag, out, err);
    }
    if (command == "-h" || command == "--help" || command == "help") {
        out << help;
        return toll_cli::exit_ok;
    }
    if (command == "--version") {
        out << "toll " << version << '\n';
        return toll_cli::exit_ok;
    }
    const std::string name = "toll " + std::string{command};
    try {
        if (command == "reconcile") return toll_cli::run_reconcile(args, out, err);
        if (command == "timeline") return toll_cli::run_timeline(args, out, err);
        if (command == "plot") return toll_cli::run_plot(args, out, err);
        if (command == "import") return toll_cli::run_import(args, std::cin, out, err);
        if (command == "export") return toll_cli::run_export(args, std::cin, out, err);
        if (command == "parse") return toll_cli::run_parse(args, name, std::cin, toll_cli::is_terminal(0), out, err);
        err << "toll: unknown command \"" << command << "\" (toll --help lists the commands)\n";
        return toll_cli::exit_usage;
    } catch (const toll_cli::usage_error& e) {
        err << name << ": " << e.what() << "\n(" << name << " --help for help)\n";
        return toll_cli::exit_usage;
    } catch (const toll_cli::output_error& e) {
        err << name << ": " << e.what() << '\n';
        return toll_cli::exit_output;
    } catch (const toll_cli::input_error& e) {
        err << name << ": " << e.what() << '\n';
        return toll_cli::exit_bad_input;
    } catch (const std::exception& e) {
        err << name << ": " << e.what() << '\n';
        return toll_cli::exit_bad_input;
    }
}

}  // namespace

int main(int argc, char** argv)
{
    std::ios::sync_with_stdio(false);
    // stdout and stderr through checked buffers: a write that fails is known, not lost.
    toll_cli::fd_ostream out{1, false};
    toll_cli::fd_ostream err{2, false};
    err.setf(std::ios::unitbuf);  // each message out at once, in order with the progress line
    const std::vector<std::string_view> all(argv + 1, argv + argc);
    if (all.empty()) {
        err << help;
        return toll_cli::exit_usage;
    }
    const std::string_view command = all.front();
    const int status = dispatch(command, std::span<const std::string_view>{all.begin() + 1, all.end()}, out, err);
    if (out.close() || toll_cli::reader_left(out.error())) return status;
    err << "toll " << command << ": stdout: cannot be written: " << toll_cli::reason_of(out.error()) << '\n';
    return toll_cli::exit_output;
}
