// Who may do what: the one place for role rules. The host decides a screen's role (the
// instructor's token), never the page; the session asks here before acting. What a drill
// allows (its verbs) is the drill's own rule (DrillRunner.command), not a role's.
import type { ControlAction, Reply } from '../../shared/contract';
import type { ReplayAct, Role } from '../../shared/drill-contract';

/** What a screen asks for, as far as roles care. */
export type Ask =
  | { kind: 'control'; control: ControlAction }
  | { kind: 'instructor' }
  | { kind: 'replay'; act: ReplayAct['act'] };

/** The running drill, if any: in check mode (an assessment) the trainee may not touch the clock. */
export interface DrillNow {
  running: boolean;
  checkMode: boolean;
}

const no = (field: string, message: string): Reply => ({ ok: false, error: { code: 'not-allowed-now', field, message } });

/** A refusal if `role` may not do `ask` now, else null. */
export function refuseForRole(ask: Ask, role: Role, drill: DrillNow): Reply | null {
  if (role === 'instructor') return null;
  switch (ask.kind) {
    case 'instructor':
      return no('kind', 'only the instructor console may do this; open it with the instructor link that `npm run web` prints (or Window > Instructor Console in the app)');
    case 'control': {
      if (!drill.running) return null;
      const a = ask.control.action;
      if (a === 'newGame' || a === 'step') return no('control.action', `the instructor runs this drill: ${a === 'newGame' ? 'starting another game' : 'skipping time'} is up to them`);
      if (drill.checkMode) return no('control.action', 'check mode (an assessment): only the instructor can pause, resume or change the speed');
      return null;
    }
    case 'replay':
      // Unfinished games (another trainee's, or this drill's own earlier run) are the instructor's to handle mid-drill.
      if (drill.running && (ask.act === 'recover' || ask.act === 'dismissRecovery')) return no('act', 'a drill is running: recovering or dismissing unfinished games is up to the instructor');
      return null;
  }
}
