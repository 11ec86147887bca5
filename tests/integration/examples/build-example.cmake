# cmake -P script of the example_todo_build test (see CMakeLists.txt next to it).

foreach(var SURREALQT_BUILD_DIR EXAMPLE_SOURCE_DIR INSTALL_PREFIX EXAMPLE_BUILD_DIR GENERATOR)
    if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
        message(FATAL_ERROR "build-example.cmake: ${var} is not set")
    endif()
endforeach()
if(NOT CONFIG)
    set(CONFIG RelWithDebInfo)
endif()

include("${CMAKE_CURRENT_LIST_DIR}/example-steps.cmake")

file(REMOVE_RECURSE "${INSTALL_PREFIX}" "${EXAMPLE_BUILD_DIR}")

run_step(install 0
    "${CMAKE_COMMAND}" --install "${SURREALQT_BUILD_DIR}" --prefix "${INSTALL_PREFIX}"
    --config "${CONFIG}")

set(compiler_args)
if(CXX_COMPILER)
    set(compiler_args "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}")
endif()
if(CXX_COMPILER_LAUNCHER)
    list(APPEND compiler_args "-DCMAKE_CXX_COMPILER_LAUNCHER=${CXX_COMPILER_LAUNCHER}")
endif()
# Warnings are errors here so that the example stays clean; its own CMakeLists.txt sets none.
run_step(configure 0
    "${CMAKE_COMMAND}" -S "${EXAMPLE_SOURCE_DIR}" -B "${EXAMPLE_BUILD_DIR}" -G "${GENERATOR}"
    "-DCMAKE_PREFIX_PATH=${INSTALL_PREFIX}" "-DCMAKE_BUILD_TYPE=${CONFIG}"
    "-DCMAKE_CXX_FLAGS=-Wall -Wextra -Werror"
    -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF ${compiler_args})

# The example must use the installed package, not the build tree.
file(STRINGS "${EXAMPLE_BUILD_DIR}/CMakeCache.txt" package_dir REGEX "^SurrealQt_DIR:")
expect_in("${package_dir}" "${INSTALL_PREFIX}")

run_step(build 0 "${CMAKE_COMMAND}" --build "${EXAMPLE_BUILD_DIR}" --config "${CONFIG}")

find_program(manage todo-manage
    PATHS "${EXAMPLE_BUILD_DIR}" "${EXAMPLE_BUILD_DIR}/${CONFIG}" NO_DEFAULT_PATH REQUIRED)
find_program(app todo
    PATHS "${EXAMPLE_BUILD_DIR}" "${EXAMPLE_BUILD_DIR}/${CONFIG}" NO_DEFAULT_PATH REQUIRED)

# --help lists the migration commands and the models compiled into the tool.
run_step(help 0 "${manage}" --help)
expect_in("${step_output}" "Usage: todo-manage" "makemigrations" "migrate" "status" "schemadiff"
    "tag (normal): name" "todo (normal): title, done, tags")
# Without a command: the same help, and the usage exit status.
run_step(no-command 2 "${manage}")
run_step(unknown-command 2 "${manage}" frobnicate)

# The models' DEFINE statements.
run_step(schema 0 "${manage}" schema)
expect_in("${step_output}" "DEFINE TABLE todo" "DEFINE FIELD tags ON todo TYPE array<record<tag>>"
    "DEFINE INDEX tag_name ON tag FIELDS name UNIQUE")

# The committed migrations reach the models: makemigrations (on a copy) has nothing to add.
set(copy "${EXAMPLE_BUILD_DIR}/migrations-check")
file(REMOVE_RECURSE "${copy}")
file(COPY "${EXAMPLE_SOURCE_DIR}/migrations/" DESTINATION "${copy}")
file(GLOB before "${copy}/*.json")
run_step(makemigrations 0 "${manage}" makemigrations --dir "${copy}")
expect_in("${step_output}" "No changes")
file(GLOB after "${copy}/*.json")
if(NOT before STREQUAL after)
    message(FATAL_ERROR "[example] makemigrations wrote a file: the committed migrations of "
        "examples/todo do not match its models (run todo-manage makemigrations there)")
endif()

# A broken migration file: one error naming it, exit status 1, and no file written.
file(WRITE "${copy}/0002_broken.json" "{ \"format\": 1,")
run_step(makemigrations-broken 1 "${manage}" makemigrations --dir "${copy}")
expect_in("${step_errors}" "0002_broken")
file(GLOB broken "${copy}/*.json")
list(LENGTH broken count)
list(LENGTH before expected_count)
math(EXPR expected_count "${expected_count} + 1")
if(NOT count EQUAL expected_count)
    message(FATAL_ERROR "[example] makemigrations wrote a file next to a broken one: ${broken}")
endif()

# The app itself starts (offscreen) far enough to parse its options.
set(ENV{QT_QPA_PLATFORM} offscreen)
run_step(app-help 0 "${app}" --help)
expect_in("${step_output}" "--endpoint" "--ns")
message(STATUS "[example] OK (${package_dir})")
