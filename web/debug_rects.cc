#include "web/debug_rects.h"

#include "imgui.h"

namespace bokji::web {

void DebugRects::Note(std::string name, Group group) {
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  Add(std::move(name), Rect{min.x, min.y, max.x, max.y}, group);
}

void DebugRects::Add(std::string name, Rect rect, Group group) {
  rects_.push_back(Named{std::move(name), rect, group});
}

namespace {
nlohmann::json Box(const Rect& r) {
  return nlohmann::json::array({r.x0, r.y0, r.x1, r.y1});
}
}  // namespace

nlohmann::json DebugRects::ToJson() const {
  nlohmann::json out = nlohmann::json::object();
  for (const Named& n : rects_) out[n.name] = Box(n.rect);
  return out;
}

nlohmann::json DebugRects::ToJson(Group group) const {
  nlohmann::json out = nlohmann::json::object();
  for (const Named& n : rects_)
    if (n.group == group) out[n.name] = Box(n.rect);
  return out;
}

}  // namespace bokji::web
