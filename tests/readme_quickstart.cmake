# The README's code block between the quickstart markers must be examples/quickstart.cpp, verbatim,
# so the code users copy is code that compiles and whose output a test checks.
# Usage: cmake -DREADME=<README.md> -DEXAMPLE=<quickstart.cpp> -P readme_quickstart.cmake
file(READ "${README}" readme)
file(READ "${EXAMPLE}" example)
string(FIND "${readme}" "<!-- quickstart begin -->\n```cpp\n" begin)
string(FIND "${readme}" "```\n<!-- quickstart end -->" end)
if(begin EQUAL -1 OR end EQUAL -1)
  message(FATAL_ERROR "README.md has no quickstart block between the markers")
endif()
string(LENGTH "<!-- quickstart begin -->\n```cpp\n" marker)
math(EXPR begin "${begin} + ${marker}")
math(EXPR length "${end} - ${begin}")
string(SUBSTRING "${readme}" ${begin} ${length} block)
if(NOT block STREQUAL example)
  message(FATAL_ERROR "README.md's quickstart block differs from ${EXAMPLE}")
endif()
