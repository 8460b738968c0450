// Korean text helpers. See korean.h.
//
// Index
//   - UTF-8
//   - Hangul
//   - Search form

#include "core/korean.h"

#include <cassert>

namespace bokji {

// ---------------------------------------------------------------------------------------------------------
// UTF-8
// ---------------------------------------------------------------------------------------------------------

char32_t DecodeUtf8(std::string_view text, size_t* pos) {
  assert(*pos < text.size() && "DecodeUtf8 called at or past the end of the text");
  const size_t start = *pos;
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(start);
  if (lead < 0x80) {
    *pos = start + 1;
    return lead;
  }
  size_t length = 0;
  char32_t c = 0;
  char32_t smallest = 0;  // anything below this is an overlong form
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, c = lead & 0x1F, smallest = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, c = lead & 0x0F, smallest = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, c = lead & 0x07, smallest = 0x10000;
  }
  bool valid = length != 0 && text.size() - start >= length;
  for (size_t i = 1; valid && i < length; ++i) {
    const unsigned char next = byte(start + i);
    valid = (next & 0xC0) == 0x80;
    c = (c << 6) | (next & 0x3F);
  }
  valid = valid && c >= smallest && c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF);
  if (!valid) {
    *pos = start + 1;
    return kReplacementChar;
  }
  *pos = start + length;
  return c;
}

std::u32string DecodeUtf8(std::string_view text) {
  std::u32string decoded;
  decoded.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) decoded.push_back(DecodeUtf8(text, &pos));
  return decoded;
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = kReplacementChar;
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string EncodeUtf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (char32_t c : text) AppendUtf8(c, &out);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Hangul
// ---------------------------------------------------------------------------------------------------------

namespace {

// Conjoining jamo blocks (modern letters only): initials, medials, finals (index 1 at U+11A8).
constexpr char32_t kFirstInitial = 0x1100, kFirstMedial = 0x1161, kFirstFinal = 0x11A7;
constexpr int kSyllablesPerInitial = kMedialCount * kFinalCount;  // 588

constexpr char32_t kInitialJamo[kInitialCount] = {U'ㄱ', U'ㄲ', U'ㄴ', U'ㄷ', U'ㄸ', U'ㄹ', U'ㅁ',
                                                  U'ㅂ', U'ㅃ', U'ㅅ', U'ㅆ', U'ㅇ', U'ㅈ', U'ㅉ',
                                                  U'ㅊ', U'ㅋ', U'ㅌ', U'ㅍ', U'ㅎ'};
constexpr char32_t kFinalJamo[kFinalCount] = {0,     U'ㄱ', U'ㄲ', U'ㄳ', U'ㄴ', U'ㄵ', U'ㄶ',
                                              U'ㄷ', U'ㄹ', U'ㄺ', U'ㄻ', U'ㄼ', U'ㄽ', U'ㄾ',
                                              U'ㄿ', U'ㅀ', U'ㅁ', U'ㅂ', U'ㅄ', U'ㅅ', U'ㅆ',
                                              U'ㅇ', U'ㅈ', U'ㅊ', U'ㅋ', U'ㅌ', U'ㅍ', U'ㅎ'};
// The 21 medial compatibility jamo follow ㅏ in Unicode order.
constexpr char32_t kFirstMedialJamo = U'ㅏ';

bool IsConjoiningInitial(char32_t c) {
  return c >= kFirstInitial && c < kFirstInitial + kInitialCount;
}
bool IsConjoiningMedial(char32_t c) {
  return c >= kFirstMedial && c < kFirstMedial + kMedialCount;
}
bool IsConjoiningFinal(char32_t c) {
  return c > kFirstFinal && c < kFirstFinal + kFinalCount;
}

}  // namespace

SyllableParts SplitSyllable(char32_t syllable) {
  assert(IsHangulSyllable(syllable) && "SplitSyllable needs a Hangul syllable U+AC00..U+D7A3");
  const int index = static_cast<int>(syllable - kFirstSyllable);
  return {index / kSyllablesPerInitial, index % kSyllablesPerInitial / kFinalCount,
          index % kFinalCount};
}

char32_t MakeSyllable(int initial, int medial, int final_consonant) {
  assert(initial >= 0 && initial < kInitialCount && medial >= 0 && medial < kMedialCount &&
         final_consonant >= 0 && final_consonant < kFinalCount &&
         "syllable part index out of range");
  return kFirstSyllable + (initial * kMedialCount + medial) * kFinalCount + final_consonant;
}

char32_t InitialJamo(int initial) {
  assert(initial >= 0 && initial < kInitialCount && "initial index out of range");
  return kInitialJamo[initial];
}

char32_t MedialJamo(int medial) {
  assert(medial >= 0 && medial < kMedialCount && "medial index out of range");
  return kFirstMedialJamo + medial;
}

char32_t FinalJamo(int final_consonant) {
  assert(final_consonant >= 0 && final_consonant < kFinalCount && "final index out of range");
  return kFinalJamo[final_consonant];
}

int InitialIndexOfJamo(char32_t c) {
  for (int i = 0; i < kInitialCount; ++i)
    if (kInitialJamo[i] == c) return i;
  return -1;
}

int FinalIndexOfJamo(char32_t c) {
  for (int i = 1; i < kFinalCount; ++i)
    if (kFinalJamo[i] == c) return i;
  return -1;
}

char32_t Choseong(char32_t c) {
  return IsHangulSyllable(c) ? kInitialJamo[(c - kFirstSyllable) / kSyllablesPerInitial] : 0;
}

std::u32string ComposeHangul(std::u32string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char32_t c = text[i];
    if (IsConjoiningInitial(c) && i + 1 < text.size() && IsConjoiningMedial(text[i + 1])) {
      c = MakeSyllable(static_cast<int>(c - kFirstInitial),
                       static_cast<int>(text[i + 1] - kFirstMedial));
      ++i;
    }
    if (IsHangulSyllable(c) && SplitSyllable(c).final_consonant == 0 && i + 1 < text.size() &&
        IsConjoiningFinal(text[i + 1])) {
      c += text[i + 1] - kFirstFinal;
      ++i;
    }
    out.push_back(c);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Search form
// ---------------------------------------------------------------------------------------------------------

namespace {

// Maps a composed character to what the search compares: compatibility jamo for leftover conjoining
// jamo, ASCII for fullwidth ASCII, lower case for Latin.
char32_t FoldForSearch(char32_t c) {
  if (IsConjoiningInitial(c)) return kInitialJamo[c - kFirstInitial];
  if (IsConjoiningMedial(c)) return kFirstMedialJamo + (c - kFirstMedial);
  if (IsConjoiningFinal(c)) return kFinalJamo[c - kFirstFinal];
  if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;  // fullwidth ！…～ → ASCII
  if (c == 0x3000) c = U' ';                    // ideographic space
  if (c >= U'A' && c <= U'Z') return c + 0x20;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;  // Latin-1 À…Þ except ×
  return c;
}

bool IsSeparator(char32_t c) {
  if (c < 0x80) {
    const bool alphanumeric =
        (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
    return !alphanumeric;  // white space, controls, ASCII punctuation
  }
  return c <= 0xBF ||                     // Latin-1 controls, no-break space, punctuation, ·
         c == 0xD7 || c == 0xF7 ||        // × ÷
         (c >= 0x115F && c <= 0x1160) ||  // Hangul fillers
         (c >= 0x2000 && c <= 0x206F) ||  // general punctuation: spaces, dashes, quotes, ‧ ※ …
         (c >= 0x2190 && c <= 0x245F) ||  // arrows, math operators (∼ ⋅ ∙), technical symbols
         (c >= 0x2500 && c <= 0x2BFF) ||  // box drawing, shapes (○ □ ◦ ❍), symbols, dingbats
         (c >= 0x2E00 && c <= 0x2E7F) ||  // supplemental punctuation
         (c >= 0x3000 && c <= 0x3003) ||  // ideographic space, 、 。 〃
         (c >= 0x3008 && c <= 0x3011) ||  // 〈〉《》「」『』【】
         (c >= 0x3014 && c <= 0x301F) ||  // more CJK brackets, 〜
         c == 0x30FB ||                   // ・ katakana middle dot
         c == 0x3164 ||                   // Hangul compatibility filler
         c == 0x318D ||                   // ㆍ arae-a, used in Korean text as a middle dot
         (c >= 0xE000 && c <= 0xF8FF) ||  // private use: bullets from symbol fonts
         (c >= 0xFE10 && c <= 0xFE1F) ||  // vertical forms
         (c >= 0xFE30 && c <= 0xFE6F) ||  // CJK compatibility and small forms
         c == 0xFEFF ||                   // byte order mark
         (c >= 0xFF61 && c <= 0xFF65) ||  // halfwidth CJK punctuation
         c == 0xFFA0;                     // halfwidth Hangul filler
}

}  // namespace

SearchForm ToSearchForm(std::string_view utf8) {
  SearchForm form;
  bool word_start = true;
  for (char32_t c : ComposeHangul(DecodeUtf8(utf8))) {
    c = FoldForSearch(c);
    if (IsSeparator(c)) {
      word_start = true;
      continue;
    }
    form.chars.push_back(c);
    form.word_starts.push_back(word_start);
    word_start = false;
  }
  return form;
}

std::string NormalizeForSearch(std::string_view utf8) {
  return EncodeUtf8(ToSearchForm(utf8).chars);
}

}  // namespace bokji
