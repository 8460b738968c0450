// The app's font: the Hangul subset of NanumGothic that scripts/build-font.py writes (every KS X
// 1001 Hangul syllable and symbol, ASCII, and every character of the shared data and of the
// Korean and English strings), loaded into ImGui with glyph ranges for exactly the characters the
// app can show; and, once Vietnamese or Chinese is chosen, that language's small extra font
// (fonts/bokji-vi.ttf, bokji-zh.ttf: Noto Sans CJK SC glyphs for its strings and ASCII), fetched
// then and added to the atlas. Korean and English visits never download or rasterise those.
//
// With a language font, the atlas takes every character that font holds (ASCII, Vietnamese
// letters, Chinese) from it, scaled to NanumGothic's em so both designs are the same size, and
// Hangul (place and facility names stay Korean) and the rest from NanumGothic, whose line metrics
// the layout keeps.
//
// The atlas holds: printable ASCII, the font's Hangul syllables and jamo (typed search needs any of
// them), and every other character the loaded Dataset and the string table use. A character the
// font lacks is drawn as a look-alike (∙ as ·, ▪ as ■, private-use bullets as ·) instead of ImGui's
// `?`; what is still missing after that is listed by missing() so tests can insist on none.
//
//   AppFont font(std::move(ttf_bytes), dataset);
//   if (!font.Build(17 * pixel_ratio, 13 * pixel_ratio, 21 * pixel_ratio)) ShowError(...);
//   ImGui::GetIO().FontGlobalScale = 1 / pixel_ratio;   // laid out in CSS pixels, rasterised sharp
//   font.AddLanguageFont(Language::kChinese, std::move(zh_bytes));   // fetched when chosen
//   font.Build(17 * pixel_ratio, 13 * pixel_ratio, 21 * pixel_ratio, Language::kChinese);
#pragma once

#include <cstdint>
#include <vector>

#include "core/model.h"
#include "imgui.h"
#include "web/model/strings.h"

namespace bokji::web {

class AppFont {
 public:
  // Keeps `ttf` (rebuilds at another pixel ratio need it) and collects the characters of `data`.
  AppFont(std::vector<uint8_t> ttf, const Dataset& data);

  // (Re)builds ImGui's font atlas with the regular font of `pixel_size` device pixels (ImGui's
  // default), a small one for map labels and a large one for headings, those two holding only the
  // characters the data and the UI use (text scaled from the regular raster would blur), with the
  // glyphs of `language` when it needs a font of its own and that font has arrived (else without:
  // its own characters are then listed by missing()). Returns false if the bytes are not a
  // TrueType font. REQUIRES: an ImGui context; the caller recreates the renderer's font texture
  // afterwards. DEFAULT language: Korean.
  bool Build(float pixel_size, float small_pixel_size, float large_pixel_size,
             Language language = Language::kKorean);

  // Whether `language`'s strings need glyphs of their own (Vietnamese, Chinese), and whether they
  // have arrived. A font that is not TrueType/OpenType is ignored (HasLanguageFont stays false).
  static bool NeedsLanguageFont(Language language);
  bool HasLanguageFont(Language language) const;
  void AddLanguageFont(Language language, std::vector<uint8_t> ttf);
  // The language whose glyphs the last Build() put in the atlas (Korean when none was needed or
  // had arrived).
  Language built_language() const { return built_language_; }

  ImFont* small() const { return small_; }
  ImFont* large() const { return large_; }

  // Characters used by the data or the UI that draw as ImGui's fallback glyph. Valid after Build().
  const std::vector<ImWchar>& missing() const { return missing_; }
  int glyph_count() const { return glyph_count_; }

 private:
  std::vector<uint8_t> ttf_;
  std::vector<uint8_t> language_ttf_[kLanguageCount];   // empty until fetched
  std::vector<ImWchar> language_used_[kLanguageCount];  // characters of each column
  ImVector<ImWchar> language_ranges_;
  ImVector<ImWchar> nanum_without_language_[2];  // regular, small: less the language font's
  Language built_language_ = Language::kKorean;
  ImVector<ImWchar> ranges_;  // ImGui keeps pointers to these while the atlas lives
  ImVector<ImWchar> small_ranges_;
  std::vector<ImWchar> used_;  // characters the data and the UI use (beyond the fixed blocks)
  std::vector<ImWchar> missing_;
  int glyph_count_ = 0;
  ImFont* small_ = nullptr;
  ImFont* large_ = nullptr;
};

}  // namespace bokji::web
