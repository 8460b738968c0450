// The + and − buttons over the map, at the bottom right of the part no panel covers (above the
// attribution). On a phone they give way to an open card, and to the sheet when the header (200 %
// text) leaves no map above it.
#include <algorithm>

#include "web/panels/panels.h"
#include "web/ui.h"

namespace bokji::web {
namespace {

class ZoomButtons final : public Panel {
 public:
  const char* name() const override { return "zoom"; }

  void Draw(PanelContext& ctx) override {
    const Layout& layout = ctx.layout;
    if (layout.narrow &&
        (ctx.state.view != View::kMap || !std::holds_alternative<NoCard>(ctx.state.card)))
      return;  // the card's (or the programs view's) room
    const Theme& theme = ctx.theme;
    const float button = std::max(theme.Scaled(40), theme.min_target_height);
    const float margin = theme.Scaled(12);
    const float bottom_reserve = theme.Scaled(28);  // the attribution line
    const Rect area = layout.MapArea(/*card_open=*/false);
    // A phone at large text may leave too little map between the header and the sheet: then
    // fingers (pinch, double tap) and the keys zoom, and no button lies over the sheet.
    const float column = 2 * button + 3 * 4 + margin + bottom_reserve;
    if (layout.narrow && layout.measured.sheet_top - layout.measured.header_bottom < column) return;
    ImGui::SetNextWindowPos(ImVec2(area.x1 - margin, area.y1 - margin - bottom_reserve),
                            ImGuiCond_Always, ImVec2(1, 1));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(4, 4));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(4, 4));
    ImGui::Begin("##zoom", nullptr, kPanelFlags | ImGuiWindowFlags_AlwaysAutoResize);
    const ImU32 icon = theme.text;
    const float half = button * 0.22f, thick = theme.Scaled(2.2f);
    auto icon_button = [&](const char* id, StringId tooltip, bool plus) {
      const bool pressed = ImGui::Button(id, ImVec2(button, button));
      const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
      const ImVec2 c((lo.x + hi.x) / 2, (lo.y + hi.y) / 2);
      ImDrawList* dl = ImGui::GetWindowDrawList();
      dl->AddLine(ImVec2(c.x - half, c.y), ImVec2(c.x + half, c.y), icon, thick);
      if (plus) dl->AddLine(ImVec2(c.x, c.y - half), ImVec2(c.x, c.y + half), icon, thick);
      if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal))
        ImGui::SetTooltip("%s", Text(tooltip));
      return pressed;
    };
    if (Mirrored(ctx, icon_button("##in", StringId::kZoomIn, true), "zoom_in",
                 Text(StringId::kZoomIn)))
      ctx.state.camera = CameraRequest::ZoomBy(1);
    ctx.rects.Note("zoom_in");
    if (Mirrored(ctx, icon_button("##out", StringId::kZoomOut, false), "zoom_out",
                 Text(StringId::kZoomOut)))
      ctx.state.camera = CameraRequest::ZoomBy(-1);
    ctx.rects.Note("zoom_out");
    ImGui::End();
    ImGui::PopStyleVar(2);
  }
};

}  // namespace

BOKJI_PANEL_MAKER(ZoomButtons)

}  // namespace bokji::web
