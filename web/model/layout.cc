#include "web/model/layout.h"

#include <algorithm>

namespace bokji::web {

Layout Layout::For(UiMode mode, float width, float height, float scale, const PanelEdges& last,
                   bool drawn_before, View view) {
  Layout layout;
  layout.programs_open = view == View::kPrograms;
  layout.mode = mode;
  layout.width = std::max(width, 1.0f);
  layout.height = std::max(height, 1.0f);
  layout.scale = scale;
  layout.narrow = layout.width < kNarrowWidth;
  layout.measured_once = drawn_before;
  layout.measured = last;
  if (mode == UiMode::kKiosk) layout.safe.bottom += layout.Scaled(kKioskBarHeight);
  if (!drawn_before) {
    // Before the first frame: the sizes the panels have at start (title, search box, two rows of
    // buttons; a collapsed list sheet).
    layout.measured.header_bottom = layout.Scaled(kMargin + 150);
    layout.measured.column_right = layout.Scaled(kMargin + kColumnWidth);
    layout.measured.sheet_top = layout.height - layout.Scaled(60);
  }
  if (layout.measured.sheet_top <= 0) layout.measured.sheet_top = layout.height;  // no sheet
  return layout;
}

Rect Layout::CardRect(float card_width) const {
  const float margin = Scaled(kMargin);
  if (narrow) {
    return Rect{safe.left, height - safe.bottom - SheetMaxHeight(true), width - safe.right,
                height - safe.bottom};
  }
  const float w = std::min(Scaled(card_width), width - 2 * margin);
  return Rect{width - safe.right - margin - w, safe.top + margin, width - safe.right - margin,
              height - safe.bottom - margin};
}

float Layout::SheetMaxHeight(bool card) const {
  const float share = height * (card ? kCardSheetShare : kListSheetShare);
  const float room = height - safe.bottom - measured.header_bottom - height * kMapShareAboveSheet;
  return std::max(std::min(share, room), height * std::min(kListSheetShare, kCardSheetShare));
}

Rect Layout::ProgramsRect() const {
  if (narrow) return Rect{safe.left, safe.top, width - safe.right, height - safe.bottom};
  const float margin = Scaled(kMargin);
  return Rect{safe.left + margin, safe.top + margin,
              safe.left + margin + std::min(Scaled(kProgramsWidth), width - 2 * margin),
              height - safe.bottom - margin};
}

Rect Layout::HeaderRect() const {
  const float margin = Scaled(kMargin);
  if (narrow) return Rect{safe.left, safe.top, width - safe.right, safe.top};
  return Rect{safe.left + margin, safe.top + margin, safe.left + margin + Scaled(kColumnWidth),
              height - safe.bottom - margin};
}

Rect Layout::MapArea(bool card_open) const {
  Rect area{safe.left, safe.top, width - safe.right, height - safe.bottom};
  if (narrow) {
    area.y0 = std::max(area.y0, measured.header_bottom);
    area.y1 = card_open ? CardRect(0).y0 : std::min(area.y1, measured.sheet_top);
  } else {
    area.x0 = std::max(area.x0, programs_open ? ProgramsRect().x1 : measured.column_right);
    if (card_open) area.x1 = CardRect(380).x0;
  }
  // Never less than a sliver: a tiny window still gets a map to aim at.
  if (area.y1 - area.y0 < height * 0.2f) area.y1 = std::min(height, area.y0 + height * 0.2f);
  if (area.x1 - area.x0 < width * 0.2f) area.x0 = std::max(0.0f, area.x1 - width * 0.2f);
  return area;
}

Rect Layout::KioskBarRect() const {
  if (mode != UiMode::kKiosk) return Rect{0, 0, 0, 0};
  return Rect{0, height - Scaled(kKioskBarHeight), width, height};
}

Insets Layout::MapInsets(bool card_open, float pad) const {
  const Rect area = MapArea(card_open);
  const float p = Scaled(pad);
  return Insets{area.x0 + p, area.y0 + p, width - area.x1 + p, height - area.y1 + p};
}

}  // namespace bokji::web
