// Boot: pick a bridge, build the world and the HUD, then turn frames into pictures and sounds.
import 'pixi.js/unsafe-eval'; // our CSP has no 'unsafe-eval'; this makes Pixi build shaders without eval
import { SPEEDS, type Frame, type SessionStatus } from '../shared/contract';
import { chooseBridge } from './bridge/choose-bridge';
import { FrameStore, type FrameChange } from './bridge/frame-store';
import { WorldScene, type Pick } from './world/world';
import { Hud } from './hud/hud';
import { bindKeyboard } from './hud/keyboard';
import { SoundBoard } from './audio/sound-board';
import { bindAudioControls } from './audio/audio-controls';
import { StartScreen } from './screens/start-screen';
import { EndScreen } from './screens/end-screen';
import { debriefFrom } from './screens/end-debrief';
import { ModeScreens } from './screens/mode-screens';
import { installTestHooks } from './test-hooks';
import { Settings } from './hud/settings';
import { Tutorial } from './hud/tutorial';
import { KeyHelp, SettingsScreen } from './hud/overlays';
import { REGIONS } from '../sim/regions';
import { SERVICES } from '../sim/commands';

async function boot(): Promise<void> {
  // Fonts first: Pixi rasterises text once, and a fallback face would stick.
  await Promise.race([document.fonts.ready, new Promise((r) => setTimeout(r, 1500))]);
  await Promise.all(['500 12px "IBM Plex Mono"', '600 12px "IBM Plex Sans Condensed"', '400 12px "IBM Plex Mono"'].map((f) => document.fonts.load(f).catch(() => undefined)));

  const chosen = chooseBridge();
  const bridge = chosen.bridge;
  const store = new FrameStore();
  // Listen before anything async: the host sends the full frame right after we subscribe,
  // and every later frame is a delta against it.
  let pending: FrameChange | null = null;
  let requestFlush = () => {};
  bridge.onFrame((f: Frame) => {
    const change = store.apply(f);
    pending = pending ? mergeChanges(pending, change) : change;
    requestFlush();
  });
  const world = new WorldScene();
  await world.init(document.getElementById('world-host')!);
  const hud = new Hud(bridge);
  const sound = new SoundBoard();
  const audio = bindAudioControls(sound);
  const settings = new Settings();
  settings.onChange(() => world.setReducedMotion(settings.reducedMotion));
  const keyHelp = new KeyHelp();
  const settingsScreen = new SettingsScreen(settings, sound.settings);
  document.getElementById('help-button')!.addEventListener('click', () => keyHelp.toggle());
  document.getElementById('settings-button')!.addEventListener('click', () => settingsScreen.toggle());
  const start = new StartScreen(bridge, chosen.role);
  const end = new EndScreen(debriefFrom(bridge));
  const hooks = installTestHooks({ world, store, sound, ws: chosen.ws, role: chosen.role, history: () => hud.history.samples });
  const frame = () => {
    world.setFreeRect(hud.freeRect(), true);
    world.setAvoid(hud.avoidRects());
    hooks.recordLayout();
  };
  const modes = new ModeScreens({
    chosen,
    hud,
    showStart: () => start.show(),
    hideStart: () => start.hide(),
    hideEnd: () => end.hide(),
    cue: (c) => sound.play(c),
    onLayout: () => requestAnimationFrame(frame),
  });

  // A panel over the map that comes, goes or changes size (a drill's message banner, the orders
  // list, the banner moved by it): region labels move off it at the next refresh.
  let avoidQueued = false;
  const avoidWatch = new ResizeObserver(() => {
    if (avoidQueued) return;
    avoidQueued = true;
    requestAnimationFrame(() => {
      avoidQueued = false;
      world.setAvoid(hud.avoidRects());
    });
  });
  for (const id of Hud.OVER_MAP) {
    const el = document.getElementById(id);
    if (el) avoidWatch.observe(el);
  }

  frame();
  settings.onChange(() => requestAnimationFrame(frame)); // text size moves the legend
  let resizeTimer = 0;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(frame, 120);
  });

  const tutorial = new Tutorial({
    openTab: (tab) => hud.actions.open(tab, false),
    locate: (pick) => world.screenOf(pick),
    pause: async () => {
      if (store.status?.paused) return false;
      const r = await bridge.control({ action: 'pause' });
      return r.ok;
    },
  });
  keyHelp.onTour = () => tutorial.start();

  // Picking on the map opens the info panel beside the place.
  const select = (pick: Pick) => {
    world.select(pick, store.view);
    hud.info.show(pick, store.view, world.screenOf(pick)?.x);
    tutorial.notePick(pick);
  };
  world.onPick = select;
  hud.info.onClose = () => select(null);

  hud.actions.onResult = (ok, command) => {
    sound.play(ok ? 'confirm' : 'error');
    if (ok) tutorial.noteCommand(command.type);
  };
  hud.orders.onCancelled = (ok, command) => {
    sound.play(ok ? 'confirm' : 'error');
    // Only a mega order called back is the tour's "withdraw" try; a cancelled throttle is not.
    if (ok) tutorial.noteCommand(command.type);
  };
  start.onStarted = () => {
    tutorial.abort(); // a new shift is graded: no tour practice in it
    sound.start();
    hud.actions.clearAll();
    end.hide();
    endShownFor = '';
  };

  end.onPlayAgain = () => start.show();
  start.onBack = () => end.hide();
  // A trainee's screen joins what the host runs: on load (or F5) a shift under way is shown as
  // it is, with its history; a host that restarted is said so, with its recovery offer.
  let joined = false;
  const joinOrStart = (change: FrameChange, status: SessionStatus, minute: number) => {
    start.update(status, minute, store.mode?.mode ?? 'free');
    if (change.hostRestarted) {
      end.hide();
      start.show();
      start.say('The host was restarted, so the shift on this screen stopped. If it can go on, it is offered below under "Unfinished game found"; or start a new one.');
    } else if (!joined && change.full) {
      joined = true;
      if (start.shiftRunning && store.mode?.mode !== 'drill') start.hide();
    }
  };

  // Frames can arrive faster than the screen refreshes: merge what changed, draw once per frame.
  let endShownFor = '';
  let fullFrames = 0;
  const flush = () => {
    const change = pending;
    pending = null;
    const view = store.view, status = store.status;
    if (!change || !view || !status) return;
    // A full frame after the first is a new game, a host restart or a reconnect: the shift the tour
    // paused and practised in is gone, so the tour ends (practice off), as it does when the game ends.
    if (change.full) fullFrames++;
    if ((tutorial.running && status.ended) || change.newGame || change.hostRestarted || (change.full && fullFrames > 1)) tutorial.abort();
    const t0 = performance.now();
    world.apply(view, change);
    // The orders list came or went (or grew): region labels move off it.
    if (hud.update(view, status, change, world.stats().perDot)) world.setAvoid(hud.avoidRects());
    hooks.recordApply(performance.now() - t0);
    sound.events(change.events);
    sound.setLoad(view.metrics.supernodeLoad, view.phase === 'collapse');
    modes.update(store.mode, status, view, change);
    tutorial.update(view, modes.role === 'trainee' && (store.mode?.mode ?? 'free') === 'free' && !start.visible);
    if (modes.role === 'trainee') joinOrStart(change, status, view.minute);
    if (start.visible) start.updateRecovery(store.mode?.recoverable);
    const gameKey = `${status.scenarioId}:${status.seed}`;
    if (change.newGame) endShownFor = '';
    if (status.ended && endShownFor !== gameKey && !start.visible && !modes.ownsEnding && modes.role === 'trainee') {
      endShownFor = gameKey;
      hud.actions.clearAll(); // a refusal from the shift means nothing on the end screen
      end.show(view, hud.history);
    }
    end.debriefing(store.mode?.debriefing ?? null);
    hooks.recordShown(view, status, store.mode);
  };
  let flushQueued = false;
  requestFlush = () => {
    if (flushQueued) return;
    flushQueued = true;
    requestAnimationFrame(() => {
      flushQueued = false;
      flush();
    });
  };
  requestFlush();

  // In check mode the trainee's clock keys do nothing but say why.
  const locked = (): boolean => {
    const why = modes.clockLock;
    if (why) {
      const el = document.getElementById('action-status')!;
      el.className = 'action-status';
      el.textContent = `✗ ${why}`;
    }
    return !!why;
  };
  const speedStep = (dir: 1 | -1) => {
    if (locked()) return;
    const cur = store.status?.speed ?? 60;
    const list = [...SPEEDS];
    const i = list.findIndex((s) => s >= cur);
    const next = list[Math.max(0, Math.min(list.length - 1, (i < 0 ? list.length - 1 : i) + dir))];
    void bridge.control({ action: 'setSpeed', speed: next });
  };
  const togglePause = () => {
    if (locked()) return;
    void bridge.control({ action: store.status?.paused ? 'resume' : 'pause' }).then((r) => {
      if (!r.ok) document.getElementById('action-status')!.textContent = `✗ ${r.error.message}`;
    });
  };
  document.getElementById('pause-button')!.addEventListener('click', togglePause);
  document.getElementById('speed-up')!.addEventListener('click', () => speedStep(1));
  document.getElementById('speed-down')!.addEventListener('click', () => speedStep(-1));
  const overlayOpen = () => keyHelp.visible || settingsScreen.visible;
  let serviceIndex = -1;
  bindKeyboard({
    openTab: (tab) => {
      if (modes.role === 'trainee') hud.actions.open(tab); // the console has injects, not orders
    },
    togglePause,
    faster: () => speedStep(1),
    slower: () => speedStep(-1),
    toggleMute: audio.toggleMute,
    escape: () => {
      if (overlayOpen()) {
        keyHelp.hide();
        settingsScreen.hide();
      } else select(null);
    },
    enabled: () => !start.visible && !end.visible && !modes.cardOpen && !overlayOpen(),
    keysOff: () => settings.value.keysOff,
    selectRegion: (i) => select({ kind: 'region', id: REGIONS[i].id }),
    nextService: () => {
      serviceIndex = (serviceIndex + 1) % SERVICES.length;
      select({ kind: 'service', id: SERVICES[serviceIndex] });
    },
    pan: (dx, dy) => world.panBy(dx, dy),
    zoom: (f) => world.zoomBy(f),
    home: () => world.home(),
    help: () => {
      settingsScreen.hide();
      keyHelp.toggle();
    },
    settings: () => {
      keyHelp.hide();
      settingsScreen.toggle();
    },
  });
  // The instructor's start is the console's drill panel; the trainee's is the start screen.
  if (modes.role === 'trainee') start.show();
  else start.hide();
  hooks.ready();
}

function mergeChanges(a: FrameChange, b: FrameChange): FrameChange {
  for (const r of b.regions) a.regions.add(r);
  for (const p of b.parts) a.parts.add(p);
  // A history replaces what came before it, so the events that came with earlier frames go.
  const events = b.history ? b.events : [...a.events, ...b.events];
  // Events that came after a history join it, or the pager (which starts from the history) would drop them.
  const history = b.history ?? (a.history && b.events.length ? { ...a.history, events: [...a.history.events, ...b.events] } : a.history);
  return { full: a.full || b.full, newGame: a.newGame || b.newGame, regions: a.regions, parts: a.parts, events, mode: a.mode || b.mode, history, samples: b.history ? b.samples : [...a.samples, ...b.samples], hostRestarted: a.hostRestarted || b.hostRestarted };
}

boot().catch((e) => {
  console.error('[boot] failed', e);
  const p = document.createElement('pre');
  p.id = 'boot-error';
  p.textContent = `Supernode Storm could not start: ${(e as Error).message}\nCheck that WebGL is available, then reload.`;
  document.body.append(p);
});
