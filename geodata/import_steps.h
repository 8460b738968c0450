// Internal to geodata/: the state one import builds up and the step that imports each kind of
// source. importer.cc runs the steps in SourceKind order; each step reads rows from a Table and
// reports every row in its SourceReport.
//
//   ImportState state(config);
//   Result<SourceColumns> columns = ResolveColumns(source, table);
//   Status done = ImportFacilities(source, table, columns.value(), source_index, state, report);
//
// Index
//   - SourceColumns       our field → the table's columns, resolved once per source
//   - ImportState         the Dataset under construction and the lookups the checks need
//   - Steps               ImportBoundaries, FinishRegions, ImportFacilities, ImportPrograms,
//   FinishPrograms, ImportEducation
//   - Point helpers       the coordinate checks facilities and education events share
//   - Text helpers        shared name matching
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/model.h"
#include "core/region_index.h"
#include "core/status.h"
#include "geodata/address_placement.h"
#include "geodata/coordinates.h"
#include "geodata/import_config.h"
#include "geodata/import_report.h"
#include "geodata/row_text.h"  // WithoutSpaces
#include "geodata/table_reader.h"

namespace bokji::geodata {

// ---------------------------------------------------------------------------------------------------------
// SourceColumns
// ---------------------------------------------------------------------------------------------------------

class SourceColumns {
 public:
  bool Has(const std::string& field) const { return indices_.count(field) > 0; }
  // The field's cells in `row`, trimmed, the non-empty ones joined with a space; "" when the field
  // is not mapped.
  std::string Get(const TableRow& row, const std::string& field) const;
  // The trimmed cell of a file column a category or target rule names ("시설구분"); "" for other
  // columns.
  std::string Column(const TableRow& row, const std::string& column) const;

 private:
  friend Result<SourceColumns> ResolveColumns(const SourceConfig& source, const Table& table);
  std::map<std::string, std::vector<int>> indices_;  // our field → file columns
  std::map<std::string, int> rule_columns_;          // file column of a rule → its index
};

// Finds every column the config maps (and the category / targets columns). A column the file lacks
// fails with a message naming it, the source and the columns the file does have.
Result<SourceColumns> ResolveColumns(const SourceConfig& source, const Table& table);

// The transformation from the source's CRS (the config's, else the file's own) to WGS84. Fails when
// neither states one.
Result<CoordinateTransformer> SourceTransformer(const SourceConfig& source, const Table& table);

// ---------------------------------------------------------------------------------------------------------
// ImportState
// ---------------------------------------------------------------------------------------------------------

// Where a record came from, for messages such as "same name as row 4 of 'jeonju-child'".
struct RowOrigin {
  std::string source_id;
  int row = 0;
};

struct ImportState {
  explicit ImportState(const ImportConfig& config) : config(config) {}

  const ImportConfig& config;
  Dataset data;

  // Built by FinishRegions over data.regions, which must not change afterwards. Null before, or
  // when the config has no boundaries.
  std::unique_ptr<RegionIndex> region_index;
  // The province's 시군구 and 읍면동 names (address placement, stated 시군구); built with
  // region_index.
  std::unique_ptr<RegionNames> region_names;
  // Whether any region of each RegionLevel was loaded (a point in no polygon of a loaded level is
  // worth a warning; of a level the config did not load, it is not).
  bool has_level[3] = {false, false, false};

  // Facilities: origins parallel to data.facilities, and the lookups of the duplicate and
  // shared-point checks.
  std::vector<RowOrigin> facility_origins;
  std::unordered_map<std::string, std::vector<size_t>>
      facilities_by_name;                                             // NormalisedName → indices
  std::map<std::pair<int64_t, int64_t>, size_t> facilities_by_point;  // micro-degrees → index
  // WithoutSpaces(name) + "|" + WithoutSpaces(address) → index: duplicates among rows placed by
  // address (where a shared point means nothing).
  std::unordered_map<std::string, size_t> facilities_by_name_address;

  // Programs: service id → index, and every source that contributed to each program (parallel to
  // data.programs; the first is the one that created it).
  std::unordered_map<std::string, size_t> program_by_id;
  std::vector<std::vector<uint16_t>> program_sources;
  // TransformerFor's transformations, by CRS text.
  std::map<std::string, std::unique_ptr<CoordinateTransformer>> transformers;

  // Appends a Source and returns its index.
  uint16_t AddSource(const Source& source);
  // The transformation from the source's CRS (the config's, else the file's own) to WGS84, made
  // once per CRS and import (setting one up costs PROJ milliseconds). Fails as SourceTransformer.
  Result<const CoordinateTransformer*> TransformerFor(const SourceConfig& source,
                                                      const Table& table);
  // The region whose polygon of `level` contains p, or nullptr (also when there are no boundaries).
  const Region* FindRegion(LatLng p, RegionLevel level) const;
};

// ---------------------------------------------------------------------------------------------------------
// Steps
// ---------------------------------------------------------------------------------------------------------

Status ImportBoundaries(const SourceConfig& source, Table& table, const SourceColumns& columns,
                        ImportState& state, SourceReport& report);
// After every boundaries source: sorts regions by (level, code), fills parent codes and full names,
// builds the region index. Fails when a facilities or education source checks points against the
// province's polygon and it is missing.
Status FinishRegions(ImportState& state);

Status ImportFacilities(const SourceConfig& source, const Table& table,
                        const SourceColumns& columns, uint16_t source_index, ImportState& state,
                        SourceReport& report);

Status ImportPrograms(const SourceConfig& source, const Table& table, const SourceColumns& columns,
                      uint16_t source_index, ImportState& state, SourceReport& report);
// After every programs source: gives each program built from several sources a combined Source.
void FinishPrograms(ImportState& state);

// Education events (import_education.cc has the row checks).
Status ImportEducation(const SourceConfig& source, const Table& table, const SourceColumns& columns,
                       uint16_t source_index, ImportState& state, SourceReport& report);

// "2026-03-05 14:30" → 202603051430 (model.h's DateTime); 0 for anything else, including dates
// that do not exist (2026-02-30) and times past 23:59. Surrounding spaces are ignored.
DateTime ParseDateTime(std::string_view text);

// ---------------------------------------------------------------------------------------------------------
// Point helpers: each rejects the row (or warns) in `report` under `row`; `about` names the row in
// messages ("'시설명'"). Defined in import_facilities.cc, whose header lists the checks in order.
// ---------------------------------------------------------------------------------------------------------

// Both cells parsed as numbers, or nullopt after rejecting the row: no_coordinates when either cell
// is empty, unparseable_coordinate when either is not a number.
std::optional<std::pair<double, double>> ParseXY(const std::string& x_text,
                                                 const std::string& y_text,
                                                 const std::string& about, int row,
                                                 SourceReport& report);
// (x, y) in the source's CRS converted to WGS84 and inside Korea's box, or nullopt after rejecting
// the row (crs_transform_failed, outside_korea). When only the swapped (y, x) is inside Korea, that
// is returned with a lat_lon_swapped warning.
std::optional<LatLng> ToWgs84InKorea(double x, double y, const CoordinateTransformer& to_wgs84,
                                     const std::string& about, int row, SourceReport& report);
// Whether `p` lies in the config's province polygon; rejects the row (outside_province) otherwise.
bool InsideProvince(const ImportState& state, LatLng p, const std::string& about, int row,
                    SourceReport& report);
// Sets the 시군구 and 읍면동 codes of `p` by point-in-polygon (0 where no polygon holds it) and
// warns no_sigungu_polygon when a level the config loaded has none. Returns the 시군구 region, or
// nullptr.
const Region* AssignRegionCodes(const ImportState& state, LatLng p, const std::string& about,
                                int row, SourceReport& report, uint32_t& sigungu_code,
                                uint32_t& emd_code);

// ---------------------------------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------------------------------

// The target bits of a row under `rule`.
TargetSet TargetsOf(const TargetRule& rule, const SourceColumns& columns, const TableRow& row);
// Trims ASCII whitespace at both ends.
std::string Trim(std::string_view text);
// Splits a comma-separated list, trimming items and dropping empty ones.
std::vector<std::string> SplitList(std::string_view text);
// True when `name` is one of the config's province names (spaces ignored).
bool IsProvinceName(const ImportConfig& config, std::string_view name);

}  // namespace bokji::geodata
