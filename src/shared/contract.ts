// The one place where main, preload, renderer and the browser host agree on messages.
// Both Bridge implementations (Electron IPC and WebSocket) carry exactly these shapes,
// and both hosts validate what arrives with validateClientMessage before acting on it.
import type { Command, CommandError } from '../sim/commands';
import type { SimEvent, SimView, RegionView } from '../sim/view-types';
import type { InstructorAct, ModeFrame, ReplayAct, Role } from './drill-contract';

/** Sim-seconds per real second. 1 = real time; 3600 = one sim-hour per real second. */
export const SPEEDS = [1, 10, 60, 300, 900, 3600, 7200] as const;
export type Speed = (typeof SPEEDS)[number];

export { SCENARIO_IDS } from './facts'; // the sim's scenario list, not a copy

export interface SessionStatus {
  scenarioId: string;
  scenarioName: string;
  seed: number;
  paused: boolean;
  speed: number;
  ended: boolean; // reached the scenario's end
  endMinute: number; // the scenario's length in sim-minutes
}

/**
 * One frame to a screen. The first frame after (re)subscribing is full; later ones carry
 * only what changed: top-level parts of the view and the regions whose figures moved.
 */
export interface Frame {
  seq: number;
  full: boolean;
  status: SessionStatus;
  view: Partial<Omit<SimView, 'regions'>> & { regions?: RegionView[] };
  events: SimEvent[]; // new since the previous frame
  /** Drill / replay state (drill-contract.ts); absent in older hosts = free play. */
  mode?: ModeFrame;
}

export type ControlAction =
  | { action: 'pause' }
  | { action: 'resume' }
  | { action: 'setSpeed'; speed: number }
  | { action: 'newGame'; scenarioId: string; seed: number }
  | { action: 'step'; minutes: number };

export type ClientMessage =
  | { kind: 'command'; id: number; command: Command }
  | { kind: 'control'; id: number; control: ControlAction }
  | { kind: 'subscribe'; id: number }
  | { kind: 'listDrills'; id: number } // reply data: DrillSummary[]
  | { kind: 'instructor'; id: number; act: InstructorAct } // refused unless the screen is an instructor's
  | { kind: 'replay'; id: number; act: ReplayAct };

export type Reply = { ok: true; data?: unknown } | { ok: false; error: CommandError };

export type HostMessage =
  | { kind: 'reply'; id: number; reply: Reply }
  | { kind: 'frame'; frame: Frame }
  | { kind: 'error'; error: CommandError }; // a message that could not even be parsed

/** The renderer's view of its host: Electron's preload API and the WebSocket client both implement it. */
export interface Bridge {
  sendCommand(command: Command): Promise<Reply>;
  control(control: ControlAction): Promise<Reply>;
  onFrame(listener: (frame: Frame) => void): () => void;
}

/**
 * Issue 4's requests on top of Bridge, with the same replies as the WebSocket messages of the
 * same kinds. `role` is what the host treats this screen as (the host decides, not the page).
 */
export interface DrillRequests {
  readonly role: Role;
  listDrills(): Promise<Reply>;
  instructor(act: InstructorAct): Promise<Reply>;
  replay(act: ReplayAct): Promise<Reply>;
}

/** What preload exposes as window.supernodeStorm. */
export type PreloadApi = Bridge & DrillRequests;
