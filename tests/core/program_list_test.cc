// core/program_list.h: the listing rule on hand-made programs (each clause alone), then on the real
// 전북 programs against facts read from the CSV columns (lifecycle, sigungu) by the test itself;
// the 시군 list from the real boundaries; themes by count.
#include "core/program_list.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "tests/core/test_programs.h"
#include "tests/core/test_regions.h"

namespace bokji {
namespace {

Program Make(ProgramLevel level, uint32_t city, LifeStageSet stages, TargetSet targets,
             std::vector<std::string> themes) {
  Program p;
  p.level = level;
  p.sigungu_code = city;
  p.life_stages = stages;
  p.targets = targets;
  p.themes = std::move(themes);
  return p;
}

TEST(ProgramListed, EachClause) {
  const Program youth_in_jeonju =
      Make(ProgramLevel::kCity, 35010, kStageYoungAdult, kTargetLowIncome, {"일자리", "주거"});
  const Program unstated_national = Make(ProgramLevel::kCentral, 0, 0, 0, {});
  ProgramFilter any;
  EXPECT_TRUE(ProgramListed(youth_in_jeonju, any));
  EXPECT_TRUE(ProgramListed(unstated_national, any));

  ProgramFilter stage;
  stage.stage = kStageYoungAdult;
  EXPECT_TRUE(ProgramListed(youth_in_jeonju, stage));
  EXPECT_FALSE(ProgramListed(unstated_national, stage));
  stage.include_unstated_stage = true;
  EXPECT_TRUE(ProgramListed(unstated_national, stage));
  stage.stage = kStageSenior;
  EXPECT_FALSE(ProgramListed(youth_in_jeonju, stage));  // states other stages: never

  ProgramFilter theme;
  theme.theme = "주거";
  EXPECT_TRUE(ProgramListed(youth_in_jeonju, theme));
  EXPECT_FALSE(ProgramListed(unstated_national, theme));

  ProgramFilter target;
  target.target = kTargetLowIncome;
  EXPECT_TRUE(ProgramListed(youth_in_jeonju, target));
  target.target = kTargetDisabled;
  EXPECT_FALSE(ProgramListed(youth_in_jeonju, target));

  ProgramFilter region;
  region.region = 35010;
  EXPECT_TRUE(ProgramListed(youth_in_jeonju, region));
  EXPECT_TRUE(ProgramListed(unstated_national, region));
  region.region = 35060;
  EXPECT_FALSE(ProgramListed(youth_in_jeonju, region));
  region.region = ProgramFilter::kCommonOnly;
  EXPECT_FALSE(ProgramListed(youth_in_jeonju, region));
  EXPECT_TRUE(ProgramListed(unstated_national, region));
  // A 구's code stands for its 시 in the program's data.
  const Program gu = Make(ProgramLevel::kCity, 35011, 0, 0, {});
  region.region = 35010;
  EXPECT_TRUE(ProgramListed(gu, region));
}

class ListJeonbuk : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(programs_.size(), 404u);
    for (const Program& p : programs_) search_.Add(p.name, p.summary);
    for (auto& row :
         testdata::ReadCsv(testdata::ServicesPath("jeonbuk_local_welfare_services.csv")))
      rows_.push_back(row);
    ASSERT_EQ(rows_.size(), programs_.size());
  }
  std::vector<uint32_t> Sorted(std::vector<uint32_t> ids) const {
    std::sort(ids.begin(), ids.end());
    return ids;
  }
  const std::vector<Program> programs_ = testdata::JeonbukPrograms();
  TextSearch search_;
  std::vector<std::map<std::string, std::string>> rows_;
};

TEST_F(ListJeonbuk, NoFilterListsEveryProgramCitiesFirst) {
  const ProgramList list = ListPrograms(programs_, search_, ProgramFilter{}, "");
  ASSERT_EQ(list.ids.size(), programs_.size());
  bool past_cities = false;
  for (uint32_t id : list.ids) {
    if (programs_[id].level != ProgramLevel::kCity) past_cities = true;
    EXPECT_FALSE(past_cities && programs_[id].level == ProgramLevel::kCity);
  }
  EXPECT_EQ(list.unstated_stage_count, 0);
}

TEST_F(ListJeonbuk, YouthListsTheRowsWhoseLifecycleSaysSoAndCountsTheUnstated) {
  std::vector<uint32_t> stating, unstated;
  for (uint32_t i = 0; i < rows_.size(); ++i) {
    if (rows_[i]["lifecycle"].find("청년") != std::string::npos) stating.push_back(i);
    if (rows_[i]["lifecycle"].find_first_not_of(' ') == std::string::npos) unstated.push_back(i);
  }
  ASSERT_FALSE(stating.empty());
  ProgramFilter filter;
  filter.stage = kStageYoungAdult;
  ProgramList list = ListPrograms(programs_, search_, filter, "");
  EXPECT_EQ(Sorted(list.ids), stating);
  EXPECT_EQ(list.unstated_stage_count, static_cast<int>(unstated.size()));
  filter.include_unstated_stage = true;
  list = ListPrograms(programs_, search_, filter, "");
  std::vector<uint32_t> both = stating;
  both.insert(both.end(), unstated.begin(), unstated.end());
  EXPECT_EQ(Sorted(list.ids), Sorted(both));
  EXPECT_EQ(list.unstated_stage_count, 0);
}

TEST_F(ListJeonbuk, ACityListsItsOwnAndTheProvincesNeverAnotherCitys) {
  std::vector<uint32_t> expected;
  for (uint32_t i = 0; i < rows_.size(); ++i) {
    const std::string& city = rows_[i]["sigungu"];
    if (testdata::CityCodes().count(city) == 0 || city == "김제시") expected.push_back(i);
  }
  ProgramFilter filter;
  filter.region = testdata::CityCodes().at("김제시");
  EXPECT_EQ(Sorted(ListPrograms(programs_, search_, filter, "").ids), expected);
  // With a query: only matching names, still within the area, best hit first.
  const ProgramList searched = ListPrograms(programs_, search_, filter, "청년");
  ASSERT_FALSE(searched.ids.empty());
  auto squashed = [](std::string text) {
    text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
    return text;
  };
  for (uint32_t id : searched.ids) {
    EXPECT_TRUE(std::binary_search(expected.begin(), expected.end(), id));
    const bool says_it = squashed(programs_[id].name).find("청년") != std::string::npos ||
                         squashed(programs_[id].summary).find("청년") != std::string::npos;
    EXPECT_TRUE(says_it) << programs_[id].name;
  }
}

TEST(CitiesOf, TheFourteenCitiesOfTheRealBoundariesNamedAsTheirProgramsNameThem) {
  Dataset data;
  data.regions = testdata::LoadJeonbukRegions();
  // Without programs, a 구 gives its 시's name up to "시".
  std::vector<City> cities = CitiesOf(data);
  ASSERT_EQ(cities.size(), testdata::CityCodes().size());
  for (const auto& [name, code] : testdata::CityCodes()) {
    const uint32_t wanted = code;  // clang 14 (wasm) cannot capture a structured binding
    const auto found =
        std::find_if(cities.begin(), cities.end(), [&](const City& c) { return c.code == wanted; });
    ASSERT_NE(found, cities.end()) << name;
    EXPECT_EQ(found->name, name);
  }
  EXPECT_TRUE(std::is_sorted(cities.begin(), cities.end(),
                             [](const City& a, const City& b) { return a.code < b.code; }));
  // A 시 program's own spelling wins for a 시 of 구.
  Program jeonju;
  jeonju.level = ProgramLevel::kCity;
  jeonju.sigungu_code = 35010;
  jeonju.region_name = "전주특례시";
  data.programs.push_back(jeonju);
  cities = CitiesOf(data);
  EXPECT_EQ(cities.front().code, 35010u);
  EXPECT_EQ(cities.front().name, "전주특례시");
}

TEST(ThemesByCount, MostNamedFirst) {
  std::vector<Program> programs(4);
  programs[0].themes = {"주거", "교육"};
  programs[1].themes = {"교육"};
  programs[2].themes = {"교육", "일자리"};
  programs[3].themes = {"주거"};
  EXPECT_EQ(ThemesByCount(programs), (std::vector<std::string>{"교육", "주거", "일자리"}));
}

}  // namespace
}  // namespace bokji
