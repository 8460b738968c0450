// Helpers for the importer's tests: a temporary folder, file I/O, configs over the real Jeonbuk
// boundaries with an import run on them, a report lookup, and small independent oracles (a CSV
// parser and an even-odd point-in-polygon test written here, not shared with the code under test).
//
//   TempDir dir;
//   WriteFile(dir.Path("a.csv"), "name,x,y\n…");
//   std::vector<std::vector<std::string>> rows =
//   ParseCsv(ReadFile(SharedData("facilities/x.csv")));
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/model.h"
#include "cpl_conv.h"
#include "cpl_string.h"
#include "geodata/import_config.h"
#include "geodata/import_report.h"
#include "geodata/importer.h"

namespace bokji::geodata::testing {

// A fresh folder under the system temp dir, removed with everything in it at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "geodata-test-XXXXXX").string();
    const char* made = ::mkdtemp(pattern.data());
    EXPECT_NE(made, nullptr) << "mkdtemp failed";
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string Path(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  ASSERT_TRUE(out.good()) << path;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// A file of the shared real data, e.g. SharedData("facilities/jeonju_2017/ChildFacility.csv").
inline std::string SharedData(const std::string& relative) {
  return std::string(BOKJI_SHARED_DATA_DIR) + "/" + relative;
}

// RFC 4180 CSV: quoted cells with "" escapes and line breaks, CRLF or LF, a leading UTF-8 BOM
// dropped. Returns every record, the header included.
inline std::vector<std::vector<std::string>> ParseCsv(std::string text) {
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string cell;
  bool quoted = false;
  bool any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      record.push_back(cell);
      cell.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !cell.empty()) {
        record.push_back(cell);
        records.push_back(record);
      }
      record.clear();
      cell.clear();
      any = false;
    } else {
      cell += c;
      any = true;
    }
  }
  if (any || !cell.empty()) {
    record.push_back(cell);
    records.push_back(record);
  }
  return records;
}

// The index of `name` in a CSV header, or -1.
inline int CsvColumn(const std::vector<std::string>& header, const std::string& name) {
  for (size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return static_cast<int>(i);
  return -1;
}

// Even-odd ray casting over every ring of `region` (model.h's rule), in the lon/lat plane.
inline bool InsideRegion(const Region& region, LatLng p) {
  bool inside = false;
  for (const Ring& ring : region.rings) {
    for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
      const LatLng& a = ring[i];
      const LatLng& b = ring[j];
      if ((a.lat > p.lat) != (b.lat > p.lat) &&
          p.lng < (b.lng - a.lng) * (p.lat - a.lat) / (b.lat - a.lat) + a.lng) {
        inside = !inside;
      }
    }
  }
  return inside;
}

// Twice the signed area of a ring in the lon/lat plane: positive when counter-clockwise.
inline double TwiceSignedArea(const Ring& ring) {
  double sum = 0;
  for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    sum += ring[j].lng * ring[i].lat - ring[i].lng * ring[j].lat;
  }
  return sum;
}

// A config whose first sources are the real Jeonbuk province and 시군구 polygons (for the province
// and 시군구 checks), followed by `sources`, complete JSON objects.
inline std::string ConfigWithSources(const std::vector<std::string>& sources) {
  std::string config = R"({
    "title": "test",
    "province": {"code": 35, "names": ["전북특별자치도", "전라북도"]},
    "sources": [
      {"id": "도", "kind": "boundaries", "file": "${data_root}/boundaries/jeonbuk-provinces-2018-geo.json",
       "columns": {"code": "code", "name": "name"},
       "metadata": {"name": "b", "publisher": "p", "licence": "l", "data_date": "2018-12-24"}},
      {"id": "시군구", "kind": "boundaries",
       "file": "${data_root}/boundaries/jeonbuk-municipalities-2018-geo.json",
       "columns": {"code": "code", "name": "name"},
       "metadata": {"name": "b", "publisher": "p", "licence": "l", "data_date": "2018-12-24"}})";
  for (const std::string& source : sources) config += ",\n" + source;
  return config + "]}";
}

// Parses `config_json` (relative files resolve against `dir`, ${data_root} is the shared data) and
// runs the import.
inline Result<ImportResult> Import(const TempDir& dir, const std::string& config_json) {
  Result<ImportConfig> config =
      ParseImportConfig(config_json, dir.path().string(), BOKJI_SHARED_DATA_DIR);
  if (!config.ok()) return config.status();
  return RunImport(config.value());
}

// The report of the first source of `kind` ("facilities"); fails the test when there is none.
inline const SourceReport& ReportOfKind(const ImportResult& result, const std::string& kind) {
  for (const SourceReport& source : result.report.sources)
    if (source.kind == kind) return source;
  ADD_FAILURE() << "no " << kind << " source in the report";
  return result.report.sources.front();
}

// The reason recorded for `row`, or "" when the row was not rejected.
inline std::string ReasonOf(const SourceReport& report, int row) {
  for (const Rejection& r : report.rejected)
    if (r.row == row) return RejectReasonName(r.reason);
  return "";
}

// Whether `row` has a warning of `kind`.
inline bool HasWarning(const SourceReport& report, int row, WarningKind kind) {
  for (const Warning& w : report.warnings)
    if (w.row == row && w.kind == kind) return true;
  return false;
}

// `utf8` recoded to CP949 bytes (GDAL's iconv).
inline std::string ToCp949(const std::string& utf8) {
  char* recoded = CPLRecode(utf8.c_str(), CPL_ENC_UTF8, "CP949");
  std::string bytes(recoded);
  CPLFree(recoded);
  return bytes;
}

// Counts occurrences of `needle` in `text`.
inline int CountOccurrences(const std::string& text, const std::string& needle) {
  int count = 0;
  for (size_t at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + needle.size())) {
    ++count;
  }
  return count;
}

}  // namespace bokji::geodata::testing
