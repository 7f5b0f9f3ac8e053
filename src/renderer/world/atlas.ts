// One small texture holding every sprite shape, drawn white so tints colour them. All
// particles in a ParticleContainer must share a texture source; this is that source.
import { Rectangle, Texture } from 'pixi.js';

export type Shape = 'glow' | 'dot' | 'ring' | 'hex' | 'hexHollow' | 'spark' | 'flare' | 'streak';

const CELL = 32;
const SHAPES: Shape[] = ['glow', 'dot', 'ring', 'hex', 'hexHollow', 'spark', 'flare', 'streak'];

export type Atlas = Record<Shape, Texture>;

export function buildAtlas(): Atlas {
  const canvas = document.createElement('canvas');
  canvas.width = CELL * SHAPES.length;
  canvas.height = CELL;
  const ctx = canvas.getContext('2d')!;
  SHAPES.forEach((shape, i) => drawShape(ctx, shape, i * CELL + CELL / 2, CELL / 2));
  const base = Texture.from(canvas);
  const out = {} as Atlas;
  SHAPES.forEach((shape, i) => {
    out[shape] = new Texture({ source: base.source, frame: new Rectangle(i * CELL, 0, CELL, CELL) });
  });
  return out;
}

function drawShape(ctx: CanvasRenderingContext2D, shape: Shape, cx: number, cy: number): void {
  ctx.save();
  ctx.fillStyle = '#fff';
  ctx.strokeStyle = '#fff';
  switch (shape) {
    case 'glow': {
      // A hard core inside a soft halo: reads as a light, not a blob, when many overlap.
      const g = ctx.createRadialGradient(cx, cy, 0, cx, cy, 15);
      g.addColorStop(0, 'rgba(255,255,255,1)');
      g.addColorStop(0.18, 'rgba(255,255,255,0.95)');
      g.addColorStop(0.35, 'rgba(255,255,255,0.35)');
      g.addColorStop(1, 'rgba(255,255,255,0)');
      ctx.fillStyle = g;
      ctx.fillRect(cx - 16, cy - 16, 32, 32);
      break;
    }
    case 'dot':
      ctx.beginPath();
      ctx.arc(cx, cy, 6, 0, Math.PI * 2);
      ctx.fill();
      break;
    case 'ring':
      ctx.lineWidth = 3;
      ctx.beginPath();
      ctx.arc(cx, cy, 9, 0, Math.PI * 2);
      ctx.stroke();
      break;
    case 'hex':
    case 'hexHollow': {
      ctx.beginPath();
      for (let k = 0; k < 6; k++) {
        const a = Math.PI / 6 + (k * Math.PI) / 3;
        ctx.lineTo(cx + 13 * Math.cos(a), cy + 13 * Math.sin(a));
      }
      ctx.closePath();
      if (shape === 'hex') ctx.fill();
      else {
        ctx.lineWidth = 3;
        ctx.stroke();
      }
      break;
    }
    case 'spark': {
      const g = ctx.createRadialGradient(cx, cy, 0, cx, cy, 8);
      g.addColorStop(0, 'rgba(255,255,255,1)');
      g.addColorStop(0.4, 'rgba(255,255,255,0.6)');
      g.addColorStop(1, 'rgba(255,255,255,0)');
      ctx.fillStyle = g;
      ctx.fillRect(cx - 8, cy - 8, 16, 16);
      break;
    }
    case 'streak': {
      // A comet: bright head at the right, tail fading left; rotated along its path.
      const g = ctx.createLinearGradient(cx - 15, cy, cx + 15, cy);
      g.addColorStop(0, 'rgba(255,255,255,0)');
      g.addColorStop(0.75, 'rgba(255,255,255,0.55)');
      g.addColorStop(0.92, 'rgba(255,255,255,1)');
      g.addColorStop(1, 'rgba(255,255,255,0)');
      ctx.fillStyle = g;
      ctx.beginPath();
      ctx.ellipse(cx, cy, 15, 2.2, 0, 0, Math.PI * 2);
      ctx.fill();
      break;
    }
    case 'flare': {
      // Four-point star for a supernode blinking out.
      const g = ctx.createRadialGradient(cx, cy, 0, cx, cy, 16);
      g.addColorStop(0, 'rgba(255,255,255,1)');
      g.addColorStop(0.25, 'rgba(255,255,255,0.5)');
      g.addColorStop(1, 'rgba(255,255,255,0)');
      ctx.fillStyle = g;
      ctx.beginPath();
      ctx.moveTo(cx, cy - 16);
      ctx.quadraticCurveTo(cx, cy, cx + 16, cy);
      ctx.quadraticCurveTo(cx, cy, cx, cy + 16);
      ctx.quadraticCurveTo(cx, cy, cx - 16, cy);
      ctx.quadraticCurveTo(cx, cy, cx, cy - 16);
      ctx.fill();
      break;
    }
  }
  ctx.restore();
}
