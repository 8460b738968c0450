// Korean text helpers: UTF-8, Hangul syllable arithmetic, and the "search form" that
// core/text_search.h matches on.
//
// Index
//   - UTF-8         DecodeUtf8, AppendUtf8, EncodeUtf8 (invalid input becomes U+FFFD)
//   - Hangul        syllable parts, 초성 (Choseong), composition of conjoining jamo (ComposeHangul)
//   - Search form   ToSearchForm, NormalizeForSearch: what a text looks like to the search
//
// clang-format off
//   std::string key = bokji::NormalizeForSearch("전북종합 사회복지관");  // "전북종합사회복지관"
//   char32_t initial = bokji::Choseong(U'관');                         // U'ㄱ'
// clang-format on
//
// Terms. A Hangul syllable (U+AC00–U+D7A3) is an initial consonant (초성, 19 kinds), a medial vowel
// (중성, 21) and an optional final consonant (종성, 27 kinds; index 0 = none), numbered as in
// Unicode. "Conjoining jamo" (U+1100–U+11FF) are the letters a decomposed (NFD) syllable is spelled
// with; "compatibility jamo" (U+3131–U+318E) are the standalone letters a keyboard types on their
// own ("ㅂㅈㄱ").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bokji {

// ---------------------------------------------------------------------------------------------------------
// UTF-8
// ---------------------------------------------------------------------------------------------------------

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point that starts at byte `*pos` and moves `*pos` past it. An invalid sequence
// (a stray continuation byte, an overlong form, a surrogate, a value above U+10FFFF, a truncated
// sequence) decodes to kReplacementChar and consumes one byte, so decoding always makes progress.
// REQUIRES: *pos < text.size().
char32_t DecodeUtf8(std::string_view text, size_t* pos);

// The whole text decoded, invalid sequences replaced as above.
std::u32string DecodeUtf8(std::string_view text);

// Appends the UTF-8 form of `c`. A surrogate or a value above U+10FFFF is written as U+FFFD.
void AppendUtf8(char32_t c, std::string* out);
std::string EncodeUtf8(std::u32string_view text);

// ---------------------------------------------------------------------------------------------------------
// Hangul
// ---------------------------------------------------------------------------------------------------------

inline constexpr char32_t kFirstSyllable = 0xAC00;  // 가
inline constexpr char32_t kLastSyllable = 0xD7A3;   // 힣
inline constexpr int kInitialCount = 19;
inline constexpr int kMedialCount = 21;
inline constexpr int kFinalCount = 28;  // including 0 = no final consonant

inline bool IsHangulSyllable(char32_t c) {
  return c >= kFirstSyllable && c <= kLastSyllable;
}

// A syllable's letters as Unicode's indexes: initial 0–18 (ㄱ…ㅎ), medial 0–20 (ㅏ…ㅣ), final 0–27
// (0 = none, 1 = ㄱ … 27 = ㅎ).
struct SyllableParts {
  int initial = 0;
  int medial = 0;
  int final_consonant = 0;
};
// REQUIRES: IsHangulSyllable(syllable).
SyllableParts SplitSyllable(char32_t syllable);
// REQUIRES: each index within its range above.
char32_t MakeSyllable(int initial, int medial, int final_consonant = 0);

// The compatibility jamo for an initial (0 → ㄱ U+3131, 18 → ㅎ U+314E), a medial (0 → ㅏ U+314F)
// or a final consonant (1 → ㄱ, 3 → ㄳ; 0 → 0). REQUIRES: index within its range.
char32_t InitialJamo(int initial);
char32_t MedialJamo(int medial);
char32_t FinalJamo(int final_consonant);

// The initial index of a compatibility consonant that can begin a syllable (ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ
// ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ); -1 for anything else, including clusters such as ㄳ that only
// end one.
int InitialIndexOfJamo(char32_t c);
// The final index of a compatibility consonant (ㄱ → 1, ㄳ → 3, ㅎ → 27); -1 for ㄸ ㅃ ㅉ and
// non-consonants.
int FinalIndexOfJamo(char32_t c);

// 초성: the compatibility jamo of a syllable's initial consonant (장 → ㅈ); 0 when `c` is not a
// syllable.
char32_t Choseong(char32_t c);

// Canonical composition (NFC) of modern Hangul: initial + medial [+ final] conjoining jamo become
// one syllable, and a syllable without a final followed by a conjoining final takes it. Everything
// else, including jamo that cannot combine, is copied unchanged. (Only Hangul is composed: Latin
// letters with combining accents stay decomposed.)
std::u32string ComposeHangul(std::u32string_view text);

// ---------------------------------------------------------------------------------------------------------
// Search form
// ---------------------------------------------------------------------------------------------------------

// A text as the search sees it:
//   - decoded from UTF-8 (invalid sequences become U+FFFD, which the search never matches) and
//     Hangul-composed (NFD input, as macOS file names and some IMEs produce, equals NFC input);
//   - conjoining jamo left over after composition become the compatibility jamo of the same letter
//     (a lone U+1107 ᄇ becomes ㅂ U+3142), so "ᄇᄌᄀ" is the 초성 query "ㅂㅈㄱ";
//   - fullwidth ASCII becomes ASCII ("ＫＴ１" → "KT1"), then Latin letters are lower-cased
//     (ASCII and Latin-1);
//   - separators are dropped: white space, control characters, ASCII punctuation, and the
//     punctuation and symbol blocks Korean text uses (· ㆍ ‧ ・ 「」 ※ ○ → ∼ …, private-use
//     bullets). The character after a dropped separator starts a word.
struct SearchForm {
  std::u32string chars;
  std::vector<bool> word_starts;  // word_starts[i]: chars[i] starts a word; true for chars[0]
};
SearchForm ToSearchForm(std::string_view utf8);

// ToSearchForm(utf8).chars as UTF-8: "(사)전주 장애인·복지" → "사전주장애인복지".
std::string NormalizeForSearch(std::string_view utf8);

}  // namespace bokji
