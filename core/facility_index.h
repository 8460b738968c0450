// FacilityIndex: a static spatial index over facility points for "within a radius", "inside a map
// rectangle" and "the k nearest" queries, each with an optional category / target / region filter.
//
// clang-format off
//   bokji::FacilityIndex index(dataset.facilities);  // ids are positions in dataset.facilities,
//                                                    // which must outlive the index, unchanged
//   bokji::FacilityFilter elderly;
//   elderly.categories = bokji::CategoryBit(bokji::FacilityCategory::kElderly);
//   index.VisitWithin({35.8242, 127.1480}, 2000, elderly,
//                     [&](uint32_t id) { Show(dataset.facilities[id]); });
//   std::vector<bokji::Neighbor> nearest;
//   index.Nearest({35.8242, 127.1480}, 10, {}, &nearest);  // closest first, distance_m exact
// clang-format on
//
// How it works. Built once, never changed, the index is a few flat arrays (no nodes, no pointers)
// in Hilbert-curve order of the points' latitude and longitude (16 bits per axis over the data's
// bounding box, sorted by an LSD radix sort), so consecutive points lie close together. Per point
// it holds its id (4 bytes), its unit vector on the sphere rounded to float (12 bytes) and a 2-byte
// code for its attributes (category, targets, 시군구, 읍면동: an index into a table of the distinct
// combinations). Over that order sits a packed tree of 3-D boxes: one box around the unit vectors
// of each 32 consecutive points, one around each 16 such boxes, and so on up to the root.
//  - A radius is a ball around the query's unit vector: a box outside it (as a chord) is skipped,
//    one wholly inside it is taken without per-point tests, and the points of the rest are tested
//    on squared chords.
//  - A lat/lng rectangle is a slab of z (sin lat) cut by one or two half-spaces through the axis
//    (the longitude range): boxes and points are classified against those planes.
//  - Nearest walks the boxes depth first, nearest child first, collecting the points within a limit
//    that drops to the k-th best stored chord as candidates come in, and skips boxes beyond it.
// Every float test keeps a margin of 1e-7 (0.64 m on Earth) over its rounding error; a point whose
// float test lands inside that margin is re-tested on its exact double coordinates, read from the
// vector the index was built from. So results agree exactly with DistanceMeters() and with the
// rectangle's bounds on the stored coordinates.
//
// Costs (bench/README.md: 1M points in wasm, median of 3 runs of scripts/bench.sh on a loaded
// 2-core machine; uniform / clustered): build 161 / 168 ms (6.1× / 4.9× faster than kdbush), 18.8
// bytes per point held by the index (the exact positions stay in the caller's vector); kNN (k = 10)
// 6.3 / 8.9 µs, within 2 km 3.6 / 9.5 µs, a 0.439° × 0.2° viewport (2,308 / 32,235 hits on
// average) 20 / 61 µs.
//
// Queries are const and allocate nothing per visited point: they may run on many threads at once.
//
// Index
//   - IndexedPoint, FacilityFilter, Neighbor   the inputs and outputs of the index
//   - FacilityIndex                             building and the three queries
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "absl/functional/function_ref.h"
#include "core/model.h"

namespace bokji {

// What the index needs of one facility (benchmarks build these directly).
struct IndexedPoint {
  LatLng position;  // REQUIRES: lat in [-90, 90], lng in [-180, 180]
  FacilityCategory category = FacilityCategory::kOther;
  TargetSet targets = 0;
  uint32_t sigungu_code = 0;  // KOSTAT 5-digit; 0 unknown
  uint32_t emd_code = 0;      // KOSTAT 7-digit; 0 unknown
};

// Which points a query reports. The default accepts every point.
struct FacilityFilter {
  CategorySet categories = kAllCategories;  // DEFAULT: all
  // DEFAULT 0: no target filter; else facility.targets & any_target != 0.
  TargetSet any_target = 0;
  // DEFAULT 0: anywhere; else a 2-digit 도, 5-digit 시군구 or 7-digit 읍면동 code. A point's
  // 시군구 is its sigungu_code, or the first 5 digits of its emd_code when sigungu_code is 0; its
  // 도 is the first 2 digits of its 시군구. REQUIRES: 0 or a code of 2, 5 or 7 digits.
  uint32_t region_code = 0;

  bool Accepts(const IndexedPoint& p) const;
  // True when the filter accepts every point (queries then skip it).
  bool AcceptsAll() const;
  bool operator==(const FacilityFilter&) const = default;
};

struct Neighbor {
  uint32_t id;        // the point's position in the vector the index was built from
  double distance_m;  // DistanceMeters(query, point)
};

class FacilityIndex {
 public:
  FacilityIndex() = default;  // empty
  // Ids are positions in the given vector. REQUIRES: the vector outlives the index, and neither it
  // nor its elements' positions change while the index is used (build a new index when the data
  // changes): the index reads exact positions from it for tests within 0.64 m of an edge, for
  // Nearest's distances and for position(). Temporaries are refused at compile time (below).
  explicit FacilityIndex(const std::vector<Facility>& facilities);
  explicit FacilityIndex(const std::vector<IndexedPoint>& points);
  FacilityIndex(std::vector<Facility>&&) = delete;      // would dangle: keep the vector alive
  FacilityIndex(std::vector<IndexedPoint>&&) = delete;  // would dangle: keep the vector alive

  size_t size() const { return ids_.size(); }

  // Visits every accepted point with DistanceMeters(center, point) <= radius_m, in no particular
  // order: visit(uint32_t id). A negative radius visits nothing. (A template so that the visitor
  // is inlined into the loop over each run of VisitRunsWithin.)
  template <typename Visit>
  void VisitWithin(LatLng center, double radius_m, const FacilityFilter& filter,
                   Visit&& visit) const {
    VisitRunsWithin(center, radius_m, filter, [&](std::span<const uint32_t> ids) {
      for (const uint32_t id : ids) visit(id);
    });
  }

  // Visits every accepted point with lo.lat <= lat <= hi.lat and lo.lng <= lng <= hi.lng (on the
  // stored coordinates), in no particular order: visit(uint32_t id). If lo.lng > hi.lng the
  // rectangle crosses the antimeridian: then lng >= lo.lng or lng <= hi.lng. REQUIRES: lo.lat <=
  // hi.lat.
  template <typename Visit>
  void VisitInRect(LatLng lo, LatLng hi, const FacilityFilter& filter, Visit&& visit) const {
    VisitRunsInRect(lo, hi, filter, [&](std::span<const uint32_t> ids) {
      for (const uint32_t id : ids) visit(id);
    });
  }

  // The same two queries, handing over the ids in runs (each id once, runs in no particular
  // order): one call per run of up to 4,096 ids rather than one per id, for callers that copy
  // the ids or count them. A run is valid only during the call.
  void VisitRunsWithin(LatLng center, double radius_m, const FacilityFilter& filter,
                       absl::FunctionRef<void(std::span<const uint32_t>)> visit_run) const;
  void VisitRunsInRect(LatLng lo, LatLng hi, const FacilityFilter& filter,
                       absl::FunctionRef<void(std::span<const uint32_t>)> visit_run) const;

  // Writes to *out (cleared first) the k accepted points nearest to center with DistanceMeters <=
  // max_distance_m, closest first; equal distances in increasing id order. Fewer than k if there
  // are not that many. DEFAULT max_distance_m: unlimited.
  void Nearest(LatLng center, size_t k, const FacilityFilter& filter, std::vector<Neighbor>* out,
               double max_distance_m = std::numeric_limits<double>::infinity()) const;

  // The exact position the point was indexed with (read from the vector it was built from).
  // REQUIRES: id < size().
  LatLng position(uint32_t id) const;

  // Bytes held by the index's arrays (for benchmarks and memory reports); the caller's vector is
  // not counted.
  size_t MemoryBytes() const;

 private:
  // The queries' machinery, defined in facility_index.cc.
  struct Impl;

  // A point's unit vector (its S2Point) rounded to float: within 2^-25 of exact per coordinate.
  struct Vector {
    float x, y, z;
  };

  // An axis-aligned 3-D box around the unit vectors of a run of points.
  struct Box {
    float lo[3], hi[3];
  };

  // What filters test, for one combination of a point's attributes.
  struct Attributes {
    CategorySet category_bit = 0;
    TargetSet targets = 0;
    uint32_t sigungu_code = 0;  // filled in from emd_code when the point's was 0
    uint32_t emd_code = 0;
  };

  // Where the caller's vector is: element i starts at elements + i * stride, and its position
  // (a LatLng) at positions + i * stride.
  struct Source {
    const unsigned char* elements = nullptr;
    const unsigned char* positions = nullptr;
    size_t stride = 0;
    Attributes (*attributes)(const unsigned char* element) = nullptr;
  };

  template <typename Element>
  void Build(const std::vector<Element>& elements);
  void BuildBoxes();
  LatLng ExactPosition(uint32_t id) const;
  bool AcceptsAt(size_t i, const FacilityFilter& filter) const;

  Source source_;
  // In curve order; entry i of each array describes the same point.
  std::vector<uint32_t> ids_;
  std::vector<Vector> vectors_;
  // An index into attribute_table_, or kAttributesInSource when the table is full (the filter then
  // reads the caller's element).
  std::vector<uint16_t> attribute_codes_;
  std::vector<Attributes> attribute_table_;
  // The box tree, level by level from the leaves: box j of level L covers the points
  // [j·32·16^L, (j+1)·32·16^L); the last level is the root. Level L starts at
  // boxes_[box_levels_[L]].
  std::vector<Box> boxes_;
  std::vector<uint32_t> box_levels_;
};

}  // namespace bokji
