// Type for the map's screen-space labels: condensed sans for names, mono for figures
// (fonts shipped in assets/fonts). Sizes are CSS pixels; labels do not scale with zoom.
import { TextStyle } from 'pixi.js';

export const SANS = '"IBM Plex Sans Condensed", "Liberation Sans Narrow", sans-serif';
export const MONO = '"IBM Plex Mono", "DejaVu Sans Mono", monospace';

const shadow = { color: 0x000000, alpha: 0.9, blur: 3, distance: 0, angle: 0 };

export const nameStyle = (size = 11, fill = 0xc6d6ea) =>
  new TextStyle({ fontFamily: SANS, fontSize: size, fontWeight: '600', letterSpacing: 2, fill, dropShadow: shadow });

export const figureStyle = (size = 10, fill = 0x8aa3c0) => new TextStyle({ fontFamily: MONO, fontSize: size, fill, dropShadow: shadow });
