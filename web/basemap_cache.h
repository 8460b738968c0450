// BasemapCache: draws the basemap through a texture while the map only pans, so a drag costs one
// textured quad per frame instead of every fill triangle and outline strip. That matters where
// WebGL runs in software (SwiftShader: headless browsers, blocklisted GPUs), where the basemap is
// most of a frame's cost (bench/README.md, "Browser benchmark").
//
// While `moving`, the first frame renders the basemap into a texture covering the view plus kMargin
// CSS pixels on every side; later frames at the same zoom, size and pixel ratio draw that texture
// shifted by the pan, until the pan nears the margin's edge and it is rendered again. At rest it
// draws straight to the screen, pixel-exact.
//
//   BasemapCache cache;
//   if (!cache.Init(&error)) ...;  // REQUIRES: a current WebGL2 context
//   ... each frame: cache.Draw(basemap, view, theme, canvas, /*moving=*/dragging);
#pragma once

#include <GLES3/gl3.h>

#include <string>

#include "web/basemap.h"
#include "web/gl_program.h"
#include "web/model/map_view.h"
#include "web/platform.h"
#include "web/theme.h"

namespace bokji::web {

class BasemapCache {
 public:
  static constexpr float kMargin = 256;  // CSS pixels around the view held in the texture

  BasemapCache() = default;
  BasemapCache(const BasemapCache&) = delete;
  BasemapCache& operator=(const BasemapCache&) = delete;

  bool Init(std::string* error);
  // Draws the basemap for `view` into the default framebuffer (already cleared), through the
  // texture when `moving` and straight otherwise. Leaves GL_BLEND enabled.
  void Draw(const Basemap& basemap, const MapView& view, const Theme& theme,
            const CanvasSize& canvas, bool moving);

  // For tests: how often the texture was rendered, and whether the last frame used it.
  int renders() const { return renders_; }
  bool last_from_texture() const { return last_from_texture_; }

 private:
  void Render(const Basemap& basemap, const MapView& view, const Theme& theme,
              const CanvasSize& canvas);

  TexturedQuad quad_;
  GLuint framebuffer_ = 0, texture_ = 0;
  int texture_width_ = 0, texture_height_ = 0;
  // What the texture shows.
  bool valid_ = false;
  Mercator center_;
  double zoom_ = 0;
  float width_ = 0, height_ = 0, pixel_ratio_ = 0;
  int renders_ = 0;
  bool last_from_texture_ = false;
};

}  // namespace bokji::web
