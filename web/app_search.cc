// The App's search (over facilities, places and programs, typed into the page's <input>: see
// TextField in platform.h) and "near me" (the facilities nearest the device's location).
//
// Index
//   - Search box and results
//   - Near me
#include "web/app.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "imgui.h"
#include "web/app_parts.h"
#include "web/format.h"
#include "web/platform.h"
#include "web/text_field_box.h"

namespace bokji::web {

// ---------------------------------------------------------------------------------------------------------
// Search box and results
// ---------------------------------------------------------------------------------------------------------

void App::DrawSearchBox() {
  DrawTextFieldBox(theme_, Text(StringId::kSearchHint), /*hidden=*/show_data_info_);
}

void App::UpdateSearch() {
  const TextField& field = CurrentTextField();
  if (field.focused && !field_was_focused_) results_open_ = true;
  field_was_focused_ = field.focused;
  if (field.value != searched_query_) {
    searched_query_ = field.value;
    results_open_ = true;
    facility_hits_ = facility_search_.Search(searched_query_, 5);
    region_hits_ = region_search_.Search(searched_query_, 3);
    program_hits_ = program_search_.Search(searched_query_, 6);
  }
  // Keys after the query: an Enter acts on what was typed just before it.
  std::string key;
  while (TakeTextFieldKey(&key)) {
    if (key == "Enter") ActivateFirstResult();
    if (key == "Escape") results_open_ = false;
  }
}

void App::DrawSearchResults() {
  const float max_height =
      std::max(view_.height() * (IsNarrow() ? 0.45f : 0.7f), ImGui::GetFrameHeight() * 4);
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(FLT_MAX, max_height));
  ImGui::BeginChild("##results", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY);
  if (facility_hits_.empty() && region_hits_.empty() && program_hits_.empty())
    ImGui::TextDisabled("%s", Text(StringId::kSearchNoResults));
  int picked_kind = -1;
  uint32_t picked = 0;
  auto section = [&](StringId heading, const std::vector<TextSearch::Hit>& hits, int kind,
                     auto describe) {
    if (hits.empty()) return;
    ImGui::SeparatorText(Text(heading));
    for (const TextSearch::Hit& hit : hits) {
      ImGui::PushID(kind * 1000000 + static_cast<int>(hit.id));
      const auto [name, detail] = describe(hit.id);
      const ImVec2 min =
          ImGui::GetCursorScreenPos();  // the text's place (a Selectable's box is wider)
      if (ImGui::Selectable("##hit", false, 0,
                            ImVec2(0, ImGui::GetTextLineHeight() * (detail.empty() ? 1 : 2)))) {
        picked_kind = kind;
        picked = hit.id;
      }
      ImDrawList* draw_list = ImGui::GetWindowDrawList();
      draw_list->AddText(min, theme_.text, name.c_str());
      if (!detail.empty())
        draw_list->AddText(font_.small(), theme_.Scaled(theme_.small_font_size),
                           ImVec2(min.x, min.y + ImGui::GetTextLineHeight()), theme_.text_muted,
                           detail.c_str());
      ImGui::PopID();
    }
  };
  using Pair = std::pair<std::string, std::string>;
  section(StringId::kSearchFacilities, facility_hits_, 0, [&](uint32_t id) {
    const Facility& f = data_.facilities[id];
    return Pair{f.name, std::string(CategoryLabel(f.category)) + " · " + f.road_address};
  });
  section(StringId::kSearchRegions, region_hits_, 1, [&](uint32_t id) {
    return Pair{data_.regions[id].name, data_.regions[id].full_name};
  });
  section(StringId::kSearchPrograms, program_hits_, 2, [&](uint32_t id) {
    const Program& p = data_.programs[id];
    return Pair{p.name, std::string(ProgramLevelLabel(p.level)) + " · " +
                            (p.region_name.empty() ? p.provider : p.region_name)};
  });
  ImGui::EndChild();
  if (picked_kind == 0) FlyToFacility(picked);
  if (picked_kind == 1) FlyToRegion(picked);
  if (picked_kind == 2) {
    selected_program_ = static_cast<int>(picked);
    selected_ = -1;
    chooser_.clear();
  }
  if (picked_kind >= 0) {
    results_open_ = false;
    BlurTextField();  // a phone's keyboard goes away
  }
}

void App::ActivateFirstResult() {
  // The best hit of any kind: scores of the three indexes rank alike (TextSearch::MatchClass).
  int kind = -1, best = 0;
  uint32_t id = 0;
  const std::vector<TextSearch::Hit>* lists[] = {&facility_hits_, &region_hits_, &program_hits_};
  for (int k = 0; k < 3; ++k) {
    if (!lists[k]->empty() && (kind < 0 || lists[k]->front().score > best)) {
      kind = k;
      best = lists[k]->front().score;
      id = lists[k]->front().id;
    }
  }
  if (kind == 0) FlyToFacility(id);
  if (kind == 1) FlyToRegion(id);
  if (kind == 2) {
    selected_program_ = static_cast<int>(id);
    selected_ = -1;
    chooser_.clear();
  }
  if (kind >= 0) results_open_ = false;
}

void App::FlyToFacility(uint32_t facility) {
  chooser_.clear();
  Select(static_cast<int>(facility), /*min_zoom=*/14);  // close enough that its marker stands alone
}

void App::FlyToRegion(uint32_t region) {
  const Region& r = data_.regions[region];
  LatLng south_west{90, 180}, north_east{-90, -180};
  for (const Ring& ring : r.rings)
    for (const LatLng& p : ring) {
      south_west = LatLng{std::min(south_west.lat, p.lat), std::min(south_west.lng, p.lng)};
      north_east = LatLng{std::max(north_east.lat, p.lat), std::max(north_east.lng, p.lng)};
    }
  if (south_west.lat > north_east.lat) return;
  MapView target = view_;
  const float pad = theme_.Scaled(40);
  // Clear of the header panel: beside it on a wide screen, below it on a phone.
  target.FitBounds(south_west, north_east,
                   ImVec4(pad + (IsNarrow() ? 0 : theme_.Scaled(310)),
                          pad + (IsNarrow() ? header_bottom_ : 0), pad, pad));
  AnimateTo(target.center(), target.zoom());
}

// ---------------------------------------------------------------------------------------------------------
// Near me
// ---------------------------------------------------------------------------------------------------------

void App::UpdateNearby() {
  const LocationFix& fix = CurrentLocation();
  if (fix.generation == location_generation_) return;
  location_generation_ = fix.generation;
  if (fix.state != LocationFix::State::kFound) return;
  SetPlace(PlaceKind::kDevice, LatLng{fix.lat, fix.lng});
}

// Under the header's buttons while "near me" is on: what the location request is doing and, when
// the device's location is refused or unavailable (most iframes), other ways to choose the place.
// The nearest facilities themselves are the results list (app_finding.cc).
void App::DrawNearbyPanel() {
  ImGui::SeparatorText(Text(StringId::kNearMeTitle));
  ImGui::PushTextWrapPos(0);
  const LocationFix& fix = CurrentLocation();
  const bool device_failed =
      fix.state == LocationFix::State::kDenied || fix.state == LocationFix::State::kUnavailable;
  if (place_kind_ == PlaceKind::kNone && !device_failed && !picking_place_)
    ImGui::TextDisabled("%s", Text(StringId::kLocating));
  if (device_failed && place_kind_ == PlaceKind::kNone)
    ImGui::TextUnformatted(Text(fix.state == LocationFix::State::kDenied
                                    ? StringId::kLocationDenied
                                    : StringId::kLocationUnavailable));
  ImGui::PopTextWrapPos();
  if (device_failed || place_kind_ != PlaceKind::kNone || picking_place_) DrawPlaceChooser();
  if (ImGui::Button(Text(StringId::kCardClose))) {
    nearby_open_ = false;
    picking_place_ = false;
    SetPlace(PlaceKind::kNone, LatLng{});
  }
  NoteButton("near_close");
}

}  // namespace bokji::web
