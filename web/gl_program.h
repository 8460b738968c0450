// Compiling and linking the GLSL ES 3.0 programs in shaders/ (embedded at build time into
// generated/shaders.inc as kShader_<file name> strings).
//
//   std::string error;
//   GLuint program = CompileProgram(kShader_region_fill_vert, kShader_region_fill_frag, &error);
//   if (program == 0) ShowError(error);
#pragma once

#include <GLES3/gl3.h>

#include <string>

namespace bokji::web {

// Returns the linked program, or 0 with the driver's log in `error`.
GLuint CompileProgram(const char* vertex_source, const char* fragment_source, std::string* error);

}  // namespace bokji::web
