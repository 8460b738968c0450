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
    if (!BeginFacilityCard(ctx, f, "##card", "facility_card", /*by_address=*/false)) return;
    Mirror& mirror = ctx.mirror;
    switch (OpenStateOf(ctx.catalog, ctx.now.week, card->facility)) {  // only understood hours
      case OpenState::kOpen:
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme.open_now), "%s",
                           Text(StringId::kOpenNowBadge));
        mirror.Text(Text(StringId::kOpenNowBadge));
        break;
      case OpenState::kClosed:
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme.closed_now), "%s",
                           Text(StringId::kClosedNowBadge));
        mirror.Text(Text(StringId::kClosedNowBadge));
        break;
      case OpenState::kUnknown:
        break;
    }
    ImGui::Separator();
    Field(ctx, StringId::kCardAddress, AddressOf(f));
    ImGui::PopTextWrapPos();

    // Actions first: on a phone they must show without scrolling.
    ImGui::Spacing();
    const float full = ImGui::GetContentRegionAvail().x;
    const std::string tel = TelUrl(f.phone);
    PhoneOrNumber(ctx, f.phone, "call", /*accent=*/true);
    const bool kiosk = ctx.config.mode == UiMode::kKiosk;
    const float half = (full - ImGui::GetStyle().ItemSpacing.x) / 2;
    if (kiosk) {
      // No link leaves a kiosk: directions and this card go to the citizen's phone as QR codes.
      ImGui::Spacing();
      QrCode(ctx, KakaoDirectionsUrl(f), Text(StringId::kQrDirectionsCaption), "qr:directions");
      QrCode(ctx, CitizenLink(ctx), Text(StringId::kQrFacilityCaption), "qr:facility");
      mirror.Text(std::string(Text(StringId::kQrScanHint)) + ": " +
                  Text(StringId::kQrDirectionsCaption) + ", " + Text(StringId::kQrFacilityCaption));
    } else {
      // Side by side when both labels fit in half the card, else one above the other.
      const bool side_by_side = ButtonWidth(Text(StringId::kCardDirectionsKakao)) <= half &&
                                ButtonWidth(Text(StringId::kCardDirectionsNaver)) <= half;
      const float width = side_by_side ? half : full;
      LinkOrQr(ctx, Text(StringId::kCardDirectionsKakao), KakaoDirectionsUrl(f), "", "kakao",
               ImVec2(width, 0));
      if (side_by_side) ImGui::SameLine();
      LinkOrQr(ctx, Text(StringId::kCardDirectionsNaver), NaverDirectionsUrl(f), "", "naver",
               ImVec2(width, 0));
    }
    // A link to this card: the page's address already holds the view and the card.
    const bool copied = card->link_copied_until_ms > ctx.now_ms;
    const char* copy_label = Text(copied ? StringId::kCardLinkCopied : StringId::kCardCopyLink);
    if (!kiosk &&
        Mirrored(ctx, ImGui::Button(copy_label, ImVec2(full, 0)), "copy_link", copy_label)) {
      CopyToClipboard(CurrentPageUrl().c_str());
      card->link_copied_until_ms = ctx.now_ms + 2500;
      RequestFrames(2);
    }
    if (!kiosk) ctx.rects.Note("copy_link");
    if (copied) RequestFrames(1);  // to turn the label back when the time is up
    if (f.sigungu_code != 0) {
      if (Mirrored(ctx, ImGui::Button(Text(StringId::kFacilityCityPrograms), ImVec2(full, 0)),
                   "city_programs", Text(StringId::kFacilityCityPrograms))) {
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
    if (!f.road_address.empty()) Field(ctx, StringId::kCardLotAddress, f.lot_address);
    ImGui::TextDisabled("%s", Text(StringId::kCardHours));
    ImGui::TextUnformatted(f.hours.empty() ? Text(StringId::kNotStated) : f.hours.c_str());
    mirror.Text(std::string(Text(StringId::kCardHours)) + ": " +
                (f.hours.empty() ? Text(StringId::kNotStated) : f.hours));
    Field(ctx, StringId::kCardTargets, TargetListText(f.targets));
    Field(ctx, StringId::kCardOperator, f.operator_name);
    if (tel.empty()) {  // a number the button could not use, or none
      if (f.phone.empty()) mirror.Text(Text(StringId::kMirrorNoPhone));
      Field(ctx, StringId::kCardPhone, f.phone);
    }
    ImGui::PopTextWrapPos();

    // Where this came from and how old it is.
    ImGui::Spacing();
    DrawFreshnessNote(ctx, FactsDate(ctx.catalog.data, f));
    DrawSourceLines(ctx.catalog.data, f.source, StringId::kCardVerifiedFormat, f.verified);
    // A short report to the 시군구 that keeps this list (web/help_form.js, a DOM form).
    if (Mirrored(ctx,
                 ImGui::Button(Text(StringId::kReportWrongInfo),
                               ImVec2(ImGui::GetContentRegionAvail().x, 0)),
                 "wrong_info", Text(StringId::kReportWrongInfo)))
      OpenCorrectionForm("facility", f.source_key, f.name);
    ctx.rects.Note("wrong_info");
    if (f.source < ctx.catalog.data.sources.size())
      mirror.Text(std::string(Text(StringId::kCardSource)) + ": " +
                  ctx.catalog.data.sources[f.source].name);
    mirror.End();
    EndCard(ctx);
  }

  void Debug(PanelContext& ctx, nlohmann::json& out) const override {
    const FacilityCard* card = CardAs<FacilityCard>(ctx.state);
    out["link_copied"] = card != nullptr && card->link_copied_until_ms > NowMs();
    out["card_stale"] =
        card != nullptr &&
        IsStale(ctx, FactsDate(ctx.catalog.data, ctx.catalog.data.facilities[card->facility]));
    if (card != nullptr) out["facility_link"] = CitizenLink(ctx);
  }

 private:
  // A facility's optional facts show only when the data has them.
  static void Field(PanelContext& ctx, StringId label, const std::string& value) {
    if (value.empty()) return;
    ImGui::TextDisabled("%s", Text(label));
    ImGui::TextUnformatted(value.c_str());
    ctx.mirror.Text(std::string(Text(label)) + ": " + value);
  }
};

}  // namespace

BOKJI_PANEL_MAKER(FacilityCardPanel)

}  // namespace bokji::web
