// Index
//   - Name helpers
//   - RegionNames: the index, and 시군구 names
//   - RegionNames::Match (addresses)
//   - DistanceToRegionEdges
#include "geodata/address_placement.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <set>

#include "core/geo.h"
#include "geodata/row_text.h"
#include "s2/s1chord_angle.h"
#include "s2/s2edge_distances.h"
#include "s2/s2latlng.h"

namespace bokji::geodata {
namespace {

// ---------------------------------------------------------------------------------------------------------
// Name helpers
// ---------------------------------------------------------------------------------------------------------

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && text.compare(0, prefix.size(), prefix) == 0;
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

const std::string kSi = "시";  // 3 bytes in UTF-8
const std::string kGu = "구";

// The names a 시군구 region goes by: its own, and for a 구 of a 시 ("전주시완산구") the form
// without the 시 ("전주완산구", as HIRA writes it).
std::vector<std::string> NameVariants(const Region& region) {
  const std::string name = WithoutSpaces(region.name);
  std::vector<std::string> variants = {name};
  if (EndsWith(name, kGu)) {
    const size_t si = name.find(kSi);
    if (si != std::string::npos && si > 0 && si + kSi.size() < name.size() - kGu.size()) {
      variants.push_back(name.substr(0, si) + name.substr(si + kSi.size()));
    }
  }
  return variants;
}

// Korea's 시도, as addresses begin: full names (any 특별시, 광역시, 특별자치시/도 too) and the
// short forms catalogues use.
bool IsSidoWord(const std::string& word) {
  for (const char* ending : {"특별시", "광역시", "특별자치시", "특별자치도"})
    if (EndsWith(word, ending)) return true;
  static const char* const kNames[] = {
      "경기도",   "강원도", "충청북도", "충청남도", "전라북도", "전라남도", "경상북도",
      "경상남도", "제주도", "서울",     "부산",     "대구",     "인천",     "광주",
      "대전",     "울산",   "세종",     "경기",     "강원",     "충북",     "충남",
      "전북",     "전남",   "경북",     "경남",     "제주"};
  for (const char* name : kNames)
    if (word == name) return true;
  return false;
}

// A 법정동 as addresses write it: "삼천동", "효자동1가" (not a building's "제2동" or "101동").
bool IsLegalDongWord(const std::string& word) {
  const bool has_digit =
      std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (EndsWith(word, "동")) return !has_digit && word.size() > 3;
  if (EndsWith(word, "가")) return has_digit && word.find("동") != std::string::npos;
  return false;
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------
// RegionNames: the index, and 시군구 names
// ---------------------------------------------------------------------------------------------------------

RegionNames::RegionNames(const std::vector<Region>& regions, const ImportConfig& config) {
  for (const std::string& province : config.province_names)
    province_names_.push_back(WithoutSpaces(province));
  for (const Region& region : regions) {
    if (region.level == RegionLevel::kSigungu && region.code / 1000 == config.province_code) {
      sigungu_.emplace_back(WithoutSpaces(region.name), &region);
      for (std::string& variant : NameVariants(region))
        variants_.emplace_back(std::move(variant), &region);
    } else if (region.level == RegionLevel::kEmd && region.code / 100000 == config.province_code) {
      emd_.push_back({{region.code / 100, WithoutSpaces(region.name)}, &region});
    }
  }
  std::sort(emd_.begin(), emd_.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
}

std::string RegionNames::WithoutProvincePrefix(std::string text) const {
  for (const std::string& prefix : province_names_) {
    if (text.size() > prefix.size() && StartsWith(text, prefix)) return text.substr(prefix.size());
  }
  return text;
}

// A 시도 word that is not one of the config's province names: the address is elsewhere.
bool RegionNames::IsOtherProvinceWord(const std::string& word) const {
  for (const std::string& province : province_names_)
    if (province == word) return false;
  return IsSidoWord(word);
}

std::vector<const Region*> RegionNames::NamedExactly(const std::string& wanted) const {
  std::vector<const Region*> found;
  if (wanted.empty()) return found;
  for (const auto& [variant, region] : variants_) {
    if (variant == wanted && std::find(found.begin(), found.end(), region) == found.end())
      found.push_back(region);
  }
  if (!found.empty()) return found;
  if (EndsWith(wanted, kSi)) {  // 전주시 → 전주시완산구, 전주시덕진구
    for (const auto& [name, region] : sigungu_)
      if (name.size() > wanted.size() && StartsWith(name, wanted)) found.push_back(region);
    return found;
  }
  if (EndsWith(wanted, kGu) && wanted.size() > kGu.size()) {  // 완산구, if only one 구 has it
    for (const auto& [name, region] : sigungu_) {
      if (name.size() > wanted.size() && EndsWith(name, wanted) &&
          EndsWith(name.substr(0, name.size() - wanted.size()), kSi)) {
        found.push_back(region);
      }
    }
    if (found.size() > 1) found.clear();
  }
  return found;
}

const Region* RegionNames::EmdOf(const Region& sigungu, const std::string& name) const {
  const std::pair<uint32_t, std::string> key = {sigungu.code, name};
  const auto it =
      std::lower_bound(emd_.begin(), emd_.end(), key,
                       [](const auto& entry, const auto& k) { return entry.first < k; });
  return it != emd_.end() && it->first == key ? it->second : nullptr;
}

std::vector<const Region*> RegionNames::SigunguNamed(std::string_view name) const {
  const std::string text = WithoutSpaces(name);
  std::vector<std::string> candidates = {WithoutProvincePrefix(text)};
  const size_t open = text.find('(');
  const size_t close = text.rfind(')');
  if (open != std::string::npos && close != std::string::npos && close > open + 1) {
    candidates.push_back(WithoutProvincePrefix(text.substr(open + 1, close - open - 1)));
  }
  for (const std::string& candidate : candidates) {
    std::vector<const Region*> found = NamedExactly(candidate);
    if (!found.empty()) return found;
  }
  return {};
}

bool RegionNames::StatedMatches(std::string_view stated, const Region& found) const {
  const std::string text = WithoutSpaces(stated);
  for (const std::string& province : province_names_)
    if (text == province) return true;  // the province itself holds every 시군구
  for (const Region* named : SigunguNamed(stated))
    if (named == &found || named->code == found.code) return true;
  // Containment either way, as before: "전라북도 전주시" ⊂ …, "완산" ⊂ "전주시완산구".
  const std::string rest = WithoutProvincePrefix(text);
  if (rest.empty()) return false;
  for (const std::string& variant : NameVariants(found)) {
    if (variant.find(rest) != std::string::npos || rest.find(variant) != std::string::npos)
      return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------
// RegionNames::Match
// ---------------------------------------------------------------------------------------------------------

AddressMatch RegionNames::Match(const AddressPlacement& placement, std::string_view address,
                                std::string_view stated_sigungu) const {
  AddressMatch match;
  const std::vector<std::string> words = AddressTokens(address);
  // 1. The 시군구: two joined words ("전주시" "완산구"), then one, near the address's start; a
  //    province word may come first; another province's word there means the address is elsewhere.
  std::vector<const Region*> sigungu;
  size_t after_sigungu = 0;  // where the 읍면동 search starts
  for (size_t i = 0; i < words.size() && i < 4 && sigungu.empty(); ++i) {
    if (i == 0 && IsOtherProvinceWord(words[0])) {
      match.reason = "foreign";
      match.detail = "the address is in another province ('" + words[0] + "')";
      return match;
    }
    if (i + 1 < words.size()) {
      sigungu = NamedExactly(words[i] + words[i + 1]);
      if (!sigungu.empty()) {
        after_sigungu = i + 2;
        break;
      }
    }
    sigungu = NamedExactly(WithoutProvincePrefix(words[i]));
    if (!sigungu.empty()) after_sigungu = i + 1;
  }
  if (sigungu.empty() && !stated_sigungu.empty()) {
    sigungu = SigunguNamed(stated_sigungu);
    after_sigungu = 0;
  }
  if (sigungu.empty()) {
    match.reason = "no_sigungu";
    match.detail = "the address names no 시군구 of the province";
    return match;
  }
  // 2. Several (a 시 without its 구): an 읍면동 name that only one of them has decides.
  if (sigungu.size() > 1) {
    std::set<const Region*> deciding;
    for (size_t i = after_sigungu; i < words.size(); ++i)
      for (const Region* candidate : sigungu)
        if (EmdOf(*candidate, words[i]) != nullptr) deciding.insert(candidate);
    if (deciding.size() != 1) {
      match.reason = "ambiguous_sigungu";
      match.detail =
          "the address names a 시 with " + std::to_string(sigungu.size()) + " 구 but not which one";
      return match;
    }
    sigungu = {*deciding.begin()};
  }
  match.sigungu = sigungu.front();

  // 3. The 읍면동: a word ending in an allowed suffix, through the aliases.
  std::vector<const Region*> emds;
  std::string unknown, dong;
  for (size_t i = after_sigungu; i < words.size(); ++i) {
    std::string word = words[i];
    if (const auto alias = placement.aliases.find(word); alias != placement.aliases.end())
      word = alias->second;
    const bool allowed = std::any_of(placement.emd_suffixes.begin(), placement.emd_suffixes.end(),
                                     [&](const std::string& s) { return EndsWith(word, s); });
    if (!allowed) {
      if (dong.empty() && IsLegalDongWord(word)) dong = word;
      continue;
    }
    if (const Region* emd = EmdOf(*match.sigungu, word)) {
      if (std::find(emds.begin(), emds.end(), emd) == emds.end()) emds.push_back(emd);
    } else if (unknown.empty() && word.size() > 3) {
      unknown = word;
    }
  }
  if (emds.size() == 1) {
    match.emd = emds.front();
    return match;
  }
  if (emds.size() > 1) {
    match.reason = "ambiguous_emd";
    match.detail =
        "the address names " + std::to_string(emds.size()) + " 읍면동 of " + match.sigungu->name;
  } else if (!unknown.empty()) {
    match.reason = "unknown_emd";
    match.detail =
        "'" + unknown + "' is no 읍면동 of " + match.sigungu->name + " in the boundaries";
  } else if (!dong.empty()) {
    match.reason = "dong_address";
    match.detail = "'" + dong + "' is a 법정동, which the 행정동 boundaries do not follow";
  } else {
    match.reason = "no_emd_named";
    match.detail = "the address names no 읍면동";
  }
  return match;
}

// ---------------------------------------------------------------------------------------------------------
// DistanceToRegionEdges
// ---------------------------------------------------------------------------------------------------------

double DistanceToRegionEdges(const Region& region, LatLng p) {
  const S2Point x = S2LatLng::FromDegrees(p.lat, p.lng).ToPoint();
  S1ChordAngle best = S1ChordAngle::Infinity();
  for (const Ring& ring : region.rings) {
    for (size_t i = 0; i < ring.size(); ++i) {
      const LatLng& a = ring[i];
      const LatLng& b = ring[(i + 1) % ring.size()];
      S2::UpdateMinDistance(x, S2LatLng::FromDegrees(a.lat, a.lng).ToPoint(),
                            S2LatLng::FromDegrees(b.lat, b.lng).ToPoint(), &best);
    }
  }
  if (best == S1ChordAngle::Infinity()) return std::numeric_limits<double>::infinity();
  return best.ToAngle().radians() * kEarthRadiusMeters;
}

}  // namespace bokji::geodata
