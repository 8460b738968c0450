// The welfare programs view ("복지서비스"): browse the bundle's programs by life stage, topic,
// target group and area, search their names, open a program's full card, and the self-check
// ("맞춤 찾기"): a few skippable questions, then core/programs.h's MatchPrograms with the reasons
// and cautions of every match in words.
//
// It owns its state; the App opens it and draws it instead of its header panel while it is open.
// Answers live in memory only: nothing is stored, sent or written into the URL.
//
//   ProgramsPanel programs(data, theme, font, program_search);
//   programs.Open();                      // header button
//   programs.OpenForCity(35060);          // facility card: the programs of 김제시
//   ... each frame: if (programs.is_open()) programs.Draw(width, height, narrow);
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/model.h"
#include "core/programs.h"
#include "core/text_search.h"
#include "imgui.h"
#include "web/font.h"
#include "web/theme.h"

namespace bokji::web {

class ProgramsPanel {
 public:
  // `search` indexes data.programs' names in order (the App's program search). All four must
  // outlive the panel.
  ProgramsPanel(const Dataset& data, const Theme& theme, const AppFont& font,
                const TextSearch& search);

  bool is_open() const { return open_; }
  // Opens the list with no filter.
  void Open();
  // Opens the list showing one 시군's programs (with the 도 and national ones). `sigungu_code` may
  // be a 구's code (전주시 완산구 → 전주시).
  void OpenForCity(uint32_t sigungu_code);
  void Close();

  // Draws the view over the left of the screen (all of it when `narrow`).
  void Draw(float screen_width, float screen_height, bool narrow);

  // The view's state for tests: page, filters, listed program ids, open program, answers,
  // matches, and the rectangles of its buttons this frame (by name).
  std::string DebugJson() const;
  // Every program's facts the filters use (level, 시군 code, region, life stages, targets,
  // themes), with its name and apply_url, as a JSON array by program id: tests compute the
  // expected lists from it.
  std::string CatalogJson() const;

 private:
  enum class Page { kList, kDetail, kQuestions, kResults };
  // The questions of the self-check, in order.
  enum class Question {
    kAge,
    kCity,
    kHousehold,
    kDisability,
    kPregnant,
    kChildren,
    kIncome,
    kVeteran,
    kMulticultural,
    kCount
  };
  // Region filter values besides a 시군 code.
  static constexpr int64_t kAnyRegion = -1;
  static constexpr int64_t kCommonOnly = 0;  // national, province-wide and private programs

  struct City {
    uint32_t code;  // the 시군's code (35010 for 전주시)
    std::string name;
  };

  void Prepare();  // the city list, themes and target groups present, tags (once)
  void SwapTextField(bool opening);
  void UpdateList();
  bool Listed(const Program& p, bool include_unstated_stage) const;

  void DrawListPage();
  void DrawFilters();
  void DrawProgramRows(const std::vector<uint32_t>& ids);
  void DrawDetailPage();
  void DrawField(const char* label, const std::string& value);
  void DrawQuestionsPage();
  void DrawResultsPage();
  void OpenProgram(uint32_t id);

  // Widgets that also record their rectangle under `name` for tests.
  bool BigButton(const char* label, const std::string& name, bool chosen = false, float width = 0);
  void Note(const std::string& name);
  // Lets a finger or mouse drag scroll the current child window; true while it does.
  bool DragScroll();

  int AnsweredCount() const;
  void ClearAnswers();
  void Rematch();
  const char* CityName(uint32_t code) const;

  const Dataset& data_;
  const Theme& theme_;
  const AppFont& font_;
  const TextSearch& search_;

  bool open_ = false;
  bool prepared_ = false;
  bool narrow_ = false;
  bool focus_pending_ = false;  // raise the window over any card when it opens
  Page page_ = Page::kList;
  Page detail_return_ = Page::kList;  // where the detail page's back button goes
  std::string saved_header_query_;    // the header search's text while this view owns the field

  // Browse filters and the list they give.
  LifeStageSet stage_ = 0;  // one bit, or 0 for any
  bool include_unstated_stage_ = false;
  std::string theme_filter_;  // empty for any
  TargetSet target_ = 0;      // one bit, or 0 for any
  int64_t region_ = kAnyRegion;
  std::string query_;
  std::string listed_query_;
  bool list_dirty_ = true;
  std::vector<uint32_t> listed_;
  int unstated_stage_count_ = 0;  // programs left out only because they state no life stage
  int open_program_ = -1;
  bool scrolling_ = false;  // the pointer is dragging a list, not pressing a row

  std::vector<City> cities_;
  std::vector<std::string> themes_;  // by how many programs name them
  TargetSet targets_present_ = 0;
  std::vector<ProgramTags> tags_;

  // Self-check.
  Question question_ = Question::kAge;
  std::optional<int> age_decade_;  // chosen on the age question before the exact age
  SelfCheckAnswers answers_;
  std::vector<ProgramMatch> matches_;
  size_t matches_shown_ = 0;
  int current_year_ = 0;

  std::vector<std::pair<std::string, ImVec4>> buttons_;  // this frame's, for tests
};

}  // namespace bokji::web
