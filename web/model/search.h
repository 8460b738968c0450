// The header's search over facilities, places (regions), programs and the facilities placed by
// address only (their own group: they open their ApproximateCard, not a point): each kind a group
// with its total, the rows it shows, and "더 보기" for more. Groups are ordered by their best hit,
// so the group shown first holds the best match, and Enter opens the first row shown.
//
// clang-format off
//   SearchResults results = RunSearch(catalog, state.search);
//   for (const SearchGroup& g : results.groups)       // best group first; empty groups left out
//     ShowHeading(g.kind, g.total), ShowRows(g.shown), ShowMore(g.total > g.shown.size());
//   if (enter && results.first()) Open(*results.first());
// clang-format on
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "web/model/app_state.h"

namespace bokji::web {

// Rows a group shows before "더 보기", and how many more each press adds.
inline constexpr int kSearchRowsShown = 5;
inline constexpr int kSearchRowsMore = 10;

struct SearchHit {
  SearchKind kind = SearchKind::kFacilities;
  uint32_t id = 0;  // into the catalog's facilities, regions, programs or approximate
  bool operator==(const SearchHit&) const = default;
};

struct SearchGroup {
  SearchKind kind = SearchKind::kFacilities;
  std::vector<uint32_t> shown;  // best first
  int total = 0;                // every hit of this kind
  int best_score = 0;           // TextSearch's score of the best hit
};

struct SearchResults {
  std::string query;
  std::vector<SearchGroup> groups;  // best group first; no empty group
  // The row shown first: what Enter opens. nullopt when nothing matched.
  std::optional<SearchHit> first() const;
  int total(SearchKind kind) const;
};

// Searches `search.query` in the four indexes. A group shows kSearchRowsShown rows plus
// search.more[kind]. Groups are ordered by their best hit's score (TextSearch scores rank alike
// across indexes), ties in the order facilities, places, programs, placed by address.
SearchResults RunSearch(const Catalog& catalog, const SearchState& search);

}  // namespace bokji::web
