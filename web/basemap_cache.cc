// BasemapCache: the texture, when to render it again, and the shifted quad. See basemap_cache.h.
#include "web/basemap_cache.h"

#include <algorithm>
#include <cmath>

#include "imgui_impl_opengl3.h"

namespace bokji::web {

bool BasemapCache::Init(std::string* error) {
  if (!quad_.Init(error)) return false;
  glGenFramebuffers(1, &framebuffer_);
  glGenTextures(1, &texture_);
  glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_texture_size_);
  return true;
}

float BasemapCache::MarginFor(const MapView& view, const CanvasSize& canvas) const {
  const float room = (static_cast<float>(max_texture_size_) / std::max(canvas.pixel_ratio, 1.0f) -
                      std::max(view.width(), view.height())) /
                         2 -
                     1;
  return std::clamp(std::floor(room), 0.0f, kMargin);
}

void BasemapCache::Render(const Basemap& basemap, const MapView& view, const Theme& theme,
                          const CanvasSize& canvas, ImDrawData* overlay, uint64_t overlay_key) {
  const ImVec2 wide_size = WideSize(view, canvas);
  const int width = static_cast<int>(std::ceil(wide_size.x * canvas.pixel_ratio));
  const int height = static_cast<int>(std::ceil(wide_size.y * canvas.pixel_ratio));
  glBindTexture(GL_TEXTURE_2D, texture_);
  if (width != texture_width_ || height != texture_height_) {
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    // Drawn one texel to a pixel (DrawShifted with whole_pixels) or shifted by a fraction while a zoom animates.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    texture_width_ = width;
    texture_height_ = height;
  }
  glBindTexture(GL_TEXTURE_2D, 0);
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture_, 0);
  glViewport(0, 0, width, height);
  const std::array<float, 4> clear = ToFloat4(theme.map_background);
  glClearColor(clear[0], clear[1], clear[2], 1);
  glClear(GL_COLOR_BUFFER_BIT);
  MapView wide = view;
  wide.SetViewport(wide_size.x, wide_size.y);
  basemap.Draw(wide, theme, canvas.pixel_ratio);
  if (overlay != nullptr) {
    // The framebuffer's size as ImGui's renderer computes it (DisplaySize × FramebufferScale).
    overlay->FramebufferScale = ImVec2(width / wide_size.x, height / wide_size.y);
    ImGui_ImplOpenGL3_RenderDrawData(overlay);
  }
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glViewport(0, 0, canvas.pixel_width, canvas.pixel_height);

  valid_ = true;
  center_ = view.center();
  zoom_ = view.zoom();
  width_ = view.width();
  height_ = view.height();
  pixel_ratio_ = canvas.pixel_ratio;
  margin_ = (wide_size.x - view.width()) / 2;
  overlay_key_ = overlay_key;
  ++renders_;
}

bool BasemapCache::Covers(const MapView& view, const CanvasSize& canvas) const {
  if (!valid_ || view.zoom() != zoom_ || view.width() != width_ || view.height() != height_ ||
      canvas.pixel_ratio != pixel_ratio_)
    return false;
  const ImVec2 middle = view.ToScreen(center_);
  const float dx = middle.x - view.width() / 2, dy = middle.y - view.height() / 2;
  return std::fabs(dx) <= margin_ * 0.9f && std::fabs(dy) <= margin_ * 0.9f;
}

void BasemapCache::DrawShifted(const MapView& view, bool whole_pixels) {
  // Where the texture's middle is on screen now: the pan since it was rendered; rounded to a whole
  // device pixel, texels land on pixels and are copied as they are.
  const ImVec2 middle = view.ToScreen(center_);
  float dx = middle.x - view.width() / 2, dy = middle.y - view.height() / 2;
  if (whole_pixels) {
    dx = std::round(dx * pixel_ratio_) / pixel_ratio_;
    dy = std::round(dy * pixel_ratio_) / pixel_ratio_;
  }
  // (A glBlitFramebuffer to the canvas would be cheaper still, but Chromium then showed a black
  // canvas whenever it composited the page again without a new frame, e.g. for a screenshot.)
  // The texture's first row is the bottom of what was drawn: pass the rectangle bottom-up.
  glDisable(GL_BLEND);
  quad_.Begin(view.width(), view.height());
  quad_.Draw(texture_, dx - margin_, dy + view.height() + margin_, dx + view.width() + margin_,
             dy - margin_);
  quad_.End();
  glEnable(GL_BLEND);
  last_from_texture_ = true;
}

void BasemapCache::Draw(const Basemap& basemap, const MapView& view, const Theme& theme,
                        const CanvasSize& canvas, bool moving) {
  last_from_texture_ = false;
  if (!moving) {
    valid_ = false;  // the next movement starts from a fresh texture
    basemap.Draw(view, theme, canvas.pixel_ratio);
    return;
  }
  if (!Covers(view, canvas) || overlay_key() != 0) Render(basemap, view, theme, canvas, nullptr, 0);
  DrawShifted(view, /*whole_pixels=*/false);
}

}  // namespace bokji::web
