// RegionIndex: see region_index.h.
//
// Index
//   - EvenOddShape   a region's rings as an S2Shape with even-odd interior
//   - RegionIndex
#include "core/region_index.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdint>
#include <utility>

#include "s2/mutable_s2shape_index.h"
#include "s2/s2contains_point_query.h"
#include "s2/s2latlng.h"
#include "s2/s2shape.h"

namespace bokji {
namespace {

S2Point ToPoint(LatLng p) {
  return S2LatLng::FromDegrees(p.lat, p.lng).ToPoint();
}

// -------------------------------------------------------------------------------------------------
// EvenOddShape: a closed polygon shape whose interior is the set of points reached from a point
// known to be outside by crossing its edges an odd number of times. S2 computes containment exactly
// that way (crossing parity from the shape's reference point), so all this shape must supply is a
// reference point outside the region: the antipode of the mean of its vertices, far from any edge
// of a region that fits in a hemisphere. (S2's own polygon shapes instead derive the reference
// point from the rings' orientation.)
// -------------------------------------------------------------------------------------------------
class EvenOddShape final : public S2Shape {
 public:
  explicit EvenOddShape(const std::vector<Ring>& rings) {
    chain_starts_.push_back(0);
    S2Point sum;
    for (const Ring& ring : rings) {
      if (ring.size() < 3) continue;  // encloses nothing
      for (LatLng p : ring) {
        vertices_.push_back(ToPoint(p));
        sum += vertices_.back();
      }
      chain_starts_.push_back(static_cast<int>(vertices_.size()));
    }
    outside_ = vertices_.empty() ? S2Point(1, 0, 0) : (-sum).Normalize();
  }

  // Ring r has as many edges as vertices: vertices_[chain_starts_[r] ...] and back to the first.
  int num_edges() const override { return static_cast<int>(vertices_.size()); }
  Edge edge(int e) const override {
    const ChainPosition at = chain_position(e);
    return chain_edge(at.chain_id, at.offset);
  }
  int dimension() const override { return 2; }
  ReferencePoint GetReferencePoint() const override {
    return vertices_.empty() ? ReferencePoint::Contained(false) : ReferencePoint(outside_, false);
  }
  int num_chains() const override { return static_cast<int>(chain_starts_.size()) - 1; }
  Chain chain(int r) const override {
    return Chain(chain_starts_[r], chain_starts_[r + 1] - chain_starts_[r]);
  }
  Edge chain_edge(int r, int offset) const override {
    const int begin = chain_starts_[r], size = chain_starts_[r + 1] - begin;
    return Edge(vertices_[begin + offset],
                vertices_[begin + (offset + 1 == size ? 0 : offset + 1)]);
  }
  ChainPosition chain_position(int e) const override {
    const int r = static_cast<int>(std::upper_bound(chain_starts_.begin(), chain_starts_.end(), e) -
                                   chain_starts_.begin() - 1);
    return ChainPosition(r, e - chain_starts_[r]);
  }

 private:
  std::vector<S2Point> vertices_;  // all rings back to back
  std::vector<int> chain_starts_;  // ring r is vertices_[chain_starts_[r], chain_starts_[r + 1])
  S2Point outside_;
};

}  // namespace

// -------------------------------------------------------------------------------------------------
// RegionIndex
// -------------------------------------------------------------------------------------------------

struct RegionIndex::Levels {
  struct Level {
    MutableS2ShapeIndex shapes;
    std::vector<int> region_of_shape;  // shape id → index into the regions vector
  };
  std::array<Level, 3> by_level;  // indexed by RegionLevel
};

RegionIndex::RegionIndex(const std::vector<Region>& regions) : levels_(std::make_unique<Levels>()) {
  for (size_t r = 0; r < regions.size(); ++r) {
    const size_t level = static_cast<size_t>(regions[r].level);
    // RegionLevel has three values; anything else is a corrupted Region.
    assert(level < levels_->by_level.size());
    Levels::Level& l = levels_->by_level[level];
    l.shapes.Add(std::make_unique<EvenOddShape>(regions[r].rings));
    l.region_of_shape.push_back(static_cast<int>(r));
  }
  // Build now, so that const queries never build lazily (and may run on several threads).
  for (Levels::Level& l : levels_->by_level) l.shapes.ForceBuild();
}

RegionIndex::~RegionIndex() = default;
RegionIndex::RegionIndex(RegionIndex&&) noexcept = default;
RegionIndex& RegionIndex::operator=(RegionIndex&&) noexcept = default;

int RegionIndex::Find(LatLng p, RegionLevel level) const {
  const Levels::Level& l = levels_->by_level[static_cast<size_t>(level)];
  int found = -1;
  auto query = MakeS2ContainsPointQuery(&l.shapes);
  query.VisitContainingShapes(ToPoint(p), [&](S2Shape* shape) {
    const int r = l.region_of_shape[shape->id()];
    if (found < 0 || r < found) found = r;
    return true;
  });
  return found;
}

}  // namespace bokji
