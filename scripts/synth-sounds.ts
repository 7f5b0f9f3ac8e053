// Synthesises the game's sounds as 22.05 kHz mono 16-bit WAV files into assets/sounds/.
// Pure TypeScript, no samples from anywhere: run `npx tsx scripts/synth-sounds.ts`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RATE = 22050;
const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'sounds');

/** Deterministic noise so the files are byte-identical on every run. */
function noiseSource(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s / 4294967296) * 2 - 1;
  };
}

function buffer(seconds: number): Float32Array {
  return new Float32Array(Math.round(seconds * RATE));
}

/** Attack-decay envelope in seconds, 0..1. */
function env(t: number, attack: number, length: number, curve = 2): number {
  if (t < 0 || t > length) return 0;
  if (t < attack) return t / attack;
  return Math.pow(1 - (t - attack) / (length - attack), curve);
}

/** A soft-cornered square: odd harmonics up to the 7th, so it beeps without aliasing. */
function softSquare(phase: number): number {
  let v = 0;
  for (let k = 1; k <= 7; k += 2) v += Math.sin(phase * k) / k;
  return v * 0.8;
}

/** Two cascaded one-pole low-passes: a gentle 12 dB/octave roll-off, so noise rumbles, not hisses. */
function darkNoise(seed: number, length: number, k: number): Float32Array {
  const rnd = noiseSource(seed);
  const out = new Float32Array(length);
  let a = 0, b = 0;
  for (let i = 0; i < length; i++) {
    a += k * (rnd() - a);
    b += k * (a - b);
    out[i] = b;
  }
  return out;
}

function pager(): Float32Array {
  // Three two-tone chirps, like a 1990s alphanumeric pager. Each tone has its own short
  // envelope, so switching pitch never clicks.
  const b = buffer(0.95);
  const notes: [number, number][] = [];
  for (const start of [0, 0.3, 0.6]) notes.push([start, 2093], [start + 0.11, 1661]); // C7, G#6
  for (let i = 0; i < b.length; i++) {
    const t = i / RATE;
    let v = 0;
    for (const [start, f] of notes) {
      const u = t - start;
      if (u < 0 || u > 0.1) continue;
      const e = Math.min(1, u / 0.005, (0.1 - u) / 0.012);
      v += softSquare(2 * Math.PI * f * u) * e;
    }
    b[i] = v * 0.35;
  }
  return b;
}

function hum(): Float32Array {
  // Two seconds of server-room hum that loops seamlessly: 55 Hz fits 110 whole cycles,
  // the 0.5 Hz swell one whole cycle, and the fan noise is crossfaded end into start.
  const seconds = 2;
  const b = buffer(seconds);
  const fan = darkNoise(7, b.length + RATE / 4, 0.025);
  const fade = RATE / 4;
  for (let i = 0; i < b.length; i++) {
    const t = i / RATE;
    const swell = 0.85 + 0.15 * Math.sin(2 * Math.PI * 0.5 * t);
    const tone = 0.55 * Math.sin(2 * Math.PI * 55 * t) + 0.3 * Math.sin(2 * Math.PI * 110 * t) + 0.12 * Math.sin(2 * Math.PI * 165 * t) + 0.06 * Math.sin(2 * Math.PI * 220 * t + 1);
    // Crossfade the noise tail over the head so sample N-1 flows into sample 0.
    const n = i < fade ? fan[i] * (i / fade) + fan[b.length + i] * (1 - i / fade) : fan[i];
    b[i] = (tone * swell * 0.5 + n * 6) * 0.6;
  }
  return b;
}

function confirm(): Float32Array {
  const b = buffer(0.22);
  for (let i = 0; i < b.length; i++) {
    const t = i / RATE;
    const f = t < 0.07 ? 880 : 1318.5; // A5 then E6: a rising "done"
    const u = t < 0.07 ? t : t - 0.07;
    b[i] = (Math.sin(2 * Math.PI * f * t) + 0.3 * Math.sin(4 * Math.PI * f * t)) * env(u, 0.003, t < 0.07 ? 0.07 : 0.15, 1.5) * 0.4;
  }
  return b;
}

function collapse(): Float32Array {
  // A power-down: a falling tone over a widening rumble, then a last thud.
  const len = 2.6;
  const b = buffer(len);
  const noise = darkNoise(2010, b.length, 0.04);
  let phase = 0;
  for (let i = 0; i < b.length; i++) {
    const t = i / RATE;
    const f = 420 * Math.pow(0.06, t / len);
    phase += (2 * Math.PI * f) / RATE;
    const fall = softSquare(phase) * 0.5 * env(t, 0.02, len, 1.2);
    const rumble = noise[i] * 14 * env(t, 0.4, len, 1.5);
    const thud = t > 1.9 ? Math.sin(2 * Math.PI * 48 * (t - 1.9)) * env(t - 1.9, 0.005, 0.7, 3) : 0;
    b[i] = Math.tanh((fall + rumble + thud * 0.9) * 1.2) * 0.6;
  }
  return b;
}

function recovery(): Float32Array {
  // Four bell notes rising, C5 E5 G5 C6, each with a slightly inharmonic partial.
  const notes = [523.25, 659.25, 783.99, 1046.5];
  const b = buffer(1.6);
  for (let i = 0; i < b.length; i++) {
    const t = i / RATE;
    let v = 0;
    notes.forEach((f, k) => {
      const u = t - k * 0.13;
      if (u < 0) return;
      const e = env(u, 0.005, 1.6 - k * 0.13, 2.5);
      v += (Math.sin(2 * Math.PI * f * u) + 0.35 * Math.sin(2 * Math.PI * f * 2.76 * u) * Math.exp(-u * 6)) * e;
    });
    b[i] = v * 0.2;
  }
  return b;
}

function error(): Float32Array {
  const b = buffer(0.36);
  for (let i = 0; i < b.length; i++) {
    const t = i / RATE;
    const u = t % 0.18;
    b[i] = softSquare(2 * Math.PI * 155 * t) * env(u, 0.004, 0.14, 0.8) * 0.45;
  }
  return b;
}

function wav(samples: Float32Array): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  let peak = 0;
  for (const s of samples) peak = Math.max(peak, Math.abs(s));
  const gain = peak > 0.95 ? 0.95 / peak : 1;
  for (let i = 0; i < samples.length; i++) data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, samples[i] * gain)) * 32767), i * 2);
  const h = Buffer.alloc(44);
  h.write('RIFF', 0);
  h.writeUInt32LE(36 + data.length, 4);
  h.write('WAVE', 8);
  h.write('fmt ', 12);
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(1, 22); // mono
  h.writeUInt32LE(RATE, 24);
  h.writeUInt32LE(RATE * 2, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36);
  h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}

const SOUNDS: Record<string, () => Float32Array> = { pager, hum, confirm, collapse, recovery, error };

mkdirSync(OUT, { recursive: true });
for (const [name, make] of Object.entries(SOUNDS)) {
  const file = join(OUT, `${name}.wav`);
  const bytes = wav(make());
  writeFileSync(file, bytes);
  console.log(`${name}.wav  ${(bytes.length / 1024).toFixed(1)} KiB`);
}
