# Fails unless an install prefix holds toll's headers and package files, and nothing else
# (no tests, examples, sources or licences of other code).
# Usage: cmake -DPREFIX=<install prefix> -P check_install.cmake
file(GLOB_RECURSE installed LIST_DIRECTORIES false RELATIVE "${PREFIX}" "${PREFIX}/*")
set(stray "")
foreach(file IN LISTS installed)
  if(NOT file MATCHES "^(include/toll/.*\\.hpp|share/cmake/toll/[^/]*\\.cmake)$")
    list(APPEND stray "${file}")
  endif()
endforeach()
if(stray)
  list(JOIN stray "\n  " stray)
  message(FATAL_ERROR "Unexpected files in ${PREFIX}:\n  ${stray}")
endif()

foreach(file include/toll/toll.hpp share/cmake/toll/tollConfig.cmake
    share/cmake/toll/tollConfigVersion.cmake share/cmake/toll/tollTargets.cmake)
  if(NOT EXISTS "${PREFIX}/${file}")
    message(FATAL_ERROR "Missing from ${PREFIX}: ${file}")
  endif()
endforeach()
list(LENGTH installed count)
message(STATUS "${count} files installed, all under include/toll and share/cmake/toll")
