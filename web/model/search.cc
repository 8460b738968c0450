#include "web/model/search.h"

#include <algorithm>

namespace bokji::web {

std::optional<SearchHit> SearchResults::first() const {
  if (groups.empty() || groups.front().shown.empty()) return std::nullopt;
  return SearchHit{groups.front().kind, groups.front().shown.front()};
}

int SearchResults::total(SearchKind kind) const {
  for (const SearchGroup& g : groups)
    if (g.kind == kind) return g.total;
  return 0;
}

SearchResults RunSearch(const Catalog& catalog, const SearchState& search) {
  SearchResults results;
  results.query = search.query;
  const TextSearch* indexes[kSearchKindCount] = {&catalog.facility_search, &catalog.region_search,
                                                 &catalog.program_search,
                                                 &catalog.approximate_search};
  for (int k = 0; k < kSearchKindCount; ++k) {
    const std::vector<TextSearch::Hit> hits = indexes[k]->Search(search.query, indexes[k]->size());
    if (hits.empty()) continue;
    SearchGroup group;
    group.kind = static_cast<SearchKind>(k);
    group.total = static_cast<int>(hits.size());
    group.best_score = hits.front().score;
    const size_t shown =
        std::min(hits.size(), static_cast<size_t>(kSearchRowsShown + std::max(0, search.more[k])));
    for (size_t i = 0; i < shown; ++i) group.shown.push_back(hits[i].id);
    results.groups.push_back(std::move(group));
  }
  std::stable_sort(
      results.groups.begin(), results.groups.end(),
      [](const SearchGroup& a, const SearchGroup& b) { return a.best_score > b.best_score; });
  return results;
}

}  // namespace bokji::web
