# cmake -P script of the example_todo_migrate test: the example's manage tool (built by
# example_todo_build) migrates a fresh database of the fixture dev server, then status and
# schemadiff agree that the database holds what the models describe.

foreach(var EXAMPLE_SOURCE_DIR EXAMPLE_BUILD_DIR SERVER_FILE)
    if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
        message(FATAL_ERROR "migrate-example.cmake: ${var} is not set")
    endif()
endforeach()

include("${CMAKE_CURRENT_LIST_DIR}/example-steps.cmake")

find_program(manage todo-manage PATHS "${EXAMPLE_BUILD_DIR}" NO_DEFAULT_PATH REQUIRED)
file(READ "${SERVER_FILE}" url)
string(STRIP "${url}" url)
string(RANDOM LENGTH 8 ALPHABET abcdefghijklmnopqrstuvwxyz suffix)
set(connection --endpoint "${url}" --user root --pass root --ns example_todo --db "todo_${suffix}"
    --dir "${EXAMPLE_SOURCE_DIR}/migrations")

# Before: everything pending, and the models differ from the empty database.
run_step(status-before 0 "${manage}" status ${connection})
expect_in("${step_output}" "[ ] 0001_initial")
run_step(schemadiff-before 1 "${manage}" schemadiff ${connection})

run_step(migrate 0 "${manage}" migrate ${connection})
expect_in("${step_output}${step_errors}" "Applying 0001_initial" "Applied 1 migration(s).")

run_step(status 0 "${manage}" status ${connection})
expect_in("${step_output}" "[X] 0001_initial" "No drift")
# The live schema is exactly the models' schema.
run_step(schemadiff 0 "${manage}" schemadiff ${connection})
expect_in("${step_output}" "No differences.")
# A second migrate has nothing to do and succeeds.
run_step(migrate-again 0 "${manage}" migrate ${connection})
expect_in("${step_output}${step_errors}" "No migrations to apply.")

# A server that is not there: one clear error, exit status 1.
run_step(no-server 1 "${manage}" status --endpoint ws://127.0.0.1:9 --user root --pass root
    --ns example_todo --db unreachable --dir "${EXAMPLE_SOURCE_DIR}/migrations")
expect_in("${step_errors}" "todo-manage status: cannot connect")
message(STATUS "[example] OK")
