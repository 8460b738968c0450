// Palette: the UI's colours as plain values, normal and high contrast, so that a native test can
// compute every text/background pair's contrast ratio (WCAG 2.2 1.4.3, 1.4.11) from the very
// colours the app draws with. web/theme.h builds the Theme from a palette; nothing else names a
// colour.
//
// clang-format off
//   const Palette& p = PaletteFor(/*high_contrast=*/true);
//   ContrastRatio(p.text, p.panel_background);        // 21.0 for black on white
//   for (const ColorPair& pair : TextPairs(p)) ...    // what the test checks (>= 4.5, large >= 3)
// clang-format on
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "core/model.h"

namespace bokji::web {

// 0xAABBGGRR: ImGui's IM_COL32 packing.
constexpr uint32_t Rgba(uint32_t r, uint32_t g, uint32_t b, uint32_t a = 255) {
  return (a << 24) | (b << 16) | (g << 8) | r;
}

struct Palette {
  uint32_t text;
  uint32_t text_muted;
  uint32_t panel_background;
  uint32_t panel_border;
  uint32_t button;  // a plain button's face
  uint32_t frame;   // a text field's and a check box's face
  uint32_t accent;  // primary buttons and links
  uint32_t accent_text;
  uint32_t open_now;
  uint32_t closed_now;
  uint32_t caution;  // "a match is never a promise"
  uint32_t focus_ring;
  uint32_t focus_halo;
  uint32_t cluster;
  uint32_t cluster_text;
  uint32_t marker_outline;
  uint32_t sigungu_label;
  uint32_t emd_label;
  uint32_t label_halo;
  std::array<uint32_t, 4> land_fills;
  std::array<uint32_t, kFacilityCategoryCount> category_colors;
};

const Palette& PaletteFor(bool high_contrast);

// WCAG 2.2's contrast ratio of two opaque colours (alpha ignored): 1 to 21.
double ContrastRatio(uint32_t a, uint32_t b);

// A foreground drawn on a background somewhere in the UI, and the ratio it needs (4.5 for text,
// 3 for large text and graphics such as markers' edges and focus rings).
struct ColorPair {
  const char* what;
  uint32_t foreground;
  uint32_t background;
  double needed;
};
std::vector<ColorPair> TextPairs(const Palette& palette);

}  // namespace bokji::web
