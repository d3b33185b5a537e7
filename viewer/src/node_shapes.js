// Nodes drawn in the shapes of the static diagrams (exporters/diagram_style.cpp): ellipses as
// discs, boxes as squares (rounded where the diagram rounds them), octagons, diamonds, and a
// second outline for doubled shapes, each filled in its kind's colour with its type's border.
// sigma's own disc program with a shape and a border colour added.
import { NodeProgram } from "sigma/rendering";
import { floatColor } from "sigma/utils";

/** The shape code of a legend row: 0 disc, 1 box, 2 rounded box, 3 octagon, 4 diamond; +8 doubled. */
export function shapeCode(kind) {
  const outline = String(kind.outline || "");
  let code = 0;
  if (/^(box|rect|rectangle|square|note|component|tab|folder)$/.test(outline)) code = /rounded/.test(kind.outline_style || "") ? 2 : 1;
  else if (/octagon|hexagon|polygon|septagon|pentagon/.test(outline)) code = 3;
  else if (/diamond/.test(outline)) code = 4;
  if ((kind.peripheries || 1) > 1 || /^double/.test(outline)) code += 8;
  return code;
}

const FRAGMENT = /* glsl */ `
precision highp float;
varying vec4 v_color;
varying vec4 v_border;
varying vec2 v_diff;
varying float v_radius;
varying float v_shape;
uniform float u_correctionRatio;
const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);

// Signed distance to the outline: negative inside. Every shape fits inside the circle of
// radius v_radius, which the drawn triangle covers.
float outline(vec2 p, float r, float shape) {
  vec2 a = abs(p);
  if (shape < 0.5) return length(p) - r;
  if (shape < 1.5) return max(a.x, a.y) - 0.7 * r;
  if (shape < 2.5) { vec2 q = a - vec2(0.5 * r); return length(max(q, 0.0)) + min(max(q.x, q.y), 0.0) - 0.2 * r; }
  if (shape < 3.5) return max(max(a.x, a.y), (a.x + a.y) * 0.70710678) - 0.9 * r;
  return (a.x + a.y) * 0.70710678 - 0.95 * r;
}

void main(void) {
  float px = u_correctionRatio;
  float shape = mod(v_shape, 8.0);
  bool doubled = v_shape > 7.5;
  float d = outline(v_diff, v_radius, shape);
  #ifdef PICKING_MODE
  gl_FragColor = d > 0.0 ? transparent : v_color;
  #else
  float edge = 1.3 * px;
  vec4 c = d > -edge ? v_border : v_color;
  if (doubled) {
    float inner = d + 3.0 * px;
    if (inner > -edge && inner < 0.0) c = v_border;
  }
  float t = clamp(d / px + 0.5, 0.0, 1.0);
  gl_FragColor = mix(c, transparent, t);
  #endif
}
`;

const VERTEX = /* glsl */ `
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec4 a_borderColor;
attribute vec2 a_position;
attribute float a_size;
attribute float a_shape;
attribute float a_angle;
uniform mat3 u_matrix;
uniform float u_sizeRatio;
uniform float u_correctionRatio;
varying vec4 v_color;
varying vec4 v_border;
varying vec2 v_diff;
varying float v_radius;
varying float v_shape;
const float bias = 255.0 / 254.0;

void main() {
  float size = a_size * u_correctionRatio / u_sizeRatio * 4.0;
  vec2 diff = size * vec2(cos(a_angle), sin(a_angle));
  gl_Position = vec4((u_matrix * vec3(a_position + diff, 1)).xy, 0, 1);
  v_diff = diff;
  v_radius = size / 2.0;
  v_shape = a_shape;
  #ifdef PICKING_MODE
  v_color = a_id;
  #else
  v_color = a_color;
  #endif
  v_border = a_borderColor;
  v_color.a *= bias;
  v_border.a *= bias;
}
`;

const { UNSIGNED_BYTE, FLOAT } = WebGLRenderingContext;

export class NodeShapeProgram extends NodeProgram {
  getDefinition() {
    return {
      VERTICES: 3,
      VERTEX_SHADER_SOURCE: VERTEX,
      FRAGMENT_SHADER_SOURCE: FRAGMENT,
      METHOD: WebGLRenderingContext.TRIANGLES,
      UNIFORMS: ["u_sizeRatio", "u_correctionRatio", "u_matrix"],
      ATTRIBUTES: [
        { name: "a_position", size: 2, type: FLOAT },
        { name: "a_size", size: 1, type: FLOAT },
        { name: "a_shape", size: 1, type: FLOAT },
        { name: "a_color", size: 4, type: UNSIGNED_BYTE, normalized: true },
        { name: "a_borderColor", size: 4, type: UNSIGNED_BYTE, normalized: true },
        { name: "a_id", size: 4, type: UNSIGNED_BYTE, normalized: true },
      ],
      CONSTANT_ATTRIBUTES: [{ name: "a_angle", size: 1, type: FLOAT }],
      CONSTANT_DATA: [[0], [(2 * Math.PI) / 3], [(4 * Math.PI) / 3]],
    };
  }

  processVisibleItem(nodeIndex, startIndex, data) {
    const array = this.array;
    array[startIndex++] = data.x;
    array[startIndex++] = data.y;
    array[startIndex++] = data.size;
    array[startIndex++] = data.shape || 0;
    array[startIndex++] = floatColor(data.color);
    array[startIndex++] = floatColor(data.borderColor || data.color);
    array[startIndex++] = nodeIndex;
  }

  setUniforms(params, { gl, uniformLocations }) {
    gl.uniform1f(uniformLocations.u_correctionRatio, params.correctionRatio);
    gl.uniform1f(uniformLocations.u_sizeRatio, params.sizeRatio);
    gl.uniformMatrix3fv(uniformLocations.u_matrix, false, params.matrix);
  }
}
