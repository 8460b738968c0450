// core/catalog.h on a small hand-made dataset: every derived part is there, in the order of the
// data, and the look-ups by key find what links carry.
#include "core/catalog.h"

#include <gtest/gtest.h>

#include <string>

#include "core/geo.h"

namespace bokji {
namespace {

Dataset SmallDataset() {
  Dataset d;
  Facility a;
  a.source_key = "장애인복지관:1";
  a.name = "가나 장애인복지관";
  a.category = FacilityCategory::kDisability;
  a.targets = kTargetDisabled;
  a.road_address = "전북 김제시 요촌동 1";
  a.hours = "평일 09:00~18:00";
  a.position = {35.80, 126.88};
  Facility b;
  b.source_key = "노숙인:7";
  b.name = "다라 쉼터";
  b.category = FacilityCategory::kHomeless;
  b.targets = kTargetHomeless;
  b.lot_address = "전주시 완산구 2";
  b.position = {35.82, 127.14};
  d.facilities = {a, b};

  Region city;
  city.code = 35060;
  city.level = RegionLevel::kSigungu;
  city.name = "김제시";
  city.full_name = "전북특별자치도 김제시";
  city.rings = {{{35.7, 126.8}, {35.7, 127.0}, {35.9, 127.0}, {35.9, 126.8}}};  // no label
  Region gu = city;
  gu.code = 35011;
  gu.name = "전주시완산구";
  gu.label = {35.81, 127.12};
  d.regions = {city, gu};

  Program p;
  p.service_id = "WLF1";
  p.name = "김제 청년 월세";
  p.level = ProgramLevel::kCity;
  p.sigungu_code = 35060;
  p.region_name = "김제시";
  p.life_stages = kStageYoungAdult;
  p.targets = kTargetLowIncome;
  p.themes = {"주거"};
  Program q;
  q.service_id = "WLF2";
  q.name = "기초연금";
  q.themes = {"주거", "서민금융"};
  d.programs = {p, q};
  return d;
}

TEST(Catalog, BuildsEveryDerivedPartInDataOrder) {
  const Catalog c = Catalog::Build(SmallDataset());
  EXPECT_EQ(c.data.facilities.size(), 2u);
  EXPECT_EQ(c.hours.size(), 2u);
  EXPECT_TRUE(c.hours[0].has_value());
  EXPECT_FALSE(c.hours[1].has_value());
  EXPECT_EQ(c.hours_known, 1);
  EXPECT_EQ(c.category_counts[static_cast<int>(FacilityCategory::kDisability)], 1);
  EXPECT_EQ(c.category_counts[static_cast<int>(FacilityCategory::kHomeless)], 1);
  EXPECT_EQ(c.facility_targets, kTargetDisabled | kTargetHomeless);
  EXPECT_EQ(c.program_targets, kTargetLowIncome);
  EXPECT_EQ(c.clusters.size(), 2u);
  // The searches' ids are positions in the data; the secondary text is searched too.
  ASSERT_FALSE(c.facility_search.Search("쉼터", 5).empty());
  EXPECT_EQ(c.facility_search.Search("쉼터", 5).front().id, 1u);
  EXPECT_EQ(c.facility_search.Search("완산구", 5).front().id, 1u);  // lot address when no road
  EXPECT_EQ(c.region_search.Search("김제", 5).front().id, 0u);
  EXPECT_EQ(c.program_search.Search("서민금융", 5).front().id, 1u);  // a theme
  // Labels: the bundle's, or the interior point of the rings.
  ASSERT_EQ(c.label_points.size(), 2u);
  EXPECT_EQ(c.label_points[0].lat, InteriorPoint(c.data.regions[0].rings).lat);
  EXPECT_EQ(c.label_points[1].lat, 35.81);
  EXPECT_EQ(c.program_tags.size(), 2u);
  ASSERT_EQ(c.cities.size(), 2u);
  EXPECT_EQ(c.cities[0].code, 35010u);
  EXPECT_STREQ(c.CityName(35010), "전주시");
  EXPECT_STREQ(c.CityName(35060), "김제시");
  EXPECT_EQ(c.CityName(35999), nullptr);
  EXPECT_EQ(c.themes.front(), "주거");
}

// Facilities placed by address only sit at their area's label point: they must stay out of
// everything that treats a facility as a point (index, clusters, search, counts), kept apart in
// bundle order.
TEST(Catalog, FacilitiesPlacedByAddressOnlyAreKeptApartFromThePoints) {
  Dataset d = SmallDataset();
  Facility hall;
  hall.source_key = "경로당:1";
  hall.name = "요촌 경로당";
  hall.category = FacilityCategory::kSeniorCenter;
  hall.targets = kTargetElderly;
  hall.road_address = "전북 김제시 요촌동 3";
  hall.position = {35.80, 126.88};  // the same spot as the centre: the 읍면동's label point
  hall.position_quality = PositionQuality::kApproxEmd;
  Facility town = hall;
  town.source_key = "경로당:2";
  town.name = "김제 경로당";
  town.position_quality = PositionQuality::kApproxSigungu;
  Facility geocoded = d.facilities[1];
  geocoded.source_key = "노숙인:8";
  geocoded.position_quality = PositionQuality::kGeocoded;  // a point of its own: kept
  d.facilities = {hall, d.facilities[0], town, geocoded, d.facilities[1]};

  const Catalog c = Catalog::Build(d);
  ASSERT_EQ(c.data.facilities.size(), 3u);
  EXPECT_EQ(c.data.facilities[0].source_key, "장애인복지관:1");
  EXPECT_EQ(c.data.facilities[1].source_key, "노숙인:8");
  EXPECT_EQ(c.data.facilities[2].source_key, "노숙인:7");
  ASSERT_EQ(c.approximate.size(), 2u);
  EXPECT_EQ(c.approximate[0].source_key, "경로당:1");
  EXPECT_EQ(c.approximate[1].source_key, "경로당:2");
  EXPECT_EQ(c.clusters.size(), 3u);
  EXPECT_EQ(c.facility_index.size(), 3u);
  EXPECT_EQ(c.hours.size(), 3u);
  EXPECT_TRUE(c.facility_search.Search("경로당", 5).empty());
  EXPECT_EQ(c.category_counts[static_cast<int>(FacilityCategory::kSeniorCenter)], 0);
  EXPECT_EQ(c.FacilityByKey("경로당:1"), -1);
  // What the app needs to show them per area: the region each stands at, their counts by
  // category, the groups they serve (a target filter offers 노인 for them).
  EXPECT_EQ(c.ApproximateByKey("경로당:2"), 1);
  EXPECT_EQ(c.ApproximateByKey("장애인복지관:1"), -1);
  EXPECT_EQ(c.approximate_category_counts[static_cast<int>(FacilityCategory::kSeniorCenter)], 2);
  EXPECT_NE(c.facility_targets & kTargetElderly, 0u);
  ASSERT_EQ(c.approximate_area.size(), 2u);
  // Their codes name no region of this dataset: no area (the boundaries lack it).
  EXPECT_EQ(c.approximate_area[0], -1);
  EXPECT_EQ(c.approximate_sigungu[1], -1);
}

TEST(Catalog, AFacilityPlacedByAddressStandsAtItsAreaOrElseItsSigungu) {
  Dataset d = SmallDataset();  // regions: 김제시 35060 (0), 전주시완산구 35011 (1)
  Region emd;
  emd.code = 3506011;
  emd.level = RegionLevel::kEmd;
  emd.parent_code = 35060;
  emd.name = "요촌동";
  d.regions.push_back(emd);
  Facility at_emd;
  at_emd.source_key = "경로당:1";
  at_emd.category = FacilityCategory::kSeniorCenter;
  at_emd.sigungu_code = 35060;
  at_emd.emd_code = 3506011;
  at_emd.position_quality = PositionQuality::kApproxEmd;
  Facility at_sigungu = at_emd;
  at_sigungu.source_key = "경로당:2";
  at_sigungu.emd_code = 0;
  at_sigungu.position_quality = PositionQuality::kApproxSigungu;
  Facility unknown_emd = at_emd;  // a 읍면동 code the boundaries lack: its 시군구
  unknown_emd.source_key = "경로당:3";
  unknown_emd.emd_code = 3506099;
  d.facilities.push_back(at_emd);
  d.facilities.push_back(at_sigungu);
  d.facilities.push_back(unknown_emd);
  const Catalog c = Catalog::Build(d);
  ASSERT_EQ(c.approximate.size(), 3u);
  EXPECT_EQ(c.approximate_area, (std::vector<int>{2, 0, 0}));
  EXPECT_EQ(c.approximate_sigungu, (std::vector<int>{0, 0, 0}));
}

TEST(Catalog, TheStartFramingLeavesFarOffIsletsOut) {
  Dataset d;
  Region land;
  land.rings = {{{35.0, 126.0}, {35.0, 127.0}, {36.0, 127.0}, {36.0, 126.0}}};
  Region islet;
  islet.rings = {{{35.0, 124.0}, {35.0, 124.01}, {35.01, 124.01}, {35.01, 124.0}}};
  d.regions = {land, islet};
  const Catalog c = Catalog::Build(d);
  ASSERT_TRUE(c.has_bounds);
  EXPECT_EQ(c.south_west.lng, 126.0);
  EXPECT_EQ(c.north_east.lat, 36.0);
  // Without regions, the facilities; without either, nothing.
  Dataset points;
  points.facilities.resize(2);
  points.facilities[0].position = {35.5, 127.5};
  points.facilities[1].position = {35.7, 127.1};
  const Catalog f = Catalog::Build(points);
  ASSERT_TRUE(f.has_bounds);
  EXPECT_EQ(f.south_west.lat, 35.5);
  EXPECT_EQ(f.south_west.lng, 127.1);
  EXPECT_FALSE(Catalog::Build(Dataset{}).has_bounds);
}

TEST(Catalog, LooksUpWhatLinksCarry) {
  const Catalog c = Catalog::Build(SmallDataset());
  EXPECT_EQ(c.FacilityByKey("노숙인:7"), 1);
  EXPECT_EQ(c.FacilityByKey("노숙인:8"), -1);
  EXPECT_EQ(c.FacilityByKey(""), -1);
  EXPECT_EQ(c.ProgramByServiceId("WLF2"), 1);
  EXPECT_EQ(c.ProgramByServiceId(""), -1);
  EXPECT_EQ(c.RegionByCode(35011), 1);
  EXPECT_EQ(c.RegionByCode(0), -1);
}

}  // namespace
}  // namespace bokji
