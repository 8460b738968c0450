#include "web/model/finding.h"

#include <algorithm>
#include <utility>

#include "core/geo.h"
#include "web/model/approximate.h"

namespace bokji::web {

OpenState OpenStateOf(const Catalog& catalog, WeekTime now, uint32_t facility) {
  const std::optional<WeeklyHours>& hours = catalog.hours[facility];
  return hours ? hours->StateAt(now) : OpenState::kUnknown;
}

bool Passes(const Catalog& catalog, const FacilityFilters& filters, WeekTime now,
            uint32_t facility) {
  const Facility& f = catalog.data.facilities[facility];
  const IndexedPoint point{f.position, f.category, f.targets, f.sigungu_code, f.emd_code};
  if (!filters.index.Accepts(point)) return false;
  return !filters.open_now || OpenStateOf(catalog, now, facility) == OpenState::kOpen;
}

bool ResultsList::operator==(const ResultsList& o) const {
  if (total != o.total || rows.size() != o.rows.size()) return false;
  for (size_t i = 0; i < rows.size(); ++i)
    if (rows[i].id != o.rows[i].id || rows[i].distance_m != o.rows[i].distance_m) return false;
  return approximate == o.approximate && approximate_total == o.approximate_total;
}

namespace {

// The facilities placed by address passing the filters whose area (at the finest level known)
// `keep` accepts by its label point, nearest `centre` first.
template <typename Keep>
void ListApproximate(const Catalog& catalog, const FacilityFilters& filters, LatLng centre,
                     size_t max_rows, Keep&& keep, ResultsList* list) {
  std::vector<std::pair<double, uint32_t>> found;
  for (uint32_t i = 0; i < catalog.approximate.size(); ++i) {
    const int area = AreaAt(catalog, i, /*emd_level=*/true);
    if (area < 0 || !keep(catalog.label_points[area])) continue;
    if (!PassesApproximate(catalog, filters, i)) continue;
    found.emplace_back(DistanceMeters(centre, catalog.label_points[area]), i);
  }
  list->approximate_total = static_cast<int>(found.size());
  const size_t shown = std::min(found.size(), max_rows);
  std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(shown), found.end());
  for (size_t i = 0; i < shown; ++i) list->approximate.push_back(found[i].second);
}

}  // namespace

ResultsList ListNearest(const Catalog& catalog, const FacilityFilters& filters, WeekTime now,
                        LatLng place, size_t max_rows) {
  ResultsList list;
  // "Open now" is not an index filter: ask for every facility and keep the open ones.
  const size_t ask = filters.open_now ? catalog.data.facilities.size() : max_rows;
  std::vector<Neighbor> nearest;
  catalog.facility_index.Nearest(place, ask, filters.index, &nearest);
  for (const Neighbor& n : nearest) {
    if (filters.open_now && OpenStateOf(catalog, now, n.id) != OpenState::kOpen) continue;
    if (list.rows.size() < max_rows) list.rows.push_back(n);
    ++list.total;
  }
  // Nearest() stops at `ask`: without "open now" the total is every facility the filters pass.
  if (!filters.open_now) {
    list.total = 0;
    for (uint32_t id = 0; id < catalog.data.facilities.size(); ++id)
      list.total += Passes(catalog, filters, now, id);
  }
  ListApproximate(
      catalog, filters, place, max_rows,
      [&](LatLng at) { return DistanceMeters(place, at) <= kApproximateNearMetres; }, &list);
  return list;
}

ResultsList ListInView(const Catalog& catalog, const FacilityFilters& filters, WeekTime now,
                       const MapView& view, size_t max_rows) {
  LatLng south_west, north_east;
  view.VisibleBounds(0, &south_west, &north_east);
  const LatLng centre = FromMercator(view.center());
  std::vector<Neighbor> in_view;
  catalog.facility_index.VisitInRect(south_west, north_east, filters.index, [&](uint32_t id) {
    if (filters.open_now && OpenStateOf(catalog, now, id) != OpenState::kOpen) return;
    in_view.push_back(Neighbor{id, DistanceMeters(centre, catalog.data.facilities[id].position)});
  });
  ResultsList list;
  list.total = static_cast<int>(in_view.size());
  const size_t keep = std::min(in_view.size(), max_rows);
  auto closer = [](const Neighbor& a, const Neighbor& b) {
    return a.distance_m != b.distance_m ? a.distance_m < b.distance_m : a.id < b.id;
  };
  std::partial_sort(in_view.begin(), in_view.begin() + static_cast<std::ptrdiff_t>(keep),
                    in_view.end(), closer);
  in_view.resize(keep);
  list.rows = std::move(in_view);
  ListApproximate(
      catalog, filters, centre, max_rows,
      [&](LatLng at) {
        return at.lat >= south_west.lat && at.lat <= north_east.lat && at.lng >= south_west.lng &&
               at.lng <= north_east.lng;
      },
      &list);
  return list;
}

}  // namespace bokji::web
