// FacilityIndex against brute force (DistanceMeters and FacilityFilter::Accepts over every point)
// on random data: Korea-sized, whole-globe (poles, antimeridian, every S2 face) and clustered data
// with exact duplicates; sizes 0 to 20,000; radii from 0 m past the antipode; rectangles from 1e-5°
// to the whole globe, across the antimeridian and S2 face edges, with edges exactly on data points;
// k from 1 past n.
#include "core/facility_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

#include "core/geo.h"
#include "core/model.h"

namespace bokji {
namespace {

// -------------------------------------------------------------------------------------------------
// Random data
// -------------------------------------------------------------------------------------------------
enum class Layout { kKorea, kGlobe, kClusters };

const char* Name(Layout layout) {
  return layout == Layout::kKorea ? "korea" : layout == Layout::kGlobe ? "globe" : "clusters";
}

double Uniform(std::mt19937_64& rng, double lo, double hi) {
  return std::uniform_real_distribution<double>(lo, hi)(rng);
}

double LogUniform(std::mt19937_64& rng, double lo, double hi) {
  return std::exp(Uniform(rng, std::log(lo), std::log(hi)));
}

double WrapLng(double lng) {
  while (lng > 180) lng -= 360;
  while (lng < -180) lng += 360;
  return lng;
}

// Korea's bounding box; it crosses the edge between S2 faces 1 and 2 (near 38.6°N at 127°E).
LatLng RandomInKorea(std::mt19937_64& rng) {
  return {Uniform(rng, 33, 39.5), Uniform(rng, 124, 132)};
}

LatLng RandomOnSphere(std::mt19937_64& rng) {
  const double z = Uniform(rng, -1, 1);
  return {std::asin(z) * 180 / M_PI, Uniform(rng, -180, 180)};
}

// About `metres` from p in a random direction.
LatLng Offset(std::mt19937_64& rng, LatLng p, double metres) {
  const double bearing = Uniform(rng, 0, 2 * M_PI);
  const double degrees = metres / kEarthRadiusMeters * 180 / M_PI;
  const double lat = std::clamp(p.lat + degrees * std::cos(bearing), -90.0, 90.0);
  const double cos_lat = std::max(std::cos(lat * M_PI / 180), 1e-6);
  return {lat, WrapLng(p.lng + degrees * std::sin(bearing) / cos_lat)};
}

constexpr uint32_t kSigungus[] = {35011, 35012, 35020, 11010, 0};

IndexedPoint WithRandomAttributes(std::mt19937_64& rng, LatLng position) {
  IndexedPoint p;
  p.position = position;
  p.category = static_cast<FacilityCategory>(rng() % kFacilityCategoryCount);
  p.targets = (1u << (rng() % 17)) | (rng() % 3 == 0 ? 1u << (rng() % 17) : 0u);
  const uint32_t sigungu = kSigungus[rng() % 5];
  p.sigungu_code = rng() % 4 == 0 ? 0 : sigungu;  // sometimes only the 읍면동 is known
  p.emd_code = sigungu == 0 || rng() % 5 == 0 ? 0 : sigungu * 100 + 1 + rng() % 3;
  return p;
}

std::vector<IndexedPoint> MakePoints(std::mt19937_64& rng, size_t n, Layout layout) {
  std::vector<IndexedPoint> points;
  std::vector<LatLng> centres;
  for (int c = 0; c < 12; ++c) centres.push_back(RandomInKorea(rng));
  while (points.size() < n) {
    LatLng p;
    switch (layout) {
      case Layout::kKorea:
        p = RandomInKorea(rng);
        break;
      case Layout::kGlobe:
        p = RandomOnSphere(rng);
        if (rng() % 50 == 0) p.lat = rng() % 2 ? 90 : -90;    // the poles
        if (rng() % 50 == 0) p.lng = rng() % 2 ? 180 : -180;  // the antimeridian, both spellings
        break;
      case Layout::kClusters:
        if (!points.empty() && rng() % 8 == 0) {
          p = points[rng() % points.size()].position;  // an exact duplicate
        } else {
          p = Offset(rng, centres[rng() % centres.size()], LogUniform(rng, 0.01, 5000));
        }
        break;
    }
    points.push_back(WithRandomAttributes(rng, p));
  }
  return points;
}

FacilityFilter RandomFilter(std::mt19937_64& rng) {
  static constexpr uint32_t kRegionCodes[] = {35,    11,      35011,   35012,
                                              11010, 3501102, 1101001, 3502003};
  FacilityFilter filter;
  switch (rng() % 8) {
    case 3:
      filter.categories =
          CategoryBit(static_cast<FacilityCategory>(rng() % kFacilityCategoryCount));
      break;
    case 4:
      filter.categories = static_cast<CategorySet>(rng()) & kAllCategories;
      break;
    case 5:
      filter.any_target = 1u << (rng() % 17);
      break;
    case 6:
      filter.region_code = kRegionCodes[rng() % std::size(kRegionCodes)];
      break;
    case 7:
      filter.categories = static_cast<CategorySet>(rng()) & kAllCategories;
      filter.any_target = static_cast<TargetSet>(rng()) & ((1u << 17) - 1);
      filter.region_code = kRegionCodes[rng() % std::size(kRegionCodes)];
      break;
    default:
      break;  // no filter
  }
  return filter;
}

// -------------------------------------------------------------------------------------------------
// Brute force
// -------------------------------------------------------------------------------------------------
std::vector<uint32_t> BruteWithin(const std::vector<IndexedPoint>& points, LatLng center,
                                  double radius_m, const FacilityFilter& filter) {
  std::vector<uint32_t> ids;
  for (uint32_t id = 0; id < points.size(); ++id) {
    if (filter.Accepts(points[id]) && DistanceMeters(center, points[id].position) <= radius_m) {
      ids.push_back(id);
    }
  }
  return ids;
}

std::vector<uint32_t> BruteInRect(const std::vector<IndexedPoint>& points, LatLng lo, LatLng hi,
                                  const FacilityFilter& filter) {
  std::vector<uint32_t> ids;
  for (uint32_t id = 0; id < points.size(); ++id) {
    const LatLng p = points[id].position;
    const bool lng_inside =
        lo.lng <= hi.lng ? lo.lng <= p.lng && p.lng <= hi.lng : p.lng >= lo.lng || p.lng <= hi.lng;
    if (filter.Accepts(points[id]) && lo.lat <= p.lat && p.lat <= hi.lat && lng_inside) {
      ids.push_back(id);
    }
  }
  return ids;
}

std::vector<Neighbor> BruteNearest(const std::vector<IndexedPoint>& points, LatLng center, size_t k,
                                   const FacilityFilter& filter, double max_distance_m) {
  std::vector<Neighbor> all;
  for (uint32_t id = 0; id < points.size(); ++id) {
    const double d = DistanceMeters(center, points[id].position);
    if (filter.Accepts(points[id]) && d <= max_distance_m) all.push_back({id, d});
  }
  std::sort(all.begin(), all.end(), [](const Neighbor& a, const Neighbor& b) {
    return a.distance_m != b.distance_m ? a.distance_m < b.distance_m : a.id < b.id;
  });
  if (all.size() > k) all.resize(k);
  return all;
}

// -------------------------------------------------------------------------------------------------
// Comparing
// -------------------------------------------------------------------------------------------------
std::string Describe(LatLng p) {
  return std::to_string(p.lat) + "," + std::to_string(p.lng);
}

std::string Describe(const FacilityFilter& f) {
  return "filter{categories " + std::to_string(f.categories) + " targets " +
         std::to_string(f.any_target) + " region " + std::to_string(f.region_code) + "}";
}

// `got` (in any order, each id once) equals `expected` (sorted).
void ExpectSameIds(std::vector<uint32_t> got, const std::vector<uint32_t>& expected,
                   const std::string& what) {
  std::sort(got.begin(), got.end());
  EXPECT_TRUE(std::adjacent_find(got.begin(), got.end()) == got.end()) << what << ": an id twice";
  if (got == expected) return;
  std::vector<uint32_t> missing, extra;
  std::set_difference(expected.begin(), expected.end(), got.begin(), got.end(),
                      std::back_inserter(missing));
  std::set_difference(got.begin(), got.end(), expected.begin(), expected.end(),
                      std::back_inserter(extra));
  ADD_FAILURE() << what << ": got " << got.size() << " ids, expected " << expected.size() << "; "
                << missing.size() << " missing (first " << (missing.empty() ? -1 : int(missing[0]))
                << "), " << extra.size() << " extra (first " << (extra.empty() ? -1 : int(extra[0]))
                << ")";
}

std::vector<uint32_t> Within(const FacilityIndex& index, LatLng center, double radius_m,
                             const FacilityFilter& filter) {
  std::vector<uint32_t> ids;
  index.VisitWithin(center, radius_m, filter, [&](uint32_t id) { ids.push_back(id); });
  return ids;
}

std::vector<uint32_t> InRect(const FacilityIndex& index, LatLng lo, LatLng hi,
                             const FacilityFilter& filter) {
  std::vector<uint32_t> ids;
  index.VisitInRect(lo, hi, filter, [&](uint32_t id) { ids.push_back(id); });
  return ids;
}

// The same through the run-handing entry points; each id must come exactly once.
std::vector<uint32_t> WithinByRuns(const FacilityIndex& index, LatLng center, double radius_m,
                                   const FacilityFilter& filter) {
  std::vector<uint32_t> ids;
  index.VisitRunsWithin(center, radius_m, filter, [&](std::span<const uint32_t> run) {
    EXPECT_FALSE(run.empty());
    ids.insert(ids.end(), run.begin(), run.end());
  });
  return ids;
}

std::vector<uint32_t> InRectByRuns(const FacilityIndex& index, LatLng lo, LatLng hi,
                                   const FacilityFilter& filter) {
  std::vector<uint32_t> ids;
  index.VisitRunsInRect(lo, hi, filter, [&](std::span<const uint32_t> run) {
    EXPECT_FALSE(run.empty());
    ids.insert(ids.end(), run.begin(), run.end());
  });
  return ids;
}

void ExpectRect(const FacilityIndex& index, const std::vector<IndexedPoint>& points, LatLng lo,
                LatLng hi, const FacilityFilter& filter, const std::string& what) {
  const std::vector<uint32_t> expected = BruteInRect(points, lo, hi, filter);
  const std::string where =
      what + " rect " + Describe(lo) + " to " + Describe(hi) + " " + Describe(filter);
  ExpectSameIds(InRect(index, lo, hi, filter), expected, where);
  ExpectSameIds(InRectByRuns(index, lo, hi, filter), expected, where + " (runs)");
}

// -------------------------------------------------------------------------------------------------
// Random queries
// -------------------------------------------------------------------------------------------------
LatLng RandomCenter(std::mt19937_64& rng, const std::vector<IndexedPoint>& points, Layout layout) {
  const unsigned pick = rng() % 4;
  if (!points.empty() && pick == 0) return points[rng() % points.size()].position;
  if (!points.empty() && pick == 1) {
    return Offset(rng, points[rng() % points.size()].position, LogUniform(rng, 0.1, 2000));
  }
  return layout == Layout::kGlobe ? RandomOnSphere(rng) : RandomInKorea(rng);
}

// Mostly log-uniform from 1 m to 500 km; sometimes exactly a point's distance (or just below it),
// 0, or beyond the antipode.
double RandomRadius(std::mt19937_64& rng, const std::vector<IndexedPoint>& points, LatLng center) {
  const unsigned pick = rng() % 10;
  if (!points.empty() && pick < 2) {
    const double d = DistanceMeters(center, points[rng() % points.size()].position);
    return pick == 0 ? d : std::nextafter(d, 0.0);
  }
  if (pick == 2) return 0;
  if (pick == 3) return 2.1e7;
  return LogUniform(rng, 1, 5e5);
}

struct Rect {
  LatLng lo, hi;
};

// Sizes from 1e-5° to the globe, wrapping the antimeridian when they reach it; sometimes with an
// edge exactly on a data point's coordinate, or one step of double beside it.
Rect RandomRect(std::mt19937_64& rng, const std::vector<IndexedPoint>& points, LatLng c) {
  const double half_lat = LogUniform(rng, 1e-5, 40), half_lng = LogUniform(rng, 1e-5, 200);
  Rect r;
  r.lo.lat = std::max(-90.0, c.lat - half_lat);
  r.hi.lat = std::min(90.0, c.lat + half_lat);
  if (2 * half_lng >= 360) {
    r.lo.lng = -180;
    r.hi.lng = 180;
  } else {
    r.lo.lng = WrapLng(c.lng - half_lng);
    r.hi.lng = WrapLng(c.lng + half_lng);
  }
  if (!points.empty() && rng() % 3 == 0) {
    const LatLng p = points[rng() % points.size()].position;
    const double nudge = rng() % 3 == 0 ? 1 : rng() % 2 == 0 ? 0 : -1;  // a step in or out, or none
    auto beside = [&](double x, double toward) {
      return nudge == 0 ? x : std::nextafter(x, toward);
    };
    switch (rng() % 4) {
      case 0:
        if (p.lat <= r.hi.lat) r.lo.lat = beside(p.lat, nudge > 0 ? 100 : -100);
        break;
      case 1:
        if (p.lat >= r.lo.lat) r.hi.lat = beside(p.lat, nudge > 0 ? -100 : 100);
        break;
      case 2:
        r.lo.lng = std::clamp(beside(p.lng, nudge > 0 ? 200 : -200), -180.0, 180.0);
        break;
      default:
        r.hi.lng = std::clamp(beside(p.lng, nudge > 0 ? -200 : 200), -180.0, 180.0);
        break;
    }
  }
  return r;
}

size_t RandomK(std::mt19937_64& rng, size_t n) {
  const size_t kChoices[] = {1, 2, 3, 10, 37, n > 0 ? n - 1 : 0, n, n + 5};
  return std::max<size_t>(1, kChoices[rng() % std::size(kChoices)]);
}

// Rectangles that meet S2 face edges, the antimeridian, the poles, or are degenerate.
const Rect kSpecialRects[] = {
    {{38.0, 126.0}, {39.5, 128.0}},  // across the S2 face 1 / face 2 edge over Korea
    {{-90, -180}, {90, 180}},        // the globe
    {{-10, 170}, {10, -170}},        // across the antimeridian
    {{-10, 180}, {10, -180}},        // just the antimeridian
    {{-10, -180}, {10, -180}},       // the antimeridian spelled -180
    {{80, -180}, {90, 180}},         // the north polar cap
    {{-90, -180}, {-80, 180}},       // the south polar cap
    {{35, -180}, {35.001, 180}},     // a thin ring of latitude
    {{-90, 127}, {90, 127.001}},     // a thin meridian band
    {{30, -100}, {40, 100}},         // wider than 180°
    {{30, 100}, {40, 50}},           // wider than 180° and across the antimeridian
    {{-45, -45}, {45, 45}},          // face 0, exactly
    {{36.5, 127.5}, {36.5, 127.5}},  // a point
};

void CheckRandomQueries(Layout layout, size_t n, uint64_t seed, int queries) {
  std::mt19937_64 rng(seed);
  const std::vector<IndexedPoint> points = MakePoints(rng, n, layout);
  const FacilityIndex index(points);
  ASSERT_EQ(index.size(), n);
  const std::string what =
      std::string(Name(layout)) + " n=" + std::to_string(n) + " seed " + std::to_string(seed);
  for (uint32_t id = 0; id < n; id += 1 + n / 50) {
    EXPECT_EQ(index.position(id).lat, points[id].position.lat);
    EXPECT_EQ(index.position(id).lng, points[id].position.lng);
  }
  std::vector<Neighbor> nearest;
  for (int q = 0; q < queries; ++q) {
    const FacilityFilter filter = RandomFilter(rng);
    const LatLng center = RandomCenter(rng, points, layout);

    const double radius = RandomRadius(rng, points, center);
    const std::vector<uint32_t> within = BruteWithin(points, center, radius, filter);
    const std::string within_what = what + " within " + std::to_string(radius) + " m of " +
                                    Describe(center) + " " + Describe(filter);
    ExpectSameIds(Within(index, center, radius, filter), within, within_what);
    ExpectSameIds(WithinByRuns(index, center, radius, filter), within, within_what + " (runs)");

    const Rect rect = RandomRect(rng, points, RandomCenter(rng, points, layout));
    ExpectRect(index, points, rect.lo, rect.hi, filter, what);

    const size_t k = RandomK(rng, n);
    const double max_distance = rng() % 4 == 0 ? RandomRadius(rng, points, center)
                                               : std::numeric_limits<double>::infinity();
    index.Nearest(center, k, filter, &nearest, max_distance);
    const std::vector<Neighbor> expected = BruteNearest(points, center, k, filter, max_distance);
    const std::string nearest_what = what + " nearest k=" + std::to_string(k) + " max " +
                                     std::to_string(max_distance) + " to " + Describe(center) +
                                     " " + Describe(filter);
    ASSERT_EQ(nearest.size(), expected.size()) << nearest_what;
    for (size_t i = 0; i < expected.size(); ++i) {
      ASSERT_EQ(nearest[i].id, expected[i].id) << nearest_what << " rank " << i;
      ASSERT_EQ(nearest[i].distance_m, expected[i].distance_m) << nearest_what << " rank " << i;
    }
  }
  for (const Rect& rect : kSpecialRects) {
    ExpectRect(index, points, rect.lo, rect.hi, FacilityFilter(), what);
    ExpectRect(index, points, rect.lo, rect.hi, RandomFilter(rng), what);
  }
  // Circles around the poles and across the antimeridian.
  const LatLng kSpecialCenters[] = {{90, 0},   {-90, 45},     {0, 180},
                                    {0, -180}, {89.9, 179.9}, {-30, -179.99}};
  for (const LatLng center : kSpecialCenters) {
    for (const double radius : {1e3, 3e4, 1e6, 5e6}) {
      ExpectSameIds(Within(index, center, radius, {}), BruteWithin(points, center, radius, {}),
                    what + " within " + std::to_string(radius) + " m of " + Describe(center));
    }
    index.Nearest(center, 7, {}, &nearest);
    const std::vector<Neighbor> expected = BruteNearest(points, center, 7, {}, 1e300);
    ASSERT_EQ(nearest.size(), expected.size()) << what << " nearest to " << Describe(center);
    for (size_t i = 0; i < expected.size(); ++i) {
      EXPECT_EQ(nearest[i].id, expected[i].id) << what << " nearest to " << Describe(center);
    }
  }
}

class FacilityIndexRandomTest : public ::testing::TestWithParam<Layout> {};

TEST_P(FacilityIndexRandomTest, EmptyAndTinyIndexes) {
  for (size_t n : {0, 1, 2, 5}) {
    for (uint64_t seed = 1; seed <= 4; ++seed)
      CheckRandomQueries(GetParam(), n, seed * 7919 + n, 25);
  }
}

TEST_P(FacilityIndexRandomTest, SmallIndexes) {
  for (uint64_t seed = 1; seed <= 3; ++seed) CheckRandomQueries(GetParam(), 300, seed, 60);
}

TEST_P(FacilityIndexRandomTest, LargeIndex) {
  CheckRandomQueries(GetParam(), 20000, 42, 80);
}

INSTANTIATE_TEST_SUITE_P(Layouts, FacilityIndexRandomTest,
                         ::testing::Values(Layout::kKorea, Layout::kGlobe, Layout::kClusters),
                         [](const ::testing::TestParamInfo<Layout>& info) {
                           return std::string(Name(info.param));
                         });

// -------------------------------------------------------------------------------------------------
// Specific behaviour
// -------------------------------------------------------------------------------------------------
TEST(FacilityIndexTest, NearestBreaksTiesByIdAmongDuplicates) {
  // 3 places, 60 points each, ids interleaved.
  const LatLng places[] = {{35.80, 127.10}, {35.80, 127.11}, {35.81, 127.10}};
  std::vector<IndexedPoint> points;
  for (int i = 0; i < 180; ++i) {
    IndexedPoint p;
    p.position = places[(i * 7) % 3];
    points.push_back(p);
  }
  const FacilityIndex index(points);
  std::vector<Neighbor> nearest;
  for (LatLng q : {places[0], places[1], LatLng{35.805, 127.104}}) {
    for (size_t k : {1, 5, 60, 61, 179, 500}) {
      index.Nearest(q, k, {}, &nearest);
      const std::vector<Neighbor> expected = BruteNearest(points, q, k, {}, 1e300);
      ASSERT_EQ(nearest.size(), expected.size());
      for (size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(nearest[i].id, expected[i].id) << "k " << k << " rank " << i;
        EXPECT_EQ(nearest[i].distance_m, expected[i].distance_m);
      }
    }
  }
}

TEST(FacilityIndexTest, BuildsFromFacilitiesLikeFromPoints) {
  std::mt19937_64 rng(5);
  const std::vector<IndexedPoint> points = MakePoints(rng, 2000, Layout::kClusters);
  std::vector<Facility> facilities(points.size());
  for (size_t i = 0; i < points.size(); ++i) {
    facilities[i].position = points[i].position;
    facilities[i].category = points[i].category;
    facilities[i].targets = points[i].targets;
    facilities[i].sigungu_code = points[i].sigungu_code;
    facilities[i].emd_code = points[i].emd_code;
  }
  const FacilityIndex from_facilities(facilities);
  for (int q = 0; q < 40; ++q) {
    const FacilityFilter filter = RandomFilter(rng);
    const LatLng center = RandomCenter(rng, points, Layout::kClusters);
    const double radius = LogUniform(rng, 10, 50000);
    ExpectSameIds(Within(from_facilities, center, radius, filter),
                  BruteWithin(points, center, radius, filter), "from facilities");
  }
  EXPECT_EQ(from_facilities.position(7).lat, facilities[7].position.lat);
}

// The index reads exact positions from the vector it was built from, so it refuses temporaries.
static_assert(std::is_constructible_v<FacilityIndex, const std::vector<IndexedPoint>&>);
static_assert(!std::is_constructible_v<FacilityIndex, std::vector<IndexedPoint>>);
static_assert(!std::is_constructible_v<FacilityIndex, std::vector<Facility>>);

TEST(FacilityIndexTest, FiltersBeyondTheAttributeTable) {
  // 70,000 distinct (category, targets, region) combinations: more than the index's table holds
  // (65,535), so the filter reads the rest from the caller's vector.
  std::mt19937_64 rng(77);
  std::vector<IndexedPoint> points = MakePoints(rng, 70000, Layout::kKorea);
  for (size_t i = 0; i < points.size(); ++i) {
    points[i].targets = static_cast<TargetSet>(i) & ((1u << 17) - 1);
    points[i].category = static_cast<FacilityCategory>(i % kFacilityCategoryCount);
  }
  const FacilityIndex index(points);
  std::vector<Neighbor> nearest;
  for (int q = 0; q < 30; ++q) {
    FacilityFilter filter = RandomFilter(rng);
    filter.any_target = 1u << (rng() % 17);
    const LatLng center = RandomCenter(rng, points, Layout::kKorea);
    const double radius = LogUniform(rng, 1000, 100000);
    const std::string what = "many attributes " + Describe(center) + " " + Describe(filter);
    ExpectSameIds(Within(index, center, radius, filter),
                  BruteWithin(points, center, radius, filter), what);
    const Rect rect = RandomRect(rng, points, center);
    ExpectRect(index, points, rect.lo, rect.hi, filter, what);
    index.Nearest(center, 10, filter, &nearest);
    const std::vector<Neighbor> expected = BruteNearest(points, center, 10, filter, 1e300);
    ASSERT_EQ(nearest.size(), expected.size()) << what;
    for (size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(nearest[i].id, expected[i].id) << what;
  }
}

TEST(FacilityIndexTest, NegativeOrNanQueriesFindNothing) {
  std::mt19937_64 rng(9);
  const std::vector<IndexedPoint> points = MakePoints(rng, 100, Layout::kKorea);
  const FacilityIndex index(points);
  const LatLng at = points[0].position;
  EXPECT_TRUE(Within(index, at, -1, {}).empty());
  EXPECT_TRUE(Within(index, at, std::nan(""), {}).empty());
  std::vector<Neighbor> nearest = {{1, 2}};
  index.Nearest(at, 0, {}, &nearest);
  EXPECT_TRUE(nearest.empty());
  index.Nearest(at, 3, {}, &nearest, -5);
  EXPECT_TRUE(nearest.empty());
  // Radius 0 finds the point itself.
  EXPECT_FALSE(Within(index, at, 0, {}).empty());
}

TEST(FacilityFilterTest, RegionCodesMatchTheirLevelAndDescendants) {
  IndexedPoint p;
  p.sigungu_code = 35011;
  p.emd_code = 3501102;
  IndexedPoint emd_only;
  emd_only.emd_code = 3501102;
  for (const IndexedPoint& point : {p, emd_only}) {
    for (uint32_t code : {35u, 35011u, 3501102u}) {
      FacilityFilter f;
      f.region_code = code;
      EXPECT_TRUE(f.Accepts(point)) << code;
    }
    for (uint32_t code : {11u, 36u, 35012u, 3501101u, 3501202u}) {
      FacilityFilter f;
      f.region_code = code;
      EXPECT_FALSE(f.Accepts(point)) << code;
    }
  }
  IndexedPoint unknown;
  FacilityFilter province;
  province.region_code = 35;
  EXPECT_FALSE(province.Accepts(unknown));
  EXPECT_TRUE(FacilityFilter().Accepts(unknown));
}

TEST(FacilityFilterTest, CategoriesAndTargets) {
  IndexedPoint p;
  p.category = FacilityCategory::kPharmacy;
  p.targets = kTargetElderly | kTargetDisabled;
  FacilityFilter f;
  f.categories = CategoryBit(FacilityCategory::kPharmacy) | CategoryBit(FacilityCategory::kMedical);
  EXPECT_TRUE(f.Accepts(p));
  f.categories = CategoryBit(FacilityCategory::kMedical);
  EXPECT_FALSE(f.Accepts(p));
  f = FacilityFilter();
  f.any_target = kTargetDisabled | kTargetChildren;
  EXPECT_TRUE(f.Accepts(p));
  f.any_target = kTargetChildren;
  EXPECT_FALSE(f.Accepts(p));
  EXPECT_TRUE(FacilityFilter().AcceptsAll());
  EXPECT_FALSE(f.AcceptsAll());
}

}  // namespace
}  // namespace bokji
