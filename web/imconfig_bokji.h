// Dear ImGui's user configuration for this app (IMGUI_USER_CONFIG, set in web/CMakeLists.txt):
// ImVec2 converts to and from the web model's Vec2 (web/model/geometry.h), so the model's camera
// maths (MapView) and layout take and give ImGui's points without copies by hand.
#pragma once

// Dear ImGui's item hooks, for the label check (web/label_check.h): idle unless a test turns it on.
#define IMGUI_ENABLE_TEST_ENGINE

#include "web/model/geometry.h"

#define IM_VEC2_CLASS_EXTRA                                         \
  constexpr ImVec2(const ::bokji::web::Vec2& v) : x(v.x), y(v.y) {} \
  operator ::bokji::web::Vec2() const {                             \
    return ::bokji::web::Vec2{x, y};                                \
  }
