// web/model/finding.h on the sample catalogue: every combination of category, target group and
// area lists exactly the facilities a rule written here picks (from the facilities' own fields),
// nearest first by a haversine written here, ties by id, capped with the total kept; "open now"
// on a small dataset with stated hours at a fixed moment.
#include "web/model/finding.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <vector>

#include "tests/web/test_catalog.h"
#include "web/model/clock.h"

namespace bokji::web {
namespace {

using testing::SampleCatalog;

double Haversine(LatLng a, LatLng b) {
  const double r = 6371010.0, rad = M_PI / 180;
  const double h = std::pow(std::sin((b.lat - a.lat) * rad / 2), 2) +
                   std::cos(a.lat * rad) * std::cos(b.lat * rad) *
                       std::pow(std::sin((b.lng - a.lng) * rad / 2), 2);
  return 2 * r * std::asin(std::sqrt(h));
}

// The filter rule restated from the facilities' fields.
bool Picks(const Facility& f, CategorySet categories, TargetSet target, uint32_t region) {
  if (!(categories & (1u << static_cast<int>(f.category)))) return false;
  if (target != 0 && !(f.targets & target)) return false;
  if (region == 0) return true;
  const uint32_t sigungu = f.sigungu_code != 0 ? f.sigungu_code : f.emd_code / 100;
  if (region >= 1000000) return f.emd_code == region;
  if (region >= 10000) return sigungu == region;
  return sigungu / 1000 == region;
}

struct Combination {
  CategorySet categories;
  TargetSet target;
  uint32_t region;
};

std::vector<Combination> Combinations(const Catalog& c) {
  std::vector<CategorySet> categories = {kAllCategories};
  std::vector<TargetSet> targets = {0};
  std::set<uint32_t> regions = {0, 35};
  for (const Facility& f : c.data.facilities) {
    categories.push_back(CategoryBit(f.category));
    for (int bit = 0; bit < 17; ++bit)
      if (f.targets & (1u << bit)) targets.push_back(1u << bit);
    if (f.sigungu_code) regions.insert(f.sigungu_code);
    if (f.emd_code) regions.insert(f.emd_code);
  }
  std::sort(categories.begin(), categories.end());
  categories.erase(std::unique(categories.begin(), categories.end()), categories.end());
  std::sort(targets.begin(), targets.end());
  targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
  std::vector<Combination> all;
  for (CategorySet cat : categories)
    for (TargetSet t : targets)
      for (uint32_t r : regions) all.push_back({cat, t, r});
  return all;
}

TEST(Finding, EveryFilterCombinationListsWhatTheRulePicksNearestFirst) {
  const Catalog& c = SampleCatalog();
  // The facilities with coordinates of their own (thousands since issue 12's lists); those placed
  // by address only are not in data.facilities (Catalog::approximate).
  ASSERT_GT(c.data.facilities.size(), 1000u);
  const LatLng place{35.8242, 127.1480};  // 전주
  const WeekTime now = NowAt(1772688600).week;
  int combinations = 0, non_empty = 0;
  for (const Combination& k : Combinations(c)) {
    FacilityFilters filters;
    filters.index.categories = k.categories;
    filters.index.any_target = k.target;
    filters.index.region_code = k.region;
    std::vector<std::pair<double, uint32_t>> expected;
    for (uint32_t id = 0; id < c.data.facilities.size(); ++id) {
      const Facility& f = c.data.facilities[id];
      if (Picks(f, k.categories, k.target, k.region))
        expected.push_back({Haversine(place, f.position), id});
      EXPECT_EQ(Passes(c, filters, now, id), Picks(f, k.categories, k.target, k.region));
    }
    std::sort(expected.begin(), expected.end());
    const ResultsList list = ListNearest(c, filters, now, place, 10);
    ASSERT_EQ(list.total, static_cast<int>(expected.size()));
    ASSERT_EQ(list.rows.size(), std::min<size_t>(10, expected.size()));
    for (size_t i = 0; i < list.rows.size(); ++i) {
      EXPECT_EQ(list.rows[i].id, expected[i].second) << "row " << i;
      EXPECT_NEAR(list.rows[i].distance_m, expected[i].first, 0.01);
    }
    ++combinations;
    non_empty += !expected.empty();
  }
  EXPECT_GT(combinations, 100);
  EXPECT_GT(non_empty, 20);
}

TEST(Finding, InViewListsWhatTheViewShowsNearestItsMiddleTiesById) {
  const Catalog& c = SampleCatalog();
  MapView view;
  view.SetViewport(800, 600);
  view.SetZoom(11);
  view.SetCenter(ToMercator(LatLng{35.82, 127.12}));
  LatLng sw, ne;
  view.VisibleBounds(0, &sw, &ne);
  const LatLng middle = FromMercator(view.center());
  std::vector<std::pair<double, uint32_t>> expected;
  for (uint32_t id = 0; id < c.data.facilities.size(); ++id) {
    const LatLng p = c.data.facilities[id].position;
    if (p.lat >= sw.lat && p.lat <= ne.lat && p.lng >= sw.lng && p.lng <= ne.lng)
      expected.push_back({Haversine(middle, p), id});
  }
  std::sort(expected.begin(), expected.end());
  ASSERT_GT(expected.size(), 5u);
  const ResultsList list = ListInView(c, FacilityFilters{}, WeekTime{}, view, 5);
  EXPECT_EQ(list.total, static_cast<int>(expected.size()));
  ASSERT_EQ(list.rows.size(), 5u);
  for (size_t i = 0; i < 5; ++i) EXPECT_EQ(list.rows[i].id, expected[i].second);
  // Facilities at one address share a distance: the smaller id first.
  for (size_t i = 1; i < list.rows.size(); ++i) {
    if (list.rows[i].distance_m == list.rows[i - 1].distance_m) {
      EXPECT_LT(list.rows[i - 1].id, list.rows[i].id);
    }
  }
}

TEST(Finding, OpenNowKeepsOnlyFacilitiesKnownToBeOpen) {
  Dataset data;
  const char* hours[] = {"평일 09:00~18:00", "토 09:00~13:00", "", "매일 00:00~24:00"};
  for (int i = 0; i < 4; ++i) {
    Facility f;
    f.name = "f" + std::to_string(i);
    f.hours = hours[i];
    f.position = {35.8 + 0.01 * i, 127.1};
    data.facilities.push_back(f);
  }
  const Catalog c = Catalog::Build(data);
  const WeekTime thursday_afternoon = NowAt(1772688600).week;  // 2026-03-05 (목) 14:30 KST
  ASSERT_EQ(thursday_afternoon.day, 3);
  ASSERT_EQ(thursday_afternoon.minute, 14 * 60 + 30);
  EXPECT_EQ(OpenStateOf(c, thursday_afternoon, 0), OpenState::kOpen);
  EXPECT_EQ(OpenStateOf(c, thursday_afternoon, 1), OpenState::kUnknown);  // Thursday not stated
  EXPECT_EQ(OpenStateOf(c, thursday_afternoon, 2), OpenState::kUnknown);
  FacilityFilters open;
  open.open_now = true;
  const ResultsList list = ListNearest(c, open, thursday_afternoon, {35.8, 127.1}, 10);
  ASSERT_EQ(list.total, 2);
  EXPECT_EQ(list.rows[0].id, 0u);
  EXPECT_EQ(list.rows[1].id, 3u);
  const WeekTime thursday_night = NowAt(1772688600 + 8 * 3600).week;  // 22:30
  EXPECT_EQ(ListNearest(c, open, thursday_night, {35.8, 127.1}, 10).total, 1);
}

}  // namespace
}  // namespace bokji::web
