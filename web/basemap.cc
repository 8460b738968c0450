// Index
//   - Geometry: rings in Web Mercator, shells and holes, simplification
//   - Build: fills and outlines per level of detail, GL buffers
//   - Draw: level of detail, visible grid rows
#include "web/basemap.h"

#include <mapbox/earcut.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include "generated/shaders.inc"
#include "web/gl_program.h"

namespace bokji::web {
namespace {

// ---------------------------------------------------------------------------------------------------------
// Geometry: rings in Web Mercator, shells and holes, simplification
// ---------------------------------------------------------------------------------------------------------

using Point = std::array<double, 2>;  // Web Mercator, relative to the basemap's origin
using PointRing = std::vector<Point>;

// The highest zoom each level of detail serves; the last level is the full geometry.
constexpr double kDetailMaxZoom[] = {8, 10, 12.5, 1e9};
// How far a simplified outline may stray from the true one, in screen pixels at the level's highest
// zoom.
constexpr double kSimplifyPixels = 0.4;

// Even-odd point-in-ring test.
bool RingContains(const PointRing& ring, Point p) {
  bool inside = false;
  for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const Point& a = ring[i];
    const Point& b = ring[j];
    if ((a[1] > p[1]) != (b[1] > p[1]) &&
        p[0] < (b[0] - a[0]) * (p[1] - a[1]) / (b[1] - a[1]) + a[0])
      inside = !inside;
  }
  return inside;
}

// Groups a region's rings into polygons, each a shell followed by its holes. A ring inside an odd
// number of other rings is a hole of the smallest enclosing shell; the data model promises even-odd
// semantics, not winding order, so containment decides.
std::vector<std::vector<int>> GroupRings(const std::vector<PointRing>& rings) {
  const int n = static_cast<int>(rings.size());
  std::vector<int> depth(n, 0);
  for (int i = 0; i < n; ++i) {
    if (rings[i].size() < 3) continue;
    for (int j = 0; j < n; ++j)
      if (i != j && rings[j].size() >= 3 && RingContains(rings[j], rings[i][0])) ++depth[i];
  }
  std::vector<std::vector<int>> polygons;
  std::vector<int> polygon_of(n, -1);
  for (int i = 0; i < n; ++i) {
    if (rings[i].size() < 3 || depth[i] % 2 != 0) continue;
    polygon_of[i] = static_cast<int>(polygons.size());
    polygons.push_back({i});
  }
  for (int i = 0; i < n; ++i) {
    if (rings[i].size() < 3 || depth[i] % 2 == 0) continue;
    for (int j = 0; j < n; ++j) {
      if (j != i && polygon_of[j] >= 0 && depth[j] == depth[i] - 1 &&
          RingContains(rings[j], rings[i][0])) {
        polygons[polygon_of[j]].push_back(i);
        break;
      }
    }
  }
  return polygons;
}

// Douglas–Peucker on the closed ring: keeps the vertices that hold the outline within `tolerance`.
// May return fewer than 3 points for a ring smaller than the tolerance.
PointRing Simplify(const PointRing& ring, double tolerance) {
  const size_t n = ring.size();
  if (n < 4) return ring;
  // The ring as an open polyline from vertex 0 back to vertex 0, split at the vertex farthest from
  // it.
  size_t far = 0;
  double far_d2 = -1;
  for (size_t i = 1; i < n; ++i) {
    const double dx = ring[i][0] - ring[0][0], dy = ring[i][1] - ring[0][1];
    if (dx * dx + dy * dy > far_d2) {
      far_d2 = dx * dx + dy * dy;
      far = i;
    }
  }
  std::vector<bool> keep(n + 1, false);
  keep[0] = keep[far] = keep[n] = true;
  auto at = [&](size_t i) -> const Point& { return ring[i % n]; };
  std::vector<std::pair<size_t, size_t>> stack = {{0, far}, {far, n}};
  while (!stack.empty()) {
    const auto [first, last] = stack.back();
    stack.pop_back();
    const Point& a = at(first);
    const Point& b = at(last);
    const double dx = b[0] - a[0], dy = b[1] - a[1];
    const double length = std::hypot(dx, dy);
    double worst = -1;
    size_t worst_index = 0;
    for (size_t i = first + 1; i < last; ++i) {
      const Point& p = at(i);
      const double d = length > 0 ? std::fabs(dy * (p[0] - a[0]) - dx * (p[1] - a[1])) / length
                                  : std::hypot(p[0] - a[0], p[1] - a[1]);
      if (d > worst) {
        worst = d;
        worst_index = i;
      }
    }
    if (worst > tolerance) {
      keep[worst_index] = true;
      stack.push_back({first, worst_index});
      stack.push_back({worst_index, last});
    }
  }
  PointRing out;
  for (size_t i = 0; i < n; ++i)
    if (keep[i]) out.push_back(ring[i]);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------------------------------------

struct FillVertex {
  float x, y;
  uint32_t color;  // ImU32: RGBA bytes in memory order
};

struct LineVertex {
  float x, y;  // position
  float miter_x, miter_y;
  float side;  // -1 or +1
};

// Ring vertices per outline piece: short enough that culling by grid cell pays, long enough to keep
// the index count low.
constexpr int kPieceVertices = 48;
constexpr uint32_t kRestart =
    0xFFFFFFFFu;  // WebGL2's fixed primitive-restart index for 32-bit indices

// The miter at ring vertex i: the normal of the join, lengthened so both segments keep their width,
// capped at twice the width at spikes.
Point Miter(const PointRing& ring, size_t i) {
  const size_t n = ring.size();
  const Point& p = ring[i];
  const Point& prev = ring[(i + n - 1) % n];
  const Point& next = ring[(i + 1) % n];
  auto normal = [](const Point& a, const Point& b) -> Point {
    const double dx = b[0] - a[0], dy = b[1] - a[1];
    const double length = std::hypot(dx, dy);
    return length > 0 ? Point{-dy / length, dx / length} : Point{0, 0};
  };
  const Point n1 = normal(prev, p), n2 = normal(p, next);
  Point sum{n1[0] + n2[0], n1[1] + n2[1]};
  const double length = std::hypot(sum[0], sum[1]);
  if (length < 1e-9) return n1[0] == 0 && n1[1] == 0 ? n2 : n1;  // a spike back onto itself
  sum = {sum[0] / length, sum[1] / length};
  const double cosine = sum[0] * n1[0] + sum[1] * n1[1];
  const double factor = 1 / std::max(cosine, 0.5);
  return {sum[0] * factor, sum[1] * factor};
}

GLint Uniform(GLuint program, const char* name) {
  return glGetUniformLocation(program, name);
}

}  // namespace

bool Basemap::Build(const std::vector<Region>& regions, const Theme& theme, std::string* error) {
  // Extent, origin and the culling grid.
  double min_lat = 90, max_lat = -90, min_lng = 180, max_lng = -180;
  for (const Region& region : regions)
    for (const Ring& ring : region.rings)
      for (const LatLng& p : ring) {
        min_lat = std::min(min_lat, p.lat);
        max_lat = std::max(max_lat, p.lat);
        min_lng = std::min(min_lng, p.lng);
        max_lng = std::max(max_lng, p.lng);
      }
  if (min_lat <= max_lat) {
    origin_ = ToMercator(LatLng{(min_lat + max_lat) / 2, (min_lng + max_lng) / 2});
    const Mercator top_left = ToMercator(LatLng{max_lat, min_lng});
    const Mercator bottom_right = ToMercator(LatLng{min_lat, max_lng});
    grid_min_ = Mercator{top_left.x - origin_.x, top_left.y - origin_.y};
    grid_cell_ = std::max({bottom_right.x - top_left.x, bottom_right.y - top_left.y, 1e-9}) / kGrid;
  }

  // Every region's rings in Web Mercator, grouped into shells and holes once.
  std::vector<std::vector<PointRing>> rings(regions.size());
  std::vector<std::vector<std::vector<int>>> polygons(regions.size());
  for (size_t r = 0; r < regions.size(); ++r) {
    for (const Ring& ring : regions[r].rings) {
      PointRing& points = rings[r].emplace_back();
      for (const LatLng& p : ring) {
        const Mercator m = ToMercator(p);
        points.push_back({m.x - origin_.x, m.y - origin_.y});
      }
    }
    polygons[r] = GroupRings(rings[r]);
  }

  // Fills show the 시군구 (tinted apart), or the province when the bundle has no 시군구.
  bool has_level[3] = {false, false, false};
  for (const Region& region : regions) has_level[static_cast<int>(region.level)] = true;
  const RegionLevel fill_level = has_level[1]   ? RegionLevel::kSigungu
                                 : has_level[0] ? RegionLevel::kProvince
                                                : RegionLevel::kEmd;
  source_ = std::make_unique<Source>();
  source_->rings = std::move(rings);
  source_->polygons = std::move(polygons);
  source_->fill_colors.assign(regions.size(), 0);
  source_->levels.resize(regions.size());
  int tint = 0;
  for (size_t r = 0; r < regions.size(); ++r) {
    source_->levels[r] = regions[r].level;
    if (regions[r].level == fill_level)
      source_->fill_colors[r] = theme.land_fills[tint++ % theme.land_fills.size()];
  }
  source_->fill_level = fill_level;

  fill_program_ = CompileProgram(kShader_region_fill_vert, kShader_region_fill_frag, error);
  if (fill_program_ == 0) return false;
  line_program_ = CompileProgram(kShader_region_line_vert, kShader_region_line_frag, error);
  if (line_program_ == 0) return false;
  for (auto [program, uniforms] :
       {std::pair{fill_program_, &fill_uniforms_}, std::pair{line_program_, &line_uniforms_}}) {
    uniforms->offset = Uniform(program, "u_offset");
    uniforms->scale = Uniform(program, "u_scale");
    uniforms->viewport = Uniform(program, "u_viewport");
    uniforms->half_width = Uniform(program, "u_half_width");
    uniforms->pixel_ratio = Uniform(program, "u_pixel_ratio");
    uniforms->color = Uniform(program, "u_color");
    uniforms->opacity = Uniform(program, "u_opacity");
  }

  built_.fill(false);  // each level of detail is built when a view first needs it (BuildDetail)
  return true;
}

void Basemap::BuildDetail(int detail) const {
  const Source& source = *source_;
  const std::vector<std::vector<PointRing>>& rings = source.rings;
  const std::vector<std::vector<std::vector<int>>>& polygons = source.polygons;
  const size_t region_count = rings.size();
  {
    const bool full = detail == kDetailLevels - 1;
    const double tolerance = full ? 0 : kSimplifyPixels / (256 * std::exp2(kDetailMaxZoom[detail]));
    std::vector<std::vector<PointRing>> simplified(region_count);
    for (size_t r = 0; r < region_count; ++r)
      for (const PointRing& ring : rings[r])
        simplified[r].push_back(full ? ring : Simplify(ring, tolerance));

    // Fills.
    std::vector<FillVertex> vertices;
    std::vector<uint32_t> indices;
    for (size_t r = 0; r < region_count; ++r) {
      if (source.levels[r] != source.fill_level) continue;
      const ImU32 color = source.fill_colors[r];
      for (const std::vector<int>& polygon : polygons[r]) {
        if (simplified[r][polygon[0]].size() < 3)
          continue;  // a shell smaller than the tolerance, holes and all
        std::vector<PointRing> earcut_polygon;
        for (int ring_index : polygon)
          if (simplified[r][ring_index].size() >= 3)
            earcut_polygon.push_back(simplified[r][ring_index]);
        const std::vector<uint32_t> triangles = mapbox::earcut<uint32_t>(earcut_polygon);
        const auto base = static_cast<uint32_t>(vertices.size());
        for (const PointRing& ring : earcut_polygon)
          for (const Point& p : ring)
            vertices.push_back(
                FillVertex{static_cast<float>(p[0]), static_cast<float>(p[1]), color});
        for (uint32_t index : triangles) indices.push_back(base + index);
      }
    }
    FillMesh& fill = fills_[detail];
    glGenVertexArrays(1, &fill.vao);
    glBindVertexArray(fill.vao);
    glGenBuffers(1, &fill.vertices);
    glBindBuffer(GL_ARRAY_BUFFER, fill.vertices);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(FillVertex)),
                 vertices.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(FillVertex), nullptr);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(FillVertex),
                          reinterpret_cast<const void*>(offsetof(FillVertex, color)));
    glGenBuffers(1, &fill.indices);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, fill.indices);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER,
                 static_cast<GLsizeiptr>(indices.size() * sizeof(uint32_t)), indices.data(),
                 GL_STATIC_DRAW);
    fill.index_count = static_cast<int>(indices.size());

    // Outlines per region level: pieces of rings as triangle strips, bucketed by the grid cell of
    // each piece's centre.
    for (int level = 0; level < 3; ++level) {
      std::vector<LineVertex> vertices;
      struct Piece {
        int cell;
        uint32_t first_vertex, vertex_count;
      };
      std::vector<Piece> pieces;
      double reach = 0;
      for (size_t r = 0; r < region_count; ++r) {
        if (static_cast<int>(source.levels[r]) != level) continue;
        for (const PointRing& ring : simplified[r]) {
          if (ring.size() < 3) continue;
          std::vector<Point> miters(ring.size());
          for (size_t i = 0; i < ring.size(); ++i) miters[i] = Miter(ring, i);
          for (size_t start = 0; start < ring.size(); start += kPieceVertices) {
            const size_t end =
                std::min(start + kPieceVertices, ring.size());  // inclusive; ring.size() is 0
            Piece piece{0, static_cast<uint32_t>(vertices.size()), 0};
            double min_x = 1e30, min_y = 1e30, max_x = -1e30, max_y = -1e30;
            for (size_t k = start; k <= end; ++k) {
              const size_t i = k % ring.size();
              const Point& p = ring[i];
              min_x = std::min(min_x, p[0]);
              max_x = std::max(max_x, p[0]);
              min_y = std::min(min_y, p[1]);
              max_y = std::max(max_y, p[1]);
              for (const float side : {1.0f, -1.0f})
                vertices.push_back(LineVertex{static_cast<float>(p[0]), static_cast<float>(p[1]),
                                              static_cast<float>(miters[i][0]),
                                              static_cast<float>(miters[i][1]), side});
            }
            piece.vertex_count = static_cast<uint32_t>(vertices.size()) - piece.first_vertex;
            const double cx = (min_x + max_x) / 2, cy = (min_y + max_y) / 2;
            reach = std::max({reach, (max_x - min_x) / 2, (max_y - min_y) / 2});
            const int col =
                std::clamp(static_cast<int>((cx - grid_min_.x) / grid_cell_), 0, kGrid - 1);
            const int row =
                std::clamp(static_cast<int>((cy - grid_min_.y) / grid_cell_), 0, kGrid - 1);
            piece.cell = row * kGrid + col;
            pieces.push_back(piece);
          }
        }
      }
      LineMesh& mesh = lines_[detail][level];
      mesh.reach_cells = static_cast<int>(std::ceil(reach / grid_cell_));
      std::stable_sort(pieces.begin(), pieces.end(),
                       [](const Piece& a, const Piece& b) { return a.cell < b.cell; });
      std::vector<uint32_t> indices;
      mesh.cell_start.assign(kGrid * kGrid + 1, 0);
      size_t next_piece = 0;
      for (int cell = 0; cell < kGrid * kGrid; ++cell) {
        mesh.cell_start[cell] = static_cast<int>(indices.size());
        for (; next_piece < pieces.size() && pieces[next_piece].cell == cell; ++next_piece) {
          const Piece& piece = pieces[next_piece];
          for (uint32_t v = 0; v < piece.vertex_count; ++v)
            indices.push_back(piece.first_vertex + v);
          indices.push_back(kRestart);
        }
      }
      mesh.cell_start[kGrid * kGrid] = static_cast<int>(indices.size());
      if (indices.empty()) continue;

      glGenVertexArrays(1, &mesh.vao);
      glBindVertexArray(mesh.vao);
      glGenBuffers(1, &mesh.vertices);
      glBindBuffer(GL_ARRAY_BUFFER, mesh.vertices);
      glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(LineVertex)),
                   vertices.data(), GL_STATIC_DRAW);
      glEnableVertexAttribArray(0);
      glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(LineVertex), nullptr);
      glEnableVertexAttribArray(1);
      glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(LineVertex),
                            reinterpret_cast<const void*>(offsetof(LineVertex, miter_x)));
      glEnableVertexAttribArray(2);
      glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, sizeof(LineVertex),
                            reinterpret_cast<const void*>(offsetof(LineVertex, side)));
      glGenBuffers(1, &mesh.indices);
      glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, mesh.indices);
      glBufferData(GL_ELEMENT_ARRAY_BUFFER,
                   static_cast<GLsizeiptr>(indices.size() * sizeof(uint32_t)), indices.data(),
                   GL_STATIC_DRAW);
    }
  }
  glBindVertexArray(0);
  built_[detail] = true;
}

// ---------------------------------------------------------------------------------------------------------
// Draw
// ---------------------------------------------------------------------------------------------------------

void Basemap::SetViewUniforms(const Uniforms& uniforms, const MapView& view) const {
  // The origin's screen position in double precision; only small offsets from it go through floats.
  const ImVec2 origin_on_screen = view.ToScreen(origin_);
  glUniform2f(uniforms.offset, origin_on_screen.x, origin_on_screen.y);
  glUniform1f(uniforms.scale, static_cast<float>(view.scale()));
  glUniform2f(uniforms.viewport, view.width(), view.height());
}

void Basemap::DrawLines(const LineMesh& mesh, const MapView& view, float half_width, ImU32 color,
                        float alpha) const {
  if (mesh.vao == 0 || alpha <= 0) return;
  const std::array<float, 4> rgba = ToFloat4(color);
  glUniform4f(line_uniforms_.color, rgba[0], rgba[1], rgba[2], rgba[3] * alpha);
  glUniform1f(line_uniforms_.half_width, half_width);
  glBindVertexArray(mesh.vao);

  // The grid cells the view covers, widened by the line width and by how far a piece can leave its
  // cell.
  const double margin = (2 * half_width + 2) / view.scale();
  const Mercator top_left = view.ToMercator(ImVec2(0, 0));
  const Mercator bottom_right = view.ToMercator(ImVec2(view.width(), view.height()));
  auto cell = [&](double world, double grid_min) {
    return static_cast<int>(std::floor((world - grid_min) / grid_cell_));
  };
  const int col_lo =
      std::max(0, cell(top_left.x - origin_.x - margin, grid_min_.x) - mesh.reach_cells);
  const int col_hi = std::min(
      kGrid - 1, cell(bottom_right.x - origin_.x + margin, grid_min_.x) + mesh.reach_cells);
  const int row_lo =
      std::max(0, cell(top_left.y - origin_.y - margin, grid_min_.y) - mesh.reach_cells);
  const int row_hi = std::min(
      kGrid - 1, cell(bottom_right.y - origin_.y + margin, grid_min_.y) + mesh.reach_cells);
  if (col_lo > col_hi || row_lo > row_hi) return;

  // One draw per run of consecutive visible indices (whole rows merge when every column is
  // visible).
  int run_first = -1, run_end = -1;
  auto flush = [&]() {
    if (run_end <= run_first) return;
    glDrawElements(
        GL_TRIANGLE_STRIP, run_end - run_first, GL_UNSIGNED_INT,
        reinterpret_cast<const void*>(static_cast<intptr_t>(run_first) * sizeof(uint32_t)));
    drawn_outline_vertices_ += run_end - run_first;
  };
  for (int row = row_lo; row <= row_hi; ++row) {
    const int first = mesh.cell_start[row * kGrid + col_lo];
    const int end = mesh.cell_start[row * kGrid + col_hi + 1];
    if (first == run_end) {
      run_end = end;
    } else {
      flush();
      run_first = first;
      run_end = end;
    }
  }
  flush();
}

void Basemap::Draw(const MapView& view, const Theme& theme, float pixel_ratio,
                   float fill_opacity) const {
  drawn_triangles_ = 0;
  drawn_outline_vertices_ = 0;
  if (fill_program_ == 0) return;
  int detail = 0;
  while (detail < kDetailLevels - 1 && view.zoom() > kDetailMaxZoom[detail]) ++detail;
  if (!built_[detail]) BuildDetail(detail);

  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);
  glDisable(GL_SCISSOR_TEST);

  glUseProgram(fill_program_);
  SetViewUniforms(fill_uniforms_, view);
  glUniform1f(fill_uniforms_.opacity, fill_opacity);
  glBindVertexArray(fills_[detail].vao);
  // The land tints are opaque: without tiles below, blending would only cost time (a read per
  // pixel, which software WebGL such as SwiftShader pays in full).
  if (fill_opacity >= 1) glDisable(GL_BLEND);
  glDrawElements(GL_TRIANGLES, fills_[detail].index_count, GL_UNSIGNED_INT, nullptr);
  glEnable(GL_BLEND);
  drawn_triangles_ = fills_[detail].index_count / 3;

  glUseProgram(line_program_);
  SetViewUniforms(line_uniforms_, view);
  glUniform1f(line_uniforms_.pixel_ratio, pixel_ratio);
  const double emd_alpha = std::clamp(
      (view.zoom() - kEmdOutlineFadeStart) / (kEmdOutlineFadeEnd - kEmdOutlineFadeStart), 0.0, 1.0);
  const LineMesh* meshes = lines_[detail];
  DrawLines(meshes[static_cast<int>(RegionLevel::kEmd)], view,
            theme.Scaled(theme.emd_line_width) / 2, theme.emd_line, static_cast<float>(emd_alpha));
  DrawLines(meshes[static_cast<int>(RegionLevel::kSigungu)], view,
            theme.Scaled(theme.sigungu_line_width) / 2, theme.sigungu_line, 1);
  DrawLines(meshes[static_cast<int>(RegionLevel::kProvince)], view,
            theme.Scaled(theme.province_line_width) / 2, theme.province_line, 1);
  glBindVertexArray(0);
}

}  // namespace bokji::web
