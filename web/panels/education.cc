// Welfare education (복지 교육): courses and events from the bundle, upcoming first, for citizens
// or welfare workers, with where and when; the listed ones with a place are on the map while this
// card is open (MapLayer). With none in the data it says so and points to the statutory training
// for social workers.
#include <algorithm>
#include <string>

#include "web/model/education.h"
#include "web/model/format.h"
#include "web/panels/panels.h"
#include "web/platform.h"
#include "web/ui.h"

namespace bokji::web {
namespace {

class EducationPanel final : public Panel {
 public:
  const char* name() const override { return "education"; }

  void Draw(PanelContext& ctx) override {
    EducationCard* card = std::get_if<EducationCard>(&ctx.state.card);
    if (card == nullptr || !CardShows(ctx)) return;
    const Dataset& data = ctx.catalog.data;
    BeginCard(ctx, "##education", 420);
    Mirror& mirror = ctx.mirror;
    mirror.Begin(MirrorRole::kDialog, Text(StringId::kEducationTitle), "education_card");
    mirror.Heading(2, Text(StringId::kEducationTitle));
    ImGui::PushFont(ctx.font.large());
    ImGui::TextUnformatted(Text(StringId::kEducationTitle));
    ImGui::PopFont();
    const bool close = CardCloseButton(ctx, "education_close");

    // Who it is for; past events only on request.
    static constexpr StringId kAudienceChoices[] = {
        StringId::kFilterAny, StringId::kEducationForCitizens, StringId::kEducationForWorkers};
    static constexpr const char* kNames[] = {"education_all", "education_citizens",
                                             "education_workers"};
    mirror.Begin(MirrorRole::kRadioGroup, Text(StringId::kCardTargets));
    for (int i = 0; i < 3; ++i) {
      if (i > 0) SameLineIfFits(CheckWidth(Text(kAudienceChoices[i])));
      const bool chosen = static_cast<int>(card->audience) == i;
      if (MirroredRadio(
              ctx, ImGui::RadioButton(FitCheckLabel(Text(kAudienceChoices[i])).c_str(), chosen),
              kNames[i], Text(kAudienceChoices[i]), chosen))
        card->audience = static_cast<EducationFor>(i);
      ctx.rects.Note(kNames[i]);
    }
    mirror.End();
    MirroredCheckbox(ctx, Text(StringId::kEducationShowPast), &card->show_past, "education_past");
    ctx.rects.Note("education_past");
    ImGui::Separator();

    const std::vector<uint32_t>& listed = ctx.derived.Education(ctx.catalog, *card, ctx.now.kst);
    ImGui::PushTextWrapPos(0);
    if (listed.empty()) {
      // The empty state: why, and where statutory training is announced meanwhile.
      const char* none = Text(data.education.empty() ? StringId::kEducationNoneInData
                                                     : StringId::kEducationNoneMatching);
      ImGui::TextUnformatted(none);
      ImGui::Spacing();
      ImGui::TextDisabled("%s", Text(StringId::kEducationStatutoryNote));
      LinkOrQr(ctx, Text(StringId::kEducationStatutoryLink), Text(StringId::kEducationStatutoryUrl),
               Text(StringId::kEducationStatutoryLink), "education_statutory",
               ImVec2(ImGui::GetContentRegionAvail().x, 0), /*accent=*/true);
      if (ctx.config.mode != UiMode::kKiosk) ctx.rects.Note("education_statutory");
      mirror.Text(none);
      mirror.Text(Text(StringId::kEducationStatutoryNote));
      mirror.Link("education_statutory", Text(StringId::kEducationStatutoryLink),
                  Text(StringId::kEducationStatutoryUrl), LastItemRect(), /*new_tab=*/true);
    }
    ImGui::PopTextWrapPos();

    const float max_height = std::max(ctx.layout.height * (ctx.layout.narrow ? 0.4f : 0.7f),
                                      ImGui::GetFrameHeight() * 4);
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(FLT_MAX, max_height));
    ImGui::BeginChild("##education_rows", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY);
    ImGui::PushTextWrapPos(0);
    mirror.Begin(MirrorRole::kList, Text(StringId::kEducationTitle));
    for (size_t row = 0; row < listed.size(); ++row) Row(ctx, card, row, listed[row]);
    mirror.End();
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    mirror.End();
    EndCard(ctx);
    if (close) ctx.state.card = NoCard{};
  }

  void Debug(PanelContext& ctx, nlohmann::json& out) const override {
    const EducationCard* card = CardAs<EducationCard>(ctx.state);
    nlohmann::json listed = nlohmann::json::array();
    if (card != nullptr)
      for (uint32_t id : ctx.derived.Education(ctx.catalog, *card, ctx.now.kst))
        listed.push_back({{"id", id}, {"title", ctx.catalog.data.education[id].title}});
    out["education"] = {{"open", card != nullptr},
                        {"count", ctx.catalog.data.education.size()},
                        {"listed", std::move(listed)},
                        {"selected", card != nullptr ? card->selected : -1}};
  }

 private:
  static void Row(PanelContext& ctx, EducationCard* card, size_t row, uint32_t id) {
    const EducationEvent& e = ctx.catalog.data.education[id];
    ImGui::PushID(static_cast<int>(id));
    Mirror& mirror = ctx.mirror;
    mirror.Begin(MirrorRole::kListItem, {});
    mirror.Heading(3, e.title);
    mirror.Text(EventAudienceLabel(e.audience));
    if (IsPast(e, ctx.now.kst)) mirror.Text(Text(StringId::kEducationPast));
    if (row > 0) ImGui::Separator();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ctx.theme.accent), "%s",
                       EventAudienceLabel(e.audience));
    if (IsPast(e, ctx.now.kst)) {
      ImGui::SameLine();
      ImGui::TextDisabled("%s", Text(StringId::kEducationPast));
    }
    ImGui::PushFont(ctx.font.large());
    ImGui::TextUnformatted(e.title.c_str());
    ImGui::PopFont();
    const std::string when = FormatEventTime(e.start, e.end);
    ImGui::TextUnformatted(when.c_str());
    const std::string where = e.address.empty() ? e.place_name : e.place_name + " · " + e.address;
    ImGui::TextUnformatted(where.empty() ? Text(StringId::kNotStated) : where.c_str());
    if (!e.organiser.empty())
      ImGui::TextDisabled(Text(StringId::kEducationOrganiserFormat), e.organiser.c_str());
    if (!e.fee.empty()) ImGui::TextDisabled(Text(StringId::kEducationFeeFormat), e.fee.c_str());
    if (!e.contact.empty())
      ImGui::TextDisabled(Text(StringId::kEducationContactFormat), e.contact.c_str());
    mirror.Text(when);
    mirror.Text(where.empty() ? Text(StringId::kNotStated) : where);
    if (!e.organiser.empty())
      mirror.Text(FormatText(Text(StringId::kEducationOrganiserFormat), e.organiser.c_str()));
    if (!e.fee.empty()) mirror.Text(FormatText(Text(StringId::kEducationFeeFormat), e.fee.c_str()));
    if (!e.contact.empty())
      mirror.Text(FormatText(Text(StringId::kEducationContactFormat), e.contact.c_str()));
    const float full = ImGui::GetContentRegionAvail().x;
    const float half = (full - ImGui::GetStyle().ItemSpacing.x) / 2;
    bool first_button = true;
    if (!e.link_url.empty()) {
      // A kiosk shows the link as a QR code (no link leaves it); the map button comes below.
      const bool kiosk = ctx.config.mode == UiMode::kKiosk;
      LinkOrQr(ctx, Text(StringId::kEducationOpenLink), e.link_url,
               Text(StringId::kEducationOpenLink), "education_link",
               ImVec2(e.position ? half : full, 0));
      mirror.Link("education_link:" + std::to_string(id), Text(StringId::kEducationOpenLink),
                  e.link_url, LastItemRect(), /*new_tab=*/true);
      first_button = kiosk;
    }
    if (e.position) {
      if (!first_button) ImGui::SameLine();
      if (Mirrored(ctx,
                   ImGui::Button(Text(StringId::kEducationShowOnMap),
                                 ImVec2(first_button ? full : half, 0)),
                   "education_map:" + std::to_string(id), Text(StringId::kEducationShowOnMap))) {
        card->selected = static_cast<int>(id);
        ctx.state.camera = CameraRequest::Centre(*e.position, 14);
      }
    }
    if (row < 3) ctx.rects.Note("education_row_" + std::to_string(row));
    mirror.End();
    ImGui::PopID();
  }
};

}  // namespace

BOKJI_PANEL_MAKER(EducationPanel)

}  // namespace bokji::web
