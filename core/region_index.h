// RegionIndex: which 도 / 시군구 / 읍면동 contains a point ("point → region"), over the regions'
// boundary polygons.
//
//   bokji::RegionIndex regions(dataset.regions);
//   int emd = regions.Find(facility.position, bokji::RegionLevel::kEmd);
//   if (emd >= 0) facility.emd_code = dataset.regions[emd].code;
//
// Each region becomes one S2 shape in an S2 shape index per level, and a lookup is an
// S2ContainsPointQuery. A region's interior follows the even-odd rule over all its rings (model.h),
// so the rings' orientation in the source data does not matter: shells and holes may come clockwise
// or counter-clockwise.
//
// Building takes ~0.1 s for Jeonbuk's 257 regions (57k vertices); a lookup ~1 µs natively. Find()
// is const and may run on many threads at once.
#pragma once

#include <memory>
#include <vector>

#include "core/model.h"

namespace bokji {

class RegionIndex {
 public:
  // The index copies the rings it needs, so `regions` may change or go away afterwards; Find
  // answers with positions in `regions` as it was given, so keep that order to read the answers.
  // REQUIRES: each region lies within a hemisphere (true of any administrative area).
  explicit RegionIndex(const std::vector<Region>& regions);
  ~RegionIndex();
  RegionIndex(RegionIndex&&) noexcept;
  RegionIndex& operator=(RegionIndex&&) noexcept;

  // The index in `regions` of the region of that level containing p, or -1 if none does. A point on
  // a boundary that two regions share belongs to exactly one of them (S2's semi-open model), a
  // point on an outer boundary to at most one. If regions of one level overlap, the lowest index
  // wins.
  int Find(LatLng p, RegionLevel level) const;

 private:
  struct Levels;  // the S2 shape indexes, defined in region_index.cc
  std::unique_ptr<Levels> levels_;
};

}  // namespace bokji
