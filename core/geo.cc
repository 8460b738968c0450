#include "core/geo.h"

#include <algorithm>
#include <cmath>

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

}  // namespace bokji
