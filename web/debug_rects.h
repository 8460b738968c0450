// DebugRects: the rectangles of named buttons and rows drawn this frame, so browser tests can
// click "near_me" or "row:12" where it is instead of guessing coordinates. Owned by the App,
// cleared every frame, written into the debug state (App::DebugJson: "buttons").
//
// clang-format off
//   if (ImGui::Button(Text(StringId::kNearMeButton))) ...;
//   ctx.rects.Note("near_me");                     // the last ImGui item's rectangle
//   ctx.rects.Note("row:" + std::to_string(id), DebugRects::kPrograms);
// clang-format on
#pragma once

#include <string>
#include <vector>

#include "nlohmann/json.hpp"
#include "web/model/geometry.h"

namespace bokji::web {

class DebugRects {
 public:
  // Groups a test may read apart (the programs view's buttons are also "programs_view.buttons").
  enum Group { kMap, kPrograms };

  void Clear() { rects_.clear(); }
  // The last ImGui item's rectangle under `name`.
  void Note(std::string name, Group group = kMap);
  void Add(std::string name, Rect rect, Group group = kMap);

  // {"name": [x0, y0, x1, y1], …} of every rectangle, or of one group.
  nlohmann::json ToJson() const;
  nlohmann::json ToJson(Group group) const;

 private:
  struct Named {
    std::string name;
    Rect rect;
    Group group;
  };
  std::vector<Named> rects_;
};

}  // namespace bokji::web
