// Tests for core/text_search.h.
//
// Index
//   - Real documents   names and addresses or summaries from /work/shared/data (a tiny CSV reader)
//   - Reference        a slow search written from the header's rules, independent of the code:
//                      it walks code points and compares 두벌식 keystrokes where the implementation
//                      uses syllable ranges and masks
//   - Queries          random queries cut from the documents and disguised as users type them
//   - Tests            real cases, ranking, 초성, typing, empty and invalid queries, and the
//                      comparison with the reference

#include "core/text_search.h"

#include <algorithm>
#include <fstream>
#include <functional>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/korean.h"

namespace bokji {
namespace {

// ---------------------------------------------------------------------------------------------------------
// Real documents
// ---------------------------------------------------------------------------------------------------------

struct Document {
  std::string primary;
  std::string secondary;
};

// RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. Skips a leading BOM.
std::vector<std::vector<std::string>> ParseCsv(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c != '"') {
        field += c;
      } else if (i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',' || c == '\n') {
      row.push_back(std::move(field));
      field.clear();
      if (c == '\n') rows.push_back(std::move(row)), row.clear();
    } else if (c != '\r') {
      field += c;
    }
  }
  if (!field.empty() || !row.empty())
    row.push_back(std::move(field)), rows.push_back(std::move(row));
  return rows;
}

// Documents from one CSV of the shared data: the named columns as primary and secondary text.
std::vector<Document> LoadCsv(const std::string& relative_path, const std::string& primary_column,
                              const std::string& secondary_column) {
  std::ifstream file(std::string(BOKJI_SHARED_DATA_DIR) + "/" + relative_path, std::ios::binary);
  std::stringstream bytes;
  bytes << file.rdbuf();
  const std::vector<std::vector<std::string>> rows = ParseCsv(bytes.str());
  std::vector<Document> documents;
  if (rows.empty()) return documents;
  const auto column = [&](const std::string& name) {
    return std::find(rows[0].begin(), rows[0].end(), name) - rows[0].begin();
  };
  const size_t primary = column(primary_column), secondary = column(secondary_column);
  for (size_t r = 1; r < rows.size(); ++r) {
    if (rows[r].size() <= std::max(primary, secondary)) continue;
    documents.push_back({rows[r][primary], rows[r][secondary]});
  }
  return documents;
}

// About a thousand real documents: facilities with addresses, programs with summaries.
const std::vector<Document>& RealDocuments() {
  static const std::vector<Document>* documents = [] {
    auto* all = new std::vector<Document>;
    const auto add = [&](std::vector<Document> part) {
      all->insert(all->end(), part.begin(), part.end());
    };
    add(LoadCsv("facilities/보건복지부_장애인복지관 현황_20191231.csv", "시설명", "시설 주소"));
    add(LoadCsv("facilities/jeonju_2017/ChildFacility.csv", "시설명", "소재지도로명주소"));
    add(LoadCsv("services/jeonbuk_local_welfare_services.csv", "name", "summary"));
    add(LoadCsv("services/한국사회보장정보원_복지서비스정보_20250722.csv", "서비스명",
                "서비스요약"));
    // From facilities/jeonju_2017/WelfareFacility.xml: names written with a space inside.
    all->push_back({"전북종합 사회복지관", "전라북도 전주시 완산구 흑석로 70(평화1동)"});
    all->push_back({"평화 사회복지관", "전라북도 전주시 완산구"});
    return all;
  }();
  return *documents;
}

// ---------------------------------------------------------------------------------------------------------
// Reference
// ---------------------------------------------------------------------------------------------------------

const std::u32string kInitials = U"ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
const std::u32string kMedials = U"ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ";
const std::u32string kFinals =
    U" ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ";  // [0] = none

bool IsSyllable(char32_t c) {
  return c >= 0xAC00 && c <= 0xD7A3;
}
bool IsInitialLetter(char32_t c) {
  return c >= U'ㄱ' && c <= U'ㅎ' && kInitials.find(c) != std::u32string::npos;
}
char32_t InitialOf(char32_t syllable) {
  return kInitials[(syllable - 0xAC00) / 588];
}

// The 두벌식 keys that type a letter: compound vowels and final clusters take two.
std::u32string KeysOfLetter(char32_t letter) {
  static const std::u32string kTwoKeyLetters[] = {
      U"ㅘㅗㅏ", U"ㅙㅗㅐ", U"ㅚㅗㅣ", U"ㅝㅜㅓ", U"ㅞㅜㅔ", U"ㅟㅜㅣ",
      U"ㅢㅡㅣ", U"ㄳㄱㅅ", U"ㄵㄴㅈ", U"ㄶㄴㅎ", U"ㄺㄹㄱ", U"ㄻㄹㅁ",
      U"ㄼㄹㅂ", U"ㄽㄹㅅ", U"ㄾㄹㅌ", U"ㄿㄹㅍ", U"ㅀㄹㅎ", U"ㅄㅂㅅ"};
  for (const std::u32string& entry : kTwoKeyLetters)
    if (entry[0] == letter) return entry.substr(1);
  return std::u32string(1, letter);
}

std::u32string KeysOfSyllable(char32_t syllable) {
  const char32_t s = syllable - 0xAC00;
  std::u32string keys(1, kInitials[s / 588]);
  keys += KeysOfLetter(kMedials[s % 588 / 28]);
  if (s % 28 != 0) keys += KeysOfLetter(kFinals[s % 28]);
  return keys;
}

struct ReferenceMatch {
  size_t end;     // one past the last text character the query covered
  bool exact;     // every query character equalled its text character
  bool choseong;  // a consonant of the query matched a syllable by its initial
};

// Does `query` occur in `text` starting at `start`? The header's rules, one code point at a time.
std::optional<ReferenceMatch> MatchAt(const std::u32string& text, size_t start,
                                      const std::u32string& query) {
  ReferenceMatch match{start, true, false};
  size_t& i = match.end;
  for (size_t k = 0; k < query.size(); ++k) {
    const char32_t q = query[k];
    if (i >= text.size()) return std::nullopt;
    const char32_t t = text[i];
    if (t == q) {
      ++i;
    } else if (IsInitialLetter(q)) {
      if (!IsSyllable(t) || InitialOf(t) != q) return std::nullopt;
      match.exact = false;
      match.choseong = true;
      ++i;
    } else if (k + 1 == query.size() && IsSyllable(q)) {
      // Still being typed: the text's keystrokes (this syllable and, if one follows, the next) must
      // begin with the query syllable's keystrokes, the first of which is its initial.
      if (!IsSyllable(t) || InitialOf(t) != InitialOf(q)) return std::nullopt;
      const std::u32string wanted = KeysOfSyllable(q);
      std::u32string keys = KeysOfSyllable(t);
      const size_t first_keys = keys.size();
      if (i + 1 < text.size() && IsSyllable(text[i + 1])) keys += KeysOfSyllable(text[i + 1]);
      if (keys.compare(0, wanted.size(), wanted) != 0) return std::nullopt;
      match.exact = false;
      i += wanted.size() > first_keys ? 2 : 1;
    } else {
      return std::nullopt;
    }
  }
  return match;
}

struct ReferenceHit {
  uint32_t id;
  int match_class;
  size_t name_length;
};

class ReferenceSearch {
 public:
  void Add(const Document& d) {
    documents_.push_back({ToSearchForm(d.primary), ToSearchForm(d.secondary)});
  }

  // Every hit, best first, as (id, score) with the score formula of the header.
  std::vector<TextSearch::Hit> Search(std::string_view query_utf8,
                                      const std::function<bool(uint32_t)>& accept = nullptr) const {
    const std::u32string query = ToSearchForm(query_utf8).chars;
    if (query.empty() || query.find(kReplacementChar) != std::u32string::npos) return {};
    std::vector<ReferenceHit> hits;
    for (uint32_t id = 0; id < documents_.size(); ++id) {
      if (accept && !accept(id)) continue;
      const SearchForm& name = documents_[id].name;
      int best = 0;
      for (size_t start = 0; start < name.chars.size(); ++start) {
        const std::optional<ReferenceMatch> m = MatchAt(name.chars, start, query);
        if (!m) continue;
        const bool word_start = name.word_starts[start];
        int c;
        if (m->choseong) {
          c = start == 0   ? TextSearch::kChoseongNamePrefix
              : word_start ? TextSearch::kChoseongNameWordStart
                           : TextSearch::kChoseongNameSubstring;
        } else if (m->exact && start == 0 && m->end == name.chars.size()) {
          c = TextSearch::kExactName;
        } else {
          c = start == 0   ? TextSearch::kNamePrefix
              : word_start ? TextSearch::kNameWordStart
                           : TextSearch::kNameSubstring;
        }
        best = std::max(best, c);
      }
      const std::u32string& secondary = documents_[id].secondary.chars;
      for (size_t start = 0; start < secondary.size(); ++start) {
        if (const std::optional<ReferenceMatch> m = MatchAt(secondary, start, query))
          best = std::max<int>(
              best, m->choseong ? TextSearch::kChoseongSecondary : TextSearch::kSecondary);
      }
      if (best > 0) hits.push_back({id, best, name.chars.size()});
    }
    std::sort(hits.begin(), hits.end(), [](const ReferenceHit& a, const ReferenceHit& b) {
      if (a.match_class != b.match_class) return a.match_class > b.match_class;
      if (a.name_length != b.name_length) return a.name_length < b.name_length;
      return a.id < b.id;
    });
    std::vector<TextSearch::Hit> result;
    for (const ReferenceHit& h : hits)
      result.push_back(
          {h.id, h.match_class * TextSearch::kScorePerClass - static_cast<int>(h.name_length)});
    return result;
  }

 private:
  struct Forms {
    SearchForm name, secondary;
  };
  std::vector<Forms> documents_;
};

// ---------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------

struct GeneratedQuery {
  std::string utf8;
  uint32_t source;     // the document it was cut from
  bool must_find;      // false when garbage bytes were added
  std::string recipe;  // how it was made, for failure messages
};

// A piece of a document, then some of: spaces removed or added, syllables replaced by their 초성,
// the last syllable cut back to what a 두벌식 keyboard shows before its last key, Hangul decomposed
// (NFD), an invalid byte inserted.
GeneratedQuery MakeQuery(const std::vector<Document>& documents, std::mt19937& random) {
  const auto chance = [&](double p) {
    return std::uniform_real_distribution<double>(0, 1)(random) < p;
  };
  const auto below = [&](size_t n) {
    return std::uniform_int_distribution<size_t>(0, n - 1)(random);
  };
  GeneratedQuery q;
  std::u32string text;
  do {
    q.source = static_cast<uint32_t>(below(documents.size()));
    const Document& d = documents[q.source];
    text = DecodeUtf8(chance(0.7) || d.secondary.empty() ? d.primary : d.secondary);
  } while (text.empty());
  const size_t start = below(text.size());
  std::u32string piece = text.substr(start, 1 + below(std::min<size_t>(8, text.size() - start)));

  if (chance(0.3)) {
    piece.erase(std::remove(piece.begin(), piece.end(), U' '), piece.end());
    q.recipe += "no spaces; ";
  } else if (chance(0.3)) {
    piece.insert(piece.begin() + below(piece.size() + 1), U' ');
    q.recipe += "space added; ";
  }
  if (chance(0.3)) {
    const bool all = chance(0.3);
    for (char32_t& c : piece)
      if (IsSyllable(c) && (all || chance(0.5))) c = InitialOf(c);
    q.recipe += all ? "all 초성; " : "some 초성; ";
  }
  if (chance(0.3)) {
    // Back up the last syllable by one key.
    size_t last = piece.size();
    while (last > 0 && piece[last - 1] == U' ') --last;
    if (last > 0 && IsSyllable(piece[last - 1])) {
      char32_t& c = piece[last - 1];
      const char32_t s = c - 0xAC00;
      const int l = s / 588, v = s % 588 / 28, t = s % 28;
      const std::u32string final_keys = t ? KeysOfLetter(kFinals[t]) : U"";
      const std::u32string medial_keys = KeysOfLetter(kMedials[v]);
      if (final_keys.size() == 2) {
        c = 0xAC00 + l * 588 + v * 28 + static_cast<int>(kFinals.find(final_keys[0]));
      } else if (t != 0) {
        c -= t;
      } else if (medial_keys.size() == 2) {
        c = 0xAC00 + l * 588 + static_cast<int>(kMedials.find(medial_keys[0])) * 28;
      } else {
        c = kInitials[l];
      }
      piece.resize(last);
      q.recipe += "last syllable one key short; ";
    }
  }
  if (chance(0.25)) {
    std::u32string nfd;
    for (char32_t c : piece) {
      if (IsSyllable(c)) {
        const char32_t s = c - 0xAC00;
        nfd +=
            {static_cast<char32_t>(0x1100 + s / 588), static_cast<char32_t>(0x1161 + s % 588 / 28)};
        if (s % 28) nfd.push_back(0x11A7 + s % 28);
      } else if (IsInitialLetter(c) && chance(0.5)) {
        nfd.push_back(0x1100 + kInitials.find(c));  // a lone conjoining initial
      } else {
        nfd.push_back(c);
      }
    }
    piece = nfd;
    q.recipe += "NFD; ";
  }
  q.utf8 = EncodeUtf8(piece);
  q.must_find = true;
  if (chance(0.05)) {
    q.utf8.insert(below(q.utf8.size() + 1), "\xFF");
    q.must_find = false;
    q.recipe += "invalid byte; ";
  }
  return q;
}

std::string Describe(const std::vector<TextSearch::Hit>& hits,
                     const std::vector<Document>& documents) {
  std::string s;
  for (size_t i = 0; i < hits.size() && i < 12; ++i)
    s += "  " + documents[hits[i].id].primary + " (" + std::to_string(hits[i].score) + ")\n";
  return s;
}

bool SameHits(const std::vector<TextSearch::Hit>& a, const std::vector<TextSearch::Hit>& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](auto& x, auto& y) {
           return x.id == y.id && x.score == y.score;
         });
}

std::vector<std::string> Names(const TextSearch& search, const std::vector<Document>& documents,
                               std::string_view query) {
  std::vector<std::string> names;
  for (const TextSearch::Hit& hit : search.Search(query, search.size()))
    names.push_back(documents[hit.id].primary);
  return names;
}

bool Contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// ---------------------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------------------

class TextSearchTest : public testing::Test {
 protected:
  void SetUp() override {
    ASSERT_GT(documents().size(), 900u) << "real data not found under " << BOKJI_SHARED_DATA_DIR;
    for (const Document& d : documents()) {
      search_.Add(d.primary, d.secondary);
      reference_.Add(d);
    }
  }
  static const std::vector<Document>& documents() { return RealDocuments(); }

  TextSearch search_;
  ReferenceSearch reference_;
};

TEST_F(TextSearchTest, IdsCountUp) {
  TextSearch search;
  EXPECT_EQ(search.size(), 0u);
  EXPECT_EQ(search.Add("전주 영아원", "전라북도 전주시 완산구 중산2길 7"), 0u);
  EXPECT_EQ(search.Add("호성 보육원", ""), 1u);
  EXPECT_EQ(search.Add("", ""), 2u);
  EXPECT_EQ(search.size(), 3u);
  EXPECT_EQ(search_.size(), documents().size());
}

TEST_F(TextSearchTest, SpacingAndPunctuationDoNotMatter) {
  const std::vector<std::string> found = Names(search_, documents(), "전북종합사회복지관");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0], "전북종합 사회복지관");
  const std::vector<TextSearch::Hit> hits = search_.Search("전 북 종 합·사회(복지관)", 1);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(documents()[hits[0].id].primary, "전북종합 사회복지관");
  EXPECT_EQ(TextSearch::ClassOfScore(hits[0].score), TextSearch::kExactName);

  EXPECT_TRUE(Contains(Names(search_, documents(), "전주 장애인"), "전주장애인종합복지관"));
  EXPECT_TRUE(Contains(Names(search_, documents(), "전주장애인"), "전주장애인종합복지관"));
  EXPECT_TRUE(Contains(Names(search_, documents(), "백제대로20-41"), "전주장애인종합복지관"));
  // Spacing-insensitive is not word-order-insensitive.
  EXPECT_FALSE(Contains(Names(search_, documents(), "장애인 복지관"), "전주장애인종합복지관"));
}

TEST_F(TextSearchTest, ChoseongQueries) {
  // 전(ㅈ)라(ㄹ)북(ㅂ)도(ㄷ)장(ㅈ)애(ㅇ)인(ㅇ)복(ㅂ)지(ㅈ)관(ㄱ).
  EXPECT_TRUE(Contains(Names(search_, documents(), "ㅈㅇㅇㅂㅈㄱ"), "전라북도장애인복지관"));
  EXPECT_TRUE(
      Contains(Names(search_, documents(), "ㅈㄹㅂㄷㅈㅇㅇㅂㅈㄱ"), "전라북도장애인복지관"));
  EXPECT_FALSE(Contains(Names(search_, documents(), "ㅈㅇㅇㅂㅈㄱ"), "전주장애인종합복지관"));
  // Mixed: syllables match themselves, consonants match initials.
  EXPECT_TRUE(Contains(Names(search_, documents(), "전주ㅈㅇㅇ"), "전주장애인종합복지관"));
  EXPECT_TRUE(
      Contains(Names(search_, documents(), "전주ㅈㅇㅇㅈㅎ복지관"), "전주장애인종합복지관"));
  EXPECT_FALSE(Contains(Names(search_, documents(), "군산ㅈㅇㅇ"), "전주장애인종합복지관"));

  // Every 복지관 name is found by ㅂㅈㄱ, and as a 초성 match.
  const std::vector<TextSearch::Hit> hits = search_.Search("ㅂㅈㄱ", search_.size());
  size_t names_with_bokjigwan = 0;
  for (const Document& d : documents())
    names_with_bokjigwan += NormalizeForSearch(d.primary).find("복지관") != std::string::npos;
  size_t name_hits = 0;
  for (const TextSearch::Hit& hit : hits) {
    EXPECT_LE(TextSearch::ClassOfScore(hit.score), TextSearch::kChoseongNamePrefix);
    name_hits += TextSearch::ClassOfScore(hit.score) >= TextSearch::kChoseongNameSubstring;
  }
  EXPECT_GE(name_hits, names_with_bokjigwan);
  EXPECT_GT(names_with_bokjigwan, 200u);
}

TEST_F(TextSearchTest, EveryStateWhileTyping) {
  // What a 두벌식 IME shows after each key of ㅈㅏㅇㅇㅐㅇㅣㄴㅂㅗㄱㅈㅣㄱㅗㅏㄴ (장애인복지관).
  const char* kStates[] = {
      "ㅈ",         "자",         "장",           "장ㅇ",         "장애",        "장앵",
      "장애이",     "장애인",     "장애인ㅂ",     "장애인보",     "장애인복",    "장애인복ㅈ",
      "장애인복지", "장애인복직", "장애인복지고", "장애인복지과", "장애인복지관"};
  for (const char* state : kStates)
    EXPECT_TRUE(Contains(Names(search_, documents(), state), "전라북도장애인복지관")) << state;
  // A finished syllable that is not a prefix of the text's does not match.
  EXPECT_FALSE(Contains(Names(search_, documents(), "장애인복지곡"), "전라북도장애인복지관"));
  EXPECT_FALSE(Contains(Names(search_, documents(), "장애인복지괸"), "전라북도장애인복지관"));
  // 닭뫼안길 (an address): 달 is 닭 one key short, and 다 two keys short.
  EXPECT_TRUE(Contains(Names(search_, documents(), "이백면 달"), "남원시장애인종합복지관"));
  EXPECT_TRUE(Contains(Names(search_, documents(), "이백면 다"), "남원시장애인종합복지관"));
  // Typing 닭뫼: after 닭 the ㅁ of 뫼 is typed: 닭ㅁ, then ㅗ and ㅣ.
  EXPECT_TRUE(Contains(Names(search_, documents(), "닭뫼"), "남원시장애인종합복지관"));
  EXPECT_TRUE(Contains(Names(search_, documents(), "닭모"), "남원시장애인종합복지관"));
  EXPECT_FALSE(Contains(Names(search_, documents(), "닭뫄"), "남원시장애인종합복지관"));
}

TEST(TextSearch, RankingFollowsTheHeader) {
  // Each document is built to match "사회복지관" one way. Names from the data where one fits.
  TextSearch search;
  const uint32_t substring = search.Add("부안종합사회복지관", "전북 부안군 부안읍 용암로 134");
  const uint32_t secondary = search.Add("전라북도장애인복지관", "부안종합사회복지관 옆");
  const uint32_t word_start = search.Add("평화 사회복지관", "전라북도 전주시 완산구");
  const uint32_t prefix_long = search.Add("사회복지관 제2별관", "");
  const uint32_t exact = search.Add("사회 복지관", "");
  const uint32_t prefix_short = search.Add("사회복지관 별관", "");
  const uint32_t prefix_short_too = search.Add("사회복지관 분관", "");
  search.Add("군산장애인종합복지관", "군산시 칠성안3길 37 (산북동)");
  const std::vector<TextSearch::Hit> hits = search.Search("사회복지관", 10);
  std::vector<uint32_t> ids;
  for (const TextSearch::Hit& h : hits) ids.push_back(h.id);
  EXPECT_EQ(ids, (std::vector<uint32_t>{exact, prefix_short, prefix_short_too, prefix_long,
                                        word_start, substring, secondary}));
  EXPECT_EQ(TextSearch::ClassOfScore(hits[0].score), TextSearch::kExactName);
  EXPECT_EQ(TextSearch::ClassOfScore(hits[1].score), TextSearch::kNamePrefix);
  EXPECT_EQ(TextSearch::ClassOfScore(hits[4].score), TextSearch::kNameWordStart);
  EXPECT_EQ(TextSearch::ClassOfScore(hits[5].score), TextSearch::kNameSubstring);
  EXPECT_EQ(TextSearch::ClassOfScore(hits[6].score), TextSearch::kSecondary);
  for (size_t i = 1; i < hits.size(); ++i) EXPECT_GE(hits[i - 1].score, hits[i].score);

  // `limit` keeps the best.
  const std::vector<TextSearch::Hit> top = search.Search("사회복지관", 2);
  ASSERT_EQ(top.size(), 2u);
  EXPECT_EQ(top[0].id, exact);
  EXPECT_EQ(top[1].id, prefix_short);

  // A literal match in the secondary text beats a 초성 match in the name.
  TextSearch choseong;
  const uint32_t by_initials = choseong.Add("복지관", "");
  const uint32_t literal = choseong.Add("안내", "ㅂㅈㄱ 검색 예시");
  const std::vector<TextSearch::Hit> mixed = choseong.Search("ㅂㅈㄱ", 10);
  ASSERT_EQ(mixed.size(), 2u);
  EXPECT_EQ(mixed[0].id, literal);
  EXPECT_EQ(TextSearch::ClassOfScore(mixed[0].score), TextSearch::kSecondary);
  EXPECT_EQ(mixed[1].id, by_initials);
  EXPECT_EQ(TextSearch::ClassOfScore(mixed[1].score), TextSearch::kChoseongNamePrefix);
}

TEST_F(TextSearchTest, EmptyQueriesFindNothing) {
  for (const char* query : {"", " ", "\t\n ", "·", "( )", "　"})
    EXPECT_TRUE(search_.Search(query, 10).empty()) << query;
  EXPECT_TRUE(search_.Search("복지관", 0).empty());
  EXPECT_TRUE(TextSearch().Search("복지관", 10).empty());
}

TEST_F(TextSearchTest, InvalidUtf8NeverMatchesGarbage) {
  TextSearch search;
  const uint32_t broken = search.Add("전주\xFF복지관", "전주시 \xEA\xB0");
  search.Add("전주복지관", "");
  // The valid parts of a broken document still match…
  EXPECT_TRUE(Contains(Names(search, {{"전주\xFF복지관", ""}, {"전주복지관", ""}}, "복지관"),
                       "전주\xFF복지관"));
  // …but nothing matches across or into the broken bytes.
  for (const char* query :
       {"\xFF", "\xEA\xB0", "전주\xFF복지관", "주\xFF복", "\xC0\x80", "\xED\xA0\x80"})
    EXPECT_TRUE(search.Search(query, 10).empty()) << query;
  const std::vector<TextSearch::Hit> hits = search.Search("전주복지관", 10);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_NE(hits[0].id, broken);

  // Random bytes never crash and never match anything the reference would not.
  std::mt19937 random(11);
  for (int round = 0; round < 200; ++round) {
    std::string query;
    for (int i = 0; i < 1 + round % 7; ++i) query.push_back(static_cast<char>(random() & 0xFF));
    if (round % 2) query = "복지" + query;
    const std::vector<TextSearch::Hit> expected = reference_.Search(query);
    const std::vector<TextSearch::Hit> got = search_.Search(query, search_.size());
    ASSERT_TRUE(SameHits(got, expected)) << "query bytes of round " << round;
  }
}

TEST_F(TextSearchTest, DecomposedQueriesEqualComposed) {
  for (const char* composed : {"전주장애인", "복지관", "사회복지", "노인일자리", "장애인복지과"}) {
    std::u32string nfd;
    for (char32_t c : DecodeUtf8(composed)) {
      const char32_t s = c - 0xAC00;
      nfd +=
          {static_cast<char32_t>(0x1100 + s / 588), static_cast<char32_t>(0x1161 + s % 588 / 28)};
      if (s % 28) nfd.push_back(0x11A7 + s % 28);
    }
    const std::vector<TextSearch::Hit> a = search_.Search(composed, 50);
    EXPECT_FALSE(a.empty()) << composed;
    EXPECT_TRUE(SameHits(search_.Search(EncodeUtf8(nfd), 50), a)) << composed;
  }
  // Decomposed documents are found by composed queries too.
  TextSearch search;
  search.Add("\u1107\u1169\u11A8\u110C\u1175\u1100\u116A\u11AB", "");  // 복지관 in NFD
  EXPECT_EQ(search.Search("복지관", 10).size(), 1u);
}

TEST(TextSearch, CharactersBeyondTheBmpAndLatin) {
  const std::vector<Document> documents = {{"😀 행복 나눔 센터", "서울 😀"},
                                           {"KT&G 복지재단", "ＬＨ 임대주택"},
                                           {"𠀀𠀁 마을", ""},
                                           {"행복", "😀😀"}};
  TextSearch search;
  ReferenceSearch reference;
  for (const Document& d : documents) {
    search.Add(d.primary, d.secondary);
    reference.Add(d);
  }
  for (const char* query : {"😀", "😀행", "😀 행복", "행복", "ㅎㅂ", "행보", "kt&g", "ＫＴ", "lh임대",
                            "𠀁", "𠀁마", "𠀀𠀁마을", "\xF0\x9F\x98"}) {
    EXPECT_TRUE(SameHits(search.Search(query, 10), reference.Search(query))) << query;
  }
  const std::vector<TextSearch::Hit> hits = search.Search("😀행", 10);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].id, 0u);
  EXPECT_EQ(TextSearch::ClassOfScore(hits[0].score), TextSearch::kNamePrefix);
  ASSERT_EQ(search.Search("𠀀𠀁마을", 10).size(), 1u);
  EXPECT_EQ(TextSearch::ClassOfScore(search.Search("𠀀𠀁마을", 10)[0].score),
            TextSearch::kExactName);
  EXPECT_EQ(search.Search("ktg복지재단", 10).size(), 1u);
}

TEST_F(TextSearchTest, AgreesWithReferenceOnRandomQueries) {
  std::mt19937 random(2024);
  int with_hits = 0;
  for (int round = 0; round < 300; ++round) {
    const GeneratedQuery q = MakeQuery(documents(), random);
    const std::vector<TextSearch::Hit> expected = reference_.Search(q.utf8);
    const std::vector<TextSearch::Hit> all = search_.Search(q.utf8, search_.size());
    ASSERT_TRUE(SameHits(all, expected))
        << "query \"" << q.utf8 << "\" (" << q.recipe << ")\ngot:\n"
        << Describe(all, documents()) << "expected:\n"
        << Describe(expected, documents());
    // The top 10 are the first 10 of everything.
    const std::vector<TextSearch::Hit> top = search_.Search(q.utf8, 10);
    ASSERT_TRUE(
        SameHits(top, {expected.begin(), expected.begin() + std::min<size_t>(10, expected.size())}))
        << q.utf8;
    // A query cut from a document finds it, unless garbled or only spaces and punctuation.
    if (q.must_find && !NormalizeForSearch(q.utf8).empty()) {
      EXPECT_TRUE(std::any_of(all.begin(), all.end(),
                              [&](const TextSearch::Hit& h) { return h.id == q.source; }))
          << "query \"" << q.utf8 << "\" (" << q.recipe << ") from "
          << documents()[q.source].primary;
    }
    with_hits += !all.empty();
  }
  EXPECT_GT(with_hits, 250);
}

TEST_F(TextSearchTest, FilterRestrictsHits) {
  const auto accept = [](uint32_t id) { return id % 3 == 1; };
  for (const char* query : {"복지관", "ㅂㅈ", "전주", "지원사업", "장애인복지고"}) {
    const std::vector<TextSearch::Hit> expected = reference_.Search(query, accept);
    EXPECT_FALSE(expected.empty()) << query;
    EXPECT_TRUE(SameHits(search_.Search(query, search_.size(), accept), expected)) << query;
  }
}

}  // namespace
}  // namespace bokji
