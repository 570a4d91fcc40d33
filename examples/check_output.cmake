# Runs an example and compares what it prints with the expected output kept beside it, so the
# examples (and the README code they mirror) cannot rot.
# Usage: cmake -DPROGRAM=<exe> -DEXPECTED=<file> [-DARGS=a;b] -P check_output.cmake
execute_process(COMMAND "${PROGRAM}" ${ARGS} OUTPUT_VARIABLE actual RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} exited with ${status}")
endif()
file(READ "${EXPECTED}" expected)
if(NOT actual STREQUAL expected)
  message(FATAL_ERROR "${PROGRAM} printed:\n${actual}\nexpected (${EXPECTED}):\n${expected}")
endif()
