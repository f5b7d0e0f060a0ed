# parley_add_plugin(NAME SOURCES src... [LINK_LIBRARIES libs...] [NO_INSTALL])
#
# Builds a Parley plugin as a shared module named parley-NAME.so: hidden
# symbol visibility (only the descriptor alias is exported), linked against
# the SDK, installed into the host's plugin folder.
include_guard(GLOBAL)

function(parley_add_plugin name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "NO_INSTALL" "" "SOURCES;LINK_LIBRARIES")
  if(NOT arg_SOURCES)
    message(FATAL_ERROR "parley_add_plugin(${name}): SOURCES is required")
  endif()
  add_library(${name} MODULE ${arg_SOURCES})
  target_link_libraries(${name} PRIVATE Parley::sdk ${arg_LINK_LIBRARIES})
  set_target_properties(${name} PROPERTIES
    PREFIX ""
    OUTPUT_NAME "parley-${name}"
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  if(DEFINED PARLEY_PLUGIN_OUTPUT_DIR)
    set_target_properties(${name} PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${PARLEY_PLUGIN_OUTPUT_DIR}")
  endif()
  if(NOT arg_NO_INSTALL)
    if(NOT DEFINED PARLEY_PLUGIN_INSTALL_DIR)
      set(PARLEY_PLUGIN_INSTALL_DIR "lib/parley/plugins")
    endif()
    install(TARGETS ${name} LIBRARY DESTINATION "${PARLEY_PLUGIN_INSTALL_DIR}")
  endif()
endfunction()
