// Screen geometry of the web model, in CSS pixels from the canvas's top-left corner: a point, a
// rectangle and the margins of one inside another. Plain values with no ImGui dependency; the app
// layer converts ImVec2 to and from Vec2 implicitly (web/imconfig_bokji.h).
//
// clang-format off
//   Rect map = layout.MapArea();                 // what no panel covers
//   if (map.Contains(view.ToScreen(facility.position))) ...
//   Insets free = layout.MapInsets();            // the same as margins, for MapView::FitBounds
// clang-format on
#pragma once

namespace bokji::web {

struct Vec2 {
  float x = 0;
  float y = 0;
};

// Margins kept free on each side, e.g. under panels.
struct Insets {
  float left = 0;
  float top = 0;
  float right = 0;
  float bottom = 0;
};

// x0 <= x1 and y0 <= y1 for a non-empty rectangle.
struct Rect {
  float x0 = 0;
  float y0 = 0;
  float x1 = 0;
  float y1 = 0;

  float width() const { return x1 - x0; }
  float height() const { return y1 - y0; }
  Vec2 centre() const { return Vec2{(x0 + x1) / 2, (y0 + y1) / 2}; }
  bool Contains(Vec2 p) const { return p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1; }
  bool Overlaps(const Rect& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
  bool operator==(const Rect&) const = default;
};

}  // namespace bokji::web
