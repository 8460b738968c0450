# Writes the GLSL files in shaders/ into one C++ header of string constants, so the app carries its shaders.
#   cmake -DOUTPUT=generated/shaders.inc -DSHADERS="a.vert|a.frag" -P embed_shaders.cmake
# region_fill.vert becomes `inline constexpr char kShader_region_fill_vert[]`.
string(REPLACE "|" ";" SHADERS "${SHADERS}")
set(content "// Generated from shaders/ by web/embed_shaders.cmake; do not edit.\n#pragma once\n\n")
foreach(shader IN LISTS SHADERS)
  get_filename_component(name "${shader}" NAME)
  string(REPLACE "." "_" symbol "${name}")
  file(READ "${shader}" source)
  string(APPEND content "inline constexpr char kShader_${symbol}[] = R\"glsl(${source})glsl\";\n\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "${content}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUTPUT}.tmp" "${OUTPUT}")
file(REMOVE "${OUTPUT}.tmp")
