// The mapping config: which official files one import reads and how their columns map onto model.h.
//
// A province adds its own files by writing a config, never by changing code. geodata/README.md
// documents every key; geodata/config/jeonbuk-sample.json is a complete example.
//
//   bokji::Result<bokji::geodata::ImportConfig> config =
//       bokji::geodata::LoadImportConfig("geodata/config/jeonbuk-sample.json", "../shared/data");
//   if (!config.ok()) std::cerr << config.status().message() << "\n";
//
// Index
//   - SourceKind, Encoding      what a source holds and how its text is encoded
//   - CategoryRule, TargetRule  fixed or per-row-value facility categories and target groups
//   - AddressPlacement          facilities without usable coordinates placed by their address
//   - GeocodedFile              an external geocoder's address → coordinate file
//   - SourceConfig              one file
//   - ImportConfig              the whole import
//   - ParseImportConfig / LoadImportConfig
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/status.h"

namespace bokji::geodata {

// What a source holds. The importer runs the kinds in this order (and sources of one kind in config
// order), so boundaries exist before facilities are placed in them and catalogues exist before
// detail merges into them.
enum class SourceKind {
  kBoundaries,       // 시도 / 시군구 / 읍면동 polygons → Region
  kFacilities,       // places with coordinates → Facility
  kProgramsCentral,  // central-government catalogue → Program (kCentral)
  kProgramsLocal,  // 시도 / 시군 catalogue → Program (kProvince, or kCity when its 시군 column is
                   // set)
  kProgramsPrivate,  // private foundations' services → Program (kPrivate)
  kProgramsDetail,  // detail text (지원대상, 선정기준, 신청방법 …) merged into programs by service
                    // id
  kEducation,  // 복지 교육 events → EducationEvent (after boundaries, for their region codes)
};
// True for the programs_* kinds.
bool IsProgramKind(SourceKind kind);
const char* SourceKindName(SourceKind kind);  // "facilities", as written in configs

enum class Encoding { kUtf8, kCp949 };

// A facility category: one for the whole source, or looked up from a column's value.
struct CategoryRule {
  std::optional<FacilityCategory> fixed;  // set for a fixed category
  std::string column;                     // otherwise: the column whose value is looked up …
  std::map<std::string, FacilityCategory> map;  // … in this map (values compared after trimming)
  // DEFAULT: kOther with a warning for values missing from `map`; set "default" to take another
  // category silently.
  std::optional<FacilityCategory> fallback;
};

// Target groups: fixed bits, plus bits looked up per row. The column may hold a comma-separated
// list; each item found in `map` adds its bits, items not in the map add nothing.
struct TargetRule {
  TargetSet fixed = 0;
  std::string column;
  std::map<std::string, TargetSet> map;
};

// Facilities whose row has no usable coordinates are placed by their address at the most precise
// region it names that the boundaries know: a 읍면동 whose name ends in one of `emd_suffixes`,
// else the 시군구 (Facility::position_quality kApproxEmd / kApproxSigungu).
struct AddressPlacement {
  bool enabled = false;
  // 읍면동 names matched in addresses by these endings only. DEFAULT {"읍", "면"}: 읍 and 면 are
  // the same as legal and as administrative areas, while a 동 in an address is a 법정동, which the
  // boundaries' 행정동 do not follow.
  std::vector<std::string> emd_suffixes = {"읍", "면"};
  // A name as some addresses write it → the boundaries' name (a typo, or a renamed area), both
  // compared without spaces.
  std::map<std::string, std::string> aliases;
};

// The output of an external geocoder (a province runs one with its own key): a table with an
// address column and the point found for it. Facilities without usable coordinates whose road or
// lot address (spaces ignored) is in it get that point (kGeocoded), checked like source
// coordinates.
struct GeocodedFile {
  std::string path;  // resolved like SourceConfig::path
  std::string format, layer, crs;
  Encoding encoding = Encoding::kUtf8;
  std::string address_column, x_column, y_column;
};

// One source file and how to read it.
struct SourceConfig {
  std::string id;  // short, unique; prefixes Facility::source_key ("장애인복지관:179")
  SourceKind kind = SourceKind::kFacilities;
  std::string path;  // resolved: absolute, or relative to the working directory
  // DEFAULT: "" lets GDAL pick a driver from the file. A GDAL driver name ("CSV", "XLSX",
  // "GeoJSON", "ESRI Shapefile") restricts it; "xml_rows" reads
  // <root><Row><필드>value</필드>…</Row></root> files.
  std::string format;
  std::string layer;                // layer or sheet name. DEFAULT: the first layer
  std::string row_element = "Row";  // xml_rows: the element that is one row
  Encoding encoding = Encoding::kUtf8;
  // DEFAULT: "" uses the CRS stored in the file (GeoJSON, SHP with .prj); required for CSV, XLSX,
  // xml_rows.
  std::string crs;
  std::vector<std::string> open_options;  // extra GDAL open options, "KEY=VALUE"
  // Our field → the source column(s) that fill it; several columns are joined with a space. Which
  // fields a kind accepts is listed in geodata/README.md.
  std::map<std::string, std::vector<std::string>> columns;
  CategoryRule category;  // facilities
  TargetRule targets;     // facilities and programs
  // Programs: when set, the service id is this query parameter of the id column's URL
  // ("wlfareInfoId").
  std::string service_id_url_param;
  // Programs: Program::region_name for rows that do not name a region. DEFAULT: "전국".
  std::string region_name = "전국";
  // kProgramsDetail: the level of detail rows that match no earlier program. DEFAULT: kCentral.
  ProgramLevel detail_level = ProgramLevel::kCentral;
  // Facilities and education: reject points outside ImportConfig::province_code's polygon.
  // Boundaries: skip regions of other provinces. Programs: reject rows whose "sido" column names
  // another province.
  bool province_check = false;
  // Facilities: a point outside the province's polygon is still placed, with a near_boundary
  // warning, when the row's "sigungu" names one of its 시군구 and the point lies within this many
  // metres of that 시군구's polygon (islands the simplified boundaries dropped). DEFAULT 0: off.
  double boundary_tolerance_m = 0;
  AddressPlacement address_placement;    // facilities
  std::optional<GeocodedFile> geocoded;  // facilities
  // Facilities: text replacements applied to names in order (after which runs of spaces become
  // one), e.g. {"@", "아파트"}.
  std::vector<std::pair<std::string, std::string>> name_replacements;
  // Facilities: the area code given to phone numbers written without one ("243-2724" → 063-…).
  // DEFAULT "": such numbers are kept as written, with a warning.
  std::string phone_area_code;
  Source metadata;  // name, publisher, licence, data date (and its note)
};

struct ImportConfig {
  std::string title;           // Dataset::title
  uint32_t province_code = 0;  // KOSTAT 도 code, 35
  // The province's names, all treated as the same 도 when matching ("전북특별자치도", "전라북도",
  // "전북"). The first is the display name. Records keep the name their source gives.
  std::vector<std::string> province_names;
  std::vector<SourceConfig> sources;  // in config order
};

// Parses a config's JSON text (comments allowed). Relative "file" paths are resolved against
// `config_dir`;
// "${data_root}" in a path is replaced by `data_root`, which must then be non-empty. Every mistake
// (bad JSON, unknown key, wrong type, unknown category) fails with a message naming where it is.
Result<ImportConfig> ParseImportConfig(std::string_view json_text, const std::string& config_dir,
                                       const std::string& data_root);

// Reads the file at `config_path` and parses it (relative paths resolve against the file's folder).
Result<ImportConfig> LoadImportConfig(const std::string& config_path, const std::string& data_root);

// The config words for a category ("경로당") and for the groups in a target set ("노인, 치매"), as
// configs write them; reports and exports reuse them.
const char* CategoryWord(FacilityCategory category);
std::string TargetWords(TargetSet targets);

// Parses a date as the sources write it: "2019-12-31", "2019.12.31", "20191231" → 20191231; 0
// otherwise.
Date ParseDate(std::string_view text);

// A source's data date in a config: a day as ParseDate reads it, or only a month ("2025-03",
// "2025.03" → 20250300) or a year ("2022" → 20220000), keeping the precision stated (model.h,
// Date). 0 for anything else.
Date ParseSourceDate(std::string_view text);

}  // namespace bokji::geodata
