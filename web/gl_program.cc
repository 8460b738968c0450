#include "web/gl_program.h"

#include "generated/shaders.inc"

#include <vector>

namespace bokji::web {
namespace {

GLuint CompileShader(GLenum type, const char* source, std::string* error) {
  const GLuint shader = glCreateShader(type);
  glShaderSource(shader, 1, &source, nullptr);
  glCompileShader(shader);
  GLint ok = GL_FALSE;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (ok == GL_TRUE) return shader;
  GLint length = 0;
  glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
  std::vector<char> log(static_cast<size_t>(length > 0 ? length : 1), '\0');
  glGetShaderInfoLog(shader, static_cast<GLsizei>(log.size()), nullptr, log.data());
  *error =
      std::string(type == GL_VERTEX_SHADER ? "vertex shader: " : "fragment shader: ") + log.data();
  glDeleteShader(shader);
  return 0;
}

}  // namespace

GLuint CompileProgram(const char* vertex_source, const char* fragment_source, std::string* error) {
  const GLuint vertex = CompileShader(GL_VERTEX_SHADER, vertex_source, error);
  if (vertex == 0) return 0;
  const GLuint fragment = CompileShader(GL_FRAGMENT_SHADER, fragment_source, error);
  if (fragment == 0) {
    glDeleteShader(vertex);
    return 0;
  }
  const GLuint program = glCreateProgram();
  glAttachShader(program, vertex);
  glAttachShader(program, fragment);
  glLinkProgram(program);
  glDeleteShader(vertex);  // the program keeps them alive
  glDeleteShader(fragment);
  GLint ok = GL_FALSE;
  glGetProgramiv(program, GL_LINK_STATUS, &ok);
  if (ok == GL_TRUE) return program;
  GLint length = 0;
  glGetProgramiv(program, GL_INFO_LOG_LENGTH, &length);
  std::vector<char> log(static_cast<size_t>(length > 0 ? length : 1), '\0');
  glGetProgramInfoLog(program, static_cast<GLsizei>(log.size()), nullptr, log.data());
  *error = std::string("link: ") + log.data();
  glDeleteProgram(program);
  return 0;
}

bool TexturedQuad::Init(std::string* error) {
  program_ = CompileProgram(kShader_tile_vert, kShader_tile_frag, error);
  if (program_ == 0) return false;
  rect_ = glGetUniformLocation(program_, "u_rect");
  viewport_ = glGetUniformLocation(program_, "u_viewport");
  opacity_ = glGetUniformLocation(program_, "u_opacity");
  texture_ = glGetUniformLocation(program_, "u_tile");
  static constexpr float kCorners[] = {0, 0, 1, 0, 0, 1, 1, 1};  // a triangle strip
  glGenVertexArrays(1, &vao_);
  glBindVertexArray(vao_);
  glGenBuffers(1, &corners_);
  glBindBuffer(GL_ARRAY_BUFFER, corners_);
  glBufferData(GL_ARRAY_BUFFER, sizeof(kCorners), kCorners, GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
  glBindVertexArray(0);
  return true;
}

void TexturedQuad::Begin(float viewport_width, float viewport_height) const {
  glUseProgram(program_);
  glUniform2f(viewport_, viewport_width, viewport_height);
  glUniform1f(opacity_, 1);
  glUniform1i(texture_, 0);
  glActiveTexture(GL_TEXTURE0);
  glBindVertexArray(vao_);
}

void TexturedQuad::Draw(GLuint texture, float x0, float y0, float x1, float y1) const {
  glBindTexture(GL_TEXTURE_2D, texture);
  glUniform4f(rect_, x0, y0, x1, y1);
  glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

void TexturedQuad::End() const {
  glBindVertexArray(0);
  glBindTexture(GL_TEXTURE_2D, 0);
}

}  // namespace bokji::web
