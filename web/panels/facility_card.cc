// A facility's card: category and name, open now (when its hours are understood), address, a call
// button, Kakao and Naver directions, a link to this card, its area's welfare programs, the rest of
// its facts, and where they came from.
#include <cstdio>
#include <string>

#include "web/model/approximate.h"
#include "web/model/finding.h"
#include "web/model/format.h"
#include "web/panels/panels.h"
#include "web/platform.h"
#include "web/ui.h"

namespace bokji::web {
namespace {

class FacilityCardPanel final : public Panel {
 public:
  const char* name() const override { return "facility_card"; }

  void Draw(PanelContext& ctx) override {
    FacilityCard* card = std::get_if<FacilityCard>(&ctx.state.card);
    if (card == nullptr || !CardShows(ctx)) return;
    const Theme& theme = ctx.theme;
    const Facility& f = ctx.catalog.data.facilities[card->facility];
    BeginCard(ctx, "##card", 380);

    // Category, then the name in the category's colour.
    ImGui::PushStyleColor(ImGuiCol_Text,
                          ImGui::ColorConvertU32ToFloat4(theme.CategoryColor(f.category)));
    ImGui::TextUnformatted(CategoryLabel(f.category));
    ImGui::PopStyleColor();
    if (CardCloseButton(ctx, "card_close")) {
      ctx.state.card = NoCard{};
      EndCard(ctx);
      return;
    }
    ImGui::PushTextWrapPos(0);
    ImGui::PushFont(ctx.font.large());
    ImGui::TextUnformatted(f.name.c_str());
    ImGui::PopFont();
    switch (OpenStateOf(ctx.catalog, ctx.now.week, card->facility)) {  // only understood hours
      case OpenState::kOpen:
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme.open_now), "%s",
                           Text(StringId::kOpenNowBadge));
        break;
      case OpenState::kClosed:
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme.closed_now), "%s",
                           Text(StringId::kClosedNowBadge));
        break;
      case OpenState::kUnknown:
        break;
    }
    ImGui::Separator();
    Field(StringId::kCardAddress, AddressOf(f));
    ImGui::PopTextWrapPos();

    // Actions first: on a phone they must show without scrolling.
    ImGui::Spacing();
    const float full = ImGui::GetContentRegionAvail().x;
    const std::string tel = TelUrl(f.phone);
    if (!tel.empty()) {
      char label[160];
      std::snprintf(label, sizeof(label), "%s  %s", Text(StringId::kCardCall), f.phone.c_str());
      if (AccentButton(theme, label, ImVec2(full, 0))) OpenUrl(tel.c_str(), /*new_tab=*/false);
    }
    const float half = (full - ImGui::GetStyle().ItemSpacing.x) / 2;
    if (ImGui::Button(Text(StringId::kCardDirectionsKakao), ImVec2(half, 0)))
      OpenUrl(KakaoDirectionsUrl(f).c_str(), /*new_tab=*/true);
    ImGui::SameLine();
    if (ImGui::Button(Text(StringId::kCardDirectionsNaver), ImVec2(half, 0)))
      OpenUrl(NaverDirectionsUrl(f).c_str(), /*new_tab=*/true);
    // A link to this card: the page's address already holds the view and the card.
    const bool copied = card->link_copied_until_ms > ctx.now_ms;
    if (ImGui::Button(Text(copied ? StringId::kCardLinkCopied : StringId::kCardCopyLink),
                      ImVec2(full, 0))) {
      CopyToClipboard(CurrentPageUrl().c_str());
      card->link_copied_until_ms = ctx.now_ms + 2500;
      RequestFrames(2);
    }
    ctx.rects.Note("copy_link");
    if (copied) RequestFrames(1);  // to turn the label back when the time is up
    if (f.sigungu_code != 0) {
      if (ImGui::Button(Text(StringId::kFacilityCityPrograms), ImVec2(full, 0))) {
        ctx.state.view = View::kPrograms;
        ctx.state.programs.page = ProgramsPage::kList;
        ctx.state.programs.filter = ProgramFilter{};
        ctx.state.programs.filter.region = CityCodeOf(f.sigungu_code);
      }
      ctx.rects.Note("city_programs");
    }
    ImGui::Spacing();
    ImGui::Separator();

    ImGui::PushTextWrapPos(0);
    if (!f.road_address.empty()) Field(StringId::kCardLotAddress, f.lot_address);
    ImGui::TextDisabled("%s", Text(StringId::kCardHours));
    ImGui::TextUnformatted(f.hours.empty() ? Text(StringId::kNotStated) : f.hours.c_str());
    Field(StringId::kCardTargets, TargetListText(f.targets));
    Field(StringId::kCardOperator, f.operator_name);
    if (tel.empty()) Field(StringId::kCardPhone, f.phone);  // a number the button could not use
    ImGui::PopTextWrapPos();

    // Where this came from and how old it is.
    ImGui::Spacing();
    DrawFreshnessNote(ctx, FactsDate(ctx.catalog.data, f));
    DrawSourceLines(ctx.catalog.data, f.source, StringId::kCardVerifiedFormat, f.verified);
    EndCard(ctx);
  }

  void Debug(PanelContext& ctx, nlohmann::json& out) const override {
    const FacilityCard* card = CardAs<FacilityCard>(ctx.state);
    out["link_copied"] = card != nullptr && card->link_copied_until_ms > NowMs();
    out["card_stale"] =
        card != nullptr &&
        IsStale(ctx, FactsDate(ctx.catalog.data, ctx.catalog.data.facilities[card->facility]));
  }

 private:
  // A facility's optional facts show only when the data has them.
  static void Field(StringId label, const std::string& value) {
    if (value.empty()) return;
    ImGui::TextDisabled("%s", Text(label));
    ImGui::TextUnformatted(value.c_str());
  }
};

}  // namespace

BOKJI_PANEL_MAKER(FacilityCardPanel)

}  // namespace bokji::web
