#include "web/keyboard/hangul_composer.h"

#include <hangul.h>

#include <algorithm>
#include <cassert>

#include "core/korean.h"

namespace bokji::keyboard {
namespace {

// libhangul's id of the standard 두벌식 keyboard (KS X 5002), built into the library.
constexpr const char* kDubeolsikKeyboardId = "2";

void AppendUcs4(const ucschar* text, std::string* out) {
  for (; text != nullptr && *text != 0; ++text) AppendUtf8(static_cast<char32_t>(*text), out);
}

// Removes the last UTF-8 character of `text` (its lead byte and continuation bytes).
void EraseLastCharacter(std::string* text) {
  if (text->empty()) return;
  size_t start = text->size() - 1;
  while (start > 0 && (static_cast<unsigned char>((*text)[start]) & 0xC0) == 0x80) --start;
  text->erase(start);
}

void Wipe(std::string* text) {
  std::fill(text->begin(), text->end(), '\0');
  text->clear();
}

}  // namespace

HangulComposer::HangulComposer() : context_(hangul_ic_new(kDubeolsikKeyboardId)) {
  // hangul_ic_new fails only for an unknown keyboard id or out of memory; "2" is built in.
  assert(context_ != nullptr && "libhangul has no built-in keyboard \"2\"");
}

HangulComposer::~HangulComposer() {
  Clear();
  hangul_ic_delete(context_);
}

void HangulComposer::Type(char ascii) {
  // Control characters have their own meaning to libhangul ('\b' is backspace): use Backspace().
  assert(ascii >= ' ' && ascii <= '~' && "HangulComposer::Type takes printable ASCII keys only");
  const bool used = hangul_ic_process(context_, ascii);
  TakeStrings();
  // A key libhangul did not use is no jamo: it has already ended the syllable (now in the commit
  // string), and the key types itself after it, as an input method does.
  if (!used) committed_.push_back(ascii);
}

void HangulComposer::Backspace() {
  if (hangul_ic_backspace(context_)) {
    TakeStrings();
    return;
  }
  EraseLastCharacter(&committed_);
}

void HangulComposer::Commit() {
  AppendUcs4(hangul_ic_flush(context_), &committed_);
  Wipe(&preedit_);
}

void HangulComposer::Clear() {
  hangul_ic_reset(context_);
  Wipe(&committed_);
  Wipe(&preedit_);
}

void HangulComposer::SetText(std::string_view utf8) {
  Clear();
  committed_.assign(utf8);
}

void HangulComposer::TakeStrings() {
  AppendUcs4(hangul_ic_get_commit_string(context_), &committed_);
  preedit_.clear();
  AppendUcs4(hangul_ic_get_preedit_string(context_), &preedit_);
}

}  // namespace bokji::keyboard
