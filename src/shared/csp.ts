// The one Content-Security-Policy both hosts send with the renderer. No inline or eval'd
// script: pixi.js must be imported with 'pixi.js/unsafe-eval' (it ships a no-eval path).
// Styles allow inline because the HUD sets element styles; data:/blob: cover howler's
// unlock sound, pixi's worker-decoded textures and Vite's inlined small assets.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'", // 'self' covers ws:// to the same host:port (CSP 3)
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
