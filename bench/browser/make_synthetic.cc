// make_synthetic: writes the data of the browser benchmark (bench/README.md, "Browser benchmark"):
// N made-up facilities around the real 읍면동 of 전북 as a bundle for our app, and the same points —
// plus the real sample's exactly placed facilities and the real regions — as GeoJSON for the Leaflet page.
//
//   make_synthetic --sample build/site/data/jeonbuk-sample.bundle --out DIR [--count 100000]
//                  [--seed 20250101]
//
// The regions are read from the sample bundle, which `geodata import` built from the 2018 KOSTAT
// boundaries in ../shared/data/boundaries (its rings, label points and full names): nothing here
// re-parses or re-orients a boundary. Writes into --out:
//   synthetic-<count>.bundle    SYNTHETIC facilities (title "합성 데이터 …곳 (성능 측정용)", one Source saying
//                               they are not real, every name starting with 합성) + the sample's regions;
//                               no programs (the Leaflet page shows none either)
//   synthetic-<count>.geojson   the same facilities as GeoJSON points (same coordinates, names, categories)
//   sample.geojson              the sample bundle's real facilities with an exact position, as GeoJSON
//                               points: the ones our app draws as markers (a facility placed only by its
//                               address stands for an area and is never drawn as a point)
//   boundaries.geojson          the sample's regions: one feature per region, properties code, name,
//                               level (0 도, 1 시군구, 2 읍면동); all its rings in one Polygon, to be
//                               filled by the even-odd rule (model.h's Region; Leaflet's default)
// The same inputs, count and seed give the same bytes.
//
// How points are placed: each facility picks one of the 읍면동 uniformly, then lands at its label point
// (GDAL's point on surface, from the import) plus a near-normal offset (bench/random.h) whose spread is a quarter of the
// 읍면동's bounding box per axis: dense in city 동, spread out over rural 면. Coordinates are rounded to
// 6 decimals (~0.1 m) so the bundle and the GeoJSON hold equal values.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "bench/random.h"
#include "core/bundle.h"
#include "core/geo.h"
#include "core/model.h"
#include "nlohmann/json.hpp"

namespace {

using bokji::Dataset;
using bokji::Facility;
using bokji::LatLng;
using bokji::Region;
using bokji::bench::Random;
using bokji::RegionLevel;
using bokji::Ring;
using nlohmann::json;

// A fixed "built" date keeps the output byte-identical between runs.
constexpr bokji::Date kBuiltDate = 20250101;

// "합성 데이터 10만 곳 (성능 측정용)": the title the app shows for the synthetic bundle.
std::string TitleFor(long count) {
  const std::string amount =
      count % 10000 == 0 ? std::to_string(count / 10000) + "만" : std::to_string(count);
  return "합성 데이터 " + amount + " 곳 (성능 측정용)";
}

double Round6(double degrees) { return std::round(degrees * 1e6) / 1e6; }

// Where points gather: one per 읍면동.
struct Centre {
  const Region* emd;
  double sigma_lat, sigma_lng;  // degrees
};

std::vector<Centre> CentresOf(const std::vector<Region>& regions) {
  std::vector<Centre> centres;
  for (const Region& region : regions) {
    if (region.level != RegionLevel::kEmd || region.rings.empty()) continue;
    double lat_lo = 90, lat_hi = -90, lng_lo = 180, lng_hi = -180;
    for (const Ring& ring : region.rings) {
      for (const LatLng& p : ring) {
        lat_lo = std::min(lat_lo, p.lat), lat_hi = std::max(lat_hi, p.lat);
        lng_lo = std::min(lng_lo, p.lng), lng_hi = std::max(lng_hi, p.lng);
      }
    }
    centres.push_back({&region, (lat_hi - lat_lo) / 4, (lng_hi - lng_lo) / 4});
  }
  return centres;
}

std::vector<Facility> MakeFacilities(const std::vector<Centre>& centres, long count, Random& random) {
  constexpr int kTargetBitCount = 17;  // model.h's TargetGroup bits 0..16
  std::vector<Facility> facilities;
  facilities.reserve(static_cast<size_t>(count));
  for (long i = 0; i < count; ++i) {
    const Centre& centre = centres[random.Below(static_cast<uint32_t>(centres.size()))];
    Facility f;
    f.source_key = "합성:" + std::to_string(i + 1);
    f.name = "합성시설 " + std::to_string(i + 1);
    f.category = static_cast<bokji::FacilityCategory>(random.Below(bokji::kFacilityCategoryCount));
    f.targets = 1u << random.Below(kTargetBitCount);
    if (random.Uniform() < 0.5) f.targets |= 1u << random.Below(kTargetBitCount);
    f.road_address = centre.emd->full_name + " 합성로 " + std::to_string(1 + random.Below(300));
    f.sigungu_code = centre.emd->parent_code;
    f.emd_code = centre.emd->code;
    f.position = {Round6(centre.emd->label.lat + centre.sigma_lat * random.NearNormal()),
                  Round6(centre.emd->label.lng + centre.sigma_lng * random.NearNormal())};
    f.s2_cell = bokji::LeafCellId(f.position);
    f.source = 0;
    f.verified = kBuiltDate;
    facilities.push_back(std::move(f));
  }
  return facilities;
}

// ---- output -------------------------------------------------------------------------------------------

// Leaves a file that already holds `bytes` untouched, so that scripts/bench-browser.sh does not
// compress it again (minutes for the 20 MB GeoJSON) when only the bundle format changed.
bool WriteFile(const std::string& path, const std::string& bytes) {
  {
    std::ifstream old(path, std::ios::binary);
    const std::string held((std::istreambuf_iterator<char>(old)), std::istreambuf_iterator<char>());
    if (old && held == bytes) return true;
  }
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) std::cerr << "cannot write " << path << "\n";
  return static_cast<bool>(out);
}

// One feature per line, so the file stays readable with head/grep.
std::string PointsGeoJson(const std::string& title, const std::vector<Facility>& facilities) {
  std::string text =
      "{\"type\":\"FeatureCollection\",\"name\":" + json(title).dump() + ",\"features\":[\n";
  for (size_t i = 0; i < facilities.size(); ++i) {
    const Facility& f = facilities[i];
    const json feature = {
        {"type", "Feature"},
        {"geometry", {{"type", "Point"}, {"coordinates", {f.position.lng, f.position.lat}}}},
        {"properties",
         {{"name", f.name},
          {"category", static_cast<int>(f.category)},
          {"address", f.road_address.empty() ? f.lot_address : f.road_address}}}};
    text += feature.dump();
    text += i + 1 < facilities.size() ? ",\n" : "\n";
  }
  text += "]}\n";
  return text;
}

std::string BoundariesGeoJson(const std::vector<Region>& regions) {
  std::string text =
      "{\"type\":\"FeatureCollection\",\"name\":\"통계청 센서스 경계 2018 (전북), from the sample "
      "bundle\",\"features\":[\n";
  for (size_t i = 0; i < regions.size(); ++i) {
    const Region& region = regions[i];
    json rings = json::array();
    for (const Ring& ring : region.rings) {
      json positions = json::array();
      for (const LatLng& p : ring) positions.push_back({p.lng, p.lat});
      positions.push_back({ring.front().lng, ring.front().lat});  // GeoJSON closes its rings
      rings.push_back(std::move(positions));
    }
    const json feature = {{"type", "Feature"},
                          {"properties",
                           {{"code", region.code},
                            {"name", region.name},
                            {"level", static_cast<int>(region.level)}}},
                          {"geometry", {{"type", "Polygon"}, {"coordinates", std::move(rings)}}}};
    text += feature.dump();
    text += i + 1 < regions.size() ? ",\n" : "\n";
  }
  text += "]}\n";
  return text;
}

bool ReadBundle(const std::string& path, Dataset* data) {
  std::ifstream in(path, std::ios::binary);
  const std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in && !in.eof()) {
    std::cerr << "cannot read " << path << "\n";
    return false;
  }
  bokji::Result<Dataset> loaded = bokji::LoadBundle(bytes.data(), bytes.size());
  if (!loaded.ok()) {
    std::cerr << path << ": " << loaded.status().message() << "\n";
    return false;
  }
  *data = std::move(loaded).value();
  return true;
}

void Usage() {
  std::cerr << "usage: make_synthetic --sample BUNDLE --out DIR [--count N (100000)] [--seed S (20250101)]\n"
               "  BUNDLE: the sample bundle `geodata import` wrote (build/site/data/jeonbuk-sample.bundle)\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::string sample_path, out_dir;
  long count = 100000;
  unsigned long long seed = 20250101;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string arg = argv[i], value = argv[i + 1];
    if (arg == "--sample") {
      sample_path = value;
    } else if (arg == "--out") {
      out_dir = value;
    } else if (arg == "--count") {
      count = std::strtol(value.c_str(), nullptr, 10);
    } else if (arg == "--seed") {
      seed = std::strtoull(value.c_str(), nullptr, 10);
    } else {
      Usage();
      return 2;
    }
  }
  if (argc % 2 == 0 || sample_path.empty() || out_dir.empty() || count < 1 || count > 10'000'000) {
    Usage();
    return 2;
  }

  Dataset sample;
  if (!ReadBundle(sample_path, &sample)) return 1;
  const std::vector<Centre> centres = CentresOf(sample.regions);
  if (centres.empty()) {
    std::cerr << "no 읍면동 regions in " << sample_path << "\n";
    return 1;
  }

  Dataset data;
  data.title = TitleFor(count);
  data.built = kBuiltDate;
  data.sources.push_back({data.title, "bench/browser/make_synthetic (seed " + std::to_string(seed) + ")",
                          "합성 데이터 — 실제 시설이 아님 (synthetic, not real facilities)", kBuiltDate, ""});
  data.regions = sample.regions;
  Random random(seed);
  data.facilities = MakeFacilities(centres, count, random);

  const std::vector<uint8_t> bundle = bokji::WriteBundle(data);
  // The app will load it: fail here, not in the browser, if the reader disagrees with the writer.
  const bokji::Result<Dataset> reloaded = bokji::LoadBundle(bundle.data(), bundle.size());
  if (!reloaded.ok() || reloaded.value().facilities.size() != data.facilities.size() ||
      reloaded.value().regions.size() != data.regions.size()) {
    std::cerr << "the written bundle does not load back: " << reloaded.status().message() << "\n";
    return 1;
  }
  const std::string stem = out_dir + "/synthetic-" + std::to_string(count);
  const std::string points = PointsGeoJson(data.title, data.facilities);
  std::vector<Facility> exact;
  for (const Facility& f : sample.facilities) {
    if (!bokji::IsApproximate(f.position_quality)) exact.push_back(f);
  }
  const std::string sample_points = PointsGeoJson(sample.title, exact);
  const std::string boundaries = BoundariesGeoJson(sample.regions);
  if (!WriteFile(stem + ".bundle", std::string(bundle.begin(), bundle.end())) ||
      !WriteFile(stem + ".geojson", points) || !WriteFile(out_dir + "/sample.geojson", sample_points) ||
      !WriteFile(out_dir + "/boundaries.geojson", boundaries)) {
    return 1;
  }
  std::printf("%s (seed %llu): %zu synthetic facilities around %zu 읍면동, %zu real regions\n",
              data.title.c_str(), seed, data.facilities.size(), centres.size(), data.regions.size());
  std::printf("  %s.bundle  %zu bytes\n  %s.geojson  %zu bytes\n  %s/sample.geojson  %zu bytes (%zu real)\n"
              "  %s/boundaries.geojson  %zu bytes\n",
              stem.c_str(), bundle.size(), stem.c_str(), points.size(), out_dir.c_str(), sample_points.size(),
              exact.size(), out_dir.c_str(), boundaries.size());
  return 0;
}
