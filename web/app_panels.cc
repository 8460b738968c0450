// The App's panels: the header (title, search box, buttons, legend), the zoom buttons, the facility
// card, the list of facilities at one spot, the program card and the data summary.
#include "web/app.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "imgui.h"
#include "web/app_parts.h"
#include "web/format.h"
#include "web/platform.h"

namespace bokji::web {

void App::DrawHeaderPanel() {
  const float margin = theme_.Scaled(10);
  const float width = IsNarrow() ? view_.width() - 2 * margin : theme_.Scaled(300);
  ImGui::SetNextWindowPos(ImVec2(margin, margin));
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, view_.height() - 2 * margin));
  ImGui::Begin("##header", nullptr, kPanelFlags | ImGuiWindowFlags_AlwaysAutoResize);
  header_bottom_ = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y;  // last frame's size
  ImGui::TextUnformatted(Text(StringId::kAppTitle));
  ImGui::SameLine();
  ImGui::TextDisabled("%s", data_.title.c_str());
  DrawSearchBox();
  UpdateSearch();
  if (results_open_ && !searched_query_.empty()) {
    DrawSearchResults();
    ImGui::End();
    return;
  }
  if (ImGui::Button(Text(StringId::kDataInfoButton))) show_data_info_ = !show_data_info_;
  NoteButton("data_info");
  ImGui::SameLine();
  if (ImGui::Button(Text(StringId::kFitProvince))) FitToData(/*animate=*/true);
  NoteButton("fit");
  ImGui::SameLine();
  if (ImGui::Button(Text(StringId::kNearMeButton))) {
    RequestLocation();
    nearby_open_ = true;
  }
  NoteButton("near_me");
  // The two other halves of the product: welfare programs (the primary action) and education.
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float education_width = ImGui::CalcTextSize(Text(StringId::kEducationButton)).x +
                                2 * ImGui::GetStyle().FramePadding.x;
  if (AccentButton(theme_, Text(StringId::kProgramsButton),
                   ImVec2(ImGui::GetContentRegionAvail().x - education_width - spacing, 0)))
    programs_.Open();
  NoteButton("programs");
  ImGui::SameLine();
  if (ImGui::Button(Text(StringId::kEducationButton), ImVec2(education_width, 0))) {
    show_education_ = !show_education_;
    if (show_education_) {
      selected_ = -1;
      selected_program_ = -1;
      chooser_.clear();
    }
  }
  NoteButton("education");
  UpdateNearby();
  // "Near me" puts the place and its nearest facilities first; otherwise the list comes last.
  if (nearby_open_) {
    DrawNearbyPanel();
    DrawResultsList();
  }

  // The legend starts open on a wide screen and closed on a phone, and follows when the window
  // changes between the two.
  if (IsNarrow() != legend_layout_narrow_) {
    legend_layout_narrow_ = IsNarrow();
    legend_open_ = LegendStartsOpen();
    ImGui::SetNextItemOpen(legend_open_, ImGuiCond_Always);
  } else {
    ImGui::SetNextItemOpen(legend_open_, ImGuiCond_Once);
  }
  legend_open_ = ImGui::CollapsingHeader(Text(StringId::kLegendTitle));
  if (legend_open_) {
    const float swatch = ImGui::GetFontSize() * 0.7f;
    bool changed = false;
    for (int c = 0; c < kFacilityCategoryCount; ++c) {
      if (category_counts_[c] == 0) continue;
      const auto category = static_cast<FacilityCategory>(c);
      bool on = (filter_.categories & CategoryBit(category)) != 0;
      ImGui::PushID(c);
      if (ImGui::Checkbox("##on", &on)) {
        filter_.categories ^= CategoryBit(category);
        changed = true;
      }
      ImGui::SameLine();
      const ImVec2 p = ImGui::GetCursorScreenPos();
      const float line = ImGui::GetFrameHeight();
      ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + swatch / 2, p.y + line / 2),
                                                  swatch / 2, theme_.CategoryColor(category));
      ImGui::Dummy(ImVec2(swatch, line));
      ImGui::SameLine();
      ImGui::AlignTextToFramePadding();
      ImGui::Text("%s (%d)", CategoryLabel(category), category_counts_[c]);
      ImGui::PopID();
    }
    if (changed) FiltersChanged();
    // The raster map under the boundaries: off by default (the vector basemap needs no network).
    bool tiles = tiles_.enabled();
    if (ImGui::Checkbox(Text(StringId::kTilesToggle), &tiles))
      tiles_.SetTemplate(tiles ? TileLayer::kOpenStreetMap : "");
    NoteButton("tiles");
  }
  DrawFilters();
  if (!nearby_open_) DrawResultsList();
  ImGui::End();
}

void App::DrawZoomControls() {
  if (IsNarrow() && (selected_ >= 0 || selected_program_ >= 0 || !chooser_.empty()))
    return;  // card's room
  const float button = theme_.Scaled(40);
  const float margin = theme_.Scaled(12);
  const float bottom_reserve = theme_.Scaled(28);  // the attribution line
  ImGui::SetNextWindowPos(ImVec2(view_.width() - margin, view_.height() - margin - bottom_reserve),
                          ImGuiCond_Always, ImVec2(1, 1));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(4, 4));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(4, 4));
  ImGui::Begin("##zoom", nullptr, kPanelFlags | ImGuiWindowFlags_AlwaysAutoResize);
  const ImU32 icon = theme_.text;
  const float half = button * 0.22f, thick = theme_.Scaled(2.2f);
  auto icon_button = [&](const char* id, StringId tooltip, bool plus) {
    const bool pressed = ImGui::Button(id, ImVec2(button, button));
    const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
    const ImVec2 c((lo.x + hi.x) / 2, (lo.y + hi.y) / 2);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddLine(ImVec2(c.x - half, c.y), ImVec2(c.x + half, c.y), icon, thick);
    if (plus) dl->AddLine(ImVec2(c.x, c.y - half), ImVec2(c.x, c.y + half), icon, thick);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal)) ImGui::SetTooltip("%s", Text(tooltip));
    return pressed;
  };
  const ImVec2 middle(view_.width() / 2, view_.height() / 2);
  if (icon_button("##in", StringId::kZoomIn, true)) AnimateZoomAround(middle, 1);
  NoteButton("zoom_in");
  if (icon_button("##out", StringId::kZoomOut, false)) AnimateZoomAround(middle, -1);
  NoteButton("zoom_out");
  ImGui::End();
  ImGui::PopStyleVar(2);
}

void App::DrawFacilityCard() {
  const Facility& f = data_.facilities[selected_];
  PlaceCard(theme_, ImVec2(view_.width(), view_.height()), IsNarrow(), 380, 0.5f);
  ImGui::Begin("##card", nullptr, kPanelFlags | ImGuiWindowFlags_AlwaysAutoResize);
  const float close_width =
      ImGui::CalcTextSize(Text(StringId::kCardClose)).x + ImGui::GetStyle().FramePadding.x * 2;

  // Category, then the name in the category's colour.
  ImGui::PushStyleColor(ImGuiCol_Text,
                        ImGui::ColorConvertU32ToFloat4(theme_.CategoryColor(f.category)));
  ImGui::TextUnformatted(CategoryLabel(f.category));
  ImGui::PopStyleColor();
  ImGui::SameLine(ImGui::GetContentRegionMax().x - close_width);
  if (ImGui::Button(Text(StringId::kCardClose))) selected_ = -1;
  ImGui::PushTextWrapPos(0);
  ImGui::PushFont(font_.large());
  ImGui::TextUnformatted(f.name.c_str());
  ImGui::PopFont();
  switch (OpenStateOf(static_cast<uint32_t>(selected_))) {  // only when the hours were understood
    case OpenState::kOpen:
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme_.open_now), "%s",
                         Text(StringId::kOpenNowBadge));
      break;
    case OpenState::kClosed:
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme_.closed_now), "%s",
                         Text(StringId::kClosedNowBadge));
      break;
    case OpenState::kUnknown:
      break;
  }
  ImGui::Separator();

  auto field = [&](StringId label, const std::string& value) {
    if (value.empty()) return;
    ImGui::TextDisabled("%s", Text(label));
    ImGui::TextUnformatted(value.c_str());
  };
  field(StringId::kCardAddress, f.road_address.empty() ? f.lot_address : f.road_address);
  ImGui::PopTextWrapPos();

  // Actions first: on a phone they must show without scrolling.
  ImGui::Spacing();
  const float full = ImGui::GetContentRegionAvail().x;
  const std::string tel = TelUrl(f.phone);
  if (!tel.empty()) {
    char label[160];
    std::snprintf(label, sizeof(label), "%s  %s", Text(StringId::kCardCall), f.phone.c_str());
    if (AccentButton(theme_, label, ImVec2(full, 0))) OpenUrl(tel.c_str(), /*new_tab=*/false);
  }
  const float half = (full - ImGui::GetStyle().ItemSpacing.x) / 2;
  if (ImGui::Button(Text(StringId::kCardDirectionsKakao), ImVec2(half, 0)))
    OpenUrl(KakaoDirectionsUrl(f).c_str(), /*new_tab=*/true);
  ImGui::SameLine();
  if (ImGui::Button(Text(StringId::kCardDirectionsNaver), ImVec2(half, 0)))
    OpenUrl(NaverDirectionsUrl(f).c_str(), /*new_tab=*/true);
  // A link to this card: the page's address already holds the view and the card (UpdateUrlState).
  const bool copied = link_copied_until_ms_ > NowMs();
  if (ImGui::Button(Text(copied ? StringId::kCardLinkCopied : StringId::kCardCopyLink),
                    ImVec2(full, 0))) {
    CopyToClipboard(CurrentPageUrl().c_str());
    link_copied_until_ms_ = NowMs() + 2500;
    RequestFrames(2);
  }
  NoteButton("copy_link");
  if (copied) RequestFrames(1);  // to turn the label back when the time is up
  if (f.sigungu_code != 0) {
    if (ImGui::Button(Text(StringId::kFacilityCityPrograms), ImVec2(full, 0))) {
      programs_.OpenForCity(f.sigungu_code);
      if (IsNarrow()) selected_ = -1;  // the view covers the screen: the card would sit behind it
    }
    NoteButton("city_programs");
  }
  ImGui::Spacing();
  ImGui::Separator();

  ImGui::PushTextWrapPos(0);
  if (!f.road_address.empty()) field(StringId::kCardLotAddress, f.lot_address);
  ImGui::TextDisabled("%s", Text(StringId::kCardHours));
  ImGui::TextUnformatted(f.hours.empty() ? Text(StringId::kNotStated) : f.hours.c_str());
  if (f.targets != 0) {
    std::string targets;
    for (int bit = 0; bit < kTargetGroupCount; ++bit) {
      if ((f.targets & (1u << bit)) == 0) continue;
      if (!targets.empty()) targets += ", ";
      targets += TargetLabel(1u << bit);
    }
    field(StringId::kCardTargets, targets);
  }
  field(StringId::kCardOperator, f.operator_name);
  if (tel.empty()) field(StringId::kCardPhone, f.phone);  // a number the call button could not use
  ImGui::PopTextWrapPos();

  // Where this came from and how old it is.
  ImGui::Spacing();
  DrawSourceLines(data_, f.source, StringId::kCardVerifiedFormat, f.verified);
  ImGui::End();
}

void App::DrawChooser() {
  const float margin = theme_.Scaled(10);
  const float width = IsNarrow() ? view_.width() - 2 * margin : theme_.Scaled(380);
  if (IsNarrow())
    ImGui::SetNextWindowPos(ImVec2(margin, view_.height() - margin), ImGuiCond_Always,
                            ImVec2(0, 1));
  else
    ImGui::SetNextWindowPos(ImVec2(view_.width() - margin, margin), ImGuiCond_Always, ImVec2(1, 0));
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, view_.height() * 0.6f));
  ImGui::Begin("##chooser", nullptr, kPanelFlags | ImGuiWindowFlags_AlwaysAutoResize);
  uint32_t chosen = UINT32_MAX;
  for (uint32_t id : chooser_) {
    const Facility& f = data_.facilities[id];
    ImGui::PushID(static_cast<int>(id));
    if (ImGui::Selectable(f.name.c_str())) chosen = id;
    ImGui::SameLine();
    ImGui::TextDisabled("%s", CategoryLabel(f.category));
    ImGui::PopID();
  }
  if (ImGui::Button(Text(StringId::kCardClose))) chooser_.clear();
  ImGui::End();
  if (chosen != UINT32_MAX) {
    Select(static_cast<int>(chosen));
    chooser_.clear();
  }
}

void App::DrawProgramCard() {
  const Program& p = data_.programs[selected_program_];
  PlaceCard(theme_, ImVec2(view_.width(), view_.height()), IsNarrow(), 420, 0.6f);
  ImGui::Begin("##program", nullptr, kPanelFlags | ImGuiWindowFlags_AlwaysAutoResize);
  const float close_width =
      ImGui::CalcTextSize(Text(StringId::kCardClose)).x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme_.accent));
  ImGui::Text("%s%s%s", ProgramLevelLabel(p.level), p.region_name.empty() ? "" : " · ",
              p.region_name.c_str());
  ImGui::PopStyleColor();
  ImGui::SameLine(ImGui::GetContentRegionMax().x - close_width);
  if (ImGui::Button(Text(StringId::kCardClose))) selected_program_ = -1;
  ImGui::PushTextWrapPos(0);
  ImGui::PushFont(font_.large());
  ImGui::TextUnformatted(p.name.c_str());
  ImGui::PopFont();
  ImGui::Separator();
  auto field = [&](StringId label, const std::string& value) {
    if (value.empty()) return;
    ImGui::TextDisabled("%s", Text(label));
    ImGui::TextUnformatted(value.c_str());
  };
  field(StringId::kProgramProvider, p.provider);
  field(StringId::kProgramSummary, p.summary);
  field(StringId::kProgramBenefits, p.benefits);
  field(StringId::kProgramEligibility, p.eligibility);
  field(StringId::kProgramSelection, p.selection_criteria);
  field(StringId::kProgramHowToApply, p.how_to_apply);
  field(StringId::kProgramContact, p.contact);
  field(StringId::kProgramProvision, p.provision);
  field(StringId::kProgramCycle, p.cycle);
  ImGui::PopTextWrapPos();
  if (!p.apply_url.empty()) {
    ImGui::Spacing();
    if (AccentButton(theme_, Text(StringId::kProgramOpenLink),
                     ImVec2(ImGui::GetContentRegionAvail().x, 0)))
      OpenUrl(p.apply_url.c_str(), /*new_tab=*/true);
  }
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::PushTextWrapPos(0);
  if (p.source < data_.sources.size())
    ImGui::TextDisabled("%s: %s", Text(StringId::kCardSource),
                        data_.sources[p.source].name.c_str());
  if (p.updated != 0) {
    const std::string updated = FormatDate(p.updated);
    ImGui::TextDisabled(Text(StringId::kProgramUpdatedFormat), updated.c_str());
  }
  ImGui::PopTextWrapPos();
  ImGui::End();
}

void App::DrawDataInfo() {
  const float width = std::min(view_.width() - theme_.Scaled(20), theme_.Scaled(520));
  ImGui::SetNextWindowPos(ImVec2(view_.width() / 2, view_.height() / 2), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0),
                                      ImVec2(width, view_.height() - theme_.Scaled(20)));
  ImGui::Begin(Text(StringId::kDataInfoTitle), &show_data_info_,
               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(data_.title.c_str());
  const std::string built = FormatDate(data_.built);
  ImGui::TextDisabled(Text(StringId::kDataBuiltFormat), built.c_str());
  ImGui::Separator();
  int levels[3] = {0, 0, 0};
  for (const Region& r : data_.regions) ++levels[static_cast<int>(r.level)];
  ImGui::Text(Text(StringId::kFacilityCountFormat), static_cast<int>(data_.facilities.size()));
  if (approximate_facilities_ > 0)
    ImGui::TextDisabled(Text(StringId::kApproximateNotShownFormat), approximate_facilities_);
  ImGui::Text(Text(StringId::kProgramCountFormat), static_cast<int>(data_.programs.size()));
  ImGui::Text(Text(StringId::kRegionCountFormat), levels[0], levels[1], levels[2]);
  ImGui::Spacing();
  ImGui::TextUnformatted(Text(StringId::kSourcesHeading));
  ImGui::Separator();
  for (const Source& source : data_.sources) {
    ImGui::Bullet();
    ImGui::TextUnformatted(source.name.c_str());
    ImGui::Indent();
    const std::string date = FormatDate(source.data_date);
    ImGui::TextDisabled(Text(StringId::kSourceDateFormat), date.c_str());
    if (!source.data_date_note.empty()) ImGui::TextDisabled("%s", source.data_date_note.c_str());
    if (!source.publisher.empty())
      ImGui::TextDisabled(Text(StringId::kSourcePublisherFormat), source.publisher.c_str());
    if (!source.licence.empty())
      ImGui::TextDisabled(Text(StringId::kSourceLicenceFormat), source.licence.c_str());
    ImGui::Unindent();
  }
  ImGui::Spacing();
  ImGui::TextDisabled("%s", Text(StringId::kDataCaveat));
  ImGui::PopTextWrapPos();
  ImGui::End();
}

}  // namespace bokji::web
