// Hangul composition for typing by keys: the text typed so far plus the syllable still being
// composed, with libhangul's input context (its standard 두벌식 keyboard, "2") deciding how jamo
// join. It knows nothing of drawing; web/keyboard/onscreen_keyboard.h puts a key layout in front of
// it.
//
// clang-format off
//   bokji::keyboard::HangulComposer composer;
//   for (char key : std::string_view("ekfrk")) composer.Type(key);  // QWERTY keys of ㄷㅏㄹㄱㅏ
//   composer.committed();  // "달"  (the ㄱ moved on to the next syllable)
//   composer.preedit();    // "가"  (still being composed: a UI underlines it)
//   composer.Backspace();  // preedit "ㄱ": one jamo at a time while composing
//   composer.Commit();     // text() == committed() == "달ㄱ", nothing being composed
// clang-format on
//
// The rules are libhangul's, used the way an input method uses them: a key that is no jamo on the
// 두벌식 layout (a digit, space, punctuation) ends the syllable and is typed as itself; backspace
// takes back one jamo of the syllable being composed, and once nothing is being composed it deletes
// the last character of the committed text.
#pragma once

#include <string>
#include <string_view>

// libhangul's opaque input context (hangul.h), named here so this header need not include it.
typedef struct _HangulInputContext HangulInputContext;

namespace bokji::keyboard {

class HangulComposer {
 public:
  // DEFAULT: empty text, libhangul's standard 두벌식 keyboard ("2").
  HangulComposer();
  ~HangulComposer();
  HangulComposer(const HangulComposer&) = delete;
  HangulComposer& operator=(const HangulComposer&) = delete;

  // Types what the QWERTY key `ascii` types on the 두벌식 layout: 'r' → ㄱ, 'R' (shift) → ㄲ,
  // 'k' → ㅏ; '7' → 7 and ' ' → a space (ending the syllable being composed).
  // REQUIRES: `ascii` is printable ASCII (' ' to '~'); anything else is a caller's mistake.
  void Type(char ascii);

  // Takes back the last jamo of the syllable being composed (닭 → 달 → 다 → ㄷ → nothing); with
  // nothing being composed, deletes the last character of the committed text. Empty: does nothing.
  void Backspace();

  // Ends composition: the syllable being composed joins the committed text.
  void Commit();

  // Forgets all text: committed, being composed, and libhangul's buffer. The bytes of the text this
  // object kept are overwritten first (a kiosk's idle reset); libhangul resets its own state but
  // may keep the code points of the last syllable in its fixed buffers until they are next written.
  void Clear();

  // Starts over from `utf8` as committed text (a field that already holds text), nothing composed.
  void SetText(std::string_view utf8);

  // Finished text, UTF-8.
  const std::string& committed() const { return committed_; }
  // The syllable (or lone jamo) still being composed, UTF-8; empty when none.
  const std::string& preedit() const { return preedit_; }
  // What the field shows: committed() followed by preedit().
  std::string text() const { return committed_ + preedit_; }

 private:
  // Moves libhangul's commit string into committed_ and copies its preedit string into preedit_.
  void TakeStrings();

  HangulInputContext* context_;
  std::string committed_;
  std::string preedit_;
};

}  // namespace bokji::keyboard
