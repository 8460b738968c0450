// MapController: moves the map. It carries out the state's camera requests (frame the province, an
// area, show a facility beside its card, …) where the layout leaves the map free, animates between
// views, and turns pointer and key input on the map into view changes and state changes (a marker
// tapped opens its card, a cluster tapped zooms in, a tap while choosing a place sets it).
//
// clang-format off
//   MapController camera;
//   ... each frame, before the panels:
//   camera.Step(ctx);                        // the animation, then a pending camera request
//   camera.HandleInput(ctx, layer, covered); // drag, pinch, wheel, keys, clicks on markers
//   ... after the panels:
//   camera.UpdateCursor(ctx);
//   if (!camera.moving()) ReplaceUrlState(...);
// clang-format on
#pragma once

#include <vector>

#include "imgui.h"
#include "web/map_layer.h"
#include "web/panel.h"

namespace bokji::web {

class MapController {
 public:
  // Advances the animation, then starts the state's camera request, if any (and clears it).
  void Step(PanelContext& ctx);
  // `covered`: what covered the map last frame (panels, scale bar), where a double tap is not
  // the map's.
  void HandleInput(PanelContext& ctx, const MapLayer& layer, const std::vector<Rect>& covered);
  void UpdateCursor(const PanelContext& ctx) const;

  // Dragged, pinched or animating: the view is not settled.
  bool moving() const;
  bool animating() const { return animation_.active; }
  // Stops any animation and drag (a reset).
  void Stop() { *this = MapController{}; }

 private:
  struct Animation {
    bool active = false;
    double start_ms = 0, duration_ms = 0;
    double from_zoom = 0, to_zoom = 0;
    Mercator from_center, to_center;
    bool anchored = false;  // keep `anchor_world` under `anchor_screen` (zooms around a point)
    Mercator anchor_world;
    ImVec2 anchor_screen;
  };

  void Apply(PanelContext& ctx, const CameraRequest& request);
  void AnimateTo(PanelContext& ctx, const MapView& target, bool animate);
  void AnimateZoomAround(PanelContext& ctx, ImVec2 anchor, double levels);
  void HandleClick(PanelContext& ctx, const MapLayer& layer, ImVec2 position);

  Animation animation_;
  bool dragging_ = false;
  bool drag_moved_ = false;
  ImVec2 press_position_;
  bool pinch_was_active_ = false;
  ImVec2 last_pinch_center_;
  float last_pinch_distance_ = 0;
};

}  // namespace bokji::web
