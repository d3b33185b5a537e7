# Compiles a text file into the program as a NUL-terminated `const char*` in namespace kgraph:
# data that is easier to read and edit as a file of its own (the default schema, the Kuzu
# loader script and README) but must not depend on files found at run time.
#
# Included from a CMakeLists.txt, it defines
#   kgraph_embed_file(TARGET INPUT NAME)
# which generates NAME.cpp from INPUT at build time (again whenever INPUT changes) and adds it
# to TARGET. The code that uses the text declares it: `extern const char* const NAME;`.
#
# Run as a script (cmake -DINPUT=... -DOUTPUT=... -DNAME=... -P embed_file.cmake), it writes
# the source file. The bytes are written as hexadecimal numbers, so the text comes out byte for
# byte, whatever quotes, backslashes or line endings it holds.

if(CMAKE_SCRIPT_MODE_FILE)
  foreach(arg INPUT OUTPUT NAME)
    if(NOT DEFINED ${arg})
      message(FATAL_ERROR "embed_file.cmake: -D${arg}=... is missing")
    endif()
  endforeach()
  # Read and converted 4 KiB at a time: a regular expression over a whole large file (the viewer
  # bundle, 180 KB) overflows CMake's stack, and cutting sixteen bytes at a time out of one
  # string of the whole file takes time that grows with its square (20 s for the bundle).
  file(SIZE "${INPUT}" size)
  set(bytes "")
  set(offset 0)
  while(offset LESS size)
    file(READ "${INPUT}" hex OFFSET ${offset} LIMIT 4096 HEX)
    # Each byte as "\xhh": a hexadecimal escape ends at the next backslash, and unlike numbers
    # in a char array, bytes over 0x7f are no narrowing error.
    string(REGEX REPLACE "(..)" "\\\\x\\1" escaped "${hex}")
    # Sixteen bytes (64 characters) a line; a chunk is a whole number of lines but the last.
    string(REGEX REPLACE "(................................................................)"
           "    \"\\1\"\n" lines "${escaped}")
    string(LENGTH "${escaped}" escaped_length)
    math(EXPR tail "${escaped_length} % 64")
    if(tail GREATER 0)
      string(LENGTH "${lines}" lines_length)
      math(EXPR kept "${lines_length} - ${tail}")
      string(SUBSTRING "${lines}" ${kept} -1 last)
      string(SUBSTRING "${lines}" 0 ${kept} lines)
      string(APPEND lines "    \"${last}\"\n")
    endif()
    string(APPEND bytes "${lines}")
    math(EXPR offset "${offset} + 4096")
  endwhile()
  # Every byte is written "\xhh", so "\x00" can only be a NUL byte.
  string(FIND "${bytes}" "\\x00" nul)
  if(NOT nul EQUAL -1)
    message(FATAL_ERROR "embed_file.cmake: ${INPUT} holds a NUL byte; it cannot be a C string")
  endif()
  cmake_path(GET INPUT FILENAME input_name)
  file(WRITE "${OUTPUT}.tmp"
    "// Generated from ${input_name} by cmake/embed_file.cmake; do not edit.\n"
    "namespace kgraph {\n"
    "extern const char* const ${NAME};\n"
    "const char* const ${NAME} =\n${bytes}    \"\";\n"
    "}  // namespace kgraph\n")
  # Rewriting an unchanged file would only make the build compile it again.
  file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
  file(REMOVE "${OUTPUT}.tmp")
  return()
endif()

set(KGRAPH_EMBED_FILE_SCRIPT ${CMAKE_CURRENT_LIST_FILE})

function(kgraph_embed_file target input name)
  cmake_path(ABSOLUTE_PATH input BASE_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR})
  set(output ${CMAKE_CURRENT_BINARY_DIR}/embedded/${name}.cpp)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${input} -DOUTPUT=${output} -DNAME=${name} -P ${KGRAPH_EMBED_FILE_SCRIPT}
    DEPENDS ${input} ${KGRAPH_EMBED_FILE_SCRIPT}
    COMMENT "Embedding ${input}"
    VERBATIM)
  target_sources(${target} PRIVATE ${output})
  # The viewer's bundle is one literal of 180 KB: more than the 64 KiB the standard asks
  # compilers to accept, which GCC and clang both do; only clang says so under -Wpedantic.
  set_source_files_properties(${output} PROPERTIES
    COMPILE_OPTIONS $<$<CXX_COMPILER_ID:Clang>:-Wno-overlength-strings>)
endfunction()
