// The App's map overlay, drawn with ImGui over the basemap: region labels, facility markers and
// clusters, the device's location, the scale bar and the attribution.
#include "web/app.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "imgui.h"
#include "web/app_parts.h"
#include "web/format.h"
#include "web/platform.h"

namespace bokji::web {

void App::CollectMarkers() {
  visible_markers_.clear();
  LatLng south_west, north_east;
  view_.VisibleBounds(theme_.Scaled(24), &south_west, &north_east);
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
      if (at.x < -200 || at.y < -50 || at.x > view_.width() + 200 || at.y > view_.height() + 50)
        continue;
      const char* text = region.name.c_str();
      const ImVec2 extent = pass.font->CalcTextSizeA(pass.size, FLT_MAX, 0, text);
      // At the label point, or just above or below it when a marker sits there.
      for (const float shift : {0.0f, -1.0f, 1.0f}) {
        const ImVec2 top_left(std::floor(at.x - extent.x / 2),
                              std::floor(at.y - extent.y / 2 + shift * (extent.y + 4)));
        const ImVec4 box(top_left.x - 3, top_left.y - 1, top_left.x + extent.x + 3,
                         top_left.y + extent.y + 1);
        if (!TryPlace(&placed, box)) continue;
        DrawHaloText(draw_list, pass.font, pass.size, top_left, pass.color, theme_.label_halo,
                     text);
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
      draw_list->AddCircleFilled(m.screen, r,
                                 theme_.CategoryColor(data_.facilities[m.facility_id].category));
    } else {
      char count[16];
      std::snprintf(count, sizeof(count), "%u", m.count);
      draw_list->AddCircleFilled(m.screen, r, theme_.cluster);
      ImFont* small = font_.small();
      const float size = theme_.Scaled(theme_.small_font_size);
      const ImVec2 extent = small->CalcTextSizeA(size, FLT_MAX, 0, count);
      draw_list->AddText(
          small, size,
          ImVec2(std::floor(m.screen.x - extent.x / 2), std::floor(m.screen.y - extent.y / 2)),
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
  // The facility under the pointer in the results list, at its own position (even inside a
  // cluster): a ring in the highlight colour.
  if (hovered_result_ >= 0) {
    const ImVec2 at = view_.ToScreen(data_.facilities[hovered_result_].position);
    const float r = theme_.Scaled(theme_.marker_radius) * 1.9f;
    draw_list->AddCircle(at, r, theme_.marker_outline, 0, outline * 3);
    draw_list->AddCircle(at, r, theme_.result_highlight, 0, outline * 1.5f);
  }
  if (selected_marker != nullptr) {
    const Facility& f = data_.facilities[selected_marker->facility_id];
    const float r = selected_marker->radius * 1.45f;
    draw_list->AddCircleFilled(selected_marker->screen, r + outline * 1.5f,
                               theme_.marker_selected_ring);
    draw_list->AddCircleFilled(selected_marker->screen, r, theme_.marker_outline);
    draw_list->AddCircleFilled(selected_marker->screen, r - outline,
                               theme_.CategoryColor(f.category));
  }
}

void App::DrawLocation(ImDrawList* draw_list) {
  if (place_kind_ == PlaceKind::kPicked || place_kind_ == PlaceKind::kRegion) {
    // A pin where the list measures from: a stem and a head, in the accent colour.
    const ImVec2 at = view_.ToScreen(place_);
    const float head = theme_.Scaled(9);
    const ImVec2 top(at.x, at.y - theme_.Scaled(24));
    draw_list->AddLine(at, top, theme_.marker_outline, theme_.Scaled(5));
    draw_list->AddLine(at, top, theme_.accent, theme_.Scaled(2.5f));
    draw_list->AddCircleFilled(top, head + theme_.Scaled(2), theme_.marker_outline);
    draw_list->AddCircleFilled(top, head, theme_.accent);
  }
  const LocationFix& fix = CurrentLocation();
  if (fix.state != LocationFix::State::kFound || place_kind_ != PlaceKind::kDevice) return;
  const ImVec2 at = view_.ToScreen(LatLng{fix.lat, fix.lng});
  const float accuracy_px = static_cast<float>(fix.accuracy_m / view_.MetresPerPixel());
  const ImVec4 accent = ImGui::ColorConvertU32ToFloat4(theme_.accent);
  if (accuracy_px > theme_.Scaled(8)) {
    draw_list->AddCircleFilled(at, accuracy_px,
                               ImGui::GetColorU32(ImVec4(accent.x, accent.y, accent.z, 0.12f)), 64);
    draw_list->AddCircle(at, accuracy_px,
                         ImGui::GetColorU32(ImVec4(accent.x, accent.y, accent.z, 0.4f)), 64);
  }
  // A target, unlike any marker: white ring, accent disc, white centre.
  draw_list->AddCircleFilled(at, theme_.Scaled(10), theme_.marker_outline);
  draw_list->AddCircleFilled(at, theme_.Scaled(7.5f), theme_.accent);
  draw_list->AddCircleFilled(at, theme_.Scaled(2.5f), theme_.marker_outline);
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
  // Right of the header panel on a wide screen (it reaches down the left side), else the corner.
  const float left = IsNarrow() ? margin : theme_.Scaled(10) + theme_.Scaled(300) + margin;
  const ImVec2 origin(left, view_.height() - margin);
  const ImVec2 box_min(origin.x - 4, origin.y - bar_height - text_size.y - 6);
  const ImVec2 box_max(origin.x + std::max(width, text_size.x) + 4, origin.y + 3);
  draw_list->AddRectFilled(box_min, box_max, IM_COL32(255, 255, 255, 190), 4);
  overlay_rects_.push_back(ImVec4(box_min.x, box_min.y, box_max.x, box_max.y));
  draw_list->AddRectFilled(ImVec2(origin.x, origin.y - bar_height),
                           ImVec2(origin.x + width, origin.y), theme_.text);
  draw_list->AddText(ImVec2(origin.x, origin.y - bar_height - text_size.y - 3), theme_.text, label);
}

void App::DrawAttribution(ImDrawList* draw_list) {
  std::string attribution = Text(StringId::kBoundaryAttribution);
  if (tiles_.enabled()) {
    const std::string& t = tiles_.url_template();
    std::string credit = t == TileLayer::kOpenStreetMap ? Text(StringId::kTilesCreditOsm) : "";
    if (credit.empty()) {  // another tile server: name its host
      const size_t host = t.find("//") + 2;
      char line[160];
      std::snprintf(line, sizeof(line), Text(StringId::kTilesCreditFormat),
                    t.substr(host, t.find('/', host) - host).c_str());
      credit = line;
    }
    attribution = credit + " · " + attribution;
  }
  const char* text = attribution.c_str();
  ImFont* small = font_.small();
  const float size = theme_.Scaled(theme_.small_font_size);
  const ImVec2 extent = small->CalcTextSizeA(size, FLT_MAX, 0, text);
  const ImVec2 at(view_.width() - extent.x - 8, view_.height() - extent.y - 4);
  draw_list->AddRectFilled(ImVec2(at.x - 4, at.y - 2),
                           ImVec2(at.x + extent.x + 4, at.y + extent.y + 2),
                           IM_COL32(255, 255, 255, 170), 3);
  overlay_rects_.push_back(ImVec4(at.x - 4, at.y - 2, at.x + extent.x + 4, at.y + extent.y + 2));
  draw_list->AddText(small, size, at, theme_.text_muted, text);
}

}  // namespace bokji::web
