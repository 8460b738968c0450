#include "core/catalog.h"

#include <utility>

#include "core/geo.h"

namespace bokji {

Catalog Catalog::Build(Dataset data) {
  Catalog c;
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
