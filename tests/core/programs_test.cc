// Tests of core/programs.h on the real program lists in BOKJI_SHARED_DATA_DIR/services:
// jeonbuk_local_welfare_services.csv (404 전북 programs with 복지로's 생애주기), welfare-local.json
// (its nationwide source) and bokjiro_crawl_central_2022.csv (지원대상 / 선정기준 text, badges).
//
// Index
//   - Helpers: a CSV reader (quoted fields may hold newlines), real rows as Programs
//   - Life stages and ages
//   - Target group lists
//   - Conditions in text (hand-labelled examples; std::regex as an oracle on real text)
//   - Tags
//   - Self-check matching (properties over the real 전북 programs)
#include "core/programs.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/core/test_programs.h"

namespace bokji {
namespace {

// -------------------------------------------------------------------------------------------------
// Helpers (the real rows as Programs: tests/core/test_programs.h)
// -------------------------------------------------------------------------------------------------

using testdata::CityCodes;
using testdata::Crawl2022Programs;
using testdata::JeonbukPrograms;
using testdata::ReadCsv;
using testdata::ReadFile;
using testdata::ServicesPath;

bool Has(const std::vector<MatchReason>& v, MatchReason r) {
  return std::count(v.begin(), v.end(), r) > 0;
}
bool Has(const std::vector<MatchUnknown>& v, MatchUnknown u) {
  return std::count(v.begin(), v.end(), u) > 0;
}

std::set<size_t> MatchedIndexes(const std::vector<ProgramMatch>& matches) {
  std::set<size_t> out;
  for (const ProgramMatch& m : matches) out.insert(m.program);
  return out;
}

// -------------------------------------------------------------------------------------------------
// Life stages and ages
// -------------------------------------------------------------------------------------------------

TEST(LifeStageList, ParsesTheVariantsWrittenByBokjiro) {
  EXPECT_EQ(ParseLifeStageList("영유아, 아동, 청소년, 청년, 중장년, 노년, 임신 · 출산"),
            kAllLifeStages);
  EXPECT_EQ(ParseLifeStageList("임신·출산"), kStagePregnancy);
  EXPECT_EQ(ParseLifeStageList("임신ㆍ출산"), kStagePregnancy);
  EXPECT_EQ(ParseLifeStageList(" 임신 · 출산 , 영유아"), kStagePregnancy | kStageInfant);
  EXPECT_EQ(ParseLifeStageList("청년/중장년"), kStageYoungAdult | kStageMiddleAge);
  EXPECT_EQ(ParseLifeStageList(""), 0u);
  EXPECT_EQ(ParseLifeStageList(" , ,"), 0u);
}

TEST(LifeStageList, ReportsUnknownWords) {
  std::vector<std::string> unknown;
  EXPECT_EQ(ParseLifeStageList("청년, 대학생 ,노년,", &unknown), kStageYoungAdult | kStageSenior);
  EXPECT_EQ(unknown, std::vector<std::string>{"대학생"});
  EXPECT_EQ(ParseLifeStageList("청년, 대학생"),
            kStageYoungAdult);  // no list given: ignored quietly
}

// Every distinct value in the real columns parses without unknown words, each word to its own bit,
// and the columns use all seven stages.
void CheckRealLifecycleValues(const std::set<std::string>& values) {
  ASSERT_FALSE(values.empty());
  LifeStageSet seen = 0;
  for (const std::string& value : values) {
    std::vector<std::string> unknown;
    const LifeStageSet bits = ParseLifeStageList(value, &unknown);
    EXPECT_TRUE(unknown.empty()) << value << ": " << unknown.front();
    // Split independently (std::string, no parser code) and count the distinct words.
    std::set<std::string> words;
    std::stringstream ss(value);
    for (std::string w; std::getline(ss, w, ',');) {
      w.erase(std::remove(w.begin(), w.end(), ' '), w.end());
      if (!w.empty()) words.insert(w);
    }
    EXPECT_EQ(static_cast<size_t>(std::popcount(bits)), words.size()) << value;
    LifeStageSet each = 0;
    for (const std::string& w : words) each |= ParseLifeStageList(w);
    EXPECT_EQ(bits, each) << value;
    seen |= bits;
  }
  EXPECT_EQ(seen, kAllLifeStages);
}

TEST(LifeStageList, EveryValueInTheJeonbukCsv) {
  std::set<std::string> values;
  for (auto& row : ReadCsv(ServicesPath("jeonbuk_local_welfare_services.csv")))
    values.insert(row["lifecycle"]);
  EXPECT_GT(values.size(), 10u);
  CheckRealLifecycleValues(values);
}

TEST(LifeStageList, EveryValueInWelfareLocalJson) {
  // The values are plain strings without escapes: find each "lifecycle":"…" directly.
  const std::string json = ReadFile(ServicesPath("welfare-local.json"));
  const std::string key = "\"lifecycle\":\"";
  std::set<std::string> values;
  size_t rows = 0;
  for (size_t at = json.find(key); at != std::string::npos; at = json.find(key, at + 1)) {
    const size_t begin = at + key.size();
    const size_t end = json.find('"', begin);
    ASSERT_NE(end, std::string::npos);
    const std::string value = json.substr(begin, end - begin);
    ASSERT_EQ(value.find('\\'), std::string::npos) << "escapes in " << value;
    values.insert(value);
    ++rows;
  }
  EXPECT_EQ(rows, 4282u);  // the file's own "count"
  CheckRealLifecycleValues(values);
}

TEST(LifeStagesForAge, DocumentedBoundaries) {
  const std::pair<int, LifeStageSet> cases[] = {
      {0, kStageInfant},     {5, kStageInfant},     {6, kStageChild},       {12, kStageChild},
      {13, kStageTeen},      {18, kStageTeen},      {19, kStageYoungAdult}, {39, kStageYoungAdult},
      {40, kStageMiddleAge}, {64, kStageMiddleAge}, {65, kStageSenior},     {120, kStageSenior}};
  for (auto [age, stage] : cases) EXPECT_EQ(LifeStagesForAge(age), stage) << age;
  EXPECT_EQ(LifeStagesForAge(-1), 0u);
}

TEST(LifeStagesForAge, OneStagePerAgeInOrderAndConsistentWithRanges) {
  LifeStageSet previous = 0;
  for (int age = 0; age <= 150; ++age) {
    const LifeStageSet s = LifeStagesForAge(age);
    ASSERT_EQ(std::popcount(s), 1) << age;
    EXPECT_NE(s & kStagePregnancy, kStagePregnancy) << age;
    EXPECT_GE(s, previous) << age;  // stage bits are in age order
    const AgeRange r = AgeRangeOfLifeStage(static_cast<LifeStage>(s));
    EXPECT_GE(age, r.min_age);
    EXPECT_LE(age, r.max_age);
    previous = s;
  }
}

// -------------------------------------------------------------------------------------------------
// Target group lists
// -------------------------------------------------------------------------------------------------

TEST(TargetGroupList, ParsesBadgesAndReportsThemes) {
  std::vector<std::string> unknown;
  EXPECT_EQ(ParseTargetGroupList("문화·여가,저소득,한부모·조손", &unknown),
            kTargetLowIncome | kTargetSingleParent);
  EXPECT_EQ(unknown, std::vector<std::string>{"문화·여가"});
  EXPECT_EQ(ParseTargetGroupList("생활지원,장애인,보훈대상자"), kTargetDisabled | kTargetVeteran);
  EXPECT_EQ(ParseTargetGroupList("다문화·탈북민, 다자녀, 1인가구"),
            kTargetMultiCultural | kTargetManyChildren | kTargetSingleHousehold);
}

// -------------------------------------------------------------------------------------------------
// Conditions in text
// -------------------------------------------------------------------------------------------------

std::vector<AgeRange> Ages(std::initializer_list<AgeRange> r) {
  return r;
}

TEST(FindAgeLimits, HandLabelledExamples) {
  EXPECT_EQ(FindAgeLimits("만 19세 이상 39세 이하"), Ages({{19, 39}}));
  EXPECT_EQ(FindAgeLimits("만 65세 이상"), Ages({{65, kNoMaxAge}}));
  EXPECT_EQ(FindAgeLimits("18세 미만"), Ages({{0, 17}}));
  EXPECT_EQ(FindAgeLimits("15세 초과"), Ages({{16, kNoMaxAge}}));
  EXPECT_EQ(FindAgeLimits("만 18세까지 지원"), Ages({{0, 18}}));
  EXPECT_EQ(FindAgeLimits("19세~39세 청년"), Ages({{19, 39}}));
  EXPECT_EQ(FindAgeLimits("3-5세반"), Ages({{3, 5}}));
  EXPECT_EQ(FindAgeLimits("60세이상 기초수급자, 65세이상 일반군민"),
            Ages({{60, kNoMaxAge}, {65, kNoMaxAge}}));
  EXPECT_EQ(FindAgeLimits("65세 이상 65세 이상"), Ages({{65, kNoMaxAge}}));  // no duplicates
}

// Real sentences from the 2022 crawl and the 전북 list, quoted.
TEST(FindAgeLimits, RealSentences) {
  EXPECT_EQ(FindAgeLimits("만 18세~65세 미만 등록된 지적 및 자폐성 장애인을 지원합니다."),
            Ages({{18, 64}}));
  EXPECT_EQ(
      FindAgeLimits("만 6세 이상 ~ 만18세 미만의 「장애인복지법」상 등록된 지적 및 자폐성 장애인"),
      Ages({{6, 17}}));
  EXPECT_EQ(FindAgeLimits("취업을 희망하는 만 18세 이상∼69세 이하 장애인"), Ages({{18, 69}}));
  EXPECT_EQ(FindAgeLimits("① 만19세 이상~만64이하 기초생활수급자"), Ages({{19, 64}}));
  EXPECT_EQ(FindAgeLimits("어린이집을 이용하는 만0~2세 영유아 부모에게"), Ages({{0, 2}}));
  EXPECT_EQ(FindAgeLimits("저소득층 영아(0~24개월) 가정의 육아 필수재인 기저귀"), Ages({{0, 2}}));
  EXPECT_EQ(FindAgeLimits("임실군에 거주하는 다문화가족의 96개월 미만 아동"), Ages({{0, 7}}));
  EXPECT_EQ(FindAgeLimits("장년장애인: 만 50세 이상 장년층 장애인"), Ages({{50, kNoMaxAge}}));
}

TEST(FindAgeLimits, IgnoresNumbersThatAreNotAgeLimits) {
  EXPECT_TRUE(FindAgeLimits("3세대 이상이 함께 사는 가정에 효도수당을 지급").empty());
  EXPECT_TRUE(FindAgeLimits("사업기간 중 만 6세 도래 시에는 만 6세가 되는 달까지 지원").empty());
  EXPECT_TRUE(FindAgeLimits("발급 1개월 이내의 재학증명서만 유효함").empty());  // a duration
  EXPECT_TRUE(FindAgeLimits("6개월 이상 치료가 필요한 중증 질환자").empty());
  EXPECT_TRUE(FindAgeLimits("문의 063-540-1234, 제1~2급 법정감염병").empty());
  EXPECT_TRUE(FindAgeLimits("100세어르신 마을 큰잔치").empty());
  EXPECT_TRUE(FindAgeLimits("2013년 1월 1일 이후 출생한 어린이").empty());
}

std::vector<IncomeRange> Incomes(std::initializer_list<IncomeRange> r) {
  return r;
}

TEST(FindIncomeLimits, HandLabelledAndRealSentences) {
  EXPECT_EQ(FindIncomeLimits("기준 중위소득 50% 이하"), Incomes({{0, 50}}));
  EXPECT_EQ(FindIncomeLimits("중위소득 120% 이하"), Incomes({{0, 120}}));
  EXPECT_EQ(FindIncomeLimits("기준중위소득의 180% 이하인 만 18세 미만 등록 장애아동"),
            Incomes({{0, 180}}));
  EXPECT_EQ(
      FindIncomeLimits("소득인정액이 기준 중위소득 50% 초과 100% 이하* 가구의 성년 등록 장애인"),
      Incomes({{50, 100}}));
  EXPECT_EQ(FindIncomeLimits("치매환자 중위소득 140% 초과자의 치매치료관리비"),
            Incomes({{140, kNoMaxIncomePercent}}));
  EXPECT_EQ(FindIncomeLimits("소득 기준이 기준 중위소득 이하인 자를 선정합니다."),
            Incomes({{0, 100}}));
  EXPECT_EQ(
      FindIncomeLimits(
          "기준중위소득 100% 이하인 경우에 지원합니다. 개별심사를 통해 최대 기준중위소득 200%까지"),
      Incomes({{0, 100}, {0, 200}}));
  EXPECT_EQ(FindIncomeLimits("수급자(중위소득 50%이하)"), Incomes({{0, 50}}));
  EXPECT_TRUE(FindIncomeLimits("전년도 도시근로자 가구당 월평균 소득의 70% 이하인 장애인").empty());
  EXPECT_TRUE(FindIncomeLimits("중위소득 산정 방법은 아래와 같습니다").empty());
}

// The real 2022 texts and the 전북 summaries, for the text oracles below.
std::vector<std::string> RealTexts() {
  std::vector<std::string> texts;
  for (const Program& p : Crawl2022Programs()) {
    texts.push_back(p.eligibility);
    texts.push_back(p.selection_criteria);
  }
  for (const Program& p : JeonbukPrograms()) texts.push_back(p.summary);
  return texts;
}

// std::regex as an independent oracle for the plain forms: every "N세 이상", "N세 미만", "N세
// 이하", "N~M세" it finds must show up as a bound of some limit FindAgeLimits reports. (std::regex
// is fine in a test; the core avoids it for size and speed in wasm.)
TEST(FindAgeLimits, AgreesWithRegexOracleOnRealText) {
  const std::regex lower(R"((^|[^0-9.,])(\d{1,3}) ?세 ?이상)");
  const std::regex below(R"((^|[^0-9.,])(\d{1,3}) ?세 ?미만)");
  const std::regex at_most(R"((^|[^0-9.,])(\d{1,3}) ?세 ?(이하|까지))");
  const std::regex range(R"((^|[^0-9.,])(\d{1,3}) ?(~|∼|-) ?(만 ?)?(\d{1,3}) ?세)");
  size_t checked = 0;
  for (const std::string& text : RealTexts()) {
    const std::vector<AgeRange> found = FindAgeLimits(text);
    auto has = [&](auto predicate) { return std::any_of(found.begin(), found.end(), predicate); };
    for (std::sregex_iterator it(text.begin(), text.end(), lower), end; it != end;
         ++it, ++checked) {
      const int n = std::stoi((*it)[2]);
      EXPECT_TRUE(has([&](const AgeRange& r) { return r.min_age == n; }))
          << it->str() << " in: " << text;
    }
    for (std::sregex_iterator it(text.begin(), text.end(), below), end; it != end;
         ++it, ++checked) {
      const int n = std::stoi((*it)[2]);
      EXPECT_TRUE(has([&](const AgeRange& r) { return r.max_age == n - 1; }))
          << it->str() << " in: " << text;
    }
    for (std::sregex_iterator it(text.begin(), text.end(), at_most), end; it != end;
         ++it, ++checked) {
      const int n = std::stoi((*it)[2]);
      EXPECT_TRUE(has([&](const AgeRange& r) { return r.max_age == n; }))
          << it->str() << " in: " << text;
    }
    for (std::sregex_iterator it(text.begin(), text.end(), range), end; it != end;
         ++it, ++checked) {
      const int a = std::stoi((*it)[2]);
      EXPECT_TRUE(has([&](const AgeRange& r) { return r.min_age == a; }))
          << it->str() << " in: " << text;
    }
  }
  EXPECT_GT(checked, 40u);  // the real text has plenty of these
}

TEST(FindIncomeLimits, AgreesWithRegexOracleOnRealText) {
  const std::regex at_most(R"(중위소득 ?(의 )?(\d{1,3}) ?% ?(이하|이내|까지))");
  size_t checked = 0;
  for (const std::string& text : RealTexts()) {
    const std::vector<IncomeRange> found = FindIncomeLimits(text);
    for (std::sregex_iterator it(text.begin(), text.end(), at_most), end; it != end;
         ++it, ++checked) {
      const int n = std::stoi((*it)[2]);
      EXPECT_TRUE(std::any_of(found.begin(), found.end(),
                              [&](const IncomeRange& r) { return r.max_percent == n; }))
          << it->str() << " in: " << text;
    }
  }
  EXPECT_GT(checked, 8u);
}

TEST(FindTargetGroups, WordsAndTheirExceptions) {
  EXPECT_EQ(FindTargetGroups("장애인 통합복지카드"), TargetSet{kTargetDisabled});
  EXPECT_EQ(FindTargetGroups("저소득 한부모가정"),
            TargetSet{kTargetLowIncome | kTargetSingleParent});
  EXPECT_EQ(FindTargetGroups("다문화가족 모국방문"), TargetSet{kTargetMultiCultural});
  EXPECT_EQ(FindTargetGroups("임산부의 산후 건강관리"), TargetSet{kTargetPregnant});
  EXPECT_EQ(FindTargetGroups("국가보훈대상자 보훈수당"), TargetSet{kTargetVeteran});
  EXPECT_EQ(FindTargetGroups("독거노인 목욕비"),
            TargetSet{kTargetElderly | kTargetSingleHousehold});
  EXPECT_EQ(FindTargetGroups("구직 청년의 생활안정"), TargetSet{kTargetYoungAdult});
  EXPECT_EQ(FindTargetGroups("2자녀이상 다자녀 가구"), TargetSet{kTargetManyChildren});
  EXPECT_EQ(FindTargetGroups("비장애 자녀에게 지원"), 0u);
  EXPECT_EQ(FindTargetGroups("세대를 같이 하는 비장애인에게는"), 0u);
  EXPECT_EQ(FindTargetGroups("건강보험료 및 노인장기요양보험료 지원"), 0u);
  EXPECT_EQ(FindTargetGroups(""), 0u);
}

// The 2022 crawl's badges were assigned by 복지로's editors: an independent oracle for the target
// groups its text names. Nearly every stated group must be found in the text (a few badges have no
// word behind them).
TEST(FindTargetGroups, FindsMostGroupsTheBadgesState) {
  size_t stated = 0, found = 0;
  for (const Program& p : Crawl2022Programs()) {
    const TargetSet text = FindTargetGroups(p.name + "\n" + p.summary + "\n" + p.eligibility +
                                            "\n" + p.selection_criteria);
    stated += std::popcount(p.targets);
    found += std::popcount(p.targets & text);
  }
  ASSERT_GT(stated, 50u);
  EXPECT_GE(found * 10, stated * 9) << found << " of " << stated;
}

// -------------------------------------------------------------------------------------------------
// Tags
// -------------------------------------------------------------------------------------------------

TEST(DeriveProgramTags, StatedFirstThenTextWithoutDuplicates) {
  Program p;
  p.name = "장애인 청년 일자리";
  p.life_stages = kStageYoungAdult | kStageMiddleAge;
  p.targets = kTargetDisabled;
  p.eligibility = "만 19세 이상 39세 이하 장애인, 기준 중위소득 120% 이하";
  const ProgramTags tags = DeriveProgramTags(p);
  size_t i = 0;
  ASSERT_GE(tags.tags.size(), 6u);
  for (LifeStage s : {kStageYoungAdult, kStageMiddleAge}) {
    EXPECT_EQ(tags.tags[i].kind, TagKind::kLifeStage);
    EXPECT_EQ(tags.tags[i].confidence, TagConfidence::kStated);
    EXPECT_EQ(tags.tags[i++].bit, s);
  }
  EXPECT_EQ(tags.tags[i].kind, TagKind::kTargetGroup);
  EXPECT_EQ(tags.tags[i].confidence, TagConfidence::kStated);
  EXPECT_EQ(tags.tags[i++].bit, kTargetDisabled);
  // 장애인 is also in the text, but appears once, as stated; 청년 only in the text.
  EXPECT_EQ(tags.tags[i].kind, TagKind::kTargetGroup);
  EXPECT_EQ(tags.tags[i].confidence, TagConfidence::kDerivedFromText);
  EXPECT_EQ(tags.tags[i++].bit, kTargetYoungAdult);
  EXPECT_EQ(tags.tags[i].kind, TagKind::kAgeLimit);
  EXPECT_EQ(tags.tags[i].confidence, TagConfidence::kDerivedFromText);
  EXPECT_EQ(tags.tags[i++].ages, (AgeRange{19, 39}));
  EXPECT_EQ(tags.tags[i].kind, TagKind::kIncomeLimit);
  EXPECT_EQ(tags.tags[i++].income, (IncomeRange{0, 120}));
  EXPECT_EQ(i, tags.tags.size());
}

// -------------------------------------------------------------------------------------------------
// Self-check matching, on the real 전북 programs
// -------------------------------------------------------------------------------------------------

constexpr int kYear = 2026;

class MatchJeonbuk : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(programs_.size(), 404u);
    ASSERT_EQ(tags_.size(), programs_.size());
  }
  std::vector<ProgramMatch> Match(const SelfCheckAnswers& a) const {
    return MatchPrograms(programs_, tags_, a, kYear);
  }
  const std::vector<Program> programs_ = JeonbukPrograms();
  const std::vector<ProgramTags> tags_ = DeriveAllProgramTags(programs_);
};

TEST_F(MatchJeonbuk, NoAnswersExcludeNothing) {
  const std::vector<ProgramMatch> matches = Match(SelfCheckAnswers{});
  EXPECT_EQ(matches.size(), programs_.size());
  for (const ProgramMatch& m : matches) {
    EXPECT_EQ(m.unknowns.back(), MatchUnknown::kCheckSelectionCriteria);
    if (programs_[m.program].level == ProgramLevel::kCity) {
      EXPECT_TRUE(Has(m.unknowns, MatchUnknown::kSigunguNotAnswered));
    }
  }
}

TEST_F(MatchJeonbuk, ThirtyYearOldInGimjeGetsItsYouthProgramsAndNoneOfNamwon) {
  SelfCheckAnswers a;
  a.birth_year = kYear - 30;
  a.sigungu_code = CityCodes().at("김제시");
  const std::vector<ProgramMatch> matches = Match(a);
  const std::set<size_t> matched = MatchedIndexes(matches);
  size_t gimje_youth = 0;
  for (size_t i = 0; i < programs_.size(); ++i) {
    const Program& p = programs_[i];
    if (p.region_name == "김제시" && (p.life_stages & kStageYoungAdult)) {
      ++gimje_youth;
      EXPECT_TRUE(matched.count(i)) << p.name;
    }
    if (p.region_name == "남원시") {
      EXPECT_FALSE(matched.count(i)) << p.name;
    }
    if (p.level == ProgramLevel::kProvince && (p.life_stages & kStageYoungAdult)) {
      EXPECT_TRUE(matched.count(i)) << p.name;
    }
  }
  EXPECT_GT(gimje_youth, 0u);
  for (const ProgramMatch& m : matches) {
    const Program& p = programs_[m.program];
    if (p.level == ProgramLevel::kCity) {
      EXPECT_EQ(p.sigungu_code, CityCodes().at("김제시")) << p.name;
      EXPECT_TRUE(Has(m.reasons, MatchReason::kInYourCity));
    }
    if (p.life_stages & kStageYoungAdult) {
      EXPECT_TRUE(Has(m.reasons, MatchReason::kLifeStage)) << p.name;
    }
  }
  // Best first: by fit, then the scores never increase down the list.
  for (size_t i = 1; i < matches.size(); ++i) {
    const MatchFit before = FitOf(matches[i - 1]), here = FitOf(matches[i]);
    EXPECT_LE(before, here);
    if (before == here) {
      EXPECT_GE(matches[i - 1].score, matches[i].score);
    }
  }
}

TEST_F(MatchJeonbuk, CityProgramsOnlyForTheirCityProvinceProgramsEverywhere) {
  for (const auto& [name, code] : CityCodes()) {
    SelfCheckAnswers a;
    a.sigungu_code = code == 35010 ? 35012 : code;  // 전주: a resident of 덕진구
    const std::set<size_t> matched = MatchedIndexes(Match(a));
    size_t own = 0;
    for (size_t i = 0; i < programs_.size(); ++i) {
      const Program& p = programs_[i];
      const bool expected = p.level == ProgramLevel::kProvince || p.sigungu_code == code;
      EXPECT_EQ(matched.count(i) == 1, expected) << name << ": " << p.name;
      own += p.sigungu_code == code;
    }
    EXPECT_GT(own, 0u) << name;
  }
}

// With everything about the household answered, a program survives exactly when one of its stated
// life stages fits someone in it: checked against a direct computation from LifeStagesForAge.
TEST_F(MatchJeonbuk, StatedLifeStagesExcludeOnlyWhenEverythingIsAnswered) {
  for (int age : {2, 10, 16, 25, 30, 45, 70}) {
    for (const std::vector<int>& children :
         {std::vector<int>{}, std::vector<int>{0}, std::vector<int>{4, 15}}) {
      for (bool pregnant : {false, true}) {
        SelfCheckAnswers a;
        a.birth_year = kYear - age;
        a.children_ages = children;
        a.pregnant = pregnant;
        const std::set<size_t> matched = MatchedIndexes(Match(a));
        for (size_t i = 0; i < programs_.size(); ++i) {
          const LifeStageSet stages = programs_[i].life_stages;
          // Own age (this year's or one less), children by age, pregnancy or a newborn.
          LifeStageSet household = LifeStagesForAge(age) | LifeStagesForAge(age - 1);
          for (int c : children)
            household |= LifeStagesForAge(c) | (c == 0 ? LifeStageSet{kStagePregnancy} : 0);
          if (pregnant) household |= kStagePregnancy;
          const bool expected = stages == 0 || (stages & household) != 0;
          EXPECT_EQ(matched.count(i) == 1, expected)
              << "age " << age << " children " << children.size() << " pregnant " << pregnant
              << ": " << programs_[i].name;
        }
      }
    }
  }
}

// Skipping any one question never removes a program that the full answers matched.
TEST_F(MatchJeonbuk, SkippingAQuestionNeverExcludes) {
  SelfCheckAnswers full;
  full.birth_year = kYear - 30;
  full.sigungu_code = CityCodes().at("익산시");
  full.household = kHouseholdSingleParent;
  full.disability = false;
  full.pregnant = false;
  full.children_ages = std::vector<int>{};
  full.income = IncomeRange{51, 100};
  full.veteran = false;
  full.multicultural = false;
  const std::set<size_t> with_all = MatchedIndexes(Match(full));
  EXPECT_LT(with_all.size(), programs_.size());
  std::vector<SelfCheckAnswers> skipped(9, full);
  skipped[0].birth_year.reset();
  skipped[1].sigungu_code.reset();
  skipped[2].household.reset();
  skipped[3].disability.reset();
  skipped[4].pregnant.reset();
  skipped[5].children_ages.reset();
  skipped[6].income.reset();
  skipped[7].veteran.reset();
  skipped[8].multicultural.reset();
  for (size_t k = 0; k < skipped.size(); ++k) {
    const std::set<size_t> with_skip = MatchedIndexes(Match(skipped[k]));
    for (size_t i : with_all)
      EXPECT_TRUE(with_skip.count(i)) << "skipping question " << k << ": " << programs_[i].name;
  }
}

TEST_F(MatchJeonbuk, UnansweredChildrenKeepInfantProgramsAndSayWhy) {
  SelfCheckAnswers a;
  a.birth_year = kYear - 35;
  a.sigungu_code = CityCodes().at("고창군");
  a.pregnant =
      false;  // 임신·출산 programs stay too: a newborn may be among the unanswered children
  std::map<size_t, ProgramMatch> by_program;
  for (ProgramMatch& m : Match(a)) by_program[m.program] = m;
  size_t child_only = 0;
  for (size_t i = 0; i < programs_.size(); ++i) {
    const Program& p = programs_[i];
    const bool in_reach = p.level == ProgramLevel::kProvince || p.sigungu_code == *a.sigungu_code;
    const LifeStageSet stages = p.life_stages;
    const LifeStageSet child_stages = kStageInfant | kStageChild | kStageTeen | kStagePregnancy;
    if (!in_reach || stages == 0 || (stages & ~child_stages) != 0) continue;
    // Only child stages or 임신·출산: kept, because the children question was skipped.
    ++child_only;
    ASSERT_TRUE(by_program.count(i)) << p.name;
    EXPECT_TRUE(Has(by_program[i].unknowns, MatchUnknown::kChildrenNotAnswered)) << p.name;
    EXPECT_FALSE(Has(by_program[i].reasons, MatchReason::kLifeStage)) << p.name;
  }
  EXPECT_GT(child_only, 5u);
  a.children_ages = std::vector<int>{3};
  bool infant_program = false;
  for (const ProgramMatch& m : Match(a)) {
    if (programs_[m.program].life_stages & kStageInfant) {
      infant_program = true;
      EXPECT_TRUE(Has(m.reasons, MatchReason::kLifeStage)) << programs_[m.program].name;
    }
  }
  EXPECT_TRUE(infant_program);
}

TEST(MatchPrograms, CityProgramWithoutCodeIsKeptAndFlagged) {
  Program p;
  p.level = ProgramLevel::kCity;
  SelfCheckAnswers a;
  a.sigungu_code = 35060;
  const std::vector<ProgramMatch> m = MatchPrograms({p}, a, kYear);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_TRUE(Has(m[0].unknowns, MatchUnknown::kRegionUnclear));
}

TEST(MatchPrograms, ManyChildrenFromTheHouseholdOrTheChildrenListed) {
  Program p;
  p.name = "다자녀 가구 수도요금 감면";
  auto match = [&](SelfCheckAnswers a) {
    std::vector<ProgramMatch> m = MatchPrograms({p}, a, kYear);
    EXPECT_EQ(m.size(), 1u);
    return m.empty() ? ProgramMatch{} : m[0];
  };
  SelfCheckAnswers a;
  EXPECT_TRUE(Has(match(a).unknowns, MatchUnknown::kHouseholdNotAnswered));
  a.children_ages = std::vector<int>{3, 5};
  EXPECT_EQ(match(a).matched_targets, TargetSet{kTargetManyChildren});
  a.children_ages = std::vector<int>{3};
  EXPECT_TRUE(Has(match(a).unknowns, MatchUnknown::kTargetGroupMayNotFit));
  a.household = kHouseholdManyChildren;
  EXPECT_EQ(match(a).matched_targets, TargetSet{kTargetManyChildren});
  a.household = kHouseholdSinglePerson;
  a.children_ages.reset();
  EXPECT_TRUE(Has(match(a).unknowns, MatchUnknown::kTargetGroupMayNotFit));
}

TEST(MatchPrograms, PregnancyAndBirthStage) {
  Program p;
  p.name = "출산장려금";
  p.life_stages = kStagePregnancy;
  SelfCheckAnswers a;
  a.pregnant = false;
  std::vector<ProgramMatch> m = MatchPrograms({p}, a, kYear);
  ASSERT_EQ(m.size(), 1u);  // children unanswered: a newborn is possible
  EXPECT_TRUE(Has(m[0].unknowns, MatchUnknown::kChildrenNotAnswered));
  a.children_ages = std::vector<int>{};
  EXPECT_TRUE(MatchPrograms({p}, a, kYear).empty());
  a.children_ages = std::vector<int>{0};
  m = MatchPrograms({p}, a, kYear);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_TRUE(Has(m[0].reasons, MatchReason::kLifeStage));
  a.children_ages = std::vector<int>{};
  a.pregnant = true;
  EXPECT_EQ(MatchPrograms({p}, a, kYear).size(), 1u);
}

TEST(CityCodeOf, GuMapsToItsCity) {
  EXPECT_EQ(CityCodeOf(35011), 35010u);
  EXPECT_EQ(CityCodeOf(35012), 35010u);
  EXPECT_EQ(CityCodeOf(35060), 35060u);
  EXPECT_EQ(CityCodeOf(0), 0u);
}

// -------------------------------------------------------------------------------------------------
// Text conditions in matching, on the 2022 crawl
// -------------------------------------------------------------------------------------------------

class MatchCrawl : public ::testing::Test {
 protected:
  const std::vector<Program> programs_ = Crawl2022Programs();
  const std::vector<ProgramTags> tags_ = DeriveAllProgramTags(programs_);
};

// For each program with age limits in its text, and a citizen of ages 0..90 without children: the
// reason or caution on the match agrees with a direct check of the age against those limits.
TEST_F(MatchCrawl, TextAgeLimitsRankButNeverExclude) {
  ASSERT_EQ(programs_.size(), 64u);
  size_t with_limits = 0;
  for (int age = 0; age <= 90; age += 3) {
    SelfCheckAnswers a;
    a.birth_year = kYear - age;
    a.children_ages = std::vector<int>{};
    const std::vector<ProgramMatch> matches = MatchPrograms(programs_, tags_, a, kYear);
    ASSERT_EQ(matches.size(), programs_.size());  // central programs, no stated life stages
    for (const ProgramMatch& m : matches) {
      const std::vector<AgeRange> limits = [&] {
        std::vector<AgeRange> all;
        for (const ProgramTag& t : tags_[m.program].tags) {
          if (t.kind == TagKind::kAgeLimit) all.push_back(t.ages);
        }
        return all;
      }();
      if (limits.empty()) continue;
      with_limits += age == 30;
      const bool fits = std::any_of(limits.begin(), limits.end(), [&](const AgeRange& r) {
        return (age >= r.min_age && age <= r.max_age) ||
               (age - 1 >= r.min_age && age - 1 <= r.max_age);
      });
      EXPECT_EQ(Has(m.reasons, MatchReason::kAgeWithinTextLimit), fits)
          << age << " " << programs_[m.program].name;
      EXPECT_EQ(Has(m.unknowns, MatchUnknown::kAgeLimitMayNotFit), !fits)
          << age << " " << programs_[m.program].name;
    }
  }
  EXPECT_GT(with_limits, 10u);
}

TEST_F(MatchCrawl, TextIncomeLimits) {
  // 장애아가족양육지원: "기준중위소득 120% 이하는 서비스가 무료" (and 만 18세 미만).
  const auto it = std::find_if(programs_.begin(), programs_.end(),
                               [](const Program& p) { return p.name == "장애아가족양육지원"; });
  ASSERT_NE(it, programs_.end());
  const size_t index = it - programs_.begin();
  auto match_for = [&](std::optional<IncomeRange> income) {
    SelfCheckAnswers a;
    a.income = income;
    for (const ProgramMatch& m : MatchPrograms(programs_, tags_, a, kYear)) {
      if (m.program == index) return m;
    }
    ADD_FAILURE() << "not matched";
    return ProgramMatch{};
  };
  EXPECT_TRUE(Has(match_for(IncomeRange{0, 50}).reasons, MatchReason::kIncomeWithinTextLimit));
  EXPECT_TRUE(Has(match_for(IncomeRange{151, 200}).unknowns, MatchUnknown::kIncomeLimitMayNotFit));
  const ProgramMatch straddling = match_for(IncomeRange{101, 150});
  EXPECT_FALSE(Has(straddling.reasons, MatchReason::kIncomeWithinTextLimit));
  EXPECT_FALSE(Has(straddling.unknowns, MatchUnknown::kIncomeLimitMayNotFit));
  EXPECT_TRUE(Has(match_for(std::nullopt).unknowns, MatchUnknown::kIncomeNotAnswered));
}

TEST(MatchPrograms, IncomeLimitWithALowerBound) {
  Program p;  // 장애인자립자금대여: "소득인정액이 기준 중위소득 50% 초과 100% 이하 가구"
  p.eligibility = "소득인정액이 기준 중위소득 50% 초과 100% 이하 가구의 성년 등록 장애인";
  SelfCheckAnswers a;
  a.income = IncomeRange{0, 30};
  std::vector<ProgramMatch> m = MatchPrograms({p}, a, kYear);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_FALSE(Has(m[0].reasons, MatchReason::kIncomeWithinTextLimit));
  EXPECT_TRUE(Has(m[0].unknowns, MatchUnknown::kIncomeLimitMayNotFit));
  a.income = IncomeRange{60, 90};
  m = MatchPrograms({p}, a, kYear);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_TRUE(Has(m[0].reasons, MatchReason::kIncomeWithinTextLimit));
}

TEST_F(MatchCrawl, TargetGroupsRaiseTheRank) {
  SelfCheckAnswers disabled, not_disabled;
  disabled.disability = true;
  not_disabled.disability = false;
  const std::vector<ProgramMatch> yes = MatchPrograms(programs_, tags_, disabled, kYear);
  const std::vector<ProgramMatch> no = MatchPrograms(programs_, tags_, not_disabled, kYear);
  ASSERT_EQ(yes.size(), programs_.size());
  ASSERT_EQ(no.size(), programs_.size());
  std::map<size_t, const ProgramMatch*> by_program;
  for (const ProgramMatch& m : no) by_program[m.program] = &m;
  for (const ProgramMatch& m : yes) {
    if (!(programs_[m.program].targets & kTargetDisabled)) continue;  // stated 장애인 badge
    EXPECT_TRUE(m.matched_targets & kTargetDisabled);
    EXPECT_TRUE(Has(m.reasons, MatchReason::kTargetGroup));
    EXPECT_GT(m.score, by_program[m.program]->score) << programs_[m.program].name;
  }
}

// -------------------------------------------------------------------------------------------------
// Self-check results: fit, groups and the next question, on the real 전북 programs
// -------------------------------------------------------------------------------------------------

// The issue that asked for ranking: a 30-year-old in 김제시 with everything else skipped.
SelfCheckAnswers ThirtyInGimje() {
  SelfCheckAnswers a;
  a.birth_year = kYear - 30;
  a.sigungu_code = CityCodes().at("김제시");
  return a;
}

TEST_F(MatchJeonbuk, ProgramsNamingTheAgeGroupComeBeforeThoseThatMerelyDoNotExclude) {
  const std::vector<ProgramMatch> matches = Match(ThirtyInGimje());
  // Facts from the CSV: 김제시's programs stating 청년, and programs stating no life stage.
  std::set<size_t> gimje_youth, unstated;
  for (size_t i = 0; i < programs_.size(); ++i) {
    const Program& p = programs_[i];
    if (p.sigungu_code == CityCodes().at("김제시") && (p.life_stages & kStageYoungAdult))
      gimje_youth.insert(i);
    if (p.life_stages == 0) unstated.insert(i);
  }
  ASSERT_GT(gimje_youth.size(), 0u);
  size_t last_gimje_youth = 0, first_unstated_open = matches.size(), youth_seen = 0;
  for (size_t rank = 0; rank < matches.size(); ++rank) {
    const ProgramMatch& m = matches[rank];
    const Program& p = programs_[m.program];
    // Every program stating 청년 names the person's age group.
    if (p.life_stages & kStageYoungAdult) {
      EXPECT_NE(FitOf(m), MatchFit::kOpen) << p.name;
      ++youth_seen;
    }
    if (gimje_youth.count(m.program)) last_gimje_youth = rank;
    // A program stating no stage and naming nothing answered merely does not exclude them.
    if (unstated.count(m.program) && FitOf(m) == MatchFit::kOpen)
      first_unstated_open = std::min(first_unstated_open, rank);
    // Fit never gets stronger down the list.
    if (rank > 0) {
      EXPECT_LE(FitOf(matches[rank - 1]), FitOf(m));
    }
  }
  EXPECT_GT(youth_seen, gimje_youth.size());  // the 도's 청년 programs too
  EXPECT_LT(last_gimje_youth, first_unstated_open);
  EXPECT_LT(first_unstated_open, matches.size());
}

TEST_F(MatchJeonbuk, GroupsHoldEveryMatchOnceStrongestFirst) {
  const std::vector<ProgramMatch> matches = Match(ThirtyInGimje());
  for (MatchGrouping grouping :
       {MatchGrouping::kByFit, MatchGrouping::kByTheme, MatchGrouping::kByLevel}) {
    const std::vector<MatchGroup> groups = GroupMatches(programs_, matches, grouping);
    ASSERT_FALSE(groups.empty());
    std::set<size_t> seen;
    for (size_t g = 0; g < groups.size(); ++g) {
      ASSERT_FALSE(groups[g].matches.empty());
      // Best first inside a group; the first members' ranks increase from group to group.
      for (size_t k = 1; k < groups[g].matches.size(); ++k)
        EXPECT_LT(groups[g].matches[k - 1], groups[g].matches[k]);
      if (g > 0) {
        EXPECT_LT(groups[g - 1].matches.front(), groups[g].matches.front());
      }
      for (size_t i : groups[g].matches) {
        EXPECT_TRUE(seen.insert(i).second) << "match " << i << " in two groups";
        const Program& p = programs_[matches[i].program];
        if (grouping == MatchGrouping::kByFit) {
          EXPECT_EQ(FitOf(matches[i]), groups[g].fit);
        }
        if (grouping == MatchGrouping::kByTheme) {
          EXPECT_EQ(p.themes.empty() ? std::string() : p.themes.front(), groups[g].theme);
        }
        if (grouping == MatchGrouping::kByLevel) {
          EXPECT_EQ(p.level, groups[g].level);
        }
      }
    }
    EXPECT_EQ(seen.size(), matches.size());
  }
  const std::vector<MatchGroup> by_fit = GroupMatches(programs_, matches, MatchGrouping::kByFit);
  EXPECT_EQ(by_fit.front().fit, MatchFit::kNamesYou);
  EXPECT_GT(by_fit.size(), 1u);  // the flat list of every match became parts
}

TEST_F(MatchJeonbuk, SuggestsTheQuestionWhoseAnswersNarrowTheListMost) {
  const SelfCheckAnswers answers = ThirtyInGimje();
  const std::vector<ProgramMatch> matches = Match(answers);
  const std::optional<QuestionSuggestion> next =
      SuggestNextQuestion(programs_, tags_, answers, kYear, matches);
  ASSERT_TRUE(next.has_value());
  EXPECT_FALSE(IsAnswered(answers, next->question));
  // Age and 시군 are answered: of the questions whose answers can exclude, pregnancy and children
  // are left. Their answers, written out here, each taken as equally likely.
  auto mean_left = [&](const std::vector<SelfCheckAnswers>& tries) {
    double left = 0;
    for (const SelfCheckAnswers& a : tries) left += static_cast<double>(Match(a).size());
    return left / static_cast<double>(tries.size());
  };
  std::vector<SelfCheckAnswers> pregnancy(2, answers), children(5, answers);
  pregnancy[0].pregnant = true;
  pregnancy[1].pregnant = false;
  children[0].children_ages = std::vector<int>{};
  children[1].children_ages = std::vector<int>{0};
  children[2].children_ages = std::vector<int>{3};
  children[3].children_ages = std::vector<int>{9};
  children[4].children_ages = std::vector<int>{15};
  const double fewer_pregnancy = static_cast<double>(matches.size()) - mean_left(pregnancy);
  const double fewer_children = static_cast<double>(matches.size()) - mean_left(children);
  ASSERT_GT(std::max(fewer_pregnancy, fewer_children), 0.0) << "an answer takes programs off";
  const SelfCheckQuestion expected = fewer_children > fewer_pregnancy
                                         ? SelfCheckQuestion::kChildren
                                         : SelfCheckQuestion::kPregnant;
  EXPECT_EQ(next->question, expected);
  EXPECT_NEAR(next->fewer, std::max(fewer_pregnancy, fewer_children), 1e-9);
  // And how many matches wait on it, from their unknowns.
  const MatchUnknown unknown = expected == SelfCheckQuestion::kChildren
                                   ? MatchUnknown::kChildrenNotAnswered
                                   : MatchUnknown::kPregnancyNotAnswered;
  int waiting = 0;
  for (const ProgramMatch& m : matches) waiting += Has(m.unknowns, unknown);
  EXPECT_EQ(next->programs, waiting);

  // With those answered too, nothing answerable excludes any more: the question the most matches
  // wait on (it ranks them) is suggested, and answering it leaves none waiting.
  SelfCheckAnswers more = answers;
  more.pregnant = false;
  more.children_ages = std::vector<int>{};
  const std::vector<ProgramMatch> after = Match(more);
  const std::optional<QuestionSuggestion> then =
      SuggestNextQuestion(programs_, tags_, more, kYear, after);
  ASSERT_TRUE(then.has_value());
  EXPECT_EQ(then->fewer, 0);
  const std::map<SelfCheckQuestion, MatchUnknown> unknown_of = {
      {SelfCheckQuestion::kHousehold, MatchUnknown::kHouseholdNotAnswered},
      {SelfCheckQuestion::kDisability, MatchUnknown::kDisabilityNotAnswered},
      {SelfCheckQuestion::kIncome, MatchUnknown::kIncomeNotAnswered},
      {SelfCheckQuestion::kVeteran, MatchUnknown::kVeteranNotAnswered},
      {SelfCheckQuestion::kMulticultural, MatchUnknown::kMultiCulturalNotAnswered}};
  int most = 0;
  for (const auto& [question, u] : unknown_of) {
    int n = 0;
    for (const ProgramMatch& m : after) n += Has(m.unknowns, u);
    most = std::max(most, n);
  }
  EXPECT_EQ(then->programs, most);
  ASSERT_TRUE(unknown_of.count(then->question));
  SelfCheckAnswers answered = more;
  answered.household = 0;
  answered.income = IncomeRange{151, kNoMaxIncomePercent};
  answered.disability = answered.veteran = answered.multicultural = false;
  for (const ProgramMatch& m : Match(answered))
    EXPECT_FALSE(Has(m.unknowns, unknown_of.at(then->question))) << programs_[m.program].name;
}

TEST(SelfCheckQuestions, AnsweredCountAndClearAnswer) {
  SelfCheckAnswers a = ThirtyInGimje();
  a.income = IncomeRange{0, 50};
  EXPECT_EQ(AnsweredCount(a), 3);
  ClearAnswer(SelfCheckQuestion::kCity, &a);
  EXPECT_FALSE(IsAnswered(a, SelfCheckQuestion::kCity));
  EXPECT_TRUE(IsAnswered(a, SelfCheckQuestion::kAge));
  EXPECT_EQ(AnsweredCount(a), 2);
  for (int q = 0; q < kSelfCheckQuestionCount; ++q)
    ClearAnswer(static_cast<SelfCheckQuestion>(q), &a);
  EXPECT_EQ(AnsweredCount(a), 0);
  EXPECT_EQ(QuestionOf(MatchUnknown::kChildrenNotAnswered), SelfCheckQuestion::kChildren);
  EXPECT_FALSE(QuestionOf(MatchUnknown::kCheckSelectionCriteria).has_value());
}

}  // namespace
}  // namespace bokji
