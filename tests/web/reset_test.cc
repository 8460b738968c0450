// The reset a kiosk needs: `state = AppState{}` brings every field back to its start value, and
// what is derived from the state (lists, search, matches, the URL) follows.
//
// Every field is named below through structured bindings, which must name all of a struct's
// fields: adding a field to AppState (or to one of its parts listed here) stops this file from
// compiling until the new field is changed in Scramble and checked in ExpectAtStart.
#include <gtest/gtest.h>

#include <string>

#include "tests/web/test_catalog.h"
#include "web/model/app_state.h"
#include "web/model/clock.h"
#include "web/model/derived.h"
#include "web/model/url_state.h"

namespace bokji::web {
namespace {

using testing::SampleCatalog;

// Sets every field, down to the parts' own fields, to a value other than its start value, and
// checks that it did.
void Scramble(AppState* state) {
  const AppState start;
  auto& [map, camera, filters, finding, search, card, view, programs, tiles, language, appearance,
         help_picking, keyboard, display_menu_open] = *state;
  map.SetZoom(15);
  map.SetCenter(ToMercator(LatLng{35.8, 127.1}));
  camera = CameraRequest::ShowFacility(3, 16);
  {
    auto& [index, open_now] = filters;
    index.categories = CategoryBit(FacilityCategory::kElderly);
    index.any_target = kTargetElderly;
    index.region_code = 35060;
    open_now = true;
  }
  {
    auto& [near_open, picking, place, list_open, legend_open, filters_open, legend_groups_open] =
        finding;
    legend_groups_open = 0b101;
    near_open = true;
    picking = true;
    place = Place{PlaceKind::kPicked, {35.8, 127.1}, -1};
    list_open = false;
    legend_open = false;
    filters_open = true;
  }
  {
    auto& [query, results_open, more] = search;
    query = "장애인";
    results_open = true;
    more = {10, 0, 20};
  }
  card = FacilityCard{2, 12345.0};
  view = View::kPrograms;
  {
    auto& [page, filter, query, self_check] = programs;
    page = ProgramsPage::kResults;
    filter = ProgramFilter{kStageYoungAdult, true, "주거", kTargetLowIncome, 35060};
    query = "청년";
    auto& [answers, question, age_decade, grouping, more] = self_check;
    answers.birth_year = 1996;
    answers.sigungu_code = 35060;
    answers.children_ages = std::vector<int>{3};
    question = SelfCheckQuestion::kIncome;
    age_decade = 30;
    grouping = MatchGrouping::kByTheme;
    more = {30, 0, 0};
  }
  tiles = kOpenStreetMapTiles;
  language = Language::kEnglish;
  appearance.text_percent = 200;
  appearance.high_contrast = true;
  help_picking = true;
  keyboard = KeyboardFor::kPrograms;
  display_menu_open = true;

  // Each field really changed (a scramble that left one at its start value would hide a reset
  // that forgets it).
  EXPECT_NE(state->map, start.map);
  EXPECT_NE(state->camera, start.camera);
  EXPECT_NE(state->filters.index.categories, start.filters.index.categories);
  EXPECT_NE(state->filters.index.any_target, start.filters.index.any_target);
  EXPECT_NE(state->filters.index.region_code, start.filters.index.region_code);
  EXPECT_NE(state->filters.open_now, start.filters.open_now);
  EXPECT_NE(state->finding.near_open, start.finding.near_open);
  EXPECT_NE(state->finding.picking, start.finding.picking);
  EXPECT_NE(state->finding.place, start.finding.place);
  EXPECT_NE(state->finding.list_open, start.finding.list_open);
  EXPECT_NE(state->finding.legend_open, start.finding.legend_open);
  EXPECT_NE(state->finding.filters_open, start.finding.filters_open);
  EXPECT_NE(state->finding.legend_groups_open, start.finding.legend_groups_open);
  EXPECT_NE(state->search.query, start.search.query);
  EXPECT_NE(state->search.results_open, start.search.results_open);
  EXPECT_NE(state->search.more, start.search.more);
  EXPECT_NE(state->card, start.card);
  EXPECT_NE(state->view, start.view);
  EXPECT_NE(state->programs.page, start.programs.page);
  EXPECT_NE(state->programs.filter, start.programs.filter);
  EXPECT_NE(state->programs.query, start.programs.query);
  EXPECT_NE(state->programs.self_check.answers, start.programs.self_check.answers);
  EXPECT_NE(state->programs.self_check.question, start.programs.self_check.question);
  EXPECT_NE(state->programs.self_check.age_decade, start.programs.self_check.age_decade);
  EXPECT_NE(state->programs.self_check.grouping, start.programs.self_check.grouping);
  EXPECT_NE(state->programs.self_check.more, start.programs.self_check.more);
  EXPECT_NE(state->tiles, start.tiles);
  EXPECT_NE(state->language, start.language);
  EXPECT_NE(state->appearance.text_percent, start.appearance.text_percent);
  EXPECT_NE(state->appearance.high_contrast, start.appearance.high_contrast);
  EXPECT_NE(state->help_picking, start.help_picking);
  EXPECT_NE(state->keyboard, start.keyboard);
  EXPECT_NE(state->display_menu_open, start.display_menu_open);
}

// Every field at its start value, field by field.
void ExpectAtStart(const AppState& state) {
  const AppState start;
  const auto& [map, camera, filters, finding, search, card, view, programs, tiles, language,
               appearance, help_picking, keyboard, display_menu_open] = state;
  EXPECT_EQ(map, start.map);
  EXPECT_EQ(map.zoom(), 7);
  EXPECT_EQ(camera, CameraRequest::FitData(/*animate=*/false)) << "the start frames the province";
  {
    const auto& [index, open_now] = filters;
    EXPECT_EQ(index.categories, kAllCategories);
    EXPECT_EQ(index.any_target, 0u);
    EXPECT_EQ(index.region_code, 0u);
    EXPECT_FALSE(open_now);
  }
  {
    const auto& [near_open, picking, place, list_open, legend_open, filters_open,
                 legend_groups_open] = finding;
    EXPECT_EQ(legend_groups_open, 0u) << "the legend shows its groups, closed";
    EXPECT_FALSE(near_open);
    EXPECT_FALSE(picking);
    EXPECT_EQ(place.kind, PlaceKind::kNone);
    EXPECT_EQ(place, Place{});
    EXPECT_FALSE(list_open.has_value()) << "as the layout suggests";
    EXPECT_FALSE(legend_open.has_value());
    EXPECT_FALSE(filters_open.has_value());
  }
  {
    const auto& [query, results_open, more] = search;
    EXPECT_EQ(query, "");
    EXPECT_FALSE(results_open);
    EXPECT_EQ(more, (std::array<int, kSearchKindCount>{}));
  }
  EXPECT_TRUE(std::holds_alternative<NoCard>(card));
  EXPECT_EQ(view, View::kMap);
  {
    const auto& [page, filter, query, self_check] = programs;
    EXPECT_EQ(page, ProgramsPage::kList);
    EXPECT_EQ(filter, ProgramFilter{});
    EXPECT_FALSE(filter.any());
    EXPECT_EQ(query, "");
    const auto& [answers, question, age_decade, grouping, more] = self_check;
    EXPECT_EQ(AnsweredCount(answers), 0);
    EXPECT_EQ(answers, SelfCheckAnswers{});
    EXPECT_EQ(question, SelfCheckQuestion::kAge);
    EXPECT_FALSE(age_decade.has_value());
    EXPECT_EQ(grouping, MatchGrouping::kByFit);
    EXPECT_TRUE(more.empty());
  }
  EXPECT_EQ(tiles, "");
  EXPECT_EQ(language, Language::kKorean);
  EXPECT_EQ(appearance.text_percent, 100);
  EXPECT_FALSE(appearance.high_contrast);
  EXPECT_FALSE(help_picking) << "a reset ends the help form's tap-the-map";
  EXPECT_EQ(keyboard, KeyboardFor::kNone) << "the on-screen keyboard closed";
  EXPECT_FALSE(display_menu_open) << "the phone's display menu closed";
}

TEST(Reset, EveryFieldBackToItsStartValue) {
  AppState state;
  ExpectAtStart(state);
  Scramble(&state);
  state = AppState{};
  ExpectAtStart(state);
}

TEST(Reset, WhatIsDerivedFollowsAndTheUrlIsTheStartOnesAgain) {
  const Catalog& catalog = SampleCatalog();
  const Now now = NowAt(1772688600);  // 2026-03-05 14:30 KST
  Derived fresh, reused;
  AppState state;
  state.map.SetViewport(1280, 800);
  const std::string start_url = EncodeUrlState(catalog, state);

  Scramble(&state);
  state.map.SetViewport(1280, 800);
  // Read everything once with the scrambled state, so the caches hold its results.
  reused.Results(catalog, state, now.week, true);
  reused.Search(catalog, state.search);
  reused.Programs(catalog, state.programs);
  reused.MatchGroups(catalog, state.programs.self_check, now.year);
  ASSERT_NE(EncodeUrlState(catalog, state), start_url);

  state = AppState{};
  state.map.SetViewport(1280, 800);
  EXPECT_EQ(EncodeUrlState(catalog, state), start_url);
  EXPECT_EQ(reused.Results(catalog, state, now.week, true),
            fresh.Results(catalog, state, now.week, true));
  EXPECT_TRUE(reused.Search(catalog, state.search).groups.empty());
  EXPECT_EQ(reused.Programs(catalog, state.programs).ids.size(), catalog.data.programs.size());
  EXPECT_EQ(reused.Matches(catalog, state.programs.self_check.answers, now.year).size(),
            catalog.data.programs.size())
      << "no answers exclude nothing";
  reused.Clear();
  EXPECT_EQ(reused.Programs(catalog, state.programs).ids.size(), catalog.data.programs.size());
}

}  // namespace
}  // namespace bokji::web
