# What `cmake --install` puts where (GNUInstallDirs), and the Debian package CPack makes of it
# (`cpack` in a build folder, or scripts/build-deb.sh). Included at the end of CMakeLists.txt.
#   bin/gklint
#   lib/<multiarch>/gklint/gklint-pdf.so          the PDF reader, loaded when gklint meets a PDF
#   lib/<multiarch>/gklint/gklint-docx.so         the .docx reader and writer of comments, loaded when needed
#   lib/<multiarch>/gklint/gklint-serve.so        `gklint serve`'s web server, loaded when it starts
#   share/gklint/rules/*.yaml                     copies of the built-in rule sets (the binary has its own,
#                                                 compiled in): for users to copy and extend
#   share/man/man1/gklint.1                       from `gklint --help` by help2man, when it is installed
#   share/bash-completion/completions/gklint      `gklint completion bash`
#   share/zsh/vendor-completions/_gklint          `gklint completion zsh`
#   share/fish/vendor_completions.d/gklint.fish   `gklint completion fish`
#   share/doc/gklint/                             README.md, CONTRIBUTING.md, docs/*.md, examples/
# The test-only and build-time programs (gklint_tests, gklint-docs, gklint-gen, gklint-relint,
# gen_norm_table, gen_rule_trees) are not installed.
include(GNUInstallDirs)

# --- Written by the built gklint, so they describe the options it has ---
set(GKLINT_GENERATED ${CMAKE_CURRENT_BINARY_DIR}/share)
set(GKLINT_COMPLETIONS
  ${GKLINT_GENERATED}/completions/gklint.bash
  ${GKLINT_GENERATED}/completions/_gklint
  ${GKLINT_GENERATED}/completions/gklint.fish)
set(GKLINT_COMPLETION_SHELLS bash zsh fish)
foreach(file shell IN ZIP_LISTS GKLINT_COMPLETIONS GKLINT_COMPLETION_SHELLS)
  add_custom_command(
    OUTPUT ${file}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${GKLINT_GENERATED}/completions
    COMMAND ${CMAKE_COMMAND} -DOUT=${file} "-DCOMMAND=$<TARGET_FILE:gklint>|completion|${shell}"
            -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/run_to_file.cmake
    DEPENDS gklint ${CMAKE_CURRENT_SOURCE_DIR}/cmake/run_to_file.cmake
    COMMENT "Writing the ${shell} completion"
    VERBATIM)
endforeach()
set(GKLINT_SHARE_FILES ${GKLINT_COMPLETIONS})

# The man page: help2man reads `gklint --help` and `--version`, and adds packaging/gklint.h2m's
# sections (exit status, files, see also). In a UTF-8 locale (-L), or it writes the Chinese as '?'.
find_program(HELP2MAN help2man)
if(HELP2MAN)
  set(GKLINT_MAN ${GKLINT_GENERATED}/man/gklint.1)
  add_custom_command(
    OUTPUT ${GKLINT_MAN}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${GKLINT_GENERATED}/man
    COMMAND ${HELP2MAN} -L C.UTF-8 --no-info --section 1
            --name "linter for Chinese government information-disclosure annual reports"
            --include ${CMAKE_CURRENT_SOURCE_DIR}/packaging/gklint.h2m --output ${GKLINT_MAN} $<TARGET_FILE:gklint>
    DEPENDS gklint ${CMAKE_CURRENT_SOURCE_DIR}/packaging/gklint.h2m
    COMMENT "Writing the man page (help2man)"
    VERBATIM)
  list(APPEND GKLINT_SHARE_FILES ${GKLINT_MAN})
  install(FILES ${GKLINT_MAN} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "help2man not found: no man page (scripts/install-deps.sh --build installs it)")
endif()
add_custom_target(gklint-share ALL DEPENDS ${GKLINT_SHARE_FILES})

install(TARGETS gklint RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS gklint-pdf gklint-docx gklint-serve LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/gklint)
install(DIRECTORY rules/ DESTINATION ${CMAKE_INSTALL_DATADIR}/gklint/rules FILES_MATCHING PATTERN "*.yaml")
install(FILES ${GKLINT_GENERATED}/completions/gklint.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME gklint)
install(FILES ${GKLINT_GENERATED}/completions/_gklint DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${GKLINT_GENERATED}/completions/gklint.fish
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
install(FILES README.md CONTRIBUTING.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs FILES_MATCHING PATTERN "*.md")
install(DIRECTORY examples DESTINATION ${CMAKE_INSTALL_DOCDIR} USE_SOURCE_PERMISSIONS)

# --- The Debian package: gklint_VERSION_ARCH.deb, its Depends read from the libraries gklint links
# (dpkg-shlibdeps, from dpkg-dev), so `apt install ./gklint_*.deb` brings them in ---
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME gklint)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "gklint maintainers <maintainers@users.noreply.h-seed-a115c7ce.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "linter for government information-disclosure annual reports")
# The first line of the package's description is the summary; CPack puts this text below it.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "gklint checks a Chinese government information-disclosure annual report (政府信息公开工作年度报告)
against the regulation in force for its year: required sections, their order and numbering,
the year and reporting period, and the sums of the statistical tables. It reads text in any
Chinese encoding, HTML pages and Word .docx; writes text, JSON, SARIF, JUnit, GitLab and
GitHub formats; and includes a language server for editors.")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "man-db, bash-completion")
set(CPACK_STRIP_FILES ON)
include(CPack)
