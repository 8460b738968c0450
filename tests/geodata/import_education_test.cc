// Tests of the education import (geodata/import_education.cc) on the invented fixture
// tests/geodata/fixtures/education-test-fixture.csv (see the README there for what each row is
// for): every row kept or rejected with its reason, kept events carrying the file's cells and
// their region codes, a CP949 copy giving the same events, the date-time parser, and config
// mistakes.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/geo.h"
#include "geodata/import_steps.h"
#include "geodata_test_util.h"

namespace bokji::geodata {
namespace {

using testing::ConfigWithSources;
using testing::CsvColumn;
using testing::HasWarning;
using testing::Import;
using testing::ParseCsv;
using testing::ReadFile;
using testing::ReasonOf;
using testing::TempDir;
using testing::ToCp949;
using testing::WriteFile;

const std::string kFixture =
    std::string(BOKJI_SOURCE_DIR) + "/tests/geodata/fixtures/education-test-fixture.csv";

// The boundaries of ConfigWithSources plus the 읍면동 polygons, and one education source reading
// `file` with the README's column names.
std::string EducationConfig(const std::string& file, const std::string& encoding) {
  return ConfigWithSources({R"(
      {"id": "읍면동", "kind": "boundaries",
       "file": "${data_root}/boundaries/jeonbuk-submunicipalities-2018-geo.json",
       "columns": {"code": "code", "name": "name"},
       "metadata": {"name": "b", "publisher": "p", "licence": "l", "data_date": "2018-12-24"}})",
                            R"(
      {"id": "교육", "kind": "education", "file": ")" +
                                file + R"(", "encoding": ")" + encoding + R"(",
       "crs": "EPSG:4326", "province_check": true,
       "columns": {"title": "교육명", "organiser": "주최기관", "audience": "대상",
                   "start": "시작일시", "end": "종료일시", "place": "장소", "address": "주소",
                   "x": "경도", "y": "위도", "link": "링크", "fee": "수강료", "contact": "문의"},
       "metadata": {"name": "시험용 교육 일정", "publisher": "p", "licence": "l",
                    "data_date": "2026-01-15"}})"});
}

const SourceReport& EducationReport(const ImportResult& result) {
  return testing::ReportOfKind(result, "education");
}

class EducationImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<ImportResult> imported = Import(dir_, EducationConfig(kFixture, "UTF-8"));
    ASSERT_TRUE(imported.ok()) << imported.status().message();
    result_ = std::move(imported.value());
  }
  TempDir dir_;
  ImportResult result_;
};

TEST_F(EducationImportTest, EveryRowIsKeptOrRejectedWithItsReason) {
  const SourceReport& report = EducationReport(result_);
  EXPECT_EQ(report.rows_read, 11);
  EXPECT_EQ(report.rows_placed, 4);
  EXPECT_EQ(report.rows_read, report.rows_placed + static_cast<int>(report.rejected.size()));
  const char* expected[] = {"",
                            "",
                            "",
                            "bad_audience",
                            "bad_date",
                            "bad_date",
                            "missing_name",
                            "",
                            "no_coordinates",
                            "duplicate",
                            "outside_province"};
  for (int row = 1; row <= 11; ++row) EXPECT_EQ(ReasonOf(report, row), expected[row - 1]) << row;
  EXPECT_TRUE(HasWarning(report, 3, WarningKind::kNoPosition));     // online: kept, not mapped
  EXPECT_TRUE(HasWarning(report, 8, WarningKind::kLatLonSwapped));  // fixed, kept
  EXPECT_FALSE(HasWarning(report, 1, WarningKind::kNoPosition));
  // The rejection says why in plain words: the audience that was not understood.
  for (const Rejection& rejection : report.rejected) {
    if (rejection.row == 4) {
      EXPECT_NE(rejection.detail.find("학생"), std::string::npos) << rejection.detail;
    }
    if (rejection.row == 6) {
      EXPECT_NE(rejection.detail.find("before it starts"), std::string::npos) << rejection.detail;
    }
  }
  EXPECT_EQ(result_.report.education, 4);
  EXPECT_EQ(result_.dataset.education.size(), 4u);
}

TEST_F(EducationImportTest, KeptEventsCarryTheFileCellsAndTheirRegionCodes) {
  const auto rows = ParseCsv(ReadFile(kFixture));
  const std::vector<std::string>& header = rows[0];
  const std::vector<int> kept_rows = {1, 2, 3, 8};
  const Dataset& data = result_.dataset;
  ASSERT_EQ(data.education.size(), kept_rows.size());
  for (size_t i = 0; i < kept_rows.size(); ++i) {
    const std::vector<std::string>& cells = rows[kept_rows[i]];
    const EducationEvent& event = data.education[i];
    SCOPED_TRACE(event.title);
    EXPECT_EQ(event.title, cells[CsvColumn(header, "교육명")]);
    EXPECT_EQ(event.organiser, cells[CsvColumn(header, "주최기관")]);
    EXPECT_EQ(event.place_name, cells[CsvColumn(header, "장소")]);
    EXPECT_EQ(event.address, cells[CsvColumn(header, "주소")]);
    EXPECT_EQ(event.link_url, cells[CsvColumn(header, "링크")]);
    EXPECT_EQ(event.fee, cells[CsvColumn(header, "수강료")]);
    EXPECT_EQ(event.contact, cells[CsvColumn(header, "문의")]);
    EXPECT_EQ(data.sources[event.source].name, "시험용 교육 일정");
    if (!event.position) {
      EXPECT_EQ(event.s2_cell, 0u);
      EXPECT_EQ(event.sigungu_code, 0u);
      EXPECT_EQ(event.emd_code, 0u);
      continue;
    }
    EXPECT_EQ(event.s2_cell, LeafCellId(*event.position));
    // The oracle: the test's own even-odd test over every region of each level.
    int sigungu_hits = 0, emd_hits = 0;
    for (const Region& region : data.regions) {
      if (!testing::InsideRegion(region, *event.position)) continue;
      if (region.level == RegionLevel::kSigungu) {
        ++sigungu_hits;
        EXPECT_EQ(event.sigungu_code, region.code);
      } else if (region.level == RegionLevel::kEmd) {
        ++emd_hits;
        EXPECT_EQ(event.emd_code, region.code);
      }
    }
    EXPECT_EQ(sigungu_hits, 1);
    EXPECT_EQ(emd_hits, 1);
  }

  const EducationEvent& first = data.education[0];
  EXPECT_EQ(first.audience, EducationAudience::kCitizens);
  EXPECT_EQ(first.start, 202603051400u);
  EXPECT_EQ(first.end, 202603051600u);
  EXPECT_EQ(first.sigungu_code, 35011u);  // 전주시완산구
  EXPECT_EQ(data.education[1].audience, EducationAudience::kWorkers);
  EXPECT_EQ(data.education[1].fee, "20,000원");  // a quoted cell with a comma
  const EducationEvent& online = data.education[2];
  EXPECT_EQ(online.audience, EducationAudience::kBoth);
  EXPECT_FALSE(online.position.has_value());
  const EducationEvent& swapped = data.education[3];
  ASSERT_TRUE(swapped.position.has_value());
  EXPECT_DOUBLE_EQ(swapped.position->lat, 35.9483);
  EXPECT_DOUBLE_EQ(swapped.position->lng, 126.9577);
}

TEST_F(EducationImportTest, Cp949CopyGivesTheSameEvents) {
  WriteFile(dir_.Path("education-cp949.csv"), ToCp949(ReadFile(kFixture)));
  Result<ImportResult> cp949 = Import(dir_, EducationConfig("education-cp949.csv", "CP949"));
  ASSERT_TRUE(cp949.ok()) << cp949.status().message();
  const std::vector<EducationEvent>& events = cp949.value().dataset.education;
  ASSERT_EQ(events.size(), result_.dataset.education.size());
  for (size_t i = 0; i < events.size(); ++i) {
    EXPECT_EQ(events[i].title, result_.dataset.education[i].title);
    EXPECT_EQ(events[i].place_name, result_.dataset.education[i].place_name);
    EXPECT_EQ(events[i].sigungu_code, result_.dataset.education[i].sigungu_code);
  }
  EXPECT_EQ(EducationReport(cp949.value()).rejected.size(), 7u);
}

TEST(ParseDateTimeTest, AcceptsRealDatesAndTimesInTheDocumentedFormOnly) {
  EXPECT_EQ(ParseDateTime("2026-03-05 14:30"), 202603051430u);
  EXPECT_EQ(ParseDateTime(" 2026-12-31 23:59 "), 202612312359u);
  EXPECT_EQ(ParseDateTime("2028-02-29 00:00"), 202802290000u);  // leap year
  EXPECT_EQ(ParseDateTime("2026-02-29 10:00"), 0u);             // not a leap year
  EXPECT_EQ(ParseDateTime("2100-02-29 10:00"), 0u);             // centuries are not, unless /400
  EXPECT_EQ(ParseDateTime("2000-02-29 10:00"), 200002291000u);
  EXPECT_EQ(ParseDateTime("2026-04-31 10:00"), 0u);
  EXPECT_EQ(ParseDateTime("2026-03-05 24:00"), 0u);
  EXPECT_EQ(ParseDateTime("2026-03-05 14:60"), 0u);
  EXPECT_EQ(ParseDateTime("2026-3-5 14:30"), 0u);
  EXPECT_EQ(ParseDateTime("2026-03-05"), 0u);
  EXPECT_EQ(ParseDateTime("2026.03.05 14:30"), 0u);
  EXPECT_EQ(ParseDateTime(""), 0u);
  // Ordered like the moments they name.
  EXPECT_LT(ParseDateTime("2026-03-05 23:59"), ParseDateTime("2026-03-06 00:00"));
}

TEST(EducationConfigTest, MistakesSayWhere) {
  const std::string good = EducationConfig("x.csv", "UTF-8");
  std::string no_audience = good;
  const std::string audience = "\"audience\": \"대상\",";
  no_audience.erase(no_audience.find(audience), audience.size());
  Result<ImportConfig> config = ParseImportConfig(no_audience, "/tmp", BOKJI_SHARED_DATA_DIR);
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.status().message().find("audience"), std::string::npos)
      << config.status().message();

  std::string with_targets = good;
  with_targets.insert(with_targets.find("\"crs\": \"EPSG:4326\""), "\"targets\": [\"노인\"], ");
  config = ParseImportConfig(with_targets, "/tmp", BOKJI_SHARED_DATA_DIR);
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.status().message().find("targets"), std::string::npos)
      << config.status().message();

  ASSERT_TRUE(ParseImportConfig(good, "/tmp", BOKJI_SHARED_DATA_DIR).ok());
}

}  // namespace
}  // namespace bokji::geodata
