// bench_wasm: our index, our clustering and the brute-force floor compiled to WebAssembly, for the
// Node driver (bench/js/bench.mjs) to time beside the npm anchors on the very same arrays. It
// generates the workload with the same code as bench_native (bench/workload.h), so both processes
// hold identical data.
//
// The driver calls these C functions (as the module's `_bench_*` exports, or through ccall):
//
//   bench_load_centres(path)        number of 읍면동 centres read (or -1)
//   bench_generate(dist, size, q)   makes the workload and the brute-force tables; bench_points()
//   bench_build_index(), bench_build_clusters(), bench_filter_clusters()
//                                   build; each returns the bytes the new structure holds
//   bench_ours_nearest(q), _within(q), _rect(q), _clusters(q, zoom)
//                                   answer size; the ids in bench_ids()
//   bench_ours_clusters_timed(q, zoom)  the clusters only, for timing
//   bench_brute_nearest(q), ...     the same by brute force, folding each answer into
//   bench_digest()
//
// Sections: state; data; builds; queries.
#include <emscripten/emscripten.h>

#include <cstdint>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "bench/alloc_counter.h"
#include "bench/reference.h"
#include "bench/workload.h"
#include "core/cluster.h"
#include "core/facility_index.h"
#include "core/geo.h"

namespace bokji::bench {
namespace {

// ---------------------------------------------------------------------------------------------------------
// State: one workload at a time.
// ---------------------------------------------------------------------------------------------------------

constexpr double kRadiusMeters = 2000;
constexpr size_t kNearestCount = 10;

struct State {
  std::vector<LatLng> centres;
  Workload workload;
  std::vector<IndexedPoint>
      indexed;                // the index's input, made with the workload (as bench_native does)
  std::vector<double> rects;  // 4 per query: lo.lat, lo.lng, hi.lat, hi.lng
  std::unique_ptr<BruteForce> brute;
  FacilityIndex index;
  MarkerClusters clusters;
  MarkerClusters filtered;
  std::vector<uint32_t> ids;  // the last answer's ids
  std::vector<Neighbor> neighbours;
  ClusterSummary cluster_summary;  // the last clustering answer
  uint32_t cluster_words[5];       // cluster_summary as 32-bit words for JS
  uint64_t digest = kFnvStart;
  std::string text;  // the last string handed to JS
};
State& state() {
  static State* s = new State();
  return *s;
}

Rect QueryRect(int q) {
  const double* r = &state().rects[4 * q];
  return {{r[0], r[1]}, {r[2], r[3]}};
}

void PublishClusters() {
  State& s = state();
  s.cluster_words[0] = s.cluster_summary.clusters;
  s.cluster_words[1] = static_cast<uint32_t>(s.cluster_summary.total);
  s.cluster_words[2] = static_cast<uint32_t>(s.cluster_summary.total >> 32);
  s.cluster_words[3] = static_cast<uint32_t>(s.cluster_summary.checksum);
  s.cluster_words[4] = static_cast<uint32_t>(s.cluster_summary.checksum >> 32);
}

}  // namespace
}  // namespace bokji::bench

using namespace bokji;         // NOLINT: a file of C entry points over these namespaces
using namespace bokji::bench;  // NOLINT

extern "C" {

// ---------------------------------------------------------------------------------------------------------
// Data
// ---------------------------------------------------------------------------------------------------------

EMSCRIPTEN_KEEPALIVE int bench_load_centres(const char* path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  Result<std::vector<LatLng>> centres = LoadEmdCentres(text.str());
  if (!file || !centres.ok()) return -1;
  state().centres = std::move(centres).value();
  return static_cast<int>(state().centres.size());
}

EMSCRIPTEN_KEEPALIVE int bench_generate(int distribution, int size, int query_count) {
  State& s = state();
  s.brute.reset();
  s.index = FacilityIndex();
  s.clusters = MarkerClusters();
  s.filtered = MarkerClusters();
  s.workload = MakeWorkload(static_cast<Distribution>(distribution), size, query_count, s.centres);
  s.brute = std::make_unique<BruteForce>(s.workload.points);
  s.indexed.assign(s.workload.points.size(), IndexedPoint());
  for (size_t i = 0; i < s.indexed.size(); ++i) {
    s.indexed[i].position = s.workload.points[i];
    s.indexed[i].category = static_cast<FacilityCategory>(i % kFacilityCategoryCount);
  }
  return static_cast<int>(s.workload.points.size());
}

// lat, lng of each point (2 doubles per point), then of each query.
EMSCRIPTEN_KEEPALIVE const double* bench_points() {
  return &state().workload.points[0].lat;
}
EMSCRIPTEN_KEEPALIVE const double* bench_queries() {
  return &state().workload.queries[0].lat;
}

// Fills the query rectangles: zoom 0 = the fixed 0.439° × 0.200° viewport, else a 1280×720 screen
// at zoom.
EMSCRIPTEN_KEEPALIVE const double* bench_rects(int zoom) {
  State& s = state();
  s.rects.clear();
  for (const LatLng& q : s.workload.queries) {
    const Rect r = zoom == 0 ? FixedViewport(q) : ScreenViewport(q, zoom);
    s.rects.insert(s.rects.end(), {r.lo.lat, r.lo.lng, r.hi.lat, r.hi.lng});
  }
  return s.rects.data();
}

EMSCRIPTEN_KEEPALIVE const char* bench_data_digest() {
  state().text = std::to_string(DataDigest(state().workload));
  return state().text.c_str();
}

EMSCRIPTEN_KEEPALIVE double bench_distance(int id, int q) {
  return DistanceMeters(state().workload.queries[q], state().workload.points[id]);
}

EMSCRIPTEN_KEEPALIVE const uint32_t* bench_ids() {
  return state().ids.data();
}
EMSCRIPTEN_KEEPALIVE const uint32_t* bench_cluster_words() {
  return state().cluster_words;
}

// ---------------------------------------------------------------------------------------------------------
// Builds: each returns the bytes the new structure holds (counting allocator).
// ---------------------------------------------------------------------------------------------------------

EMSCRIPTEN_KEEPALIVE double bench_build_index() {
  State& s = state();
  s.index = FacilityIndex();
  const size_t before = LiveHeapBytes();
  s.index = FacilityIndex(s.indexed);
  return static_cast<double>(LiveHeapBytes() - before);
}

EMSCRIPTEN_KEEPALIVE double bench_index_memory_bytes() {
  return static_cast<double>(state().index.MemoryBytes());
}

EMSCRIPTEN_KEEPALIVE double bench_build_clusters() {
  State& s = state();
  s.clusters = MarkerClusters();
  const size_t before = LiveHeapBytes();
  s.clusters = MarkerClusters(s.workload.points);
  return static_cast<double>(LiveHeapBytes() - before);
}

EMSCRIPTEN_KEEPALIVE double bench_filter_clusters() {
  State& s = state();
  s.filtered = MarkerClusters();
  const size_t before = LiveHeapBytes();
  s.filtered = s.clusters.Subset([](uint32_t id) { return id % 13 == 0; });
  return static_cast<double>(LiveHeapBytes() - before);
}

// ---------------------------------------------------------------------------------------------------------
// Queries: ours
// ---------------------------------------------------------------------------------------------------------

EMSCRIPTEN_KEEPALIVE int bench_ours_nearest(int q) {
  State& s = state();
  s.index.Nearest(s.workload.queries[q], kNearestCount, {}, &s.neighbours);
  s.ids.clear();
  for (const Neighbor& n : s.neighbours) s.ids.push_back(n.id);
  return static_cast<int>(s.ids.size());
}

EMSCRIPTEN_KEEPALIVE int bench_ours_within(int q) {
  State& s = state();
  s.ids.clear();
  s.index.VisitWithin(s.workload.queries[q], kRadiusMeters, {},
                      [&](uint32_t id) { s.ids.push_back(id); });
  return static_cast<int>(s.ids.size());
}

EMSCRIPTEN_KEEPALIVE int bench_ours_rect(int q) {
  State& s = state();
  const Rect r = QueryRect(q);
  s.ids.clear();
  s.index.VisitInRect(r.lo, r.hi, {}, [&](uint32_t id) { s.ids.push_back(id); });
  return static_cast<int>(s.ids.size());
}

// The rectangles must be those of bench_rects(zoom).
EMSCRIPTEN_KEEPALIVE int bench_ours_clusters(int q, int zoom) {
  State& s = state();
  const Rect r = QueryRect(q);
  const int level = ClusterGridLevel(zoom);
  s.cluster_summary = ClusterSummary();
  s.clusters.VisitClusters(r.lo, r.hi, zoom, [&](const MarkerCluster& c) {
    AddCluster(c.centre, level, c.count, &s.cluster_summary);
  });
  PublishClusters();
  return static_cast<int>(s.cluster_summary.clusters);
}

// The same clusters without the summary (its cell lookups are the benchmark's, not ours): for
// timing.
EMSCRIPTEN_KEEPALIVE int bench_ours_clusters_timed(int q, int zoom) {
  State& s = state();
  const Rect r = QueryRect(q);
  int clusters = 0;
  s.clusters.VisitClusters(r.lo, r.hi, zoom, [&](const MarkerCluster&) { ++clusters; });
  return clusters;
}

// ---------------------------------------------------------------------------------------------------------
// Queries: brute force, folding every answer into the digest bench_native computes the same way.
// ---------------------------------------------------------------------------------------------------------

EMSCRIPTEN_KEEPALIVE void bench_digest_reset() {
  state().digest = kFnvStart;
}
EMSCRIPTEN_KEEPALIVE const char* bench_digest() {
  state().text = std::to_string(state().digest);
  return state().text.c_str();
}

EMSCRIPTEN_KEEPALIVE int bench_brute_nearest(int q) {
  State& s = state();
  s.brute->Nearest(s.workload.queries[q], kNearestCount, &s.ids);
  s.digest = FnvAdd(s.digest, s.ids.size());
  for (uint32_t id : s.ids) s.digest = FnvAdd(s.digest, id);
  return static_cast<int>(s.ids.size());
}

void FoldIdSet() {
  State& s = state();
  const IdSetSummary summary = SummarizeIds(s.ids);
  s.digest = FnvAdd(FnvAdd(s.digest, summary.count), summary.checksum);
}

EMSCRIPTEN_KEEPALIVE int bench_brute_within(int q) {
  State& s = state();
  s.brute->Within(s.workload.queries[q], kRadiusMeters, &s.ids);
  FoldIdSet();
  return static_cast<int>(s.ids.size());
}

EMSCRIPTEN_KEEPALIVE int bench_brute_rect(int q) {
  State& s = state();
  s.brute->InRect(QueryRect(q), &s.ids);
  FoldIdSet();
  return static_cast<int>(s.ids.size());
}

EMSCRIPTEN_KEEPALIVE int bench_brute_clusters(int q, int zoom) {
  State& s = state();
  s.cluster_summary = s.brute->Clusters(QueryRect(q), zoom);
  s.digest = FnvAdd(FnvAdd(FnvAdd(s.digest, s.cluster_summary.clusters), s.cluster_summary.total),
                    s.cluster_summary.checksum);
  PublishClusters();
  return static_cast<int>(s.cluster_summary.clusters);
}

}  // extern "C"
