// The vector basemap: the bundle's administrative regions drawn with our own shaders
// (shaders/region_*).
//
// Build() projects the rings and compiles the shaders; the levels of detail are built when a view
// first needs one (a first frame at the province view pays for one level, not four): each ring
// simplified (Douglas–Peucker) to within 0.4 px at the highest zoom the level serves, plus the
// full geometry. For each level it
// triangulates the 시군구 polygons (or the province's, when the bundle has no 시군구) into tinted
// fills with earcut, holes included, and turns every ring into outline strips with mitred joins per
// region level, cut into short pieces sorted into a grid so a view draws only the grid rows and
// columns it can see. (No instancing: SwiftShader, the software WebGL of headless and GPU-less
// browsers, draws instanced quads one instance at a time.) Draw() picks the coarsest level that
// still looks exact at the current zoom, fills, then outlines 읍면동 (fading in as the zoom grows),
// 시군구 and the 도.
//
// Vertices are Web Mercator units relative to the regions' centre, so float precision holds at
// street zoom.
//
//   Basemap basemap;
//   std::string error;
//   if (!basemap.Build(dataset.regions, theme, &error)) ShowError(error);
//   ... each frame, before ImGui renders:
//   basemap.Draw(view, theme, canvas.pixel_ratio);
#pragma once

#include <GLES3/gl3.h>

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "core/model.h"
#include "web/model/map_view.h"
#include "web/theme.h"

namespace bokji::web {

// Zoom levels where the basemap's detail changes (labels use them too).
inline constexpr double kEmdOutlineFadeStart = 9.6;  // 읍면동 outlines begin to show
inline constexpr double kEmdOutlineFadeEnd = 10.6;   // … and are fully drawn

class Basemap {
 public:
  Basemap() = default;
  Basemap(const Basemap&) = delete;
  Basemap& operator=(const Basemap&) = delete;

  // REQUIRES: a current WebGL2 context. Returns false (with the reason) if a shader fails to build.
  bool Build(const std::vector<Region>& regions, const Theme& theme, std::string* error);
  // `fill_opacity` scales the fills' alpha (DEFAULT 1; lower when raster tiles lie underneath).
  void Draw(const MapView& view, const Theme& theme, float pixel_ratio,
            float fill_opacity = 1) const;

  // What the last Draw() sent to the GPU (for tests and tuning).
  int drawn_triangles() const { return drawn_triangles_; }
  int drawn_outline_vertices() const { return drawn_outline_vertices_; }  // two per ring vertex

 private:
  static constexpr int kGrid = 32;         // outline pieces are bucketed into kGrid × kGrid cells
  static constexpr int kDetailLevels = 4;  // three simplified levels and the full geometry

  struct Uniforms {
    GLint offset = -1, scale = -1, viewport = -1, half_width = -1, pixel_ratio = -1, color = -1,
          opacity = -1;
  };
  struct FillMesh {
    GLuint vao = 0, vertices = 0, indices = 0;
    int index_count = 0;
  };
  // One region level's outline at one level of detail: strips of at most kPieceVertices ring
  // vertices, their indices sorted by grid cell (row-major) and separated by the primitive-restart
  // index.
  struct LineMesh {
    GLuint vao = 0, vertices = 0, indices = 0;
    std::vector<int> cell_start;  // kGrid * kGrid + 1 prefix offsets into the indices
    int reach_cells = 0;          // how far a piece may stick out of its cell, in cells
  };

  // What BuildDetail needs: every region's rings in Web Mercator relative to origin_, grouped into
  // polygons (shell first, then its holes), each region's level and fill tint.
  struct Source {
    std::vector<std::vector<std::vector<std::array<double, 2>>>> rings;
    std::vector<std::vector<std::vector<int>>> polygons;
    std::vector<RegionLevel> levels;
    std::vector<ImU32> fill_colors;
    RegionLevel fill_level = RegionLevel::kSigungu;
  };

  // Simplifies, triangulates and uploads one level of detail (fills and outlines). Called by Draw
  // the first time a view needs the level: a first frame at the province view builds one level,
  // not four (the full geometry is the costliest and serves street zoom only).
  void BuildDetail(int detail) const;
  void SetViewUniforms(const Uniforms& uniforms, const MapView& view) const;
  void DrawLines(const LineMesh& mesh, const MapView& view, float half_width, ImU32 color,
                 float alpha) const;

  Mercator origin_;
  Mercator grid_min_;
  double grid_cell_ = 1;  // world units per grid cell

  GLuint fill_program_ = 0;
  Uniforms fill_uniforms_;
  GLuint line_program_ = 0;
  Uniforms line_uniforms_;
  std::unique_ptr<Source> source_;
  // Built on first use by the const Draw (BuildDetail): a cache of what Build's input determines.
  mutable std::array<bool, kDetailLevels> built_{};
  mutable FillMesh fills_[kDetailLevels];
  mutable LineMesh lines_[kDetailLevels][3];  // [detail][RegionLevel]

  mutable int drawn_triangles_ = 0;
  mutable int drawn_outline_vertices_ = 0;
};

}  // namespace bokji::web
