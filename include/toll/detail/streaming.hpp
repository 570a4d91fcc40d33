#pragma once
// One streaming operator for every toll value: it writes to_string(value). It is a template
// over the stream so that value headers need only <iosfwd>; the stream is complete wherever a
// user actually writes to one.

#include <concepts>
#include <iosfwd>
#include <string_view>

namespace toll::detail {

template <class T>
concept has_to_string = requires(const T& value) {
    { to_string(value) };
};

}  // namespace toll::detail

namespace toll {

// Found only by argument-dependent lookup, so only for toll's own types.
template <class Traits, detail::has_to_string T>
std::basic_ostream<char, Traits>& operator<<(std::basic_ostream<char, Traits>& os, const T& value)
{
    const auto text = to_string(value);
    return os << std::string_view{text};
}

}  // namespace toll
