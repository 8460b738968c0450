// Welfare-program rules shared by the importer and the app: reading 복지로's structured columns,
// finding age, income and target-group conditions in free text, and matching programs to a
// citizen's self-check answers.
//
// Index
//   - Life stages and ages   ParseLifeStageList, LifeStagesForAge, AgeRangeOfLifeStage
//   - Target groups          ParseTargetGroupList (structured tag lists)
//   - Conditions in text     FindAgeLimits, FindIncomeLimits, FindTargetGroups, DeriveProgramTags
//   - Self-check matching    SelfCheckAnswers, MatchPrograms, CityCodeOf
//   - Self-check results     SelfCheckQuestion, MatchFit, GroupMatches, SuggestNextQuestion
//
//   // importer: 복지로's 생애주기 column is structured, so it goes into the Program as stated.
//   program.life_stages = bokji::ParseLifeStageList(row.lifecycle, &unknown_words);
//
//   // app: tags once at load, then match on every change of the answers.
//   std::vector<bokji::ProgramTags> tags = bokji::DeriveAllProgramTags(data.programs);
//   bokji::SelfCheckAnswers answers;
//   answers.birth_year = 1996;
//   answers.sigungu_code = 35060;  // 김제시
//   for (const bokji::ProgramMatch& m : bokji::MatchPrograms(data.programs, tags, answers, 2026))
//     Show(data.programs[m.program], m.reasons, m.unknowns);
//
// Honesty rules the matching follows:
//   - Only stated facts exclude a program: its level and 시군, and its 생애주기 from a
//     structured column. Conditions found in free text (kDerivedFromText) never exclude; they
//     raise or lower the rank and add a reason or a caution.
//   - A question the citizen skipped never excludes a program; it shows up as an "unknown" instead.
//   - Every match carries MatchUnknown::kCheckSelectionCriteria: we never claim someone qualifies.
//
// Program::life_stages and Program::targets are expected to hold *stated* tags only (from a
// source's structured columns: 복지로's 생애주기, the 2022 crawl's badges). Conditions in text are
// re-derived here from the text, so the importer should not fold them into those fields.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace bokji {

// -------------------------------------------------------------------------------------------------
// Life stages and ages
// -------------------------------------------------------------------------------------------------

// An inclusive range of ages in full years (만 나이).
inline constexpr int kNoMaxAge = 200;
struct AgeRange {
  int min_age = 0;
  int max_age = kNoMaxAge;
};
inline bool operator==(const AgeRange& a, const AgeRange& b) {
  return a.min_age == b.min_age && a.max_age == b.max_age;
}

// Parses 복지로's comma list "영유아, 아동, 청소년, 청년, 중장년, 노년, 임신 · 출산" into LifeStage
// bits. Spaces and middle dots inside a word are ignored ("임신 · 출산", "임신·출산", "임신ㆍ출산"
// are one word); "임신" and "출산" alone, "노인" and "장년" are accepted as synonyms. Words are
// separated by ',', '/', '、' or '，'. Unknown words are ignored and, when `unknown_words` is
// given, appended to it (trimmed).
LifeStageSet ParseLifeStageList(std::string_view list,
                                std::vector<std::string>* unknown_words = nullptr);

// The life stage of someone aged `age` (만 나이): exactly one bit for age >= 0, 0 for a negative
// age. Boundaries (inclusive):
//   영유아  0–5    영유아보육법: children before school age (under 6).
//   아동    6–12   Primary-school age. 아동복지법's 아동 is under 18; 복지로 splits that
//                  into 아동 and 청소년.
//   청소년  13–18  Middle and high school.
//   청년    19–39  청년기본법 says 19–34, but 전북 and most of its 시군 define 청년 up to 39
//                  in their own 조례 and programs, and 복지로 files those under 청년.
//                  Matching should include rather than hide, so we take the wider range; a
//                  program's own narrower limit ("만 19세 이상 34세 이하") is then caught by
//                  the text rules below.
//   중장년  40–64
//   노년    65+    노인복지법, 기초연금.
// 임신·출산 is not an age: it never comes from this function.
LifeStageSet LifeStagesForAge(int age);

// The age range of one age-based life stage (the table above).
// REQUIRES: `stage` is a single bit other than kStagePregnancy.
AgeRange AgeRangeOfLifeStage(LifeStage stage);

// -------------------------------------------------------------------------------------------------
// Target groups
// -------------------------------------------------------------------------------------------------

// Parses a structured tag list such as the 2022 crawl's badges ("서민금융,일자리,장애인") or
// 복지로's 가구상황 words into TargetGroup bits: 장애인, 저소득, 한부모·조손 (or 한부모, 조손),
// 다문화·탈북민 (or 다문화), 보훈대상자, 다자녀, 임산부, 1인가구, 노숙인, 여성, 노인. Same
// separators and normalisation as ParseLifeStageList; unknown words (themes such as 서민금융, or
// life stages) go to `unknown_words`.
TargetSet ParseTargetGroupList(std::string_view list,
                               std::vector<std::string>* unknown_words = nullptr);

// -------------------------------------------------------------------------------------------------
// Conditions in text: small scanners over UTF-8, conservative (they miss rather than invent).
// -------------------------------------------------------------------------------------------------

// Age limits written in the text, in order of appearance, without duplicates:
//   "만 19세 이상 39세 이하" → 19–39      "만 65세 이상" → 65–
//   "18세 미만" → 0–17                    "만 18세~65세 미만" → 18–64
//   "만0~2세" → 0–2                       "60세이상" → 60–
//   "영아(0~24개월)" → 0–2                "96개월 미만 아동" → 0–7
// Months become the full years they overlap, and count only next to a word for a child
// (생후, 아동, 영아, 자녀 …): "6개월 이상 치료" is a duration. A number of years with no
// 이상/이하/미만/초과/부터/까지 or range sign after it ("만 6세가 되는 달") is not a limit, nor
// is "3세대" (generations). Limits may be about the applicant's children: callers decide.
std::vector<AgeRange> FindAgeLimits(std::string_view text);

// An income condition as an inclusive range of household income in % of 기준중위소득.
inline constexpr int kNoMaxIncomePercent = 100000;
struct IncomeRange {
  int min_percent = 0;
  int max_percent = kNoMaxIncomePercent;
};
inline bool operator==(const IncomeRange& a, const IncomeRange& b) {
  return a.min_percent == b.min_percent && a.max_percent == b.max_percent;
}

// 기준중위소득 conditions written in the text, in order of appearance, without duplicates:
//   "기준 중위소득 50% 이하" → 0–50        "중위소득 120% 이하" → 0–120
//   "기준중위소득의 180% 이하" → 0–180     "중위소득 50% 초과 100% 이하" → 50–100
//   "중위소득 140% 초과" → 140–            "기준 중위소득 이하" → 0–100
// Bounds are taken as closed (50% 초과 → from 50): a citizen on the boundary is "maybe", never
// "no". Percentages of other bases (도시근로자 월평균소득) are not 기준중위소득 and are ignored.
std::vector<IncomeRange> FindIncomeLimits(std::string_view text);

// Target groups named in the text: 장애인, 한부모, 다문화, 임산부, 보훈, 노인, 청년, 저소득,
// 다자녀 and a few more. Word rules, no grammar: "장애인과 세대를 같이 하는 비장애인은 제외"
// still names 장애인. Use for ranking only.
TargetSet FindTargetGroups(std::string_view text);

// How sure a tag is.
enum class TagConfidence : uint8_t {
  // From a structured column of the source (생애주기, a badge list).
  kStated = 0,
  // Found by a rule in free text (name, summary, 지원대상, 선정기준): may be wrong.
  kDerivedFromText = 1,
};

// One fact about who a program is for.
enum class TagKind : uint8_t { kLifeStage, kTargetGroup, kAgeLimit, kIncomeLimit };
struct ProgramTag {
  TagKind kind = TagKind::kTargetGroup;
  TagConfidence confidence = TagConfidence::kStated;
  uint32_t bit = 0;    // kLifeStage: one LifeStage bit; kTargetGroup: one TargetGroup bit; else 0
  AgeRange ages;       // kAgeLimit only
  IncomeRange income;  // kIncomeLimit only
};

// All tags of one program: stated life stages and target groups (Program::life_stages,
// Program::targets), then target groups, age limits and income limits found in its name,
// summary, eligibility and selection criteria. A target group both stated and found in the text
// appears once, as kStated.
struct ProgramTags {
  std::vector<ProgramTag> tags;
};
ProgramTags DeriveProgramTags(const Program& program);
std::vector<ProgramTags> DeriveAllProgramTags(const std::vector<Program>& programs);

// -------------------------------------------------------------------------------------------------
// Self-check matching
// -------------------------------------------------------------------------------------------------

// Household situations the self-check asks about (복지로's 가구상황). A bit set.
enum HouseholdKind : uint32_t {
  kHouseholdSinglePerson = 1u << 0,  // 1인 가구
  kHouseholdSingleParent = 1u << 1,  // 한부모·조손 가족
  kHouseholdManyChildren = 1u << 2,  // 다자녀 가구
};
using HouseholdSet = uint32_t;

// The citizen's answers. Every field is optional: nullopt means "skipped", which never excludes
// a program.
struct SelfCheckAnswers {
  // e.g. 1996
  std::optional<int> birth_year;
  // KOSTAT 5-digit code of where they live; 전주 완산구 and 덕진구 count as 전주시.
  std::optional<uint32_t> sigungu_code;
  // The household kinds that apply; 0 = answered "none of these".
  std::optional<HouseholdSet> household;
  // Someone in the household has a registered disability.
  std::optional<bool> disability;
  // Someone in the household is pregnant.
  std::optional<bool> pregnant;
  // Ages (만) of the children in the household; empty = no children.
  std::optional<std::vector<int>> children_ages;
  // Household income band as % of 기준중위소득, e.g. {51, 100}.
  std::optional<IncomeRange> income;
  // A 국가보훈대상자 in the household.
  std::optional<bool> veteran;
  // A 다문화가족.
  std::optional<bool> multicultural;

  bool operator==(const SelfCheckAnswers&) const = default;
};

// Why a program was matched. The UI turns these into Korean through its string table.
enum class MatchReason : uint8_t {
  kInYourCity,             // a 시군 program of the 시군 where they live
  kProvinceWide,           // a 도 program: for everyone in the 도
  kNationwide,             // a central-government program
  kLifeStage,              // a stated 생애주기 fits them or someone in their household
  kTargetGroup,            // a target group fits; which ones: ProgramMatch::matched_targets
  kAgeWithinTextLimit,     // an age limit found in the text fits someone in the household
  kIncomeWithinTextLimit,  // their income band lies within an income limit found in the text
};

// What we could not check. Answering the *NotAnswered ones would sharpen the result; the *MayNotFit
// ones are cautions (a condition found in the text seems not to fit: "확인이 필요해요").
enum class MatchUnknown : uint8_t {
  kSigunguNotAnswered,  // a 시군 program: only for residents of Program::region_name
  kAgeNotAnswered,
  kChildrenNotAnswered,
  kPregnancyNotAnswered,
  kHouseholdNotAnswered,
  kDisabilityNotAnswered,
  kIncomeNotAnswered,
  kVeteranNotAnswered,
  kMultiCulturalNotAnswered,
  kRegionUnclear,           // a 시군 program whose 시군 code is missing from the data
  kAgeLimitMayNotFit,       // nobody in the household fits the age limits found in the text
  kIncomeLimitMayNotFit,    // their income band lies outside every income limit found in the text
  kTargetGroupMayNotFit,    // none of the program's target groups fits their answers
  kCheckSelectionCriteria,  // always last: "선정기준을 확인하세요"
};

struct ProgramMatch {
  size_t program = 0;                  // index into the programs given to MatchPrograms
  int score = 0;                       // higher is a better fit; only its order means anything
  std::vector<MatchReason> reasons;    // in enum order
  std::vector<MatchUnknown> unknowns;  // in enum order, ending with kCheckSelectionCriteria
  TargetSet matched_targets = 0;       // target groups of the program that fit the answers
};

// Matches programs against the answers, best first: by MatchFit (a program naming something
// answered about the household before one that merely does not exclude it, cautions last), then by
// score (its own 시군 before the 도 before national; stated facts before text), ties in the
// programs' order. A program is left out only when a stated fact rules it out:
//   - a 시군 program (ProgramLevel::kCity) whose 시군 differs from the answered one; 도 and
//     central programs match everywhere in the 도;
//   - stated life stages none of which fits the household, when everything needed to know that
//     is answered (own age; children's ages for the child stages; pregnancy and children for
//     임신·출산). Stages come from the citizen's own age, each child's age, a pregnancy, and a
//     child aged 0 (출산).
// The citizen's age is taken as current_year - birth_year or one less (birthday not yet
// reached): either fits. Everything else (target groups, text conditions) only orders the result
// and fills reasons and unknowns.
// REQUIRES: `tags` is DeriveAllProgramTags(programs). The overload without it derives them on
// every call (fine for tests and one-off use; the app should keep the tags).
std::vector<ProgramMatch> MatchPrograms(const std::vector<Program>& programs,
                                        const std::vector<ProgramTags>& tags,
                                        const SelfCheckAnswers& answers, int current_year);
std::vector<ProgramMatch> MatchPrograms(const std::vector<Program>& programs,
                                        const SelfCheckAnswers& answers, int current_year);

// The 시군 a KOSTAT 5-digit 시군구 code belongs to: a 구 of a 시 (last digit non-zero, as in
// 35011 전주시 완산구) maps to its 시 (35010); a 시 or 군 maps to itself. 0 stays 0.
uint32_t CityCodeOf(uint32_t sigungu_code);

// -------------------------------------------------------------------------------------------------
// Self-check results: how well each match fits, groups with counts, and the question to answer
// next.
//
// clang-format off
//   std::vector<bokji::ProgramMatch> matches = bokji::MatchPrograms(programs, tags, answers, 2026);
//   for (const bokji::MatchGroup& g : bokji::GroupMatches(programs, matches, bokji::MatchGrouping::kByFit))
//     ShowHeading(g.fit, g.matches.size());           // strongest group first, with its count
//   if (auto next = bokji::SuggestNextQuestion(programs, tags, answers, 2026, matches))
//     Say(next->question, next->fewer);               // "answering this leaves N fewer on average"
// clang-format on
// -------------------------------------------------------------------------------------------------

// The self-check's questions, in the order the app asks them.
enum class SelfCheckQuestion : uint8_t {
  kAge,
  kCity,
  kHousehold,
  kDisability,
  kPregnant,
  kChildren,
  kIncome,
  kVeteran,
  kMulticultural,
};
inline constexpr int kSelfCheckQuestionCount = 9;

bool IsAnswered(const SelfCheckAnswers& answers, SelfCheckQuestion question);
int AnsweredCount(const SelfCheckAnswers& answers);
// Makes the question unanswered again (what "skip" does).
void ClearAnswer(SelfCheckQuestion question, SelfCheckAnswers* answers);
// The question whose answer would settle `unknown`; nullopt for the cautions and
// kRegionUnclear / kCheckSelectionCriteria, which no answer settles.
std::optional<SelfCheckQuestion> QuestionOf(MatchUnknown unknown);

// How well a match fits what was answered, strongest first.
enum class MatchFit : uint8_t {
  // The program names something answered about the household that fits: a stated life stage, a
  // target group, or an age or income limit in its text; and no condition seems not to fit.
  kNamesYou = 0,
  // Nothing answered rules it out and it names nothing answered: open to many, or its conditions
  // wait on questions not answered.
  kOpen = 1,
  // A condition found in its text seems not to fit (a *MayNotFit caution): kept, but last.
  kMayNotFit = 2,
};
inline constexpr int kMatchFitCount = 3;
MatchFit FitOf(const ProgramMatch& match);

enum class MatchGrouping : uint8_t { kByFit, kByTheme, kByLevel };

struct MatchGroup {
  MatchFit fit = MatchFit::kOpen;               // kByFit: the group's fit; else its best member's
  std::string theme;                            // kByTheme: the 관심주제; empty = none stated
  ProgramLevel level = ProgramLevel::kCentral;  // kByLevel
  std::vector<size_t> matches;                  // indexes into the matches, best first
};

// The matches in groups, every match in exactly one: by fit (kNamesYou, kOpen, kMayNotFit), by its
// first 관심주제, or by level (시군 …). Groups are ordered strongest first (the rank of their best
// member, as MatchPrograms orders matches), empty groups left out. REQUIRES: `matches` came from
// MatchPrograms over `programs`, in its order.
std::vector<MatchGroup> GroupMatches(const std::vector<Program>& programs,
                                     const std::vector<ProgramMatch>& matches,
                                     MatchGrouping grouping);

struct QuestionSuggestion {
  SelfCheckQuestion question = SelfCheckQuestion::kAge;
  // How many fewer matches an answer leaves, on average over the question's representative
  // answers (SuggestNextQuestion); 0 when no answer of it can take a program off the list.
  double fewer = 0;
  int programs = 0;  // matches whose fit waits on this question's answer (*NotAnswered unknowns)
};
// The unanswered question that would narrow the list most. Only stated facts exclude a program
// (MatchPrograms), so only four questions can: age, 시군, pregnancy and children. Each is tried
// with a few representative answers (an age in each life stage; every 시군 of the programs; yes
// and no; no children, or one newborn, or one child of each child stage), taken as equally
// likely: the question leaving the fewest matches on average wins. When no answer of any question
// would leave fewer, the one the most matches wait on is suggested instead (its answer ranks
// them: confirms or doubts their fit). Ties go to the earlier question; nullopt when no match
// waits on an unanswered question. REQUIRES: `matches` is MatchPrograms(programs, tags, answers,
// current_year). Costs up to ~30 MatchPrograms runs.
std::optional<QuestionSuggestion> SuggestNextQuestion(const std::vector<Program>& programs,
                                                      const std::vector<ProgramTags>& tags,
                                                      const SelfCheckAnswers& answers,
                                                      int current_year,
                                                      const std::vector<ProgramMatch>& matches);
// The representative answers SuggestNextQuestion tries for `question` (empty for the questions
// whose answers never exclude), each as `answers` with that question answered.
std::vector<SelfCheckAnswers> RepresentativeAnswers(SelfCheckQuestion question,
                                                    const SelfCheckAnswers& answers,
                                                    const std::vector<Program>& programs,
                                                    int current_year);

}  // namespace bokji
