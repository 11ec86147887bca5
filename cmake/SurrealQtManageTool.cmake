# surrealqt_add_manage_tool(<target> MODEL_SOURCES <files…> [LIBRARIES <targets…>]
#                           [OUTPUT_NAME <name>])
#
# Builds <target>, an application's own migration tool (Django's manage.py): a program that
# knows the application's typed models and offers the migration commands of `surrealqt`
# (makemigrations, migrate, rollback, sqlmigrate, status, inspectdb, schemadiff) with the schema
# those models describe (Registry::schema()) as the desired schema.
#
#   find_package(SurrealQt REQUIRED)
#   surrealqt_add_manage_tool(todo-manage MODEL_SOURCES models/Models.cpp)
#
#   ./todo-manage --help
#   ./todo-manage makemigrations --name initial     # writes ./migrations/0001_initial.json
#   ./todo-manage migrate --endpoint ws://127.0.0.1:8000 --ns app --db app
#
# MODEL_SOURCES are compiled into the tool itself (not taken from a static library, whose
# linker could drop the SURREALQT_REGISTER_MODEL initialisers): list the .cpp files that contain
# SURREALQT_REGISTER_MODEL and whatever they need. LIBRARIES are linked in addition to
# SurrealQt::Core (for example a library the models' sources use). The models are Q_GADGETs, so
# AUTOMOC is turned on for the target. Works from the installed package (find_package) and from
# the SurrealQt build tree.

function(surrealqt_add_manage_tool target)
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "OUTPUT_NAME" "MODEL_SOURCES;LIBRARIES")
    if(arg_UNPARSED_ARGUMENTS)
        message(FATAL_ERROR
            "surrealqt_add_manage_tool: unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
    endif()
    if(NOT arg_MODEL_SOURCES)
        message(FATAL_ERROR
            "surrealqt_add_manage_tool(${target}): MODEL_SOURCES is required (the sources "
            "that contain SURREALQT_REGISTER_MODEL)")
    endif()
    if(NOT TARGET SurrealQt::Core)
        message(FATAL_ERROR
            "surrealqt_add_manage_tool(${target}): SurrealQt::Core is not defined "
            "(call find_package(SurrealQt) first)")
    endif()
    if(NOT arg_OUTPUT_NAME)
        set(arg_OUTPUT_NAME "${target}")
    endif()

    # A copy in the caller's build folder keeps the object file's path short and local.
    set(main "${CMAKE_CURRENT_BINARY_DIR}/surrealqt_manage/${target}_main.cpp")
    configure_file("${CMAKE_CURRENT_FUNCTION_LIST_DIR}/SurrealQtManageMain.cpp" "${main}" COPYONLY)
    add_executable(${target} "${main}" ${arg_MODEL_SOURCES})
    target_link_libraries(${target} PRIVATE SurrealQt::Core ${arg_LIBRARIES})
    target_compile_definitions(${target} PRIVATE
        "SURREALQT_MANAGE_TOOL_NAME=\"${arg_OUTPUT_NAME}\"")
    set_target_properties(${target} PROPERTIES
        OUTPUT_NAME "${arg_OUTPUT_NAME}"
        AUTOMOC ON)
endfunction()
