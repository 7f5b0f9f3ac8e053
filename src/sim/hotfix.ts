// Hotfixes reach clients through 'automatic delivery' (seed 000): the share allowed rises at the
// rollout's pace, and clients take it up minute by minute as they poll the update servers, whose
// capacity is finite. Only a running Skype polls (one restarting after a crash too): people
// offline while it rolls out come back with the old client and fetch it then. A client update
// that restarts Skype restarts its clients across the minute: ten-minute batches restarting tens
// of thousands in one tick once stormed the login servers by themselves (seed 004: roll updates
// out gradually).
import { TICK_SECONDS, TICKS_PER_HOUR, TICKS_PER_MINUTE } from './time';
import { cohortFor, policyOf, present, running } from './population';
import { moveWheel, schedule } from './wheel';
import { capacityFactor } from './services';
import { hotfixName, upperFirst } from './names';
import { FIX_BACKOFF, FIX_HEAL, FIX_IM, type Cohort, type Hotfix, type SimState } from './state';
import type { Scenario } from './scenario';

export const STAGE_TICKS = TICKS_PER_MINUTE; // clients take the update up once a minute, in this many ticks

export const fixBit = (h: Hotfix['fix']) => (h === 'imCrashFix' ? FIX_IM : h === 'jitteredBackoff' ? FIX_BACKOFF : FIX_HEAL);

/** The client versions a fix is for. */
export function fixIsFor(s: Scenario, version: number, fix: Hotfix['fix']): boolean {
  const v = s.versions[version];
  return fix === 'imCrashFix' ? v.crashesOnSlowIm : fix === 'jitteredBackoff' ? v.retry.kind === 'tight' : v.selfHealingFlaw;
}

/** Does this fix change anything for this cohort's client version? */
export function needsFix(s: Scenario, c: Cohort, fix: Hotfix['fix']): boolean {
  if (c.fixes & fixBit(fix)) return false;
  return fixIsFor(s, c.version, fix);
}

/**
 * Fixed and total users of the versions a fix is for, those offline for the day included, and
 * the unfixed ones the update servers can reach now: Skype running (or restarting after a
 * crash). Someone who closed Skype or switched the computer off gets the fix once back.
 */
export function fixProgress(state: SimState, fix: Hotfix['fix']): { fixed: number; total: number; reachable: number } {
  const s = state.scenario;
  let fixed = 0;
  let total = 0;
  let reachable = 0;
  for (const c of state.cohorts) {
    if (!fixIsFor(s, c.version, fix)) continue;
    const n = present(c) + c.offline;
    total += n;
    if (c.fixes & fixBit(fix)) fixed += n;
    else reachable += running(c) + c.crashed;
  }
  return { fixed, total, reachable };
}

export function rollHotfixes(state: SimState): void {
  let demands: RolloutDemand[] | undefined;
  for (const h of state.hotfixes) {
    if (state.tick === h.readyTick) {
      state.events.push({ minute: state.tick / TICKS_PER_MINUTE, severity: 'info', code: 'hotfix-ready', text: `${upperFirst(hotfixName(h.fix))} passed testing: rollout begins at ${h.rolloutPctPerHour}%/h${paceNote(state, h)}` });
    }
    // Rolled out to everyone, a fix still reaches whoever comes online without it.
    if (state.tick < h.readyTick || (state.tick - h.readyTick) % STAGE_TICKS !== 0) continue;
    // What the others ask, taken before any stage of this tick runs, so two stages in one tick
    // split the servers between them rather than the second seeing the first already served.
    demands ??= state.hotfixes.length > 1 ? rolloutDemands(state) : [];
    rolloutStage(state, h, othersOf(demands, h));
  }
}

const othersOf = (demands: RolloutDemand[], h: Hotfix): number[] => demands.flatMap((d) => (d.h === h ? [] : [d.clients]));

/**
 * What one rollout asking `mine` gets of `servers` while the others ask `others`: a fair share,
 * max-min (the smaller asks are met in full, the rest split what is left evenly), so a rollout
 * ordered slowly is not crowded out by a fast one's backlog. Alone, it gets all of them.
 */
export function serversShare(servers: number, mine: number, others: number[]): number {
  if (others.length === 0) return servers;
  const asks = [...others, mine].sort((x, y) => x - y);
  let left = servers;
  for (let i = 0; i < asks.length; i++) {
    const level = left / (asks.length - i);
    if (asks[i] >= level) return Math.min(mine, level); // this ask and every larger one get the level
    if (asks[i] === mine) return mine; // met in full
    left -= asks[i];
  }
  return mine;
}

/**
 * A rollout's ask of the update servers and its share of them, in downloads a second, as
 * rolloutStage takes it (alone: all of them); `sharing`, whether others ask too.
 */
export function rolloutShare(state: SimState, h: Hotfix, demands: RolloutDemand[]): { askPerS: number; sharePerS: number; sharing: boolean } {
  const stageS = STAGE_TICKS * TICK_SECONDS;
  const others = othersOf(demands, h).map((c) => c / stageS);
  const askPerS = (demands.find((d) => d.h === h)?.clients ?? 0) / stageS;
  return { askPerS, sharePerS: serversShare(state.scenario.services.update.downloadsPerS * capacityFactor(state, 'update'), askPerS, others), sharing: others.length > 0 };
}

/** Said when the update servers cannot keep up with the rate ordered: a faster order changes nothing. */
function paceNote(state: SimState, h: Hotfix): string {
  const { fixed, total } = fixProgress(state, h.fix);
  const left = total - fixed;
  if (left <= 0) return '';
  const demands = rolloutDemands(state);
  const { askPerS, sharePerS, sharing: others } = rolloutShare(state, h, demands);
  const pace = (100 * sharePerS * 3600) / left;
  const held = !others || sharePerS < askPerS; // sharing, it is held back only if its ask is not met
  const sharing = demands.filter((d) => d.h !== h && d.clients > 0).map((d) => `the ${hotfixName(d.h.fix)}`);
  const shared = sharing.length ? `, shared with ${sharing.join(' and ')}` : '';
  return held && pace < h.rolloutPctPerHour ? `, but the update servers deliver only ~${pace < 10 ? pace.toFixed(1) : Math.round(pace)}%/h of the clients left${shared}` : '';
}

/**
 * What a rollout asks at its stage at or after `tick` (rolloutStage at a stage tick; the view
 * between them): `wanted`, the clients its pace has reached by the end of that stage and not
 * fixed yet, and whether it is `done` (fewer than 0.1% of the clients it is for still lack it).
 * The one place this is worked out, so the panel cannot drift from the rollout itself.
 */
export function rolloutAsk(h: Hotfix, tick: number, fixed: number, total: number): { wanted: number; done: boolean } {
  const stage = h.readyTick + Math.ceil((tick - h.readyTick) / STAGE_TICKS) * STAGE_TICKS;
  const hours = (stage - h.readyTick + STAGE_TICKS) / TICKS_PER_HOUR;
  const target = Math.min(1, (h.rolloutPctPerHour / 100) * hours) * total;
  return { wanted: Math.max(0, target - fixed), done: total - fixed < total * 0.001 };
}

/**
 * The clients each rollout under way asks the update servers for at its stage at or after `tick`
 * (rolloutAsk, capped by whom it can reach now). A finished rollout asks nothing: its few
 * stragglers get the fix when they come back. The one place this is worked out, for the
 * rollouts' share of the servers and for the panel.
 */
/** What one rollout under way asks the update servers for at its next stage, in clients. */
export interface RolloutDemand { h: Hotfix; clients: number }

export function rolloutDemands(state: SimState): RolloutDemand[] {
  const out: RolloutDemand[] = [];
  for (const h of state.hotfixes) {
    if (state.tick < h.readyTick || h.doneNotified) continue;
    const { fixed, total, reachable } = fixProgress(state, h.fix);
    if (total <= 0) continue;
    const { wanted, done } = rolloutAsk(h, state.tick, fixed, total);
    if (!done) out.push({ h, clients: Math.max(0, Math.min(reachable, wanted)) });
  }
  return out;
}

/** One stage of a rollout; `others`: the clients each other rollout under way asks for now. */
function rolloutStage(state: SimState, h: Hotfix, others: number[]): void {
  const s = state.scenario;
  const { fixed, total, reachable } = fixProgress(state, h.fix);
  if (total <= 0) return;
  const { wanted, done } = rolloutAsk(h, state.tick, fixed, total);
  if (!h.doneNotified && done) {
    h.doneNotified = true;
    state.events.push({ minute: state.tick / TICKS_PER_MINUTE, severity: 'recovery', code: 'hotfix-done', text: `${upperFirst(hotfixName(h.fix))} reached every client` });
    return;
  }
  if (reachable <= 0) return;
  const servers = s.services.update.downloadsPerS * STAGE_TICKS * TICK_SECONDS * capacityFactor(state, 'update');
  // Rollouts at once share the update servers (the play-test found two fixes each at the full rate).
  const downloads = serversShare(servers, Math.min(reachable, wanted), others);
  const f = Math.min(1, wanted / reachable, downloads / reachable);
  if (f <= 0) return;
  const bit = fixBit(h.fix);
  for (const c of [...state.cohorts]) {
    if (!needsFix(s, c, h.fix)) continue;
    const to = cohortFor(state, c.region, c.version, c.fixes | bit);
    const pol = policyOf(s, to);
    // A client update that restarts Skype makes attached clients log in again; the 2007 fix was
    // P2P parameters 'tuned' (seed 004), taken up by running clients without one (scenario data).
    if (!s.hotfixes[h.fix].restartsClient) {
      to.attachedPeer += c.attachedPeer * f;
      to.attachedMega += c.attachedMega * f;
    } else {
      const each = ((c.attachedPeer + c.attachedMega) * f) / STAGE_TICKS;
      for (let i = 0; i < STAGE_TICKS; i++) schedule(to.login, state.tick, each, pol, -1, i);
    }
    c.attachedPeer *= 1 - f;
    c.attachedMega *= 1 - f;
    to.crashed += c.crashed * f;
    c.crashed *= 1 - f;
    moveWheel(c.login, to.login, f);
    moveWheel(c.attach, to.attach, f);
    moveWheel(c.handover, to.handover, f);
  }
}
