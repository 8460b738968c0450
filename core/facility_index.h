// FacilityIndex: a static spatial index over facility points for "within a radius", "inside a map
// rectangle" and "the k nearest" queries, each with an optional category / target / region filter.
//
//   bokji::FacilityIndex index(dataset.facilities);  // ids are positions in dataset.facilities
//   bokji::FacilityFilter elderly;
//   elderly.categories = bokji::CategoryBit(bokji::FacilityCategory::kElderly);
//   index.VisitWithin({35.8242, 127.1480}, 2000, elderly,
//                     [&](uint32_t id) { Show(dataset.facilities[id]); });
//   std::vector<bokji::Neighbor> nearest;
//   index.Nearest({35.8242, 127.1480}, 10, {}, &nearest);  // closest first, distance_m exact
//
// How it works. Built once, never changed, the index is a set of flat arrays (no nodes, no
// pointers) sorted by the points' leaf S2CellId, so the points of any S2 cell form one contiguous
// run, and consecutive points lie close together (S2 orders cells along a Hilbert curve).
//  - Rectangle and radius queries walk a packed tree of lat/lng boxes over that order: one box per
//    16 consecutive points, one per 16 such boxes, and so on (as flatbush does). A box outside the
//    query's rectangle (for a radius: the circle's bounding rectangle) is skipped, one inside it is
//    taken whole, and the points of the rest are tested one by one.
//  - Nearest walks S2 cells, nearest first, from the (at most 4) cells around the query that cover
//    a first guess of the k-th distance, finding each cell's run by binary search, and skips cells
//    and points farther than the k-th best so far.
// Points are tested on their exact coordinates (rectangles) or on a float copy of their unit
// vector (distances); a point within ~0.6 m of a circle, where float rounding could decide, is
// re-tested exactly. So results agree exactly with DistanceMeters() and with the rectangle's bounds
// on the stored coordinates.
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
  // Ids are positions in the given vector; the index copies what it needs.
  explicit FacilityIndex(const std::vector<Facility>& facilities);
  explicit FacilityIndex(const std::vector<IndexedPoint>& points);

  size_t size() const { return entries_.size(); }

  // Visits every accepted point with DistanceMeters(center, point) <= radius_m, in no particular
  // order: visit(uint32_t id). A negative radius visits nothing.
  void VisitWithin(LatLng center, double radius_m, const FacilityFilter& filter,
                   absl::FunctionRef<void(uint32_t)> visit) const;

  // Visits every accepted point with lo.lat <= lat <= hi.lat and lo.lng <= lng <= hi.lng (on the
  // stored coordinates), in no particular order. If lo.lng > hi.lng the rectangle crosses the
  // antimeridian: then lng >= lo.lng or lng <= hi.lng. REQUIRES: lo.lat <= hi.lat.
  void VisitInRect(LatLng lo, LatLng hi, const FacilityFilter& filter,
                   absl::FunctionRef<void(uint32_t)> visit) const;

  // Writes to *out (cleared first) the k accepted points nearest to center with DistanceMeters <=
  // max_distance_m, closest first; equal distances in increasing id order. Fewer than k if there
  // are not that many. DEFAULT max_distance_m: unlimited.
  void Nearest(LatLng center, size_t k, const FacilityFilter& filter, std::vector<Neighbor>* out,
               double max_distance_m = std::numeric_limits<double>::infinity()) const;

  // The exact position the point was indexed with. REQUIRES: id < size().
  LatLng position(uint32_t id) const;

  // Bytes held by the index's arrays (for benchmarks and memory reports).
  size_t MemoryBytes() const;

 private:
  // The queries' machinery, defined in facility_index.cc.
  struct Impl;

  // What a distance test reads of a point, in one 16-byte record: the point's unit vector
  // (S2Point) rounded to float (within 2^-24, 0.4 m, of exact) and its id.
  struct Entry {
    float x, y, z;
    uint32_t id;
  };

  // A lat/lng box around a run of sorted points, rounded outward to float.
  struct Box {
    float lat_lo, lat_hi, lng_lo, lng_hi;
  };

  void Build(std::vector<IndexedPoint> points_by_id);
  void BuildBoxes();
  bool AcceptsAt(size_t i, const FacilityFilter& filter) const;

  // Sorted by cell id; entry i of each array describes the same point.
  std::vector<uint64_t> cell_ids_;  // leaf S2CellId
  std::vector<Entry> entries_;
  std::vector<LatLng> positions_;  // exact
  std::vector<FacilityCategory> categories_;
  std::vector<TargetSet> targets_;
  std::vector<uint32_t> sigungu_codes_;  // filled in from emd_code when the point's was 0
  std::vector<uint32_t> emd_codes_;

  // Every kSampleStride-th cell id (facility_index.cc): small enough to stay in cache, it takes the
  // first steps of every binary search over cell_ids_, which would otherwise each miss the cache.
  std::vector<uint64_t> cell_id_samples_;
  // The box tree, level by level from the leaves: box j of level L covers the sorted points
  // [j·16^(L+1), (j+1)·16^(L+1)); the last level is the root. Level L starts at
  // boxes_[box_levels_[L]].
  std::vector<Box> boxes_;
  std::vector<uint32_t> box_levels_;
  // Indexed by id: where the point is in the sorted arrays (for position(id)).
  std::vector<uint32_t> sorted_index_of_id_;
};

}  // namespace bokji
