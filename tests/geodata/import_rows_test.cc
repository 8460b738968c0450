// Tests of the importer on small files written by each test: every rejection reason and warning at
// the row it belongs to, the counts adding up, CP949 and XLSX input, file geometry, and config /
// file mistakes failing cleanly (non-zero exit, a message naming the problem, no bundle).
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "core/geo.h"
#include "core/region_index.h"
#include "cpl_conv.h"
#include "cpl_string.h"
#include "gdal_priv.h"
#include "geodata/cli.h"
#include "geodata/import_config.h"
#include "geodata/importer.h"
#include "geodata/table_reader.h"
#include "geodata_test_util.h"
#include "ogrsf_frmts.h"

namespace bokji::geodata {
namespace {

using testing::ConfigWithSources;
using testing::HasWarning;
using testing::Import;
using testing::ReadFile;
using testing::ReasonOf;
using testing::SharedData;
using testing::TempDir;
using testing::ToCp949;
using testing::WriteFile;

// ConfigWithSources with one source, `facility_source`, a JSON object without its metadata.
std::string ConfigWith(const std::string& facility_source) {
  return ConfigWithSources({facility_source.substr(0, facility_source.rfind('}')) +
                            R"(, "metadata": {"name": "시설", "publisher": "p", "licence": "l",
                                              "data_date": "2020-01-02"}})"});
}

const SourceReport& FacilityReport(const ImportResult& result) {
  return testing::ReportOfKind(result, "facilities");
}

// ---------------------------------------------------------------------------------------------------------
// Row validation
// ---------------------------------------------------------------------------------------------------------

TEST(ImportRowsTest, EveryBadRowIsRejectedWithItsReasonAndTheCountsAddUp) {
  TempDir dir;
  WriteFile(dir.Path("rows.csv"),
            "번호,시설명,경도,위도,구분,시군구\n"
            "1,좋은복지관,127.1480,35.8242,노인,전주시\n"     // row 1: placed
            "2,빈좌표,,35.8,노인,전주시\n"                    // row 2: no_coordinates
            "3,글자좌표,abc,35.8,노인,전주시\n"               // row 3: unparseable_coordinate
            "4,바다,0,0,노인,\n"                              // row 4: outside_korea
            "5,뒤바뀜,35.8300,127.1300,노인,전주시\n"         // row 5: placed, lat_lon_swapped
            "6,좋은 복지관,127.14801,35.82421,노인,전주시\n"  // row 6: duplicate (name, ~1.5 m)
            "7,,127.15,35.83,노인,전주시\n"                   // row 7: missing_name
            "1,다른이름,127.16,35.84,노인,전주시\n"           // row 8: duplicate (id of row 1)
            "9,서울복지관,126.978,37.5665,노인,서울\n"        // row 9: outside_province
            "10,같은자리,127.1480,35.8242,미지,군산시\n"  // row 10: placed, shared point, unmapped,
                                                          //         outside its stated 시군구
            "11,좋은복지관,127.5,35.7,장애인,\n");        // row 11: placed (same name, far away)
  Result<ImportResult> result = Import(dir, ConfigWith(R"({
      "id": "행", "kind": "facilities", "file": "rows.csv", "crs": "EPSG:4326", "province_check": true,
      "columns": {"id": "번호", "name": "시설명", "x": "경도", "y": "위도", "sigungu": "시군구"},
      "category": {"column": "구분", "map": {"노인": "노인", "장애인": "장애인"}}})"));
  ASSERT_TRUE(result.ok()) << result.status().message();
  const SourceReport& report = FacilityReport(result.value());

  EXPECT_EQ(ReasonOf(report, 1), "");
  EXPECT_EQ(ReasonOf(report, 2), "no_coordinates");
  EXPECT_EQ(ReasonOf(report, 3), "unparseable_coordinate");
  EXPECT_EQ(ReasonOf(report, 4), "outside_korea");
  EXPECT_EQ(ReasonOf(report, 5), "");
  EXPECT_EQ(ReasonOf(report, 6), "duplicate");
  EXPECT_EQ(ReasonOf(report, 7), "missing_name");
  EXPECT_EQ(ReasonOf(report, 8), "duplicate");
  EXPECT_EQ(ReasonOf(report, 9), "outside_province");
  EXPECT_EQ(ReasonOf(report, 10), "");
  EXPECT_EQ(ReasonOf(report, 11), "");
  EXPECT_TRUE(HasWarning(report, 5, WarningKind::kLatLonSwapped));
  EXPECT_TRUE(HasWarning(report, 10, WarningKind::kSharedCoordinate));
  EXPECT_TRUE(HasWarning(report, 10, WarningKind::kUnmappedCategory));
  EXPECT_TRUE(HasWarning(report, 10, WarningKind::kOutsideStatedSigungu));
  EXPECT_FALSE(HasWarning(report, 1, WarningKind::kOutsideStatedSigungu));  // 전주시 ⊃ 전주시완산구

  EXPECT_EQ(report.rows_read, 11);
  EXPECT_EQ(report.rows_placed + static_cast<int>(report.rejected.size()), report.rows_read);
  const Dataset& data = result.value().dataset;
  ASSERT_EQ(data.facilities.size(), 4u);
  EXPECT_EQ(static_cast<int>(data.facilities.size()), report.rows_placed);

  // The swapped row was fixed, not dropped; the unmapped category became 기타; keys and dates come
  // through.
  const Facility& swapped = data.facilities[1];
  EXPECT_EQ(swapped.name, "뒤바뀜");
  EXPECT_DOUBLE_EQ(swapped.position.lat, 35.83);
  EXPECT_DOUBLE_EQ(swapped.position.lng, 127.13);
  EXPECT_EQ(data.facilities[0].category, FacilityCategory::kElderly);
  EXPECT_EQ(data.facilities[2].category, FacilityCategory::kOther);
  EXPECT_EQ(data.facilities[3].category, FacilityCategory::kDisability);
  EXPECT_EQ(data.facilities[0].source_key, "행:1");
  EXPECT_EQ(data.facilities[0].verified, 20200102u);
  EXPECT_EQ(data.sources[data.facilities[0].source].name, "시설");
  EXPECT_EQ(data.facilities[0].s2_cell, LeafCellId(data.facilities[0].position));
  // No 읍면동 polygons were loaded: 시군구 codes only, and no warning about a level the config
  // lacks.
  EXPECT_NE(data.facilities[0].sigungu_code, 0u);
  EXPECT_EQ(data.facilities[0].emd_code, 0u);
  EXPECT_EQ(report.Count(WarningKind::kNoSigunguPolygon), 0);
}

TEST(ImportRowsTest, FacilitiesGetTheirRegionCodesByPointInPolygon) {
  TempDir dir;
  WriteFile(dir.Path("one.csv"), "name,lon,lat\n시청,127.148,35.8242\n");
  std::string config =
      ConfigWith(R"({"id": "f", "kind": "facilities", "file": "one.csv", "crs": "EPSG:4326",
      "columns": {"name": "name", "x": "lon", "y": "lat"}, "category": "기타"})");
  // Add the 읍면동 boundaries.
  const std::string more = R"(
      {"id": "읍면동", "kind": "boundaries", "file": "${data_root}/boundaries/jeonbuk-submunicipalities-2018-geo.json",
       "columns": {"code": "code", "name": "name"},
       "metadata": {"name": "b", "publisher": "p", "licence": "l", "data_date": "2018-12-24"}},)";
  config.insert(config.find("\"sources\": [") + 12, more);
  Result<ImportResult> result = Import(dir, config);
  ASSERT_TRUE(result.ok()) << result.status().message();
  const Dataset& data = result.value().dataset;
  ASSERT_EQ(data.facilities.size(), 1u);
  const Facility& facility = data.facilities[0];
  // The oracle: the test's own even-odd test over every region of each level.
  int sigungu_hits = 0, emd_hits = 0;
  for (const Region& region : data.regions) {
    if (!testing::InsideRegion(region, facility.position)) continue;
    if (region.level == RegionLevel::kSigungu) {
      ++sigungu_hits;
      EXPECT_EQ(facility.sigungu_code, region.code);
    }
    if (region.level == RegionLevel::kEmd) {
      ++emd_hits;
      EXPECT_EQ(facility.emd_code, region.code);
    }
  }
  EXPECT_EQ(sigungu_hits, 1);
  EXPECT_EQ(emd_hits, 1);
  EXPECT_EQ(facility.emd_code / 100, facility.sigungu_code);
}

// ---------------------------------------------------------------------------------------------------------
// Encodings and formats
// ---------------------------------------------------------------------------------------------------------

TEST(ImportFormatsTest, Cp949CsvIsRecodedToUtf8) {
  TempDir dir;
  const std::string utf8 =
      "시설명,주소,경도,위도\n"
      "덕진노인복지관,전북특별자치도 전주시 덕진구 권삼득로 1,127.13,35.85\n"
      "완산장애인쉼터,전주시 완산구 효자동,127.12,35.81\n";
  const std::string cp949 = ToCp949(utf8);
  ASSERT_NE(cp949, utf8);  // really re-encoded
  ASSERT_FALSE(CPLIsUTF8(cp949.data(), static_cast<int>(cp949.size())));
  WriteFile(dir.Path("cp949.csv"), cp949);
  const std::string source =
      R"({"id": "c", "kind": "facilities", "file": "cp949.csv", "crs": "EPSG:4326",
      "encoding": "CP949", "columns": {"name": "시설명", "road_address": "주소", "x": "경도", "y": "위도"},
      "category": "노인"})";
  Result<ImportResult> result = Import(dir, ConfigWith(source));
  ASSERT_TRUE(result.ok()) << result.status().message();
  const Dataset& data = result.value().dataset;
  ASSERT_EQ(data.facilities.size(), 2u);
  EXPECT_EQ(data.facilities[0].name, "덕진노인복지관");
  EXPECT_EQ(data.facilities[0].road_address, "전북특별자치도 전주시 덕진구 권삼득로 1");
  EXPECT_EQ(data.facilities[1].name, "완산장애인쉼터");

  // The same file declared UTF-8 fails, and the message suggests CP949.
  std::string wrong = source;
  wrong.replace(wrong.find("\"CP949\""), 7, "\"UTF-8\"");
  Result<ImportResult> failed = Import(dir, ConfigWith(wrong));
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.status().message().find("CP949"), std::string::npos)
      << failed.status().message();
}

TEST(ImportFormatsTest, XlsxSheetWithProjectedCoordinates) {
  TempDir dir;
  const std::string path = dir.Path("facilities.xlsx");
  {
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("XLSX");
    ASSERT_NE(driver, nullptr);
    GDALDataset* out = driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    ASSERT_NE(out, nullptr);
    OGRLayer* layer = out->CreateLayer("시설목록", nullptr, wkbNone, nullptr);
    ASSERT_NE(layer, nullptr);
    OGRFieldDefn name("시설명", OFTString), phone("전화", OFTString), x("X좌표", OFTReal),
        y("Y좌표", OFTReal);
    for (OGRFieldDefn* field : {&name, &phone, &x, &y})
      ASSERT_EQ(layer->CreateField(field), OGRERR_NONE);
    // TOOLCHAIN.md's EPSG:5186 reference point, and a second point 1 km east of it.
    const struct {
      const char* name;
      const char* phone;
      double x, y;
    } rows[] = {{"기준점복지관", "063-222-0001", 213373.784, 358548.455},
                {"동쪽복지관", "063-222-0002", 214373.784, 358548.455}};
    for (const auto& row : rows) {
      OGRFeature feature(layer->GetLayerDefn());
      feature.SetField("시설명", row.name);
      feature.SetField("전화", row.phone);
      feature.SetField("X좌표", row.x);
      feature.SetField("Y좌표", row.y);
      ASSERT_EQ(layer->CreateFeature(&feature), OGRERR_NONE);
    }
    GDALClose(out);
  }
  Result<ImportResult> result = Import(dir, ConfigWith(R"({"id": "x", "kind": "facilities",
      "file": "facilities.xlsx", "format": "XLSX", "layer": "시설목록", "crs": "EPSG:5186",
      "columns": {"name": "시설명", "phone": "전화", "x": "X좌표", "y": "Y좌표"}, "category": "의료"})"));
  ASSERT_TRUE(result.ok()) << result.status().message();
  const Dataset& data = result.value().dataset;
  ASSERT_EQ(data.facilities.size(), 2u);
  EXPECT_EQ(data.facilities[0].name, "기준점복지관");
  EXPECT_EQ(data.facilities[0].phone, "063-222-0001");
  EXPECT_LT(DistanceMeters(data.facilities[0].position, {35.8242, 127.148}), 1.0);
  // 1 km of easting is 1 km on the ground (to the projection's scale error, well under 1 %).
  EXPECT_NEAR(DistanceMeters(data.facilities[0].position, data.facilities[1].position), 1000, 5);
}

TEST(ImportFormatsTest, GeoJsonPointGeometryIsUsedWhenNoXyColumnsAreMapped) {
  TempDir dir;
  WriteFile(dir.Path("points.geojson"), R"({"type": "FeatureCollection", "features": [
      {"type": "Feature", "properties": {"name": "점시설"}, "geometry": {"type": "Point", "coordinates": [127.148, 35.8242]}},
      {"type": "Feature", "properties": {"name": "도형없음"}, "geometry": null}]})");
  Result<ImportResult> result = Import(dir, ConfigWith(R"({"id": "g", "kind": "facilities",
      "file": "points.geojson", "columns": {"name": "name"}, "category": "약국"})"));
  ASSERT_TRUE(result.ok()) << result.status().message();
  const SourceReport& report = FacilityReport(result.value());
  EXPECT_EQ(report.rows_read, 2);
  EXPECT_EQ(ReasonOf(report, 2), "no_coordinates");
  ASSERT_EQ(result.value().dataset.facilities.size(), 1u);
  EXPECT_DOUBLE_EQ(result.value().dataset.facilities[0].position.lat, 35.8242);
}

TEST(ImportFormatsTest, XmlRowsReadsCellsByElementName) {
  TempDir dir;
  // Cells in any order and a missing cell; a header block outside the rows is ignored.
  WriteFile(dir.Path("rows.xml"), ToCp949(R"(<?xml version="1.0" encoding="EUC-KR"?>
<root><header><header>이름</header></header>
<Row><이름>가나복지관</이름><위도>35.80</위도><경도>127.10</경도></Row>
<Row><경도>127.11</경도><이름>다라복지관</이름></Row>
</root>)"));
  Result<ImportResult> result = Import(dir, ConfigWith(R"({"id": "m", "kind": "facilities",
      "file": "rows.xml", "format": "xml_rows", "encoding": "CP949", "crs": "EPSG:4326",
      "columns": {"name": "이름", "x": "경도", "y": "위도"}, "category": "기타"})"));
  ASSERT_TRUE(result.ok()) << result.status().message();
  const SourceReport& report = FacilityReport(result.value());
  EXPECT_EQ(report.rows_read, 2);
  EXPECT_EQ(ReasonOf(report, 2), "no_coordinates");
  ASSERT_EQ(result.value().dataset.facilities.size(), 1u);
  EXPECT_EQ(result.value().dataset.facilities[0].name, "가나복지관");
}

// ---------------------------------------------------------------------------------------------------------
// Programs
// ---------------------------------------------------------------------------------------------------------

TEST(ImportProgramsTest, LocalLevelsRejectionsAndMergingByServiceId) {
  TempDir dir;
  WriteFile(
      dir.Path("local.csv"),
      "id,name,sido,sigungu,lifecycle,applyMethod\n"
      "WLF1,김제 결혼축하금,전북특별자치도,김제시,\"중장년, 청년\",방문\n"  // row 1: kCity 김제
      "WLF2,전북 청년수당,전북특별자치도,,청년,\n"                          // row 2: kProvince
      "WLF3,전주 아동수당,전라북도,전주시,아동,\n"              // row 3: kCity 전주 (35010)
      "WLF4,학생 지원,전북특별자치도,전북특별자치도교육청,,\n"  // row 4: province-wide
      "WLF5,없는 곳,전북특별자치도,없는군,,\n"                  // row 5: unknown_region
      "WLF6,경기 사업,경기도,수원시,,\n"                        // row 6: outside_province
      "WLF1,김제 결혼축하금 (중복),전북특별자치도,김제시,,\n"   // row 7: duplicate
      ",이름없는 id,전북특별자치도,,,\n"                        // row 8: placed, no id
      "WLF9,,전북특별자치도,,,\n");                             // row 9: missing_name
  WriteFile(
      dir.Path("detail.csv"),
      "title,url,support_target,apply_method\n"
      "다른 이름,https://x.kr/a.do?wlfareInfoId=WLF1&b=1,만 19세 이상,온라인 신청\n"  // merges into
                                                                                      // WLF1
      "새 서비스,https://x.kr/a.do?other=1,누구나,\n");                               // separate
  Result<ImportResult> result = Import(
      dir,
      ConfigWithSources({
          R"({"id": "local", "kind": "programs_local", "file": "local.csv", "province_check": true,
          "columns": {"service_id": "id", "name": "name", "sido": "sido", "sigungu": "sigungu",
                      "life_stages": "lifecycle", "how_to_apply": "applyMethod"},
          "metadata": {"name": "지자체", "publisher": "p", "licence": "l", "data_date": "2026-07-27"}})",
          R"({"id": "detail", "kind": "programs_detail", "file": "detail.csv", "level": "private",
          "service_id_url_param": "wlfareInfoId",
          "columns": {"service_id": "url", "name": "title", "eligibility": "support_target",
                      "how_to_apply": "apply_method"},
          "metadata": {"name": "상세", "publisher": "q", "licence": "l", "data_date": "2022-05-20"}})"}));
  ASSERT_TRUE(result.ok()) << result.status().message();
  const ImportResult& imported = result.value();
  const SourceReport& local = imported.report.sources[2];
  const SourceReport& detail = imported.report.sources[3];
  EXPECT_EQ(ReasonOf(local, 5), "unknown_region");
  EXPECT_EQ(ReasonOf(local, 6), "outside_province");
  EXPECT_EQ(ReasonOf(local, 7), "duplicate");
  EXPECT_EQ(ReasonOf(local, 9), "missing_name");
  EXPECT_TRUE(HasWarning(local, 4, WarningKind::kProvinceWide));
  EXPECT_EQ(local.rows_read, 9);
  EXPECT_EQ(local.rows_placed, 5);
  EXPECT_EQ(detail.rows_read, 2);
  EXPECT_EQ(detail.rows_merged, 1);

  const std::vector<Program>& programs = imported.dataset.programs;
  ASSERT_EQ(programs.size(), 6u);  // 5 local + 1 new from the detail file
  const Program& gimje = programs[0];
  EXPECT_EQ(gimje.level, ProgramLevel::kCity);
  EXPECT_EQ(gimje.sigungu_code, 35060u);  // the boundary file's code for 김제시
  EXPECT_EQ(gimje.region_name, "김제시");
  EXPECT_EQ(gimje.life_stages, kStageMiddleAge | kStageYoungAdult);
  // Merged: the empty 지원대상 filled, the catalogue's name and 신청방법 kept.
  EXPECT_EQ(gimje.name, "김제 결혼축하금");
  EXPECT_EQ(gimje.eligibility, "만 19세 이상");
  EXPECT_EQ(gimje.how_to_apply, "방문");
  const Source& combined = imported.dataset.sources[gimje.source];
  EXPECT_EQ(combined.name, "지자체 + 상세");
  EXPECT_EQ(combined.data_date, 20220520u);  // the older part
  EXPECT_EQ(programs[1].level, ProgramLevel::kProvince);
  EXPECT_EQ(programs[1].region_name, "전북특별자치도");
  EXPECT_EQ(programs[1].life_stages, kStageYoungAdult);
  EXPECT_EQ(programs[2].sigungu_code, 35010u);  // 전주시: both 구 (35011, 35012)
  EXPECT_EQ(programs[3].level, ProgramLevel::kProvince);
  EXPECT_EQ(programs[4].service_id, "");
  EXPECT_EQ(programs[4].life_stages, 0u);  // not stated stays 0
  EXPECT_EQ(programs[5].name, "새 서비스");
  EXPECT_EQ(programs[5].level, ProgramLevel::kPrivate);
  EXPECT_EQ(imported.dataset.sources[programs[5].source].name, "상세");
  EXPECT_EQ(programs[5].selection_criteria, "");  // never invented
}

// ---------------------------------------------------------------------------------------------------------
// Config and file mistakes
// ---------------------------------------------------------------------------------------------------------

TEST(ImportErrorsTest, MissingColumnNamesTheColumnAndListsThePresentOnes) {
  TempDir dir;
  WriteFile(dir.Path("a.csv"), "시설명,경도,위도\n가,127.1,35.8\n");
  Result<ImportResult> result =
      Import(dir, ConfigWith(R"({"id": "a", "kind": "facilities", "file": "a.csv",
      "crs": "EPSG:4326", "columns": {"name": "시설이름", "x": "경도", "y": "위도"}, "category": "기타"})"));
  ASSERT_FALSE(result.ok());
  const std::string& message = result.status().message();
  EXPECT_NE(message.find("'시설이름'"), std::string::npos) << message;
  EXPECT_NE(message.find("시설명, 경도, 위도"), std::string::npos) << message;
}

TEST(ImportErrorsTest, ConfigMistakesSayWhere) {
  TempDir dir;
  const std::string good = ConfigWith(R"({"id": "a", "kind": "facilities", "file": "a.csv",
      "crs": "EPSG:4326", "columns": {"name": "n"}, "category": "기타"})");
  ASSERT_TRUE(ParseImportConfig(good, dir.path().string(), BOKJI_SHARED_DATA_DIR).ok());
  auto error_of = [&](std::string config, const std::string& from, const std::string& to) {
    config.replace(config.find(from), from.size(), to);
    Result<ImportConfig> parsed =
        ParseImportConfig(config, dir.path().string(), BOKJI_SHARED_DATA_DIR);
    EXPECT_FALSE(parsed.ok()) << "accepted: " << to;
    return parsed.ok() ? std::string() : parsed.status().message();
  };
  EXPECT_NE(error_of(good, "\"category\": \"기타\"", "\"category\": \"고양이\"").find("고양이"),
            std::string::npos);
  EXPECT_NE(error_of(good, "\"columns\"", "\"colums\"").find("colums"), std::string::npos);
  EXPECT_NE(error_of(good, "\"name\": \"n\"", "\"nmae\": \"n\"").find("nmae"), std::string::npos);
  EXPECT_NE(error_of(good, "\"kind\": \"facilities\"", "\"kind\": \"shops\"").find("shops"),
            std::string::npos);
  EXPECT_NE(
      error_of(good, "\"data_date\": \"2020-01-02\"", "\"data_date\": \"soon\"").find("data_date"),
      std::string::npos);
  EXPECT_NE(error_of(good, "\"title\": \"test\",", "\"title\": \"test\"").find("JSON"),
            std::string::npos);
  // ${data_root} without --data-root.
  Result<ImportConfig> no_root = ParseImportConfig(good, dir.path().string(), "");
  ASSERT_FALSE(no_root.ok());
  EXPECT_NE(no_root.status().message().find("--data-root"), std::string::npos);
}

TEST(ImportErrorsTest, ProjectedCsvWithoutCrsIsAnError) {
  TempDir dir;
  WriteFile(dir.Path("a.csv"), "n,x,y\n가,213373.784,358548.455\n");
  Result<ImportResult> result =
      Import(dir, ConfigWith(R"({"id": "a", "kind": "facilities", "file": "a.csv",
      "columns": {"name": "n", "x": "x", "y": "y"}, "category": "기타"})"));
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.status().message().find("crs"), std::string::npos) << result.status().message();
}

// Runs the CLI on a config; returns the exit code and fills `err`.
int RunImportCli(const TempDir& dir, const std::string& config_json, std::string* err) {
  WriteFile(dir.Path("config.json"), config_json);
  std::ostringstream out, errors;
  const int code =
      RunCli({"import", "--config", dir.Path("config.json"), "--data-root", BOKJI_SHARED_DATA_DIR,
              "--out", dir.Path("out.bundle"), "--report", dir.Path("report")},
             out, errors);
  *err = errors.str();
  return code;
}

TEST(ImportErrorsTest, BadFilesFailWithoutWritingABundle) {
  TempDir dir;
  const std::string csv_source =
      R"({"id": "a", "kind": "facilities", "file": "FILE", "crs": "EPSG:4326",
      "columns": {"name": "n", "x": "x", "y": "y"}, "category": "기타"})";
  auto config_for = [&](const std::string& file) {
    std::string source = csv_source;
    source.replace(source.find("FILE"), 4, file);
    return ConfigWith(source);
  };
  std::string err;

  // A missing file.
  EXPECT_EQ(RunImportCli(dir, config_for("nowhere.csv"), &err), 1);
  EXPECT_NE(err.find("nowhere.csv"), std::string::npos) << err;
  EXPECT_NE(err.find("not found"), std::string::npos) << err;
  EXPECT_FALSE(std::filesystem::exists(dir.Path("out.bundle")));

  // A file GDAL cannot read as the declared format.
  WriteFile(dir.Path("broken.geojson"), "{\"type\": \"FeatureCollection\", \"features\": [ {{{");
  std::string geojson = config_for("broken.geojson");
  geojson.replace(geojson.find("\"crs\""), 5, "\"format\": \"GeoJSON\", \"crs\"");
  EXPECT_EQ(RunImportCli(dir, geojson, &err), 1);
  EXPECT_NE(err.find("broken.geojson"), std::string::npos) << err;
  EXPECT_FALSE(std::filesystem::exists(dir.Path("out.bundle")));

  // Malformed XML.
  WriteFile(dir.Path("broken.xml"), "<root><Row><n>가</Row></root>");
  std::string xml = config_for("broken.xml");
  xml.replace(xml.find("\"crs\""), 5, "\"format\": \"xml_rows\", \"crs\"");
  EXPECT_EQ(RunImportCli(dir, xml, &err), 1);
  EXPECT_NE(err.find("XML"), std::string::npos) << err;
  EXPECT_FALSE(std::filesystem::exists(dir.Path("out.bundle")));

  // Bad JSON in the config.
  EXPECT_EQ(RunImportCli(dir, "{\"title\": ", &err), 1);
  EXPECT_NE(err.find("JSON"), std::string::npos) << err;
  EXPECT_FALSE(std::filesystem::exists(dir.Path("out.bundle")));

  // A failed import leaves an earlier bundle at the path untouched, and no temporary files.
  WriteFile(dir.Path("out.bundle"), "earlier bundle");
  EXPECT_EQ(RunImportCli(dir, config_for("nowhere.csv"), &err), 1);
  EXPECT_EQ(ReadFile(dir.Path("out.bundle")), "earlier bundle");
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos) << entry.path();
    ++files;
  }
  EXPECT_EQ(files, 4);  // config.json, broken.geojson, broken.xml, out.bundle

  // Usage mistakes are exit code 2.
  std::ostringstream out, errors;
  EXPECT_EQ(RunCli({"import", "--config"}, out, errors), 2);
  EXPECT_EQ(RunCli({"export"}, out, errors), 2);
}


// CP949 cells with invalid bytes come out as valid UTF-8 with U+FFFD for what could not be read,
// and the rest kept. The last case is the fuzz finding of 2026-12-06: glibc reports A2 E8 at the end
// of a cell as invalid after consuming both bytes, and the recoder then read past the cell.
TEST(Cp949, InvalidBytesBecomeReplacementCharacters) {
  const std::string replacement = "\xEF\xBF\xBD";
  EXPECT_EQ(Cp949ToUtf8("\xB0\xA1"), "가");
  EXPECT_EQ(Cp949ToUtf8("abc"), "abc");
  EXPECT_EQ(Cp949ToUtf8(std::string("\xB0\xA1\0\xB0\xA1", 5)), "가");  // a C string ends at NUL
  for (const std::string& cell : {std::string("\xAF\xA2\xE8"), std::string("\xA2\xE8"),
                                 std::string("\xB0"), std::string("x\xFF\xB0\xA1")}) {
    const std::string text = Cp949ToUtf8(cell);
    EXPECT_TRUE(IsUtf8(text)) << text;
    EXPECT_NE(text.find(replacement), std::string::npos) << text;
    EXPECT_LE(text.size(), 3 * cell.size()) << "no more text than the cell's bytes can give";
  }
  EXPECT_EQ(Cp949ToUtf8("x\xFF\xB0\xA1"), "x" + replacement + "가");
}

}  // namespace
}  // namespace bokji::geodata
