// Who may do what: the one place for role rules. Every path asks here: the session for a
// screen's message (controls, instructor and replay acts, what a frame shows), the drill
// runner for every order that lands in a drill (a screen's, a script's, an inject), and the
// renderer may ask the same function to grey out what would be refused. The host decides a
// screen's role (the instructor's token, the console window), never the page.
import type { ControlAction, Refusal } from './contract';
import type { DrillView, ReplayAct, Role } from './drill-contract';

/** What someone asks to do, as far as roles care. */
export type Ask =
  | { kind: 'order'; verb: unknown } // a command landing in the game (its `type`)
  | { kind: 'control'; action: ControlAction['action'] }
  | { kind: 'instructor' } // an instructor act (drills, injects, coaching)
  | { kind: 'replay'; act: ReplayAct['act'] }
  | { kind: 'instructorView' }; // the InstructorView riding in frames

/** The drill under way (not over), or null: its rules bind the trainee only. */
export interface DrillRules {
  checkMode: boolean; // an assessment: the trainee may not touch the clock
  verbs: readonly string[]; // the drill's allowedActions
  startMinute: number; // before it the trainee only watches
  started: boolean;
}

/**
 * The verb a command answers to in a drill's allowedActions: calling back an order not landed
 * yet belongs to the verb that placed it (a trainee who may throttle may cancel a throttle).
 */
export function orderVerb(command: unknown): unknown {
  if (typeof command !== 'object' || command === null || !Object.hasOwn(command, 'type')) return undefined;
  const c = command as { type: unknown; order?: unknown };
  if (c.type === 'cancelOrder' && typeof c.order === 'object' && c.order !== null && Object.hasOwn(c.order, 'type')) return (c.order as { type: unknown }).type;
  return c.type;
}

/** Whose authority an order in a recording carries: injects, the scenario's and scripts act as the instructor. */
export const roleOfSource = (source: string): Role => (source === 'trainee' ? 'trainee' : 'instructor');

const no = (field: string, message: string): Refusal => ({ ok: false, error: { code: 'not-allowed-now', field, message } });

/** A refusal if `role` may not do `ask` now, else null. */
export function refuseForRole(ask: Ask, role: Role, drill: DrillRules | null): Refusal | null {
  if (role === 'instructor') return null;
  switch (ask.kind) {
    case 'instructor':
      return no('kind', 'only the instructor console may do this; open it with the instructor link that `npm run web` prints (or Window > Instructor Console in the app)');
    case 'instructorView':
      return no('kind', "only the instructor console sees the instructor's view");
    case 'order': {
      if (!drill) return null;
      if (!drill.started) return no('command', `the drill starts at minute ${drill.startMinute}`);
      const verb = ask.verb;
      if (typeof verb === 'string' && !drill.verbs.includes(verb)) return no('type', `${verb} is not available in this drill; you may use ${drill.verbs.join(', ') || 'no actions'}`);
      return null;
    }
    case 'control': {
      if (!drill) return null;
      const a = ask.action;
      if (a === 'newGame' || a === 'step') return no('control.action', `the instructor runs this drill: ${a === 'newGame' ? 'starting another game' : 'skipping time'} is up to them`);
      if (drill.checkMode) return no('control.action', 'check mode (an assessment): only the instructor can pause, resume or change the speed');
      return null;
    }
    case 'replay':
      // Unfinished games (another trainee's, or this drill's own earlier run) are the instructor's to handle mid-drill.
      if (drill && (ask.act === 'recover' || ask.act === 'dismissRecovery')) return no('act', 'a drill is running: recovering or dismissing unfinished games is up to the instructor');
      return null;
  }
}

/**
 * The rules as a screen knows them from its frame's DrillView, for asking what to offer (the
 * drill's start is the host's to hold: a screen shows the briefing until then).
 */
export function drillRulesOf(d: DrillView | null | undefined): DrillRules | null {
  return d && !d.ended ? { checkMode: d.checkMode, verbs: d.allowedActions, startMinute: 0, started: true } : null;
}

/** `refuseForRole` as a yes or no (what a screen may be shown or offered). */
export const mayDo = (ask: Ask, role: Role, drill: DrillRules | null): boolean => refuseForRole(ask, role, drill) === null;
