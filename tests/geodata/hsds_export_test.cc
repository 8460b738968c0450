// Tests of geodata export-hsds on an invented dataset (TEST FIXTURE: no real facility or program):
// the output meets HSDS 3.0's required fields and types (hsds_checks.h, the test's own reading of
// the specification), approximate facilities get no coordinates, dates keep their precision, and
// the ids are stable.
#include <gtest/gtest.h>

#include <sstream>

#include "core/bundle.h"
#include "geodata/cli.h"
#include "geodata/hsds_export.h"
#include "geodata_test_util.h"
#include "hsds_checks.h"

namespace bokji::geodata {
namespace {

using testing::CheckHsdsDirectory;
using testing::HsdsRecords;
using testing::TempDir;

// An invented dataset: a 읍면동 inside a 시군구 inside a province, three facilities (exact with
// hours and a homepage, approximate at the 읍면동, approximate at the 시군구) and two programs.
Dataset InventedDataset() {
  Dataset d;
  d.title = "TEST FIXTURE (가상 자료)";
  d.sources = {{"가상 시설 목록", "가상 기관", "시험용", 20241231, ""},
               {"가상 복지서비스", "가상 부처", "시험용", 20250300, "파일에 기준일 없음 (가상)"}};
  Region province, sigungu, emd;
  province.code = 35;
  province.name = province.full_name = "가상도";
  province.level = RegionLevel::kProvince;
  sigungu.code = 35020;
  sigungu.parent_code = 35;
  sigungu.name = "가상시";
  sigungu.full_name = "가상도 가상시";
  sigungu.level = RegionLevel::kSigungu;
  sigungu.label = {35.9, 126.7};
  emd.code = 3502011;
  emd.parent_code = 35020;
  emd.name = "가상면";
  emd.full_name = "가상도 가상시 가상면";
  emd.level = RegionLevel::kEmd;
  emd.label = {35.95, 126.75};
  d.regions = {province, sigungu, emd};

  Facility exact;
  exact.source_key = "가상:1";
  exact.name = "가상복지관";
  exact.category = FacilityCategory::kCommunityWelfare;
  exact.targets = kTargetResidents | kTargetElderly;
  exact.road_address = "가상도 가상시 가상로 1";
  exact.lot_address = "가상도 가상시 가상동 1";
  exact.phone = "063-000-0001";
  exact.hours = "평일 09:00~18:00, 토 09:00~13:00";
  exact.operator_name = "가상 사회복지법인";
  exact.homepage = "https://example.org/";
  exact.sigungu_code = 35020;
  exact.emd_code = 3502011;
  exact.position = {35.96, 126.71};
  exact.verified = 20241231;
  Facility at_emd = exact;
  at_emd.source_key = "가상:2";
  at_emd.name = "가상경로당";
  at_emd.category = FacilityCategory::kSeniorCenter;
  at_emd.hours = "알 수 없는 시간";  // not understood: kept as text only
  at_emd.operator_name = "";
  at_emd.homepage = "";
  at_emd.phone = "";
  at_emd.position_quality = PositionQuality::kApproxEmd;
  at_emd.position = emd.label;
  Facility at_sigungu = at_emd;
  at_sigungu.source_key = "가상:3";
  at_sigungu.name = "가상경로당2";
  at_sigungu.hours = "";
  at_sigungu.road_address = "";
  at_sigungu.lot_address = "";
  at_sigungu.emd_code = 0;
  at_sigungu.position_quality = PositionQuality::kApproxSigungu;
  at_sigungu.position = sigungu.label;
  d.facilities = {exact, at_emd, at_sigungu};

  Program p;
  p.service_id = "WLF-TEST-1";
  p.name = "가상 지원사업";
  p.provider = "가상 부처 가상과";
  p.summary = "가상 요약";
  p.benefits = "월 1만원 (가상)";
  p.eligibility = "가상시 거주자";
  p.how_to_apply = "방문";
  p.apply_url = "https://example.org/apply";
  p.region_name = "가상시";
  p.source = 1;
  p.updated = 20250310;
  Program bare;  // nothing but a name: no provider, no link, a month-only date
  bare.name = "가상 서비스";
  bare.source = 1;
  bare.updated = 20250300;
  d.programs = {p, bare};
  return d;
}

class HsdsExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::vector<uint8_t> bytes = WriteBundle(InventedDataset());
    testing::WriteFile(dir_.Path("in.bundle"), std::string(bytes.begin(), bytes.end()));
    std::ostringstream out, err;
    code_ = RunCli({"export-hsds", "--bundle", dir_.Path("in.bundle"), "--out", dir_.Path("hsds")},
                   out, err);
    out_ = out.str();
    err_ = err.str();
    ASSERT_EQ(code_, 0) << err_;
  }
  std::string Dir() const { return dir_.Path("hsds"); }

  TempDir dir_;
  int code_ = -1;
  std::string out_, err_;
};

TEST_F(HsdsExportTest, MeetsTheSpecificationsRequiredFieldsAndTypes) {
  const std::vector<std::string> problems = CheckHsdsDirectory(Dir());
  EXPECT_TRUE(problems.empty()) << problems.front();
  EXPECT_NE(out_.find("3 locations (2 without coordinates"), std::string::npos) << out_;
}

TEST_F(HsdsExportTest, OneServicePerFacilityAndProgramLinkedToItsOrganizationAndLocation) {
  const nlohmann::json services = HsdsRecords(Dir(), "services.json");
  const nlohmann::json locations = HsdsRecords(Dir(), "locations.json");
  const nlohmann::json organizations = HsdsRecords(Dir(), "organizations.json");
  const nlohmann::json links = HsdsRecords(Dir(), "service_at_locations.json");
  ASSERT_EQ(services.size(), 5u);
  ASSERT_EQ(locations.size(), 3u);
  EXPECT_EQ(links.size(), 3u);
  // The operator organises the first facility; the others are their own organization; programs
  // by provider, or the source's publisher when the row names none.
  std::set<std::string> organization_names;
  for (const nlohmann::json& o : organizations) organization_names.insert(o["name"]);
  EXPECT_EQ(organization_names,
            (std::set<std::string>{"가상 사회복지법인", "가상경로당", "가상경로당2",
                                   "가상 부처 가상과", "가상 부처"}));
  const nlohmann::json& program = services[3];
  EXPECT_EQ(program["name"], "가상 지원사업");
  EXPECT_EQ(program["url"], "https://example.org/apply");
  EXPECT_EQ(program["eligibility_description"], "가상시 거주자");
  EXPECT_EQ(program["application_process"], "방문");
  EXPECT_EQ(program["assured_date"], "2025-03-10");
  EXPECT_NE(program["description"].get<std::string>().find("월 1만원 (가상)"), std::string::npos);
  // A month-only date is never written as a day.
  EXPECT_FALSE(services[4].contains("assured_date"));
  EXPECT_FALSE(services[4].contains("url"));
  EXPECT_EQ(services[0]["assured_date"], "2024-12-31");
}

TEST_F(HsdsExportTest, ApproximateFacilitiesHaveNoCoordinates) {
  const nlohmann::json locations = HsdsRecords(Dir(), "locations.json");
  EXPECT_DOUBLE_EQ(locations[0]["latitude"].get<double>(), 35.96);
  EXPECT_DOUBLE_EQ(locations[0]["longitude"].get<double>(), 126.71);
  for (size_t i = 1; i < 3; ++i) {
    EXPECT_FALSE(locations[i].contains("latitude")) << locations[i].dump();
    EXPECT_FALSE(locations[i].contains("longitude")) << locations[i].dump();
    const std::string description = locations[i]["description"];
    EXPECT_NE(description.find("Approximate"), std::string::npos);
    EXPECT_NE(description.find(i == 1 ? "가상도 가상시 가상면" : "가상도 가상시"),
              std::string::npos)
        << description;
  }
  // Addresses only where the source gave one; phones only where known.
  const nlohmann::json addresses = HsdsRecords(Dir(), "addresses.json");
  ASSERT_EQ(addresses.size(), 2u);
  EXPECT_EQ(addresses[0]["address_1"], "가상도 가상시 가상로 1");
  EXPECT_EQ(addresses[0]["address_2"], "가상도 가상시 가상동 1");
  EXPECT_EQ(addresses[0]["city"], "가상시");
  EXPECT_EQ(addresses[0]["region"], "가상면");
  EXPECT_EQ(addresses[0]["state_province"], "가상도");
  EXPECT_EQ(addresses[0]["country"], "KR");
  EXPECT_EQ(HsdsRecords(Dir(), "phones.json").size(), 1u);
}

TEST_F(HsdsExportTest, UnderstoodHoursBecomeWeeklyRulesOthersStayText) {
  const nlohmann::json schedules = HsdsRecords(Dir(), "schedules.json");
  // 평일 09:00~18:00 (5 days) and 토 09:00~13:00, then the not-understood text of the second.
  ASSERT_EQ(schedules.size(), 7u);
  std::set<std::string> days;
  for (size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(schedules[i]["freq"], "WEEKLY");
    EXPECT_EQ(schedules[i]["opens_at"], "09:00+09:00");
    days.insert(schedules[i]["byday"]);
  }
  EXPECT_EQ(days, (std::set<std::string>{"MO", "TU", "WE", "TH", "FR", "SA"}));
  EXPECT_EQ(schedules[5]["closes_at"], "13:00+09:00");
  EXPECT_FALSE(schedules[6].contains("freq"));
  EXPECT_EQ(schedules[6]["description"], "알 수 없는 시간");
}

TEST_F(HsdsExportTest, IdsAreStableAcrossExports) {
  const std::string first = testing::ReadFile(Dir() + "/services.json");
  std::ostringstream out, err;
  ASSERT_EQ(RunCli({"export-hsds", "--bundle", dir_.Path("in.bundle"), "--out", dir_.Path("again")},
                   out, err),
            0);
  EXPECT_EQ(testing::ReadFile(dir_.Path("again") + "/services.json"), first);
  EXPECT_EQ(NameUuid("a"), NameUuid("a"));
  EXPECT_NE(NameUuid("a"), NameUuid("b"));
  EXPECT_EQ(NameUuid("a")[14], '5');  // version 5
}

TEST(HsdsExportErrorsTest, BadInputFailsCleanly) {
  TempDir dir;
  std::ostringstream out, err;
  EXPECT_EQ(RunCli({"export-hsds", "--bundle", dir.Path("missing.bundle"), "--out", dir.Path("o")},
                   out, err),
            1);
  testing::WriteFile(dir.Path("bad.bundle"), "not a bundle");
  EXPECT_EQ(
      RunCli({"export-hsds", "--bundle", dir.Path("bad.bundle"), "--out", dir.Path("o")}, out, err),
      1);
  EXPECT_NE(err.str().find("not a bundle file"), std::string::npos) << err.str();
  EXPECT_EQ(RunCli({"export-hsds", "--bundle", dir.Path("bad.bundle")}, out, err), 2);
}

}  // namespace
}  // namespace bokji::geodata
