// The map's camera: a Web Mercator view (the projection of every web map) of a viewport in CSS
// pixels.
//
// World coordinates ("mercator") run 0..1 west→east and north→south over the whole world; at zoom z
// the world is 256·2^z CSS pixels wide, as in web map tiles. The view stores its centre and zoom;
// screen positions are CSS pixels from the viewport's top-left corner.
//
// clang-format off
//   MapView view;
//   view.SetViewport(width, height);
//   view.FitBounds({35.3, 126.4}, {36.2, 127.9}, Insets{24, 24, 24, 24});
//   Vec2 p = view.ToScreen(facility.position);
//   view.ZoomAround(mouse, +1);     // one level in, keeping the point under the mouse where it is
// clang-format on
#pragma once

#include "core/model.h"
#include "web/model/geometry.h"

namespace bokji::web {

struct Mercator {
  double x = 0;
  double y = 0;
  bool operator==(const Mercator&) const = default;
};

Mercator ToMercator(LatLng position);
LatLng FromMercator(Mercator m);

class MapView {
 public:
  static constexpr double kMinZoom = 5;
  static constexpr double kMaxZoom = 19;

  void SetViewport(float width, float height);
  float width() const { return width_; }
  float height() const { return height_; }

  Mercator center() const { return center_; }
  double zoom() const { return zoom_; }
  // CSS pixels per world unit.
  double scale() const;

  Vec2 ToScreen(LatLng position) const { return ToScreen(bokji::web::ToMercator(position)); }
  Vec2 ToScreen(Mercator m) const;
  Mercator ToMercator(Vec2 screen) const;
  LatLng ToLatLng(Vec2 screen) const { return FromMercator(ToMercator(screen)); }

  // The visible area as south-west and north-east corners (slightly larger by `margin_px`), clamped
  // to latitudes ±85 and longitudes ±180.
  void VisibleBounds(float margin_px, LatLng* south_west, LatLng* north_east) const;

  // Ground distance of one CSS pixel at the view's centre, in metres.
  double MetresPerPixel() const;

  void SetCenter(Mercator center);
  void SetZoom(double zoom);  // clamped to [kMinZoom, kMaxZoom]
  // The view that puts `position` at `screen` at `zoom` (clamped), keeping the viewport.
  MapView Placing(LatLng position, Vec2 screen, double zoom) const;

  bool operator==(const MapView&) const = default;
  // Moves the map with the pointer: `delta` in CSS pixels.
  void PanBy(Vec2 delta);
  // Changes the zoom by `levels` keeping the world point under `screen` where it is.
  void ZoomAround(Vec2 screen, double levels);
  // Centre and zoom that show the box inside the viewport less `insets` (CSS pixels kept free,
  // e.g. under panels).
  void FitBounds(LatLng south_west, LatLng north_east, Insets insets);

 private:
  Mercator center_{0.5, 0.5};
  double zoom_ = 7;
  float width_ = 1;
  float height_ = 1;
};

}  // namespace bokji::web
