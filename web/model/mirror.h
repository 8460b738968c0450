// Mirror: the accessible description of what the app shows this frame. Dear ImGui draws pixels and
// keeps no accessibility tree, so every panel also describes its controls here (headings, text,
// lists, buttons, links, radio groups, check boxes, choices) in the order a screen reader should
// read them; the page (web/mirror.js) keeps real DOM elements with roles and names in step with the
// description, off-screen but not hidden from assistive technology.
//
// The way back is the same C++ code: when a person activates a mirror element (Enter, Space, a
// screen reader's double tap), the page calls Activate(id); on the next frame the panel's own
// `if (clicked || mirror.Button(...))` sees it, exactly as if its drawn twin had been clicked.
// Focus on a mirror element is reported too (Focus(id)): the App draws a focus ring around the
// twin.
//
// clang-format off
//   mirror.BeginFrame();
//   mirror.Begin(MirrorRole::kRegion, "검색과 메뉴");
//   mirror.Heading(1, "복지지도");
//   if (ImGui::Button(label) | 0) ...                  // (panels use MirrorButton in web/ui.h)
//   if (mirror.Button("near_me", "내 주변", twin_rect)) ...;   // true: activated from the page
//   mirror.Link("call", "전화 걸기 063-123-4567", "tel:0631234567", twin_rect);
//   mirror.End();
//   mirror.Announce("지도에 보이는 시설 12곳");           // the live region
//   std::string json;
//   if (mirror.EndFrame(&json)) SendToPage(json);        // only when the description changed
// clang-format on
//
// The description as JSON (what web/mirror.js reads): {"tree": [node…], "live": "…", "lang": "ko"};
// a node is
// {"r": role, "n": name, "id": id (interactive nodes), "c": [children], "x": checked/pressed,
// "h": href, "l": heading level, "v": chosen value and "o": [[value, label]…] (a choice), "d":
// description}. Rectangles are not in it (they change with every pan): the App keeps them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "nlohmann/json.hpp"
#include "web/model/geometry.h"

namespace bokji::web {

enum class MirrorRole : uint8_t {
  kRegion,       // a named landmark (<section aria-label>): the header, the list, a card
  kList,         // <ul>
  kListItem,     // <li>
  kRadioGroup,   // role=radiogroup with a name: Button()s in it are radio buttons
  kGroup,        // role=group with a name
  kToggleGroup,  // role=group with a name: Button()s in it are toggles (pressed or not)
  kDialog,       // a card: focus moves into it when it opens
};

class Mirror {
 public:
  // Starts this frame's description.
  void BeginFrame();
  // A container; pair every Begin with End. `id` (DEFAULT: none) lets the page keep and focus it.
  void Begin(MirrorRole role, std::string_view name, std::string_view id = {});
  void End();

  void Heading(int level, std::string_view text, std::string_view id = {});
  void Text(std::string_view text);
  // A button. `pressed`: a toggle's state (nullopt: not a toggle). True when the page activated it
  // since the last frame. In a kRadioGroup it is a radio button (checked when `pressed`), in a
  // kToggleGroup a toggle (pressed or not).
  bool Button(std::string_view id, std::string_view name, Rect twin,
              std::optional<bool> pressed = std::nullopt, std::string_view description = {});
  // A real link (tel:, https:). The browser follows it itself, as the twin's OpenUrl does.
  void Link(std::string_view id, std::string_view name, std::string_view href, Rect twin,
            bool new_tab);
  bool Radio(std::string_view id, std::string_view name, bool checked, Rect twin);
  bool Checkbox(std::string_view id, std::string_view name, bool checked, Rect twin);
  // A choice among options (a <select>): the chosen value when the page changed it.
  struct Option {
    std::string value;
    std::string label;
  };
  std::optional<std::string> Choice(std::string_view id, std::string_view name,
                                    std::string_view value, const std::vector<Option>& options,
                                    Rect twin);
  // Where the page's one text field sits in the reading order (it is a real <input> already).
  void TextField(std::string_view owner);
  // The page's language (LanguageCode): the document's lang attribute follows the app's.
  void PageLanguage(std::string_view code) { lang_ = std::string(code); }
  // What the live region says (result counts, errors). The page announces it when it changes.
  void Announce(std::string_view text);
  // What the live region says this frame so far ("" when nothing was announced).
  const std::string& announcement() const { return live_; }

  // Ends the description. True (and `json` set) when it differs from the last one sent.
  bool EndFrame(std::string* json);

  // From the page. Activate: `id` (for a choice, "id=value") acts on the next frame.
  void Activate(std::string_view id) { pending_ = std::string(id); }
  void Focus(std::string_view id) { focused_ = std::string(id); }
  const std::string& focused() const { return focused_; }
  // The focused element's twin this frame, when it was drawn.
  std::optional<Rect> FocusedTwin() const;
  bool IsFocused(std::string_view id) const { return !focused_.empty() && focused_ == id; }
  // Forgets the last description sent (the page rebuilt its DOM) and any pending activation.
  void Reset();

  // The description being built (tests read it).
  const nlohmann::json& tree() const { return root_; }

 private:
  nlohmann::json& Add(nlohmann::json node);
  bool Interactive(std::string_view id, Rect twin);  // notes the twin; true when activated

  nlohmann::json root_ = nlohmann::json::array();
  std::vector<nlohmann::json*> stack_;  // open containers' children arrays
  std::vector<MirrorRole> roles_;       // and their roles
  std::string live_;
  std::string lang_;
  std::string last_sent_;
  std::string pending_;  // an activation waiting for its frame
  std::string focused_;  // the page's focused mirror element
  std::unordered_map<std::string, Rect> twins_;
};

}  // namespace bokji::web
