// TextSearch: the search box over facility and program names. Spacing-insensitive substring
// matching of Korean text, 초성 (initial consonant) queries, matching while a syllable is still
// being typed, and a ranking that puts the name a citizen meant first.
//
//   bokji::TextSearch search;
//   for (const bokji::Facility& f : data.facilities) search.Add(f.name, f.road_address);
//   for (const bokji::TextSearch::Hit& hit : search.Search("전주ㅈㅇㅇ", 20))
//     Show(data.facilities[hit.id]);                      // 전주장애인종합복지관, …
//
// How a query matches a text. Both first go through ToSearchForm (core/korean.h), so spaces,
// punctuation, Latin case, fullwidth forms and decomposed (NFD) Hangul make no difference:
// "전북종합사회복지관" finds "전북종합 사회복지관". Then the query must occur in the text as a run
// of consecutive characters, where
//   - a compatibility consonant that can begin a syllable (ㄱ ㄲ ㄴ … ㅎ) matches itself or any
//     syllable with that initial (초성): "ㅂㅈㄱ" finds 복지관, "전주ㅂㅈ" finds 전주복지…;
//   - the query's last character, when it is a syllable, may still be being typed on a 두벌식
//     keyboard: it also matches what more keys would turn it into, that is, text whose keystrokes
//     begin with its own. "복지고" and "복지과" find 복지관 (ㄱㅗ → ㄱㅗㅏ → ㄱㅗㅏㄴ); "장앵"
//     finds 장애인 (the ㅇ typed after 애 sits on 애 until the next vowel moves it to 인); "달"
//     finds 닭 and 다른;
//   - every other character matches only itself.
// A query containing invalid UTF-8 matches nothing; so does an empty query (or one of only spaces
// and punctuation).
//
// Ranking, best first (MatchClass): the query equals the whole name; starts the name; starts a word
// of the name (after a space or punctuation); occurs elsewhere in the name; occurs in the secondary
// text; then the same four places again for matches that needed a 초성 consonant to match a
// syllable. A hit's class is the best over all its occurrences. Ties go to the shorter name, then
// to the smaller id.
//
// Cost: Add normalises once and stores the search forms compactly (UTF-16, 2 bytes a character
// plus 8 bytes a document). Search scans all of them, linear in the stored text. Measured with
// names and addresses of ~35 characters a document: 10k documents 0.25–0.7 ms a query natively,
// 100k documents 2.5–6 ms natively and 11–60 ms as wasm under node (a loaded 2-core machine; the
// slowest are one-letter queries that match nearly everything). Pass a filter (e.g. the documents
// in view) to search fewer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/functional/function_ref.h"

namespace bokji {

class TextSearch {
 public:
  // Where and how a hit matched, worse to better. A hit's score orders hits:
  //   score = class × kScorePerClass − min(name length, kScorePerClass − 1)
  // where the name length counts the characters of the name's search form (ToSearchForm).
  enum MatchClass : int {
    kChoseongSecondary = 1,  // in the secondary text, with a 초성 consonant matching a syllable
    kChoseongNameSubstring = 2,
    kChoseongNameWordStart = 3,
    kChoseongNamePrefix = 4,  // includes the whole name ("ㅂㅈㄱ" for 복지관)
    kSecondary = 5,
    kNameSubstring = 6,
    kNameWordStart = 7,
    kNamePrefix = 8,  // includes a whole name reached through a syllable still being typed
    kExactName = 9,
  };
  static constexpr int kScorePerClass = 1'000'000;
  // The class of a score that Search returned.
  static MatchClass ClassOfScore(int score) {
    return static_cast<MatchClass>((score + kScorePerClass - 1) / kScorePerClass);
  }

  // Adds a document and returns its id (0, 1, 2, … in order of adding). `primary` is the name;
  // `secondary` is other searchable text (address, summary…), matched with lower rank. Either may
  // be empty.
  uint32_t Add(std::string_view primary, std::string_view secondary);

  struct Hit {
    uint32_t id;
    int score;  // higher = better; see MatchClass
  };
  // The best `limit` hits, best first.
  std::vector<Hit> Search(std::string_view query, size_t limit) const;
  // The same, among documents for which `accept(id)` is true (called once per document, in id
  // order, before matching it: a filter also saves the matching work).
  std::vector<Hit> Search(std::string_view query, size_t limit,
                          absl::FunctionRef<bool(uint32_t)> accept) const;

  size_t size() const { return primary_begin_.size() - 1; }

 private:
  template <typename Accept>
  std::vector<Hit> SearchImpl(std::string_view query, size_t limit, Accept accept) const;

  // Search forms of all names and all secondary texts, back to back, in UTF-16. Document i's name
  // is primary_[primary_begin_[i], primary_begin_[i + 1]); likewise for secondary_.
  std::u16string primary_;
  std::u16string secondary_;
  std::vector<uint32_t> primary_begin_ = {0};
  std::vector<uint32_t> secondary_begin_ = {0};
  // Bit j (of word j / 64) is set when primary_[j] starts a word.
  std::vector<uint64_t> primary_word_starts_;
};

}  // namespace bokji
