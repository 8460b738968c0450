// Short notices over the top of the map when the network is gone (every mode): raster tiles that
// fail are replaced by the vector basemap ("지도 이미지를 받지 못해 기본 지도로 보여 드립니다"),
// and an "offline" line while the app runs on the service worker's copies of its files. The map
// and every panel keep working underneath; the notices take no input.
#include <algorithm>

#include "web/panels/panels.h"
#include "web/ui.h"

namespace bokji::web {
namespace {

class NoticesPanel final : public Panel {
 public:
  const char* name() const override { return "notices"; }

  void Draw(PanelContext& ctx) override {
    if (!ctx.tiles_fell_back && !ctx.served_offline) return;
    const Rect map = ctx.layout.MapArea(/*card_open=*/false);
    const float margin = ctx.theme.Scaled(Layout::kMargin);
    ImGui::SetNextWindowPos(ImVec2((map.x0 + map.x1) / 2, map.y0 + margin), ImGuiCond_Always,
                            ImVec2(0.5f, 0));
    ImGui::SetNextWindowSizeConstraints(
        ImVec2(0, 0), ImVec2(std::max(map.width() - 2 * margin, 200.0f), FLT_MAX));
    ImGui::Begin("##notices", nullptr,
                 kPanelFlags | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoInputs |
                     ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::PushTextWrapPos(std::max(map.width() - 4 * margin, 160.0f));
    if (ctx.served_offline) {
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ctx.theme.closed_now), "%s",
                         Text(StringId::kOfflineIndicator));
      ctx.rects.Note("notice_offline");
    }
    if (ctx.tiles_fell_back) {
      ImGui::TextUnformatted(Text(StringId::kTilesFailedNotice));
      ctx.rects.Note("notice_tiles");
    }
    ImGui::PopTextWrapPos();
    ImGui::End();
  }

  void Debug(PanelContext& ctx, nlohmann::json& out) const override {
    out["notices"] = {{"offline", ctx.served_offline}, {"tiles", ctx.tiles_fell_back}};
  }
};

}  // namespace

BOKJI_PANEL_MAKER(NoticesPanel)

}  // namespace bokji::web
