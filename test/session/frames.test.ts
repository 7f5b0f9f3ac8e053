// Frames: the first is full, later ones carry only what moved, and all stay small.
import { describe, expect, it } from 'vitest';
import type { Frame } from '../../src/shared/contract';
import type { SimView } from '../../src/sim/view-types';
import { SimSession } from '../../src/main/session/sim-session';
import { FrameStore } from '../../src/renderer/bridge/frame-store';

const MAX_FRAME_BYTES = 64 * 1024;
const bytes = (f: Frame) => Buffer.byteLength(JSON.stringify({ kind: 'frame', frame: f }));

/** A screen's copy of the view: the renderer's own FrameStore, fed `frames`. */
function screenOf(...frames: Frame[]): FrameStore {
  const store = new FrameStore();
  for (const f of frames) store.apply(f);
  return store;
}

describe('FrameProducer via SimSession', () => {
  it('sends a full first frame, then only the parts that changed', () => {
    const s = new SimSession({ seed: 4, paused: true });
    const first = s.nextFrame()!;
    expect(first.full).toBe(true);
    expect(Object.keys(first.view).sort()).toEqual(Object.keys(s.view()).sort());
    expect(s.nextFrame()).toBeNull(); // nothing moved, nothing sent

    const screen = screenOf(first);
    for (let i = 0; i < 20; i++) {
      const prev = structuredClone(screen.view!);
      s.step(1);
      const f = s.nextFrame()!;
      expect(f.full).toBe(false);
      expect(f.seq).toBe(first.seq + i + 1);
      for (const [key, value] of Object.entries(f.view)) {
        if (key === 'regions' || key === 'services' || key === 'metrics') continue;
        expect(JSON.stringify(value), `${key} was sent though unchanged`).not.toBe(JSON.stringify(prev[key as keyof SimView]));
      }
      // Regions, services and metrics carry only the fields that moved.
      const moved = (before: object | undefined, delta: object) => {
        for (const [k, v] of Object.entries(delta)) if (k !== 'id') expect(JSON.stringify(v), `${k} was sent though unchanged`).not.toBe(JSON.stringify((before as Record<string, unknown>)[k]));
      };
      for (const r of f.view.regions ?? []) moved(prev.regions.find((p) => p.id === r.id), r);
      for (const x of f.view.services ?? []) moved(prev.services.find((p) => p.id === x.id), x);
      if (f.view.metrics) moved(prev.metrics, f.view.metrics);
      expect(f.view.tick).toBe(s.view().tick); // the clock always moves
      screen.apply(f);
      expect(screen.view).toEqual(s.view()); // merging deltas rebuilds the exact view
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
    const early = screenOf(s.nextFrame()!);
    s.step(30);
    early.apply(s.nextFrame()!);
    s.step(1); // not yet sent: the full frame must not include it, the next delta will
    const late = s.fullFrame();
    expect(late.full).toBe(true);
    expect(late.view).toEqual(early.view);
    const delta = s.nextFrame()!;
    expect(screenOf(late, delta).view).toEqual(s.view());
    early.apply(delta);
    expect(early.view).toEqual(s.view());
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
