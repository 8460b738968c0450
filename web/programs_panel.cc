// The welfare programs view: see programs_panel.h.
//
// Index
//   - Opening and closing
//   - The list and its filters
//   - A program's card
//   - Self-check questions
//   - Self-check results
//   - Widgets
//   - Debug state for tests
#include "web/programs_panel.h"

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <ctime>
#include <map>

#include "imgui_internal.h"  // RenderTextEllipsis
#include "web/app_parts.h"
#include "web/format.h"
#include "web/platform.h"
#include "web/strings.h"
#include "web/text_field_box.h"

namespace bokji::web {
namespace {

constexpr StringId kStageLabels[] = {
    StringId::kStagePregnancy, StringId::kStageInfant,     StringId::kStageChild,
    StringId::kStageTeen,      StringId::kStageYoungAdult, StringId::kStageMiddleAge,
    StringId::kStageSenior,
};

// Lists first the programs closest to home: 시군, then 도, national, private.
int LevelOrder(ProgramLevel level) {
  switch (level) {
    case ProgramLevel::kCity:
      return 0;
    case ProgramLevel::kProvince:
      return 1;
    case ProgramLevel::kCentral:
      return 2;
    case ProgramLevel::kPrivate:
      return 3;
  }
  return 4;
}

StringId ReasonText(MatchReason reason) {
  switch (reason) {
    case MatchReason::kInYourCity:
      return StringId::kReasonInYourCity;
    case MatchReason::kProvinceWide:
      return StringId::kReasonProvinceWide;
    case MatchReason::kNationwide:
      return StringId::kReasonNationwide;
    case MatchReason::kLifeStage:
      return StringId::kReasonLifeStage;
    case MatchReason::kTargetGroup:
      return StringId::kReasonTargetGroupFormat;
    case MatchReason::kAgeWithinTextLimit:
      return StringId::kReasonAge;
    case MatchReason::kIncomeWithinTextLimit:
      return StringId::kReasonIncome;
  }
  return StringId::kNotStated;
}

StringId UnknownText(MatchUnknown unknown) {
  switch (unknown) {
    case MatchUnknown::kSigunguNotAnswered:
      return StringId::kUnknownSigungu;
    case MatchUnknown::kAgeNotAnswered:
      return StringId::kUnknownAge;
    case MatchUnknown::kChildrenNotAnswered:
      return StringId::kUnknownChildren;
    case MatchUnknown::kPregnancyNotAnswered:
      return StringId::kUnknownPregnancy;
    case MatchUnknown::kHouseholdNotAnswered:
      return StringId::kUnknownHousehold;
    case MatchUnknown::kDisabilityNotAnswered:
      return StringId::kUnknownDisability;
    case MatchUnknown::kIncomeNotAnswered:
      return StringId::kUnknownIncome;
    case MatchUnknown::kVeteranNotAnswered:
      return StringId::kUnknownVeteran;
    case MatchUnknown::kMultiCulturalNotAnswered:
      return StringId::kUnknownMulticultural;
    case MatchUnknown::kRegionUnclear:
      return StringId::kUnknownRegionUnclear;
    case MatchUnknown::kAgeLimitMayNotFit:
      return StringId::kUnknownAgeMayNotFit;
    case MatchUnknown::kIncomeLimitMayNotFit:
      return StringId::kUnknownIncomeMayNotFit;
    case MatchUnknown::kTargetGroupMayNotFit:
      return StringId::kUnknownTargetMayNotFit;
    case MatchUnknown::kCheckSelectionCriteria:
      return StringId::kUnknownCheckCriteria;
  }
  return StringId::kNotStated;
}

// "노인, 장애인" for a set of target groups.
std::string TargetList(TargetSet targets) {
  std::string list;
  for (int bit = 0; bit < kTargetGroupCount; ++bit) {
    if ((targets & (1u << bit)) == 0) continue;
    if (!list.empty()) list += ", ";
    list += TargetLabel(1u << bit);
  }
  return list;
}

std::string StageList(LifeStageSet stages) {
  std::string list;
  for (size_t bit = 0; bit < std::size(kStageLabels); ++bit) {
    if ((stages & (1u << bit)) == 0) continue;
    if (!list.empty()) list += ", ";
    list += Text(kStageLabels[bit]);
  }
  return list;
}

void AppendJsonString(std::string* json, const std::string& text) {
  *json += '"';
  for (char c : text) {
    if (c == '"' || c == '\\') *json += '\\';
    if (static_cast<unsigned char>(c) >= 0x20) *json += c;
  }
  *json += '"';
}

std::string Format(const char* format, int a, int b = 0) {
  char buffer[256];
  std::snprintf(buffer, sizeof(buffer), format, a, b);
  return buffer;
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------
// Opening and closing
// ---------------------------------------------------------------------------------------------------------

ProgramsPanel::ProgramsPanel(const Dataset& data, const Theme& theme, const AppFont& font,
                             const TextSearch& search)
    : data_(data), theme_(theme), font_(font), search_(search) {}

void ProgramsPanel::Open() {
  if (!prepared_) Prepare();
  if (!open_) SwapTextField(/*opening=*/true);
  open_ = true;
  focus_pending_ = true;
  page_ = Page::kList;
  RequestFrames(2);
}

void ProgramsPanel::OpenForCity(uint32_t sigungu_code) {
  Open();
  stage_ = 0;
  theme_filter_.clear();
  target_ = 0;
  region_ = CityCodeOf(sigungu_code);
  list_dirty_ = true;
}

void ProgramsPanel::Close() {
  if (open_) SwapTextField(/*opening=*/false);
  open_ = false;
  BlurTextField();
  RequestFrames(2);
}

// The page has one text field: while this view is open it holds this view's query, and the
// header's query comes back when it closes.
void ProgramsPanel::SwapTextField(bool opening) {
  if (opening) {
    saved_header_query_ = CurrentTextField().value;
    SetTextFieldValue(query_.c_str());
  } else {
    SetTextFieldValue(saved_header_query_.c_str());
  }
}

void ProgramsPanel::Prepare() {
  prepared_ = true;
  // The 시군 of the bundle's 시군구 regions. A 구 (전주시 완산구, named "전주시완산구" in the
  // 2018 boundaries) stands for its 시: named as the 시's own programs name it, or by the name up
  // to its "시".
  for (const Region& region : data_.regions) {
    if (region.level != RegionLevel::kSigungu) continue;
    const uint32_t city = CityCodeOf(region.code);
    if (std::any_of(cities_.begin(), cities_.end(), [&](const City& c) { return c.code == city; }))
      continue;
    std::string name = region.name;
    if (city != region.code) {
      const size_t si = name.find("시");
      if (si != std::string::npos) name = name.substr(0, si + std::string("시").size());
      for (const Program& p : data_.programs)
        if (p.level == ProgramLevel::kCity && p.sigungu_code == city && !p.region_name.empty()) {
          name = p.region_name;
          break;
        }
    }
    cities_.push_back(City{city, name});
  }
  std::sort(cities_.begin(), cities_.end(),
            [](const City& a, const City& b) { return a.code < b.code; });

  std::map<std::string, int> theme_counts;
  for (const Program& p : data_.programs) {
    for (const std::string& t : p.themes) ++theme_counts[t];
    targets_present_ |= p.targets;
  }
  for (const auto& [name, count] : theme_counts) themes_.push_back(name);
  std::stable_sort(themes_.begin(), themes_.end(), [&](const std::string& a, const std::string& b) {
    return theme_counts[a] > theme_counts[b];
  });

  const std::time_t now = std::time(nullptr);
  const std::tm* utc = std::gmtime(&now);
  current_year_ = utc ? utc->tm_year + 1900 : 2026;
}

void ProgramsPanel::Draw(float screen_width, float screen_height, bool narrow) {
  narrow_ = narrow;
  buttons_.clear();
  const float margin = theme_.Scaled(10);
  if (narrow) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(screen_width, screen_height));
  } else {
    ImGui::SetNextWindowPos(ImVec2(margin, margin));
    ImGui::SetNextWindowSize(ImVec2(std::min(theme_.Scaled(540), screen_width - 2 * margin),
                                    screen_height - 2 * margin));
  }
  if (focus_pending_) {
    ImGui::SetNextWindowFocus();  // over any card on the map
    focus_pending_ = false;
  }
  // Opaque, so the map does not show through on a phone; large touch targets.
  ImGui::PushStyleColor(ImGuiCol_WindowBg,
                        ImGui::ColorConvertU32ToFloat4(theme_.panel_background | IM_COL32_A_MASK));
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(theme_.Scaled(14), theme_.Scaled(12)));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(theme_.Scaled(8), theme_.Scaled(10)));
  ImGui::Begin("##programs", nullptr, kPanelFlags | ImGuiWindowFlags_NoScrollbar);
  if (page_ != Page::kList) PlaceTextField(ImVec4(0, 0, 0, 0), "");  // the search box is not shown
  switch (page_) {
    case Page::kList:
      DrawListPage();
      break;
    case Page::kDetail:
      DrawDetailPage();
      break;
    case Page::kQuestions:
      DrawQuestionsPage();
      break;
    case Page::kResults:
      DrawResultsPage();
      break;
  }
  ImGui::End();
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor();
}

// ---------------------------------------------------------------------------------------------------------
// The list and its filters
// ---------------------------------------------------------------------------------------------------------

// The listing rule (tests restate it independently):
//   - life stage: the program states that stage; programs stating none only when asked for;
//   - topic: one of its 관심주제 is the chosen one; target group: it states that group;
//   - area: a 시군 shows its own programs and every program not tied to a 시군 (도, national,
//     private); "common only" hides all 시군 programs.
bool ProgramsPanel::Listed(const Program& p, bool include_unstated_stage) const {
  if (stage_ != 0) {
    if (p.life_stages == 0 ? !include_unstated_stage : (p.life_stages & stage_) == 0) return false;
  }
  if (!theme_filter_.empty() &&
      std::find(p.themes.begin(), p.themes.end(), theme_filter_) == p.themes.end())
    return false;
  if (target_ != 0 && (p.targets & target_) == 0) return false;
  if (region_ == kCommonOnly && p.level == ProgramLevel::kCity) return false;
  if (region_ > 0 && p.level == ProgramLevel::kCity &&
      CityCodeOf(p.sigungu_code) != static_cast<uint32_t>(region_))
    return false;
  return true;
}

void ProgramsPanel::UpdateList() {
  list_dirty_ = false;
  listed_query_ = query_;
  auto list = [&](bool include_unstated) {
    std::vector<uint32_t> ids;
    if (query_.empty()) {
      for (uint32_t id = 0; id < data_.programs.size(); ++id)
        if (Listed(data_.programs[id], include_unstated)) ids.push_back(id);
      std::stable_sort(ids.begin(), ids.end(), [&](uint32_t a, uint32_t b) {
        return LevelOrder(data_.programs[a].level) < LevelOrder(data_.programs[b].level);
      });
    } else {
      for (const TextSearch::Hit& hit : search_.Search(
               query_, data_.programs.size(),
               [&](uint32_t id) { return Listed(data_.programs[id], include_unstated); }))
        ids.push_back(hit.id);
    }
    return ids;
  };
  listed_ = list(include_unstated_stage_);
  unstated_stage_count_ = 0;
  if (stage_ != 0 && !include_unstated_stage_)
    unstated_stage_count_ = static_cast<int>(list(true).size() - listed_.size());
}

void ProgramsPanel::DrawListPage() {
  if (BigButton(Text(StringId::kProgramsBackToMap), "programs_close")) {
    Close();
    return;
  }
  ImGui::SameLine();
  ImGui::PushFont(font_.large());
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(Text(StringId::kProgramsTitle));
  ImGui::PopFont();

  if (AccentButton(theme_, Text(StringId::kSelfCheckButton),
                   ImVec2(ImGui::GetContentRegionAvail().x, 0)))
    page_ = matches_.empty() ? Page::kQuestions : Page::kResults;
  Note("self_check");

  DrawTextFieldBox(theme_, Text(StringId::kProgramsSearchHint), /*hidden=*/false);
  if (CurrentTextField().value != query_) {
    query_ = CurrentTextField().value;
    list_dirty_ = true;
  }
  std::string key;
  while (TakeTextFieldKey(&key))
    if (key == "Enter" || key == "Escape") BlurTextField();  // a phone's keyboard goes away

  DrawFilters();
  if (list_dirty_) UpdateList();

  ImGui::TextUnformatted(
      Format(Text(StringId::kProgramsCountFormat), static_cast<int>(listed_.size())).c_str());
  if (stage_ != 0 && (unstated_stage_count_ > 0 || include_unstated_stage_)) {
    ImGui::PushTextWrapPos(0);
    if (!include_unstated_stage_)
      ImGui::TextDisabled(Text(StringId::kProgramsUnstatedStageFormat), unstated_stage_count_);
    ImGui::PopTextWrapPos();
    if (ImGui::Checkbox(Text(StringId::kProgramsIncludeUnstated), &include_unstated_stage_))
      list_dirty_ = true;
    Note("include_unstated");
  }
  if (listed_.empty()) ImGui::TextDisabled("%s", Text(StringId::kProgramsNone));
  DrawProgramRows(listed_);
}

void ProgramsPanel::DrawFilters() {
  // One drop-down per filter: a label, then the choice as wide as the panel.
  const float label_width = theme_.Scaled(80);
  auto combo = [&](StringId label, const char* name, const char* preview, auto options) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(Text(label));
    ImGui::SameLine(label_width);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    buttons_.emplace_back(name, ImVec4(at.x, at.y, at.x + width, at.y + ImGui::GetFrameHeight()));
    ImGui::SetNextItemWidth(width);
    ImGui::PushID(name);
    if (ImGui::BeginCombo("##combo", preview, ImGuiComboFlags_HeightLarge)) {
      options();
      ImGui::EndCombo();
    }
    ImGui::PopID();
  };
  // A choice in an open drop-down; `value` names it for tests ("stage:16").
  auto option = [&](const char* text, const std::string& name, bool chosen) {
    const bool picked = ImGui::Selectable(text, chosen, 0, ImVec2(0, ImGui::GetFrameHeight()));
    Note(name);
    if (picked) list_dirty_ = true;
    return picked;
  };

  const char* any = Text(StringId::kProgramsAll);
  std::string stage_preview = stage_ == 0 ? any : StageList(stage_);
  combo(StringId::kProgramsLifeStage, "filter_stage", stage_preview.c_str(), [&] {
    if (option(any, "stage:0", stage_ == 0)) stage_ = 0;
    for (size_t bit = 0; bit < std::size(kStageLabels); ++bit)
      if (option(Text(kStageLabels[bit]), "stage:" + std::to_string(1u << bit),
                 stage_ == (1u << bit)))
        stage_ = 1u << bit;
  });
  combo(StringId::kProgramsTheme, "filter_theme",
        theme_filter_.empty() ? any : theme_filter_.c_str(), [&] {
          if (option(any, "theme:", theme_filter_.empty())) theme_filter_.clear();
          for (const std::string& t : themes_)
            if (option(t.c_str(), "theme:" + t, theme_filter_ == t)) theme_filter_ = t;
        });
  if (targets_present_ != 0) {
    std::string target_preview = target_ == 0 ? any : TargetList(target_);
    combo(StringId::kProgramsTarget, "filter_target", target_preview.c_str(), [&] {
      if (option(any, "target:0", target_ == 0)) target_ = 0;
      for (int bit = 0; bit < kTargetGroupCount; ++bit)
        if ((targets_present_ & (1u << bit)) != 0 &&
            option(TargetLabel(1u << bit), "target:" + std::to_string(1u << bit),
                   target_ == (1u << bit)))
          target_ = 1u << bit;
    });
  }
  const char* region_preview = region_ == kAnyRegion    ? any
                               : region_ == kCommonOnly ? Text(StringId::kProgramsRegionCommon)
                                                        : CityName(static_cast<uint32_t>(region_));
  combo(StringId::kProgramsRegion, "filter_region", region_preview, [&] {
    if (option(any, "region:-1", region_ == kAnyRegion)) region_ = kAnyRegion;
    if (option(Text(StringId::kProgramsRegionCommon), "region:0", region_ == kCommonOnly))
      region_ = kCommonOnly;
    for (const City& city : cities_)
      if (option(city.name.c_str(), "region:" + std::to_string(city.code), region_ == city.code))
        region_ = city.code;
  });
  if (stage_ != 0 || !theme_filter_.empty() || target_ != 0 || region_ != kAnyRegion) {
    if (BigButton(Text(StringId::kProgramsResetFilters), "reset_filters")) {
      stage_ = 0;
      theme_filter_.clear();
      target_ = 0;
      region_ = kAnyRegion;
      list_dirty_ = true;
    }
  }
}

// Two lines a program: its name, then its level, area and summary.
void ProgramsPanel::DrawProgramRows(const std::vector<uint32_t>& ids) {
  ImGui::BeginChild("##rows", ImVec2(0, 0), ImGuiChildFlags_Border);
  const bool dragging = DragScroll();
  const float pad = theme_.Scaled(6);
  const float small = theme_.Scaled(theme_.small_font_size);
  const float row_height = ImGui::GetFontSize() + small + 3 * pad;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(ids.size()), row_height + ImGui::GetStyle().ItemSpacing.y);
  int picked = -1;
  while (clipper.Step()) {
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      const uint32_t id = ids[row];
      const Program& p = data_.programs[id];
      ImGui::PushID(static_cast<int>(id));
      const ImVec2 at = ImGui::GetCursorScreenPos();
      if (ImGui::Selectable("##row", static_cast<int>(id) == open_program_, 0,
                            ImVec2(0, row_height)) &&
          !dragging)
        picked = static_cast<int>(id);
      Note("row:" + std::to_string(id));
      const float right = ImGui::GetItemRectMax().x - pad;
      ImDrawList* draw_list = ImGui::GetWindowDrawList();
      const ImVec2 name_at(at.x + pad, at.y + pad);
      ImGui::RenderTextEllipsis(draw_list, name_at, ImVec2(right, name_at.y + ImGui::GetFontSize()),
                                right, right, p.name.c_str(), nullptr, nullptr);
      // The level as a badge, then the area and the summary.
      const char* level = ProgramLevelLabel(p.level);
      ImGui::PushFont(font_.small());
      const ImVec2 badge_at(
          name_at.x, name_at.y + ImGui::GetTextLineHeight() * 0 + (row_height - small - 2 * pad));
      const float badge_width = ImGui::CalcTextSize(level).x + 2 * pad;
      draw_list->AddRectFilled(badge_at, ImVec2(badge_at.x + badge_width, badge_at.y + small + 2),
                               theme_.accent, theme_.Scaled(3));
      draw_list->AddText(ImVec2(badge_at.x + pad, badge_at.y + 1), theme_.accent_text, level);
      std::string detail = p.region_name;
      if (!p.summary.empty()) detail += (detail.empty() ? "" : " · ") + p.summary;
      const ImVec2 detail_at(badge_at.x + badge_width + pad, badge_at.y + 1);
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme_.text_muted));
      ImGui::RenderTextEllipsis(draw_list, detail_at, ImVec2(right, detail_at.y + small), right,
                                right, detail.c_str(), nullptr, nullptr);
      ImGui::PopStyleColor();
      ImGui::PopFont();
      ImGui::PopID();
    }
  }
  ImGui::EndChild();
  if (picked >= 0) {
    detail_return_ = page_;
    OpenProgram(static_cast<uint32_t>(picked));
  }
}

void ProgramsPanel::OpenProgram(uint32_t id) {
  open_program_ = static_cast<int>(id);
  page_ = Page::kDetail;
  BlurTextField();
}

const char* ProgramsPanel::CityName(uint32_t code) const {
  for (const City& city : cities_)
    if (city.code == code) return city.name.c_str();
  return Text(StringId::kNotStated);
}

// ---------------------------------------------------------------------------------------------------------
// A program's card
// ---------------------------------------------------------------------------------------------------------

void ProgramsPanel::DrawDetailPage() {
  if (BigButton(Text(StringId::kProgramsBackToList), "programs_back") || open_program_ < 0) {
    page_ = detail_return_;
    return;
  }
  const Program& p = data_.programs[open_program_];
  ImGui::BeginChild("##detail", ImVec2(0, 0));
  DragScroll();
  ImGui::PushTextWrapPos(0);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme_.accent));
  ImGui::Text("%s%s%s", ProgramLevelLabel(p.level), p.region_name.empty() ? "" : " · ",
              p.region_name.c_str());
  ImGui::PopStyleColor();
  ImGui::PushFont(font_.large());
  ImGui::TextUnformatted(p.name.c_str());
  ImGui::PopFont();

  // The way to apply first: on a phone it shows without scrolling.
  if (!p.apply_url.empty()) {
    if (AccentButton(theme_, Text(StringId::kProgramApply),
                     ImVec2(ImGui::GetContentRegionAvail().x, ImGui::GetFrameHeight() * 1.3f)))
      OpenUrl(p.apply_url.c_str(), /*new_tab=*/true);
    Note("apply");
  } else {
    ImGui::TextDisabled("%s", Text(StringId::kProgramNoApplyUrl));
  }
  ImGui::Separator();

  DrawField(Text(StringId::kProgramSummary), p.summary);
  DrawField(Text(StringId::kProgramBenefits), p.benefits);
  DrawField(Text(StringId::kProgramEligibility), p.eligibility);
  DrawField(Text(StringId::kProgramSelection), p.selection_criteria);
  DrawField(Text(StringId::kProgramHowToApply), p.how_to_apply);
  DrawField(Text(StringId::kProgramContact), p.contact);
  const std::string phone = PhoneInText(p.contact);
  if (!phone.empty()) {
    const std::string label = std::string(Text(StringId::kCardCall)) + "  " + phone;
    if (ImGui::Button(label.c_str(), ImVec2(ImGui::GetContentRegionAvail().x, 0)))
      OpenUrl(TelUrl(phone).c_str(), /*new_tab=*/false);
    Note("call");
  }
  DrawField(Text(StringId::kProgramOffice), p.provider);
  DrawField(Text(StringId::kProgramLevelAndRegion),
            std::string(ProgramLevelLabel(p.level)) +
                (p.region_name.empty() ? "" : " · " + p.region_name));
  if (!p.provision.empty()) DrawField(Text(StringId::kProgramProvision), p.provision);
  if (!p.cycle.empty()) DrawField(Text(StringId::kProgramCycle), p.cycle);
  std::string themes;
  for (const std::string& t : p.themes) themes += (themes.empty() ? "" : ", ") + t;
  DrawField(Text(StringId::kProgramsTheme), themes);
  DrawField(Text(StringId::kProgramsLifeStage), StageList(p.life_stages));

  // Where this came from and how old it is.
  ImGui::Separator();
  DrawSourceLines(data_, p.source, StringId::kProgramUpdatedFormat, p.updated);
  ImGui::PopTextWrapPos();
  ImGui::EndChild();
}

// A heading and its text; "자료에 없음" when the data has none (never a guess).
void ProgramsPanel::DrawField(const char* label, const std::string& value) {
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme_.text_muted));
  ImGui::TextUnformatted(label);
  ImGui::PopStyleColor();
  if (value.empty())
    ImGui::TextDisabled("%s", Text(StringId::kProgramNoData));
  else
    ImGui::TextUnformatted(value.c_str());
}

// ---------------------------------------------------------------------------------------------------------
// Self-check questions
// ---------------------------------------------------------------------------------------------------------

void ProgramsPanel::DrawQuestionsPage() {
  const int step = static_cast<int>(question_);
  if (BigButton(Text(step == 0 && !age_decade_ ? StringId::kProgramsBackToList
                                               : StringId::kSelfCheckBack),
                "self_back")) {
    if (question_ == Question::kAge && age_decade_)
      age_decade_.reset();
    else if (step == 0)
      page_ = Page::kList;
    else
      question_ = static_cast<Question>(step - 1);
    return;
  }
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled(Text(StringId::kSelfCheckStepFormat), step + 1,
                      static_cast<int>(Question::kCount));

  ImGui::BeginChild("##questions", ImVec2(0, 0));
  DragScroll();
  ImGui::PushTextWrapPos(0);
  if (step == 0) ImGui::TextDisabled("%s", Text(StringId::kSelfCheckIntro));
  bool answered = false;  // a choice that ends the question
  const float full = ImGui::GetContentRegionAvail().x;
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  // Buttons in `columns` equal columns; `index` is the button's place in the grid.
  auto grid = [&](const char* label, const std::string& name, bool chosen, int index, int columns) {
    if (index % columns != 0) ImGui::SameLine();
    return BigButton(label, name, chosen, (full - spacing * (columns - 1)) / columns);
  };
  auto question = [&](StringId text) {
    ImGui::PushFont(font_.large());
    ImGui::TextUnformatted(Text(text));
    ImGui::PopFont();
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

  switch (question_) {
    case Question::kAge: {
      const int age = answers_.birth_year ? current_year_ - *answers_.birth_year : -1;
      if (!age_decade_) {
        question(StringId::kQuestionAge);
        for (int decade = 0; decade <= 90; decade += 10) {
          const std::string label =
              decade == 90 ? Format(Text(StringId::kAgeAtLeastFormat), decade)
                           : Format(Text(StringId::kAgeBandFormat), decade, decade + 9);
          if (grid(label.c_str(), "decade:" + std::to_string(decade),
                   age >= decade && (decade == 90 || age < decade + 10), decade / 10, 2)) {
            if (decade == 90) {
              answers_.birth_year = current_year_ - decade;
              answered = true;
            } else {
              age_decade_ = decade;
            }
          }
        }
      } else {
        question(StringId::kQuestionAgeExact);
        for (int i = 0; i < 10; ++i) {
          const int years = *age_decade_ + i;
          if (grid(Format(Text(StringId::kAgeFormat), years).c_str(),
                   "age:" + std::to_string(years), age == years, i, 5)) {
            answers_.birth_year = current_year_ - years;
            age_decade_.reset();
            answered = true;
          }
        }
      }
      break;
    }
    case Question::kCity:
      question(StringId::kQuestionCity);
      for (size_t i = 0; i < cities_.size(); ++i) {
        const City& city = cities_[i];
        if (grid(city.name.c_str(), "city:" + std::to_string(city.code),
                 answers_.sigungu_code == city.code, static_cast<int>(i), 2)) {
          answers_.sigungu_code = city.code;
          answered = true;
        }
      }
      break;
    case Question::kHousehold: {
      question(StringId::kQuestionHousehold);
      const struct {
        StringId label;
        HouseholdKind kind;
      } kinds[] = {{StringId::kHouseholdSingle, kHouseholdSinglePerson},
                   {StringId::kHouseholdSingleParent, kHouseholdSingleParent},
                   {StringId::kHouseholdManyChildren, kHouseholdManyChildren}};
      for (const auto& k : kinds)
        if (BigButton(Text(k.label), "household:" + std::to_string(k.kind),
                      (answers_.household.value_or(0) & k.kind) != 0, full))
          toggle(&answers_.household, k.kind);
      if (BigButton(Text(StringId::kHouseholdNone), "household:0",
                    answers_.household == HouseholdSet{0}, full)) {
        answers_.household = 0;
        answered = true;
      }
      show_next = answers_.household.has_value();
      break;
    }
    case Question::kDisability:
      yes_no(StringId::kQuestionDisability, &answers_.disability);
      break;
    case Question::kPregnant:
      yes_no(StringId::kQuestionPregnant, &answers_.pregnant);
      break;
    case Question::kChildren: {
      question(StringId::kQuestionChildren);
      if (BigButton(Text(StringId::kChildrenNone), "children:none",
                    answers_.children_ages && answers_.children_ages->empty(), full)) {
        answers_.children_ages = std::vector<int>{};
        answered = true;
      }
      for (int years = 0; years <= 18; ++years) {
        std::vector<int> ages = answers_.children_ages.value_or(std::vector<int>{});
        const auto found = std::find(ages.begin(), ages.end(), years);
        if (grid(Format(Text(StringId::kAgeFormat), years).c_str(),
                 "child:" + std::to_string(years), found != ages.end(), years, 5)) {
          if (found != ages.end())
            ages.erase(found);
          else
            ages.push_back(years);
          answers_.children_ages = ages;
        }
      }
      show_next = answers_.children_ages.has_value();
      break;
    }
    case Question::kIncome: {
      question(StringId::kQuestionIncome);
      ImGui::TextDisabled("%s", Text(StringId::kIncomeHelp));
      const struct {
        StringId label;
        IncomeRange range;
      } bands[] = {{StringId::kIncomeUpTo50, {0, 50}},
                   {StringId::kIncome51To100, {51, 100}},
                   {StringId::kIncome101To150, {101, 150}},
                   {StringId::kIncomeAbove150, {151, kNoMaxIncomePercent}}};
      for (const auto& band : bands)
        if (BigButton(Text(band.label), "income:" + std::to_string(band.range.max_percent),
                      answers_.income == band.range, full)) {
          answers_.income = band.range;
          answered = true;
        }
      break;
    }
    case Question::kVeteran:
      yes_no(StringId::kQuestionVeteran, &answers_.veteran);
      break;
    case Question::kMulticultural:
      yes_no(StringId::kQuestionMulticultural, &answers_.multicultural);
      break;
    case Question::kCount:
      break;
  }

  ImGui::Spacing();
  ImGui::Separator();
  const float half = (full - spacing) / 2;
  if (show_next && BigButton(Text(StringId::kSelfCheckNext), "next", false, full)) answered = true;
  if (!answered && BigButton(Text(StringId::kSelfCheckSkip), "skip", false, half)) {
    // Skipping leaves the question unanswered, whatever was chosen before.
    switch (question_) {
      case Question::kAge:
        answers_.birth_year.reset();
        age_decade_.reset();
        break;
      case Question::kCity:
        answers_.sigungu_code.reset();
        break;
      case Question::kHousehold:
        answers_.household.reset();
        break;
      case Question::kDisability:
        answers_.disability.reset();
        break;
      case Question::kPregnant:
        answers_.pregnant.reset();
        break;
      case Question::kChildren:
        answers_.children_ages.reset();
        break;
      case Question::kIncome:
        answers_.income.reset();
        break;
      case Question::kVeteran:
        answers_.veteran.reset();
        break;
      case Question::kMulticultural:
        answers_.multicultural.reset();
        break;
      case Question::kCount:
        break;
    }
    answered = true;
  }
  ImGui::SameLine();
  const bool results = AccentButton(theme_, Text(StringId::kSelfCheckShowResults), ImVec2(half, 0));
  Note("show_results");
  ImGui::PopTextWrapPos();
  ImGui::EndChild();

  if (answered && !age_decade_) {
    question_ = static_cast<Question>(step + 1);
    if (question_ == Question::kCount) {
      question_ = Question::kAge;
      Rematch();
    }
  }
  if (results) Rematch();
}

// ---------------------------------------------------------------------------------------------------------
// Self-check results
// ---------------------------------------------------------------------------------------------------------

void ProgramsPanel::Rematch() {
  if (tags_.size() != data_.programs.size()) tags_ = DeriveAllProgramTags(data_.programs);
  matches_ = MatchPrograms(data_.programs, tags_, answers_, current_year_);
  matches_shown_ = 30;
  page_ = Page::kResults;
}

int ProgramsPanel::AnsweredCount() const {
  const SelfCheckAnswers& a = answers_;
  return a.birth_year.has_value() + a.sigungu_code.has_value() + a.household.has_value() +
         a.disability.has_value() + a.pregnant.has_value() + a.children_ages.has_value() +
         a.income.has_value() + a.veteran.has_value() + a.multicultural.has_value();
}

void ProgramsPanel::ClearAnswers() {
  answers_ = SelfCheckAnswers{};
  matches_.clear();
  age_decade_.reset();
  question_ = Question::kAge;
  page_ = Page::kQuestions;
}

void ProgramsPanel::DrawResultsPage() {
  if (BigButton(Text(StringId::kProgramsBackToList), "programs_back")) {
    page_ = Page::kList;
    return;
  }
  ImGui::SameLine();
  ImGui::PushFont(font_.large());
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(Text(StringId::kSelfCheckResultsTitle));
  ImGui::PopFont();
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(Format(Text(StringId::kSelfCheckMatchCountFormat),
                                static_cast<int>(matches_.size()), AnsweredCount())
                             .c_str());
  // The caution stands out: a match is never a promise.
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.70f, 0.18f, 0.05f, 1));
  ImGui::TextUnformatted(Text(StringId::kSelfCheckCheckCriteria));
  ImGui::PopStyleColor();
  ImGui::PopTextWrapPos();
  const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  if (BigButton(Text(StringId::kSelfCheckClear), "clear_answers", false, half)) {
    ClearAnswers();
    return;
  }
  ImGui::SameLine();
  if (BigButton(Text(StringId::kSelfCheckEdit), "edit_answers", false, half)) {
    question_ = Question::kAge;
    page_ = Page::kQuestions;
    return;
  }

  ImGui::BeginChild("##matches", ImVec2(0, 0), ImGuiChildFlags_Border);
  const bool dragging = DragScroll();
  ImGui::PushTextWrapPos(0);
  int picked = -1;
  for (size_t i = 0; i < matches_.size() && i < matches_shown_; ++i) {
    const ProgramMatch& m = matches_[i];
    const Program& p = data_.programs[m.program];
    ImGui::PushID(static_cast<int>(m.program));
    ImGui::TextUnformatted(p.name.c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme_.accent));
    ImGui::Text("%s%s%s", ProgramLevelLabel(p.level), p.region_name.empty() ? "" : " · ",
                p.region_name.c_str());
    ImGui::PopStyleColor();
    for (MatchReason reason : m.reasons) {
      if (reason == MatchReason::kTargetGroup)
        ImGui::Text(Text(StringId::kReasonTargetGroupFormat),
                    TargetList(m.matched_targets).c_str());
      else
        ImGui::TextUnformatted(Text(ReasonText(reason)));
    }
    ImGui::PushFont(font_.small());
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme_.text_muted));
    for (MatchUnknown unknown : m.unknowns) ImGui::TextUnformatted(Text(UnknownText(unknown)));
    ImGui::PopStyleColor();
    ImGui::PopFont();
    if (ImGui::Button(Text(StringId::kMatchOpenCard)) && !dragging)
      picked = static_cast<int>(m.program);
    Note("match:" + std::to_string(m.program));
    ImGui::Separator();
    ImGui::PopID();
  }
  if (matches_shown_ < matches_.size() &&
      BigButton(Text(StringId::kSelfCheckMore), "more", false, ImGui::GetContentRegionAvail().x))
    matches_shown_ += 30;
  ImGui::PopTextWrapPos();
  ImGui::EndChild();
  if (picked >= 0) {
    detail_return_ = Page::kResults;
    OpenProgram(static_cast<uint32_t>(picked));
  }
}

// ---------------------------------------------------------------------------------------------------------
// Widgets
// ---------------------------------------------------------------------------------------------------------

bool ProgramsPanel::BigButton(const char* label, const std::string& name, bool chosen,
                              float width) {
  bool pressed;
  if (chosen) {
    pressed = AccentButton(theme_, label, ImVec2(width, 0));
  } else {
    ImGui::PushID(name.c_str());
    pressed = ImGui::Button(label, ImVec2(width, 0));
    ImGui::PopID();
  }
  Note(name);
  return pressed;
}

void ProgramsPanel::Note(const std::string& name) {
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  buttons_.emplace_back(name, ImVec4(min.x, min.y, max.x, max.y));
}

bool ProgramsPanel::DragScroll() {
  if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) scrolling_ = false;
  if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
      ImGui::IsMouseDragging(ImGuiMouseButton_Left, theme_.Scaled(8))) {
    scrolling_ = true;
    ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetIO().MouseDelta.y);
  }
  return scrolling_;
}

// ---------------------------------------------------------------------------------------------------------
// Debug state for tests
// ---------------------------------------------------------------------------------------------------------

std::string ProgramsPanel::DebugJson() const {
  static constexpr const char* kPages[] = {"list", "detail", "questions", "results"};
  std::string json = "{\"open\":";
  json += open_ ? "true" : "false";
  json += ",\"page\":\"";
  json += kPages[static_cast<int>(page_)];
  json += "\",\"filters\":{\"stage\":" + std::to_string(stage_) + ",\"theme\":";
  AppendJsonString(&json, theme_filter_);
  json += ",\"target\":" + std::to_string(target_) + ",\"region\":" + std::to_string(region_) +
          ",\"include_unstated\":" + (include_unstated_stage_ ? "true" : "false") + ",\"query\":";
  AppendJsonString(&json, listed_query_);
  json += "},\"count\":" + std::to_string(listed_.size()) +
          ",\"unstated\":" + std::to_string(unstated_stage_count_) + ",\"listed\":[";
  for (size_t i = 0; i < listed_.size(); ++i) json += (i ? "," : "") + std::to_string(listed_[i]);
  json += "],\"open_program\":" + std::to_string(open_program_) +
          ",\"question\":" + std::to_string(static_cast<int>(question_)) +
          ",\"answers\":" + std::to_string(AnsweredCount()) +
          ",\"matches\":" + std::to_string(matches_.size()) + ",\"matched\":[";
  for (size_t i = 0; i < matches_.size(); ++i)
    json += (i ? "," : "") + std::to_string(matches_[i].program);
  json += "],\"buttons\":{";
  char buffer[96];
  for (size_t i = 0; i < buttons_.size(); ++i) {
    if (i) json += ',';
    AppendJsonString(&json, buttons_[i].first);
    const ImVec4& r = buttons_[i].second;
    std::snprintf(buffer, sizeof(buffer), ":[%.1f,%.1f,%.1f,%.1f]", r.x, r.y, r.z, r.w);
    json += buffer;
  }
  json += "}}";
  return json;
}

std::string ProgramsPanel::CatalogJson() const {
  std::string json = "[";
  for (size_t i = 0; i < data_.programs.size(); ++i) {
    const Program& p = data_.programs[i];
    json += i ? ",{\"id\":" : "{\"id\":";
    json += std::to_string(i) + ",\"service_id\":";
    AppendJsonString(&json, p.service_id);
    json += ",\"name\":";
    AppendJsonString(&json, p.name);
    json += ",\"level\":" + std::to_string(static_cast<int>(p.level)) +
            ",\"sigungu\":" + std::to_string(p.sigungu_code) + ",\"region\":";
    AppendJsonString(&json, p.region_name);
    json += ",\"stages\":" + std::to_string(p.life_stages) +
            ",\"targets\":" + std::to_string(p.targets) + ",\"themes\":[";
    for (size_t t = 0; t < p.themes.size(); ++t) {
      if (t) json += ',';
      AppendJsonString(&json, p.themes[t]);
    }
    json += "],\"apply_url\":";
    AppendJsonString(&json, p.apply_url);
    json += "}";
  }
  json += "]";
  return json;
}

}  // namespace bokji::web
