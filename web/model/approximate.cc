#include "web/model/approximate.h"

#include <array>

namespace bokji::web {

bool PassesApproximate(const Catalog& catalog, const FacilityFilters& filters, uint32_t index) {
  if (filters.open_now) return false;
  const Facility& f = catalog.approximate[index];
  const IndexedPoint point{f.position, f.category, f.targets, f.sigungu_code, f.emd_code};
  return filters.index.Accepts(point);
}

int AreaAt(const Catalog& catalog, uint32_t index, bool emd_level) {
  return emd_level ? catalog.approximate_area[index] : catalog.approximate_sigungu[index];
}

std::vector<AreaCount> CountByArea(const Catalog& catalog, const FacilityFilters& filters,
                                   bool emd_level) {
  // Counts by region and category in one flat table, then one row per area that has any.
  const size_t regions = catalog.data.regions.size();
  std::vector<std::array<int, kFacilityCategoryCount>> counts(regions);
  std::vector<int> totals(regions, 0);
  for (uint32_t i = 0; i < catalog.approximate.size(); ++i) {
    const int region = AreaAt(catalog, i, emd_level);
    if (region < 0 || !PassesApproximate(catalog, filters, i)) continue;
    const auto category = static_cast<size_t>(catalog.approximate[i].category);
    if (category < kFacilityCategoryCount) ++counts[region][category];
    ++totals[region];
  }
  std::vector<AreaCount> areas;
  for (size_t r = 0; r < regions; ++r) {
    if (totals[r] == 0) continue;
    AreaCount area;
    area.region = static_cast<uint32_t>(r);
    area.total = totals[r];
    for (int c = 0; c < kFacilityCategoryCount; ++c)
      if (counts[r][c] > area.top_count) {
        area.top_count = counts[r][c];
        area.top = static_cast<FacilityCategory>(c);
      }
    areas.push_back(area);
  }
  return areas;
}

Date FactsDate(const Dataset& data, const Facility& f) {
  if (f.verified != 0) return f.verified;
  return f.source < data.sources.size() ? data.sources[f.source].data_date : 0;
}

bool OlderThanYears(Date date, Date today, int years) {
  if (date == 0 || today == 0) return false;
  Date last_day = date;
  if (last_day % 10000 == 0)
    last_day += 1231;  // the year only: its last day
  else if (last_day % 100 == 0)
    last_day += 31;  // the month only: at most its 31st
  return last_day + static_cast<Date>(years) * 10000 < today;
}

}  // namespace bokji::web
