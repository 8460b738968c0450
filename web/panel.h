// Panel: one part of the screen drawn with ImGui (the header, the list, a card, the programs
// view …), and the PanelContext every panel is drawn with. A panel decides from the state whether
// it shows this frame, draws itself where the layout puts it, and changes the state when a person
// acts; it holds no one's choices itself (those are AppState's), only what lasts while the pointer
// is somewhere (hover, a drag).
//
// clang-format off
//   class EducationCard final : public Panel {
//    public:
//     const char* name() const override { return "education"; }
//     void Draw(PanelContext& ctx) override {
//       const auto* card = CardAs<EducationCard>(ctx.state);
//       if (card == nullptr || !CardShows(ctx)) return;   // not this panel's turn
//       ...
//       if (ImGui::Button(Text(StringId::kCardClose))) ctx.state.card = NoCard{};
//     }
//     void Debug(PanelContext& ctx, nlohmann::json& out) const override { out["education"] = ...; }
//   };
// clang-format on
//
// The panels and their drawing order are listed in web/panels/panels.h.
#pragma once

#include "core/catalog.h"
#include "nlohmann/json.hpp"
#include "web/debug_rects.h"
#include "web/font.h"
#include "web/model/app_state.h"
#include "web/model/clock.h"
#include "web/model/derived.h"
#include "web/model/layout.h"
#include "web/model/mirror.h"
#include "web/text_field_box.h"
#include "web/theme.h"

namespace bokji::web {

// What the pointer is over this frame, shared by the map and the lists (a row lights its marker,
// a marker its row). -1: nothing.
struct Hover {
  int result = -1;  // a facility row in the results list
  int marker = -1;  // a single facility marker on the map
};

// Everything a panel is drawn with: the state it reads and changes, and this frame's read-only
// facts. Built by App::Frame for one frame.
struct PanelContext {
  AppState& state;
  const AppConfig& config;
  const Catalog& catalog;
  Derived& derived;  // lists, search results, matches: computed from the state on demand
  const Theme& theme;
  const AppFont& font;
  const Layout& layout;
  const Now& now;
  double now_ms;           // the page's monotonic clock (feedback timers)
  TextFieldBinding& text;  // the page's one text field, lent to the panel that draws its box
  DebugRects& rects;       // named rectangles of this frame, for tests
  PanelEdges& edges;       // where panels end this frame (the next frame's layout)
  Hover& hover;
  Mirror& mirror;   // the accessible description of this frame (web/model/mirror.h)
  bool map_moving;  // the view is being dragged, pinched or animated
  // Network loss: raster tiles failed and the vector basemap stands in for them (last frame's
  // render), and the page's files came from the service worker's copy
  // (window.bokjiPage.servedOffline).
  bool tiles_fell_back = false;
  bool served_offline = false;
};

class Panel {
 public:
  virtual ~Panel() = default;
  // How tests and the debug state name it.
  virtual const char* name() const = 0;
  // Draws the panel when the state shows it this frame.
  virtual void Draw(PanelContext& ctx) = 0;
  // Adds what tests read of it to the app's debug state (DEFAULT: nothing).
  virtual void Debug(PanelContext& ctx, nlohmann::json& out) const {}
};

// Whether a card over the map shows now: not while the programs view covers a phone's screen.
inline bool CardShows(const PanelContext& ctx) {
  return !(ctx.layout.narrow && ctx.state.view == View::kPrograms);
}

}  // namespace bokji::web
