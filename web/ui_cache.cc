// UiCache: the panels' texture and the draw lists' key. See ui_cache.h.
#include "web/ui_cache.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "imgui_impl_opengl3.h"

namespace bokji::web {
namespace {

// FNV-1a over 64-bit words (the tail byte by byte): fast enough for a frame's lists (a few
// hundred KB), and any change of a vertex, index or command changes it.
struct Hasher {
  uint64_t h = 0xcbf29ce484222325ull;
  void Bytes(const void* data, size_t size) {
    const unsigned char* p = static_cast<const unsigned char*>(data);
    for (; size >= 8; size -= 8, p += 8) {
      uint64_t word;
      std::memcpy(&word, p, 8);
      h = (h ^ word) * 0x100000001b3ull;
      h ^= h >> 29;
    }
    for (; size > 0; --size, ++p) h = (h ^ *p) * 0x100000001b3ull;
  }
  template <typename T>
  void Value(const T& value) {
    Bytes(&value, sizeof(value));
  }
};

void AddList(Hasher* hasher, const ImDrawList& list) {
  hasher->Value(list.VtxBuffer.Size);
  hasher->Bytes(list.VtxBuffer.Data, list.VtxBuffer.Size * sizeof(ImDrawVert));
  hasher->Bytes(list.IdxBuffer.Data, list.IdxBuffer.Size * sizeof(ImDrawIdx));
  for (const ImDrawCmd& cmd : list.CmdBuffer) {
    hasher->Value(cmd.ClipRect);
    hasher->Value(cmd.TextureId);
    hasher->Value(cmd.VtxOffset);
    hasher->Value(cmd.IdxOffset);
    hasher->Value(cmd.ElemCount);
  }
}

// Where `list` can have drawn: its vertices' box within the union of its commands' clip
// rectangles; false when nowhere.
bool DrawnBox(const ImDrawList& list, ImVec4* box) {
  ImVec4 clip(1e30f, 1e30f, -1e30f, -1e30f);
  for (const ImDrawCmd& cmd : list.CmdBuffer) {
    if (cmd.ElemCount == 0) continue;
    clip = ImVec4(std::min(clip.x, cmd.ClipRect.x), std::min(clip.y, cmd.ClipRect.y),
                  std::max(clip.z, cmd.ClipRect.z), std::max(clip.w, cmd.ClipRect.w));
  }
  ImVec4 drawn(1e30f, 1e30f, -1e30f, -1e30f);
  for (const ImDrawVert& v : list.VtxBuffer)
    drawn = ImVec4(std::min(drawn.x, v.pos.x), std::min(drawn.y, v.pos.y),
                   std::max(drawn.z, v.pos.x), std::max(drawn.w, v.pos.y));
  *box = ImVec4(std::max(clip.x, drawn.x) - 1, std::max(clip.y, drawn.y) - 1,
                std::min(clip.z, drawn.z) + 1, std::min(clip.w, drawn.w) + 1);
  return box->x < box->z && box->y < box->w;
}

bool Overlap(const ImVec4& a, const ImVec4& b) {
  return a.x < b.z && b.x < a.z && a.y < b.w && b.y < a.w;
}

}  // namespace

uint64_t DrawListKey(const ImDrawList& list) {
  Hasher hasher;
  AddList(&hasher, list);
  return hasher.h | 1;
}

uint64_t DrawListsKey(const ImDrawData& data, const ImDrawList* unkeyed) {
  Hasher hasher;
  hasher.Value(data.DisplaySize);
  hasher.Value(data.FramebufferScale);
  for (int i = 0; i < data.CmdListsCount; ++i)
    if (data.CmdLists[i] != unkeyed) AddList(&hasher, *data.CmdLists[i]);
  return hasher.h | 1;
}

bool UiCache::Init(std::string* error) {
  if (!quad_.Init(error)) return false;
  glGenFramebuffers(1, &framebuffer_);
  glGenTextures(1, &texture_);
  return true;
}

bool UiCache::Holds(const CanvasSize& canvas, uint64_t key) const {
  return key_ != 0 && key == key_ && texture_width_ == canvas.pixel_width &&
         texture_height_ == canvas.pixel_height;
}

void UiCache::Render(ImDrawData* data, const CanvasSize& canvas, uint64_t key) {
  glBindTexture(GL_TEXTURE_2D, texture_);
  if (canvas.pixel_width != texture_width_ || canvas.pixel_height != texture_height_) {
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, canvas.pixel_width, canvas.pixel_height, 0, GL_RGBA,
                 GL_UNSIGNED_BYTE, nullptr);
    // One texel per pixel, drawn unshifted: nearest keeps glyph edges as they were rendered.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    texture_width_ = canvas.pixel_width;
    texture_height_ = canvas.pixel_height;
  }
  glBindTexture(GL_TEXTURE_2D, 0);
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture_, 0);
  glViewport(0, 0, canvas.pixel_width, canvas.pixel_height);
  glClearColor(0, 0, 0, 0);
  glClear(GL_COLOR_BUFFER_BIT);
  // ImGui's blend functions (SRC_ALPHA, ONE_MINUS_SRC_ALPHA for colour; ONE, ONE_MINUS_SRC_ALPHA
  // for alpha) over transparent black leave premultiplied colour and the coverage in alpha.
  ImGui_ImplOpenGL3_RenderDrawData(data);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  // Where to blend: each list's box, overlapping boxes merged until none overlap.
  boxes_.clear();
  for (const ImDrawList* list : data->CmdLists) {
    ImVec4 box;
    if (!DrawnBox(*list, &box)) continue;
    for (bool merged = true; merged;) {
      merged = false;
      for (size_t i = 0; i < boxes_.size(); ++i) {
        if (!Overlap(boxes_[i], box)) continue;
        box = ImVec4(std::min(box.x, boxes_[i].x), std::min(box.y, boxes_[i].y),
                     std::max(box.z, boxes_[i].z), std::max(box.w, boxes_[i].w));
        boxes_.erase(boxes_.begin() + static_cast<long>(i));
        merged = true;
        break;
      }
    }
    boxes_.push_back(box);
  }
  glViewport(0, 0, canvas.pixel_width, canvas.pixel_height);
  key_ = key;
  ++renders_;
}

void UiCache::Draw(const CanvasSize& canvas) {
  glEnable(GL_BLEND);
  glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  quad_.Begin(canvas.css_width, canvas.css_height);
  glEnable(GL_SCISSOR_TEST);
  const float sx = canvas.pixel_width / canvas.css_width;
  const float sy = canvas.pixel_height / canvas.css_height;
  for (const ImVec4& box : boxes_) {
    const int x0 = static_cast<int>(std::floor(std::max(box.x, 0.0f) * sx));
    const int x1 = static_cast<int>(std::ceil(std::min(box.z, canvas.css_width) * sx));
    const int y0 =
        static_cast<int>(std::floor((canvas.css_height - std::min(box.w, canvas.css_height)) * sy));
    const int y1 = static_cast<int>(std::ceil((canvas.css_height - std::max(box.y, 0.0f)) * sy));
    if (x1 <= x0 || y1 <= y0) continue;
    glScissor(x0, y0, x1 - x0, y1 - y0);
    // The texture's first row is the bottom of the screen: the rectangle bottom-up.
    quad_.Draw(texture_, 0, canvas.css_height, canvas.css_width, 0);
  }
  glDisable(GL_SCISSOR_TEST);
  quad_.End();
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
}

}  // namespace bokji::web
