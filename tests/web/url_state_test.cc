// web/model/url_state.h on the sample catalogue: every key survives a round trip (state → query →
// a fresh state) and changes only its own field; malformed values leave the state as it was; the
// device's location and the self-check's answers never reach the URL.
#include "web/model/url_state.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "tests/web/test_catalog.h"
#include "web/model/format.h"

namespace bokji::web {
namespace {

using testing::SampleCatalog;

AppState RoundTrip(const AppState& state, const Catalog& catalog = SampleCatalog()) {
  AppState restored;
  DecodeUrlState(catalog, EncodeUrlState(catalog, state), &restored);
  return restored;
}

// The decoded keys of a query, in order.
std::vector<std::string> Keys(const std::string& query) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : ParseQueryString(query)) keys.push_back(key);
  return keys;
}

TEST(UrlState, TheStartStateWritesOnlyTheMap) {
  EXPECT_EQ(Keys(EncodeUrlState(SampleCatalog(), AppState{})), std::vector<std::string>{"map"});
  // And nothing in it changes the start state but the view (the camera then keeps the view).
  AppState restored = RoundTrip(AppState{});
  EXPECT_EQ(restored.card, AppState{}.card);
  EXPECT_EQ(restored.filters, AppState{}.filters);
  EXPECT_EQ(restored.search, AppState{}.search);
  EXPECT_EQ(restored.programs, AppState{}.programs);
}

TEST(UrlState, TheMapViewToFiveDecimals) {
  AppState state;
  state.map.SetZoom(12.3456);
  state.map.SetCenter(ToMercator(LatLng{35.824212345, 127.148012345}));
  const AppState restored = RoundTrip(state);
  EXPECT_NEAR(restored.map.zoom(), 12.35, 1e-9);
  const LatLng centre = FromMercator(restored.map.center());
  EXPECT_NEAR(centre.lat, 35.82421, 1e-9);
  EXPECT_NEAR(centre.lng, 127.14801, 1e-9);
  EXPECT_EQ(restored.camera.kind, CameraRequest::Kind::kNone) << "a linked view is kept";
}

// One key at a time: set one field, round-trip, and the field (and only it) comes back.
struct KeyCase {
  const char* key;
  std::function<void(AppState*)> set;
};

TEST(UrlState, EveryKeyRoundTripsAlone) {
  const Catalog& c = SampleCatalog();
  ASSERT_GE(c.data.facilities.size(), 3u);
  ASSERT_GE(c.themes.size(), 1u);
  ASSERT_GE(c.cities.size(), 2u);
  int emd = -1;
  for (size_t i = 0; i < c.data.regions.size(); ++i)
    if (c.data.regions[i].level == RegionLevel::kEmd) emd = static_cast<int>(i);
  ASSERT_GE(emd, 0);
  const std::vector<KeyCase> cases = {
      {"f", [](AppState* s) { s->card = FacilityCard{2}; }},
      {"spot",
       [](AppState* s) {
         s->card = SpotCard{{0, 2}};
       }},
      {"p", [](AppState* s) { s->card = ProgramCard{7}; }},
      {"info", [](AppState* s) { s->card = DataInfoCard{}; }},
      {"edu", [](AppState* s) { s->card = EducationCard{}; }},
      {"edu",
       [](AppState* s) {
         s->card = EducationCard{EducationFor::kWorkers, true, -1};
       }},
      {"edu",
       [](AppState* s) {
         s->card = EducationCard{EducationFor::kCitizens, false, -1};
       }},
      {"q", [](AppState* s) { s->search.query = "전주 장애인&복지=관 100%"; }},
      {"c",
       [](AppState* s) {
         s->filters.index.categories =
             CategoryBit(FacilityCategory::kDisability) | CategoryBit(FacilityCategory::kChild);
       }},
      {"t", [](AppState* s) { s->filters.index.any_target = kTargetDisabled; }},
      {"r", [](AppState* s) { s->filters.index.region_code = 35060; }},
      {"r", [&](AppState* s) { s->filters.index.region_code = c.data.regions[emd].code; }},
      {"near",
       [](AppState* s) {
         s->finding.place = Place{PlaceKind::kPicked, {35.8, 127.1}, -1};
         s->finding.near_open = true;  // a shared place opens the list measured from it
       }},
      {"tiles", [](AppState* s) { s->tiles = kOpenStreetMapTiles; }},
      {"tiles", [](AppState* s) { s->tiles = "https://tiles.example.org/{z}/{x}/{y}.png"; }},
      {"v", [](AppState* s) { s->view = View::kPrograms; }},
      {"v",
       [](AppState* s) {
         s->view = View::kPrograms;
         s->programs.page = ProgramsPage::kQuestions;
       }},
      {"ps", [](AppState* s) { s->programs.filter.stage = kStageSenior; }},
      {"pu", [](AppState* s) { s->programs.filter.include_unstated_stage = true; }},
      {"pt", [&](AppState* s) { s->programs.filter.theme = c.themes.back(); }},
      {"pg", [](AppState* s) { s->programs.filter.target = kTargetVeteran; }},
      {"pr", [](AppState* s) { s->programs.filter.region = ProgramFilter::kCommonOnly; }},
      {"pr", [&](AppState* s) { s->programs.filter.region = c.cities[1].code; }},
      {"pq", [](AppState* s) { s->programs.query = "ㅊㄴ 월세"; }},
      {"lang", [](AppState* s) { s->language = Language::kEnglish; }},
  };
  for (const KeyCase& k : cases) {
    AppState state;
    k.set(&state);
    const std::string query = EncodeUrlState(c, state);
    EXPECT_EQ(Keys(query), (std::vector<std::string>{"map", k.key})) << query;
    AppState restored = RoundTrip(state);
    // The camera follows what a link names (an area, a facility); the rest must be equal.
    restored.camera = state.camera;
    EXPECT_EQ(restored, state) << k.key << ": " << query;
  }
}

// A state with a value in every field a link can carry, to see that bad values change nothing.
AppState Busy() {
  const Catalog& c = SampleCatalog();
  AppState s;
  s.map.SetZoom(10);
  s.card = FacilityCard{1};
  s.search.query = "복지";
  s.filters.index.categories = CategoryBit(FacilityCategory::kChild);
  s.filters.index.any_target = kTargetChildren;
  s.filters.index.region_code = 35020;
  s.finding.place = Place{PlaceKind::kPicked, {35.9, 126.7}, -1};
  s.finding.near_open = true;
  s.tiles = kOpenStreetMapTiles;
  s.view = View::kPrograms;
  s.programs.filter = ProgramFilter{kStageChild, false, c.themes.front(), kTargetChildren, 0};
  s.programs.query = "아동";
  s.language = Language::kEnglish;
  s.camera = CameraRequest{};
  return s;
}

TEST(UrlState, EveryKeyAtOnce) {
  AppState restored = RoundTrip(Busy());
  EXPECT_EQ(restored.camera.kind, CameraRequest::Kind::kNone) << "the link names the view";
  EXPECT_EQ(restored, Busy()) << EncodeUrlState(SampleCatalog(), Busy());
  AppState with_program = Busy();
  with_program.card = ProgramCard{3};
  EXPECT_EQ(RoundTrip(with_program), with_program);
}

TEST(UrlState, APlaceChosenAsAnAreaIsSharedAsAPointNeverTheDevice) {
  AppState state;
  state.finding.place = Place{PlaceKind::kRegion, {35.8, 127.0}, 3};
  AppState restored = RoundTrip(state);
  EXPECT_EQ(restored.finding.place.kind, PlaceKind::kPicked);
  EXPECT_EQ(restored.finding.place.at, state.finding.place.at);
  state.finding.place = Place{PlaceKind::kDevice, {35.8, 127.0}, -1};
  EXPECT_EQ(Keys(EncodeUrlState(SampleCatalog(), state)), std::vector<std::string>{"map"});
}

TEST(UrlState, SelfCheckAnswersNeverGoIntoALink) {
  AppState state;
  state.view = View::kPrograms;
  state.programs.page = ProgramsPage::kResults;
  const std::string before = EncodeUrlState(SampleCatalog(), state);
  state.programs.self_check.answers.birth_year = 1996;
  state.programs.self_check.answers.sigungu_code = 35060;
  state.programs.self_check.answers.income = IncomeRange{0, 50};
  state.programs.self_check.question = SelfCheckQuestion::kIncome;
  EXPECT_EQ(EncodeUrlState(SampleCatalog(), state), before);
  EXPECT_EQ(before.find("1996"), std::string::npos);
}

TEST(UrlState, ALinkWithoutAViewFramesItsAreaOrItsFacility) {
  const Catalog& c = SampleCatalog();
  AppState area;
  DecodeUrlState(c, "r=35060", &area);
  EXPECT_EQ(area.camera.kind, CameraRequest::Kind::kFitRegion);
  EXPECT_EQ(c.data.regions[area.camera.target].code, 35060u);
  AppState facility;
  DecodeUrlState(c, "f=" + UrlEncode(c.data.facilities[4].source_key), &facility);
  EXPECT_EQ(facility.camera.kind, CameraRequest::Kind::kCentre);
  EXPECT_EQ(facility.camera.at, c.data.facilities[4].position);
  EXPECT_EQ(facility.camera.zoom, 14);
  AppState none;
  DecodeUrlState(c, "q=x", &none);
  EXPECT_EQ(none.camera, AppState{}.camera) << "the start framing stays";
}

TEST(UrlState, OpenNowOnlyWhereHoursAreKnown) {
  EXPECT_EQ(SampleCatalog().hours_known, 0);  // the sample states no hours
  AppState state;
  DecodeUrlState(SampleCatalog(), "open=1", &state);
  EXPECT_FALSE(state.filters.open_now);

  Dataset data;
  Facility f;
  f.source_key = "x:1";
  f.hours = "평일 09:00~18:00";
  data.facilities.push_back(f);
  const Catalog with_hours = Catalog::Build(data);
  AppState open;
  open.filters.open_now = true;
  EXPECT_TRUE(RoundTrip(open, with_hours).filters.open_now);
}

TEST(UrlState, MalformedValuesAreIgnored) {
  const Catalog& c = SampleCatalog();
  const std::vector<std::string> malformed = {
      "map=abc",
      "map=12/35.8",
      "map=12/95/127",
      "map=12/35.8/127.1junk",
      "map=99/35.8/127.1",
      "f=nothing:0",
      "f=",
      "spot=%7C%7C",
      "spot=nothing:1",
      "p=WLF_NONE",
      "info=yes",
      "edu=nobody",
      "edu=+past",
      "c=zz",
      "c=ffffffff",
      "c=-1",
      "c=",
      "t=18",
      "t=-1",
      "t=1x",
      "t=",
      "r=99999",
      "r=35",
      "r=abc",
      "open=yes",
      "near=35.8",
      "near=35.8,127.1,5",
      "near=95,127",
      "near=35.8,200",
      "tiles=ftp://x/{z}/{x}/{y}",
      "tiles=https://x.org/tile.png",
      "v=other",
      "ps=3",
      "ps=128",
      "ps=-1",
      "pu=yes",
      "pt=없는주제",
      "pg=40",
      "pg=-2",
      "pr=12345",
      "pr=-5",
      "pr=x",
      "lang=fr",
      "lang=",
      "unknown=1",
      "=1",
      "&&",
      "%ZZ=%",
  };
  for (const std::string& query : malformed) {
    AppState state = Busy();
    DecodeUrlState(c, query, &state);
    EXPECT_EQ(state, Busy()) << query;
  }
}

TEST(UrlState, TheModeIsThePagesOwnKeyKeptInTheConfig) {
  EXPECT_EQ(ConfigFromQuery("mode=kiosk&q=x", AppConfig{}).mode, UiMode::kKiosk);
  EXPECT_EQ(ConfigFromQuery("mode=embed", AppConfig{}).mode, UiMode::kEmbed);
  EXPECT_EQ(ConfigFromQuery("embed=1&r=35060", AppConfig{}).mode,
            UiMode::kEmbed);  // as map widgets
  EXPECT_EQ(ConfigFromQuery("embed=0", AppConfig{}).mode, UiMode::kCitizen);
  AppConfig kiosk{UiMode::kKiosk};
  EXPECT_EQ(ConfigFromQuery("mode=tv", kiosk).mode, UiMode::kKiosk);
  EXPECT_EQ(ConfigFromQuery("", kiosk).mode, UiMode::kKiosk);
  // Not one of the app's keys: the page keeps it in the address.
  EXPECT_EQ(std::string(kAppUrlKeys).find("mode"), std::string::npos);
  AppState state;
  DecodeUrlState(SampleCatalog(), "mode=kiosk", &state);
  EXPECT_EQ(state, AppState{});
}

}  // namespace
}  // namespace bokji::web
