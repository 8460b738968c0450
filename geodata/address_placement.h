// Regions named in text: the 시군구 a row states ("전주완산구", "도(전주시)", "군산시"), and the
// most precise region an address names that the boundaries know — for facilities whose source gives
// an address and no usable coordinates (Facility::position_quality kApproxEmd / kApproxSigungu) —
// plus the distance from a point to a region (the near-boundary rule for islands).
//
//   RegionNames names(dataset.regions, config);
//   std::vector<const Region*> named = names.SigunguNamed("전주시");  // both 구
//   AddressMatch match = names.Match(placement, "장수군 계북면 …", "장수군");
//   if (match.emd) ... else if (match.sigungu) ... else Reject(match.detail);
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model.h"
#include "geodata/import_config.h"

namespace bokji::geodata {

struct AddressMatch {
  const Region* sigungu = nullptr;  // the 시군구, when the address or the stated 시군구 names one
  const Region* emd = nullptr;  // the 읍면동, when the address names one with an allowed suffix
  // Without emd: why not ("dong_address", "no_emd_named", "unknown_emd", "ambiguous_emd"); without
  // sigungu: "foreign" (another province's address), "no_sigungu" (names none of the province's)
  // or "ambiguous_sigungu" (a 시 with several 구, and nothing says which).
  std::string reason;
  std::string detail;  // plain words for the report
};

// The province's 시군구 and 읍면동 names, indexed once per import (an import matches thousands of
// rows). REQUIRES: `regions` outlives it and does not change (it keeps pointers into it).
class RegionNames {
 public:
  RegionNames(const std::vector<Region>& regions, const ImportConfig& config);

  // The province's 시군구 regions a 시군구 name denotes: the region of that name, also written
  // without its spaces, its province prefix ("전라북도 군산시"), its parentheses ("도(전주시)" →
  // 전주시) or the 시 before a 구 ("전주완산구" = 전주시완산구); a 시 with 구 denotes all its 구
  // ("전주시"); a bare 구 ("완산구") the one 구 of that name if only one has it. Empty when nothing
  // matches.
  std::vector<const Region*> SigunguNamed(std::string_view name) const;

  // Whether `stated` (a row's 시군구 column) names `found` (a 시군구 region) by the rules above, is
  // the province itself, or one contains the other ("전주시" ⊂ "전주시완산구").
  bool StatedMatches(std::string_view stated, const Region& found) const;

  // Finds the 시군구 (the address's own words first, then `stated_sigungu`; a 시 with several 구 is
  // narrowed by any 읍면동 name in the address that only one of them has) and, inside it, an 읍면동
  // whose name, after `placement.aliases`, equals an address word ending in one of
  // `placement.emd_suffixes`.
  AddressMatch Match(const AddressPlacement& placement, std::string_view address,
                     std::string_view stated_sigungu) const;

 private:
  // One word (or two joined) naming 시군구 exactly, then a 시 with 구 by prefix, then a unique bare
  // 구.
  std::vector<const Region*> NamedExactly(const std::string& wanted) const;
  const Region* EmdOf(const Region& sigungu, const std::string& name) const;
  std::string WithoutProvincePrefix(std::string text) const;
  bool IsOtherProvinceWord(const std::string& word) const;

  std::vector<std::string> province_names_;                      // without spaces
  std::vector<std::pair<std::string, const Region*>> sigungu_;   // (name without spaces, region)
  std::vector<std::pair<std::string, const Region*>> variants_;  // every name a 시군구 goes by
  std::vector<std::pair<std::pair<uint32_t, std::string>, const Region*>> emd_;  // sorted
};

// The great-circle distance in metres from `p` to the nearest edge of `region`'s rings (0 is not
// returned for points inside: callers ask about points known to be outside).
double DistanceToRegionEdges(const Region& region, LatLng p);

}  // namespace bokji::geodata
