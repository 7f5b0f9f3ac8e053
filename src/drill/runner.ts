// Running a drill over a live game: fires the instructor's injects (at a time, or when a
// condition first holds, once each), gives timed hints, keeps the trainee to the drill's
// verbs, and lets its DrillJudge say how it goes and when it is over. Pure: the host owns
// the clock. The game moves through a Playhead like every other game.
import { applyCommand, createSim, type SimEvent, type SimState } from '../sim/index';
import { Playhead, TICKS_PER_MINUTE, type ApplyResult, type StampedCommand } from '../replay/playhead';
import { Recorder, type RecordingSink } from '../replay/recorder';
import type { CommandSource, Recording } from '../replay/recording';
import { runRecording } from '../replay/replayer';
import { drillWorld, type Drill, type Inject } from './drill';
import { DrillJudge, type DrillEndReason } from './judge';
import { orderVerb, refuseForRole, roleOfSource, type DrillRules } from '../shared/role-policy';
import { holds, type ObjectiveStatus, type ScoreBreakdown } from './score';

export type { DrillEndReason } from './judge';

export interface DrillTick {
  events: SimEvent[];
  injected: { id: string; result: ApplyResult }[];
  hints: string[];
  ended: boolean;
}

/** A trainee's order from a script (an action file, a comparison run), on its tick. */
export type DrillOrder = StampedCommand & { source?: CommandSource };

/** Where a resumed drill picks up: judged so far, and which injects and hints are spent. */
interface ResumePoint {
  judge: DrillJudge;
  fired: string[];
  hintsGiven: number[];
}

export class DrillRunner {
  readonly judge: DrillJudge;
  readonly playhead: Playhead<DrillOrder>;
  private readonly fired = new Set<string>();
  private readonly hintsGiven = new Set<number>();
  private tickInjects: DrillTick['injected'] = [];
  private tickHints: string[] = [];
  private onLanded: ((order: DrillOrder, result: ApplyResult) => void) | null = null;

  /**
   * `state` is a fresh game of the drill's scenario and seed (see DrillRunner.start);
   * if the drill starts later than minute 0 the runner plays up to it, trainee locked out.
   */
  constructor(
    readonly drill: Drill,
    readonly state: SimState,
    readonly recorder?: Recorder,
    resume?: ResumePoint,
  ) {
    this.judge = resume?.judge ?? new DrillJudge(drill);
    this.playhead = new Playhead<DrillOrder>(state, [], 0, {
      stepped: (s) => {
        this.observe();
        if (!this.ended) this.fireDue();
      },
      land: (_s, order) => this.command(order.command, order.source ?? 'trainee'),
      landed: (order, result) => this.onLanded?.(order, result),
    });
    if (resume) {
      resume.fired.forEach((id) => this.fired.add(id));
      resume.hintsGiven.forEach((i) => this.hintsGiven.add(i));
      return;
    }
    this.observe();
    this.fireDue();
    while (this.state.tick < this.startTick && !this.ended) this.tick();
  }

  /**
   * Carries on a drill from its recording: after a crash (a recovered journal) or a
   * take-over (a branch). The state, the verdict so far and the spent injects and hints
   * are rebuilt by re-simulating under the same judge; scripted injects are known by their injectId.
   */
  static resume(drill: Drill, recording: Recording, opts: { createdAt: string; sink?: RecordingSink }): DrillRunner {
    if (recording.drillId !== drill.id) throw new Error(`the recording is ${recording.drillId ? `drill ${recording.drillId}` : 'not a drill'}, not ${drill.id}`);
    const judge = new DrillJudge(drill);
    const { state, result } = runRecording(recording, { afterStep: (st) => judge.observe(st) });
    if (!result.ok) throw new Error(`the recording does not re-simulate (diverged at tick ${result.tick}); cannot resume it`);
    const fired = recording.commands.flatMap((c) => (c.injectId ? [c.injectId] : []));
    const hintsGiven = drill.hints.flatMap((h, i) => (recording.marks.some((m) => m.kind === 'hint' && m.text === h.text) ? [i] : []));
    const recorder = Recorder.continueFrom(recording, opts.createdAt, opts.sink);
    return new DrillRunner(drill, state, recorder, { judge, fired, hintsGiven });
  }

  /** A new game for `drill`, recorded (with an optional crash-safe sink) from tick 0. */
  static start(drill: Drill, opts: { createdAt: string; seed?: number; checkMode?: boolean; checksumEveryTicks?: number; sink?: RecordingSink }): DrillRunner {
    const seed = opts.seed ?? drill.seed;
    const scenario = drillWorld(drill, seed);
    const recorder = new Recorder({ scenario, seed, createdAt: opts.createdAt, drillId: drill.id, checkMode: opts.checkMode, checksumEveryTicks: opts.checksumEveryTicks, sink: opts.sink });
    return new DrillRunner(drill, createSim(scenario, seed), recorder);
  }

  get scorer() {
    return this.judge.scorer;
  }

  get startTick(): number {
    return this.judge.startTick;
  }

  get endTick(): number {
    return this.judge.endTick;
  }

  /**
   * Plays the trainee's scripted orders (stamped by tickOfMinute) until the drill ends or
   * `untilTick`; orders stamped before where the drill stands are skipped. `landed` sees each
   * order's verdict (a CLI refuses to go on past a refusal; a comparison run skips it).
   */
  play(orders: readonly DrillOrder[], untilTick: number, landed?: (order: DrillOrder, result: ApplyResult) => void): void {
    this.onLanded = landed ?? null;
    try {
      this.playhead.follow(orders);
      this.playhead.runTo(untilTick, () => this.ended);
    } finally {
      this.playhead.follow([]);
      this.onLanded = null;
    }
  }

  get ended(): boolean {
    return this.judge.ended;
  }

  get reason(): DrillEndReason | null {
    return this.judge.reason;
  }

  get minute(): number {
    return this.state.tick / TICKS_PER_MINUTE;
  }

  objectives(): ObjectiveStatus[] {
    return this.scorer.objectives();
  }

  score(): ScoreBreakdown {
    return this.scorer.score();
  }

  /** A trainee's order (held to the drill's verbs and start by role-policy.ts) or an instructor's live inject. */
  command(command: unknown, source: CommandSource = 'trainee'): ApplyResult {
    const refuse = (field: string, message: string): ApplyResult => {
      if (source === 'trainee') this.recorder?.refused(this.state.tick, command, message);
      return { ok: false, error: { code: 'not-allowed-now', field, message } };
    };
    if (this.ended) return refuse('command', 'the drill is over; no more orders');
    const no = refuseForRole({ kind: 'order', verb: orderVerb(command) }, roleOfSource(source), this.rules);
    if (no) return refuse(no.error.field, no.error.message);
    return this.apply(command, source);
  }

  /** What the drill holds the trainee to while it runs (role-policy.ts applies it); null once over. */
  get rules(): DrillRules | null {
    if (this.ended) return null;
    return { checkMode: this.recorder?.header.checkMode === true, verbs: this.drill.allowedActions, startMinute: this.scorer.startMinute, started: this.state.tick >= this.startTick };
  }

  /** An instructor's hint, given now; it goes into the replay as a "hint" mark. */
  hint(text: string, author?: string): void {
    this.recorder?.mark(this.state.tick, 'hint', text, author);
  }

  /** The instructor gives the drill's hint `index` now; it is not given again on its own later. */
  giveHint(index: number, author?: string): boolean {
    const h = this.drill.hints[index];
    if (!h || this.ended) return false;
    this.hintsGiven.add(index);
    this.hint(h.text, author);
    return true;
  }

  /** The instructor fires one of the drill's scripted injects now; it will not fire again on its own. */
  fireInject(id: string): ApplyResult {
    const refuse = (message: string): ApplyResult => ({ ok: false, error: { code: 'not-allowed-now', field: 'injectId', message } });
    const inj = this.drill.injects.find((i) => i.id === id);
    if (!inj) return refuse(`"${id}" is not one of this drill's injects (${this.drill.injects.map((i) => i.id).join(', ') || 'it has none'})`);
    if (this.ended) return refuse('the drill is over');
    if (this.fired.has(id)) return refuse(`"${id}" has already fired`);
    this.fired.add(id);
    return this.apply(inj.command, 'instructor', id);
  }

  /** The instructor ends the drill now; objectives still pending are judged as things stand. */
  endNow(): void {
    this.judge.end('instructor');
  }

  /** Scripted injects fired so far (on time, on a condition or by hand). */
  get firedInjects(): ReadonlySet<string> {
    return this.fired;
  }

  /** Indexes of the drill's hints given so far. */
  get givenHints(): ReadonlySet<number> {
    return this.hintsGiven;
  }

  /** One tick through the playhead: step, judge, then fire what has become due. */
  tick(): DrillTick {
    if (this.ended) return { events: [], injected: [], hints: [], ended: true };
    this.tickInjects = [];
    this.tickHints = [];
    const events = this.playhead.advance();
    return { events, injected: this.tickInjects, hints: this.tickHints, ended: this.ended };
  }

  /** The recording so far (the finished replay once the drill has ended). */
  finish(): Recording {
    if (!this.recorder) throw new Error('this drill runs without a recorder');
    return this.recorder.finish(this.state);
  }

  private observe(): void {
    this.recorder?.onTick(this.state);
    this.judge.observe(this.state);
  }

  private fireDue(): void {
    const injected = this.tickInjects;
    for (const inj of this.drill.injects) {
      if (this.fired.has(inj.id) || !this.due(inj)) continue;
      this.fired.add(inj.id); // once, even if the sim refuses it (a refusal is not retried every tick)
      injected.push({ id: inj.id, result: this.apply(inj.command, 'instructor', inj.id) });
    }
    const hints = this.tickHints;
    this.drill.hints.forEach((h, i) => {
      if (h.atMinute === undefined || this.hintsGiven.has(i) || this.minute < h.atMinute) return;
      this.hintsGiven.add(i);
      this.recorder?.mark(this.state.tick, 'hint', h.text);
      hints.push(h.text);
    });
  }

  private due(inj: Inject): boolean {
    if (inj.atMinute !== undefined && this.minute < inj.atMinute) return false;
    if (inj.when === undefined) return true;
    const conds = Array.isArray(inj.when) ? inj.when : [inj.when];
    const sample = this.judge.sample;
    return sample !== null && conds.every((c) => holds(c, sample));
  }

  private apply(command: unknown, source: CommandSource, injectId?: string): ApplyResult {
    return this.recorder ? this.recorder.apply(this.state, source, command, injectId) : applyCommand(this.state, command);
  }
}
