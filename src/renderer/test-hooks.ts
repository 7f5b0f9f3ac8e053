// window.__storm: read-only hooks for end-to-end tests and the render bench. Nothing here
// changes the game; it only exposes timings and what the scene is showing.
import type { FrameStore } from './bridge/frame-store';
import type { WsBridgeStats } from './bridge/ws-bridge';
import type { SoundBoard } from './audio/sound-board';
import type { WorldScene } from './world/world';
import type { StormHooks } from './test-hooks-types';
import type { Role } from '../shared/drill-contract';

export function installTestHooks(deps: { world: WorldScene; store: FrameStore; sound: SoundBoard; ws?: { stats: WsBridgeStats }; role: Role; history?: () => readonly { minute: number }[] }) {
  const hooks: StormHooks = {
    isReady: false,
    applied: 0,
    applyMs: [],
    stats: () => deps.world.stats(),
    mapText: () => deps.world.mapText(),
    view: () => deps.store.view,
    status: () => deps.store.status,
    mode: () => deps.store.mode,
    role: () => deps.role,
    historyMinutes: () => (deps.history?.() ?? []).map((s) => s.minute),
    sounds: () => [...deps.sound.played],
    wire: () => (deps.ws ? { ...deps.ws.stats } : null),
    gl: () => ({ ...deps.world.glInfo }),
    pixelAt: (x, y) => {
      // Reads the WebGL canvas (preserveDrawingBuffer is on) through a 2D copy.
      const src = deps.world.app.canvas;
      const c = document.createElement('canvas');
      c.width = 1;
      c.height = 1;
      const ctx = c.getContext('2d')!;
      const r = deps.world.app.renderer.resolution;
      ctx.drawImage(src, x * r, y * r, 1, 1, 0, 0, 1, 1);
      return Array.from(ctx.getImageData(0, 0, 1, 1).data);
    },
  };
  window.__storm = hooks;
  return {
    recordApply(ms: number) {
      hooks.applied++;
      hooks.applyMs.push(ms);
      if (hooks.applyMs.length > 5000) hooks.applyMs.shift();
    },
    ready() {
      hooks.isReady = true;
    },
  };
}
