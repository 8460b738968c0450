// Layout: where panels go this frame, as one value the panels and the camera read instead of each
// asking "is this a phone?": the UI mode, wide or narrow, the device's safe areas, and the edges of
// the panels drawn last frame.
//
//   wide (desktop, tablet)                     narrow (phone, < 640 CSS px)
//   ┌────────┬───────────────────┬────────┐    ┌──────────────────────┐
//   │ header │                   │  card  │    │ header (top bar)     │
//   │ ─────  │       map         │ (one)  │    ├──────────────────────┤
//   │finding │                   │        │    │        map           │
//   │ list   │                   │        │    ├──────────────────────┤
//   └────────┴───────────────────┴────────┘    │ one sheet: the list, │
//   the programs view takes the left column    │ or the card instead  │
//   (540 px) over header and finding            └──────────────────────┘
//                                               the programs view takes the whole screen
//
// clang-format off
//   Layout layout = Layout::For(config.mode, width, height, theme.ui_scale, measured, true, state.view);
//   Rect card = layout.CardRect(380);               // where a card goes (a sheet on a phone)
//   Rect free = layout.MapArea(/*card_open=*/true); // what the camera frames things in
//   Rect bar = layout.KioskBarRect();               // kiosk mode: the bar along the bottom
// clang-format on
#pragma once

#include "web/model/app_state.h"
#include "web/model/geometry.h"

namespace bokji::web {

// Edges of panels as drawn in the last frame (CSS px); 0 for one not drawn.
struct PanelEdges {
  float header_bottom = 0;  // the header's bottom edge
  float column_right = 0;   // wide: the left column's right edge
  float sheet_top = 0;      // narrow: the bottom sheet's top edge
};

struct Layout {
  // Below this width (CSS px) the layout is narrow: a top bar and one bottom sheet.
  static constexpr float kNarrowWidth = 640;
  // Unscaled sizes (CSS px at ui scale 1).
  static constexpr float kMargin = 10;
  static constexpr float kColumnWidth = 300;       // the header and the finding panel
  static constexpr float kProgramsWidth = 540;     // the programs view, wide
  static constexpr float kCardSheetShare = 0.55f;  // a card's sheet, of the screen's height
  static constexpr float kListSheetShare = 0.45f;  // the list's sheet
  // On a phone the map keeps this share of the height between the header and a sheet: a taller
  // header (touch targets of 44 px) takes from the sheet, down to kListSheetShare (at 200 % text
  // the header is taller than that leaves, and the sheet covers its bottom instead).
  static constexpr float kMapShareAboveSheet = 0.25f;
  // Kiosk mode: the bar along the bottom ("처음으로", 글자 크게, 고대비), always visible; other
  // panels keep above it (it is added to the safe area's bottom).
  static constexpr float kKioskBarHeight = 76;

  UiMode mode = UiMode::kCitizen;
  float width = 1;
  float height = 1;
  float scale = 1;  // the theme's ui scale
  bool narrow = false;
  Insets safe;          // the device's safe areas (notch, home bar); 0 where the page gives none
  PanelEdges measured;  // last frame's; estimates before the first frame
  bool measured_once = false;
  bool programs_open = false;  // the programs view covers the left column (or all of a phone)

  static Layout For(UiMode mode, float width, float height, float scale, const PanelEdges& last,
                    bool drawn_before, View view = View::kMap);

  float Scaled(float size) const { return size * scale; }
  // A card of `card_width` (unscaled): a column at the top right, or the bottom sheet on a phone.
  Rect CardRect(float card_width) const;
  // The bottom sheet's largest height on a phone: a card's or the list's (kMapShareAboveSheet).
  float SheetMaxHeight(bool card) const;
  // The programs view: the left column, or the whole screen on a phone.
  Rect ProgramsRect() const;
  // The left column (wide) or the top bar (narrow) for the header; its height is its content's.
  Rect HeaderRect() const;
  // The part of the map no panel covers, with an open card (`card_open`) or without.
  Rect MapArea(bool card_open) const;
  // The kiosk's bottom bar (kiosk mode only; an empty rect in the other modes).
  Rect KioskBarRect() const;
  // MapArea as margins, for MapView::FitBounds, with `pad` (unscaled) more on every side.
  Insets MapInsets(bool card_open, float pad) const;
};

}  // namespace bokji::web
