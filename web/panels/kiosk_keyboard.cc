// A kiosk's on-screen 두벌식 keyboard (UiMode::kKiosk only): it opens when one of the app's text
// fields (the header's search, the programs view's search) takes the focus, types into that
// field's string in the state, and closes with "완료" or when its field is no longer drawn.
// Hangul is composed by libhangul (web/keyboard: OnScreenKeyboard); backspace undoes one jamo
// of the syllable being composed. Physical keyboards and IMEs keep typing into the page's input
// as before: the keyboard starts again from the field's text whenever that text changed elsewhere.
#include <algorithm>
#include <string>

#include "imgui_internal.h"  // BringWindowToDisplayFront: over the panels it types for

#include "web/keyboard/onscreen_keyboard.h"
#include "web/panels/panels.h"
#include "web/platform.h"
#include "web/ui.h"

namespace bokji::web {
namespace {

using keyboard::Key;
using keyboard::KeyAction;

class KioskKeyboard final : public Panel {
 public:
  const char* name() const override { return "kiosk_keyboard"; }

  void Draw(PanelContext& ctx) override {
    if (ctx.config.mode != UiMode::kKiosk) return;
    AppState& state = ctx.state;
    const std::string& owner = ctx.text.drawn_owner();
    const KeyboardFor drawn = owner == "header"     ? KeyboardFor::kSearch
                              : owner == "programs" ? KeyboardFor::kPrograms
                                                    : KeyboardFor::kNone;
    // Opens when the field takes the focus (a tap on it), not while it keeps it after "완료".
    const bool gained_focus = ctx.text.focused() && !was_focused_;
    was_focused_ = ctx.text.focused();
    if (gained_focus && drawn != KeyboardFor::kNone) state.keyboard = drawn;
    if (state.keyboard != drawn) state.keyboard = KeyboardFor::kNone;  // its field went away
    std::string* text = Target(state);
    if (text == nullptr) {
      // Nothing typed is kept once the keyboard closes.
      if (!keyboard_.text().empty()) keyboard_.Clear();
      return;
    }
    if (keyboard_.text() != *text) keyboard_.SetText(*text);  // typed or changed elsewhere

    const Layout& layout = ctx.layout;
    const Theme& theme = ctx.theme;
    const float margin = theme.Scaled(Layout::kMargin);
    const float width = std::min(layout.width - 2 * margin, theme.Scaled(760));
    const float key_height = std::max(theme.min_target_height, theme.Scaled(48));
    const ImGuiStyle& style = ImGui::GetStyle();
    const auto& rows = keyboard_.layout().rows;
    const float height =
        (rows.size() + 1) * (key_height + style.ItemSpacing.y) + 2 * style.WindowPadding.y;
    const float bottom = layout.height - layout.safe.bottom - margin;
    ImGui::SetNextWindowPos(ImVec2((layout.width - width) / 2, bottom - height));
    ImGui::SetNextWindowSize(ImVec2(width, height));
    ImGui::Begin("##kiosk_keyboard", nullptr,
                 kPanelFlags | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());

    const float inner = ImGui::GetContentRegionAvail().x;
    const float unit = (inner + style.ItemSpacing.x) / keyboard_.layout().width;
    const Key* pressed = nullptr;
    int id = 0;
    for (const keyboard::KeyRow& row : rows) {
      const float row_width = row.Width() * unit - style.ItemSpacing.x;
      ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (inner - row_width) / 2);
      bool first = true;
      for (const Key& key : row.keys) {
        if (!first) ImGui::SameLine();
        first = false;
        ImGui::PushID(id++);
        const bool shift_on = key.action == KeyAction::kShift && keyboard_.shifted();
        const ImVec2 size(key.width * unit - style.ItemSpacing.x, key_height);
        const char* label = Label(key);
        if (shift_on ? AccentButton(theme, label, size) : ImGui::Button(label, size))
          pressed = &key;
        ctx.rects.Note(RectName(key));
        ImGui::PopID();
      }
    }
    const char* done = Text(StringId::kKeyboardDone);
    const float done_width = ImGui::CalcTextSize(done).x + 4 * style.FramePadding.x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + inner - done_width);
    const bool close = AccentButton(theme, done, ImVec2(done_width, key_height));
    ctx.rects.Note("keyboard_done");
    ImGui::End();

    if (pressed != nullptr) {
      keyboard_.Press(*pressed);
      *text = keyboard_.text();
      if (state.keyboard == KeyboardFor::kSearch) {
        state.search.results_open = true;
        state.search.more = {};
      }
    }
    if (close) {
      keyboard_.Commit();
      state.keyboard = KeyboardFor::kNone;
      BlurTextField();  // the next tap on the field opens the keyboard again
    }
  }

  void Debug(PanelContext& ctx, nlohmann::json& out) const override {
    out["keyboard"] = {{"for", static_cast<int>(ctx.state.keyboard)},
                       {"shifted", keyboard_.shifted()},
                       {"committed", keyboard_.committed()},
                       {"preedit", keyboard_.preedit()}};
  }

 private:
  static std::string* Target(AppState& state) {
    switch (state.keyboard) {
      case KeyboardFor::kSearch:
        return &state.search.query;
      case KeyboardFor::kPrograms:
        return &state.programs.query;
      case KeyboardFor::kNone:
        break;
    }
    return nullptr;
  }

  const char* Label(const Key& key) const {
    switch (key.action) {
      case KeyAction::kType:
        return key.Label(keyboard_.shifted());
      case KeyAction::kShift:
        return Text(StringId::kKeyboardShift);
      case KeyAction::kBackspace:
        return Text(StringId::kKeyboardBackspace);
      case KeyAction::kSpace:
        return Text(StringId::kKeyboardSpace);
    }
    return "";
  }

  // Tests tap keys by the QWERTY key they sit on ("key:r" is ㄱ) or by action.
  static std::string RectName(const Key& key) {
    switch (key.action) {
      case KeyAction::kType:
        return std::string("key:") + key.ascii;
      case KeyAction::kShift:
        return "key:shift";
      case KeyAction::kBackspace:
        return "key:backspace";
      case KeyAction::kSpace:
        return "key:space";
    }
    return "key:?";
  }

  keyboard::OnScreenKeyboard keyboard_;  // mirrors the field's string while it is open
  bool was_focused_ = false;             // the page's field had the focus last frame
};

}  // namespace

BOKJI_PANEL_MAKER(KioskKeyboard)

}  // namespace bokji::web
