// Tests for core/korean.h: UTF-8 against the RFC 3629 byte table, Hangul arithmetic against the
// Unicode letter tables and known spellings, and the search form on text from the real data.

#include "core/korean.h"

#include <random>
#include <string>

#include <gtest/gtest.h>

namespace bokji {
namespace {

// ---- UTF-8
// -----------------------------------------------------------------------------------------------

// Oracle: the length of the well-formed UTF-8 sequence at text[pos], or 0, straight from the table
// of well-formed byte sequences in RFC 3629 section 4 / Unicode table 3-7.
size_t WellFormedLength(std::string_view text, size_t pos) {
  const auto b = [&](size_t i) -> int {
    return pos + i < text.size() ? static_cast<unsigned char>(text[pos + i]) : -1;
  };
  const auto in = [](int v, int lo, int hi) { return v >= lo && v <= hi; };
  const int b0 = b(0);
  if (in(b0, 0x00, 0x7F)) return 1;
  if (in(b0, 0xC2, 0xDF)) return in(b(1), 0x80, 0xBF) ? 2 : 0;
  int lo1 = 0x80, hi1 = 0xBF;
  if (b0 == 0xE0) lo1 = 0xA0;
  if (b0 == 0xED) hi1 = 0x9F;
  if (b0 == 0xF0) lo1 = 0x90;
  if (b0 == 0xF4) hi1 = 0x8F;
  if (in(b0, 0xE0, 0xEF)) return in(b(1), lo1, hi1) && in(b(2), 0x80, 0xBF) ? 3 : 0;
  if (in(b0, 0xF0, 0xF4))
    return in(b(1), lo1, hi1) && in(b(2), 0x80, 0xBF) && in(b(3), 0x80, 0xBF) ? 4 : 0;
  return 0;
}

TEST(KoreanUtf8, KnownEncodings) {
  EXPECT_EQ(DecodeUtf8("\xEA\xB0\x80"), U"가");  // U+AC00
  EXPECT_EQ(DecodeUtf8("\xE3\x84\xB1"), U"ㄱ");  // U+3131
  EXPECT_EQ(DecodeUtf8("a\xC2\xB7"
                       "b"),
            U"a·b");
  EXPECT_EQ(DecodeUtf8("\xF0\x9F\x98\x80"), U"\U0001F600");
  EXPECT_EQ(EncodeUtf8(U"전주"), "\xEC\xA0\x84\xEC\xA3\xBC");
}

TEST(KoreanUtf8, EveryScalarValueRoundTrips) {
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    std::string bytes;
    AppendUtf8(c, &bytes);
    ASSERT_EQ(WellFormedLength(bytes, 0), bytes.size()) << std::hex << static_cast<uint32_t>(c);
    size_t pos = 0;
    ASSERT_EQ(DecodeUtf8(bytes, &pos), c);
    ASSERT_EQ(pos, bytes.size());
  }
}

TEST(KoreanUtf8, UnencodableValuesBecomeReplacementCharacter) {
  EXPECT_EQ(EncodeUtf8(U"\xD800"), EncodeUtf8(U"\uFFFD"));
  EXPECT_EQ(EncodeUtf8(std::u32string(1, 0x110000)), EncodeUtf8(U"\uFFFD"));
}

TEST(KoreanUtf8, InvalidSequencesDecodeToReplacementCharacters) {
  const char* kInvalid[] = {"\x80",
                            "\xBF",
                            "\xC0\x80",
                            "\xC1\xBF",
                            "\xE0\x80\x80",
                            "\xED\xA0\x80",
                            "\xF0\x80\x80\x80",
                            "\xF4\x90\x80\x80",
                            "\xF8\x88\x80\x80\x80",
                            "\xFF",
                            "\xEA\xB0",
                            "\xEA"};
  for (const char* bytes : kInvalid) {
    const std::u32string decoded = DecodeUtf8(std::string(bytes) + "a");
    ASSERT_FALSE(decoded.empty());
    EXPECT_EQ(decoded.back(), U'a') << "the decoder resynchronises on the next valid character";
    EXPECT_EQ(decoded.substr(0, decoded.size() - 1),
              std::u32string(decoded.size() - 1, kReplacementChar));
  }
}

TEST(KoreanUtf8, RandomBytesAgreeWithTheWellFormedTable) {
  std::mt19937 random(7);
  // Bytes biased towards those that start or continue multi-byte sequences.
  std::uniform_int_distribution<int> pick(0, 9);
  std::uniform_int_distribution<int> any_byte(0, 255), continuation(0x80, 0xBF), lead(0xC0, 0xF7);
  for (int round = 0; round < 3000; ++round) {
    std::string bytes;
    const int length = 1 + round % 12;
    for (int i = 0; i < length; ++i) {
      const int kind = pick(random);
      bytes.push_back(static_cast<char>(kind < 3   ? any_byte(random)
                                        : kind < 7 ? continuation(random)
                                                   : lead(random)));
    }
    // Walk the oracle: a well-formed sequence is one character, any other byte one U+FFFD.
    std::u32string expected;
    for (size_t pos = 0; pos < bytes.size();) {
      const size_t n = WellFormedLength(bytes, pos);
      if (n == 0) {
        expected.push_back(kReplacementChar);
        ++pos;
        continue;
      }
      size_t decode_pos = pos;
      expected.push_back(DecodeUtf8(bytes, &decode_pos));
      ASSERT_EQ(decode_pos, pos + n);
      pos += n;
    }
    const std::u32string decoded = DecodeUtf8(bytes);
    ASSERT_EQ(decoded, expected);
    if (decoded.find(kReplacementChar) == std::u32string::npos) {
      EXPECT_EQ(EncodeUtf8(decoded), bytes);
    }
  }
}

// ---- Hangul
// ----------------------------------------------------------------------------------------------

// The Unicode letter tables, as a Korean reader knows them.
const std::u32string kInitials = U"ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
const std::u32string kMedials = U"ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ";
const std::u32string kFinals =
    U"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ";  // finals 1…27

TEST(KoreanHangul, ChoseongOfKnownSyllables) {
  const std::u32string syllables = U"가까나다따라마바빠사싸아자짜차카타파하";
  for (size_t i = 0; i < syllables.size(); ++i) EXPECT_EQ(Choseong(syllables[i]), kInitials[i]);
  const std::u32string word = U"장애인복지관";
  EXPECT_EQ(std::u32string({Choseong(word[0]), Choseong(word[1]), Choseong(word[2]),
                            Choseong(word[3]), Choseong(word[4]), Choseong(word[5])}),
            U"ㅈㅇㅇㅂㅈㄱ");
  EXPECT_EQ(Choseong(U'힣'), U'ㅎ');
  EXPECT_EQ(Choseong(U'ㄱ'), 0u);
  EXPECT_EQ(Choseong(U'a'), 0u);
  EXPECT_EQ(Choseong(0xABFF), 0u);
  EXPECT_EQ(Choseong(0xD7A4), 0u);
}

TEST(KoreanHangul, SyllablesSplitIntoTheirLetters) {
  // Syllables are ordered initial-major, then medial, then final: walk them in that order.
  char32_t syllable = kFirstSyllable;
  for (int l = 0; l < kInitialCount; ++l) {
    for (int v = 0; v < kMedialCount; ++v) {
      for (int t = 0; t < kFinalCount; ++t, ++syllable) {
        const SyllableParts parts = SplitSyllable(syllable);
        ASSERT_EQ(parts.initial, l);
        ASSERT_EQ(parts.medial, v);
        ASSERT_EQ(parts.final_consonant, t);
        ASSERT_EQ(MakeSyllable(l, v, t), syllable);
        ASSERT_EQ(Choseong(syllable), kInitials[l]);
      }
    }
  }
  EXPECT_EQ(syllable - 1, kLastSyllable);
  const SyllableParts gwan = SplitSyllable(U'관');
  EXPECT_EQ(InitialJamo(gwan.initial), U'ㄱ');
  EXPECT_EQ(MedialJamo(gwan.medial), U'ㅘ');
  EXPECT_EQ(FinalJamo(gwan.final_consonant), U'ㄴ');
  EXPECT_EQ(MakeSyllable(InitialIndexOfJamo(U'ㄷ'), kMedials.find(U'ㅏ'), FinalIndexOfJamo(U'ㄺ')),
            U'닭');
}

TEST(KoreanHangul, JamoTables) {
  for (int i = 0; i < kInitialCount; ++i) {
    EXPECT_EQ(InitialJamo(i), kInitials[i]);
    EXPECT_EQ(InitialIndexOfJamo(kInitials[i]), i);
  }
  for (int i = 0; i < kMedialCount; ++i) EXPECT_EQ(MedialJamo(i), kMedials[i]);
  EXPECT_EQ(FinalJamo(0), 0u);
  for (int i = 1; i < kFinalCount; ++i) {
    EXPECT_EQ(FinalJamo(i), kFinals[i - 1]);
    EXPECT_EQ(FinalIndexOfJamo(kFinals[i - 1]), i);
  }
  for (char32_t c : std::u32string_view(U"ㄳㄵㄶㄺㄻㄼㄽㄾㄿㅀㅄㅏa가"))
    EXPECT_EQ(InitialIndexOfJamo(c), -1);
  for (char32_t c : std::u32string_view(U"ㄸㅃㅉㅏa가")) EXPECT_EQ(FinalIndexOfJamo(c), -1);
}

// NFD of a syllable by the decomposition in the Unicode standard (section 3.12), written out here.
std::u32string Nfd(std::u32string_view text) {
  std::u32string out;
  for (char32_t c : text) {
    if (c < 0xAC00 || c > 0xD7A3) {
      out.push_back(c);
      continue;
    }
    const char32_t s = c - 0xAC00;
    out.push_back(0x1100 + s / (21 * 28));
    out.push_back(0x1161 + s % (21 * 28) / 28);
    if (s % 28 != 0) out.push_back(0x11A7 + s % 28);
  }
  return out;
}

TEST(KoreanHangul, ComposeUndoesDecompositionOfEverySyllable) {
  for (char32_t c = kFirstSyllable; c <= kLastSyllable; ++c)
    ASSERT_EQ(ComposeHangul(Nfd({&c, 1})), std::u32string(1, c));
  // 한국어 as the Unicode standard spells it in NFD.
  EXPECT_EQ(ComposeHangul(U"\u1112\u1161\u11AB\u1100\u116E\u11A8\u110B\u1165"), U"한국어");
  EXPECT_EQ(ComposeHangul(Nfd(U"전북종합 사회복지관 (2017)")), U"전북종합 사회복지관 (2017)");
  // A precomposed syllable without a final takes a following conjoining final (NFC does).
  EXPECT_EQ(ComposeHangul(U"가\u11A8"), U"각");
  // …but one with a final does not, and lone letters stay as they are.
  EXPECT_EQ(ComposeHangul(U"각\u11A8"), U"각\u11A8");
  EXPECT_EQ(ComposeHangul(U"\u1107\u110C\u1100"), U"\u1107\u110C\u1100");
  EXPECT_EQ(ComposeHangul(U"\u1161"), U"\u1161");
  EXPECT_EQ(ComposeHangul(U"ㄱㅏ"), U"ㄱㅏ");  // compatibility letters are not conjoining
}

// ---- Search form
// -----------------------------------------------------------------------------------------

TEST(KoreanSearchForm, SpacesAndPunctuationFromTheRealDataDisappear) {
  // Names and words as they appear in /work/shared/data.
  EXPECT_EQ(NormalizeForSearch("전북종합 사회복지관"), "전북종합사회복지관");
  EXPECT_EQ(NormalizeForSearch("사)나누는사람"), "사나누는사람");
  EXPECT_EQ(NormalizeForSearch("전주시 완산구 백제대로 20-41(평화동 1가)"),
            "전주시완산구백제대로2041평화동1가");
  EXPECT_EQ(NormalizeForSearch("여성·가족"), "여성가족");
  EXPECT_EQ(NormalizeForSearch("임신ㆍ출산"), "임신출산");
  EXPECT_EQ(NormalizeForSearch("「장애인복지법」 ※ 대상 ○ 지원 → 신청"),
            "장애인복지법대상지원신청");
  EXPECT_EQ(NormalizeForSearch("한부모‧조손"), "한부모조손");
  EXPECT_EQ(NormalizeForSearch("\xEF\xBB\xBF서비스아이디"), "서비스아이디");  // a byte order mark
  EXPECT_EQ(NormalizeForSearch(" \t\n"), "");
}

TEST(KoreanSearchForm, FullwidthAndLatinCaseFold) {
  EXPECT_EQ(NormalizeForSearch("ＫＴ＆Ｇ　복지재단１"), "ktg복지재단1");
  EXPECT_EQ(NormalizeForSearch("LH 임대주택"), "lh임대주택");
  EXPECT_EQ(NormalizeForSearch("ÉCOLE"), "école");
}

TEST(KoreanSearchForm, DecomposedHangulEqualsComposed) {
  const std::string composed = "전주장애인종합복지관 (평화동)";
  EXPECT_EQ(NormalizeForSearch(EncodeUtf8(Nfd(DecodeUtf8(composed)))),
            NormalizeForSearch(composed));
  // Conjoining initials with no vowel become the compatibility letters a 초성 query uses.
  EXPECT_EQ(NormalizeForSearch("\u1107\u110C\u1100"), "ㅂㅈㄱ");
  EXPECT_EQ(NormalizeForSearch("\u1161\u11A8"), "ㅏㄱ");
}

TEST(KoreanSearchForm, WordStartsFollowSeparators) {
  const SearchForm form = ToSearchForm(" 전주 장애인·복지관");
  EXPECT_EQ(form.chars, U"전주장애인복지관");
  const std::vector<bool> expected = {true, false, true, false, false, true, false, false};
  EXPECT_EQ(form.word_starts, expected);
}

TEST(KoreanSearchForm, InvalidBytesStayVisibleAsReplacementCharacters) {
  // One U+FFFD per invalid byte: \xFF, then the truncated 3-byte sequence \xEA\xB0.
  const SearchForm form = ToSearchForm("전주\xFF\xEA\xB0 복지");
  EXPECT_EQ(form.chars, U"전주\uFFFD\uFFFD\uFFFD복지");
}

}  // namespace
}  // namespace bokji
