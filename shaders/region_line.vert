#version 300 es
// Region outlines as triangle strips along each ring: every ring vertex comes twice, once per side, with its
// miter (the join's direction, scaled so both segments keep their width; computed once in world units, which
// Web Mercator's uniform scale carries unchanged to the screen). The strip is u_half_width CSS pixels wide on
// each side plus a one-device-pixel soft edge.
uniform vec2 u_offset;       // where the origin lands, CSS pixels
uniform float u_scale;       // CSS pixels per world unit
uniform vec2 u_viewport;     // CSS pixels
uniform float u_half_width;  // CSS pixels
uniform float u_pixel_ratio; // device pixels per CSS pixel

layout(location = 0) in vec2 a_position;  // world units relative to the origin
layout(location = 1) in vec2 a_miter;     // unit normal times the miter factor
layout(location = 2) in float a_side;     // -1 or +1

out float v_across;  // CSS pixels from the centre line

void main() {
  float extent = u_half_width + 1.0 / u_pixel_ratio;
  vec2 screen = a_position * u_scale + u_offset + a_miter * (a_side * extent);
  vec2 ndc = screen / u_viewport * 2.0 - 1.0;
  gl_Position = vec4(ndc.x, -ndc.y, 0.0, 1.0);
  v_across = a_side * extent;
}
