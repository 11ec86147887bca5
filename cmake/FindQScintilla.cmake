# FindQScintilla
# --------------
#
# Finds QScintilla built for Qt 6. Debian ships no CMake package for it: the library is
# libqscintilla2_qt6 and the headers live in Qsci/ inside Qt 6's own include directory
# (for example /usr/include/x86_64-linux-gnu/qt6/Qsci/qsciscintilla.h).
#
# Call find_package(Qt6 COMPONENTS Widgets) first.
#
# Imported target:
#   QScintilla::QScintilla
#
# Result variables:
#   QScintilla_FOUND, QScintilla_INCLUDE_DIR, QScintilla_LIBRARY, QScintilla_VERSION

set(_qsci_hints)
if(Qt6Core_INCLUDE_DIRS)
    foreach(_dir IN LISTS Qt6Core_INCLUDE_DIRS)
        list(APPEND _qsci_hints "${_dir}" "${_dir}/..")
    endforeach()
endif()
if(QT6_INSTALL_PREFIX AND QT6_INSTALL_HEADERS)
    list(APPEND _qsci_hints "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_HEADERS}")
endif()
if(TARGET Qt6::Core)
    get_target_property(_qt_core_includes Qt6::Core INTERFACE_INCLUDE_DIRECTORIES)
    foreach(_dir IN LISTS _qt_core_includes)
        if(NOT _dir MATCHES "\\$<")
            list(APPEND _qsci_hints "${_dir}" "${_dir}/..")
        endif()
    endforeach()
endif()

find_path(QScintilla_INCLUDE_DIR
    NAMES Qsci/qsciscintilla.h
    HINTS ${_qsci_hints}
    PATH_SUFFIXES qt6)

find_library(QScintilla_LIBRARY
    NAMES qscintilla2_qt6 qscintilla2_qt6d
    HINTS ${QT6_INSTALL_PREFIX}/${QT6_INSTALL_LIBS})

if(QScintilla_INCLUDE_DIR AND EXISTS "${QScintilla_INCLUDE_DIR}/Qsci/qsciglobal.h")
    file(STRINGS "${QScintilla_INCLUDE_DIR}/Qsci/qsciglobal.h" _qsci_version_line
        REGEX "^#define QSCINTILLA_VERSION_STR +\"[^\"]+\"")
    if(_qsci_version_line MATCHES "\"([^\"]+)\"")
        set(QScintilla_VERSION "${CMAKE_MATCH_1}")
    endif()
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(QScintilla
    REQUIRED_VARS QScintilla_LIBRARY QScintilla_INCLUDE_DIR
    VERSION_VAR QScintilla_VERSION)

if(QScintilla_FOUND AND NOT TARGET QScintilla::QScintilla)
    add_library(QScintilla::QScintilla UNKNOWN IMPORTED)
    set_target_properties(QScintilla::QScintilla PROPERTIES
        IMPORTED_LOCATION "${QScintilla_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${QScintilla_INCLUDE_DIR}"
        INTERFACE_COMPILE_DEFINITIONS "QSCINTILLA_DLL")
    if(TARGET Qt6::Widgets)
        set_property(TARGET QScintilla::QScintilla APPEND PROPERTY
            INTERFACE_LINK_LIBRARIES Qt6::Widgets)
    endif()
endif()

mark_as_advanced(QScintilla_INCLUDE_DIR QScintilla_LIBRARY)
unset(_qsci_hints)
unset(_qt_core_includes)
unset(_qsci_version_line)
