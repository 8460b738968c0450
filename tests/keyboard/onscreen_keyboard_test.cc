// The on-screen 두벌식 keyboard (web/keyboard) against libhangul's own input context.
//
// The oracle: libhangul's HangulInputContext fed the QWERTY keys of each word directly, the way an
// input method drives it (written out in this file, sharing no code with web/keyboard). The QWERTY
// spellings are written by hand from the standard 두벌식 layout (KS X 5002), and each word's final
// text is the word itself, so a test fails if the on-screen keys sit on the wrong QWERTY keys, if
// composition differs from libhangul's, or if the result is not the word.
//
// Index
//   - Oracle and helpers   OracleType (libhangul directly), TypeOnScreen (by the labels of the
//   layout)
//   - Layout               every jamo and digit once, labels as libhangul composes them, widths
//   - Words                닭, 값, 달가, 않아, 복지관, 한국어 and more, key by key against the
//   oracle
//   - Backspace            one jamo at a time while composing, one character after
//   - Shift, space, digits, Commit, Clear, SetText
#include <hangul.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "core/korean.h"
#include "web/keyboard/dubeolsik_layout.h"
#include "web/keyboard/hangul_composer.h"
#include "web/keyboard/onscreen_keyboard.h"

namespace bokji::keyboard {
namespace {

// ---------------------------------------------------------------------------------------------------------
// Oracle and helpers
// ---------------------------------------------------------------------------------------------------------

struct Typed {
  std::string committed;
  std::string preedit;
  bool operator==(const Typed&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Typed& typed) {
  return out << "committed \"" << typed.committed << "\", preedit \"" << typed.preedit << "\"";
}

std::string Utf8(const ucschar* text) {
  std::u32string chars;
  for (; text != nullptr && *text != 0; ++text) chars.push_back(static_cast<char32_t>(*text));
  return EncodeUtf8(chars);
}

// libhangul's "2" keyboard driven directly with `qwerty`, '\b' standing for backspace: the state
// after each key (committed text, syllable being composed). Input-method protocol: take the commit
// string after every key; a key the context does not use is typed as itself; a backspace the
// context does not use deletes the last committed character.
std::vector<Typed> OracleType(std::string_view qwerty) {
  HangulInputContext* context = hangul_ic_new("2");
  std::u32string committed;
  std::vector<Typed> states;
  for (char key : qwerty) {
    if (key == '\b') {
      if (!hangul_ic_backspace(context) && !committed.empty()) committed.pop_back();
    } else {
      const bool used = hangul_ic_process(context, key);
      for (const ucschar* c = hangul_ic_get_commit_string(context); *c != 0; ++c) committed += *c;
      if (!used) committed += static_cast<char32_t>(key);
    }
    states.push_back({EncodeUtf8(committed), Utf8(hangul_ic_get_preedit_string(context))});
  }
  hangul_ic_delete(context);
  return states;
}

// The key of the layout that shows `label` (plain or with shift), and whether shift is needed for
// it.
struct FoundKey {
  const Key* key = nullptr;
  bool shifted = false;
};

FoundKey FindKey(std::string_view label) {
  for (const KeyRow& row : DubeolsikLayout().rows) {
    for (const Key& key : row.keys) {
      if (key.action != KeyAction::kType) continue;
      if (label == key.label) return {&key, false};
      if (label == key.shifted_label) return {&key, true};
    }
  }
  return {};
}

const Key& ActionKey(KeyAction action) {
  for (const KeyRow& row : DubeolsikLayout().rows) {
    for (const Key& key : row.keys) {
      if (key.action == action) return key;
    }
  }
  ADD_FAILURE() << "the layout has no key for action " << static_cast<int>(action);
  static const Key kNone{action, 0, 0, "", "", 1};
  return kNone;
}

// Presses the on-screen keys for `labels`, one UTF-8 character each: a jamo or digit is found by
// its label (shift pressed first when it is a shifted label), ' ' is the space bar, '\b' the
// backspace key. Returns the state after each character, as OracleType does (a shift press adds no
// state).
std::vector<Typed> TypeOnScreen(OnScreenKeyboard& keyboard, std::string_view labels) {
  std::vector<Typed> states;
  size_t pos = 0;
  while (pos < labels.size()) {
    const size_t start = pos;
    DecodeUtf8(labels, &pos);
    const std::string_view label = labels.substr(start, pos - start);
    if (label == " ") {
      keyboard.Press(ActionKey(KeyAction::kSpace));
    } else if (label == "\b") {
      keyboard.Press(ActionKey(KeyAction::kBackspace));
    } else {
      const FoundKey found = FindKey(label);
      if (found.key == nullptr) {
        ADD_FAILURE() << "no on-screen key shows \"" << label << "\"";
        continue;
      }
      if (found.shifted != keyboard.shifted()) keyboard.Press(ActionKey(KeyAction::kShift));
      keyboard.Press(*found.key);
    }
    states.push_back({keyboard.committed(), keyboard.preedit()});
  }
  return states;
}

// Types a word both ways and checks every intermediate state, then the final text after Commit().
void ExpectSameAsLibhangul(std::string_view labels, std::string_view qwerty,
                           std::string_view expected_text) {
  SCOPED_TRACE("keys \"" + std::string(labels) + "\" (QWERTY \"" + std::string(qwerty) + "\")");
  OnScreenKeyboard keyboard;
  const std::vector<Typed> on_screen = TypeOnScreen(keyboard, labels);
  const std::vector<Typed> oracle = OracleType(qwerty);
  ASSERT_EQ(on_screen.size(), oracle.size());
  for (size_t i = 0; i < oracle.size(); ++i)
    EXPECT_EQ(on_screen[i], oracle[i]) << "after key " << i;
  EXPECT_EQ(keyboard.text(), expected_text);
  keyboard.Commit();
  EXPECT_EQ(keyboard.committed(), expected_text);
  EXPECT_EQ(keyboard.preedit(), "");
}

// ---------------------------------------------------------------------------------------------------------
// Layout
// ---------------------------------------------------------------------------------------------------------

TEST(DubeolsikLayoutTest, HasEveryJamoAndDigitOnce) {
  // The 33 jamo a 두벌식 keyboard types (19 consonants with the 5 doubles, 14 vowels with ㅒㅖ),
  // and 0–9.
  const std::u32string expected =
      U"ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎㅏㅐㅑㅒㅓㅔㅕㅖㅗㅛㅜㅠㅡㅣ0123456789";
  for (char32_t c : expected) {
    std::string label;
    AppendUtf8(c, &label);
    int keys = 0;
    for (const KeyRow& row : DubeolsikLayout().rows) {
      for (const Key& key : row.keys) {
        if (key.action != KeyAction::kType) continue;
        keys += label == key.label;
        // A shifted label that only repeats the plain one (ㅛ/ㅛ) is the same key, not a second
        // one.
        keys += label == key.shifted_label && std::string_view(key.shifted_label) != key.label;
      }
    }
    EXPECT_EQ(keys, 1) << label;
  }
  int typed_keys = 0;
  for (const KeyRow& row : DubeolsikLayout().rows) {
    for (const Key& key : row.keys) typed_keys += key.action == KeyAction::kType;
  }
  EXPECT_EQ(typed_keys, 26 + 10);  // the 26 letter keys of QWERTY and the number row
}

TEST(DubeolsikLayoutTest, LabelsAreWhatLibhangulTypesOnThoseKeys) {
  for (const KeyRow& row : DubeolsikLayout().rows) {
    for (const Key& key : row.keys) {
      if (key.action != KeyAction::kType) continue;
      for (bool shifted : {false, true}) {
        const std::vector<Typed> typed = OracleType(std::string(1, key.Ascii(shifted)));
        EXPECT_EQ(typed.back().committed + typed.back().preedit, key.Label(shifted))
            << "QWERTY '" << key.Ascii(shifted) << "'";
      }
    }
  }
}

TEST(DubeolsikLayoutTest, RowsFitTheWidthAndActionKeysExist) {
  const KeyboardLayout& layout = DubeolsikLayout();
  ASSERT_EQ(layout.rows.size(), 5u);  // digits, three jamo rows, space
  float widest = 0;
  for (const KeyRow& row : layout.rows) {
    EXPECT_GT(row.Width(), 0);
    EXPECT_LE(row.Width(), layout.width);
    widest = std::max(widest, row.Width());
    for (const Key& key : row.keys) {
      EXPECT_GE(key.width, 1.0f);
      // Typed keys show text; action keys are named by the UI's string table.
      EXPECT_EQ(key.action == KeyAction::kType, std::string_view(key.label) != "");
    }
  }
  EXPECT_EQ(layout.width, widest);
  EXPECT_EQ(layout.width, 10.0f);  // ten keys in the number row and the upper jamo row
  for (KeyAction action : {KeyAction::kShift, KeyAction::kBackspace, KeyAction::kSpace}) {
    EXPECT_EQ(ActionKey(action).action, action);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------------------------------

TEST(OnScreenKeyboardTest, DoubleFinalConsonants) {
  ExpectSameAsLibhangul("ㄷㅏㄹㄱ", "ekfr", "닭");
  ExpectSameAsLibhangul("ㄱㅏㅂㅅ", "rkqt", "값");
  ExpectSameAsLibhangul("ㅇㅏㄴㅎ", "dksg", "않");
  ExpectSameAsLibhangul("ㅇㅓㅂㅅㄷㅏ", "djqtek", "없다");
}

TEST(OnScreenKeyboardTest, FinalConsonantMovesToTheNextSyllable) {
  ExpectSameAsLibhangul("ㄷㅏㄹㄱㅏ", "ekfrk", "달가");
  ExpectSameAsLibhangul("ㅇㅏㄴㅎㅇㅏ", "dksgdk", "않아");
  ExpectSameAsLibhangul("ㅇㅓㅂㅅㅓ", "djqtj", "업서");
  ExpectSameAsLibhangul("ㄱㅏㄴㅏ", "rksk", "가나");
}

TEST(OnScreenKeyboardTest, RealWords) {
  ExpectSameAsLibhangul("ㅂㅗㄱㅈㅣㄱㅗㅏㄴ", "qhrwlrhks", "복지관");
  ExpectSameAsLibhangul("ㅎㅏㄴㄱㅜㄱㅇㅓ", "gksrnrdj", "한국어");
  ExpectSameAsLibhangul("ㅈㅓㄴㅈㅜㅅㅣ", "wjswntl", "전주시");
  ExpectSameAsLibhangul("ㅎㅐㅇㅈㅓㅇㅂㅗㄱㅈㅣㅅㅔㄴㅌㅓ", "godwjdqhrwltpsxj", "행정복지센터");
  ExpectSameAsLibhangul("ㅇㅡㅣ", "dml", "의");  // ㅡ + ㅣ join into ㅢ
  ExpectSameAsLibhangul("ㅇㅜㅓㄴ", "dnjs", "원");
}

TEST(OnScreenKeyboardTest, ShiftTypesDoubleConsonantsAndVowelsForOneKey) {
  ExpectSameAsLibhangul("ㅆㅏㅇ", "Tkd", "쌍");
  ExpectSameAsLibhangul("ㅃㅏㄹㄹㅐ", "Qkffo", "빨래");
  ExpectSameAsLibhangul("ㅇㅖㅇㅒㄱㅣ", "dPdOrl", "예얘기");
  ExpectSameAsLibhangul("ㄲㅗㅊ", "Rhc", "꽃");
  ExpectSameAsLibhangul("ㅉㅏㄸㅏ", "WkEk",
                        "짜따");  // ㄸ cannot be a final consonant: a new syllable

  OnScreenKeyboard keyboard;
  const Key& giyeok = *FindKey("ㄱ").key;
  const Key& shift = ActionKey(KeyAction::kShift);
  keyboard.Press(shift);
  EXPECT_TRUE(keyboard.shifted());
  keyboard.Press(giyeok);
  EXPECT_FALSE(keyboard.shifted());  // one key only
  keyboard.Press(giyeok);
  EXPECT_EQ(keyboard.text(), "ㄲㄱ");
  keyboard.Press(shift);
  keyboard.Press(shift);  // twice: off again
  EXPECT_FALSE(keyboard.shifted());
}

TEST(OnScreenKeyboardTest, DigitsAndSpaceEndTheSyllable) {
  ExpectSameAsLibhangul("ㅂㅗㄱㅈㅣㄱㅗㅏㄴ 2ㅊㅡㅇ", "qhrwlrhks 2cmd", "복지관 2층");
  ExpectSameAsLibhangul("1577ㅇ", "1577d", "1577ㅇ");
  ExpectSameAsLibhangul("ㄷㅏㄹ7ㄱㅏ", "ekf7rk", "달7가");  // the digit keeps ㄹ from moving on
}

// ---------------------------------------------------------------------------------------------------------
// Backspace
// ---------------------------------------------------------------------------------------------------------

TEST(OnScreenKeyboardTest, BackspaceUndoesOneJamoWhileComposing) {
  ExpectSameAsLibhangul("ㄷㅏㄹㄱ\b\b\b\b", "ekfr\b\b\b\b", "");
  OnScreenKeyboard keyboard;
  const std::vector<Typed> states = TypeOnScreen(keyboard, "ㄷㅏㄹㄱ\b\b\b\b\b");
  ASSERT_EQ(states.size(), 9u);
  const std::vector<std::string> expected = {"ㄷ", "다", "달", "닭", "달", "다", "ㄷ", "", ""};
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(states[i].committed, "") << i;
    EXPECT_EQ(states[i].preedit, expected[i]) << i;
  }
}

TEST(OnScreenKeyboardTest, BackspaceAfterASyllableMovedOn) {
  // 달 was committed when ㄱ moved on: backspace takes 가 apart, then deletes 달 whole.
  ExpectSameAsLibhangul("ㄷㅏㄹㄱㅏ\b\b\b", "ekfrk\b\b\b", "");
  OnScreenKeyboard keyboard;
  const std::vector<Typed> states = TypeOnScreen(keyboard, "ㄷㅏㄹㄱㅏ\b\b\b");
  ASSERT_EQ(states.size(), 8u);
  EXPECT_EQ(states[4], (Typed{"달", "가"}));
  EXPECT_EQ(states[5], (Typed{"달", "ㄱ"}));
  EXPECT_EQ(states[6], (Typed{"달", ""}));
  EXPECT_EQ(states[7], (Typed{"", ""}));
}

TEST(OnScreenKeyboardTest, BackspaceInWordsAndAfterSpace) {
  ExpectSameAsLibhangul("ㅎㅏㄴㄱㅜㄱㅇㅓ\b\b\b", "gksrnrdj\b\b\b",
                        "한");  // 어 → ㅇ → none → 국 goes
  ExpectSameAsLibhangul("ㅎㅏㄴㄱㅜㄱ\b\bㅡㄹ", "gksrnr\b\bmf", "한글");
  ExpectSameAsLibhangul("ㅂㅗㄱㅈㅣ \b\bㅈㅣㄴ", "qhrwl \b\bwls", "복진");
  ExpectSameAsLibhangul("ㄱㅏㅂㅅ\bㅅ", "rkqt\bt", "값");
  ExpectSameAsLibhangul("\b\bㄱ", "\b\br", "ㄱ");  // nothing to delete: nothing happens
}

// ---------------------------------------------------------------------------------------------------------
// Commit, Clear, SetText
// ---------------------------------------------------------------------------------------------------------

TEST(OnScreenKeyboardTest, CommitEndsTheSyllable) {
  OnScreenKeyboard keyboard;
  TypeOnScreen(keyboard, "ㄷㅏㄹㄱ");
  keyboard.Commit();
  EXPECT_EQ(keyboard.committed(), "닭");
  TypeOnScreen(keyboard, "ㅏ");  // after a commit ㄱ no longer moves on
  keyboard.Commit();
  EXPECT_EQ(keyboard.committed(), "닭ㅏ");
}

TEST(OnScreenKeyboardTest, ClearForgetsEverything) {
  OnScreenKeyboard keyboard;
  TypeOnScreen(keyboard, "ㅂㅗㄱㅈㅣㄱㅗㅏㄴ");
  keyboard.Press(ActionKey(KeyAction::kShift));
  keyboard.Clear();
  EXPECT_EQ(keyboard.text(), "");
  EXPECT_FALSE(keyboard.shifted());
  TypeOnScreen(keyboard, "ㅏ");  // libhangul's buffer is empty too: no 관 left to join
  EXPECT_EQ(keyboard.text(), "ㅏ");
}

TEST(OnScreenKeyboardTest, SetTextContinuesFromAFieldsText) {
  OnScreenKeyboard keyboard;
  TypeOnScreen(keyboard, "ㄱ");
  keyboard.SetText("전주 ");
  EXPECT_EQ(keyboard.committed(), "전주 ");
  EXPECT_EQ(keyboard.preedit(), "");
  TypeOnScreen(keyboard, "ㅂㅗㄱ\b");
  EXPECT_EQ(keyboard.text(), "전주 보");
  TypeOnScreen(keyboard, "\b\b\b");  // 보 → ㅂ → "" → deletes the committed space
  EXPECT_EQ(keyboard.text(), "전주");
}

TEST(HangulComposerTest, TypesQwertyKeys) {
  HangulComposer composer;
  for (char key : std::string_view("gksrnrdj")) composer.Type(key);
  EXPECT_EQ(composer.committed(), "한국");
  EXPECT_EQ(composer.preedit(), "어");
  composer.Commit();
  EXPECT_EQ(composer.text(), "한국어");
}

}  // namespace
}  // namespace bokji::keyboard
