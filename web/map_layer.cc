// The map's overlay: see map_layer.h.
//
// Index
//   - Markers in view, hit tests, hover
//   - Counts of facilities placed by address
//   - Labels
//   - Markers
//   - The place, the device, education events
//   - Scale bar and attribution
#include "web/map_layer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "web/basemap.h"
#include "web/model/approximate.h"
#include "web/model/education.h"
#include "web/model/format.h"
#include "web/model/url_state.h"
#include "web/platform.h"

namespace bokji::web {
namespace {

// Text with a light halo, readable over any part of the map.
void DrawHaloText(ImDrawList* draw_list, ImFont* font, float size, ImVec2 position, ImU32 color,
                  ImU32 halo, const char* text) {
  static constexpr float kOffsets[8][2] = {{-1, -1}, {0, -1}, {1, -1}, {-1, 0},
                                           {1, 0},   {-1, 1}, {0, 1},  {1, 1}};
  for (const auto& offset : kOffsets)
    draw_list->AddText(font, size, ImVec2(position.x + offset[0], position.y + offset[1]), halo,
                       text);
  draw_list->AddText(font, size, position, color, text);
}

// A label's box if it is free of every placed box; then it is placed.
bool TryPlace(std::vector<Rect>* placed, const Rect& box) {
  for (const Rect& other : *placed)
    if (box.Overlaps(other)) return false;
  placed->push_back(box);
  return true;
}

Rect Around(const MapLayer::Marker& m) {
  return Rect{m.screen.x - m.radius, m.screen.y - m.radius, m.screen.x + m.radius,
              m.screen.y + m.radius};
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------
// Markers in view, hit tests, hover
// ---------------------------------------------------------------------------------------------------------

void MapLayer::Collect(PanelContext& ctx) {
  markers_.clear();
  const MapView& view = ctx.state.map;
  LatLng south_west, north_east;
  view.VisibleBounds(ctx.theme.Scaled(24), &south_west, &north_east);
  const int zoom = std::max(0, static_cast<int>(std::floor(view.zoom())));
  const float radius = ctx.theme.Scaled(ctx.theme.marker_radius);
  const MarkerClusters& clusters =
      ctx.derived.Clusters(ctx.catalog, ctx.state.filters, ctx.now.week);
  clusters.VisitClusters(south_west, north_east, zoom, [&](const MarkerCluster& cluster) {
    const float r = cluster.count == 1
                        ? radius
                        : radius * (1.5f + 0.35f * std::log10(static_cast<float>(cluster.count)));
    markers_.push_back(Marker{view.ToScreen(cluster.centre), r, cluster.count, cluster.facility_id,
                              cluster.id, cluster.centre});
  });
  // Drawn north to south, so nearer (lower) markers overlap farther ones the way a map reads.
  std::sort(markers_.begin(), markers_.end(),
            [](const Marker& a, const Marker& b) { return a.screen.y < b.screen.y; });
}

int MapLayer::MarkerAt(ImVec2 screen, float reach) const {
  int nearest = -1;
  float nearest_d2 = 1e30f;
  for (size_t i = 0; i < markers_.size(); ++i) {
    const Marker& m = markers_[i];
    const float dx = m.screen.x - screen.x, dy = m.screen.y - screen.y;
    const float d2 = dx * dx + dy * dy;
    const float r = std::max(reach, m.radius);
    if (d2 <= r * r && d2 < nearest_d2) {
      nearest_d2 = d2;
      nearest = static_cast<int>(i);
    }
  }
  return nearest;
}

void MapLayer::UpdateHover(PanelContext& ctx, bool pointer_on_map) {
  ctx.hover.marker = -1;
  const ImGuiIO& io = ImGui::GetIO();
  if (!pointer_on_map || !ImGui::IsMousePosValid() || LastPointerWasTouch()) return;
  float best = 1e30f;
  for (const Marker& m : markers_) {
    const float dx = m.screen.x - io.MousePos.x, dy = m.screen.y - io.MousePos.y;
    const float d2 = dx * dx + dy * dy;
    const float reach = m.radius + 2;
    if (m.count == 1 && d2 <= reach * reach && d2 < best) {
      best = d2;
      ctx.hover.marker = static_cast<int>(m.facility_id);
    }
  }
}

void MapLayer::Debug(nlohmann::json& out) const {
  nlohmann::json markers = nlohmann::json::array();
  for (size_t i = 0; i < markers_.size() && i < 1000; ++i) {
    const Marker& m = markers_[i];
    markers.push_back(
        {{"x", m.screen.x}, {"y", m.screen.y}, {"count", m.count}, {"facility", m.facility_id}});
  }
  out["markers"] = std::move(markers);
  nlohmann::json badges = nlohmann::json::array();
  for (const AreaBadge& b : badges_)
    badges.push_back({{"region", b.region},
                      {"code", b.code},
                      {"name", b.name},
                      {"total", b.total},
                      {"top", static_cast<int>(b.top)},
                      {"text", b.text},
                      {"full_text", b.full_text},
                      {"box", {b.box.x0, b.box.y0, b.box.x1, b.box.y1}}});
  out["area_badges"] = std::move(badges);
  out["open_marker"] = open_marker_ ? nlohmann::json{{"x", open_marker_->x}, {"y", open_marker_->y}}
                                    : nlohmann::json(nullptr);
}

void MapLayer::Draw(PanelContext& ctx, ImDrawList* map_list, ImDrawList* fixed_list,
                    std::vector<Rect>* covered) {
  DrawMap(ctx, map_list);
  DrawScaleBar(ctx, fixed_list, covered);
  DrawAttribution(ctx, fixed_list, covered);
}

void MapLayer::DrawMap(PanelContext& ctx, ImDrawList* draw_list) {
  LayOutBadges(ctx);
  DrawLabels(ctx, draw_list);
  DrawMarkers(ctx, draw_list);
  DrawBadges(ctx, draw_list);
  if (CardAs<EducationCard>(ctx.state)) DrawEducation(ctx, draw_list);
  DrawPlace(ctx, draw_list);
}

// ---------------------------------------------------------------------------------------------------------
// Counts of facilities placed by address
// ---------------------------------------------------------------------------------------------------------

int MapLayer::BadgeAt(ImVec2 screen) const {
  for (size_t i = badges_.size(); i-- > 0;)  // the last drawn is on top
    if (badges_[i].box.Contains(Vec2{screen.x, screen.y})) return static_cast<int>(i);
  return -1;
}

// Each area's badge just below its label point (the name goes above it), else above or beside
// it, clear of markers and of the other badges; where no place is clear, below the point anyway
// (a count is never left out).
void MapLayer::LayOutBadges(PanelContext& ctx) {
  badges_.clear();
  const Theme& theme = ctx.theme;
  const MapView& view = ctx.state.map;
  const bool emd_level = view.zoom() >= kEmdOutlineFadeEnd;
  const std::vector<AreaCount>& counts =
      ctx.derived.AreaCounts(ctx.catalog, ctx.state.filters, emd_level);
  if (counts.empty()) return;
  ImFont* small = ctx.font.small();
  const float size = theme.Scaled(theme.small_font_size);
  const float pad_x = theme.Scaled(5), pad_y = theme.Scaled(2);
  std::vector<Rect> markers;
  for (const Marker& m : markers_) markers.push_back(Around(m));
  std::vector<Rect> badges;
  char text[160];
  const Rect map_area = ctx.layout.MapArea(!std::holds_alternative<NoCard>(ctx.state.card));
  for (const AreaCount& area : counts) {
    const ImVec2 at = view.ToScreen(ctx.catalog.label_points[area.region]);
    if (at.x < -200 || at.y < -50 || at.x > view.width() + 200 || at.y > view.height() + 50)
      continue;
    // The full sentence first; where it finds no clear place, shorter ones ("주소 기준 698곳",
    // "698곳"): a crowded view (the province on a phone) still shows every count, apart.
    if (area.top_count == area.total)
      std::snprintf(text, sizeof(text), Text(StringId::kApproxBadgeFormat), CategoryLabel(area.top),
                    area.total);
    else
      std::snprintf(text, sizeof(text), Text(StringId::kApproxBadgeMoreFormat),
                    CategoryLabel(area.top), area.top_count, area.total - area.top_count);
    const std::string full = text;
    const std::string shorter = Format(Text(StringId::kApproxBadgeShortFormat), area.total);
    const std::string shortest = Format(Text(StringId::kApproxBadgeCountFormat), area.total);
    const std::string* const variants[] = {&full, &shorter, &shortest};
    std::optional<Rect> chosen;
    const std::string* chosen_text = &shortest;
    for (const std::string* variant : variants) {
      const ImVec2 extent = small->CalcTextSizeA(size, FLT_MAX, 0, variant->c_str());
      const float w = extent.x + 2 * pad_x, h = extent.y + 2 * pad_y;
      const float gap = theme.Scaled(9);  // room for the area's name above the point
      const ImVec2 tries[] = {
          {at.x - w / 2, at.y + gap},         {at.x - w / 2, at.y - gap - h - size},
          {at.x + gap, at.y - h / 2},         {at.x - gap - w, at.y - h / 2},
          {at.x - w / 2, at.y + gap + h + 2}, {at.x + gap, at.y + gap},
          {at.x - gap - w, at.y + gap},       {at.x + gap, at.y - gap - h},
          {at.x - gap - w, at.y - gap - h}};
      for (const ImVec2& t : tries) {
        const Rect box{std::floor(t.x), std::floor(t.y), std::floor(t.x) + w, std::floor(t.y) + h};
        const auto clear = [&](const std::vector<Rect>& others) {
          return std::none_of(others.begin(), others.end(),
                              [&](const Rect& o) { return box.Overlaps(o); });
        };
        const bool inside = box.x0 >= map_area.x0 && box.x1 <= map_area.x1 &&
                            box.y0 >= map_area.y0 && box.y1 <= map_area.y1;
        const bool point_inside = map_area.Contains(Vec2{at.x, at.y});
        if ((inside || !point_inside) && clear(markers) && clear(badges)) {
          chosen = box;
          chosen_text = variant;
          break;
        }
      }
      if (chosen) break;
    }
    if (!chosen) {
      // Nowhere clear near the point: the shortest, on rings further out (clear of the other
      // badges at least), else below the point anyway (a count is never left out).
      const ImVec2 extent = small->CalcTextSizeA(size, FLT_MAX, 0, shortest.c_str());
      const float w = extent.x + 2 * pad_x, h = extent.y + 2 * pad_y;
      for (int ring = 1; ring <= 4 && !chosen; ++ring)
        for (int step = 0; step < 12 && !chosen; ++step) {
          const float angle = static_cast<float>(step) * 0.5236f;  // 30°
          const float r = theme.Scaled(12) * static_cast<float>(ring);
          const float x = std::floor(at.x + r * std::cos(angle) - w / 2);
          const float y = std::floor(at.y + r * std::sin(angle) - h / 2);
          const Rect box{x, y, x + w, y + h};
          if (std::none_of(badges.begin(), badges.end(),
                           [&](const Rect& o) { return box.Overlaps(o); }))
            chosen = box;
        }
      if (!chosen) {
        const float x = std::floor(at.x - w / 2), y = std::floor(at.y + theme.Scaled(9));
        chosen = Rect{x, y, x + w, y + h};
      }
      chosen_text = &shortest;
    }
    badges.push_back(*chosen);
    const Region& region = ctx.catalog.data.regions[area.region];
    badges_.push_back(AreaBadge{*chosen, area.region, area.total, area.top, *chosen_text, full,
                                region.code, region.name});
  }
}

void MapLayer::DrawBadges(PanelContext& ctx, ImDrawList* draw_list) {
  const Theme& theme = ctx.theme;
  ImFont* small = ctx.font.small();
  const float size = theme.Scaled(theme.small_font_size);
  const float pad_x = theme.Scaled(5), pad_y = theme.Scaled(2);
  for (const AreaBadge& badge : badges_) {
    const ImVec2 lo(badge.box.x0, badge.box.y0), hi(badge.box.x1, badge.box.y1);
    draw_list->AddRectFilled(lo, hi, theme.area_badge_background, theme.Scaled(3));
    draw_list->AddRect(lo, hi, theme.CategoryColor(badge.top), theme.Scaled(3), 0,
                       theme.Scaled(1.5f));
    draw_list->AddText(small, size, ImVec2(lo.x + pad_x, lo.y + pad_y), theme.area_badge_text,
                       badge.text.c_str());
  }
}

// ---------------------------------------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------------------------------------

void MapLayer::DrawLabels(PanelContext& ctx, ImDrawList* draw_list) {
  const Theme& theme = ctx.theme;
  const MapView& view = ctx.state.map;
  const double zoom = view.zoom();
  ImFont* regular = ImGui::GetFont();
  ImFont* small = ctx.font.small();
  const float regular_size = ImGui::GetFontSize();
  const float small_size = theme.Scaled(theme.small_font_size);
  // Labels keep clear of markers and of each other; coarse levels are placed first and win.
  std::vector<Rect> placed;
  for (const Marker& m : markers_) placed.push_back(Around(m));
  for (const AreaBadge& badge : badges_) placed.push_back(badge.box);
  struct Pass {
    RegionLevel level;
    double min_zoom, max_zoom;
    ImFont* font;
    float size;
    ImU32 color;
  };
  const Pass passes[] = {
      {RegionLevel::kProvince, 0, 7.6, regular, regular_size, theme.sigungu_label},
      {RegionLevel::kSigungu, 7.6, 12.5, regular, regular_size, theme.sigungu_label},
      {RegionLevel::kEmd, kEmdOutlineFadeEnd, 99, small, small_size, theme.emd_label},
  };
  const std::vector<Region>& regions = ctx.catalog.data.regions;
  for (const Pass& pass : passes) {
    if (zoom < pass.min_zoom || zoom >= pass.max_zoom) continue;
    for (size_t i = 0; i < regions.size(); ++i) {
      const Region& region = regions[i];
      if (region.level != pass.level || region.name.empty()) continue;
      const ImVec2 at = view.ToScreen(ctx.catalog.label_points[i]);
      if (at.x < -200 || at.y < -50 || at.x > view.width() + 200 || at.y > view.height() + 50)
        continue;
      const char* text = region.name.c_str();
      const ImVec2 extent = pass.font->CalcTextSizeA(pass.size, FLT_MAX, 0, text);
      // At the label point, or just above or below it when a marker sits there.
      for (const float shift : {0.0f, -1.0f, 1.0f}) {
        const ImVec2 top_left(std::floor(at.x - extent.x / 2),
                              std::floor(at.y - extent.y / 2 + shift * (extent.y + 4)));
        const Rect box{top_left.x - 3, top_left.y - 1, top_left.x + extent.x + 3,
                       top_left.y + extent.y + 1};
        if (!TryPlace(&placed, box)) continue;
        DrawHaloText(draw_list, pass.font, pass.size, top_left, pass.color, theme.label_halo, text);
        break;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Markers
// ---------------------------------------------------------------------------------------------------------

void MapLayer::DrawMarkers(PanelContext& ctx, ImDrawList* draw_list) {
  const Theme& theme = ctx.theme;
  const MapView& view = ctx.state.map;
  const std::vector<Facility>& facilities = ctx.catalog.data.facilities;
  const float outline = theme.Scaled(2);
  ImFont* small = ctx.font.small();
  const float small_size = theme.Scaled(theme.small_font_size);
  for (const Marker& m : markers_) {
    const bool hovered = m.count == 1 && static_cast<int>(m.facility_id) == ctx.hover.marker;
    const float r = hovered ? m.radius + 1 : m.radius;
    draw_list->AddCircleFilled(m.screen, r + outline, theme.marker_outline);
    if (m.count == 1) {
      draw_list->AddCircleFilled(m.screen, r,
                                 theme.CategoryColor(facilities[m.facility_id].category));
    } else {
      char count[16];
      std::snprintf(count, sizeof(count), "%u", m.count);
      draw_list->AddCircleFilled(m.screen, r, theme.cluster);
      const ImVec2 extent = small->CalcTextSizeA(small_size, FLT_MAX, 0, count);
      draw_list->AddText(
          small, small_size,
          ImVec2(std::floor(m.screen.x - extent.x / 2), std::floor(m.screen.y - extent.y / 2)),
          theme.cluster_text, count);
    }
  }
  // Names beside single markers once the map is close enough to have room.
  if (view.zoom() >= 13) {
    std::vector<Rect> placed;
    for (const Marker& m : markers_) placed.push_back(Around(m));
    for (const Marker& m : markers_) {
      if (m.count != 1) continue;
      const char* name = facilities[m.facility_id].name.c_str();
      const ImVec2 extent = small->CalcTextSizeA(small_size, FLT_MAX, 0, name);
      const ImVec2 at(std::floor(m.screen.x + m.radius + 5), std::floor(m.screen.y - extent.y / 2));
      if (!TryPlace(&placed, Rect{at.x, at.y, at.x + extent.x, at.y + extent.y})) continue;
      DrawHaloText(draw_list, small, small_size, at, theme.text, theme.label_halo, name);
    }
  }
  // The facility under the pointer in the results list, at its own position (even inside a
  // cluster): a ring in the highlight colour.
  if (ctx.hover.result >= 0) {
    const ImVec2 at = view.ToScreen(facilities[ctx.hover.result].position);
    const float r = theme.Scaled(theme.marker_radius) * 1.9f;
    draw_list->AddCircle(at, r, theme.marker_outline, 0, outline * 3);
    draw_list->AddCircle(at, r, theme.result_highlight, 0, outline * 1.5f);
  }
  // The open facility, on top of everything at its own position: picked from a list, it shows
  // even while its marker is inside a cluster.
  const int open = OpenFacility(ctx.state);
  open_marker_.reset();
  if (open >= 0) {
    const Facility& f = facilities[open];
    const ImVec2 at = view.ToScreen(f.position);
    open_marker_ = at;
    const float r = theme.Scaled(theme.marker_radius) * 1.45f;
    draw_list->AddCircleFilled(at, r + outline * 1.5f, theme.marker_selected_ring);
    draw_list->AddCircleFilled(at, r, theme.marker_outline);
    draw_list->AddCircleFilled(at, r - outline, theme.CategoryColor(f.category));
  }
}

// ---------------------------------------------------------------------------------------------------------
// The place, the device, education events
// ---------------------------------------------------------------------------------------------------------

void MapLayer::DrawPlace(PanelContext& ctx, ImDrawList* draw_list) {
  const Theme& theme = ctx.theme;
  const MapView& view = ctx.state.map;
  const Place& place = ctx.state.finding.place;
  if (place.kind == PlaceKind::kPicked || place.kind == PlaceKind::kRegion) {
    // A pin where the list measures from: a stem and a head, in the accent colour.
    const ImVec2 at = view.ToScreen(place.at);
    const float head = theme.Scaled(9);
    const ImVec2 top(at.x, at.y - theme.Scaled(24));
    draw_list->AddLine(at, top, theme.marker_outline, theme.Scaled(5));
    draw_list->AddLine(at, top, theme.accent, theme.Scaled(2.5f));
    draw_list->AddCircleFilled(top, head + theme.Scaled(2), theme.marker_outline);
    draw_list->AddCircleFilled(top, head, theme.accent);
  }
  const LocationFix& fix = CurrentLocation();
  if (fix.state != LocationFix::State::kFound || place.kind != PlaceKind::kDevice) return;
  const ImVec2 at = view.ToScreen(LatLng{fix.lat, fix.lng});
  const float accuracy_px = static_cast<float>(fix.accuracy_m / view.MetresPerPixel());
  const ImVec4 accent = ImGui::ColorConvertU32ToFloat4(theme.accent);
  if (accuracy_px > theme.Scaled(8)) {
    draw_list->AddCircleFilled(at, accuracy_px,
                               ImGui::GetColorU32(ImVec4(accent.x, accent.y, accent.z, 0.12f)), 64);
    draw_list->AddCircle(at, accuracy_px,
                         ImGui::GetColorU32(ImVec4(accent.x, accent.y, accent.z, 0.4f)), 64);
  }
  // A target, unlike any marker: white ring, accent disc, white centre.
  draw_list->AddCircleFilled(at, theme.Scaled(10), theme.marker_outline);
  draw_list->AddCircleFilled(at, theme.Scaled(7.5f), theme.accent);
  draw_list->AddCircleFilled(at, theme.Scaled(2.5f), theme.marker_outline);
}

// Listed events with a place, as diamonds (facilities are discs), the selected one larger.
void MapLayer::DrawEducation(PanelContext& ctx, ImDrawList* draw_list) {
  const EducationCard& card = *CardAs<EducationCard>(ctx.state);
  const Theme& theme = ctx.theme;
  const MapView& view = ctx.state.map;
  const float outline = theme.Scaled(2);
  for (uint32_t id : ctx.derived.Education(ctx.catalog, card, ctx.now.kst)) {
    const EducationEvent& e = ctx.catalog.data.education[id];
    if (!e.position) continue;
    const ImVec2 at = view.ToScreen(*e.position);
    if (at.x < -20 || at.y < -20 || at.x > view.width() + 20 || at.y > view.height() + 20) continue;
    const float r =
        theme.Scaled(theme.marker_radius) * (static_cast<int>(id) == card.selected ? 2.0f : 1.4f);
    auto diamond = [&](float size, ImU32 color) {
      draw_list->AddQuadFilled(ImVec2(at.x, at.y - size), ImVec2(at.x + size, at.y),
                               ImVec2(at.x, at.y + size), ImVec2(at.x - size, at.y), color);
    };
    diamond(r + outline * 1.5f, theme.marker_outline);
    diamond(r, theme.education_marker);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Scale bar and attribution: at the bottom of the part of the map no panel covers.
// ---------------------------------------------------------------------------------------------------------

void MapLayer::DrawScaleBar(PanelContext& ctx, ImDrawList* draw_list, std::vector<Rect>* covered) {
  const Theme& theme = ctx.theme;
  const double metres_per_pixel = ctx.state.map.MetresPerPixel();
  const float max_width = theme.Scaled(110);
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

  const Rect area = ctx.layout.MapArea(/*card_open=*/false);
  const float margin = theme.Scaled(12);
  const float bar_height = theme.Scaled(5);
  const ImVec2 text_size = ImGui::CalcTextSize(label);
  const ImVec2 origin(area.x0 + margin, area.y1 - margin);
  const ImVec2 box_min(origin.x - 4, origin.y - bar_height - text_size.y - 6);
  const ImVec2 box_max(origin.x + std::max(width, text_size.x) + 4, origin.y + 3);
  draw_list->AddRectFilled(box_min, box_max, IM_COL32(255, 255, 255, 190), 4);
  covered->push_back(Rect{box_min.x, box_min.y, box_max.x, box_max.y});
  draw_list->AddRectFilled(ImVec2(origin.x, origin.y - bar_height),
                           ImVec2(origin.x + width, origin.y), theme.text);
  draw_list->AddText(ImVec2(origin.x, origin.y - bar_height - text_size.y - 3), theme.text, label);
}

void MapLayer::DrawAttribution(PanelContext& ctx, ImDrawList* draw_list,
                               std::vector<Rect>* covered) {
  std::string attribution = Text(StringId::kBoundaryAttribution);
  const std::string& tiles = ctx.state.tiles;
  if (!tiles.empty()) {
    std::string credit = tiles == kOpenStreetMapTiles ? Text(StringId::kTilesCreditOsm) : "";
    if (credit.empty()) {  // another tile server: name its host
      const size_t host = tiles.find("//") + 2;
      char line[160];
      std::snprintf(line, sizeof(line), Text(StringId::kTilesCreditFormat),
                    tiles.substr(host, tiles.find('/', host) - host).c_str());
      credit = line;
    }
    attribution = credit + " · " + attribution;
  }
  const char* text = attribution.c_str();
  ImFont* small = ctx.font.small();
  const float size = ctx.theme.Scaled(ctx.theme.small_font_size);
  const ImVec2 extent = small->CalcTextSizeA(size, FLT_MAX, 0, text);
  const Rect area = ctx.layout.MapArea(/*card_open=*/false);
  const ImVec2 at(area.x1 - extent.x - 8, area.y1 - extent.y - 4);
  const Rect box{at.x - 4, at.y - 2, at.x + extent.x + 4, at.y + extent.y + 2};
  draw_list->AddRectFilled(ImVec2(box.x0, box.y0), ImVec2(box.x1, box.y1),
                           IM_COL32(255, 255, 255, 170), 3);
  covered->push_back(box);
  draw_list->AddText(small, size, at, ctx.theme.text_muted, text);
}

}  // namespace bokji::web
