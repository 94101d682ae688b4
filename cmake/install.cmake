# Files the build writes for installing: the shell completions, by the built gklint
# (`gklint completion SHELL`), so they complete the options it has. Included at the end of CMakeLists.txt.
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

add_custom_target(gklint-share ALL DEPENDS ${GKLINT_SHARE_FILES})
