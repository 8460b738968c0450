// web/model/approximate.h and the list's part for facilities placed by address (finding.h), on a
// small hand-made dataset whose counts are plain to see; the URL key of their card; the card's
// freshness rule and address searches.
#include "web/model/approximate.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "web/model/finding.h"
#include "web/model/format.h"
#include "web/model/palette.h"
#include "web/model/url_state.h"

namespace bokji::web {
namespace {

Region MakeRegion(uint32_t code, RegionLevel level, uint32_t parent, const char* name,
                  LatLng label) {
  Region r;
  r.code = code;
  r.level = level;
  r.parent_code = parent;
  r.name = name;
  r.full_name = std::string("전북특별자치도 ") + name;
  r.label = label;
  return r;
}

Facility Approximate(const char* key, FacilityCategory category, uint32_t sigungu, uint32_t emd) {
  Facility f;
  f.source_key = key;
  f.name = key;
  f.category = category;
  f.targets = category == FacilityCategory::kSeniorCenter ? kTargetElderly : kTargetResidents;
  f.sigungu_code = sigungu;
  f.emd_code = emd;
  f.road_address = std::string("전북 김제시 ") + key;
  f.position_quality = emd != 0 ? PositionQuality::kApproxEmd : PositionQuality::kApproxSigungu;
  return f;
}

// 김제시 (35060) with 요촌동 and 신풍동 far apart; 완산구 (35011) elsewhere. In 요촌동: 3 경로당
// and a clinic; in 김제시 without a 읍면동: 2 경로당; in 완산구: 1 경로당. One exact centre in
// 요촌동.
Catalog SmallCatalog() {
  Dataset d;
  d.regions = {MakeRegion(35060, RegionLevel::kSigungu, 35, "김제시", {35.80, 126.90}),
               MakeRegion(3506011, RegionLevel::kEmd, 35060, "요촌동", {35.80, 126.88}),
               MakeRegion(3506012, RegionLevel::kEmd, 35060, "신풍동", {35.70, 126.70}),
               MakeRegion(35011, RegionLevel::kSigungu, 35, "전주시완산구", {35.81, 127.12})};
  Facility centre;
  centre.source_key = "장애인복지관:1";
  centre.category = FacilityCategory::kDisability;
  centre.position = {35.801, 126.881};
  centre.sigungu_code = 35060;
  centre.emd_code = 3506011;
  d.facilities = {
      Approximate("경로당:1", FacilityCategory::kSeniorCenter, 35060, 3506011),
      Approximate("경로당:2", FacilityCategory::kSeniorCenter, 35060, 3506011),
      centre,
      Approximate("의원:1", FacilityCategory::kMedical, 35060, 3506011),
      Approximate("경로당:3", FacilityCategory::kSeniorCenter, 35060, 3506011),
      Approximate("경로당:4", FacilityCategory::kSeniorCenter, 35060, 0),
      Approximate("경로당:5", FacilityCategory::kSeniorCenter, 35060, 0),
      Approximate("경로당:6", FacilityCategory::kSeniorCenter, 35011, 0),
  };
  return Catalog::Build(std::move(d));
}

TEST(Approximate, CountsByAreaAtEachLevelWithTheirMostCommonCategory) {
  const Catalog c = SmallCatalog();
  ASSERT_EQ(c.approximate.size(), 7u);
  // By 시군구: 김제시 6 (5 경로당, 1 의원), 완산구 1.
  std::vector<AreaCount> by_sigungu = CountByArea(c, FacilityFilters{}, /*emd_level=*/false);
  ASSERT_EQ(by_sigungu.size(), 2u);
  EXPECT_EQ(by_sigungu[0], (AreaCount{0, 6, FacilityCategory::kSeniorCenter, 5}));
  EXPECT_EQ(by_sigungu[1], (AreaCount{3, 1, FacilityCategory::kSeniorCenter, 1}));
  // Finest: 요촌동 4 (3 경로당), the two placed at 김제시 only stay there, 완산구 1; 신풍동 none.
  std::vector<AreaCount> finest = CountByArea(c, FacilityFilters{}, /*emd_level=*/true);
  ASSERT_EQ(finest.size(), 3u);
  EXPECT_EQ(finest[0], (AreaCount{0, 2, FacilityCategory::kSeniorCenter, 2}));
  EXPECT_EQ(finest[1], (AreaCount{1, 4, FacilityCategory::kSeniorCenter, 3}));
  EXPECT_EQ(finest[2], (AreaCount{3, 1, FacilityCategory::kSeniorCenter, 1}));

  // The legend, the target and the area filters count too; "open now" passes none.
  FacilityFilters medical;
  medical.index.categories = CategoryBit(FacilityCategory::kMedical);
  EXPECT_EQ(CountByArea(c, medical, true),
            (std::vector<AreaCount>{{1, 1, FacilityCategory::kMedical, 1}}));
  FacilityFilters elderly;
  elderly.index.any_target = kTargetElderly;
  elderly.index.region_code = 35011;
  EXPECT_EQ(CountByArea(c, elderly, false),
            (std::vector<AreaCount>{{3, 1, FacilityCategory::kSeniorCenter, 1}}));
  FacilityFilters open_now;
  open_now.open_now = true;
  EXPECT_TRUE(CountByArea(c, open_now, false).empty());
}

TEST(Approximate, TheListShowsThoseWhoseAreaIsInViewNearestFirstApartFromThePoints) {
  const Catalog c = SmallCatalog();
  // A view around 요촌동's label point, not reaching 신풍동, 김제시's label point 1.8 km east or
  // 완산구.
  MapView view;
  view.SetViewport(400, 400);
  view.SetZoom(14);
  view.SetCenter(ToMercator({35.80, 126.88}));
  const ResultsList list = ListInView(c, FacilityFilters{}, WeekTime{}, view, kMaxListed);
  ASSERT_EQ(list.rows.size(), 1u);
  EXPECT_EQ(c.data.facilities[list.rows[0].id].source_key, "장애인복지관:1");
  EXPECT_EQ(list.approximate_total, 4);
  std::vector<std::string> keys;
  for (uint32_t i : list.approximate) keys.push_back(c.approximate[i].source_key);
  EXPECT_EQ(keys, (std::vector<std::string>{"경로당:1", "경로당:2", "의원:1", "경로당:3"}));
  // The cap holds, the total does not change.
  const ResultsList two = ListInView(c, FacilityFilters{}, WeekTime{}, view, 2);
  EXPECT_EQ(two.approximate.size(), 2u);
  EXPECT_EQ(two.approximate_total, 4);

  // From a place: areas within kApproximateNearMetres of it, nearest first: 요촌동's (4) then
  // 김제시's (1.8 km); 신풍동 (~20 km) and 완산구 (~22 km) are too far.
  const ResultsList near =
      ListNearest(c, FacilityFilters{}, WeekTime{}, {35.80, 126.88}, kMaxListed);
  EXPECT_EQ(near.approximate_total, 6);
  ASSERT_EQ(near.approximate.size(), 6u);
  EXPECT_EQ(c.approximate[near.approximate[4]].source_key, "경로당:4");
  EXPECT_EQ(c.approximate[near.approximate[5]].source_key, "경로당:5");
}

TEST(Approximate, TheirCardHasItsOwnUrlKeyAndFramesItsArea) {
  const Catalog c = SmallCatalog();
  AppState state;
  state.card = ApproximateCard{static_cast<uint32_t>(c.ApproximateByKey("경로당:2"))};
  const std::string query = EncodeUrlState(c, state);
  EXPECT_NE(query.find("fa=%EA%B2%BD%EB%A1%9C%EB%8B%B9%3A2"), std::string::npos) << query;
  AppState restored;
  DecodeUrlState(c, "fa=" + std::string("%EA%B2%BD%EB%A1%9C%EB%8B%B9%3A2"), &restored);
  EXPECT_EQ(restored.card, state.card);
  EXPECT_EQ(restored.camera, CameraRequest::FitRegion(1)) << "요촌동, where it stands";
  AppState unknown;
  DecodeUrlState(c, "fa=nothing", &unknown);
  EXPECT_TRUE(std::holds_alternative<NoCard>(unknown.card));
}

TEST(Approximate, DirectionsSearchTheAddressNotACoordinate) {
  Facility f;
  f.name = "요촌 경로당";
  f.road_address = "전북 김제시 요촌로 1";
  EXPECT_EQ(KakaoAddressSearchUrl(f),
            "https://map.kakao.com/link/search/"
            "%EC%A0%84%EB%B6%81%20%EA%B9%80%EC%A0%9C%EC%8B%9C%20%EC%9A%94%EC%B4%8C%EB%A1%9C%201");
  EXPECT_EQ(NaverAddressSearchUrl(f),
            "https://map.naver.com/p/search/"
            "%EC%A0%84%EB%B6%81%20%EA%B9%80%EC%A0%9C%EC%8B%9C%20%EC%9A%94%EC%B4%8C%EB%A1%9C%201");
  f.road_address.clear();
  f.lot_address = "김제시 요촌동 5";
  EXPECT_EQ(KakaoAddressSearchUrl(f),
            "https://map.kakao.com/link/search/"
            "%EA%B9%80%EC%A0%9C%EC%8B%9C%20%EC%9A%94%EC%B4%8C%EB%8F%99%205");
  f.lot_address.clear();  // no address at all: its name
  EXPECT_EQ(NaverAddressSearchUrl(f),
            "https://map.naver.com/p/search/%EC%9A%94%EC%B4%8C%20%EA%B2%BD%EB%A1%9C%EB%8B%B9");
}

TEST(Approximate, OnlyWhatIsSurelyOlderThanTwoYearsIsCalledOld) {
  EXPECT_TRUE(OlderThanYears(20191231, 20261206, 2));
  EXPECT_TRUE(OlderThanYears(20241205, 20261206, 2));
  EXPECT_FALSE(OlderThanYears(20241206, 20261206, 2));  // exactly two years: not more
  EXPECT_FALSE(OlderThanYears(20241231, 20261206, 2));
  EXPECT_TRUE(OlderThanYears(20220000, 20261206, 2));   // 2022: its last day too
  EXPECT_FALSE(OlderThanYears(20240000, 20261206, 2));  // 2024 may be 2024-12-31
  EXPECT_TRUE(OlderThanYears(20241000, 20261206, 2));   // October 2024 ended before 2024-12-06
  EXPECT_FALSE(OlderThanYears(20241200, 20261206, 2));
  EXPECT_FALSE(OlderThanYears(0, 20261206, 2));  // not stated: never called old

  Dataset d;
  Source s;
  s.data_date = 20191231;
  d.sources = {s};
  Facility f;
  EXPECT_EQ(FactsDate(d, f), 20191231u);  // its source's date
  f.verified = 20250301;
  EXPECT_EQ(FactsDate(d, f), 20250301u);  // its own, when known
  f.verified = 0;
  f.source = 3;  // no such source
  EXPECT_EQ(FactsDate(d, f), 0u);
}

}  // namespace
// Every category has its own opaque colour in both palettes: the categories added for the real
// data (공공보건, 경로당, 노인돌봄, 치매) were drawn transparent when the table stopped at 기타.
TEST(Approximate, EveryCategoryHasAnOpaqueColourOfItsOwn) {
  for (const bool high_contrast : {false, true}) {
    const Palette& p = PaletteFor(high_contrast);
    for (int a = 0; a < kFacilityCategoryCount; ++a) {
      EXPECT_EQ(p.category_colors[a] >> 24, 0xffu) << "category " << a;
      for (int b = 0; b < a; ++b)
        EXPECT_NE(p.category_colors[a], p.category_colors[b]) << a << " and " << b;
    }
  }
}

}  // namespace bokji::web
