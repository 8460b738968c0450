// Index
//   - Formatting: dates, URLs, phone links
//   - Creation
//   - Frame
//   - View animation
//   - Map input: drag, pinch, wheel, double-click, keys, clicks on markers
//   - Map overlay: region labels, markers and clusters, scale bar, attribution
//   - Panels: header and legend, zoom controls, facility card, chooser, data info
//   - Debug state for tests
#include "web/app.h"

#include <emscripten.h>

#include <GLES3/gl3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_internal.h"  // the windows on screen, for DebugJson
#include "web/platform.h"

namespace bokji::web {
namespace {

// ---------------------------------------------------------------------------------------------------------
// Formatting: dates, URLs, phone links
// ---------------------------------------------------------------------------------------------------------

// "2019.12.31", or the "not stated" text for 0.
std::string FormatDate(Date date) {
  if (date == 0) return Text(StringId::kNotStated);
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "%04u.%02u.%02u", date / 10000, (date / 100) % 100, date % 100);
  return buffer;
}

// Percent-encodes everything but unreserved characters (RFC 3986), UTF-8 bytes included.
std::string UrlEncode(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// "tel:0632229999" from "063-222-9999"; empty when the text holds no digits.
std::string TelUrl(const std::string& phone) {
  std::string digits;
  for (char c : phone) {
    if (c >= '0' && c <= '9') digits += c;
    if (c == '+' && digits.empty()) digits += c;
    // "063-222-9999 (내선 2)" or "063-222-9999, 9998": the first number only.
    if ((c == ',' || c == '(' || c == '/' || c == '~') && digits.size() >= 7) break;
  }
  return digits.size() >= 3 ? "tel:" + digits : "";
}

// Kakao Map's documented link "to" a named point: /link/to/{name},{lat},{lng}.
std::string KakaoDirectionsUrl(const Facility& f) {
  char coordinates[64];
  std::snprintf(coordinates, sizeof(coordinates), ",%.6f,%.6f", f.position.lat, f.position.lng);
  return "https://map.kakao.com/link/to/" + UrlEncode(f.name) + coordinates;
}

// Naver Map's web directions with the destination set (elng, elat, etext).
std::string NaverDirectionsUrl(const Facility& f) {
  char coordinates[80];
  std::snprintf(coordinates, sizeof(coordinates), "?menu=route&elng=%.6f&elat=%.6f&etext=", f.position.lng,
                f.position.lat);
  return std::string("https://map.naver.com/index.nhn") + coordinates + UrlEncode(f.name);
}

void DrawHaloText(ImDrawList* draw_list, ImFont* font, float size, ImVec2 position, ImU32 color,
                  ImU32 halo, const char* text) {
  static constexpr float kOffsets[8][2] = {{-1, -1}, {0, -1}, {1, -1}, {-1, 0},
                                           {1, 0},   {-1, 1}, {0, 1},  {1, 1}};
  for (const auto& offset : kOffsets)
    draw_list->AddText(font, size, ImVec2(position.x + offset[0], position.y + offset[1]), halo, text);
  draw_list->AddText(font, size, position, color, text);
}

bool Overlaps(const ImVec4& a, const ImVec4& b) {
  return a.x < b.z && b.x < a.z && a.y < b.w && b.y < a.w;
}

// A label's box (x0, y0, x1, y1) if it is free of every placed box; then it is placed.
bool TryPlace(std::vector<ImVec4>* placed, const ImVec4& box) {
  for (const ImVec4& other : *placed)
    if (Overlaps(box, other)) return false;
  placed->push_back(box);
  return true;
}

bool AccentButton(const Theme& theme, const char* label, ImVec2 size = ImVec2(0, 0)) {
  const ImVec4 accent = ImGui::ColorConvertU32ToFloat4(theme.accent);
  ImGui::PushStyleColor(ImGuiCol_Button, accent);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(accent.x * 0.85f, accent.y * 0.85f, accent.z * 0.85f, 1));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(accent.x * 0.7f, accent.y * 0.7f, accent.z * 0.7f, 1));
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme.accent_text));
  const bool pressed = ImGui::Button(label, size);
  ImGui::PopStyleColor(4);
  return pressed;
}

double NowMs() { return emscripten_get_now(); }

constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                         ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                         ImGuiWindowFlags_NoTitleBar;

}  // namespace

// ---------------------------------------------------------------------------------------------------------
// Creation
// ---------------------------------------------------------------------------------------------------------

App::App(Dataset data, std::vector<uint8_t> font_ttf)
    : data_(std::move(data)), theme_(DefaultTheme()), font_(std::move(font_ttf), data_) {}

std::unique_ptr<App> App::Create(Dataset data, std::vector<uint8_t> font_ttf, StringId* failure,
                                 std::string* detail) {
  double phase_start = NowMs();
  std::unique_ptr<App> app(new App(std::move(data), std::move(font_ttf)));
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
  app->all_clusters_ = MarkerClusters(app->data_.facilities);
  app->RebuildClusters();
  app->RecordStartupTime("markers", NowMs() - phase_start);

  const CanvasSize& canvas = GetCanvasSize();
  app->view_.SetViewport(canvas.css_width, canvas.css_height);
  app->FitToData(/*animate=*/false);
  app->legend_open_ = !app->IsNarrow();  // on a phone the map needs the room
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

bool App::BuildFont(float pixel_ratio) {
  const float raster_ratio = std::min(pixel_ratio, theme_.max_font_pixel_ratio);
  if (!font_.Build(theme_.Scaled(theme_.font_size) * raster_ratio,
                   theme_.Scaled(theme_.small_font_size) * raster_ratio))
    return false;
  ImGui::GetIO().FontGlobalScale = 1.0f / raster_ratio;
  font_pixel_ratio_ = pixel_ratio;
  return true;
}

void App::RebuildClusters() {
  if (visible_categories_ == kAllCategories) {
    clusters_ = all_clusters_.Subset([](uint32_t) { return true; });
    return;
  }
  clusters_ = all_clusters_.Subset([this](uint32_t id) {
    return (visible_categories_ & CategoryBit(data_.facilities[id].category)) != 0;
  });
}

bool App::IsNarrow() const { return view_.width() < 640; }

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
  io.DisplayFramebufferScale = ImVec2(canvas.pixel_width / canvas.css_width,
                                      canvas.pixel_height / canvas.css_height);
  view_.SetViewport(canvas.css_width, canvas.css_height);

  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();

  StepAnimation();
  HandleMapInput();

  ImDrawList* background = ImGui::GetBackgroundDrawList();
  overlay_rects_.clear();
  CollectMarkers();
  DrawLabels(background);
  DrawMarkers(background);
  DrawScaleBar(background);
  DrawAttribution(background);

  DrawHeaderPanel();
  DrawZoomControls();
  if (selected_ >= 0) DrawFacilityCard();
  if (!chooser_.empty()) DrawChooser();
  if (show_data_info_) DrawDataInfo();
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
  basemap_.Draw(view_, theme_, canvas.pixel_ratio);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  ++frame_count_;

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
  MapView target = view_;
  target.FitBounds(south_west, north_east, theme_.Scaled(24));
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
      view_.PanBy(ImVec2(pinch.center.x - last_pinch_center_.x, pinch.center.y - last_pinch_center_.y));
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
    animation_.active = false;
  }
  if (dragging_) {
    if (ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
      if (ImGui::IsMousePosValid()) {
        const ImVec2 d(io.MousePos.x - press_position_.x, io.MousePos.y - press_position_.y);
        if (!drag_moved_ && d.x * d.x + d.y * d.y > click_slop * click_slop) {
          drag_moved_ = true;
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
    // On the map, not on a panel (the panels of the last frame are where they were when it happened).
    const bool on_panel = std::any_of(overlay_rects_.begin(), overlay_rects_.end(), [&](const ImVec4& r) {
      return double_press.x >= r.x && double_press.x <= r.z && double_press.y >= r.y && double_press.y <= r.w;
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
      chooser_.clear();
      show_data_info_ = false;
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
      if (m.count == 1 && std::fabs(m.screen.x - hit.screen.x) < 1 && std::fabs(m.screen.y - hit.screen.y) < 1)
        chooser_.push_back(m.facility_id);
    }
    if (chooser_.size() > 1) {
      selected_ = -1;
    } else {
      chooser_.clear();
      selected_ = static_cast<int>(hit.facility_id);
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

void App::UpdateCursor() {
  ImGuiIO& io = ImGui::GetIO();
  if (io.WantCaptureMouse) {
    switch (ImGui::GetMouseCursor()) {
      case ImGuiMouseCursor_TextInput: SetCursor("text"); break;
      case ImGuiMouseCursor_Hand: SetCursor("pointer"); break;
      default: SetCursor("default"); break;
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
// Map overlay: region labels, markers and clusters, scale bar, attribution
// ---------------------------------------------------------------------------------------------------------

void App::CollectMarkers() {
  visible_markers_.clear();
  LatLng south_west, north_east;
  view_.VisibleBounds(theme_.Scaled(24), &south_west, &north_east);
  south_west.lat = std::clamp(south_west.lat, -85.0, 85.0);
  north_east.lat = std::clamp(north_east.lat, -85.0, 85.0);
  south_west.lng = std::clamp(south_west.lng, -180.0, 180.0);
  north_east.lng = std::clamp(north_east.lng, -180.0, 180.0);
  const int zoom = std::max(0, static_cast<int>(std::floor(view_.zoom())));
  const float radius = theme_.Scaled(theme_.marker_radius);
  clusters_.VisitClusters(south_west, north_east, zoom, [&](const MarkerCluster& cluster) {
    const ImVec2 at = view_.ToScreen(cluster.centre);
    const float r = cluster.count == 1
                        ? radius
                        : radius * (1.5f + 0.35f * std::log10(static_cast<float>(cluster.count)));
    visible_markers_.push_back(
        VisibleMarker{at, r, cluster.count, cluster.facility_id, cluster.id, cluster.centre});
  });
  // Drawn north to south, so nearer (lower) markers overlap farther ones the way a map reads.
  std::sort(visible_markers_.begin(), visible_markers_.end(),
            [](const VisibleMarker& a, const VisibleMarker& b) { return a.screen.y < b.screen.y; });
}

void App::DrawLabels(ImDrawList* draw_list) {
  const double zoom = view_.zoom();
  ImFont* regular = ImGui::GetFont();
  ImFont* small = font_.small();
  const float regular_size = ImGui::GetFontSize();
  const float small_size = theme_.Scaled(theme_.small_font_size);
  // Labels keep clear of markers and of each other; coarse levels are placed first and win.
  std::vector<ImVec4> placed;
  for (const VisibleMarker& m : visible_markers_)
    placed.push_back(ImVec4(m.screen.x - m.radius, m.screen.y - m.radius, m.screen.x + m.radius,
                            m.screen.y + m.radius));
  struct Pass {
    RegionLevel level;
    double min_zoom, max_zoom;
    ImFont* font;
    float size;
    ImU32 color;
  };
  const Pass passes[] = {
      {RegionLevel::kProvince, 0, 7.6, regular, regular_size, theme_.sigungu_label},
      {RegionLevel::kSigungu, 7.6, 12.5, regular, regular_size, theme_.sigungu_label},
      {RegionLevel::kEmd, kEmdOutlineFadeEnd, 99, small, small_size, theme_.emd_label},
  };
  for (const Pass& pass : passes) {
    if (zoom < pass.min_zoom || zoom >= pass.max_zoom) continue;
    for (size_t i = 0; i < data_.regions.size(); ++i) {
      const Region& region = data_.regions[i];
      if (region.level != pass.level || region.name.empty()) continue;
      const ImVec2 at = view_.ToScreen(label_positions_[i]);
      if (at.x < -200 || at.y < -50 || at.x > view_.width() + 200 || at.y > view_.height() + 50) continue;
      const char* text = region.name.c_str();
      const ImVec2 extent = pass.font->CalcTextSizeA(pass.size, FLT_MAX, 0, text);
      // At the label point, or just above or below it when a marker sits there.
      for (const float shift : {0.0f, -1.0f, 1.0f}) {
        const ImVec2 top_left(std::floor(at.x - extent.x / 2),
                              std::floor(at.y - extent.y / 2 + shift * (extent.y + 4)));
        const ImVec4 box(top_left.x - 3, top_left.y - 1, top_left.x + extent.x + 3, top_left.y + extent.y + 1);
        if (!TryPlace(&placed, box)) continue;
        DrawHaloText(draw_list, pass.font, pass.size, top_left, pass.color, theme_.label_halo, text);
        break;
      }
    }
  }
}

void App::DrawMarkers(ImDrawList* draw_list) {
  const float outline = theme_.Scaled(2);
  const VisibleMarker* selected_marker = nullptr;
  for (size_t i = 0; i < visible_markers_.size(); ++i) {
    const VisibleMarker& m = visible_markers_[i];
    const bool hovered = static_cast<int>(i) == hovered_marker_;
    const float r = hovered ? m.radius + 1 : m.radius;
    draw_list->AddCircleFilled(m.screen, r + outline, theme_.marker_outline);
    if (m.count == 1) {
      if (static_cast<int>(m.facility_id) == selected_) selected_marker = &m;
      draw_list->AddCircleFilled(m.screen, r, theme_.CategoryColor(data_.facilities[m.facility_id].category));
    } else {
      char count[16];
      std::snprintf(count, sizeof(count), "%u", m.count);
      draw_list->AddCircleFilled(m.screen, r, theme_.cluster);
      ImFont* small = font_.small();
      const float size = theme_.Scaled(theme_.small_font_size);
      const ImVec2 extent = small->CalcTextSizeA(size, FLT_MAX, 0, count);
      draw_list->AddText(small, size, ImVec2(std::floor(m.screen.x - extent.x / 2), std::floor(m.screen.y - extent.y / 2)),
                         theme_.cluster_text, count);
    }
  }
  // Names beside single markers once the map is close enough to have room.
  if (view_.zoom() >= 13) {
    ImFont* small = font_.small();
    const float size = theme_.Scaled(theme_.small_font_size);
    std::vector<ImVec4> placed;
    for (const VisibleMarker& m : visible_markers_)
      placed.push_back(ImVec4(m.screen.x - m.radius, m.screen.y - m.radius, m.screen.x + m.radius,
                              m.screen.y + m.radius));
    for (const VisibleMarker& m : visible_markers_) {
      if (m.count != 1) continue;
      const char* name = data_.facilities[m.facility_id].name.c_str();
      const ImVec2 extent = small->CalcTextSizeA(size, FLT_MAX, 0, name);
      const ImVec2 at(std::floor(m.screen.x + m.radius + 5), std::floor(m.screen.y - extent.y / 2));
      if (!TryPlace(&placed, ImVec4(at.x, at.y, at.x + extent.x, at.y + extent.y))) continue;
      DrawHaloText(draw_list, small, size, at, theme_.text, theme_.label_halo, name);
    }
  }
  if (selected_marker != nullptr) {
    const Facility& f = data_.facilities[selected_marker->facility_id];
    const float r = selected_marker->radius * 1.45f;
    draw_list->AddCircleFilled(selected_marker->screen, r + outline * 1.5f, theme_.marker_selected_ring);
    draw_list->AddCircleFilled(selected_marker->screen, r, theme_.marker_outline);
    draw_list->AddCircleFilled(selected_marker->screen, r - outline, theme_.CategoryColor(f.category));
  }
}

void App::DrawScaleBar(ImDrawList* draw_list) {
  const double metres_per_pixel = view_.MetresPerPixel();
  const float max_width = theme_.Scaled(110);
  // The largest 1, 2 or 5 × 10^k metres that fits.
  const double limit = metres_per_pixel * max_width;
  double metres = std::pow(10.0, std::floor(std::log10(limit)));
  if (metres * 5 <= limit)
    metres *= 5;
  else if (metres * 2 <= limit)
    metres *= 2;
  const float width = static_cast<float>(metres / metres_per_pixel);
  char label[32];
  if (metres >= 1000)
    std::snprintf(label, sizeof(label), "%g km", metres / 1000);
  else
    std::snprintf(label, sizeof(label), "%g m", metres);

  const float margin = theme_.Scaled(12);
  const float bar_height = theme_.Scaled(5);
  const ImVec2 text_size = ImGui::CalcTextSize(label);
  const ImVec2 origin(margin, view_.height() - margin);
  const ImVec2 box_min(origin.x - 4, origin.y - bar_height - text_size.y - 6);
  const ImVec2 box_max(origin.x + std::max(width, text_size.x) + 4, origin.y + 3);
  draw_list->AddRectFilled(box_min, box_max, IM_COL32(255, 255, 255, 190), 4);
  overlay_rects_.push_back(ImVec4(box_min.x, box_min.y, box_max.x, box_max.y));
  draw_list->AddRectFilled(ImVec2(origin.x, origin.y - bar_height), ImVec2(origin.x + width, origin.y),
                           theme_.text);
  draw_list->AddText(ImVec2(origin.x, origin.y - bar_height - text_size.y - 3), theme_.text, label);
}

void App::DrawAttribution(ImDrawList* draw_list) {
  const char* text = Text(StringId::kBoundaryAttribution);
  ImFont* small = font_.small();
  const float size = theme_.Scaled(theme_.small_font_size);
  const ImVec2 extent = small->CalcTextSizeA(size, FLT_MAX, 0, text);
  const ImVec2 at(view_.width() - extent.x - 8, view_.height() - extent.y - 4);
  draw_list->AddRectFilled(ImVec2(at.x - 4, at.y - 2), ImVec2(at.x + extent.x + 4, at.y + extent.y + 2),
                           IM_COL32(255, 255, 255, 170), 3);
  overlay_rects_.push_back(ImVec4(at.x - 4, at.y - 2, at.x + extent.x + 4, at.y + extent.y + 2));
  draw_list->AddText(small, size, at, theme_.text_muted, text);
}

// ---------------------------------------------------------------------------------------------------------
// Panels: header and legend, zoom controls, facility card, chooser, data info
// ---------------------------------------------------------------------------------------------------------

void App::DrawHeaderPanel() {
  const float margin = theme_.Scaled(10);
  const float width = IsNarrow() ? view_.width() - 2 * margin : theme_.Scaled(300);
  ImGui::SetNextWindowPos(ImVec2(margin, margin));
  ImGui::SetNextWindowSize(ImVec2(width, 0));
  ImGui::Begin("##header", nullptr, kPanelFlags | ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::TextUnformatted(Text(StringId::kAppTitle));
  ImGui::SameLine();
  ImGui::TextDisabled("%s", data_.title.c_str());
  if (ImGui::Button(Text(StringId::kDataInfoButton))) show_data_info_ = !show_data_info_;
  ImGui::SameLine();
  if (ImGui::Button(Text(StringId::kFitProvince))) FitToData(/*animate=*/true);

  ImGui::SetNextItemOpen(legend_open_, ImGuiCond_Once);
  legend_open_ = ImGui::CollapsingHeader(Text(StringId::kLegendTitle));
  if (legend_open_) {
    const float swatch = ImGui::GetFontSize() * 0.7f;
    bool changed = false;
    for (int c = 0; c < kFacilityCategoryCount; ++c) {
      if (category_counts_[c] == 0) continue;
      const auto category = static_cast<FacilityCategory>(c);
      bool on = (visible_categories_ & CategoryBit(category)) != 0;
      ImGui::PushID(c);
      if (ImGui::Checkbox("##on", &on)) {
        visible_categories_ ^= CategoryBit(category);
        changed = true;
      }
      ImGui::SameLine();
      const ImVec2 p = ImGui::GetCursorScreenPos();
      const float line = ImGui::GetFrameHeight();
      ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + swatch / 2, p.y + line / 2), swatch / 2,
                                                  theme_.CategoryColor(category));
      ImGui::Dummy(ImVec2(swatch, line));
      ImGui::SameLine();
      ImGui::AlignTextToFramePadding();
      ImGui::Text("%s (%d)", CategoryLabel(category), category_counts_[c]);
      ImGui::PopID();
    }
    if (changed) {
      RebuildClusters();
      if (selected_ >= 0 &&
          (visible_categories_ & CategoryBit(data_.facilities[selected_].category)) == 0)
        selected_ = -1;
    }
  }
  ImGui::End();
}

void App::DrawZoomControls() {
  if (IsNarrow() && (selected_ >= 0 || !chooser_.empty())) return;  // the card needs the room
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
  if (icon_button("##out", StringId::kZoomOut, false)) AnimateZoomAround(middle, -1);
  ImGui::End();
  ImGui::PopStyleVar(2);
}

void App::DrawFacilityCard() {
  const Facility& f = data_.facilities[selected_];
  const float margin = theme_.Scaled(10);
  if (IsNarrow()) {
    ImGui::SetNextWindowPos(ImVec2(margin, view_.height() - margin), ImGuiCond_Always, ImVec2(0, 1));
    ImGui::SetNextWindowSizeConstraints(ImVec2(view_.width() - 2 * margin, 0),
                                        ImVec2(view_.width() - 2 * margin, view_.height() * 0.6f));
  } else {
    const float width = theme_.Scaled(380);
    ImGui::SetNextWindowPos(ImVec2(view_.width() - margin, margin), ImGuiCond_Always, ImVec2(1, 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, view_.height() - 2 * margin));
  }
  ImGui::Begin("##card", nullptr, kPanelFlags | ImGuiWindowFlags_AlwaysAutoResize);
  const float close_width = ImGui::CalcTextSize(Text(StringId::kCardClose)).x + ImGui::GetStyle().FramePadding.x * 2;

  // Category, then the name in the category's colour.
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme_.CategoryColor(f.category)));
  ImGui::TextUnformatted(CategoryLabel(f.category));
  ImGui::PopStyleColor();
  ImGui::SameLine(ImGui::GetContentRegionMax().x - close_width);
  if (ImGui::Button(Text(StringId::kCardClose))) selected_ = -1;
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(f.name.c_str());
  ImGui::Separator();

  auto field = [&](StringId label, const std::string& value) {
    if (value.empty()) return;
    ImGui::TextDisabled("%s", Text(label));
    ImGui::TextUnformatted(value.c_str());
  };
  field(StringId::kCardAddress, f.road_address.empty() ? f.lot_address : f.road_address);
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
  if (!f.phone.empty()) {
    ImGui::TextDisabled("%s", Text(StringId::kCardPhone));
    ImGui::TextUnformatted(f.phone.c_str());
  }
  ImGui::PopTextWrapPos();

  // Actions.
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

  // Where this came from and how old it is.
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::PushTextWrapPos(0);
  if (f.source < data_.sources.size()) {
    const Source& source = data_.sources[f.source];
    ImGui::TextDisabled("%s: %s", Text(StringId::kCardSource), source.name.c_str());
    const std::string source_date = FormatDate(source.data_date);
    ImGui::TextDisabled(Text(StringId::kCardSourceDateFormat), source_date.c_str());
  }
  if (f.verified != 0) {
    const std::string verified = FormatDate(f.verified);
    ImGui::TextDisabled(Text(StringId::kCardVerifiedFormat), verified.c_str());
  }
  ImGui::PopTextWrapPos();
  ImGui::End();
}

void App::DrawChooser() {
  const float margin = theme_.Scaled(10);
  const float width = IsNarrow() ? view_.width() - 2 * margin : theme_.Scaled(380);
  if (IsNarrow())
    ImGui::SetNextWindowPos(ImVec2(margin, view_.height() - margin), ImGuiCond_Always, ImVec2(0, 1));
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
    selected_ = static_cast<int>(chosen);
    chooser_.clear();
  }
}

void App::DrawDataInfo() {
  const float width = std::min(view_.width() - theme_.Scaled(20), theme_.Scaled(520));
  ImGui::SetNextWindowPos(ImVec2(view_.width() / 2, view_.height() / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, view_.height() - theme_.Scaled(20)));
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

// ---------------------------------------------------------------------------------------------------------
// Debug state for tests
// ---------------------------------------------------------------------------------------------------------

void App::RecordStartupTime(const char* phase, double ms) {
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%s\"%s\":%.1f", startup_json_.empty() ? "" : ",", phase, ms);
  startup_json_ += buffer;
}

std::string App::DebugJson() const {
  std::string json = "{";
  char buffer[256];
  const LatLng center = FromMercator(view_.center());
  std::snprintf(buffer, sizeof(buffer),
                "\"frames\":%d,\"zoom\":%.4f,\"center\":[%.6f,%.6f],\"selected\":%d,\"chooser\":%d,"
                "\"facilities\":%d,\"programs\":%d,\"regions\":%d,\"triangles\":%d,\"segments\":%d,"
                "\"glyphs\":%d,\"data_info\":%s,\"animating\":%s,",
                frame_count_, view_.zoom(), center.lat, center.lng, selected_, static_cast<int>(chooser_.size()),
                static_cast<int>(data_.facilities.size()), static_cast<int>(data_.programs.size()),
                static_cast<int>(data_.regions.size()), basemap_.drawn_triangles(), basemap_.drawn_segments(),
                font_.glyph_count(), show_data_info_ ? "true" : "false", animation_.active ? "true" : "false");
  json += buffer;
  const CanvasSize& canvas = GetCanvasSize();
  std::snprintf(buffer, sizeof(buffer),
                "\"canvas\":{\"css_width\":%.1f,\"css_height\":%.1f,\"pixel_width\":%d,\"pixel_height\":%d,"
                "\"pixel_ratio\":%.3f},",
                canvas.css_width, canvas.css_height, canvas.pixel_width, canvas.pixel_height, canvas.pixel_ratio);
  json += buffer;
  json += "\"selected_name\":\"";
  if (selected_ >= 0) {
    for (char c : data_.facilities[selected_].name) {
      if (c == '"' || c == '\\') json += '\\';
      if (static_cast<unsigned char>(c) >= 0x20) json += c;
    }
  }
  json += "\",\"startup_ms\":{" + startup_json_ + "}";
  json += ",\"missing_glyphs\":[";
  for (size_t i = 0; i < font_.missing().size(); ++i) {
    std::snprintf(buffer, sizeof(buffer), "%s%u", i ? "," : "", static_cast<unsigned>(font_.missing()[i]));
    json += buffer;
  }
  json += "],\"overlays\":[";
  for (size_t i = 0; i < overlay_rects_.size(); ++i) {
    const ImVec4& r = overlay_rects_[i];
    std::snprintf(buffer, sizeof(buffer), "%s[%.1f,%.1f,%.1f,%.1f]", i ? "," : "", r.x, r.y, r.z, r.w);
    json += buffer;
  }
  json += "],\"markers\":[";
  for (size_t i = 0; i < visible_markers_.size() && i < 1000; ++i) {
    const VisibleMarker& m = visible_markers_[i];
    std::snprintf(buffer, sizeof(buffer), "%s{\"x\":%.1f,\"y\":%.1f,\"count\":%u,\"facility\":%u}", i ? "," : "",
                  m.screen.x, m.screen.y, m.count, m.facility_id);
    json += buffer;
  }
  json += "]}";
  return json;
}

}  // namespace bokji::web
