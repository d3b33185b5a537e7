# What `cmake --install` puts under the prefix (docs/library.md):
#   bin/kgraph                                  the command
#   include/kgraph/{graph,importers,exporters}/ the public headers
#   lib/libkgraph_{graph,importers,exporters}.a the layers
#   lib/cmake/kgraph/                           the package for find_package(kgraph)
include(CMakePackageConfigHelpers)

set(KGRAPH_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/kgraph)

install(TARGETS kgraph RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS kgraph_graph kgraph_importers kgraph_exporters kgraph_library
  EXPORT kgraphTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  FILE_SET HEADERS DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/kgraph)
install(EXPORT kgraphTargets NAMESPACE kgraph:: DESTINATION ${KGRAPH_CMAKE_DIR})

configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/kgraphConfig.cmake.in
  ${PROJECT_BINARY_DIR}/kgraphConfig.cmake
  INSTALL_DESTINATION ${KGRAPH_CMAKE_DIR})
# Before 1.0 a minor version may break the interface.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/kgraphConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/kgraphConfig.cmake ${PROJECT_BINARY_DIR}/kgraphConfigVersion.cmake
  DESTINATION ${KGRAPH_CMAKE_DIR})
