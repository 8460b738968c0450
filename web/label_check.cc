#include "web/label_check.h"

#include <algorithm>
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
  float item_left;
  float visible_right;
};

struct Overflow {
  std::string window;
  float content_right;
  float visible_right;
};

struct Target {
  std::string label;
  std::string window;
  float x0, y0, x1, y1;
};

bool g_on = false;
std::vector<Clipped> g_clipped;
std::vector<Target> g_targets;
std::vector<Overflow> g_overflows;

}  // namespace

void RecordClippedLabel(const char* label, const char* end, float text_width, float item_width,
                        float item_left, float visible_right) {
  g_clipped.push_back({std::string(label, end), text_width, item_width, item_left, visible_right});
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
  g_overflows.clear();
  ImGui::GetCurrentContext()->TestEngineHookItems = g_on;
}

void EndLabelCheckFrame() {
  if (!g_on) return;
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  for (const ImGuiWindow* window : g.Windows) {
    if (!window->Active || window->Hidden || window->IsFallbackWindow) continue;
    if (window->Flags & ImGuiWindowFlags_HorizontalScrollbar) continue;  // scrolls sideways
    // What the window's items reached this frame (ImGui's own measure for auto-resizing), against
    // the right end of its work area or of the screen, whichever comes first.
    const float content_right = std::max(window->DC.CursorMaxPos.x, window->DC.IdealMaxPos.x);
    const float visible_right = std::min(window->WorkRect.Max.x, g.IO.DisplaySize.x);
    if (content_right > visible_right + 1.0f)  // one pixel: ImGui rounds wrapped text's width
      g_overflows.push_back({window->Name, content_right, visible_right});
  }
}

nlohmann::json OverflowingWindowsJson() {
  nlohmann::json out = nlohmann::json::array();
  for (const Overflow& o : g_overflows)
    out.push_back({{"window", o.window},
                   {"content_right", o.content_right},
                   {"visible_right", o.visible_right}});
  return out;
}

nlohmann::json ClippedLabelsJson() {
  nlohmann::json out = nlohmann::json::array();
  for (const Clipped& c : g_clipped)
    out.push_back({{"label", c.label},
                   {"text_width", c.text_width},
                   {"item_width", c.item_width},
                   {"item_left", c.item_left},
                   {"visible_right", c.visible_right}});
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
                                  ImGuiItemStatusFlags flags) {
  if (label == nullptr || ctx->LastItemData.ID != id) return;  // a window's name, not an item
  const char* end = ImGui::FindRenderedTextEnd(label);
  const ImRect& rect = ctx->LastItemData.Rect;
  // Every item that called here is interactive (ImGui's text and images do not): a target.
  const std::string name = end == label ? std::string(label) : std::string(label, end);
  bokji::web::RecordTarget(name.c_str(), ctx->CurrentWindow ? ctx->CurrentWindow->Name : "",
                           rect.Min.x, rect.Min.y, rect.Max.x, rect.Max.y);
  if (end == label) return;  // "##id": no visible label
  const float text_width = ImGui::CalcTextSize(label, end, true).x;
  const float item_width = rect.GetWidth();
  // Where the label starts in its item, at the least: a tree node's or header's after its arrow
  // (the font size and two paddings in), a check box's or radio button's after its box; a button's
  // one frame padding in (ImGui centres it, and starts it there when it does not fit), a
  // selectable's half an item spacing in (its rectangle reaches that far around its text). The
  // hook cannot tell these two apart: the smaller.
  const ImGuiStyle& style = ctx->Style;
  const float text_left = (flags & ImGuiItemStatusFlags_Openable)
                              ? ctx->FontSize + 2 * style.FramePadding.x
                          : (flags & ImGuiItemStatusFlags_Checkable)
                              ? ctx->FontSize + 2 * style.FramePadding.y + style.ItemInnerSpacing.x
                              : std::min(style.FramePadding.x, style.ItemSpacing.x / 2);
  // The label must fit its item, and the part of the window (and screen) that is seen; for that a
  // button's or selectable's label is taken to start right at the item's left edge (the lenient
  // reading: an item wider than the seen part may centre a short label inside it).
  const float visible_right =
      ctx->CurrentWindow ? std::min(ctx->CurrentWindow->ClipRect.Max.x, ctx->IO.DisplaySize.x)
                         : ctx->IO.DisplaySize.x;
  const bool boxed =
      (flags & (ImGuiItemStatusFlags_Openable | ImGuiItemStatusFlags_Checkable)) != 0;
  if (text_left + text_width > item_width + 0.5f ||
      rect.Min.x + (boxed ? text_left : 0.0f) + text_width > visible_right + 0.5f)
    bokji::web::RecordClippedLabel(label, end, text_width, item_width, rect.Min.x, visible_right);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) {
  return nullptr;
}
