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
  target.FitBounds(south_west, north_east,
                   ImVec4(pad + (IsNarrow() ? 0 : theme_.Scaled(310)), pad, pad, pad));
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
  FacilityFilter filter;
  filter.categories = visible_categories_;
  facility_index_.Nearest(LatLng{fix.lat, fix.lng}, 10, filter, &nearby_);
  // Show where the device is, with room around it.
  AnimateTo(ToMercator(LatLng{fix.lat, fix.lng}), std::max(view_.zoom(), 13.0));
}

void App::DrawNearbyList() {
  ImGui::SeparatorText(Text(StringId::kNearMeTitle));
  const LocationFix& fix = CurrentLocation();
  switch (fix.state) {
    case LocationFix::State::kNone:
    case LocationFix::State::kPending:
      ImGui::TextDisabled("%s", Text(StringId::kLocating));
      break;
    case LocationFix::State::kDenied:
      ImGui::PushTextWrapPos(0);
      ImGui::TextUnformatted(Text(StringId::kLocationDenied));
      ImGui::PopTextWrapPos();
      break;
    case LocationFix::State::kUnavailable:
      ImGui::PushTextWrapPos(0);
      ImGui::TextUnformatted(Text(StringId::kLocationUnavailable));
      ImGui::PopTextWrapPos();
      break;
    case LocationFix::State::kFound: {
      if (nearby_.empty()) ImGui::TextDisabled("%s", Text(StringId::kNearMeNone));
      const float max_height =
          std::max(view_.height() * (IsNarrow() ? 0.4f : 0.6f), ImGui::GetFrameHeight() * 4);
      ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(FLT_MAX, max_height));
      ImGui::BeginChild("##nearby", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY);
      int picked = -1;
      for (const Neighbor& n : nearby_) {
        const Facility& f = data_.facilities[n.id];
        ImGui::PushID(static_cast<int>(n.id));
        const ImVec2 at = ImGui::GetCursorScreenPos();
        if (ImGui::Selectable("##near", static_cast<int>(n.id) == selected_, 0,
                              ImVec2(0, ImGui::GetTextLineHeight() * 2)))
          picked = static_cast<int>(n.id);
        ImDrawList* draw_list = ImGui::GetWindowDrawList();
        const std::string distance = FormatDistance(n.distance_m);
        const float distance_width = ImGui::CalcTextSize(distance.c_str()).x;
        const float right = ImGui::GetItemRectMax().x - ImGui::GetStyle().ItemSpacing.x;
        draw_list->PushClipRect(
            at, ImVec2(right - distance_width - 8, at.y + ImGui::GetTextLineHeight() * 2), true);
        draw_list->AddText(at, theme_.text, f.name.c_str());
        const std::string detail = std::string(CategoryLabel(f.category)) + " · " + f.road_address;
        draw_list->AddText(font_.small(), theme_.Scaled(theme_.small_font_size),
                           ImVec2(at.x, at.y + ImGui::GetTextLineHeight()), theme_.text_muted,
                           detail.c_str());
        draw_list->PopClipRect();
        draw_list->AddText(ImVec2(right - distance_width, at.y), theme_.accent, distance.c_str());
        ImGui::PopID();
      }
      ImGui::EndChild();
      if (picked >= 0) Select(picked);
      break;
    }
  }
  if (ImGui::Button(Text(StringId::kCardClose))) nearby_open_ = false;
}

}  // namespace bokji::web
