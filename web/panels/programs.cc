// The welfare programs view's list ("복지서비스 찾기"): browse the bundle's programs by life stage,
// 관심주제, target group and area (core/program_list.h's rule), search their names (초성 too),
// and open one (its card: program_card.cc); the way into the self-check (self_check.cc). Its
// debug state is the view's: "programs_view" with its page, filters, list and buttons.
#include <string>

#include "imgui_internal.h"  // RenderTextEllipsis
#include "web/model/format.h"
#include "web/panels/panels.h"
#include "web/platform.h"
#include "web/ui.h"

namespace bokji::web {
namespace {

class ProgramsPanel final : public Panel {
 public:
  const char* name() const override { return "programs"; }

  void Draw(PanelContext& ctx) override {
    const AppState& state = ctx.state;
    if (state.view != View::kPrograms || state.programs.page != ProgramsPage::kList ||
        CardAs<ProgramCard>(state))
      return;
    BeginProgramsView(ctx);
    DrawList(ctx);
    EndProgramsView();
  }

  void Debug(PanelContext& ctx, nlohmann::json& out) const override {
    const AppState& state = ctx.state;
    const ProgramsState& programs = state.programs;
    const ProgramList& list = ctx.derived.Programs(ctx.catalog, programs);
    const bool open = state.view == View::kPrograms;
    static constexpr const char* kPages[] = {"list", "questions", "results"};
    nlohmann::json& view = out["programs_view"];
    view["open"] = open;
    view["page"] =
        open && CardAs<ProgramCard>(state) ? "detail" : kPages[static_cast<int>(programs.page)];
    view["filters"] = {{"stage", programs.filter.stage},
                       {"theme", programs.filter.theme},
                       {"target", programs.filter.target},
                       {"region", programs.filter.region},
                       {"include_unstated", programs.filter.include_unstated_stage},
                       {"query", programs.query}};
    view["count"] = list.ids.size();
    view["unstated"] = list.unstated_stage_count;
    view["listed"] = list.ids;
    view["open_program"] = OpenProgram(state);
    view["buttons"] = ctx.rects.ToJson(DebugRects::kPrograms);
  }

 private:
  void DrawList(PanelContext& ctx) {
    AppState& state = ctx.state;
    Mirror& mirror = ctx.mirror;
    mirror.Begin(MirrorRole::kRegion, Text(StringId::kProgramsTitle), "programs_view");
    mirror.Heading(1, Text(StringId::kProgramsTitle));
    if (BigButton(ctx, Text(StringId::kProgramsBackToMap), "programs_close")) {
      state.view = View::kMap;
      BlurTextField();
      mirror.End();
      return;
    }
    // The view's title beside the way back when it fits, else under it (wrapped: large text).
    ImGui::PushFont(ctx.font.large());
    SameLineIfFits(ImGui::CalcTextSize(Text(StringId::kProgramsTitle)).x);
    ImGui::AlignTextToFramePadding();
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(Text(StringId::kProgramsTitle));
    ImGui::PopTextWrapPos();
    ImGui::PopFont();

    const float self_check_width = ImGui::GetContentRegionAvail().x;
    const std::string self_check_label =
        WrapLabel(Text(StringId::kSelfCheckButton), self_check_width);
    if (Mirrored(ctx,
                 AccentButton(ctx.theme, self_check_label.c_str(), ImVec2(self_check_width, 0)),
                 "self_check", Text(StringId::kSelfCheckButton))) {
      // Back to the results when there are answers; else the first question.
      state.programs.page = AnsweredCount(state.programs.self_check.answers) > 0
                                ? ProgramsPage::kResults
                                : ProgramsPage::kQuestions;
    }
    ctx.rects.Note("self_check", DebugRects::kPrograms);

    const TextFieldEvents events =
        ctx.text.Box(ctx.theme, "programs", Text(StringId::kProgramsSearchHint),
                     Text(StringId::kSearchHintShort), &state.programs.query);
    for (const std::string& key : events.keys)
      if (key == "Enter" || key == "Escape") BlurTextField();  // a phone's keyboard goes away
    mirror.TextField("programs");

    DrawFilters(ctx);
    const ProgramList& list = ctx.derived.Programs(ctx.catalog, state.programs);
    const std::string count =
        Format(Text(StringId::kProgramsCountFormat), static_cast<int>(list.ids.size()));
    ImGui::TextUnformatted(count.c_str());
    mirror.Text(count);
    mirror.Announce(count);
    ProgramFilter& filter = state.programs.filter;
    if (filter.stage != 0 && (list.unstated_stage_count > 0 || filter.include_unstated_stage)) {
      ImGui::PushTextWrapPos(0);
      if (!filter.include_unstated_stage)
        ImGui::TextDisabled(Text(StringId::kProgramsUnstatedStageFormat),
                            list.unstated_stage_count);
      ImGui::PopTextWrapPos();
      MirroredCheckbox(ctx, Text(StringId::kProgramsIncludeUnstated),
                       &filter.include_unstated_stage, "include_unstated");
      ctx.rects.Note("include_unstated", DebugRects::kPrograms);
    }
    if (list.ids.empty()) {
      ImGui::TextDisabled("%s", Text(StringId::kProgramsNone));
      mirror.Text(Text(StringId::kProgramsNone));
    }
    DrawRows(ctx, list.ids);
    mirror.End();
  }

  void DrawFilters(PanelContext& ctx) {
    ProgramFilter& filter = ctx.state.programs.filter;
    const Catalog& catalog = ctx.catalog;
    // One drop-down per filter: a label, then the choice as wide as the panel.
    const float column =
        FieldLabelColumn({Text(StringId::kProgramsLifeStage), Text(StringId::kProgramsTheme),
                          Text(StringId::kProgramsTarget), Text(StringId::kProgramsRegion)});
    // The mirror's <select>: the same options as (value, label), the chosen value, and what a
    // choice from the page does.
    struct MirrorChoice {
      std::vector<Mirror::Option> options;
      std::string value;
    };
    auto combo = [&](StringId label, const char* name, const char* preview, auto options,
                     const MirrorChoice& choice, auto apply) {
      FieldLabel(Text(label), column);
      const ImVec2 at = ImGui::GetCursorScreenPos();
      const float width = ImGui::GetContentRegionAvail().x;
      const Rect twin{at.x, at.y, at.x + width, at.y + ImGui::GetFrameHeight()};
      ctx.rects.Add(name, twin, DebugRects::kPrograms);
      if (const auto chosen =
              ctx.mirror.Choice(name, Text(label), choice.value, choice.options, twin))
        apply(*chosen);
      ImGui::SetNextItemWidth(width);
      ImGui::PushID(name);
      if (ImGui::BeginCombo("##combo", preview, ImGuiComboFlags_HeightLarge)) {
        options();
        ImGui::EndCombo();
      }
      ImGui::PopID();
    };
    // A choice in an open drop-down; `name` names it for tests ("stage:16").
    auto option = [&](const char* text, const std::string& name, bool chosen) {
      const bool picked = ImGui::Selectable(text, chosen, 0, ImVec2(0, ImGui::GetFrameHeight()));
      ctx.rects.Note(name, DebugRects::kPrograms);
      return picked;
    };

    const char* any = Text(StringId::kProgramsAll);
    const std::string stage_preview = filter.stage == 0 ? any : StageListText(filter.stage);
    MirrorChoice stages{{{"0", any}}, std::to_string(filter.stage)};
    for (int bit = 0; bit < kLifeStageCount; ++bit)
      stages.options.push_back({std::to_string(1u << bit), StageLabel(1u << bit)});
    combo(
        StringId::kProgramsLifeStage, "filter_stage", stage_preview.c_str(),
        [&] {
          if (option(any, "stage:0", filter.stage == 0)) filter.stage = 0;
          for (int bit = 0; bit < kLifeStageCount; ++bit)
            if (option(StageLabel(1u << bit), "stage:" + std::to_string(1u << bit),
                       filter.stage == (1u << bit)))
              filter.stage = 1u << bit;
        },
        stages, [&](const std::string& v) { filter.stage = static_cast<uint32_t>(std::stoul(v)); });
    MirrorChoice themes{{{"", any}}, filter.theme};
    for (const std::string& t : catalog.themes) themes.options.push_back({t, t});
    combo(
        StringId::kProgramsTheme, "filter_theme", filter.theme.empty() ? any : filter.theme.c_str(),
        [&] {
          if (option(any, "theme:", filter.theme.empty())) filter.theme.clear();
          for (const std::string& t : catalog.themes)
            if (option(t.c_str(), "theme:" + t, filter.theme == t)) filter.theme = t;
        },
        themes, [&](const std::string& v) { filter.theme = v; });
    if (catalog.program_targets != 0) {
      const std::string target_preview = filter.target == 0 ? any : TargetListText(filter.target);
      MirrorChoice targets{{{"0", any}}, std::to_string(filter.target)};
      for (int bit = 0; bit < kTargetGroupCount; ++bit)
        if ((catalog.program_targets & (1u << bit)) != 0)
          targets.options.push_back({std::to_string(1u << bit), TargetLabel(1u << bit)});
      combo(
          StringId::kProgramsTarget, "filter_target", target_preview.c_str(),
          [&] {
            if (option(any, "target:0", filter.target == 0)) filter.target = 0;
            for (int bit = 0; bit < kTargetGroupCount; ++bit)
              if ((catalog.program_targets & (1u << bit)) != 0 &&
                  option(TargetLabel(1u << bit), "target:" + std::to_string(1u << bit),
                         filter.target == (1u << bit)))
                filter.target = 1u << bit;
          },
          targets,
          [&](const std::string& v) { filter.target = static_cast<uint32_t>(std::stoul(v)); });
    }
    const char* city =
        filter.region > 0 ? catalog.CityName(static_cast<uint32_t>(filter.region)) : nullptr;
    const char* region_preview = filter.region == ProgramFilter::kAnyRegion ? any
                                 : filter.region == ProgramFilter::kCommonOnly
                                     ? Text(StringId::kProgramsRegionCommon)
                                 : city != nullptr ? city
                                                   : Text(StringId::kNotStated);
    MirrorChoice regions{
        {{std::to_string(ProgramFilter::kAnyRegion), any},
         {std::to_string(ProgramFilter::kCommonOnly), Text(StringId::kProgramsRegionCommon)}},
        std::to_string(filter.region)};
    for (const City& c : catalog.cities)
      regions.options.push_back({std::to_string(c.code), c.name});
    combo(
        StringId::kProgramsRegion, "filter_region", region_preview,
        [&] {
          if (option(any, "region:-1", filter.region == ProgramFilter::kAnyRegion))
            filter.region = ProgramFilter::kAnyRegion;
          if (option(Text(StringId::kProgramsRegionCommon), "region:0",
                     filter.region == ProgramFilter::kCommonOnly))
            filter.region = ProgramFilter::kCommonOnly;
          for (const City& c : catalog.cities)
            if (option(c.name.c_str(), "region:" + std::to_string(c.code), filter.region == c.code))
              filter.region = c.code;
        },
        regions, [&](const std::string& v) { filter.region = std::stoi(v); });
    if (filter.any() && BigButton(ctx, Text(StringId::kProgramsResetFilters), "reset_filters")) {
      const bool include_unstated = filter.include_unstated_stage;
      filter = ProgramFilter{};
      filter.include_unstated_stage = include_unstated;
    }
  }

  // Two lines a program: its name, then its level as a badge, its area and summary.
  void DrawRows(PanelContext& ctx, const std::vector<uint32_t>& ids) {
    const Theme& theme = ctx.theme;
    ImGui::BeginChild("##rows", ImVec2(0, 0), ImGuiChildFlags_Border);
    const bool dragging = DragScroll(theme, &scrolling_);
    const float pad = theme.Scaled(6);
    const float small = theme.Scaled(theme.small_font_size);
    const float row_height = ImGui::GetFontSize() + small + 3 * pad;
    const float step = row_height + ImGui::GetStyle().ItemSpacing.y;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(ids.size()), step);
    int picked = -1;
    std::vector<Rect> drawn(std::min(ids.size(), kMirroredRows));
    while (clipper.Step()) {
      for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
        const uint32_t id = ids[row];
        const Program& p = ctx.catalog.data.programs[id];
        ImGui::PushID(static_cast<int>(id));
        const ImVec2 at = ImGui::GetCursorScreenPos();
        if (ImGui::Selectable("##row", false, 0, ImVec2(0, row_height)) && !dragging)
          picked = static_cast<int>(id);
        ctx.rects.Note("row:" + std::to_string(id), DebugRects::kPrograms);
        if (static_cast<size_t>(row) < drawn.size()) drawn[row] = LastItemRect();
        const float right = ImGui::GetItemRectMax().x - pad;
        ImDrawList* draw_list = ImGui::GetWindowDrawList();
        const ImVec2 name_at(at.x + pad, at.y + pad);
        ImGui::RenderTextEllipsis(draw_list, name_at,
                                  ImVec2(right, name_at.y + ImGui::GetFontSize()), right, right,
                                  p.name.c_str(), nullptr, nullptr);
        // The level as a badge, then the area and the summary.
        const char* level = ProgramLevelLabel(p.level);
        ImGui::PushFont(ctx.font.small());
        const ImVec2 badge_at(name_at.x, name_at.y + (row_height - small - 2 * pad));
        const float badge_width = ImGui::CalcTextSize(level).x + 2 * pad;
        draw_list->AddRectFilled(badge_at, ImVec2(badge_at.x + badge_width, badge_at.y + small + 2),
                                 theme.accent, theme.Scaled(3));
        draw_list->AddText(ImVec2(badge_at.x + pad, badge_at.y + 1), theme.accent_text, level);
        std::string detail = p.region_name;
        if (!p.summary.empty()) detail += (detail.empty() ? "" : " · ") + p.summary;
        const ImVec2 detail_at(badge_at.x + badge_width + pad, badge_at.y + 1);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme.text_muted));
        ImGui::RenderTextEllipsis(draw_list, detail_at, ImVec2(right, detail_at.y + small), right,
                                  right, detail.c_str(), nullptr, nullptr);
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ImGui::PopID();
      }
    }
    // The mirror lists the first kMirroredRows programs (the count says how many there are); a
    // focused row the clipper did not draw is scrolled to.
    Mirror& mirror = ctx.mirror;
    mirror.Begin(MirrorRole::kList, Text(StringId::kProgramsTitle));
    for (size_t row = 0; row < drawn.size(); ++row) {
      const Program& p = ctx.catalog.data.programs[ids[row]];
      const std::string id = "program:" + std::to_string(ids[row]);
      mirror.Begin(MirrorRole::kListItem, {});
      std::string detail = std::string(ProgramLevelLabel(p.level));
      if (!p.region_name.empty()) detail += " · " + p.region_name;
      if (mirror.Button(id, p.name, drawn[row], std::nullopt, detail)) {
        picked = static_cast<int>(ids[row]);
        RequestFrames(2);
      }
      mirror.End();
      if (mirror.IsFocused(id) && drawn[row].x1 <= drawn[row].x0)
        ImGui::SetScrollY(row * step - ImGui::GetWindowHeight() / 2);
    }
    mirror.End();
    ImGui::EndChild();
    if (picked >= 0) {
      ctx.state.card = ProgramCard{static_cast<uint32_t>(picked)};
      BlurTextField();
    }
  }

  static constexpr size_t kMirroredRows = 100;
  bool scrolling_ = false;  // the pointer is dragging the list, not pressing a row
};

}  // namespace

BOKJI_PANEL_MAKER(ProgramsPanel)

}  // namespace bokji::web
