// web/model/search.h on the sample catalogue: each group's total counts every hit (at least every
// name holding the text, counted here), shows the first rows and more on request; groups are
// ordered by their best hit and Enter's row is the first one shown.
#include "web/model/search.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "tests/web/test_catalog.h"

namespace bokji::web {
namespace {

using testing::SampleCatalog;

std::string Squashed(std::string text) {
  text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
  return text;
}

TEST(Search, EachGroupCountsEveryHitAndShowsMoreOnRequest) {
  const Catalog& c = SampleCatalog();
  SearchState search;
  search.query = "노인";
  int names = 0;
  for (const Program& p : c.data.programs)
    names += Squashed(p.name).find("노인") != std::string::npos;
  ASSERT_GT(names, kSearchRowsShown) << "the issue's example: more programs than rows shown";
  SearchResults results = RunSearch(c, search);
  EXPECT_GE(results.total(SearchKind::kPrograms), names);
  const SearchGroup* programs = nullptr;
  for (const SearchGroup& g : results.groups)
    if (g.kind == SearchKind::kPrograms) programs = &g;
  ASSERT_NE(programs, nullptr);
  EXPECT_EQ(programs->shown.size(), static_cast<size_t>(kSearchRowsShown));
  // Every shown program holds the text in its name or its other searched text.
  search.more[static_cast<int>(SearchKind::kPrograms)] = kSearchRowsMore;
  results = RunSearch(c, search);
  for (const SearchGroup& g : results.groups) {
    if (g.kind != SearchKind::kPrograms) continue;
    EXPECT_EQ(g.shown.size(),
              std::min<size_t>(kSearchRowsShown + kSearchRowsMore, static_cast<size_t>(g.total)));
    // The names holding 노인 come first (a name match outranks other text).
    const size_t named = std::min<size_t>(g.shown.size(), static_cast<size_t>(names));
    for (size_t i = 0; i < named; ++i)
      EXPECT_NE(Squashed(c.data.programs[g.shown[i]].name).find("노인"), std::string::npos)
          << c.data.programs[g.shown[i]].name;
  }
}

TEST(Search, GroupsByBestHitAndEnterOpensTheFirstRowShown) {
  const Catalog& c = SampleCatalog();
  for (const char* query : {"장애인", "노인", "전주", "완산", "ㅈㅇㅇ", "김제시"}) {
    SearchState search;
    search.query = query;
    const SearchResults results = RunSearch(c, search);
    ASSERT_FALSE(results.groups.empty()) << query;
    for (size_t i = 1; i < results.groups.size(); ++i)
      EXPECT_GE(results.groups[i - 1].best_score, results.groups[i].best_score) << query;
    for (const SearchGroup& g : results.groups) EXPECT_FALSE(g.shown.empty());
    ASSERT_TRUE(results.first().has_value());
    EXPECT_EQ(results.first()->kind, results.groups.front().kind) << query;
    EXPECT_EQ(results.first()->id, results.groups.front().shown.front()) << query;
  }
  // A facility's full name: its own row first.
  const Facility& f = c.data.facilities[0];
  SearchState exact;
  exact.query = f.name;
  const SearchResults results = RunSearch(c, exact);
  ASSERT_TRUE(results.first());
  EXPECT_EQ(results.first()->kind, SearchKind::kFacilities);
  EXPECT_EQ(c.data.facilities[results.first()->id].name, f.name);
}

TEST(Search, NothingForAnEmptyOrUnmatchedQuery) {
  SearchState search;
  EXPECT_TRUE(RunSearch(SampleCatalog(), search).groups.empty());
  EXPECT_FALSE(RunSearch(SampleCatalog(), search).first());
  search.query = "zzzqqq";
  EXPECT_TRUE(RunSearch(SampleCatalog(), search).groups.empty());
}

}  // namespace
}  // namespace bokji::web
