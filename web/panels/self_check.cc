// The self-check ("맞춤 찾기") in the programs view: nine skippable questions in big buttons, then
// the matched programs (core/programs.h MatchPrograms) in groups, strongest first with their
// counts (by fit, by 관심주제 or by level), each match with its reasons and what to check, and the
// unanswered question that would settle the most of them. Answers live in AppState only: never
// stored, sent or put in the URL; "내 답변 지우기" wipes them.
//
// Index
//   - The panel
//   - Questions
//   - Results
#include <algorithm>
#include <cstdio>
#include <string>

#include "web/model/format.h"
#include "web/panels/panels.h"
#include "web/ui.h"

namespace bokji::web {
namespace {

// Rows a results group shows before "더 보기", and how many more each press adds.
constexpr int kMatchesShown = 10;
constexpr int kMatchesMore = 30;

class SelfCheckPanel final : public Panel {
 public:
  const char* name() const override { return "self_check"; }

  // -----------------------------------------------------------------------------------------------
  // The panel
  // -----------------------------------------------------------------------------------------------

  void Draw(PanelContext& ctx) override {
    const AppState& state = ctx.state;
    const ProgramsPage page = state.programs.page;
    if (state.view != View::kPrograms || page == ProgramsPage::kList || CardAs<ProgramCard>(state))
      return;
    BeginProgramsView(ctx);
    ctx.mirror.Begin(MirrorRole::kRegion, Text(StringId::kSelfCheckButton), "self_check_view");
    if (page == ProgramsPage::kQuestions)
      DrawQuestions(ctx);
    else
      DrawResults(ctx);
    ctx.mirror.End();
    EndProgramsView();
  }

  void Debug(PanelContext& ctx, nlohmann::json& out) const override {
    const SelfCheckState& check = ctx.state.programs.self_check;
    const bool results =
        ctx.state.view == View::kPrograms && ctx.state.programs.page == ProgramsPage::kResults;
    nlohmann::json& view = out["programs_view"];
    view["question"] = static_cast<int>(check.question);
    view["answers"] = AnsweredCount(check.answers);
    nlohmann::json matched = nlohmann::json::array();
    nlohmann::json groups = nlohmann::json::array();
    nlohmann::json next = nullptr;
    if (results) {
      const std::vector<ProgramMatch>& matches =
          ctx.derived.Matches(ctx.catalog, check.answers, ctx.now.year);
      for (const ProgramMatch& m : matches) matched.push_back(m.program);
      for (const MatchGroup& g : ctx.derived.MatchGroups(ctx.catalog, check, ctx.now.year))
        groups.push_back({{"fit", static_cast<int>(g.fit)},
                          {"theme", g.theme},
                          {"level", static_cast<int>(g.level)},
                          {"count", g.matches.size()}});
      if (const auto& suggestion =
              ctx.derived.NextQuestion(ctx.catalog, check.answers, ctx.now.year))
        next = {{"question", static_cast<int>(suggestion->question)},
                {"fewer", suggestion->fewer},
                {"programs", suggestion->programs}};
    }
    view["matches"] = matched.size();
    view["matched"] = std::move(matched);
    view["groups"] = std::move(groups);
    view["next_question"] = std::move(next);
  }

 private:
  // -----------------------------------------------------------------------------------------------
  // Questions
  // -----------------------------------------------------------------------------------------------

  void DrawQuestions(PanelContext& ctx) {
    SelfCheckState& check = ctx.state.programs.self_check;
    SelfCheckAnswers& answers = check.answers;
    const int step = static_cast<int>(check.question);
    if (BigButton(ctx,
                  Text(step == 0 && !check.age_decade ? StringId::kProgramsBackToList
                                                      : StringId::kSelfCheckBack),
                  "self_back")) {
      if (check.question == SelfCheckQuestion::kAge && check.age_decade)
        check.age_decade.reset();
      else if (step == 0)
        ctx.state.programs.page = ProgramsPage::kList;
      else
        check.question = static_cast<SelfCheckQuestion>(step - 1);
      return;
    }
    // "1/7단계" beside the way back when it fits, else under it.
    const std::string progress =
        Format(Text(StringId::kSelfCheckStepFormat), step + 1, kSelfCheckQuestionCount);
    SameLineIfFits(ImGui::CalcTextSize(progress.c_str()).x);
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", progress.c_str());
    ctx.mirror.Text(progress);

    ImGui::BeginChild("##questions", ImVec2(0, 0));
    DragScroll(ctx.theme, &scrolling_);
    ImGui::PushTextWrapPos(0);
    if (step == 0) {
      ImGui::TextDisabled("%s", Text(StringId::kSelfCheckIntro));
      ctx.mirror.Text(Text(StringId::kSelfCheckIntro));
    }
    bool answered = false;  // a choice that ends the question
    const float full = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    // Buttons in `columns` equal columns; `index` is the button's place in the grid.
    auto grid = [&](const char* label, const std::string& name, bool chosen, int index,
                    int columns) {
      if (index % columns != 0) ImGui::SameLine();
      return BigButton(ctx, label, name, chosen, (full - spacing * (columns - 1)) / columns);
    };
    // A question: its text, and in the mirror a radio group (one answer) or a group of toggles
    // (several), closed after the switch below.
    bool group_open = false;
    auto question = [&](StringId text, bool several = false) {
      ImGui::PushFont(ctx.font.large());
      ImGui::TextUnformatted(Text(text));
      ImGui::PopFont();
      ctx.mirror.Heading(2, Text(text));
      ctx.mirror.Begin(several ? MirrorRole::kToggleGroup : MirrorRole::kRadioGroup, Text(text));
      group_open = true;
    };
    auto yes_no = [&](StringId text, std::optional<bool>* answer) {
      question(text);
      if (grid(Text(StringId::kSelfCheckYes), "yes", answer->value_or(false), 0, 2)) {
        *answer = true;
        answered = true;
      }
      if (grid(Text(StringId::kSelfCheckNo), "no", answer->has_value() && !**answer, 1, 2)) {
        *answer = false;
        answered = true;
      }
    };
    // Toggles a bit of an optional set, answering the question with the new set.
    auto toggle = [](std::optional<uint32_t>* set, uint32_t bit) { *set = set->value_or(0) ^ bit; };
    bool show_next = false;
    const int year = ctx.now.year;

    switch (check.question) {
      case SelfCheckQuestion::kAge: {
        const int age = answers.birth_year ? year - *answers.birth_year : -1;
        if (!check.age_decade) {
          question(StringId::kQuestionAge);
          for (int decade = 0; decade <= 90; decade += 10) {
            const std::string label =
                decade == 90 ? Format(Text(StringId::kAgeAtLeastFormat), decade)
                             : Format(Text(StringId::kAgeBandFormat), decade, decade + 9);
            if (grid(label.c_str(), "decade:" + std::to_string(decade),
                     age >= decade && (decade == 90 || age < decade + 10), decade / 10, 2)) {
              if (decade == 90) {
                answers.birth_year = year - decade;
                answered = true;
              } else {
                check.age_decade = decade;
              }
            }
          }
        } else {
          question(StringId::kQuestionAgeExact);
          for (int i = 0; i < 10; ++i) {
            const int years = *check.age_decade + i;
            if (grid(Format(Text(StringId::kAgeFormat), years).c_str(),
                     "age:" + std::to_string(years), age == years, i, 5)) {
              answers.birth_year = year - years;
              check.age_decade.reset();
              answered = true;
            }
          }
        }
        break;
      }
      case SelfCheckQuestion::kCity: {
        question(StringId::kQuestionCity);
        const std::vector<City>& cities = ctx.catalog.cities;
        for (size_t i = 0; i < cities.size(); ++i) {
          if (grid(cities[i].name.c_str(), "city:" + std::to_string(cities[i].code),
                   answers.sigungu_code == cities[i].code, static_cast<int>(i), 2)) {
            answers.sigungu_code = cities[i].code;
            answered = true;
          }
        }
        break;
      }
      case SelfCheckQuestion::kHousehold: {
        question(StringId::kQuestionHousehold, /*several=*/true);
        const struct {
          StringId label;
          HouseholdKind kind;
        } kinds[] = {{StringId::kHouseholdSingle, kHouseholdSinglePerson},
                     {StringId::kHouseholdSingleParent, kHouseholdSingleParent},
                     {StringId::kHouseholdManyChildren, kHouseholdManyChildren}};
        for (const auto& k : kinds)
          if (BigButton(ctx, Text(k.label), "household:" + std::to_string(k.kind),
                        (answers.household.value_or(0) & k.kind) != 0, full))
            toggle(&answers.household, k.kind);
        if (BigButton(ctx, Text(StringId::kHouseholdNone), "household:0",
                      answers.household == HouseholdSet{0}, full)) {
          answers.household = 0;
          answered = true;
        }
        show_next = answers.household.has_value();
        break;
      }
      case SelfCheckQuestion::kDisability:
        yes_no(StringId::kQuestionDisability, &answers.disability);
        break;
      case SelfCheckQuestion::kPregnant:
        yes_no(StringId::kQuestionPregnant, &answers.pregnant);
        break;
      case SelfCheckQuestion::kChildren: {
        question(StringId::kQuestionChildren, /*several=*/true);
        if (BigButton(ctx, Text(StringId::kChildrenNone), "children:none",
                      answers.children_ages && answers.children_ages->empty(), full)) {
          answers.children_ages = std::vector<int>{};
          answered = true;
        }
        for (int years = 0; years <= 18; ++years) {
          std::vector<int> ages = answers.children_ages.value_or(std::vector<int>{});
          const auto found = std::find(ages.begin(), ages.end(), years);
          if (grid(Format(Text(StringId::kAgeFormat), years).c_str(),
                   "child:" + std::to_string(years), found != ages.end(), years, 5)) {
            if (found != ages.end())
              ages.erase(found);
            else
              ages.push_back(years);
            answers.children_ages = ages;
          }
        }
        show_next = answers.children_ages.has_value();
        break;
      }
      case SelfCheckQuestion::kIncome: {
        question(StringId::kQuestionIncome);
        ImGui::TextDisabled("%s", Text(StringId::kIncomeHelp));
        ctx.mirror.Text(Text(StringId::kIncomeHelp));
        const struct {
          StringId label;
          IncomeRange range;
        } bands[] = {{StringId::kIncomeUpTo50, {0, 50}},
                     {StringId::kIncome51To100, {51, 100}},
                     {StringId::kIncome101To150, {101, 150}},
                     {StringId::kIncomeAbove150, {151, kNoMaxIncomePercent}}};
        for (const auto& band : bands)
          if (BigButton(ctx, Text(band.label), "income:" + std::to_string(band.range.max_percent),
                        answers.income == band.range, full)) {
            answers.income = band.range;
            answered = true;
          }
        break;
      }
      case SelfCheckQuestion::kVeteran:
        yes_no(StringId::kQuestionVeteran, &answers.veteran);
        break;
      case SelfCheckQuestion::kMulticultural:
        yes_no(StringId::kQuestionMulticultural, &answers.multicultural);
        break;
    }

    if (group_open) ctx.mirror.End();
    ImGui::Spacing();
    ImGui::Separator();
    const float half = (full - spacing) / 2;
    if (show_next && BigButton(ctx, Text(StringId::kSelfCheckNext), "next", false, full))
      answered = true;
    if (!answered && BigButton(ctx, Text(StringId::kSelfCheckSkip), "skip", false, half)) {
      // Skipping leaves the question unanswered, whatever was chosen before.
      ClearAnswer(check.question, &answers);
      if (check.question == SelfCheckQuestion::kAge) check.age_decade.reset();
      answered = true;
    }
    ImGui::SameLine();
    const bool results = Mirrored(
        ctx, AccentButton(ctx.theme, Text(StringId::kSelfCheckShowResults), ImVec2(half, 0)),
        "show_results", Text(StringId::kSelfCheckShowResults));
    ctx.rects.Note("show_results", DebugRects::kPrograms);
    ImGui::PopTextWrapPos();
    ImGui::EndChild();

    if (answered && !check.age_decade) {
      if (step + 1 == kSelfCheckQuestionCount) {
        ShowResults(ctx);
      } else {
        check.question = static_cast<SelfCheckQuestion>(step + 1);
      }
    }
    if (results) ShowResults(ctx);
  }

  static void ShowResults(PanelContext& ctx) {
    SelfCheckState& check = ctx.state.programs.self_check;
    check.question = SelfCheckQuestion::kAge;
    check.more = {};
    ctx.state.programs.page = ProgramsPage::kResults;
  }

  // -----------------------------------------------------------------------------------------------
  // Results
  // -----------------------------------------------------------------------------------------------

  void DrawResults(PanelContext& ctx) {
    SelfCheckState& check = ctx.state.programs.self_check;
    if (BigButton(ctx, Text(StringId::kProgramsBackToList), "programs_back")) {
      ctx.state.programs.page = ProgramsPage::kList;
      return;
    }
    // The title beside the way back when it fits, else under it (wrapped: large text).
    ImGui::PushFont(ctx.font.large());
    SameLineIfFits(ImGui::CalcTextSize(Text(StringId::kSelfCheckResultsTitle)).x);
    ImGui::AlignTextToFramePadding();
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(Text(StringId::kSelfCheckResultsTitle));
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    Mirror& mirror = ctx.mirror;
    mirror.Heading(1, Text(StringId::kSelfCheckResultsTitle));
    const std::vector<ProgramMatch>& matches =
        ctx.derived.Matches(ctx.catalog, check.answers, ctx.now.year);
    ImGui::PushTextWrapPos(0);
    const std::string count =
        Format(Text(StringId::kSelfCheckMatchCountFormat), static_cast<int>(matches.size()),
               AnsweredCount(check.answers));
    ImGui::TextUnformatted(count.c_str());
    mirror.Text(count);
    mirror.Announce(count);
    // The caution stands out: a match is never a promise.
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ctx.theme.caution));
    ImGui::TextUnformatted(Text(StringId::kSelfCheckCheckCriteria));
    ImGui::PopStyleColor();
    mirror.Text(Text(StringId::kSelfCheckCheckCriteria));
    // What to answer next to narrow the list most.
    if (const auto& next = ctx.derived.NextQuestion(ctx.catalog, check.answers, ctx.now.year)) {
      char sentence[256];
      const int fewer = static_cast<int>(next->fewer + 0.5);
      if (fewer >= 1)
        std::snprintf(sentence, sizeof(sentence), Text(StringId::kNextQuestionNarrowsFormat),
                      QuestionLabel(next->question), fewer);
      else
        std::snprintf(sentence, sizeof(sentence), Text(StringId::kNextQuestionFormat),
                      QuestionLabel(next->question), next->programs);
      ImGui::TextUnformatted(sentence);
      mirror.Text(sentence);
      if (BigButton(ctx, Text(StringId::kAnswerNextQuestion), "next_question")) {
        check.question = next->question;
        ctx.state.programs.page = ProgramsPage::kQuestions;
      }
    }
    ImGui::PopTextWrapPos();
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    if (BigButton(ctx, Text(StringId::kSelfCheckClear), "clear_answers", false, half)) {
      ctx.state.programs.self_check = SelfCheckState{};
      ctx.state.programs.page = ProgramsPage::kQuestions;
      return;
    }
    ImGui::SameLine();
    if (BigButton(ctx, Text(StringId::kSelfCheckEdit), "edit_answers", false, half)) {
      check.question = SelfCheckQuestion::kAge;
      ctx.state.programs.page = ProgramsPage::kQuestions;
      return;
    }
    // How to group: fit, 관심주제, level.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(Text(StringId::kGroupBy));
    static constexpr StringId kGroupings[] = {StringId::kGroupByFit, StringId::kGroupByTheme,
                                              StringId::kGroupByLevel};
    static constexpr const char* kGroupingNames[] = {"group:fit", "group:theme", "group:level"};
    mirror.Begin(MirrorRole::kRadioGroup, Text(StringId::kGroupBy));
    for (int g = 0; g < 3; ++g) {
      SameLineIfFits(CheckWidth(Text(kGroupings[g])));
      const bool chosen = static_cast<int>(check.grouping) == g;
      if (MirroredRadio(ctx, ImGui::RadioButton(FitCheckLabel(Text(kGroupings[g])).c_str(), chosen),
                        kGroupingNames[g], Text(kGroupings[g]), chosen)) {
        check.grouping = static_cast<MatchGrouping>(g);
        check.more = {};
      }
      ctx.rects.Note(kGroupingNames[g], DebugRects::kPrograms);
    }
    mirror.End();

    ImGui::BeginChild("##matches", ImVec2(0, 0), ImGuiChildFlags_Border);
    const bool dragging = DragScroll(ctx.theme, &scrolling_);
    ImGui::PushTextWrapPos(0);
    int picked = -1;
    const std::vector<MatchGroup>& groups =
        ctx.derived.MatchGroups(ctx.catalog, check, ctx.now.year);
    for (size_t g = 0; g < groups.size(); ++g) {
      const MatchGroup& group = groups[g];
      const std::string heading = GroupHeading(check.grouping, group);
      ImGui::PushID(static_cast<int>(g));
      Heading(heading.c_str());
      mirror.Heading(2, heading);
      mirror.Begin(MirrorRole::kList, heading);
      const int extra = g < check.more.size() ? check.more[g] : 0;
      const size_t shown =
          std::min(group.matches.size(), static_cast<size_t>(kMatchesShown + extra));
      for (size_t k = 0; k < shown; ++k) {
        const ProgramMatch& m = matches[group.matches[k]];
        if (MatchRow(ctx, m) && !dragging) picked = static_cast<int>(m.program);
      }
      if (shown < group.matches.size()) {
        const std::string more =
            Format(Text(StringId::kMoreFormat), static_cast<int>(group.matches.size() - shown));
        if (BigButton(ctx, more.c_str(), "more:" + std::to_string(g), false,
                      ImGui::GetContentRegionAvail().x)) {
          if (check.more.size() <= g) check.more.resize(g + 1, 0);
          check.more[g] += kMatchesMore;
        }
      }
      mirror.End();
      ImGui::PopID();
    }
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    if (picked >= 0) ctx.state.card = ProgramCard{static_cast<uint32_t>(picked)};
  }

  static std::string GroupHeading(MatchGrouping grouping, const MatchGroup& group) {
    const char* label = "";
    switch (grouping) {
      case MatchGrouping::kByFit:
        label = MatchFitText(group.fit);
        break;
      case MatchGrouping::kByTheme:
        label = group.theme.empty() ? Text(StringId::kThemeNone) : group.theme.c_str();
        break;
      case MatchGrouping::kByLevel:
        label = ProgramLevelLabel(group.level);
        break;
    }
    char heading[256];
    std::snprintf(heading, sizeof(heading), Text(StringId::kGroupHeadingFormat), label,
                  static_cast<int>(group.matches.size()));
    return heading;
  }

  // One match: name, level and area, its reasons and what to check; true when its card is asked
  // for.
  static bool MatchRow(PanelContext& ctx, const ProgramMatch& m) {
    const Program& p = ctx.catalog.data.programs[m.program];
    ImGui::PushID(static_cast<int>(m.program));
    Mirror& mirror = ctx.mirror;
    mirror.Begin(MirrorRole::kListItem, {});
    mirror.Heading(3, p.name);
    mirror.Text(ProgramPlaceText(p));
    ImGui::TextUnformatted(p.name.c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ctx.theme.accent));
    ImGui::TextUnformatted(ProgramPlaceText(p).c_str());
    ImGui::PopStyleColor();
    for (MatchReason reason : m.reasons) {
      if (reason == MatchReason::kTargetGroup) {
        ImGui::Text(MatchReasonText(reason), TargetListText(m.matched_targets).c_str());
        mirror.Text(FormatText(MatchReasonText(reason), TargetListText(m.matched_targets).c_str()));
      } else {
        ImGui::TextUnformatted(MatchReasonText(reason));
        mirror.Text(MatchReasonText(reason));
      }
    }
    ImGui::PushFont(ctx.font.small());
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ctx.theme.text_muted));
    for (MatchUnknown unknown : m.unknowns) {
      ImGui::TextUnformatted(MatchUnknownText(unknown));
      mirror.Text(MatchUnknownText(unknown));
    }
    ImGui::PopStyleColor();
    ImGui::PopFont();
    const std::string id = "match:" + std::to_string(m.program);
    const bool open = Mirrored(ctx, ImGui::Button(Text(StringId::kMatchOpenCard)), id,
                               std::string(Text(StringId::kMatchOpenCard)) + ": " + p.name);
    ctx.rects.Note(id, DebugRects::kPrograms);
    mirror.End();
    ImGui::Separator();
    ImGui::PopID();
    return open;
  }

  bool scrolling_ = false;  // the pointer is dragging a list, not pressing a row
};

}  // namespace

BOKJI_PANEL_MAKER(SelfCheckPanel)

}  // namespace bokji::web
