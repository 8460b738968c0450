// Where the data comes from: the bundle's title and date, what it holds, every source with its
// date, publisher and licence, and the caveat that public data may have changed since.
#include <string>

#include "web/model/format.h"
#include "web/panels/panels.h"
#include "web/ui.h"

namespace bokji::web {
namespace {

class DataInfoPanel final : public Panel {
 public:
  const char* name() const override { return "data_info"; }

  void Draw(PanelContext& ctx) override {
    if (!CardAs<DataInfoCard>(ctx.state) || !CardShows(ctx)) return;
    const Dataset& data = ctx.catalog.data;
    BeginCard(ctx, "##data_info", 520);
    Mirror& mirror = ctx.mirror;
    mirror.Begin(MirrorRole::kDialog, Text(StringId::kDataInfoTitle), "data_info_card");
    mirror.Heading(2, Text(StringId::kDataInfoTitle));
    ImGui::PushFont(ctx.font.large());
    ImGui::TextUnformatted(Text(StringId::kDataInfoTitle));
    ImGui::PopFont();
    const bool close = CardCloseButton(ctx, "data_info_close");
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(data.title.c_str());
    const std::string built = FormatDate(data.built);
    ImGui::TextDisabled(Text(StringId::kDataBuiltFormat), built.c_str());
    ImGui::Separator();
    int levels[3] = {0, 0, 0};
    for (const Region& r : data.regions) ++levels[static_cast<int>(r.level)];
    ImGui::Text(Text(StringId::kFacilityCountFormat), static_cast<int>(data.facilities.size()));
    if (!ctx.catalog.approximate.empty())
      ImGui::TextDisabled(Text(StringId::kApproximateNotShownFormat),
                          static_cast<int>(ctx.catalog.approximate.size()));
    ImGui::Text(Text(StringId::kProgramCountFormat), static_cast<int>(data.programs.size()));
    ImGui::Text(Text(StringId::kRegionCountFormat), levels[0], levels[1], levels[2]);
    mirror.Text(data.title);
    mirror.Text(FormatText(Text(StringId::kDataBuiltFormat), built.c_str()));
    mirror.Text(
        Format(Text(StringId::kFacilityCountFormat), static_cast<int>(data.facilities.size())));
    mirror.Text(
        Format(Text(StringId::kProgramCountFormat), static_cast<int>(data.programs.size())));
    {
      char regions[256];
      std::snprintf(regions, sizeof(regions), Text(StringId::kRegionCountFormat), levels[0],
                    levels[1], levels[2]);
      mirror.Text(regions);
    }
    mirror.Heading(3, Text(StringId::kSourcesHeading));
    mirror.Begin(MirrorRole::kList, Text(StringId::kSourcesHeading));
    ImGui::Spacing();
    ImGui::TextUnformatted(Text(StringId::kSourcesHeading));
    ImGui::Separator();
    for (const Source& source : data.sources) {
      ImGui::Bullet();
      ImGui::TextUnformatted(source.name.c_str());
      ImGui::Indent();
      const std::string date = FormatDate(source.data_date);
      mirror.Begin(MirrorRole::kListItem, {});
      mirror.Text(source.name);
      mirror.Text(FormatText(Text(StringId::kSourceDateFormat), date.c_str()));
      if (!source.publisher.empty())
        mirror.Text(FormatText(Text(StringId::kSourcePublisherFormat), source.publisher.c_str()));
      if (!source.licence.empty())
        mirror.Text(FormatText(Text(StringId::kSourceLicenceFormat), source.licence.c_str()));
      mirror.End();
      ImGui::TextDisabled(Text(StringId::kSourceDateFormat), date.c_str());
      if (!source.data_date_note.empty()) ImGui::TextDisabled("%s", source.data_date_note.c_str());
      if (!source.publisher.empty())
        ImGui::TextDisabled(Text(StringId::kSourcePublisherFormat), source.publisher.c_str());
      if (!source.licence.empty())
        ImGui::TextDisabled(Text(StringId::kSourceLicenceFormat), source.licence.c_str());
      ImGui::Unindent();
    }
    ImGui::Spacing();
    ImGui::TextDisabled("%s", Text(StringId::kDataCaveat));
    ImGui::PopTextWrapPos();
    mirror.End();
    mirror.Text(Text(StringId::kDataCaveat));
    mirror.End();
    EndCard(ctx);
    if (close) ctx.state.card = NoCard{};
  }

  void Debug(PanelContext& ctx, nlohmann::json& out) const override {
    out["data_info"] = CardAs<DataInfoCard>(ctx.state) != nullptr;
  }
};

}  // namespace

BOKJI_PANEL_MAKER(DataInfoPanel)

}  // namespace bokji::web
