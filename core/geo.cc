#include "core/geo.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "s2/s2cell_id.h"
#include "s2/s2latlng.h"

namespace bokji {

double DistanceMeters(LatLng a, LatLng b) {
  constexpr double kRadiansPerDegree = M_PI / 180;
  const double lat_a = a.lat * kRadiansPerDegree;
  const double lat_b = b.lat * kRadiansPerDegree;
  const double sin_half_dlat = std::sin((lat_b - lat_a) / 2);
  const double sin_half_dlng = std::sin((b.lng - a.lng) * kRadiansPerDegree / 2);
  // haversine(angle) = sin²(Δlat/2) + cos(lat_a)·cos(lat_b)·sin²(Δlng/2); angle =
  // 2·asin(√haversine).
  const double haversine = sin_half_dlat * sin_half_dlat +
                           std::cos(lat_a) * std::cos(lat_b) * sin_half_dlng * sin_half_dlng;
  return 2 * std::asin(std::sqrt(std::min(1.0, haversine))) * kEarthRadiusMeters;
}

uint64_t LeafCellId(LatLng p) {
  return S2CellId(S2LatLng::FromDegrees(p.lat, p.lng)).id();
}

LatLng InteriorPoint(const std::vector<Ring>& rings) {
  // The largest ring by area (shoelace formula in degrees).
  const Ring* largest = nullptr;
  double largest_area = -1;
  for (const Ring& ring : rings) {
    double twice_area = 0;
    for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
      twice_area += ring[j].lng * ring[i].lat - ring[i].lng * ring[j].lat;
    if (!ring.empty() && std::fabs(twice_area) > largest_area) {
      largest_area = std::fabs(twice_area);
      largest = &ring;
    }
  }
  if (largest == nullptr) return LatLng{};
  double south = largest->front().lat, north = south;
  for (const LatLng& p : *largest) {
    south = std::min(south, p.lat);
    north = std::max(north, p.lat);
  }
  const double y = (south + north) / 2;
  // Where every ring's edges cross the line; a vertex exactly on it counts for the edge above it
  // (half-open), so each crossing is counted once. Between crossings 0-1, 2-3, … lies the inside.
  std::vector<double> crossings;
  for (const Ring& ring : rings) {
    for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
      const LatLng& a = ring[j];
      const LatLng& b = ring[i];
      if ((a.lat > y) != (b.lat > y))
        crossings.push_back(a.lng + (y - a.lat) * (b.lng - a.lng) / (b.lat - a.lat));
    }
  }
  std::sort(crossings.begin(), crossings.end());
  double best_width = 0, best_lng = 0;
  for (size_t i = 0; i + 1 < crossings.size(); i += 2) {
    if (crossings[i + 1] - crossings[i] > best_width) {
      best_width = crossings[i + 1] - crossings[i];
      best_lng = (crossings[i] + crossings[i + 1]) / 2;
    }
  }
  if (best_width <= 0) return rings.front().empty() ? largest->front() : rings.front().front();
  return LatLng{y, best_lng};
}

bool BoundingBox(const std::vector<Ring>& rings, LatLng* south_west, LatLng* north_east) {
  LatLng lo{90, 180}, hi{-90, -180};
  for (const Ring& ring : rings)
    for (const LatLng& p : ring) {
      lo = LatLng{std::min(lo.lat, p.lat), std::min(lo.lng, p.lng)};
      hi = LatLng{std::max(hi.lat, p.lat), std::max(hi.lng, p.lng)};
    }
  if (lo.lat > hi.lat) return false;
  *south_west = lo;
  *north_east = hi;
  return true;
}

LatLng LabelPointOf(const Region& region) {
  if (region.label.lat != 0 || region.label.lng != 0) return region.label;
  return InteriorPoint(region.rings);
}

}  // namespace bokji
