// Boundaries → Region: codes, levels, rings in model.h's orientation, label points, full names.

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <unordered_map>

#include "core/geo.h"
#include "geodata/import_steps.h"
#include "ogr_api.h"
#include "ogr_geometry.h"

namespace bokji::geodata {
namespace {

// Twice the signed area of a ring in the lon/lat plane: positive when counter-clockwise.
double TwiceSignedArea(const Ring& ring) {
  double sum = 0;
  for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    sum += (ring[j].lng * ring[i].lat) - (ring[i].lng * ring[j].lat);
  }
  return sum;
}

bool SamePoint(const LatLng& a, const LatLng& b) {
  return a.lat == b.lat && a.lng == b.lng;
}

// Copies an OGR ring without its closing vertex and without repeated consecutive vertices (the
// sources have a few), oriented counter-clockwise for shells, clockwise for holes. Returns an empty
// ring when fewer than three vertices remain.
Ring ToRing(const OGRLinearRing& ogr_ring, bool shell) {
  Ring ring;
  for (int i = 0; i < ogr_ring.getNumPoints(); ++i) {
    const LatLng vertex = {ogr_ring.getY(i), ogr_ring.getX(i)};
    if (ring.empty() || !SamePoint(ring.back(), vertex)) ring.push_back(vertex);
  }
  while (ring.size() >= 2 && SamePoint(ring.front(), ring.back())) ring.pop_back();
  if (ring.size() < 3) return {};
  const bool counter_clockwise = TwiceSignedArea(ring) > 0;
  if (counter_clockwise != shell) std::reverse(ring.begin(), ring.end());
  return ring;
}

void AddPolygon(const OGRPolygon& polygon, std::vector<Ring>& rings) {
  if (polygon.getExteriorRing() == nullptr) return;
  if (Ring shell = ToRing(*polygon.getExteriorRing(), true); !shell.empty()) rings.push_back(shell);
  for (int i = 0; i < polygon.getNumInteriorRings(); ++i) {
    if (Ring hole = ToRing(*polygon.getInteriorRing(i), false); !hole.empty())
      rings.push_back(hole);
  }
}

// Digits only, 2, 5 or 7 of them: the KOSTAT code; 0 otherwise.
uint32_t ParseRegionCode(const std::string& text) {
  if (text.size() != 2 && text.size() != 5 && text.size() != 7) return 0;
  if (!std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) return 0;
  return static_cast<uint32_t>(std::stoul(text));
}

RegionLevel LevelOfCode(const std::string& code) {
  return code.size() == 2 ? RegionLevel::kProvince
                          : (code.size() == 5 ? RegionLevel::kSigungu : RegionLevel::kEmd);
}

uint32_t ParentCode(const Region& region) {
  switch (region.level) {
    case RegionLevel::kProvince:
      return 0;
    case RegionLevel::kSigungu:
      return region.code / 1000;
    case RegionLevel::kEmd:
      return region.code / 100;
  }
  return 0;
}

}  // namespace

Status ImportBoundaries(const SourceConfig& source, Table& table, const SourceColumns& columns,
                        ImportState& state, SourceReport& report) {
  Result<CoordinateTransformer> transformer = SourceTransformer(source, table);
  if (!transformer.ok()) return transformer.status();
  std::unordered_map<uint32_t, int> row_of_code;  // over the regions of every boundaries source
  for (const Region& region : state.data.regions) row_of_code[region.code] = 0;

  for (TableRow& row : table.rows) {
    ++report.rows_read;
    const std::string code_text = columns.Get(row, "code");
    const uint32_t code = ParseRegionCode(code_text);
    if (code == 0) {
      report.Reject(row.number, RejectReason::kMissingCode,
                    "code '" + code_text + "' is not a 2-, 5- or 7-digit KOSTAT code");
      continue;
    }
    if (source.province_check && std::stoul(code_text.substr(0, 2)) != state.config.province_code) {
      report.Reject(
          row.number, RejectReason::kOutsideProvince,
          "code " + code_text + " is not in 도 " + std::to_string(state.config.province_code));
      continue;
    }
    if (const auto it = row_of_code.find(code); it != row_of_code.end()) {
      report.Reject(row.number, RejectReason::kDuplicate,
                    "code " + code_text + " already imported" +
                        (it->second ? " from row " + std::to_string(it->second) : ""));
      continue;
    }
    Region region;
    region.code = code;
    region.level = LevelOfCode(code_text);
    region.name = columns.Get(row, "name");
    OGRGeometry* geometry = row.geometry.get();
    if (geometry == nullptr || geometry->IsEmpty()) {
      report.Reject(row.number, RejectReason::kBadGeometry, "no geometry");
      continue;
    }
    if (!transformer.value().Transform(*geometry)) {
      report.Reject(row.number, RejectReason::kCrsTransformFailed,
                    "the polygon could not be converted");
      continue;
    }
    const OGRwkbGeometryType type = wkbFlatten(geometry->getGeometryType());
    if (type == wkbPolygon) {
      AddPolygon(*geometry->toPolygon(), region.rings);
    } else if (type == wkbMultiPolygon) {
      for (const OGRPolygon* polygon : *geometry->toMultiPolygon())
        AddPolygon(*polygon, region.rings);
    }
    if (region.rings.empty()) {
      report.Reject(row.number, RejectReason::kBadGeometry,
                    std::string("expected a polygon, found ") + OGRGeometryTypeToName(type));
      continue;
    }
    // A point guaranteed inside the polygon (GEOS's interior point), for drawing the name.
    OGRGeometryH label = OGR_G_PointOnSurface(OGRGeometry::ToHandle(geometry));
    if (label != nullptr && !OGR_G_IsEmpty(label)) {
      region.label = {OGR_G_GetY(label, 0), OGR_G_GetX(label, 0)};
    } else {
      region.label = InteriorPoint(region.rings);  // the app's rule for a missing label too
      report.Warn(row.number, WarningKind::kLabelFallback,
                  region.name + ": label by core/geo.h's InteriorPoint");
    }
    if (label != nullptr) OGR_G_DestroyGeometry(label);
    row_of_code[code] = row.number;
    state.data.regions.push_back(std::move(region));
    ++report.rows_placed;
  }
  return Status::Ok();
}

Status FinishRegions(ImportState& state) {
  std::vector<Region>& regions = state.data.regions;
  std::sort(regions.begin(), regions.end(), [](const Region& a, const Region& b) {
    return a.level != b.level ? a.level < b.level : a.code < b.code;
  });
  std::unordered_map<uint32_t, size_t> index_of_code;
  for (size_t i = 0; i < regions.size(); ++i) index_of_code[regions[i].code] = i;
  // Parents come before children after the sort, so each parent's full name is complete when read.
  for (Region& region : regions) {
    state.has_level[static_cast<int>(region.level)] = true;
    region.parent_code = ParentCode(region);
    const auto parent = index_of_code.find(region.parent_code);
    region.full_name = parent == index_of_code.end()
                           ? region.name
                           : regions[parent->second].full_name + " " + region.name;
  }

  bool needs_province = false;
  for (const SourceConfig& source : state.config.sources) {
    needs_province |=
        (source.kind == SourceKind::kFacilities || source.kind == SourceKind::kEducation) &&
        source.province_check;
  }
  if (needs_province && index_of_code.count(state.config.province_code) == 0) {
    return Status::Error("the config's province check needs the polygon of 도 " +
                         std::to_string(state.config.province_code) +
                         ", but no boundaries source provides it (add the 시도 boundaries file)");
  }
  if (!regions.empty()) {
    state.region_index = std::make_unique<RegionIndex>(regions);
    state.region_names = std::make_unique<RegionNames>(regions, state.config);
  }
  return Status::Ok();
}

}  // namespace bokji::geodata
