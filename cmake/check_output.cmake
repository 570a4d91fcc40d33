# Runs a program and checks what it does, so the examples (and the README code they mirror) and
# the `toll` command cannot rot.
# Usage: cmake -DPROGRAM=<exe> [-DEXPECTED=<file>] [-DARGS_FILE=<file>] [-DARGS=a|b|c]
#              [-DWORKING_DIRECTORY=<dir>] [-DINPUT_FILE=<file>] [-DSTATUS=<exit status, default 0>]
#              [-DSTDOUT_MATCHES=<regex>] [-DSTDERR_MATCHES=<regex>] [-DOUTPUT_FILE=<file>]
#              -P check_output.cmake
# EXPECTED: stdout must equal the file. ARGS_FILE: the arguments, one per line (blank lines and
# lines starting with # skipped). ARGS: the arguments joined by "|". STDOUT_MATCHES and
# STDERR_MATCHES: regular expressions stdout and stderr must match. INPUT_FILE: stdin (default
# /dev/null, so a program reading stdin never waits on the terminal or on a pipe left open).
# OUTPUT_FILE: stdout goes there (/dev/full, to see a failed write reported) instead of being
# checked.
set(arguments)
if(DEFINED ARGS_FILE)
  file(STRINGS "${ARGS_FILE}" lines ENCODING UTF-8)
  foreach(line IN LISTS lines)
    if(NOT line STREQUAL "" AND NOT line MATCHES "^#")
      list(APPEND arguments "${line}")
    endif()
  endforeach()
endif()
if(DEFINED ARGS)
  string(REPLACE "|" ";" split "${ARGS}")
  list(APPEND arguments ${split})
endif()
if(NOT DEFINED WORKING_DIRECTORY)
  set(WORKING_DIRECTORY ".")
endif()
if(NOT DEFINED STATUS)
  set(STATUS 0)
endif()
set(input)
if(DEFINED INPUT_FILE)
  set(input INPUT_FILE "${INPUT_FILE}")
elseif(EXISTS /dev/null)
  set(input INPUT_FILE /dev/null)
endif()
if(DEFINED OUTPUT_FILE)
  set(output OUTPUT_FILE "${OUTPUT_FILE}")
else()
  set(output OUTPUT_VARIABLE actual)
endif()
execute_process(COMMAND "${PROGRAM}" ${arguments} WORKING_DIRECTORY "${WORKING_DIRECTORY}" ${input}
  ${output} ERROR_VARIABLE errors RESULT_VARIABLE status)
if(NOT status STREQUAL STATUS)
  message(FATAL_ERROR "${PROGRAM} ${arguments} exited with ${status}, expected ${STATUS}; stderr:\n${errors}")
endif()
if(DEFINED STDOUT_MATCHES AND NOT actual MATCHES "${STDOUT_MATCHES}")
  message(FATAL_ERROR "${PROGRAM} ${arguments}: stdout does not match \"${STDOUT_MATCHES}\":\n${actual}")
endif()
if(DEFINED STDERR_MATCHES AND NOT errors MATCHES "${STDERR_MATCHES}")
  message(FATAL_ERROR "${PROGRAM} ${arguments}: stderr does not match \"${STDERR_MATCHES}\":\n${errors}")
endif()
if(DEFINED EXPECTED)
  file(READ "${EXPECTED}" expected)
  if(NOT actual STREQUAL expected)
    message(FATAL_ERROR "${PROGRAM} ${arguments} printed:\n${actual}\nexpected (${EXPECTED}):\n${expected}")
  endif()
endif()
