#include "web/theme.h"

#include <algorithm>
#include <cmath>

namespace bokji::web {

namespace {

void ApplyPalette(const Palette& p, Theme* t) {
  t->text = p.text;
  t->text_muted = p.text_muted;
  t->panel_background = p.panel_background;
  t->panel_border = p.panel_border;
  t->button = p.button;
  t->frame = p.frame;
  t->accent = p.accent;
  t->accent_text = p.accent_text;
  t->open_now = p.open_now;
  t->closed_now = p.closed_now;
  t->caution = p.caution;
  t->focus_ring = p.focus_ring;
  t->focus_halo = p.focus_halo;
  t->cluster = p.cluster;
  t->cluster_text = p.cluster_text;
  t->marker_outline = p.marker_outline;
  t->sigungu_label = p.sigungu_label;
  t->emd_label = p.emd_label;
  t->label_halo = p.label_halo;
  t->land_fills = p.land_fills;
  t->category_colors = p.category_colors;
}

}  // namespace

const Theme& DefaultTheme() {
  static const Theme kTheme = ThemeFor(Appearance{}, UiMode::kCitizen);
  return kTheme;
}

Theme ThemeFor(const Appearance& look, UiMode mode, bool touch_screen) {
  Theme theme;
  ApplyPalette(PaletteFor(look.high_contrast), &theme);
  theme.high_contrast = look.high_contrast;
  const float kiosk_base = mode == UiMode::kKiosk ? 1.5f : 1.0f;
  theme.ui_scale =
      kiosk_base * static_cast<float>(std::clamp(look.text_percent, 100, 200)) / 100.0f;
  if (mode == UiMode::kKiosk)
    theme.min_target_height = 60;
  else if (touch_screen)
    theme.min_target_height = 44;
  if (look.high_contrast) {
    theme.province_line = IM_COL32(0, 0, 0, 255);
    theme.sigungu_line = IM_COL32(40, 40, 40, 255);
    theme.emd_line = IM_COL32(110, 110, 110, 255);
    theme.stale_warning = IM_COL32(0, 0, 0, 255);
    theme.area_badge_background = IM_COL32(255, 255, 255, 255);
    theme.area_badge_text = IM_COL32(0, 0, 0, 255);
  }
  return theme;
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
  style->WindowBorderSize = theme.high_contrast ? 2 : 1;
  style->FrameBorderSize = theme.high_contrast ? 1 : 0;
  style->TouchExtraPadding = ImVec2(2, 2);
  style->ScaleAllSizes(theme.ui_scale);
  style->FramePadding.y = theme.TargetFramePaddingY(style->FramePadding.y);
  // Rows taller than their text (touch targets) keep it in their middle.
  if (theme.min_target_height > 0) style->SelectableTextAlign.y = 0.5f;

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
  const ImVec4 button = ImGui::ColorConvertU32ToFloat4(theme.button);
  colors[ImGuiCol_Button] = button;
  colors[ImGuiCol_ButtonHovered] = ImVec4(button.x * 0.92f, button.y * 0.94f, button.z * 0.96f, 1);
  colors[ImGuiCol_ButtonActive] = ImVec4(button.x * 0.85f, button.y * 0.88f, button.z * 0.92f, 1);
  colors[ImGuiCol_FrameBg] = ImGui::ColorConvertU32ToFloat4(theme.frame);
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
