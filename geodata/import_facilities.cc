// Facilities → Facility: every row validated in this order, the first failing check rejecting it:
//   1. a name                                                  (missing_name)
//   2. coordinates: both x and y cells, or a geometry           (no_coordinates)
//   3. both cells are numbers                                   (unparseable_coordinate)
//   4. the CRS conversion to WGS84 works                        (crs_transform_failed)
//   5. inside Korea's box; when only x and y swapped would be, they are swapped back with a warning
//                                                               (outside_korea / lat_lon_swapped)
//   6. inside the declared 도's polygon, when province_check    (outside_province)
//   7. not an earlier placed row again: same id in this source, or same name (spaces ignored)
//   within 30 m
//      in any source                                            (duplicate)
// Kept rows get their 시군구 / 읍면동 codes by point-in-polygon and warnings for: a point in
// another 시군구 than the row's stated one, a point another facility already has, a category value
// the config does not map.

#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "core/geo.h"
#include "geodata/import_steps.h"
#include "ogr_api.h"
#include "ogr_geometry.h"

namespace bokji::geodata {
namespace {

// Rows closer than this with the same name are one facility listed twice.
constexpr double kDuplicateRadiusMeters = 30;

std::string FormatPoint(LatLng p) {
  char text[64];
  std::snprintf(text, sizeof text, "lat %.7f, lon %.7f", p.lat, p.lng);
  return text;
}

// Whether the 시군구 a row states ("전주시", "도(전주시)", "완산구", "전라북도 전주시") names the
// region the point fell in ("전주시완산구"): after dropping spaces and a leading province name, one
// contains the other. Text in parentheses is tried on its own too.
bool StatedSigunguMatches(const ImportConfig& config, std::string_view stated,
                          const Region& found) {
  const std::string text = WithoutSpaces(stated);
  std::vector<std::string> candidates = {text};
  const size_t open = text.find('(');
  const size_t close = text.rfind(')');
  if (open != std::string::npos && close != std::string::npos && close > open + 1) {
    candidates.push_back(text.substr(open + 1, close - open - 1));
  }
  for (const std::string& province : config.province_names) {
    const std::string prefix = WithoutSpaces(province);
    if (text.size() > prefix.size() && text.compare(0, prefix.size(), prefix) == 0) {
      candidates.push_back(text.substr(prefix.size()));
    }
  }
  const std::string region = WithoutSpaces(found.name);
  for (const std::string& candidate : candidates) {
    if (candidate.empty()) continue;
    if (region.find(candidate) != std::string::npos ||
        candidate.find(region) != std::string::npos) {
      return true;
    }
  }
  return false;
}

FacilityCategory CategoryOf(const SourceConfig& source, const SourceColumns& columns,
                            const TableRow& row, SourceReport& report) {
  const CategoryRule& rule = source.category;
  if (rule.fixed) return *rule.fixed;
  const std::string value = columns.Column(row, rule.column);
  if (const auto it = rule.map.find(value); it != rule.map.end()) return it->second;
  if (rule.fallback) return *rule.fallback;
  report.Warn(row.number, WarningKind::kUnmappedCategory,
              rule.column + " '" + value + "' is not in the category map: 기타");
  return FacilityCategory::kOther;
}

}  // namespace

std::optional<std::pair<double, double>> ParseXY(const std::string& x_text,
                                                 const std::string& y_text,
                                                 const std::string& about, int row,
                                                 SourceReport& report) {
  if (x_text.empty() || y_text.empty()) {
    report.Reject(row, RejectReason::kNoCoordinates,
                  about + ": x '" + x_text + "', y '" + y_text + "'");
    return std::nullopt;
  }
  const std::optional<double> x = ParseCoordinate(x_text);
  const std::optional<double> y = ParseCoordinate(y_text);
  if (!x || !y) {
    report.Reject(row, RejectReason::kUnparseableCoordinate,
                  about + ": x '" + x_text + "', y '" + y_text + "'");
    return std::nullopt;
  }
  return std::pair{*x, *y};
}

std::optional<LatLng> ToWgs84InKorea(double x, double y, const CoordinateTransformer& to_wgs84,
                                     const std::string& about, int row, SourceReport& report) {
  const std::optional<LatLng> position = to_wgs84.Transform(x, y);
  if (!position) {
    report.Reject(row, RejectReason::kCrsTransformFailed,
                  about + ": x " + std::to_string(x) + ", y " + std::to_string(y));
    return std::nullopt;
  }
  if (InKorea(*position)) return position;
  const std::optional<LatLng> swapped = to_wgs84.Transform(y, x);
  if (swapped && InKorea(*swapped)) {
    report.Warn(row, WarningKind::kLatLonSwapped,
                about + ": x and y were swapped; using " + FormatPoint(*swapped));
    return swapped;
  }
  report.Reject(row, RejectReason::kOutsideKorea, about + ": " + FormatPoint(*position));
  return std::nullopt;
}

bool InsideProvince(const ImportState& state, LatLng p, const std::string& about, int row,
                    SourceReport& report) {
  const Region* province = state.FindRegion(p, RegionLevel::kProvince);
  if (province != nullptr && province->code == state.config.province_code) return true;
  report.Reject(row, RejectReason::kOutsideProvince,
                about + ": " + FormatPoint(p) + " is not in 도 " +
                    std::to_string(state.config.province_code) +
                    (province ? " but in " + province->name : ""));
  return false;
}

const Region* AssignRegionCodes(const ImportState& state, LatLng p, const std::string& about,
                                int row, SourceReport& report, uint32_t& sigungu_code,
                                uint32_t& emd_code) {
  const Region* sigungu = state.FindRegion(p, RegionLevel::kSigungu);
  const Region* emd = state.FindRegion(p, RegionLevel::kEmd);
  sigungu_code = sigungu ? sigungu->code : 0;
  emd_code = emd ? emd->code : 0;
  const bool sigungu_missing =
      sigungu == nullptr && state.has_level[static_cast<int>(RegionLevel::kSigungu)];
  if (sigungu_missing || (emd == nullptr && state.has_level[static_cast<int>(RegionLevel::kEmd)])) {
    report.Warn(row, WarningKind::kNoSigunguPolygon,
                about + ": " + FormatPoint(p) + " is in no " +
                    (sigungu_missing ? "시군구" : "읍면동") + " polygon");
  }
  return sigungu;
}

TargetSet TargetsOf(const TargetRule& rule, const SourceColumns& columns, const TableRow& row) {
  TargetSet targets = rule.fixed;
  if (!rule.column.empty()) {
    for (const std::string& item : SplitList(columns.Column(row, rule.column))) {
      if (const auto it = rule.map.find(item); it != rule.map.end()) targets |= it->second;
    }
  }
  return targets;
}

Status ImportFacilities(const SourceConfig& source, const Table& table,
                        const SourceColumns& columns, uint16_t source_index, ImportState& state,
                        SourceReport& report) {
  Result<CoordinateTransformer> transformer = SourceTransformer(source, table);
  if (!transformer.ok()) return transformer.status();
  const CoordinateTransformer& to_wgs84 = transformer.value();
  const bool from_columns = columns.Has("x");
  std::unordered_map<std::string, int> row_of_id;  // ids placed from this source

  for (const TableRow& row : table.rows) {
    ++report.rows_read;
    auto reject = [&](RejectReason reason, std::string detail) {
      report.Reject(row.number, reason, std::move(detail));
    };
    const std::string name = columns.Get(row, "name");
    if (name.empty()) {
      reject(RejectReason::kMissingName, "");
      continue;
    }
    const std::string about = "'" + name + "'";

    // 2–3: the point in the source's CRS.
    double x = 0, y = 0;
    if (from_columns) {
      const std::optional<std::pair<double, double>> xy =
          ParseXY(columns.Get(row, "x"), columns.Get(row, "y"), about, row.number, report);
      if (!xy) continue;
      std::tie(x, y) = *xy;
    } else {
      const OGRGeometry* geometry = row.geometry.get();
      if (geometry == nullptr || geometry->IsEmpty()) {
        reject(RejectReason::kNoCoordinates, about + ": no geometry");
        continue;
      }
      if (wkbFlatten(geometry->getGeometryType()) == wkbPoint) {
        x = geometry->toPoint()->getX();
        y = geometry->toPoint()->getY();
      } else {  // a facility drawn as an area: a point inside it
        OGRGeometryH inside =
            OGR_G_PointOnSurface(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(geometry)));
        const bool ok = inside != nullptr && !OGR_G_IsEmpty(inside);
        if (ok) {
          x = OGR_G_GetX(inside, 0);
          y = OGR_G_GetY(inside, 0);
        }
        if (inside != nullptr) OGR_G_DestroyGeometry(inside);
        if (!ok) {
          reject(RejectReason::kNoCoordinates, about + ": no point inside its geometry");
          continue;
        }
      }
    }

    // 4–6: WGS84, inside Korea (possibly after undoing a swap), inside the declared province.
    const std::optional<LatLng> position =
        ToWgs84InKorea(x, y, to_wgs84, about, row.number, report);
    if (!position) continue;
    const LatLng p = *position;
    if (source.province_check && !InsideProvince(state, p, about, row.number, report)) continue;

    // 7: duplicates of placed rows.
    const std::string id = columns.Get(row, "id");
    if (const auto it = row_of_id.find(id); !id.empty() && it != row_of_id.end()) {
      reject(RejectReason::kDuplicate,
             about + ": same id '" + id + "' as row " + std::to_string(it->second));
      continue;
    }
    const std::string key_name = WithoutSpaces(name);
    std::string duplicate_of;
    for (size_t earlier : state.facilities_by_name[key_name]) {
      const double meters = DistanceMeters(p, state.data.facilities[earlier].position);
      if (meters < kDuplicateRadiusMeters) {
        const RowOrigin& origin = state.facility_origins[earlier];
        duplicate_of = about + ": same name as row " + std::to_string(origin.row) + " of '" +
                       origin.source_id + "', " +
                       std::to_string(static_cast<int>(std::lround(meters))) + " m away";
        break;
      }
    }
    if (!duplicate_of.empty()) {
      reject(RejectReason::kDuplicate, duplicate_of);
      continue;
    }

    // Placed.
    Facility facility;
    facility.source_key = source.id + ":" + (id.empty() ? std::to_string(row.number) : id);
    facility.name = name;
    facility.category = CategoryOf(source, columns, row, report);
    facility.targets = TargetsOf(source.targets, columns, row);
    facility.road_address = columns.Get(row, "road_address");
    facility.lot_address = columns.Get(row, "lot_address");
    facility.phone = columns.Get(row, "phone");
    facility.hours = columns.Get(row, "hours");
    facility.operator_name = columns.Get(row, "operator");
    facility.position = p;
    facility.s2_cell = LeafCellId(p);
    facility.source = source_index;
    facility.verified = source.metadata.data_date;

    const Region* sigungu = AssignRegionCodes(state, p, about, row.number, report,
                                              facility.sigungu_code, facility.emd_code);
    const std::string stated = columns.Get(row, "sigungu");
    if (sigungu != nullptr && !stated.empty() &&
        !StatedSigunguMatches(state.config, stated, *sigungu)) {
      report.Warn(row.number, WarningKind::kOutsideStatedSigungu,
                  about + ": the row says '" + stated + "', the point is in " + sigungu->name);
    }
    const std::pair<int64_t, int64_t> point_key = {std::llround(p.lat * 1e6),
                                                   std::llround(p.lng * 1e6)};
    const auto [shared, first_here] =
        state.facilities_by_point.emplace(point_key, state.data.facilities.size());
    if (!first_here) {
      const RowOrigin& origin = state.facility_origins[shared->second];
      report.Warn(row.number, WarningKind::kSharedCoordinate,
                  about + " has the same point as row " + std::to_string(origin.row) + " of '" +
                      origin.source_id + "' ('" + state.data.facilities[shared->second].name +
                      "')");
    }

    if (!id.empty()) row_of_id[id] = row.number;
    state.facilities_by_name[key_name].push_back(state.data.facilities.size());
    state.facility_origins.push_back({source.id, row.number});
    state.data.facilities.push_back(std::move(facility));
    ++report.rows_placed;
  }
  return Status::Ok();
}

}  // namespace bokji::geodata
