#version 300 es
precision mediump float;

uniform float u_opacity;  // 1, or less when raster tiles are drawn underneath

in vec4 v_color;
out vec4 o_color;

void main() {
  o_color = vec4(v_color.rgb, v_color.a * u_opacity);
}
