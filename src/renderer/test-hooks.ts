// window.__storm: read-only hooks for end-to-end tests and the render bench. Nothing here
// changes the game; it only exposes timings and what the scene is showing.
import { UPDATE_PRIORITY } from 'pixi.js';
import type { FrameStore } from './bridge/frame-store';
import type { WsBridgeStats } from './bridge/ws-bridge';
import type { SoundBoard } from './audio/sound-board';
import type { WorldScene } from './world/world';
import type { StormHooks } from './test-hooks-types';
import type { ModeFrame, Role } from '../shared/drill-contract';
import type { SessionStatus } from '../shared/contract';
import type { SimView } from '../sim/view-types';

export function installTestHooks(deps: { world: WorldScene; store: FrameStore; sound: SoundBoard; ws?: { stats: WsBridgeStats }; role: Role; history?: () => readonly { minute: number }[] }) {
  // What the screen last drew. The store runs ahead of it: a frame that arrives between two
  // screen refreshes is in the store at once but on screen only at the next refresh, so a test
  // that read the store and then the page could see two moments (on a busy machine, often).
  let shown: { view: SimView | null; status: SessionStatus | null; mode: ModeFrame | null } = { view: null, status: null, mode: null };
  let laidOut = { width: 0, height: 0, tick: -1 };
  const hooks: StormHooks = {
    isReady: false,
    applied: 0,
    applyMs: [],
    mapTicks: 0,
    stats: () => deps.world.stats(),
    mapText: () => deps.world.mapText(),
    placeOnScreen: (lon, lat) => deps.world.placeOnScreen(lon, lat),
    view: () => shown.view,
    status: () => shown.status,
    mode: () => shown.mode,
    layout: () => ({ ...laidOut }),
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
  // Counted after the scene's own tick and Pixi's render (UTILITY runs last): a count past the
  // one read after a pan, zoom or layout means the map has placed its labels and drawn since.
  deps.world.app.ticker.add(() => void hooks.mapTicks++, undefined, UPDATE_PRIORITY.UTILITY);
  window.__storm = hooks;
  return {
    recordApply(ms: number) {
      hooks.applied++;
      hooks.applyMs.push(ms);
      if (hooks.applyMs.length > 5000) hooks.applyMs.shift();
    },
    /** The frame just drawn. The store changes its view in place, so keep a shallow copy (regions and services are replaced, not changed, by each frame). */
    recordShown(view: SimView, status: SessionStatus, mode: ModeFrame | null) {
      shown = { view: { ...view, regions: [...view.regions], services: [...view.services] }, status, mode };
    },
    /** The map was framed for the window's current size. */
    recordLayout() {
      laidOut = { width: window.innerWidth, height: window.innerHeight, tick: hooks.mapTicks };
    },
    ready() {
      hooks.isReady = true;
    },
  };
}
