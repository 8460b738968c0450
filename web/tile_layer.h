// TileLayer: an optional raster map under the vector basemap, from an XYZ tile URL template such as
// OpenStreetMap's "https://tile.openstreetmap.org/{z}/{x}/{y}.png".
//
// The page loads each tile image asynchronously and uploads it as a GL texture (platform.h,
// RequestTile); the layer keeps at most kMaxTiles of them, evicting the least recently drawn, and
// draws the tiles of the view's zoom level with shaders/tile.*. Where a tile has not arrived, its
// nearest loaded ancestor is drawn scaled up, so a zoom never opens holes where there was a map.
// A tile that fails (no network, a 404) is not asked for again until the template changes: without
// network the layer draws nothing and the vector basemap alone remains a complete map.
//
//   TileLayer tiles;
//   if (!tiles.Init(&error)) ...;                  // REQUIRES: a current WebGL2 context
//   tiles.SetTemplate(kOpenStreetMapTiles);        // "" switches the layer off (url_state.h)
//   ... each frame, before the basemap:
//   tiles.TakeLoadedTiles();
//   tiles.Draw(view);
#pragma once

#include <GLES3/gl3.h>

#include <cstdint>
#include <string>
#include <unordered_map>

#include "web/gl_program.h"
#include "web/model/map_view.h"

namespace bokji::web {

class TileLayer {
 public:
  static constexpr int kMaxZoom = 19;  // OpenStreetMap's deepest level
  static constexpr int kMaxTiles =
      192;  // textures kept (256×256 RGBA: 48 MB of GPU memory at most)
  static constexpr int kMaxInFlight = 8;  // requests at once

  TileLayer() = default;
  TileLayer(const TileLayer&) = delete;
  TileLayer& operator=(const TileLayer&) = delete;

  // Compiles the program. False (with the reason) if the driver refuses it.
  bool Init(std::string* error);

  // Switches the layer to `url_template` (dropping every cached tile), or off with "".
  // REQUIRES: IsValidTileTemplate(url_template) (web/model/url_state.h).
  void SetTemplate(const std::string& url_template);
  const std::string& url_template() const { return template_; }
  bool enabled() const { return !template_.empty(); }

  // Takes the tiles the page has finished loading since the last call.
  void TakeLoadedTiles();
  // Asks for the view's missing tiles and draws what is loaded. REQUIRES: enabled().
  void Draw(const MapView& view);

  // Counts for tests and the data summary.
  int loaded() const { return loaded_; }
  int failed() const { return failed_; }
  int drawn() const { return drawn_; }

 private:
  enum class State : uint8_t { kRequested, kLoaded, kFailed };
  struct Tile {
    State state = State::kRequested;
    GLuint texture = 0;
    uint64_t last_drawn = 0;  // frame number
  };
  // z (5 bits) · x (22 bits) · y (22 bits): fits a double exactly, which is how keys cross to JS.
  static uint64_t Key(int z, int x, int y) {
    return (static_cast<uint64_t>(z) << 44) | (static_cast<uint64_t>(x) << 22) |
           static_cast<uint64_t>(y);
  }
  void DrawTile(const MapView& view, int z, int x, int y, GLuint texture);
  void EvictLeastRecentlyDrawn();

  std::string template_;
  int generation_ = 0;  // grows with every SetTemplate; answers for an older one are dropped
  std::unordered_map<uint64_t, Tile> tiles_;
  int in_flight_ = 0;
  int loaded_ = 0, failed_ = 0, drawn_ = 0;
  uint64_t frame_ = 0;

  TexturedQuad quad_;
};

}  // namespace bokji::web
