// A program that uses toll the way a user's would: include the umbrella, build a figure, print it.
#include <toll/toll.hpp>

#include <iostream>
#include <sstream>

int main()
{
    auto f = toll::figure::at_least(20);
    std::cout << f << '\n';

    std::ostringstream streamed;
    streamed << f;
    return toll::to_string(f) == "20+" && streamed.str() == "20+" ? 0 : 1;
}
