// FacilityIndex: see facility_index.h for what it does and how.
//
// Index
//   - Constants and small helpers
//   - FacilityFilter
//   - Building (the sorted arrays, the box tree)
//   - The queries' machinery (struct FacilityIndex::Impl)
//       finding a cell's run of points       Search, CellRun, CellRunEnd
//       reporting accepted points            Reporter
//       the box walk                         WalkBoxes, RectQuery, RadiusQuery
//       the nearest-first S2 cell walk       NearestSearch
//   - The queries
#include "core/facility_index.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <numeric>
#include <utility>

#include "absl/container/inlined_vector.h"
#include "core/geo.h"
#include "s2/r2rect.h"
#include "s2/s1chord_angle.h"
#include "s2/s2cap.h"
#include "s2/s2cell.h"
#include "s2/s2cell_id.h"
#include "s2/s2coords.h"
#include "s2/s2latlng.h"
#include "s2/s2latlng_rect.h"

namespace bokji {

// -------------------------------------------------------------------------------------------------
// Constants and small helpers
// -------------------------------------------------------------------------------------------------
namespace {

// How far a tested quantity may be off, on the unit sphere (1e-7 ≈ 0.64 m on Earth): a stored float
// unit vector is within 2^-24 ≈ 6e-8 of the exact one, and S2's cell geometry, the leaf cell of a
// point and the haversine formula are all exact to ~1e-15. A point is tested exactly (on its double
// LatLng) only when a float test lands within this margin of the query's edge.
constexpr double kSlack = 1e-7;

// Nearest tests a run of at most this many points point by point rather than split its cell into
// 4 children: testing a point costs a few ns, bounding a cell and finding its run tens.
constexpr uint32_t kLeafRun = 64;

// The box tree's fan-out: a leaf box holds 16 points, an inner box 16 boxes (as in flatbush).
constexpr int kBoxBits = 4;
constexpr uint32_t kBoxFanout = 1 << kBoxBits;

// One cell id in this many goes into FacilityIndex::cell_id_samples_ (0.125 bytes a point).
constexpr uint32_t kSampleStride = 64;

S2Point ToPoint(LatLng p) {
  return S2LatLng::FromDegrees(p.lat, p.lng).ToPoint();
}

double Squared(double x) {
  return x * x;
}

// The chord length on the unit sphere between points `metres` apart on Earth (2 for any distance
// beyond the antipode).
double ChordFromMeters(double metres) {
  const double radians = metres / kEarthRadiusMeters;
  return radians >= M_PI ? 2.0 : 2 * std::sin(radians / 2);
}

// A point's 시군구 code: its own, else the first 5 digits of its 읍면동 code.
uint32_t SigunguOf(const IndexedPoint& p) {
  return p.sigungu_code != 0 ? p.sigungu_code : p.emd_code / 100;
}

// FacilityFilter::region_code against a point's 시군구 (as SigunguOf) and 읍면동 codes.
bool RegionMatches(uint32_t region_code, uint32_t sigungu_code, uint32_t emd_code) {
  if (region_code < 100) return sigungu_code / 1000 == region_code;  // 도: 35 ⊃ 35011
  if (region_code < 100000) return sigungu_code == region_code;
  return emd_code == region_code;
}

[[maybe_unused]] bool IsValidRegionCode(uint32_t code) {
  return code == 0 || (code >= 10 && code < 100) || (code >= 10000 && code < 100000) ||
         (code >= 1000000 && code < 10000000);
}

// The cells a walk over the region bounded by `cap` starts from: the 4 cells (3 at a cube corner)
// around the cell vertex nearest the cap's centre, at the finest level where they cover the cap, or
// the 6 faces. Returned in a per-thread buffer, so a query allocates nothing once its thread has
// run one.
const std::vector<S2CellId>& StartCells(const S2Cap& cap) {
  thread_local std::vector<S2CellId> cells;
  cap.GetCellUnionBound(&cells);
  return cells;
}

// The sine of the angle subtended by a chord, for chords up to √2 (angles up to 90°, where the sine
// rises).
double SinFromChord(double chord) {
  return chord * std::sqrt(1 - chord * chord / 4);
}

// The nearest float at or below / above x.
float FloatAtOrBelow(double x) {
  const float f = static_cast<float>(x);
  return f <= x ? f : std::nextafter(f, -std::numeric_limits<float>::infinity());
}
float FloatAtOrAbove(double x) {
  const float f = static_cast<float>(x);
  return f >= x ? f : std::nextafter(f, std::numeric_limits<float>::infinity());
}

// A query point in the (u, v, w) frame of each cube face, where a cell of that face is simply
// {p : u0 <= p.u / p.w <= u1, v0 <= p.v / p.w <= v1}: the intersection of the 4 half-spaces bounded
// by the great circles through its edges. Nearest bounds cells on that form, without trigonometry.
class FacePoints {
 public:
  explicit FacePoints(const S2Point& p) {
    for (int face = 0; face < 6; ++face) on_face_[face] = S2::FaceXYZtoUVW(face, p);
  }

  // A lower bound on the sine of the angle between the point and the cell (when that angle is below
  // 90°), or <= 0 if the point may be inside: the most the point lies beyond any edge's great
  // circle.
  double SinDistanceLowerBound(const S2Cell& cell) const {
    const S2Point& p = on_face_[cell.face()];
    const R2Rect uv = cell.GetBoundUV();
    const double u0 = uv[0][0], u1 = uv[0][1], v0 = uv[1][0], v1 = uv[1][1];
    // Edge u = u0 has inward normal (1, 0, -u0) / √(1 + u0²); the others alike.
    return std::max(std::max((u0 * p[2] - p[0]) / std::sqrt(1 + u0 * u0),
                             (p[0] - u1 * p[2]) / std::sqrt(1 + u1 * u1)),
                    std::max((v0 * p[2] - p[1]) / std::sqrt(1 + v0 * v0),
                             (p[1] - v1 * p[2]) / std::sqrt(1 + v1 * v1)));
  }

 private:
  S2Point on_face_[6];
};

}  // namespace

// -------------------------------------------------------------------------------------------------
// FacilityFilter
// -------------------------------------------------------------------------------------------------

bool FacilityFilter::Accepts(const IndexedPoint& p) const {
  // A region code must name a 도 (2 digits), 시군구 (5) or 읍면동 (7): anything else is a caller's
  // bug.
  assert(IsValidRegionCode(region_code));
  if ((categories & CategoryBit(p.category)) == 0) return false;
  if (any_target != 0 && (p.targets & any_target) == 0) return false;
  return region_code == 0 || RegionMatches(region_code, SigunguOf(p), p.emd_code);
}

bool FacilityFilter::AcceptsAll() const {
  return (categories & kAllCategories) == kAllCategories && any_target == 0 && region_code == 0;
}

// -------------------------------------------------------------------------------------------------
// Building
// -------------------------------------------------------------------------------------------------

FacilityIndex::FacilityIndex(const std::vector<Facility>& facilities) {
  std::vector<IndexedPoint> points;
  points.reserve(facilities.size());
  for (const Facility& f : facilities) {
    points.push_back({f.position, f.category, f.targets, f.sigungu_code, f.emd_code});
  }
  Build(std::move(points));
}

FacilityIndex::FacilityIndex(const std::vector<IndexedPoint>& points) {
  Build(points);
}

void FacilityIndex::Build(std::vector<IndexedPoint> points_by_id) {
  // Ids are uint32_t.
  assert(points_by_id.size() < (uint64_t{1} << 32));
  const size_t n = points_by_id.size();
  std::vector<uint64_t> cell_by_id(n);
  for (size_t id = 0; id < n; ++id) {
    const LatLng p = points_by_id[id].position;
    // Coordinates must be valid WGS84 degrees; the importer checks its data before indexing it.
    assert(p.lat >= -90 && p.lat <= 90 && p.lng >= -180 && p.lng <= 180);
    cell_by_id[id] = LeafCellId(p);
  }
  std::vector<uint32_t> ids(n);
  std::iota(ids.begin(), ids.end(), uint32_t{0});
  std::sort(ids.begin(), ids.end(), [&](uint32_t a, uint32_t b) {
    return cell_by_id[a] != cell_by_id[b] ? cell_by_id[a] < cell_by_id[b] : a < b;
  });

  sorted_index_of_id_.resize(n);
  cell_ids_.resize(n);
  entries_.resize(n);
  positions_.resize(n);
  categories_.resize(n);
  targets_.resize(n);
  sigungu_codes_.resize(n);
  emd_codes_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const uint32_t id = ids[i];
    const IndexedPoint& p = points_by_id[id];
    const S2Point v = ToPoint(p.position);
    sorted_index_of_id_[id] = static_cast<uint32_t>(i);
    cell_ids_[i] = cell_by_id[id];
    positions_[i] = p.position;
    entries_[i] = {static_cast<float>(v.x()), static_cast<float>(v.y()), static_cast<float>(v.z()),
                   id};
    categories_[i] = p.category;
    targets_[i] = p.targets;
    sigungu_codes_[i] = SigunguOf(p);
    emd_codes_[i] = p.emd_code;
  }
  cell_id_samples_.clear();
  cell_id_samples_.reserve((n + kSampleStride - 1) / kSampleStride);
  for (size_t i = 0; i < n; i += kSampleStride) cell_id_samples_.push_back(cell_ids_[i]);
  BuildBoxes();
}

void FacilityIndex::BuildBoxes() {
  boxes_.clear();
  box_levels_.clear();
  if (positions_.empty()) return;
  box_levels_.push_back(0);
  for (size_t begin = 0; begin < positions_.size(); begin += kBoxFanout) {
    const size_t end = std::min(positions_.size(), begin + kBoxFanout);
    Box box{FloatAtOrBelow(positions_[begin].lat), FloatAtOrAbove(positions_[begin].lat),
            FloatAtOrBelow(positions_[begin].lng), FloatAtOrAbove(positions_[begin].lng)};
    for (size_t i = begin + 1; i < end; ++i) {
      box.lat_lo = std::min(box.lat_lo, FloatAtOrBelow(positions_[i].lat));
      box.lat_hi = std::max(box.lat_hi, FloatAtOrAbove(positions_[i].lat));
      box.lng_lo = std::min(box.lng_lo, FloatAtOrBelow(positions_[i].lng));
      box.lng_hi = std::max(box.lng_hi, FloatAtOrAbove(positions_[i].lng));
    }
    boxes_.push_back(box);
  }
  // Each level above boxes kBoxFanout boxes of the one below, up to a single root.
  while (boxes_.size() - box_levels_.back() > 1) {
    const size_t below = box_levels_.back(), below_end = boxes_.size();
    box_levels_.push_back(static_cast<uint32_t>(below_end));
    for (size_t begin = below; begin < below_end; begin += kBoxFanout) {
      Box box = boxes_[begin];
      for (size_t b = begin + 1; b < std::min(below_end, begin + kBoxFanout); ++b) {
        box.lat_lo = std::min(box.lat_lo, boxes_[b].lat_lo);
        box.lat_hi = std::max(box.lat_hi, boxes_[b].lat_hi);
        box.lng_lo = std::min(box.lng_lo, boxes_[b].lng_lo);
        box.lng_hi = std::max(box.lng_hi, boxes_[b].lng_hi);
      }
      boxes_.push_back(box);
    }
  }
  boxes_.shrink_to_fit();
}

LatLng FacilityIndex::position(uint32_t id) const {
  // Ids come from this index's queries or the vector it was built from.
  assert(id < positions_.size());
  return positions_[sorted_index_of_id_[id]];
}

size_t FacilityIndex::MemoryBytes() const {
  return (cell_ids_.capacity() + cell_id_samples_.capacity()) * sizeof(uint64_t) +
         boxes_.capacity() * sizeof(Box) + box_levels_.capacity() * sizeof(uint32_t) +
         entries_.capacity() * sizeof(Entry) + categories_.capacity() * sizeof(FacilityCategory) +
         targets_.capacity() * sizeof(TargetSet) + sigungu_codes_.capacity() * sizeof(uint32_t) +
         emd_codes_.capacity() * sizeof(uint32_t) + positions_.capacity() * sizeof(LatLng) +
         sorted_index_of_id_.capacity() * sizeof(uint32_t);
}

bool FacilityIndex::AcceptsAt(size_t i, const FacilityFilter& filter) const {
  if ((filter.categories & CategoryBit(categories_[i])) == 0) return false;
  if (filter.any_target != 0 && (targets_[i] & filter.any_target) == 0) return false;
  return filter.region_code == 0 ||
         RegionMatches(filter.region_code, sigungu_codes_[i], emd_codes_[i]);
}

// -------------------------------------------------------------------------------------------------
// The queries' machinery: finding a cell's run, reporting, the box walk, the nearest-first walk.
// -------------------------------------------------------------------------------------------------

struct FacilityIndex::Impl {
  // The squared chord between a stored point and q (its square root is within 2^-24 of exact).
  static double SquaredChord(const Entry& p, const S2Point& q) {
    return Squared(p.x - q.x()) + Squared(p.y - q.y()) + Squared(p.z - q.z());
  }

  // The first position in [lo, hi) whose cell id is > key (kUpper) or >= key (else), hi if none: a
  // binary search whose first steps run on cell_id_samples_.
  template <bool kUpper>
  static uint32_t Search(const FacilityIndex& index, uint64_t key, uint32_t lo, uint32_t hi) {
    auto after = [](uint64_t a, uint64_t b) { return kUpper ? a < b : a <= b; };  // "b is past a"
    if (hi - lo > 2 * kSampleStride) {
      // Samples s_lo..s_hi-1 sit at positions s * kSampleStride inside [lo, hi).
      const uint32_t s_lo = (lo + kSampleStride - 1) / kSampleStride;
      const uint32_t s_hi = (hi - 1) / kSampleStride + 1;
      const auto samples = index.cell_id_samples_.begin();
      const uint32_t s = static_cast<uint32_t>(
          std::partition_point(samples + s_lo, samples + s_hi,
                               [&](uint64_t sample) { return !after(key, sample); }) -
          samples);
      // Sample s - 1 is not past key and sample s is: the answer lies between them.
      if (s > s_lo) lo = (s - 1) * kSampleStride + 1;
      if (s < s_hi) hi = s * kSampleStride + 1;
    }
    const auto first = index.cell_ids_.begin();
    return static_cast<uint32_t>(
        std::partition_point(first + lo, first + hi, [&](uint64_t id) { return !after(key, id); }) -
        first);
  }

  // The sorted positions [begin, end) of the points inside `cell`, searched for within [lo, hi).
  static std::pair<uint32_t, uint32_t> CellRun(const FacilityIndex& index, S2CellId cell,
                                               uint32_t lo, uint32_t hi) {
    const uint32_t begin = Search<false>(index, cell.range_min().id(), lo, hi);
    return {begin, CellRunEnd(index, cell, begin, hi)};
  }

  // Where the run of `cell` ends, given that it starts at `begin` and ends by `hi`: an exponential
  // search forward from `begin`, whose probes stay near the points the query reads next while runs
  // are short.
  static uint32_t CellRunEnd(const FacilityIndex& index, S2CellId cell, uint32_t begin,
                             uint32_t hi) {
    const uint64_t last = cell.range_max().id();
    const uint64_t* ids = index.cell_ids_.data();
    uint32_t inside = begin;  // ids[begin, inside) are in the cell
    for (uint32_t step = 1; inside < hi && ids[inside] <= last; step *= 2) {
      const uint32_t probe = inside + std::min(step, hi - inside) - 1;
      if (ids[probe] > last) {
        return static_cast<uint32_t>(std::upper_bound(ids + inside, ids + probe, last) - ids);
      }
      inside = probe + 1;
    }
    return inside;
  }

  // Reports a point that is inside the query's region if the filter accepts it.
  class Reporter {
   public:
    Reporter(const FacilityIndex& index, const FacilityFilter& filter,
             absl::FunctionRef<void(uint32_t)> visit)
        : index_(index), filter_(filter), filtering_(!filter.AcceptsAll()), visit_(visit) {}

    void Report(uint32_t i) const {
      if (!filtering_ || index_.AcceptsAt(i, filter_)) visit_(index_.entries_[i].id);
    }
    void ReportAll(uint32_t begin, uint32_t end) const {
      for (uint32_t i = begin; i < end; ++i) Report(i);
    }

   protected:
    const FacilityIndex& index_;

   private:
    const FacilityFilter& filter_;
    const bool filtering_;
    absl::FunctionRef<void(uint32_t)> visit_;
  };

  // -----------------------------------------------------------------------------------------------
  // The box walk. A query supplies the rectangle that bounds it (lo, hi; across the antimeridian
  // when lo.lng > hi.lng), Test(begin, end), which tests and reports each point of a sorted run,
  // and Inside(begin, end), for the run of a box inside that rectangle.
  // -----------------------------------------------------------------------------------------------
  enum class Overlap { kNone, kSome, kAll };

  // How much of a box the rectangle [lo, hi] holds, on the box's (outward-rounded) bounds.
  static Overlap Classify(const Box& box, LatLng lo, LatLng hi) {
    if (box.lat_hi < lo.lat || box.lat_lo > hi.lat) return Overlap::kNone;
    bool lng_all;
    if (lo.lng <= hi.lng) {
      if (box.lng_hi < lo.lng || box.lng_lo > hi.lng) return Overlap::kNone;
      lng_all = box.lng_lo >= lo.lng && box.lng_hi <= hi.lng;
    } else {
      if (box.lng_lo > hi.lng && box.lng_hi < lo.lng) return Overlap::kNone;
      lng_all = box.lng_lo >= lo.lng || box.lng_hi <= hi.lng;
    }
    return lng_all && box.lat_lo >= lo.lat && box.lat_hi <= hi.lat ? Overlap::kAll : Overlap::kSome;
  }

  // Walks the tree below box `node` of `level`.
  template <typename Query>
  static void WalkBoxes(const FacilityIndex& index, const Query& query, size_t level,
                        uint32_t node) {
    const Overlap overlap =
        Classify(index.boxes_[index.box_levels_[level] + node], query.lo(), query.hi());
    if (overlap == Overlap::kNone) return;
    const uint64_t span = uint64_t{1} << (kBoxBits * (level + 1));  // points under a box
    const uint32_t begin = static_cast<uint32_t>(node * span);
    const uint32_t end = static_cast<uint32_t>(std::min<uint64_t>(index.size(), begin + span));
    if (overlap == Overlap::kAll) return query.Inside(begin, end);
    if (level == 0) return query.Test(begin, end);
    const uint32_t boxes_below = index.box_levels_[level] - index.box_levels_[level - 1];
    const uint32_t children_end = std::min((node + 1) * kBoxFanout, boxes_below);
    for (uint32_t child = node * kBoxFanout; child < children_end; ++child) {
      WalkBoxes(index, query, level - 1, child);
    }
  }

  template <typename Query>
  static void WalkBoxes(const FacilityIndex& index, const Query& query) {
    if (!index.boxes_.empty()) WalkBoxes(index, query, index.box_levels_.size() - 1, 0);
  }

  // VisitInRect: points are tested on their exact coordinates, so the answer is exact.
  class RectQuery : public Reporter {
   public:
    RectQuery(const FacilityIndex& index, const FacilityFilter& filter,
              absl::FunctionRef<void(uint32_t)> visit, LatLng lo, LatLng hi)
        : Reporter(index, filter, visit), lo_(lo), hi_(hi) {}

    LatLng lo() const { return lo_; }
    LatLng hi() const { return hi_; }
    void Inside(uint32_t begin, uint32_t end) const { ReportAll(begin, end); }
    void Test(uint32_t begin, uint32_t end) const {
      const LatLng* positions = index_.positions_.data();
      if (lo_.lng <= hi_.lng) {
        for (uint32_t i = begin; i < end; ++i) {
          const LatLng p = positions[i];
          if (p.lat >= lo_.lat && p.lat <= hi_.lat && p.lng >= lo_.lng && p.lng <= hi_.lng) {
            Report(i);
          }
        }
      } else {  // across the antimeridian
        for (uint32_t i = begin; i < end; ++i) {
          const LatLng p = positions[i];
          if (p.lat >= lo_.lat && p.lat <= hi_.lat && (p.lng >= lo_.lng || p.lng <= hi_.lng)) {
            Report(i);
          }
        }
      }
    }

   private:
    const LatLng lo_, hi_;
  };

  // VisitWithin: boxes against the circle's bounding rectangle, points on squared chords.
  class RadiusQuery : public Reporter {
   public:
    RadiusQuery(const FacilityIndex& index, const FacilityFilter& filter,
                absl::FunctionRef<void(uint32_t)> visit, LatLng center, double radius_m)
        : Reporter(index, filter, visit),
          center_(center),
          radius_m_(radius_m),
          q_(ToPoint(center)) {
      const double chord = ChordFromMeters(radius_m);
      sure_inside2_ = chord > kSlack ? Squared(chord - kSlack) : 0.0;
      sure_outside2_ = Squared(chord + kSlack);
      // The bounding rectangle, grown by kSlack so that it also holds a point on its edge however
      // its longitude is spelled (180° or -180°), and with every longitude if it reaches a pole.
      const S2LatLngRect bound = S2Cap(q_, S1ChordAngle::FromLength2(std::min(4.0, sure_outside2_)))
                                     .GetRectBound()
                                     .Expanded(S2LatLng::FromRadians(kSlack, kSlack))
                                     .PolarClosure();
      lo_ = {bound.lat_lo().degrees(), bound.lng().is_full() ? -180 : bound.lng_lo().degrees()};
      hi_ = {bound.lat_hi().degrees(), bound.lng().is_full() ? 180 : bound.lng_hi().degrees()};
    }

    LatLng lo() const { return lo_; }
    LatLng hi() const { return hi_; }
    void Inside(uint32_t begin, uint32_t end) const { Test(begin, end); }
    void Test(uint32_t begin, uint32_t end) const {
      for (uint32_t i = begin; i < end; ++i) {
        const double d2 = SquaredChord(index_.entries_[i], q_);
        if (d2 > sure_outside2_) continue;
        if (d2 >= sure_inside2_ && DistanceMeters(center_, index_.positions_[i]) > radius_m_) {
          continue;
        }
        Report(i);
      }
    }

   private:
    const LatLng center_;
    const double radius_m_;
    const S2Point q_;  // center_
    // A stored point with a squared chord to q_ below sure_inside2_ is inside for sure, above
    // sure_outside2_ outside for sure; in between DistanceMeters decides.
    double sure_inside2_, sure_outside2_;
    LatLng lo_, hi_;  // the circle's bounding rectangle
  };

  // -----------------------------------------------------------------------------------------------
  // Nearest: a depth-first walk, nearest child cell first, that keeps the k best points by stored
  // chord and prunes cells and points beyond the k-th best. Stored chords may misorder points less
  // than 2·kSlack apart, so the walk also keeps every point within 2·kSlack of the k-th best, and
  // the exact DistanceMeters of those few candidates decides the answer and its order.
  // -----------------------------------------------------------------------------------------------
  class NearestSearch {
   public:
    NearestSearch(const FacilityIndex& index, LatLng center, size_t k, const FacilityFilter& filter,
                  double max_distance_m, std::vector<Neighbor>* best)
        : index_(index),
          center_(center),
          q_(ToPoint(center)),
          q_on_faces_(q_),
          k_(k),
          filter_(filter),
          filtering_(!filter.AcceptsAll()),
          max_distance_m_(max_distance_m),
          best_(*best) {
      limit_ = ChordFromMeters(max_distance_m) + kSlack;
      limit2_ = Squared(limit_);
    }

    void Run() {
      const uint32_t n = static_cast<uint32_t>(index_.size());
      // Seed: the points next to the query in cell order are usually near it. They give a first
      // k-th best, so the walk starts from small cells, and are then skipped.
      const uint32_t at = Search<false>(index_, LeafCellId(center_), 0, n);
      const uint32_t half = static_cast<uint32_t>(std::min<size_t>(std::max<size_t>(k_, 8), n));
      const uint32_t seed_begin = at - std::min(at, half);
      const uint32_t seed_end = static_cast<uint32_t>(std::min<size_t>(n, size_t{at} + half));
      ScanRun(seed_begin, seed_end);
      skip_begin_ = seed_begin;
      skip_end_ = seed_end;
      if (seed_begin > 0 || seed_end < n) WalkFromStart();
      Finish();
    }

   private:
    struct Child {
      double lower_bound;  // FacePoints::SinDistanceLowerBound
      const S2Cell* cell;
      uint32_t begin, end;
    };

    // A cell farther than limit_ + kSlack from q_ holds no point within limit_ (as stored).
    double CellLimit2() const { return Squared(limit_ + kSlack); }
    bool MayHoldCandidates(double sin_distance_lower_bound) const {
      const double chord = limit_ + kSlack;  // cells are ruled out only within 90° (chord √2)
      return chord > M_SQRT2 || sin_distance_lower_bound <= SinFromChord(chord);
    }

    void WalkFromStart() {
      const S2Cap bound(q_, S1ChordAngle::FromLength2(std::min(4.0, CellLimit2())));
      S2Cell cells[6];
      Child starts[6];
      size_t count = 0;
      for (S2CellId start : StartCells(bound)) {
        const auto [begin, end] = CellRun(index_, start, 0, static_cast<uint32_t>(index_.size()));
        if (begin == end) continue;
        cells[count] = S2Cell(start);
        starts[count] = {q_on_faces_.SinDistanceLowerBound(cells[count]), &cells[count], begin,
                         end};
        ++count;
      }
      VisitNearestFirst(starts, count);
    }

    void VisitNearestFirst(Child* children, size_t count) {
      // Insertion sort: at most 6.
      for (size_t c = 1; c < count; ++c) {
        for (size_t d = c; d > 0 && children[d].lower_bound < children[d - 1].lower_bound; --d) {
          std::swap(children[d], children[d - 1]);
        }
      }
      for (size_t c = 0; c < count; ++c) {
        if (!MayHoldCandidates(children[c].lower_bound)) break;
        Descend(*children[c].cell, children[c].begin, children[c].end);
      }
    }

    void Descend(const S2Cell& cell, uint32_t begin, uint32_t end) {
      if (end - begin <= kLeafRun || cell.is_leaf()) return Scan(begin, end);
      S2Cell cells[4];
      cell.Subdivide(cells);
      Child children[4];
      size_t count = 0;
      for (int k = 0; k < 4; ++k) {
        const uint32_t child_end = k == 3 ? end : CellRunEnd(index_, cells[k].id(), begin, end);
        if (child_end != begin) {
          const double lower_bound = q_on_faces_.SinDistanceLowerBound(cells[k]);
          if (MayHoldCandidates(lower_bound))
            children[count++] = {lower_bound, &cells[k], begin, child_end};
        }
        begin = child_end;
      }
      VisitNearestFirst(children, count);
    }

    // Scans [begin, end) except the seed, which was scanned first.
    void Scan(uint32_t begin, uint32_t end) {
      if (begin < skip_begin_) ScanRun(begin, std::min(end, skip_begin_));
      if (end > skip_end_) ScanRun(std::max(begin, skip_end_), end);
    }

    void ScanRun(uint32_t begin, uint32_t end) {
      for (uint32_t i = begin; i < end; ++i) {
        const double d2 = SquaredChord(index_.entries_[i], q_);
        if (d2 > limit2_) continue;
        if (filtering_ && !index_.AcceptsAt(i, filter_)) continue;
        Offer({i, d2});
      }
    }

    // While searching, a Neighbor holds a sorted position as its id and the squared stored chord as
    // its distance; Finish() turns them into the id and DistanceMeters.
    static bool Closer(const Neighbor& a, const Neighbor& b) {
      return a.distance_m != b.distance_m ? a.distance_m < b.distance_m : a.id < b.id;
    }

    // Keeps `candidate` (within limit_) among the k best (a max-heap in best_) or the near ties.
    void Offer(Neighbor candidate) {
      if (best_.size() < k_) {
        best_.push_back(candidate);
        std::push_heap(best_.begin(), best_.end(), Closer);
        if (best_.size() == k_) Tighten();
        return;
      }
      if (!Closer(candidate, best_.front())) {
        near_ties_.push_back(candidate);
        return;
      }
      std::pop_heap(best_.begin(), best_.end(), Closer);
      const Neighbor evicted = best_.back();
      best_.back() = candidate;
      std::push_heap(best_.begin(), best_.end(), Closer);
      Tighten();
      if (evicted.distance_m <= limit2_) near_ties_.push_back(evicted);
    }

    // With k candidates, nothing more than 2·kSlack beyond the k-th best can be in the answer.
    void Tighten() {
      limit_ = std::min(limit_, std::sqrt(best_.front().distance_m) + 2 * kSlack);
      limit2_ = Squared(limit_);
    }

    // Exact distances for the candidates; the k closest by (distance, id) are the answer.
    void Finish() {
      for (const Neighbor& tie : near_ties_) {
        if (tie.distance_m <= limit2_) best_.push_back(tie);
      }
      size_t kept = 0;
      for (const Neighbor& candidate : best_) {
        const double metres = DistanceMeters(center_, index_.positions_[candidate.id]);
        if (metres <= max_distance_m_) best_[kept++] = {index_.entries_[candidate.id].id, metres};
      }
      best_.resize(kept);
      std::sort(best_.begin(), best_.end(), Closer);
      if (best_.size() > k_) best_.resize(k_);
    }

    const FacilityIndex& index_;
    const LatLng center_;
    const S2Point q_;
    const FacePoints q_on_faces_;
    const size_t k_;
    const FacilityFilter& filter_;
    const bool filtering_;
    const double max_distance_m_;
    std::vector<Neighbor>& best_;
    absl::InlinedVector<Neighbor, 8>
        near_ties_;  // beyond the k best by stored chord, within limit_
    double limit_;   // chord: stored points farther from q_ cannot be in the answer
    double limit2_;  // limit_²
    uint32_t skip_begin_ = 0, skip_end_ = 0;  // the seed run, already scanned
  };
};

// -------------------------------------------------------------------------------------------------
// The queries
// -------------------------------------------------------------------------------------------------

void FacilityIndex::VisitWithin(LatLng center, double radius_m, const FacilityFilter& filter,
                                absl::FunctionRef<void(uint32_t)> visit) const {
  assert(IsValidRegionCode(filter.region_code));  // see FacilityFilter::region_code
  if (size() == 0 || !(radius_m >= 0)) return;
  Impl::WalkBoxes(*this, Impl::RadiusQuery(*this, filter, visit, center, radius_m));
}

void FacilityIndex::VisitInRect(LatLng lo, LatLng hi, const FacilityFilter& filter,
                                absl::FunctionRef<void(uint32_t)> visit) const {
  assert(IsValidRegionCode(filter.region_code));  // see FacilityFilter::region_code
  // An inverted latitude range is a caller's bug (longitudes may wrap, latitudes cannot).
  assert(lo.lat <= hi.lat);
  if (size() == 0 || !(lo.lat <= hi.lat)) return;
  Impl::WalkBoxes(*this, Impl::RectQuery(*this, filter, visit, lo, hi));
}

void FacilityIndex::Nearest(LatLng center, size_t k, const FacilityFilter& filter,
                            std::vector<Neighbor>* out, double max_distance_m) const {
  assert(IsValidRegionCode(filter.region_code));  // see FacilityFilter::region_code
  out->clear();
  if (k == 0 || size() == 0 || !(max_distance_m >= 0)) return;
  Impl::NearestSearch(*this, center, k, filter, max_distance_m, out).Run();
}

}  // namespace bokji
