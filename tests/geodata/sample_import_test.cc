// The full sample import (geodata/config/jeonbuk-sample.json over the real shared data), run once
// through the command line. Expected counts are computed here from the files themselves with the
// test's own parsers, and the bundle is read back with LoadBundle.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "core/bundle.h"
#include "core/programs.h"
#include "geodata/cli.h"
#include "geodata/coordinates.h"
#include "geodata_test_util.h"
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

TEST_F(SampleImportTest, EveryFacilityLiesInItsRegionsAndCarriesItsSource) {
  std::map<uint32_t, const Region*> by_code;
  for (const Region& region : data_->regions) by_code[region.code] = &region;
  for (const Facility& facility : data_->facilities) {
    SCOPED_TRACE(facility.name);
    ASSERT_TRUE(by_code.count(facility.sigungu_code));
    ASSERT_TRUE(by_code.count(facility.emd_code));
    EXPECT_TRUE(testing::InsideRegion(*by_code[facility.sigungu_code], facility.position));
    EXPECT_TRUE(testing::InsideRegion(*by_code[facility.emd_code], facility.position));
    EXPECT_EQ(facility.emd_code / 100, facility.sigungu_code);
    ASSERT_LT(facility.source, data_->sources.size());
    EXPECT_EQ(facility.verified, data_->sources[facility.source].data_date);
    EXPECT_NE(facility.verified, 0u);
  }
  // Every Jeonju 2017 facility is in 전주 (완산구 35011 or 덕진구 35012).
  for (const Facility& facility : data_->facilities) {
    if (facility.source_key.rfind("전주-", 0) == 0) {
      EXPECT_EQ(CityCodeOf(facility.sigungu_code), 35010u);
    }
  }
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

// `text` without leading and trailing spaces, tabs and line breaks.
std::string TrimmedCell(std::string text) {
  text.erase(0, text.find_first_not_of(" \t\r\n"));
  text.erase(text.find_last_not_of(" \t\r\n") + 1);
  return text;
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
      EXPECT_EQ(source.data_date, 20220520u);
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
