// Clients reaching for the network: offline-IM requests (and the crashes slow replies
// cause), logins, and attaching to a supernode or mega-supernode from the host cache.
import { REGIONS } from './regions';
import { doubles } from './doubles';
import { TICK_SECONDS } from './time';
import { attached, crashesOnSlowIm, hasHealingFlaw, policyOf, running } from './population';
import { BACKOFF_LEVELS, fire, retryDelayS, schedule, type RetryPolicy, type Wheel } from './wheel';
import { runLogin, runOfflineIm } from './services';
import { joinRoom, servingOf, type ClassedRange } from './supernodes';
import { cellSpan, firstCell, knockDownHosts, rangeAt, rangeTable, syncCells } from './cells';
import { cohortPositionsIn, cohortsIn } from './layout';
import { megaAcceptRoom } from './megas';
import type { Cell, Cohort, SimState } from './state';
import { MAX_CELLS_PER_REGION } from './scenario';

const due: number[][] = []; // scratch: attempts per cohort per level (not state: rebuilt each tick)
const dueAttach: number[][] = [];
const dueHand: number[][] = []; // the same for clients handing over (their supernode went away)
// Scratch per region for logins and attaches (not state: rewritten each tick, so no new arrays per tick).
const regionScratch = {
  attempts: doubles(REGIONS.length),
  flood: doubles(REGIONS.length),
  admitted: doubles(REGIONS.length),
  homeJoinFix: doubles(REGIONS.length),
  homeJoinFlaw: doubles(REGIONS.length),
  doomed: doubles(REGIONS.length), // clients who logged in and will crash on their offline messages
};

export function contact(state: SimState): void {
  offlineIm(state);
  logins(state);
  attaches(state);
}

/**
 * Offline-IM load comes from attached clients polling and from every login fetching its
 * waiting messages (seed 000), so a reconnect storm feeds the overload that started it.
 * A buggy client whose request is answered late crashes (seed 000).
 */
function offlineIm(state: SimState): void {
  const s = state.scenario;
  const im = s.services.offlineIm;
  const pollPerS = im.requestsPerClientPerHour / 3600;
  const loginFetchPerS = (state.last.loginsOk * im.fetchPerLogin) / TICK_SECONDS;
  let polling = 0;
  for (const c of state.cohorts) polling += attached(c) * pollPerS;
  const res = runOfflineIm(state, polling + loginFetchPerS);
  state.last.imDemandPerS = res.demandPerS;
  state.last.imLatencyS = res.latencyS;
  state.last.imPDelayed = res.pDelayed;
  if (res.pDelayed <= 0) return;
  // An attached buggy client that polls and gets a late reply chokes on it.
  const pCrash = Math.min(1, pollPerS * TICK_SECONDS * res.pDelayed * im.crashPerLateReply);
  for (let r = 0; r < REGIONS.length; r++) {
    let desktop = 0;
    let crashedDesktop = 0;
    for (const c of cohortsIn(state, r)) {
      const desk = s.versions[c.version].desktop;
      if (desk) desktop += running(c);
      if (!crashesOnSlowIm(s, c)) continue;
      const cp = c.attachedPeer * pCrash;
      const cm = c.attachedMega * pCrash;
      c.attachedPeer -= cp;
      c.attachedMega -= cm;
      c.crashed += cp + cm;
      state.totals.crashedClients += cp + cm;
      if (desk) crashedDesktop += cp + cm;
    }
    // Supernode hosts crash like any client of theirs; their clients are orphaned.
    if (desktop > 0 && crashedDesktop > 0) {
      const f = Math.min(1, (s.supernodes.imExposure * crashedDesktop) / (desktop + crashedDesktop));
      state.totals.supernodesCrashed += knockDownHosts(state, r, f);
    }
  }
}

/** Attempts due now from one wheel, into `out` (per backoff level + tight pulse). */
function dueFrom(w: Wheel, tick: number, out: number[][], i: number): number {
  if (!out[i]) out[i] = doubles(BACKOFF_LEVELS + 1);
  return fire(w, tick, out[i]);
}

/** Reschedules failed attempts by the cohort's retry policy; some users give up. */
function retryFailed(state: SimState, c: Cohort, w: Wheel, levels: number[], failShare: number, pol: RetryPolicy, relogin?: Wheel): void {
  const p = state.scenario.population;
  const giveUpPerS = p.giveUpPerHour / 3600;
  const back = relogin ? state.scenario.supernodes.reloginShare : 0;
  for (let l = 0; l <= BACKOFF_LEVELS; l++) {
    const n = levels[l] * failShare;
    if (n <= 0) continue;
    const level = l === BACKOFF_LEVELS ? 0 : l;
    const wait = retryDelayS(pol, level);
    const quit = n * Math.min(p.giveUpCap, giveUpPerS * wait);
    c.gaveUp += quit;
    const again = n - quit;
    // A client whose cache keeps failing logs in again for a fresh one (so a login throttle paces it).
    if (relogin && back > 0) schedule(relogin, state.tick, again * back, pol, level);
    schedule(w, state.tick, again * (1 - back), pol, level);
  }
}

const sumLevels = (lv: number[]) => {
  let n = 0;
  for (let l = 0; l <= BACKOFF_LEVELS; l++) n += lv[l];
  return n;
};

function logins(state: SimState): void {
  const s = state.scenario;
  const R = REGIONS.length;
  const attempts = regionScratch.attempts.fill(0);
  for (let i = 0; i < state.cohorts.length; i++) {
    const c = state.cohorts[i];
    attempts[c.region] += dueFrom(c.login, state.tick, due, i);
  }
  // Botnet floods (an instructor inject) also hit the login servers; they never succeed.
  const flood = regionScratch.flood.fill(0);
  state.floods = state.floods.filter((f) => f.untilTick > state.tick);
  for (const f of state.floods) {
    for (let r = 0; r < R; r++) if (f.region < 0 || f.region === r) flood[r] += (f.perSecond * TICK_SECONDS) / (f.region < 0 ? R : 1);
  }
  // Throttles turn the excess away at the front door, before it costs the servers anything.
  const admitted = regionScratch.admitted;
  let total = 0;
  for (let r = 0; r < R; r++) {
    const lim = state.services.throttleRegion[r];
    const want = attempts[r] + flood[r];
    admitted[r] = lim === null ? want : Math.min(want, lim * TICK_SECONDS);
    total += admitted[r];
    state.last.regionLoginAttempts[r] = want / TICK_SECONDS;
  }
  const g = state.services.throttleGlobal;
  const globalCut = g !== null && total > g * TICK_SECONDS ? (g * TICK_SECONDS) / total : 1;
  total *= globalCut;
  const res = runLogin(state, total);
  const okShare = total > 0 ? res.ok / total : 0;
  // A buggy client fetches its offline messages as it logs in; a late reply crashes it.
  const im = s.services.offlineIm;
  const pFetchCrash = Math.min(1, im.fetchPerLogin * state.last.imPDelayed * im.crashPerLateReply);
  const doomed = regionScratch.doomed.fill(0);
  let ok = 0;
  let all = 0;
  for (let i = 0; i < state.cohorts.length; i++) {
    const c = state.cohorts[i];
    const r = c.region;
    const want = attempts[r] + flood[r];
    const admitShare = want > 0 ? (admitted[r] * globalCut) / want : 0;
    const win = admitShare * okShare;
    const lv = due[i];
    const n = sumLevels(lv);
    const pol = policyOf(s, c);
    const crashed = crashesOnSlowIm(s, c) ? n * win * pFetchCrash : 0;
    c.crashed += crashed;
    state.totals.crashedClients += crashed;
    doomed[r] += crashed;
    schedule(c.attach, state.tick, n * win - crashed, pol, -1);
    retryFailed(state, c, c.login, lv, 1 - win, pol);
    ok += n * win;
    all += n;
  }
  for (let r = 0; r < R; r++) all += flood[r];
  state.last.loginAttempts = all;
  state.last.loginsOk = ok;
  state.last.loginRejected = res.rejected;
  state.last.loginWaitS = res.waitS;
}

/**
 * Clients with a login look for a supernode: mega-supernodes first where the login servers
 * hand them out, then peers from the host cache. A probe to a dead cache entry costs the
 * client time, not the live nodes; a live node answers while it has probe capacity and takes
 * the client while its own load is under its own limit. The overlay is one world-wide network:
 * most cache entries are the client's own neighbourhood, but `farShare` of its tries reach
 * supernodes anywhere, so a storm in one region loads the others and a region cannot heal
 * alone at its night while the rest of the world still hammers it. Who fails tries again by
 * policy, some of them in a neighbouring cell.
 */
function attaches(state: SimState): void {
  const s = state.scenario;
  const sn = s.supernodes;
  const R = REGIONS.length;
  const far = sn.farShare;
  const seek = seekers(state);
  // Far tries land on cells by what caches know of them, world-wide.
  let cachedAll = 0;
  for (const cell of state.cells) cachedAll += cell.cached;
  let farFix = 0;
  let farFlaw = 0;
  let farHand = 0;
  for (let r = 0; r < R; r++) {
    farFix += seek.restFix[r] * far;
    farFlaw += seek.restFlaw[r] * far;
    farHand += (seek.restFix[r] + seek.restFlaw[r]) * far * seek.handShare[r];
  }
  const farHandShare = farFix + farFlaw > 0 ? farHand / (farFix + farFlaw) : 0;
  let farJoinFix = 0;
  let farJoinFlaw = 0;
  const homeJoinFix = regionScratch.homeJoinFix.fill(0);
  const homeJoinFlaw = regionScratch.homeJoinFlaw.fill(0);
  let liveProbes = 0;
  const table = rangeTable(state);
  for (let r = 0; r < R; r++) {
    const waiting = seek.waiting[r];
    const hFix = seek.restFix[r] * (1 - far);
    const hFlaw = seek.restFlaw[r] * (1 - far);
    const a = firstCell(state, r);
    const b = a + sn.cellsPerRegion;
    let probesR = 0;
    // Each cell's share of the region's seekers, taken before any cell's failures overflow to
    // a neighbour: those try the neighbour next tick, not again in this one.
    for (let i = a; i < b; i++) homeShare[i - a] = waiting > 0 ? state.cells[i].waiting / waiting : state.cells[i].home;
    for (let i = a; i < b; i++) {
      const cell = state.cells[i];
      const home = homeShare[i - a];
      const reach = cachedAll > 0 ? cell.cached / cachedAll : 0;
      const j = joins;
      j.hFix = hFix * home;
      j.hFlaw = hFlaw * home;
      j.fFix = farFix * reach;
      j.fFlaw = farFlaw * reach;
      const homeN = j.hFix + j.hFlaw;
      const farN = j.fFix + j.fFlaw;
      j.handShare = homeN + farN > 0 ? (homeN * seek.handShare[r] + farN * farHandShare) / (homeN + farN) : 0;
      joinCell(state, cell, rangeAt(table, s, cell, i), j);
      homeJoinFix[r] += j.homeFix;
      homeJoinFlaw[r] += j.homeFlaw;
      farJoinFix += j.farFix;
      farJoinFlaw += j.farFlaw;
      probesR += j.probes;
      const homeJoined = j.homeFix + j.homeFlaw;
      cell.peers += homeJoined;
      cell.waiting = Math.max(0, cell.waiting - homeJoined);
      overflow(state, i, (hFix + hFlaw) * home - homeJoined);
    }
    liveProbes += probesR; // traffic to supernodes: probes that reach live ones, and join work
    state.last.regionPeerProbes[r] = probesR;
  }
  const farWinFix = farFix > 0 ? farJoinFix / farFix : 0;
  const farWinFlaw = farFlaw > 0 ? farJoinFlaw / farFlaw : 0;
  for (let r = 0; r < R; r++) {
    const aFix = seek.aFix[r];
    const aFlaw = seek.aFlaw[r];
    if (aFix + aFlaw <= 0) continue;
    const flawShare = aFlaw / (aFix + aFlaw);
    const toMega = seek.toMega[r];
    // Clients who joined far away are counted in their own region's cells (their keep-alive
    // load follows them only approximately: the join work was done where they joined).
    const peerFix = homeJoinFix[r] + seek.restFix[r] * far * farWinFix;
    const peerFlaw = homeJoinFlaw[r] + seek.restFlaw[r] * far * farWinFlaw;
    const farHere = peerFix + peerFlaw - homeJoinFix[r] - homeJoinFlaw[r];
    // Mega-supernode joiners and far joiners came from every cell of the region.
    takeFromWaiting(state, r, toMega + farHere);
    liveProbes += wasteJoins(state, r, seek.restFix[r] + seek.restFlaw[r] > 0 ? (peerFix + peerFlaw) / (seek.restFix[r] + seek.restFlaw[r]) : 0);
    const winFix = aFix > 0 ? (toMega * (1 - flawShare) + peerFix) / aFix : 0;
    const winFlaw = aFlaw > 0 ? (toMega * flawShare + peerFlaw) / aFlaw : 0;
    const megaFix = toMega * (1 - flawShare) + peerFix > 0 ? (toMega * (1 - flawShare)) / (toMega * (1 - flawShare) + peerFix) : 0;
    const megaFlaw = toMega * flawShare + peerFlaw > 0 ? (toMega * flawShare) / (toMega * flawShare + peerFlaw) : 0;
    const members = cohortsIn(state, r);
    const positions = cohortPositionsIn(state, r);
    for (let m = 0; m < members.length; m++) {
      const c = members[m];
      const flawed = hasHealingFlaw(s, c);
      const win = Math.min(1, flawed ? winFlaw : winFix);
      const megaShare = flawed ? megaFlaw : megaFix;
      const lv = dueAttach[positions[m]];
      const lh = dueHand[positions[m]];
      const won = (sumLevels(lv) + sumLevels(lh)) * win;
      c.attachedMega += won * megaShare;
      c.attachedPeer += won * (1 - megaShare);
      const pol = policyOf(s, c);
      retryFailed(state, c, c.attach, lv, 1 - win, pol, c.login);
      // Still logged in: a failed handover tries the cache again (or, some, a fresh login).
      retryFailed(state, c, c.handover, lh, 1 - win, pol, c.login);
    }
  }
  state.last.attachAttempts = seek.all;
  state.last.probes = liveProbes;
}

interface Seekers {
  aFix: number[];
  aFlaw: number[];
  toMega: number[];
  restFix: number[]; // attempts left for peers, by region, without the self-healing flaw
  restFlaw: number[];
  waiting: number[];
  handShare: number[]; // of the attempts, clients handing over (a cheaper join)
  all: number;
}

// seekers' answer, one object reused (read before the next tick's call overwrites it).
const seeking: Seekers = { aFix: doubles(REGIONS.length), aFlaw: doubles(REGIONS.length), toMega: doubles(REGIONS.length), restFix: doubles(REGIONS.length), restFlaw: doubles(REGIONS.length), waiting: doubles(REGIONS.length), handShare: doubles(REGIONS.length), all: 0 };

/** Attempts due now, by region: how many go to mega-supernodes and how many to peers. */
function seekers(state: SimState): Seekers {
  const s = state.scenario;
  const R = REGIONS.length;
  const out = seeking;
  out.all = 0;
  for (let r = 0; r < R; r++) {
    const { waiting } = syncCells(state, r);
    let aFix = 0;
    let aFlaw = 0;
    let hand = 0;
    const members = cohortsIn(state, r);
    const positions = cohortPositionsIn(state, r);
    for (let m = 0; m < members.length; m++) {
      const c = members[m];
      const h = dueFrom(c.handover, state.tick, dueHand, positions[m]);
      const n = dueFrom(c.attach, state.tick, dueAttach, positions[m]) + h;
      hand += h;
      if (hasHealingFlaw(s, c)) aFlaw += n;
      else aFix += n;
    }
    const A = aFix + aFlaw;
    const toMega = A > 0 ? Math.min(A * state.megaKnown[r], megaAcceptRoom(state, r)) : 0;
    const rest = A - toMega;
    out.aFix[r] = aFix;
    out.aFlaw[r] = aFlaw;
    out.toMega[r] = toMega;
    out.restFix[r] = A > 0 ? (rest * aFix) / A : 0;
    out.restFlaw[r] = A > 0 ? (rest * aFlaw) / A : 0;
    out.waiting[r] = waiting;
    out.handShare[r] = A > 0 ? hand / A : 0;
    out.all += A;
    state.last.regionAttempts[r] = A;
  }
  return out;
}

/**
 * One cell's seekers this tick (its own and far ones, fixed and flawed) and who of them joined.
 * Fields of one scratch object, not arguments: V8 boxes every number passed to a call it does
 * not inline, and per cell that garbage adds up.
 */
interface CellJoins {
  hFix: number;
  hFlaw: number;
  fFix: number;
  fFlaw: number;
  handShare: number; // of the cell's seekers, clients handing over: a join costs them handoverCostProbes
  homeFix: number;
  homeFlaw: number;
  farFix: number;
  farFlaw: number;
  probes: number; // work that reached live nodes, joins included
}

/**
 * One cell's supernodes facing this tick's seekers (its own and far ones): probes answered
 * up to capacity, the rest dropped at a small cost, joins admitted while they leave the
 * nodes under their bar. Sets the cell's probe work and `out`'s joins.
 */
function joinCell(state: SimState, cell: Cell, t: ClassedRange, out: CellJoins): void {
  const { hFix, hFlaw, fFix, fFlaw } = out;
  const s = state.scenario;
  const sn = s.supernodes;
  const P = sn.probesPerAttempt;
  const attFix = hFix + fFix;
  const attFlaw = hFlaw + fFlaw;
  const serving = servingOf(cell.pool);
  cell.probes = 0;
  if (attFix + attFlaw <= 0 || serving < 0.5) {
    out.homeFix = out.homeFlaw = out.farFix = out.farFlaw = out.probes = 0;
    return;
  }
  const liveFix = serving / Math.max(serving, cell.cached);
  const liveFlaw = attFlaw > 0 ? serving / Math.max(serving, cell.staleCached) : 0; // read only when there are flawed seekers
  const capacity = serving * sn.probeCapacityPerS * TICK_SECONDS;
  const willing = cell.willing;
  missFix.p = missFlaw.p = NaN;
  let answered = 1;
  let q = 0;
  for (let pass = 0; pass < 2; pass++) {
    // (a term with no seekers is skipped: its probes cost a power each, and dec-2010 has no flaw)
    q = (attFix > 0 ? attFix * probesUntil(missFix, liveFix * answered * willing, P) * liveFix : 0) + (attFlaw > 0 ? attFlaw * probesUntil(missFlaw, liveFlaw * answered * willing, P) * liveFlaw : 0);
    const was = answered;
    answered = q > capacity ? capacity / q : 1;
    if (answered === was) break; // the second pass would repeat the first exactly
  }
  const pFix = attFix > 0 ? 1 - missAll(missFix, liveFix * answered * willing, P) : 0;
  const pFlaw = attFlaw > 0 ? 1 - missAll(missFlaw, liveFlaw * answered * willing, P) : 0;
  const want = attFix * pFix + attFlaw * pFlaw;
  // Probes past a node's capacity go unanswered: dropping a datagram costs a little, not a reply.
  const dropped = Math.max(0, q - capacity);
  const probeWork = q - dropped + dropped * sn.refusedProbeCost;
  const cost = joinCost;
  cost.clientCapacity = sn.clientCapacity;
  cost.admitShare = sn.admitShare;
  cost.joinCostProbes = sn.joinCostProbes * (1 - out.handShare) + sn.handoverCostProbes * out.handShare;
  const maxJoins = joinRoom(cost, t, cell.pool, cell.peers, sn.probeCapacityPerS * TICK_SECONDS, probeWork, room, serving);
  const fit = want > maxJoins ? maxJoins / want : 1;
  const joined = want * fit;
  cell.probes = probeWork + joined * cost.joinCostProbes;
  out.homeFix = hFix * pFix * fit;
  out.homeFlaw = hFlaw * pFlaw * fit;
  // The cell's own joiners land on the classes that had room (far ones are counted at home).
  const home = out.homeFix + out.homeFlaw;
  if (home > 0 && maxJoins > 0) {
    const after = cell.peers + home;
    const keep = cell.peers / after;
    const each = home / maxJoins / after;
    const share = cell.pool.clientShare;
    for (let k = 0; k < t.n; k++) share[k] = share[k] * keep + room[k] * each;
  }
  out.farFix = fFix * pFix * fit;
  out.farFlaw = fFlaw * pFlaw * fit;
  out.probes = q + joined * cost.joinCostProbes;
}

// joinCell's scratch: a join's work for this cell's mix of fresh joiners and handovers.
const joinCost = { clientCapacity: 0, admitShare: 0, joinCostProbes: 0 };

const homeShare: number[] = doubles(MAX_CELLS_PER_REGION); // scratch of attaches: each cell's share of its region's seekers
const room: number[] = doubles(66); // scratch of joinCell: each class's room for joins (at most 64 classes and a tail)

const joins: CellJoins = { hFix: 0, hFlaw: 0, fFix: 0, fFlaw: 0, handShare: 0, homeFix: 0, homeFlaw: 0, farFix: 0, farFlaw: 0, probes: 0 }; // scratch: read before the next cell

/** (1 - p) ** P for the last p asked: one cell's probe passes often ask the same, and ** is dear. */
interface MissMemo {
  p: number;
  P: number;
  v: number;
}
const missFix: MissMemo = { p: NaN, P: 0, v: 0 };
const missFlaw: MissMemo = { p: NaN, P: 0, v: 0 };

/** Chance that all P probes miss, each taking the client with chance p. */
function missAll(m: MissMemo, p: number, P: number): number {
  if (p !== m.p || P !== m.P) {
    m.p = p;
    m.P = P;
    m.v = powOf(1 - p, P);
  }
  return m.v;
}

/** x ** n, by squaring when n is a small whole number (it is: probes per attempt): ** is dear. */
function powOf(x: number, n: number): number {
  if (!(n >= 0 && n <= 1024 && n === Math.floor(n))) return x ** n;
  let result = 1;
  let base = x;
  let e = n;
  while (e > 0) {
    if (e & 1) result *= base;
    base *= base;
    e >>= 1;
  }
  return result;
}

/**
 * Region r's buggy clients that logged in this tick and will crash on their offline messages
 * (logins) had a supernode take them on first, as often as anyone got in: that work is thrown
 * away (seed 000: restarting clients "massively increased the load as they reconnected").
 * It lands on the region's cells by home share; returns it.
 */
function wasteJoins(state: SimState, r: number, winShare: number): number {
  const w = regionScratch.doomed[r] * Math.min(1, winShare) * state.scenario.supernodes.joinCostProbes;
  if (!(w > 0)) return 0;
  const a = firstCell(state, r);
  const b = a + state.scenario.supernodes.cellsPerRegion;
  for (let i = a; i < b; i++) state.cells[i].probes += w * state.cells[i].home;
  state.last.regionPeerProbes[r] += w;
  return w;
}

/** `n` of region r's waiting clients got on (mega or far away): they leave every cell's queue alike. */
function takeFromWaiting(state: SimState, r: number, n: number): void {
  if (n <= 0) return;
  const [a, b] = cellSpan(state, r);
  let w = 0;
  for (let i = a; i < b; i++) w += state.cells[i].waiting;
  const f = w > 0 ? Math.max(0, 1 - n / w) : 1;
  for (let i = a; i < b; i++) state.cells[i].waiting *= f;
}

/**
 * A client probes its cache entries one after another until one takes it (chance p each),
 * at most P: one or two probes on a good day, all P in a storm.
 */
function probesUntil(m: MissMemo, p: number, P: number): number {
  return p > 1e-9 ? (1 - missAll(m, p, P)) / p : P;
}

/** Some of a cell's failed seekers try a neighbouring cell's supernodes next (seed 001). */
function overflow(state: SimState, i: number, failed: number): void {
  const cell = state.cells[i];
  const share = state.scenario.supernodes.overflowShare;
  if (share <= 0 || failed <= 0 || cell.waiting <= 0) return;
  const n = Math.min(cell.waiting, failed * share);
  const a = firstCell(state, cell.region);
  const len = state.scenario.supernodes.cellsPerRegion;
  if (len < 2) return;
  const left = a + ((i - a + len - 1) % len);
  const right = a + ((i - a + 1) % len);
  cell.waiting -= n;
  state.cells[left].waiting += n / 2;
  state.cells[right].waiting += n / 2;
}
