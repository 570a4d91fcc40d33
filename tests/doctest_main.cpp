// doctest's main, compiled once for every unit test file (it is the slowest part to compile).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
