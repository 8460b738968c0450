// MarkerClusters: groups facility markers so a map can draw any number of them at any zoom, like
// supercluster, but built with one sort and answering a viewport from the sorted points alone.
//
//   bokji::MarkerClusters clusters(dataset.facilities);  // ids are positions in dataset.facilities
//   clusters.VisitClusters(view_lo, view_hi, zoom, [&](const bokji::MarkerCluster& c) {
//     if (c.count == 1) DrawMarker(c.centre, dataset.facilities[c.facility_id]);
//     else DrawBubble(c.centre, c.count);  // click: ZoomTo(c.centre, clusters.ExpansionZoom(c.id))
//   });
//   // The map filters by category: cluster only what passes (O(n), no re-sort, same ids).
//   bokji::MarkerClusters elderly = clusters.Subset([&](uint32_t id) {
//     return dataset.facilities[id].category == bokji::FacilityCategory::kElderly;
//   });
//
// What a cluster is. Zoom z draws the Web Mercator world 256·2^z pixels wide (256-pixel tiles, the
// convention of web maps). At zooms 0..max_zoom the world is cut into a grid of square cells of
// `cell_pixels` screen pixels, and a cluster is every point of one non-empty cell, drawn at the
// mean of its points' Mercator positions. The grids of consecutive zooms nest (each cell is four
// cells of the next zoom), so a cluster only ever splits when zooming in. Above max_zoom every
// point is its own marker.
//
// How it works. Positions are projected to Mercator, quantized to 32 bits per axis (~1 cm), and
// sorted by their Morton (Z-order) code: the points of any grid cell at any zoom are then one
// contiguous run, found by binary search (its first steps on every 64th code, which stays in
// cache). Prefix sums of the coordinates give any run's centre in O(1). A viewport query walks the
// implicit quadtree down to the zoom's grid level, only into cells that meet the viewport, and
// groups runs of up to 48 points cell by cell directly; a small view (zoom 10 and up on a screen)
// turns Mercator back into latitude with a Taylor polynomial fitted to the view instead of
// atan(sinh). Nothing is stored per zoom: building is one radix sort, memory is 28.1 bytes per
// point.
//
// Costs (bench/README.md: 1M points in wasm, median of 3 runs on a loaded 2-core machine): a
// 1280×720 screen's clusters in 3.4–56 µs at zooms 8, 12 and 16 (1.4–3.0× faster than
// supercluster); build 129–407 ms under that load (~50 ms on a quiet machine before).
//
// Index
//   - ClusterOptions, MarkerCluster, ClusterId   the inputs and outputs
//   - MarkerClusters                             building, viewport queries, expansion, filtering
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/functional/function_ref.h"
#include "core/model.h"

namespace bokji {

struct ClusterOptions {
  // The highest zoom that clusters; above it every point is drawn on its own. DEFAULT 16
  // (supercluster's).
  int max_zoom = 16;
  // The side of a grid cell in screen pixels. DEFAULT 64: about supercluster's radius of 40 on
  // 512-pixel tiles. REQUIRES: a power of two in [1, 256], and max_zoom + log2(256 / cell_pixels)
  // <= 32.
  int cell_pixels = 64;
};

// Names one cluster of one MarkerClusters at one zoom (for ExpansionZoom and VisitMembers). Only
// meaningful to the MarkerClusters that produced it.
using ClusterId = uint64_t;

struct MarkerCluster {
  LatLng centre;             // the mean of the members' Web Mercator positions (within ~1 cm)
  uint32_t count = 0;        // members, >= 1
  uint32_t facility_id = 0;  // count == 1: the member's id; otherwise the id of one member
  ClusterId id = 0;
};

class MarkerClusters {
 public:
  MarkerClusters() = default;  // empty
  // Ids are positions in the given vector.
  explicit MarkerClusters(const std::vector<LatLng>& positions, ClusterOptions options = {});
  explicit MarkerClusters(const std::vector<Facility>& facilities, ClusterOptions options = {});

  size_t size() const { return ids_.size(); }
  const ClusterOptions& options() const { return options_; }

  // Visits the clusters of every grid cell of `zoom` that meets the rectangle lo..hi, i.e. the
  // viewport snapped outward to whole cells: every point of those cells is a member of exactly one
  // visited cluster, and a visited cluster's centre may lie up to one cell outside the viewport.
  // Above max_zoom, every point of those cells (of cell_pixels at that zoom) is visited as a
  // cluster of one. In no particular order. REQUIRES: zoom >= 0, lo.lat <= hi.lat, lo.lng <= hi.lng
  // (no antimeridian crossing), all in range.
  void VisitClusters(LatLng lo, LatLng hi, int zoom,
                     absl::FunctionRef<void(const MarkerCluster&)> visit) const;

  // The zoom a click on the cluster should go to: the lowest zoom at which its members no longer
  // form one cluster, or max_zoom + 1 when they stay together up to max_zoom (points closer than a
  // cell there, e.g. several facilities at one address: list them with VisitMembers). A cluster of
  // one returns its own zoom.
  int ExpansionZoom(ClusterId id) const;

  // The lowest zoom at which the point `id` is drawn on its own (a cluster of one), so a map can
  // zoom to where a facility picked from a list stands apart: 0 when it is alone at every zoom,
  // max_zoom + 1 when another point shares its cell up to max_zoom (within ~1 cm: the same
  // address), -1 when `id` is not clustered here (a Subset left it out). O(n) to find the point.
  int SeparationZoom(uint32_t id) const;

  // Visits the ids of the cluster's members, in no particular order.
  void VisitMembers(ClusterId id, absl::FunctionRef<void(uint32_t)> visit) const;

  // The clustering of just the points keep(id) accepts, with the same ids and options: a filter
  // change re-clusters in O(n) from the already sorted points.
  MarkerClusters Subset(absl::FunctionRef<bool(uint32_t)> keep) const;

  // Bytes held by the arrays (for benchmarks and memory reports).
  size_t MemoryBytes() const;

 private:
  struct Viewport;  // a rectangle of grid cells at one level; defined in cluster.cc

  void Build(const std::vector<LatLng>& positions);
  // Fills prefix_ and code_samples_ from codes_.
  void ComputeSums();
  // The first sorted position whose code is >= key (size() if none); and the same within [begin,
  // end) (end if none).
  size_t LowerBound(uint64_t key) const;
  size_t LowerBound(size_t begin, size_t end, uint64_t key) const;
  // The grid level (cells per axis = 2^level) at which `zoom` snaps viewports.
  int GridLevel(int zoom) const;
  // The run [begin, end) of sorted points in the cluster `id` names.
  void Members(ClusterId id, size_t* begin, size_t* end) const;
  // Walks the cell at `level` starting at Morton code `first_code` holding the points [begin, end).
  void Descend(int level, uint64_t first_code, size_t begin, size_t end, const Viewport& view,
               absl::FunctionRef<void(const MarkerCluster&)> visit) const;
  // Groups the points of [begin, end) by their cell at the view's level, one by one (for short
  // runs, where searching for the cells' boundaries costs more).
  void ScanCells(size_t begin, size_t end, const Viewport& view,
                 absl::FunctionRef<void(const MarkerCluster&)> visit) const;
  void VisitRun(size_t begin, size_t end, const Viewport& view,
                absl::FunctionRef<void(const MarkerCluster&)> visit) const;

  ClusterOptions options_;
  int level_offset_ = 2;  // grid level of zoom z is z + level_offset_ = log2(256 / cell_pixels)
  // Sorted by Morton code; entry i of each array describes the same point.
  // Morton code of the quantized Mercator position (x bits above y bits).
  std::vector<uint64_t> codes_;
  std::vector<uint32_t> ids_;
  // prefix_[i] = the sums of the quantized x and y of points [0, i); size() + 1 entries (x and y
  // side by side: a run's centre reads two places, not four).
  struct Sums {
    uint64_t x, y;
  };
  std::vector<Sums> prefix_;
  // Every kSampleStride-th code (cluster.cc): small enough to stay in cache, it takes the first
  // steps of the search for a viewport's first cell, which would otherwise each miss the cache.
  std::vector<uint64_t> code_samples_;
};

}  // namespace bokji
