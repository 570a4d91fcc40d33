#pragma once
// The parser's line tool, shared by `toll parse` and the `toll-parse` example: reads one text per
// line (an infobox cell, a CSV column, a sentence of news) and writes one JSON object per line:
// the text, the claims read from it and the diagnostics for what could not be read.
//
//   cut -d, -f3 casualties.csv | toll parse --category killed
//   echo "300 civilians killed (per Human Rights Watch), 500 killed (UN)" | toll parse
//
// Run without piped input, it reads the seed examples below, so it doubles as a demonstration.

#include <iostream>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <toll/parse/field_parser.hpp>
#include <toll/parse/figure_parser.hpp>
#include <toll/io/json.hpp>

#include "output.hpp"

namespace toll_cli {

namespace parse_lines {

inline void write_count(toll::json_writer& json, std::optional<toll::count_type> n)
{
    if (n) {
        json.value(*n);
    } else {
        json.value(nullptr);
    }
}

inline void write_claim(toll::json_writer& json, const toll::claim& c)
{
    const toll::figure& f = c.figure;
    json.begin_object().member("category", toll::to_string(c.category)).member("group", toll::to_string(c.group));
    json.key("low");
    write_count(json, f.is_unknown() ? std::nullopt : std::optional<toll::count_type>{f.low()});
    json.key("high");
    write_count(json, f.high());
    json.member("qualifier", toll::to_string(f.qualifier()));
    if (const auto word = f.word()) json.member("word", toll::to_string(*word));
    json.member("figure", toll::to_string(f)).key("source");
    if (c.source.origin.name.empty()) {
        json.value(nullptr);
    } else {
        json.value(c.source.origin.name);
    }
    json.key("via").begin_array();
    for (const auto& relay : c.source.via) json.value(relay.name);
    json.end_array().key("span");
    if (c.span) {
        json.begin_object().member("offset", c.span->offset).member("length", c.span->length).member("text", c.excerpt()).end_object();
    } else {
        json.value(nullptr);
    }
    json.end_object();
}

inline void write_diagnostic(toll::json_writer& json, const toll::diagnostic& d)
{
    json.begin_object()
        .member("offset", d.offset)
        .member("length", d.length)
        .member("excerpt", d.excerpt)
        .member("code", toll::to_string(d.code))
        .member("reason", d.reason)
        .member("severity", d.severity == toll::severity::note ? "note" : "error")
        .end_object();
}

enum class mode { automatic, cell, sentence, figure };

/// Prose ends like a sentence or runs long; cells are short lists.
[[nodiscard]] inline bool reads_like_prose(std::string_view line)
{
    std::size_t words = 0;
    bool in_word = false;
    for (char c : line) {
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (letter && !in_word) ++words;
        in_word = letter;
    }
    std::string_view trimmed = line;
    while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\r')) trimmed.remove_suffix(1);
    const bool ends_like_sentence = !trimmed.empty() && (trimmed.back() == '.' || trimmed.back() == '"');
    return words >= 12 || (ends_like_sentence && words >= 5);
}

/// One line read as `m` says, as a one-line JSON object.
[[nodiscard]] inline std::string to_json(std::string_view line, mode m, const toll::field_options& options)
{
    std::ostringstream out;
    toll::json_writer json{out};
    json.begin_object().member("text", line);
    std::vector<toll::claim> claims;
    std::vector<toll::diagnostic> diagnostics;
    if (m == mode::figure) {
        const auto result = toll::parse_figure(line, options.language, options.table);
        if (result) {
            toll::claim c;
            c.category = options.category;
            c.group = options.group;
            c.figure = *result;
            c.text = std::string{line};
            c.span = toll::text_span{0, line.size()};
            claims.push_back(std::move(c));
        }
        diagnostics = result.diagnostics();
    } else {
        const bool prose = m == mode::sentence || (m == mode::automatic && reads_like_prose(line));
        auto result = prose ? toll::parse_sentence(line, options) : toll::parse_field(line, options);
        json.member("mode", prose ? "sentence" : "cell");
        diagnostics = result.diagnostics();
        claims = std::move(result).value();
    }
    json.key("claims").begin_array();
    for (const auto& c : claims) write_claim(json, c);
    json.end_array().key("diagnostics").begin_array();
    for (const auto& d : diagnostics) write_diagnostic(json, d);
    json.end_array().end_object();
    json.flush();
    return std::move(out).str();
}

inline constexpr std::string_view demo_lines[] = {
    "20+",
    "30–62 killed, 15 injured, 2–3 kidnapped",
    "300 civilians killed (per Human Rights Watch), 500 killed (UN)",
    "Per Mali: 203 killed, 51 captured",
    "RFI, citing residents, stated fifty people were killed.",
    "A nearby hospital reported twelve bodies and four injured in their clinic.",
    "killing 34 civilians and injuring the same number, as reported by Human Rights Watch.",
    "Heavy losses",
};

}  // namespace parse_lines

/// `usage` with `program` standing for the command's name ("toll parse", "toll-parse").
[[nodiscard]] inline std::string parse_help(std::string_view program)
{
    std::string text = "usage: ";
    text += program;
    text += R"( [--mode auto|cell|sentence|figure] [--category NAME] [--lang en|fr|auto] [--acled] [-o FILE] < lines

Reads one text per line on stdin (an infobox cell, a CSV column, a sentence of news) and writes
one JSON object per line: the text, the claims read from it and the diagnostics for what could
not be read. Without piped input it reads a few examples, as a demonstration.

  --mode MODE       how to read each line: auto (default: prose when the line reads like a
                    sentence, a cell otherwise), cell, sentence or figure
  --category NAME   the category of cell figures whose text names none (killed, injured, ...;
                    default casualties)
  --lang LANG       the language of the lines: en (default), fr, or auto (told from each line's
                    frequent words)
  --acled           read vague words with ACLED's table instead of the literal one
  -o, --output FILE where to write (default, and -, stdout)
  -h, --help        this help
)";
    return text;
}

/// Runs the line tool. Returns the exit status; a bad option is reported on `err` with status 2.
/// Whether `out` took every line is for the caller to check; a file of -o is checked here (output_error).
[[nodiscard]] inline int run_parse(std::span<const std::string_view> args, std::string_view program, std::istream& in,
                                   bool input_is_terminal, std::ostream& out, std::ostream& err)
{
    using parse_lines::mode;
    mode m = mode::automatic;
    toll::field_options options;
    output_choice output;
    auto fail = [&](const std::string& message) {
        err << program << ": " << message << "\n(" << program << " --help for help)\n";
        return 2;
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        const bool has_value = i + 1 < args.size();
        if (arg == "--mode" && has_value) {
            const std::string_view value = args[++i];
            if (value == "auto") m = mode::automatic;
            else if (value == "cell") m = mode::cell;
            else if (value == "sentence") m = mode::sentence;
            else if (value == "figure") m = mode::figure;
            else return fail("unknown mode \"" + std::string{value} + "\" (expected auto, cell, sentence or figure)");
        } else if (arg == "--category" && has_value) {
            const auto c = toll::enum_from_name<toll::category>(args[++i]);
            if (!c) return fail("unknown category \"" + std::string{args[i]} + "\"");
            options.category = *c;
        } else if (arg == "--lang" && has_value) {
            const auto l = toll::enum_from_name<toll::language>(args[++i]);
            if (!l) return fail("unknown language \"" + std::string{args[i]} + "\" (expected en, fr or auto)");
            options.language = *l;
        } else if ((arg == "-o" || arg == "--output") && has_value) {
            output.set(args[++i]);
        } else if (arg == "--acled") {
            options.table = toll::vague_table::acled();
        } else if (arg == "--help" || arg == "-h") {
            out << parse_help(program);
            return 0;
        } else if (arg == "--mode" || arg == "--category" || arg == "--lang" || arg == "-o" || arg == "--output") {
            return fail("option " + std::string{arg} + " needs a value");
        } else {
            return fail("unknown option " + std::string{arg});
        }
    }
    std::ostream& target = output.open(out);
    if (input_is_terminal) {
        for (std::string_view line : parse_lines::demo_lines) target << parse_lines::to_json(line, m, options) << '\n';
    } else {
        std::string line;
        // Stops at the first write that fails: output.finish() or the caller says why.
        while (target && std::getline(in, line)) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            target << parse_lines::to_json(line, m, options) << '\n';
        }
    }
    output.finish();
    return 0;
}

}  // namespace toll_cli
