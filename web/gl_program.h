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

// Draws textures into screen rectangles (shaders/tile.*): raster tiles and the basemap cache.
//
//   TexturedQuad quad;
//   if (!quad.Init(&error)) ...;
//   quad.Begin(view.width(), view.height());
//   quad.Draw(texture, x0, y0, x1, y1);  // CSS pixels; y0 > y1 draws the texture upside down
//   quad.End();
class TexturedQuad {
 public:
  // REQUIRES: a current WebGL2 context.
  bool Init(std::string* error);
  void Begin(float viewport_width, float viewport_height) const;
  void Draw(GLuint texture, float x0, float y0, float x1, float y1) const;
  void End() const;

 private:
  GLuint program_ = 0, vao_ = 0, corners_ = 0;
  GLint rect_ = -1, viewport_ = -1, opacity_ = -1, texture_ = -1;
};

}  // namespace bokji::web
