// Facilities placed by address only (Catalog::approximate): how the app shows them. Their position
// is their area's label point, not theirs, so the map shows them as counts on their area
// ("경로당 42곳 (주소 기준)") and the results list as rows without a distance ("주소 기준 위치");
// never as points.
//
// clang-format off
//   if (PassesApproximate(catalog, state.filters, i)) ...          // i: an index into catalog.approximate
//   for (const AreaCount& area : CountByArea(catalog, state.filters, /*emd_level=*/zoom >= 10.6))
//     DrawBadge(catalog.label_points[area.region], area.total, area.top);
//   Date from = FactsDate(catalog.data, f);                        // what "기준일" a card names
// clang-format on
#pragma once

#include <cstdint>
#include <vector>

#include "core/catalog.h"
#include "web/model/app_state.h"

namespace bokji::web {

// Every facility filter: the legend's categories, the target group and the area on the facility's
// own codes. "Open now" passes none of them: their hours are not read (unknown is not a yes).
bool PassesApproximate(const Catalog& catalog, const FacilityFilters& filters, uint32_t index);

// The approximate facilities passing the filters in one area.
struct AreaCount {
  uint32_t region = 0;                              // index into catalog.data.regions
  int total = 0;                                    // > 0
  FacilityCategory top = FacilityCategory::kOther;  // their most common category (lowest on ties)
  int top_count = 0;
  bool operator==(const AreaCount&) const = default;
};

// The approximate facilities passing the filters, counted by area, in region order. `emd_level`
// false: every one at its 시군구. True: those placed at a 읍면동 at that 읍면동, the rest at their
// 시군구. Facilities whose area the boundaries lack are in no count.
std::vector<AreaCount> CountByArea(const Catalog& catalog, const FacilityFilters& filters,
                                   bool emd_level);

// The region a facility placed by address stands at on the map at this level (see CountByArea);
// -1 when the boundaries lack it.
int AreaAt(const Catalog& catalog, uint32_t index, bool emd_level);

// The date a facility's facts are from, as its card names it: when it was last verified, else its
// source's data date; 0 when neither is known.
Date FactsDate(const Dataset& data, const Facility& f);

// True when `date` lies more than `years` years before `today` (both yyyymmdd). A date known only
// to the month or year counts as its last day, so only what is surely old is called old; 0 (not
// known) is never old (the card says "not stated" instead).
bool OlderThanYears(Date date, Date today, int years);

}  // namespace bokji::web
