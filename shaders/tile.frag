#version 300 es
precision mediump float;

uniform sampler2D u_tile;
uniform float u_opacity;

in vec2 v_uv;
out vec4 o_color;

void main() {
  vec4 c = texture(u_tile, v_uv);
  o_color = vec4(c.rgb, c.a * u_opacity);
}
