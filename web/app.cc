// The App: see app.h.
//
// Index
//   - Creation
//   - Frame
//   - URL state and reset
//   - Debug state for tests
#include "web/app.h"

#include <GLES3/gl3.h>
#include <emscripten.h>

#include <algorithm>
#include <cstdio>

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_internal.h"  // the windows on screen, for what covers the map
#include "web/label_check.h"
#include "web/model/finding.h"
#include "web/model/format.h"
#include "web/model/url_state.h"
#include "web/panels/panels.h"
#include "web/platform.h"

namespace bokji::web {

// ---------------------------------------------------------------------------------------------------------
// Creation
// ---------------------------------------------------------------------------------------------------------

App::App(Catalog catalog, std::vector<uint8_t> font_ttf, AppConfig config, Clock clock)
    : catalog_(std::move(catalog)),
      config_(config),
      clock_(std::move(clock)),
      theme_(DefaultTheme()),
      font_(std::move(font_ttf), catalog_.data),
      wide_list_(std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData())),
      fixed_list_(std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData())) {
#define BOKJI_ADD_PANEL(Name) panels_.push_back(Make##Name());
  BOKJI_PANELS(BOKJI_ADD_PANEL)
#undef BOKJI_ADD_PANEL
}

std::unique_ptr<App> App::Create(Dataset data, std::vector<uint8_t> font_ttf, AppConfig config,
                                 Clock clock, Language language, StringId* failure,
                                 std::string* detail) {
  double phase_start = NowMs();
  Catalog catalog = Catalog::Build(std::move(data));
  const double catalog_ms = NowMs() - phase_start;
  phase_start = NowMs();
  std::unique_ptr<App> app(
      new App(std::move(catalog), std::move(font_ttf), config, std::move(clock)));
  app->state_.language = language;
  app->RecordStartupTime("catalog", catalog_ms);
  ApplyImGuiStyle(app->theme_, &ImGui::GetStyle());
  if (!app->BuildFont(GetCanvasSize().pixel_ratio)) {
    *failure = StringId::kErrorFont;
    *detail = "the font is not a TrueType file";
    return nullptr;
  }
  app->RecordStartupTime("font", NowMs() - phase_start);
  phase_start = NowMs();
  if (!app->basemap_.Build(app->catalog_.data.regions, app->theme_, detail) ||
      !app->tiles_.Init(detail) || !app->basemap_cache_.Init(detail) ||
      !app->ui_cache_.Init(detail)) {
    *failure = StringId::kErrorGraphics;
    return nullptr;
  }
  app->RecordStartupTime("basemap", NowMs() - phase_start);
  app->last_frame_ms_ = NowMs();

  if (!app->font_.missing().empty()) {
    std::string list;
    for (ImWchar c : app->font_.missing()) {
      char code[12];
      std::snprintf(code, sizeof(code), " U+%04X", static_cast<unsigned>(c));
      list += code;
    }
    emscripten_log(EM_LOG_WARN, "bokji: %d characters have no glyph:%s",
                   static_cast<int>(app->font_.missing().size()), list.c_str());
  }
  return app;
}

bool App::BuildFont(float pixel_ratio) {
  const float raster_ratio = std::min(pixel_ratio, theme_.max_font_pixel_ratio);
  if (!font_.Build(theme_.Scaled(theme_.font_size) * raster_ratio,
                   theme_.Scaled(theme_.small_font_size) * raster_ratio,
                   theme_.Scaled(theme_.large_font_size) * raster_ratio, state_.language))
    return false;
  ImGui::GetIO().FontGlobalScale = 1.0f / raster_ratio;
  font_pixel_ratio_ = pixel_ratio;
  return true;
}

// ---------------------------------------------------------------------------------------------------------
// Frame
// ---------------------------------------------------------------------------------------------------------

Layout App::CurrentLayout() const {
  const CanvasSize& canvas = GetCanvasSize();
  return Layout::For(config_.mode, canvas.css_width, canvas.css_height, theme_.ui_scale, edges_,
                     frame_count_ > 0, state_.view);
}

PanelContext App::Context(const Layout& layout, const Now& now, double now_ms) {
  return PanelContext{state_, config_, catalog_,         derived_,         theme_,         font_,
                      layout, now,     now_ms,           text_field_,      rects_,         edges_,
                      hover_, mirror_, camera_.moving(), tiles_fell_back_, ServedOffline()};
}

void App::Frame() {
  const CanvasSize& canvas = GetCanvasSize();
  ImGuiIO& io = ImGui::GetIO();
  // The text size and contrast a person chose: another theme, style and font size.
  bool rebuild_font = canvas.pixel_ratio != font_pixel_ratio_;
  if (state_.appearance != appearance_) {
    appearance_ = state_.appearance;
    theme_ = ThemeFor(appearance_, config_.mode, TouchScreen());
    ApplyImGuiStyle(theme_, &ImGui::GetStyle());
    rebuild_font = true;
  }
  // A touch screen (the page's media query, or a finger): 44 CSS px targets; the same font.
  if (TouchScreen() != touch_screen_) {
    touch_screen_ = TouchScreen();
    theme_ = ThemeFor(appearance_, config_.mode, touch_screen_);
    ApplyImGuiStyle(theme_, &ImGui::GetStyle());
  }
  // Vietnamese and Chinese glyphs: fetched the first time the language is chosen, added to the
  // atlas when they arrive (AddLanguageFont); Korean and English need none.
  if (AppFont::NeedsLanguageFont(state_.language)) {
    const int l = static_cast<int>(state_.language);
    if (!font_.HasLanguageFont(state_.language) && !language_font_requested_[l]) {
      language_font_requested_[l] = true;
      RequestLanguageFont(LanguageCode(state_.language));
    }
    if (font_.HasLanguageFont(state_.language) && font_.built_language() != state_.language)
      rebuild_font = true;
  } else if (font_.built_language() != Language::kKorean) {
    rebuild_font = true;  // back to Korean or English: the smaller atlas
  }
  // A new pixel ratio (browser zoom, another screen) re-rasterises the font for it.
  if (rebuild_font && BuildFont(canvas.pixel_ratio)) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
  const double now_ms = NowMs();
  io.DeltaTime = static_cast<float>(std::max(now_ms - last_frame_ms_, 0.1) / 1000.0);
  last_frame_ms_ = now_ms;
  io.DisplaySize = ImVec2(canvas.css_width, canvas.css_height);
  io.DisplayFramebufferScale =
      ImVec2(canvas.pixel_width / canvas.css_width, canvas.pixel_height / canvas.css_height);
  state_.map.SetViewport(canvas.css_width, canvas.css_height);
  SetLanguage(state_.language);
  const Now now = NowAt(clock_());
  const Layout layout = CurrentLayout();

  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  BeginLabelCheckFrame();
  PanelContext ctx = Context(layout, now, now_ms);
  edges_ = PanelEdges{};  // measured again by this frame's panels
  camera_.Step(ctx);
  camera_.HandleInput(ctx, layer_, covered_);
  // A facility card the filters now hide closes.
  const int open = OpenFacility(state_);
  if (open >= 0 && !Passes(catalog_, state_.filters, now.week, static_cast<uint32_t>(open)))
    state_.card = NoCard{};

  covered_.clear();
  // A pan frame: the map moves at the zoom of the last frame, drawn through the textures
  // (RenderPanFrame). Not over raster tiles, which arrive while the map moves.
  pan_frame_ = camera_.moving() && (render_skip_ & kNoPanFrames) == 0 && !tiles_.enabled() &&
               state_.map.zoom() == last_zoom_;
  last_zoom_ = state_.map.zoom();
  layer_.Collect(ctx);
  if (pan_frame_) {
    // No hover while the map slides under the pointer: a marker's hover ring would change the
    // map's picture, and the pointer is dragging, not pointing.
    hover_.marker = -1;
    DrawWideMap(ctx);
    layer_.Collect(ctx);  // the screen's markers again, for clicks and tests
  } else {
    layer_.UpdateHover(ctx, !io.WantCaptureMouse);
  }
  ImDrawList& fixed = *fixed_list_;
  fixed._ResetForNewFrame();
  fixed.PushTextureID(io.Fonts->TexID);
  fixed.PushClipRectFullScreen();
  layer_.Draw(ctx, ImGui::GetBackgroundDrawList(), &fixed, &covered_);
  fixed.PopClipRect();
  fixed.PopTextureID();

  rects_.Clear();
  mirror_.BeginFrame();
  mirror_.PageLanguage(LanguageCode(state_.language));
  text_field_.BeginFrame(CurrentTextField(), TakeTextFieldKeys());
  ctx.map_moving = camera_.moving();
  for (const std::unique_ptr<Panel>& panel : panels_) panel->Draw(ctx);
  EndLabelCheckFrame();
  text_field_.EndFrame();
  MirrorMap(ctx);
  DrawFocusRing();
  std::string mirror_json;
  if (mirror_.EndFrame(&mirror_json)) SendMirror(mirror_json);
  camera_.UpdateCursor(ctx);
  covered_names_.clear();
  for (ImGuiWindow* window : ImGui::GetCurrentContext()->Windows) {
    // Not ImGui's implicit "Debug##Default" window: it is never drawn.
    if (window->Active && !window->Hidden && !window->IsFallbackWindow) {
      covered_.push_back(Rect{window->Pos.x, window->Pos.y, window->Pos.x + window->Size.x,
                              window->Pos.y + window->Size.y});
      covered_names_.push_back(window->Name);
    }
  }

  ImGui::Render();
  // The scale bar and attribution: over the map's draw list, under every window.
  ImDrawData* draw_data = ImGui::GetDrawData();
  fixed._PopUnusedDrawCmd();
  if (!fixed.CmdBuffer.empty() && fixed.CmdBuffer.back().ElemCount > 0) {
    const int at =
        draw_data->CmdListsCount > 0 && draw_data->CmdLists[0] == ImGui::GetBackgroundDrawList()
            ? 1
            : 0;
    draw_data->CmdLists.insert(draw_data->CmdLists.Data + at, &fixed);
    draw_data->CmdListsCount = draw_data->CmdLists.Size;
    draw_data->TotalVtxCount += fixed.VtxBuffer.Size;
    draw_data->TotalIdxCount += fixed.IdxBuffer.Size;
  }
  Render();
  // The frame's work on the main thread (input, derived data, panels, GL calls issued), without
  // the time the browser and GPU take to show it.
  recent_frame_work_[frame_count_ % recent_frame_work_.size()] = {frame_count_, NowMs() - now_ms};
  ++frame_count_;
  UpdateUrl();
  // ImGui animates some things itself (text cursor, fading tooltips): keep drawing while it may.
  if (io.WantTextInput || camera_.animating()) RequestFrames(2);
}

void App::MirrorMap(PanelContext& ctx) {
  // "전주시 완산구 주변 시설 12곳": the area nearest the middle of the map (a 시군구 at a city's
  // zoom, a 읍면동 closer in) and what the results list counts there.
  const ResultsList& list = derived_.Results(catalog_, state_, ctx.now.week, !camera_.moving());
  const double zoom = state_.map.zoom();
  const LatLng centre = FromMercator(state_.map.center());
  const RegionLevel level = zoom >= 13 ? RegionLevel::kEmd : RegionLevel::kSigungu;
  int nearest = -1;
  double best = 0;
  if (zoom >= 10) {
    for (size_t i = 0; i < catalog_.data.regions.size(); ++i) {
      if (catalog_.data.regions[i].level != level) continue;
      const LatLng at = catalog_.label_points[i];
      const double d = (at.lat - centre.lat) * (at.lat - centre.lat) +
                       (at.lng - centre.lng) * (at.lng - centre.lng);
      if (nearest < 0 || d < best) {
        nearest = static_cast<int>(i);
        best = d;
      }
    }
  }
  std::string text;
  if (nearest >= 0) {
    const std::string& full = catalog_.data.regions[nearest].full_name;
    const size_t space = full.find(' ');
    const std::string where = space == std::string::npos ? full : full.substr(space + 1);
    text = FormatText(Text(StringId::kMirrorMapAroundFormat), where.c_str(), list.total);
  } else {
    text = Format(Text(StringId::kListInViewFormat), list.total);
  }
  mirror_.Begin(MirrorRole::kRegion, Text(StringId::kMirrorMapRegion), "map");
  mirror_.Text(text);
  mirror_.Text(Text(StringId::kMirrorMapKeys));
  mirror_.End();
  // Only when no panel said something more specific (a list near a place, search results).
  if (state_.view == View::kMap && mirror_.announcement().empty()) mirror_.Announce(text);
}

void App::DrawFocusRing() {
  const std::optional<Rect> twin = mirror_.FocusedTwin();
  if (!twin) return;
  ImDrawList* draw_list = ImGui::GetForegroundDrawList();
  const float pad = theme_.Scaled(3);
  const ImVec2 min(twin->x0 - pad, twin->y0 - pad), max(twin->x1 + pad, twin->y1 + pad);
  // Two rings, dark outside light, so it shows on any background (WCAG 2.4.7, 2.4.13).
  draw_list->AddRect(ImVec2(min.x - 2, min.y - 2), ImVec2(max.x + 2, max.y + 2), theme_.focus_halo,
                     theme_.Scaled(6), 0, 2.0f);
  draw_list->AddRect(min, max, theme_.focus_ring, theme_.Scaled(5), 0, 3.0f);
}

void App::MirrorActivate(const std::string& id) {
  mirror_.Activate(id);
  RequestFrames(3);
}

void App::MirrorFocus(const std::string& id) {
  mirror_.Focus(id);
  RequestFrames(2);
}

void App::MirrorReset() {
  mirror_.Reset();
  RequestFrames(2);
}

void App::DrawWideMap(PanelContext& ctx) {
  const CanvasSize& canvas = GetCanvasSize();
  const MapView screen = state_.map;
  wide_center_ = basemap_cache_.Covers(screen, canvas) ? basemap_cache_.center() : screen.center();
  const ImVec2 wide = basemap_cache_.WideSize(screen, canvas);
  state_.map.SetCenter(wide_center_);
  state_.map.SetViewport(wide.x, wide.y);
  layer_.Collect(ctx);
  ImDrawList& list = *wide_list_;
  list._ResetForNewFrame();
  list.PushTextureID(ImGui::GetIO().Fonts->TexID);
  list.PushClipRect(ImVec2(0, 0), wide);
  layer_.DrawMap(ctx, &list);
  list.PopClipRect();
  list.PopTextureID();
  list._PopUnusedDrawCmd();
  state_.map = screen;
  wide_key_ = DrawListKey(list);
}

void App::SetRenderSkip(int flags) {
  render_skip_ = flags;
  RequestFrames(2);
}

void App::Render() {
  const CanvasSize& canvas = GetCanvasSize();
  glViewport(0, 0, canvas.pixel_width, canvas.pixel_height);
  // A pan frame covers every pixel with the map's texture: no clear.
  if (pan_frame_ && state_.map.zoom() == last_zoom_ && !tiles_.enabled()) return RenderPanFrame();
  const std::array<float, 4> clear = ToFloat4(theme_.map_background);
  glClearColor(clear[0], clear[1], clear[2], 1);
  glClear(GL_COLOR_BUFFER_BIT);
  if (state_.tiles != tiles_.url_template() && IsValidTileTemplate(state_.tiles))
    tiles_.SetTemplate(state_.tiles);
  tiles_.TakeLoadedTiles();
  if (tiles_.enabled()) {
    tiles_.Draw(state_.map);
    // Tiles that fail (no network) and none to draw: the vector basemap alone, as without tiles,
    // with a notice (web/panels/notices.cc) rather than a grey map.
    const bool fell_back = tiles_.failed() > 0 && tiles_.drawn() == 0;
    if (fell_back != tiles_fell_back_) RequestFrames(1);  // the notice follows
    tiles_fell_back_ = fell_back;
    // Over raster tiles the region tints thin out so the tiles' streets show through.
    basemap_.Draw(state_.map, theme_, canvas.pixel_ratio, fell_back ? 1.0f : 0.3f);
  } else {
    tiles_fell_back_ = false;
    if ((render_skip_ & kSkipBasemap) == 0)
      basemap_cache_.Draw(basemap_, state_.map, theme_, canvas, camera_.moving());
  }
  ui_cache_.Invalidate();
  ImDrawData* frame = ImGui::GetDrawData();
  ImDrawData drawn = *frame;
  if ((render_skip_ & (kSkipMapLayer | kSkipPanels)) != 0) {
    const ImDrawList* background = ImGui::GetBackgroundDrawList();
    drawn.CmdLists.clear();
    for (ImDrawList* list : frame->CmdLists) {
      const bool map_layer = list == background;
      if ((map_layer && (render_skip_ & kSkipMapLayer) == 0) ||
          (!map_layer && (render_skip_ & kSkipPanels) == 0))
        drawn.CmdLists.push_back(list);
    }
    drawn.CmdListsCount = drawn.CmdLists.Size;
  }
  last_draw_lists_ = drawn.CmdListsCount;
  last_draw_commands_ = 0;
  for (const ImDrawList* list : drawn.CmdLists) last_draw_commands_ += list->CmdBuffer.Size;
  ImGui_ImplOpenGL3_RenderDrawData(&drawn);
}

void App::RenderPanFrame() {
  const CanvasSize& canvas = GetCanvasSize();
  // The map: rendered again around wide_center_ (where DrawWideMap laid the overlay out) when
  // the texture is of another view or holds another overlay (a marker's look changed).
  ImDrawData overlay;
  overlay.Valid = true;
  overlay.DisplayPos = ImVec2(0, 0);
  overlay.DisplaySize = basemap_cache_.WideSize(state_.map, canvas);
  overlay.FramebufferScale = ImVec2(canvas.pixel_ratio, canvas.pixel_ratio);
  if ((render_skip_ & kSkipMapLayer) == 0 && !wide_list_->CmdBuffer.empty()) {
    overlay.CmdLists.push_back(wide_list_.get());
    overlay.CmdListsCount = 1;
    overlay.TotalVtxCount = wide_list_->VtxBuffer.Size;
    overlay.TotalIdxCount = wide_list_->IdxBuffer.Size;
  }
  const bool anchored = basemap_cache_.Covers(state_.map, canvas) &&
                        basemap_cache_.center().x == wide_center_.x &&
                        basemap_cache_.center().y == wide_center_.y;
  if (!anchored || basemap_cache_.overlay_key() != wide_key_) {
    MapView around = state_.map;
    around.SetCenter(wide_center_);
    basemap_cache_.Render(basemap_, around, theme_, canvas, &overlay, wide_key_);
  }
  // The panels: rendered again whenever their draw lists changed.
  ImDrawData* frame = ImGui::GetDrawData();
  ImDrawData panels = *frame;
  panels.CmdLists.clear();
  panels.TotalVtxCount = panels.TotalIdxCount = 0;
  if ((render_skip_ & kSkipPanels) == 0) {
    for (ImDrawList* list : frame->CmdLists) {
      if (list == ImGui::GetBackgroundDrawList()) continue;
      panels.CmdLists.push_back(list);
      panels.TotalVtxCount += list->VtxBuffer.Size;
      panels.TotalIdxCount += list->IdxBuffer.Size;
    }
  }
  panels.CmdListsCount = panels.CmdLists.Size;
  const uint64_t key = DrawListsKey(panels, fixed_list_.get());
  if (!ui_cache_.Holds(canvas, key)) ui_cache_.Render(&panels, canvas, key);
  glDisable(GL_SCISSOR_TEST);
  basemap_cache_.DrawShifted(state_.map, /*whole_pixels=*/true);
  ui_cache_.Draw(canvas);
  ++pan_frames_;
  last_draw_lists_ = 0;
  last_draw_commands_ = 2;
}

// ---------------------------------------------------------------------------------------------------------
// URL state and reset
// ---------------------------------------------------------------------------------------------------------

void App::UpdateUrl() {
  // Once the view has settled and no camera request waits.
  if (camera_.moving() || state_.camera.kind != CameraRequest::Kind::kNone) return;
  const std::string query = EncodeUrlState(catalog_, state_);
  if (query == url_state_) return;
  url_state_ = query;
  ReplaceUrlState(query);
}

void App::RestoreUrlState(const std::string& query) {
  DecodeUrlState(catalog_, query, &state_);
  const UiMode mode = config_.mode;
  config_ = ConfigFromQuery(query, config_);
  if (config_.mode != mode) ApplyModeTheme();
  RequestFrames(3);
}

void App::ApplyModeTheme() {
  theme_ = ThemeFor(state_.appearance, config_.mode, TouchScreen());
  ApplyImGuiStyle(theme_, &ImGui::GetStyle());
  font_pixel_ratio_ = 0;  // the next frame rasterises the font at the new size
}

void App::Reset() {
  state_ = AppState{};
  derived_.Clear();
  camera_.Stop();
  hover_ = Hover{};
  BlurTextField();
  RequestFrames(3);
}

void App::AddLanguageFont(Language language, std::vector<uint8_t> ttf) {
  font_.AddLanguageFont(language, std::move(ttf));
  RequestFrames(2);
}

void App::SetHelpPicking(bool on) {
  state_.help_picking = on;
  RequestFrames(2);
}

std::string App::RegionsJson() const {
  nlohmann::json out = nlohmann::json::array();
  for (const Region& r : catalog_.data.regions) {
    if (r.level != RegionLevel::kSigungu && r.level != RegionLevel::kEmd) continue;
    // A 시군구 as "전주시 완산구" (its full name without the 도); a 읍면동 by its own name.
    std::string name = r.name;
    const size_t space = r.full_name.find(' ');
    if (r.level == RegionLevel::kSigungu && space != std::string::npos)
      name = r.full_name.substr(space + 1);
    out.push_back({{"code", r.code},
                   {"name", name},
                   {"level", r.level == RegionLevel::kSigungu ? "sigungu" : "emd"},
                   {"parent", r.parent_code}});
  }
  return out.dump();
}

// ---------------------------------------------------------------------------------------------------------
// Debug state for tests
// ---------------------------------------------------------------------------------------------------------

void App::RecordStartupTime(const char* phase, double ms) {
  startup_ms_[phase] = ms;
}

std::string App::DebugJson() {
  const Layout layout = CurrentLayout();
  const Now now = NowAt(clock_());
  PanelContext ctx = Context(layout, now, NowMs());
  const Dataset& data = catalog_.data;
  const LatLng center = FromMercator(state_.map.center());
  const CanvasSize& canvas = GetCanvasSize();
  nlohmann::json out;
  out["frames"] = frame_count_;
  out["zoom"] = state_.map.zoom();
  out["center"] = {center.lat, center.lng};
  out["animating"] = camera_.animating();
  out["help_picking"] = state_.help_picking;
  out["mode"] = static_cast<int>(config_.mode);
  out["language"] = LanguageCode(state_.language);
  out["canvas"] = {{"css_width", canvas.css_width},
                   {"css_height", canvas.css_height},
                   {"pixel_width", canvas.pixel_width},
                   {"pixel_height", canvas.pixel_height},
                   {"pixel_ratio", canvas.pixel_ratio}};
  out["narrow"] = layout.narrow;
  out["facilities"] = data.facilities.size();  // with coordinates of their own
  out["approximate_facilities"] = catalog_.approximate.size();
  out["programs"] = data.programs.size();
  out["regions"] = data.regions.size();
  out["triangles"] = basemap_.drawn_triangles();
  out["outline_vertices"] = basemap_.drawn_outline_vertices();
  out["glyphs"] = font_.glyph_count();
  out["font_language"] = LanguageCode(font_.built_language());
  out["text_percent"] = state_.appearance.text_percent;
  out["clipped_labels"] = ClippedLabelsJson();
  out["overflowing_windows"] = OverflowingWindowsJson();
  out["targets"] = TargetsJson();
  out["min_target_height"] = theme_.min_target_height;
  out["touch_screen"] = TouchScreen();
  out["atlas"] = {ImGui::GetIO().Fonts->TexWidth, ImGui::GetIO().Fonts->TexHeight};
  nlohmann::json missing = nlohmann::json::array();
  for (ImWchar c : font_.missing()) missing.push_back(static_cast<unsigned>(c));
  out["missing_glyphs"] = std::move(missing);
  out["startup_ms"] = startup_ms_;
  nlohmann::json work = nlohmann::json::array();
  for (const auto& [frame, ms] : recent_frame_work_)
    if (ms > 0) work.push_back({frame, ms});
  out["frame_work_ms"] = std::move(work);

  const int selected = OpenFacility(state_);
  out["selected"] = selected;
  out["selected_name"] = selected >= 0 ? data.facilities[selected].name : "";
  const FacilityFilter& filter = state_.filters.index;
  out["filters"] = {{"categories", filter.categories},
                    {"target", filter.any_target},
                    {"region", filter.region_code},
                    {"open_now", state_.filters.open_now},
                    {"hours_known", catalog_.hours_known}};
  out["tiles"] = {{"enabled", tiles_.enabled()},
                  {"loaded", tiles_.loaded()},
                  {"failed", tiles_.failed()},
                  {"drawn", tiles_.drawn()},
                  {"fell_back", tiles_fell_back_}};
  out["basemap_cache"] = {{"renders", basemap_cache_.renders()},
                          {"from_texture", basemap_cache_.last_from_texture()}};
  // Pan frames (RenderPanFrame): how many were drawn, whether the last frame was one, how often
  // the map's texture (with the markers) and the panels' texture were rendered; the last frame's
  // ImGui draw lists and commands drawn straight (0 and 2 quads in a pan frame).
  out["pan_frames"] = {{"frames", pan_frames_},
                       {"last", pan_frame_},
                       {"map_renders", basemap_cache_.renders()},
                       {"map_overlay", basemap_cache_.overlay_key() != 0},
                       {"ui_renders", ui_cache_.renders()},
                       {"draw_lists", last_draw_lists_},
                       {"draw_commands", last_draw_commands_},
                       {"render_skip", render_skip_}};
  out["hovered_marker_facility"] = hover_.marker;
  nlohmann::json overlays = nlohmann::json::array();
  for (const Rect& r : covered_) overlays.push_back({r.x0, r.y0, r.x1, r.y1});
  out["overlays"] = std::move(overlays);
  out["windows"] = covered_names_;  // the names of the panels among the overlays
  out["buttons"] = rects_.ToJson();
  for (const std::unique_ptr<Panel>& panel : panels_) panel->Debug(ctx, out);
  layer_.Debug(out);
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string App::ProgramCatalogJson() const {
  nlohmann::json out = nlohmann::json::array();
  const std::vector<Program>& programs = catalog_.data.programs;
  for (size_t i = 0; i < programs.size(); ++i) {
    const Program& p = programs[i];
    out.push_back({{"id", i},
                   {"service_id", p.service_id},
                   {"name", p.name},
                   {"level", static_cast<int>(p.level)},
                   {"sigungu", p.sigungu_code},
                   {"region", p.region_name},
                   {"stages", p.life_stages},
                   {"targets", p.targets},
                   {"themes", p.themes},
                   {"apply_url", p.apply_url}});
  }
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace bokji::web
