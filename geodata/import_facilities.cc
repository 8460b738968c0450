// Facilities → Facility: every row validated in this order, the first failing check rejecting it:
//   1. a name (after the config's name_replacements)             (missing_name)
//   2. coordinates: both x and y cells, or a geometry           (no_coordinates)
//   3. both cells are numbers                                   (unparseable_coordinate)
//   4. the CRS conversion to WGS84 works                        (crs_transform_failed)
//   5. inside Korea's box; when only x and y swapped would be, they are swapped back with a warning
//                                                               (outside_korea / lat_lon_swapped)
//   6. inside the declared 도's polygon, when province_check    (outside_province); a point within
//      boundary_tolerance_m of the 시군구 the row names is kept with a near_boundary warning
//   7. not an earlier placed row again: same id in this source, or same name (spaces ignored)
//      within 30 m in any source; for rows placed by address, the same name and address
//                                                               (duplicate)
// A row that fails 2–6 is not lost when the config allows better: first the geocoded file's point
// for its address (kGeocoded, checked by 4–6 too), then its address (address_placement: the 읍면동
// or 시군구 it names, kApproxEmd / kApproxSigungu; a row whose coordinates were present but
// unusable gets a coordinates_unusable warning). When neither places it, the first failure rejects
// it (or address_unplaced when it had no coordinates and its address names a 시 of the province
// without saying which of its 구). Kept rows get their 시군구 / 읍면동 codes by point-in-polygon
// and warnings for: a point in another 시군구 than the row's stated one, a point another facility
// already has, a category value the config does not map, a phone number without area code or of no
// known form, a link that had to be completed or dropped.

#include <cmath>
#include <cstdio>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "core/geo.h"
#include "geodata/address_placement.h"
#include "geodata/import_steps.h"
#include "geodata/row_text.h"
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

namespace {

// The point of a row, or why it has none: the outcome of checks 2–6. The rejection is held back
// (not yet in the report) so a geocoded point or the address can still place the row.
struct PointCheck {
  std::optional<LatLng> point;
  bool near_boundary = false;      // placed by the boundary tolerance
  const Region* stated = nullptr;  // near_boundary: the 시군구 the row names
  bool had_coordinates = false;    // the row had coordinate cells or a geometry
  SourceReport held;               // the rejection (at most one) and warnings of the checks
};

// 2–6 for (x, y) text cells or a geometry, against `to_wgs84`.
PointCheck CheckPoint(const ImportState& state, const SourceConfig& source,
                      const CoordinateTransformer& to_wgs84, const std::string& x_text,
                      const std::string& y_text, const OGRGeometry* geometry, bool from_columns,
                      const std::string& stated_sigungu, const std::string& about, int row) {
  PointCheck check;
  double x = 0, y = 0;
  if (from_columns) {
    check.had_coordinates = !x_text.empty() || !y_text.empty();
    const std::optional<std::pair<double, double>> xy =
        ParseXY(x_text, y_text, about, row, check.held);
    if (!xy) return check;
    std::tie(x, y) = *xy;
  } else {
    if (geometry == nullptr || geometry->IsEmpty()) {
      check.held.Reject(row, RejectReason::kNoCoordinates, about + ": no geometry");
      return check;
    }
    check.had_coordinates = true;
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
        check.held.Reject(row, RejectReason::kNoCoordinates,
                          about + ": no point inside its geometry");
        return check;
      }
    }
  }
  const std::optional<LatLng> position = ToWgs84InKorea(x, y, to_wgs84, about, row, check.held);
  if (!position) return check;
  if (!source.province_check) {
    check.point = position;
    return check;
  }
  SourceReport outside;
  if (InsideProvince(state, *position, about, row, outside)) {
    check.point = position;
    return check;
  }
  // 6b: an island the simplified boundaries dropped: close to the 시군구 the row names.
  if (source.boundary_tolerance_m > 0 && !stated_sigungu.empty()) {
    const std::vector<const Region*> named = state.region_names->SigunguNamed(stated_sigungu);
    if (named.size() == 1) {
      // The 시군구 polygons are simplified separately from the 도's: the point may lie inside its
      // 시군구 while outside the 도.
      const Region* containing = state.FindRegion(*position, RegionLevel::kSigungu);
      const double metres =
          containing == named.front() ? 0.0 : DistanceToRegionEdges(*named.front(), *position);
      if (metres <= source.boundary_tolerance_m) {
        check.point = position;
        check.near_boundary = true;
        check.stated = named.front();
        check.held.Warn(
            row, WarningKind::kNearBoundary,
            about + ": " + FormatPoint(*position) + " is outside the 도's polygon, " +
                (metres == 0 ? std::string("inside the polygon of ")
                             : std::to_string(static_cast<int>(std::lround(metres))) + " m from ") +
                named.front()->name + ", which the row names: placed in " + named.front()->name);
        return check;
      }
    }
  }
  check.held.rejected = std::move(outside.rejected);
  return check;
}

// Moves the held warnings (and, when `with_rejection`, the rejection) into `report`.
void Release(SourceReport& held, SourceReport& report, bool with_rejection) {
  for (Warning& w : held.warnings) report.warnings.push_back(std::move(w));
  if (with_rejection)
    for (Rejection& r : held.rejected) report.rejected.push_back(std::move(r));
  held.warnings.clear();
  held.rejected.clear();
}

// The 읍면동 of `sigungu` nearest to `p` within `metres`, for a point the near-boundary rule kept.
const Region* NearestEmdWithin(const ImportState& state, const Region& sigungu, LatLng p,
                               double metres) {
  const Region* best = nullptr;
  double best_distance = metres;
  for (const Region& region : state.data.regions) {
    if (region.level != RegionLevel::kEmd || region.code / 100 != sigungu.code) continue;
    const double d = DistanceToRegionEdges(region, p);
    if (d <= best_distance) {
      best_distance = d;
      best = &region;
    }
  }
  return best;
}

// Address → point, from the config's geocoded file (spaces ignored in the addresses).
struct GeocodedPoints {
  std::unordered_map<std::string, std::pair<std::string, std::string>> by_address;  // x, y text
  std::optional<CoordinateTransformer> to_wgs84;
};

Result<GeocodedPoints> LoadGeocoded(const SourceConfig& source) {
  GeocodedPoints points;
  if (!source.geocoded) return points;
  const GeocodedFile& file = *source.geocoded;
  SourceConfig as_source;
  as_source.id = source.id + " (geocoded)";
  as_source.path = file.path;
  as_source.format = file.format;
  as_source.layer = file.layer;
  as_source.encoding = file.encoding;
  as_source.crs = file.crs;
  Result<Table> table = ReadTable(as_source);
  if (!table.ok()) return table.status();
  const int address = table.value().ColumnIndex(file.address_column);
  const int x = table.value().ColumnIndex(file.x_column);
  const int y = table.value().ColumnIndex(file.y_column);
  for (const auto& [index, name] :
       {std::pair{address, file.address_column}, {x, file.x_column}, {y, file.y_column}}) {
    if (index < 0) {
      return Status::Error(file.path + ": source '" + source.id +
                           "' geocoded file has no column '" + name +
                           "'; its columns are: " + table.value().ColumnList());
    }
  }
  for (const TableRow& row : table.value().rows) {
    const std::string key = WithoutSpaces(row.values[address]);
    if (!key.empty())
      points.by_address.emplace(key, std::pair{Trim(row.values[x]), Trim(row.values[y])});
  }
  Result<CoordinateTransformer> transformer = CoordinateTransformer::ToWgs84From(file.crs);
  if (!transformer.ok())
    return Status::Error("source '" + source.id + "' geocoded: " + transformer.status().message());
  points.to_wgs84.emplace(std::move(transformer.value()));
  return points;
}

}  // namespace

Status ImportFacilities(const SourceConfig& source, const Table& table,
                        const SourceColumns& columns, uint16_t source_index, ImportState& state,
                        SourceReport& report) {
  const bool from_columns = columns.Has("x");
  const bool has_geometry_or_xy = from_columns || !table.crs_wkt.empty() || !source.crs.empty();
  const CoordinateTransformer* to_wgs84 = nullptr;
  if (has_geometry_or_xy) {
    Result<const CoordinateTransformer*> transformer = state.TransformerFor(source, table);
    if (!transformer.ok()) return transformer.status();
    to_wgs84 = transformer.value();
  }
  Result<GeocodedPoints> geocoded = LoadGeocoded(source);
  if (!geocoded.ok()) return geocoded.status();
  const bool by_address = source.address_placement.enabled;
  if ((by_address || source.geocoded) && state.region_index == nullptr) {
    return Status::Error(
        "source '" + source.id +
        "' places rows by address: the config needs 시군구 (and 읍면동) boundaries");
  }
  std::unordered_map<std::string, int> row_of_id;  // ids placed from this source
  std::set<std::pair<int64_t, int64_t>> shared_spots;

  for (const TableRow& row : table.rows) {
    ++report.rows_read;
    auto reject = [&](RejectReason reason, std::string detail) {
      report.Reject(row.number, reason, std::move(detail));
    };
    const std::string name =
        ApplyNameReplacements(columns.Get(row, "name"), source.name_replacements);
    if (name.empty()) {
      reject(RejectReason::kMissingName, "");
      continue;
    }
    const std::string about = "'" + name + "'";
    const std::string stated = columns.Get(row, "sigungu");
    const std::string road_address = columns.Get(row, "road_address");
    const std::string lot_address = columns.Get(row, "lot_address");

    // 2–6: the row's own point.
    PointCheck check;
    if (to_wgs84) {
      check = CheckPoint(state, source, *to_wgs84, from_columns ? columns.Get(row, "x") : "",
                         from_columns ? columns.Get(row, "y") : "", row.geometry.get(),
                         from_columns, stated, about, row.number);
    } else {
      check.held.Reject(row.number, RejectReason::kNoCoordinates, about + ": no coordinates");
    }
    PositionQuality quality = PositionQuality::kExact;
    std::optional<LatLng> point = check.point;
    const Region* approx_sigungu = nullptr;
    const Region* approx_emd = nullptr;
    std::string fallback_reason;

    // The geocoder's point for the address, then the address itself.
    if (!point && geocoded.value().to_wgs84) {
      for (const std::string* address : {&road_address, &lot_address}) {
        const auto it = geocoded.value().by_address.find(WithoutSpaces(*address));
        if (address->empty() || it == geocoded.value().by_address.end()) continue;
        PointCheck from_geocoder = CheckPoint(state, source, *geocoded.value().to_wgs84,
                                              it->second.first, it->second.second, nullptr,
                                              /*from_columns=*/true, stated, about, row.number);
        if (from_geocoder.point && !from_geocoder.near_boundary) {
          Release(from_geocoder.held, report, false);
          point = from_geocoder.point;
          quality = PositionQuality::kGeocoded;
          if (check.had_coordinates && !check.held.rejected.empty()) {
            const Rejection& why = check.held.rejected.front();
            report.Warn(row.number, WarningKind::kCoordinatesUnusable,
                        about + ": " + RejectReasonName(why.reason) + " (" + why.detail +
                            "); placed at the geocoded point of its address instead");
          }
        } else {
          const std::string why =
              from_geocoder.held.rejected.empty()
                  ? std::string("outside the boundaries")
                  : RejectReasonName(from_geocoder.held.rejected.front().reason);
          report.Warn(row.number, WarningKind::kGeocodedUnusable,
                      about + ": the geocoded point for '" + *address + "' failed: " + why);
        }
        break;
      }
    }
    if (!point && by_address) {
      const std::string& address = road_address.empty() ? lot_address : road_address;
      AddressMatch match;
      if (!address.empty() || !stated.empty()) {
        match = state.region_names->Match(source.address_placement, address, stated);
      }
      if (match.sigungu != nullptr) {
        approx_sigungu = match.sigungu;
        approx_emd = match.emd;
        quality = match.emd ? PositionQuality::kApproxEmd : PositionQuality::kApproxSigungu;
        fallback_reason = match.emd ? "" : match.reason;
        point = (match.emd ? match.emd : match.sigungu)->label;
        if (check.had_coordinates && !check.held.rejected.empty()) {
          const Rejection& why = check.held.rejected.front();
          report.Warn(row.number, WarningKind::kCoordinatesUnusable,
                      about + ": " + RejectReasonName(why.reason) + " (" + why.detail +
                          "); placed by its address instead");
        }
        check.held.rejected.clear();
        if (!match.emd) {
          report.Warn(row.number, WarningKind::kApproximateSigungu,
                      about + ": '" + address + "': " + match.detail + "; placed in " +
                          match.sigungu->name);
        }
      } else if (!check.had_coordinates && match.reason == "ambiguous_sigungu") {
        // The address is in the province but says too little to place it even approximately.
        check.held.rejected.clear();
        check.held.Reject(row.number, RejectReason::kAddressUnplaced,
                          about + ": no coordinates, and address '" + address + "'" +
                              (stated.empty() ? "" : " (시군구 '" + stated + "')") + ": " +
                              match.detail);
      } else if (!check.held.rejected.empty() && !match.detail.empty()) {
        // Rejected for its first failure; the detail says why the address did not help either.
        check.held.rejected.front().detail += "; address: " + match.detail;
      }
    }
    Release(check.held, report, /*with_rejection=*/!point.has_value());
    if (!point) continue;
    const LatLng p = *point;
    const bool approximate = IsApproximate(quality);

    // 7: duplicates of placed rows.
    const std::string id = columns.Get(row, "id");
    if (const auto it = row_of_id.find(id); !id.empty() && it != row_of_id.end()) {
      reject(RejectReason::kDuplicate,
             about + ": same id '" + id + "' as row " + std::to_string(it->second));
      continue;
    }
    const std::string key_name = WithoutSpaces(name);
    const std::string name_address =
        key_name + "|" + WithoutSpaces(road_address.empty() ? lot_address : road_address);
    std::string duplicate_of;
    if (approximate) {
      // Many 경로당 share a name within one 읍면 (a village name): only name and address together
      // make a duplicate.
      if (const auto it = state.facilities_by_name_address.find(name_address);
          it != state.facilities_by_name_address.end()) {
        const RowOrigin& origin = state.facility_origins[it->second];
        duplicate_of = about + ": same name and address as row " + std::to_string(origin.row) +
                       " of '" + origin.source_id + "'";
      }
    } else {
      for (size_t earlier : state.facilities_by_name[key_name]) {
        const Facility& other = state.data.facilities[earlier];
        if (IsApproximate(other.position_quality)) continue;
        const double meters = DistanceMeters(p, other.position);
        if (meters < kDuplicateRadiusMeters) {
          const RowOrigin& origin = state.facility_origins[earlier];
          duplicate_of = about + ": same name as row " + std::to_string(origin.row) + " of '" +
                         origin.source_id + "', " +
                         std::to_string(static_cast<int>(std::lround(meters))) + " m away";
          break;
        }
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
    facility.road_address = road_address;
    facility.lot_address = lot_address;
    facility.hours = columns.Get(row, "hours");
    facility.operator_name = columns.Get(row, "operator");
    facility.position = p;
    facility.position_quality = quality;
    facility.s2_cell = LeafCellId(p);
    facility.source = source_index;
    facility.verified = source.metadata.data_date;

    const NormalisedPhone phone = NormalisePhone(columns.Get(row, "phone"), source.phone_area_code);
    facility.phone = phone.phone;
    if (phone.outcome == NormalisedPhone::kAreaCodeAdded) {
      report.Warn(row.number, WarningKind::kPhoneAreaCodeAdded,
                  about + ": '" + columns.Get(row, "phone") + "' → '" + phone.phone + "'");
    } else if (phone.outcome == NormalisedPhone::kUnrecognised) {
      report.Warn(row.number, WarningKind::kUnrecognisedPhone,
                  about + ": '" + phone.phone + "' kept as written");
    }
    const std::string homepage_text = columns.Get(row, "homepage");
    const NormalisedLink homepage = NormaliseLink(homepage_text);
    facility.homepage = homepage.link;
    if (homepage.outcome == NormalisedLink::kSchemeAdded) {
      report.Warn(row.number, WarningKind::kLinkSchemeAdded,
                  about + ": '" + homepage_text + "' → '" + homepage.link + "'");
    } else if (homepage.outcome == NormalisedLink::kDropped) {
      report.Warn(row.number, WarningKind::kUnsafeLink,
                  about + ": homepage '" + homepage_text + "' is not an http(s) link: dropped");
    }

    if (approximate) {
      facility.sigungu_code = approx_sigungu->code;
      facility.emd_code = approx_emd ? approx_emd->code : 0;
      if (!fallback_reason.empty()) ++report.sigungu_fallbacks[fallback_reason];
    } else {
      if (check.near_boundary && quality == PositionQuality::kExact) {
        // Outside the 도's polygon, but the 시군구 and 읍면동 polygons (simplified separately) may
        // still hold it; else the stated 시군구 and its nearest 읍면동 within the tolerance.
        const Region* sigungu = state.FindRegion(p, RegionLevel::kSigungu);
        const Region* emd = state.FindRegion(p, RegionLevel::kEmd);
        if (sigungu == nullptr || sigungu->code != check.stated->code ||
            (emd != nullptr && emd->code / 100 != sigungu->code)) {
          emd = NearestEmdWithin(state, *check.stated, p, source.boundary_tolerance_m);
        }
        facility.sigungu_code = check.stated->code;
        facility.emd_code = emd ? emd->code : 0;
      } else {
        const Region* sigungu = AssignRegionCodes(state, p, about, row.number, report,
                                                  facility.sigungu_code, facility.emd_code);
        if (sigungu != nullptr && !stated.empty() && state.region_names != nullptr &&
            !state.region_names->StatedMatches(stated, *sigungu)) {
          report.Warn(row.number, WarningKind::kOutsideStatedSigungu,
                      about + ": the row says '" + stated + "', the point is in " + sigungu->name);
        }
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
        shared_spots.insert(point_key);
      }
    }

    if (!id.empty()) row_of_id[id] = row.number;
    state.facilities_by_name[key_name].push_back(state.data.facilities.size());
    state.facilities_by_name_address.emplace(name_address, state.data.facilities.size());
    state.facility_origins.push_back({source.id, row.number});
    state.data.facilities.push_back(std::move(facility));
    ++report.rows_placed;
    ++report.placed_by_quality[static_cast<int>(quality)];
  }
  report.shared_coordinate_spots = static_cast<int>(shared_spots.size());
  return Status::Ok();
}

}  // namespace bokji::geodata
