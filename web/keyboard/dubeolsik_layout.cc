#include "web/keyboard/dubeolsik_layout.h"

namespace bokji::keyboard {
namespace {

constexpr Key Jamo(char ascii, const char* label) {
  return Key{KeyAction::kType, ascii, ascii, label, label, 1.0f};
}
// A jamo key whose shifted form is another jamo (ㄱ/ㄲ, ㅐ/ㅒ): shift types the upper-case letter.
constexpr Key ShiftableJamo(char ascii, const char* label, const char* shifted_label) {
  const char upper_case = static_cast<char>(ascii - 'a' + 'A');
  return Key{KeyAction::kType, ascii, upper_case, label, shifted_label, 1.0f};
}
constexpr Key Digit(char digit, const char* label) {
  return Key{KeyAction::kType, digit, digit, label, label, 1.0f};
}
constexpr Key Action(KeyAction action, float width) {
  return Key{action, 0, 0, "", "", width};
}

constexpr Key kNumberRow[] = {
    Digit('1', "1"), Digit('2', "2"), Digit('3', "3"), Digit('4', "4"), Digit('5', "5"),
    Digit('6', "6"), Digit('7', "7"), Digit('8', "8"), Digit('9', "9"), Digit('0', "0"),
};
constexpr Key kUpperRow[] = {
    ShiftableJamo('q', "ㅂ", "ㅃ"),
    ShiftableJamo('w', "ㅈ", "ㅉ"),
    ShiftableJamo('e', "ㄷ", "ㄸ"),
    ShiftableJamo('r', "ㄱ", "ㄲ"),
    ShiftableJamo('t', "ㅅ", "ㅆ"),
    Jamo('y', "ㅛ"),
    Jamo('u', "ㅕ"),
    Jamo('i', "ㅑ"),
    ShiftableJamo('o', "ㅐ", "ㅒ"),
    ShiftableJamo('p', "ㅔ", "ㅖ"),
};
constexpr Key kMiddleRow[] = {
    Jamo('a', "ㅁ"), Jamo('s', "ㄴ"), Jamo('d', "ㅇ"), Jamo('f', "ㄹ"), Jamo('g', "ㅎ"),
    Jamo('h', "ㅗ"), Jamo('j', "ㅓ"), Jamo('k', "ㅏ"), Jamo('l', "ㅣ"),
};
constexpr Key kLowerRow[] = {
    Action(KeyAction::kShift, 1.5f),
    Jamo('z', "ㅋ"),
    Jamo('x', "ㅌ"),
    Jamo('c', "ㅊ"),
    Jamo('v', "ㅍ"),
    Jamo('b', "ㅠ"),
    Jamo('n', "ㅜ"),
    Jamo('m', "ㅡ"),
    Action(KeyAction::kBackspace, 1.5f),
};
constexpr Key kSpaceRow[] = {
    Action(KeyAction::kSpace, 6.0f),
};

constexpr KeyRow kRows[] = {
    {kNumberRow}, {kUpperRow}, {kMiddleRow}, {kLowerRow}, {kSpaceRow},
};

}  // namespace

float KeyRow::Width() const {
  float width = 0;
  for (const Key& key : keys) width += key.width;
  return width;
}

const KeyboardLayout& DubeolsikLayout() {
  static const KeyboardLayout layout = [] {
    KeyboardLayout built{kRows, 0};
    for (const KeyRow& row : kRows)
      built.width = row.Width() > built.width ? row.Width() : built.width;
    return built;
  }();
  return layout;
}

}  // namespace bokji::keyboard
