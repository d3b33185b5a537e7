# kgraph_precompile_common_headers(TARGET): the headers nearly every file of kgraph's
# libraries includes, compiled once per library instead of once per file. Nearly every file
# includes graph/knowledge_graph.hpp, which brings Boost.Graph's compressed sparse row graph
# (some 1,300 Boost headers): parsing took half to three quarters of the compile time of a
# typical file (cli/merge_verb.cpp: 3.1 s of 5.6 s with GCC at -O3). A file still includes
# what it uses itself; `-DCMAKE_DISABLE_PRECOMPILE_HEADERS=ON` builds without, which shows a
# missing include. Not <filesystem>: it brings std::quoted, which argument-dependent lookup
# then finds beside kgraph's own quoted(). ccache caches these compiles only with
# CCACHE_SLOPPINESS=pch_defines,time_macros.
function(kgraph_precompile_common_headers target)
  target_precompile_headers(${target} PRIVATE
    <algorithm> <cstdint> <functional> <map> <memory> <optional> <string>
    <string_view> <unordered_map> <utility> <vector>
    "${PROJECT_SOURCE_DIR}/graph/knowledge_graph.hpp")
endfunction()
