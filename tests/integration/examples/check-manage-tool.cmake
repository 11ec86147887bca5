# cmake -P script of the manage_tool_build_tree test: a manage tool made by
# surrealqt_add_manage_tool() in the SurrealQt build tree (with the ORM tests' models) lists
# them, prints their DEFINE statements and makes a first migration from them without a server.

foreach(var MANAGE WORK_DIR)
    if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
        message(FATAL_ERROR "check-manage-tool.cmake: ${var} is not set")
    endif()
endforeach()

function(run_step name expected)
    message(STATUS "[manage] ${name}: ${ARGN}")
    execute_process(COMMAND ${ARGN}
        RESULT_VARIABLE result
        OUTPUT_VARIABLE output
        ERROR_VARIABLE errors)
    if(NOT "${result}" STREQUAL "${expected}")
        message(FATAL_ERROR
            "[manage] ${name} exited with ${result}, expected ${expected}:\n${output}\n${errors}")
    endif()
    set(step_output "${output}" PARENT_SCOPE)
    set(step_errors "${errors}" PARENT_SCOPE)
endfunction()

function(expect_in text)
    foreach(needle IN LISTS ARGN)
        string(FIND "${text}" "${needle}" found)
        if(found EQUAL -1)
            message(FATAL_ERROR "[manage] expected '${needle}' in:\n${text}")
        endif()
    endforeach()
endfunction()

run_step(help 0 "${MANAGE}" --help)
expect_in("${step_output}" "Usage: orm-test-manage" "rollback" "sqlmigrate" "inspectdb"
    "author (normal): name, age, country, tags, meta, slug" "member (user): email, password"
    "wrote (relation)")
run_step(schema-extra-argument 2 "${MANAGE}" schema --verbose)

run_step(schema 0 "${MANAGE}" schema)
expect_in("${step_output}" "DEFINE TABLE wrote TYPE RELATION" "DEFINE ACCESS member_access"
    "crypto::argon2::generate")

set(dir "${WORK_DIR}/migrations")
file(REMOVE_RECURSE "${dir}")
run_step(makemigrations 0 "${MANAGE}" makemigrations --dir "${dir}" --name initial)
expect_in("${step_output}" "0001_initial.json" "CreateTable author" "CreateTable wrote"
    "DefineAccess member_access")
if(NOT EXISTS "${dir}/0001_initial.json")
    message(FATAL_ERROR "[manage] makemigrations did not write ${dir}/0001_initial.json")
endif()
run_step(makemigrations-again 0 "${MANAGE}" makemigrations --dir "${dir}")
expect_in("${step_output}" "No changes")
# sqlmigrate reads the file back: the models' statements in one transaction.
run_step(sqlmigrate 0 "${MANAGE}" sqlmigrate 0001 --dir "${dir}")
expect_in("${step_output}" "BEGIN TRANSACTION" "DEFINE TABLE author" "COMMIT TRANSACTION")
message(STATUS "[manage] OK")
