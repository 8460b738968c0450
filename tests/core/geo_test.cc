// core/geo.h's label rule: InteriorPoint lies inside the rings (checked by an even-odd test written
// here) for shapes whose vertex mean is outside, and for every real 2018 Jeonbuk boundary;
// LabelPointOf keeps a bundle's label and falls back to InteriorPoint.
#include "core/geo.h"

#include <gtest/gtest.h>

#include <vector>

#include "tests/core/test_regions.h"

namespace bokji {
namespace {

// Even-odd point in polygon over all rings, planar in degrees (the reference).
bool Inside(const std::vector<Ring>& rings, LatLng p) {
  bool inside = false;
  for (const Ring& ring : rings) {
    for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
      const LatLng& a = ring[i];
      const LatLng& b = ring[j];
      if ((a.lat > p.lat) != (b.lat > p.lat) &&
          p.lng < (b.lng - a.lng) * (p.lat - a.lat) / (b.lat - a.lat) + a.lng)
        inside = !inside;
    }
  }
  return inside;
}

LatLng VertexMean(const Ring& ring) {
  LatLng mean;
  for (const LatLng& p : ring) {
    mean.lat += p.lat / ring.size();
    mean.lng += p.lng / ring.size();
  }
  return mean;
}

TEST(InteriorPoint, InsideAUShapeWhoseVertexMeanIsOutside) {
  // A U open to the north: two prongs joined by a base along the south.
  const Ring u = {{0, 0}, {0, 3}, {3, 3}, {3, 2}, {1, 2}, {1, 1}, {3, 1}, {3, 0}};
  ASSERT_FALSE(Inside({u}, VertexMean(u)));  // the old rule's point
  EXPECT_TRUE(Inside({u}, InteriorPoint({u})));
}

TEST(InteriorPoint, InsideASquareWithAHoleInItsMiddle) {
  const Ring shell = {{0, 0}, {0, 4}, {4, 4}, {4, 0}};
  const Ring hole = {{1, 1}, {3, 1}, {3, 3}, {1, 3}};
  ASSERT_FALSE(Inside({shell, hole}, VertexMean(shell)));
  const LatLng p = InteriorPoint({shell, hole});
  EXPECT_TRUE(Inside({shell, hole}, p)) << p.lat << "," << p.lng;
}

TEST(InteriorPoint, DegenerateInput) {
  EXPECT_EQ(InteriorPoint({}).lat, 0);
  const Ring flat = {{1, 2}, {1, 3}, {1, 4}};  // no area: no stretch inside
  const LatLng p = InteriorPoint({flat});
  EXPECT_EQ(p.lat, 1);
  EXPECT_EQ(p.lng, 2);
}

TEST(InteriorPoint, InsideEveryRealBoundary) {
  const std::vector<Region> regions = testdata::LoadJeonbukRegions();
  ASSERT_EQ(regions.size(), 257u);
  int mean_outside = 0;
  for (const Region& r : regions) {
    const LatLng p = InteriorPoint(r.rings);
    EXPECT_TRUE(Inside(r.rings, p)) << r.code << " " << r.name << ": " << p.lat << "," << p.lng;
    for (const Ring& ring : r.rings) mean_outside += !Inside(r.rings, VertexMean(ring));
  }
  EXPECT_GT(mean_outside, 0);  // the real data has shapes where the mean would have failed
}

TEST(LabelPointOf, TheBundlesLabelOrElseTheInteriorPoint) {
  Region region;
  region.rings = {{{0, 0}, {0, 3}, {3, 3}, {3, 2}, {1, 2}, {1, 1}, {3, 1}, {3, 0}}};
  const LatLng fallback = LabelPointOf(region);
  EXPECT_EQ(fallback.lat, InteriorPoint(region.rings).lat);
  EXPECT_EQ(fallback.lng, InteriorPoint(region.rings).lng);
  region.label = {2.5, 0.5};
  EXPECT_EQ(LabelPointOf(region).lat, 2.5);
  EXPECT_EQ(LabelPointOf(region).lng, 0.5);
}

}  // namespace
}  // namespace bokji
