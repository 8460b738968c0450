// What an import did with every row: the counts per source, each rejected row with its reason, and
// the warnings about rows that were kept. Written as REPORT.json (for machines) and REPORT.txt (for
// people).
//
//   bokji::geodata::SourceReport& source = report.sources.emplace_back();
//   source.Reject(12, bokji::geodata::RejectReason::kOutsideKorea, "lat 0, lon 0");
//   source.Warn(14, bokji::geodata::WarningKind::kSharedCoordinate, "same point as row 13");
//   if (!source.CountsAddUp()) ...  // rows_read == rows_placed + rejected.size()
//
// Row numbers are 1-based positions among a file's data rows (the header is not counted; in a CSV
// without line breaks inside cells, row N is on line N + 1). Row 0 marks a note about the whole
// source.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "core/model.h"

namespace bokji::geodata {

// Why a row was left out. The JSON report uses the snake_case names from RejectReasonName.
enum class RejectReason {
  kMissingName,            // missing_name: the name cell is empty
  kNoCoordinates,          // no_coordinates: empty x or y cell, or no geometry
  kUnparseableCoordinate,  // unparseable_coordinate: x or y is not a number ("abc")
  kCrsTransformFailed,     // crs_transform_failed: PROJ could not convert the point
  kOutsideKorea,  // outside_korea: not within lat 33–39, lon 124–132, even with x and y swapped
  kOutsideProvince,  // outside_province: in Korea but not in the declared 도
  kDuplicate,        // duplicate: same id as an earlier row, or same name within 30 m of one
  kMissingCode,      // missing_code: a region without a usable KOSTAT code
  kBadGeometry,      // bad_geometry: a region without a polygon
  kUnknownRegion,    // unknown_region: a program's 시군 matches no boundary name
  kBadAudience,      // bad_audience: an education event's 대상 is not 주민, 종사자 or 모두
  kBadDate,          // bad_date: an education event's 시작일시 / 종료일시 is not a real
                     // "YYYY-MM-DD HH:MM", or it ends before it starts
  kAddressUnplaced,  // address_unplaced: no coordinates, and the address names a 시 of the province
                     // without saying which of its 구 (a row whose address names no region of the
                     // province keeps its first failure, e.g. no_coordinates)
};
const char* RejectReasonName(RejectReason reason);
// "exact", "geocoded", "approximate_emd", "approximate_sigungu".
const char* PositionQualityName(PositionQuality quality);

// Something worth a look in a row that was kept.
enum class WarningKind {
  kLatLonSwapped,  // lat_lon_swapped: x and y were swapped in the file; the importer swapped them
                   // back
  kOutsideStatedSigungu,  // outside_stated_sigungu: the point lies in another 시군구 than the row
                          // states
  kSharedCoordinate,  // shared_coordinate: another facility has exactly the same point
  kNoSigunguPolygon,  // no_sigungu_polygon: inside the province but in no 시군구 / 읍면동 polygon
  kUnmappedCategory,  // unmapped_category: the category column's value is not in the config's map
  kProvinceWide,   // province_wide: a local program's region is the province itself or its agency
  kLabelFallback,  // label_fallback: no point-on-surface; the label is core/geo.h InteriorPoint
  kNoPosition,     // no_position: an education event without coordinates, kept: listed, not mapped
  kNearBoundary,   // near_boundary: outside the province's polygon but within the configured
                  // distance of the 시군구 the row names (an island the boundaries dropped): placed
  kCoordinatesUnusable,  // coordinates_unusable: the row's coordinates failed a check (named in the
                         // detail); placed approximately by its address instead
  kApproximateSigungu,   // approximate_sigungu: placed by address at its 시군구 only; the detail
                         // says why no 읍면동 matched
  kGeocodedUnusable,     // geocoded_unusable: the geocoder's point for the address failed a check
  kPhoneAreaCodeAdded,   // phone_area_code_added: a number without its area code got the configured
                         // one
  kUnrecognisedPhone,    // unrecognised_phone: not a Korean phone number form; kept as written
  kLinkSchemeAdded,      // link_scheme_added: "www.x.kr" became "http://www.x.kr"
  kUnsafeLink,  // unsafe_link: a link that is not http or https ("javascript:…"): dropped
};
const char* WarningKindName(WarningKind kind);

struct Rejection {
  int row = 0;
  RejectReason reason = RejectReason::kMissingName;
  std::string detail;  // the values involved, in plain words
};

struct Warning {
  int row = 0;
  WarningKind kind = WarningKind::kSharedCoordinate;
  std::string detail;
};

struct SourceReport {
  std::string id;
  std::string kind;  // SourceKindName
  std::string file;
  int rows_read = 0;
  int rows_placed = 0;  // rows that became (or were merged into) a record
  int rows_merged = 0;  // of rows_placed: rows merged into a record of an earlier row or source
  // Facilities: rows_placed by how their position was found, indexed by PositionQuality.
  int placed_by_quality[kPositionQualityCount] = {};
  // Facilities placed at their 시군구 only, by why no 읍면동 matched: "dong_address" (a 동 /
  // 가 address: a 법정동, not a boundary's 행정동), "no_emd_named" (a road name only),
  // "unknown_emd" (an 읍/면 the boundaries do not have), "ambiguous_emd".
  std::map<std::string, int> sigungu_fallbacks;
  // Facilities: distinct points that two or more placed rows share (shared_coordinate warnings
  // are about rows at these points).
  int shared_coordinate_spots = 0;
  std::vector<Rejection> rejected;
  std::vector<Warning> warnings;

  void Reject(int row, RejectReason reason, std::string detail);
  void Warn(int row, WarningKind kind, std::string detail);
  // rows_read == rows_placed + rejected.size() (every row accounted for exactly once) and
  // rows_merged <= rows_placed. RunImport fails with an internal error otherwise, in every build
  // type.
  bool CountsAddUp() const;
  // How many rejections / warnings have this reason / kind.
  int Count(RejectReason reason) const;
  int Count(WarningKind kind) const;
};

struct ImportReport {
  std::string title;
  std::string config_path;
  std::string bundle_path;
  std::vector<SourceReport> sources;  // in the order they ran
  int facilities = 0;
  int programs = 0;
  int regions = 0;
  int education = 0;  // education events
  size_t bundle_bytes = 0;
  double seconds = 0;  // wall time of the whole import, reading to writing

  int FacilitiesRejected() const;     // over facility sources
  int FacilitiesApproximate() const;  // over facility sources: placed at an area, not a point
};

// The machine-readable report (pretty-printed JSON, UTF-8).
std::string ReportJson(const ImportReport& report);
// The readable summary: totals, then per source the counts by outcome, and per rejection reason and
// warning kind its count with the first rows (every row is in the JSON). shared_coordinate is
// summarised as rows and spots only.
std::string ReportText(const ImportReport& report);
// The line printed at the end of a successful import.
std::string SummaryLine(const ImportReport& report);

}  // namespace bokji::geodata
