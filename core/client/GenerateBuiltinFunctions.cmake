# Generates the typed wrappers for SurrealDB's built-in functions from ONE list,
# resources/surql/functions.txt (one name per line, # starts a comment; the console's completer
# reads the same file), into <generated include dir>/surrealqt/client/BuiltinFunctions.h:
#
#   math::sqrt                 -> functions.math().sqrt(16)
#   string::distance::osa      -> functions.string().distanceOsa(a, b)
#   math::log10_2, frac_1_pi   -> log10_2(), frac_1Pi()   (a part starting with a digit keeps its _)
#   type::bool, time::unix     -> bool_(), unix_()        (C++ keywords and predefined macros)
#   count, rand, not, sleep    -> functions.global().count(...)
#   math::pi, time::epoch, ... -> constants: pi() evaluates `RETURN math::pi` (run cannot)
#
# Every wrapper forwards to FunctionNamespace::invoke(), which runs the `run` RPC method with the
# arguments as CBOR values: nothing is ever spliced into SurrealQL text.

# The list does not mark constants; the engine's `run` rejects exactly these names.
set(_surrealqt_fn_constants
    "^math::(e|pi|tau|inf|neg_inf|sqrt_2|ln_2|ln_10|log2_e|log2_10|log10_e|log10_2|frac_.*)$|^time::(epoch|minimum|maximum)$|^duration::max$")
set(_surrealqt_fn_reserved
    alignas alignof and and_eq asm auto bitand bitor bool break case catch char char8_t char16_t
    char32_t class compl concept const consteval constexpr constinit const_cast continue co_await
    co_return co_yield decltype default delete do double dynamic_cast else enum explicit export
    extern false float for friend goto if inline int long mutable namespace new noexcept not
    not_eq nullptr operator or or_eq private protected public register reinterpret_cast requires
    return short signed sizeof static static_assert static_cast struct switch template this
    thread_local throw true try typedef typeid typename union unsigned using virtual void volatile
    wchar_t while xor xor_eq
    unix linux major minor emit signals slots foreach forever assert errno
    invoke constant run)

function(_surrealqt_fn_camel out text)
    string(REPLACE "::" "_" text "${text}")
    string(REPLACE "_" ";" parts "${text}")
    set(result "")
    foreach(part IN LISTS parts)
        if(part STREQUAL "")
            continue()
        endif()
        if(result STREQUAL "")
            set(result "${part}")
        elseif(part MATCHES "^[0-9]")
            string(APPEND result "_${part}")
        else()
            string(SUBSTRING "${part}" 0 1 head)
            string(SUBSTRING "${part}" 1 -1 tail)
            string(TOUPPER "${head}" head)
            string(APPEND result "${head}${tail}")
        endif()
    endforeach()
    if(result IN_LIST _surrealqt_fn_reserved)
        string(APPEND result "_")
    endif()
    set(${out} "${result}" PARENT_SCOPE)
endfunction()

# surrealqt_generate_builtin_functions(<functions.txt> <output header>)
function(surrealqt_generate_builtin_functions list_file output)
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${list_file}")
    file(STRINGS "${list_file}" lines ENCODING UTF-8)
    set(namespaces "")
    set(table "")
    set(count 0)
    foreach(line IN LISTS lines)
        string(STRIP "${line}" name)
        if(name STREQUAL "" OR name MATCHES "^#")
            continue()
        endif()
        if(NOT name MATCHES "^[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)*$")
            message(FATAL_ERROR "${list_file}: `${name}` is not a function name")
        endif()
        if(name MATCHES "::")
            string(FIND "${name}" "::" split)
            string(SUBSTRING "${name}" 0 ${split} ns)
            math(EXPR split "${split} + 2")
            string(SUBSTRING "${name}" ${split} -1 rest)
        else()
            set(ns "global")
            set(rest "${name}")
        endif()
        set(constant false)
        if(name MATCHES "${_surrealqt_fn_constants}")
            set(constant true)
        endif()
        _surrealqt_fn_camel(method "${rest}")
        if(method IN_LIST _ns_${ns}_methods)
            message(FATAL_ERROR "${list_file}: `${name}` maps to ${ns}().${method}() twice")
        endif()
        list(APPEND _ns_${ns}_methods "${method}")
        if(NOT ns IN_LIST namespaces)
            list(APPEND namespaces "${ns}")
            set(_ns_${ns}_body "")
        endif()
        if(constant)
            string(APPEND _ns_${ns}_body
                "    // The constant ${name}.\n"
                "    QFuture<Result<QCborValue>> ${method}() const\n"
                "    {\n        return constant(QStringLiteral(\"${name}\"));\n    }\n")
        else()
            string(APPEND _ns_${ns}_body
                "    // ${name}(...)\n"
                "    template<typename... Args>\n"
                "    QFuture<Result<QCborValue>> ${method}(const Args &...args) const\n"
                "    {\n        return invoke(QStringLiteral(\"${name}\"), args...);\n    }\n")
        endif()
        string(APPEND table "    {u\"${name}\", ${constant}},\n")
        math(EXPR count "${count} + 1")
    endforeach()

    set(classes "")
    set(accessors "")
    foreach(ns IN LISTS namespaces)
        _surrealqt_fn_camel(accessor "${ns}")
        string(SUBSTRING "${ns}" 0 1 head)
        string(SUBSTRING "${ns}" 1 -1 tail)
        string(TOUPPER "${head}" head)
        set(class "${head}${tail}Functions")
        string(APPEND classes
            "class ${class} : public FunctionNamespace\n{\npublic:\n"
            "    using FunctionNamespace::FunctionNamespace;\n\n${_ns_${ns}_body}};\n\n")
        string(APPEND accessors
            "    ${class} ${accessor}() const { return ${class}(m_connection, m_options); }\n")
    endforeach()

    set(text "// Generated by core/client/GenerateBuiltinFunctions.cmake from\n")
    string(APPEND text "// resources/surql/functions.txt: do not edit, edit the list.\n\n"
        "#pragma once\n\n#include <surrealqt/client/FunctionNamespace.h>\n\n"
        "#include <QtCore/QPointer>\n\n#include <array>\n#include <string_view>\n\n"
        "namespace SurrealQt {\n\n"
        "struct BuiltinFunctionInfo\n{\n    std::u16string_view name;\n"
        "    bool constant; // a constant (RETURN math::pi), not a function\n};\n\n"
        "inline constexpr std::array<BuiltinFunctionInfo, ${count}> kBuiltinFunctions{{\n"
        "${table}}};\n\n${classes}"
        "// One accessor per namespace: functions.math().sqrt(16).\n"
        "class BuiltinFunctions\n{\npublic:\n${accessors}\n"
        "protected:\n    BuiltinFunctions(Connection *connection, CallOptions options)\n"
        "        : m_connection(connection)\n        , m_options(std::move(options))\n    {}\n\n"
        "    QPointer<Connection> m_connection;\n    CallOptions m_options;\n};\n\n"
        "} // namespace SurrealQt\n")
    file(WRITE "${output}.tmp" "${text}")
    configure_file("${output}.tmp" "${output}" COPYONLY)
endfunction()
