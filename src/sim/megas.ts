// The mega-supernode pool (seed 000): dedicated servers, Group Video Calling servers
// borrowed at the cost of that feature, and rented cloud instances, each with a lead time,
// a provisioning throughput (a large order arrives over hours: "hundreds", then "several
// thousand through the night"), a price and a capacity far above a peer supernode's.
import { REGIONS } from './regions';
import { perTick, TICK_SECONDS, TICKS_PER_MINUTE } from './time';
import { MEGA_SOURCES, type MegaSource } from './commands';
import { reattach } from './population';
import { grouped, megaSourceName } from './names';
import { cohortsIn } from './layout';
import type { SimState } from './state';

export function megaUpIn(state: SimState, region: number): number {
  let n = 0;
  for (const src of MEGA_SOURCES) n += state.megaUp[src][region];
  return n;
}

export function megaTotals(state: SimState): { up: number; pending: number } {
  let up = 0;
  for (let r = 0; r < REGIONS.length; r++) up += megaUpIn(state, r);
  let pending = 0;
  for (const b of state.megaPending) pending += b.count;
  return { up, pending };
}

/** Servers of a source already in use (up or on order), against its `available`. */
export function megaInUse(state: SimState, src: MegaSource): number {
  let n = 0;
  for (let r = 0; r < REGIONS.length; r++) n += state.megaUp[src][r];
  for (const b of state.megaPending) if (b.source === src) n += b.count;
  return n;
}

/** How many new clients the region's mega-supernodes can take this tick. */
export function megaAcceptRoom(state: SimState, region: number): number {
  const cfg = state.scenario.services.mega;
  let cap = 0;
  let rate = 0;
  for (const src of MEGA_SOURCES) {
    const up = state.megaUp[src][region];
    cap += up * cfg[src].clientCapacity;
    rate += up * cfg[src].acceptPerS * TICK_SECONDS;
  }
  if (cap <= 0) return 0;
  let held = 0;
  const members = cohortsIn(state, region); // the region's own, in the same order: the same sum
  for (let m = 0; m < members.length; m++) held += members[m].attachedMega;
  return Math.max(0, Math.min(cap - held, rate));
}

export function orderMegas(state: SimState, region: number, source: MegaSource, count: number): number {
  const readyTick = state.tick + Math.round(state.scenario.services.mega[source].provisionMin * TICKS_PER_MINUTE);
  state.megaPending.push({ region, source, count, readyTick });
  return readyTick;
}

/** Takes `count` mega-supernodes out of a region: orders first, then running ones. Returns how many. */
export function withdrawMegas(state: SimState, region: number, count: number, source?: MegaSource): number {
  const order: MegaSource[] = source ? [source] : ['cloud', 'dedicated', 'groupVideo'];
  let left = count;
  for (const src of order) {
    for (let i = state.megaPending.length - 1; i >= 0 && left > 0; i--) {
      const b = state.megaPending[i];
      if (b.region !== region || b.source !== src) continue;
      const n = Math.min(b.count, left);
      b.count -= n;
      left -= n;
    }
  }
  state.megaPending = state.megaPending.filter((b) => b.count > 0);
  const before = megaUpIn(state, region);
  for (const src of order) {
    const n = Math.min(state.megaUp[src][region], left);
    state.megaUp[src][region] -= n;
    left -= n;
  }
  // Withdrawn servers are drained: they stop taking clients now and hand theirs back over
  // drainMin, so the peers are not hit by one reconnect burst.
  if (before > 0) {
    let held = 0;
    for (const c of state.cohorts) if (c.region === region) held += c.attachedMega;
    state.megaDrain[region] += held * (1 - megaUpIn(state, region) / before);
  }
  return count - left;
}

/** Clients of withdrawn mega-supernodes move to peers, a share each tick. */
export function drainMegas(state: SimState): void {
  const rate = perTick(state.scenario.services.megaDrainMin * 60);
  for (let r = 0; r < REGIONS.length; r++) {
    const d = state.megaDrain[r];
    if (d <= 0) continue;
    let held = 0;
    for (const c of cohortsIn(state, r)) held += c.attachedMega;
    const n = Math.min(held, d < 1 ? d : d * rate);
    state.megaDrain[r] = d - n < 1 ? 0 : d - n;
    if (held > 0) reattach(state, r, n / held, 'mega');
  }
}

/** Running mega-supernodes went away: their clients look for another home. */
export function dropMegaClients(state: SimState, region: number, upBefore: number): void {
  if (upBefore <= 0) return;
  const f = 1 - megaUpIn(state, region) / upBefore;
  reattach(state, region, f, 'mega');
}

/**
 * Each source brings up servers at its own rate, oldest order first, once that order's lead
 * time is over; clients learn of them at a limited rate. Every running server is paid for.
 */
export function runMegaPool(state: SimState): void {
  const s = state.scenario;
  drainMegas(state);
  const cfg = s.services.mega;
  const perTickH = TICK_SECONDS / 3600;
  for (const src of MEGA_SOURCES) {
    const ready = state.megaPending.filter((b) => b.source === src && b.readyTick <= state.tick);
    if (ready.length === 0) {
      state.megaCredit[src] = 0; // throughput unused while idle is not banked
      continue;
    }
    state.megaCredit[src] += cfg[src].perHour * perTickH;
    for (const b of ready) {
      const n = Math.min(b.count, Math.floor(state.megaCredit[src]));
      if (n <= 0) break;
      state.megaCredit[src] -= n;
      b.count -= n;
      state.megaUp[src][b.region] += n;
      if (b.count === 0) {
        state.events.push({
          minute: state.tick / TICKS_PER_MINUTE,
          severity: 'info',
          code: 'mega-ready',
          text: `Order complete: ${megaSourceName(src)} mega-supernodes serving in ${REGIONS[b.region].name} (${grouped(megaUpIn(state, b.region))} there now)`,
        });
      }
    }
    state.megaPending = state.megaPending.filter((b) => b.count > 0);
  }
  const learn = perTick(s.supernodes.megaDiscoveryMin * 60);
  for (let r = 0; r < REGIONS.length; r++) {
    const goal = megaUpIn(state, r) > 0 ? 1 : 0;
    state.megaKnown[r] += (goal - state.megaKnown[r]) * learn;
  }
  let perHour = 0;
  for (const src of MEGA_SOURCES) {
    let up = 0;
    for (let r = 0; r < REGIONS.length; r++) up += state.megaUp[src][r];
    perHour += up * cfg[src].costPerHourUsd;
  }
  const megaCost = perHour * perTickH;
  state.totals.megaCostUsd += megaCost;
  state.totals.costUsd += megaCost;
  if (!state.services.groupVideo) {
    state.totals.groupVideoDownMin += TICK_SECONDS / 60;
    state.totals.costUsd += s.prices.groupVideoDownPerHourUsd * perTickH;
  }
}
