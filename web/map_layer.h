// MapLayer: what the app draws over the basemap with ImGui, in the background draw list (under
// every panel): region names, facility markers and clusters, the open facility on top of
// everything (even inside a cluster), the row hovered in the list as a ring, the place a list is
// measured from, the device's location, education events, the scale bar and the attribution.
//
// clang-format off
//   MapLayer layer;
//   ... each frame, before the panels:
//   layer.Collect(ctx);                                 // the clusters and markers in view
//   layer.Draw(ctx, ImGui::GetBackgroundDrawList(), &fixed_list, &covered);
//   int hit = layer.MarkerAt(click, reach);             // for the map's clicks
// clang-format on
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/cluster.h"
#include "imgui.h"
#include "nlohmann/json.hpp"
#include "web/panel.h"

namespace bokji::web {

class MapLayer {
 public:
  struct Marker {
    ImVec2 screen;
    float radius = 0;
    uint32_t count = 0;
    uint32_t facility_id = 0;  // the member's id when count == 1
    ClusterId cluster = 0;
    LatLng centre;
  };

  // The clusters and markers in view this frame (north to south).
  void Collect(PanelContext& ctx);
  // Draws everything over the basemap: what moves with the map into `map_list` (DrawMap), the
  // scale bar and the attribution, which stay put on the screen, into `fixed_list`; `covered`
  // receives their boxes (they cover the map like panels do).
  void Draw(PanelContext& ctx, ImDrawList* map_list, ImDrawList* fixed_list,
            std::vector<Rect>* covered);
  // What moves with the map: labels, markers and clusters, area counts, education events, the
  // place and the device. A pan frame draws it for a view wider than the screen into the map's
  // texture (App::Render); it also lays out the area counts BadgeAt tests against.
  void DrawMap(PanelContext& ctx, ImDrawList* draw_list);

  // The marker nearest `screen` within `reach` (or its own radius when larger); -1 when none.
  int MarkerAt(ImVec2 screen, float reach) const;
  const std::vector<Marker>& markers() const { return markers_; }
  // The single facility marker under the pointer, for the cursor and the list's highlight.
  void UpdateHover(PanelContext& ctx, bool pointer_on_map);

  // A count of facilities placed by address on its area's label point ("경로당 42곳 (주소 기준)"):
  // by 시군구 below the 읍면동 zoom, at the finest level known from it on.
  struct AreaBadge {
    Rect box;
    uint32_t region = 0;  // index into catalog.data.regions
    int total = 0;
    FacilityCategory top = FacilityCategory::kOther;
    std::string text;       // what it says (shorter where the view is crowded)
    std::string full_text;  // the whole sentence ("경로당 42곳 (주소 기준)")
    uint32_t code = 0;      // the region's, and its name: for tests
    std::string name;
  };
  // The badge at `screen` as drawn in the last frame; -1 when none.
  int BadgeAt(ImVec2 screen) const;
  const std::vector<AreaBadge>& badges() const { return badges_; }

  void Debug(nlohmann::json& out) const;

 private:
  void LayOutBadges(PanelContext& ctx);
  void DrawBadges(PanelContext& ctx, ImDrawList* draw_list);
  void DrawLabels(PanelContext& ctx, ImDrawList* draw_list);
  void DrawMarkers(PanelContext& ctx, ImDrawList* draw_list);
  void DrawPlace(PanelContext& ctx, ImDrawList* draw_list);
  void DrawEducation(PanelContext& ctx, ImDrawList* draw_list);
  void DrawScaleBar(PanelContext& ctx, ImDrawList* draw_list, std::vector<Rect>* covered);
  void DrawAttribution(PanelContext& ctx, ImDrawList* draw_list, std::vector<Rect>* covered);

  std::vector<Marker> markers_;
  std::vector<AreaBadge> badges_;
  std::optional<ImVec2> open_marker_;  // where the open facility was drawn on top, this frame
};

}  // namespace bokji::web
