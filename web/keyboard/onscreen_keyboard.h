// The on-screen Korean keyboard's state: which keys were pressed, shift, and the text they typed,
// composed into Hangul syllables by libhangul (web/keyboard/hangul_composer.h). A UI draws
// layout() (web/keyboard/dubeolsik_layout.h), calls Press() for a tapped key and shows text() with
// preedit() marked as still being composed. No drawing, no browser: it builds natively and for
// wasm.
//
// clang-format off
//   bokji::keyboard::OnScreenKeyboard keyboard;
//   keyboard.SetText(search_text);            // start from what the field holds
//   keyboard.Press(key);                      // a key of keyboard.layout() was tapped
//   ShowField(keyboard.committed(), keyboard.preedit());
//   if (search_tapped) { keyboard.Commit(); Search(keyboard.committed()); }
//   if (idle_reset) keyboard.Clear();
// clang-format on
//
// Shift holds for one typed key, as on phone keyboards: shift, ㄱ types ㄲ and the next ㄱ is ㄱ
// again; shift pressed twice is off.
#pragma once

#include <string>
#include <string_view>

#include "web/keyboard/dubeolsik_layout.h"
#include "web/keyboard/hangul_composer.h"

namespace bokji::keyboard {

class OnScreenKeyboard {
 public:
  // DEFAULT: DubeolsikLayout(), empty text, shift off.
  OnScreenKeyboard() = default;

  const KeyboardLayout& layout() const { return DubeolsikLayout(); }

  // Acts on a tapped key: types its jamo or digit (shifted if shift is on, which then goes off),
  // toggles shift, goes back one jamo or character, or types a space.
  // REQUIRES: `key` is a key of layout() (an invented kType key must carry printable ASCII).
  void Press(const Key& key);

  // The same as pressing the backspace key (for a UI's own delete button or a physical key).
  void Backspace() { composer_.Backspace(); }
  // Ends composition: the syllable being composed joins the committed text (before searching,
  // or when the field loses focus).
  void Commit() { composer_.Commit(); }
  // Forgets all text and turns shift off (see HangulComposer::Clear).
  void Clear();
  // Starts over from `utf8` as committed text, shift off.
  void SetText(std::string_view utf8);

  bool shifted() const { return shifted_; }
  const std::string& committed() const { return composer_.committed(); }
  const std::string& preedit() const { return composer_.preedit(); }
  std::string text() const { return composer_.text(); }

 private:
  HangulComposer composer_;
  bool shifted_ = false;
};

}  // namespace bokji::keyboard
