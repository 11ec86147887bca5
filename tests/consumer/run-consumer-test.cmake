# cmake -P script run by the consumer_find_package test:
#   1. cmake --install the SurrealQt build tree into INSTALL_PREFIX;
#   2. configure tests/consumer against it (CMAKE_PREFIX_PATH=INSTALL_PREFIX);
#   3. build it;
#   4. run it and check that it prints the expected version.

foreach(var SURREALQT_BUILD_DIR CONSUMER_SOURCE_DIR INSTALL_PREFIX CONSUMER_BUILD_DIR
            GENERATOR EXPECTED_VERSION)
    if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
        message(FATAL_ERROR "run-consumer-test.cmake: ${var} is not set")
    endif()
endforeach()
if(NOT CONFIG)
    set(CONFIG RelWithDebInfo)
endif()

function(run_step name)
    message(STATUS "[consumer] ${name}: ${ARGN}")
    execute_process(COMMAND ${ARGN}
        RESULT_VARIABLE result
        OUTPUT_VARIABLE output
        ERROR_VARIABLE output)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "[consumer] ${name} failed (${result}):\n${output}")
    endif()
    set(step_output "${output}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE "${INSTALL_PREFIX}" "${CONSUMER_BUILD_DIR}")

run_step(install
    "${CMAKE_COMMAND}" --install "${SURREALQT_BUILD_DIR}" --prefix "${INSTALL_PREFIX}"
    --config "${CONFIG}")

set(compiler_args)
if(CXX_COMPILER)
    set(compiler_args "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}")
endif()
run_step(configure
    "${CMAKE_COMMAND}" -S "${CONSUMER_SOURCE_DIR}" -B "${CONSUMER_BUILD_DIR}" -G "${GENERATOR}"
    "-DCMAKE_PREFIX_PATH=${INSTALL_PREFIX}" "-DCMAKE_BUILD_TYPE=${CONFIG}"
    -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF ${compiler_args})

run_step(build "${CMAKE_COMMAND}" --build "${CONSUMER_BUILD_DIR}" --config "${CONFIG}")

find_program(consumer_program surrealqt-consumer
    PATHS "${CONSUMER_BUILD_DIR}" "${CONSUMER_BUILD_DIR}/${CONFIG}"
    NO_DEFAULT_PATH REQUIRED)
run_step(run "${consumer_program}")
message(STATUS "[consumer] output: ${step_output}")

string(FIND "${step_output}" "SurrealQt ${EXPECTED_VERSION}" found)
if(found EQUAL -1)
    message(FATAL_ERROR "[consumer] expected 'SurrealQt ${EXPECTED_VERSION}' in:\n${step_output}")
endif()

# The consumer must have used the installed package, not the build tree.
file(STRINGS "${CONSUMER_BUILD_DIR}/CMakeCache.txt" package_dir REGEX "^SurrealQt_DIR:")
string(FIND "${package_dir}" "${INSTALL_PREFIX}" found)
if(found EQUAL -1)
    message(FATAL_ERROR "[consumer] SurrealQt was not found in ${INSTALL_PREFIX}: ${package_dir}")
endif()
message(STATUS "[consumer] OK (${package_dir})")
