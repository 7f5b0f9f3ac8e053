// Frames: the first is full, later ones carry only what moved, and all stay small.
import { describe, expect, it } from 'vitest';
import type { Frame } from '../../src/shared/contract';
import type { SimView } from '../../src/sim/view-types';
import { SimSession } from '../../src/main/session/sim-session';

const MAX_FRAME_BYTES = 64 * 1024;
const bytes = (f: Frame) => Buffer.byteLength(JSON.stringify({ kind: 'frame', frame: f }));

/** What a screen does with a frame: replace on full, merge top-level parts and regions by id. */
function applyFrame(held: SimView | null, f: Frame): SimView {
  if (f.full || !held) return structuredClone(f.view) as SimView;
  const { regions, ...rest } = f.view;
  const next = { ...held, ...structuredClone(rest) };
  if (regions) next.regions = held.regions.map((r) => structuredClone(regions.find((c) => c.id === r.id)) ?? r);
  return next;
}

describe('FrameProducer via SimSession', () => {
  it('sends a full first frame, then only the parts that changed', () => {
    const s = new SimSession({ seed: 4, paused: true });
    const first = s.nextFrame()!;
    expect(first.full).toBe(true);
    expect(Object.keys(first.view).sort()).toEqual(Object.keys(s.view()).sort());
    expect(s.nextFrame()).toBeNull(); // nothing moved, nothing sent

    let held = applyFrame(null, first);
    for (let i = 0; i < 20; i++) {
      const prev = held;
      s.step(1);
      const f = s.nextFrame()!;
      expect(f.full).toBe(false);
      expect(f.seq).toBe(first.seq + i + 1);
      for (const [key, value] of Object.entries(f.view)) {
        if (key === 'regions') continue;
        expect(JSON.stringify(value), `${key} was sent though unchanged`).not.toBe(JSON.stringify(prev[key as keyof SimView]));
      }
      for (const r of f.view.regions ?? [])
        expect(JSON.stringify(r)).not.toBe(JSON.stringify(prev.regions.find((p) => p.id === r.id)));
      expect(f.view.tick).toBe(s.view().tick); // the clock always moves
      held = applyFrame(held, f);
      expect(held).toEqual(s.view()); // merging deltas rebuilds the exact view
    }
  });

  it('sends a status-only frame when only the clock controls change', () => {
    const s = new SimSession({ seed: 4, paused: true });
    s.nextFrame();
    s.setSpeed(3600);
    const f = s.nextFrame()!;
    expect(f.view).toEqual({});
    expect(f.status.speed).toBe(3600);
    expect(s.nextFrame()).toBeNull();
  });

  it('gives a re-subscribing screen exactly what the others hold', () => {
    const s = new SimSession({ seed: 8, paused: true });
    let held = applyFrame(null, s.nextFrame()!);
    s.step(30);
    held = applyFrame(held, s.nextFrame()!);
    s.step(1); // not yet sent: the full frame must not include it, the next delta will
    const late = s.fullFrame();
    expect(late.full).toBe(true);
    expect(late.view).toEqual(held);
    const delta = s.nextFrame()!;
    expect(applyFrame(applyFrame(null, late), delta)).toEqual(s.view());
    expect(applyFrame(held, delta)).toEqual(s.view());
  });

  it('starts over with a full frame after a new game', () => {
    const s = new SimSession({ scenarioId: 'dec-2010', seed: 2, paused: true });
    s.nextFrame();
    s.step(5);
    s.nextFrame();
    s.newGame('aug-2007', 3);
    const f = s.nextFrame()!;
    expect(f.full).toBe(true);
    expect(f.status.scenarioId).toBe('aug-2007');
    expect(f.view.minute).toBe(0);
  });

  it('keeps every frame under 64 KB and delivers every event once, in order', () => {
    const s = new SimSession({ scenarioId: 'dec-2010', seed: 2010, speed: 7200 });
    const direct = new SimSession({ scenarioId: 'dec-2010', seed: 2010, paused: true });
    const first = s.nextFrame()!;
    expect(bytes(first)).toBeLessThan(MAX_FRAME_BYTES);
    const events: Frame['events'] = [...first.events];
    let largest = 0;
    let deltas = 0;
    // ~12 sim-hours at 7200x in 33 ms frames, the heaviest a screen sees.
    for (let i = 0; i < 200 && !s.status.ended; i++) {
      s.advance(33);
      const f = s.nextFrame();
      if (!f) continue;
      largest = Math.max(largest, bytes(f));
      expect(f.full).toBe(false);
      expect(f.view.scenarioId).toBeUndefined(); // never changes, so never resent
      deltas++;
      events.push(...f.events);
    }
    for (let f = s.nextFrame(); f; f = s.nextFrame()) events.push(...f.events); // drain
    expect(largest).toBeLessThan(MAX_FRAME_BYTES);
    expect(deltas).toBeGreaterThan(100);
    // The same run stepped directly: the frames carried exactly its events.
    direct.step(s.minute());
    const directEvents: Frame['events'] = [];
    for (let f = direct.nextFrame(); f; f = direct.nextFrame()) directEvents.push(...f.events);
    expect(events).toEqual(directEvents);
  });
});
