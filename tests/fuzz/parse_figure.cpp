// libFuzzer target: parse_figure on any bytes, in English and in French, must end in a figure or
// diagnostics that point inside the input, and every figure it reads must survive formatting
// (which is English) and parsing back.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include <toll/parse/figure_parser.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text{reinterpret_cast<const char*>(data), size};
    for (const toll::vague_table& table : {toll::vague_table::literal(), toll::vague_table::acled()}) {
      for (const toll::language lang : {toll::language::en, toll::language::fr}) {
        const auto result = toll::parse_figure(text, lang, table);
        if (result.has_value() == !result.diagnostics().empty()) __builtin_trap();
        for (const auto& d : result.diagnostics()) {
            if (d.offset > size || d.length > size - d.offset || d.reason.empty()) __builtin_trap();
        }
        if (result) {
            const toll::figure f = *result;
            const auto again = toll::parse_figure(toll::to_string(f), table);
            if (!again || *again != f) __builtin_trap();
            if (f.high() && *f.high() > toll::max_count) __builtin_trap();
            if (f.low() > toll::max_count) __builtin_trap();
        }
      }
    }
    return 0;
}
