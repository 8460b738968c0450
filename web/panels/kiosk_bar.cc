// The kiosk's bar along the bottom of the screen (UiMode::kKiosk only), always visible whatever
// else is open: "처음으로" (start over: the same full reset as the idle timer, web/kiosk.js), 글자
// 크게 (the text size, 100 → 150 → 200 → 100 %) and 고대비 (high contrast on or off). The bar only
// changes AppState::appearance; the theme follows it elsewhere.
#include <cstdio>
#include <string>

#include "imgui_internal.h"  // BringWindowToDisplayFront: the bar stays on top

#include "web/model/format.h"
#include "web/panels/panels.h"
#include "web/platform.h"
#include "web/ui.h"

namespace bokji::web {
namespace {

// The next text size after `percent`: 100 → 150 → 200 → 100.
int NextTextPercent(int percent) {
  if (percent < 150) return 150;
  if (percent < 200) return 200;
  return 100;
}

class KioskBar final : public Panel {
 public:
  const char* name() const override { return "kiosk_bar"; }

  void Draw(PanelContext& ctx) override {
    if (ctx.config.mode != UiMode::kKiosk) return;
    const Rect place = ctx.layout.KioskBarRect();
    const Theme& theme = ctx.theme;
    const float margin = theme.Scaled(Layout::kMargin);
    ImGui::SetNextWindowPos(ImVec2(place.x0, place.y0));
    ImGui::SetNextWindowSize(ImVec2(place.width(), place.height()));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(margin, margin));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
    ImGui::Begin("##kiosk_bar", nullptr,
                 kPanelFlags | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoFocusOnAppearing |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    // Over every panel: drawn last, and the others never come to front over it.
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float height = place.height() - 2 * margin;
    const float width = ImGui::GetContentRegionAvail().x;
    const float start_width = width * 0.4f;
    const float other_width = (width - start_width - 2 * spacing) / 2;

    Appearance& appearance = ctx.state.appearance;
    if (Mirrored(ctx,
                 AccentButton(theme, Text(StringId::kKioskStartOver), ImVec2(start_width, height)),
                 "kiosk_start_over", Text(StringId::kKioskStartOver)))
      RequestStartOver();
    ctx.rects.Note("kiosk_start_over");
    ImGui::SameLine();
    const std::string size_label =
        Format(Text(StringId::kKioskTextSizeFormat), appearance.text_percent);
    if (Mirrored(ctx, ImGui::Button(size_label.c_str(), ImVec2(other_width, height)),
                 "kiosk_text_size", size_label))
      appearance.text_percent = NextTextPercent(appearance.text_percent);
    ctx.rects.Note("kiosk_text_size");
    ImGui::SameLine();
    char contrast_label[96];
    std::snprintf(contrast_label, sizeof(contrast_label), Text(StringId::kKioskHighContrastFormat),
                  Text(appearance.high_contrast ? StringId::kKioskOn : StringId::kKioskOff));
    const bool pressed = appearance.high_contrast
                             ? AccentButton(theme, contrast_label, ImVec2(other_width, height))
                             : ImGui::Button(contrast_label, ImVec2(other_width, height));
    if (Mirrored(ctx, pressed, "kiosk_high_contrast", contrast_label, appearance.high_contrast))
      appearance.high_contrast = !appearance.high_contrast;
    ctx.rects.Note("kiosk_high_contrast");
    ImGui::End();
    ImGui::PopStyleVar(2);
  }

  void Debug(PanelContext& ctx, nlohmann::json& out) const override {
    out["appearance"] = {{"text_percent", ctx.state.appearance.text_percent},
                         {"high_contrast", ctx.state.appearance.high_contrast}};
    out["theme"] = {{"ui_scale", ctx.theme.ui_scale},
                    {"body_font_px", ctx.theme.Scaled(ctx.theme.font_size)},
                    {"frame_height", ImGui::GetFrameHeight()}};
  }
};

}  // namespace

BOKJI_PANEL_MAKER(KioskBar)

}  // namespace bokji::web
