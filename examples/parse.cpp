// toll-parse: the parser's line tool (also `toll parse`). Reads one text per line on stdin (an
// infobox cell, a CSV column, a sentence of news) and writes one JSON object per line: the text,
// the claims read from it and the diagnostics for what could not be read.
//
//   cut -d, -f3 casualties.csv | toll-parse --category killed
//   echo "300 civilians killed (per Human Rights Watch), 500 killed (UN)" | toll-parse
//
// Run without piped input, it reads a few seed examples, so it doubles as a demonstration.
// The tool itself is in toll/parse_lines.hpp, shared with the `toll` command.

#include <iostream>
#include <string_view>
#include <vector>

#include "../tools/toll/cli.hpp"
#include "../tools/toll/parse_lines.hpp"

int main(int argc, char** argv)
{
    std::ios::sync_with_stdio(false);
    const std::vector<std::string_view> args(argv + 1, argv + argc);
    try {
        const int status = toll_cli::run_parse(args, "toll-parse", std::cin, toll_cli::is_terminal(0), std::cout, std::cerr);
        return std::cout.flush() ? status : 1;
    } catch (const toll_cli::output_error& e) {  // the file of -o could not be written
        std::cerr << "toll-parse: " << e.what() << '\n';
        return 1;
    }
}
