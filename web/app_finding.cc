// The App's finding tools beside the search: the filters (target group, area, "open now"; the
// legend holds the categories), the place a search is near (the device's location, a tap on the
// map, or an area), and the results list that follows the map.
//
// Index
//   - Filters
//   - The place
//   - Results list
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/geo.h"
#include "imgui.h"
#include "web/app.h"
#include "web/app_parts.h"
#include "web/format.h"
#include "web/platform.h"

namespace bokji::web {

namespace {

// The list shows this many facilities at most, closest first; the title counts them all.
constexpr size_t kMaxListed = 50;

}  // namespace

// ---------------------------------------------------------------------------------------------------------
// Filters
// ---------------------------------------------------------------------------------------------------------

OpenState App::OpenStateOf(uint32_t facility) const {
  const std::optional<WeeklyHours>& hours = hours_[facility];
  return hours ? hours->StateAt(now_) : OpenState::kUnknown;
}

bool App::Passes(uint32_t id) const {
  const Facility& f = data_.facilities[id];
  const IndexedPoint point{f.position, f.category, f.targets, f.sigungu_code, f.emd_code};
  if (!filter_.Accepts(point)) return false;
  // "Open now" keeps only facilities known to be open: unknown hours are not a yes.
  return !open_now_ || OpenStateOf(id) == OpenState::kOpen;
}

void App::FiltersChanged() {
  RebuildClusters();
  if (selected_ >= 0 && !Passes(static_cast<uint32_t>(selected_))) selected_ = -1;
  results_key_.clear();  // recompute the list
  RequestFrames(2);
}

namespace {

// "전주시 완산구": a region's full name without the 도 it starts with.
std::string RegionLabel(const Region& r) {
  const size_t space = r.full_name.find(' ');
  return space == std::string::npos ? r.full_name : r.full_name.substr(space + 1);
}

// Two combos, 시군구 then its 읍면동, editing `code` (0 = anywhere, else a 5- or 7-digit code).
// True when the choice changed. `id` keeps two uses on one screen apart.
bool RegionCombos(const Dataset& data, const char* id, uint32_t* code) {
  ImGui::PushID(id);
  bool changed = false;
  const uint32_t sigungu = *code >= 1000000 ? *code / 100 : *code;
  std::string current = Text(StringId::kFilterAllSigungu);
  for (const Region& r : data.regions)
    if (r.level == RegionLevel::kSigungu && r.code == sigungu) current = RegionLabel(r);
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (ImGui::BeginCombo("##sigungu", current.c_str(), ImGuiComboFlags_HeightLarge)) {
    if (ImGui::Selectable(Text(StringId::kFilterAllSigungu), sigungu == 0)) {
      *code = 0;
      changed = true;
    }
    for (const Region& r : data.regions) {
      if (r.level != RegionLevel::kSigungu) continue;
      ImGui::PushID(static_cast<int>(r.code));
      if (ImGui::Selectable(RegionLabel(r).c_str(), r.code == sigungu)) {
        *code = r.code;
        changed = true;
      }
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  if (sigungu != 0) {
    std::string emd_current = Text(StringId::kFilterAllEmd);
    for (const Region& r : data.regions)
      if (r.level == RegionLevel::kEmd && r.code == *code) emd_current = r.name;
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::BeginCombo("##emd", emd_current.c_str(), ImGuiComboFlags_HeightLarge)) {
      if (ImGui::Selectable(Text(StringId::kFilterAllEmd), *code == sigungu)) {
        *code = sigungu;
        changed = true;
      }
      for (const Region& r : data.regions) {
        if (r.level != RegionLevel::kEmd || r.parent_code != sigungu) continue;
        ImGui::PushID(static_cast<int>(r.code));
        if (ImGui::Selectable(r.name.c_str(), r.code == *code)) {
          *code = r.code;
          changed = true;
        }
        ImGui::PopID();
      }
      ImGui::EndCombo();
    }
  }
  ImGui::PopID();
  return changed;
}

}  // namespace

void App::DrawFilters() {
  const bool any = filter_.any_target != 0 || filter_.region_code != 0 || open_now_;
  ImGui::SetNextItemOpen(any || !IsNarrow(), ImGuiCond_Once);  // a phone needs the map's room
  if (!ImGui::CollapsingHeader(Text(StringId::kFiltersTitle))) return;
  NoteButton("filters");
  bool changed = false;

  // Target group: only the groups some facility serves.
  TargetSet served = 0;
  for (const Facility& f : data_.facilities) served |= f.targets;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(Text(StringId::kFilterTarget));
  ImGui::SameLine(theme_.Scaled(56));
  ImGui::SetNextItemWidth(-FLT_MIN);
  const char* target_label =
      filter_.any_target ? TargetLabel(filter_.any_target) : Text(StringId::kFilterAny);
  if (ImGui::BeginCombo("##target", target_label, ImGuiComboFlags_HeightLarge)) {
    if (ImGui::Selectable(Text(StringId::kFilterAny), filter_.any_target == 0)) {
      filter_.any_target = 0;
      changed = true;
    }
    for (int bit = 0; bit < kTargetGroupCount; ++bit) {
      if ((served & (1u << bit)) == 0) continue;
      ImGui::PushID(bit);
      if (ImGui::Selectable(TargetLabel(1u << bit), filter_.any_target == (1u << bit))) {
        filter_.any_target = 1u << bit;
        changed = true;
      }
      static constexpr const char* kOptionNames[kTargetGroupCount] = {
          "target_0",  "target_1",  "target_2",  "target_3",  "target_4",  "target_5",
          "target_6",  "target_7",  "target_8",  "target_9",  "target_10", "target_11",
          "target_12", "target_13", "target_14", "target_15", "target_16", "target_17"};
      NoteButton(kOptionNames[bit]);  // names for tests; NoteButton keeps the pointer
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  NoteButton("target");

  // Area: 시군구, then 읍면동.
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(Text(StringId::kFilterRegion));
  ImGui::SameLine(theme_.Scaled(56));
  ImGui::BeginGroup();
  if (RegionCombos(data_, "filter_region", &filter_.region_code)) {
    changed = true;
    for (size_t i = 0; i < data_.regions.size() && filter_.region_code != 0; ++i)
      if (data_.regions[i].code == filter_.region_code) FlyToRegion(static_cast<uint32_t>(i));
  }
  ImGui::EndGroup();
  NoteButton("region");

  // Open now: only where hours are known, and says so.
  ImGui::BeginDisabled(hours_known_ == 0);
  if (ImGui::Checkbox(Text(StringId::kFilterOpenNow), &open_now_)) changed = true;
  ImGui::EndDisabled();
  ImGui::PushTextWrapPos(0);
  if (hours_known_ == 0)
    ImGui::TextDisabled("%s", Text(StringId::kFilterOpenNowNoData));
  else if (open_now_)
    ImGui::TextDisabled(Text(StringId::kFilterOpenNowNoteFormat), hours_known_);
  ImGui::PopTextWrapPos();

  if (any && ImGui::Button(Text(StringId::kFilterReset))) {
    filter_.any_target = 0;
    filter_.region_code = 0;
    open_now_ = false;
    changed = true;
  }
  if (changed) FiltersChanged();
}

// ---------------------------------------------------------------------------------------------------------
// The place
// ---------------------------------------------------------------------------------------------------------

void App::SetPlace(PlaceKind kind, LatLng where, int region) {
  place_kind_ = kind;
  place_ = where;
  place_region_ = region;
  results_key_.clear();
  if (kind == PlaceKind::kNone) return;
  list_open_ = true;
  // Show the place with room around it (an area is framed by FlyToRegion instead).
  if (kind != PlaceKind::kRegion) AnimateTo(ToMercator(where), std::max(view_.zoom(), 13.0));
}

void App::DrawPlaceChooser() {
  ImGui::TextDisabled("%s", Text(StringId::kNearFallbackHint));
  const float full = ImGui::GetContentRegionAvail().x;
  if (picking_place_) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme_.accent), "%s",
                       Text(StringId::kPickOnMapHint));
    ImGui::PopTextWrapPos();
  } else if (ImGui::Button(Text(StringId::kPickOnMap), ImVec2(full, 0))) {
    picking_place_ = true;
  }
  NoteButton("pick_on_map");
  ImGui::TextUnformatted(Text(StringId::kPickRegion));
  uint32_t code = place_kind_ == PlaceKind::kRegion && place_region_ >= 0
                      ? data_.regions[place_region_].code
                      : 0;
  if (RegionCombos(data_, "place_region", &code) && code != 0) {
    for (size_t i = 0; i < data_.regions.size(); ++i) {
      if (data_.regions[i].code != code) continue;
      SetPlace(PlaceKind::kRegion, label_positions_[i], static_cast<int>(i));
      FlyToRegion(static_cast<uint32_t>(i));
    }
  }
  NoteButton("place_region");
}

// ---------------------------------------------------------------------------------------------------------
// Results list
// ---------------------------------------------------------------------------------------------------------

void App::UpdateResults() {
  // With a place: the facilities nearest to it, wherever the map is. Without: those in view,
  // nearest the middle of the map first. Recomputed once the view settles, not while it moves.
  char key[160];
  if (place_kind_ != PlaceKind::kNone) {
    std::snprintf(key, sizeof(key), "place %.6f %.6f", place_.lat, place_.lng);
  } else {
    if (animation_.active || (dragging_ && drag_moved_) || CurrentPinch().active) return;
    const LatLng c = FromMercator(view_.center());
    std::snprintf(key, sizeof(key), "view %.7f %.7f %.4f %.0f %.0f", c.lat, c.lng, view_.zoom(),
                  view_.width(), view_.height());
  }
  if (results_key_ == key) return;
  results_key_ = key;
  results_.clear();
  results_total_ = 0;

  if (place_kind_ != PlaceKind::kNone) {
    // "Open now" is not an index filter: ask for more and keep the open ones.
    const size_t ask = open_now_ ? data_.facilities.size() : kMaxListed;
    std::vector<Neighbor> nearest;
    facility_index_.Nearest(place_, ask, filter_, &nearest);
    for (const Neighbor& n : nearest) {
      if (open_now_ && OpenStateOf(n.id) != OpenState::kOpen) continue;
      if (results_.size() < kMaxListed) results_.push_back(n);
      ++results_total_;
    }
    return;
  }
  LatLng south_west, north_east;
  view_.VisibleBounds(0, &south_west, &north_east);
  const LatLng centre = FromMercator(view_.center());
  std::vector<Neighbor> in_view;
  facility_index_.VisitInRect(south_west, north_east, filter_, [&](uint32_t id) {
    if (open_now_ && OpenStateOf(id) != OpenState::kOpen) return;
    in_view.push_back(Neighbor{id, DistanceMeters(centre, data_.facilities[id].position)});
  });
  results_total_ = static_cast<int>(in_view.size());
  const size_t keep = std::min(in_view.size(), kMaxListed);
  auto closer = [](const Neighbor& a, const Neighbor& b) {
    return a.distance_m != b.distance_m ? a.distance_m < b.distance_m : a.id < b.id;
  };
  std::partial_sort(in_view.begin(), in_view.begin() + static_cast<std::ptrdiff_t>(keep),
                    in_view.end(), closer);
  in_view.resize(keep);
  results_ = std::move(in_view);
}

void App::DrawResultsList() {
  char title[192];
  if (place_kind_ == PlaceKind::kNone) {
    std::snprintf(title, sizeof(title), Text(StringId::kListInViewFormat), results_total_);
  } else {
    const std::string place = place_kind_ == PlaceKind::kDevice ? Text(StringId::kPlaceMyLocation)
                              : place_kind_ == PlaceKind::kRegion
                                  ? RegionLabel(data_.regions[place_region_])
                                  : Text(StringId::kPlacePicked);
    std::snprintf(title, sizeof(title), Text(StringId::kListNearFormat), place.c_str());
  }
  std::string header = std::string(title) + "###results_list";  // the id survives title changes
  ImGui::SetNextItemOpen(list_open_);
  list_open_ = ImGui::CollapsingHeader(header.c_str());
  NoteButton("results_list");
  hovered_result_ = -1;
  if (!list_open_) return;
  if (results_.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", Text(StringId::kListEmpty));
    ImGui::PopTextWrapPos();
    return;
  }
  if (results_total_ > static_cast<int>(results_.size()))
    ImGui::TextDisabled(Text(StringId::kListShownFormat), static_cast<int>(results_.size()));

  const float max_height =
      std::max(view_.height() * (IsNarrow() ? 0.3f : 0.45f), ImGui::GetFrameHeight() * 4);
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(FLT_MAX, max_height));
  ImGui::BeginChild("##results_rows", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY);
  // The marker under the mouse on the map lights its row up, and a row under the mouse its marker.
  const int marker_facility = hovered_marker_ >= 0 && visible_markers_[hovered_marker_].count == 1
                                  ? static_cast<int>(visible_markers_[hovered_marker_].facility_id)
                                  : -1;
  int picked = -1;
  const float line = ImGui::GetTextLineHeight();
  for (size_t i = 0; i < results_.size(); ++i) {
    const Neighbor& n = results_[i];
    const Facility& f = data_.facilities[n.id];
    ImGui::PushID(static_cast<int>(n.id));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const bool lit =
        static_cast<int>(n.id) == selected_ || static_cast<int>(n.id) == marker_facility;
    if (ImGui::Selectable("##row", lit, 0, ImVec2(0, line * 2))) picked = static_cast<int>(n.id);
    if (ImGui::IsItemHovered()) hovered_result_ = static_cast<int>(n.id);
    if (i < 3) {
      static constexpr const char* kNames[] = {"result_0", "result_1", "result_2"};
      NoteButton(kNames[i]);  // names for tests; NoteButton keeps the pointer
    }
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    const float swatch = line * 0.55f;
    draw_list->AddCircleFilled(ImVec2(at.x + swatch / 2, at.y + line / 2), swatch / 2,
                               theme_.CategoryColor(f.category));
    const std::string distance = FormatDistance(n.distance_m);
    const float distance_width = ImGui::CalcTextSize(distance.c_str()).x;
    const float right = ImGui::GetItemRectMax().x - ImGui::GetStyle().ItemSpacing.x;
    const float text_x = at.x + swatch + theme_.Scaled(6);
    draw_list->PushClipRect(ImVec2(text_x, at.y),
                            ImVec2(right - distance_width - 8, at.y + line * 2), true);
    draw_list->AddText(ImVec2(text_x, at.y), theme_.text, f.name.c_str());
    std::string detail = std::string(CategoryLabel(f.category)) + " · " +
                         (f.road_address.empty() ? f.lot_address : f.road_address);
    if (OpenStateOf(n.id) == OpenState::kOpen)
      detail = std::string(Text(StringId::kOpenNowBadge)) + " · " + detail;
    draw_list->AddText(font_.small(), theme_.Scaled(theme_.small_font_size),
                       ImVec2(text_x, at.y + line), theme_.text_muted, detail.c_str());
    draw_list->PopClipRect();
    draw_list->AddText(ImVec2(right - distance_width, at.y), theme_.accent, distance.c_str());
    ImGui::PopID();
  }
  ImGui::EndChild();
  if (picked >= 0) Select(picked);
}

}  // namespace bokji::web
