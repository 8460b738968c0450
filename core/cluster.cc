// Sections: Web Mercator and Morton codes; building (radix sort); viewport walk; cluster ids;
// filtering.
#include "core/cluster.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cmath>

namespace bokji {
namespace {

// ---------------------------------------------------------------------------------------------------------
// Web Mercator and Morton codes
// ---------------------------------------------------------------------------------------------------------

constexpr double kTwoTo32 = 4294967296.0;
constexpr uint32_t kMaxQuantized = 0xFFFFFFFFu;
// Web Mercator's latitude limit: the world is a square.
constexpr double kMaxMercatorLat = 85.05112877980659;

// Longitude to quantized Mercator x: [-180, 180] -> [0, 2^32).
uint32_t QuantizeX(double lng) {
  const double q = (lng + 180.0) / 360.0 * kTwoTo32;
  if (!(q > 0)) return 0;
  return q >= kTwoTo32 ? kMaxQuantized : static_cast<uint32_t>(q);
}

// Latitude to quantized Mercator y, growing southward: 85.05 -> 0, -85.05 -> 2^32 - 1.
uint32_t QuantizeY(double lat) {
  const double clamped = std::clamp(lat, -kMaxMercatorLat, kMaxMercatorLat);
  const double s = std::sin(clamped * (M_PI / 180.0));
  const double y = 0.5 - std::log((1 + s) / (1 - s)) / (4 * M_PI);
  const double q = y * kTwoTo32;
  if (!(q > 0)) return 0;
  return q >= kTwoTo32 ? kMaxQuantized : static_cast<uint32_t>(q);
}

// Quantized Mercator (fractional, in units of 2^-32 of the world) back to degrees.
LatLng Unproject(double x, double y) {
  const double lng = x / kTwoTo32 * 360.0 - 180.0;
  const double lat = std::atan(std::sinh(M_PI * (1 - 2 * y / kTwoTo32))) * (180.0 / M_PI);
  return {lat, lng};
}

// Unproject for the points of one view, faster when the view is small: within |t - t0| <= 0.0105
// of the view's middle, in t = π·(1 - 2y / 2^32), the latitude is the Taylor polynomial of
// gd(t) = atan(sinh t) around t0 to the 4th power, whose error is below |gd⁽⁵⁾|·0.0105⁵ / 120 <
// 24 · 1.3e-10 / 120 < 3e-11 rad (0.2 mm): a zoom-10 screen and higher. Wider views use Unproject.
class Unprojector {
 public:
  Unprojector() = default;  // Unproject everywhere
  // y_lo..y_hi: the view's range of quantized y (fractional units of 2^-32 of the world).
  Unprojector(double y_lo, double y_hi) {
    const double t_lo = T(y_hi), t_hi = T(y_lo);  // y grows southward
    t0_ = (t_lo + t_hi) / 2;
    taylor_ = t_hi - t0_ <= 0.0105;
    if (!taylor_) return;
    const double sech = 1 / std::cosh(t0_), tanh = std::tanh(t0_);
    lat0_ = std::atan(std::sinh(t0_));
    c1_ = sech;
    c2_ = -sech * tanh / 2;
    c3_ = sech * (tanh * tanh - sech * sech) / 6;
    c4_ = sech * tanh * (5 * sech * sech - tanh * tanh) / 24;
  }

  LatLng operator()(double x, double y) const {
    if (!taylor_) return Unproject(x, y);
    const double d = T(y) - t0_;
    const double lat = lat0_ + d * (c1_ + d * (c2_ + d * (c3_ + d * c4_)));
    return {lat * (180.0 / M_PI), x / kTwoTo32 * 360.0 - 180.0};
  }

 private:
  static double T(double y) { return M_PI * (1 - 2 * y / kTwoTo32); }

  bool taylor_ = false;
  double t0_ = 0, lat0_ = 0, c1_ = 0, c2_ = 0, c3_ = 0, c4_ = 0;
};

// Spreads the 32 bits of v to the even bits of a 64-bit word.
uint64_t SpreadBits(uint32_t v) {
  uint64_t x = v;
  x = (x | x << 16) & 0x0000FFFF0000FFFFull;
  x = (x | x << 8) & 0x00FF00FF00FF00FFull;
  x = (x | x << 4) & 0x0F0F0F0F0F0F0F0Full;
  x = (x | x << 2) & 0x3333333333333333ull;
  x = (x | x << 1) & 0x5555555555555555ull;
  return x;
}

// The inverse of SpreadBits: gathers the even bits of x.
uint32_t GatherBits(uint64_t x) {
  x &= 0x5555555555555555ull;
  x = (x | x >> 1) & 0x3333333333333333ull;
  x = (x | x >> 2) & 0x0F0F0F0F0F0F0F0Full;
  x = (x | x >> 4) & 0x00FF00FF00FF00FFull;
  x = (x | x >> 8) & 0x0000FFFF0000FFFFull;
  x = (x | x >> 16) & 0x00000000FFFFFFFFull;
  return static_cast<uint32_t>(x);
}

// x bits on the odd positions, y bits on the even ones: the two top bits pick the quadrant, and so
// on down, so the codes of one grid cell at level g (2^g cells per axis) share their top 2g bits.
uint64_t MortonCode(uint32_t x, uint32_t y) {
  return SpreadBits(x) << 1 | SpreadBits(y);
}
uint32_t MortonX(uint64_t code) {
  return GatherBits(code >> 1);
}
uint32_t MortonY(uint64_t code) {
  return GatherBits(code);
}

// The first position in [begin, end) of the sorted codes whose code is >= key, or end: an
// exponential search from begin, so finding a short run costs the log of its length, not of the
// whole range, and stays next to the memory the walk reads next.
size_t GallopLowerBound(const uint64_t* codes, size_t begin, size_t end, uint64_t key) {
  size_t below = begin;  // codes[begin, below) are < key
  for (size_t step = 1; below < end; step *= 2) {
    const size_t probe = std::min(below + step, end) - 1;
    if (codes[probe] >= key) return std::lower_bound(codes + below, codes + probe, key) - codes;
    below = probe + 1;
  }
  return end;
}

// One code in this many goes into MarkerClusters::code_samples_ (0.125 bytes a point).
constexpr size_t kSampleStride = 64;

// Descend groups runs of at most this many points one by one rather than search for the
// boundaries of each child cell.
constexpr size_t kScanRun = 48;

// The codes below the cell at `level` that holds `code`: its low 64 - 2·level bits.
uint64_t BelowCellMask(int level) {
  return level == 0 ? ~uint64_t{0} : (uint64_t{1} << (64 - 2 * level)) - 1;
}

// ---------------------------------------------------------------------------------------------------------
// Building: LSD radix sort of (code, id) by code, 11 bits a pass, skipping passes where all digits
// agree (most of them for points in one country, whose codes share their top bits).
// ---------------------------------------------------------------------------------------------------------

void RadixSort(std::vector<uint64_t>* codes, std::vector<uint32_t>* ids) {
  constexpr int kDigitBits = 11;
  constexpr int kPasses = (64 + kDigitBits - 1) / kDigitBits;
  constexpr size_t kBuckets = size_t{1} << kDigitBits;
  const size_t n = codes->size();
  if (n < 2) return;
  std::vector<std::array<uint32_t, kBuckets>> counts(kPasses);
  for (auto& c : counts) c.fill(0);
  for (uint64_t code : *codes) {
    for (int pass = 0; pass < kPasses; ++pass)
      ++counts[pass][(code >> (pass * kDigitBits)) & (kBuckets - 1)];
  }
  std::vector<uint64_t> codes_out(n);
  std::vector<uint32_t> ids_out(n);
  for (int pass = 0; pass < kPasses; ++pass) {
    const int shift = pass * kDigitBits;
    std::array<uint32_t, kBuckets>& count = counts[pass];
    if (count[((*codes)[0] >> shift) & (kBuckets - 1)] == n) continue;  // one digit for all: no-op
    uint32_t offset = 0;
    for (uint32_t& c : count) {
      const uint32_t here = c;
      c = offset;
      offset += here;
    }
    for (size_t i = 0; i < n; ++i) {
      const uint32_t slot = count[((*codes)[i] >> shift) & (kBuckets - 1)]++;
      codes_out[slot] = (*codes)[i];
      ids_out[slot] = (*ids)[i];
    }
    codes->swap(codes_out);
    ids->swap(ids_out);
  }
}

}  // namespace

MarkerClusters::MarkerClusters(const std::vector<LatLng>& positions, ClusterOptions options)
    : options_(options) {
  Build(positions);
}

MarkerClusters::MarkerClusters(const std::vector<Facility>& facilities, ClusterOptions options)
    : options_(options) {
  std::vector<LatLng> positions;
  positions.reserve(facilities.size());
  for (const Facility& f : facilities) positions.push_back(f.position);
  Build(positions);
}

void MarkerClusters::Build(const std::vector<LatLng>& positions) {
  const int cell = options_.cell_pixels;
  // Options are set by code, not by data: a cell must tile the 256-pixel tile exactly.
  assert(cell >= 1 && cell <= 256 && (cell & (cell - 1)) == 0 &&
         "cell_pixels: a power of two <= 256");
  level_offset_ = 8 - std::countr_zero(static_cast<unsigned>(cell));
  assert(options_.max_zoom >= 0 && options_.max_zoom + level_offset_ <= 32 && "max_zoom too high");
  // Ids are 32-bit.
  assert(positions.size() < kMaxQuantized);

  codes_.resize(positions.size());
  ids_.resize(positions.size());
  for (size_t i = 0; i < positions.size(); ++i) {
    codes_[i] = MortonCode(QuantizeX(positions[i].lng), QuantizeY(positions[i].lat));
    ids_[i] = static_cast<uint32_t>(i);
  }
  RadixSort(&codes_, &ids_);
  ComputeSums();
}

void MarkerClusters::ComputeSums() {
  const size_t n = codes_.size();
  prefix_.resize(n + 1);
  prefix_[0] = {0, 0};
  for (size_t i = 0; i < n; ++i) {
    prefix_[i + 1] = {prefix_[i].x + MortonX(codes_[i]), prefix_[i].y + MortonY(codes_[i])};
  }
  code_samples_.clear();
  code_samples_.reserve((n + kSampleStride - 1) / kSampleStride);
  for (size_t i = 0; i < n; i += kSampleStride) code_samples_.push_back(codes_[i]);
}

size_t MarkerClusters::MemoryBytes() const {
  return codes_.capacity() * sizeof(uint64_t) + ids_.capacity() * sizeof(uint32_t) +
         prefix_.capacity() * sizeof(Sums) + code_samples_.capacity() * sizeof(uint64_t);
}

size_t MarkerClusters::LowerBound(size_t begin, size_t end, uint64_t key) const {
  if (end - begin <= 4 * kSampleStride) return GallopLowerBound(codes_.data(), begin, end, key);
  // A long run: first the samples inside it (in cache), then at most kSampleStride codes.
  const auto samples = code_samples_.begin();
  const size_t s_lo = (begin + kSampleStride - 1) / kSampleStride;
  const size_t s_hi = (end - 1) / kSampleStride + 1;
  const size_t s = std::lower_bound(samples + s_lo, samples + s_hi, key) - samples;
  // Sample s - 1 (if inside the run) is < key and sample s (if inside) is >= key.
  const size_t lo = s > s_lo ? (s - 1) * kSampleStride + 1 : begin;
  const size_t hi = s < s_hi ? s * kSampleStride : end;
  return std::lower_bound(codes_.begin() + lo, codes_.begin() + hi, key) - codes_.begin();
}

size_t MarkerClusters::LowerBound(uint64_t key) const {
  // Samples s_lo..s_hi-1 sit at positions s * kSampleStride: the first sample >= key bounds the
  // answer from above, the one before it from below.
  const size_t s =
      std::lower_bound(code_samples_.begin(), code_samples_.end(), key) - code_samples_.begin();
  const size_t lo = s == 0 ? 0 : (s - 1) * kSampleStride + 1;
  const size_t hi = std::min(codes_.size(), s * kSampleStride);
  return std::lower_bound(codes_.begin() + lo, codes_.begin() + hi, key) - codes_.begin();
}

// ---------------------------------------------------------------------------------------------------------
// Viewport walk
// ---------------------------------------------------------------------------------------------------------

// The viewport as the inclusive range of grid cells x0..x1, y0..y1 at `level`.
struct MarkerClusters::Viewport {
  int level;
  int zoom;
  bool singletons;  // above max_zoom: every point is its own cluster
  uint64_t x0, x1, y0, y1;
  Unprojector unproject;  // for the cells x0..x1, y0..y1
};

int MarkerClusters::GridLevel(int zoom) const {
  return std::min(zoom + level_offset_, 32);
}

void MarkerClusters::VisitClusters(LatLng lo, LatLng hi, int zoom,
                                   absl::FunctionRef<void(const MarkerCluster&)> visit) const {
  // Contracts on the caller's viewport (a programming error, not data): see the header.
  assert(zoom >= 0 && lo.lat <= hi.lat && lo.lng <= hi.lng);
  if (codes_.empty()) return;
  Viewport view;
  view.zoom = zoom;
  view.level = GridLevel(zoom);
  view.singletons = zoom > options_.max_zoom;
  const int drop = 32 - view.level;  // quantized coordinate -> cell at view.level
  view.x0 = uint64_t{QuantizeX(lo.lng)} >> drop;
  view.x1 = uint64_t{QuantizeX(hi.lng)} >> drop;
  view.y0 = uint64_t{QuantizeY(hi.lat)} >> drop;  // north edge: smaller y
  view.y1 = uint64_t{QuantizeY(lo.lat)} >> drop;
  view.unproject =
      Unprojector(static_cast<double>(view.y0 << drop), static_cast<double>((view.y1 + 1) << drop));
  // Start from the smallest cell that holds the whole viewport: above it, the walk would only
  // narrow the run one level at a time.
  int level = view.level;
  while (level > 0 && ((view.x0 ^ view.x1) >> (view.level - level) != 0 ||
                       (view.y0 ^ view.y1) >> (view.level - level) != 0)) {
    --level;
  }
  const uint64_t first_code =
      level == 0
          ? 0
          : MortonCode(static_cast<uint32_t>((view.x0 >> (view.level - level)) << (32 - level)),
                       static_cast<uint32_t>((view.y0 >> (view.level - level)) << (32 - level)));
  const uint64_t last_code = first_code | BelowCellMask(level);
  const size_t begin = LowerBound(first_code);
  const size_t end = last_code == ~uint64_t{0} ? codes_.size() : LowerBound(last_code + 1);
  if (begin < end) Descend(level, first_code, begin, end, view, visit);
}

void MarkerClusters::Descend(int level, uint64_t first_code, size_t begin, size_t end,
                             const Viewport& view,
                             absl::FunctionRef<void(const MarkerCluster&)> visit) const {
  if (level == view.level) {
    VisitRun(begin, end, view, visit);
    return;
  }
  if (end - begin <= kScanRun) {
    ScanCells(begin, end, view, visit);
    return;
  }
  // The four children, in code order: child c has x bit c >> 1 and y bit c & 1 at level + 1.
  const int child_level = level + 1;
  const uint64_t child_span = uint64_t{1} << (64 - 2 * child_level);
  const int drop = view.level - child_level;
  const uint64_t vx0 = view.x0 >> drop, vx1 = view.x1 >> drop;
  const uint64_t vy0 = view.y0 >> drop, vy1 = view.y1 >> drop;
  // The parent's first code has 0 in the child bits: its cell at the child level is child 0's.
  const uint64_t cx = uint64_t{MortonX(first_code)} >> (32 - child_level);
  const uint64_t cy = uint64_t{MortonY(first_code)} >> (32 - child_level);
  size_t child_begin = begin;
  for (int c = 0; c < 4 && child_begin < end; ++c) {
    const uint64_t child_first = first_code + c * child_span;
    const size_t child_end = c == 3 ? end : LowerBound(child_begin, end, child_first + child_span);
    const uint64_t x = cx + (c >> 1), y = cy + (c & 1);
    if (child_begin < child_end && x >= vx0 && x <= vx1 && y >= vy0 && y <= vy1) {
      Descend(child_level, child_first, child_begin, child_end, view, visit);
    }
    child_begin = child_end;
  }
}

void MarkerClusters::ScanCells(size_t begin, size_t end, const Viewport& view,
                               absl::FunctionRef<void(const MarkerCluster&)> visit) const {
  const int below =
      64 - 2 * view.level;  // code bits below a cell of the view's level (view.level >= 1 here)
  const int drop = 32 - view.level;
  const uint64_t* codes = codes_.data();
  for (size_t i = begin; i < end;) {
    const uint64_t cell = codes[i] >> below;
    size_t j = i + 1;
    while (j < end && codes[j] >> below == cell) ++j;
    const uint64_t x = MortonX(codes[i]) >> drop, y = MortonY(codes[i]) >> drop;
    if (x >= view.x0 && x <= view.x1 && y >= view.y0 && y <= view.y1) VisitRun(i, j, view, visit);
    i = j;
  }
}

void MarkerClusters::VisitRun(size_t begin, size_t end, const Viewport& view,
                              absl::FunctionRef<void(const MarkerCluster&)> visit) const {
  const uint64_t zoom_bits = uint64_t(view.zoom) << 32;
  MarkerCluster cluster;
  if (view.singletons || end - begin == 1) {
    cluster.count = 1;
    for (size_t i = begin; i < end; ++i) {
      cluster.centre = view.unproject(MortonX(codes_[i]) + 0.5, MortonY(codes_[i]) + 0.5);
      cluster.facility_id = ids_[i];
      cluster.id = zoom_bits | i;
      visit(cluster);
    }
    return;
  }
  const double count = static_cast<double>(end - begin);
  const Sums& first = prefix_[begin];
  const Sums& last = prefix_[end];
  cluster.centre =
      view.unproject((last.x - first.x) / count + 0.5, (last.y - first.y) / count + 0.5);
  cluster.count = static_cast<uint32_t>(end - begin);
  cluster.facility_id = ids_[begin];
  cluster.id = zoom_bits | begin;
  visit(cluster);
}

// ---------------------------------------------------------------------------------------------------------
// Cluster ids: the zoom in the high 32 bits, the first member's sorted position in the low 32.
// ---------------------------------------------------------------------------------------------------------

void MarkerClusters::Members(ClusterId id, size_t* begin, size_t* end) const {
  const int zoom = static_cast<int>(id >> 32);
  *begin = static_cast<size_t>(id & kMaxQuantized);
  // An id from another MarkerClusters (or made up) is a programming error.
  assert(*begin < codes_.size());
  if (zoom > options_.max_zoom) {
    *end = *begin + 1;
    return;
  }
  const uint64_t last_in_cell = codes_[*begin] | BelowCellMask(GridLevel(zoom));
  *end = std::upper_bound(codes_.begin() + *begin, codes_.end(), last_in_cell) - codes_.begin();
}

int MarkerClusters::ExpansionZoom(ClusterId id) const {
  const int zoom = static_cast<int>(id >> 32);
  size_t begin, end;
  Members(id, &begin, &end);
  if (end - begin == 1) return zoom;
  // The members share the cells down to the level where the first and last code (the extremes of
  // the sorted run) part; the first zoom whose grid is one level finer splits them.
  const uint64_t differing = codes_[begin] ^ codes_[end - 1];
  if (differing == 0) return options_.max_zoom + 1;
  const int shared_levels = std::countl_zero(differing) / 2;
  return std::min(shared_levels + 1 - level_offset_, options_.max_zoom + 1);
}

int MarkerClusters::SeparationZoom(uint32_t id) const {
  const auto found = std::find(ids_.begin(), ids_.end(), id);
  if (found == ids_.end()) return -1;
  const size_t i = static_cast<size_t>(found - ids_.begin());
  // Sorted by code: only the neighbours in the order can share the point's cell at any level.
  int shared_levels = -1;  // the deepest level at which a neighbour shares its cell
  for (const size_t other : {i - 1, i + 1}) {
    if (other >= codes_.size()) continue;  // i - 1 wrapped below 0, or past the end
    const uint64_t differing = codes_[i] ^ codes_[other];
    if (differing == 0) return options_.max_zoom + 1;
    shared_levels = std::max(shared_levels, std::countl_zero(differing) / 2);
  }
  if (shared_levels < 0) return 0;  // the only point
  return std::clamp(shared_levels + 1 - level_offset_, 0, options_.max_zoom + 1);
}

void MarkerClusters::VisitMembers(ClusterId id, absl::FunctionRef<void(uint32_t)> visit) const {
  size_t begin, end;
  Members(id, &begin, &end);
  for (size_t i = begin; i < end; ++i) visit(ids_[i]);
}

// ---------------------------------------------------------------------------------------------------------
// Filtering
// ---------------------------------------------------------------------------------------------------------

MarkerClusters MarkerClusters::Subset(absl::FunctionRef<bool(uint32_t)> keep) const {
  MarkerClusters subset;
  subset.options_ = options_;
  subset.level_offset_ = level_offset_;
  for (size_t i = 0; i < codes_.size(); ++i) {
    if (!keep(ids_[i])) continue;
    subset.codes_.push_back(codes_[i]);
    subset.ids_.push_back(ids_[i]);
  }
  subset.codes_.shrink_to_fit();
  subset.ids_.shrink_to_fit();
  subset.ComputeSums();
  return subset;
}

}  // namespace bokji
