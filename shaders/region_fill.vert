#version 300 es
// Region fills: triangles whose vertices are Web Mercator world units relative to the basemap's origin
// (relative, so float precision holds at street zoom). Each vertex carries its region's tint.
uniform vec2 u_offset;    // where the origin lands, CSS pixels from the viewport's top-left
uniform float u_scale;    // CSS pixels per world unit
uniform vec2 u_viewport;  // viewport size, CSS pixels

layout(location = 0) in vec2 a_position;
layout(location = 1) in vec4 a_color;

out vec4 v_color;

void main() {
  vec2 screen = a_position * u_scale + u_offset;
  vec2 ndc = screen / u_viewport * 2.0 - 1.0;
  gl_Position = vec4(ndc.x, -ndc.y, 0.0, 1.0);
  v_color = a_color;
}
