// Derived: what the app computes from the AppState and the Catalog (the filtered clusters, the
// results list, the search's groups, the programs list, the self-check's matches and groups, the
// education list), each kept until its inputs change. Reading through it is how panels get them;
// a reset of the state needs nothing here (new inputs, new results), and Clear() frees the memory.
//
// clang-format off
//   Derived derived;
//   const ResultsList& list = derived.Results(catalog, state, now.week, /*view_settled=*/true);
//   const SearchResults& hits = derived.Search(catalog, state.search);
//   const std::vector<ProgramMatch>& matches = derived.Matches(catalog, state.programs.self_check.answers, now.year);
// clang-format on
#pragma once

#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/catalog.h"
#include "core/program_list.h"
#include "core/programs.h"
#include "web/model/app_state.h"
#include "web/model/approximate.h"
#include "web/model/finding.h"
#include "web/model/search.h"

namespace bokji::web {

class Derived {
 public:
  // The facilities the filters pass, clustered. "Open now" makes it depend on the minute.
  const MarkerClusters& Clusters(const Catalog& catalog, const FacilityFilters& filters,
                                 WeekTime now);
  // The list beside the map: nearest the place, or (without one) what the view shows. While the
  // view moves (`view_settled` false) the list of the last settled view is kept.
  const ResultsList& Results(const Catalog& catalog, const AppState& state, WeekTime now,
                             bool view_settled);
  const SearchResults& Search(const Catalog& catalog, const SearchState& search);
  // The facilities placed by address passing the filters, counted by area (CountByArea).
  const std::vector<AreaCount>& AreaCounts(const Catalog& catalog, const FacilityFilters& filters,
                                           bool emd_level);
  const ProgramList& Programs(const Catalog& catalog, const ProgramsState& programs);
  const std::vector<ProgramMatch>& Matches(const Catalog& catalog, const SelfCheckAnswers& answers,
                                           int year);
  // GroupMatches over Matches(...).
  const std::vector<MatchGroup>& MatchGroups(const Catalog& catalog, const SelfCheckState& check,
                                             int year);
  // SuggestNextQuestion over Matches(...): the question that would narrow the list most.
  const std::optional<QuestionSuggestion>& NextQuestion(const Catalog& catalog,
                                                        const SelfCheckAnswers& answers, int year);
  const std::vector<uint32_t>& Education(const Catalog& catalog, const EducationCard& card,
                                         DateTime now);

  // Drops every cached value (they are recomputed on the next read).
  void Clear() { *this = Derived{}; }

 private:
  template <typename Key, typename Value>
  struct Cached {
    std::optional<Key> key;
    Value value{};
  };
  using ClusterKey = std::tuple<FacilityFilters, int, int>;  // filters, day and minute (open now)
  using ResultsKey =
      std::tuple<FacilityFilters, Place, int, int, double, double, double, float, float>;

  Cached<ClusterKey, MarkerClusters> clusters_;
  Cached<ResultsKey, ResultsList> results_;
  Cached<SearchState, SearchResults> search_;
  Cached<std::tuple<FacilityFilters, bool>, std::vector<AreaCount>> area_counts_;
  Cached<std::tuple<ProgramFilter, std::string>, ProgramList> programs_;
  Cached<std::tuple<SelfCheckAnswers, int>, std::vector<ProgramMatch>> matches_;
  Cached<std::tuple<SelfCheckAnswers, int, MatchGrouping>, std::vector<MatchGroup>> groups_;
  Cached<std::tuple<SelfCheckAnswers, int>, std::optional<QuestionSuggestion>> next_question_;
  Cached<std::tuple<EducationCard, DateTime>, std::vector<uint32_t>> education_;
};

}  // namespace bokji::web
