// The facilities at one spot (one address, or too close to ever split): a list to choose from.
#include "web/model/format.h"
#include "web/panels/panels.h"
#include "web/ui.h"

namespace bokji::web {
namespace {

class SpotCardPanel final : public Panel {
 public:
  const char* name() const override { return "spot_card"; }

  void Draw(PanelContext& ctx) override {
    const SpotCard* card = CardAs<SpotCard>(ctx.state);
    if (card == nullptr || !CardShows(ctx)) return;
    BeginCard(ctx, "##chooser", 380);
    // What this list is: the facilities at one spot (one building, one address), to pick one.
    const std::string heading =
        Format(Text(StringId::kSpotHeadingFormat), static_cast<int>(card->facilities.size()));
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", heading.c_str());
    ImGui::PopTextWrapPos();
    ctx.mirror.Begin(MirrorRole::kDialog, heading, "chooser");
    ctx.mirror.Heading(2, heading);
    ctx.mirror.Begin(MirrorRole::kList, heading);
    int chosen = -1;
    for (size_t i = 0; i < card->facilities.size(); ++i) {
      const uint32_t id = card->facilities[i];
      const Facility& f = ctx.catalog.data.facilities[id];
      ImGui::PushID(static_cast<int>(id));
      ctx.mirror.Begin(MirrorRole::kListItem, {});
      if (Mirrored(ctx, ImGui::Selectable(f.name.c_str(), false, 0, TargetRow(ctx.theme)),
                   "spot:" + std::to_string(id), f.name, std::nullopt, CategoryLabel(f.category)))
        chosen = static_cast<int>(id);
      ctx.rects.Note("spot_" + std::to_string(i));
      ctx.mirror.End();
      ImGui::SameLine();
      ImGui::TextDisabled("%s", CategoryLabel(f.category));
      ImGui::PopID();
    }
    ctx.mirror.End();
    const bool close = Mirrored(ctx, ImGui::Button(Text(StringId::kCardClose)), "chooser_close",
                                Text(StringId::kCardClose));
    ctx.rects.Note("chooser_close");
    ctx.mirror.End();
    EndCard(ctx);
    if (close) ctx.state.card = NoCard{};
    if (chosen >= 0) {
      ctx.state.card = FacilityCard{static_cast<uint32_t>(chosen)};
      ctx.state.camera = CameraRequest::ShowFacility(static_cast<uint32_t>(chosen));
    }
  }

  void Debug(PanelContext& ctx, nlohmann::json& out) const override {
    const SpotCard* card = CardAs<SpotCard>(ctx.state);
    out["chooser"] = card != nullptr ? static_cast<int>(card->facilities.size()) : 0;
    nlohmann::json names = nlohmann::json::array();
    if (card != nullptr)
      for (uint32_t id : card->facilities) names.push_back(ctx.catalog.data.facilities[id].name);
    out["chooser_names"] = std::move(names);
  }
};

}  // namespace

BOKJI_PANEL_MAKER(SpotCardPanel)

}  // namespace bokji::web
