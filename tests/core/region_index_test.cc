// RegionIndex against independent oracles: a planar even-odd test on the real Jeonbuk boundaries,
// interior points found by a scanline, the 시군구 that the facility data states for each of its
// points, and small synthetic polygons with known insides in both ring orientations.
#include "core/region_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "core/model.h"
#include "tests/core/test_regions.h"

namespace bokji {
namespace {

// -------------------------------------------------------------------------------------------------
// A planar oracle on lat/lng (edges as straight lines in degrees). It differs from S2's geodesic
// edges by ~1e-6° for the longest edges here (0.03°), so points nearer than kBoundaryMargin to an
// edge are not judged.
// -------------------------------------------------------------------------------------------------
constexpr double kBoundaryMargin = 1e-4;  // degrees, ~10 m

struct Box {
  double lat_lo = std::numeric_limits<double>::infinity(), lat_hi = -lat_lo;
  double lng_lo = lat_lo, lng_hi = -lat_lo;
  bool Contains(LatLng p, double margin) const {
    return p.lat >= lat_lo - margin && p.lat <= lat_hi + margin && p.lng >= lng_lo - margin &&
           p.lng <= lng_hi + margin;
  }
};

Box BoxOf(const Region& region) {
  Box box;
  for (const Ring& ring : region.rings) {
    for (LatLng p : ring) {
      box.lat_lo = std::min(box.lat_lo, p.lat);
      box.lat_hi = std::max(box.lat_hi, p.lat);
      box.lng_lo = std::min(box.lng_lo, p.lng);
      box.lng_hi = std::max(box.lng_hi, p.lng);
    }
  }
  return box;
}

// Even-odd by counting the edges a ray towards +lng crosses.
bool PlanarContains(const Region& region, LatLng p) {
  bool inside = false;
  for (const Ring& ring : region.rings) {
    for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
      const LatLng a = ring[j], b = ring[i];
      if ((a.lat > p.lat) != (b.lat > p.lat)) {
        const double lng = a.lng + (p.lat - a.lat) / (b.lat - a.lat) * (b.lng - a.lng);
        if (lng > p.lng) inside = !inside;
      }
    }
  }
  return inside;
}

// Planar distance in degrees from p to the nearest edge of the region.
double PlanarDistanceToBoundary(const Region& region, LatLng p) {
  double best = std::numeric_limits<double>::infinity();
  for (const Ring& ring : region.rings) {
    for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
      const double ax = ring[j].lng, ay = ring[j].lat, bx = ring[i].lng, by = ring[i].lat;
      const double dx = bx - ax, dy = by - ay, length2 = dx * dx + dy * dy;
      double t = length2 > 0 ? ((p.lng - ax) * dx + (p.lat - ay) * dy) / length2 : 0;
      t = std::clamp(t, 0.0, 1.0);
      best = std::min(best, std::hypot(p.lng - (ax + t * dx), p.lat - (ay + t * dy)));
    }
  }
  return best;
}

// A point well inside the region: along several horizontal scanlines, the midpoints of the even-odd
// inside segments, keeping the one farthest from the boundary.
LatLng InteriorPoint(const Region& region) {
  const Box box = BoxOf(region);
  LatLng best{};
  double best_clearance = -1;
  for (int line = 1; line < 16; ++line) {
    const double lat = box.lat_lo + (box.lat_hi - box.lat_lo) * line / 16.0;
    std::vector<double> crossings;
    for (const Ring& ring : region.rings) {
      for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const LatLng a = ring[j], b = ring[i];
        if ((a.lat > lat) != (b.lat > lat)) {
          crossings.push_back(a.lng + (lat - a.lat) / (b.lat - a.lat) * (b.lng - a.lng));
        }
      }
    }
    std::sort(crossings.begin(), crossings.end());
    for (size_t c = 0; c + 1 < crossings.size(); c += 2) {
      const LatLng mid{lat, (crossings[c] + crossings[c + 1]) / 2};
      const double clearance = PlanarDistanceToBoundary(region, mid);
      if (clearance > best_clearance) {
        best_clearance = clearance;
        best = mid;
      }
    }
  }
  return best;
}

// The single region of `level` that contains p by the planar oracle: its index, -1 if none, or -2
// if p is too near a boundary to judge (or, against the data's promise, inside two regions).
int PlanarFind(const std::vector<Region>& regions, const std::vector<Box>& boxes, LatLng p,
               RegionLevel level) {
  int found = -1;
  for (size_t r = 0; r < regions.size(); ++r) {
    if (regions[r].level != level || !boxes[r].Contains(p, kBoundaryMargin)) continue;
    if (PlanarDistanceToBoundary(regions[r], p) < kBoundaryMargin) return -2;
    if (PlanarContains(regions[r], p)) {
      if (found >= 0) return -2;
      found = static_cast<int>(r);
    }
  }
  return found;
}

int IndexOfCode(const std::vector<Region>& regions, uint32_t code) {
  for (size_t r = 0; r < regions.size(); ++r) {
    if (regions[r].code == code) return static_cast<int>(r);
  }
  return -1;
}

class JeonbukRegionsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    regions_ = new std::vector<Region>(testdata::LoadJeonbukRegions());
    index_ = new RegionIndex(*regions_);
  }
  static void TearDownTestSuite() {
    delete index_;
    delete regions_;
  }
  static std::vector<Region>* regions_;
  static RegionIndex* index_;
};
std::vector<Region>* JeonbukRegionsTest::regions_ = nullptr;
RegionIndex* JeonbukRegionsTest::index_ = nullptr;

TEST_F(JeonbukRegionsTest, LoadsAllLevels) {
  int count[3] = {0, 0, 0};
  for (const Region& region : *regions_) ++count[static_cast<int>(region.level)];
  EXPECT_EQ(count[0], 1);
  EXPECT_EQ(count[1], 15);
  EXPECT_EQ(count[2], 241);
}

TEST_F(JeonbukRegionsTest, FindsEveryEmdAtAnInteriorPointAndItsAncestors) {
  const std::vector<Region>& regions = *regions_;
  const int province = IndexOfCode(regions, 35);
  ASSERT_GE(province, 0);
  int checked = 0;
  for (size_t r = 0; r < regions.size(); ++r) {
    if (regions[r].level != RegionLevel::kEmd) continue;
    const LatLng p = InteriorPoint(regions[r]);
    ASSERT_TRUE(PlanarContains(regions[r], p)) << regions[r].name;
    ASSERT_GT(PlanarDistanceToBoundary(regions[r], p), kBoundaryMargin) << regions[r].name;
    EXPECT_EQ(index_->Find(p, RegionLevel::kEmd), static_cast<int>(r))
        << regions[r].name << " " << regions[r].code << " at " << p.lat << "," << p.lng;
    // The 읍면동 code starts with its 시군구 code; boundaries of the levels come from the same
    // survey.
    const int sigungu = index_->Find(p, RegionLevel::kSigungu);
    ASSERT_GE(sigungu, 0) << regions[r].name;
    EXPECT_EQ(regions[sigungu].code, regions[r].code / 100) << regions[r].name;
    // The province polygon leaves out some islands (위도면): judge that level by the planar oracle.
    if (PlanarDistanceToBoundary(regions[province], p) > kBoundaryMargin) {
      EXPECT_EQ(index_->Find(p, RegionLevel::kProvince),
                PlanarContains(regions[province], p) ? province : -1)
          << regions[r].name;
    }
    ++checked;
  }
  EXPECT_EQ(checked, 241);
}

TEST_F(JeonbukRegionsTest, MatchesPlanarEvenOddAtRandomPoints) {
  const std::vector<Region>& regions = *regions_;
  std::vector<Box> boxes;
  for (const Region& region : regions) boxes.push_back(BoxOf(region));
  const Box jeonbuk = boxes[IndexOfCode(regions, 35)];
  std::mt19937_64 rng(20240817);
  // Slightly beyond the province's box, so points outside every region are drawn too.
  std::uniform_real_distribution<double> lat(jeonbuk.lat_lo - 0.05, jeonbuk.lat_hi + 0.05);
  std::uniform_real_distribution<double> lng(jeonbuk.lng_lo - 0.05, jeonbuk.lng_hi + 0.05);
  int judged = 0, outside = 0;
  for (int i = 0; i < 1500; ++i) {
    const LatLng p{lat(rng), lng(rng)};
    for (RegionLevel level : {RegionLevel::kProvince, RegionLevel::kSigungu, RegionLevel::kEmd}) {
      const int expected = PlanarFind(regions, boxes, p, level);
      if (expected == -2) continue;
      ++judged;
      outside += expected == -1;
      EXPECT_EQ(index_->Find(p, level), expected)
          << "at " << p.lat << "," << p.lng << " level " << static_cast<int>(level);
    }
  }
  EXPECT_GT(judged, 4000);
  EXPECT_GT(outside, 100);  // the test saw points outside Jeonbuk, not only inside
}

TEST_F(JeonbukRegionsTest, PointsOutsideJeonbukAreInNoRegion) {
  const LatLng kOutside[] = {
      {37.5665, 126.9780},  // Seoul City Hall
      {35.1796, 129.0756},  // Busan
      {35.1595, 126.8526},  // Gwangju
      {36.3504, 127.3845},  // Daejeon
      {35.5, 125.5},        // the Yellow Sea west of Jeonbuk
      {-35.82, -52.85},     // the antipode of Jeonju
      {90, 0},
      {-90, 0},  // the poles
      {0, 0},
      {0, 180},
  };
  for (LatLng p : kOutside) {
    for (RegionLevel level : {RegionLevel::kProvince, RegionLevel::kSigungu, RegionLevel::kEmd}) {
      EXPECT_EQ(index_->Find(p, level), -1) << p.lat << "," << p.lng;
    }
  }
}

// Adjacent 읍면동 share boundary vertices exactly (the TopoJSON arcs they come from are shared): a
// shared vertex inside the province must belong to exactly one of the regions that have it,
// whatever their orientation; one on the province's outline to at most one.
TEST_F(JeonbukRegionsTest, SharedBoundaryVerticesBelongToExactlyOneRegion) {
  const std::vector<Region>& regions = *regions_;
  std::set<std::pair<double, double>> outline;
  for (const Ring& ring : regions[IndexOfCode(regions, 35)].rings) {
    for (LatLng p : ring) outline.insert({p.lat, p.lng});
  }
  std::vector<std::vector<Region>> alone;  // each 읍면동 as its own region set
  std::map<std::pair<double, double>, std::vector<int>> regions_at_vertex;
  for (const Region& region : regions) {
    if (region.level != RegionLevel::kEmd) continue;
    const int r = static_cast<int>(alone.size());
    alone.push_back({region});
    // Every other region with its rings reversed: orientation must not matter.
    if (r % 2 == 1) {
      for (Ring& ring : alone.back()[0].rings) std::reverse(ring.begin(), ring.end());
    }
    for (const Ring& ring : region.rings) {
      for (LatLng p : ring) {
        std::vector<int>& at = regions_at_vertex[{p.lat, p.lng}];
        if (at.empty() || at.back() != r) at.push_back(r);
      }
    }
  }
  std::vector<std::unique_ptr<RegionIndex>> indexes;
  for (const std::vector<Region>& one : alone)
    indexes.push_back(std::make_unique<RegionIndex>(one));
  int checked = 0, vertex = 0;
  for (const auto& [latlng, at] : regions_at_vertex) {
    if (at.size() < 2 || vertex++ % 7 != 0) continue;  // shared vertices, a sample of them
    const LatLng p{latlng.first, latlng.second};
    int containing = 0;
    for (int r : at) containing += indexes[r]->Find(p, RegionLevel::kEmd) == 0;
    if (outline.count(latlng) != 0) {
      EXPECT_LE(containing, 1) << p.lat << "," << p.lng << " on the outline";
    } else {
      EXPECT_EQ(containing, 1) << p.lat << "," << p.lng << " shared by " << at.size();
      ++checked;
    }
  }
  EXPECT_GT(checked, 500);
}

// Splits one CSV line on commas outside double quotes.
std::vector<std::string> SplitCsvLine(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (char c : line) {
    if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  return fields;
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The national list of 장애인복지관 states each one's 시도 and 시군구 (and its address names its
// 읍/면 and, in 전주, its 구). The data README records that every Jeonbuk point lies in its stated
// 시군구.
TEST_F(JeonbukRegionsTest, DisabilityWelfareCentresLieInTheirStatedRegions) {
  const std::vector<Region>& regions = *regions_;
  const std::string text = testdata::ReadFileOrFail(
      testdata::SharedDataPath("facilities/보건복지부_장애인복지관 현황_20191231.csv"));
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  ASSERT_GT(lines.size(), 250u);
  int jeonbuk = 0, elsewhere = 0;
  for (size_t i = 1; i < lines.size(); ++i) {
    if (lines[i].empty()) continue;
    const std::vector<std::string> f = SplitCsvLine(lines[i]);
    ASSERT_EQ(f.size(), 13u) << lines[i];
    const LatLng p{std::strtod(f[12].c_str(), nullptr), std::strtod(f[11].c_str(), nullptr)};
    const std::string& name = f[5];
    if (f[1] != "전라북도") {
      ++elsewhere;
      for (RegionLevel level : {RegionLevel::kProvince, RegionLevel::kSigungu, RegionLevel::kEmd}) {
        EXPECT_EQ(index_->Find(p, level), -1) << name;
      }
      continue;
    }
    ++jeonbuk;
    EXPECT_EQ(index_->Find(p, RegionLevel::kProvince), IndexOfCode(regions, 35)) << name;
    std::string city = f[2];  // "군산시", or "도(전주시)" for the provincial centre
    const std::string kCentre = "도(";
    if (city.rfind(kCentre, 0) == 0) {
      city = city.substr(kCentre.size(), city.size() - kCentre.size() - 1);
    }
    const int sigungu = index_->Find(p, RegionLevel::kSigungu);
    ASSERT_GE(sigungu, 0) << name;
    EXPECT_EQ(regions[sigungu].name.rfind(city, 0), 0u) << name << " in " << regions[sigungu].name;
    const int emd = index_->Find(p, RegionLevel::kEmd);
    ASSERT_GE(emd, 0) << name;
    EXPECT_EQ(regions[emd].code / 100, regions[sigungu].code) << name;
    // The address's 구 (전주) and 읍/면, when it names them.
    std::vector<std::string> words;
    std::string word;
    for (char c : f[6] + " ") {
      if (c == ' ') {
        if (!word.empty()) words.push_back(word);
        word.clear();
      } else {
        word += c;
      }
    }
    for (const std::string& w : words) {
      if (EndsWith(w, "구")) {
        EXPECT_TRUE(EndsWith(regions[sigungu].name, w)) << name;
      }
      if (EndsWith(w, "읍") || EndsWith(w, "면")) {
        EXPECT_EQ(regions[emd].name, w) << name;
      }
    }
  }
  EXPECT_EQ(jeonbuk, 13);
  EXPECT_GT(elsewhere, 200);
  // The example the data README and the product both rely on: 전라북도장애인복지관 is in 전주시
  // 완산구.
  EXPECT_EQ(regions[index_->Find({35.81176128, 127.0926158}, RegionLevel::kSigungu)].code, 35011u);
}

// -------------------------------------------------------------------------------------------------
// Synthetic polygons: a square with a square hole, an island inside the hole, in every ring
// orientation.
// -------------------------------------------------------------------------------------------------
Ring Square(LatLng center, double half, bool counter_clockwise) {
  Ring ring = {{center.lat - half, center.lng - half},
               {center.lat - half, center.lng + half},
               {center.lat + half, center.lng + half},
               {center.lat + half, center.lng - half}};
  if (!counter_clockwise) std::reverse(ring.begin(), ring.end());
  return ring;
}

TEST(RegionIndexTest, EvenOddInsideWhateverTheRingOrientation) {
  const LatLng c{36.0, 127.0};
  for (int orientation = 0; orientation < 8; ++orientation) {
    Region shell_hole_island;
    shell_hole_island.level = RegionLevel::kSigungu;
    shell_hole_island.code = 99001;
    shell_hole_island.rings = {Square(c, 0.5, orientation & 1), Square(c, 0.2, orientation & 2),
                               Square(c, 0.05, orientation & 4)};
    Region other;  // another region of another level covering the same place
    other.level = RegionLevel::kEmd;
    other.code = 9900101;
    other.rings = {Square(c, 0.3, true)};
    std::vector<Region> regions = {other, shell_hole_island};
    RegionIndex index(regions);
    RegionIndex moved = std::move(index);
    const struct {
      LatLng p;
      int sigungu;  // expected Find(p, kSigungu)
      int emd;
    } kCases[] = {
        {{36.0, 127.0}, 1, 0},    // on the island
        {{36.1, 127.1}, -1, 0},   // in the hole
        {{36.4, 127.4}, 1, -1},   // between shell and hole
        {{36.6, 127.0}, -1, -1},  // outside
        {{35.7, 126.6}, 1, -1},
    };
    for (const auto& t : kCases) {
      EXPECT_EQ(moved.Find(t.p, RegionLevel::kSigungu), t.sigungu)
          << "orientation " << orientation << " at " << t.p.lat << "," << t.p.lng;
      EXPECT_EQ(moved.Find(t.p, RegionLevel::kEmd), t.emd) << t.p.lat << "," << t.p.lng;
      EXPECT_EQ(moved.Find(t.p, RegionLevel::kProvince), -1);
    }
  }
}

TEST(RegionIndexTest, OverlappingRegionsReturnTheLowestIndexAndEmptyOnesNothing) {
  Region empty;
  empty.level = RegionLevel::kEmd;
  Region big, small;
  big.level = small.level = RegionLevel::kEmd;
  big.rings = {Square({36, 127}, 1, true)};
  small.rings = {Square({36, 127}, 0.1, false)};
  const std::vector<Region> regions = {empty, small, big};
  const RegionIndex index(regions);
  EXPECT_EQ(index.Find({36, 127}, RegionLevel::kEmd), 1);
  EXPECT_EQ(index.Find({36.5, 127}, RegionLevel::kEmd), 2);
  EXPECT_EQ(index.Find({38, 127}, RegionLevel::kEmd), -1);
  const std::vector<Region> no_regions;
  const RegionIndex none(no_regions);
  EXPECT_EQ(none.Find({36, 127}, RegionLevel::kEmd), -1);
}

}  // namespace
}  // namespace bokji
