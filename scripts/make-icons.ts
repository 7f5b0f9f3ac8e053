// Draws the app icon and the .skyreplay document icon into build/ (electron-builder's build
// resources): PNGs for Linux, .ico for Windows, .icns for macOS. Pure TypeScript, nothing
// fetched, byte-identical on every run: `npm run icons`.
// The app icon is a mega-supernode (the big hexagon of the map) holding a ring of ordinary
// supernodes through a storm; the document icon is a page with the hexagon and a play mark.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { moduleDir } from '../src/main/resources';

const OUT = join(moduleDir(import.meta.url), '..', 'build');
type Rgba = [number, number, number, number];
/** Coverage 0..1 of a shape at (x, y) in unit coordinates (0..1 across the icon). */
type Shape = (x: number, y: number) => boolean;

const NAVY: Rgba = [11, 16, 32, 255]; // the game window's background, #0b1020
const CYAN: Rgba = [86, 214, 255, 255];
const AMBER: Rgba = [255, 190, 70, 255];
const PAPER: Rgba = [228, 236, 248, 255];

function roundedSquare(inset: number, radius: number): Shape {
  return (x, y) => {
    const dx = Math.max(Math.abs(x - 0.5) - (0.5 - inset - radius), 0);
    const dy = Math.max(Math.abs(y - 0.5) - (0.5 - inset - radius), 0);
    return dx * dx + dy * dy <= radius * radius;
  };
}

function hexagon(cx: number, cy: number, r: number): Shape {
  return (x, y) => {
    const dx = Math.abs(x - cx);
    const dy = Math.abs(y - cy);
    return dy <= r * 0.866 && dx * 0.866 + dy * 0.5 <= r * 0.866;
  };
}

const disc = (cx: number, cy: number, r: number): Shape => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

function segment(ax: number, ay: number, bx: number, by: number, w: number): Shape {
  return (x, y) => {
    const vx = bx - ax, vy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
    return (x - ax - t * vx) ** 2 + (y - ay - t * vy) ** 2 <= (w / 2) ** 2;
  };
}

function triangle(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): Shape {
  const side = (px: number, py: number, qx: number, qy: number, x: number, y: number) => (qx - px) * (y - py) - (qy - py) * (x - px);
  return (x, y) => {
    const a = side(ax, ay, bx, by, x, y), b = side(bx, by, cx, cy, x, y), c = side(cx, cy, ax, ay, x, y);
    return (a >= 0 && b >= 0 && c >= 0) || (a <= 0 && b <= 0 && c <= 0);
  };
}

const not = (s: Shape): Shape => (x, y) => !s(x, y);
const and = (a: Shape, b: Shape): Shape => (x, y) => a(x, y) && b(x, y);

/** Paints layers back to front with 4x4 supersampling, so edges are smooth at every size. */
function paint(size: number, layers: [Shape, Rgba][]): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const n = 4;
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sj = 0; sj < n; sj++) {
        for (let si = 0; si < n; si++) {
          const x = (i + (si + 0.5) / n) / size, y = (j + (sj + 0.5) / n) / size;
          let c: Rgba = [0, 0, 0, 0];
          for (const [shape, colour] of layers) if (shape(x, y)) c = colour;
          const alpha = c[3] / 255;
          r += c[0] * alpha; g += c[1] * alpha; b += c[2] * alpha; a += alpha;
        }
      }
      const o = (j * size + i) * 4;
      px[o] = a ? Math.round(r / a) : 0;
      px[o + 1] = a ? Math.round(g / a) : 0;
      px[o + 2] = a ? Math.round(b / a) : 0;
      px[o + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return px;
}

function appIcon(): [Shape, Rgba][] {
  const layers: [Shape, Rgba][] = [[roundedSquare(0.04, 0.18), NAVY]];
  const ring = Array.from({ length: 6 }, (_, k) => [0.5 + 0.3 * Math.cos((k * Math.PI) / 3 + 0.5), 0.5 + 0.3 * Math.sin((k * Math.PI) / 3 + 0.5)] as const);
  for (const [x, y] of ring) layers.push([segment(0.5, 0.5, x, y, 0.025), CYAN]);
  // Three supernodes lit amber: the ones the storm has knocked over.
  ring.forEach(([x, y], k) => layers.push([disc(x, y, 0.065), k % 2 ? AMBER : CYAN]));
  layers.push([hexagon(0.5, 0.5, 0.17), CYAN], [hexagon(0.5, 0.5, 0.1), NAVY]);
  return layers;
}

function replayIcon(): [Shape, Rgba][] {
  const page = and(roundedSquare(0.0, 0.04), (x) => x >= 0.16 && x <= 0.84);
  const fold = triangle(0.62, 0.0, 0.84, 0.0, 0.84, 0.22);
  return [
    [and(page, not(fold)), PAPER],
    [triangle(0.62, 0.0, 0.62, 0.22, 0.84, 0.22), [180, 192, 210, 255]],
    [hexagon(0.5, 0.52, 0.24), NAVY],
    [triangle(0.43, 0.41, 0.43, 0.63, 0.61, 0.52), CYAN],
    [and((x, y) => y >= 0.82 && y <= 0.86, (x) => x >= 0.26 && x <= 0.74), AMBER],
  ];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(size: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) raw.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', new Uint8Array())]);
}

/** Windows .ico holding PNG images (Vista and later read them; 256 is written as 0). */
function ico(images: Map<number, Buffer>): Buffer {
  const sizes = [16, 24, 32, 48, 64, 128, 256].filter((s) => images.has(s));
  const head = Buffer.alloc(6 + 16 * sizes.length);
  head.writeUInt16LE(1, 2);
  head.writeUInt16LE(sizes.length, 4);
  let offset = head.length;
  sizes.forEach((s, k) => {
    const e = 6 + 16 * k;
    head[e] = s % 256;
    head[e + 1] = s % 256;
    head.writeUInt16LE(1, e + 4);
    head.writeUInt16LE(32, e + 6);
    head.writeUInt32LE(images.get(s)!.length, e + 8);
    head.writeUInt32LE(offset, e + 12);
    offset += images.get(s)!.length;
  });
  return Buffer.concat([head, ...sizes.map((s) => images.get(s)!)]);
}

/** macOS .icns with PNG payloads: icp4 16, icp5 32, icp6 64, ic07 128, ic08 256, ic09 512, ic10 1024. */
function icns(images: Map<number, Buffer>): Buffer {
  const types: [string, number][] = [['icp4', 16], ['icp5', 32], ['icp6', 64], ['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024]];
  const parts = types.filter(([, s]) => images.has(s)).map(([type, s]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(images.get(s)!.length + 8, 4);
    return Buffer.concat([head, images.get(s)!]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + parts.reduce((n, p) => n + p.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

function render(layers: [Shape, Rgba][]): Map<number, Buffer> {
  return new Map(SIZES.map((s) => [s, png(s, paint(s, layers))]));
}

{
  mkdirSync(join(OUT, 'icons'), { recursive: true });
  const app = render(appIcon());
  const doc = render(replayIcon());
  writeFileSync(join(OUT, 'icon.png'), app.get(1024)!);
  writeFileSync(join(OUT, 'icon.ico'), ico(app));
  writeFileSync(join(OUT, 'icon.icns'), icns(app));
  for (const s of [16, 32, 48, 64, 128, 256, 512]) writeFileSync(join(OUT, 'icons', `${s}x${s}.png`), app.get(s)!);
  // electron-builder looks for <extension>.ico / .icns for a file association's icon.
  writeFileSync(join(OUT, 'skyreplay.png'), doc.get(512)!);
  writeFileSync(join(OUT, 'skyreplay.ico'), ico(doc));
  writeFileSync(join(OUT, 'skyreplay.icns'), icns(doc));
  console.log(`wrote ${OUT}: icon.png/.ico/.icns, icons/*.png, skyreplay.png/.ico/.icns`);
}
