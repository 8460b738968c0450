// Welfare-program rules (see programs.h): list parsing, text scanners, tags, self-check matching.
//
// Index
//   - UTF-8 text helpers     spaces, words, numbers, separators
//   - Structured lists       ParseLifeStageList, ParseTargetGroupList
//   - Life stages and ages
//   - Age limits in text     FindAgeLimits
//   - Income limits in text  FindIncomeLimits
//   - Target words in text   FindTargetGroups
//   - Tags                   DeriveProgramTags
//   - Matching               Household (what the answers say about ages), Fit, MatchPrograms
#include "core/programs.h"

#include <algorithm>
#include <cassert>
#include <iterator>

namespace bokji {
namespace {

// -------------------------------------------------------------------------------------------------
// UTF-8 text helpers. Keywords are whole UTF-8 sequences, so a byte match is a character match.
// -------------------------------------------------------------------------------------------------

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

// Consumes `word` at `i` if it is there.
bool Consume(std::string_view s, size_t& i, std::string_view word) {
  if (s.substr(i, word.size()) != word) return false;
  i += word.size();
  return true;
}

// Consumes the first of `words` found at `i`; returns its index, or -1.
template <size_t N>
int ConsumeAny(std::string_view s, size_t& i, const std::string_view (&words)[N]) {
  for (size_t w = 0; w < N; ++w) {
    if (Consume(s, i, words[w])) return static_cast<int>(w);
  }
  return -1;
}

constexpr std::string_view kSpaces[] = {" ", "\t", "\n", "\r", "\u00A0", "\u3000"};

void SkipSpaces(std::string_view s, size_t& i) {
  while (i < s.size() && ConsumeAny(s, i, kSpaces) >= 0) {
  }
}

// Range signs between two numbers: "19~39", "19∼39", "3-5", "3–5".
constexpr std::string_view kRangeSigns[] = {"~", "\u223C", "\uFF5E", "\u301C",
                                            "-", "\u2013", "\u2014"};
bool ConsumeRangeSign(std::string_view s, size_t& i) {
  return ConsumeAny(s, i, kRangeSigns) >= 0;
}

// Parses up to `max_digits` ASCII digits at `i` (no leading sign). A longer run of digits (a year,
// a phone number) is not a number we want: returns false and leaves `i` after the run. A decimal
// fraction is consumed and rounds the value up ("52.5" → 53), which widens an upper limit rather
// than narrowing it.
bool ParseNumber(std::string_view s, size_t& i, int max_digits, int& value) {
  size_t start = i;
  while (i < s.size() && IsDigit(s[i])) ++i;
  if (i == start || static_cast<int>(i - start) > max_digits) return false;
  value = 0;
  for (size_t k = start; k < i; ++k) value = value * 10 + (s[k] - '0');
  if (i + 1 < s.size() && s[i] == '.' && IsDigit(s[i + 1])) {
    bool nonzero = false;
    for (++i; i < s.size() && IsDigit(s[i]); ++i) nonzero |= s[i] != '0';
    if (nonzero) ++value;
  }
  return true;
}

// Byte length of a list separator at `i`, or 0.
size_t SeparatorLength(std::string_view s, size_t i) {
  static constexpr std::string_view kSeparators[] = {",", "/", "|", ";", "\n", "\uFF0C", "\u3001"};
  for (std::string_view sep : kSeparators) {
    if (s.substr(i, sep.size()) == sep) return sep.size();
  }
  return 0;
}

// A list word with spaces and middle dots removed: "임신 · 출산" → "임신출산".
std::string NormalizeWord(std::string_view word) {
  static constexpr std::string_view kDropped[] = {" ",      "\t",     "\u00A0", "\u3000", "\u00B7",
                                                  "\u318D", "\u2027", "\u30FB", "\u2022", "."};
  std::string out;
  for (size_t i = 0; i < word.size();) {
    if (ConsumeAny(word, i, kDropped) >= 0) continue;
    out.push_back(word[i++]);
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e) {
    size_t k = b;
    if (ConsumeAny(s, k, kSpaces) < 0) break;
    b = k;
  }
  while (e > b) {
    bool trimmed = false;
    for (std::string_view sp : kSpaces) {
      if (e - b >= sp.size() && s.substr(e - sp.size(), sp.size()) == sp) {
        e -= sp.size();
        trimmed = true;
        break;
      }
    }
    if (!trimmed) break;
  }
  return s.substr(b, e - b);
}

// -------------------------------------------------------------------------------------------------
// Structured lists
// -------------------------------------------------------------------------------------------------

struct WordBit {
  std::string_view normalized_word;
  uint32_t bit;
};

// Splits `list` at separators, looks each normalised word up in `table`, ORs the bits.
template <size_t N>
uint32_t ParseList(std::string_view list, const WordBit (&table)[N],
                   std::vector<std::string>* unknown_words) {
  uint32_t bits = 0;
  size_t start = 0;
  for (size_t i = 0; i <= list.size();) {
    size_t sep = i < list.size() ? SeparatorLength(list, i) : 1;
    if (sep == 0) {
      ++i;
      continue;
    }
    std::string_view raw = Trim(list.substr(start, i - start));
    std::string word = NormalizeWord(raw);
    if (!word.empty()) {
      const WordBit* found =
          std::find_if(std::begin(table), std::end(table),
                       [&](const WordBit& w) { return w.normalized_word == word; });
      if (found != std::end(table)) {
        bits |= found->bit;
      } else if (unknown_words != nullptr) {
        unknown_words->emplace_back(raw);
      }
    }
    i += sep;
    start = i;
  }
  return bits;
}

constexpr WordBit kLifeStageWords[] = {
    {"영유아", kStageInfant},   {"아동", kStageChild},       {"청소년", kStageTeen},
    {"청년", kStageYoungAdult}, {"중장년", kStageMiddleAge}, {"장년", kStageMiddleAge},
    {"노년", kStageSenior},     {"노인", kStageSenior},      {"임신출산", kStagePregnancy},
    {"임신", kStagePregnancy},  {"출산", kStagePregnancy},
};

constexpr WordBit kTargetGroupWords[] = {
    {"장애인", kTargetDisabled},
    {"저소득", kTargetLowIncome},
    {"한부모조손", kTargetSingleParent},
    {"한부모", kTargetSingleParent},
    {"조손", kTargetSingleParent},
    {"다문화탈북민", kTargetMultiCultural},
    {"다문화", kTargetMultiCultural},
    {"보훈대상자", kTargetVeteran},
    {"다자녀", kTargetManyChildren},
    {"임산부", kTargetPregnant},
    {"1인가구", kTargetSingleHousehold},
    {"노숙인", kTargetHomeless},
    {"여성", kTargetWomen},
    {"노인", kTargetElderly},
};

}  // namespace

LifeStageSet ParseLifeStageList(std::string_view list, std::vector<std::string>* unknown_words) {
  return ParseList(list, kLifeStageWords, unknown_words);
}

TargetSet ParseTargetGroupList(std::string_view list, std::vector<std::string>* unknown_words) {
  return ParseList(list, kTargetGroupWords, unknown_words);
}

// -------------------------------------------------------------------------------------------------
// Life stages and ages
// -------------------------------------------------------------------------------------------------

namespace {
struct StageAges {
  LifeStage stage;
  AgeRange ages;
};
constexpr StageAges kStageAges[] = {
    {kStageInfant, {0, 5}},       {kStageChild, {6, 12}},      {kStageTeen, {13, 18}},
    {kStageYoungAdult, {19, 39}}, {kStageMiddleAge, {40, 64}}, {kStageSenior, {65, kNoMaxAge}},
};
}  // namespace

LifeStageSet LifeStagesForAge(int age) {
  for (const StageAges& s : kStageAges) {
    if (age >= s.ages.min_age && age <= s.ages.max_age) return s.stage;
  }
  return 0;
}

AgeRange AgeRangeOfLifeStage(LifeStage stage) {
  for (const StageAges& s : kStageAges) {
    if (s.stage == stage) return s.ages;
  }
  // Programmer error: kStagePregnancy or a set of several bits has no single age range.
  assert(false && "AgeRangeOfLifeStage needs one age-based LifeStage bit");
  return AgeRange{};
}

// -------------------------------------------------------------------------------------------------
// Age limits in text
// -------------------------------------------------------------------------------------------------

namespace {

enum class AgeUnit { kYears, kMonths };

bool ConsumeAgeUnit(std::string_view s, size_t& i, AgeUnit& unit) {
  if (Consume(s, i, "세")) {
    unit = AgeUnit::kYears;
    return true;
  }
  if (Consume(s, i, "개월")) {
    unit = AgeUnit::kMonths;
    return true;
  }
  return false;
}

// Words after a number of years that make it a bound.
constexpr std::string_view kLowerWords[] = {"이상", "부터", "초과"};          // 초과 is exclusive
constexpr std::string_view kUpperWords[] = {"이하", "까지", "이내", "미만"};  // 미만 is exclusive
constexpr int kExclusiveLower = 2;  // index of 초과 in kLowerWords
constexpr int kExclusiveUpper = 3;  // index of 미만 in kUpperWords

// The youngest full-years age that can satisfy "at least `n` units" (inclusive).
int LowerBoundYears(int n, AgeUnit unit) {
  // Someone aged a years is 12a..12a+11 months old: part of that year is >= n months once
  // 12a + 11 >= n, i.e. a >= ceil((n - 11) / 12), which is n / 12 rounded down.
  return unit == AgeUnit::kYears ? n : n / 12;
}
// The oldest full-years age that can satisfy "at most `n` units" (inclusive).
int UpperBoundYears(int n, AgeUnit unit) {
  return unit == AgeUnit::kYears ? n : n / 12;
}

// A possible upper bound "[만] N [unit] [이하|까지|이내|미만]" read at some position; callers
// decide whether what was there is enough to count as one.
struct UpperBound {
  int value = 0;
  AgeUnit unit = AgeUnit::kYears;
  bool has_unit = false;
  bool has_word = false;
  size_t end = 0;  // after the word, or after the unit/number when there is no word

  int MaxAge(AgeUnit default_unit) const {
    return UpperBoundYears(value, has_unit ? unit : default_unit);
  }
};

bool ReadUpperBound(std::string_view s, size_t i, UpperBound& b) {
  SkipSpaces(s, i);
  Consume(s, i, "만");
  SkipSpaces(s, i);
  if (!ParseNumber(s, i, 3, b.value)) return false;
  size_t k = i;
  SkipSpaces(s, k);
  b.has_unit = ConsumeAgeUnit(s, k, b.unit);
  b.end = b.has_unit ? k : i;
  SkipSpaces(s, k);
  const int word = ConsumeAny(s, k, kUpperWords);
  b.has_word = word >= 0;
  if (b.has_word) b.end = k;
  if (word == kExclusiveUpper) --b.value;  // 미만: the unit below
  return true;
}

void AddUnique(std::vector<AgeRange>& out, AgeRange r) {
  if (r.min_age < 0 || r.min_age > r.max_age || r.min_age > 150) return;
  if (std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
}

}  // namespace

namespace {

// "개월" is mostly a duration ("6개월 이상 치료", "1개월 이내의 증명서"). A number of months is an
// age only next to a word for a baby or child: "생후 3개월", "영아(0~24개월)", "96개월 미만 아동".
bool MonthsAreAnAge(std::string_view s, size_t number_start, size_t bound_end) {
  static constexpr std::string_view kChildWords[] = {"생후", "아동",   "영아", "유아",  "아기",
                                                     "자녀", "어린이", "아이", "신생아"};
  size_t b = number_start;
  while (b > 0 && (s[b - 1] == ' ' || s[b - 1] == '(')) --b;
  for (std::string_view w : kChildWords) {
    if (b >= w.size() && s.substr(b - w.size(), w.size()) == w) return true;
  }
  size_t k = bound_end;
  SkipSpaces(s, k);
  if (!Consume(s, k, "의")) Consume(s, k, "인");
  SkipSpaces(s, k);
  return ConsumeAny(s, k, kChildWords) >= 0;
}

}  // namespace

std::vector<AgeRange> FindAgeLimits(std::string_view s) {
  std::vector<AgeRange> out;
  size_t i = 0;
  while (i < s.size()) {
    // A number starting here (not the tail of a longer number or a decimal).
    if (!IsDigit(s[i]) || (i > 0 && (IsDigit(s[i - 1]) || s[i - 1] == '.' || s[i - 1] == ','))) {
      ++i;
      continue;
    }
    const size_t start = i;
    size_t k = i;
    int first = 0;
    if (!ParseNumber(s, k, 3, first)) {
      i = std::max(k, i + 1);
      continue;
    }
    // Records a limit read from `start` to `end` and continues after it.
    auto found = [&](AgeRange range, bool months, size_t end) {
      if (!months || MonthsAreAnAge(s, start, end)) AddUnique(out, range);
      i = end;
    };
    UpperBound upper;
    // "N~M세", "N-M개월": one unit, after the second number, for both.
    size_t r = k;
    SkipSpaces(s, r);
    if (ConsumeRangeSign(s, r) && ReadUpperBound(s, r, upper) && upper.has_unit) {
      found(AgeRange{LowerBoundYears(first, upper.unit), upper.MaxAge(upper.unit)},
            upper.unit == AgeUnit::kMonths, upper.end);
      continue;
    }
    // "N세 …"
    SkipSpaces(s, k);
    AgeUnit unit = AgeUnit::kYears;
    if (!ConsumeAgeUnit(s, k, unit)) {
      i = k;
      continue;
    }
    const bool months = unit == AgeUnit::kMonths;
    const size_t after_unit = k;
    SkipSpaces(s, k);
    // "N세~M세", "N세~M세 미만", "N세~M이하"
    if (ConsumeRangeSign(s, k)) {
      if (ReadUpperBound(s, k, upper) && (upper.has_unit || upper.has_word)) {
        found(AgeRange{LowerBoundYears(first, unit), upper.MaxAge(unit)}, months, upper.end);
      } else {
        i = after_unit;
      }
      continue;
    }
    // "N세 이상", then maybe an upper bound: "19세 이상 39세 이하", "6세 이상 ~ 만18세 미만"
    const int lower_word = ConsumeAny(s, k, kLowerWords);
    if (lower_word >= 0) {
      const int lower = LowerBoundYears(lower_word == kExclusiveLower ? first + 1 : first, unit);
      int max_age = kNoMaxAge;
      size_t u = k;
      SkipSpaces(s, u);
      const bool range_sign = ConsumeRangeSign(s, u);
      // Without a range sign, a bare "39세" is not clearly a bound: it needs its word.
      if (ReadUpperBound(s, u, upper) && (upper.has_word || (range_sign && upper.has_unit))) {
        max_age = upper.MaxAge(unit);
        k = upper.end;
      }
      found(AgeRange{lower, max_age}, months, k);
      continue;
    }
    // "N세 미만", "N세 이하", "N세까지"
    const int upper_word = ConsumeAny(s, k, kUpperWords);
    if (upper_word >= 0) {
      found(AgeRange{0, UpperBoundYears(upper_word == kExclusiveUpper ? first - 1 : first, unit)},
            months, k);
      continue;
    }
    i = after_unit;  // "만 6세가 되는", "3세대": not a limit
  }
  return out;
}

// -------------------------------------------------------------------------------------------------
// Income limits in text
// -------------------------------------------------------------------------------------------------

namespace {

constexpr std::string_view kPercentSigns[] = {"%", "\uFF05", "퍼센트"};
constexpr std::string_view kIncomeUpperWords[] = {"이하", "이내", "미만", "까지"};
constexpr std::string_view kIncomeLowerWords[] = {"초과", "이상"};

// "N%" at `i` (with spaces allowed before the sign).
bool ParsePercent(std::string_view s, size_t& i, int& value) {
  size_t k = i;
  if (!ParseNumber(s, k, 4, value)) return false;
  SkipSpaces(s, k);
  if (ConsumeAny(s, k, kPercentSigns) < 0) return false;
  i = k;
  return true;
}

void AddUnique(std::vector<IncomeRange>& out, IncomeRange r) {
  if (r.min_percent > r.max_percent) return;
  if (std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
}

// Reads the condition after one "중위소득" at `i`; adds what it finds.
void ParseIncomeCondition(std::string_view s, size_t i, std::vector<IncomeRange>& out) {
  SkipSpaces(s, i);
  Consume(s, i, "의");
  SkipSpaces(s, i);
  Consume(s, i, "대비");
  SkipSpaces(s, i);
  if (Consume(s, i, "이하") || Consume(s, i, "이내")) {  // "기준 중위소득 이하": 100%
    AddUnique(out, IncomeRange{0, 100});
    return;
  }
  int first = 0;
  size_t k = i;
  if (!ParseNumber(s, k, 4, first)) return;
  SkipSpaces(s, k);
  const bool has_sign = ConsumeAny(s, k, kPercentSigns) >= 0;
  SkipSpaces(s, k);
  if (ConsumeRangeSign(s, k)) {  // "50~100%", "50%~100%"
    SkipSpaces(s, k);
    int second = 0;
    if (ParsePercent(s, k, second)) AddUnique(out, IncomeRange{first, second});
    return;
  }
  if (!has_sign) return;
  if (ConsumeAny(s, k, kIncomeUpperWords) >= 0) {
    AddUnique(out, IncomeRange{0, first});
    return;
  }
  if (ConsumeAny(s, k, kIncomeLowerWords) >= 0) {
    // "50% 초과 100% 이하"
    SkipSpaces(s, k);
    int second = 0;
    size_t u = k;
    if (ParsePercent(s, u, second) &&
        (SkipSpaces(s, u), ConsumeAny(s, u, kIncomeUpperWords) >= 0)) {
      AddUnique(out, IncomeRange{first, second});
    } else {
      AddUnique(out, IncomeRange{first, kNoMaxIncomePercent});
    }
  }
}

}  // namespace

std::vector<IncomeRange> FindIncomeLimits(std::string_view s) {
  std::vector<IncomeRange> out;
  constexpr std::string_view kMedianIncome = "중위소득";
  for (size_t at = s.find(kMedianIncome); at != std::string_view::npos;
       at = s.find(kMedianIncome, at + 1)) {
    ParseIncomeCondition(s, at + kMedianIncome.size(), out);
  }
  return out;
}

// -------------------------------------------------------------------------------------------------
// Target words in text
// -------------------------------------------------------------------------------------------------

namespace {

struct TargetWord {
  std::string_view word;
  TargetGroup group;
  std::string_view not_followed_by = {};  // "노인장기요양보험" is an insurance, not a target
  std::string_view not_preceded_by = {};  // "비장애인": people without a disability
};

constexpr TargetWord kTargetWords[] = {
    {"장애인", kTargetDisabled, {}, "비"},
    {"장애아", kTargetDisabled, {}, "비"},
    {"장애학생", kTargetDisabled},
    {"발달장애", kTargetDisabled},
    {"특수교육", kTargetDisabled},
    {"노인", kTargetElderly, "장기요양"},
    {"어르신", kTargetElderly},
    {"노령", kTargetElderly},
    {"경로당", kTargetElderly},
    {"아동", kTargetChildren},
    {"어린이", kTargetChildren},
    {"영유아", kTargetChildren},
    {"영아", kTargetChildren},
    {"초등학생", kTargetChildren},
    {"청소년", kTargetYouth},
    {"중학생", kTargetYouth},
    {"고등학생", kTargetYouth},
    {"청년", kTargetYoungAdult},
    {"대학생", kTargetYoungAdult},
    {"한부모", kTargetSingleParent},
    {"조손", kTargetSingleParent},
    {"다문화", kTargetMultiCultural},
    {"결혼이민", kTargetMultiCultural},
    {"중도입국", kTargetMultiCultural},
    {"임산부", kTargetPregnant},
    {"임신부", kTargetPregnant},
    {"산모", kTargetPregnant},
    {"임신", kTargetPregnant},
    {"보훈", kTargetVeteran},
    {"유공자", kTargetVeteran},
    {"고엽제", kTargetVeteran},
    {"저소득", kTargetLowIncome},
    {"기초생활", kTargetLowIncome},
    {"기초수급", kTargetLowIncome},
    {"차상위", kTargetLowIncome},
    {"생계급여", kTargetLowIncome},
    {"의료급여", kTargetLowIncome},
    {"주거급여", kTargetLowIncome},
    {"다자녀", kTargetManyChildren},
    {"자녀이상", kTargetManyChildren},
    {"자녀 이상", kTargetManyChildren},
    {"1인가구", kTargetSingleHousehold},
    {"1인 가구", kTargetSingleHousehold},
    {"독거", kTargetSingleHousehold},
    {"여성", kTargetWomen},
    {"노숙", kTargetHomeless},
    {"정신질환", kTargetMentalHealth},
    {"정신건강", kTargetMentalHealth},
    {"정신장애", kTargetMentalHealth},
};

// The code point of the (BMP) character at `at`, and its byte length; 0 with length 1 for a
// continuation byte, a 4-byte character or a truncated one (no target word starts with those).
char32_t CodePointAt(std::string_view s, size_t at, size_t& length) {
  const unsigned char b0 = static_cast<unsigned char>(s[at]);
  length = 1;
  if (b0 < 0x80) return b0;
  const size_t n = b0 >= 0xE0 && b0 < 0xF0 ? 3 : (b0 >= 0xC0 && b0 < 0xE0 ? 2 : 0);
  if (n == 0 || at + n > s.size()) return 0;
  length = n;
  const unsigned char b1 = static_cast<unsigned char>(s[at + 1]);
  if (n == 2) return ((b0 & 0x1Fu) << 6) | (b1 & 0x3Fu);
  const unsigned char b2 = static_cast<unsigned char>(s[at + 2]);
  return ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
}

// The target words grouped by their first character: for each BMP code point, the run of words
// starting with it (0 = none). FindTargetGroups makes one pass over the text and compares words
// only where a run starts.
struct TargetWordIndex {
  struct Run {
    size_t begin = 0, end = 0;  // into `sorted`
  };
  std::vector<const TargetWord*> sorted;
  std::vector<Run> runs = std::vector<Run>(1);                  // runs[0] is the empty run
  std::vector<uint8_t> run_of = std::vector<uint8_t>(0x10000);  // code point → index into runs

  TargetWordIndex() {
    for (const TargetWord& w : kTargetWords) sorted.push_back(&w);
    std::sort(sorted.begin(), sorted.end(),
              [](const TargetWord* a, const TargetWord* b) { return a->word < b->word; });
    for (size_t i = 0; i < sorted.size(); ++i) {
      size_t length = 0;
      const char32_t first = CodePointAt(sorted[i]->word, 0, length);
      if (run_of[first] == 0) {
        run_of[first] = static_cast<uint8_t>(runs.size());
        runs.push_back(Run{i, i});
      }
      runs[run_of[first]].end = i + 1;  // sorted, so words with one first character are adjacent
    }
    assert(runs.size() < 256 && "more first characters than TargetWordIndex::run_of can hold");
  }
};

const TargetWordIndex& TargetWords() {
  static const TargetWordIndex index;
  return index;
}

}  // namespace

TargetSet FindTargetGroups(std::string_view s) {
  const TargetWordIndex& index = TargetWords();
  TargetSet found = 0;
  for (size_t at = 0, length = 1; at < s.size(); at += length) {
    const TargetWordIndex::Run& run = index.runs[index.run_of[CodePointAt(s, at, length)]];
    for (size_t k = run.begin; k < run.end; ++k) {
      const TargetWord& w = *index.sorted[k];
      if ((found & w.group) || s.substr(at, w.word.size()) != w.word) continue;
      const size_t end = at + w.word.size();
      const bool followed = !w.not_followed_by.empty() &&
                            s.substr(end, w.not_followed_by.size()) == w.not_followed_by;
      const bool preceded =
          !w.not_preceded_by.empty() && at >= w.not_preceded_by.size() &&
          s.substr(at - w.not_preceded_by.size(), w.not_preceded_by.size()) == w.not_preceded_by;
      if (!followed && !preceded) found |= w.group;
    }
  }
  return found;
}

// -------------------------------------------------------------------------------------------------
// Tags
// -------------------------------------------------------------------------------------------------

ProgramTags DeriveProgramTags(const Program& program) {
  ProgramTags out;
  auto add = [&out](TagKind kind, TagConfidence confidence, uint32_t bit, AgeRange ages,
                    IncomeRange income) {
    out.tags.push_back(ProgramTag{kind, confidence, bit, ages, income});
  };
  for (uint32_t bit = 1; bit != 0 && bit <= kAllLifeStages; bit <<= 1) {
    if (program.life_stages & bit) add(TagKind::kLifeStage, TagConfidence::kStated, bit, {}, {});
  }
  for (uint32_t bit = 1; bit != 0; bit <<= 1) {
    if (program.targets & bit) add(TagKind::kTargetGroup, TagConfidence::kStated, bit, {}, {});
  }
  const std::string_view texts[] = {program.name, program.summary, program.eligibility,
                                    program.selection_criteria};
  TargetSet text_targets = 0;
  std::vector<AgeRange> ages;
  std::vector<IncomeRange> incomes;
  for (std::string_view text : texts) {
    text_targets |= FindTargetGroups(text);
    for (const AgeRange& r : FindAgeLimits(text)) AddUnique(ages, r);
    for (const IncomeRange& r : FindIncomeLimits(text)) AddUnique(incomes, r);
  }
  text_targets &= ~program.targets;
  for (uint32_t bit = 1; bit != 0; bit <<= 1) {
    if (text_targets & bit)
      add(TagKind::kTargetGroup, TagConfidence::kDerivedFromText, bit, {}, {});
  }
  for (const AgeRange& r : ages) add(TagKind::kAgeLimit, TagConfidence::kDerivedFromText, 0, r, {});
  for (const IncomeRange& r : incomes)
    add(TagKind::kIncomeLimit, TagConfidence::kDerivedFromText, 0, {}, r);
  return out;
}

std::vector<ProgramTags> DeriveAllProgramTags(const std::vector<Program>& programs) {
  std::vector<ProgramTags> out;
  out.reserve(programs.size());
  for (const Program& p : programs) out.push_back(DeriveProgramTags(p));
  return out;
}

uint32_t CityCodeOf(uint32_t sigungu_code) {
  return sigungu_code - sigungu_code % 10;
}

// -------------------------------------------------------------------------------------------------
// Matching
// -------------------------------------------------------------------------------------------------

namespace {

// Whether a condition fits the household, as far as the answers tell.
enum class Fit { kNo, kUnknown, kYes };

// Either alternative may fit: yes beats unknown beats no.
Fit Either(Fit a, Fit b) {
  return std::max(a, b);
}

uint32_t Bit(MatchUnknown u) {
  return 1u << static_cast<unsigned>(u);
}
uint32_t Bit(MatchReason r) {
  return 1u << static_cast<unsigned>(r);
}

// What the answers say about the household. Each Fit function adds to `missing` the unanswered
// questions that made its answer kUnknown.
class Household {
 public:
  Household(const SelfCheckAnswers& answers, int current_year) : answers_(answers) {
    if (answers.birth_year) {
      const int oldest = current_year - *answers.birth_year;  // birthday passed this year
      if (oldest >= 0) own_ = AgeRange{std::max(0, oldest - 1), oldest};
    }
    if (answers.children_ages) {
      children_.emplace();
      for (int age : *answers.children_ages) {
        if (age >= 0) children_->push_back(age);
      }
    }
  }

  // Someone (the citizen or a child) whose age is in `range`.
  Fit HasAgeIn(AgeRange range, uint32_t& missing) const {
    if (own_ && own_->max_age >= range.min_age && own_->min_age <= range.max_age) return Fit::kYes;
    if (children_) {
      for (int age : *children_) {
        if (age >= range.min_age && age <= range.max_age) return Fit::kYes;
      }
    }
    // Unknown children matter only for ranges that include minors; adult ranges are about the
    // citizen themself.
    const bool children_matter = !children_ && range.min_age <= 18;
    if (own_ && !children_matter) return Fit::kNo;
    if (!own_) missing |= Bit(MatchUnknown::kAgeNotAnswered);
    if (children_matter) missing |= Bit(MatchUnknown::kChildrenNotAnswered);
    return Fit::kUnknown;
  }

  // 임신·출산: a pregnancy, or a child aged 0.
  Fit HasPregnancyOrBirth(uint32_t& missing) const {
    const bool newborn = children_ && std::count(children_->begin(), children_->end(), 0) > 0;
    if (answers_.pregnant.value_or(false) || newborn) return Fit::kYes;
    if (answers_.pregnant && children_) return Fit::kNo;
    if (!answers_.pregnant) missing |= Bit(MatchUnknown::kPregnancyNotAnswered);
    if (!children_) missing |= Bit(MatchUnknown::kChildrenNotAnswered);
    return Fit::kUnknown;
  }

  Fit StageFits(LifeStage stage, uint32_t& missing) const {
    if (stage == kStagePregnancy) return HasPregnancyOrBirth(missing);
    return HasAgeIn(AgeRangeOfLifeStage(stage), missing);
  }

  // Whether the household belongs to `group`; nullopt for groups the self-check does not ask about.
  std::optional<Fit> InGroup(TargetGroup group, uint32_t& missing) const {
    switch (group) {
      case kTargetElderly:
        return HasAgeIn(AgeRange{65, kNoMaxAge}, missing);
      case kTargetChildren:
        return HasAgeIn(AgeRange{0, 17}, missing);
      case kTargetYouth:
        return HasAgeIn(AgeRangeOfLifeStage(kStageTeen), missing);
      case kTargetYoungAdult:
        return HasAgeIn(AgeRangeOfLifeStage(kStageYoungAdult), missing);
      case kTargetDisabled:
        return Answer(answers_.disability, MatchUnknown::kDisabilityNotAnswered, missing);
      case kTargetVeteran:
        return Answer(answers_.veteran, MatchUnknown::kVeteranNotAnswered, missing);
      case kTargetMultiCultural:
        return Answer(answers_.multicultural, MatchUnknown::kMultiCulturalNotAnswered, missing);
      case kTargetPregnant:
        return Answer(answers_.pregnant, MatchUnknown::kPregnancyNotAnswered, missing);
      case kTargetSingleParent:
        return HouseholdIs(kHouseholdSingleParent, missing);
      case kTargetSingleHousehold:
        return HouseholdIs(kHouseholdSinglePerson, missing);
      case kTargetManyChildren:
        if (children_ && children_->size() >= 2) return Fit::kYes;  // many 시군 count two children
        if (answers_.household)
          return (*answers_.household & kHouseholdManyChildren) ? Fit::kYes : Fit::kNo;
        if (children_) return Fit::kNo;  // fewer than two children listed
        missing |= Bit(MatchUnknown::kHouseholdNotAnswered);
        return Fit::kUnknown;
      case kTargetLowIncome: {
        // 차상위: 기준중위소득 50% 이하.
        if (!answers_.income) {
          missing |= Bit(MatchUnknown::kIncomeNotAnswered);
          return Fit::kUnknown;
        }
        if (answers_.income->max_percent <= 50) return Fit::kYes;
        if (answers_.income->min_percent > 50) return Fit::kNo;
        return Fit::kUnknown;
      }
      case kTargetResidents:
        return Fit::kYes;
      default:
        return std::nullopt;  // 여성, 가족, 노숙인, 정신건강: not asked
    }
  }

 private:
  static Fit Answer(const std::optional<bool>& answer, MatchUnknown if_missing, uint32_t& missing) {
    if (!answer) {
      missing |= Bit(if_missing);
      return Fit::kUnknown;
    }
    return *answer ? Fit::kYes : Fit::kNo;
  }
  Fit HouseholdIs(HouseholdKind kind, uint32_t& missing) const {
    if (!answers_.household) {
      missing |= Bit(MatchUnknown::kHouseholdNotAnswered);
      return Fit::kUnknown;
    }
    return (*answers_.household & kind) ? Fit::kYes : Fit::kNo;
  }

  const SelfCheckAnswers& answers_;
  std::optional<AgeRange> own_;
  std::optional<std::vector<int>> children_;
};

// Score weights: they only order the results. Local before provincial before national; stated facts
// weigh more than text; a text condition that seems not to fit pushes a program down but keeps it.
constexpr int kScoreInYourCity = 4;
constexpr int kScoreProvinceWide = 1;
constexpr int kScoreStatedLifeStage = 3;
constexpr int kScoreStatedTarget = 3;
constexpr int kScoreTextTarget = 2;
constexpr int kScoreTextCondition = 2;
constexpr int kScoreMayNotFit = -4;

// Matches one program; false when a stated fact rules it out.
bool MatchOne(const Program& program, const ProgramTags& tags, const SelfCheckAnswers& answers,
              const Household& household, ProgramMatch& match) {
  uint32_t reasons = 0, unknowns = Bit(MatchUnknown::kCheckSelectionCriteria);

  // Where the program applies.
  switch (program.level) {
    case ProgramLevel::kCity:
      if (program.sigungu_code == 0) {
        unknowns |= Bit(MatchUnknown::kRegionUnclear);
      } else if (!answers.sigungu_code) {
        unknowns |= Bit(MatchUnknown::kSigunguNotAnswered);
      } else if (CityCodeOf(*answers.sigungu_code) != CityCodeOf(program.sigungu_code)) {
        return false;
      } else {
        reasons |= Bit(MatchReason::kInYourCity);
        match.score += kScoreInYourCity;
      }
      break;
    case ProgramLevel::kProvince:
      reasons |= Bit(MatchReason::kProvinceWide);
      match.score += kScoreProvinceWide;
      break;
    case ProgramLevel::kCentral:
      reasons |= Bit(MatchReason::kNationwide);
      break;
    case ProgramLevel::kPrivate:
      break;
  }

  // Stated life stages: any may fit; all failing excludes.
  Fit stage_fit = Fit::kNo;
  bool has_stages = false;
  uint32_t stage_missing = 0;
  // Target groups: any may fit; only ranks.
  Fit group_fit = Fit::kNo;
  bool has_groups = false;
  uint32_t group_missing = 0;
  // Text age limits: any may fit; only ranks.
  Fit age_fit = Fit::kNo;
  bool has_ages = false;
  uint32_t age_missing = 0;
  // Text income limits against the answered band: contained in one / outside all / neither.
  bool has_income = false, income_inside = false, income_outside_all = true;

  for (const ProgramTag& tag : tags.tags) {
    switch (tag.kind) {
      case TagKind::kLifeStage:
        has_stages = true;
        stage_fit =
            Either(stage_fit, household.StageFits(static_cast<LifeStage>(tag.bit), stage_missing));
        break;
      case TagKind::kTargetGroup: {
        has_groups = true;
        std::optional<Fit> fit =
            household.InGroup(static_cast<TargetGroup>(tag.bit), group_missing);
        if (!fit) {
          group_fit = Either(group_fit, Fit::kUnknown);
        } else {
          group_fit = Either(group_fit, *fit);
          if (*fit == Fit::kYes) {
            match.matched_targets |= tag.bit;
            match.score +=
                tag.confidence == TagConfidence::kStated ? kScoreStatedTarget : kScoreTextTarget;
          }
        }
        break;
      }
      case TagKind::kAgeLimit:
        has_ages = true;
        age_fit = Either(age_fit, household.HasAgeIn(tag.ages, age_missing));
        break;
      case TagKind::kIncomeLimit:
        has_income = true;
        if (answers.income) {
          const IncomeRange& band = *answers.income;
          income_inside |= band.min_percent >= tag.income.min_percent &&
                           band.max_percent <= tag.income.max_percent;
          income_outside_all &= band.max_percent < tag.income.min_percent ||
                                band.min_percent > tag.income.max_percent;
        }
        break;
    }
  }

  if (has_stages) {
    if (stage_fit == Fit::kNo) return false;
    if (stage_fit == Fit::kYes) {
      reasons |= Bit(MatchReason::kLifeStage);
      match.score += kScoreStatedLifeStage;
    } else {
      unknowns |= stage_missing;
    }
  }
  if (has_groups) {
    if (group_fit == Fit::kYes) {
      reasons |= Bit(MatchReason::kTargetGroup);
    } else if (group_fit == Fit::kUnknown) {
      unknowns |= group_missing;
    } else {
      unknowns |= Bit(MatchUnknown::kTargetGroupMayNotFit);
      match.score += kScoreMayNotFit;
    }
  }
  if (has_ages) {
    if (age_fit == Fit::kYes) {
      reasons |= Bit(MatchReason::kAgeWithinTextLimit);
      match.score += kScoreTextCondition;
    } else if (age_fit == Fit::kUnknown) {
      unknowns |= age_missing;
    } else {
      unknowns |= Bit(MatchUnknown::kAgeLimitMayNotFit);
      match.score += kScoreMayNotFit;
    }
  }
  if (has_income) {
    if (!answers.income) {
      unknowns |= Bit(MatchUnknown::kIncomeNotAnswered);
    } else if (income_inside) {
      reasons |= Bit(MatchReason::kIncomeWithinTextLimit);
      match.score += kScoreTextCondition;
    } else if (income_outside_all) {
      unknowns |= Bit(MatchUnknown::kIncomeLimitMayNotFit);
      match.score += kScoreMayNotFit;
    }
  }

  for (unsigned r = 0; r <= static_cast<unsigned>(MatchReason::kIncomeWithinTextLimit); ++r) {
    if (reasons & (1u << r)) match.reasons.push_back(static_cast<MatchReason>(r));
  }
  for (unsigned u = 0; u <= static_cast<unsigned>(MatchUnknown::kCheckSelectionCriteria); ++u) {
    if (unknowns & (1u << u)) match.unknowns.push_back(static_cast<MatchUnknown>(u));
  }
  return true;
}

}  // namespace

std::vector<ProgramMatch> MatchPrograms(const std::vector<Program>& programs,
                                        const std::vector<ProgramTags>& tags,
                                        const SelfCheckAnswers& answers, int current_year) {
  // The tags must be DeriveAllProgramTags(programs): one per program, in the same order.
  assert(tags.size() == programs.size() && "MatchPrograms: tags do not belong to these programs");
  const Household household(answers, current_year);
  std::vector<ProgramMatch> matches;
  for (size_t i = 0; i < programs.size() && i < tags.size(); ++i) {
    ProgramMatch match;
    match.program = i;
    if (MatchOne(programs[i], tags[i], answers, household, match))
      matches.push_back(std::move(match));
  }
  std::stable_sort(matches.begin(), matches.end(),
                   [](const ProgramMatch& a, const ProgramMatch& b) {
                     const MatchFit fa = FitOf(a), fb = FitOf(b);
                     return fa != fb ? fa < fb : a.score > b.score;
                   });
  return matches;
}

std::vector<ProgramMatch> MatchPrograms(const std::vector<Program>& programs,
                                        const SelfCheckAnswers& answers, int current_year) {
  return MatchPrograms(programs, DeriveAllProgramTags(programs), answers, current_year);
}

// -------------------------------------------------------------------------------------------------
// Self-check results
// -------------------------------------------------------------------------------------------------

bool IsAnswered(const SelfCheckAnswers& a, SelfCheckQuestion question) {
  switch (question) {
    case SelfCheckQuestion::kAge:
      return a.birth_year.has_value();
    case SelfCheckQuestion::kCity:
      return a.sigungu_code.has_value();
    case SelfCheckQuestion::kHousehold:
      return a.household.has_value();
    case SelfCheckQuestion::kDisability:
      return a.disability.has_value();
    case SelfCheckQuestion::kPregnant:
      return a.pregnant.has_value();
    case SelfCheckQuestion::kChildren:
      return a.children_ages.has_value();
    case SelfCheckQuestion::kIncome:
      return a.income.has_value();
    case SelfCheckQuestion::kVeteran:
      return a.veteran.has_value();
    case SelfCheckQuestion::kMulticultural:
      return a.multicultural.has_value();
  }
  return false;
}

int AnsweredCount(const SelfCheckAnswers& answers) {
  int count = 0;
  for (int q = 0; q < kSelfCheckQuestionCount; ++q)
    count += IsAnswered(answers, static_cast<SelfCheckQuestion>(q));
  return count;
}

void ClearAnswer(SelfCheckQuestion question, SelfCheckAnswers* a) {
  switch (question) {
    case SelfCheckQuestion::kAge:
      a->birth_year.reset();
      break;
    case SelfCheckQuestion::kCity:
      a->sigungu_code.reset();
      break;
    case SelfCheckQuestion::kHousehold:
      a->household.reset();
      break;
    case SelfCheckQuestion::kDisability:
      a->disability.reset();
      break;
    case SelfCheckQuestion::kPregnant:
      a->pregnant.reset();
      break;
    case SelfCheckQuestion::kChildren:
      a->children_ages.reset();
      break;
    case SelfCheckQuestion::kIncome:
      a->income.reset();
      break;
    case SelfCheckQuestion::kVeteran:
      a->veteran.reset();
      break;
    case SelfCheckQuestion::kMulticultural:
      a->multicultural.reset();
      break;
  }
}

std::optional<SelfCheckQuestion> QuestionOf(MatchUnknown unknown) {
  switch (unknown) {
    case MatchUnknown::kSigunguNotAnswered:
      return SelfCheckQuestion::kCity;
    case MatchUnknown::kAgeNotAnswered:
      return SelfCheckQuestion::kAge;
    case MatchUnknown::kChildrenNotAnswered:
      return SelfCheckQuestion::kChildren;
    case MatchUnknown::kPregnancyNotAnswered:
      return SelfCheckQuestion::kPregnant;
    case MatchUnknown::kHouseholdNotAnswered:
      return SelfCheckQuestion::kHousehold;
    case MatchUnknown::kDisabilityNotAnswered:
      return SelfCheckQuestion::kDisability;
    case MatchUnknown::kIncomeNotAnswered:
      return SelfCheckQuestion::kIncome;
    case MatchUnknown::kVeteranNotAnswered:
      return SelfCheckQuestion::kVeteran;
    case MatchUnknown::kMultiCulturalNotAnswered:
      return SelfCheckQuestion::kMulticultural;
    case MatchUnknown::kRegionUnclear:
    case MatchUnknown::kAgeLimitMayNotFit:
    case MatchUnknown::kIncomeLimitMayNotFit:
    case MatchUnknown::kTargetGroupMayNotFit:
    case MatchUnknown::kCheckSelectionCriteria:
      return std::nullopt;
  }
  return std::nullopt;
}

MatchFit FitOf(const ProgramMatch& match) {
  for (MatchUnknown u : match.unknowns) {
    if (u == MatchUnknown::kAgeLimitMayNotFit || u == MatchUnknown::kIncomeLimitMayNotFit ||
        u == MatchUnknown::kTargetGroupMayNotFit)
      return MatchFit::kMayNotFit;
  }
  for (MatchReason r : match.reasons) {
    if (r == MatchReason::kLifeStage || r == MatchReason::kTargetGroup ||
        r == MatchReason::kAgeWithinTextLimit || r == MatchReason::kIncomeWithinTextLimit)
      return MatchFit::kNamesYou;
  }
  return MatchFit::kOpen;
}

std::vector<MatchGroup> GroupMatches(const std::vector<Program>& programs,
                                     const std::vector<ProgramMatch>& matches,
                                     MatchGrouping grouping) {
  // Matches come best first, so the first member of a group is its best and groups created in
  // order of first appearance are ordered strongest first.
  std::vector<MatchGroup> groups;
  for (size_t i = 0; i < matches.size(); ++i) {
    const ProgramMatch& m = matches[i];
    // The caller passes MatchPrograms' result for these programs.
    assert(m.program < programs.size() && "GroupMatches: a match of other programs");
    const Program& p = programs[m.program];
    MatchGroup key;
    key.fit = FitOf(m);
    if (grouping == MatchGrouping::kByTheme && !p.themes.empty()) key.theme = p.themes.front();
    if (grouping == MatchGrouping::kByLevel) key.level = p.level;
    auto same = [&](const MatchGroup& g) {
      switch (grouping) {
        case MatchGrouping::kByFit:
          return g.fit == key.fit;
        case MatchGrouping::kByTheme:
          return g.theme == key.theme;
        case MatchGrouping::kByLevel:
          return g.level == key.level;
      }
      return false;
    };
    auto found = std::find_if(groups.begin(), groups.end(), same);
    if (found == groups.end()) {
      groups.push_back(key);
      found = groups.end() - 1;
    }
    found->matches.push_back(i);
  }
  return groups;
}

std::vector<SelfCheckAnswers> RepresentativeAnswers(SelfCheckQuestion question,
                                                    const SelfCheckAnswers& answers,
                                                    const std::vector<Program>& programs,
                                                    int current_year) {
  std::vector<SelfCheckAnswers> out;
  auto with = [&](auto set) {
    SelfCheckAnswers a = answers;
    set(a);
    out.push_back(std::move(a));
  };
  switch (question) {
    case SelfCheckQuestion::kAge:
      // One age in each age-based life stage.
      for (int age : {3, 9, 15, 30, 50, 70})
        with([&](SelfCheckAnswers& a) { a.birth_year = current_year - age; });
      break;
    case SelfCheckQuestion::kCity: {
      std::vector<uint32_t> cities;
      for (const Program& p : programs)
        if (p.level == ProgramLevel::kCity && p.sigungu_code != 0 &&
            std::find(cities.begin(), cities.end(), CityCodeOf(p.sigungu_code)) == cities.end())
          cities.push_back(CityCodeOf(p.sigungu_code));
      for (uint32_t city : cities) with([&](SelfCheckAnswers& a) { a.sigungu_code = city; });
      break;
    }
    case SelfCheckQuestion::kPregnant:
      for (bool pregnant : {true, false}) with([&](SelfCheckAnswers& a) { a.pregnant = pregnant; });
      break;
    case SelfCheckQuestion::kChildren:
      with([&](SelfCheckAnswers& a) { a.children_ages = std::vector<int>{}; });
      for (int age : {0, 3, 9, 15})
        with([&](SelfCheckAnswers& a) { a.children_ages = std::vector<int>{age}; });
      break;
    case SelfCheckQuestion::kHousehold:
    case SelfCheckQuestion::kDisability:
    case SelfCheckQuestion::kIncome:
    case SelfCheckQuestion::kVeteran:
    case SelfCheckQuestion::kMulticultural:
      break;  // target groups and text conditions only rank
  }
  return out;
}

std::optional<QuestionSuggestion> SuggestNextQuestion(const std::vector<Program>& programs,
                                                      const std::vector<ProgramTags>& tags,
                                                      const SelfCheckAnswers& answers,
                                                      int current_year,
                                                      const std::vector<ProgramMatch>& matches) {
  int waiting[kSelfCheckQuestionCount] = {};
  for (const ProgramMatch& m : matches) {
    bool counted[kSelfCheckQuestionCount] = {};
    for (MatchUnknown u : m.unknowns) {
      const std::optional<SelfCheckQuestion> q = QuestionOf(u);
      if (!q || counted[static_cast<int>(*q)]) continue;
      counted[static_cast<int>(*q)] = true;
      ++waiting[static_cast<int>(*q)];
    }
  }
  std::optional<QuestionSuggestion> best;
  for (int q = 0; q < kSelfCheckQuestionCount; ++q) {
    const auto question = static_cast<SelfCheckQuestion>(q);
    if (IsAnswered(answers, question) || waiting[q] == 0) continue;
    QuestionSuggestion candidate{question, 0, waiting[q]};
    const std::vector<SelfCheckAnswers> tries =
        RepresentativeAnswers(question, answers, programs, current_year);
    double left = 0;
    for (const SelfCheckAnswers& a : tries)
      left += static_cast<double>(MatchPrograms(programs, tags, a, current_year).size());
    if (!tries.empty())
      candidate.fewer =
          static_cast<double>(matches.size()) - left / static_cast<double>(tries.size());
    const bool better = !best || candidate.fewer > best->fewer ||
                        (candidate.fewer == best->fewer && candidate.programs > best->programs);
    if (better) best = candidate;
  }
  return best;
}

}  // namespace bokji
