// toll_cli::first_escaped against escaped_byte, byte by byte: every byte value at every place in
// texts of 0 to 48 bytes (so in and across the 16- and 8-byte blocks it reads at once, and in
// the tail), between plain bytes, bytes of UTF-8 and LFs. Exit status 1 on the first mismatch.

#include <cstddef>
#include <cstdio>
#include <string>

#include "../output.hpp"

namespace {

// What first_escaped must return: the first byte escaped_byte takes, by a plain loop.
std::size_t expected(const std::string& text)
{
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (toll_cli::escaped_byte(static_cast<unsigned char>(text[i]))) return i;
    }
    return text.size();
}

}  // namespace

int main()
{
    const std::string fills[] = {"a", "\n", "\xC3\xA9", "\t\r,"};
    std::size_t checked = 0;
    for (const std::string& fill : fills) {
        for (std::size_t size = 0; size <= 48; ++size) {
            std::string base;
            while (base.size() < size) base += fill;
            base.resize(size);
            for (std::size_t at = 0; at < size; ++at) {
                for (int byte = 0; byte < 256; ++byte) {
                    std::string text = base;
                    text[at] = static_cast<char>(byte);
                    const std::size_t got = toll_cli::first_escaped(text.data(), text.size());
                    if (got != expected(text)) {
                        std::printf("first_escaped: byte 0x%02X at %zu of %zu: %zu, expected %zu\n", byte, at, size,
                                    got, expected(text));
                        return 1;
                    }
                    ++checked;
                }
            }
        }
    }
    std::printf("first_escaped: %zu texts agree with escaped_byte\n", checked);
    return 0;
}
