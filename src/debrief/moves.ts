// "What would have helped": a few single moves from the strategy table (docs/strategies.md,
// scripts/explore.ts), each tried on top of the player's own orders in the same game, kept
// only where the model says it saved user-hours. Computed, never a canned tip.
import { fixIsFor } from '../sim/hotfix';
import { applyCommand, createSim, hotfixName, regionName, viewOf, type Command, type RegionId, type Scenario, type TimedCommand } from '../sim/index';
import { canonicalJson, Playhead, stampAll, TICKS_PER_MINUTE, type Recording } from '../replay/index';

export interface MoveTried {
  what: string; // e.g. "Turn the offline-IM service off at T+00:15"
  userHoursLost: number;
  userHoursSaved: number; // against the player's own run (negative: it would have hurt)
  costUsd: number; // the run's whole cost (megas, Group Video downtime, held messages)
}

interface Move {
  what: string;
  actions: TimedCommand[];
  /** The player already did something of this kind: nothing new to learn from it. */
  tried: (c: Command) => boolean;
}

const at = (atMinute: number, command: Command): TimedCommand => ({ atMinute, command });
const SPREAD: RegionId[] = ['europe', 'na-east', 'asia-pac'];
const fixApplies = (sc: Scenario, fix: 'imCrashFix' | 'jitteredBackoff' | 'selfHealingFix') => sc.versions.some((_, i) => fixIsFor(sc, i, fix));

/**
 * The strategy table's single moves that this scenario allows, the ones that end a storm first
 * (throttle, megas, the backoff update: docs/strategies.md); removing the trigger alone brings
 * no one back once the storm feeds itself, so those come last.
 */
function candidates(sc: Scenario): Move[] {
  const fix = (f: 'imCrashFix' | 'jitteredBackoff' | 'selfHealingFix'): Move[] =>
    fixApplies(sc, f) ? [{ what: `Push the ${hotfixName(f)} at the start, 100% of users an hour`, actions: [at(0, { type: 'pushHotfix', fix: f, rolloutPctPerHour: 100 })], tried: (c) => c.type === 'pushHotfix' && c.fix === f }] : [];
  return [
    { what: 'Throttle logins to 5,000/s worldwide at T+00:30', actions: [at(30, { type: 'throttleLogins', perSecond: 5000 })], tried: (c) => c.type === 'throttleLogins' },
    {
      what: `Order 1,000 dedicated mega-supernodes at T+00:10 (${SPREAD.map((r) => regionName(r)).join(', ')})`,
      actions: SPREAD.map((region, i) => at(10, { type: 'deployMegaSupernodes', count: i === 0 ? 334 : 333, region, source: 'dedicated' })),
      tried: (c) => c.type === 'deployMegaSupernodes',
    },
    ...fix('jitteredBackoff'),
    ...fix('selfHealingFix'),
    { what: 'Turn the offline-IM service off at T+00:15 (it was what made the buggy client crash)', actions: [at(15, { type: 'setOfflineImService', enabled: false })], tried: (c) => c.type === 'setOfflineImService' },
    ...fix('imCrashFix'),
  ];
}

/** The player's orders less those called back before they landed: a cancelled push was not tried. */
function withoutCalledBack(commands: readonly Command[]): Command[] {
  const out = [...commands];
  for (const c of commands) {
    if (c.type !== 'cancelOrder') continue;
    const key = canonicalJson(c.order);
    const i = out.findIndex((o) => o.type !== 'cancelOrder' && canonicalJson(o) === key);
    if (i >= 0) out.splice(i, 1);
  }
  return out.filter((c) => c.type !== 'cancelOrder');
}

/** A move tried on the player's game, before it is compared with the player's own run. */
export type MoveRun = Omit<MoveTried, 'userHoursSaved'>;

/**
 * The moves worth trying on this game, by number: at most `max` (each re-simulates the whole
 * game). A host may run them in separate workers; `tryMove` runs one.
 */
export function movesToTry(rec: Recording, max = 3): number {
  return pickMoves(rec, max).length;
}

function pickMoves(rec: Recording, max: number): Move[] {
  const kept = withoutCalledBack(rec.commands.filter((c) => c.source === 'trainee').map((c) => c.command));
  return candidates(rec.scenario).filter((m) => !kept.some((c) => m.tried(c))).slice(0, max);
}

/** The `index`th move of `movesToTry` on top of the player's own orders; null if the sim refuses it. */
export function tryMove(rec: Recording, index: number, onProgress: (f: number) => void = () => {}, max = 3): MoveRun | null {
  const m = pickMoves(rec, max)[index];
  if (!m) return null;
  const own = rec.commands.filter((c) => c.source === 'trainee').map((c) => at(c.tick / TICKS_PER_MINUTE, c.command));
  const r = runWith(rec, [...m.actions, ...own], onProgress);
  return r && { what: m.what, ...r };
}

/** "Helped": at least 1% fewer user-hours lost than the player's own run; the best `keep`, best first. */
export function movesThatHelped(tried: readonly (MoveRun | null)[], playerUserHoursLost: number, keep = 2): MoveTried[] {
  return tried
    .filter((m): m is MoveRun => m !== null)
    .map((m) => ({ ...m, userHoursSaved: playerUserHoursLost - m.userHoursLost }))
    .filter((m) => m.userHoursSaved > 0.01 * Math.max(1, playerUserHoursLost))
    .sort((a, b) => b.userHoursSaved - a.userHoursSaved)
    .slice(0, keep);
}

/** At most `max` moves run (each re-simulates the whole game); the best `keep` that helped, best first. */
export function movesThatHelp(rec: Recording, playerUserHoursLost: number, opts: { max?: number; keep?: number; onProgress?: (f: number) => void } = {}): MoveTried[] {
  const n = movesToTry(rec, opts.max);
  const tried: (MoveRun | null)[] = [];
  for (let i = 0; i < n; i++) tried.push(tryMove(rec, i, (f) => opts.onProgress?.((i + f) / n), opts.max));
  opts.onProgress?.(1);
  return movesThatHelped(tried, playerUserHoursLost, opts.keep);
}

/** The game re-run with `actions`; null if the sim refuses one (the move and the player's orders clash). */
function runWith(rec: Recording, actions: TimedCommand[], onProgress: (f: number) => void): { userHoursLost: number; costUsd: number } | null {
  const state = createSim(rec.scenario, rec.seed);
  let refused = false;
  const head = new Playhead(state, stampAll(actions, 'script'), 0, {
    land: (s, c) => applyCommand(s, c.command),
    landed: (_c, res) => {
      if (!res.ok) refused = true;
    },
  });
  const chunk = 360;
  for (let t = Math.min(rec.endTick, chunk); !refused; t = Math.min(rec.endTick, t + chunk)) {
    head.runTo(t, () => refused);
    onProgress(t / Math.max(1, rec.endTick));
    if (t >= rec.endTick) break;
  }
  if (refused) return null;
  const m = viewOf(state).metrics;
  return { userHoursLost: m.userHoursLost, costUsd: m.costUsd };
}
