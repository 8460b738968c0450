// The App's welfare education panel (복지 교육): courses and events from the bundle, upcoming
// first, for citizens or welfare workers, with where and when, and on the map while the panel is
// open. With none in the data it says so and points to the statutory training for social workers.
//
// Index
//   - Dates
//   - The panel
//   - On the map
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

#include "imgui.h"
#include "web/app.h"
#include "web/app_parts.h"
#include "web/format.h"
#include "web/platform.h"

namespace bokji::web {

// ---------------------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------------------

namespace {

// Now in Korea as a DateTime (yyyymmddhhmm).
DateTime NowKst() {
  const std::time_t kst = std::time(nullptr) + 9 * 3600;
  std::tm parts{};
  gmtime_r(&kst, &parts);
  return static_cast<DateTime>(parts.tm_year + 1900) * 100000000 +
         static_cast<DateTime>(parts.tm_mon + 1) * 1000000 +
         static_cast<DateTime>(parts.tm_mday) * 10000 + parts.tm_hour * 100 + parts.tm_min;
}

// "2026.03.05 (목) 14:30~16:00", or "… ~ 2026.03.06 (금) 12:00" across days.
std::string FormatEventTime(DateTime start, DateTime end) {
  auto day = [](DateTime t) {
    std::tm parts{};
    parts.tm_year = static_cast<int>(t / 100000000) - 1900;
    parts.tm_mon = static_cast<int>(t / 1000000 % 100) - 1;
    parts.tm_mday = static_cast<int>(t / 10000 % 100);
    parts.tm_hour = 12;
    timegm(&parts);  // fills in the weekday
    char text[48];
    std::snprintf(text, sizeof(text), "%04d.%02d.%02d (%s)", parts.tm_year + 1900, parts.tm_mon + 1,
                  parts.tm_mday, WeekdayLabel(parts.tm_wday));
    return std::string(text);
  };
  auto clock = [](DateTime t) {
    char text[8];
    std::snprintf(text, sizeof(text), "%02d:%02d", static_cast<int>(t / 100 % 100),
                  static_cast<int>(t % 100));
    return std::string(text);
  };
  if (start == 0) return Text(StringId::kNotStated);
  std::string text = day(start) + " " + clock(start);
  if (end == 0 || end == start) return text;
  if (end / 10000 == start / 10000) return text + "~" + clock(end);
  return text + " ~ " + day(end) + " " + clock(end);
}

const char* AudienceLabel(EducationAudience audience) {
  switch (audience) {
    case EducationAudience::kCitizens:
      return Text(StringId::kEducationForCitizens);
    case EducationAudience::kWorkers:
      return Text(StringId::kEducationForWorkers);
    case EducationAudience::kBoth:
      return Text(StringId::kEducationForEveryone);
  }
  return Text(StringId::kNotStated);
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------
// The panel
// ---------------------------------------------------------------------------------------------------------

void App::DrawEducationPanel() {
  PlaceCard(theme_, ImVec2(view_.width(), view_.height()), IsNarrow(), 420, 0.6f);
  ImGui::Begin("##education", nullptr, kPanelFlags | ImGuiWindowFlags_AlwaysAutoResize);
  const float close_width =
      ImGui::CalcTextSize(Text(StringId::kCardClose)).x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::PushFont(font_.large());
  ImGui::TextUnformatted(Text(StringId::kEducationTitle));
  ImGui::PopFont();
  ImGui::SameLine(ImGui::GetContentRegionMax().x - close_width);
  if (ImGui::Button(Text(StringId::kCardClose))) show_education_ = false;
  NoteButton("education_close");

  // Who it is for; past events only on request.
  static constexpr StringId kAudienceChoices[] = {
      StringId::kFilterAny, StringId::kEducationForCitizens, StringId::kEducationForWorkers};
  for (int i = 0; i < 3; ++i) {
    if (i > 0) ImGui::SameLine();
    if (ImGui::RadioButton(Text(kAudienceChoices[i]), education_audience_ == i))
      education_audience_ = i;
    static constexpr const char* kNames[] = {"education_all", "education_citizens",
                                             "education_workers"};
    NoteButton(kNames[i]);
  }
  ImGui::Checkbox(Text(StringId::kEducationShowPast), &education_show_past_);
  NoteButton("education_past");
  ImGui::Separator();

  const DateTime now = NowKst();
  education_listed_.clear();
  for (uint32_t i = 0; i < data_.education.size(); ++i) {
    const EducationEvent& e = data_.education[i];
    const DateTime ends = e.end != 0 ? e.end : e.start;
    if (!education_show_past_ && ends != 0 && ends < now) continue;
    // "For citizens" keeps events for everyone too; likewise for workers.
    if (education_audience_ == 1 && e.audience == EducationAudience::kWorkers) continue;
    if (education_audience_ == 2 && e.audience == EducationAudience::kCitizens) continue;
    education_listed_.push_back(i);
  }
  std::sort(education_listed_.begin(), education_listed_.end(), [&](uint32_t a, uint32_t b) {
    return data_.education[a].start != data_.education[b].start
               ? data_.education[a].start < data_.education[b].start
               : a < b;
  });

  ImGui::PushTextWrapPos(0);
  if (data_.education.empty() || education_listed_.empty()) {
    // The empty state: why, and where statutory training is announced meanwhile.
    ImGui::TextUnformatted(Text(data_.education.empty() ? StringId::kEducationNoneInData
                                                        : StringId::kEducationNoneMatching));
    ImGui::Spacing();
    ImGui::TextDisabled("%s", Text(StringId::kEducationStatutoryNote));
    if (AccentButton(theme_, Text(StringId::kEducationStatutoryLink),
                     ImVec2(ImGui::GetContentRegionAvail().x, 0)))
      OpenUrl(Text(StringId::kEducationStatutoryUrl), /*new_tab=*/true);
    NoteButton("education_statutory");
  }
  ImGui::PopTextWrapPos();

  const float max_height =
      std::max(view_.height() * (IsNarrow() ? 0.4f : 0.7f), ImGui::GetFrameHeight() * 4);
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(FLT_MAX, max_height));
  ImGui::BeginChild("##education_rows", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY);
  ImGui::PushTextWrapPos(0);
  for (size_t row = 0; row < education_listed_.size(); ++row) {
    const uint32_t id = education_listed_[row];
    const EducationEvent& e = data_.education[id];
    ImGui::PushID(static_cast<int>(id));
    if (row > 0) ImGui::Separator();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme_.accent), "%s",
                       AudienceLabel(e.audience));
    const DateTime ends = e.end != 0 ? e.end : e.start;
    if (ends != 0 && ends < now) {
      ImGui::SameLine();
      ImGui::TextDisabled("%s", Text(StringId::kEducationPast));
    }
    ImGui::PushFont(font_.large());
    ImGui::TextUnformatted(e.title.c_str());
    ImGui::PopFont();
    const std::string when = FormatEventTime(e.start, e.end);
    ImGui::TextUnformatted(when.c_str());
    const std::string where = e.address.empty() ? e.place_name : e.place_name + " · " + e.address;
    ImGui::TextUnformatted(where.empty() ? Text(StringId::kNotStated) : where.c_str());
    if (!e.organiser.empty())
      ImGui::TextDisabled(Text(StringId::kEducationOrganiserFormat), e.organiser.c_str());
    if (!e.fee.empty()) ImGui::TextDisabled(Text(StringId::kEducationFeeFormat), e.fee.c_str());
    if (!e.contact.empty())
      ImGui::TextDisabled(Text(StringId::kEducationContactFormat), e.contact.c_str());
    const float full = ImGui::GetContentRegionAvail().x;
    const float half = (full - ImGui::GetStyle().ItemSpacing.x) / 2;
    bool first_button = true;
    if (!e.link_url.empty()) {
      if (ImGui::Button(Text(StringId::kEducationOpenLink), ImVec2(e.position ? half : full, 0)))
        OpenUrl(e.link_url.c_str(), /*new_tab=*/true);
      first_button = false;
    }
    if (e.position) {
      if (!first_button) ImGui::SameLine();
      if (ImGui::Button(Text(StringId::kEducationShowOnMap),
                        ImVec2(first_button ? full : half, 0))) {
        education_selected_ = static_cast<int>(id);
        AnimateTo(ToMercator(*e.position), std::max(view_.zoom(), 14.0));
      }
    }
    if (row < 3) {
      static constexpr const char* kNames[] = {"education_row_0", "education_row_1",
                                               "education_row_2"};
      NoteButton(kNames[row]);
    }
    ImGui::PopID();
  }
  ImGui::PopTextWrapPos();
  ImGui::EndChild();
  ImGui::End();
}

// ---------------------------------------------------------------------------------------------------------
// On the map
// ---------------------------------------------------------------------------------------------------------

// Listed events with a place, as diamonds (facilities are discs), the selected one larger.
void App::DrawEducationMarkers(ImDrawList* draw_list) {
  const float outline = theme_.Scaled(2);
  for (uint32_t id : education_listed_) {
    const EducationEvent& e = data_.education[id];
    if (!e.position) continue;
    const ImVec2 at = view_.ToScreen(*e.position);
    if (at.x < -20 || at.y < -20 || at.x > view_.width() + 20 || at.y > view_.height() + 20)
      continue;
    const float r = theme_.Scaled(theme_.marker_radius) *
                    (static_cast<int>(id) == education_selected_ ? 2.0f : 1.4f);
    auto diamond = [&](float size, ImU32 color) {
      draw_list->AddQuadFilled(ImVec2(at.x, at.y - size), ImVec2(at.x + size, at.y),
                               ImVec2(at.x, at.y + size), ImVec2(at.x - size, at.y), color);
    };
    diamond(r + outline * 1.5f, theme_.marker_outline);
    diamond(r, theme_.education_marker);
  }
}

}  // namespace bokji::web
