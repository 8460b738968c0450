#include "core/catalog.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <utility>

#include "core/geo.h"

namespace bokji {

Catalog Catalog::Build(Dataset data) {
  Catalog c;
  // Facilities placed by address only (their position is their area's label point, not theirs)
  // must never be drawn or listed as points: they leave data.facilities for `approximate`, so the
  // index, the clusters, the search and every id the app hands around cover exact positions only.
  auto approximate =
      std::stable_partition(data.facilities.begin(), data.facilities.end(),
                            [](const Facility& f) { return !IsApproximate(f.position_quality); });
  c.approximate.assign(std::make_move_iterator(approximate),
                       std::make_move_iterator(data.facilities.end()));
  data.facilities.erase(approximate, data.facilities.end());
  c.data = std::move(data);
  const Dataset& d = c.data;

  c.facility_index = FacilityIndex(d.facilities);
  c.clusters = MarkerClusters(d.facilities);
  for (const Facility& f : d.facilities) {
    c.hours.push_back(ParseOpeningHours(f.hours));
    if (c.hours.back()) ++c.hours_known;
    const auto category = static_cast<size_t>(f.category);
    if (category < c.category_counts.size()) ++c.category_counts[category];
    c.facility_targets |= f.targets;
    c.facility_search.Add(f.name, f.road_address.empty() ? f.lot_address : f.road_address);
  }

  for (const Region& r : d.regions) {
    c.region_search.Add(r.name, r.full_name);
    c.label_points.push_back(LabelPointOf(r));
  }
  std::unordered_map<uint32_t, int> region_by_code;
  for (size_t i = 0; i < d.regions.size(); ++i)
    region_by_code.emplace(d.regions[i].code, static_cast<int>(i));
  auto region_of = [&](uint32_t code) {
    const auto found = region_by_code.find(code);
    return code != 0 && found != region_by_code.end() ? found->second : -1;
  };
  for (const Facility& f : c.approximate) {
    const uint32_t sigungu = f.sigungu_code != 0 ? f.sigungu_code : f.emd_code / 100;
    c.approximate_sigungu.push_back(region_of(sigungu));
    const int emd = f.position_quality == PositionQuality::kApproxEmd ? region_of(f.emd_code) : -1;
    c.approximate_area.push_back(emd >= 0 ? emd : c.approximate_sigungu.back());
    const auto category = static_cast<size_t>(f.category);
    if (category < c.approximate_category_counts.size()) ++c.approximate_category_counts[category];
    c.facility_targets |= f.targets;
    c.approximate_search.Add(f.name, f.road_address.empty() ? f.lot_address : f.road_address);
  }
  // The main extent: rings of at least 1% of the largest ring's area, so far-off islets do not
  // shrink the start screen's province.
  auto area = [](const Ring& ring) {
    double twice = 0;
    for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
      twice += (ring[j].lng - ring[i].lng) * (ring[j].lat + ring[i].lat);
    return std::fabs(twice) / 2;
  };
  double largest = 0;
  for (const Region& r : d.regions)
    for (const Ring& ring : r.rings) largest = std::max(largest, area(ring));
  for (const Region& r : d.regions)
    for (const Ring& ring : r.rings) {
      LatLng lo, hi;
      if (area(ring) < largest * 0.01 || !BoundingBox({ring}, &lo, &hi)) continue;
      if (!c.has_bounds) c.south_west = lo, c.north_east = hi;
      c.south_west = LatLng{std::min(c.south_west.lat, lo.lat), std::min(c.south_west.lng, lo.lng)};
      c.north_east = LatLng{std::max(c.north_east.lat, hi.lat), std::max(c.north_east.lng, hi.lng)};
      c.has_bounds = true;
    }
  if (!c.has_bounds && !d.facilities.empty()) {
    c.has_bounds = true;
    c.south_west = c.north_east = d.facilities.front().position;
    for (const Facility& f : d.facilities) {
      c.south_west = LatLng{std::min(c.south_west.lat, f.position.lat),
                            std::min(c.south_west.lng, f.position.lng)};
      c.north_east = LatLng{std::max(c.north_east.lat, f.position.lat),
                            std::max(c.north_east.lng, f.position.lng)};
    }
  }

  for (const Program& p : d.programs) {
    std::string secondary = p.provider + " " + p.region_name;
    for (const std::string& theme : p.themes) secondary += " " + theme;
    secondary += " " + p.summary;
    c.program_search.Add(p.name, secondary);
    c.program_targets |= p.targets;
  }
  c.program_tags = DeriveAllProgramTags(d.programs);
  c.cities = CitiesOf(d);
  c.themes = ThemesByCount(d.programs);
  return c;
}

int Catalog::FacilityByKey(std::string_view source_key) const {
  for (size_t i = 0; i < data.facilities.size() && !source_key.empty(); ++i)
    if (data.facilities[i].source_key == source_key) return static_cast<int>(i);
  return -1;
}

int Catalog::ApproximateByKey(std::string_view source_key) const {
  for (size_t i = 0; i < approximate.size() && !source_key.empty(); ++i)
    if (approximate[i].source_key == source_key) return static_cast<int>(i);
  return -1;
}

int Catalog::ProgramByServiceId(std::string_view service_id) const {
  for (size_t i = 0; i < data.programs.size() && !service_id.empty(); ++i)
    if (data.programs[i].service_id == service_id) return static_cast<int>(i);
  return -1;
}

int Catalog::RegionByCode(uint32_t code) const {
  for (size_t i = 0; i < data.regions.size() && code != 0; ++i)
    if (data.regions[i].code == code) return static_cast<int>(i);
  return -1;
}

const char* Catalog::CityName(uint32_t code) const {
  for (const City& city : cities)
    if (city.code == code) return city.name.c_str();
  return nullptr;
}

}  // namespace bokji
