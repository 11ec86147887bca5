# Steps shared by the example tests' cmake -P scripts.

# Runs a command; fails the test unless it exits with `expected` (0 when not given).
function(run_step name expected)
    message(STATUS "[example] ${name}: ${ARGN}")
    execute_process(COMMAND ${ARGN}
        RESULT_VARIABLE result
        OUTPUT_VARIABLE output
        ERROR_VARIABLE errors)
    if(NOT "${result}" STREQUAL "${expected}")
        message(FATAL_ERROR
            "[example] ${name} exited with ${result}, expected ${expected}:\n${output}\n${errors}")
    endif()
    set(step_output "${output}" PARENT_SCOPE)
    set(step_errors "${errors}" PARENT_SCOPE)
endfunction()

function(expect_in text)
    foreach(needle IN LISTS ARGN)
        string(FIND "${text}" "${needle}" found)
        if(found EQUAL -1)
            message(FATAL_ERROR "[example] expected '${needle}' in:\n${text}")
        endif()
    endforeach()
endfunction()
