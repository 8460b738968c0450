#include "web/ui.h"

#include <algorithm>

#include "imgui_internal.h"  // FindWindowByName: raising the programs view when it appears
#include "web/model/approximate.h"
#include "web/model/format.h"

namespace bokji::web {

bool AccentButton(const Theme& theme, const char* label, ImVec2 size) {
  const ImVec4 accent = ImGui::ColorConvertU32ToFloat4(theme.accent);
  ImGui::PushStyleColor(ImGuiCol_Button, accent);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered,
                        ImVec4(accent.x * 0.85f, accent.y * 0.85f, accent.z * 0.85f, 1));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive,
                        ImVec4(accent.x * 0.7f, accent.y * 0.7f, accent.z * 0.7f, 1));
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme.accent_text));
  const bool pressed = ImGui::Button(label, size);
  ImGui::PopStyleColor(4);
  return pressed;
}

bool BigButton(PanelContext& ctx, const char* label, const std::string& name, bool chosen,
               float width, DebugRects::Group group) {
  ImGui::PushID(name.c_str());
  const bool pressed = chosen ? AccentButton(ctx.theme, label, ImVec2(width, 0))
                              : ImGui::Button(label, ImVec2(width, 0));
  ImGui::PopID();
  ctx.rects.Note(name, group);
  return pressed;
}

void BeginCard(PanelContext& ctx, const char* id, float width) {
  const Layout& layout = ctx.layout;
  const Rect place = layout.CardRect(width);
  if (layout.narrow) {
    // The one bottom sheet: as tall as its content, up to its share of the screen.
    ImGui::SetNextWindowPos(ImVec2(place.x0, place.y1), ImGuiCond_Always, ImVec2(0, 1));
    ImGui::SetNextWindowSizeConstraints(ImVec2(place.width(), 0),
                                        ImVec2(place.width(), place.height()));
  } else {
    ImGui::SetNextWindowPos(ImVec2(place.x0, place.y0), ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints(ImVec2(place.width(), 0),
                                        ImVec2(place.width(), place.height()));
  }
  const ImGuiWindow* window = ImGui::FindWindowByName(id);
  if (window == nullptr || !window->WasActive) ImGui::SetNextWindowFocus();
  ImGui::Begin(id, nullptr, kPanelFlags | ImGuiWindowFlags_AlwaysAutoResize);
}

void EndCard(PanelContext& ctx) {
  if (ctx.layout.narrow) ctx.edges.sheet_top = ImGui::GetWindowPos().y;
  ImGui::End();
}

bool CardCloseButton(PanelContext& ctx, const char* name) {
  const char* label = Text(ctx.layout.narrow ? StringId::kBack : StringId::kCardClose);
  const float width = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SameLine(ImGui::GetContentRegionMax().x - width);
  const bool pressed = ImGui::Button(label);
  ctx.rects.Note(name);
  return pressed;
}

void BeginProgramsView(PanelContext& ctx) {
  const Rect place = ctx.layout.ProgramsRect();
  ImGui::SetNextWindowPos(ImVec2(place.x0, place.y0));
  ImGui::SetNextWindowSize(ImVec2(place.width(), place.height()));
  // Raised over any card when it appears (a window that was not drawn last frame).
  const ImGuiWindow* window = ImGui::FindWindowByName("##programs");
  if (window == nullptr || !window->WasActive) ImGui::SetNextWindowFocus();
  const Theme& theme = ctx.theme;
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(theme.Scaled(14), theme.Scaled(12)));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(theme.Scaled(8), theme.Scaled(10)));
  ImGui::Begin("##programs", nullptr, kPanelFlags | ImGuiWindowFlags_NoScrollbar);
}

void EndProgramsView() {
  ImGui::End();
  ImGui::PopStyleVar(2);
}

void DataField(const char* label, const std::string& value) {
  ImGui::Spacing();
  ImGui::TextDisabled("%s", label);
  if (value.empty())
    ImGui::TextDisabled("%s", Text(StringId::kProgramNoData));
  else
    ImGui::TextUnformatted(value.c_str());
}

void DrawSourceLines(const Dataset& data, uint16_t source, StringId date_format, Date date) {
  ImGui::PushTextWrapPos(0);
  if (source < data.sources.size()) {
    ImGui::TextDisabled("%s: %s", Text(StringId::kCardSource), data.sources[source].name.c_str());
    const std::string source_date = FormatDate(data.sources[source].data_date);
    ImGui::TextDisabled(Text(StringId::kCardSourceDateFormat), source_date.c_str());
  }
  if (date != 0) {
    const std::string formatted = FormatDate(date);
    ImGui::TextDisabled(Text(date_format), formatted.c_str());
  }
  ImGui::PopTextWrapPos();
}

bool IsStale(const PanelContext& ctx, Date date) {
  const Date today = static_cast<Date>(ctx.now.kst / 10000);  // yyyymmddhhmm → yyyymmdd
  return OlderThanYears(date, today, 2);
}

void DrawFreshnessNote(const PanelContext& ctx, Date date) {
  if (!IsStale(ctx, date)) return;
  const std::string formatted = FormatDate(date);
  ImGui::PushTextWrapPos(0);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ctx.theme.stale_warning),
                     Text(StringId::kCardStaleFormat), formatted.c_str());
  ImGui::PopTextWrapPos();
}

bool DragScroll(const Theme& theme, bool* scrolling) {
  if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) *scrolling = false;
  if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
      ImGui::IsMouseDragging(ImGuiMouseButton_Left, theme.Scaled(8))) {
    *scrolling = true;
    ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetIO().MouseDelta.y);
  }
  return *scrolling;
}

}  // namespace bokji::web
