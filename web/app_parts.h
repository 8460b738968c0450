// Small drawing helpers shared by the App's source files (app.cc, app_map.cc, app_panels.cc,
// app_search.cc) and the programs view (programs_panel.cc). Not part of the App's interface.
#pragma once

#include <emscripten.h>

#include <string>
#include <vector>

#include "core/model.h"
#include "imgui.h"
#include "web/format.h"
#include "web/strings.h"
#include "web/theme.h"

namespace bokji::web {

// Text with a light halo, readable over any part of the map.
inline void DrawHaloText(ImDrawList* draw_list, ImFont* font, float size, ImVec2 position,
                         ImU32 color, ImU32 halo, const char* text) {
  static constexpr float kOffsets[8][2] = {{-1, -1}, {0, -1}, {1, -1}, {-1, 0},
                                           {1, 0},   {-1, 1}, {0, 1},  {1, 1}};
  for (const auto& offset : kOffsets)
    draw_list->AddText(font, size, ImVec2(position.x + offset[0], position.y + offset[1]), halo,
                       text);
  draw_list->AddText(font, size, position, color, text);
}

inline bool Overlaps(const ImVec4& a, const ImVec4& b) {
  return a.x < b.z && b.x < a.z && a.y < b.w && b.y < a.w;
}

// A label's box (x0, y0, x1, y1) if it is free of every placed box; then it is placed.
inline bool TryPlace(std::vector<ImVec4>* placed, const ImVec4& box) {
  for (const ImVec4& other : *placed)
    if (Overlaps(box, other)) return false;
  placed->push_back(box);
  return true;
}

// A primary action: a button in the theme's accent colour.
inline bool AccentButton(const Theme& theme, const char* label, ImVec2 size = ImVec2(0, 0)) {
  const ImVec4 accent = ImGui::ColorConvertU32ToFloat4(theme.accent);
  ImGui::PushStyleColor(ImGuiCol_Button, accent);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered,
                        ImVec4(accent.x * 0.85f, accent.y * 0.85f, accent.z * 0.85f, 1));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive,
                        ImVec4(accent.x * 0.7f, accent.y * 0.7f, accent.z * 0.7f, 1));
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme.accent_text));
  const bool pressed = ImGui::Button(label, size);
  ImGui::PopStyleColor(4);
  return pressed;
}

// Where a record came from and how old it is, in muted wrapped lines: its source's name and data
// date, then `date` (when not 0) in `date_format` (a StringId with one %s).
inline void DrawSourceLines(const Dataset& data, uint16_t source, StringId date_format, Date date) {
  ImGui::PushTextWrapPos(0);
  if (source < data.sources.size()) {
    ImGui::TextDisabled("%s: %s", Text(StringId::kCardSource), data.sources[source].name.c_str());
    const std::string source_date = FormatDate(data.sources[source].data_date);
    ImGui::TextDisabled(Text(StringId::kCardSourceDateFormat), source_date.c_str());
  }
  if (date != 0) {
    const std::string formatted = FormatDate(date);
    ImGui::TextDisabled(Text(date_format), formatted.c_str());
  }
  ImGui::PopTextWrapPos();
}

// Where a card sits, before its ImGui::Begin: a bottom sheet of at most `sheet_height` (a fraction
// of the screen) on a phone, else a column of `width` (unscaled px) at the top right.
inline void PlaceCard(const Theme& theme, ImVec2 screen, bool narrow, float width,
                      float sheet_height) {
  const float margin = theme.Scaled(10);
  if (narrow) {
    ImGui::SetNextWindowPos(ImVec2(margin, screen.y - margin), ImGuiCond_Always, ImVec2(0, 1));
    ImGui::SetNextWindowSizeConstraints(ImVec2(screen.x - 2 * margin, 0),
                                        ImVec2(screen.x - 2 * margin, screen.y * sheet_height));
  } else {
    ImGui::SetNextWindowPos(ImVec2(screen.x - margin, margin), ImGuiCond_Always, ImVec2(1, 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(theme.Scaled(width), 0),
                                        ImVec2(theme.Scaled(width), screen.y - 2 * margin));
  }
}

// Milliseconds on the page's monotonic clock (performance.now()).
inline double NowMs() {
  return emscripten_get_now();
}

// Panels sit where the layout puts them: no title bar, no moving or resizing by hand.
inline constexpr ImGuiWindowFlags kPanelFlags =
    ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar;

}  // namespace bokji::web
