// Moving the map: see map_controller.h.
//
// Index
//   - Animation and camera requests
//   - Input: drag, pinch, wheel, double press, keys
//   - Clicks on the map
#include "web/map_controller.h"

#include <algorithm>
#include <cmath>

#include "core/geo.h"
#include "web/platform.h"

namespace bokji::web {

// ---------------------------------------------------------------------------------------------------------
// Animation and camera requests
// ---------------------------------------------------------------------------------------------------------

bool MapController::moving() const {
  return (dragging_ && drag_moved_) || CurrentPinch().active || animation_.active;
}

void MapController::Step(PanelContext& ctx) {
  MapView& view = ctx.state.map;
  if (animation_.active) {
    const double t =
        std::clamp((ctx.now_ms - animation_.start_ms) / animation_.duration_ms, 0.0, 1.0);
    const double eased = 1 - (1 - t) * (1 - t) * (1 - t);  // ease-out cubic
    const double zoom = animation_.from_zoom + (animation_.to_zoom - animation_.from_zoom) * eased;
    if (animation_.anchored) {
      view.ZoomAround(animation_.anchor_screen, zoom - view.zoom());
    } else {
      view.SetZoom(zoom);
      view.SetCenter(Mercator{
          animation_.from_center.x + (animation_.to_center.x - animation_.from_center.x) * eased,
          animation_.from_center.y + (animation_.to_center.y - animation_.from_center.y) * eased});
    }
    if (t >= 1) animation_.active = false;
  }
  const CameraRequest request = ctx.state.camera;
  if (request.kind == CameraRequest::Kind::kNone) return;
  ctx.state.camera = CameraRequest{};
  Apply(ctx, request);
}

void MapController::Apply(PanelContext& ctx, const CameraRequest& request) {
  const Catalog& catalog = ctx.catalog;
  const MapView& view = ctx.state.map;
  const bool card_open = !std::holds_alternative<NoCard>(ctx.state.card);
  MapView target = view;
  switch (request.kind) {
    case CameraRequest::Kind::kNone:
      return;
    case CameraRequest::Kind::kFitData: {
      if (!catalog.has_bounds) {
        target.SetCenter(ToMercator(LatLng{36.0, 127.8}));  // Korea's middle
        target.SetZoom(7);
      } else {
        target.FitBounds(catalog.south_west, catalog.north_east, ctx.layout.MapInsets(false, 24));
      }
      break;
    }
    case CameraRequest::Kind::kFitRegion: {
      LatLng south_west, north_east;
      if (request.target >= catalog.data.regions.size() ||
          !BoundingBox(catalog.data.regions[request.target].rings, &south_west, &north_east))
        return;
      target.FitBounds(south_west, north_east, ctx.layout.MapInsets(card_open, 40));
      break;
    }
    case CameraRequest::Kind::kShowFacility: {
      if (request.target >= catalog.data.facilities.size()) return;
      const LatLng at = catalog.data.facilities[request.target].position;
      // Close enough that the facility stands apart from its cluster (up to the deepest zoom that
      // clusters: beyond, facilities at one address stay together and the open one is drawn on
      // top of them).
      const MarkerClusters& clusters =
          ctx.derived.Clusters(catalog, ctx.state.filters, ctx.now.week);
      const int apart =
          std::min(clusters.SeparationZoom(request.target), clusters.options().max_zoom);
      const double zoom = std::max({view.zoom(), request.zoom, static_cast<double>(apart)});
      const Rect free = ctx.layout.MapArea(/*card_open=*/true);
      MapView zoomed = view;
      zoomed.SetZoom(zoom);
      const Vec2 screen = zoomed.ToScreen(at);
      // Beside the card: in the middle of the free map when flying in or when the card (or a
      // sheet) would cover it; where it is otherwise.
      const bool flying_in = zoom > view.zoom();
      if (!flying_in && free.Contains(screen)) return;
      target = view.Placing(at, free.centre(), zoom);
      break;
    }
    case CameraRequest::Kind::kCentre: {
      const Rect free = ctx.layout.MapArea(card_open);
      target = view.Placing(request.at, free.centre(), std::max(view.zoom(), request.zoom));
      break;
    }
    case CameraRequest::Kind::kZoomBy:
      AnimateZoomAround(ctx, ImVec2(view.width() / 2, view.height() / 2), request.zoom);
      return;
  }
  AnimateTo(ctx, target, request.animate);
}

void MapController::AnimateTo(PanelContext& ctx, const MapView& target, bool animate) {
  MapView& view = ctx.state.map;
  if (!animate) {
    animation_.active = false;
    view.SetZoom(target.zoom());
    view.SetCenter(target.center());
    return;
  }
  animation_ = Animation{};
  animation_.active = true;
  animation_.start_ms = ctx.now_ms;
  animation_.duration_ms = 350;
  animation_.from_zoom = view.zoom();
  animation_.to_zoom = target.zoom();
  animation_.from_center = view.center();
  animation_.to_center = target.center();
  RequestFrames(2);
}

void MapController::AnimateZoomAround(PanelContext& ctx, ImVec2 anchor, double levels) {
  const MapView& view = ctx.state.map;
  animation_ = Animation{};
  animation_.active = true;
  animation_.start_ms = ctx.now_ms;
  animation_.duration_ms = 220;
  animation_.from_zoom = view.zoom();
  animation_.to_zoom = std::clamp(view.zoom() + levels, MapView::kMinZoom, MapView::kMaxZoom);
  animation_.anchored = true;
  animation_.anchor_screen = anchor;
  animation_.anchor_world = view.ToMercator(anchor);
  RequestFrames(2);
}

// ---------------------------------------------------------------------------------------------------------
// Input: drag, pinch, wheel, double press, keys
// ---------------------------------------------------------------------------------------------------------

void MapController::HandleInput(PanelContext& ctx, const MapLayer& layer,
                                const std::vector<Rect>& covered) {
  MapView& view = ctx.state.map;
  ImGuiIO& io = ImGui::GetIO();
  const bool pointer_on_map = !io.WantCaptureMouse;

  // Two fingers: pinch to zoom, move to pan. They cancel any one-finger drag.
  const Pinch& pinch = CurrentPinch();
  if (pinch.active) {
    if (pinch_was_active_ && last_pinch_distance_ > 0 && pinch.distance > 0) {
      animation_.active = false;
      view.PanBy(
          ImVec2(pinch.center.x - last_pinch_center_.x, pinch.center.y - last_pinch_center_.y));
      view.ZoomAround(pinch.center, std::log2(pinch.distance / last_pinch_distance_));
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
        // In an embed one finger over the map scrolls the host's page (web/embed.js lets the
        // browser pan it, which cancels this pointer soon after): it never moves the map; two
        // fingers do.
        const bool pans = !(ctx.config.mode == UiMode::kEmbed && LastPointerWasTouch());
        if (!drag_moved_ && d.x * d.x + d.y * d.y > click_slop * click_slop) {
          drag_moved_ = true;
          animation_.active = false;  // the hand takes over from a zoom in progress
          if (pans) view.PanBy(d);  // the motion so far, held back while it might have been a click
        } else if (drag_moved_ && pans) {
          view.PanBy(io.MouseDelta);
        }
      }
    } else {
      if (!drag_moved_) HandleClick(ctx, layer, press_position_);
      dragging_ = false;
    }
  }

  ImVec2 double_press;
  if (TakeDoublePress(&double_press)) {
    // On the map, not on a panel (the panels of the last frame are where they were when it
    // happened).
    const bool on_panel = std::any_of(covered.begin(), covered.end(), [&](const Rect& r) {
      return r.Contains(Vec2{double_press.x, double_press.y});
    });
    if (!on_panel && !pinch.active) AnimateZoomAround(ctx, double_press, 1);
  }

  if (pointer_on_map && io.MouseWheel != 0 && ImGui::IsMousePosValid()) {
    animation_.active = false;
    view.ZoomAround(io.MousePos, io.MouseWheel * 0.5);
  }

  if (!io.WantCaptureKeyboard) {
    const ImVec2 middle(view.width() / 2, view.height() / 2);
    constexpr float kStep = 80;
    if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow)) view.PanBy(ImVec2(kStep, 0));
    if (ImGui::IsKeyPressed(ImGuiKey_RightArrow)) view.PanBy(ImVec2(-kStep, 0));
    if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) view.PanBy(ImVec2(0, kStep));
    if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) view.PanBy(ImVec2(0, -kStep));
    if (ImGui::IsKeyPressed(ImGuiKey_Equal) || ImGui::IsKeyPressed(ImGuiKey_KeypadAdd))
      AnimateZoomAround(ctx, middle, 1);
    if (ImGui::IsKeyPressed(ImGuiKey_Minus) || ImGui::IsKeyPressed(ImGuiKey_KeypadSubtract))
      AnimateZoomAround(ctx, middle, -1);
    if (ImGui::IsKeyPressed(ImGuiKey_Escape)) ctx.state.card = NoCard{};
  }
}

void MapController::UpdateCursor(const PanelContext& ctx) const {
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
  else if (ctx.hover.marker >= 0)
    SetCursor("pointer");
  else
    SetCursor("grab");
}

// ---------------------------------------------------------------------------------------------------------
// Clicks on the map
// ---------------------------------------------------------------------------------------------------------

void MapController::HandleClick(PanelContext& ctx, const MapLayer& layer, ImVec2 position) {
  AppState& state = ctx.state;
  if (state.help_picking) {  // the help form's "tap the map": the point goes to the form alone
    state.help_picking = false;
    PickedHelpPoint(state.map.ToLatLng(position));
    return;
  }
  if (state.finding.picking) {  // "tap the map" chose where to search from
    state.finding.picking = false;
    state.finding.place = Place{PlaceKind::kPicked, state.map.ToLatLng(position), -1};
    state.finding.list_open = true;
    state.camera = CameraRequest::Centre(state.finding.place.at, 13);
    return;
  }
  const float reach = ctx.theme.Scaled(LastPointerWasTouch() ? ctx.theme.marker_hit_radius_touch
                                                             : ctx.theme.marker_hit_radius_mouse);
  const int nearest = layer.MarkerAt(position, reach);
  const int badge = nearest < 0 ? layer.BadgeAt(position) : -1;
  if (badge >= 0) {
    // A count of facilities placed by address: the area becomes the list's filter (its rows say
    // "주소 기준 위치") and the map frames it.
    const uint32_t region = layer.badges()[badge].region;
    state.filters.index.region_code = ctx.catalog.data.regions[region].code;
    state.finding.list_open = true;
    state.finding.legend_open = false;  // the list in sight, not below the legend
    state.card = NoCard{};
    state.camera = CameraRequest::FitRegion(region);
    return;
  }
  if (nearest < 0) {
    // Open map: a facility's card (or a spot's list) closes; other cards stay.
    if (std::holds_alternative<FacilityCard>(state.card) ||
        std::holds_alternative<SpotCard>(state.card) ||
        std::holds_alternative<ApproximateCard>(state.card))
      state.card = NoCard{};
    return;
  }
  const MapLayer::Marker& hit = layer.markers()[nearest];
  if (hit.count == 1) {
    // Several single markers on one spot: a list to choose from.
    SpotCard spot;
    for (const MapLayer::Marker& m : layer.markers())
      if (m.count == 1 && std::fabs(m.screen.x - hit.screen.x) < 1 &&
          std::fabs(m.screen.y - hit.screen.y) < 1)
        spot.facilities.push_back(m.facility_id);
    if (spot.facilities.size() > 1) {
      std::sort(spot.facilities.begin(), spot.facilities.end());
      state.card = spot;
    } else {
      state.card = FacilityCard{hit.facility_id};
      state.camera = CameraRequest::ShowFacility(hit.facility_id);
    }
    return;
  }
  // A cluster: zoom in until it splits; members that never split (one address) become a list.
  const MarkerClusters& clusters = ctx.derived.Clusters(ctx.catalog, state.filters, ctx.now.week);
  const int expansion = clusters.ExpansionZoom(hit.cluster);
  if (expansion > clusters.options().max_zoom) {
    SpotCard spot;
    clusters.VisitMembers(hit.cluster, [&](uint32_t id) { spot.facilities.push_back(id); });
    std::sort(spot.facilities.begin(), spot.facilities.end());
    state.card = spot;
  } else {
    MapView target = state.map;
    target.SetZoom(std::max<double>(expansion, state.map.zoom() + 1));
    target.SetCenter(ToMercator(hit.centre));
    AnimateTo(ctx, target, /*animate=*/true);
  }
}

}  // namespace bokji::web
