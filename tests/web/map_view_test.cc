// web/model/map_view.h against Web Mercator written here from its textbook formula, and the
// camera operations' promises: screen and world round trips, zooming around a point, fitting a box
// inside insets, placing a point at a screen position.
#include "web/model/map_view.h"

#include <gtest/gtest.h>

#include <cmath>

namespace bokji::web {
namespace {

// x = (λ + 180) / 360, y = ½ − ln((1 + sin φ) / (1 − sin φ)) / 4π.
Mercator Textbook(LatLng p) {
  const double s = std::sin(p.lat * M_PI / 180);
  return Mercator{(p.lng + 180) / 360, 0.5 - std::log((1 + s) / (1 - s)) / (4 * M_PI)};
}

MapView View() {
  MapView view;
  view.SetViewport(1280, 800);
  view.SetZoom(9);
  view.SetCenter(ToMercator(LatLng{35.8, 127.1}));
  return view;
}

TEST(MapView, ProjectionMatchesTheTextbook) {
  for (LatLng p :
       {LatLng{35.8242, 127.148}, LatLng{0, 0}, LatLng{-33.9, 151.2}, LatLng{60, -120}}) {
    const Mercator a = ToMercator(p), b = Textbook(p);
    EXPECT_NEAR(a.x, b.x, 1e-12);
    EXPECT_NEAR(a.y, b.y, 1e-12);
    const LatLng back = FromMercator(a);
    EXPECT_NEAR(back.lat, p.lat, 1e-9);
    EXPECT_NEAR(back.lng, p.lng, 1e-9);
  }
}

TEST(MapView, ScreenPositionsAtZoomZAre256TimesTwoToTheZPixelsAWorld) {
  const MapView view = View();
  const LatLng p{35.9, 127.3};
  const Vec2 s = view.ToScreen(p);
  const Mercator m = Textbook(p), c = Textbook(LatLng{35.8, 127.1});
  const double scale = 256 * std::exp2(9.0);
  EXPECT_NEAR(s.x, (m.x - c.x) * scale + 640, 1e-3);
  EXPECT_NEAR(s.y, (m.y - c.y) * scale + 400, 1e-3);
  const LatLng back = view.ToLatLng(s);
  EXPECT_NEAR(back.lat, p.lat, 1e-6);
  EXPECT_NEAR(back.lng, p.lng, 1e-6);
}

TEST(MapView, ZoomAroundKeepsThePointUnderTheScreenPosition) {
  MapView view = View();
  const Vec2 at{300, 200};
  const LatLng anchor = view.ToLatLng(at);
  view.ZoomAround(at, 1.5);
  EXPECT_NEAR(view.zoom(), 10.5, 1e-12);
  const Vec2 moved = view.ToScreen(anchor);
  EXPECT_NEAR(moved.x, at.x, 1e-3);
  EXPECT_NEAR(moved.y, at.y, 1e-3);
  view.ZoomAround(at, 100);
  EXPECT_EQ(view.zoom(), MapView::kMaxZoom);
}

TEST(MapView, FitBoundsShowsTheBoxInsideTheInsets) {
  MapView view = View();
  const LatLng sw{35.3, 126.4}, ne{36.2, 127.9};
  const Insets insets{320, 24, 24, 24};
  view.FitBounds(sw, ne, insets);
  const Vec2 a = view.ToScreen(LatLng{ne.lat, sw.lng}), b = view.ToScreen(LatLng{sw.lat, ne.lng});
  EXPECT_GE(a.x, insets.left - 0.5);
  EXPECT_GE(a.y, insets.top - 0.5);
  EXPECT_LE(b.x, 1280 - insets.right + 0.5);
  EXPECT_LE(b.y, 800 - insets.bottom + 0.5);
  // And fills it along one axis (the tighter one).
  const bool fills_width = std::fabs((b.x - a.x) - (1280 - 344)) < 1;
  const bool fills_height = std::fabs((b.y - a.y) - (800 - 48)) < 1;
  EXPECT_TRUE(fills_width || fills_height);
}

TEST(MapView, PlacingPutsAPointWhereAsked) {
  const MapView view = View();
  const LatLng p{35.95, 126.9};
  const MapView placed = view.Placing(p, Vec2{200, 300}, 13);
  EXPECT_EQ(placed.zoom(), 13);
  const Vec2 s = placed.ToScreen(p);
  EXPECT_NEAR(s.x, 200, 1e-3);
  EXPECT_NEAR(s.y, 300, 1e-3);
  EXPECT_EQ(placed.width(), view.width());
}

TEST(MapView, VisibleBoundsClampToTheQueryableWorld) {
  MapView view;
  view.SetViewport(1280, 800);
  view.SetZoom(MapView::kMinZoom);
  view.SetCenter(ToMercator(LatLng{80, 170}));
  LatLng sw, ne;
  view.VisibleBounds(24, &sw, &ne);
  EXPECT_LE(ne.lat, 85);
  EXPECT_LE(ne.lng, 180);
  EXPECT_GE(sw.lat, -85);
  EXPECT_LT(sw.lat, ne.lat);
}

}  // namespace
}  // namespace bokji::web
