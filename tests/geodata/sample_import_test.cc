// The full sample import (geodata/config/jeonbuk-sample.json over the real shared data), run once
// through the command line. Expected counts are computed here from the files themselves with the
// test's own parsers, and the bundle is read back with LoadBundle.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "core/bundle.h"
#include "core/geo.h"
#include "core/links.h"
#include "core/programs.h"
#include "geodata/cli.h"
#include "geodata/coordinates.h"
#include "geodata_test_util.h"
#include "hsds_checks.h"
#include "nlohmann/json.hpp"

namespace bokji::geodata {
namespace {

using testing::CountOccurrences;
using testing::CsvColumn;
using testing::ParseCsv;
using testing::ReadFile;
using testing::SharedData;
using testing::TempDir;

std::string WithoutSpaces(const std::string& text) {
  std::string out;
  for (char c : text)
    if (c != ' ') out += c;
  return out;
}

class SampleImportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    std::ostringstream out, err;
    exit_code_ = RunCli({"import", "--config",
                         std::string(BOKJI_SOURCE_DIR) + "/geodata/config/jeonbuk-sample.json",
                         "--data-root", BOKJI_SHARED_DATA_DIR, "--out", dir_->Path("sample.bundle"),
                         "--report", dir_->Path("report")},
                        out, err);
    stdout_ = new std::string(out.str());
    stderr_ = new std::string(err.str());
    const std::string bytes = ReadFile(dir_->Path("sample.bundle"));
    Result<Dataset> loaded =
        LoadBundle(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    if (loaded.ok()) data_ = new Dataset(std::move(loaded.value()));
    bundle_bytes_ = bytes.size();
    report_ = new nlohmann::json(
        nlohmann::json::parse(ReadFile(dir_->Path("report.json")), nullptr, false));
  }
  static void TearDownTestSuite() {
    delete data_;
    delete report_;
    delete stdout_;
    delete stderr_;
    delete dir_;
  }
  void SetUp() override {
    ASSERT_EQ(exit_code_, 0) << *stderr_;
    ASSERT_NE(data_, nullptr) << "the bundle does not load back";
    ASSERT_FALSE(report_->is_discarded()) << "report.json is not JSON";
  }

  // The report entry of source `id`.
  static const nlohmann::json& SourceReport(const std::string& id) {
    for (const nlohmann::json& source : (*report_)["sources"])
      if (source["id"] == id) return source;
    static const nlohmann::json kNone;
    ADD_FAILURE() << "no source " << id;
    return kNone;
  }

  static TempDir* dir_;
  static int exit_code_;
  static std::string* stdout_;
  static std::string* stderr_;
  static Dataset* data_;
  static size_t bundle_bytes_;
  static nlohmann::json* report_;
};

TempDir* SampleImportTest::dir_ = nullptr;
int SampleImportTest::exit_code_ = -1;
std::string* SampleImportTest::stdout_ = nullptr;
std::string* SampleImportTest::stderr_ = nullptr;
Dataset* SampleImportTest::data_ = nullptr;
size_t SampleImportTest::bundle_bytes_ = 0;
nlohmann::json* SampleImportTest::report_ = nullptr;

// `text` without leading and trailing spaces, tabs and line breaks.
std::string TrimmedCell(std::string text) {
  text.erase(0, text.find_first_not_of(" \t\r\n"));
  text.erase(text.find_last_not_of(" \t\r\n") + 1);
  return text;
}

TEST_F(SampleImportTest, PrintsOneSummaryLineAndWritesBothReports) {
  EXPECT_EQ(CountOccurrences(*stdout_, "\n"), 1) << *stdout_;
  EXPECT_NE(stdout_->find(std::to_string(bundle_bytes_) + " bytes"), std::string::npos) << *stdout_;
  EXPECT_NE(stdout_->find(std::to_string(data_->facilities.size()) + " facilities placed"),
            std::string::npos);
  EXPECT_EQ((*report_)["bundle_bytes"], bundle_bytes_);
  const std::string text = ReadFile(dir_->Path("report.txt"));
  EXPECT_NE(text.find("장애인복지관"), std::string::npos);
  // Every source's counts add up, in the machine-readable report too.
  for (const nlohmann::json& source : (*report_)["sources"]) {
    SCOPED_TRACE(source["id"].get<std::string>());
    EXPECT_EQ(source["rows_read"].get<int>(),
              source["rows_placed"].get<int>() + source["rows_rejected"].get<int>());
    EXPECT_EQ(source["rejected"].size(), source["rows_rejected"].get<size_t>());
  }
}

TEST_F(SampleImportTest, RegionsAreEveryFeatureOfTheThreeBoundaryFiles) {
  size_t expected = 0;
  for (const char* file : {"boundaries/jeonbuk-provinces-2018-geo.json",
                           "boundaries/jeonbuk-municipalities-2018-geo.json",
                           "boundaries/jeonbuk-submunicipalities-2018-geo.json"}) {
    const nlohmann::json geojson =
        nlohmann::json::parse(ReadFile(SharedData(file)), nullptr, false);
    ASSERT_FALSE(geojson.is_discarded()) << file;
    expected += geojson["features"].size();
  }
  EXPECT_EQ(data_->regions.size(), expected);

  std::map<uint32_t, const Region*> by_code;
  for (const Region& region : data_->regions) by_code[region.code] = &region;
  for (const Region& region : data_->regions) {
    SCOPED_TRACE(region.full_name);
    // Parents exist, levels follow code lengths, labels lie inside (the test's own even-odd rule).
    const int digits = static_cast<int>(std::to_string(region.code).size());
    EXPECT_EQ(static_cast<int>(region.level), digits == 2 ? 0 : (digits == 5 ? 1 : 2));
    if (region.level != RegionLevel::kProvince) {
      ASSERT_TRUE(by_code.count(region.parent_code));
    }
    EXPECT_TRUE(testing::InsideRegion(region, region.label));
    // Rings: no repeated closing vertex, and at least one counter-clockwise shell.
    bool has_shell = false;
    for (const Ring& ring : region.rings) {
      ASSERT_GE(ring.size(), 3u);
      EXPECT_FALSE(ring.front().lat == ring.back().lat && ring.front().lng == ring.back().lng);
      has_shell |= testing::TwiceSignedArea(ring) > 0;
    }
    EXPECT_TRUE(has_shell);
  }
}

TEST_F(SampleImportTest, DisabilityCentresAreTheJeonbukRowsOfTheNationwideFile) {
  const auto nationwide =
      ParseCsv(ReadFile(SharedData("facilities/보건복지부_장애인복지관 현황_20191231.csv")));
  const int province = CsvColumn(nationwide[0], "시도");
  const int name = CsvColumn(nationwide[0], "시설명");
  ASSERT_GE(province, 0);
  std::set<std::string> expected_names;
  for (size_t i = 1; i < nationwide.size(); ++i)
    if (nationwide[i][province] == "전라북도") expected_names.insert(nationwide[i][name]);
  // The README's Jeonbuk subset file agrees with that count.
  EXPECT_EQ(
      ParseCsv(ReadFile(SharedData("facilities/jeonbuk_장애인복지관_20191231.csv"))).size() - 1,
      expected_names.size());

  const nlohmann::json& report = SourceReport("장애인복지관");
  EXPECT_EQ(report["rows_read"].get<size_t>(), nationwide.size() - 1);
  EXPECT_EQ(report["rows_placed"].get<size_t>(), expected_names.size());
  EXPECT_EQ(report["rejected_by_reason"]["outside_province"].get<size_t>(),
            nationwide.size() - 1 - expected_names.size());
  std::set<std::string> imported;
  for (const Facility& facility : data_->facilities)
    if (facility.category == FacilityCategory::kDisability) imported.insert(facility.name);
  EXPECT_EQ(imported, expected_names);
  // The README checked every point against its stated 시군구: no disagreement is reported.
  EXPECT_EQ(report["warnings_by_kind"].count("outside_stated_sigungu"), 0u);
  // 부안장애인종합복지관 and 부안종합사회복지관 share one coordinate.
  EXPECT_EQ(report["warnings_by_kind"]["shared_coordinate"], 1);
}

TEST_F(SampleImportTest, JeonjuFilesAreImportedWhole) {
  EXPECT_EQ(SourceReport("전주-종합사회복지관")["rows_placed"].get<int>(),
            CountOccurrences(ReadFile(SharedData("facilities/jeonju_2017/WelfareFacility.xml")),
                             "<Row>"));
  EXPECT_EQ(SourceReport("전주-노숙인시설")["rows_placed"].get<int>(),
            CountOccurrences(ReadFile(SharedData("facilities/jeonju_2017/Homelessfacility.xml")),
                             "<Row>"));
  EXPECT_EQ(SourceReport("전주-아동복지시설")["rows_placed"].get<size_t>(),
            ParseCsv(ReadFile(SharedData("facilities/jeonju_2017/ChildFacility.csv"))).size() - 1);
}

// Distance in metres from p to the nearest edge of `region`, in a local flat projection (the test's
// own, independent of the importer's S2 code; good to a few metres at this scale).
double EdgeDistanceMetres(const Region& region, LatLng p) {
  const double kx = 111320.0 * std::cos(p.lat * M_PI / 180), ky = 110540.0;
  double best = 1e18;
  for (const Ring& ring : region.rings) {
    for (size_t i = 0; i < ring.size(); ++i) {
      const LatLng& a = ring[i];
      const LatLng& b = ring[(i + 1) % ring.size()];
      const double ax = (a.lng - p.lng) * kx, ay = (a.lat - p.lat) * ky;
      const double bx = (b.lng - p.lng) * kx, by = (b.lat - p.lat) * ky;
      const double dx = bx - ax, dy = by - ay, length = dx * dx + dy * dy;
      const double t = length == 0 ? 0 : std::clamp(-(ax * dx + ay * dy) / length, 0.0, 1.0);
      best = std::min(best, std::hypot(ax + t * dx, ay + t * dy));
    }
  }
  return best;
}

// Where each facility is: an exact point lies in its 시군구 and 읍면동 polygons (or, for the few
// the near-boundary rule kept, close to the 시군구 its row names); an approximate one sits on the
// label point of the area it stands for and names that area.
TEST_F(SampleImportTest, EveryFacilityLiesInItsRegionsAndCarriesItsSource) {
  std::map<uint32_t, const Region*> by_code;
  for (const Region& region : data_->regions) by_code[region.code] = &region;
  std::set<std::string> near_boundary_names;
  for (const nlohmann::json& source : (*report_)["sources"]) {
    for (const nlohmann::json& warning : source["warnings"]) {
      if (warning["kind"] != "near_boundary") continue;
      const std::string detail = warning["detail"];
      near_boundary_names.insert(detail.substr(1, detail.find('\'', 1) - 1));
    }
  }
  const Region* province = by_code[35];
  ASSERT_NE(province, nullptr);
  int outside = 0;
  for (const Facility& facility : data_->facilities) {
    SCOPED_TRACE(facility.source_key + " " + facility.name);
    ASSERT_TRUE(by_code.count(facility.sigungu_code));
    ASSERT_LT(facility.source, data_->sources.size());
    EXPECT_EQ(facility.verified, data_->sources[facility.source].data_date);
    EXPECT_NE(facility.verified, 0u);
    EXPECT_EQ(facility.s2_cell, LeafCellId(facility.position));
    if (facility.emd_code != 0) {
      EXPECT_EQ(facility.emd_code / 100, facility.sigungu_code);
    }
    switch (facility.position_quality) {
      case PositionQuality::kApproxEmd:
        ASSERT_TRUE(by_code.count(facility.emd_code));
        EXPECT_EQ(facility.position.lat, by_code[facility.emd_code]->label.lat);
        EXPECT_EQ(facility.position.lng, by_code[facility.emd_code]->label.lng);
        break;
      case PositionQuality::kApproxSigungu:
        EXPECT_EQ(facility.emd_code, 0u);
        EXPECT_EQ(facility.position.lat, by_code[facility.sigungu_code]->label.lat);
        EXPECT_EQ(facility.position.lng, by_code[facility.sigungu_code]->label.lng);
        break;
      default:
        if (!testing::InsideRegion(*province, facility.position)) {
          // Kept by the near-boundary rule: reported, and within 1 km of its 시군구.
          ++outside;
          EXPECT_TRUE(near_boundary_names.count(facility.name)) << "outside the 도, unreported";
          EXPECT_TRUE(testing::InsideRegion(*by_code[facility.sigungu_code], facility.position) ||
                      EdgeDistanceMetres(*by_code[facility.sigungu_code], facility.position) <=
                          1000);
          continue;
        }
        EXPECT_TRUE(testing::InsideRegion(*by_code[facility.sigungu_code], facility.position));
        ASSERT_TRUE(by_code.count(facility.emd_code));
        EXPECT_TRUE(testing::InsideRegion(*by_code[facility.emd_code], facility.position));
        break;
    }
  }
  EXPECT_EQ(outside, static_cast<int>(near_boundary_names.size()));
  EXPECT_EQ(outside, 8);  // 6 island posts of 군산 and 2 of 부안 (위도)
  // Every Jeonju 2017 facility is in 전주 (완산구 35011 or 덕진구 35012).
  for (const Facility& facility : data_->facilities) {
    if (facility.source_key.rfind("전주-", 0) == 0) {
      EXPECT_EQ(CityCodeOf(facility.sigungu_code), 35010u);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// The 건강보험심사평가원 lists, checked against the test's own reading of the files
// ---------------------------------------------------------------------------------------------------------

// HIRA's 시군구코드명 as the boundaries name it: "전주완산구" → "전주시완산구".
std::string BoundaryNameOf(const std::string& hira) {
  const std::string gu = "구", si = "시";
  if (hira.size() > 9 && hira.compare(hira.size() - 3, 3, gu) == 0 &&
      hira.find(si) == std::string::npos)
    return hira.substr(0, 6) + si + hira.substr(6);
  return hira;
}

TEST_F(SampleImportTest, HospitalsAndPharmaciesAreEveryRowOfTheHiraFiles) {
  std::map<std::string, const Region*> sigungu_by_name;
  const Region* province = nullptr;
  for (const Region& region : data_->regions) {
    if (region.level == RegionLevel::kSigungu) sigungu_by_name[region.name] = &region;
    if (region.level == RegionLevel::kProvince) province = &region;
  }
  ASSERT_NE(province, nullptr);
  struct File {
    const char* id;
    const char* path;
    const char* x;
    const char* y;
  };
  for (const File& file :
       {File{"병원", "facilities/hira/전라북도_병원정보.csv", "좌표(X)", "좌표(Y)"},
        File{"약국", "facilities/hira/전라북도_약국정보.csv", "X좌표", "Y좌표"}}) {
    SCOPED_TRACE(file.id);
    const auto rows = ParseCsv(ReadFile(SharedData(file.path)));
    const int x = CsvColumn(rows[0], file.x), y = CsvColumn(rows[0], file.y);
    const int sigungu = CsvColumn(rows[0], "시군구코드명");
    ASSERT_GE(x, 0);
    ASSERT_GE(sigungu, 0);
    int with_point = 0, islands = 0, elsewhere = 0, mismatched = 0;
    for (size_t i = 1; i < rows.size(); ++i) {
      const std::vector<std::string>& row = rows[i];
      if (static_cast<int>(row.size()) <= y || row[x].empty() || row[y].empty()) continue;
      const LatLng p{std::stod(row[y]), std::stod(row[x])};
      const Region* stated = sigungu_by_name[BoundaryNameOf(row[sigungu])];
      ASSERT_NE(stated, nullptr) << row[sigungu];
      if (!testing::InsideRegion(*province, p)) {
        if (testing::InsideRegion(*stated, p) || EdgeDistanceMetres(*stated, p) <= 1000) {
          ++islands;
        } else {
          ++elsewhere;  // placed by its address instead
        }
        continue;
      }
      ++with_point;
      if (!testing::InsideRegion(*stated, p)) ++mismatched;
    }
    const nlohmann::json& report = SourceReport(file.id);
    EXPECT_EQ(report["rows_read"].get<size_t>(), rows.size() - 1);
    // Every row is in 전북 by its address: none is lost.
    EXPECT_EQ(report["rows_placed"].get<size_t>(), rows.size() - 1);
    EXPECT_EQ(report["placed_by_quality"]["exact"].get<int>(), with_point + islands);
    EXPECT_EQ(report["placed_by_quality"]["approximate_emd"].get<int>() +
                  report["placed_by_quality"]["approximate_sigungu"].get<int>(),
              static_cast<int>(rows.size() - 1) - with_point - islands);
    EXPECT_EQ(report["warnings_by_kind"].value("near_boundary", 0), islands);
    EXPECT_EQ(report["warnings_by_kind"].value("coordinates_unusable", 0), elsewhere);
    // Only the real disagreements remain once 전주완산구 = 전주시완산구 (about 15 and 6).
    EXPECT_EQ(report["warnings_by_kind"].value("outside_stated_sigungu", 0), mismatched);
    EXPECT_LT(mismatched, 30);
  }
  // The island health posts of 군산 the issue names are on the map, in 군산.
  for (const char* island : {"개야도", "선유도", "어청도", "무녀도", "비안도"}) {
    bool found = false;
    for (const Facility& f : data_->facilities) {
      if (f.name.find(island) != std::string::npos &&
          f.category == FacilityCategory::kPublicHealth) {
        found = true;
        EXPECT_EQ(f.position_quality, PositionQuality::kExact) << f.name;
        EXPECT_EQ(f.sigungu_code, sigungu_by_name["군산시"]->code) << f.name;
      }
    }
    EXPECT_TRUE(found) << island;
  }
}

TEST_F(SampleImportTest, HiraTypesGiveTheCategories) {
  const auto rows = ParseCsv(ReadFile(SharedData("facilities/hira/전라북도_병원정보.csv")));
  const int type = CsvColumn(rows[0], "종별코드명");
  std::map<FacilityCategory, int> expected;
  for (size_t i = 1; i < rows.size(); ++i) {
    const std::string& t = rows[i][type];
    const bool public_health =
        t == "보건소" || t == "보건지소" || t == "보건진료소" || t == "보건의료원";
    ++expected[public_health ? FacilityCategory::kPublicHealth : FacilityCategory::kMedical];
  }
  EXPECT_EQ(expected[FacilityCategory::kPublicHealth], 401);  // the data README's count
  std::map<FacilityCategory, int> imported;
  for (const Facility& f : data_->facilities)
    if (f.source_key.rfind("병원:", 0) == 0) ++imported[f.category];
  EXPECT_EQ(imported, expected);
  int pharmacies = 0;
  for (const Facility& f : data_->facilities)
    pharmacies += f.source_key.rfind("약국:", 0) == 0 && f.category == FacilityCategory::kPharmacy;
  EXPECT_EQ(pharmacies,
            static_cast<int>(
                ParseCsv(ReadFile(SharedData("facilities/hira/전라북도_약국정보.csv"))).size()) -
                1);
}

// Homepages: only http(s) links, the scheme-less "www.…" ones completed, the malformed dropped.
TEST_F(SampleImportTest, HomepagesAreWebLinksOnly) {
  const auto rows = ParseCsv(ReadFile(SharedData("facilities/hira/전라북도_병원정보.csv")));
  const int homepage = CsvColumn(rows[0], "병원홈페이지");
  const std::regex usable(R"(^(https?://\S+|[^:/\s]+\.[^:/\s]+(/\S*)?)$)", std::regex::icase);
  int expected = 0, dropped = 0;
  for (size_t i = 1; i < rows.size(); ++i) {
    const std::string cell = TrimmedCell(rows[i][homepage]);
    if (cell.empty()) continue;
    std::regex_search(cell, usable) ? ++expected : ++dropped;
  }
  int with_homepage = 0;
  for (const Facility& f : data_->facilities) {
    EXPECT_TRUE(f.homepage.empty() || IsWebLink(f.homepage)) << f.homepage;
    with_homepage += !f.homepage.empty();
  }
  EXPECT_EQ(with_homepage, expected);
  EXPECT_EQ(SourceReport("병원")["warnings_by_kind"].value("unsafe_link", 0), dropped);
  EXPECT_GT(expected, 150);
}

// ---------------------------------------------------------------------------------------------------------
// The 경로당 list: address only, placed at the 읍/면 its address names, else its 시군구
// ---------------------------------------------------------------------------------------------------------

TEST_F(SampleImportTest, SeniorCentresArePlacedByAddressAndMarkedApproximate) {
  const auto rows =
      ParseCsv(ReadFile(SharedData("facilities/전북특별자치도_시군_경로당_현황_20241231.csv")));
  const int city = CsvColumn(rows[0], "시군명"), address = CsvColumn(rows[0], "주소");
  // The test's own matcher: the 읍/면 words of the address against the 읍면동 names of the 시군
  // (전주's 구 have only 동), with the one typo the data README lists.
  std::map<std::string, std::map<std::string, uint32_t>> emd_by_city;  // 시군 → 읍/면 → code
  std::map<uint32_t, std::string> sigungu_name;
  for (const Region& r : data_->regions)
    if (r.level == RegionLevel::kSigungu) sigungu_name[r.code] = r.name;
  for (const Region& r : data_->regions)
    if (r.level == RegionLevel::kEmd) emd_by_city[sigungu_name[r.code / 100]][r.name] = r.code;
  std::map<std::string, const Facility*> by_key;
  for (const Facility& f : data_->facilities) by_key[f.source_key] = &f;
  int at_emd = 0, at_sigungu = 0;
  for (size_t i = 1; i < rows.size(); ++i) {
    SCOPED_TRACE(rows[i][address]);
    const Facility* f = by_key["경로당:" + std::to_string(i)];
    ASSERT_NE(f, nullptr);
    EXPECT_TRUE(IsApproximate(f->position_quality));
    EXPECT_EQ(f->category, FacilityCategory::kSeniorCenter);
    EXPECT_EQ(f->targets, kTargetElderly);
    const std::string name = TrimmedCell(rows[i][city]);
    uint32_t expected_emd = 0;
    std::string word;
    std::istringstream words(std::regex_replace(rows[i][address], std::regex("[,()]"), " "));
    while (words >> word) {
      if (word == "게북면") word = "계북면";
      for (const auto& [city_name, emds] : emd_by_city) {
        if (city_name.rfind(name, 0) != 0) continue;  // 전주시 → 전주시완산구, 전주시덕진구
        if (const auto it = emds.find(word);
            it != emds.end() && (word.ends_with("읍") || word.ends_with("면")))
          expected_emd = it->second;
      }
    }
    EXPECT_EQ(f->emd_code, expected_emd);
    EXPECT_EQ(sigungu_name[f->sigungu_code].rfind(name, 0), 0u) << sigungu_name[f->sigungu_code];
    expected_emd ? ++at_emd : ++at_sigungu;
  }
  const nlohmann::json& report = SourceReport("경로당");
  EXPECT_EQ(report["rows_read"].get<size_t>(), rows.size() - 1);
  EXPECT_EQ(report["rows_placed"].get<size_t>(), rows.size() - 1);
  EXPECT_EQ(report["placed_by_quality"]["approximate_emd"].get<int>(), at_emd);
  EXPECT_EQ(report["placed_by_quality"]["approximate_sigungu"].get<int>(), at_sigungu);
  EXPECT_EQ(report["warnings_by_kind"].value("approximate_sigungu", 0), at_sigungu);
  int fallbacks = 0;
  for (const auto& [reason, count] : report["sigungu_fallbacks"].items())
    fallbacks += count.get<int>();
  EXPECT_EQ(fallbacks, at_sigungu);
  EXPECT_GT(at_emd, 4000);  // most 경로당 are in 읍/면
  EXPECT_EQ((*report_)["facilities_approximate"].get<int>(),
            at_emd + at_sigungu +
                SourceReport("병원")["placed_by_quality"]["approximate_emd"].get<int>() +
                SourceReport("병원")["placed_by_quality"]["approximate_sigungu"].get<int>() +
                SourceReport("약국")["placed_by_quality"]["approximate_emd"].get<int>() +
                SourceReport("약국")["placed_by_quality"]["approximate_sigungu"].get<int>());
}

// Freshness: each source keeps its date, with the precision and the note the shared data README
// gives when the file itself states none.
TEST_F(SampleImportTest, SourcesKeepTheirDatesWithoutInventedPrecision) {
  std::map<std::string, const Source*> by_name;
  for (const Source& s : data_->sources) by_name[s.name] = &s;
  struct Expected {
    const char* name;
    Date date;
    bool note;
  };
  for (const Expected& e : {Expected{"건강보험심사평가원 병원정보서비스 (전북)", 20250300, true},
                            Expected{"건강보험심사평가원 약국정보서비스 (전북)", 20230300, true},
                            Expected{"보건복지부 노인맞춤돌봄서비스 수행기관 현황", 20220000, true},
                            Expected{"전국치매센터표준데이터", 20220000, true},
                            Expected{"전국건강증진센터표준데이터", 20220000, true},
                            Expected{"전북특별자치도 시군 경로당 현황", 20241231, false},
                            Expected{"복지로 서비스 상세 (2022 수집)", 20220500, true},
                            Expected{"한국사회보장정보원_지자체복지서비스", 20260727, true},
                            Expected{"한국사회보장정보원_복지서비스정보", 20250722, false},
                            Expected{"통계청 센서스 경계 (시군구) 2018", 20180000, false},
                            Expected{"보건복지부_장애인복지관 현황", 20191231, false}}) {
    SCOPED_TRACE(e.name);
    ASSERT_TRUE(by_name.count(e.name));
    EXPECT_EQ(by_name[e.name]->data_date, e.date);
    EXPECT_EQ(!by_name[e.name]->data_date_note.empty(), e.note);
  }
}

// Clinics in one building share a point: the readable report counts them, the JSON lists each.
TEST_F(SampleImportTest, SharedPointsAreSummarisedNotListed) {
  std::map<std::pair<int64_t, int64_t>, bool> seen;
  std::map<std::string, int> shared_rows;
  std::map<std::string, std::set<std::pair<int64_t, int64_t>>> spots;
  for (const Facility& f : data_->facilities) {
    if (IsApproximate(f.position_quality)) continue;
    const std::pair<int64_t, int64_t> key = {std::llround(f.position.lat * 1e6),
                                             std::llround(f.position.lng * 1e6)};
    const std::string source = f.source_key.substr(0, f.source_key.find(':'));
    if (seen[key]) {
      ++shared_rows[source];
      spots[source].insert(key);
    }
    seen[key] = true;
  }
  const std::string text = ReadFile(dir_->Path("report.txt"));
  for (const auto& [source, rows] : shared_rows) {
    SCOPED_TRACE(source);
    const nlohmann::json& report = SourceReport(source);
    EXPECT_EQ(report["warnings_by_kind"]["shared_coordinate"].get<int>(), rows);
    EXPECT_EQ(report["shared_coordinate_spots"].get<int>(), static_cast<int>(spots[source].size()));
    EXPECT_NE(text.find("shared_coordinate: " + std::to_string(rows) + " rows at " +
                        std::to_string(spots[source].size()) + " spots"),
              std::string::npos);
  }
  EXPECT_GT(shared_rows["병원"], 500);
  EXPECT_EQ(CountOccurrences(text, "has the same point as"), 0);  // no row-by-row list
  EXPECT_LT(CountOccurrences(text, "\n"), 2000);                  // a report people can read
}

// The ids of every row of a CSV column, optionally taken from a URL's wlfareInfoId parameter.
std::set<std::string> IdsOf(const std::string& file, const std::string& column, bool from_url) {
  const auto rows = ParseCsv(ReadFile(SharedData(file)));
  const int index = CsvColumn(rows[0], column);
  EXPECT_GE(index, 0) << file << " " << column;
  std::set<std::string> ids;
  const std::regex parameter("[?&]wlfareInfoId=([A-Za-z0-9]+)");
  for (size_t i = 1; i < rows.size(); ++i) {
    std::smatch match;
    if (!from_url) {
      ids.insert(rows[i][index]);
    } else if (std::regex_search(rows[i][index], match, parameter)) {
      ids.insert(match[1]);
    }
  }
  return ids;
}

// A 2022 crawl file's `column`, trimmed, by the wlfareInfoId of each row's url.
std::map<std::string, std::string> CrawlCellsById(const std::string& file,
                                                  const std::string& column) {
  const auto rows = ParseCsv(ReadFile(SharedData(file)));
  const int url = CsvColumn(rows[0], "url");
  const int wanted = CsvColumn(rows[0], column);
  EXPECT_GE(wanted, 0) << file << " " << column;
  std::map<std::string, std::string> cells;
  for (size_t i = 1; i < rows.size(); ++i) {
    std::smatch match;
    if (std::regex_search(rows[i][url], match, std::regex("wlfareInfoId=([A-Za-z0-9]+)"))) {
      cells[match[1]] = TrimmedCell(rows[i][wanted]);
    }
  }
  return cells;
}

TEST_F(SampleImportTest, ProgramsAreTheUnionOfTheCataloguesByServiceId) {
  const std::set<std::string> central =
      IdsOf("services/한국사회보장정보원_복지서비스정보_20250722.csv", "서비스아이디", false);
  const std::set<std::string> local =
      IdsOf("services/jeonbuk_local_welfare_services.csv", "id", false);
  const std::set<std::string> detail =
      IdsOf("services/bokjiro_crawl_central_2022.csv", "url", true);
  const std::set<std::string> private_ =
      IdsOf("services/bokjiro_crawl_private_2022.csv", "url", true);
  std::set<std::string> all = central;
  all.insert(local.begin(), local.end());
  std::set<std::string> merged;
  for (const std::string& id : detail)
    if (!all.insert(id).second) merged.insert(id);
  all.insert(private_.begin(), private_.end());

  EXPECT_EQ(data_->programs.size(), all.size());
  EXPECT_EQ(SourceReport("복지로-상세-중앙")["rows_merged"].get<size_t>(), merged.size());
  std::set<std::string> imported;
  for (const Program& program : data_->programs) imported.insert(program.service_id);
  EXPECT_EQ(imported, all);

  // Every program keeps a source with a date; merged ones get a combined source dated by the older
  // part.
  std::map<std::string, std::string> eligibility_of =
      CrawlCellsById("services/bokjiro_crawl_central_2022.csv", "support_target");
  for (const Program& program : data_->programs) {
    SCOPED_TRACE(program.service_id);
    ASSERT_LT(program.source, data_->sources.size());
    const Source& source = data_->sources[program.source];
    EXPECT_NE(source.data_date, 0u);
    if (merged.count(program.service_id)) {
      EXPECT_NE(source.name.find(" + "), std::string::npos) << source.name;
      EXPECT_EQ(source.data_date, 20220500u);  // the crawl's month: the file states no date
      EXPECT_FALSE(source.data_date_note.empty());
      // The 2022 지원대상 text, trimmed; central programs had none before.
      EXPECT_EQ(program.eligibility, eligibility_of[program.service_id]);
    } else if (central.count(program.service_id) || local.count(program.service_id)) {
      // Never invented: no catalogue states 지원대상 or 선정기준.
      EXPECT_EQ(program.eligibility, "");
      EXPECT_EQ(program.selection_criteria, "");
    }
  }
}

// 서비스내용 is stated only by the 2022 crawl (central, then private: the first non-empty text
// wins, as merging fills empty fields only). Every other program's benefits stay empty, never
// invented.
TEST_F(SampleImportTest, BenefitsAreTheCrawlsServiceContents) {
  std::map<std::string, std::string> benefits_of;
  for (const char* file :
       {"services/bokjiro_crawl_central_2022.csv", "services/bokjiro_crawl_private_2022.csv"}) {
    for (const auto& [id, text] : CrawlCellsById(file, "service_contents")) {
      if (!text.empty()) benefits_of.emplace(id, text);
    }
  }
  ASSERT_GT(benefits_of.size(), 100u);  // 64 + 79 crawl rows, nearly all with 서비스내용

  int with_benefits = 0;
  for (const Program& program : data_->programs) {
    SCOPED_TRACE(program.service_id);
    const auto expected = benefits_of.find(program.service_id);
    if (expected == benefits_of.end()) {
      EXPECT_EQ(program.benefits, "");
      continue;
    }
    ++with_benefits;
    EXPECT_EQ(program.benefits.rfind(expected->second, 0), 0u)
        << "benefits: " << program.benefits << "\nfile: " << expected->second;
    EXPECT_EQ(program.benefits, expected->second);
  }
  EXPECT_EQ(with_benefits, static_cast<int>(benefits_of.size()));
}

// The shared data has no 복지 교육 list, so the sample config has no education source: the app
// shows its empty state rather than invented events.
TEST_F(SampleImportTest, HasNoEducationEvents) {
  EXPECT_TRUE(data_->education.empty());
  EXPECT_EQ((*report_)["education"], 0);
  for (const nlohmann::json& source : (*report_)["sources"]) EXPECT_NE(source["kind"], "education");
}

TEST_F(SampleImportTest, LocalProgramsGetTheirLevelAndCityCode) {
  const auto rows = ParseCsv(ReadFile(SharedData("services/jeonbuk_local_welfare_services.csv")));
  const int id = CsvColumn(rows[0], "id");
  const int sigungu = CsvColumn(rows[0], "sigungu");
  std::map<std::string, std::string> sigungu_of;
  for (size_t i = 1; i < rows.size(); ++i) sigungu_of[rows[i][id]] = rows[i][sigungu];

  std::map<std::string, const Program*> by_id;
  for (const Program& program : data_->programs) by_id[program.service_id] = &program;
  int city = 0;
  for (const auto& [service_id, name] : sigungu_of) {
    SCOPED_TRACE(service_id + " " + name);
    ASSERT_TRUE(by_id.count(service_id));
    const Program& program = *by_id[service_id];
    if (name.empty() || name.find("교육청") != std::string::npos) {
      EXPECT_EQ(program.level, ProgramLevel::kProvince);
      EXPECT_EQ(program.sigungu_code, 0u);
      continue;
    }
    ++city;
    EXPECT_EQ(program.level, ProgramLevel::kCity);
    EXPECT_EQ(program.region_name, name);
    // The code is a 시군 code (CityCodeOf is itself) and one of its 시군구 polygons carries the
    // name.
    EXPECT_EQ(CityCodeOf(program.sigungu_code), program.sigungu_code);
    bool named = false;
    for (const Region& region : data_->regions) {
      if (region.level == RegionLevel::kSigungu &&
          CityCodeOf(region.code) == program.sigungu_code) {
        named |= region.name.rfind(name, 0) == 0;
      }
    }
    EXPECT_TRUE(named);
  }
  EXPECT_GT(city, 300);
  // 전주시 covers both 구.
  for (const auto& [service_id, name] : sigungu_of)
    if (name == "전주시") {
      EXPECT_EQ(by_id[service_id]->sigungu_code, 35010u);
    }
}

// The whole sample as HSDS 3.0: valid by the test's own reading of the specification, one service
// per facility and program, and no coordinates for the facilities placed by address.
TEST_F(SampleImportTest, ExportsAsValidHsds) {
  std::ostringstream out, err;
  ASSERT_EQ(
      RunCli({"export-hsds", "--bundle", dir_->Path("sample.bundle"), "--out", dir_->Path("hsds")},
             out, err),
      0)
      << err.str();
  const std::vector<std::string> problems = testing::CheckHsdsDirectory(dir_->Path("hsds"));
  EXPECT_TRUE(problems.empty()) << problems.front();
  const nlohmann::json services = testing::HsdsRecords(dir_->Path("hsds"), "services.json");
  EXPECT_EQ(services.size(), data_->facilities.size() + data_->programs.size());
  const nlohmann::json locations = testing::HsdsRecords(dir_->Path("hsds"), "locations.json");
  ASSERT_EQ(locations.size(), data_->facilities.size());
  for (size_t i = 0; i < locations.size(); ++i) {
    EXPECT_EQ(locations[i].contains("latitude"),
              !IsApproximate(data_->facilities[i].position_quality));
  }
}

// UTM-K (EPSG:5179) against real data: the Jeonbuk 읍면동 centre points of admdong_centroids_UTMK
// fall inside the imported polygon of the same name.
TEST_F(SampleImportTest, UtmkCentroidsFallInTheirImportedEmd) {
  Result<CoordinateTransformer> to_wgs84 = CoordinateTransformer::ToWgs84From("EPSG:5179");
  ASSERT_TRUE(to_wgs84.ok());
  std::map<std::string, const Region*> emd_by_name;
  for (const Region& region : data_->regions)
    if (region.level == RegionLevel::kEmd) emd_by_name[WithoutSpaces(region.full_name)] = &region;
  std::istringstream tsv(ReadFile(SharedData("boundaries/admdong_centroids_UTMK_2001-2023.tsv")));
  std::string line;
  int compared = 0, inside = 0;
  while (std::getline(tsv, line)) {
    std::vector<std::string> cells;
    std::istringstream fields(line);
    for (std::string cell; std::getline(fields, cell, '\t');) cells.push_back(cell);
    if (cells.size() < 5 || cells[1].rfind("45", 0) != 0) continue;
    const auto region = emd_by_name.find(WithoutSpaces(cells[2]));
    if (region == emd_by_name.end()) continue;
    const std::optional<LatLng> p =
        to_wgs84.value().Transform(std::stod(cells[3]), std::stod(cells[4]));
    ASSERT_TRUE(p.has_value());
    ++compared;
    inside += testing::InsideRegion(*region->second, *p);
  }
  EXPECT_GT(compared, 150);
  // Centroids were partly moved by hand (the data README): allow a few to miss.
  EXPECT_GE(inside, compared * 95 / 100) << inside << " of " << compared;
}

}  // namespace
}  // namespace bokji::geodata
