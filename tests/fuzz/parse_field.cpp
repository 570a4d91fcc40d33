// libFuzzer target: parse_field and parse_sentence on any bytes, read as English, French and
// with the language told from the text, must end in claims and diagnostics whose spans lie inside
// the input, with every figure within toll::max_count.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include <toll/parse/field_parser.hpp>

namespace {

void check(const toll::parse_result<std::vector<toll::claim>>& result, std::size_t size)
{
    if (!result.has_value()) __builtin_trap();
    for (const auto& d : result.diagnostics()) {
        if (d.offset > size || d.length > size - d.offset || d.reason.empty()) __builtin_trap();
    }
    for (const auto& c : result.value()) {
        if (!c.span || c.span->offset > size || c.span->length > size - c.span->offset) __builtin_trap();
        if (c.figure.low() > toll::max_count) __builtin_trap();
        if (c.figure.high() && *c.figure.high() > toll::max_count) __builtin_trap();
        if (c.text.size() != size) __builtin_trap();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text{reinterpret_cast<const char*>(data), size};
    for (const toll::language lang : {toll::language::en, toll::language::fr, toll::language::automatic}) {
        toll::field_options options;
        options.language = lang;
        check(toll::parse_field(text, options), size);
        check(toll::parse_sentence(text, options), size);
    }
    return 0;
}
