// FacilityIndex: see facility_index.h for what it does and how.
//
// Index
//   - Constants and small helpers        margins, unit vectors, sin/cos of degrees
//   - The Hilbert key and the radix sort  the order of the points
//   - FacilityFilter
//   - Building                           the sorted arrays, attribute codes, the box tree
//   - The queries' machinery (struct FacilityIndex::Impl)
//       reporting accepted points        Reporter
//       the box walk                     WalkBoxes, RectQuery, RadiusQuery
//       the nearest-first walk           NearestSearch
//   - The queries
#include "core/facility_index.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <type_traits>
#include <utility>

#include "core/geo.h"

namespace bokji {

// -------------------------------------------------------------------------------------------------
// Constants and small helpers
// -------------------------------------------------------------------------------------------------
namespace {

// How far a float test may be off, on the unit sphere (1e-7 ≈ 0.64 m on Earth): a stored float
// coordinate is within 2^-25 ≈ 3e-8 of the exact one (the build's sine and cosine are exact to
// 1e-13), so a stored unit vector is within 5.2e-8 of the exact one, and the query's planes, ball
// and the haversine formula are exact to ~1e-15. A point is tested on its exact double LatLng only
// when a float test lands within this margin of the query's edge.
constexpr double kSlack = 1e-7;

// The box tree's fan-out: an inner box holds 16 boxes (as in flatbush).
constexpr int kBoxBits = 4;
constexpr uint32_t kBoxFanout = 1 << kBoxBits;
// A leaf box holds this many consecutive points: measured against 8 and 16, 32 made kNN and
// radius queries a little faster (most of their time goes to classifying boxes) and the tree
// smaller (0.8 bytes per point).
constexpr int kLeafBits = 5;
constexpr uint32_t kLeafSize = 1 << kLeafBits;

// attribute_codes_ value for a point whose attributes are not in the table (it holds at most
// 65,535 combinations): filters read them from the caller's element.
constexpr uint16_t kAttributesInSource = 0xFFFF;

constexpr double kRadiansPerDegree = M_PI / 180;

double Squared(double x) {
  return x * x;
}

struct Vec3 {
  double x, y, z;
};

// sin and cos of an angle in degrees, |degrees| <= 360, to within 1e-13 (Taylor series to the
// 13th / 14th power on [-45°, 45°] after an exact reduction by quadrants): what the build needs
// to round unit vectors to float, at a fraction of the cost of std::sin and std::cos.
struct SinCos {
  double sin, cos;
};
SinCos SinCosDegrees(double degrees) {
  const double quadrants = std::nearbyint(degrees * (1.0 / 90));
  const double x = (degrees - 90 * quadrants) * kRadiansPerDegree;  // in [-π/4, π/4]
  const double x2 = x * x;
  // 1/n! for the series' terms.
  constexpr double k3 = 1.0 / 6, k5 = k3 / 20, k7 = k5 / 42, k9 = k7 / 72, k11 = k9 / 110,
                   k13 = k11 / 156;
  constexpr double k2 = 1.0 / 2, k4 = k2 / 12, k6 = k4 / 30, k8 = k6 / 56, k10 = k8 / 90,
                   k12 = k10 / 132, k14 = k12 / 182;
  const double s = x * (1 - x2 * (k3 - x2 * (k5 - x2 * (k7 - x2 * (k9 - x2 * (k11 - x2 * k13))))));
  const double c =
      1 - x2 * (k2 - x2 * (k4 - x2 * (k6 - x2 * (k8 - x2 * (k10 - x2 * (k12 - x2 * k14))))));
  switch (static_cast<int>(quadrants) & 3) {
    case 0:
      return {s, c};
    case 1:
      return {c, -s};
    case 2:
      return {-s, -c};
    default:
      return {-c, s};
  }
}

// The unit vector of a query point (S2LatLng::ToPoint's formula), to within 1e-13: far inside
// kSlack.
Vec3 UnitVector(LatLng p) {
  const SinCos lat = SinCosDegrees(p.lat), lng = SinCosDegrees(p.lng);
  return {lat.cos * lng.cos, lat.cos * lng.sin, lat.sin};
}

// The chord length on the unit sphere between points `metres` apart on Earth (2 for any distance
// beyond the antipode).
double ChordFromMeters(double metres) {
  const double radians = metres / kEarthRadiusMeters;
  if (radians >= M_PI) return 2.0;
  const SinCos half = SinCosDegrees(radians * (90 / M_PI));  // sin(radians / 2), to 1e-13
  return 2 * half.sin;
}

// A point's 시군구 code: its own, else the first 5 digits of its 읍면동 code.
uint32_t SigunguOf(uint32_t sigungu_code, uint32_t emd_code) {
  return sigungu_code != 0 ? sigungu_code : emd_code / 100;
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

// -------------------------------------------------------------------------------------------------
// The Hilbert key and the radix sort
// -------------------------------------------------------------------------------------------------

// The Hilbert curve over a 2^16 × 2^16 grid, 4 bits of each axis at a time. Reading a cell's
// coordinates from the top bit down, each bit pair (x, y) picks a quadrant, numbered
// (3·x) xor y along the curve; the quadrants below are then seen transposed (when y = 0) and also
// mirrored (when x = 1 too). A state of two bits (bit 0: transposed, bit 1: mirrored) tracks that,
// and the table maps (state, 4 bits of x, 4 bits of y) to 8 bits of the key and the next state.
constexpr std::array<uint16_t, 4 * 256> MakeHilbertTable() {
  std::array<uint16_t, 4 * 256> table{};
  for (unsigned start = 0; start < 4; ++start) {
    for (unsigned x4 = 0; x4 < 16; ++x4) {
      for (unsigned y4 = 0; y4 < 16; ++y4) {
        unsigned state = start, digits = 0;
        for (int bit = 3; bit >= 0; --bit) {
          unsigned x = (x4 >> bit) & 1, y = (y4 >> bit) & 1;
          if (state & 1) std::swap(x, y);
          if (state & 2) x ^= 1, y ^= 1;
          digits = digits << 2 | ((3 * x) ^ y);
          if (y == 0) state ^= 1 | (x << 1);
        }
        table[start << 8 | x4 << 4 | y4] = static_cast<uint16_t>(digits | state << 8);
      }
    }
  }
  return table;
}
constexpr std::array<uint16_t, 4 * 256> kHilbertTable = MakeHilbertTable();

// The position of cell (x, y) along the Hilbert curve. REQUIRES: x, y < 2^16.
uint32_t HilbertKey(uint32_t x, uint32_t y) {
  uint32_t key = 0, state = 0;
  for (int shift = 12; shift >= 0; shift -= 4) {
    const uint32_t entry =
        kHilbertTable[state << 8 | ((x >> shift) & 15) << 4 | ((y >> shift) & 15)];
    key = key << 8 | (entry & 255);
    state = entry >> 8;
  }
  return key;
}

// Sorts items by their high 32 bits (stable): an LSD radix sort, 11 bits a pass, skipping passes in
// which every item has the same digit.
void RadixSortByHighWord(std::vector<uint64_t>* items) {
  constexpr int kDigitBits = 11;
  constexpr int kPasses = 3;  // 33 bits >= 32
  constexpr size_t kBuckets = size_t{1} << kDigitBits;
  const size_t n = items->size();
  if (n < 2) return;
  std::vector<std::array<uint32_t, kBuckets>> counts(kPasses);
  for (auto& c : counts) c.fill(0);
  for (uint64_t item : *items) {
    const uint32_t key = static_cast<uint32_t>(item >> 32);
    ++counts[0][key & (kBuckets - 1)];
    ++counts[1][(key >> kDigitBits) & (kBuckets - 1)];
    ++counts[2][key >> (2 * kDigitBits)];
  }
  std::vector<uint64_t> scratch(n);
  for (int pass = 0; pass < kPasses; ++pass) {
    const int shift = 32 + pass * kDigitBits;
    std::array<uint32_t, kBuckets>& count = counts[pass];
    if (count[((*items)[0] >> shift) & (kBuckets - 1)] == n) continue;  // one digit for all
    uint32_t offset = 0;
    for (uint32_t& c : count) {
      const uint32_t here = c;
      c = offset;
      offset += here;
    }
    const uint64_t* in = items->data();
    uint64_t* out = scratch.data();
    for (size_t i = 0; i < n; ++i) out[count[(in[i] >> shift) & (kBuckets - 1)]++] = in[i];
    items->swap(scratch);
  }
}

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
  return region_code == 0 ||
         RegionMatches(region_code, SigunguOf(p.sigungu_code, p.emd_code), p.emd_code);
}

bool FacilityFilter::AcceptsAll() const {
  return (categories & kAllCategories) == kAllCategories && any_target == 0 && region_code == 0;
}

// -------------------------------------------------------------------------------------------------
// The queries' machinery (and the build's attribute table)
// -------------------------------------------------------------------------------------------------

struct FacilityIndex::Impl {
  // Gives each distinct combination of attributes a code, in a small open-addressing hash table.
  class AttributeCoder {
   public:
    explicit AttributeCoder(std::vector<Attributes>* table) : table_(*table) {
      slots_.assign(64, kEmpty);
      by_category_.fill(kEmpty);
    }

    uint16_t Code(const Attributes& a) {
      // Points often share all but their category: a per-category cache for the last such context.
      if (a.targets != context_.targets || a.sigungu_code != context_.sigungu_code ||
          a.emd_code != context_.emd_code) {
        context_ = a;
        by_category_.fill(kEmpty);
      }
      uint16_t& cached = by_category_[std::countr_zero(a.category_bit) & 31];
      if (cached == kEmpty) cached = Lookup(a);
      return cached;
    }

   private:
    static constexpr uint16_t kEmpty = 0xFFFF;

    uint16_t Lookup(const Attributes& a) {
      size_t slot = Hash(a) & (slots_.size() - 1);
      for (;; slot = (slot + 1) & (slots_.size() - 1)) {
        const uint16_t code = slots_[slot];
        if (code == kEmpty) break;
        if (Same(table_[code], a)) return code;
      }
      if (table_.size() >= kAttributesInSource) return kAttributesInSource;  // the table is full
      const uint16_t code = static_cast<uint16_t>(table_.size());
      table_.push_back(a);
      slots_[slot] = code;
      if (2 * table_.size() > slots_.size()) Grow();
      return code;
    }

    static bool Same(const Attributes& a, const Attributes& b) {
      return a.category_bit == b.category_bit && a.targets == b.targets &&
             a.sigungu_code == b.sigungu_code && a.emd_code == b.emd_code;
    }
    static size_t Hash(const Attributes& a) {
      uint64_t h = (uint64_t{a.category_bit} << 32 | a.targets) * 0x9E3779B97F4A7C15ull;
      h ^= (uint64_t{a.sigungu_code} << 32 | a.emd_code) * 0xC2B2AE3D27D4EB4Full;
      return static_cast<size_t>(h ^ h >> 29);
    }
    void Grow() {
      slots_.assign(slots_.size() * 2, kEmpty);
      for (size_t code = 0; code < table_.size(); ++code) {
        size_t slot = Hash(table_[code]) & (slots_.size() - 1);
        while (slots_[slot] != kEmpty) slot = (slot + 1) & (slots_.size() - 1);
        slots_[slot] = static_cast<uint16_t>(code);
      }
    }

    std::vector<Attributes>& table_;
    std::vector<uint16_t> slots_;
    Attributes context_;  // targets and region of the points by_category_ caches
    std::array<uint16_t, 32> by_category_;
  };

  template <typename Element>
  static Attributes AttributesOf(const Element& e) {
    return {CategoryBit(e.category), e.targets, SigunguOf(e.sigungu_code, e.emd_code), e.emd_code};
  }

  // The squared chord between a stored point and q (its square root is within 5.2e-8 of exact).
  static double SquaredChord(const Vector& p, const Vec3& q) {
    return Squared(p.x - q.x) + Squared(p.y - q.y) + Squared(p.z - q.z);
  }

  // The least squared distance from q to a point of the box.
  static double BoxMinSquared(const Box& box, const Vec3& q) {
    const double dx = std::max(std::max(box.lo[0] - q.x, q.x - box.hi[0]), 0.0);
    const double dy = std::max(std::max(box.lo[1] - q.y, q.y - box.hi[1]), 0.0);
    const double dz = std::max(std::max(box.lo[2] - q.z, q.z - box.hi[2]), 0.0);
    return dx * dx + dy * dy + dz * dz;
  }
  // Hands the accepted points of a query to its visitor in runs: a box wholly inside the query
  // as one run of ids_ (when nothing is filtered), the points of a tested box gathered first.
  class Reporter {
   public:
    Reporter(const FacilityIndex& index, const FacilityFilter& filter,
             absl::FunctionRef<void(std::span<const uint32_t>)> visit_run)
        : index_(index), filter_(filter), filtering_(!filter.AcceptsAll()), visit_run_(visit_run) {}

    // Every point of [begin, end), as far as the filter accepts them.
    void ReportAll(uint32_t begin, uint32_t end) const {
      if (!filtering_) {
        visit_run_(std::span<const uint32_t>(index_.ids_.data() + begin, end - begin));
        return;
      }
      Gathered gathered(*this);
      for (uint32_t i = begin; i < end; ++i) gathered.Add(i);
    }

   protected:
    // Collects the accepted points among those a query adds, and reports them in runs.
    class Gathered {
     public:
      explicit Gathered(const Reporter& reporter) : reporter_(reporter) {}
      ~Gathered() { Flush(); }

      void Add(uint32_t i) {
        if (reporter_.filtering_ && !reporter_.index_.AcceptsAt(i, reporter_.filter_)) return;
        ids_[count_++] = reporter_.index_.ids_[i];
        if (count_ == kCapacity) [[unlikely]]
          Flush();
      }

     private:
      static constexpr uint32_t kCapacity = 64;
      [[gnu::noinline]] void Flush() {
        if (count_ > 0) reporter_.visit_run_(std::span<const uint32_t>(ids_, count_));
        count_ = 0;
      }
      const Reporter& reporter_;
      uint32_t ids_[kCapacity];
      uint32_t count_ = 0;
    };

    const FacilityIndex& index_;

   private:
    const FacilityFilter& filter_;
    const bool filtering_;
    absl::FunctionRef<void(std::span<const uint32_t>)> visit_run_;
  };

  // -----------------------------------------------------------------------------------------------
  // The box walk. A query supplies Classify(box), Test(begin, end), which tests and reports each
  // point of a sorted run, and Inside(begin, end), for the run of a box wholly inside the query.
  // -----------------------------------------------------------------------------------------------
  enum class Overlap { kNone, kSome, kAll };

  // Walks the children of box `node` of `level` (>= 1).
  template <typename Query>
  static void WalkChildren(const FacilityIndex& index, const Query& query, size_t level,
                           uint32_t node) {
    const uint32_t level_start = index.box_levels_[level - 1];
    const uint32_t first = node * kBoxFanout;
    const uint32_t end = std::min(first + kBoxFanout, index.box_levels_[level] - level_start);
    const uint64_t span = uint64_t{kLeafSize} << (kBoxBits * (level - 1));  // points under a child
    for (uint32_t child = first; child < end; ++child) {
      const Overlap overlap = query.Classify(index.boxes_[level_start + child]);
      if (overlap == Overlap::kNone) continue;
      const uint32_t begin = static_cast<uint32_t>(child * span);
      if (level > 1 && overlap == Overlap::kSome) {
        WalkChildren(index, query, level - 1, child);
        continue;
      }
      const uint32_t run_end =
          static_cast<uint32_t>(std::min<uint64_t>(index.size(), begin + span));
      if (overlap == Overlap::kAll) {
        query.Inside(begin, run_end);
      } else {
        query.Test(begin, run_end);
      }
    }
  }

  template <typename Query>
  static void WalkBoxes(const FacilityIndex& index, const Query& query) {
    if (index.boxes_.empty()) return;
    const Overlap overlap = query.Classify(index.boxes_.back());
    const uint32_t n = static_cast<uint32_t>(index.size());
    if (overlap == Overlap::kAll) return query.Inside(0, n);
    if (overlap == Overlap::kNone) return;
    const size_t top = index.box_levels_.size() - 1;
    if (top == 0) return query.Test(0, n);
    WalkChildren(index, query, top, 0);
  }

  // VisitInRect. Latitude lo..hi is the slab sin(lo) <= z <= sin(hi). Longitude c..d (east from c)
  // is tested with a(p) = cos c·y - sin c·x = cos(lat)·sin(lng - c), which is > 0 strictly east of
  // c within 180°, and b(p) = sin d·x - cos d·y = cos(lat)·sin(d - lng): for a range up to 180°
  // wide a point is inside iff a >= 0 and b >= 0, for a wider one iff a >= 0 or b >= 0. A value
  // within kSlack of 0 (or of the slab's edge) leaves the point to the exact test.
  class RectQuery : public Reporter {
   public:
    RectQuery(const FacilityIndex& index, const FacilityFilter& filter,
              absl::FunctionRef<void(std::span<const uint32_t>)> visit_run, LatLng lo, LatLng hi)
        : Reporter(index, filter, visit_run), lo_(lo), hi_(hi) {
      const bool valid = lo.lat >= -90 && hi.lat <= 90 && lo.lng >= -180 && lo.lng <= 180 &&
                         hi.lng >= -180 && hi.lng <= 180;
      if (!valid) {
        mode_ = Mode::kExactOnly;  // bounds outside the globe (or NaN): no float shortcuts
        return;
      }
      // Every stored z lies in [-1, 1]: a bound at a pole holds every point.
      z_lo_ = lo.lat <= -90 ? -2 : std::sin(lo.lat * kRadiansPerDegree);
      z_hi_ = hi.lat >= 90 ? 2 : std::sin(hi.lat * kRadiansPerDegree);
      const double width = lo.lng <= hi.lng ? hi.lng - lo.lng : hi.lng - lo.lng + 360;
      mode_ = lo.lng == -180 && hi.lng == 180 ? Mode::kAllLongitudes
              : width <= 180                  ? Mode::kBoth
                                              : Mode::kEither;
      const double c = lo.lng * kRadiansPerDegree, d = hi.lng * kRadiansPerDegree;
      a_ = Plane(-std::sin(c), std::cos(c));
      b_ = Plane(std::sin(d), -std::cos(d));
    }

    Overlap Classify(const Box& box) const {
      if (mode_ == Mode::kExactOnly) return Overlap::kSome;
      if (box.hi[2] < z_lo_ - kSlack || box.lo[2] > z_hi_ + kSlack) return Overlap::kNone;
      bool all = box.lo[2] > z_lo_ + kSlack && box.hi[2] < z_hi_ - kSlack;
      if (mode_ == Mode::kBoth) {
        const double a_max = a_.Max(box), b_max = b_.Max(box);
        if (a_max < -kSlack || b_max < -kSlack) return Overlap::kNone;
        all = all && a_.Min(box) > kSlack && b_.Min(box) > kSlack;
      } else if (mode_ == Mode::kEither) {
        if (a_.Max(box) < -kSlack && b_.Max(box) < -kSlack) return Overlap::kNone;
        all = all && (a_.Min(box) > kSlack || b_.Min(box) > kSlack);
      }
      return all ? Overlap::kAll : Overlap::kSome;
    }

    void Inside(uint32_t begin, uint32_t end) const { ReportAll(begin, end); }

    void Test(uint32_t begin, uint32_t end) const {
      switch (mode_) {
        case Mode::kBoth:
          return TestRun<Mode::kBoth>(begin, end);
        case Mode::kEither:
          return TestRun<Mode::kEither>(begin, end);
        case Mode::kAllLongitudes:
          return TestRun<Mode::kAllLongitudes>(begin, end);
        case Mode::kExactOnly: {
          Gathered gathered(*this);
          for (uint32_t i = begin; i < end; ++i) {
            if (ExactlyInside(index_.ExactPosition(index_.ids_[i]))) gathered.Add(i);
          }
          return;
        }
      }
    }

   private:
    enum class Mode { kBoth, kEither, kAllLongitudes, kExactOnly };

    // p ↦ nx·p.x + ny·p.y, and its least and greatest value over a box.
    class Plane {
     public:
      Plane() = default;
      Plane(double nx, double ny) : nx_(nx), ny_(ny), x_low_(nx >= 0), y_low_(ny >= 0) {}
      double At(const Vector& v) const { return nx_ * v.x + ny_ * v.y; }
      double Min(const Box& box) const {
        return nx_ * (x_low_ ? box.lo[0] : box.hi[0]) + ny_ * (y_low_ ? box.lo[1] : box.hi[1]);
      }
      double Max(const Box& box) const {
        return nx_ * (x_low_ ? box.hi[0] : box.lo[0]) + ny_ * (y_low_ ? box.hi[1] : box.lo[1]);
      }

     private:
      double nx_ = 0, ny_ = 0;
      bool x_low_ = true, y_low_ = true;  // whether the least value is at the box's low x (y)
    };

    // Tests each point of [begin, end) on its float vector, and exactly when that is too close to
    // call.
    template <Mode kMode>
    void TestRun(uint32_t begin, uint32_t end) const {
      const Vector* vectors = index_.vectors_.data();
      Gathered gathered(*this);
      for (uint32_t i = begin; i < end; ++i) {
        const Vector& v = vectors[i];
        const double z = v.z;
        if (z < z_lo_ - kSlack || z > z_hi_ + kSlack) continue;
        bool sure = z > z_lo_ + kSlack && z < z_hi_ - kSlack;
        if (kMode == Mode::kBoth) {
          const double a = a_.At(v), b = b_.At(v);
          if (a < -kSlack || b < -kSlack) continue;
          sure = sure && a > kSlack && b > kSlack;
        } else if (kMode == Mode::kEither) {
          const double a = a_.At(v), b = b_.At(v);
          if (a < -kSlack && b < -kSlack) continue;
          sure = sure && (a > kSlack || b > kSlack);
        }
        if (sure || ExactlyInside(index_.ExactPosition(index_.ids_[i]))) gathered.Add(i);
      }
    }

    bool ExactlyInside(LatLng p) const {
      if (!(p.lat >= lo_.lat && p.lat <= hi_.lat)) return false;
      return lo_.lng <= hi_.lng ? p.lng >= lo_.lng && p.lng <= hi_.lng
                                : p.lng >= lo_.lng || p.lng <= hi_.lng;
    }

    const LatLng lo_, hi_;
    Mode mode_;
    double z_lo_ = 0, z_hi_ = 0;
    Plane a_, b_;
  };

  // VisitWithin: the ball of the radius's chord around q, on squared chords.
  class RadiusQuery : public Reporter {
   public:
    RadiusQuery(const FacilityIndex& index, const FacilityFilter& filter,
                absl::FunctionRef<void(std::span<const uint32_t>)> visit_run, LatLng center,
                double radius_m)
        : Reporter(index, filter, visit_run),
          center_(center),
          radius_m_(radius_m),
          q_(UnitVector(center)) {
      const double chord = ChordFromMeters(radius_m);
      sure_inside2_ = chord > kSlack ? Squared(chord - kSlack) : 0.0;
      sure_outside2_ = Squared(chord + kSlack);
      const double q[3] = {q_.x, q_.y, q_.z};
      // The cube inscribed in the ball of sure_inside2_ (half side r / √3, less a margin for
      // rounding).
      const double inner = chord > kSlack ? (chord - kSlack) * (1 / std::sqrt(3.0)) - 1e-15 : 0;
      for (int a = 0; a < 3; ++a) {
        ball_lo_[a] = q[a] - (chord + kSlack);
        ball_hi_[a] = q[a] + (chord + kSlack);
        cube_lo_[a] = q[a] - inner;
        cube_hi_[a] = q[a] + inner;
      }
    }

    Overlap Classify(const Box& box) const {
      // Comparisons first: outside the ball's bounding box (most boxes), or inside the cube
      // inscribed in the ball; then the box's distance.
      for (int a = 0; a < 3; ++a) {
        if (box.hi[a] < ball_lo_[a] || box.lo[a] > ball_hi_[a]) return Overlap::kNone;
      }
      if (box.lo[0] > cube_lo_[0] && box.hi[0] < cube_hi_[0] && box.lo[1] > cube_lo_[1] &&
          box.hi[1] < cube_hi_[1] && box.lo[2] > cube_lo_[2] && box.hi[2] < cube_hi_[2]) {
        return Overlap::kAll;
      }
      return BoxMinSquared(box, q_) > sure_outside2_ ? Overlap::kNone : Overlap::kSome;
    }
    void Inside(uint32_t begin, uint32_t end) const { ReportAll(begin, end); }
    void Test(uint32_t begin, uint32_t end) const {
      const Vector* vectors = index_.vectors_.data();
      Gathered gathered(*this);
      for (uint32_t i = begin; i < end; ++i) {
        const double d2 = SquaredChord(vectors[i], q_);
        if (d2 > sure_outside2_) continue;
        if (d2 >= sure_inside2_ &&
            DistanceMeters(center_, index_.ExactPosition(index_.ids_[i])) > radius_m_) {
          continue;
        }
        gathered.Add(i);
      }
    }

   private:
    const LatLng center_;
    const double radius_m_;
    const Vec3 q_;  // center_
    // A stored point with a squared chord to q_ below sure_inside2_ is inside for sure, above
    // sure_outside2_ outside for sure; in between DistanceMeters decides.
    double sure_inside2_, sure_outside2_;
    double ball_lo_[3], ball_hi_[3];  // the bounding box of the ball of chord + kSlack
    double cube_lo_[3], cube_hi_[3];  // a cube inside the ball of chord - kSlack
  };

  // -----------------------------------------------------------------------------------------------
  // Nearest: a depth-first walk of the box tree, nearest child first, that collects the points
  // within a limit and skips boxes beyond it. Once there are k candidates the limit is the k-th
  // best stored chord plus 2·kSlack: stored chords may misorder points less than 2·kSlack apart,
  // so every point within that may be in the answer, and the exact DistanceMeters of those few
  // candidates decides the answer and its order.
  // -----------------------------------------------------------------------------------------------
  class NearestSearch {
   public:
    NearestSearch(const FacilityIndex& index, LatLng center, size_t k, const FacilityFilter& filter,
                  double max_distance_m, std::vector<Neighbor>* best)
        : index_(index),
          center_(center),
          q_(UnitVector(center)),
          k_(k),
          filter_(filter),
          filtering_(!filter.AcceptsAll()),
          max_distance_m_(max_distance_m),
          best_(*best) {
      limit_ = ChordFromMeters(max_distance_m) + kSlack;
      limit2_ = Squared(limit_);
    }

    void Run() {
      const uint32_t top = static_cast<uint32_t>(index_.box_levels_.size() - 1);
      if (top == 0) {
        ScanRun(0, static_cast<uint32_t>(index_.size()));
      } else {
        Descend(top, 0);
      }
      Finish();
    }

   private:
    // Visits the children of box `node` of `level` (>= 1) nearest first, skipping those farther
    // than the k-th best point found so far.
    void Descend(uint32_t level, uint32_t node) {
      const uint32_t level_start = index_.box_levels_[level - 1];
      const uint32_t first = node * kBoxFanout;
      const uint32_t count = std::min(kBoxFanout, index_.box_levels_[level] - level_start - first);
      // Each child's least squared distance, or infinity when its box lies outside the cube
      // around q_ that holds the ball of the current limit (comparisons only).
      const double reach = limit_ * (1 + 1e-12);
      const double lo[3] = {q_.x - reach, q_.y - reach, q_.z - reach};
      const double hi[3] = {q_.x + reach, q_.y + reach, q_.z + reach};
      double min_squared[kBoxFanout];
      for (uint32_t c = 0; c < count; ++c) {
        const Box& box = index_.boxes_[level_start + first + c];
        const bool outside = box.hi[0] < lo[0] || box.lo[0] > hi[0] || box.hi[1] < lo[1] ||
                             box.lo[1] > hi[1] || box.hi[2] < lo[2] || box.lo[2] > hi[2];
        min_squared[c] = outside ? std::numeric_limits<double>::infinity() : BoxMinSquared(box, q_);
      }
      for (;;) {
        uint32_t nearest = count;
        double nearest_squared = BoxLimit2();
        for (uint32_t c = 0; c < count; ++c) {
          if (min_squared[c] <= nearest_squared) {
            nearest = c;
            nearest_squared = min_squared[c];
          }
        }
        if (nearest == count) return;  // every child left is beyond the k-th best
        min_squared[nearest] = std::numeric_limits<double>::infinity();  // visited
        const uint32_t child = first + nearest;
        if (level > 1) {
          Descend(level - 1, child);
        } else {
          const uint32_t begin = child * kLeafSize;
          ScanRun(begin, std::min<uint32_t>(begin + kLeafSize, index_.size()));
        }
      }
    }

    // A box whose nearest point is farther than limit_ holds no candidate (with a margin for the
    // rounding of the two squared distances).
    double BoxLimit2() const { return limit2_ * (1 + 1e-12); }

    // Appends the points of [begin, end) within limit_ to the candidates, then tightens.
    void ScanRun(uint32_t begin, uint32_t end) {
      const Vector* vectors = index_.vectors_.data();
      for (uint32_t i = begin; i < end; ++i) {
        const double d2 = SquaredChord(vectors[i], q_);
        if (d2 > limit2_) continue;
        if (filtering_ && !index_.AcceptsAt(i, filter_)) continue;
        best_.push_back({i, d2});
      }
      // The first time there are k candidates, and then whenever they have doubled: O(1) per
      // candidate.
      if (best_.size() >= k_ && (!tightened_ || best_.size() >= 2 * k_)) Tighten();
    }

    // While searching, a Neighbor holds a sorted position as its id and the squared stored chord as
    // its distance; Finish() turns them into the id and DistanceMeters.
    struct Closer {
      bool operator()(const Neighbor& a, const Neighbor& b) const {
        return a.distance_m != b.distance_m ? a.distance_m < b.distance_m : a.id < b.id;
      }
    };

    // With k candidates, nothing more than 2·kSlack beyond the k-th best by stored chord can be in
    // the answer: lowers the limit to that and drops the candidates beyond it.
    void Tighten() {
      tightened_ = true;
      std::nth_element(
          best_.begin(), best_.begin() + (k_ - 1), best_.end(),
          [](const Neighbor& a, const Neighbor& b) { return a.distance_m < b.distance_m; });
      limit_ = std::min(limit_, std::sqrt(best_[k_ - 1].distance_m) + 2 * kSlack);
      limit2_ = Squared(limit_);
      const double limit2 = limit2_;
      best_.erase(std::remove_if(best_.begin() + k_, best_.end(),
                                 [limit2](const Neighbor& n) { return n.distance_m > limit2; }),
                  best_.end());
    }

    // Exact distances for the candidates within the final limit; the k closest by (distance, id)
    // are the answer.
    void Finish() {
      const double limit2 = limit2_;
      best_.erase(std::remove_if(best_.begin(), best_.end(),
                                 [limit2](const Neighbor& n) { return n.distance_m > limit2; }),
                  best_.end());
      // The candidates' positions are scattered over the caller's vector: load them all first, in
      // a loop of independent loads, then compute.
      thread_local std::vector<LatLng> positions;
      positions.resize(best_.size());
      for (size_t c = 0; c < best_.size(); ++c) {
        best_[c].id = index_.ids_[best_[c].id];
        positions[c] = index_.ExactPosition(best_[c].id);
      }
      size_t kept = 0;
      for (size_t c = 0; c < best_.size(); ++c) {
        const double metres = DistanceMeters(center_, positions[c]);
        if (metres <= max_distance_m_) best_[kept++] = {best_[c].id, metres};
      }
      best_.resize(kept);
      std::sort(best_.begin(), best_.end(), Closer());
      if (best_.size() > k_) best_.resize(k_);
    }

    const FacilityIndex& index_;
    const LatLng center_;
    const Vec3 q_;
    const size_t k_;
    const FacilityFilter& filter_;
    const bool filtering_;
    const double max_distance_m_;
    std::vector<Neighbor>& best_;
    double limit_;            // chord: stored points farther from q_ cannot be in the answer
    double limit2_;           // limit_²
    bool tightened_ = false;  // whether the candidates have been cut to the limit once
  };
};

// -------------------------------------------------------------------------------------------------
// Building
// -------------------------------------------------------------------------------------------------

FacilityIndex::FacilityIndex(const std::vector<Facility>& facilities) {
  Build(facilities);
}

FacilityIndex::FacilityIndex(const std::vector<IndexedPoint>& points) {
  Build(points);
}

template <typename Element>
void FacilityIndex::Build(const std::vector<Element>& elements) {
  // Ids are uint32_t.
  assert(elements.size() < (uint64_t{1} << 32));
  const size_t n = elements.size();
  static_assert(std::is_same_v<decltype(elements[0].position), LatLng>);
  source_.elements = reinterpret_cast<const unsigned char*>(elements.data());
  source_.positions =
      n == 0 ? nullptr : reinterpret_cast<const unsigned char*>(&elements[0].position);
  source_.stride = sizeof(Element);
  source_.attributes = [](const unsigned char* e) {
    return Impl::AttributesOf(*reinterpret_cast<const Element*>(e));
  };
  ids_.clear();
  vectors_.clear();
  attribute_codes_.clear();
  attribute_table_.clear();
  boxes_.clear();
  box_levels_.clear();
  if (n == 0) return;

  // The order: Hilbert keys of the positions quantized to 16 bits per axis over their bounding box.
  double lat_lo = 90, lat_hi = -90, lng_lo = 180, lng_hi = -180;
  for (const Element& e : elements) {
    // Coordinates must be valid WGS84 degrees; the importer checks its data before indexing it.
    assert(e.position.lat >= -90 && e.position.lat <= 90 && e.position.lng >= -180 &&
           e.position.lng <= 180);
    lat_lo = std::min(lat_lo, e.position.lat);
    lat_hi = std::max(lat_hi, e.position.lat);
    lng_lo = std::min(lng_lo, e.position.lng);
    lng_hi = std::max(lng_hi, e.position.lng);
  }
  const double lat_scale = lat_hi > lat_lo ? 65535 / (lat_hi - lat_lo) : 0;
  const double lng_scale = lng_hi > lng_lo ? 65535 / (lng_hi - lng_lo) : 0;
  // By id: the sort items (key << 32 | id), the rounded unit vectors and the attribute codes, all
  // computed in one pass in the caller's order (sequential reads); then one tight loop gathers
  // them in sorted order, with many independent loads in flight.
  std::vector<uint64_t> items(n);
  const std::unique_ptr<Vector[]> vectors_by_id(new Vector[n]);
  const std::unique_ptr<uint16_t[]> codes_by_id(new uint16_t[n]);
  Impl::AttributeCoder coder(&attribute_table_);
  for (size_t id = 0; id < n; ++id) {
    const Element& e = elements[id];
    const LatLng p = e.position;
    const uint32_t x =
        std::min<uint32_t>(static_cast<uint32_t>((p.lng - lng_lo) * lng_scale), 65535);
    const uint32_t y =
        std::min<uint32_t>(static_cast<uint32_t>((p.lat - lat_lo) * lat_scale), 65535);
    items[id] = uint64_t{HilbertKey(x, y)} << 32 | id;
    const SinCos lat = SinCosDegrees(p.lat), lng = SinCosDegrees(p.lng);
    vectors_by_id[id] = {static_cast<float>(lat.cos * lng.cos),
                         static_cast<float>(lat.cos * lng.sin), static_cast<float>(lat.sin)};
    codes_by_id[id] = coder.Code(Impl::AttributesOf(e));
  }
  RadixSortByHighWord(&items);

  ids_.resize(n);
  vectors_.resize(n);
  attribute_codes_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const uint32_t id = static_cast<uint32_t>(items[i]);
    ids_[i] = id;
    vectors_[i] = vectors_by_id[id];
    attribute_codes_[i] = codes_by_id[id];
  }
  attribute_table_.shrink_to_fit();
  BuildBoxes();
}

void FacilityIndex::BuildBoxes() {
  const size_t n = vectors_.size();
  box_levels_.push_back(0);
  const size_t leaves = (n + kLeafSize - 1) / kLeafSize;
  boxes_.reserve(leaves + (leaves + kBoxFanout - 2) / (kBoxFanout - 1) + 1);
  for (size_t begin = 0; begin < n; begin += kLeafSize) {
    const size_t end = std::min(n, begin + kLeafSize);
    const Vector& first = vectors_[begin];
    Box box{{first.x, first.y, first.z}, {first.x, first.y, first.z}};
    for (size_t i = begin + 1; i < end; ++i) {
      const float v[3] = {vectors_[i].x, vectors_[i].y, vectors_[i].z};
      for (int a = 0; a < 3; ++a) {
        box.lo[a] = std::min(box.lo[a], v[a]);
        box.hi[a] = std::max(box.hi[a], v[a]);
      }
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
        for (int a = 0; a < 3; ++a) {
          box.lo[a] = std::min(box.lo[a], boxes_[b].lo[a]);
          box.hi[a] = std::max(box.hi[a], boxes_[b].hi[a]);
        }
      }
      boxes_.push_back(box);
    }
  }
  boxes_.shrink_to_fit();
}

LatLng FacilityIndex::ExactPosition(uint32_t id) const {
  LatLng p;
  std::memcpy(&p, source_.positions + size_t{id} * source_.stride, sizeof p);
  return p;
}

LatLng FacilityIndex::position(uint32_t id) const {
  // Ids come from this index's queries or the vector it was built from.
  assert(id < size());
  return ExactPosition(id);
}

size_t FacilityIndex::MemoryBytes() const {
  return ids_.capacity() * sizeof(uint32_t) + vectors_.capacity() * sizeof(Vector) +
         attribute_codes_.capacity() * sizeof(uint16_t) +
         attribute_table_.capacity() * sizeof(Attributes) + boxes_.capacity() * sizeof(Box) +
         box_levels_.capacity() * sizeof(uint32_t);
}

bool FacilityIndex::AcceptsAt(size_t i, const FacilityFilter& filter) const {
  const uint16_t code = attribute_codes_[i];
  const Attributes a =
      code != kAttributesInSource
          ? attribute_table_[code]
          : source_.attributes(source_.elements + size_t{ids_[i]} * source_.stride);
  if ((filter.categories & a.category_bit) == 0) return false;
  if (filter.any_target != 0 && (a.targets & filter.any_target) == 0) return false;
  return filter.region_code == 0 || RegionMatches(filter.region_code, a.sigungu_code, a.emd_code);
}

// -------------------------------------------------------------------------------------------------
// The queries
// -------------------------------------------------------------------------------------------------

void FacilityIndex::VisitRunsWithin(
    LatLng center, double radius_m, const FacilityFilter& filter,
    absl::FunctionRef<void(std::span<const uint32_t>)> visit_run) const {
  assert(IsValidRegionCode(filter.region_code));  // see FacilityFilter::region_code
  if (size() == 0 || !(radius_m >= 0)) return;
  Impl::WalkBoxes(*this, Impl::RadiusQuery(*this, filter, visit_run, center, radius_m));
}

void FacilityIndex::VisitRunsInRect(
    LatLng lo, LatLng hi, const FacilityFilter& filter,
    absl::FunctionRef<void(std::span<const uint32_t>)> visit_run) const {
  assert(IsValidRegionCode(filter.region_code));  // see FacilityFilter::region_code
  // An inverted latitude range is a caller's bug (longitudes may wrap, latitudes cannot).
  assert(lo.lat <= hi.lat);
  if (size() == 0 || !(lo.lat <= hi.lat)) return;
  Impl::WalkBoxes(*this, Impl::RectQuery(*this, filter, visit_run, lo, hi));
}

void FacilityIndex::Nearest(LatLng center, size_t k, const FacilityFilter& filter,
                            std::vector<Neighbor>* out, double max_distance_m) const {
  assert(IsValidRegionCode(filter.region_code));  // see FacilityFilter::region_code
  out->clear();
  if (k == 0 || size() == 0 || !(max_distance_m >= 0)) return;
  Impl::NearestSearch(*this, center, k, filter, max_distance_m, out).Run();
}

}  // namespace bokji
