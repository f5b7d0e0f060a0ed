# parley_embed_text(TARGET target FUNCTION name FILES file...)
#
# Compiles text files (word lists, lexicons) into `target`, so a plugin is one
# self-contained .so: `name()` returns them as a
# std::span<const parley::text::EmbeddedFile> (file name without directory,
# content), in the order given. Declare it where you use it:
#   std::span<const parley::text::EmbeddedFile> name();
# The files are re-embedded whenever one of them changes.
function(parley_embed_text)
  cmake_parse_arguments(ARG "" "TARGET;FUNCTION" "FILES" ${ARGN})
  set(script "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/embed_text_script.cmake")
  set(output "${CMAKE_CURRENT_BINARY_DIR}/${ARG_FUNCTION}.embedded.cpp")
  set(inputs "")
  foreach(file IN LISTS ARG_FILES)
    get_filename_component(absolute "${file}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    list(APPEND inputs "${absolute}")
  endforeach()
  string(REPLACE ";" "|" joined "${inputs}")
  add_custom_command(
    OUTPUT "${output}"
    COMMAND "${CMAKE_COMMAND}" "-DOUTPUT=${output}" "-DFUNCTION=${ARG_FUNCTION}" "-DINPUTS=${joined}"
            -P "${script}"
    DEPENDS ${inputs} "${script}"
    COMMENT "Embedding ${ARG_FUNCTION} (${CMAKE_CURRENT_SOURCE_DIR})"
    VERBATIM)
  target_sources(${ARG_TARGET} PRIVATE "${output}")
  # Data, not code: nothing to share with a batch, and every generated file
  # has the same internal names.
  set_source_files_properties("${output}" PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
  target_link_libraries(${ARG_TARGET} PRIVATE parley_text)
endfunction()
