// The page's text field bound to the state: see text_field_box.h.
#include "web/text_field_box.h"

#include <algorithm>

#include "imgui.h"
#include "web/model/strings.h"

namespace bokji::web {

void TextFieldBinding::BeginFrame(const TextField& input, std::vector<std::string> keys) {
  input_ = input;
  keys_ = std::move(keys);
  drawn_ = false;
}

void TextFieldBinding::EndFrame() {
  if (drawn_) return;
  PlaceTextField(ImVec4(0, 0, 0, 0), "");
  if (input_.focused) BlurTextField();  // nothing shows it: a phone's keyboard goes away
}

TextFieldEvents TextFieldBinding::Box(const Theme& theme, const char* owner, const char* hint,
                                      const char* short_hint, std::string* text) {
  TextFieldEvents events;
  drawn_ = true;
  if (owner_ != owner) {
    // Another owner had the input (or none): it now shows this owner's text; keys pressed for the
    // other one are dropped.
    owner_ = owner;
    SetTextFieldValue(text->c_str());
    input_.value = agreed_ = *text;
    keys_.clear();
    was_focused_ = input_.focused;
  } else if (input_.value != agreed_) {
    *text = agreed_ = input_.value;  // typed
    events.typed = true;
  } else if (*text != agreed_) {
    SetTextFieldValue(text->c_str());  // the app changed the text (a link, a reset)
    input_.value = agreed_ = *text;
  }
  events.focused = input_.focused;
  events.gained_focus = input_.focused && !was_focused_;
  was_focused_ = input_.focused;
  events.keys = std::move(keys_);
  keys_.clear();

  const TextField& field = input_;
  const ImGuiStyle& style = ImGui::GetStyle();
  const float height = ImGui::GetFrameHeight() + theme.Scaled(6);
  const float width = ImGui::GetContentRegionAvail().x;
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  const ImVec2 p1(p0.x + width, p0.y + height);
  const float clear_width = field.value.empty() ? 0 : height;
  ImGui::Dummy(ImVec2(width, height));  // the page's <input> over this box takes the pointer

  ImDrawList* draw_list = ImGui::GetWindowDrawList();
  draw_list->AddRectFilled(p0, p1, ImGui::GetColorU32(ImGuiCol_FrameBg), style.FrameRounding);
  draw_list->AddRect(p0, p1, field.focused ? theme.accent : theme.panel_border, style.FrameRounding,
                     0, field.focused ? theme.Scaled(1.5f) : 1.0f);
  const float pad = theme.Scaled(8);  // the <input>'s padding in bridge.js
  const ImVec2 text_min(p0.x + pad, p0.y + (height - ImGui::GetFontSize()) / 2);
  const float text_right = p1.x - clear_width - pad;
  if (field.value.empty() && !field.focused) {
    const bool fits = ImGui::CalcTextSize(hint).x <= text_right - text_min.x;
    draw_list->AddText(text_min, theme.text_muted, fits ? hint : short_hint);
  } else {
    const char* value = field.value.c_str();
    auto x_at = [&](int offset) { return ImGui::CalcTextSize(value, value + offset).x; };
    // Scroll a long query so the caret stays in the box.
    const float caret = x_at(field.selection_end);
    const float scroll = std::max(0.0f, caret - (text_right - text_min.x));
    const float x0 = text_min.x - scroll;
    draw_list->PushClipRect(ImVec2(text_min.x, p0.y), ImVec2(text_right + 1, p1.y), true);
    if (field.focused && field.selection_begin != field.selection_end) {
      const int a = std::min(field.selection_begin, field.selection_end);
      const int b = std::max(field.selection_begin, field.selection_end);
      draw_list->AddRectFilled(ImVec2(x0 + x_at(a), text_min.y),
                               ImVec2(x0 + x_at(b), text_min.y + ImGui::GetFontSize()),
                               ImGui::GetColorU32(ImGuiCol_TextSelectedBg));
    }
    draw_list->AddText(ImVec2(x0, text_min.y), theme.text, value);
    if (field.composition_begin >= 0 && field.composition_end > field.composition_begin) {
      // The syllable being composed, underlined as IMEs show it.
      const float y = text_min.y + ImGui::GetFontSize() + 1;
      draw_list->AddLine(ImVec2(x0 + x_at(field.composition_begin), y),
                         ImVec2(x0 + x_at(field.composition_end), y), theme.text, 1.5f);
    }
    if (field.focused && field.selection_begin == field.selection_end)
      draw_list->AddLine(ImVec2(x0 + caret, text_min.y - 1),
                         ImVec2(x0 + caret, text_min.y + ImGui::GetFontSize() + 1), theme.accent,
                         1.5f);
    draw_list->PopClipRect();
  }
  // The page's <input> covers the box except the clear button.
  PlaceTextField(ImVec4(p0.x, p0.y, p1.x - clear_width, p1.y), hint);
  if (clear_width > 0) {
    ImGui::SetCursorScreenPos(ImVec2(p1.x - clear_width, p0.y));
    if (ImGui::InvisibleButton("##clear", ImVec2(clear_width, height))) {
      text->clear();
      SetTextFieldValue("");
      input_.value = agreed_ = "";
      events.typed = true;
    }
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal))
      ImGui::SetTooltip("%s", Text(StringId::kSearchClear));
    const ImVec2 c(p1.x - clear_width / 2, p0.y + height / 2);
    const float r = height * 0.17f;
    draw_list->AddLine(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), theme.text_muted, 1.8f);
    draw_list->AddLine(ImVec2(c.x - r, c.y + r), ImVec2(c.x + r, c.y - r), theme.text_muted, 1.8f);
    ImGui::SetCursorScreenPos(ImVec2(p0.x, p1.y + style.ItemSpacing.y));
    ImGui::Dummy(ImVec2(0, 0));
  }
  return events;
}

}  // namespace bokji::web
