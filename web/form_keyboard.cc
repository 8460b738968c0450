// The on-screen keyboard for the page's own text fields on a kiosk (the help-request form,
// web/help_form.js, typed by web/form_keyboard.js): the same 두벌식 layout and libhangul
// composition as the app's keyboard panel (web/panels/kiosk_keyboard.cc), driven from JavaScript
// through one export. A kiosk has no physical keyboard and the form is DOM, not ImGui, so without
// this it could not be typed.
//
// clang-format off
//   // JavaScript (index.html wraps it as bokjiPage.formKeyboard(op, row, key, text)):
//   const layout = JSON.parse(call(0));          // {rows: [[{action, label, shifted, width}, …], …], done}
//   call(1, 0, 0, field.value);                  // start from what the field holds
//   const state = JSON.parse(call(2, row, key)); // a key was tapped: {text, shifted}
//   field.value = state.text;
// clang-format on
#include <emscripten/emscripten.h>

#include <nlohmann/json.hpp>
#include <string>

#include "web/keyboard/onscreen_keyboard.h"
#include "web/model/strings.h"
#include "web/ui.h"

namespace {

using bokji::keyboard::KeyAction;

bokji::keyboard::OnScreenKeyboard g_keyboard;
std::string g_reply;  // the last answer, kept until the next call (JavaScript copies it at once)

const char* ActionName(KeyAction action) {
  switch (action) {
    case KeyAction::kType:
      return "type";
    case KeyAction::kShift:
      return "shift";
    case KeyAction::kBackspace:
      return "backspace";
    case KeyAction::kSpace:
      return "space";
  }
  return "type";
}

nlohmann::json LayoutJson() {
  nlohmann::json rows = nlohmann::json::array();
  for (const bokji::keyboard::KeyRow& row : g_keyboard.layout().rows) {
    nlohmann::json keys = nlohmann::json::array();
    for (const bokji::keyboard::Key& key : row.keys) {
      keys.push_back({{"action", ActionName(key.action)},
                      {"label", bokji::web::KeyLabel(key, false)},
                      {"shifted", bokji::web::KeyLabel(key, true)},
                      {"width", key.width}});
    }
    rows.push_back(std::move(keys));
  }
  return {{"rows", std::move(rows)},
          {"width", g_keyboard.layout().width},
          {"done", bokji::web::Text(bokji::web::StringId::kKeyboardDone)}};
}

nlohmann::json StateJson() {
  return {{"text", g_keyboard.text()}, {"shifted", g_keyboard.shifted()}};
}

}  // namespace

extern "C" {

// op 0: the layout in the app's language; 1: start from `text` (UTF-8); 2: press key `key` of row
// `row`; 3: commit the syllable being composed; 4: forget everything. Returns JSON (op 0: the
// layout; else the state {text, shifted}); a row or key outside the layout answers {"error": …} and
// changes nothing.
EMSCRIPTEN_KEEPALIVE const char* bokji_form_keyboard(int op, int row, int key, const char* text) {
  nlohmann::json reply;
  const auto& rows = g_keyboard.layout().rows;
  switch (op) {
    case 0:
      reply = LayoutJson();
      break;
    case 1:
      g_keyboard.SetText(text != nullptr ? text : "");
      reply = StateJson();
      break;
    case 2:
      if (row < 0 || row >= static_cast<int>(rows.size()) || key < 0 ||
          key >= static_cast<int>(rows[row].keys.size())) {
        reply = {{"error", "no such key"}};
        break;
      }
      g_keyboard.Press(rows[row].keys[key]);
      reply = StateJson();
      break;
    case 3:
      g_keyboard.Commit();
      reply = StateJson();
      break;
    case 4:
      g_keyboard.Clear();
      reply = StateJson();
      break;
    default:
      reply = {{"error", "no such operation"}};
  }
  g_reply = reply.dump();
  return g_reply.c_str();
}

}  // extern "C"
