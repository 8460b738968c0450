// LabelCheck: finds labels cut off by their widget (issue 11: "Near m", "Find welfare p"). While it
// is on, every labelled ImGui item (buttons, checkboxes, radio buttons, selectables, headers)
// whose label text is wider than the item's own rectangle is recorded for the frame, through Dear
// ImGui's item hooks (IMGUI_ENABLE_TEST_ENGINE in web/imconfig_bokji.h; this file implements
// them). Off by default, so ordinary visits pay nothing; the browser tests turn it on
// (bokji_check_labels in web/main.cc) and read App::DebugJson's "clipped_labels".
// The same hooks list every interactive item drawn in the frame with its rectangle ("targets":
// tests/browser/targets.test.mjs checks each is at least 44 CSS px on a touch screen, 24 with a
// mouse; Theme::min_target_height).
//
// clang-format off
//   SetLabelCheck(true);                 // from the page, for a test
//   BeginLabelCheckFrame();              // App::Frame, after ImGui::NewFrame
//   out["clipped_labels"] = ClippedLabelsJson();   // [{"label", "text_width", "item_width"}, …]
//   out["targets"] = TargetsJson();      // [{"label", "window", "rect": [x0, y0, x1, y1]}, …]
// clang-format on
#pragma once

#include "nlohmann/json.hpp"

namespace bokji::web {

void SetLabelCheck(bool on);
// Forgets the last frame's records and arms ImGui's hooks for this frame (when on). REQUIRES: an
// ImGui context.
void BeginLabelCheckFrame();
// The labels cut off in the last frame (an empty array when the check is off).
nlohmann::json ClippedLabelsJson();
// For the ImGui hook: a label [label, end) of `text_width` in an item `item_width` wide.
void RecordClippedLabel(const char* label, const char* end, float text_width, float item_width);
// The interactive items (buttons, check boxes, radio buttons, selectables, headers, combos,
// invisible buttons) drawn in the last frame, in CSS pixels, with their label (the visible part,
// or the "##id" when there is none) and window (an empty array when the check is off).
nlohmann::json TargetsJson();
// For the ImGui hook: an item labelled `label` in window `window` with rectangle x0, y0, x1, y1.
void RecordTarget(const char* label, const char* window, float x0, float y0, float x1, float y1);

}  // namespace bokji::web
