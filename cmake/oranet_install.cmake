# Install: headers, libraries, a CMake package (find_package(oranet) ->
# oranet::oranet) and a pkg-config file.
include(CMakePackageConfigHelpers)

install(DIRECTORY protocol/include/ auth/include/ lib/include/ ${PROJECT_BINARY_DIR}/generated/include/
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS oranet oranet_protocol oranet_auth oranet_flags oranet_asio oranet_spdlog
        EXPORT oranetTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT oranetTargets NAMESPACE oranet:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/oranet)
configure_package_config_file(cmake/oranetConfig.cmake.in ${PROJECT_BINARY_DIR}/oranetConfig.cmake
                              INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/oranet)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/oranetConfigVersion.cmake COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/oranetConfig.cmake ${PROJECT_BINARY_DIR}/oranetConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/oranet)
configure_file(cmake/oranet.pc.in ${PROJECT_BINARY_DIR}/oranet.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/oranet.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
