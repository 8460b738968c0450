// Geometry shared by the spatial indexes, the importer and the app: the distance between two
// points, the leaf S2 cell of a point, and where a region's name is drawn. Everything here works on
// WGS84 degrees (bokji::LatLng); distances treat the earth as a sphere.
//
// clang-format off
//   double metres = bokji::DistanceMeters({35.8242, 127.1480}, {35.8118, 127.0926});
//   uint64_t cell = bokji::LeafCellId(facility.position);  // Facility::s2_cell
//   LatLng label = bokji::LabelPointOf(region);            // the bundle's label, or InteriorPoint
// clang-format on
#pragma once

#include <cstdint>
#include <vector>

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

// A point inside `rings` (even-odd rule, model.h), for drawing a region's name: on the east-west
// line through the middle of the largest ring's latitude span, the middle of the widest stretch
// that lies inside. Unlike the mean of the vertices it is inside a U-shaped or holed region. The
// first vertex of the first ring when no stretch is found (a degenerate ring); {0, 0} when there
// are no vertices. Planar in degrees, as the boundaries are drawn; O(vertices).
LatLng InteriorPoint(const std::vector<Ring>& rings);

// The smallest latitude/longitude box holding every vertex of `rings`; false (boxes untouched)
// when there is none.
bool BoundingBox(const std::vector<Ring>& rings, LatLng* south_west, LatLng* north_east);

// Where a region's name goes: its Region::label, or InteriorPoint(region.rings) when the bundle
// has none ({0, 0}). The importer stores GEOS's point on surface and falls back to InteriorPoint
// too, so the app and the importer follow one rule.
LatLng LabelPointOf(const Region& region);

}  // namespace bokji
