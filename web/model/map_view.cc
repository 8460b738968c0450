#include "web/model/map_view.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace bokji::web {
namespace {
constexpr double kPi = std::numbers::pi;
constexpr double kTileSize = 256;
constexpr double kEarthCircumferenceMetres = 40075016.686;  // WGS84 equator
constexpr double kMaxLatitude = 85.05112878;                // where Web Mercator is square
}  // namespace

Mercator ToMercator(LatLng position) {
  const double lat = std::clamp(position.lat, -kMaxLatitude, kMaxLatitude) * kPi / 180;
  return Mercator{(position.lng + 180) / 360,
                  (1 - std::log(std::tan(lat) + 1 / std::cos(lat)) / kPi) / 2};
}

LatLng FromMercator(Mercator m) {
  const double n = kPi * (1 - 2 * m.y);
  return LatLng{std::atan(std::sinh(n)) * 180 / kPi, m.x * 360 - 180};
}

void MapView::SetViewport(float width, float height) {
  width_ = std::max(width, 1.0f);
  height_ = std::max(height, 1.0f);
}

double MapView::scale() const {
  return kTileSize * std::exp2(zoom_);
}

Vec2 MapView::ToScreen(Mercator m) const {
  const double s = scale();
  return Vec2{static_cast<float>((m.x - center_.x) * s + width_ / 2.0),
              static_cast<float>((m.y - center_.y) * s + height_ / 2.0)};
}

Mercator MapView::ToMercator(Vec2 screen) const {
  const double s = scale();
  return Mercator{center_.x + (screen.x - width_ / 2.0) / s,
                  center_.y + (screen.y - height_ / 2.0) / s};
}

void MapView::VisibleBounds(float margin_px, LatLng* south_west, LatLng* north_east) const {
  const LatLng top_left = ToLatLng(Vec2{-margin_px, -margin_px});
  const LatLng bottom_right = ToLatLng(Vec2{width_ + margin_px, height_ + margin_px});
  // Clamped to the world a query accepts (a zoomed-out view shows more than that).
  *south_west =
      LatLng{std::clamp(bottom_right.lat, -85.0, 85.0), std::clamp(top_left.lng, -180.0, 180.0)};
  *north_east =
      LatLng{std::clamp(top_left.lat, -85.0, 85.0), std::clamp(bottom_right.lng, -180.0, 180.0)};
}

double MapView::MetresPerPixel() const {
  const double lat = FromMercator(center_).lat * kPi / 180;
  return kEarthCircumferenceMetres * std::cos(lat) / scale();
}

void MapView::SetCenter(Mercator center) {
  center_.x = std::clamp(center.x, 0.0, 1.0);
  center_.y = std::clamp(center.y, 0.0, 1.0);
}

void MapView::SetZoom(double zoom) {
  zoom_ = std::clamp(zoom, kMinZoom, kMaxZoom);
}

void MapView::PanBy(Vec2 delta) {
  const double s = scale();
  SetCenter(Mercator{center_.x - delta.x / s, center_.y - delta.y / s});
}

void MapView::ZoomAround(Vec2 screen, double levels) {
  const Mercator anchor = ToMercator(screen);
  SetZoom(zoom_ + levels);
  // Put `anchor` back under `screen`.
  const double s = scale();
  SetCenter(Mercator{anchor.x - (screen.x - width_ / 2.0) / s,
                     anchor.y - (screen.y - height_ / 2.0) / s});
}

MapView MapView::Placing(LatLng position, Vec2 screen, double zoom) const {
  MapView placed = *this;
  placed.SetZoom(zoom);
  const Mercator at = bokji::web::ToMercator(position);
  const double s = placed.scale();
  placed.SetCenter(
      Mercator{at.x - (screen.x - width_ / 2.0) / s, at.y - (screen.y - height_ / 2.0) / s});
  return placed;
}

void MapView::FitBounds(LatLng south_west, LatLng north_east, Insets insets) {
  const Mercator a = bokji::web::ToMercator(LatLng{north_east.lat, south_west.lng});
  const Mercator b = bokji::web::ToMercator(LatLng{south_west.lat, north_east.lng});
  const double span_x = std::max(b.x - a.x, 1e-9), span_y = std::max(b.y - a.y, 1e-9);
  const double usable_w = std::max(static_cast<double>(width_ - insets.left - insets.right), 1.0);
  const double usable_h = std::max(static_cast<double>(height_ - insets.top - insets.bottom), 1.0);
  SetZoom(std::log2(std::min(usable_w / span_x, usable_h / span_y) / kTileSize));
  // The box's centre goes to the centre of the usable area.
  const double s = scale();
  const double shift_x = (insets.left - insets.right) / 2.0;
  const double shift_y = (insets.top - insets.bottom) / 2.0;
  SetCenter(Mercator{(a.x + b.x) / 2 - shift_x / s, (a.y + b.y) / 2 - shift_y / s});
}

}  // namespace bokji::web
