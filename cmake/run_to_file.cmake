# Runs a program and writes its standard output to a file (a build step without a shell):
#   cmake -DOUT=FILE "-DCOMMAND=program|arg|arg" -P run_to_file.cmake
string(REPLACE "|" ";" COMMAND "${COMMAND}")
execute_process(COMMAND ${COMMAND} OUTPUT_FILE ${OUT}.tmp RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  file(REMOVE ${OUT}.tmp)
  message(FATAL_ERROR "${COMMAND}: exit status ${result}")
endif()
file(RENAME ${OUT}.tmp ${OUT})
