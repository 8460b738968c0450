// The app's entry point. index.html fetches the font and the bundle (showing progress), copies them
// into wasm memory and calls bokji_start(); from then on an animation frame runs App::Frame()
// whenever something asked for one (web/platform.h, RequestFrames), and none runs otherwise.
//
//   const font = Module._malloc(fontBytes.length); Module.HEAPU8.set(fontBytes, font);
//   const bundle = ...;                                  // likewise
//   Module._bokji_start(font, fontBytes.length, bundle, bundleBytes.length, /*language=*/0);
//
// Every failure ends on the page's error screen with a Korean message (the detail line carries the
// technical reason, e.g. the bundle reader's own message).
#include <emscripten.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "core/bundle.h"
#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "web/app.h"
#include "web/label_check.h"
#include "web/model/clock.h"
#include "web/model/strings.h"
#include "web/platform.h"

namespace {

std::unique_ptr<bokji::web::App> g_app;
bool g_first_frame_shown = false;
std::string g_debug_json;

void Fail(bokji::web::StringId message, const std::string& detail) {
  using bokji::web::StringId;
  using bokji::web::Text;
  bokji::web::ShowErrorScreen(Text(StringId::kErrorTitle), Text(message), detail.c_str());
}

void DrawFrame() {
  if (g_first_frame_shown) {
    g_app->Frame();
    return;
  }
  const double start = emscripten_get_now();
  g_app->Frame();
  g_app->RecordStartupTime("first_frame", emscripten_get_now() - start);
  g_first_frame_shown = true;
  bokji::web::NotifyReady();
}

}  // namespace

extern "C" {

// Takes ownership of both buffers (allocated with malloc by the page). language: 0 Korean, 1
// English, 2 Vietnamese, 3 Chinese (simplified). Returns 1 when the app runs, 0 when it showed the
// error screen.
EMSCRIPTEN_KEEPALIVE int bokji_start(uint8_t* font_bytes, int font_size, uint8_t* bundle_bytes,
                                     int bundle_size, int language) {
  using bokji::web::StringId;
  const bokji::web::Language ui_language = language >= 0 && language < bokji::web::kLanguageCount
                                               ? static_cast<bokji::web::Language>(language)
                                               : bokji::web::Language::kKorean;
  bokji::web::SetLanguage(ui_language);  // the error screens' language until the app runs

  std::vector<uint8_t> font(font_bytes, font_bytes + (font_size > 0 ? font_size : 0));
  std::free(font_bytes);
  const double load_start = emscripten_get_now();
  bokji::Result<bokji::Dataset> loaded =
      bokji::LoadBundle(bundle_bytes, bundle_size > 0 ? static_cast<size_t>(bundle_size) : 0);
  std::free(bundle_bytes);
  const double load_ms = emscripten_get_now() - load_start;
  if (!loaded.ok()) {
    Fail(StringId::kErrorBundle, loaded.status().message());
    return 0;
  }

  double phase_start = emscripten_get_now();
  if (!bokji::web::CreateGlContext()) {
    Fail(StringId::kErrorWebGl, "WebGL2 context creation failed");
    return 0;
  }
  const double context_ms = emscripten_get_now() - phase_start;
  phase_start = emscripten_get_now();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // nothing is saved between visits
  io.LogFilename = nullptr;
  io.BackendPlatformName = "bokji_web";
  io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
  io.ConfigInputTrickleEventQueue = true;  // a fast tap's press and release land in separate frames
  bokji::web::AttachInput();  // also reports the canvas size, which the font and the view need
  if (!ImGui_ImplOpenGL3_Init("#version 300 es")) {
    Fail(StringId::kErrorGraphics, "ImGui OpenGL3 renderer init failed");
    return 0;
  }

  const double init_ms = emscripten_get_now() - phase_start;
  StringId failure = StringId::kErrorTitle;
  std::string detail;
  g_app =
      bokji::web::App::Create(std::move(loaded).value(), std::move(font), bokji::web::AppConfig{},
                              bokji::web::SystemClock(), ui_language, &failure, &detail);
  if (!g_app) {
    Fail(failure, detail);
    return 0;
  }
  g_app->RecordStartupTime("bundle", load_ms);
  g_app->RecordStartupTime("gl_context", context_ms);
  g_app->RecordStartupTime("imgui_init", init_ms);
  // No emscripten_set_main_loop: it runs a requestAnimationFrame callback 60 times a second even
  // when nothing changes. Frames are scheduled on request (web/platform.h, RequestFrames).
  bokji::web::RequestFrames(3);
  return 1;
}

// The requestAnimationFrame callback web/bridge.js schedules when a frame was requested.
EMSCRIPTEN_KEEPALIVE void bokji_animation_frame() {
  if (g_app) bokji::web::RunAnimationFrame(DrawFrame);
}

// What the page's URL asked for: its query string without the "?" (see App::RestoreUrlState).
// REQUIRES: bokji_start returned 1.
EMSCRIPTEN_KEEPALIVE void bokji_restore_url_state(const char* query) {
  if (g_app) g_app->RestoreUrlState(query);
}

// Back to the start screen (App::Reset): what a kiosk's idle timer will call.
EMSCRIPTEN_KEEPALIVE void bokji_reset() {
  if (g_app) g_app->Reset();
}

// The accessible mirror (web/mirror.js): an element activated ("id", or "id=value" for a choice),
// an element focused ("" when the focus left the mirror), the page's DOM rebuilt.
EMSCRIPTEN_KEEPALIVE void bokji_mirror_activate(const char* id) {
  if (g_app) g_app->MirrorActivate(id);
}
EMSCRIPTEN_KEEPALIVE void bokji_mirror_focus(const char* id) {
  if (g_app) g_app->MirrorFocus(id);
}
EMSCRIPTEN_KEEPALIVE void bokji_mirror_reset() {
  if (g_app) g_app->MirrorReset();
}

// A language's extra font (requested by RequestLanguageFont), `language` a Language value. Takes
// ownership of the malloc'd bytes.
EMSCRIPTEN_KEEPALIVE void bokji_add_language_font(int language, uint8_t* bytes, int size) {
  std::vector<uint8_t> ttf(bytes, bytes + (size > 0 ? size : 0));
  std::free(bytes);
  if (g_app && language >= 0 && language < bokji::web::kLanguageCount)
    g_app->AddLanguageFont(static_cast<bokji::web::Language>(language), std::move(ttf));
}

// The label check for tests (web/label_check.h): 1 on, 0 off. Results in DebugJson's
// "clipped_labels" from the next frame.
EMSCRIPTEN_KEEPALIVE void bokji_check_labels(int on) {
  bokji::web::SetLabelCheck(on != 0);
  bokji::web::RequestFrames(2);
}

// For measuring a frame's parts (bench/browser/pan_parts.mjs): App::RenderParts flags, 0 for all.
EMSCRIPTEN_KEEPALIVE void bokji_render_skip(int flags) {
  if (g_app) g_app->SetRenderSkip(flags);
}

// The app's state for tests (see App::DebugJson). Valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* bokji_debug_json() {
  g_debug_json = g_app ? g_app->DebugJson() : std::string("{}");
  return g_debug_json.c_str();
}

// Every program's facts for tests (see App::ProgramCatalogJson). Valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* bokji_program_catalog_json() {
  g_debug_json = g_app ? g_app->ProgramCatalogJson() : std::string("[]");
  return g_debug_json.c_str();
}

// The help form's "tap the map" (App::SetHelpPicking): 1 starts, 0 cancels.
EMSCRIPTEN_KEEPALIVE void bokji_help_pick(int on) {
  if (g_app) g_app->SetHelpPicking(on != 0);
}

// The 시군구 and 읍면동 for the help form's area chooser (App::RegionsJson). Valid until the next
// call.
EMSCRIPTEN_KEEPALIVE const char* bokji_regions_json() {
  g_debug_json = g_app ? g_app->RegionsJson() : std::string("[]");
  return g_debug_json.c_str();
}

}  // extern "C"
