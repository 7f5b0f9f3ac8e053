// The one place where main, preload, renderer and the browser host agree on messages.
// Both Bridge implementations (Electron IPC and WebSocket) carry exactly these shapes,
// and both hosts validate what arrives with validateClientMessage before acting on it.
import type { Command, CommandError } from '../sim/commands';
import type { SimEvent, SimView, RegionView } from '../sim/view-types';
import type { DrillSummary, InstructorAct, ModeFrame, ReplayAct, Role } from './drill-contract';
import type { EndDebrief } from './end-debrief';

/** Sim-seconds per real second. 1 = real time; 3600 = one sim-hour per real second. */
export const SPEEDS = [1, 10, 60, 300, 900, 3600, 7200] as const;
export type Speed = (typeof SPEEDS)[number];
/** Every new shift starts here: one sim-minute per real second. */
export const NORMAL_SPEED = 60;

export { SCENARIO_IDS } from './facts'; // the sim's scenario list, not a copy

export interface SessionStatus {
  scenarioId: string;
  scenarioName: string;
  seed: number;
  paused: boolean;
  speed: number;
  ended: boolean; // reached the scenario's end
  endMinute: number; // the scenario's length in sim-minutes
  /** A shift is under way: someone started a game, a drill or a recovery since the host started. */
  started: boolean;
  /** Orders given in the live game so far (what starting another shift would end). */
  orders: number;
  /** Screens following this host now, this one included. */
  screens: number;
  /** When this host started (ISO): a screen that sees it change knows the host was restarted. */
  hostSince: string;
}

/** One sim-minute of the live game's figures, for the sparklines and the end screen. */
export interface HistorySample {
  minute: number;
  online: number;
  want: number;
  supernodes: number;
  megas: number;
  load: number;
  attempts: number;
  ok: number;
}

/** One sim-minute's figures without its minute (the piece's place gives it). */
export type PastRow = [online: number, want: number, supernodes: number, megas: number, load: number, attempts: number, ok: number];

export interface PastEvent {
  tick: number; // the tick whose step gave it: a playhead standing there has shown it
  event: SimEvent;
}

/** The next part of a replay's past: samples from minute `from` on, events from index `eventsFrom` on. */
export interface ReplayPastPiece {
  timelineId: number;
  from: number;
  samples: PastRow[];
  eventsFrom: number;
  events: PastEvent[];
}

/** The live game's past, kept by the host so a screen that joins late starts with it. */
export interface GameHistory {
  samples: HistorySample[]; // one per sim-minute (older ones thinned on the wire)
  events: SimEvent[]; // the latest pager events, oldest first
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
  /** Full frames of a live game: its history, so a screen that (re)joins shows what happened. */
  history?: GameHistory;
  /** Later frames of a live game: the minutes sampled since the previous frame (none skipped at any speed). */
  samples?: HistorySample[];
  /** A replay's past, once, in pieces (all built so far in a full frame); the screen cuts it at the playhead. */
  past?: ReplayPastPiece;
}

/** A bitmask of the fields present (bit i: the i-th of frame-wire.ts's field list), then their values in that order. */
export type Row = [mask: number, ...values: unknown[]];
type Rowed = 'metrics' | 'regions' | 'services' | 'orders' | 'hotfixes';
export type WireView = Omit<Frame['view'], Rowed> & { metrics?: Row; regions?: Row[]; services?: Row[]; orders?: Row[]; hotfixes?: Row[] };

/**
 * A Frame as it travels to a screen (shared/frame-wire.ts packs and unpacks it): metrics and
 * regions as rows, `status` left out when the screen already holds it. The Bridge hands the
 * renderer whole Frames again.
 */
export interface WireFrame extends Omit<Frame, 'status' | 'view'> {
  status?: SessionStatus;
  view: WireView;
}

export type ControlAction =
  | { action: 'pause' }
  | { action: 'resume' }
  | { action: 'setSpeed'; speed: number }
  /** `replace`: end the shift under way for everyone (a screen asks its player first). */
  | { action: 'newGame'; scenarioId: string; seed: number; replace?: boolean }
  | { action: 'step'; minutes: number };

export type ClientMessage =
  | { kind: 'command'; id: number; command: Command }
  | { kind: 'control'; id: number; control: ControlAction }
  | { kind: 'subscribe'; id: number }
  | { kind: 'listDrills'; id: number }
  | { kind: 'instructor'; id: number; act: InstructorAct } // refused unless the screen is an instructor's
  | { kind: 'replay'; id: number; act: ReplayAct }
  | { kind: 'endDebrief'; id: number }; // the finished free game's debrief, for the end screen

export type MessageKind = ClientMessage['kind'];

/** A kind's own fields (besides kind and id). */
export type FieldsOf<K extends MessageKind> = Exclude<keyof Extract<ClientMessage, { kind: K }>, 'kind' | 'id'>;

/**
 * Every kind and its fields, once: the hosts' validator (validate.ts) takes the known kinds
 * and the fields it lets through from here, so a kind added to ClientMessage but not here
 * does not compile (test/host/validate.test.ts checks no field is left out either).
 */
export const MESSAGE_FIELDS = {
  command: ['command'],
  control: ['control'],
  subscribe: [],
  listDrills: [],
  instructor: ['act'],
  replay: ['act'],
  endDebrief: [],
} as const satisfies { readonly [K in MessageKind]: readonly FieldsOf<K>[] };

/** A ClientMessage before the wire gives it its id (the distributive Omit keeps the union apart). */
export type Outgoing = ClientMessage extends infer M ? (M extends { id: number } ? Omit<M, 'id'> : never) : never;
export type OutgoingOf<K extends MessageKind> = Extract<Outgoing, { kind: K }>;

/** What an accepted message of each kind answers with (undefined: just "done"). */
export interface ReplyData {
  command: undefined;
  control: undefined;
  subscribe: undefined;
  listDrills: DrillSummary[];
  instructor: undefined;
  replay: undefined;
  endDebrief: EndDebrief;
}

export type Refusal = { ok: false; error: CommandError };
export type Reply<D = undefined> = (D extends undefined ? { ok: true; data?: undefined } : { ok: true; data: D }) | Refusal;
export type ReplyTo<K extends MessageKind> = Reply<ReplyData[K]>;
/** Any host reply, as it travels (the kind it answers is known only to the asker). */
export type AnyReply = { ok: true; data?: ReplyData[MessageKind] } | Refusal;

export type HostMessage =
  | { kind: 'reply'; id: number; reply: AnyReply }
  | { kind: 'frame'; frame: WireFrame }
  | { kind: 'error'; error: CommandError }; // a message that could not even be parsed

/**
 * One wire to the host: what Electron's preload exposes as window.supernodeStorm and what the
 * WebSocket client does. One request call for every message kind, one frame stream. `role` is
 * what the host treats this screen as (the host decides, not the page).
 */
export interface Wire {
  readonly role: Role;
  request(msg: Outgoing): Promise<AnyReply>;
  onFrame(listener: (frame: WireFrame) => void): () => void;
}

/** What preload exposes as window.supernodeStorm. */
export type PreloadApi = Wire;
