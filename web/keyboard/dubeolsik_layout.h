// The on-screen 두벌식 keyboard as data for a UI to draw: rows of keys, each with the jamo (or
// digit) it shows, the one it shows with shift, the QWERTY key it sits on, and its width.
//
// clang-format off
//   const bokji::keyboard::KeyboardLayout& layout = bokji::keyboard::DubeolsikLayout();
//   const float key_px = available_width / layout.width;            // one letter key, in pixels
//   for (const bokji::keyboard::KeyRow& row : layout.rows) {
//     float x = (layout.width - row.Width()) / 2 * key_px;           // rows are centred
//     for (const bokji::keyboard::Key& key : row.keys) {
//       const char* label = key.action == KeyAction::kType ? key.Label(keyboard.shifted())
//                                                          : TextFor(key.action);  // the string table
//       if (DrawButton(label, x, key.width * key_px)) keyboard.Press(key);
//       x += key.width * key_px;
//     }
//   }
// clang-format on
//
// The rows follow the standard 두벌식 layout (KS X 5002) over a QWERTY keyboard: a number row,
// three rows of jamo, and a row with the space bar. Shift types the double consonants ㄲㄸㅃㅆㅉ
// and the vowels ㅒㅖ; on the other jamo keys shift changes nothing. Keys that are not typed
// (shift, backspace, space) carry no label here: a UI names them from its string table, as they are
// words.
#pragma once

#include <cstdint>
#include <span>

namespace bokji::keyboard {

enum class KeyAction : std::uint8_t {
  kType,       // types a jamo or digit: `ascii`, or `shifted_ascii` while shift is on
  kShift,      // shift for the next typed key
  kBackspace,  // one jamo back while composing, else one character
  kSpace,      // a space (ends the syllable being composed)
};

struct Key {
  KeyAction action;
  // The QWERTY key a kType key sits on, as libhangul reads it ('r' → ㄱ, '1' → 1); with shift
  // `shifted_ascii` ('R' → ㄲ). For a jamo key shift does not change, `shifted_ascii` is the same
  // jamo's key in lower case ('a' → ㅁ both ways). 0 for the other actions.
  char ascii;
  char shifted_ascii;
  // What a kType key shows, UTF-8 ("ㄱ", "ㄲ", "1"); empty ("") for the other actions.
  const char* label;
  const char* shifted_label;
  // In letter-key widths: a jamo or digit key is 1.
  float width;

  const char* Label(bool shifted) const { return shifted ? shifted_label : label; }
  char Ascii(bool shifted) const { return shifted ? shifted_ascii : ascii; }
};

struct KeyRow {
  std::span<const Key> keys;

  // The sum of the keys' widths.
  float Width() const;
};

struct KeyboardLayout {
  std::span<const KeyRow> rows;
  // The widest row's width, in letter-key widths: the keyboard's width.
  float width;
};

// The layout above; a static table (never changes, safe to keep references to).
const KeyboardLayout& DubeolsikLayout();

}  // namespace bokji::keyboard
