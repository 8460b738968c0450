// UiCache: the panels' picture (every ImGui window, the focus ring, the scale bar) in a texture,
// drawn over the map's texture while the map pans, so a pan frame asks the GPU for two textured
// quads instead of every panel's rectangles and glyphs. The texture is rendered again whenever the
// panels' draw lists change (DrawListsKey: a hash of their vertices, indices and commands), so the
// picture is never older than the frame's own UI; the scale bar alone is left out of the key, and
// so stays as it was while the map moves (its length changes with the latitude).
//
// The texture holds premultiplied colour (rendered over transparent black with ImGui's blend
// functions), drawn with glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA): within 8-bit rounding of
// drawing the lists straight over the map. Only where the lists drew is blended (each list's
// vertices' box within its clip rectangles; overlapping boxes merged, so none is drawn twice): on
// a wide screen the panels cover a third of it. At rest the App draws the lists straight.
//
// clang-format off
//   UiCache ui;
//   if (!ui.Init(&error)) ...;  // REQUIRES: a current WebGL2 context
//   ... a pan frame, after the map's texture was drawn:
//   const uint64_t key = DrawListsKey(ui_lists, /*unkeyed=*/&scale_bar_list);
//   if (!ui.Holds(canvas, key)) ui.Render(&ui_lists, canvas, key);
//   ui.Draw(canvas);
// clang-format on
#pragma once

#include <GLES3/gl3.h>

#include <cstdint>
#include <string>
#include <vector>

#include "imgui.h"
#include "web/gl_program.h"
#include "web/platform.h"

namespace bokji::web {

// A hash of what `data`'s lists would draw (vertices, indices, commands) and of its display size;
// never 0. `unkeyed` (may be null) is left out.
uint64_t DrawListsKey(const ImDrawData& data, const ImDrawList* unkeyed);
// A hash of one list's drawing, never 0.
uint64_t DrawListKey(const ImDrawList& list);

class UiCache {
 public:
  UiCache() = default;
  UiCache(const UiCache&) = delete;
  UiCache& operator=(const UiCache&) = delete;

  bool Init(std::string* error);
  // Whether the texture holds the lists named by `key` at the canvas's size.
  bool Holds(const CanvasSize& canvas, uint64_t key) const;
  // Renders `data` (ImGui draw data of the screen's size) into the texture.
  // REQUIRES: ImGui's OpenGL3 renderer initialised.
  void Render(ImDrawData* data, const CanvasSize& canvas, uint64_t key);
  // Draws the texture over what the default framebuffer holds. Leaves GL_BLEND enabled with
  // ImGui's blend functions.
  void Draw(const CanvasSize& canvas);
  // Forgets the picture (at rest, the lists were drawn straight).
  void Invalidate() { key_ = 0; }

  int renders() const { return renders_; }  // for tests

 private:
  TexturedQuad quad_;
  GLuint framebuffer_ = 0, texture_ = 0;
  int texture_width_ = 0, texture_height_ = 0;
  uint64_t key_ = 0;
  std::vector<ImVec4> boxes_;  // where the lists drew (CSS pixels: x0, y0, x1, y1), disjoint
  int renders_ = 0;
};

}  // namespace bokji::web
