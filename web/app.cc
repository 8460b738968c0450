// The App: creation, the frame, the view's animation, map input, the URL state, the debug state.
// Drawing lives in app_map.cc (map overlay), app_panels.cc (panels and cards), app_search.cc
// (search, near me).
//
// Index
//   - Creation
//   - Frame
//   - View animation
//   - Map input: drag, pinch, wheel, double-click, keys, clicks on markers
//   - URL state
//   - Debug state for tests
#include "web/app.h"

#include <GLES3/gl3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_internal.h"  // the windows on screen, for DebugJson
#include "web/app_parts.h"
#include "web/format.h"
#include "web/platform.h"

namespace bokji::web {

// ---------------------------------------------------------------------------------------------------------
// Creation
// ---------------------------------------------------------------------------------------------------------

App::App(Dataset data, std::vector<uint8_t> font_ttf)
    : data_(std::move(data)), theme_(DefaultTheme()), font_(std::move(font_ttf), data_) {}

std::unique_ptr<App> App::Create(Dataset data, std::vector<uint8_t> font_ttf, StringId* failure,
                                 std::string* detail) {
  double phase_start = NowMs();
  // Facilities placed by address only (position_quality approximate: their position is their area's
  // label point, not theirs) must never be drawn or listed as points. Until the map shows them per
  // area, they are left out of everything the app builds from data_.facilities (markers, index,
  // search, list, links); the data summary says how many.
  const auto approximate =
      std::remove_if(data.facilities.begin(), data.facilities.end(),
                     [](const Facility& f) { return IsApproximate(f.position_quality); });
  const int approximate_count = static_cast<int>(data.facilities.end() - approximate);
  data.facilities.erase(approximate, data.facilities.end());
  std::unique_ptr<App> app(new App(std::move(data), std::move(font_ttf)));
  app->approximate_facilities_ = approximate_count;
  ApplyImGuiStyle(app->theme_, &ImGui::GetStyle());
  if (!app->BuildFont(GetCanvasSize().pixel_ratio)) {
    *failure = StringId::kErrorFont;
    *detail = "the font is not a TrueType file";
    return nullptr;
  }
  app->RecordStartupTime("font", NowMs() - phase_start);
  phase_start = NowMs();
  if (!app->basemap_.Build(app->data_.regions, app->theme_, detail)) {
    *failure = StringId::kErrorGraphics;
    return nullptr;
  }
  if (!app->tiles_.Init(detail) || !app->basemap_cache_.Init(detail)) {
    *failure = StringId::kErrorGraphics;
    return nullptr;
  }
  app->RecordStartupTime("basemap", NowMs() - phase_start);
  phase_start = NowMs();

  // Where region names go: the bundle's label point, or the mean of the largest ring's vertices.
  for (const Region& region : app->data_.regions) {
    LatLng label = region.label;
    if (label.lat == 0 && label.lng == 0 && !region.rings.empty()) {
      const Ring* largest = &region.rings[0];
      for (const Ring& ring : region.rings)
        if (ring.size() > largest->size()) largest = &ring;
      for (const LatLng& p : *largest) {
        label.lat += p.lat / static_cast<double>(largest->size());
        label.lng += p.lng / static_cast<double>(largest->size());
      }
    }
    app->label_positions_.push_back(label);
  }

  for (const Facility& f : app->data_.facilities) {
    const auto index = static_cast<size_t>(f.category);
    if (index < kFacilityCategoryCount) ++app->category_counts_[index];
  }
  for (const Facility& f : app->data_.facilities)
    app->facility_search_.Add(f.name, f.road_address.empty() ? f.lot_address : f.road_address);
  for (const Region& r : app->data_.regions) app->region_search_.Add(r.name, r.full_name);
  for (const Program& p : app->data_.programs) {
    std::string secondary = p.provider + " " + p.region_name;
    for (const std::string& theme : p.themes) secondary += " " + theme;
    secondary += " " + p.summary;
    app->program_search_.Add(p.name, secondary);
  }
  for (const Facility& f : app->data_.facilities) {
    app->hours_.push_back(ParseOpeningHours(f.hours));
    if (app->hours_.back()) ++app->hours_known_;
  }
  app->facility_index_ = FacilityIndex(app->data_.facilities);
  app->all_clusters_ = MarkerClusters(app->data_.facilities);
  app->RebuildClusters();
  app->RecordStartupTime("markers", NowMs() - phase_start);

  const CanvasSize& canvas = GetCanvasSize();
  app->view_.SetViewport(canvas.css_width, canvas.css_height);
  app->fit_pending_ = true;  // in the first frame, when ImGui can measure the header panel
  app->legend_open_ = app->LegendStartsOpen();
  app->legend_layout_narrow_ = app->IsNarrow();
  app->list_open_ = !app->IsNarrow();
  app->last_frame_ms_ = NowMs();

  if (!app->font_.missing().empty()) {
    std::string list;
    for (ImWchar c : app->font_.missing()) {
      char code[12];
      std::snprintf(code, sizeof(code), " U+%04X", static_cast<unsigned>(c));
      list += code;
    }
    emscripten_log(EM_LOG_WARN, "bokji: %d characters have no glyph:%s",
                   static_cast<int>(app->font_.missing().size()), list.c_str());
  }
  return app;
}

bool App::LegendStartsOpen() const {
  constexpr int kMostRowsOpen = 6;
  int rows = 0;
  for (int count : category_counts_) rows += count > 0;
  return !IsNarrow() && rows <= kMostRowsOpen;
}

bool App::BuildFont(float pixel_ratio) {
  const float raster_ratio = std::min(pixel_ratio, theme_.max_font_pixel_ratio);
  if (!font_.Build(theme_.Scaled(theme_.font_size) * raster_ratio,
                   theme_.Scaled(theme_.small_font_size) * raster_ratio,
                   theme_.Scaled(theme_.large_font_size) * raster_ratio))
    return false;
  ImGui::GetIO().FontGlobalScale = 1.0f / raster_ratio;
  font_pixel_ratio_ = pixel_ratio;
  return true;
}

void App::RebuildClusters() {
  clusters_ = all_clusters_.Subset([this](uint32_t id) { return Passes(id); });
}

// ---------------------------------------------------------------------------------------------------------
// Frame
// ---------------------------------------------------------------------------------------------------------

bool App::IsNarrow() const {
  return view_.width() < 640;
}

// ---------------------------------------------------------------------------------------------------------
// Frame
// ---------------------------------------------------------------------------------------------------------

void App::Frame() {
  const CanvasSize& canvas = GetCanvasSize();
  ImGuiIO& io = ImGui::GetIO();

  // A new pixel ratio (browser zoom, another screen) re-rasterises the font for it.
  if (canvas.pixel_ratio != font_pixel_ratio_) {
    if (BuildFont(canvas.pixel_ratio)) {
      ImGui_ImplOpenGL3_DestroyFontsTexture();
      ImGui_ImplOpenGL3_CreateFontsTexture();
    }
  }

  const double now = NowMs();
  io.DeltaTime = static_cast<float>(std::max(now - last_frame_ms_, 0.1) / 1000.0);
  last_frame_ms_ = now;
  io.DisplaySize = ImVec2(canvas.css_width, canvas.css_height);
  io.DisplayFramebufferScale =
      ImVec2(canvas.pixel_width / canvas.css_width, canvas.pixel_height / canvas.css_height);
  view_.SetViewport(canvas.css_width, canvas.css_height);
  const WeekTime week_time = KstWeekTime(static_cast<int64_t>(std::time(nullptr)));
  if (week_time.minute != now_.minute || week_time.day != now_.day) {
    now_ = week_time;
    if (open_now_) FiltersChanged();  // a facility may have opened or closed
  }

  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  if (fit_pending_) {
    fit_pending_ = false;
    FitToData(/*animate=*/false);
  }

  StepAnimation();
  HandleMapInput();

  ImDrawList* background = ImGui::GetBackgroundDrawList();
  overlay_rects_.clear();
  button_rects_.clear();
  CollectMarkers();
  UpdateResults();
  DrawLabels(background);
  DrawMarkers(background);
  if (show_education_) DrawEducationMarkers(background);
  DrawLocation(background);
  // On a phone an open card or list covers the bottom edge: the scale bar and the attribution step
  // aside.
  if (!IsNarrow() || (selected_ < 0 && selected_program_ < 0 && chooser_.empty())) {
    DrawScaleBar(background);
    DrawAttribution(background);
  }

  if (programs_.is_open()) {
    programs_.Draw(view_.width(), view_.height(), IsNarrow());
  } else {
    DrawHeaderPanel();
    if (region_to_frame_ >= 0 && frame_count_ >= 1) {
      FlyToRegion(static_cast<uint32_t>(region_to_frame_));
      region_to_frame_ = -1;
    }
  }
  DrawZoomControls();
  if (selected_ >= 0) DrawFacilityCard();
  if (selected_program_ >= 0) DrawProgramCard();
  if (!chooser_.empty()) DrawChooser();
  if (show_data_info_) DrawDataInfo();
  if (show_education_) DrawEducationPanel();
  UpdateCursor();
  for (ImGuiWindow* window : ImGui::GetCurrentContext()->Windows) {
    if (window->Active && !window->Hidden)
      overlay_rects_.push_back(ImVec4(window->Pos.x, window->Pos.y, window->Pos.x + window->Size.x,
                                      window->Pos.y + window->Size.y));
  }

  ImGui::Render();
  glViewport(0, 0, canvas.pixel_width, canvas.pixel_height);
  const std::array<float, 4> clear = ToFloat4(theme_.map_background);
  glClearColor(clear[0], clear[1], clear[2], 1);
  glClear(GL_COLOR_BUFFER_BIT);
  tiles_.TakeLoadedTiles();
  if (tiles_.enabled()) {
    tiles_.Draw(view_);
    // Over raster tiles the region tints thin out so the tiles' streets show through.
    basemap_.Draw(view_, theme_, canvas.pixel_ratio, /*fill_opacity=*/0.3f);
  } else {
    const bool moving = (dragging_ && drag_moved_) || CurrentPinch().active || animation_.active;
    basemap_cache_.Draw(basemap_, view_, theme_, canvas, moving);
  }
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  ++frame_count_;

  UpdateUrlState();

  // ImGui animates some things itself (text cursor, fading tooltips): keep drawing while it may.
  if (io.WantTextInput || animation_.active) RequestFrames(2);
}

// ---------------------------------------------------------------------------------------------------------
// View animation
// ---------------------------------------------------------------------------------------------------------

void App::FitToData(bool animate) {
  LatLng south_west, north_east;
  if (!basemap_.Bounds(&south_west, &north_east)) {
    // No regions: frame the facilities, or Korea's centre.
    if (data_.facilities.empty()) {
      view_.SetCenter(ToMercator(LatLng{36.0, 127.8}));
      view_.SetZoom(7);
      return;
    }
    south_west = north_east = data_.facilities[0].position;
    for (const Facility& f : data_.facilities) {
      south_west.lat = std::min(south_west.lat, f.position.lat);
      south_west.lng = std::min(south_west.lng, f.position.lng);
      north_east.lat = std::max(north_east.lat, f.position.lat);
      north_east.lng = std::max(north_east.lng, f.position.lng);
    }
  }
  // Free of the header panel: beside it on a wide screen, below it on a phone.
  const float pad = theme_.Scaled(24);
  const ImGuiStyle& style = ImGui::GetStyle();
  ImVec4 insets(pad, pad, pad, pad);
  if (IsNarrow())
    insets.y += theme_.Scaled(10) + 2 * style.WindowPadding.y +
                ImGui::GetTextLineHeightWithSpacing() + 2 * ImGui::GetFrameHeightWithSpacing();
  else
    insets.x += theme_.Scaled(10) + theme_.Scaled(300);
  MapView target = view_;
  target.FitBounds(south_west, north_east, insets);
  if (animate)
    AnimateTo(target.center(), target.zoom());
  else
    view_ = target;
}

void App::AnimateZoomAround(ImVec2 anchor, double levels) {
  animation_ = Animation{};
  animation_.active = true;
  animation_.start_ms = NowMs();
  animation_.duration_ms = 220;
  animation_.from_zoom = view_.zoom();
  animation_.to_zoom = std::clamp(view_.zoom() + levels, MapView::kMinZoom, MapView::kMaxZoom);
  animation_.anchored = true;
  animation_.anchor_screen = anchor;
  animation_.anchor_world = view_.ToMercator(anchor);
  RequestFrames(2);
}

void App::AnimateTo(Mercator center, double zoom) {
  animation_ = Animation{};
  animation_.active = true;
  animation_.start_ms = NowMs();
  animation_.duration_ms = 350;
  animation_.from_zoom = view_.zoom();
  animation_.to_zoom = std::clamp(zoom, MapView::kMinZoom, MapView::kMaxZoom);
  animation_.from_center = view_.center();
  animation_.to_center = center;
  RequestFrames(2);
}

void App::StepAnimation() {
  if (!animation_.active) return;
  const double t = std::clamp((NowMs() - animation_.start_ms) / animation_.duration_ms, 0.0, 1.0);
  const double eased = 1 - (1 - t) * (1 - t) * (1 - t);  // ease-out cubic
  const double zoom = animation_.from_zoom + (animation_.to_zoom - animation_.from_zoom) * eased;
  if (animation_.anchored) {
    view_.ZoomAround(animation_.anchor_screen, zoom - view_.zoom());
  } else {
    view_.SetZoom(zoom);
    view_.SetCenter(Mercator{
        animation_.from_center.x + (animation_.to_center.x - animation_.from_center.x) * eased,
        animation_.from_center.y + (animation_.to_center.y - animation_.from_center.y) * eased});
  }
  if (t >= 1) animation_.active = false;
}

// ---------------------------------------------------------------------------------------------------------
// Map input: drag, pinch, wheel, double-click, keys, clicks on markers
// ---------------------------------------------------------------------------------------------------------

void App::HandleMapInput() {
  ImGuiIO& io = ImGui::GetIO();
  const bool pointer_on_map = !io.WantCaptureMouse;

  // Two fingers: pinch to zoom, move to pan. They cancel any one-finger drag.
  const Pinch& pinch = CurrentPinch();
  if (pinch.active) {
    if (pinch_was_active_ && last_pinch_distance_ > 0 && pinch.distance > 0) {
      animation_.active = false;
      view_.PanBy(
          ImVec2(pinch.center.x - last_pinch_center_.x, pinch.center.y - last_pinch_center_.y));
      view_.ZoomAround(pinch.center, std::log2(pinch.distance / last_pinch_distance_));
    }
    last_pinch_center_ = pinch.center;
    last_pinch_distance_ = pinch.distance;
    dragging_ = false;
  }
  pinch_was_active_ = pinch.active;

  // One pointer: drag to pan; a press and release without moving is a click.
  const float click_slop = LastPointerWasTouch() ? 10.0f : 4.0f;
  if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && pointer_on_map && !pinch.active) {
    dragging_ = true;
    drag_moved_ = false;
    press_position_ = io.MousePos;
  }
  if (dragging_) {
    if (ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
      if (ImGui::IsMousePosValid()) {
        const ImVec2 d(io.MousePos.x - press_position_.x, io.MousePos.y - press_position_.y);
        if (!drag_moved_ && d.x * d.x + d.y * d.y > click_slop * click_slop) {
          drag_moved_ = true;
          animation_.active = false;  // the hand takes over from a zoom in progress
          view_.PanBy(d);  // the motion so far, held back while it might have been a click
        } else if (drag_moved_) {
          view_.PanBy(io.MouseDelta);
        }
      }
    } else {
      if (!drag_moved_) HandleMapClick(press_position_);
      dragging_ = false;
    }
  }

  ImVec2 double_press;
  if (TakeDoublePress(&double_press)) {
    // On the map, not on a panel (the panels of the last frame are where they were when it
    // happened).
    const bool on_panel =
        std::any_of(overlay_rects_.begin(), overlay_rects_.end(), [&](const ImVec4& r) {
          return double_press.x >= r.x && double_press.x <= r.z && double_press.y >= r.y &&
                 double_press.y <= r.w;
        });
    if (!on_panel && !pinch.active) AnimateZoomAround(double_press, 1);
  }

  if (pointer_on_map && io.MouseWheel != 0 && ImGui::IsMousePosValid()) {
    animation_.active = false;
    view_.ZoomAround(io.MousePos, io.MouseWheel * 0.5);
  }

  if (!io.WantCaptureKeyboard) {
    const ImVec2 middle(view_.width() / 2, view_.height() / 2);
    constexpr float kStep = 80;
    if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow)) view_.PanBy(ImVec2(kStep, 0));
    if (ImGui::IsKeyPressed(ImGuiKey_RightArrow)) view_.PanBy(ImVec2(-kStep, 0));
    if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) view_.PanBy(ImVec2(0, kStep));
    if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) view_.PanBy(ImVec2(0, -kStep));
    if (ImGui::IsKeyPressed(ImGuiKey_Equal) || ImGui::IsKeyPressed(ImGuiKey_KeypadAdd))
      AnimateZoomAround(middle, 1);
    if (ImGui::IsKeyPressed(ImGuiKey_Minus) || ImGui::IsKeyPressed(ImGuiKey_KeypadSubtract))
      AnimateZoomAround(middle, -1);
    if (ImGui::IsKeyPressed(ImGuiKey_Escape)) {
      selected_ = -1;
      selected_program_ = -1;
      chooser_.clear();
      show_data_info_ = false;
      show_education_ = false;
    }
  }

  // Hover: the marker under the mouse (for the cursor and a highlight).
  hovered_marker_ = -1;
  if (pointer_on_map && ImGui::IsMousePosValid() && !LastPointerWasTouch()) {
    float best = 1e30f;
    for (size_t i = 0; i < visible_markers_.size(); ++i) {
      const VisibleMarker& m = visible_markers_[i];
      const float dx = m.screen.x - io.MousePos.x, dy = m.screen.y - io.MousePos.y;
      const float d2 = dx * dx + dy * dy;
      const float reach = m.radius + 2;
      if (d2 <= reach * reach && d2 < best) {
        best = d2;
        hovered_marker_ = static_cast<int>(i);
      }
    }
  }
}

void App::HandleMapClick(ImVec2 position) {
  if (picking_place_) {  // "tap the map" chose where to search from
    picking_place_ = false;
    SetPlace(PlaceKind::kPicked, FromMercator(view_.ToMercator(position)));
    return;
  }
  const float reach = theme_.Scaled(LastPointerWasTouch() ? theme_.marker_hit_radius_touch
                                                          : theme_.marker_hit_radius_mouse);
  // Every marker within reach; the nearest decides, unless several single markers share its spot.
  int nearest = -1;
  float nearest_d2 = 1e30f;
  for (size_t i = 0; i < visible_markers_.size(); ++i) {
    const VisibleMarker& m = visible_markers_[i];
    const float dx = m.screen.x - position.x, dy = m.screen.y - position.y;
    const float d2 = dx * dx + dy * dy;
    const float r = std::max(reach, m.radius);
    if (d2 <= r * r && d2 < nearest_d2) {
      nearest_d2 = d2;
      nearest = static_cast<int>(i);
    }
  }
  chooser_.clear();
  if (nearest < 0) {
    selected_ = -1;
    return;
  }
  const VisibleMarker& hit = visible_markers_[nearest];
  if (hit.count == 1) {
    for (const VisibleMarker& m : visible_markers_) {
      if (m.count == 1 && std::fabs(m.screen.x - hit.screen.x) < 1 &&
          std::fabs(m.screen.y - hit.screen.y) < 1)
        chooser_.push_back(m.facility_id);
    }
    if (chooser_.size() > 1) {
      selected_ = -1;
    } else {
      chooser_.clear();
      Select(static_cast<int>(hit.facility_id));
    }
    return;
  }
  // A cluster: zoom in until it splits; members that never split (one address) become a list.
  const int expansion = clusters_.ExpansionZoom(hit.cluster);
  if (expansion > clusters_.options().max_zoom) {
    clusters_.VisitMembers(hit.cluster, [&](uint32_t id) { chooser_.push_back(id); });
    std::sort(chooser_.begin(), chooser_.end());
    selected_ = -1;
  } else {
    AnimateTo(ToMercator(hit.centre), std::max<double>(expansion, view_.zoom() + 1));
  }
}

void App::Select(int facility, double min_zoom) {
  selected_ = facility;
  show_education_ = false;  // the card takes the panel's place
  selected_program_ = -1;
  // Keep the marker in sight beside the card: above it on a phone, left of it on a wide screen.
  const Mercator at = ToMercator(data_.facilities[facility].position);
  MapView target = view_;
  target.SetZoom(std::max(view_.zoom(), min_zoom));
  const ImVec2 screen = target.ToScreen(at);
  const float free_width = view_.width() - theme_.Scaled(400);  // left of the card
  ImVec2 wanted = screen;
  if (IsNarrow())
    wanted = ImVec2(view_.width() / 2, view_.height() * 0.28f);
  else if (min_zoom > view_.zoom())  // flying in from a search: to the middle of the free area
    wanted = ImVec2(free_width / 2, view_.height() / 2);
  else if (screen.x > free_width)
    wanted.x = free_width / 2;
  if (wanted.x == screen.x && wanted.y == screen.y && target.zoom() == view_.zoom()) return;
  const double s = target.scale();
  AnimateTo(Mercator{at.x - (wanted.x - view_.width() / 2) / s,
                     at.y - (wanted.y - view_.height() / 2) / s},
            target.zoom());
}

void App::UpdateCursor() {
  ImGuiIO& io = ImGui::GetIO();
  if (io.WantCaptureMouse) {
    switch (ImGui::GetMouseCursor()) {
      case ImGuiMouseCursor_TextInput:
        SetCursor("text");
        break;
      case ImGuiMouseCursor_Hand:
        SetCursor("pointer");
        break;
      default:
        SetCursor("default");
        break;
    }
    return;
  }
  if (dragging_ && drag_moved_)
    SetCursor("grabbing");
  else if (hovered_marker_ >= 0)
    SetCursor("pointer");
  else
    SetCursor("grab");
}

// ---------------------------------------------------------------------------------------------------------
// URL state
// ---------------------------------------------------------------------------------------------------------

void App::UpdateUrlState() {
  if (animation_.active || dragging_ || CurrentPinch().active || fit_pending_)
    return;  // once it settles
  std::string query;
  auto add = [&](const char* key, const std::string& value) {
    if (value.empty()) return;
    if (!query.empty()) query += '&';
    query += key;
    query += '=';
    query += UrlEncode(value);
  };
  char buffer[64];
  const LatLng center = FromMercator(view_.center());
  std::snprintf(buffer, sizeof(buffer), "%.2f/%.5f/%.5f", view_.zoom(), center.lat, center.lng);
  add("map", buffer);
  add("f", selected_ >= 0 ? data_.facilities[selected_].source_key : "");
  add("p", selected_program_ >= 0 ? data_.programs[selected_program_].service_id : "");
  add("q", searched_query_);
  if (filter_.categories != kAllCategories) {
    std::snprintf(buffer, sizeof(buffer), "%x", static_cast<unsigned>(filter_.categories));
    add("c", buffer);
  }
  if (filter_.any_target != 0) {
    int bit = 0;
    while ((filter_.any_target >> bit) != 1) ++bit;
    add("t", std::to_string(bit));
  }
  if (filter_.region_code != 0) add("r", std::to_string(filter_.region_code));
  if (open_now_) add("open", "1");
  // A place tapped or chosen is shared; the device's own location never goes into a link.
  if (place_kind_ == PlaceKind::kPicked || place_kind_ == PlaceKind::kRegion) {
    std::snprintf(buffer, sizeof(buffer), "%.5f,%.5f", place_.lat, place_.lng);
    add("near", buffer);
  }
  if (tiles_.enabled())
    add("tiles",
        tiles_.url_template() == TileLayer::kOpenStreetMap ? "osm" : tiles_.url_template());
  if (query == url_state_) return;
  url_state_ = query;
  ReplaceUrlState(query);
}

void App::RestoreUrlState(const std::string& query) {
  std::string map;
  bool filters_changed = false;
  for (const auto& [key, value] : ParseQueryString(query)) {
    if (key == "map") {
      map = value;
    } else if (key == "f") {
      for (size_t i = 0; i < data_.facilities.size() && !value.empty(); ++i)
        if (data_.facilities[i].source_key == value) selected_ = static_cast<int>(i);
    } else if (key == "p") {
      for (size_t i = 0; i < data_.programs.size() && !value.empty(); ++i)
        if (data_.programs[i].service_id == value) selected_program_ = static_cast<int>(i);
    } else if (key == "q") {
      SetTextFieldValue(value.c_str());  // the page reports it back; UpdateSearch searches it
      results_open_ = false;
    } else if (key == "c") {
      char* end = nullptr;
      const unsigned long bits = std::strtoul(value.c_str(), &end, 16);
      if (end != value.c_str() && *end == 0 &&
          (bits & ~static_cast<unsigned long>(kAllCategories)) == 0) {
        filter_.categories = static_cast<CategorySet>(bits);
        filters_changed = true;
      }
    } else if (key == "t") {
      const int bit = std::atoi(value.c_str());
      if (bit >= 0 && bit < kTargetGroupCount && value == std::to_string(bit)) {
        filter_.any_target = 1u << bit;
        filters_changed = true;
      }
    } else if (key == "r") {
      const uint32_t code = static_cast<uint32_t>(std::strtoul(value.c_str(), nullptr, 10));
      for (const Region& r : data_.regions)
        if (r.code == code && r.level != RegionLevel::kProvince) {
          filter_.region_code = code;
          filters_changed = true;
        }
    } else if (key == "open") {
      open_now_ = value == "1" && hours_known_ > 0;
      filters_changed = true;
    } else if (key == "tiles") {
      const std::string tiles = value == "osm" ? TileLayer::kOpenStreetMap : value;
      if (TileLayer::IsValidTemplate(tiles)) tiles_.SetTemplate(tiles);
    } else if (key == "near") {
      double lat = 0, lng = 0;
      if (std::sscanf(value.c_str(), "%lf,%lf", &lat, &lng) == 2 && lat >= -85 && lat <= 85 &&
          lng >= -180 && lng <= 180) {
        place_kind_ = PlaceKind::kPicked;
        place_ = LatLng{lat, lng};
        nearby_open_ = true;
      }
    }
  }
  if (filters_changed) FiltersChanged();
  if (selected_program_ >= 0) selected_ = -1;
  double zoom = 0, lat = 0, lng = 0;
  if (std::sscanf(map.c_str(), "%lf/%lf/%lf", &zoom, &lat, &lng) == 3 && lat >= -85 && lat <= 85 &&
      lng >= -180 && lng <= 180) {
    view_.SetZoom(zoom);
    view_.SetCenter(ToMercator(LatLng{lat, lng}));
    fit_pending_ = false;
  } else if (filter_.region_code != 0 && selected_ < 0) {
    for (size_t i = 0; i < data_.regions.size(); ++i)
      if (data_.regions[i].code == filter_.region_code) region_to_frame_ = static_cast<int>(i);
  } else if (selected_ >= 0) {
    view_.SetZoom(14);
    view_.SetCenter(ToMercator(data_.facilities[selected_].position));
    fit_pending_ = false;
  }
  RequestFrames(3);
}

// ---------------------------------------------------------------------------------------------------------
// Debug state for tests
// ---------------------------------------------------------------------------------------------------------

void App::NoteButton(const char* name) {
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  button_rects_.emplace_back(name, ImVec4(min.x, min.y, max.x, max.y));
}

void App::RecordStartupTime(const char* phase, double ms) {
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%s\"%s\":%.1f", startup_json_.empty() ? "" : ",", phase,
                ms);
  startup_json_ += buffer;
}

namespace {

// `text` inside a JSON string: quotes and backslashes escaped, control characters dropped.
void AppendJsonEscaped(const std::string& text, std::string* json) {
  for (char c : text) {
    if (c == '"' || c == '\\') *json += '\\';
    if (static_cast<unsigned char>(c) >= 0x20) *json += c;
  }
}

}  // namespace

std::string App::DebugJson() const {
  std::string json = "{";
  char buffer[1024];
  const LatLng center = FromMercator(view_.center());
  std::snprintf(
      buffer, sizeof(buffer),
      "\"frames\":%d,\"zoom\":%.4f,\"center\":[%.6f,%.6f],\"selected\":%d,\"chooser\":%d,"
      "\"facilities\":%d,\"approximate_facilities\":%d,\"programs\":%d,\"regions\":%d,"
      "\"triangles\":%d,\"outline_vertices\":%d,\"glyphs\":%d,\"data_info\":%s,\"animating\":%s,",
      frame_count_, view_.zoom(), center.lat, center.lng, selected_,
      static_cast<int>(chooser_.size()), static_cast<int>(data_.facilities.size()),
      approximate_facilities_, static_cast<int>(data_.programs.size()),
      static_cast<int>(data_.regions.size()), basemap_.drawn_triangles(),
      basemap_.drawn_outline_vertices(), font_.glyph_count(), show_data_info_ ? "true" : "false",
      animation_.active ? "true" : "false");
  json += buffer;
  const CanvasSize& canvas = GetCanvasSize();
  std::snprintf(
      buffer, sizeof(buffer),
      "\"canvas\":{\"css_width\":%.1f,\"css_height\":%.1f,\"pixel_width\":%d,\"pixel_height\":%d,"
      "\"pixel_ratio\":%.3f},",
      canvas.css_width, canvas.css_height, canvas.pixel_width, canvas.pixel_height,
      canvas.pixel_ratio);
  json += buffer;
  json += "\"selected_name\":\"";
  if (selected_ >= 0) AppendJsonEscaped(data_.facilities[selected_].name, &json);
  json += "\",\"startup_ms\":{" + startup_json_ + "}";
  std::snprintf(buffer, sizeof(buffer), ",\"atlas\":[%d,%d]", ImGui::GetIO().Fonts->TexWidth,
                ImGui::GetIO().Fonts->TexHeight);
  json += buffer;
  json += ",\"query\":\"";
  AppendJsonEscaped(searched_query_, &json);
  json += "\"";
  std::snprintf(buffer, sizeof(buffer),
                ",\"selected_program\":%d,\"search\":{\"facilities\":%d,\"regions\":%d,"
                "\"programs\":%d}",
                selected_program_, static_cast<int>(facility_hits_.size()),
                static_cast<int>(region_hits_.size()), static_cast<int>(program_hits_.size()));
  json += buffer;
  json += ",\"programs_view\":" + programs_.DebugJson();
  json += ",\"missing_glyphs\":[";
  for (size_t i = 0; i < font_.missing().size(); ++i) {
    std::snprintf(buffer, sizeof(buffer), "%s%u", i ? "," : "",
                  static_cast<unsigned>(font_.missing()[i]));
    json += buffer;
  }
  static constexpr const char* kPlaceKinds[] = {"none", "device", "picked", "region"};
  std::snprintf(
      buffer, sizeof(buffer),
      "],\"filters\":{\"categories\":%u,\"target\":%u,\"region\":%u,\"open_now\":%s,"
      "\"hours_known\":%d},\"place\":{\"kind\":\"%s\",\"lat\":%.6f,\"lng\":%.6f,"
      "\"picking\":%s},\"results_total\":%d,\"list_open\":%s,\"hovered_result\":%d,"
      "\"hovered_marker_facility\":%d,\"link_copied\":%s,\"tiles\":{\"enabled\":%s,"
      "\"loaded\":%d,\"failed\":%d,\"drawn\":%d}",
      static_cast<unsigned>(filter_.categories), static_cast<unsigned>(filter_.any_target),
      static_cast<unsigned>(filter_.region_code), open_now_ ? "true" : "false", hours_known_,
      kPlaceKinds[static_cast<int>(place_kind_)], place_.lat, place_.lng,
      picking_place_ ? "true" : "false", results_total_, list_open_ ? "true" : "false",
      hovered_result_,
      hovered_marker_ >= 0 && visible_markers_[hovered_marker_].count == 1
          ? static_cast<int>(visible_markers_[hovered_marker_].facility_id)
          : -1,
      link_copied_until_ms_ > NowMs() ? "true" : "false", tiles_.enabled() ? "true" : "false",
      tiles_.loaded(), tiles_.failed(), tiles_.drawn());
  json += buffer;
  // The results list; "nearby" is the same list while it is measured from a place.
  for (const char* name : {"results", "nearby"}) {
    json += std::string(",\"") + name + "\":[";
    const bool empty = std::string(name) == "nearby" && place_kind_ == PlaceKind::kNone;
    for (size_t i = 0; i < results_.size() && !empty; ++i) {
      std::snprintf(buffer, sizeof(buffer), "%s{\"facility\":%u,\"distance_m\":%.1f,\"name\":\"",
                    i ? "," : "", results_[i].id, results_[i].distance_m);
      json += buffer;
      AppendJsonEscaped(data_.facilities[results_[i].id].name, &json);
      json += "\"}";
    }
    json += "]";
  }
  json += ",\"education\":{\"open\":" + std::string(show_education_ ? "true" : "false") +
          ",\"count\":" + std::to_string(data_.education.size()) + ",\"listed\":[";
  for (size_t i = 0; i < education_listed_.size(); ++i) {
    json += std::string(i ? "," : "") + "{\"id\":" + std::to_string(education_listed_[i]) +
            ",\"title\":\"";
    AppendJsonEscaped(data_.education[education_listed_[i]].title, &json);
    json += "\"}";
  }
  json += "],\"selected\":" + std::to_string(education_selected_) + "}";
  json += ",\"basemap_cache\":{\"renders\":" + std::to_string(basemap_cache_.renders()) +
          ",\"from_texture\":" + (basemap_cache_.last_from_texture() ? "true" : "false") + "}";
  json += ",\"buttons\":{";
  for (size_t i = 0; i < button_rects_.size(); ++i) {
    const ImVec4& r = button_rects_[i].second;
    std::snprintf(buffer, sizeof(buffer), "%s\"%s\":[%.1f,%.1f,%.1f,%.1f]", i ? "," : "",
                  button_rects_[i].first, r.x, r.y, r.z, r.w);
    json += buffer;
  }
  static constexpr const char* kLocationStates[] = {"none", "pending", "found", "denied",
                                                    "unavailable"};
  json += "},\"location\":\"";
  json += kLocationStates[static_cast<int>(CurrentLocation().state)];
  json += "\",\"overlays\":[";
  for (size_t i = 0; i < overlay_rects_.size(); ++i) {
    const ImVec4& r = overlay_rects_[i];
    std::snprintf(buffer, sizeof(buffer), "%s[%.1f,%.1f,%.1f,%.1f]", i ? "," : "", r.x, r.y, r.z,
                  r.w);
    json += buffer;
  }
  json += "],\"markers\":[";
  for (size_t i = 0; i < visible_markers_.size() && i < 1000; ++i) {
    const VisibleMarker& m = visible_markers_[i];
    std::snprintf(buffer, sizeof(buffer), "%s{\"x\":%.1f,\"y\":%.1f,\"count\":%u,\"facility\":%u}",
                  i ? "," : "", m.screen.x, m.screen.y, m.count, m.facility_id);
    json += buffer;
  }
  json += "]}";
  return json;
}

}  // namespace bokji::web
