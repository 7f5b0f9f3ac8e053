// Applying a command at the current tick. Player verbs and instructor injects go through
// the same door, so a replay is scenario + seed + timed commands.
import { REGIONS, REGION_IDS } from './regions';
import { TICKS_PER_MINUTE } from './time';
import { validateCommand, type Command, type CommandError } from './commands';
import { running } from './population';
import { knockDownHosts } from './cells';
import { megaInUse, megaUpIn, orderMegas, withdrawMegas, dropMegaClients } from './megas';
import { fixProgress } from './hotfix';
import { cancelMegaOrders, cancelOrder } from './cancel';
import { grouped, groupVideoBusyWords, groupVideoWords, hotfixName, megaSourceName, regionName, throttleDoneWords, upperFirst } from './names';
import type { SimState } from './state';

export type ApplyResult = { ok: true } | { ok: false; error: CommandError };

const refuse = (field: string, message: string): ApplyResult => ({ ok: false, error: { code: 'not-allowed-now', field, message } });
const regionIndex = (id: string | undefined) => (id === undefined ? -1 : (REGION_IDS as readonly string[]).indexOf(id));
const afterMin = (state: SimState, min: number) => state.tick + Math.round(min * TICKS_PER_MINUTE);

/** Validates `input` and applies it now. On error nothing changes. */
export function applyCommand(state: SimState, input: unknown): ApplyResult {
  const v = validateCommand(input, state.scenario.versions.map((x) => x.id));
  if (!v.ok) return v;
  const cmd = v.value;
  const res = apply(state, cmd);
  if (res.ok) note(state, cmd);
  return res;
}

function apply(state: SimState, cmd: Command): ApplyResult {
  const s = state.scenario;
  const delays = s.commandDelays;
  switch (cmd.type) {
    case 'deployMegaSupernodes': {
      const cfg = s.services.mega[cmd.source];
      const left = cfg.available - megaInUse(state, cmd.source);
      if (cmd.count > left) return refuse('count', `only ${grouped(Math.max(0, left))} ${megaSourceName(cmd.source)} servers are left to deploy`);
      if (cmd.source === 'groupVideo' && state.services.groupVideo)
        return refuse('source', groupVideoBusyWords(cfg.note, 'running'));
      // Servers promised back to Group Video cannot be borrowed as well (else the feature returns and the megas stay, free).
      if (cmd.source === 'groupVideo' && groupVideoComingBack(state))
        return refuse('source', groupVideoBusyWords(cfg.note, 'comingBack'));
      orderMegas(state, regionIndex(cmd.region), cmd.source, cmd.count);
      return { ok: true };
    }
    case 'withdrawMegaSupernodes': {
      if (cmd.ordersOnly) {
        const k = cancelMegaOrders(state, regionIndex(cmd.region), cmd.count, cmd.source);
        return k > 0 ? { ok: true } : refuse('region', `no mega-supernode orders${cmd.source ? ` from ${megaSourceName(cmd.source)}` : ''} still on their way to ${regionName(cmd.region)}`);
      }
      const n = withdrawMegas(state, regionIndex(cmd.region), cmd.count, cmd.source);
      return n > 0 ? { ok: true } : refuse('region', `no mega-supernodes${cmd.source ? ` from ${megaSourceName(cmd.source)}` : ''} to withdraw in ${regionName(cmd.region)}`);
    }
    case 'throttleLogins':
      state.pending.push({ atTick: afterMin(state, delays.throttleMin), command: cmd });
      return { ok: true };
    case 'pushHotfix': {
      if (state.hotfixes.some((h) => h.fix === cmd.fix)) return refuse('fix', `the ${hotfixName(cmd.fix)} has already been pushed`);
      if (fixProgress(state, cmd.fix).total <= 0) return refuse('fix', `no client version in this scenario needs the ${hotfixName(cmd.fix)}`);
      const build = s.hotfixes[cmd.fix].buildMin;
      state.hotfixes.push({ fix: cmd.fix, readyTick: afterMin(state, build), rolloutPctPerHour: cmd.rolloutPctPerHour, doneNotified: false });
      return { ok: true };
    }
    case 'setOfflineImService': {
      // Switching is a config push; growing the cluster past its own size means new servers.
      const grows = cmd.capacityPct !== undefined && cmd.capacityPct > Math.max(100, state.services.imCapacityPct);
      const atTick = afterMin(state, grows ? delays.offlineImGrowMin : delays.offlineImMin);
      // The latest order wins: an earlier one that would land after it (a growth still being racked) is dropped.
      supersede(state, (p) => p.command.type === 'setOfflineImService' && p.atTick > atTick);
      state.pending.push({ atTick, command: cmd });
      return { ok: true };
    }
    case 'setGroupVideo': {
      if (cmd.enabled) {
        const borrowed = megaInUse(state, 'groupVideo');
        if (borrowed > 0) return refuse('enabled', `${grouped(borrowed)} Group Video servers are still mega-supernodes: withdraw them first`);
      }
      // Switching a feature off is immediate, and the latest order wins: an "on" still on its way is dropped.
      if (!cmd.enabled) {
        state.services.groupVideo = false;
        supersede(state, (p) => p.command.type === 'setGroupVideo' && p.command.enabled);
      }
      state.pending.push({ atTick: afterMin(state, cmd.enabled ? delays.groupVideoMin : 0), command: cmd });
      return { ok: true };
    }
    case 'cancelOrder': {
      const r = cancelOrder(state, cmd.order, cmd.landsAtMinute);
      if (!r.ok) return refuse('order', r.message);
      say(state, 'info', 'action', cancelledText(state, cmd.order, r.lostBuildMin));
      return { ok: true };
    }
    case 'crashWave':
      crashWave(state, cmd.version, cmd.fraction, regionIndex(cmd.region));
      return { ok: true };
    case 'rebootStorm': {
      const ticks = Math.max(1, Math.round((cmd.overMinutes ?? 60) * TICKS_PER_MINUTE));
      const perTick = -Math.log(1 - Math.min(0.99, cmd.fraction)) / ticks;
      state.reboots.push({ region: regionIndex(cmd.region), perTick, untilTick: state.tick + ticks });
      return { ok: true };
    }
    case 'serviceOutage':
      state.outages.push({ service: cmd.service, fraction: cmd.fraction, untilTick: cmd.durationMin ? afterMin(state, cmd.durationMin) : -1 });
      if (cmd.service === 'megaPool') megaPoolFailure(state, cmd.fraction);
      return { ok: true };
    case 'loginFlood':
      state.floods.push({ region: regionIndex(cmd.region), perSecond: cmd.perSecond, untilTick: afterMin(state, cmd.durationMin) });
      return { ok: true };
    case 'supernodeCrash':
      knockDownHosts(state, cmd.region === undefined ? -1 : regionIndex(cmd.region), cmd.fraction);
      return { ok: true };
    default: {
      const never: never = cmd;
      return refuse('type', `unhandled command ${JSON.stringify(never)}`);
    }
  }
}

/** Instructor inject: a fraction of one client version's running clients crash now. */
function crashWave(state: SimState, versionId: string, fraction: number, region: number): void {
  const s = state.scenario;
  const vi = s.versions.findIndex((v) => v.id === versionId);
  for (let r = 0; r < REGIONS.length; r++) {
    if (region >= 0 && region !== r) continue;
    let desktop = 0;
    let hit = 0;
    for (const c of state.cohorts) {
      if (c.region !== r || !s.versions[c.version].desktop) continue;
      desktop += running(c);
      if (c.version === vi) hit += running(c);
    }
    for (const c of state.cohorts) {
      if (c.region !== r || c.version !== vi) continue;
      const n = (c.attachedPeer + c.attachedMega) * fraction;
      c.attachedPeer *= 1 - fraction;
      c.attachedMega *= 1 - fraction;
      c.crashed += n;
      state.totals.crashedClients += n;
    }
    if (desktop > 0 && s.versions[vi].desktop) {
      state.totals.supernodesCrashed += knockDownHosts(state, r, (fraction * hit) / desktop);
    }
  }
}

/** The latest order wins: orders still on their way that it overrides are dropped (they never land or page). */
function supersede(state: SimState, overridden: (p: SimState['pending'][number]) => boolean): void {
  state.pending = state.pending.filter((p) => !overridden(p));
}

/** A Group Video "on" order still on its way. */
const groupVideoComingBack = (state: SimState) => state.pending.some((p) => p.command.type === 'setGroupVideo' && p.command.enabled);

/** A failure in the provisioning system takes running mega-supernodes back to the queue. */
function megaPoolFailure(state: SimState, fraction: number): void {
  for (let r = 0; r < REGIONS.length; r++) {
    const before = megaUpIn(state, r);
    for (const src of ['dedicated', 'groupVideo', 'cloud'] as const) {
      const n = Math.floor(state.megaUp[src][r] * fraction);
      if (n <= 0) continue;
      state.megaUp[src][r] -= n;
      orderMegas(state, r, src, n);
    }
    dropMegaClients(state, r, before);
  }
}

/** Effects whose time has come: config pushes land, outages end. */
export function landPending(state: SimState): void {
  const due = state.pending.filter((p) => p.atTick <= state.tick);
  if (due.length) state.pending = state.pending.filter((p) => p.atTick > state.tick);
  for (const { command: c } of due) {
    if (c.type === 'throttleLogins') {
      if (c.region === undefined) state.services.throttleGlobal = c.perSecond;
      else state.services.throttleRegion[regionIndex(c.region)] = c.perSecond;
    } else if (c.type === 'setOfflineImService') {
      state.services.imEnabled = c.enabled;
      if (c.capacityPct !== undefined) state.services.imCapacityPct = c.capacityPct;
    } else if (c.type === 'setGroupVideo') {
      state.services.groupVideo = c.enabled;
    }
    say(state, 'info', 'action-landed', landedText(state, c));
  }
  const before = state.outages.length;
  state.outages = state.outages.filter((o) => o.untilTick < 0 || o.untilTick > state.tick);
  if (state.outages.length < before) say(state, 'info', 'outage-over', 'A degraded service is back to full capacity');
}

/** A config push in the pager's words: `order` while it is on its way (queued, cancelled), `done` once it has landed. */
function landedText(state: SimState, c: Command, when: 'order' | 'done' = 'done'): string {
  if (c.type === 'throttleLogins') return upperFirst(throttleDoneWords(c.perSecond, c.region));
  if (c.type === 'setOfflineImService') return c.enabled ? `Offline-IM service on at ${c.capacityPct ?? 100}% capacity` : 'Offline-IM service disabled: clients get an instant refusal';
  if (c.type === 'setGroupVideo') return groupVideoWords(c.enabled, state.scenario.services.mega.groupVideo.note, when);
  return c.type;
}

/** What a cancel cost, in the pager's words (the rule: cancel.ts). */
function cancelledText(state: SimState, c: Command, lostBuildMin: number): string {
  if (c.type === 'pushHotfix') return `${upperFirst(hotfixName(c.fix))} cancelled in build and test: ${Math.round(lostBuildMin)} min of build work lost; pushing it again starts over (~${grouped(state.scenario.hotfixes[c.fix].buildMin)} min)`;
  return `Config push cancelled before it landed, nothing changed: ${landedText(state, c, 'order')}`;
}

function say(state: SimState, severity: 'info' | 'warning', code: string, text: string): void {
  state.events.push({ minute: state.tick / TICKS_PER_MINUTE, severity, code, text });
}

/** The player's own actions go to the feed; instructor injects stay silent (their effects do not). */
function note(state: SimState, c: Command): void {
  const s = state.scenario;
  switch (c.type) {
    case 'deployMegaSupernodes':
      return say(state, 'info', 'action', `Ordered ${grouped(c.count)} ${megaSourceName(c.source)} mega-supernodes for ${regionName(c.region)}: the first in ~${grouped(s.services.mega[c.source].provisionMin)} min, then ${grouped(s.services.mega[c.source].perHour)}/h`);
    case 'withdrawMegaSupernodes':
      return say(state, 'info', 'action', c.ordersOnly ? `Cancelled up to ${grouped(c.count)} ${c.source ? megaSourceName(c.source) : ''} mega-supernodes on order for ${regionName(c.region)} (not billed: none had come up)`.replace('  ', ' ') : `Withdrawing ${grouped(c.count)} mega-supernodes from ${regionName(c.region)}`);
    case 'pushHotfix': {
      const m = s.hotfixes[c.fix].buildMin;
      return say(state, 'info', 'action', `${upperFirst(hotfixName(c.fix))} in build and test: ready in ~${Math.round(m / 60)} h`);
    }
    case 'throttleLogins':
    case 'setOfflineImService':
    case 'setGroupVideo':
      // A switch that takes effect at once (Group Video off) gets only its landed line.
      if (state.pending.some((p) => p.command === c && p.atTick <= state.tick)) return;
      return say(state, 'info', 'action', `Config push queued: ${landedText(state, c, 'order')}`);
    default:
      return;
  }
}
