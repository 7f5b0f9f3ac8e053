// Messages for drills, the instructor console and the replay viewer (issue 4).
// Both hosts carry them exactly like contract.ts's, and validate them the same way.
import type { Command } from '../sim/commands';
import type { ObjectiveStatus, ScoreBreakdown } from './score';

/** Who a screen is. An instructor connects with the session's token; a trainee needs none. */
export type Role = 'trainee' | 'instructor';

/** What the session is doing. */
export type SessionMode = 'free' | 'drill' | 'replay';

/** A drill as the trainee may see it (hints left out in check mode). */
export interface DrillView {
  drillId: string;
  name: string;
  briefing: string;
  checkMode: boolean; // assessment: the trainee can neither pause nor see hints
  realSecondsLeft: number; // the countdown, in real seconds at the drill's compression
  simMinutesLeft: number;
  objectives: ObjectiveStatus[];
  allowedActions: string[]; // player verbs the trainee may use
  messages: { minute: number; kind: 'hint' | 'message'; text: string }[];
  ended: boolean;
  endReason: 'objectives' | 'time' | 'instructor' | null;
  score: ScoreBreakdown | null; // to the trainee only once the drill has ended
}

/** Everything the instructor sees on top of the trainee's view. Never sent to a trainee. */
export interface InstructorView {
  score: ScoreBreakdown; // live
  timeline: { tick: number; minute: number; source: string; text: string }[]; // actions and injects as they happen
  marks: { tick: number; minute: number; kind: string; text: string }[]; // bookmarks, notes, hints given
  injects: { id: string; label: string; fired: boolean }[]; // the drill's scripted injects
  hints: { index: number; text: string; given: boolean }[];
  journalPath: string | null; // where the crash-safe journal is being written
}

export interface ReplayView {
  fileName: string;
  tick: number;
  endTick: number;
  playing: boolean;
  speed: number; // sim-seconds per real second, as SPEEDS
  error: string | null; // e.g. "checksum diverged at tick 4320": playback stops there
  /** Names this replay's timeline; marks and timeline ride only in the first frame that shows it (and full frames). */
  timelineId: number;
  /** Seeks so far: a screen that sees it change cuts the replay's past at the new playhead. */
  seeks: number;
  /** A seek waiting for the background pass to reach it (the playhead stays put meanwhile), or null. */
  seekingTo: number | null;
  /** How far the background pass has simulated (whole keyframes): seeks up to here land at once. */
  builtTo: number;
  marks?: { tick: number; kind: string; text: string }[];
  timeline?: { tick: number; source: string; text: string }[];
}

/** Extra parts of a Frame (contract.ts) in drill and replay modes. */
export interface ModeFrame {
  mode: SessionMode;
  drill: DrillView | null;
  instructor?: InstructorView | null; // only in frames to instructor screens
  replay: ReplayView | null;
  /** Unfinished games found in the journal folder when the host started (a crash, a kill); [] when none. */
  recoverable?: RecoverableGame[];
  /** A debrief export being prepared (it re-simulates the game: seconds for 48 hours); null when none. */
  exporting?: { kind: 'report' | 'csv' | 'pdf'; fraction: number } | null;
  /** The finished free game's end-screen debrief being worked out, 0..1 (whole per cent); null when none. */
  debriefing?: number | null;
}

/** A game the host was running when it stopped without finishing it: offered for recovery. */
export interface RecoverableGame {
  journalId: string; // the journal's file name: pass it to the 'recover' or 'dismissRecovery' replay act
  scenarioId: string;
  drillId: string | null;
  createdAt: string; // ISO time the game began
  minute: number; // sim-minute the journal reached (at most ~1 real second before the stop)
  commands: number;
  error: string | null; // why it cannot be resumed (then it can only be dismissed)
  salvaged?: string; // the journal was damaged part-way: what was recovered and what left out
}

export type InstructorAct =
  | { act: 'startDrill'; drillId: string; checkMode: boolean; seed?: number } // seed: the world to run it in (the drill's own if left out)
  | { act: 'endDrill' }
  | { act: 'inject'; command: Command } // any verb, now
  | { act: 'fireInject'; injectId: string } // one of the drill's scripted injects, now
  | { act: 'bookmark'; text: string }
  | { act: 'note'; text: string }
  | { act: 'hint'; index?: number; text?: string } // a drill hint by index, or free text
  | { act: 'message'; text: string }; // anything else the instructor chooses to send

export type ReplayAct =
  | { act: 'open'; fileName: string; dataBase64: string } // a .skyreplay file's bytes
  | { act: 'play' }
  | { act: 'pause' }
  | { act: 'seek'; tick: number }
  | { act: 'speed'; speed: number }
  | { act: 'takeOver'; tick: number } // a new game branching from that exact state
  | { act: 'close' }
  | { act: 'recover'; journalId: string } // resume an unfinished game (ModeFrame.recoverable)
  | { act: 'dismissRecovery'; journalId: string }; // stop offering it (the file is kept, renamed *.dismissed)

/** Listing shipped drills for the start screen and the console. */
export interface DrillSummary {
  id: string;
  name: string;
  briefing: string;
  scenarioId: string;
  timeLimitRealMin: number;
  timeCompression: number;
  seed: number; // the drill's own world
  vary: number; // 0, or how far each uncertain number of the scenario moves with the seed
}
