#version 300 es
// Raster map tiles: one unit quad per tile, placed on screen by a rectangle the CPU computes in double
// precision (tile corners in CSS pixels), so there is no float drift at street zoom.
uniform vec4 u_rect;      // x0, y0, x1, y1 in CSS pixels from the viewport's top-left
uniform vec2 u_viewport;  // viewport size, CSS pixels

layout(location = 0) in vec2 a_corner;  // (0,0) … (1,1)

out vec2 v_uv;

void main() {
  vec2 screen = mix(u_rect.xy, u_rect.zw, a_corner);
  vec2 ndc = screen / u_viewport * 2.0 - 1.0;
  gl_Position = vec4(ndc.x, -ndc.y, 0.0, 1.0);
  v_uv = a_corner;
}
