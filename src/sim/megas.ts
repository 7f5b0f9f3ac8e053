// The mega-supernode pool (seed 000): dedicated servers, Group Video Calling servers
// borrowed at the cost of that feature, and rented cloud instances, each with its
// provisioning time, price and a capacity far above a peer supernode's.
import { REGIONS } from './regions';
import { TICK_SECONDS, TICKS_PER_MINUTE } from './time';
import { MEGA_SOURCES, type MegaSource } from './commands';
import { reattach } from './population';
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
  for (const c of state.cohorts) if (c.region === region) held += c.attachedMega;
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
  dropMegaClients(state, region, before);
  return count - left;
}

/** Running mega-supernodes went away: their clients look for another home. */
export function dropMegaClients(state: SimState, region: number, upBefore: number): void {
  if (upBefore <= 0) return;
  const f = 1 - megaUpIn(state, region) / upBefore;
  reattach(state, region, f, 'mega');
}

/** Orders that are ready start serving; every server in use is paid for. */
export function runMegaPool(state: SimState): void {
  const cfg = state.scenario.services.mega;
  const ready = state.megaPending.filter((b) => b.readyTick <= state.tick);
  if (ready.length) {
    state.megaPending = state.megaPending.filter((b) => b.readyTick > state.tick);
    for (const b of ready) {
      state.megaUp[b.source][b.region] += b.count;
      state.events.push({
        minute: state.tick / TICKS_PER_MINUTE,
        severity: 'info',
        code: 'mega-ready',
        text: `${b.count} ${b.source === 'groupVideo' ? 'Group Video' : b.source} mega-supernodes serving in ${REGIONS[b.region].name}`,
      });
    }
  }
  let perHour = 0;
  for (const src of MEGA_SOURCES) perHour += megaInUse(state, src) * cfg[src].costPerHourUsd;
  state.totals.megaCostUsd += (perHour * TICK_SECONDS) / 3600;
  if (!state.services.groupVideo) state.totals.groupVideoDownMin += TICK_SECONDS / 60;
}
