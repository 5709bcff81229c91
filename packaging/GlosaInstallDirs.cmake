# glosa_sysconfdir(<prefix> <sysconfdir> <out-var>)
#
# The folder of system configuration for an installation under <prefix>, by the rules of
# GNUInstallDirs: an absolute CMAKE_INSTALL_SYSCONFDIR is used as it is; otherwise the prefixes
# /usr and / keep their configuration in /etc, and /opt/<pkg> in /etc/opt/<pkg>.
#
# Used at configure time (for the .deb, whose prefix is /usr) and at install time (where
# `cmake --install --prefix` may have changed the prefix after configuring).
function(glosa_sysconfdir prefix sysconfdir out)
    if(IS_ABSOLUTE "${sysconfdir}")
        set(dir "${sysconfdir}")
    elseif(sysconfdir STREQUAL "etc" AND prefix MATCHES "^/(usr/?)?$")
        set(dir "/etc")
    elseif(sysconfdir STREQUAL "etc" AND prefix MATCHES "^/opt/([^/]+)/?$")
        set(dir "/etc/opt/${CMAKE_MATCH_1}")
    else()
        string(REGEX REPLACE "/$" "" prefix "${prefix}")
        set(dir "${prefix}/${sysconfdir}")
    endif()
    set(${out} "${dir}" PARENT_SCOPE)
endfunction()
