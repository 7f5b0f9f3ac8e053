// Makes the WebGL2 context Pixi draws into. On a software rasterizer (SwiftShader, llvmpipe:
// CI, headless tests, machines without a GPU) Pixi's batch shader, which branches over every
// texture slot for every pixel, tripled our frame time; there we cap the slots at 4 and skip
// MSAA. Real GPUs get Pixi's defaults.
export interface GlSetup {
  canvas: HTMLCanvasElement;
  context: WebGL2RenderingContext | null; // null: let Pixi create one (or fail with its own message)
  software: boolean;
  renderer: string;
}

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software/i;
const MAX_SLOTS_SOFTWARE = 4;

export function createGlContext(): GlSetup {
  const canvas = document.createElement('canvas');
  const attrs: WebGLContextAttributes = { alpha: false, premultipliedAlpha: true, antialias: false, stencil: true, preserveDrawingBuffer: true };
  const probe = canvas.getContext('webgl2', attrs);
  if (!probe) return { canvas: document.createElement('canvas'), context: null, software: false, renderer: 'unknown' };
  const info = probe.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(info ? probe.getParameter(info.UNMASKED_RENDERER_WEBGL) : probe.getParameter(probe.RENDERER));
  const software = SOFTWARE.test(renderer);
  if (!software) {
    // Antialiasing is fixed at creation: start again on a fresh canvas with it on.
    const fresh = document.createElement('canvas');
    return { canvas: fresh, context: fresh.getContext('webgl2', { ...attrs, antialias: true }), software, renderer };
  }
  const gl = probe;
  const get = gl.getParameter.bind(gl);
  // Shadow on this one context only: Pixi sizes its batch shaders from this number.
  gl.getParameter = ((p: GLenum) => (p === gl.MAX_TEXTURE_IMAGE_UNITS ? Math.min(MAX_SLOTS_SOFTWARE, get(p) as number) : get(p))) as typeof gl.getParameter;
  return { canvas, context: gl, software, renderer };
}
