// The card of a facility placed by address only (ApproximateCard): category and name, that its
// position is known only by its address and which area that is, the address, a call button,
// Kakao Map and Naver Map searches for the address (not directions to a coordinate: the only one
// the data has is its area's), the rest of its facts, how old they are, and where they came from.
#include <cstdio>
#include <string>

#include "web/model/approximate.h"
#include "web/model/format.h"
#include "web/panels/panels.h"
#include "web/platform.h"
#include "web/ui.h"

namespace bokji::web {
namespace {

class ApproximateCardPanel final : public Panel {
 public:
  const char* name() const override { return "approximate_card"; }

  void Draw(PanelContext& ctx) override {
    const ApproximateCard* card = CardAs<ApproximateCard>(ctx.state);
    if (card == nullptr || !CardShows(ctx)) return;
    const Theme& theme = ctx.theme;
    const Catalog& catalog = ctx.catalog;
    const Facility& f = catalog.approximate[card->facility];
    BeginCard(ctx, "##approximate_card", 380);

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
    // Where it is, as far as the data knows: its area, by its address.
    const int area = AreaAt(catalog, card->facility, /*emd_level=*/true);
    if (area >= 0) {
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme.accent),
                         Text(StringId::kApproxCardAreaFormat), AreaName(catalog, area).c_str());
    } else {
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme.accent), "%s",
                         Text(StringId::kApproxRowTag));
    }
    ImGui::TextDisabled("%s", Text(StringId::kApproxCardNote));
    ImGui::Separator();
    ImGui::TextDisabled("%s", Text(StringId::kCardAddress));
    ImGui::TextUnformatted(AddressOf(f).empty() ? Text(StringId::kNotStated)
                                                : AddressOf(f).c_str());
    ImGui::PopTextWrapPos();

    // Actions: a call, and the address searched in the two map services.
    ImGui::Spacing();
    const float full = ImGui::GetContentRegionAvail().x;
    const std::string tel = TelUrl(f.phone);
    if (!tel.empty()) {
      char label[160];
      std::snprintf(label, sizeof(label), "%s  %s", Text(StringId::kCardCall), f.phone.c_str());
      if (AccentButton(theme, label, ImVec2(full, 0))) OpenUrl(tel.c_str(), /*new_tab=*/false);
    }
    if (ImGui::Button(Text(StringId::kCardSearchKakao), ImVec2(full, 0)))
      OpenUrl(KakaoAddressSearchUrl(f).c_str(), /*new_tab=*/true);
    ctx.rects.Note("search_kakao");
    if (ImGui::Button(Text(StringId::kCardSearchNaver), ImVec2(full, 0)))
      OpenUrl(NaverAddressSearchUrl(f).c_str(), /*new_tab=*/true);
    ctx.rects.Note("search_naver");
    ImGui::Spacing();
    ImGui::Separator();

    ImGui::PushTextWrapPos(0);
    if (!f.road_address.empty() && !f.lot_address.empty()) {
      ImGui::TextDisabled("%s", Text(StringId::kCardLotAddress));
      ImGui::TextUnformatted(f.lot_address.c_str());
    }
    if (f.targets != 0) {
      ImGui::TextDisabled("%s", Text(StringId::kCardTargets));
      ImGui::TextUnformatted(TargetListText(f.targets).c_str());
    }
    if (!f.operator_name.empty()) {
      ImGui::TextDisabled("%s", Text(StringId::kCardOperator));
      ImGui::TextUnformatted(f.operator_name.c_str());
    }
    if (tel.empty() && !f.phone.empty()) {
      ImGui::TextDisabled("%s", Text(StringId::kCardPhone));
      ImGui::TextUnformatted(f.phone.c_str());
    }
    ImGui::PopTextWrapPos();

    ImGui::Spacing();
    DrawFreshnessNote(ctx, FactsDate(catalog.data, f));
    DrawSourceLines(catalog.data, f.source, StringId::kCardVerifiedFormat, f.verified);
    EndCard(ctx);
  }

  void Debug(PanelContext& ctx, nlohmann::json& out) const override {
    const ApproximateCard* card = CardAs<ApproximateCard>(ctx.state);
    if (card == nullptr) {
      out["approximate_card"] = nullptr;
      return;
    }
    const Facility& f = ctx.catalog.approximate[card->facility];
    const int area = AreaAt(ctx.catalog, card->facility, /*emd_level=*/true);
    out["approximate_card"] = {{"index", card->facility},
                               {"source_key", f.source_key},
                               {"name", f.name},
                               {"address", AddressOf(f)},
                               {"area", area >= 0 ? ctx.catalog.data.regions[area].code : 0},
                               {"kakao", KakaoAddressSearchUrl(f)},
                               {"naver", NaverAddressSearchUrl(f)},
                               {"stale", IsStale(ctx, FactsDate(ctx.catalog.data, f))}};
  }

 private:
  // "전주시 완산구 중앙동": the region's full name without the 도 it starts with.
  static std::string AreaName(const Catalog& catalog, int region) {
    const std::string& full = catalog.data.regions[region].full_name;
    const size_t space = full.find(' ');
    return space == std::string::npos ? full : full.substr(space + 1);
  }
};

}  // namespace

BOKJI_PANEL_MAKER(ApproximateCardPanel)

}  // namespace bokji::web
