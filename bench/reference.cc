#include "bench/reference.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/geo.h"

namespace bokji::bench {
namespace {

// Web Mercator quantized to 32 bits per axis: the same formulas as core/cluster.cc, so points fall
// in the same grid cells.
constexpr double kTwoTo32 = 4294967296.0;
uint32_t QuantizeX(double lng) {
  const double q = (lng + 180.0) / 360.0 * kTwoTo32;
  if (!(q > 0)) return 0;
  return q >= kTwoTo32 ? 0xFFFFFFFFu : static_cast<uint32_t>(q);
}
uint32_t QuantizeY(double lat) {
  const double clamped = std::clamp(lat, -85.05112877980659, 85.05112877980659);
  const double s = std::sin(clamped * (M_PI / 180.0));
  const double q = (0.5 - std::log((1 + s) / (1 - s)) / (4 * M_PI)) * kTwoTo32;
  if (!(q > 0)) return 0;
  return q >= kTwoTo32 ? 0xFFFFFFFFu : static_cast<uint32_t>(q);
}

// The sorted ids in exactly one of a and b.
std::vector<uint32_t> SymmetricDifference(std::vector<uint32_t> a, std::vector<uint32_t> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  std::vector<uint32_t> out;
  std::set_symmetric_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

// Whether every id of `differing` lies within 1 mm of `boundary_m` from q.
bool AllWithinMillimetre(const std::vector<LatLng>& points, LatLng q, double boundary_m,
                         const std::vector<uint32_t>& differing) {
  for (uint32_t id : differing) {
    if (id >= points.size() || std::abs(DistanceMeters(q, points[id]) - boundary_m) > 1e-3)
      return false;
  }
  return true;
}

}  // namespace

uint64_t Mix(uint64_t v) {
  v = (v ^ (v >> 30)) * 0xBF58476D1CE4E5B9ull;
  v = (v ^ (v >> 27)) * 0x94D049BB133111EBull;
  return v ^ (v >> 31);
}

IdSetSummary SummarizeIds(const std::vector<uint32_t>& ids) {
  IdSetSummary s;
  s.count = static_cast<uint32_t>(ids.size());
  for (uint32_t id : ids) s.checksum += Mix(id);
  return s;
}

void AddCluster(LatLng centre, int level, uint32_t count, ClusterSummary* summary) {
  const uint64_t cx = QuantizeX(centre.lng) >> (32 - level);
  const uint64_t cy = QuantizeY(centre.lat) >> (32 - level);
  ++summary->clusters;
  summary->total += count;
  summary->checksum += Mix(Mix(cx << 32 | cy) + count);
}

BruteForce::BruteForce(const std::vector<LatLng>& points) : points_(points) {
  unit_.reserve(points.size());
  mercator_x_.reserve(points.size());
  mercator_y_.reserve(points.size());
  for (const LatLng& p : points) {
    const double lat = p.lat * (M_PI / 180), lng = p.lng * (M_PI / 180);
    unit_.push_back({std::cos(lat) * std::cos(lng), std::cos(lat) * std::sin(lng), std::sin(lat)});
    mercator_x_.push_back(QuantizeX(p.lng));
    mercator_y_.push_back(QuantizeY(p.lat));
  }
}

void BruteForce::Nearest(LatLng q, size_t k, std::vector<uint32_t>* out) const {
  out->clear();
  if (k == 0) return;
  const double lat = q.lat * (M_PI / 180), lng = q.lng * (M_PI / 180);
  const UnitVector u{std::cos(lat) * std::cos(lng), std::cos(lat) * std::sin(lng), std::sin(lat)};
  // The best k + 8 by dot product (larger = closer), then ranked exactly by DistanceMeters.
  const size_t keep = k + 8;
  std::vector<std::pair<double, uint32_t>> best;  // descending dot
  best.reserve(keep + 1);
  for (uint32_t id = 0; id < unit_.size(); ++id) {
    const double dot = unit_[id].x * u.x + unit_[id].y * u.y + unit_[id].z * u.z;
    if (best.size() == keep && dot <= best.back().first) continue;
    auto at = std::upper_bound(
        best.begin(), best.end(), dot,
        [](double d, const std::pair<double, uint32_t>& e) { return d > e.first; });
    best.insert(at, {dot, id});
    if (best.size() > keep) best.pop_back();
  }
  std::vector<std::pair<double, uint32_t>> ranked;
  for (const auto& [dot, id] : best) ranked.push_back({DistanceMeters(q, points_[id]), id});
  std::sort(ranked.begin(), ranked.end());
  for (size_t i = 0; i < std::min(k, ranked.size()); ++i) out->push_back(ranked[i].second);
}

void BruteForce::Within(LatLng q, double radius_m, std::vector<uint32_t>* out) const {
  out->clear();
  const double lat = q.lat * (M_PI / 180), lng = q.lng * (M_PI / 180);
  const UnitVector u{std::cos(lat) * std::cos(lng), std::cos(lat) * std::sin(lng), std::sin(lat)};
  // dot >= cos(angle) decides, except within a band of ~2 m around the circle where DistanceMeters
  // does.
  const double threshold = std::cos(radius_m / kEarthRadiusMeters);
  constexpr double kBand = 1e-10;
  for (uint32_t id = 0; id < unit_.size(); ++id) {
    const double dot = unit_[id].x * u.x + unit_[id].y * u.y + unit_[id].z * u.z;
    if (dot < threshold - kBand) continue;
    if (dot > threshold + kBand || DistanceMeters(q, points_[id]) <= radius_m) out->push_back(id);
  }
}

void BruteForce::InRect(const Rect& r, std::vector<uint32_t>* out) const {
  out->clear();
  for (uint32_t id = 0; id < points_.size(); ++id) {
    const LatLng& p = points_[id];
    // Non-short-circuit &: one well-predicted branch per point instead of four coin flips.
    const bool inside =
        (p.lat >= r.lo.lat) & (p.lat <= r.hi.lat) & (p.lng >= r.lo.lng) & (p.lng <= r.hi.lng);
    if (inside) out->push_back(id);
  }
}

ClusterSummary BruteForce::Clusters(const Rect& r, int zoom) const {
  const int drop = 32 - ClusterGridLevel(zoom);
  const uint32_t x0 = QuantizeX(r.lo.lng) >> drop, x1 = QuantizeX(r.hi.lng) >> drop;
  const uint32_t y0 = QuantizeY(r.hi.lat) >> drop, y1 = QuantizeY(r.lo.lat) >> drop;
  const size_t width = x1 - x0 + 1, height = y1 - y0 + 1;
  std::vector<uint32_t> counts(width * height, 0);
  for (size_t id = 0; id < mercator_x_.size(); ++id) {
    const uint32_t cx = mercator_x_[id] >> drop, cy = mercator_y_[id] >> drop;
    // Unsigned wrap-around makes one comparison per axis test both bounds.
    if ((cx - x0 < width) & (cy - y0 < height)) ++counts[(cy - y0) * width + (cx - x0)];
  }
  ClusterSummary summary;
  for (size_t y = 0; y < height; ++y) {
    for (size_t x = 0; x < width; ++x) {
      const uint32_t count = counts[y * width + x];
      if (count == 0) continue;
      ++summary.clusters;
      summary.total += count;
      summary.checksum += Mix(Mix(uint64_t{x0 + x} << 32 | (y0 + y)) + count);
    }
  }
  return summary;
}

bool SameNearest(const std::vector<LatLng>& points, LatLng q, const std::vector<uint32_t>& expected,
                 const std::vector<uint32_t>& got, size_t* borderline) {
  if (got.size() != expected.size()) return false;
  const std::vector<uint32_t> differing = SymmetricDifference(expected, got);
  if (differing.empty()) return true;
  const double kth = DistanceMeters(q, points[expected.back()]);
  if (!AllWithinMillimetre(points, q, kth, differing)) return false;
  if (borderline != nullptr) *borderline += differing.size() / 2;
  return true;
}

bool SameWithin(const std::vector<LatLng>& points, LatLng q, double radius_m,
                const std::vector<uint32_t>& expected, const std::vector<uint32_t>& got,
                size_t* borderline) {
  const std::vector<uint32_t> differing = SymmetricDifference(expected, got);
  if (differing.empty()) return true;
  if (!AllWithinMillimetre(points, q, radius_m, differing)) return false;
  if (borderline != nullptr) *borderline += differing.size();
  return true;
}

}  // namespace bokji::bench
