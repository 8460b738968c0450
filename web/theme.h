// The theme: UI scale, sizes and colours in one place. Kiosk mode, high-contrast or an embedded
// (iframe) look are other Theme values, not code changes.
//
//   Theme theme = DefaultTheme();
//   theme.ui_scale = 1.4f;                 // a kiosk's larger text and touch targets
//   ApplyImGuiStyle(theme, &ImGui::GetStyle());
//   draw_list->AddCircleFilled(p, theme.Scaled(theme.marker_radius), theme.category_colors[index]);
#pragma once

#include <algorithm>
#include <array>
#include <cmath>

#include "core/model.h"
#include "imgui.h"
#include "web/model/app_state.h"
#include "web/model/palette.h"

namespace bokji::web {

struct Theme {
  // Multiplies every size below (text, padding, markers, line widths). DEFAULT: 1.
  float ui_scale = 1.0f;
  float font_size = 17.0f;        // CSS pixels at ui_scale 1
  float small_font_size = 13.5f;  // map labels and fine print
  float large_font_size = 21.0f;  // headings (a facility's name on its card)
  // Text is rasterised at the screen's pixel ratio up to this; beyond it (3× phones) glyphs are
  // scaled up a little instead, which halves the font atlas (16 MB of RGBA at 2× rather than 32 MB
  // at 3×).
  float max_font_pixel_ratio = 2.0f;
  // The smallest side of a target (button, field, check box row, list row, menu item), in CSS
  // pixels (not scaled): frame paddings grow to reach it in height (a check box's square and an
  // arrow button are as wide as tall), TargetRowHeight below gives rows, icon buttons take it as
  // their width. 0: as the paddings give (DEFAULT: a mouse, where they give 24 or more). A
  // kiosk's touch targets are 60 (KWCAG, 2025 고시); any other touch screen's 44 (WCAG 2.5.5,
  // issue 11; tests/browser/targets.test.mjs measures every item).
  float min_target_height = 0;

  // UI colours.
  ImU32 text = IM_COL32(30, 34, 40, 255);
  ImU32 text_muted = IM_COL32(95, 102, 112, 255);
  ImU32 panel_background = IM_COL32(255, 255, 255, 255);  // opaque: no map through the text
  ImU32 panel_border = IM_COL32(0, 0, 0, 40);
  ImU32 accent = IM_COL32(0, 102, 204, 255);  // buttons and links
  ImU32 accent_text = IM_COL32(255, 255, 255, 255);
  ImU32 button = IM_COL32(235, 237, 242, 255);      // a plain button's face
  ImU32 frame = IM_COL32(240, 242, 245, 255);       // a text field's and a check box's face
  bool high_contrast = false;                       // thicker borders too
  ImU32 caution = IM_COL32(179, 46, 13, 255);       // "a match is never a promise" (6.0:1 on white)
  ImU32 open_now = IM_COL32(22, 128, 61, 255);      // "지금 운영 중" (green, 5.0:1 on white)
  ImU32 closed_now = IM_COL32(180, 35, 24, 255);    // "운영 시간 아님" (red, 6.6:1 on white)
  ImU32 focus_ring = IM_COL32(0, 70, 160, 255);     // the keyboard's focus, around a control
  ImU32 focus_halo = IM_COL32(255, 255, 255, 255);  // outside the ring, for dark backgrounds
  ImU32 help_button = IM_COL32(180, 35, 24, 255);   // "도움 요청": white text on it 6.6:1
  ImU32 stale_warning = IM_COL32(150, 75, 0, 255);  // data over two years old (6.1:1 on white)
  // Counts of facilities placed by address, on their area: a white tag edged in the category's
  // colour (a rectangle, never a marker's circle).
  ImU32 area_badge_background = IM_COL32(255, 255, 255, 235);
  ImU32 area_badge_text = IM_COL32(30, 34, 40, 255);
  ImU32 result_highlight =
      IM_COL32(255, 196, 0, 255);  // a facility hovered in the list, on the map
  ImU32 education_marker = IM_COL32(200, 60, 140, 255);  // welfare education (diamonds)
  ImU32 cluster = IM_COL32(40, 48, 60, 255);  // bubbles of several facilities: no category's hue
  ImU32 cluster_text = IM_COL32(255, 255, 255, 255);

  // Basemap.
  // Outside the bundle's regions: sea and neighbouring provinces alike (the bundle cannot tell them
  // apart), so a neutral grey rather than a sea blue.
  ImU32 map_background = IM_COL32(221, 224, 227, 255);
  // Fills of 시군구 (or the province when there are none), cycled by region: gentle tints that tell
  // neighbours apart without competing with markers.
  std::array<ImU32, 4> land_fills = {IM_COL32(246, 243, 234, 255), IM_COL32(240, 240, 228, 255),
                                     IM_COL32(244, 238, 228, 255), IM_COL32(238, 242, 232, 255)};
  ImU32 province_line = IM_COL32(92, 98, 110, 255);
  ImU32 sigungu_line = IM_COL32(128, 132, 142, 255);
  ImU32 emd_line = IM_COL32(170, 172, 178, 255);
  float province_line_width = 2.4f;  // CSS pixels
  float sigungu_line_width = 1.4f;
  float emd_line_width = 0.8f;

  // Labels.
  ImU32 sigungu_label = IM_COL32(55, 60, 70, 255);
  ImU32 emd_label = IM_COL32(105, 110, 120, 255);
  ImU32 label_halo = IM_COL32(255, 255, 255, 210);

  // Markers, indexed by FacilityCategory: distinct hues, readable on the land fills.
  std::array<ImU32, kFacilityCategoryCount> category_colors = {
      IM_COL32(217, 95, 2, 255),     // 노인
      IM_COL32(31, 120, 180, 255),   // 장애인
      IM_COL32(230, 171, 2, 255),    // 아동
      IM_COL32(102, 166, 30, 255),   // 청소년
      IM_COL32(231, 41, 138, 255),   // 여성·가족
      IM_COL32(240, 110, 95, 255),   // 한부모
      IM_COL32(141, 110, 99, 255),   // 노숙인
      IM_COL32(27, 158, 119, 255),   // 정신건강
      IM_COL32(106, 61, 154, 255),   // 종합사회복지관
      IM_COL32(80, 80, 80, 255),     // 행정복지센터
      IM_COL32(215, 48, 39, 255),    // 의료
      IM_COL32(35, 110, 60, 255),    // 약국
      IM_COL32(150, 150, 150, 255),  // 기타
      IM_COL32(178, 24, 43, 255),    // 공공보건 (a darker red beside 의료)
      IM_COL32(166, 86, 40, 255),    // 경로당 (a brown of the 노인 orange)
      IM_COL32(253, 141, 60, 255),   // 노인돌봄 (a lighter 노인 orange)
      IM_COL32(117, 107, 177, 255),  // 치매
  };
  ImU32 marker_outline = IM_COL32(255, 255, 255, 255);
  ImU32 marker_selected_ring = IM_COL32(20, 20, 20, 255);
  float marker_radius = 7.0f;
  // How far from a marker a click or tap still selects it, in CSS pixels (touch needs more).
  float marker_hit_radius_mouse = 10.0f;
  float marker_hit_radius_touch = 22.0f;

  float Scaled(float size) const { return size * ui_scale; }
  // A frame's vertical padding: `padding` (CSS px, already scaled), raised so that a one-line
  // button or field reaches min_target_height (rounded up to whole pixels, never a fraction short).
  float TargetFramePaddingY(float padding) const {
    if (min_target_height <= 0) return padding;
    return std::max(padding, std::ceil((min_target_height - Scaled(font_size)) / 2));
  }
  // The height to give a Selectable row whose content is `content` tall so that with ImGui's item
  // spacing (which a Selectable's hit box includes) it is min_target_height tall.
  float TargetRowHeight(float content, float item_spacing_y) const {
    return std::max(content, min_target_height - item_spacing_y);
  }
  ImU32 CategoryColor(FacilityCategory category) const {
    const auto index = static_cast<size_t>(category);
    return index < category_colors.size() ? category_colors[index] : category_colors.back();
  }
};

// The normal look at 100 % (web/model/palette.h's colours).
const Theme& DefaultTheme();
// The look for a person's choice and the deployment: text and targets scaled by
// `look.text_percent` (on a kiosk on top of its own larger base: body text 25.5 CSS px, every
// button and field at least 60 CSS px tall), the high-contrast palette when asked for. On a
// `touch_screen` (platform.h TouchScreen) outside kiosks every target is at least 44 CSS px.
Theme ThemeFor(const Appearance& look, UiMode mode, bool touch_screen = false);

// Sets ImGui's paddings, roundings and colours from `theme` (sizes in CSS pixels times ui_scale).
void ApplyImGuiStyle(const Theme& theme, ImGuiStyle* style);

// 0xAABBGGRR (ImGui's packing) as four floats 0..1, for shader uniforms.
std::array<float, 4> ToFloat4(ImU32 color);

}  // namespace bokji::web
