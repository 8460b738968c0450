// Finding facilities: the filter rule (the index's filters plus "open now") and the results list
// beside the map: the facilities nearest a place, or, without a place, those the map shows nearest
// its middle.
//
// clang-format off
//   const Now now = NowAt(clock());
//   if (Passes(catalog, state.filters, now.week, id)) ...              // markers, the list, cards
//   ResultsList list = ListNearest(catalog, state.filters, now.week, place.at, kMaxListed);
//   ResultsList view = ListInView(catalog, state.filters, now.week, state.map, kMaxListed);
// clang-format on
#pragma once

#include <cstddef>
#include <vector>

#include "core/catalog.h"
#include "core/facility_index.h"
#include "core/opening_hours.h"
#include "web/model/app_state.h"
#include "web/model/map_view.h"

namespace bokji::web {

// The list shows this many facilities at most, closest first; its title counts them all.
inline constexpr size_t kMaxListed = 50;
// From a place, the facilities placed by address whose area's label point is this close are listed.
inline constexpr double kApproximateNearMetres = 5000;

// Open, closed or unknown at `now`: unknown unless the facility's hours were understood.
OpenState OpenStateOf(const Catalog& catalog, WeekTime now, uint32_t facility);

// Every filter, "open now" included: unknown hours are not a yes.
bool Passes(const Catalog& catalog, const FacilityFilters& filters, WeekTime now,
            uint32_t facility);

struct ResultsList {
  std::vector<Neighbor> rows;  // closest first (ties by id), at most the cap asked for
  int total = 0;               // every facility that qualifies, before the cap
  // Facilities placed by address only (indexes into catalog.approximate) passing the filters whose
  // area's label point is in view (or, from a place, within kApproximateNearMetres of it): their
  // area's point nearest first (ties by index), at most the cap. Listed apart, without a distance.
  std::vector<uint32_t> approximate;
  int approximate_total = 0;
  bool operator==(const ResultsList& o) const;
};

// The facilities passing the filters nearest `place`, wherever the map is.
ResultsList ListNearest(const Catalog& catalog, const FacilityFilters& filters, WeekTime now,
                        LatLng place, size_t max_rows);
// The facilities passing the filters inside the view, nearest its middle first.
ResultsList ListInView(const Catalog& catalog, const FacilityFilters& filters, WeekTime now,
                       const MapView& view, size_t max_rows);

}  // namespace bokji::web
