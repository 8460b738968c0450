#include "core/program_list.h"

#include <algorithm>
#include <map>

#include "core/programs.h"

namespace bokji {
namespace {

// Closest to home first: 시군, then 도, national, private.
int LevelOrder(ProgramLevel level) {
  switch (level) {
    case ProgramLevel::kCity:
      return 0;
    case ProgramLevel::kProvince:
      return 1;
    case ProgramLevel::kCentral:
      return 2;
    case ProgramLevel::kPrivate:
      return 3;
  }
  return 4;
}

// The rule, with the stage's "unstated" choice given apart (ListPrograms counts both ways).
bool Listed(const Program& p, const ProgramFilter& filter, bool include_unstated_stage) {
  if (filter.stage != 0) {
    if (p.life_stages == 0 ? !include_unstated_stage : (p.life_stages & filter.stage) == 0)
      return false;
  }
  if (!filter.theme.empty() &&
      std::find(p.themes.begin(), p.themes.end(), filter.theme) == p.themes.end())
    return false;
  if (filter.target != 0 && (p.targets & filter.target) == 0) return false;
  if (filter.region == ProgramFilter::kCommonOnly && p.level == ProgramLevel::kCity) return false;
  if (filter.region > 0 && p.level == ProgramLevel::kCity &&
      CityCodeOf(p.sigungu_code) != static_cast<uint32_t>(filter.region))
    return false;
  return true;
}

std::vector<uint32_t> ListIds(const std::vector<Program>& programs, const TextSearch& search,
                              const ProgramFilter& filter, std::string_view query,
                              bool include_unstated) {
  std::vector<uint32_t> ids;
  if (query.empty()) {
    for (uint32_t id = 0; id < programs.size(); ++id)
      if (Listed(programs[id], filter, include_unstated)) ids.push_back(id);
    std::stable_sort(ids.begin(), ids.end(), [&](uint32_t a, uint32_t b) {
      return LevelOrder(programs[a].level) < LevelOrder(programs[b].level);
    });
    return ids;
  }
  for (const TextSearch::Hit& hit : search.Search(query, programs.size(), [&](uint32_t id) {
         return id < programs.size() && Listed(programs[id], filter, include_unstated);
       }))
    ids.push_back(hit.id);
  return ids;
}

}  // namespace

bool ProgramListed(const Program& program, const ProgramFilter& filter) {
  return Listed(program, filter, filter.include_unstated_stage);
}

ProgramList ListPrograms(const std::vector<Program>& programs, const TextSearch& search,
                         const ProgramFilter& filter, std::string_view query) {
  ProgramList list;
  list.ids = ListIds(programs, search, filter, query, filter.include_unstated_stage);
  if (filter.stage != 0 && !filter.include_unstated_stage)
    list.unstated_stage_count =
        static_cast<int>(ListIds(programs, search, filter, query, true).size() - list.ids.size());
  return list;
}

std::vector<City> CitiesOf(const Dataset& data) {
  std::vector<City> cities;
  for (const Region& region : data.regions) {
    if (region.level != RegionLevel::kSigungu) continue;
    const uint32_t city = CityCodeOf(region.code);
    if (std::any_of(cities.begin(), cities.end(), [&](const City& c) { return c.code == city; }))
      continue;
    std::string name = region.name;
    if (city != region.code) {
      const std::string si = "시";
      const size_t at = name.find(si);
      if (at != std::string::npos) name = name.substr(0, at + si.size());
      for (const Program& p : data.programs)
        if (p.level == ProgramLevel::kCity && p.sigungu_code == city && !p.region_name.empty()) {
          name = p.region_name;
          break;
        }
    }
    cities.push_back(City{city, name});
  }
  std::sort(cities.begin(), cities.end(),
            [](const City& a, const City& b) { return a.code < b.code; });
  return cities;
}

std::vector<std::string> ThemesByCount(const std::vector<Program>& programs) {
  std::map<std::string, int> counts;
  for (const Program& p : programs)
    for (const std::string& t : p.themes) ++counts[t];
  std::vector<std::string> themes;
  for (const auto& [name, count] : counts) themes.push_back(name);
  std::stable_sort(themes.begin(), themes.end(), [&](const std::string& a, const std::string& b) {
    return counts[a] > counts[b];
  });
  return themes;
}

}  // namespace bokji
