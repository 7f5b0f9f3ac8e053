// "What would have helped": a few single moves that end a storm (docs/strategies.md,
// scripts/explore.ts), each tried on top of the player's own orders in the same game, kept
// only where the model says it saved user-hours. Computed, never a canned tip. A move the
// player made late or slowly is tried again early and at full speed; megas are sized to the
// servers the scenario has left after the player's own.
import { fixIsFor } from '../sim/hotfix';
import { applyCommand, createSim, grouped, hotfixName, regionName, viewOf, type Command, type RegionId, type Scenario, type TimedCommand } from '../sim/index';
import { canonicalJson, Playhead, stampAll, TICKS_PER_MINUTE, type Recording } from '../replay/index';
import { tPlus } from '../shared/duration';

export interface MoveTried {
  what: string; // e.g. "Turn the offline-IM service off at T+00:15"
  userHoursLost: number;
  userHoursSaved: number; // against the player's own run (negative: it would have hurt)
  costUsd: number; // the run's whole cost (megas, Group Video downtime, held messages)
}

interface Move {
  what: string;
  actions: TimedCommand[];
  /** The player's own orders this move stands in for (an earlier, faster push of the same fix). */
  replaces?: (c: Command) => boolean;
}

type Fix = 'imCrashFix' | 'jitteredBackoff' | 'selfHealingFix';

const at = (atMinute: number, command: Command): TimedCommand => ({ atMinute, command });
const SPREAD: RegionId[] = ['europe', 'na-east', 'asia-pac'];
/** Later than the move by at least this, the player's own order is "late": the move is worth trying. */
const LATE_MIN = 30;
const fixApplies = (sc: Scenario, fix: Fix) => sc.versions.some((_, i) => fixIsFor(sc, i, fix));
const firstOf = (own: readonly TimedCommand[], kind: (c: Command) => boolean) => own.find((a) => kind(a.command));

/** `n` servers over SPREAD, the first regions taking the odd ones. */
function spread(n: number, atMinute: number): TimedCommand[] {
  return SPREAD.map((region, i) => ({ region, count: Math.floor(n / SPREAD.length) + (i < n % SPREAD.length ? 1 : 0) }))
    .filter((p) => p.count > 0)
    .map((p) => at(atMinute, { type: 'deployMegaSupernodes', count: p.count, region: p.region, source: 'dedicated' }));
}

/**
 * The single moves worth trying on this game, the ones that end a storm first (throttle, megas,
 * the backoff update: docs/strategies.md); removing the trigger alone brings no one back once the
 * storm feeds itself, so those come last. `own`: the player's orders that stood, in time order.
 */
function candidates(sc: Scenario, own: readonly TimedCommand[]): Move[] {
  const moves: Move[] = [];
  const throttle = firstOf(own, (c) => c.type === 'throttleLogins' && c.perSecond !== null);
  if (!throttle || throttle.atMinute >= 30 + LATE_MIN) moves.push({ what: `Throttle logins to 5,000/s worldwide at T+00:30${throttle ? ` (you throttled at ${tPlus(throttle.atMinute)})` : ''}`, actions: [at(30, { type: 'throttleLogins', perSecond: 5000 })] });
  moves.push(...megas(sc, own));
  const fix = (f: Fix): Move[] => {
    if (!fixApplies(sc, f)) return [];
    const mine = firstOf(own, (c) => c.type === 'pushHotfix' && c.fix === f);
    const push = mine?.command.type === 'pushHotfix' ? mine.command : null;
    if (push && push.rolloutPctPerHour >= 100 && mine!.atMinute < LATE_MIN) return []; // already early and at full speed
    return [{
      what: `Push the ${hotfixName(f)} at the start, 100% of users an hour${push ? ` (you pushed it at ${tPlus(mine!.atMinute)}, ${grouped(push.rolloutPctPerHour, 1)}% an hour)` : ''}`,
      actions: [at(0, { type: 'pushHotfix', fix: f, rolloutPctPerHour: 100 })],
      // A fix is pushed once: this push stands in for the player's (and any call-back of it).
      replaces: (c) => (c.type === 'pushHotfix' && c.fix === f) || (c.type === 'cancelOrder' && c.order.type === 'pushHotfix' && c.order.fix === f),
    }];
  };
  moves.push(...fix('jitteredBackoff'), ...fix('selfHealingFix'));
  const off = firstOf(own, (c) => c.type === 'setOfflineImService' && !c.enabled);
  if (!off || off.atMinute >= 15 + LATE_MIN)
    moves.push({ what: `Turn the offline-IM service off at T+00:15${off ? ` (you did at ${tPlus(off.atMinute)})` : ' (it was what made the buggy client crash)'}`, actions: [at(15, { type: 'setOfflineImService', enabled: false })] });
  moves.push(...fix('imCrashFix'));
  return moves;
}

/**
 * Dedicated megas at T+00:10: as many as the scenario has left after the player's own dedicated
 * orders (aug-2007 has 400, not 1,000); if the player used them all, but late, theirs at T+00:10.
 */
function megas(sc: Scenario, own: readonly TimedCommand[]): Move[] {
  const mine = own.filter((a) => a.command.type === 'deployMegaSupernodes' && a.command.source === 'dedicated');
  // Every dedicated order counts, withdrawn or not: the move must never ask for more than exist.
  const used = mine.reduce((n, a) => n + (a.command.type === 'deployMegaSupernodes' ? a.command.count : 0), 0);
  const available = sc.services.mega.dedicated.available;
  const left = available - used;
  const where = SPREAD.map((r) => regionName(r)).join(', ');
  if (left >= Math.max(1, Math.round(available / 10)))
    return [{ what: used ? `Order the other ${grouped(left)} dedicated mega-supernodes at T+00:10, on top of your ${grouped(used)} (${where})` : `Order ${grouped(left)} dedicated mega-supernodes at T+00:10 (${where})`, actions: spread(left, 10) }];
  // Theirs all at T+00:10 only if the scenario has that many at once (some were withdrawn and ordered again).
  if (!mine.length || mine[0].atMinute < 10 + LATE_MIN || used > available) return [];
  return [{
    what: `Order your ${grouped(used)} dedicated mega-supernodes at T+00:10, not ${tPlus(mine[0].atMinute)}`,
    actions: mine.map((a) => at(10, a.command)),
    replaces: (c) => c.type === 'deployMegaSupernodes' && c.source === 'dedicated',
  }];
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

/** The player's own orders that stood, each at its minute, in time order. */
function ownOrders(rec: Recording): TimedCommand[] {
  const trainee = rec.commands.filter((c) => c.source === 'trainee');
  const kept = withoutCalledBack(trainee.map((c) => c.command));
  return trainee.filter((c) => kept.includes(c.command)).map((c) => at(c.tick / TICKS_PER_MINUTE, c.command));
}

function pickMoves(rec: Recording, max: number): Move[] {
  return candidates(rec.scenario, ownOrders(rec)).slice(0, max);
}

/** What each move `movesToTry` counts would be, in the player's words (no game is re-simulated). */
export function movesPicked(rec: Recording, max = 3): string[] {
  return pickMoves(rec, max).map((m) => m.what);
}

/** The `index`th move of `movesToTry` on top of the player's own orders; null if the sim refuses it. */
export function tryMove(rec: Recording, index: number, onProgress: (f: number) => void = () => {}, max = 3): MoveRun | null {
  const m = pickMoves(rec, max)[index];
  if (!m) return null;
  const own = rec.commands.filter((c) => c.source === 'trainee' && !m.replaces?.(c.command)).map((c) => at(c.tick / TICKS_PER_MINUTE, c.command));
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

/** Every move `movesToTry` counts, run on this thread in turn; null where the sim refused it. */
export function tryMoves(rec: Recording, opts: { max?: number; onProgress?: (f: number) => void } = {}): (MoveRun | null)[] {
  const n = movesToTry(rec, opts.max);
  const tried: (MoveRun | null)[] = [];
  for (let i = 0; i < n; i++) tried.push(tryMove(rec, i, (f) => opts.onProgress?.((i + f) / n), opts.max));
  opts.onProgress?.(1);
  return tried;
}

/** At most `max` moves run (each re-simulates the whole game); the best `keep` that helped, best first. */
export function movesThatHelp(rec: Recording, playerUserHoursLost: number, opts: { max?: number; keep?: number; onProgress?: (f: number) => void } = {}): MoveTried[] {
  return movesThatHelped(tryMoves(rec, opts), playerUserHoursLost, opts.keep);
}

/** The moves that were really re-run (a move the sim refused was not), in the player's words. */
export const movesRan = (tried: readonly (MoveRun | null)[]): string[] => tried.filter((m): m is MoveRun => m !== null).map((m) => m.what);

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
