// Great-circle geometry shared by the spatial indexes: the distance between two points and the leaf
// S2 cell of a point. Everything here works on WGS84 degrees (bokji::LatLng) treated as a sphere.
//
//   double metres = bokji::DistanceMeters({35.8242, 127.1480}, {35.8118, 127.0926});
//   uint64_t cell = bokji::LeafCellId(facility.position);  // Facility::s2_cell
#pragma once

#include <cstdint>

#include "core/model.h"

namespace bokji {

// The radius of the sphere all distances are measured on: S2's S2Earth::RadiusMeters().
inline constexpr double kEarthRadiusMeters = 6371010.0;

// The great-circle distance between a and b in metres (the haversine formula). Symmetric and exact
// to rounding: DistanceMeters(a, b) == DistanceMeters(b, a) bit for bit, so indexes and their tests
// agree on which points lie within a radius.
double DistanceMeters(LatLng a, LatLng b);

// The id of the leaf (level 30, ~1 cm) S2 cell that contains p:
// S2CellId(S2LatLng::FromDegrees(...)).id().
uint64_t LeafCellId(LatLng p);

}  // namespace bokji
