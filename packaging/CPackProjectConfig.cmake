# Read by cpack once per generator (CPACK_PROJECT_CONFIG_FILE).
#
# Both packages install with DESTDIR, so that the systemd unit and the configuration land where the
# package's prefix puts them (/etc for /usr) and the unit names the paths the package installs.
if(CPACK_GENERATOR STREQUAL "DEB")
    # A Debian package lives in /usr, with its configuration in /etc.
    set(CPACK_SET_DESTDIR ON)
    set(CPACK_INSTALL_PREFIX /usr)
    set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
elseif(CPACK_GENERATOR STREQUAL "TGZ")
    # The same files for /usr/local, to unpack on other distributions:
    #   sudo tar -xzf glosa-*.tar.gz --strip-components=1 -C /
    set(CPACK_SET_DESTDIR ON)
    set(CPACK_INSTALL_PREFIX /usr/local)
    set(CPACK_PACKAGING_INSTALL_PREFIX /usr/local)
endif()
