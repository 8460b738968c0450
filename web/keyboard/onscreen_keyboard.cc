#include "web/keyboard/onscreen_keyboard.h"

namespace bokji::keyboard {

void OnScreenKeyboard::Press(const Key& key) {
  switch (key.action) {
    case KeyAction::kType:
      composer_.Type(key.Ascii(shifted_));
      shifted_ = false;
      return;
    case KeyAction::kShift:
      shifted_ = !shifted_;
      return;
    case KeyAction::kBackspace:
      composer_.Backspace();
      return;
    case KeyAction::kSpace:
      composer_.Type(' ');
      return;
  }
}

void OnScreenKeyboard::Clear() {
  composer_.Clear();
  shifted_ = false;
}

void OnScreenKeyboard::SetText(std::string_view utf8) {
  composer_.SetText(utf8);
  shifted_ = false;
}

}  // namespace bokji::keyboard
