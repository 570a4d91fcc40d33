// toll-parse: reads one text per line on stdin (an infobox cell, a CSV column, a sentence of news)
// and writes one JSON object per line: the text, the claims read from it and the diagnostics for
// what could not be read.
//
//   cut -d, -f3 casualties.csv | toll-parse --category killed
//   echo "300 civilians killed (per Human Rights Watch), 500 killed (UN)" | toll-parse
//
// Options:
//   --mode auto|cell|sentence|figure   how to read each line (default auto: prose when the line
//                                      reads like a sentence, a cell otherwise)
//   --category NAME                    the category of cell figures whose text names none
//                                      (killed, injured, …; default casualties)
//   --acled                            read vague words with ACLED's table instead of the literal one
//
// Run without piped input, it reads the seed examples below, so it doubles as a demonstration.

#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#if __has_include(<unistd.h>)
#include <unistd.h>
#define TOLL_PARSE_HAS_ISATTY 1
#endif

#include <toll/field_parser.hpp>
#include <toll/figure_parser.hpp>

namespace {

/// Appends `text` as a JSON string: quotes, backslashes and control characters escaped, and any
/// byte that is not valid UTF-8 replaced by U+FFFD so the output is always valid JSON.
void append_json_string(std::string& out, std::string_view text)
{
    out += '"';
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            const auto decoded = toll::detail::decode_utf8(text, i);
            if (decoded.length == 0) {
                out += "\\ufffd";
                ++i;
            } else {
                out.append(text.substr(i, decoded.length));
                i += decoded.length;
            }
            continue;
        }
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (c < 0x20 || c == 0x7F) {
                constexpr char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 0xF];
            } else {
                out += static_cast<char>(c);
            }
        }
        ++i;
    }
    out += '"';
}

void append_count(std::string& out, std::optional<toll::count_type> n)
{
    out += n ? std::to_string(*n) : std::string{"null"};
}

void append_claim(std::string& out, const toll::claim& c)
{
    const toll::figure& f = c.figure;
    out += "{\"category\":";
    append_json_string(out, toll::to_string(c.category));
    out += ",\"group\":";
    append_json_string(out, toll::to_string(c.group));
    out += ",\"low\":";
    append_count(out, f.is_unknown() ? std::nullopt : std::optional<toll::count_type>{f.low()});
    out += ",\"high\":";
    append_count(out, f.high());
    out += ",\"qualifier\":";
    append_json_string(out, toll::to_string(f.qualifier()));
    if (const auto word = f.word()) {
        out += ",\"word\":";
        append_json_string(out, toll::to_string(*word));
    }
    out += ",\"figure\":";
    append_json_string(out, toll::to_string(f));
    out += ",\"source\":";
    if (c.source.origin.name.empty()) {
        out += "null";
    } else {
        append_json_string(out, c.source.origin.name);
    }
    out += ",\"via\":[";
    for (std::size_t i = 0; i < c.source.via.size(); ++i) {
        if (i != 0) out += ',';
        append_json_string(out, c.source.via[i].name);
    }
    out += "],\"span\":";
    if (c.span) {
        out += "{\"offset\":" + std::to_string(c.span->offset) + ",\"length\":" + std::to_string(c.span->length) +
               ",\"text\":";
        append_json_string(out, c.excerpt());
        out += "}";
    } else {
        out += "null";
    }
    out += "}";
}

void append_diagnostic(std::string& out, const toll::diagnostic& d)
{
    out += "{\"offset\":" + std::to_string(d.offset) + ",\"length\":" + std::to_string(d.length) + ",\"excerpt\":";
    append_json_string(out, d.excerpt);
    out += ",\"code\":";
    append_json_string(out, toll::to_string(d.code));
    out += ",\"reason\":";
    append_json_string(out, d.reason);
    out += "}";
}

enum class mode { automatic, cell, sentence, figure };

/// Prose ends like a sentence or runs long; cells are short lists.
bool reads_like_prose(std::string_view line)
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

std::string to_json(std::string_view line, mode m, const toll::field_options& options)
{
    std::string out = "{\"text\":";
    append_json_string(out, line);
    std::vector<toll::claim> claims;
    std::vector<toll::diagnostic> diagnostics;
    if (m == mode::figure) {
        const auto result = toll::parse_figure(line, options.table);
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
        out += ",\"mode\":";
        append_json_string(out, prose ? "sentence" : "cell");
        diagnostics = result.diagnostics();
        claims = std::move(result).value();
    }
    out += ",\"claims\":[";
    for (std::size_t i = 0; i < claims.size(); ++i) {
        if (i != 0) out += ',';
        append_claim(out, claims[i]);
    }
    out += "],\"diagnostics\":[";
    for (std::size_t i = 0; i < diagnostics.size(); ++i) {
        if (i != 0) out += ',';
        append_diagnostic(out, diagnostics[i]);
    }
    out += "]}";
    return out;
}

constexpr std::string_view demo_lines[] = {
    "20+",
    "30–62 killed, 15 injured, 2–3 kidnapped",
    "300 civilians killed (per Human Rights Watch), 500 killed (UN)",
    "Per Mali: 203 killed, 51 captured",
    "RFI, citing residents, stated fifty people were killed.",
    "A nearby hospital reported twelve bodies and four injured in their clinic.",
    "killing 34 civilians and injuring the same number, as reported by Human Rights Watch.",
    "Heavy losses",
};

int usage(const char* message)
{
    std::cerr << "toll-parse: " << message << "\n"
              << "usage: toll-parse [--mode auto|cell|sentence|figure] [--category NAME] [--acled] < lines\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv)
{
    mode m = mode::automatic;
    toll::field_options options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--mode" && i + 1 < argc) {
            const std::string_view value = argv[++i];
            if (value == "auto") m = mode::automatic;
            else if (value == "cell") m = mode::cell;
            else if (value == "sentence") m = mode::sentence;
            else if (value == "figure") m = mode::figure;
            else return usage("unknown mode");
        } else if (arg == "--category" && i + 1 < argc) {
            const auto c = toll::enum_from_name<toll::category>(argv[++i]);
            if (!c) return usage("unknown category");
            options.category = *c;
        } else if (arg == "--acled") {
            options.table = toll::vague_table::acled();
        } else if (arg == "--help" || arg == "-h") {
            usage("reads one text per line, writes one JSON object per line");
            return 0;
        } else {
            return usage("unknown option");
        }
    }

    std::ios::sync_with_stdio(false);
#ifdef TOLL_PARSE_HAS_ISATTY
    if (isatty(0) != 0) {
        for (std::string_view line : demo_lines) std::cout << to_json(line, m, options) << '\n';
        return 0;
    }
#endif
    std::string line;
    while (std::getline(std::cin, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::cout << to_json(line, m, options) << '\n';
    }
    return std::cout ? 0 : 1;
}
