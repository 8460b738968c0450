// A welfare program's card, the only one: opened from the programs view (it takes the view's
// place, "목록으로" returns to the list or the results) or from the header's search (a card over
// the map). The way to apply first, then every field, a missing one saying "자료에 없음", a call
// button for a number in its 문의, and where it came from.
#include <string>

#include "web/model/format.h"
#include "web/panels/panels.h"
#include "web/platform.h"
#include "web/ui.h"

namespace bokji::web {
namespace {

class ProgramCardPanel final : public Panel {
 public:
  const char* name() const override { return "program_card"; }

  void Draw(PanelContext& ctx) override {
    const ProgramCard* card = CardAs<ProgramCard>(ctx.state);
    if (card == nullptr) return;
    const Program& p = ctx.catalog.data.programs[card->program];
    const bool in_view = ctx.state.view == View::kPrograms;
    bool close = false;
    ctx.mirror.Begin(MirrorRole::kDialog, p.name, "program_card");
    if (in_view) {
      BeginProgramsView(ctx);
      close = BigButton(ctx, Text(StringId::kProgramsBackToList), "programs_back");
      ImGui::BeginChild("##detail", ImVec2(0, 0));
      DragScroll(ctx.theme, &scrolling_);
    } else {
      if (!CardShows(ctx)) return;
      BeginCard(ctx, "##program", 420);
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ctx.theme.accent));
      ImGui::TextUnformatted(ProgramPlaceText(p).c_str());
      ImGui::PopStyleColor();
      close = CardCloseButton(ctx, "program_close");
    }
    DrawContent(ctx, p, /*with_place=*/in_view);
    ctx.mirror.End();
    if (in_view) {
      ImGui::EndChild();
      EndProgramsView();
    } else {
      EndCard(ctx);
    }
    if (close) ctx.state.card = NoCard{};
  }

  void Debug(PanelContext& ctx, nlohmann::json& out) const override {
    out["selected_program"] = OpenProgram(ctx.state);
  }

 private:
  void DrawContent(PanelContext& ctx, const Program& p, bool with_place) {
    const Theme& theme = ctx.theme;
    ImGui::PushTextWrapPos(0);
    if (with_place) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme.accent));
      ImGui::TextUnformatted(ProgramPlaceText(p).c_str());
      ImGui::PopStyleColor();
    }
    ImGui::PushFont(ctx.font.large());
    ImGui::TextUnformatted(p.name.c_str());
    ImGui::PopFont();
    Mirror& mirror = ctx.mirror;
    mirror.Heading(2, p.name);
    mirror.Text(ProgramPlaceText(p));
    ImGui::PushTextWrapPos(0);
    DataInKoreanNote(ctx);
    ImGui::PopTextWrapPos();

    // The way to apply first: on a phone it shows without scrolling.
    if (!p.apply_url.empty()) {
      // In a kiosk, its QR code: the citizen applies on their own phone.
      LinkOrQr(ctx, Text(StringId::kProgramApply), p.apply_url, Text(StringId::kQrApplyCaption),
               "qr:apply", ImVec2(ImGui::GetContentRegionAvail().x, ImGui::GetFrameHeight() * 1.3f),
               /*accent=*/true);
      if (ctx.config.mode != UiMode::kKiosk) ctx.rects.Note("apply", DebugRects::kPrograms);
    } else {
      ImGui::TextDisabled("%s", Text(StringId::kProgramNoApplyUrl));
      mirror.Text(Text(StringId::kProgramNoApplyUrl));
    }
    ImGui::Separator();

    DataField(ctx, Text(StringId::kProgramSummary), p.summary);
    DataField(ctx, Text(StringId::kProgramBenefits), p.benefits);
    DataField(ctx, Text(StringId::kProgramEligibility), p.eligibility);
    DataField(ctx, Text(StringId::kProgramSelection), p.selection_criteria);
    DataField(ctx, Text(StringId::kProgramHowToApply), p.how_to_apply);
    DataField(ctx, Text(StringId::kProgramContact), p.contact);
    const std::string phone = PhoneInText(p.contact);
    PhoneOrNumber(ctx, phone, "call", /*accent=*/false);
    DataField(ctx, Text(StringId::kProgramOffice), p.provider);
    DataField(ctx, Text(StringId::kProgramLevelAndRegion), ProgramPlaceText(p));
    if (!p.provision.empty()) DataField(ctx, Text(StringId::kProgramProvision), p.provision);
    if (!p.cycle.empty()) DataField(ctx, Text(StringId::kProgramCycle), p.cycle);
    std::string themes;
    for (const std::string& t : p.themes) themes += (themes.empty() ? "" : ", ") + t;
    DataField(ctx, Text(StringId::kProgramsTheme), themes);
    DataField(ctx, Text(StringId::kProgramsLifeStage), StageListText(p.life_stages));

    // Where this came from and how old it is.
    ImGui::Separator();
    DrawSourceLines(ctx.catalog.data, p.source, StringId::kProgramUpdatedFormat, p.updated);
    ImGui::PopTextWrapPos();
    // A short report to whoever keeps this program's entry (web/help_form.js, a DOM form).
    if (Mirrored(ctx,
                 ImGui::Button(Text(StringId::kReportWrongInfo),
                               ImVec2(ImGui::GetContentRegionAvail().x, 0)),
                 "wrong_info", Text(StringId::kReportWrongInfo)))
      OpenCorrectionForm("program", p.service_id, p.name);
    ctx.rects.Note("wrong_info", DebugRects::kPrograms);
  }

  bool scrolling_ = false;
};

}  // namespace

BOKJI_PANEL_MAKER(ProgramCardPanel)

}  // namespace bokji::web
