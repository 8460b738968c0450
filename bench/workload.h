// The benchmark's workloads: the points, the query points and the query rectangles, generated the
// same bit for bit natively and in WebAssembly so every implementation, in either process, answers
// on identical data.
//
//   std::vector<bokji::LatLng> centres = bokji::bench::LoadEmdCentres(tsv_text).value();
//   bokji::bench::Workload w = bokji::bench::MakeWorkload(bokji::bench::Distribution::kClustered,
//                                                         1'000'000, 1000, centres);
//   for (const bokji::LatLng& q : w.queries) ... bokji::bench::FixedViewport(q) ...
//
// Fixed seeds and formulas (bench/README.md documents them):
//   - uniform: lat uniform in [33, 38.7], lng uniform in [124.5, 131] (seed 1; queries seed 101);
//   - clustered: each point picks one of the 읍면동 centres uniformly at random (the centres of
//     boundaries/admdong_centroids_UTMK_2001-2023.tsv, EPSG:5179 converted to WGS84, rounded to
//     1e-6°, duplicates dropped) and lies at a near-normal offset (sum of four uniforms, unit
//     variance, |offset| < 3.5σ) with σ = half the distance to the nearest other centre (at least
//     0.001°): 동 in cities are dense, 면 in the country spread out (seed 2; queries seed 102);
//   - queries come from the same distribution as the points (people search where facilities are).
// Only +, -, *, / and sqrt (exactly rounded everywhere) touch the generated coordinates; the
// projection of the centres uses sin/cos/tan but its results are rounded to 1e-6° before use, and
// rectangles to 1e-7°.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/status.h"

namespace bokji::bench {

enum class Distribution { kUniform = 0, kClustered = 1 };
const char* DistributionName(Distribution d);  // "uniform", "clustered"

// The bounding box of both distributions (points outside it are redrawn).
inline constexpr double kMinLat = 33.0, kMaxLat = 38.7, kMinLng = 124.5, kMaxLng = 131.0;

// EPSG:5179 (UTM-K: GRS80 transverse Mercator, 38°N 127.5°E, k 0.9996, false origin 1,000,000 /
// 2,000,000 m) to WGS84 degrees. Series formulas (Snyder 1987); sub-metre over Korea.
LatLng UtmkToLatLng(double x, double y);

// The distinct 읍면동 centres of the TSV (rows whose code is not a 시도 or 시군구 code), inside the
// box, rounded to 1e-6°, in file order.
Result<std::vector<LatLng>> LoadEmdCentres(std::string_view tsv);

struct Workload {
  Distribution distribution;
  std::vector<LatLng> points;   // ids are positions
  std::vector<LatLng> queries;  // query centres
};

// REQUIRES: centres non-empty when distribution is kClustered.
Workload MakeWorkload(Distribution distribution, size_t size, size_t query_count,
                      const std::vector<LatLng>& centres);

// A rectangle lo..hi (south-west, north-east).
struct Rect {
  LatLng lo, hi;
};
// The viewport: 0.439° × 0.200° centred on c (a 1280×720 screen at zoom 12 near 36°N).
Rect FixedViewport(LatLng c);
// A 1280×720 pixel screen at `zoom` (256-pixel Web Mercator tiles) centred on c.
Rect ScreenViewport(LatLng c, int zoom);

// FNV-1a over the bits of every coordinate, points then queries: equal in both processes iff the
// data is.
uint64_t DataDigest(const Workload& w);

}  // namespace bokji::bench
