// The UI's colours: see palette.h.
#include "web/model/palette.h"

#include <algorithm>
#include <cmath>

namespace bokji::web {
namespace {

constexpr Palette kNormal = {
    .text = Rgba(30, 34, 40),
    .text_muted = Rgba(84, 90, 99),  // 7.0:1 on white, 6.2:1 on the button face
    .panel_background = Rgba(255, 255, 255),
    .panel_border = Rgba(0, 0, 0, 40),
    .button = Rgba(235, 237, 242),
    .frame = Rgba(240, 242, 245),
    .accent = Rgba(0, 94, 189),
    .accent_text = Rgba(255, 255, 255),
    .open_now = Rgba(22, 128, 61),
    .closed_now = Rgba(180, 35, 24),
    .caution = Rgba(179, 46, 13),
    .focus_ring = Rgba(0, 70, 160),
    .focus_halo = Rgba(255, 255, 255),
    .cluster = Rgba(40, 48, 60),
    .cluster_text = Rgba(255, 255, 255),
    // Dark edges: a marker stands out from the light land by its outline (3:1 and more), whatever
    // its category's hue.
    .marker_outline = Rgba(30, 34, 40),
    .sigungu_label = Rgba(55, 60, 70),
    .emd_label = Rgba(88, 93, 103),
    .label_halo = Rgba(255, 255, 255, 210),
    .land_fills = {Rgba(246, 243, 234), Rgba(240, 240, 228), Rgba(244, 238, 228),
                   Rgba(238, 242, 232)},
    .category_colors =
        {
            Rgba(217, 95, 2),     // 노인
            Rgba(31, 120, 180),   // 장애인
            Rgba(230, 171, 2),    // 아동
            Rgba(102, 166, 30),   // 청소년
            Rgba(231, 41, 138),   // 여성·가족
            Rgba(240, 110, 95),   // 한부모
            Rgba(141, 110, 99),   // 노숙인
            Rgba(27, 158, 119),   // 정신건강
            Rgba(106, 61, 154),   // 종합사회복지관
            Rgba(80, 80, 80),     // 행정복지센터
            Rgba(215, 48, 39),    // 의료
            Rgba(35, 110, 60),    // 약국
            Rgba(150, 150, 150),  // 기타
            Rgba(0, 128, 128),    // 공공보건
            Rgba(140, 81, 10),    // 경로당
            Rgba(253, 141, 60),   // 노인돌봄
            Rgba(117, 112, 179),  // 치매
        },
};

// Black on white, saturated dark accents, black edges: for low vision and bright lobbies.
constexpr Palette kHighContrast = {
    .text = Rgba(0, 0, 0),
    .text_muted = Rgba(40, 40, 40),
    .panel_background = Rgba(255, 255, 255),
    .panel_border = Rgba(0, 0, 0, 255),
    .button = Rgba(255, 255, 255),
    .frame = Rgba(255, 255, 255),
    .accent = Rgba(0, 51, 153),
    .accent_text = Rgba(255, 255, 255),
    .open_now = Rgba(0, 90, 30),
    .closed_now = Rgba(150, 0, 0),
    .caution = Rgba(140, 20, 0),
    .focus_ring = Rgba(0, 0, 0),
    .focus_halo = Rgba(255, 215, 0),
    .cluster = Rgba(0, 0, 0),
    .cluster_text = Rgba(255, 255, 255),
    .marker_outline = Rgba(0, 0, 0),
    .sigungu_label = Rgba(0, 0, 0),
    .emd_label = Rgba(30, 30, 30),
    .label_halo = Rgba(255, 255, 255, 240),
    .land_fills = kNormal.land_fills,  // the basemap's fills are built once, at start-up
    .category_colors = kNormal.category_colors,
};

double Linear(uint32_t channel) {
  const double c = channel / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double Luminance(uint32_t rgba) {
  return 0.2126 * Linear(rgba & 0xff) + 0.7152 * Linear((rgba >> 8) & 0xff) +
         0.0722 * Linear((rgba >> 16) & 0xff);
}

}  // namespace

const Palette& PaletteFor(bool high_contrast) {
  return high_contrast ? kHighContrast : kNormal;
}

double ContrastRatio(uint32_t a, uint32_t b) {
  const double la = Luminance(a), lb = Luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::vector<ColorPair> TextPairs(const Palette& p) {
  std::vector<ColorPair> pairs = {
      {"text on a panel", p.text, p.panel_background, 4.5},
      {"muted text on a panel", p.text_muted, p.panel_background, 4.5},
      {"text on a button", p.text, p.button, 4.5},
      {"muted text on a button", p.text_muted, p.button, 4.5},
      {"text in a field", p.text, p.frame, 4.5},
      {"a field's hint", p.text_muted, p.frame, 4.5},
      {"a primary button's label", p.accent_text, p.accent, 4.5},
      {"accent text (distances, headings)", p.accent, p.panel_background, 4.5},
      {"open now", p.open_now, p.panel_background, 4.5},
      {"closed now", p.closed_now, p.panel_background, 4.5},
      {"caution", p.caution, p.panel_background, 4.5},
      {"a cluster's count", p.cluster_text, p.cluster, 4.5},
      {"the focus ring on a panel", p.focus_ring, p.panel_background, 3},
      {"the focus ring on a button", p.focus_ring, p.button, 3},
  };
  for (uint32_t land : p.land_fills) {
    pairs.push_back({"a 시군구 label on the land", p.sigungu_label, land, 4.5});
    pairs.push_back({"a 읍면동 label on the land", p.emd_label, land, 4.5});
    pairs.push_back({"a marker's edge on the land", p.marker_outline, land, 3});
    pairs.push_back({"the focus ring on the land", p.focus_ring, land, 3});
  }
  return pairs;
}

}  // namespace bokji::web
