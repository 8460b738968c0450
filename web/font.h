// The app's font: the Hangul subset of NanumGothic that scripts/build-font.py writes (every KS X
// 1001 Hangul syllable and symbol, ASCII, and every character of the shared data and the string
// table), loaded into ImGui with glyph ranges for exactly the characters the app can show.
//
// The atlas holds: printable ASCII, the font's Hangul syllables and jamo (typed search needs any of
// them), and every other character the loaded Dataset and the string table use. A character the
// font lacks is drawn as a look-alike (∙ as ·, ▪ as ■, private-use bullets as ·) instead of ImGui's
// `?`; what is still missing after that is listed by missing() so tests can insist on none.
//
//   AppFont font(std::move(ttf_bytes), dataset);
//   if (!font.Build(17 * pixel_ratio, 13 * pixel_ratio, 21 * pixel_ratio)) ShowError(...);
//   ImGui::GetIO().FontGlobalScale = 1 / pixel_ratio;   // laid out in CSS pixels, rasterised sharp
#pragma once

#include <cstdint>
#include <vector>

#include "core/model.h"
#include "imgui.h"

namespace bokji::web {

class AppFont {
 public:
  // Keeps `ttf` (rebuilds at another pixel ratio need it) and collects the characters of `data`.
  AppFont(std::vector<uint8_t> ttf, const Dataset& data);

  // (Re)builds ImGui's font atlas with the regular font of `pixel_size` device pixels (ImGui's
  // default), a small one for map labels and a large one for headings, those two holding only the
  // characters the data and the UI use (text scaled from the regular raster would blur). Returns
  // false if the bytes are not a TrueType font. REQUIRES: an ImGui context; the caller recreates
  // the renderer's font texture afterwards.
  bool Build(float pixel_size, float small_pixel_size, float large_pixel_size);

  ImFont* small() const { return small_; }
  ImFont* large() const { return large_; }

  // Characters used by the data or the UI that draw as ImGui's fallback glyph. Valid after Build().
  const std::vector<ImWchar>& missing() const { return missing_; }
  int glyph_count() const { return glyph_count_; }

 private:
  std::vector<uint8_t> ttf_;
  ImVector<ImWchar> ranges_;  // ImGui keeps pointers to these while the atlas lives
  ImVector<ImWchar> small_ranges_;
  std::vector<ImWchar> used_;  // characters the data and the UI use (beyond the fixed blocks)
  std::vector<ImWchar> missing_;
  int glyph_count_ = 0;
  ImFont* small_ = nullptr;
  ImFont* large_ = nullptr;
};

}  // namespace bokji::web
