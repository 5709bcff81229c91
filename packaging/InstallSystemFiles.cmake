# Runs at install time (install(SCRIPT), after install(CODE) has set the GLOSA_INSTALL_* variables).
#
# Installs the server's default configuration and its systemd unit. Their places, and the paths the
# unit names, follow CMAKE_INSTALL_PREFIX as it is at install time, so that `cmake --install
# --prefix /usr`, `--prefix /usr/local` and CPack (which installs with DESTDIR and the prefix of
# the package) all get a unit that starts the glosa-server they installed with the configuration
# they installed.

include("${GLOSA_INSTALL_PACKAGING_DIR}/GlosaInstallDirs.cmake")

glosa_sysconfdir("${CMAKE_INSTALL_PREFIX}" "${GLOSA_INSTALL_SYSCONFDIR}" GLOSA_ETC_DIR)
if(IS_ABSOLUTE "${GLOSA_INSTALL_BINDIR}")
    set(GLOSA_BIN_DIR "${GLOSA_INSTALL_BINDIR}")
else()
    set(GLOSA_BIN_DIR "${CMAKE_INSTALL_PREFIX}/${GLOSA_INSTALL_BINDIR}")
endif()
set(GLOSA_CONFIG_FILE "${GLOSA_ETC_DIR}/glosa-server/config.json")

# Staged in the build tree, in a folder of its own for each DESTDIR and prefix: installations may
# run side by side (cpack, and `cmake --install` into a staging folder).
string(MD5 key "$ENV{DESTDIR}|${CMAKE_INSTALL_PREFIX}")
set(unit "${GLOSA_INSTALL_BINARY_DIR}/install-time/${key}/glosa-server.service")
configure_file("${GLOSA_INSTALL_PACKAGING_DIR}/glosa-server.service.in" "${unit}" @ONLY)

# file(INSTALL) puts $ENV{DESTDIR} in front of the destination by itself.
file(INSTALL "${unit}"
    DESTINATION "${CMAKE_INSTALL_PREFIX}/lib/systemd/system"
    FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
# The configuration holds the tenants' secrets: readable by root only. The service reads it through
# systemd's LoadCredential=, so its dynamic user needs no access to /etc. An installation over an
# existing, edited configuration keeps it (the .deb marks it a conffile, for dpkg to do the same).
set(config "$ENV{DESTDIR}${GLOSA_ETC_DIR}/glosa-server/config.json")
if(EXISTS "${config}")
    file(SHA256 "${config}" installed)
    file(SHA256 "${GLOSA_INSTALL_PACKAGING_DIR}/config.json" shipped)
    if(NOT installed STREQUAL shipped)
        message(STATUS "Keeping: ${config} (differs from the default configuration)")
        return()
    endif()
endif()
file(INSTALL "${GLOSA_INSTALL_PACKAGING_DIR}/config.json"
    DESTINATION "${GLOSA_ETC_DIR}/glosa-server"
    FILE_PERMISSIONS OWNER_READ OWNER_WRITE
    DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
                          WORLD_READ WORLD_EXECUTE)
