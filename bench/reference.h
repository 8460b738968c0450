// The benchmark's floor and judge: brute-force answers to every query kind, the summaries
// implementations are compared on, and the comparisons themselves. Compiled natively and into the
// wasm bench module alike.
//
//   bokji::bench::BruteForce brute(workload.points);
//   std::vector<uint32_t> expected;
//   brute.Nearest(q, 10, &expected);                   // by DistanceMeters, ties by id
//   if (!bokji::bench::SameNearest(workload.points, q, expected, got)) ... report a mismatch
//
// Answers are compared as: kNN — the same set of ids; radius and rectangle — the same count and
// checksum (sum of a hash of each id, so order does not matter); clustering — the same cluster
// count, total and a checksum over (grid cell, count) of every cluster. Float rounding may put a
// point within a millimetre of a radius (or of the k-th distance) on either side: such ids may
// differ and are counted as "borderline".
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "bench/workload.h"
#include "core/model.h"

namespace bokji::bench {

// A well-mixed 64-bit hash of a 64-bit value (the splitmix64 finalizer).
uint64_t Mix(uint64_t v);

struct IdSetSummary {
  uint32_t count = 0;
  uint64_t checksum = 0;  // sum of Mix(id)
  bool operator==(const IdSetSummary&) const = default;
};
IdSetSummary SummarizeIds(const std::vector<uint32_t>& ids);

struct ClusterSummary {
  uint32_t clusters = 0;
  uint64_t total = 0;     // points in all clusters
  uint64_t checksum = 0;  // sum of Mix(Mix(cell x · 2^32 + cell y) + count)
  bool operator==(const ClusterSummary&) const = default;
};
// Adds a cluster of `count` points whose centre is `centre` at grid level `level` (2^level cells
// per axis).
void AddCluster(LatLng centre, int level, uint32_t count, ClusterSummary* summary);
// The grid level of clusters at `zoom` for cells of 64 pixels (MarkerClusters' default).
inline int ClusterGridLevel(int zoom) {
  return zoom + 2;
}

class BruteForce {
 public:
  explicit BruteForce(const std::vector<LatLng>& points);

  // The k points nearest to q by DistanceMeters, closest first, equal distances by id.
  void Nearest(LatLng q, size_t k, std::vector<uint32_t>* out) const;
  // Every point with DistanceMeters(q, point) <= radius_m, in id order.
  void Within(LatLng q, double radius_m, std::vector<uint32_t>* out) const;
  // Every point inside r (bounds included), in id order.
  void InRect(const Rect& r, std::vector<uint32_t>* out) const;
  // MarkerClusters' clusters (default options, zoom <= 16) of the grid cells meeting r.
  ClusterSummary Clusters(const Rect& r, int zoom) const;

 private:
  struct UnitVector {
    double x, y, z;
  };
  const std::vector<LatLng>& points_;
  std::vector<UnitVector> unit_;      // by id
  std::vector<uint32_t> mercator_x_;  // quantized Web Mercator, by id
  std::vector<uint32_t> mercator_y_;
};

// Whether `got` holds the same ids as `expected` (a kNN answer), allowing ids whose distance is
// within 1 mm of the k-th expected distance. *borderline (if given) counts the ids that differed
// that way.
bool SameNearest(const std::vector<LatLng>& points, LatLng q, const std::vector<uint32_t>& expected,
                 const std::vector<uint32_t>& got, size_t* borderline = nullptr);
// Whether `got` holds the same ids as `expected` (a radius answer), allowing ids within 1 mm of the
// radius.
bool SameWithin(const std::vector<LatLng>& points, LatLng q, double radius_m,
                const std::vector<uint32_t>& expected, const std::vector<uint32_t>& got,
                size_t* borderline = nullptr);

// FNV-1a, for digests of whole answer sets.
inline uint64_t FnvAdd(uint64_t hash, uint64_t v) {
  for (int i = 0; i < 8; ++i) {
    hash ^= (v >> (8 * i)) & 0xFF;
    hash *= 0x100000001B3ull;
  }
  return hash;
}
inline constexpr uint64_t kFnvStart = 0xCBF29CE484222325ull;

}  // namespace bokji::bench
