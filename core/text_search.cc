// TextSearch. See text_search.h.
//
// Index
//   - Query patterns   a query compiled to one or two patterns of per-character tests
//   - Matching         finding a pattern's occurrences and classing the best one
//   - TextSearch       Add and Search
//
// A query becomes a Pattern: one Element per UTF-16 unit it must match. An element accepts its own
// unit exactly and, for Hangul, a range of syllables (all with one initial; possibly narrowed to
// some medials, and filtered by a mask of finals). A last syllable being typed may also have its
// final consonant moved onto the next syllable once a vowel follows ("장앵" → "장애인"). That needs
// one element more than the query has characters, so such a query compiles to a second pattern
// that spells the split.

#include "core/text_search.h"

#include <algorithm>
#include <bit>
#include <cassert>

#include "core/korean.h"

namespace bokji {

// ---------------------------------------------------------------------------------------------------------
// Query patterns
// ---------------------------------------------------------------------------------------------------------

namespace {

constexpr uint32_t kAnyFinal = (1u << kFinalCount) - 1;

struct Element {
  char16_t exact = 0;  // a unit equal to this matches exactly; 0 never occurs in a search form
  // Syllables in [range_begin, range_begin + range_size) whose final consonant is in final_mask
  // match too (a "partial" match). range_size 0: none do.
  char16_t range_begin = 0;
  uint16_t range_size = 0;
  uint32_t final_mask = kAnyFinal;
  bool choseong = false;  // a partial match here is a 초성 consonant matching a syllable
};
using Pattern = std::vector<Element>;

// Syllables with one initial form a block of 588 code points.
void SetInitialRange(int initial, Element* e) {
  e->range_begin = static_cast<char16_t>(MakeSyllable(initial, 0, 0));
  e->range_size = kMedialCount * kFinalCount;
}

// The last of the medials one more key makes of `medial` on a 두벌식 keyboard (ㅗ → ㅘ ㅙ ㅚ,
// ㅜ → ㅝ ㅞ ㅟ, ㅡ → ㅢ). In Unicode order these compounds directly follow their first vowel, so
// `medial` up to the returned one is exactly what can still be typed.
int LastMedialTypedFrom(int medial) {
  static constexpr char32_t kCompounds[][3] = {
      {U'ㅗ', U'ㅏ', U'ㅘ'}, {U'ㅗ', U'ㅐ', U'ㅙ'}, {U'ㅗ', U'ㅣ', U'ㅚ'}, {U'ㅜ', U'ㅓ', U'ㅝ'},
      {U'ㅜ', U'ㅔ', U'ㅞ'}, {U'ㅜ', U'ㅣ', U'ㅟ'}, {U'ㅡ', U'ㅣ', U'ㅢ'}};
  int last = medial;
  for (const auto& [first, second, compound] : kCompounds) {
    if (first != MedialJamo(medial)) continue;
    const int index = static_cast<int>(compound - MedialJamo(0));
    assert(index == last + 1 && "compound medials follow their first vowel");
    last = index;
  }
  return last;
}

// Compound final consonants and the two keys that type them (ㄺ = ㄹ then ㄱ).
struct FinalCluster {
  char32_t cluster, first, second;
};
constexpr FinalCluster kFinalClusters[] = {
    {U'ㄳ', U'ㄱ', U'ㅅ'}, {U'ㄵ', U'ㄴ', U'ㅈ'}, {U'ㄶ', U'ㄴ', U'ㅎ'}, {U'ㄺ', U'ㄹ', U'ㄱ'},
    {U'ㄻ', U'ㄹ', U'ㅁ'}, {U'ㄼ', U'ㄹ', U'ㅂ'}, {U'ㄽ', U'ㄹ', U'ㅅ'}, {U'ㄾ', U'ㄹ', U'ㅌ'},
    {U'ㄿ', U'ㄹ', U'ㅍ'}, {U'ㅀ', U'ㄹ', U'ㅎ'}, {U'ㅄ', U'ㅂ', U'ㅅ'}};

// A final and the clusters one more key makes of it (ㄹ → ㄹ ㄺ ㄻ … ㅀ), as a mask of indexes.
uint32_t FinalsTypedFrom(int final_consonant) {
  uint32_t mask = 1u << final_consonant;
  for (const FinalCluster& c : kFinalClusters)
    if (c.first == FinalJamo(final_consonant)) mask |= 1u << FinalIndexOfJamo(c.cluster);
  return mask;
}

// Appends `c` in UTF-16: one unit, or a surrogate pair above U+FFFF.
void AppendUtf16(char32_t c, std::u16string* units) {
  if (c < 0x10000) {
    units->push_back(static_cast<char16_t>(c));
  } else {
    c -= 0x10000;
    units->push_back(static_cast<char16_t>(0xD800 + (c >> 10)));
    units->push_back(static_cast<char16_t>(0xDC00 + (c & 0x3FF)));
  }
}

void AppendExact(char32_t c, Pattern* pattern) {
  std::u16string units;
  AppendUtf16(c, &units);
  for (char16_t unit : units) pattern->push_back({.exact = unit});
}

// The patterns a query matches through (none for a query that matches nothing).
std::vector<Pattern> CompileQuery(std::string_view query) {
  const std::u32string chars = ToSearchForm(query).chars;
  if (chars.empty() || chars.find(kReplacementChar) != std::u32string::npos) return {};
  Pattern pattern;
  for (size_t i = 0; i + 1 < chars.size(); ++i) {
    if (const int initial = InitialIndexOfJamo(chars[i]); initial >= 0) {
      Element e{.exact = static_cast<char16_t>(chars[i]), .choseong = true};
      SetInitialRange(initial, &e);
      pattern.push_back(e);
    } else {
      AppendExact(chars[i], &pattern);
    }
  }

  const char32_t last = chars.back();
  if (const int initial = InitialIndexOfJamo(last); initial >= 0) {
    Element e{.exact = static_cast<char16_t>(last), .choseong = true};
    SetInitialRange(initial, &e);
    pattern.push_back(e);
    return {pattern};
  }
  if (!IsHangulSyllable(last)) {
    AppendExact(last, &pattern);
    return {pattern};
  }
  // A syllable maybe still being typed.
  const SyllableParts parts = SplitSyllable(last);
  Element typed{.exact = static_cast<char16_t>(last)};
  if (parts.final_consonant == 0) {  // 고 → 고 과 괘 괴, each with any final
    const char16_t begin = static_cast<char16_t>(last);
    const char16_t end = static_cast<char16_t>(
        MakeSyllable(parts.initial, LastMedialTypedFrom(parts.medial), kFinalCount - 1) + 1);
    typed.range_begin = begin;
    typed.range_size = end - begin;
    pattern.push_back(typed);
    return {pattern};
  }
  // With a final: more finals (달 → 닭), or the final's last key starts the next syllable
  // (장앵 → 장애인, 닭 → 달가). The finals that can follow lie from the final to its last cluster.
  typed.final_mask = FinalsTypedFrom(parts.final_consonant);
  const int last_final = std::bit_width(typed.final_mask) - 1;
  typed.range_begin = static_cast<char16_t>(last);
  typed.range_size = static_cast<uint16_t>(last_final - parts.final_consonant + 1);
  Pattern split = pattern;
  pattern.push_back(typed);

  int kept = 0;  // the final that stays: none, or a cluster's first consonant
  char32_t moved = FinalJamo(parts.final_consonant);
  for (const FinalCluster& c : kFinalClusters) {
    if (c.cluster == moved) {
      kept = FinalIndexOfJamo(c.first);
      moved = c.second;
      break;
    }
  }
  split.push_back(
      {.exact = static_cast<char16_t>(MakeSyllable(parts.initial, parts.medial, kept))});
  Element next;  // exact stays 0: this position never matches exactly
  // Every single final consonant can also begin a syllable.
  assert(InitialIndexOfJamo(moved) >= 0);
  SetInitialRange(InitialIndexOfJamo(moved), &next);
  split.push_back(next);
  return {pattern, split};
}

// ---------------------------------------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------------------------------------

enum UnitMatch { kNoMatch, kExactMatch, kPartialMatch };

inline UnitMatch MatchUnit(const Element& e, char16_t unit) {
  if (unit == e.exact) return kExactMatch;
  if (static_cast<uint16_t>(unit - e.range_begin) >= e.range_size) return kNoMatch;
  if (e.final_mask == kAnyFinal) return kPartialMatch;
  const uint32_t final_consonant = (unit - static_cast<uint32_t>(kFirstSyllable)) % kFinalCount;
  return e.final_mask >> final_consonant & 1 ? kPartialMatch : kNoMatch;
}

// Calls on_match(start, exact, choseong) for every occurrence of `pattern` in text[0, size):
// `exact` when every unit matched exactly, `choseong` when a 초성 element matched a syllable.
template <typename OnMatch>
void ForEachOccurrence(const Pattern& pattern, const char16_t* text, size_t size,
                       OnMatch on_match) {
  const size_t length = pattern.size();
  if (length > size) return;
  const Element& first = pattern[0];
  for (size_t start = 0; start + length <= size; ++start) {
    UnitMatch m = MatchUnit(first, text[start]);
    if (m == kNoMatch) continue;
    bool exact = m == kExactMatch;
    bool choseong = m == kPartialMatch && first.choseong;
    size_t i = 1;
    for (; i < length; ++i) {
      m = MatchUnit(pattern[i], text[start + i]);
      if (m == kNoMatch) break;
      exact = exact && m == kExactMatch;
      choseong = choseong || (m == kPartialMatch && pattern[i].choseong);
    }
    if (i == length) on_match(start, exact, choseong);
  }
}

// Length in characters of UTF-16 text (low surrogates do not count).
size_t CharacterCount(const char16_t* text, size_t size) {
  return std::count_if(text, text + size, [](char16_t u) { return u < 0xDC00 || u > 0xDFFF; });
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------
// TextSearch
// ---------------------------------------------------------------------------------------------------------

uint32_t TextSearch::Add(std::string_view primary, std::string_view secondary) {
  const SearchForm name = ToSearchForm(primary);
  for (size_t i = 0; i < name.chars.size(); ++i) {
    const size_t unit = primary_.size();
    primary_word_starts_.resize(unit / 64 + 1);
    if (name.word_starts[i]) primary_word_starts_[unit / 64] |= uint64_t{1} << (unit % 64);
    AppendUtf16(name.chars[i], &primary_);
  }
  primary_word_starts_.resize((primary_.size() + 63) / 64);  // a bit for every unit
  for (char32_t c : ToSearchForm(secondary).chars) AppendUtf16(c, &secondary_);
  // Offsets and ids are 32-bit: 4 G characters of names is far beyond what a search box holds.
  assert(primary_.size() <= UINT32_MAX && secondary_.size() <= UINT32_MAX);
  primary_begin_.push_back(static_cast<uint32_t>(primary_.size()));
  secondary_begin_.push_back(static_cast<uint32_t>(secondary_.size()));
  return static_cast<uint32_t>(size() - 1);
}

std::vector<TextSearch::Hit> TextSearch::Search(std::string_view query, size_t limit) const {
  return SearchImpl(query, limit, [](uint32_t) { return true; });
}

std::vector<TextSearch::Hit> TextSearch::Search(std::string_view query, size_t limit,
                                                absl::FunctionRef<bool(uint32_t)> accept) const {
  return SearchImpl(query, limit, accept);
}

template <typename Accept>
std::vector<TextSearch::Hit> TextSearch::SearchImpl(std::string_view query, size_t limit,
                                                    Accept accept) const {
  if (limit == 0) return {};
  const std::vector<Pattern> patterns = CompileQuery(query);
  if (patterns.empty()) return {};

  std::vector<Hit> hits;
  for (uint32_t id = 0; id < size(); ++id) {
    if (!accept(id)) continue;
    int best = 0;
    const uint32_t name_begin = primary_begin_[id];
    const size_t name_size = primary_begin_[id + 1] - name_begin;
    const char16_t* name = primary_.data() + name_begin;
    for (const Pattern& pattern : patterns) {
      ForEachOccurrence(pattern, name, name_size, [&](size_t start, bool exact, bool choseong) {
        const size_t bit = name_begin + start;
        const bool word_start = primary_word_starts_[bit / 64] >> (bit % 64) & 1;
        int match_class;
        if (choseong) {
          match_class = start == 0   ? kChoseongNamePrefix
                        : word_start ? kChoseongNameWordStart
                                     : kChoseongNameSubstring;
        } else {
          match_class = exact && start == 0 && pattern.size() == name_size ? kExactName
                        : start == 0                                       ? kNamePrefix
                        : word_start                                       ? kNameWordStart
                                                                           : kNameSubstring;
        }
        best = std::max(best, match_class);
      });
    }
    if (best < kSecondary) {  // the secondary text can still do better
      const char16_t* text = secondary_.data() + secondary_begin_[id];
      const size_t text_size = secondary_begin_[id + 1] - secondary_begin_[id];
      for (const Pattern& pattern : patterns) {
        ForEachOccurrence(pattern, text, text_size, [&](size_t, bool, bool choseong) {
          best = std::max<int>(best, choseong ? kChoseongSecondary : kSecondary);
        });
      }
    }
    if (best == 0) continue;
    const int length =
        static_cast<int>(std::min<size_t>(CharacterCount(name, name_size), kScorePerClass - 1));
    hits.push_back({id, best * kScorePerClass - length});
  }

  const auto better = [](const Hit& a, const Hit& b) {
    return a.score != b.score ? a.score > b.score : a.id < b.id;
  };
  if (hits.size() > limit) {
    std::partial_sort(hits.begin(), hits.begin() + limit, hits.end(), better);
    hits.resize(limit);
  } else {
    std::sort(hits.begin(), hits.end(), better);
  }
  return hits;
}

}  // namespace bokji
