// LabelCheck: finds labels cut off by their widget (issue 11: "Near m", "Find welfare p"). While it
// is on, every labelled ImGui item (buttons, checkboxes, radio buttons, selectables, headers)
// whose label text is wider than the item's own rectangle is recorded for the frame, through Dear
// ImGui's item hooks (IMGUI_ENABLE_TEST_ENGINE in web/imconfig_bokji.h; this file implements
// them). Off by default, so ordinary visits pay nothing; the browser tests turn it on
// (bokji_check_labels in web/main.cc) and read App::DebugJson's "clipped_labels".
// At the frame's end it also lists the windows whose items reach past what is seen of them (the
// window's right edge or the screen's): text that is cut off without being a widget's label, e.g.
// a title beside another on a phone at 200 %.
// The same hooks list every interactive item drawn in the frame with its rectangle ("targets":
// tests/browser/targets.test.mjs checks each is at least 44 CSS px on a touch screen, 24 with a
// mouse; Theme::min_target_height).
//
// clang-format off
//   SetLabelCheck(true);                 // from the page, for a test
//   BeginLabelCheckFrame();              // App::Frame, after ImGui::NewFrame
//   EndLabelCheckFrame();                // App::Frame, after the panels drew
//   out["clipped_labels"] = ClippedLabelsJson();   // [{"label", "text_width", "item_width", …}, …]
//   out["overflowing_windows"] = OverflowingWindowsJson();  // [{"window", "content_right", …}]
//   out["targets"] = TargetsJson();      // [{"label", "window", "rect": [x0, y0, x1, y1]}, …]
// clang-format on
#pragma once

#include "nlohmann/json.hpp"

namespace bokji::web {

void SetLabelCheck(bool on);
// Forgets the last frame's records and arms ImGui's hooks for this frame (when on). REQUIRES: an
// ImGui context.
void BeginLabelCheckFrame();
// Notes the windows whose content reaches past their seen part. REQUIRES: every window of the frame
// ended (after the panels, before ImGui::Render).
void EndLabelCheckFrame();
// The windows noted by EndLabelCheckFrame in the last frame: name, content_right, visible_right.
nlohmann::json OverflowingWindowsJson();
// The labels cut off in the last frame (an empty array when the check is off).
nlohmann::json ClippedLabelsJson();
// For the ImGui hook: a label [label, end) of `text_width` in an item `item_width` wide starting at
// `item_left`, in a window seen up to `visible_right`.
void RecordClippedLabel(const char* label, const char* end, float text_width, float item_width,
                        float item_left, float visible_right);
// The interactive items (buttons, check boxes, radio buttons, selectables, headers, combos,
// invisible buttons) drawn in the last frame, in CSS pixels, with their label (the visible part,
// or the "##id" when there is none) and window (an empty array when the check is off).
nlohmann::json TargetsJson();
// For the ImGui hook: an item labelled `label` in window `window` with rectangle x0, y0, x1, y1.
void RecordTarget(const char* label, const char* window, float x0, float y0, float x1, float y1);

}  // namespace bokji::web
