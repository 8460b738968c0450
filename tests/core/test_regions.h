// Test helper: the real Jeonbuk boundaries (KOSTAT census boundaries, 2018) as bokji::Region, read
// from
// BOKJI_SHARED_DATA_DIR/boundaries/jeonbuk-{provinces,municipalities,submunicipalities}-2018-geo.json.
//
//   std::vector<bokji::Region> regions = bokji::testdata::LoadJeonbukRegions();  // 1 + 15 + 241
//   bokji::RegionIndex index(regions);
//
// Each Region gets code, parent_code, level, name and rings (GeoJSON rings with their repeated
// closing vertex dropped, orientation as in the file); full_name and label are left empty. A file
// that is missing or malformed adds a test failure and contributes no regions. Header-only, so any
// *_test.cc can use it.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/model.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace bokji::testdata {

// The path of a file in the shared data folder, e.g. SharedDataPath("boundaries/x.json").
inline std::string SharedDataPath(const std::string& relative) {
  return std::string(BOKJI_SHARED_DATA_DIR) + "/" + relative;
}

// The whole file; empty, with a test failure, if it cannot be read.
inline std::string ReadFileOrFail(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot read " << path;
    return {};
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// One GeoJSON ring ([[lng, lat], ...], closed) as a Ring; false if malformed.
inline bool ParseRing(const nlohmann::json& coordinates, Ring* ring) {
  if (!coordinates.is_array()) return false;
  for (const nlohmann::json& position : coordinates) {
    if (!position.is_array() || position.size() < 2 || !position[0].is_number() ||
        !position[1].is_number()) {
      return false;
    }
    ring->push_back({position[1].get<double>(), position[0].get<double>()});
  }
  if (ring->size() > 1 && ring->front().lat == ring->back().lat &&
      ring->front().lng == ring->back().lng) {
    ring->pop_back();  // Region rings do not repeat the first vertex
  }
  return true;
}

// The features of a GeoJSON FeatureCollection with properties {code: "35011", name: "..."} and
// Polygon or MultiPolygon geometry, as Regions of `level`.
inline std::vector<Region> ParseGeoJsonRegions(const std::string& text, RegionLevel level,
                                               const std::string& what) {
  std::vector<Region> regions;
  const nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  const auto features = doc.is_object() ? doc.find("features") : doc.end();
  if (doc.is_discarded() || !doc.is_object() || features == doc.end() || !features->is_array()) {
    ADD_FAILURE() << what << ": not a GeoJSON FeatureCollection";
    return regions;
  }
  for (const nlohmann::json& feature : *features) {
    const auto properties = feature.find("properties");
    const auto geometry = feature.find("geometry");
    if (properties == feature.end() || geometry == feature.end() || !geometry->is_object()) {
      ADD_FAILURE() << what << ": a feature without properties or geometry";
      continue;
    }
    Region region;
    region.level = level;
    region.name = properties->value("name", "");
    region.code =
        static_cast<uint32_t>(std::strtoul(properties->value("code", "0").c_str(), nullptr, 10));
    region.parent_code = level == RegionLevel::kProvince  ? 0
                         : level == RegionLevel::kSigungu ? region.code / 1000
                                                          : region.code / 100;
    const std::string type = geometry->value("type", "");
    const auto coordinates = geometry->find("coordinates");
    bool ok = coordinates != geometry->end() && coordinates->is_array() &&
              (type == "Polygon" || type == "MultiPolygon");
    if (ok) {
      // A Polygon is a list of rings; a MultiPolygon a list of Polygons.
      std::vector<const nlohmann::json*> polygons;
      if (type == "Polygon") {
        polygons.push_back(&*coordinates);
      } else {
        for (const nlohmann::json& polygon : *coordinates) polygons.push_back(&polygon);
      }
      for (const nlohmann::json* polygon : polygons) {
        ok = ok && polygon->is_array();
        if (!ok) break;
        for (const nlohmann::json& coordinates_of_ring : *polygon) {
          Ring ring;
          ok = ok && ParseRing(coordinates_of_ring, &ring);
          region.rings.push_back(std::move(ring));
        }
      }
    }
    if (!ok || region.code == 0) {
      ADD_FAILURE() << what << ": malformed feature " << region.name;
      continue;
    }
    regions.push_back(std::move(region));
  }
  return regions;
}

// All Jeonbuk regions: the province, then its 15 시군구, then its 241 읍면동 (file order within a
// level).
inline std::vector<Region> LoadJeonbukRegions() {
  std::vector<Region> all;
  const struct {
    const char* file;
    RegionLevel level;
  } kFiles[] = {
      {"boundaries/jeonbuk-provinces-2018-geo.json", RegionLevel::kProvince},
      {"boundaries/jeonbuk-municipalities-2018-geo.json", RegionLevel::kSigungu},
      {"boundaries/jeonbuk-submunicipalities-2018-geo.json", RegionLevel::kEmd},
  };
  for (const auto& f : kFiles) {
    const std::string path = SharedDataPath(f.file);
    for (Region& region : ParseGeoJsonRegions(ReadFileOrFail(path), f.level, path)) {
      all.push_back(std::move(region));
    }
  }
  return all;
}

}  // namespace bokji::testdata
