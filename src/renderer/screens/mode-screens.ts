// Which screens show for this role and session mode. A trainee in a drill gets the drill
// panel, the briefing, the check-mode lock and, at the end, the score screen; anyone watching
// a replay gets the replay bar; the instructor gets the console. Reacts to transitions (a
// drill starting, a replay opening) so it never fights the player's own clicks. What a role
// may do is asked of shared/role-policy.ts, the rules the host refuses by, never re-derived here.
import type { SessionStatus } from '../../shared/contract';
import type { Bridge } from '../bridge/bridge';
import type { ModeFrame, Role, SessionMode } from '../../shared/drill-contract';
import { drillRulesOf, mayDo, refuseForRole } from '../../shared/role-policy';
import { PLAYER_VERBS } from '../../sim/commands';
import type { SimView } from '../../sim/view-types';
import type { FrameChange } from '../bridge/frame-store';
import type { ChosenBridge } from '../bridge/choose-bridge';
import type { Hud } from '../hud/hud';
import { InstructorConsole } from '../console/console';
import { Briefing } from '../drill/briefing';
import { DrillPanel } from '../drill/drill-panel';
import { ScoreScreen } from '../drill/score-screen';
import { InstructorToast } from '../drill/toast';
import { ReplayBar } from '../replay/replay-bar';
import { TimelinePanel } from '../hud/timeline';
import { byId } from '../dom';

export interface ModeDeps {
  chosen: ChosenBridge;
  hud: Hud;
  showStart: () => void;
  hideStart: () => void;
  hideEnd: () => void;
  cue: (sound: 'pager' | 'confirm') => void;
  onLayout: () => void;
}

export class ModeScreens {
  readonly role: Role;
  readonly replayBar: ReplayBar;
  private readonly bridge: Bridge;
  private readonly console: InstructorConsole | null = null;
  private readonly drillPanel: DrillPanel | null = null;
  private readonly briefing: Briefing | null = null;
  private readonly score: ScoreScreen | null = null;
  private readonly toast: InstructorToast | null = null;
  private readonly replayTimeline: TimelinePanel | null = null;
  private mode: SessionMode | null = null;
  private drillId = '';
  private drillRun = 0; // counts drills this page has seen start, for "show once" keys
  private layoutKey = '';
  private lockReason: string | null = null;

  constructor(private readonly deps: ModeDeps) {
    const { chosen } = deps;
    this.role = chosen.role;
    this.bridge = chosen.bridge;
    const hud = byId('hud');
    document.body.dataset.role = this.role;
    this.replayBar = new ReplayBar(hud, this.bridge);
    // A trainee who closes a replay goes back to the start screen to choose what next.
    // The console is for a screen that may do instructor acts; everyone else plays (and may be a drill's trainee).
    const instructs = mayDo({ kind: 'instructor' }, this.role, null);
    if (!instructs) this.replayBar.onClosed = () => deps.showStart();
    if (instructs) {
      this.console = new InstructorConsole(this.bridge, chosen.exportUrl, chosen.ws?.stats);
    } else {
      this.drillPanel = new DrillPanel(hud);
      this.toast = new InstructorToast(hud);
      this.briefing = new Briefing(document.body);
      this.score = new ScoreScreen(document.body);
      this.score.onNewShift = () => deps.showStart();
      // A trainee watching a replay gets its orders and marks beside the pager, click to seek.
      this.replayTimeline = new TimelinePanel(byId('dock').querySelector<HTMLElement>('section.pager')!);
      this.replayTimeline.setAvailable(false);
      this.replayTimeline.onSeek = (tick) => void this.bridge.replay({ act: 'seek', tick });
      this.drillPanel.onLayout = () => deps.onLayout();
      this.drillPanel.onMessage = (m) => {
        this.toast!.show(m);
        deps.cue('pager');
      };
    }
  }

  /** Why the trainee may not touch the clock now (check mode), or null. */
  get clockLock(): string | null {
    return this.lockReason;
  }

  /** Screens the free-play end screen must not cover (a drill has its own ending; a replay just stops). */
  get ownsEnding(): boolean {
    return this.mode === 'drill' || this.mode === 'replay';
  }

  /** Cards over the map that should keep the keyboard to themselves. */
  get cardOpen(): boolean {
    return !!(this.briefing?.visible || this.score?.visible);
  }

  update(mode: ModeFrame | null, status: SessionStatus, view: SimView, change: FrameChange): void {
    const m = mode?.mode ?? 'free';
    const was = this.mode;
    this.mode = m;
    document.body.dataset.mode = m;
    // A replay cannot be changed: orders, injects and coaching are out of reach (and of screen readers' tab order) until take-over.
    for (const el of document.querySelectorAll<HTMLElement>('#dock > section.injects, #dock > section.actions, #console-coach')) el.inert = m === 'replay';
    if (m === 'replay' && was !== 'replay') {
      this.deps.hideStart();
      this.deps.hideEnd();
      this.briefing?.hide();
      this.score?.hide();
    }
    if (mode?.replay) this.replayBar.update(mode.replay);
    else this.replayBar.hide();
    this.replayTimeline?.setAvailable(!!mode?.replay);
    if (mode?.replay) this.replayTimeline?.update(null, mode.replay);

    const drill = m === 'drill' ? mode?.drill ?? null : null;
    // A new run: another drill, or a live one starting (a finished drill coming back into view
    // when a replay closes is not new: its score was seen, and the start screen may be up).
    const fresh = drill && (drill.drillId !== this.drillId || (!drill.ended && (was !== 'drill' || change.newGame)));
    if (drill && fresh) {
      this.drillRun++;
      this.drillId = drill.drillId;
      this.deps.hideStart();
      this.deps.hideEnd();
      this.drillPanel?.reset();
      this.briefing?.reset();
      this.score?.reset();
    }
    const key = `${this.drillId}#${this.drillRun}`;
    if (this.drillPanel) {
      if (drill) {
        this.drillPanel.update(drill, status);
        this.briefing!.offer(key, drill, status);
        if (drill.ended) {
          this.briefing!.hide();
          this.score!.show(key, drill);
        }
      } else {
        this.drillPanel.hide();
        this.briefing!.hide();
      }
      // Offered: what the host would accept from this screen now (a drill's verbs; the clock unless check mode).
      const rules = drillRulesOf(drill);
      this.deps.hud.actions.setAllowed(rules ? PLAYER_VERBS.filter((verb) => mayDo({ kind: 'order', verb }, this.role, rules)) : null);
      const clock = refuseForRole({ kind: 'control', action: 'pause' }, this.role, rules);
      this.setLock(clock ? sentence(clock.error.message) : null);
    }
    this.console?.update({ mode, status, view });

    const layout = `${m}:${!!this.drillPanel?.visible}:${!!this.drillPanel?.folded}:${this.replayBar.visible}`;
    if (layout !== this.layoutKey) {
      this.layoutKey = layout;
      this.deps.onLayout();
    }
  }

  private setLock(reason: string | null): void {
    if (reason === this.lockReason) return;
    this.lockReason = reason;
    byId('check-lock').hidden = !reason;
    for (const id of ['pause-button', 'speed-up', 'speed-down']) {
      const b = byId<HTMLButtonElement>(id);
      b.dataset.title ??= b.title;
      b.dataset.locked = String(!!reason);
      b.disabled = !!reason || b.dataset.limit === 'true'; // a speed button at its end stays disabled (top-bar.ts)
      b.title = reason ?? b.dataset.title ?? b.title;
    }
  }
}

/** A refusal's words as the page shows them: "check mode (…)" -> "Check mode (…)." */
const sentence = (message: string) => `${message.charAt(0).toUpperCase()}${message.slice(1)}.`;
