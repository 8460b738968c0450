#include "web/theme.h"

#include <algorithm>
#include <cmath>

namespace bokji::web {

const Theme& DefaultTheme() {
  static const Theme kTheme;
  return kTheme;
}

const Theme& KioskTheme() {
  static const Theme kTheme = [] {
    Theme theme;
    theme.ui_scale = 1.5f;
    theme.min_target_height = 60;
    return theme;
  }();
  return kTheme;
}

void ApplyImGuiStyle(const Theme& theme, ImGuiStyle* style) {
  *style = ImGuiStyle();
  ImGui::StyleColorsLight(style);
  style->WindowPadding = ImVec2(14, 12);
  style->FramePadding = ImVec2(10, 6);
  style->ItemSpacing = ImVec2(8, 7);
  style->ItemInnerSpacing = ImVec2(6, 4);
  style->WindowRounding = 10;
  style->FrameRounding = 6;
  style->ChildRounding = 6;
  style->PopupRounding = 6;
  style->ScrollbarSize = 12;
  style->ScrollbarRounding = 6;
  style->WindowBorderSize = 1;
  style->FrameBorderSize = 0;
  style->TouchExtraPadding = ImVec2(2, 2);
  style->ScaleAllSizes(theme.ui_scale);
  if (theme.min_target_height > 0) {
    // Rounded up to whole pixels so the frame is never a fraction short.
    const float pad = std::ceil((theme.min_target_height - theme.Scaled(theme.font_size)) / 2);
    style->FramePadding.y = std::max(style->FramePadding.y, pad);
  }

  ImVec4* colors = style->Colors;
  const ImVec4 text = ImGui::ColorConvertU32ToFloat4(theme.text);
  const ImVec4 accent = ImGui::ColorConvertU32ToFloat4(theme.accent);
  colors[ImGuiCol_Text] = text;
  colors[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(theme.text_muted);
  colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(theme.panel_background);
  colors[ImGuiCol_PopupBg] = ImGui::ColorConvertU32ToFloat4(theme.panel_background);
  colors[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(theme.panel_border);
  // Plain buttons are light; primary actions push theme.accent themselves (see AccentButton in
  // app.cc).
  colors[ImGuiCol_Button] = ImVec4(0.92f, 0.93f, 0.95f, 1);
  colors[ImGuiCol_ButtonHovered] = ImVec4(0.85f, 0.88f, 0.92f, 1);
  colors[ImGuiCol_ButtonActive] = ImVec4(0.78f, 0.82f, 0.88f, 1);
  colors[ImGuiCol_FrameBg] = ImVec4(0.94f, 0.95f, 0.96f, 1);
  colors[ImGuiCol_TitleBg] = ImVec4(0.95f, 0.96f, 0.97f, 1);
  colors[ImGuiCol_TitleBgActive] = ImVec4(0.93f, 0.95f, 0.97f, 1);
  colors[ImGuiCol_Header] = ImVec4(accent.x, accent.y, accent.z, 0.12f);
  colors[ImGuiCol_HeaderHovered] = ImVec4(accent.x, accent.y, accent.z, 0.2f);
  colors[ImGuiCol_HeaderActive] = ImVec4(accent.x, accent.y, accent.z, 0.3f);
  colors[ImGuiCol_CheckMark] = accent;
  colors[ImGuiCol_Separator] = ImVec4(0, 0, 0, 0.12f);
}

std::array<float, 4> ToFloat4(ImU32 color) {
  const ImVec4 c = ImGui::ColorConvertU32ToFloat4(color);
  return {c.x, c.y, c.z, c.w};
}

}  // namespace bokji::web
