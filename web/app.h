// The App: puts the layers together and draws one frame at a time. It owns the Catalog (the
// bundle and everything derived from it, built once), the AppState (every choice a person made)
// with its derived caches, the look (theme, font), the map's renderers, the MapController and
// MapLayer, and the panels (web/panels/panels.h). A frame reads the page's input, moves the map,
// draws the map's overlay and every panel from the state, renders, and writes the URL.
//
// clang-format off
//   std::string detail;
//   StringId failure;
//   std::unique_ptr<App> app = App::Create(std::move(dataset), std::move(font_bytes), AppConfig{},
//                                          SystemClock(), Language::kKorean, &failure, &detail);
//   if (!app) ShowErrorScreen(Text(StringId::kErrorTitle), Text(failure), detail.c_str());
//   app->RestoreUrlState(query);                 // what a link names
//   ... every animation frame: if (TakeFrameRequest()) app->Frame();
//   app->Reset();                                // a kiosk's idle reset: the start screen
// clang-format on
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/catalog.h"
#include "nlohmann/json.hpp"
#include "web/basemap.h"
#include "web/basemap_cache.h"
#include "web/debug_rects.h"
#include "web/font.h"
#include "web/map_controller.h"
#include "web/map_layer.h"
#include "web/model/app_state.h"
#include "web/model/clock.h"
#include "web/model/derived.h"
#include "web/model/layout.h"
#include "web/model/mirror.h"
#include "web/model/strings.h"
#include "web/panel.h"
#include "web/text_field_box.h"
#include "web/theme.h"
#include "web/tile_layer.h"
#include "web/ui_cache.h"

namespace bokji::web {

class App {
 public:
  // Builds the catalog, the font atlas, the basemap and the renderers. REQUIRES: a current WebGL2
  // context, an ImGui context with the OpenGL3 renderer initialised, and the canvas size known
  // (AttachInput ran). On failure returns null and says why (`failure` names the message, `detail`
  // the technical reason).
  static std::unique_ptr<App> Create(Dataset data, std::vector<uint8_t> font_ttf, AppConfig config,
                                     Clock clock, Language language, StringId* failure,
                                     std::string* detail);

  // Draws one frame: reads input, moves the map, lays out the panels, renders.
  void Frame();

  // Applies what a link's query string (without "?") names: url_state.h's keys, and the page's
  // ?mode= (citizen, kiosk, embed) into the config.
  void RestoreUrlState(const std::string& query);
  // Back to the start screen: every choice forgotten (search text, filters, card, answers, view,
  // language, the URL), caches dropped, the map stopped.
  void Reset();

  // From the page's accessible mirror (web/mirror.js): an element activated (its twin acts on the
  // next frame, "id=value" for a choice), an element focused ("" when none: the focus ring goes).
  void MirrorActivate(const std::string& id);
  void MirrorFocus(const std::string& id);
  // The page rebuilt its mirror: the next frame sends the whole description again.
  void MirrorReset();

  // The state tests look at (view, markers, the open card, panels' parts, start-up times), as JSON.
  std::string DebugJson();
  // Every program's facts as a JSON array by id, for tests that restate the listing rule.
  std::string ProgramCatalogJson() const;
  // The help form (web/help_form.js) asks for a point: the next tap on the map goes to it
  // (PickedHelpPoint), not to the state. `on` false cancels.
  void SetHelpPicking(bool on);
  // The bundle's 시군구 and 읍면동 for the help form's area chooser, as a JSON array of
  // {code, name, level: "sigungu"|"emd", parent} in the bundle's order.
  std::string RegionsJson() const;
  // A language's extra font arrived (web/font.h): the next frame rebuilds the atlas with it.
  void AddLanguageFont(Language language, std::vector<uint8_t> ttf);
  // Adds a start-up phase's duration to DebugJson's "startup_ms".
  void RecordStartupTime(const char* phase, double ms);
  // For measuring where a frame's time goes (bench/browser/pan_parts.mjs): leaves parts out of
  // every frame (RenderParts flags); 0 draws everything.
  enum RenderParts : int {
    kSkipBasemap = 1,   // the vector basemap (and its texture)
    kSkipMapLayer = 2,  // markers, clusters, labels, area counts (the background draw list)
    kSkipPanels = 4,    // every ImGui window, the focus ring, the scale bar and attribution
    kNoPanFrames = 8,   // draw every moving frame in full, as before pan frames existed
  };
  void SetRenderSkip(int flags);

 private:
  App(Catalog catalog, std::vector<uint8_t> font_ttf, AppConfig config, Clock clock);

  bool BuildFont(float pixel_ratio);
  // The theme of the config's mode (a kiosk's larger text and targets), applied from the next
  // frame.
  void ApplyModeTheme();
  Layout CurrentLayout() const;
  PanelContext Context(const Layout& layout, const Now& now, double now_ms);
  // Draws the map's overlay for the pan frame's texture: a view WideSize() around the texture's
  // centre (the current one when the texture must be rendered anew), into wide_list_, and keys it.
  // Leaves layer_ collected for that view: collect again for the screen's.
  void DrawWideMap(PanelContext& ctx);
  void Render();
  // A pan frame: the map's texture shifted by the pan, the panels' texture over it.
  void RenderPanFrame();
  void UpdateUrl();
  void MirrorMap(PanelContext& ctx);  // the map's state as text, in the mirror
  void DrawFocusRing();               // around the focused mirror element's twin

  const Catalog catalog_;
  AppConfig config_;
  Clock clock_;
  AppState state_;
  Derived derived_;
  Theme theme_;
  Appearance appearance_;      // what theme_ was made for
  bool touch_screen_ = false;  // and on which device (platform.h TouchScreen)
  AppFont font_;
  float font_pixel_ratio_ = 0;
  bool language_font_requested_[kLanguageCount] = {};
  Basemap basemap_;
  BasemapCache basemap_cache_;  // the map (basemap + markers) as one texture while it pans
  UiCache ui_cache_;            // the panels as one texture while the map pans
  // A pan frame (the map moves at a constant zoom: a drag, a one-finger touch drag, a two-finger
  // pan, an arrow key's animation) is drawn from the two textures; every other frame straight.
  bool pan_frame_ = false;
  double last_zoom_ = -1;                   // the map's zoom in the last frame
  std::unique_ptr<ImDrawList> wide_list_;   // a pan frame's map overlay, laid out for the texture
  uint64_t wide_key_ = 0;                   // DrawListKey(*wide_list_)
  Mercator wide_center_;                    // the view centre wide_list_ was laid out around
  std::unique_ptr<ImDrawList> fixed_list_;  // the scale bar and attribution, over the map
  int pan_frames_ = 0;                      // for tests: frames drawn as pan frames
  int last_draw_lists_ = 0, last_draw_commands_ = 0;  // ImGui's, in the last frame drawn straight
  int render_skip_ = 0;                               // RenderParts
  TileLayer tiles_;                                   // follows state_.tiles
  bool tiles_fell_back_ = false;  // tiles failed: the basemap drawn alone (set by Render)
  MapController camera_;
  MapLayer layer_;
  std::vector<std::unique_ptr<Panel>> panels_;
  TextFieldBinding text_field_;
  DebugRects rects_;
  PanelEdges edges_;  // where the panels ended in the last frame
  Hover hover_;
  Mirror mirror_;
  std::vector<Rect> covered_;  // what covered the map in the last frame (panels, scale bar)
  std::vector<std::string> covered_names_;  // the ImGui windows among them, for tests
  std::string url_state_;                   // what the page's URL says now
  nlohmann::json startup_ms_ = nlohmann::json::object();
  int frame_count_ = 0;
  std::array<std::pair<int, double>, 32> recent_frame_work_{};  // (frame, ms), the last 32 frames
  double last_frame_ms_ = 0;
};

}  // namespace bokji::web
