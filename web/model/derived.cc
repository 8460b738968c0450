#include "web/model/derived.h"

#include "web/model/education.h"

namespace bokji::web {

const MarkerClusters& Derived::Clusters(const Catalog& catalog, const FacilityFilters& filters,
                                        WeekTime now) {
  const ClusterKey key{filters, filters.open_now ? now.day : 0, filters.open_now ? now.minute : 0};
  if (clusters_.key != key) {
    clusters_.key = key;
    clusters_.value =
        catalog.clusters.Subset([&](uint32_t id) { return Passes(catalog, filters, now, id); });
  }
  return clusters_.value;
}

const ResultsList& Derived::Results(const Catalog& catalog, const AppState& state, WeekTime now,
                                    bool view_settled) {
  const Place& place = state.finding.place;
  const bool from_place = place.kind != PlaceKind::kNone;
  if (!from_place && !view_settled && results_.key) return results_.value;
  const LatLng centre = FromMercator(state.map.center());
  const ResultsKey key{state.filters,
                       from_place ? place : Place{},
                       state.filters.open_now ? now.day : 0,
                       state.filters.open_now ? now.minute : 0,
                       from_place ? 0 : centre.lat,
                       from_place ? 0 : centre.lng,
                       from_place ? 0 : state.map.zoom(),
                       from_place ? 0 : state.map.width(),
                       from_place ? 0 : state.map.height()};
  if (results_.key != key) {
    results_.key = key;
    results_.value = from_place ? ListNearest(catalog, state.filters, now, place.at, kMaxListed)
                                : ListInView(catalog, state.filters, now, state.map, kMaxListed);
  }
  return results_.value;
}

const SearchResults& Derived::Search(const Catalog& catalog, const SearchState& search) {
  SearchState key = search;
  key.results_open = false;  // the drop-down's visibility does not change what was found
  if (search_.key != key) {
    search_.key = key;
    search_.value = RunSearch(catalog, search);
  }
  return search_.value;
}

const std::vector<AreaCount>& Derived::AreaCounts(const Catalog& catalog,
                                                  const FacilityFilters& filters, bool emd_level) {
  const std::tuple<FacilityFilters, bool> key{filters, emd_level};
  if (area_counts_.key != key) {
    area_counts_.key = key;
    area_counts_.value = CountByArea(catalog, filters, emd_level);
  }
  return area_counts_.value;
}

const ProgramList& Derived::Programs(const Catalog& catalog, const ProgramsState& programs) {
  const std::tuple<ProgramFilter, std::string> key{programs.filter, programs.query};
  if (programs_.key != key) {
    programs_.key = key;
    programs_.value = ListPrograms(catalog.data.programs, catalog.program_search, programs.filter,
                                   programs.query);
  }
  return programs_.value;
}

const std::vector<ProgramMatch>& Derived::Matches(const Catalog& catalog,
                                                  const SelfCheckAnswers& answers, int year) {
  const std::tuple<SelfCheckAnswers, int> key{answers, year};
  if (matches_.key != key) {
    matches_.key = key;
    matches_.value = MatchPrograms(catalog.data.programs, catalog.program_tags, answers, year);
  }
  return matches_.value;
}

const std::vector<MatchGroup>& Derived::MatchGroups(const Catalog& catalog,
                                                    const SelfCheckState& check, int year) {
  const std::tuple<SelfCheckAnswers, int, MatchGrouping> key{check.answers, year, check.grouping};
  if (groups_.key != key) {
    groups_.key = key;
    groups_.value =
        GroupMatches(catalog.data.programs, Matches(catalog, check.answers, year), check.grouping);
  }
  return groups_.value;
}

const std::optional<QuestionSuggestion>& Derived::NextQuestion(const Catalog& catalog,
                                                               const SelfCheckAnswers& answers,
                                                               int year) {
  const std::tuple<SelfCheckAnswers, int> key{answers, year};
  if (next_question_.key != key) {
    next_question_.key = key;
    next_question_.value = SuggestNextQuestion(catalog.data.programs, catalog.program_tags, answers,
                                               year, Matches(catalog, answers, year));
  }
  return next_question_.value;
}

const std::vector<uint32_t>& Derived::Education(const Catalog& catalog, const EducationCard& card,
                                                DateTime now) {
  EducationCard key = card;
  key.selected = -1;  // which event is on the map does not change the list
  const std::tuple<EducationCard, DateTime> full_key{key, now};
  if (education_.key != full_key) {
    education_.key = full_key;
    education_.value = ListEducation(catalog.data, card, now);
  }
  return education_.value;
}

}  // namespace bokji::web
