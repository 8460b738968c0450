// The string table speaks four languages (issue 11): every string has a Korean, English,
// Vietnamese and Chinese text; a translation is not the Korean (or the English) copied, except
// where the text has no words to translate (a URL, "Shift", "%s (%d)"); and every printf format
// takes the same arguments, in the same order, in every language (a translated format with another
// order would print the wrong value, or crash).
#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <regex>
#include <string>
#include <vector>

#include "web/model/strings.h"

namespace bokji::web {
namespace {

constexpr Language kAll[] = {Language::kKorean, Language::kEnglish, Language::kVietnamese,
                             Language::kChinese};

// Restores Korean after each test so the other suites see the default.
class StringTable : public ::testing::Test {
 protected:
  void TearDown() override { SetLanguage(Language::kKorean); }
};

bool HasHangul(const std::string& text) {
  // Hangul syllables U+AC00..U+D7A3 are EA B0 80 .. ED 9E A3 in UTF-8.
  for (size_t i = 0; i + 2 < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b == 0xEA && static_cast<unsigned char>(text[i + 1]) >= 0xB0) return true;
    if (b == 0xEB || b == 0xEC) return true;
    if (b == 0xED && static_cast<unsigned char>(text[i + 1]) < 0x9F) return true;
  }
  return false;
}

const std::regex& ConversionPattern() {
  static const std::regex kConversion("%[-+ #0]*[0-9]*(?:\\.[0-9]+)?[sdu%]");
  return kConversion;
}

// The printf conversions of a text, in order ("%d", "%s"; "%%" is a literal percent).
std::vector<std::string> Conversions(const std::string& text) {
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), ConversionPattern());
       it != std::sregex_iterator(); ++it)
    out.push_back(it->str());
  return out;
}

// Words a reader would need translated: ASCII letters or Hangul outside printf conversions.
bool HasWords(const std::string& text) {
  const std::string words = std::regex_replace(text, ConversionPattern(), "");
  return HasHangul(words) || std::any_of(words.begin(), words.end(),
                                         [](char c) { return std::isalpha(c & 0xFF) != 0; });
}

std::string TextIn(Language language, StringId id) {
  SetLanguage(language);
  return Text(id);
}

TEST_F(StringTable, EveryLanguageIsOffered) {
  for (Language language : kAll)
    EXPECT_NE(std::find(std::begin(kOfferedLanguages), std::end(kOfferedLanguages), language),
              std::end(kOfferedLanguages))
        << LanguageCode(language);
  EXPECT_EQ(LanguageFromCode("zh"), Language::kChinese);
  EXPECT_EQ(LanguageFromCode("vi"), Language::kVietnamese);
}

TEST_F(StringTable, EveryRowIsTranslatedIntoEveryLanguage) {
  for (int i = 0; i < static_cast<int>(StringId::kCount); ++i) {
    const auto id = static_cast<StringId>(i);
    const std::string korean = TextIn(Language::kKorean, id);
    const std::string english = TextIn(Language::kEnglish, id);
    ASSERT_FALSE(korean.empty()) << "row " << i;
    // A text with no words (a URL has letters, but is the same in any language) needs none.
    const bool neutral = korean == english;
    for (Language language : {Language::kEnglish, Language::kVietnamese, Language::kChinese}) {
      const std::string text = TextIn(language, id);
      EXPECT_FALSE(text.empty()) << "row " << i << " " << LanguageCode(language);
      if (!neutral && HasWords(korean)) {
        EXPECT_NE(text, korean) << "row " << i << " in " << LanguageCode(language)
                                << " is the Korean text: " << korean;
      }
      if (language != Language::kEnglish && !neutral && HasWords(english)) {
        EXPECT_NE(text, english) << "row " << i << " in " << LanguageCode(language)
                                 << " is the English text: " << english;
      }
    }
  }
}

TEST_F(StringTable, FormatsTakeTheSameArgumentsInEveryLanguage) {
  int formats = 0;
  for (int i = 0; i < static_cast<int>(StringId::kCount); ++i) {
    const auto id = static_cast<StringId>(i);
    const std::vector<std::string> korean = Conversions(TextIn(Language::kKorean, id));
    if (!korean.empty()) ++formats;
    for (Language language : kAll)
      EXPECT_EQ(Conversions(TextIn(language, id)), korean)
          << "row " << i << " in " << LanguageCode(language) << ": " << TextIn(language, id);
  }
  EXPECT_GE(formats, 30);  // the table's *Format rows (strings.h marks them)
}

TEST_F(StringTable, EnumLabelsAreTranslated) {
  std::vector<std::vector<std::string>> labels(kLanguageCount);
  for (Language language : kAll) {
    SetLanguage(language);
    auto& out = labels[static_cast<int>(language)];
    for (int c = 0; c < kFacilityCategoryCount; ++c)
      out.push_back(CategoryLabel(static_cast<FacilityCategory>(c)));
    for (int b = 0; b < kTargetGroupCount; ++b) out.push_back(TargetLabel(1u << b));
    for (int d = 0; d < 7; ++d) out.push_back(WeekdayLabel(d));
  }
  for (Language language : {Language::kEnglish, Language::kVietnamese, Language::kChinese})
    for (size_t k = 0; k < labels[0].size(); ++k) {
      const std::string& text = labels[static_cast<int>(language)][k];
      EXPECT_FALSE(text.empty());
      EXPECT_NE(text, labels[0][k]) << "label " << k << " in " << LanguageCode(language);
      EXPECT_FALSE(HasHangul(text)) << "label " << k << " in " << LanguageCode(language);
    }
}

TEST_F(StringTable, LanguageNamesAreInTheirOwnLanguage) {
  EXPECT_STREQ(LanguageName(Language::kVietnamese), "Tiếng Việt");
  EXPECT_STREQ(LanguageName(Language::kChinese), "中文(简体)");
  EXPECT_STREQ(LanguageCode(Language::kChinese), "zh-Hans");
}

}  // namespace
}  // namespace bokji::web
