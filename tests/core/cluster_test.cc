// MarkerClusters against a brute-force grid: every point is put in its grid cell by the textbook
// Web Mercator formula (tan/log, not the code's), and cells are grouped in a std::map. The
// properties checked: the clusters of a viewport are exactly the non-empty cells that meet it, with
// their counts and centres; counts add up to the points in the snapped viewport and cover every
// point in view once; above max_zoom each point is its own cluster; ExpansionZoom is the first zoom
// that splits a cluster; Subset clusters exactly the kept points.
#include "core/cluster.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <random>
#include <set>
#include <vector>

#include <gtest/gtest.h>

namespace bokji {
namespace {

// ---------------------------------------------------------------------------------------------------------
// The reference: Mercator by the textbook formula, cells by floor, 256-pixel tiles.
// ---------------------------------------------------------------------------------------------------------

double MercatorX(double lng) {
  return (lng + 180) / 360;
}
double MercatorY(double lat) {
  return 0.5 - std::log(std::tan(M_PI / 4 + lat * M_PI / 360)) / (2 * M_PI);
}
double LatFromMercatorY(double y) {
  return (2 * std::atan(std::exp((0.5 - y) * 2 * M_PI)) - M_PI / 2) * 180 / M_PI;
}

struct Cell {
  int64_t x, y;
  auto operator<=>(const Cell&) const = default;
};

// The cell of a grid with 2^level cells per axis.
Cell CellAt(LatLng p, int level) {
  const double cells = std::ldexp(1.0, level);
  return {static_cast<int64_t>(std::floor(MercatorX(p.lng) * cells)),
          static_cast<int64_t>(std::floor(MercatorY(p.lat) * cells))};
}

// The grid level at which zoom z groups points with 64-pixel cells: 2^(z+8) pixels / 64 per cell.
int LevelOfZoom(int zoom) {
  return zoom + 2;
}

// A 1280×720 pixel screen at `zoom` centred on p.
struct Viewport {
  LatLng lo, hi;
};
Viewport ScreenAround(LatLng p, int zoom) {
  const double world_pixels = 256 * std::ldexp(1.0, zoom);
  const double x = MercatorX(p.lng), y = MercatorY(p.lat);
  const double half_w = 640 / world_pixels, half_h = 360 / world_pixels;
  return {{LatFromMercatorY(y + half_h), (x - half_w) * 360 - 180},
          {LatFromMercatorY(y - half_h), (x + half_w) * 360 - 180}};
}

bool CellMeets(Cell c, const Viewport& v, int level) {
  const Cell a = CellAt({v.hi.lat, v.lo.lng}, level), b = CellAt({v.lo.lat, v.hi.lng}, level);
  return c.x >= a.x && c.x <= b.x && c.y >= a.y && c.y <= b.y;
}

bool Contains(const Viewport& v, LatLng p) {
  return p.lat >= v.lo.lat && p.lat <= v.hi.lat && p.lng >= v.lo.lng && p.lng <= v.hi.lng;
}

// Points around 전주 and 군산: a uniform spread, tight clumps, and exact duplicates.
std::vector<LatLng> TestPoints() {
  std::mt19937_64 rng(20240601);
  std::uniform_real_distribution<double> lat(35.3, 36.2), lng(126.4, 127.9);
  std::vector<LatLng> points;
  for (int i = 0; i < 3000; ++i) points.push_back({lat(rng), lng(rng)});
  for (int clump = 0; clump < 12; ++clump) {
    const LatLng centre{lat(rng), lng(rng)};
    std::normal_distribution<double> spread(0, clump % 2 == 0 ? 0.002 : 0.0002);
    for (int i = 0; i < 150; ++i)
      points.push_back({centre.lat + spread(rng), centre.lng + spread(rng)});
  }
  for (int i = 0; i < 60; ++i) points.push_back(points[i * 37 % points.size()]);  // same address
  return points;
}

struct Visited {
  MarkerCluster cluster;
  std::vector<uint32_t> members;
};

std::vector<Visited> Visit(const MarkerClusters& clusters, const Viewport& v, int zoom) {
  std::vector<Visited> out;
  clusters.VisitClusters(v.lo, v.hi, zoom, [&](const MarkerCluster& c) {
    Visited visited{c, {}};
    clusters.VisitMembers(c.id, [&](uint32_t id) { visited.members.push_back(id); });
    out.push_back(visited);
  });
  return out;
}

// Viewports of a 1280×720 screen centred on some points, and a few larger ones.
std::vector<Viewport> TestViewports(const std::vector<LatLng>& points, int zoom) {
  std::vector<Viewport> views;
  for (size_t i = 0; i < points.size(); i += points.size() / 7)
    views.push_back(ScreenAround(points[i], zoom));
  views.push_back({{35.0, 126.0}, {36.5, 128.2}});  // all of them
  views.push_back({{35.7, 127.0}, {35.9, 127.2}});
  return views;
}

// ---------------------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------------------

TEST(MarkerClustersTest, ClustersAreTheNonEmptyCellsMeetingTheViewport) {
  const std::vector<LatLng> points = TestPoints();
  const MarkerClusters clusters(points);
  for (int zoom = 0; zoom <= 16; ++zoom) {
    const int level = LevelOfZoom(zoom);
    std::map<Cell, std::vector<uint32_t>> grid;
    for (uint32_t id = 0; id < points.size(); ++id) grid[CellAt(points[id], level)].push_back(id);
    for (const Viewport& view : TestViewports(points, zoom)) {
      std::set<Cell> expected, seen;
      for (const auto& [cell, ids] : grid) {
        if (CellMeets(cell, view, level)) expected.insert(cell);
      }
      for (const Visited& v : Visit(clusters, view, zoom)) {
        ASSERT_FALSE(v.members.empty());
        const Cell cell = CellAt(points[v.members[0]], level);
        EXPECT_TRUE(seen.insert(cell).second) << "cell visited twice at zoom " << zoom;
        const std::vector<uint32_t>& ids = grid[cell];
        std::vector<uint32_t> members = v.members;
        std::sort(members.begin(), members.end());
        ASSERT_EQ(members, ids) << "zoom " << zoom;
        ASSERT_EQ(v.cluster.count, ids.size());
        if (v.cluster.count == 1) {
          EXPECT_EQ(v.cluster.facility_id, ids[0]);
        }
        double mean_x = 0, mean_y = 0;
        for (uint32_t id : ids) {
          mean_x += MercatorX(points[id].lng) / ids.size();
          mean_y += MercatorY(points[id].lat) / ids.size();
        }
        EXPECT_NEAR(v.cluster.centre.lng, mean_x * 360 - 180, 1e-6);
        EXPECT_NEAR(v.cluster.centre.lat, LatFromMercatorY(mean_y), 1e-6);
      }
      EXPECT_EQ(seen, expected) << "zoom " << zoom;
    }
  }
}

TEST(MarkerClustersTest, CountsAddUpAndCoverEveryPointInViewOnce) {
  const std::vector<LatLng> points = TestPoints();
  const MarkerClusters clusters(points);
  for (int zoom : {5, 8, 11, 12, 14, 16}) {
    const int level = LevelOfZoom(zoom);
    for (const Viewport& view : TestViewports(points, zoom)) {
      size_t in_snapped_view = 0;
      for (const LatLng& p : points) in_snapped_view += CellMeets(CellAt(p, level), view, level);
      size_t total = 0;
      std::vector<int> times_seen(points.size(), 0);
      for (const Visited& v : Visit(clusters, view, zoom)) {
        total += v.cluster.count;
        for (uint32_t id : v.members) ++times_seen[id];
      }
      EXPECT_EQ(total, in_snapped_view);
      for (uint32_t id = 0; id < points.size(); ++id) {
        if (Contains(view, points[id])) {
          EXPECT_EQ(times_seen[id], 1) << "point " << id;
        }
      }
    }
  }
}

TEST(MarkerClustersTest, AboveMaxZoomEachPointIsItsOwnCluster) {
  const std::vector<LatLng> points = TestPoints();
  const MarkerClusters clusters(points);
  const int max_zoom = clusters.options().max_zoom;
  for (int zoom : {max_zoom + 1, max_zoom + 3}) {
    for (const Viewport& view : TestViewports(points, zoom)) {
      std::vector<uint32_t> expected, visited;
      for (uint32_t id = 0; id < points.size(); ++id) {
        if (CellMeets(CellAt(points[id], LevelOfZoom(zoom)), view, LevelOfZoom(zoom)))
          expected.push_back(id);
      }
      for (const Visited& v : Visit(clusters, view, zoom)) {
        ASSERT_EQ(v.cluster.count, 1u);
        ASSERT_EQ(v.members, std::vector<uint32_t>{v.cluster.facility_id});
        EXPECT_NEAR(v.cluster.centre.lat, points[v.cluster.facility_id].lat, 1e-6);
        EXPECT_NEAR(v.cluster.centre.lng, points[v.cluster.facility_id].lng, 1e-6);
        visited.push_back(v.cluster.facility_id);
      }
      std::sort(visited.begin(), visited.end());
      EXPECT_EQ(visited, expected);  // duplicates (one address) included, each once
    }
  }
}

TEST(MarkerClustersTest, ExpansionZoomIsTheFirstZoomThatSplitsTheCluster) {
  const std::vector<LatLng> points = TestPoints();
  const MarkerClusters clusters(points);
  const int max_zoom = clusters.options().max_zoom;
  auto cells_of = [&](const std::vector<uint32_t>& ids, int zoom) {
    std::set<Cell> cells;
    for (uint32_t id : ids) cells.insert(CellAt(points[id], LevelOfZoom(zoom)));
    return cells.size();
  };
  int checked = 0, reaching_max = 0;
  for (int zoom = 0; zoom <= max_zoom; ++zoom) {
    for (const Visited& v : Visit(clusters, TestViewports(points, zoom).front(), zoom)) {
      const int expansion = clusters.ExpansionZoom(v.cluster.id);
      if (v.cluster.count == 1) {
        EXPECT_EQ(expansion, zoom);
        continue;
      }
      ++checked;
      ASSERT_GT(expansion, zoom);
      ASSERT_LE(expansion, max_zoom + 1);
      for (int z = zoom + 1; z < expansion; ++z)
        EXPECT_EQ(cells_of(v.members, z), 1u) << "zoom " << z;
      if (expansion <= max_zoom) {
        EXPECT_GE(cells_of(v.members, expansion), 2u);
        // And the clusters of that zoom indeed split the members.
        std::set<ClusterId> parts;
        const Viewport around = ScreenAround(v.cluster.centre, expansion);
        for (const Visited& w : Visit(clusters, around, expansion)) {
          for (uint32_t id : w.members) {
            if (std::find(v.members.begin(), v.members.end(), id) != v.members.end())
              parts.insert(w.cluster.id);
          }
        }
        EXPECT_GE(parts.size(), 2u);
      } else {
        ++reaching_max;
        EXPECT_EQ(cells_of(v.members, max_zoom), 1u);
      }
    }
  }
  EXPECT_GT(checked, 50);
  EXPECT_GT(reaching_max, 0);  // the duplicates stay together up to max_zoom
}

// The lowest zoom at which no other point shares the point's grid cell, found by brute force.
TEST(MarkerClustersTest, SeparationZoomIsTheFirstZoomAtWhichThePointIsAlone) {
  const std::vector<LatLng> points = TestPoints();
  const MarkerClusters clusters(points);
  const int max_zoom = clusters.options().max_zoom;
  std::vector<std::map<Cell, int>> points_in_cell(max_zoom + 1);
  for (int zoom = 0; zoom <= max_zoom; ++zoom)
    for (const LatLng& p : points) ++points_in_cell[zoom][CellAt(p, LevelOfZoom(zoom))];
  int alone_early = 0, never_alone = 0;
  for (uint32_t id = 0; id < points.size(); id += 7) {
    int expected = max_zoom + 1;
    for (int zoom = max_zoom; zoom >= 0; --zoom) {
      if (points_in_cell[zoom][CellAt(points[id], LevelOfZoom(zoom))] != 1) break;
      expected = zoom;  // alone here and at every zoom above (the grids nest)
    }
    ASSERT_EQ(clusters.SeparationZoom(id), expected) << "point " << id;
    alone_early += expected <= 10;
    never_alone += expected > max_zoom;
  }
  EXPECT_GT(alone_early, 0);
  EXPECT_GT(never_alone, 0);  // the duplicates
  // A point a subset left out is not clustered there; one point alone is alone at every zoom.
  const MarkerClusters odd = clusters.Subset([](uint32_t id) { return id % 2 == 1; });
  EXPECT_EQ(odd.SeparationZoom(0), -1);
  EXPECT_EQ(MarkerClusters(std::vector<LatLng>{{35.8, 127.1}}).SeparationZoom(0), 0);
}

TEST(MarkerClustersTest, SubsetClustersExactlyTheKeptPoints) {
  const std::vector<LatLng> points = TestPoints();
  const MarkerClusters clusters(points);
  auto keep = [](uint32_t id) { return id % 3 == 1; };
  const MarkerClusters subset = clusters.Subset(keep);
  std::vector<LatLng> kept;
  std::vector<uint32_t> original_id;
  for (uint32_t id = 0; id < points.size(); ++id) {
    if (!keep(id)) continue;
    kept.push_back(points[id]);
    original_id.push_back(id);
  }
  ASSERT_EQ(subset.size(), kept.size());
  const MarkerClusters rebuilt(kept);
  for (int zoom : {3, 9, 13, 16, 18}) {
    for (const Viewport& view : TestViewports(points, zoom)) {
      std::set<std::vector<uint32_t>> from_subset, from_rebuilt;
      for (const Visited& v : Visit(subset, view, zoom)) {
        std::vector<uint32_t> m = v.members;
        std::sort(m.begin(), m.end());
        from_subset.insert(m);
      }
      for (const Visited& v : Visit(rebuilt, view, zoom)) {
        std::vector<uint32_t> m;
        for (uint32_t id : v.members) m.push_back(original_id[id]);
        std::sort(m.begin(), m.end());
        from_rebuilt.insert(m);
      }
      EXPECT_EQ(from_subset, from_rebuilt) << "zoom " << zoom;
    }
  }
}

TEST(MarkerClustersTest, WholeWorldHoldsEveryPointAndEmptyHoldsNone) {
  const std::vector<LatLng> points = TestPoints();
  const MarkerClusters clusters(points, {.max_zoom = 10, .cell_pixels = 256});
  const Viewport world{{-85, -180}, {85, 180}};
  for (int zoom : {0, 4, 10, 11}) {
    size_t total = 0;
    for (const Visited& v : Visit(clusters, world, zoom)) total += v.cluster.count;
    EXPECT_EQ(total, points.size()) << "zoom " << zoom;
  }
  // One 256-pixel cell is the whole world at zoom 0.
  EXPECT_EQ(Visit(clusters, world, 0).size(), 1u);

  const MarkerClusters empty(std::vector<LatLng>{});
  EXPECT_TRUE(Visit(empty, world, 5).empty());
  EXPECT_EQ(clusters.Subset([](uint32_t) { return false; }).size(), 0u);
}

}  // namespace
}  // namespace bokji
