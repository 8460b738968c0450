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
    if (!BeginFacilityCard(ctx, f, "##approximate_card", "approximate_card", /*by_address=*/true))
      return;
    Mirror& mirror = ctx.mirror;
    // Where it is, as far as the data knows: its area, by its address.
    const int area = AreaAt(catalog, card->facility, /*emd_level=*/true);
    const std::string where = area >= 0 ? FormatText(Text(StringId::kApproxCardAreaFormat),
                                                     AreaName(catalog, area).c_str())
                                        : std::string(Text(StringId::kApproxRowTag));
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme.accent), "%s", where.c_str());
    ImGui::TextDisabled("%s", Text(StringId::kApproxCardNote));
    mirror.Text(where);
    mirror.Text(Text(StringId::kApproxCardNote));
    ImGui::Separator();
    DataField(ctx, Text(StringId::kCardAddress), AddressOf(f));
    ImGui::PopTextWrapPos();

    // Actions: a call, and the address searched in the two map services (in a kiosk, QR codes).
    ImGui::Spacing();
    const float full = ImGui::GetContentRegionAvail().x;
    const std::string tel = TelUrl(f.phone);
    PhoneOrNumber(ctx, f.phone, "call", /*accent=*/true);
    if (ctx.config.mode == UiMode::kKiosk) {
      ImGui::Spacing();
      QrCode(ctx, KakaoAddressSearchUrl(f), Text(StringId::kCardSearchKakao), "qr:search");
      mirror.Text(std::string(Text(StringId::kQrScanHint)) + ": " +
                  Text(StringId::kCardSearchKakao));
    } else {
      LinkOrQr(ctx, Text(StringId::kCardSearchKakao), KakaoAddressSearchUrl(f), "", "search_kakao",
               ImVec2(full, 0));
      ctx.rects.Note("search_kakao");
      LinkOrQr(ctx, Text(StringId::kCardSearchNaver), NaverAddressSearchUrl(f), "", "search_naver",
               ImVec2(full, 0));
      ctx.rects.Note("search_naver");
    }
    ImGui::Spacing();
    ImGui::Separator();

    ImGui::PushTextWrapPos(0);
    if (!f.road_address.empty()) Field(ctx, StringId::kCardLotAddress, f.lot_address);
    if (f.targets != 0) Field(ctx, StringId::kCardTargets, TargetListText(f.targets));
    Field(ctx, StringId::kCardOperator, f.operator_name);
    if (tel.empty()) {  // a number the button could not use, or none
      if (f.phone.empty()) mirror.Text(Text(StringId::kMirrorNoPhone));
      Field(ctx, StringId::kCardPhone, f.phone);
    }
    ImGui::PopTextWrapPos();

    ImGui::Spacing();
    DrawFreshnessNote(ctx, FactsDate(catalog.data, f));
    DrawSourceLines(catalog.data, f.source, StringId::kCardVerifiedFormat, f.verified);
    if (Mirrored(ctx,
                 ImGui::Button(Text(StringId::kReportWrongInfo),
                               ImVec2(ImGui::GetContentRegionAvail().x, 0)),
                 "wrong_info", Text(StringId::kReportWrongInfo)))
      OpenCorrectionForm("facility", f.source_key, f.name);
    ctx.rects.Note("wrong_info");
    if (f.source < catalog.data.sources.size())
      mirror.Text(std::string(Text(StringId::kCardSource)) + ": " +
                  catalog.data.sources[f.source].name);
    mirror.End();
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
  // A facility's optional facts show only when the data has them.
  static void Field(PanelContext& ctx, StringId label, const std::string& value) {
    if (value.empty()) return;
    ImGui::TextDisabled("%s", Text(label));
    ImGui::TextUnformatted(value.c_str());
    ctx.mirror.Text(std::string(Text(label)) + ": " + value);
  }
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
