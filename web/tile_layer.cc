// TileLayer: which tiles a view needs, the cache, and drawing. See tile_layer.h.
#include "web/tile_layer.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <vector>

#include "web/model/url_state.h"
#include "web/platform.h"

namespace bokji::web {

bool TileLayer::Init(std::string* error) {
  return quad_.Init(error);
}

void TileLayer::SetTemplate(const std::string& url_template) {
  // A template that is not a tile URL would fetch something else entirely: callers check first.
  assert(IsValidTileTemplate(url_template) && "SetTemplate with an invalid template");
  if (url_template == template_) return;
  for (auto& [key, tile] : tiles_)
    if (tile.texture != 0) glDeleteTextures(1, &tile.texture);
  tiles_.clear();
  in_flight_ = loaded_ = failed_ = drawn_ = 0;
  template_ = url_template;
  ++generation_;
}

void TileLayer::TakeLoadedTiles() {
  LoadedTile answer;
  while (TakeLoadedTile(&answer)) {
    const auto found = tiles_.find(static_cast<uint64_t>(answer.key));
    if (answer.generation != generation_ || found == tiles_.end() ||
        found->second.state != State::kRequested) {
      if (answer.texture != 0) glDeleteTextures(1, &answer.texture);  // for a template since left
      continue;
    }
    --in_flight_;
    Tile& tile = found->second;
    tile.texture = answer.texture;
    tile.state = answer.texture != 0 ? State::kLoaded : State::kFailed;
    ++(answer.texture != 0 ? loaded_ : failed_);
  }
}

void TileLayer::Draw(const MapView& view) {
  assert(enabled() && "TileLayer::Draw with no template");
  ++frame_;
  drawn_ = 0;
  const int z = std::clamp(static_cast<int>(std::lround(view.zoom())), 0, kMaxZoom);
  const int n = 1 << z;
  const Mercator top_left = view.ToMercator(ImVec2(0, 0));
  const Mercator bottom_right = view.ToMercator(ImVec2(view.width(), view.height()));
  const int x0 = std::clamp(static_cast<int>(std::floor(top_left.x * n)), 0, n - 1);
  const int x1 = std::clamp(static_cast<int>(std::floor(bottom_right.x * n)), 0, n - 1);
  const int y0 = std::clamp(static_cast<int>(std::floor(top_left.y * n)), 0, n - 1);
  const int y1 = std::clamp(static_cast<int>(std::floor(bottom_right.y * n)), 0, n - 1);

  quad_.Begin(view.width(), view.height());
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_SCISSOR_TEST);

  // Missing tiles: the nearest loaded ancestor first (drawn once), then every loaded tile over it.
  // Requests go out nearest the middle of the screen first.
  struct Wanted {
    int x, y;
    double distance;
  };
  std::vector<Wanted> wanted;
  std::vector<uint64_t> ancestors_drawn;
  const double mid_x = (x0 + x1 + 1) / 2.0, mid_y = (y0 + y1 + 1) / 2.0;
  for (int y = y0; y <= y1; ++y) {
    for (int x = x0; x <= x1; ++x) {
      const auto found = tiles_.find(Key(z, x, y));
      if (found != tiles_.end() && found->second.state == State::kLoaded) continue;
      if (found == tiles_.end())
        wanted.push_back({x, y, std::hypot(x + 0.5 - mid_x, y + 0.5 - mid_y)});
      for (int up = 1; up <= std::min(z, 6); ++up) {
        const uint64_t key = Key(z - up, x >> up, y >> up);
        const auto ancestor = tiles_.find(key);
        if (ancestor == tiles_.end() || ancestor->second.state != State::kLoaded) continue;
        if (std::find(ancestors_drawn.begin(), ancestors_drawn.end(), key) ==
            ancestors_drawn.end()) {
          ancestors_drawn.push_back(key);
          ancestor->second.last_drawn = frame_;
          DrawTile(view, z - up, x >> up, y >> up, ancestor->second.texture);
        }
        break;
      }
    }
  }
  for (int y = y0; y <= y1; ++y) {
    for (int x = x0; x <= x1; ++x) {
      const auto found = tiles_.find(Key(z, x, y));
      if (found == tiles_.end() || found->second.state != State::kLoaded) continue;
      found->second.last_drawn = frame_;
      DrawTile(view, z, x, y, found->second.texture);
    }
  }
  quad_.End();

  std::sort(wanted.begin(), wanted.end(),
            [](const Wanted& a, const Wanted& b) { return a.distance < b.distance; });
  for (const Wanted& w : wanted) {
    if (in_flight_ >= kMaxInFlight) break;
    std::string url = template_;
    auto put = [&url](const char* field, int value) {
      const size_t at = url.find(field);
      if (at != std::string::npos) url.replace(at, 3, std::to_string(value));
    };
    put("{z}", z);
    put("{x}", w.x);
    put("{y}", w.y);
    tiles_[Key(z, w.x, w.y)] = Tile{State::kRequested, 0, frame_};
    ++in_flight_;
    RequestTile(url, static_cast<double>(Key(z, w.x, w.y)), generation_);
  }
  EvictLeastRecentlyDrawn();
}

void TileLayer::DrawTile(const MapView& view, int z, int x, int y, GLuint texture) {
  const double n = std::ldexp(1.0, z);
  const ImVec2 a = view.ToScreen(Mercator{x / n, y / n});
  const ImVec2 b = view.ToScreen(Mercator{(x + 1) / n, (y + 1) / n});
  quad_.Draw(texture, a.x, a.y, b.x, b.y);
  ++drawn_;
}

void TileLayer::EvictLeastRecentlyDrawn() {
  if (loaded_ <= kMaxTiles) return;
  std::vector<std::pair<uint64_t, uint64_t>> by_age;  // (last drawn, key) of loaded tiles
  for (const auto& [key, tile] : tiles_)
    if (tile.state == State::kLoaded) by_age.emplace_back(tile.last_drawn, key);
  std::sort(by_age.begin(), by_age.end());
  for (size_t i = 0; i < by_age.size() && loaded_ > kMaxTiles * 3 / 4; ++i) {
    Tile& tile = tiles_[by_age[i].second];
    glDeleteTextures(1, &tile.texture);
    tiles_.erase(by_age[i].second);
    --loaded_;
  }
}

}  // namespace bokji::web
