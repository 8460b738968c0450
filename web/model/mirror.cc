// The accessible description of the screen: see mirror.h.
#include "web/model/mirror.h"

#include <cassert>

namespace bokji::web {
namespace {

const char* RoleName(MirrorRole role) {
  switch (role) {
    case MirrorRole::kRegion:
      return "region";
    case MirrorRole::kList:
      return "list";
    case MirrorRole::kListItem:
      return "listitem";
    case MirrorRole::kRadioGroup:
      return "radiogroup";
    case MirrorRole::kGroup:
    case MirrorRole::kToggleGroup:
      return "group";
    case MirrorRole::kDialog:
      return "dialog";
  }
  return "group";
}

}  // namespace

void Mirror::BeginFrame() {
  root_ = nlohmann::json::array();
  stack_.clear();
  stack_.push_back(&root_);
  roles_.clear();
  live_.clear();
  twins_.clear();
}

nlohmann::json& Mirror::Add(nlohmann::json node) {
  // A panel drawn before BeginFrame (or after EndFrame) is a programming error in the App.
  assert(!stack_.empty() && "Mirror used outside BeginFrame/EndFrame");
  stack_.back()->push_back(std::move(node));
  return stack_.back()->back();
}

void Mirror::Begin(MirrorRole role, std::string_view name, std::string_view id) {
  nlohmann::json node = {{"r", RoleName(role)}, {"c", nlohmann::json::array()}};
  if (!name.empty()) node["n"] = name;
  if (!id.empty()) node["id"] = id;
  nlohmann::json& added = Add(std::move(node));
  stack_.push_back(&added["c"]);
  roles_.push_back(role);
}

void Mirror::End() {
  // More End()s than Begin()s: a panel closes a container it never opened.
  assert(stack_.size() > 1 && "Mirror::End without Begin");
  stack_.pop_back();
  roles_.pop_back();
}

void Mirror::Heading(int level, std::string_view text, std::string_view id) {
  if (text.empty()) return;
  nlohmann::json node = {{"r", "heading"}, {"n", text}, {"l", level}};
  if (!id.empty()) node["id"] = id;
  Add(std::move(node));
}

void Mirror::Text(std::string_view text) {
  if (!text.empty()) Add({{"r", "text"}, {"n", text}});
}

bool Mirror::Interactive(std::string_view id, Rect twin) {
  std::string key(id);
  twins_[key] = twin;
  if (pending_.empty() || pending_ != key) return false;
  pending_.clear();
  return true;
}

bool Mirror::Button(std::string_view id, std::string_view name, Rect twin,
                    std::optional<bool> pressed, std::string_view description) {
  const MirrorRole inside = roles_.empty() ? MirrorRole::kRegion : roles_.back();
  if (inside == MirrorRole::kRadioGroup) return Radio(id, name, pressed.value_or(false), twin);
  if (inside == MirrorRole::kToggleGroup) pressed = pressed.value_or(false);
  nlohmann::json node = {{"r", "button"}, {"id", id}, {"n", name}};
  if (pressed) node["x"] = *pressed;
  if (!description.empty()) node["d"] = description;
  Add(std::move(node));
  return Interactive(id, twin);
}

void Mirror::Link(std::string_view id, std::string_view name, std::string_view href, Rect twin,
                  bool new_tab) {
  nlohmann::json node = {{"r", "link"}, {"id", id}, {"n", name}, {"h", href}};
  if (new_tab) node["t"] = true;
  Add(std::move(node));
  Interactive(id, twin);  // the browser follows the link; only the twin is noted
}

bool Mirror::Radio(std::string_view id, std::string_view name, bool checked, Rect twin) {
  Add({{"r", "radio"}, {"id", id}, {"n", name}, {"x", checked}});
  return Interactive(id, twin);
}

bool Mirror::Checkbox(std::string_view id, std::string_view name, bool checked, Rect twin) {
  Add({{"r", "checkbox"}, {"id", id}, {"n", name}, {"x", checked}});
  return Interactive(id, twin);
}

std::optional<std::string> Mirror::Choice(std::string_view id, std::string_view name,
                                          std::string_view value,
                                          const std::vector<Option>& options, Rect twin) {
  nlohmann::json list = nlohmann::json::array();
  for (const Option& o : options) list.push_back({o.value, o.label});
  Add({{"r", "choice"}, {"id", id}, {"n", name}, {"v", value}, {"o", std::move(list)}});
  const std::string key(id);
  twins_[key] = twin;
  // The page sends "id=value".
  if (pending_.size() <= key.size() || pending_.compare(0, key.size(), key) != 0 ||
      pending_[key.size()] != '=')
    return std::nullopt;
  std::string chosen = pending_.substr(key.size() + 1);
  pending_.clear();
  for (const Option& o : options)
    if (o.value == chosen) return chosen;
  return std::nullopt;  // not one of the options: ignored
}

void Mirror::TextField(std::string_view owner) {
  Add({{"r", "field"}, {"id", owner}});
}

void Mirror::Announce(std::string_view text) {
  live_ = std::string(text);
}

bool Mirror::EndFrame(std::string* json) {
  // Every Begin needs its End before the frame ends.
  assert(stack_.size() == 1 && "Mirror::Begin without End");
  stack_.clear();
  pending_.clear();  // an activation whose element was not drawn this frame is dropped
  nlohmann::json out = {{"tree", root_}, {"live", live_}, {"lang", lang_}};
  std::string text = out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (text == last_sent_) return false;
  last_sent_ = text;
  *json = std::move(text);
  return true;
}

std::optional<Rect> Mirror::FocusedTwin() const {
  if (focused_.empty()) return std::nullopt;
  const auto it = twins_.find(focused_);
  if (it == twins_.end()) return std::nullopt;
  return it->second;
}

void Mirror::Reset() {
  last_sent_.clear();
  pending_.clear();
}

}  // namespace bokji::web
