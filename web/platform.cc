// Index
//   - Calls into the page (implemented in web/bridge.js)
//   - GL context and canvas size
//   - Frame requests
//   - Pointer input: mouse, pen and touch; pinch
//   - Keys and text
//   - Exports called by web/bridge.js
#include "web/platform.h"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <deque>

#include "imgui_internal.h"       // ImTextCharFromUtf8
#include "web/model/url_state.h"  // kAppUrlKeys

namespace bokji::web {

// ---------------------------------------------------------------------------------------------------------
// Calls into the page (implemented in web/bridge.js)
// ---------------------------------------------------------------------------------------------------------
extern "C" {
void bokji_js_attach_input();
void bokji_js_show_error(const char* title, const char* message, const char* detail);
void bokji_js_ready();
void bokji_js_open_url(const char* url, int new_tab);
void bokji_js_start_over();
int bokji_js_served_offline();
void bokji_js_set_cursor(const char* css_cursor);
void bokji_js_mirror(const char* json);
void bokji_js_place_text_field(float x, float y, float width, float height, const char* label);
void bokji_js_set_text_field_value(const char* value);
void bokji_js_blur_text_field();
void bokji_js_request_location();
void bokji_js_request_language_font(const char* code);
void bokji_js_replace_url_state(const char* query, const char* app_keys);
void bokji_js_copy_to_clipboard(const char* text);
void bokji_js_request_tile(const char* url, double key, int generation);
void bokji_js_request_animation_frame();
char* bokji_js_page_url();  // malloc'd
void bokji_js_open_help_form();
void bokji_js_open_correction_form(const char* kind, const char* key, const char* name);
void bokji_js_help_point(double lat, double lng);
}

void OpenHelpForm() {
  bokji_js_open_help_form();
}
void OpenCorrectionForm(const char* kind, const std::string& key, const std::string& name) {
  bokji_js_open_correction_form(kind, key.c_str(), name.c_str());
}
void PickedHelpPoint(LatLng at) {
  bokji_js_help_point(at.lat, at.lng);
}

void ShowErrorScreen(const char* title, const char* message, const char* detail) {
  bokji_js_show_error(title, message, detail ? detail : "");
}
void NotifyReady() {
  bokji_js_ready();
}
void OpenUrl(const char* url, bool new_tab) {
  bokji_js_open_url(url, new_tab ? 1 : 0);
}

void SendMirror(const std::string& json) {
  bokji_js_mirror(json.c_str());
}

bool ServedOffline() {
  return bokji_js_served_offline() != 0;
}

void RequestStartOver() {
  bokji_js_start_over();
}

void SetCursor(const char* css_cursor) {
  static const char* current = nullptr;
  if (current != nullptr && std::strcmp(current, css_cursor) == 0)
    return;  // a DOM write per frame is waste
  current = css_cursor;
  bokji_js_set_cursor(css_cursor);
}

void AttachInput() {
  bokji_js_attach_input();
}

void ReplaceUrlState(const std::string& query) {
  bokji_js_replace_url_state(query.c_str(), kAppUrlKeys);
}

namespace {
std::deque<LoadedTile> g_loaded_tiles;
}  // namespace

void RequestTile(const std::string& url, double key, int generation) {
  bokji_js_request_tile(url.c_str(), key, generation);
}

bool TakeLoadedTile(LoadedTile* out) {
  if (g_loaded_tiles.empty()) return false;
  *out = g_loaded_tiles.front();
  g_loaded_tiles.pop_front();
  return true;
}

void CopyToClipboard(const char* text) {
  bokji_js_copy_to_clipboard(text);
}

std::string CurrentPageUrl() {
  char* url = bokji_js_page_url();
  std::string result = url ? url : "";
  std::free(url);
  return result;
}

namespace {
TextField g_text_field;
std::vector<std::string> g_text_field_keys;  // pressed since the last TakeTextFieldKeys
ImVec4 g_text_field_rect(0, 0, 0, 0);
}  // namespace

const TextField& CurrentTextField() {
  return g_text_field;
}

namespace {
LocationFix g_location;
}  // namespace

void RequestLocation() {
  g_location.state = LocationFix::State::kPending;
  bokji_js_request_location();
}
void RequestLanguageFont(const char* code) {
  bokji_js_request_language_font(code);
}
const LocationFix& CurrentLocation() {
  return g_location;
}

void PlaceTextField(ImVec4 rect, const char* label) {
  if (rect.x == g_text_field_rect.x && rect.y == g_text_field_rect.y &&
      rect.z == g_text_field_rect.z && rect.w == g_text_field_rect.w)
    return;
  g_text_field_rect = rect;
  bokji_js_place_text_field(rect.x, rect.y, rect.z - rect.x, rect.w - rect.y, label);
}

void SetTextFieldValue(const char* value) {
  bokji_js_set_text_field_value(value);
}
void BlurTextField() {
  bokji_js_blur_text_field();
}

std::vector<std::string> TakeTextFieldKeys() {
  std::vector<std::string> keys;
  keys.swap(g_text_field_keys);
  return keys;
}

double NowMs() {
  return emscripten_get_now();
}

// ---------------------------------------------------------------------------------------------------------
// GL context and canvas size
// ---------------------------------------------------------------------------------------------------------
namespace {
CanvasSize g_canvas;
int g_frames_requested = 0;
}  // namespace

bool CreateGlContext() {
  EmscriptenWebGLContextAttributes attributes;
  emscripten_webgl_init_context_attributes(&attributes);
  attributes.majorVersion = 2;
  attributes.minorVersion = 0;
  attributes.alpha = false;  // the map is opaque: no compositing with the page behind
  attributes.antialias =
      false;  // lines antialias themselves (shaders/line.frag); fills sit under lines
  attributes.depth = false;
  attributes.stencil = false;
  attributes.premultipliedAlpha = true;
  attributes.preserveDrawingBuffer = false;
  // index.html creates the context first, with these same attributes, while the files download.
  const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE context =
      emscripten_webgl_create_context("#canvas", &attributes);
  if (context <= 0) return false;
  return emscripten_webgl_make_context_current(context) == EMSCRIPTEN_RESULT_SUCCESS;
}

const CanvasSize& GetCanvasSize() {
  return g_canvas;
}

// ---------------------------------------------------------------------------------------------------------
// Frame requests
// ---------------------------------------------------------------------------------------------------------
namespace {
// True while a requestAnimationFrame callback is pending: at most one at a time, and none at all
// while nothing asked for a frame (an idle page runs no callbacks).
bool g_animation_frame_scheduled = false;

void ScheduleAnimationFrame() {
  if (g_frames_requested <= 0 || g_animation_frame_scheduled) return;
  g_animation_frame_scheduled = true;
  bokji_js_request_animation_frame();
}
}  // namespace

void RequestFrames(int count) {
  if (count > g_frames_requested) g_frames_requested = count;
  ScheduleAnimationFrame();
}

bool TakeFrameRequest() {
  if (g_frames_requested <= 0) return false;
  --g_frames_requested;
  return true;
}

void RunAnimationFrame(void (*draw)()) {
  g_animation_frame_scheduled = false;
  if (TakeFrameRequest()) draw();
  ScheduleAnimationFrame();  // the frame asked for more (an animation), or earlier requests remain
}

// ---------------------------------------------------------------------------------------------------------
// Pointer input: mouse, pen and touch; pinch
// ---------------------------------------------------------------------------------------------------------
namespace {

// ImGui needs a few frames after an event: one to see it, one to react, one to settle hover states.
constexpr int kFramesPerEvent = 4;

struct Touch {
  int id = -1;
  ImVec2 position;
};

// Fingers on the screen. Two are enough: a third finger is ignored.
Touch g_touches[2];
int g_touch_count = 0;
// The finger that acts as ImGui's mouse; -1 when none does (no finger, or a pinch took over).
int g_mouse_finger = -1;
// After a pinch, the remaining finger must lift before a new gesture starts (so it does not click).
bool g_waiting_for_all_fingers_up = false;
bool g_last_pointer_touch = false;
bool g_touch_screen = false;
Pinch g_pinch;

// Double press detection.
constexpr double kDoublePressMs = 350;
double g_last_press_ms = -1e9;
ImVec2 g_last_press_position;
bool g_double_press = false;
ImVec2 g_double_press_position;

void OnPrimaryPress(ImVec2 position, bool touch) {
  const double now = emscripten_get_now();
  const float reach = touch ? 24.0f : 6.0f;
  const float dx = position.x - g_last_press_position.x, dy = position.y - g_last_press_position.y;
  if (now - g_last_press_ms < kDoublePressMs && dx * dx + dy * dy <= reach * reach) {
    g_double_press = true;
    g_double_press_position = position;
    g_last_press_ms = -1e9;  // a third press starts over
  } else {
    g_last_press_ms = now;
    g_last_press_position = position;
  }
}

Touch* FindTouch(int id) {
  for (int i = 0; i < g_touch_count; ++i)
    if (g_touches[i].id == id) return &g_touches[i];
  return nullptr;
}

void UpdatePinch() {
  g_pinch.active = g_touch_count == 2;
  if (!g_pinch.active) return;
  const ImVec2 a = g_touches[0].position, b = g_touches[1].position;
  g_pinch.center = ImVec2((a.x + b.x) / 2, (a.y + b.y) / 2);
  g_pinch.distance = std::hypot(a.x - b.x, a.y - b.y);
}

// Releases ImGui's emulated mouse without a click: the pointer leaves first, so nothing is under
// it.
void CancelMouseFinger(ImGuiIO& io) {
  if (g_mouse_finger < 0) return;
  io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
  io.AddMouseButtonEvent(0, false);
  g_mouse_finger = -1;
}

enum PointerPhase { kPointerDown = 0, kPointerMove = 1, kPointerUp = 2, kPointerCancel = 3 };

void OnTouch(ImGuiIO& io, int phase, int id, ImVec2 position) {
  io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
  Touch* touch = FindTouch(id);
  switch (phase) {
    case kPointerDown:
      if (touch != nullptr || g_touch_count == 2) return;
      g_touches[g_touch_count++] = Touch{id, position};
      if (g_touch_count == 1 && !g_waiting_for_all_fingers_up) {
        OnPrimaryPress(position, /*touch=*/true);
        g_mouse_finger = id;
        io.AddMousePosEvent(position.x, position.y);
        io.AddMouseButtonEvent(0, true);
      } else if (g_touch_count == 2) {
        CancelMouseFinger(io);
        g_waiting_for_all_fingers_up = true;
      }
      break;
    case kPointerMove:
      if (touch == nullptr) return;
      touch->position = position;
      if (id == g_mouse_finger) io.AddMousePosEvent(position.x, position.y);
      break;
    case kPointerUp:
    case kPointerCancel:
      if (touch == nullptr) return;
      if (id == g_mouse_finger) {
        if (phase == kPointerUp) {
          io.AddMousePosEvent(position.x, position.y);
          io.AddMouseButtonEvent(0, false);
          io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);  // a finger that lifted hovers nothing
          g_mouse_finger = -1;
        } else {
          CancelMouseFinger(io);
        }
      }
      *touch = g_touches[g_touch_count - 1];
      --g_touch_count;
      if (g_touch_count == 0) g_waiting_for_all_fingers_up = false;
      break;
  }
  UpdatePinch();
}

int ImGuiButtonFromDom(int dom_button) {
  switch (dom_button) {
    case 0:
      return 0;  // primary
    case 1:
      return 2;  // middle
    case 2:
      return 1;  // secondary
    default:
      return -1;
  }
}

void OnMouse(ImGuiIO& io, int phase, ImVec2 position, int dom_button) {
  io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
  io.AddMousePosEvent(position.x, position.y);
  const int button = ImGuiButtonFromDom(dom_button);
  if (button < 0) return;
  if (phase == kPointerDown) {
    if (button == 0) OnPrimaryPress(position, /*touch=*/false);
    io.AddMouseButtonEvent(button, true);
  }
  if (phase == kPointerUp || phase == kPointerCancel) io.AddMouseButtonEvent(button, false);
}

// ---------------------------------------------------------------------------------------------------------
// Keys and text
// ---------------------------------------------------------------------------------------------------------
struct KeyName {
  const char* dom_code;
  ImGuiKey key;
};

constexpr KeyName kKeys[] = {
    {"Tab", ImGuiKey_Tab},
    {"ArrowLeft", ImGuiKey_LeftArrow},
    {"ArrowRight", ImGuiKey_RightArrow},
    {"ArrowUp", ImGuiKey_UpArrow},
    {"ArrowDown", ImGuiKey_DownArrow},
    {"PageUp", ImGuiKey_PageUp},
    {"PageDown", ImGuiKey_PageDown},
    {"Home", ImGuiKey_Home},
    {"End", ImGuiKey_End},
    {"Insert", ImGuiKey_Insert},
    {"Delete", ImGuiKey_Delete},
    {"Backspace", ImGuiKey_Backspace},
    {"Space", ImGuiKey_Space},
    {"Enter", ImGuiKey_Enter},
    {"NumpadEnter", ImGuiKey_KeypadEnter},
    {"Escape", ImGuiKey_Escape},
    {"Equal", ImGuiKey_Equal},
    {"Minus", ImGuiKey_Minus},
    {"NumpadAdd", ImGuiKey_KeypadAdd},
    {"NumpadSubtract", ImGuiKey_KeypadSubtract},
    {"ShiftLeft", ImGuiKey_LeftShift},
    {"ShiftRight", ImGuiKey_RightShift},
    {"ControlLeft", ImGuiKey_LeftCtrl},
    {"ControlRight", ImGuiKey_RightCtrl},
    {"AltLeft", ImGuiKey_LeftAlt},
    {"AltRight", ImGuiKey_RightAlt},
    {"MetaLeft", ImGuiKey_LeftSuper},
    {"MetaRight", ImGuiKey_RightSuper},
};

ImGuiKey ImGuiKeyFromDomCode(const char* code) {
  // "KeyA".."KeyZ" and "Digit0".."Digit9" by pattern, the rest by table.
  if (std::strncmp(code, "Key", 3) == 0 && code[3] >= 'A' && code[3] <= 'Z' && code[4] == '\0')
    return static_cast<ImGuiKey>(ImGuiKey_A + (code[3] - 'A'));
  if (std::strncmp(code, "Digit", 5) == 0 && code[5] >= '0' && code[5] <= '9' && code[6] == '\0')
    return static_cast<ImGuiKey>(ImGuiKey_0 + (code[5] - '0'));
  for (const KeyName& name : kKeys)
    if (std::strcmp(name.dom_code, code) == 0) return name.key;
  return ImGuiKey_None;
}

// Modifier bits as bridge.js packs them.
enum Modifier { kModShift = 1, kModCtrl = 2, kModAlt = 4, kModMeta = 8 };

}  // namespace

const Pinch& CurrentPinch() {
  return g_pinch;
}

bool TakeDoublePress(ImVec2* position) {
  if (!g_double_press) return false;
  g_double_press = false;
  *position = g_double_press_position;
  return true;
}
bool LastPointerWasTouch() {
  return g_last_pointer_touch;
}
bool TouchScreen() {
  return g_touch_screen;
}

}  // namespace bokji::web

// ---------------------------------------------------------------------------------------------------------
// Exports called by web/bridge.js
// ---------------------------------------------------------------------------------------------------------
using bokji::web::g_canvas;

extern "C" {

EMSCRIPTEN_KEEPALIVE void bokji_on_resize(float css_width, float css_height, int pixel_width,
                                          int pixel_height, float pixel_ratio) {
  g_canvas.css_width = css_width > 1 ? css_width : 1;
  g_canvas.css_height = css_height > 1 ? css_height : 1;
  g_canvas.pixel_width = pixel_width > 1 ? pixel_width : 1;
  g_canvas.pixel_height = pixel_height > 1 ? pixel_height : 1;
  g_canvas.pixel_ratio = pixel_ratio > 0 ? pixel_ratio : 1;
  bokji::web::RequestFrames(bokji::web::kFramesPerEvent);
}

// touch_screen: 1 when the page's `(any-pointer: coarse)` matches (and again when it changes).
EMSCRIPTEN_KEEPALIVE void bokji_on_touch_screen(int touch_screen) {
  bokji::web::g_touch_screen = touch_screen != 0;
  bokji::web::RequestFrames(bokji::web::kFramesPerEvent);
}

// phase: 0 down, 1 move, 2 up, 3 cancel. x, y: CSS pixels from the canvas's top-left corner.
EMSCRIPTEN_KEEPALIVE void bokji_on_pointer(int phase, int pointer_id, int is_touch, float x,
                                           float y, int dom_button) {
  if (ImGui::GetCurrentContext() == nullptr) return;
  ImGuiIO& io = ImGui::GetIO();
  if (phase == bokji::web::kPointerDown) bokji::web::g_last_pointer_touch = is_touch != 0;
  if (is_touch) bokji::web::g_touch_screen = true;  // a finger: whatever the media query said
  if (is_touch)
    bokji::web::OnTouch(io, phase, pointer_id, ImVec2(x, y));
  else
    bokji::web::OnMouse(io, phase, ImVec2(x, y), dom_button);
  bokji::web::RequestFrames(bokji::web::kFramesPerEvent);
}

// The pointer left the canvas (mouse only): nothing is hovered.
EMSCRIPTEN_KEEPALIVE void bokji_on_pointer_leave() {
  if (ImGui::GetCurrentContext() == nullptr) return;
  ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
  bokji::web::RequestFrames(bokji::web::kFramesPerEvent);
}

// dx, dy: the wheel's movement in CSS pixels (bridge.js converts lines and pages).
EMSCRIPTEN_KEEPALIVE void bokji_on_wheel(float x, float y, float dx, float dy) {
  if (ImGui::GetCurrentContext() == nullptr) return;
  ImGuiIO& io = ImGui::GetIO();
  io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
  io.AddMousePosEvent(x, y);
  // ImGui counts wheel "lines"; a notch is 100 px in Chromium and Firefox.
  io.AddMouseWheelEvent(-dx / 100.0f, -dy / 100.0f);
  bokji::web::RequestFrames(bokji::web::kFramesPerEvent);
}

// Returns 1 if ImGui took the key (the page then prevents the browser's default action).
EMSCRIPTEN_KEEPALIVE int bokji_on_key(const char* dom_code, const char* dom_key, int down,
                                      int modifiers) {
  if (ImGui::GetCurrentContext() == nullptr) return 0;
  using namespace bokji::web;
  ImGuiIO& io = ImGui::GetIO();
  io.AddKeyEvent(ImGuiMod_Ctrl, (modifiers & kModCtrl) != 0);
  io.AddKeyEvent(ImGuiMod_Shift, (modifiers & kModShift) != 0);
  io.AddKeyEvent(ImGuiMod_Alt, (modifiers & kModAlt) != 0);
  io.AddKeyEvent(ImGuiMod_Super, (modifiers & kModMeta) != 0);
  const ImGuiKey key = ImGuiKeyFromDomCode(dom_code);
  if (key != ImGuiKey_None) io.AddKeyEvent(key, down != 0);
  // Printable keys also type their character (a DOM `key` of one code point).
  const bool command = (modifiers & (kModCtrl | kModMeta)) != 0;
  bool typed = false;
  if (down && !command && dom_key[0] != '\0') {
    unsigned int codepoint = 0;
    const int length = ImTextCharFromUtf8(&codepoint, dom_key, nullptr);
    if (dom_key[length] == '\0' && codepoint >= 0x20) {
      io.AddInputCharactersUTF8(dom_key);
      typed = true;
    }
  }
  RequestFrames(kFramesPerEvent);
  return (io.WantTextInput || (io.WantCaptureKeyboard && (key != ImGuiKey_None || typed))) ? 1 : 0;
}

// The text field's state after any change (typing, composition, selection, focus).
EMSCRIPTEN_KEEPALIVE void bokji_on_text_field(const char* value, int selection_begin,
                                              int selection_end, int composition_begin,
                                              int composition_end, int focused) {
  bokji::web::TextField& field = bokji::web::g_text_field;
  field.value = value;
  const int size = static_cast<int>(field.value.size());
  auto clamp = [size](int offset) { return offset < 0 ? 0 : offset > size ? size : offset; };
  field.selection_begin = clamp(selection_begin);
  field.selection_end = clamp(selection_end);
  field.composition_begin = composition_begin < 0 ? -1 : clamp(composition_begin);
  field.composition_end = composition_begin < 0 ? -1 : clamp(composition_end);
  field.focused = focused != 0;
  bokji::web::RequestFrames(bokji::web::kFramesPerEvent);
}

EMSCRIPTEN_KEEPALIVE void bokji_on_text_field_key(const char* key) {
  bokji::web::g_text_field_keys.push_back(key);
  bokji::web::RequestFrames(bokji::web::kFramesPerEvent);
}

// found: 1 with a position; 0 with the GeolocationPositionError code (1 = permission denied).
EMSCRIPTEN_KEEPALIVE void bokji_on_location(int found, double lat, double lng, double accuracy_m,
                                            int error) {
  bokji::web::LocationFix& fix = bokji::web::g_location;
  using State = bokji::web::LocationFix::State;
  fix.state = found ? State::kFound : error == 1 ? State::kDenied : State::kUnavailable;
  if (found) {
    fix.lat = lat;
    fix.lng = lng;
    fix.accuracy_m = accuracy_m;
  }
  ++fix.generation;
  bokji::web::RequestFrames(bokji::web::kFramesPerEvent);
}

// A tile image RequestTile asked for: loaded into `texture`, or failed (texture 0).
EMSCRIPTEN_KEEPALIVE void bokji_on_tile(double key, int generation, unsigned texture) {
  bokji::web::g_loaded_tiles.push_back(bokji::web::LoadedTile{key, generation, texture});
  bokji::web::RequestFrames(1);
}

EMSCRIPTEN_KEEPALIVE void bokji_on_focus(int focused) {
  if (ImGui::GetCurrentContext() == nullptr) return;
  ImGui::GetIO().AddFocusEvent(focused != 0);
  bokji::web::RequestFrames(bokji::web::kFramesPerEvent);
}

}  // extern "C"
