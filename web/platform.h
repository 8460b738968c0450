// The browser platform layer: the WebGL2 context, the canvas's size and pixel ratio, input from the
// page fed into ImGui, and calls out to the page (error screen, links, "ready").
//
// web/bridge.js listens to DOM events (pointer, wheel, keys, resize) and calls the exported
// bokji_on_* functions at the bottom of platform.cc; they queue ImGui input events and ask for
// frames. Pointer events cover mouse, pen and touch alike: one finger acts as ImGui's mouse, two
// fingers make a pinch the map reads.
//
//   if (!CreateGlContext()) { ShowErrorScreen(Text(StringId::kErrorWebGl), ""); return; }
//   AttachInput();                      // from now on DOM events reach ImGui
//   RequestFrames(3);                  // schedules a requestAnimationFrame callback
//   ... in it: RunAnimationFrame(Draw); // Draw() reads GetCanvasSize() and renders
#pragma once

#include <string>
#include <vector>

#include "core/model.h"
#include "imgui.h"

namespace bokji::web {

// REQUIRES: called once, before any GL call. Returns false when WebGL2 is unavailable.
bool CreateGlContext();

// Starts listening to the page's events. REQUIRES: ImGui's context exists.
void AttachInput();

struct CanvasSize {
  float css_width = 1;  // CSS pixels: what ImGui and the map lay out in
  float css_height = 1;
  int pixel_width = 1;  // the drawing buffer, in device pixels
  int pixel_height = 1;
  float pixel_ratio = 1;  // device pixels per CSS pixel (window.devicePixelRatio)
};
const CanvasSize& GetCanvasSize();

// A two-finger gesture in progress. `center` is in CSS pixels; `distance` between the fingers too.
struct Pinch {
  bool active = false;
  ImVec2 center;
  float distance = 0;
};
const Pinch& CurrentPinch();

// True if the last pointer the user pressed was a finger (hit targets grow).
bool LastPointerWasTouch();
// True on a device with a touch screen: the page's `(any-pointer: coarse)` media query (phones,
// touch tablets, touch laptops, an embed on any of them), or a finger already seen. The theme's
// targets grow to 44 CSS px there (Theme::min_target_height). DEFAULT: false until the page says.
bool TouchScreen();

// A second press of the primary button or finger close to the first, in time and place: a double
// click or double tap. Timed by the events themselves, so a slow frame rate does not hide one
// (ImGui's own detection counts frame time). Returns true once per double press, with where it
// happened.
bool TakeDoublePress(ImVec2* position);

// Drawing happens only when something changed: input, resizes, timers, network results and
// animations ask for frames. A request schedules one requestAnimationFrame callback if none is
// pending; with no request outstanding no callback runs at all (an idle page costs nothing).
void RequestFrames(int count);
// True if a frame should be drawn now (and counts it as drawn).
bool TakeFrameRequest();
// The requestAnimationFrame callback's body (web/main.cc's bokji_animation_frame): calls `draw`
// if a frame was requested, then schedules the next callback only if requests remain.
void RunAnimationFrame(void (*draw)());

// The text field: a real (transparent) DOM <input> laid over a box the app draws, so the browser
// does the editing — IME composition of Hangul, mobile keyboards, paste, selection — and the app
// only shows it. The page reports the input's value on every change; positions are UTF-8 byte
// offsets into `value`.
struct TextField {
  std::string value;
  int selection_begin = 0;
  int selection_end = 0;
  int composition_begin = -1;  // the syllable an IME is composing, or -1
  int composition_end = -1;
  bool focused = false;
};
const TextField& CurrentTextField();
// Lays the input over `rect` (x0, y0, x1, y1 in CSS pixels) with `label` as its accessible name; an
// empty rect hides it.
void PlaceTextField(ImVec4 rect, const char* label);
void SetTextFieldValue(const char* value);
void BlurTextField();
// The keys pressed in the text field since the last call that the app acts on: "Enter",
// "Escape", "ArrowUp" or "ArrowDown", in order.
std::vector<std::string> TakeTextFieldKeys();

// The device's location (navigator.geolocation), asked for by RequestLocation().
struct LocationFix {
  enum class State { kNone, kPending, kFound, kDenied, kUnavailable };
  State state = State::kNone;
  double lat = 0, lng = 0;
  double accuracy_m = 0;
  int generation = 0;  // grows with every answer
};
void RequestLocation();
const LocationFix& CurrentLocation();

// Asks the page for a language's extra font (index.html's LANGUAGE_FONTS: fonts/bokji-vi.ttf,
// bokji-zh.ttf); its bytes arrive through the export bokji_add_language_font (web/main.cc), which
// hands them to App::AddLanguageFont. `code` is LanguageCode's.
void RequestLanguageFont(const char* code);

// Raster map tiles (tile_layer.h): the page loads the image at `url` and uploads it into a new GL
// texture; the answer, with the same key and generation, comes back through TakeLoadedTile.
void RequestTile(const std::string& url, double key, int generation);
struct LoadedTile {
  double key = 0;
  int generation = 0;
  unsigned texture = 0;  // a GL texture name; 0 when the image failed to load
};
bool TakeLoadedTile(LoadedTile* out);

// The app's part of the page's URL: `query` is "key=value&…" (url_state.h EncodeUrlState). Every
// parameter the app owns (url_state.h kAppUrlKeys) is replaced by what `query` holds or removed;
// the page's own (?bundle=, ?mode=) stay.
void ReplaceUrlState(const std::string& query);

// Puts `text` on the clipboard (the page falls back to a hidden <textarea> and execCommand where
// the Clipboard API is refused, e.g. in some iframes). Returns at once; the copy may still fail.
void CopyToClipboard(const char* text);
// The page's address as it is now (with the state ReplaceUrlState wrote).
std::string CurrentPageUrl();

// Replaces the canvas with the page's error screen. Texts are shown as given (Korean first).
void ShowErrorScreen(const char* title, const char* message, const char* detail);
// Tells the page the first frame is on screen: it hides the loading screen.
void NotifyReady();
// Opens `url` in a new tab (web links) or in place (tel:, app links).
void OpenUrl(const char* url, bool new_tab);
// The accessible mirror's description (web/model/mirror.h) to the page's web/mirror.js.
void SendMirror(const std::string& json);
// True when one of the page's files came from the service worker's copy (no network):
// window.bokjiPage.servedOffline.
bool ServedOffline();
// Asks the page to start over (a kiosk's "처음으로"): after this frame the page resets the app
// (bokjiPage.reset) and its own state, as the idle reset does (web/kiosk.js).
void RequestStartOver();
// CSS cursor name for the canvas: "default", "pointer", "grab", "grabbing".
void SetCursor(const char* css_cursor);

// Milliseconds on the page's monotonic clock (performance.now()): animations and feedback timers,
// not the time of day (that is the App's Clock, web/model/clock.h).
double NowMs();

// The help-request and correction forms are DOM forms of the page (web/help_form.js): the app's
// buttons open them, and a point tapped for the help form goes to it alone (never into the state or
// the URL: where a household in crisis lives is personal).
void OpenHelpForm();
// `kind` is "facility" or "program"; `key` its source_key or service_id; `name` what the form
// shows.
void OpenCorrectionForm(const char* kind, const std::string& key, const std::string& name);
void PickedHelpPoint(LatLng at);

}  // namespace bokji::web
