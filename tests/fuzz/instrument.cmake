# Included by the top-level CMakeLists.txt when KGRAPH_FUZZ is on (scripts/fuzz.sh): every kgraph
# library is compiled for libFuzzer with address and undefined-behaviour sanitizers, and any
# undefined behaviour stops the run, so that the fuzz targets find it.
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "KGRAPH_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
endif()

# Neither make nor ccache sees the ignore list as an input: the copy the flags name carries its
# hash, so a changed list changes every command line and rebuilds everything.
set(ignorelist ${CMAKE_CURRENT_LIST_DIR}/ubsan-ignorelist.txt)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${ignorelist})
file(SHA1 ${ignorelist} ignorelist_hash)
set(ignorelist_copy ${CMAKE_BINARY_DIR}/ubsan-ignorelist-${ignorelist_hash}.txt)
configure_file(${ignorelist} ${ignorelist_copy} COPYONLY)

target_compile_options(kgraph_options INTERFACE
  -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
  -fsanitize-ignorelist=${ignorelist_copy})
target_link_options(kgraph_options INTERFACE -fsanitize=address,undefined -fno-sanitize-recover=undefined)
