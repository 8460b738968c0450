// web/model/derived.h: each cached value is what computing it afresh gives, is kept while its
// inputs stay, follows when they change, and the list is not recomputed while the view moves.
#include "web/model/derived.h"

#include <gtest/gtest.h>

#include "tests/web/test_catalog.h"
#include "web/model/clock.h"

namespace bokji::web {
namespace {

using testing::SampleCatalog;

TEST(Derived, CachedValuesEqualFreshOnesAndFollowTheirInputs) {
  const Catalog& c = SampleCatalog();
  const Now now = NowAt(1772688600);
  Derived derived;
  AppState state;
  state.map.SetViewport(1280, 800);
  state.map.SetZoom(9);
  state.map.SetCenter(ToMercator(LatLng{35.8, 127.1}));

  const ResultsList* list = &derived.Results(c, state, now.week, true);
  EXPECT_EQ(*list, ListInView(c, state.filters, now.week, state.map, kMaxListed));
  // The view moves: the settled list stays until it settles again.
  const ResultsList before = *list;
  state.map.SetZoom(12);
  EXPECT_EQ(derived.Results(c, state, now.week, /*view_settled=*/false), before);
  EXPECT_EQ(derived.Results(c, state, now.week, true),
            ListInView(c, state.filters, now.week, state.map, kMaxListed));
  // From a place, the view does not matter.
  state.finding.place = Place{PlaceKind::kPicked, {35.82, 127.14}, -1};
  EXPECT_EQ(derived.Results(c, state, now.week, false),
            ListNearest(c, state.filters, now.week, {35.82, 127.14}, kMaxListed));

  // Filters change the clusters.
  const size_t all = derived.Clusters(c, state.filters, now.week).size();
  EXPECT_EQ(all, c.data.facilities.size());
  state.filters.index.categories = CategoryBit(FacilityCategory::kDisability);
  const size_t disability = derived.Clusters(c, state.filters, now.week).size();
  EXPECT_LT(disability, all);
  EXPECT_GT(disability, 0u);

  state.programs.filter.stage = kStageSenior;
  EXPECT_EQ(derived.Programs(c, state.programs).ids,
            ListPrograms(c.data.programs, c.program_search, state.programs.filter, "").ids);
  state.programs.query = "연금";
  EXPECT_EQ(derived.Programs(c, state.programs).ids,
            ListPrograms(c.data.programs, c.program_search, state.programs.filter, "연금").ids);

  SelfCheckState check;
  check.answers.birth_year = now.year - 30;
  check.answers.sigungu_code = 35060;
  const std::vector<ProgramMatch>& matches = derived.Matches(c, check.answers, now.year);
  EXPECT_EQ(matches.size(),
            MatchPrograms(c.data.programs, c.program_tags, check.answers, now.year).size());
  EXPECT_LT(matches.size(), c.data.programs.size());
  size_t grouped = 0;
  for (const MatchGroup& g : derived.MatchGroups(c, check, now.year)) grouped += g.matches.size();
  EXPECT_EQ(grouped, matches.size());
  check.grouping = MatchGrouping::kByLevel;
  EXPECT_EQ(derived.MatchGroups(c, check, now.year).front().level, ProgramLevel::kCity);
}

}  // namespace
}  // namespace bokji::web
