// make_synthetic: writes the SYNTHETIC data set of the browser benchmark (bench/browser/README.md):
// N made-up facilities around the real 읍면동 of 전북, as a bundle for our app and as GeoJSON for
// the Leaflet page, plus the real 2018 KOSTAT boundaries so both maps draw the same regions.
// Nothing in it describes a real facility: the bundle's title and source say so, every name starts
// with 합성 ("synthetic").
//
//   make_synthetic --boundaries /work/shared/data/boundaries --out DIR [--count 100000] [--seed
//   20250101]
//
// Writes into --out:
//   synthetic-<count>.bundle    the Dataset (core/bundle.h): facilities, one Source, 1 + 15 + 241
//   regions synthetic-<count>.geojson   the same facilities as GeoJSON points (same coordinates,
//   names, categories) boundaries.geojson          the same regions as GeoJSON features (code,
//   name, level, original geometry)
// The same count and seed give the same bytes.
//
// How points are placed: each facility picks one of the 241 읍면동 uniformly, then lands at the
// vertex mean of that 읍면동's largest ring plus a Gaussian offset whose spread is a quarter of the
// ring's bounding box per axis. Coordinates are rounded to 6 decimals (~0.1 m) so the bundle and
// the GeoJSON hold equal values.
//
// Index
//   - Random numbers      SplitMix64 (fully specified, so the output does not depend on the C++
//   library)
//   - Boundaries          GeoJSON features → Region (model.h's ring orientation, parents, full
//   names)
//   - Facilities          the synthetic points
//   - Output              the bundle and the two GeoJSON files
//   - main                command line
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/bundle.h"
#include "core/geo.h"
#include "core/model.h"
#include "nlohmann/json.hpp"

namespace {

using bokji::Dataset;
using bokji::Facility;
using bokji::LatLng;
using bokji::Region;
using bokji::RegionLevel;
using bokji::Ring;
using nlohmann::json;

constexpr char kTitle[] = "합성 데이터 — 성능 시험용 (synthetic, for performance tests only)";
// A fixed "built" date keeps the output byte-identical between runs.
constexpr bokji::Date kBuiltDate = 20250101;

// ---------------------------------------------------------------------------------------------------------
// Random numbers
// ---------------------------------------------------------------------------------------------------------

class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}

  uint64_t Next() {  // SplitMix64 (Steele, Lea, Flood 2014)
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, 1).
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  // Uniform in [0, n). REQUIRES: n > 0.
  uint32_t Below(uint32_t n) { return static_cast<uint32_t>(Uniform() * n); }
  // Standard normal (Box–Muller; one of the pair is dropped for simplicity).
  double Normal() {
    const double u = 1.0 - Uniform();  // (0, 1]: log(u) is finite
    return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * M_PI * Uniform());
  }

 private:
  uint64_t state_;
};

// ---------------------------------------------------------------------------------------------------------
// Boundaries
// ---------------------------------------------------------------------------------------------------------

// One boundaries file: its regions' level and its parsed features (kept for boundaries.geojson).
struct BoundaryFile {
  RegionLevel level;
  json features;
};

double TwiceSignedArea(const Ring& ring) {
  double sum = 0;
  for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    sum += ring[j].lng * ring[i].lat - ring[i].lng * ring[j].lat;
  }
  return sum;
}

// A GeoJSON ring ([[lng, lat], …], closed) → a Ring without the closing vertex, counter-clockwise
// for shells and clockwise for holes. Empty when fewer than three vertices remain.
Ring ToRing(const json& coordinates, bool shell) {
  Ring ring;
  for (const json& position : coordinates)
    ring.push_back({position[1].get<double>(), position[0].get<double>()});
  if (ring.size() >= 2 && ring.front().lat == ring.back().lat &&
      ring.front().lng == ring.back().lng) {
    ring.pop_back();
  }
  if (ring.size() < 3) return {};
  if ((TwiceSignedArea(ring) > 0) != shell) std::reverse(ring.begin(), ring.end());
  return ring;
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

// The vertex mean of the largest shell (by area): a point of the polygon's body for most 읍면동.
LatLng VertexMeanOfLargestShell(const Region& region) {
  const Ring* largest = &region.rings.front();
  for (const Ring& ring : region.rings) {
    if (TwiceSignedArea(ring) > TwiceSignedArea(*largest)) largest = &ring;
  }
  LatLng sum;
  for (const LatLng& p : *largest) {
    sum.lat += p.lat;
    sum.lng += p.lng;
  }
  return {sum.lat / largest->size(), sum.lng / largest->size()};
}

// Reads a GeoJSON FeatureCollection of (Multi)Polygons with `code` and `name` properties. False
// with a message on any problem.
bool ReadBoundaryFile(const std::string& path, RegionLevel level, BoundaryFile* file,
                      std::vector<Region>* regions, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot open " + path;
    return false;
  }
  json collection = json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!collection.is_object() || !collection.contains("features") ||
      !collection["features"].is_array()) {
    *error = path + " is not a GeoJSON FeatureCollection";
    return false;
  }
  file->level = level;
  file->features = std::move(collection["features"]);
  for (const json& feature : file->features) {
    Region region;
    region.level = level;
    region.code =
        static_cast<uint32_t>(std::stoul(feature["properties"]["code"].get<std::string>()));
    region.name = feature["properties"]["name"].get<std::string>();
    const json& geometry = feature["geometry"];
    const std::string type = geometry["type"].get<std::string>();
    std::vector<const json*> polygons;
    if (type == "Polygon") polygons.push_back(&geometry["coordinates"]);
    if (type == "MultiPolygon") {
      for (const json& polygon : geometry["coordinates"]) polygons.push_back(&polygon);
    }
    for (const json* polygon : polygons) {
      for (size_t i = 0; i < polygon->size(); ++i) {
        if (Ring ring = ToRing((*polygon)[i], /*shell=*/i == 0); !ring.empty()) {
          region.rings.push_back(std::move(ring));
        }
      }
    }
    if (region.rings.empty()) {
      *error = path + ": region " + std::to_string(region.code) + " has no polygon";
      return false;
    }
    region.label = VertexMeanOfLargestShell(region);
    regions->push_back(std::move(region));
  }
  return true;
}

// Sorts by level then code and fills parent codes and full names ("전라북도 전주시완산구 중앙동").
void LinkRegions(std::vector<Region>& regions) {
  std::sort(regions.begin(), regions.end(), [](const Region& a, const Region& b) {
    return a.level != b.level ? a.level < b.level : a.code < b.code;
  });
  std::unordered_map<uint32_t, size_t> index_of_code;
  for (size_t i = 0; i < regions.size(); ++i) index_of_code[regions[i].code] = i;
  for (Region& region : regions) {  // parents come first, so their full names are complete
    region.parent_code = ParentCode(region);
    const auto parent = index_of_code.find(region.parent_code);
    region.full_name = parent == index_of_code.end()
                           ? region.name
                           : regions[parent->second].full_name + " " + region.name;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Facilities
// ---------------------------------------------------------------------------------------------------------

double Round6(double degrees) {
  return std::round(degrees * 1e6) / 1e6;
}

// Where points gather: one per 읍면동.
struct Centre {
  const Region* emd;
  LatLng at;
  double sigma_lat, sigma_lng;  // degrees
};

std::vector<Centre> CentresOf(const std::vector<Region>& regions) {
  std::vector<Centre> centres;
  for (const Region& region : regions) {
    if (region.level != RegionLevel::kEmd) continue;
    double lat_lo = 90, lat_hi = -90, lng_lo = 180, lng_hi = -180;
    for (const Ring& ring : region.rings) {
      for (const LatLng& p : ring) {
        lat_lo = std::min(lat_lo, p.lat), lat_hi = std::max(lat_hi, p.lat);
        lng_lo = std::min(lng_lo, p.lng), lng_hi = std::max(lng_hi, p.lng);
      }
    }
    centres.push_back(
        {&region, VertexMeanOfLargestShell(region), (lat_hi - lat_lo) / 4, (lng_hi - lng_lo) / 4});
  }
  return centres;
}

std::vector<Facility> MakeFacilities(const std::vector<Centre>& centres, int count,
                                     Random& random) {
  constexpr int kTargetBitCount = 17;  // model.h's TargetGroup bits 0..16
  std::vector<Facility> facilities;
  facilities.reserve(count);
  for (int i = 0; i < count; ++i) {
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
    f.position = {Round6(centre.at.lat + centre.sigma_lat * random.Normal()),
                  Round6(centre.at.lng + centre.sigma_lng * random.Normal())};
    f.s2_cell = bokji::LeafCellId(f.position);
    f.source = 0;
    f.verified = kBuiltDate;
    facilities.push_back(std::move(f));
  }
  return facilities;
}

// ---------------------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------------------

bool WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) std::cerr << "cannot write " << path << "\n";
  return static_cast<bool>(out);
}

// One feature per line, so the file stays readable with head/grep.
std::string PointsGeoJson(const std::vector<Facility>& facilities) {
  std::string text =
      "{\"type\":\"FeatureCollection\",\"name\":" + json(kTitle).dump() + ",\"features\":[\n";
  for (size_t i = 0; i < facilities.size(); ++i) {
    const Facility& f = facilities[i];
    const json feature = {
        {"type", "Feature"},
        {"geometry", {{"type", "Point"}, {"coordinates", {f.position.lng, f.position.lat}}}},
        {"properties",
         {{"name", f.name},
          {"category", static_cast<int>(f.category)},
          {"targets", f.targets},
          {"address", f.road_address},
          {"sigungu", f.sigungu_code},
          {"emd", f.emd_code}}}};
    text += feature.dump();
    text += i + 1 < facilities.size() ? ",\n" : "\n";
  }
  text += "]}\n";
  return text;
}

std::string BoundariesGeoJson(const std::vector<BoundaryFile>& files) {
  std::string text =
      "{\"type\":\"FeatureCollection\",\"name\":\"통계청 센서스 경계 2018 "
      "(전북)\",\"features\":[\n";
  bool first = true;
  for (const BoundaryFile& file : files) {
    for (const json& feature : file.features) {
      const json out = {{"type", "Feature"},
                        {"properties",
                         {{"code", feature["properties"]["code"]},
                          {"name", feature["properties"]["name"]},
                          {"level", static_cast<int>(file.level)}}},
                        {"geometry", feature["geometry"]}};
      text += first ? "" : ",\n";
      text += out.dump();
      first = false;
    }
  }
  text += "\n]}\n";
  return text;
}

void Usage() {
  std::cerr << "usage: make_synthetic --boundaries DIR --out DIR [--count N (100000)] [--seed S "
               "(20250101)]\n"
               "  DIR of --boundaries holds "
               "jeonbuk-{provinces,municipalities,submunicipalities}-2018-geo.json\n";
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------
// main
// ---------------------------------------------------------------------------------------------------------

int main(int argc, char** argv) {
  std::string boundaries_dir, out_dir;
  long count = 100000;
  unsigned long long seed = 20250101;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) {
      Usage();
      return 2;
    }
    const std::string value = argv[++i];
    if (arg == "--boundaries") {
      boundaries_dir = value;
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
  if (boundaries_dir.empty() || out_dir.empty() || count < 1 || count > 10'000'000) {
    Usage();
    return 2;
  }

  const struct {
    const char* name;
    RegionLevel level;
  } kFiles[] = {{"jeonbuk-provinces-2018-geo.json", RegionLevel::kProvince},
                {"jeonbuk-municipalities-2018-geo.json", RegionLevel::kSigungu},
                {"jeonbuk-submunicipalities-2018-geo.json", RegionLevel::kEmd}};
  Dataset data;
  std::vector<BoundaryFile> files(std::size(kFiles));
  for (size_t i = 0; i < std::size(kFiles); ++i) {
    std::string error;
    if (!ReadBoundaryFile(boundaries_dir + "/" + kFiles[i].name, kFiles[i].level, &files[i],
                          &data.regions, &error)) {
      std::cerr << error << "\n";
      return 1;
    }
  }
  LinkRegions(data.regions);
  const std::vector<Centre> centres = CentresOf(data.regions);
  if (centres.empty()) {
    std::cerr << "no 읍면동 regions in " << boundaries_dir << "\n";
    return 1;
  }

  data.title = kTitle;
  data.built = kBuiltDate;
  data.sources.push_back({kTitle,
                          "bench/browser/make_synthetic (seed " + std::to_string(seed) + ")",
                          "합성 데이터 — 실제 시설이 아님 (not real facilities)", kBuiltDate});
  Random random(seed);
  data.facilities = MakeFacilities(centres, static_cast<int>(count), random);

  const std::string stem = out_dir + "/synthetic-" + std::to_string(count);
  const std::vector<uint8_t> bundle = bokji::WriteBundle(data);
  // The app will load it: fail here, not in the browser, if the reader disagrees with the writer.
  const bokji::Result<Dataset> reloaded = bokji::LoadBundle(bundle.data(), bundle.size());
  if (!reloaded.ok() || reloaded.value().facilities.size() != data.facilities.size() ||
      reloaded.value().regions.size() != data.regions.size()) {
    std::cerr << "the written bundle does not load back: " << reloaded.status().message() << "\n";
    return 1;
  }
  const std::string points = PointsGeoJson(data.facilities);
  const std::string boundaries = BoundariesGeoJson(files);
  if (!WriteFile(stem + ".bundle", std::string(bundle.begin(), bundle.end())) ||
      !WriteFile(stem + ".geojson", points) ||
      !WriteFile(out_dir + "/boundaries.geojson", boundaries)) {
    return 1;
  }
  std::printf("synthetic data (seed %llu): %zu facilities around %zu 읍면동 centres, %zu regions\n",
              seed, data.facilities.size(), centres.size(), data.regions.size());
  std::printf(
      "  %s.bundle   %zu bytes\n  %s.geojson  %zu bytes\n  %s/boundaries.geojson  %zu bytes\n",
      stem.c_str(), bundle.size(), stem.c_str(), points.size(), out_dir.c_str(), boundaries.size());
  return 0;
}
