// web/model/format.h and the string table: hand-written expectations for dates, times, distances,
// label lists, phone numbers and links, query strings; language codes and the Korean fallback.
#include "web/model/format.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "web/model/strings.h"

namespace bokji::web {
namespace {

TEST(Format, DatesAndEventTimes) {
  SetLanguage(Language::kKorean);
  EXPECT_EQ(FormatDate(20191231), "2019.12.31");
  EXPECT_EQ(FormatDate(0), Text(StringId::kNotStated));
  EXPECT_EQ(FormatEventTime(202603051430, 202603051600), "2026.03.05 (목) 14:30~16:00");
  EXPECT_EQ(FormatEventTime(202603051430, 0), "2026.03.05 (목) 14:30");
  EXPECT_EQ(FormatEventTime(202603071000, 202603081200),
            "2026.03.07 (토) 10:00 ~ 2026.03.08 (일) 12:00");
  EXPECT_EQ(FormatEventTime(0, 0), Text(StringId::kNotStated));
  SetLanguage(Language::kEnglish);
  EXPECT_EQ(FormatEventTime(202603051430, 0), "2026.03.05 (Thu) 14:30");
  SetLanguage(Language::kKorean);
}

TEST(Format, Distances) {
  EXPECT_EQ(FormatDistance(0), "0 m");
  EXPECT_EQ(FormatDistance(344), "340 m");
  EXPECT_EQ(FormatDistance(995), "1.0 km");  // not "1000 m"
  EXPECT_EQ(FormatDistance(1234), "1.2 km");
  EXPECT_EQ(FormatDistance(9949), "9.9 km");
  EXPECT_EQ(FormatDistance(15400), "15 km");
}

TEST(Format, LabelListsAndProgramPlaces) {
  SetLanguage(Language::kKorean);
  EXPECT_EQ(TargetListText(kTargetElderly | kTargetDisabled), "노인, 장애인");
  EXPECT_EQ(TargetListText(0), "");
  EXPECT_EQ(StageListText(kStageYoungAdult | kStageMiddleAge), "청년, 중장년");
  Program p;
  p.level = ProgramLevel::kCity;
  p.region_name = "김제시";
  EXPECT_EQ(ProgramPlaceText(p), "시군 · 김제시");
  p.region_name.clear();
  p.level = ProgramLevel::kCentral;
  EXPECT_EQ(ProgramPlaceText(p), ProgramLevelLabel(ProgramLevel::kCentral));
  Facility f;
  f.lot_address = "지번 1";
  EXPECT_EQ(AddressOf(f), "지번 1");
  f.road_address = "도로 2";
  EXPECT_EQ(AddressOf(f), "도로 2");
  EXPECT_EQ(Format("%d곳 %d개", 3, 4), "3곳 4개");
}

TEST(Format, PhonesAndLinks) {
  EXPECT_EQ(TelUrl("063-222-9999 (내선 2)"), "tel:0632229999");
  EXPECT_EQ(TelUrl("063-222-9999, 9998"), "tel:0632229999");
  EXPECT_EQ(TelUrl("+82 63 222 9999"), "tel:+82632229999");
  EXPECT_EQ(TelUrl("없음"), "");
  EXPECT_EQ(PhoneInText("보건복지상담센터129"), "129");
  EXPECT_EQ(PhoneInText("김제시청 주민복지과 063-540-3000"), "063-540-3000");
  EXPECT_EQ(PhoneInText("1577-0606"), "1577-0606");
  EXPECT_EQ(PhoneInText("2026년 3월"), "");
  Facility f;
  f.name = "가 나";
  f.position = {35.8242, 127.148};
  EXPECT_EQ(KakaoDirectionsUrl(f),
            "https://map.kakao.com/link/to/%EA%B0%80%20%EB%82%98,35.824200,127.148000");
  EXPECT_EQ(NaverDirectionsUrl(f),
            "https://map.naver.com/index.nhn?menu=route&elng=127.148000&elat=35.824200&etext="
            "%EA%B0%80%20%EB%82%98");
}

TEST(Format, QueryStrings) {
  EXPECT_EQ(UrlEncode("a b&c=한/~"), "a%20b%26c%3D%ED%95%9C%2F~");
  const auto pairs = ParseQueryString("a=1&b=%ED%95%9C+x&&c&d=%ZZ");
  ASSERT_EQ(pairs.size(), 4u);
  EXPECT_EQ(pairs[0], (std::pair<std::string, std::string>{"a", "1"}));
  EXPECT_EQ(pairs[1], (std::pair<std::string, std::string>{"b", "한 x"}));
  EXPECT_EQ(pairs[2], (std::pair<std::string, std::string>{"c", ""}));
  EXPECT_EQ(pairs[3], (std::pair<std::string, std::string>{"d", "%ZZ"}));
  // Every byte survives encoding and parsing.
  std::string all;
  for (int c = 1; c < 256; ++c) all += static_cast<char>(c);
  EXPECT_EQ(ParseQueryString("x=" + UrlEncode(all)).front().second, all);
}

TEST(Strings, LanguagesByCodeAndEveryTextPresent) {
  EXPECT_EQ(LanguageFromCode("ko"), Language::kKorean);
  EXPECT_EQ(LanguageFromCode("en"), Language::kEnglish);
  EXPECT_EQ(LanguageFromCode("vi"), Language::kVietnamese);
  EXPECT_EQ(LanguageFromCode("zh-Hans"), Language::kChinese);
  EXPECT_EQ(LanguageFromCode("zh"), Language::kChinese);
  EXPECT_FALSE(LanguageFromCode("fr").has_value());
  for (int l = 0; l < kLanguageCount; ++l) {
    SetLanguage(static_cast<Language>(l));
    for (int id = 0; id < static_cast<int>(StringId::kCount); ++id)
      EXPECT_STRNE(Text(static_cast<StringId>(id)), "") << "language " << l << " string " << id;
  }
  SetLanguage(Language::kKorean);
  EXPECT_STREQ(Text(StringId::kAppTitle), "복지지도");
  std::set<std::string> seen;
  VisitAllStrings(
      [](const char* text, void* out) { static_cast<std::set<std::string>*>(out)->insert(text); },
      &seen);
  EXPECT_TRUE(seen.count("복지지도") && seen.count("Welfare Map"));
}

}  // namespace
}  // namespace bokji::web
