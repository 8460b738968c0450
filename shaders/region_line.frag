#version 300 es
precision highp float;  // the uniforms it shares with region_line.vert must match its highp

uniform vec4 u_color;
uniform float u_half_width;   // CSS pixels
uniform float u_pixel_ratio;  // device pixels per CSS pixel

in float v_across;
out vec4 o_color;

void main() {
  // Coverage: full inside the line, falling to nothing over one device pixel at its edge.
  float outside = (abs(v_across) - u_half_width) * u_pixel_ratio;
  float coverage = clamp(0.5 - outside, 0.0, 1.0);
  o_color = vec4(u_color.rgb, u_color.a * coverage);
}
