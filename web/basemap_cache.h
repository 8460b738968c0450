// BasemapCache: the map's picture in a texture while the map only pans, so a drag costs one
// textured quad per frame instead of every fill triangle, outline strip and marker. That matters
// where WebGL runs in software (SwiftShader: headless browsers, blocklisted GPUs), where drawing
// the map is most of a frame's cost (bench/README.md, "Browser benchmark").
//
// The texture covers the view plus a margin on every side (kMargin CSS pixels, less where the
// texture would exceed the GPU's largest: a phone at 3 device pixels per CSS pixel). It holds the
// basemap and, for a pan frame (App::Render), what moves with the map too (MapLayer::DrawMap drawn
// for the wider view: markers, clusters, labels, area counts), with a key saying which overlay it
// holds. Later frames at the same zoom, size and pixel ratio draw the texture shifted by the pan
// (one unblended quad at a whole device pixel's offset, nearest texels: copied to pixels), until
// the pan nears the margin's edge or the overlay changes and it is rendered again. At rest the map
// is drawn straight to the screen, pixel-exact.
//
// clang-format off
//   BasemapCache cache;
//   if (!cache.Init(&error)) ...;  // REQUIRES: a current WebGL2 context
//   ... a frame with the basemap alone:
//   cache.Draw(basemap, view, theme, canvas, /*moving=*/dragging);
//   ... a pan frame with the overlay (ImGui draw data laid out for the wider view: WideSize):
//   if (!cache.Covers(view, canvas) || cache.overlay_key() != key)
//     cache.Render(basemap, view, theme, canvas, &overlay, key);
//   cache.DrawShifted(view, /*whole_pixels=*/true);
// clang-format on
#pragma once

#include <GLES3/gl3.h>

#include <cstdint>
#include <string>

#include "imgui.h"
#include "web/basemap.h"
#include "web/gl_program.h"
#include "web/model/map_view.h"
#include "web/platform.h"
#include "web/theme.h"

namespace bokji::web {

class BasemapCache {
 public:
  // CSS pixels around the view held in the texture: the benchmark's drag (a 150-px circle, up to
  // 300 px from where it started) stays within it, so a drag renders the texture once.
  static constexpr float kMargin = 384;

  BasemapCache() = default;
  BasemapCache(const BasemapCache&) = delete;
  BasemapCache& operator=(const BasemapCache&) = delete;

  bool Init(std::string* error);
  // Draws the basemap for `view` into the default framebuffer (already cleared), through the
  // texture when `moving` and straight otherwise. Leaves GL_BLEND enabled.
  void Draw(const Basemap& basemap, const MapView& view, const Theme& theme,
            const CanvasSize& canvas, bool moving);

  // The margin for a view of `view`'s size at the canvas's pixel ratio: kMargin, or less where
  // the texture would exceed GL_MAX_TEXTURE_SIZE.
  float MarginFor(const MapView& view, const CanvasSize& canvas) const;
  // The size in CSS pixels the texture covers for a view of `view`'s size.
  ImVec2 WideSize(const MapView& view, const CanvasSize& canvas) const {
    const float margin = MarginFor(view, canvas);
    return ImVec2(view.width() + 2 * margin, view.height() + 2 * margin);
  }
  // Whether the texture shows `view`'s zoom, size and pixel ratio, with the pan since it was
  // rendered within the margin.
  bool Covers(const MapView& view, const CanvasSize& canvas) const;
  // The view centre the texture was rendered around.
  Mercator center() const { return center_; }
  // Renders the basemap for `view` plus the margin into the texture, then `overlay` over it (ImGui
  // draw data whose DisplaySize is WideSize(view), or null); `overlay_key` names that overlay (0:
  // none). REQUIRES: ImGui's OpenGL3 renderer initialised when `overlay` is not null.
  void Render(const Basemap& basemap, const MapView& view, const Theme& theme,
              const CanvasSize& canvas, ImDrawData* overlay, uint64_t overlay_key);
  uint64_t overlay_key() const { return valid_ ? overlay_key_ : 0; }
  // Draws the texture over the whole default framebuffer shifted by the pan since it was rendered,
  // by any fraction of a pixel or, with `whole_pixels`, rounded to a whole device pixel (texels
  // land on pixels). REQUIRES: Covers(view, canvas); the scissor test off.
  void DrawShifted(const MapView& view, bool whole_pixels);

  // For tests: how often the texture was rendered, and whether the last frame used it.
  int renders() const { return renders_; }
  bool last_from_texture() const { return last_from_texture_; }

 private:
  TexturedQuad quad_;
  GLuint framebuffer_ = 0, texture_ = 0;
  int texture_width_ = 0, texture_height_ = 0;
  int max_texture_size_ = 4096;
  // What the texture shows.
  bool valid_ = false;
  Mercator center_;
  double zoom_ = 0;
  float width_ = 0, height_ = 0, pixel_ratio_ = 0, margin_ = 0;
  uint64_t overlay_key_ = 0;
  int renders_ = 0;
  bool last_from_texture_ = false;
};

}  // namespace bokji::web
