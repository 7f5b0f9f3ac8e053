// The shape of window.__storm, with no runtime imports, so tests and the bench (compiled as
// Node code) can type their page.evaluate calls against it.
import type { SessionStatus } from '../shared/contract';
import type { SimView } from '../sim/view-types';
import type { ModeFrame, Role } from '../shared/drill-contract';

/** What the world scene is showing right now, in sprites. */
export interface SceneStats {
  dots: number;
  serving: number;
  hot: number;
  warming: number;
  down: number;
  megaHexes: number;
  megaPendingHexes: number;
  sparks: number;
  flashes: number;
  perDot: number;
}

export interface MapText {
  kind: 'region' | 'service';
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** A region label's anchor (screen pixels): where on the map it names; the label is placed near it. */
  anchor?: { x: number; y: number };
}

export interface WireStats {
  framesReceived: number;
  lastFrameBytes: number;
  maxFrameBytes: number;
  connected: boolean;
}

export interface StormHooks {
  isReady: boolean;
  applied: number;
  /** JS milliseconds spent applying each merged frame to scene and HUD, newest last. */
  applyMs: number[];
  /** Ticks of the map's ticker, counted after it placed its labels and drew. */
  mapTicks: number;
  stats(): SceneStats;
  /** What is written on the map, in screen pixels: each region's label and each service's name. */
  mapText(): MapText[];
  /** Where a place (longitude, latitude in degrees) is drawn on the map now, in screen pixels. */
  placeOnScreen(lon: number, lat: number): { x: number; y: number };
  /** The view, status and mode the screen last drew (what the HUD shows), not a frame still waiting for the next refresh. */
  view(): SimView | null;
  status(): SessionStatus | null;
  /** Drill / replay state of the frame last drawn (null in free play). */
  mode(): ModeFrame | null;
  /** The window size the map was last framed for, and `mapTicks` then: a later tick has drawn it. */
  layout(): { width: number; height: number; tick: number };
  /** Who this screen is: the instructor's console or a trainee's screen. */
  role(): Role;
  /** The sim-minutes the sparklines have a sample for (the game's history on this screen). */
  historyMinutes(): number[];
  sounds(): string[];
  wire(): WireStats | null;
  pixelAt(x: number, y: number): number[];
  /** The WebGL renderer string, and whether it is a software rasterizer (slower settings). */
  gl(): { renderer: string; software: boolean };
}

declare global {
  interface Window {
    __storm?: StormHooks;
  }
}
