# Runs parley-fasttext-prep --label offensive on a small JSONL file and
# compares its output with the lines written by hand in EXPECTED.
execute_process(COMMAND "${PREP}" --label offensive "${INPUT}"
  OUTPUT_VARIABLE output ERROR_VARIABLE errors RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "parley-fasttext-prep failed (${result}): ${errors}")
endif()
file(READ "${EXPECTED}" expected)
if(NOT output STREQUAL expected)
  message(FATAL_ERROR "unexpected output:\n${output}\nexpected:\n${expected}")
endif()
if(NOT errors MATCHES "skipped 2 row")
  message(FATAL_ERROR "expected a note about 2 skipped rows, got: ${errors}")
endif()

# The held-out part and the training part split the rows between them.
execute_process(COMMAND "${PREP}" --raw --holdout 50 --part holdout "${INPUT}" OUTPUT_VARIABLE held_out)
execute_process(COMMAND "${PREP}" --raw --holdout 50 --part train "${INPUT}" OUTPUT_VARIABLE trained)
file(READ "${INPUT}" all)
string(LENGTH "${held_out}${trained}" split_length)
string(LENGTH "${all}" all_length)
if(NOT split_length EQUAL all_length OR held_out STREQUAL "" OR trained STREQUAL "")
  message(FATAL_ERROR "the split lost or repeated rows:\nheld out:\n${held_out}\ntrain:\n${trained}")
endif()

# Bad input is an error with the line number.
execute_process(COMMAND "${PREP}" --jsonl "${EXPECTED}" ERROR_VARIABLE errors RESULT_VARIABLE result)
if(result EQUAL 0 OR NOT errors MATCHES "prep-expected.txt:1: not a JSON object")
  message(FATAL_ERROR "bad JSONL was accepted (${result}): ${errors}")
endif()
