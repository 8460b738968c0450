// Tests of where the importer puts facilities beyond plain coordinates, on small invented files
// written by each test (and the invented geocoder output in fixtures/): placement by address at an
// 읍/면 or a 시군구, the geocoder's points, islands within the boundary tolerance, the 시군구 a row
// states in its several spellings, links, phones, names, partial data dates, and the readable
// report's summaries. Expected region codes are looked up in the real boundary files by name, never
// copied from the importer's output.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "core/links.h"
#include "geodata/address_placement.h"
#include "geodata/import_config.h"
#include "geodata/importer.h"
#include "geodata/row_text.h"
#include "geodata_test_util.h"
#include "nlohmann/json.hpp"

namespace bokji::geodata {
namespace {

using testing::HasWarning;
using testing::ReadFile;
using testing::ReasonOf;
using testing::SharedData;
using testing::TempDir;
using testing::WriteFile;

// The real Jeonbuk province, 시군구 and 읍면동 boundaries, then `sources`.
std::string ConfigWithEmd(const std::vector<std::string>& sources) {
  std::vector<std::string> all = {R"({"id": "읍면동", "kind": "boundaries",
       "file": "${data_root}/boundaries/jeonbuk-submunicipalities-2018-geo.json",
       "columns": {"code": "code", "name": "name"},
       "metadata": {"name": "b", "publisher": "p", "licence": "l", "data_date": "2018-12-24"}})"};
  all.insert(all.end(), sources.begin(), sources.end());
  return testing::ConfigWithSources(all);
}

// `source` (a JSON object without metadata) with metadata added.
std::string WithMetadata(const std::string& source, const std::string& date = "2024-12-31") {
  return source.substr(0, source.rfind('}')) +
         R"(, "metadata": {"name": "시설", "publisher": "p", "licence": "l", "data_date": ")" +
         date + R"("}})";
}

// KOSTAT codes by name, read from the boundary files themselves: "군산시" → 35020, "군산시/옥도면"
// → 3502…. The test's oracle for where rows should go.
class BoundaryCodes {
 public:
  BoundaryCodes() {
    std::map<std::string, std::string> sigungu_name;
    for (const auto& [file, is_emd] :
         {std::pair{"boundaries/jeonbuk-municipalities-2018-geo.json", false},
          std::pair{"boundaries/jeonbuk-submunicipalities-2018-geo.json", true}}) {
      const nlohmann::json geojson = nlohmann::json::parse(ReadFile(SharedData(file)));
      for (const nlohmann::json& feature : geojson["features"]) {
        const std::string code = feature["properties"]["code"];
        const std::string name = feature["properties"]["name"];
        if (!is_emd) {
          sigungu_name[code] = name;
          codes_[name] = std::stoul(code);
        } else {
          codes_[sigungu_name[code.substr(0, 5)] + "/" + name] = std::stoul(code);
        }
      }
    }
  }
  uint32_t operator()(const std::string& name) const {
    const auto it = codes_.find(name);
    EXPECT_NE(it, codes_.end()) << name;
    return it == codes_.end() ? 0 : it->second;
  }

 private:
  std::map<std::string, uint32_t> codes_;
};

const Facility* FacilityKeyed(const Dataset& data, const std::string& key) {
  for (const Facility& f : data.facilities)
    if (f.source_key == key) return &f;
  return nullptr;
}

const Region* RegionCoded(const Dataset& data, uint32_t code) {
  for (const Region& r : data.regions)
    if (r.code == code) return &r;
  return nullptr;
}

// ---------------------------------------------------------------------------------------------------------
// Address placement
// ---------------------------------------------------------------------------------------------------------

TEST(AddressPlacementTest, RowsWithoutCoordinatesGoToTheMostPreciseRegionTheirAddressNames) {
  TempDir dir;
  // Invented 경로당-like rows (TEST FIXTURE: no real centre).
  WriteFile(dir.Path("centres.csv"),
            "시군명,경로당명,주소\n"
            "군산시,가상섬경로당,군산시 옥도면 가상길 1\n"             // 1: 옥도면
            "전주시,가상동경로당,전주시 완산구 가상로 2(삼천동1가)\n"  // 2: 완산구, 동 address
            "정읍시,가상길경로당,정읍시 가상2길 27\n"                  // 3: 정읍시, road only
            "장수군,가상오타경로당,장수군 게북면 가상로 3\n"           // 4: alias → 계북면
            "임실군,가상강진경로당,강진면 가상길 4\n"                  // 5: no 시군 in address
            "전주시,가상모름경로당,가상천서로 5\n"                     // 6: 전주시, which 구?
            "전주시,가상서신경로당,가상천서로 6(서신동)\n"             // 7: 서신동 → 완산구
            "군산시,가상섬경로당,군산시 옥도면 가상길 1\n"             // 8: duplicate of 1
            "군산시,가상섬경로당,군산시 옥서면 가상길 9\n"             // 9: same name elsewhere
            "군산시,가상@경로당,군산시 나포면 가상길 10\n"             // 10: @ → 아파트
            "김제시,산정 경 로 당,김제시 가상면 가상길 11\n"           // 11: unknown 면
            "서울,가상서울경로당,서울특별시 가상구 가상로 12\n");      // 12: another province
  Result<ImportResult> result = testing::Import(dir, ConfigWithEmd({WithMetadata(R"({
      "id": "경로당", "kind": "facilities", "file": "centres.csv",
      "columns": {"name": "경로당명", "road_address": "주소", "sigungu": "시군명"},
      "category": "경로당", "targets": ["노인"],
      "name_replacements": [["@", "아파트"], ["경 로 당", "경로당"]],
      "address_placement": {"aliases": {"게북면": "계북면"}}})")}));
  ASSERT_TRUE(result.ok()) << result.status().message();
  const SourceReport& report = testing::ReportOfKind(result.value(), "facilities");
  const Dataset& data = result.value().dataset;
  const BoundaryCodes code;

  struct Expected {
    int row;
    PositionQuality quality;
    uint32_t sigungu, emd;
  };
  const Expected expected[] = {
      {1, PositionQuality::kApproxEmd, code("군산시"), code("군산시/옥도면")},
      {2, PositionQuality::kApproxSigungu, code("전주시완산구"), 0},
      {3, PositionQuality::kApproxSigungu, code("정읍시"), 0},
      {4, PositionQuality::kApproxEmd, code("장수군"), code("장수군/계북면")},
      {5, PositionQuality::kApproxEmd, code("임실군"), code("임실군/강진면")},
      {7, PositionQuality::kApproxSigungu, code("전주시완산구"), 0},
      {9, PositionQuality::kApproxEmd, code("군산시"), code("군산시/옥서면")},
      {10, PositionQuality::kApproxEmd, code("군산시"), code("군산시/나포면")},
      {11, PositionQuality::kApproxSigungu, code("김제시"), 0},
  };
  for (const Expected& e : expected) {
    SCOPED_TRACE("row " + std::to_string(e.row));
    const Facility* f = FacilityKeyed(data, "경로당:" + std::to_string(e.row));
    ASSERT_NE(f, nullptr) << ReasonOf(report, e.row);
    EXPECT_EQ(f->position_quality, e.quality);
    EXPECT_EQ(f->sigungu_code, e.sigungu);
    EXPECT_EQ(f->emd_code, e.emd);
    // The position is the label point of the region it stands for, never a made-up point.
    const Region* region = RegionCoded(data, e.emd != 0 ? e.emd : e.sigungu);
    ASSERT_NE(region, nullptr);
    EXPECT_EQ(f->position.lat, region->label.lat);
    EXPECT_EQ(f->position.lng, region->label.lng);
    EXPECT_TRUE(testing::InsideRegion(*region, f->position));
    EXPECT_EQ(f->verified, 20241231u);
    EXPECT_EQ(HasWarning(report, e.row, WarningKind::kApproximateSigungu),
              e.quality == PositionQuality::kApproxSigungu);
  }
  EXPECT_EQ(ReasonOf(report, 6), "address_unplaced");
  EXPECT_EQ(ReasonOf(report, 8), "duplicate");
  EXPECT_EQ(ReasonOf(report, 12), "no_coordinates");  // 서울: no region of the province
  EXPECT_EQ(FacilityKeyed(data, "경로당:10")->name, "가상아파트경로당");
  EXPECT_EQ(FacilityKeyed(data, "경로당:11")->name, "산정 경로당");
  // Why rows stopped at the 시군구, counted for the report.
  EXPECT_EQ(report.sigungu_fallbacks.at("dong_address"), 2);  // rows 2 and 7
  EXPECT_EQ(report.sigungu_fallbacks.at("no_emd_named"), 1);  // row 3
  EXPECT_EQ(report.sigungu_fallbacks.at("unknown_emd"), 1);   // row 11
  EXPECT_EQ(report.placed_by_quality[static_cast<int>(PositionQuality::kApproxEmd)], 5);
  EXPECT_EQ(report.placed_by_quality[static_cast<int>(PositionQuality::kApproxSigungu)], 4);
  EXPECT_EQ(report.placed_by_quality[static_cast<int>(PositionQuality::kExact)], 0);
  EXPECT_TRUE(report.CountsAddUp());
  // Rows placed by address share label points by design: no shared_coordinate noise.
  EXPECT_EQ(report.Count(WarningKind::kSharedCoordinate), 0);
  EXPECT_EQ(result.value().report.FacilitiesApproximate(), 9);
}

// A row whose coordinates are present but unusable is placed by its address, with a warning that
// says what was wrong; a row with good coordinates keeps them.
TEST(AddressPlacementTest, UnusableCoordinatesFallBackToTheAddress) {
  TempDir dir;
  WriteFile(dir.Path("pharmacies.csv"),
            "이름,주소,X좌표,Y좌표,시군구\n"
            "가상약국,전라북도 김제시 만경읍 가상로 1,128.6049,36.8176,김제시\n"  // 경북: unusable
            "가상좋은약국,전라북도 김제시 만경읍 가상로 2,126.88,35.80,김제시\n"  // kept as is
            "가상없는약국,전라북도 김제시 요촌동 가상로 3,,,김제시\n");           // none: 시군구
  Result<ImportResult> result = testing::Import(dir, ConfigWithEmd({WithMetadata(R"({
      "id": "약", "kind": "facilities", "file": "pharmacies.csv", "crs": "EPSG:4326",
      "province_check": true, "address_placement": true, "category": "약국",
      "columns": {"name": "이름", "road_address": "주소", "x": "X좌표", "y": "Y좌표",
                  "sigungu": "시군구"}})")}));
  ASSERT_TRUE(result.ok()) << result.status().message();
  const SourceReport& report = testing::ReportOfKind(result.value(), "facilities");
  const Dataset& data = result.value().dataset;
  const BoundaryCodes code;
  ASSERT_EQ(data.facilities.size(), 3u);
  EXPECT_EQ(data.facilities[0].position_quality, PositionQuality::kApproxEmd);
  EXPECT_EQ(data.facilities[0].emd_code, code("김제시/만경읍"));
  EXPECT_TRUE(HasWarning(report, 1, WarningKind::kCoordinatesUnusable));
  EXPECT_EQ(data.facilities[1].position_quality, PositionQuality::kExact);
  EXPECT_DOUBLE_EQ(data.facilities[1].position.lat, 35.80);
  EXPECT_EQ(data.facilities[2].position_quality, PositionQuality::kApproxSigungu);
  EXPECT_EQ(data.facilities[2].sigungu_code, code("김제시"));
  EXPECT_FALSE(HasWarning(report, 3, WarningKind::kCoordinatesUnusable));  // it had none
}

TEST(AddressPlacementTest, GeocodedPointsComeFirstAndAreCheckedLikeTheSourcesOwn) {
  TempDir dir;
  // Rows without coordinates whose addresses the invented geocoder output (fixtures/) knows.
  WriteFile(dir.Path("places.csv"),
            "이름,주소\n"
            "가상센터1,전북특별자치도 군산시  가상로 1\n"  // geocoded (spaces differ)
            "가상센터2,전라북도 전주시 완산구 가상길 2\n"  // geocoded
            "가상센터3,전북특별자치도 익산시 가상로 3\n"   // geocoded point in Seoul → 시군구
            "가상센터4,전북특별자치도 익산시 함열읍 가상로 4\n");  // not in the file → 읍
  const std::string fixture =
      std::string(BOKJI_SOURCE_DIR) + "/tests/geodata/fixtures/geocoded-test-fixture.csv";
  Result<ImportResult> result = testing::Import(dir, ConfigWithEmd({WithMetadata(R"({
      "id": "지오", "kind": "facilities", "file": "places.csv", "province_check": true,
      "address_placement": true, "category": "기타",
      "geocoded": {"file": ")" + fixture + R"(", "crs": "EPSG:4326",
                   "columns": {"address": "주소", "x": "경도", "y": "위도"}},
      "columns": {"name": "이름", "road_address": "주소"}})")}));
  ASSERT_TRUE(result.ok()) << result.status().message();
  const SourceReport& report = testing::ReportOfKind(result.value(), "facilities");
  const Dataset& data = result.value().dataset;
  const BoundaryCodes code;
  ASSERT_EQ(data.facilities.size(), 4u);
  EXPECT_EQ(data.facilities[0].position_quality, PositionQuality::kGeocoded);
  EXPECT_DOUBLE_EQ(data.facilities[0].position.lat, 35.9676);
  EXPECT_DOUBLE_EQ(data.facilities[0].position.lng, 126.7366);
  EXPECT_EQ(data.facilities[0].sigungu_code, code("군산시"));  // by point-in-polygon
  EXPECT_EQ(data.facilities[1].position_quality, PositionQuality::kGeocoded);
  EXPECT_EQ(data.facilities[1].sigungu_code, code("전주시완산구"));
  EXPECT_EQ(data.facilities[2].position_quality, PositionQuality::kApproxSigungu);
  EXPECT_EQ(data.facilities[2].sigungu_code, code("익산시"));
  EXPECT_TRUE(HasWarning(report, 3, WarningKind::kGeocodedUnusable));
  EXPECT_EQ(data.facilities[3].position_quality, PositionQuality::kApproxEmd);
  EXPECT_EQ(data.facilities[3].emd_code, code("익산시/함열읍"));
  EXPECT_EQ(report.placed_by_quality[static_cast<int>(PositionQuality::kGeocoded)], 2);
}

TEST(AddressPlacementTest, ConfigMistakesSayWhere) {
  struct Case {
    std::string source, expected;
  };
  const Case cases[] = {
      {R"({"id": "a", "kind": "facilities", "file": "x.csv", "category": "기타",
           "address_placement": true, "columns": {"name": "n"}})",
       "needs a road_address or lot_address column"},
      {R"({"id": "a", "kind": "facilities", "file": "x.csv", "category": "기타",
           "boundary_tolerance_m": 500, "columns": {"name": "n", "x": "x", "y": "y"}})",
       "needs province_check and a sigungu column"},
      {R"({"id": "a", "kind": "facilities", "file": "x.csv", "category": "기타",
           "phone_area_code": "63", "columns": {"name": "n"}})",
       "phone_area_code"},
      {R"({"id": "a", "kind": "programs_central", "file": "x.csv", "address_placement": true,
           "columns": {"name": "n"}})",
       "only facilities sources take this key"},
      {R"({"id": "a", "kind": "facilities", "file": "x.csv", "category": "기타",
           "name_replacements": [["", "x"]], "columns": {"name": "n"}})",
       "non-empty"},
      {R"({"id": "a", "kind": "facilities", "file": "x.csv", "category": "기타",
           "geocoded": {"file": "g.csv", "columns": {"address": "a", "x": "x", "y": "y"}},
           "columns": {"name": "n", "road_address": "a"}})",
       "geocoded.crs: missing"},
  };
  for (const Case& c : cases) {
    Result<ImportConfig> config =
        ParseImportConfig(testing::ConfigWithSources({WithMetadata(c.source)}), "/tmp", "/data");
    ASSERT_FALSE(config.ok()) << c.source;
    EXPECT_NE(config.status().message().find(c.expected), std::string::npos)
        << config.status().message();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Islands and the 시군구 a row states
// ---------------------------------------------------------------------------------------------------------

TEST(BoundaryToleranceTest, IslandPointsNearTheirStatedSigunguAreKeptWithAWarning) {
  TempDir dir;
  // 어청도 (an island of 군산 the 2018 boundaries simplify away), stated as 군산시 and as 부안군.
  WriteFile(dir.Path("islands.csv"),
            "이름,시군구,경도,위도\n"
            "가상어청도보건지소,군산시,125.9799729,36.1209391\n"
            "가상엉뚱한보건지소,부안군,125.9799729,36.1209391\n"
            "가상서울보건소,군산시,126.978,37.5665\n");
  for (const double tolerance : {0.0, 1000.0}) {
    SCOPED_TRACE("tolerance " + std::to_string(tolerance));
    std::string source = R"({"id": "섬", "kind": "facilities", "file": "islands.csv",
        "crs": "EPSG:4326", "province_check": true, "category": "공공보건",
        "columns": {"name": "이름", "sigungu": "시군구", "x": "경도", "y": "위도"})";
    if (tolerance > 0) source += R"(, "boundary_tolerance_m": 1000)";
    Result<ImportResult> result = testing::Import(dir, ConfigWithEmd({WithMetadata(source + "}")}));
    ASSERT_TRUE(result.ok()) << result.status().message();
    const SourceReport& report = testing::ReportOfKind(result.value(), "facilities");
    EXPECT_EQ(ReasonOf(report, 1), tolerance > 0 ? "" : "outside_province");
    EXPECT_EQ(ReasonOf(report, 2), "outside_province");  // 부안군 is 50 km away
    EXPECT_EQ(ReasonOf(report, 3), "outside_province");
    if (tolerance > 0) {
      ASSERT_EQ(result.value().dataset.facilities.size(), 1u);
      const Facility& island = result.value().dataset.facilities[0];
      EXPECT_EQ(island.sigungu_code, BoundaryCodes()("군산시"));
      EXPECT_EQ(island.position_quality, PositionQuality::kExact);  // the source's own point
      EXPECT_TRUE(HasWarning(report, 1, WarningKind::kNearBoundary));
      EXPECT_NE(report.warnings.front().detail.find("가상어청도보건지소"), std::string::npos);
    }
  }
}

TEST(StatedSigunguTest, SpellingsOfOneSigunguMatchAndOthersDoNot) {
  TempDir dir;
  Result<ImportResult> result = testing::Import(dir, testing::ConfigWithSources({}));
  ASSERT_TRUE(result.ok()) << result.status().message();
  const std::vector<Region>& regions = result.value().dataset.regions;
  Result<ImportConfig> config =
      ParseImportConfig(testing::ConfigWithSources({}), dir.path().string(), BOKJI_SHARED_DATA_DIR);
  ASSERT_TRUE(config.ok());
  const RegionNames names(regions, config.value());
  const BoundaryCodes code;
  auto region = [&](const std::string& name) {
    return RegionCoded(result.value().dataset, code(name));
  };
  const Region& wansan = *region("전주시완산구");
  for (const char* same : {"전주완산구", "전주시완산구", "전주시 완산구", "완산구", "전주시",
                           "도(전주시)", "전라북도 전주시", "전북특별자치도", "전라북도"}) {
    EXPECT_TRUE(names.StatedMatches(same, wansan)) << same;
  }
  for (const char* other : {"전주덕진구", "덕진구", "완주군", "군산시", "진주시"})
    EXPECT_FALSE(names.StatedMatches(other, wansan)) << other;
  EXPECT_EQ(names.SigunguNamed("전주시").size(), 2u);
  EXPECT_EQ(names.SigunguNamed("전주덕진구"), std::vector<const Region*>{region("전주시덕진구")});
  EXPECT_TRUE(names.SigunguNamed("중구").empty());
}

// ---------------------------------------------------------------------------------------------------------
// Links, phones, names, dates
// ---------------------------------------------------------------------------------------------------------

TEST(LinksTest, OnlyHttpLinksReachTheBundle) {
  TempDir dir;
  WriteFile(dir.Path("links.csv"),
            "이름,홈페이지,경도,위도\n"
            "가상의원1,https://example.org/a,127.148,35.8242\n"
            "가상의원2,javascript:alert(1),127.149,35.8243\n"
            "가상의원3,www.example.org/b,127.150,35.8244\n"
            "가상의원4,\"data:text/html;base64,AAAA\",127.151,35.8245\n"
            "가상의원5,http//www.example.org,127.152,35.8246\n");
  Result<ImportResult> result = testing::Import(dir, ConfigWithEmd({WithMetadata(R"({
      "id": "링크", "kind": "facilities", "file": "links.csv", "crs": "EPSG:4326",
      "category": "의료", "columns": {"name": "이름", "homepage": "홈페이지", "x": "경도", "y": "위도"}})")}));
  ASSERT_TRUE(result.ok()) << result.status().message();
  const SourceReport& report = testing::ReportOfKind(result.value(), "facilities");
  const Dataset& data = result.value().dataset;
  ASSERT_EQ(data.facilities.size(), 5u);  // links never reject a row
  EXPECT_EQ(data.facilities[0].homepage, "https://example.org/a");
  EXPECT_EQ(data.facilities[1].homepage, "");
  EXPECT_TRUE(HasWarning(report, 2, WarningKind::kUnsafeLink));
  EXPECT_EQ(data.facilities[2].homepage, "http://www.example.org/b");
  EXPECT_TRUE(HasWarning(report, 3, WarningKind::kLinkSchemeAdded));
  EXPECT_EQ(data.facilities[3].homepage, "");
  EXPECT_TRUE(HasWarning(report, 4, WarningKind::kUnsafeLink));
  EXPECT_EQ(data.facilities[4].homepage, "");
  EXPECT_TRUE(HasWarning(report, 5, WarningKind::kUnsafeLink));
  for (const Facility& f : data.facilities)
    EXPECT_TRUE(f.homepage.empty() || IsWebLink(f.homepage));
}

TEST(LinksTest, ProgramApplyUrlsAndEducationLinksAreCheckedToo) {
  TempDir dir;
  WriteFile(dir.Path("programs.csv"),
            "id,name,url\nWLF1,가상 서비스 1,https://www.bokjiro.go.kr/x\n"
            "WLF2,가상 서비스 2,javascript:alert(document.cookie)\n");
  WriteFile(dir.Path("edu.csv"),
            "교육명,대상,시작일시,종료일시,링크\n"
            "가상 교육,주민,2026-03-05 14:00,2026-03-05 16:00,vbscript:x\n");
  Result<ImportResult> result = testing::Import(
      dir, testing::ConfigWithSources(
               {WithMetadata(R"({"id": "p", "kind": "programs_central", "file": "programs.csv",
          "columns": {"service_id": "id", "name": "name", "apply_url": "url"}})"),
                WithMetadata(R"({"id": "e", "kind": "education", "file": "edu.csv",
          "columns": {"title": "교육명", "audience": "대상", "start": "시작일시",
                      "end": "종료일시", "link": "링크"}})")}));
  ASSERT_TRUE(result.ok()) << result.status().message();
  const Dataset& data = result.value().dataset;
  ASSERT_EQ(data.programs.size(), 2u);
  EXPECT_EQ(data.programs[0].apply_url, "https://www.bokjiro.go.kr/x");
  EXPECT_EQ(data.programs[1].apply_url, "");
  EXPECT_TRUE(HasWarning(testing::ReportOfKind(result.value(), "programs_central"), 2,
                         WarningKind::kUnsafeLink));
  ASSERT_EQ(data.education.size(), 1u);
  EXPECT_EQ(data.education[0].link_url, "");
  EXPECT_TRUE(
      HasWarning(testing::ReportOfKind(result.value(), "education"), 1, WarningKind::kUnsafeLink));
}

TEST(RowTextTest, PhonesAreHyphenatedAndLocalNumbersGetTheAreaCode) {
  struct Case {
    const char* text;
    const char* area;
    const char* phone;
    NormalisedPhone::Outcome outcome;
  };
  const Case cases[] = {
      {"063-225-1242", "063", "063-225-1242", NormalisedPhone::kRecognised},
      {"0632251242", "", "063-225-1242", NormalisedPhone::kRecognised},
      {"(063) 225 1242", "", "063-225-1242", NormalisedPhone::kRecognised},
      {"063)222-3333~4", "", "063-222-3333~4", NormalisedPhone::kRecognised},
      {"063-222-3333-4", "", "063-222-3333-4", NormalisedPhone::kRecognised},
      {"063-222-3333,5", "", "063-222-3333,5", NormalisedPhone::kRecognised},
      {"063-222-3333 (2)", "", "063-222-3333 (2)", NormalisedPhone::kRecognised},
      {"063-8594260", "", "063-859-4260", NormalisedPhone::kRecognised},
      {"0638-594260", "", "0638-594260", NormalisedPhone::kUnrecognised},
      {"2432724", "063", "063-243-2724", NormalisedPhone::kAreaCodeAdded},
      {"02-123-4567", "", "02-123-4567", NormalisedPhone::kRecognised},
      {"0212345678", "", "02-1234-5678", NormalisedPhone::kRecognised},
      {"010-1234-5678", "", "010-1234-5678", NormalisedPhone::kRecognised},
      {"1588-1234", "", "1588-1234", NormalisedPhone::kRecognised},
      {"0505-123-4567", "", "0505-123-4567", NormalisedPhone::kRecognised},
      {"243-2724", "063", "063-243-2724", NormalisedPhone::kAreaCodeAdded},
      {" 243-2724 (내선 2)", "063", "063-243-2724 (내선 2)", NormalisedPhone::kAreaCodeAdded},
      {"243-2724", "", "243-2724", NormalisedPhone::kUnrecognised},
      {"063-", "063", "063-", NormalisedPhone::kUnrecognised},
      {"010-5506", "063", "010-5506", NormalisedPhone::kUnrecognised},
      {"063-063-571-8228", "063", "063-063-571-8228", NormalisedPhone::kUnrecognised},
      {"문의 바람", "063", "문의 바람", NormalisedPhone::kUnrecognised},
      {"  ", "063", "", NormalisedPhone::kEmpty},
  };
  for (const Case& c : cases) {
    const NormalisedPhone phone = NormalisePhone(c.text, c.area);
    EXPECT_EQ(phone.phone, c.phone) << c.text;
    EXPECT_EQ(phone.outcome, c.outcome) << c.text;
  }
}

TEST(RowTextTest, LinksNamesAndAddressTokens) {
  EXPECT_EQ(NormaliseLink(" https://a.kr ").link, "https://a.kr");
  EXPECT_EQ(NormaliseLink("www.요실금수술.com/").link, "http://www.요실금수술.com/");
  EXPECT_EQ(NormaliseLink("jdasarang1.drline.net/").outcome, NormalisedLink::kSchemeAdded);
  for (const char* bad : {"javascript:alert(1)", "localhost", "http//x.kr", "a..b", ".kr",
                          "x.kr:80/", "mailto:a@b.kr", "www.x.kr\\evil"}) {
    EXPECT_EQ(NormaliseLink(bad).outcome, NormalisedLink::kDropped) << bad;
    EXPECT_EQ(NormaliseLink(bad).link, "") << bad;
  }
  EXPECT_EQ(NormaliseLink("").outcome, NormalisedLink::kEmpty);

  EXPECT_EQ(ApplyNameReplacements("  부영5차@ 경로당 ", {{"@", "아파트"}}), "부영5차아파트 경로당");
  EXPECT_EQ(ApplyNameReplacements("산정내오 경 로 당", {{"경 로 당", "경로당"}}),
            "산정내오 경로당");
  EXPECT_EQ(ApplyNameReplacements("a\u3000\u3000b", {}), "a b");
  EXPECT_EQ(AddressTokens("군산시 옥도면 선유남길 1, (선유도리,가상)"),
            (std::vector<std::string>{"군산시", "옥도면", "선유남길", "1", "선유도리", "가상"}));
}

TEST(SourceDateTest, KeepsThePrecisionTheSourceStates) {
  EXPECT_EQ(ParseSourceDate("2024-12-31"), 20241231u);
  EXPECT_EQ(ParseSourceDate("2025-03"), 20250300u);
  EXPECT_EQ(ParseSourceDate("2025.03"), 20250300u);
  EXPECT_EQ(ParseSourceDate("2022"), 20220000u);
  EXPECT_EQ(PrecisionOf(ParseSourceDate("2022")), DatePrecision::kYear);
  EXPECT_EQ(PrecisionOf(ParseSourceDate("2025-03")), DatePrecision::kMonth);
  EXPECT_EQ(PrecisionOf(ParseSourceDate("2025-03-01")), DatePrecision::kDay);
  for (const char* bad : {"", "2025-13", "1899", "25-03", "2025-3-1x", "202503001", "about 2022"})
    EXPECT_EQ(ParseSourceDate(bad), 0u) << bad;

  TempDir dir;
  WriteFile(dir.Path("one.csv"), "name,lon,lat\n가상,127.148,35.8242\n");
  const std::string source = R"json({"id": "f", "kind": "facilities", "file": "one.csv",
      "crs": "EPSG:4326", "category": "기타", "columns": {"name": "name", "x": "lon", "y": "lat"},
      "metadata": {"name": "n", "publisher": "p", "licence": "l", "data_date": "2025-03",
                   "data_date_note": "파일에 기준일 없음 (가상)"}})json";
  Result<ImportResult> result = testing::Import(dir, testing::ConfigWithSources({source}));
  ASSERT_TRUE(result.ok()) << result.status().message();
  const Dataset& data = result.value().dataset;
  EXPECT_EQ(data.facilities[0].verified, 20250300u);
  EXPECT_EQ(data.sources[data.facilities[0].source].data_date_note, "파일에 기준일 없음 (가상)");
}

// ---------------------------------------------------------------------------------------------------------
// The readable report
// ---------------------------------------------------------------------------------------------------------

TEST(ReportTextTest, SharedPointsAreSummarisedAndLongListsCut) {
  TempDir dir;
  std::string csv = "이름,경도,위도\n";
  for (int i = 0; i < 30; ++i)  // 30 invented clinics in 3 buildings, 10 each
    csv += "가상의원" + std::to_string(i) + ",127.14" + std::to_string(i % 3) + ",35.8242\n";
  for (int i = 0; i < 25; ++i) csv += ",127.15,35.83\n";  // 25 rows without a name
  WriteFile(dir.Path("clinics.csv"), csv);
  Result<ImportResult> result = testing::Import(dir, ConfigWithEmd({WithMetadata(R"({
      "id": "의원", "kind": "facilities", "file": "clinics.csv", "crs": "EPSG:4326",
      "category": "의료", "columns": {"name": "이름", "x": "경도", "y": "위도"}})")}));
  ASSERT_TRUE(result.ok()) << result.status().message();
  const SourceReport& report = testing::ReportOfKind(result.value(), "facilities");
  EXPECT_EQ(report.Count(WarningKind::kSharedCoordinate), 27);
  EXPECT_EQ(report.shared_coordinate_spots, 3);
  const std::string text = ReportText(result.value().report);
  EXPECT_NE(text.find("shared_coordinate: 27 rows at 3 spots"), std::string::npos) << text;
  EXPECT_EQ(text.find("가상의원29"), std::string::npos)
      << "shared points are not listed row by row";
  EXPECT_NE(text.find("missing_name: 25 rows"), std::string::npos) << text;
  EXPECT_NE(text.find("… 5 more in the JSON"), std::string::npos) << text;
  // The JSON keeps every row.
  const nlohmann::json json = nlohmann::json::parse(ReportJson(result.value().report));
  const nlohmann::json& source = json["sources"].back();
  EXPECT_EQ(source["warnings"].size(), 27u);
  EXPECT_EQ(source["rejected"].size(), 25u);
  EXPECT_EQ(source["shared_coordinate_spots"], 3);
  EXPECT_EQ(source["placed_by_quality"]["exact"], 30);
}

}  // namespace
}  // namespace bokji::geodata
