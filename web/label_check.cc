#include "web/label_check.h"

#include <string>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"

namespace bokji::web {
namespace {

struct Clipped {
  std::string label;
  float text_width;
  float item_width;
};

struct Target {
  std::string label;
  std::string window;
  float x0, y0, x1, y1;
};

bool g_on = false;
std::vector<Clipped> g_clipped;
std::vector<Target> g_targets;

}  // namespace

void RecordClippedLabel(const char* label, const char* end, float text_width, float item_width) {
  g_clipped.push_back({std::string(label, end), text_width, item_width});
}

void RecordTarget(const char* label, const char* window, float x0, float y0, float x1, float y1) {
  g_targets.push_back({label, window, x0, y0, x1, y1});
}

void SetLabelCheck(bool on) {
  g_on = on;
}

void BeginLabelCheckFrame() {
  g_clipped.clear();
  g_targets.clear();
  ImGui::GetCurrentContext()->TestEngineHookItems = g_on;
}

nlohmann::json ClippedLabelsJson() {
  nlohmann::json out = nlohmann::json::array();
  for (const Clipped& c : g_clipped)
    out.push_back({{"label", c.label}, {"text_width", c.text_width}, {"item_width", c.item_width}});
  return out;
}

nlohmann::json TargetsJson() {
  nlohmann::json out = nlohmann::json::array();
  for (const Target& t : g_targets)
    out.push_back({{"label", t.label}, {"window", t.window}, {"rect", {t.x0, t.y0, t.x1, t.y1}}});
  return out;
}

}  // namespace bokji::web

// ---- Dear ImGui's hooks (declared in imgui_internal.h under IMGUI_ENABLE_TEST_ENGINE) ----------

void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, ImGuiID, const ImRect&, const ImGuiLastItemData*) {}

// Called by a widget after ItemAdd with its label: the item's rectangle is LastItemData.Rect and
// the current font is the one its label is drawn in.
void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label,
                                  ImGuiItemStatusFlags) {
  if (label == nullptr || ctx->LastItemData.ID != id) return;  // a window's name, not an item
  const char* end = ImGui::FindRenderedTextEnd(label);
  const ImRect& rect = ctx->LastItemData.Rect;
  // Every item that called here is interactive (ImGui's text and images do not): a target.
  const std::string name = end == label ? std::string(label) : std::string(label, end);
  bokji::web::RecordTarget(name.c_str(), ctx->CurrentWindow ? ctx->CurrentWindow->Name : "",
                           rect.Min.x, rect.Min.y, rect.Max.x, rect.Max.y);
  if (end == label) return;  // "##id": no visible label
  const float text_width = ImGui::CalcTextSize(label, end, true).x;
  const float item_width = ctx->LastItemData.Rect.GetWidth();
  if (text_width > item_width + 0.5f)
    bokji::web::RecordClippedLabel(label, end, text_width, item_width);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) {
  return nullptr;
}
