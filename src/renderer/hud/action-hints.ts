// One-line hints under each form: what the order will take and cost, and the live figures
// that matter for the decision.
import type { HotfixId, MegaSource } from '../../sim/commands';
import type { RegionId } from '../../sim/regions';
import type { SimView } from '../../sim/view-types';
import { hotfixName, megaSourceName, perSecond, upperFirst } from '../../sim/names';
import { compact, duration, grouped, usd } from './format';
import { factsFor, type FixTarget, type ScenarioFacts } from './scenario-facts';

const STAGE_WORDS: Record<string, string> = { building: 'in build and test', 'rolling-out': 'rolling out', done: 'done' };
/** What a client needs a fix for: the sim's fixIsFor, in words ("No client in this scenario ..."). */
const FIX_NEED: Record<HotfixId, string> = {
  imCrashFix: 'crashes on slow offline-IM replies',
  jitteredBackoff: 'retries without backing off',
  selfHealingFix: 'has the self-healing flaw',
};

/** "A, B and C". */
export const listed = (names: string[]) => (names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0] ?? '');

/**
 * The login cap that will be in force here once the orders on their way land (the latest wins;
 * a worldwide order sets only the worldwide cap): null when none will be, so Lift changes nothing.
 */
export function throttleInForce(view: SimView, region: RegionId | ''): number | null {
  const pending = (view.orders ?? []).filter((o) => o.kind === 'config' && o.command.type === 'throttleLogins' && (o.command.region ?? '') === region);
  const last = pending.at(-1);
  if (last && last.kind === 'config' && last.command.type === 'throttleLogins') return last.command.perSecond;
  return region ? view.regions.find((r) => r.id === region)?.throttlePerS ?? null : view.metrics.throttleGlobalPerS;
}

export interface HintInputs {
  deployCount: number;
  deploySource: MegaSource;
  deployRegion: RegionId;
  throttleRegion: RegionId | '';
  throttleRate: number;
  hotfix: HotfixId;
}

export function actionHints(view: SimView, inp: HintInputs): Record<string, string> {
  const out: Record<string, string> = {};
  const facts = factsFor(view.scenarioId);
  const src = facts.mega[inp.deploySource];
  const n = Number.isFinite(inp.deployCount) ? inp.deployCount : 0;
  const region = view.regions.find((r) => r.id === inp.deployRegion);
  // What is left, not the total: servers up or on order are taken (an older host sends no megaLeft).
  const left = view.megaLeft?.[inp.deploySource] ?? src.available;
  const sourceName = upperFirst(megaSourceName(inp.deploySource));
  const gvDown = facts.groupVideoDownPerHourUsd ? `${usd(facts.groupVideoDownPerHourUsd)}/h` : '';
  // A source the scenario has none of (cloud in 2007) says so, and why, instead of prices.
  if (facts.known && src.available <= 0) out['deploy-hint'] = `${sourceName}: none to be had in this scenario.${src.note ? ` ${src.note}` : ''}`;
  else out['deploy-hint'] =
    `${sourceName}: first up in ${duration(src.provisionMin)} · ${src.costPerHourUsd ? `${usd(src.costPerHourUsd)}/h each → ${usd(src.costPerHourUsd * n)}/h once all run` : inp.deploySource === 'groupVideo' && gvDown ? `no running cost, but Group Video off costs ${gvDown}` : 'no extra cost'}` +
    ` · ${grouped(left)}${facts.known ? ` of ${grouped(src.available)}` : ''} left${n > left ? ` (${grouped(n)} is more than that: the order would be refused)` : ''} · each carries ${compact(src.clientCapacity)} clients` +
    (inp.deploySource === 'groupVideo' && view.groupVideoEnabled ? ' · switch Group Video off first' : '') +
    (region ? ` · here: ${region.megaUp} up, ${region.megaPending} coming` : '') +
    (src.note ? `. ${src.note}` : '');

  const m = view.metrics;
  const tr = inp.throttleRegion ? view.regions.find((r) => r.id === inp.throttleRegion) : null;
  const login = view.services.find((s) => s.id === 'login');
  out['throttle-hint'] =
    `Now ${compact(tr ? tr.loginAttemptsPerS : m.loginAttemptsPerS)}/s trying, ${compact(m.loginsOkPerS)}/s getting in` +
    (login ? ` · login servers answer ${compact(login.capacityPerS)}/s` : '') +
    (tr && tr.throttlePerS !== null ? ` · capped at ${compact(tr.throttlePerS)}/s here` : '') +
    (m.throttleGlobalPerS !== null ? ` · worldwide cap ${compact(m.throttleGlobalPerS)}/s` : '');
  // A cap above what is trying now holds nobody back: say so before the order is sent.
  const trying = tr ? tr.loginAttemptsPerS : m.loginAttemptsPerS;
  if (Number.isFinite(inp.throttleRate) && inp.throttleRate >= trying)
    out['throttle-hint'] = `No effect now: ${perSecond(inp.throttleRate)} is above the ${grouped(trying)}/s trying. ` + out['throttle-hint'];

  const delay = facts.delays.throttleMin;
  if (delay) out['throttle-hint'] += ` · takes effect in ${duration(delay)}`;

  const fix = view.hotfixes.find((h) => h.fix === inp.hotfix);
  const build = facts.hotfixBuildMin[inp.hotfix];
  out['hotfix-hint'] = fix
    ? `${upperFirst(hotfixName(inp.hotfix))}: ${STAGE_WORDS[fix.stage] ?? fix.stage}${fix.stage === 'building' ? ` (ready at sim ${Math.floor(fix.readyAtMinute / 60)}h${String(Math.round(fix.readyAtMinute % 60)).padStart(2, '0')})` : ''} · ${fix.pctDone.toFixed(0)}% done at ${fix.rolloutPctPerHour}%/h${held(fix, view.hotfixes.some((o) => o !== fix && o.stage === 'rolling-out'))}${fix.stage === 'rolling-out' ? ' (users offline get it when they are back)' : ''}`
    : fixNotPushed(inp.hotfix, build, facts.known ? (facts.fixFor[inp.hotfix] ?? null) : null);
  const im = view.services.find((x) => x.id === 'offlineIm');
  out['offline-im-hint'] = offlineImEffect(facts) +
    (facts.delays.offlineImMin ? ` Takes ${duration(facts.delays.offlineImMin)}.` : '') +
    (facts.delays.offlineImGrowMin ? ` Capacity past 100% is new servers: ${duration(facts.delays.offlineImGrowMin)}${facts.imExtraCapacityPerHourUsd ? `, ${usd(facts.imExtraCapacityPerHourUsd)}/h per 100% added` : ''}.` : '') +
    (im ? ` Now: ${im.enabled ? `on, ${Math.round(im.utilisation * 100)}% busy, replies in ${im.latencyS.toFixed(1)} s` : 'off'}.` : '');
  const gv = facts.mega.groupVideo;
  out['group-video-hint'] = (!facts.known
    ? 'Off (at once) frees the Group Video servers to host mega-supernodes.'
    : gv.note
    ? `Off (at once) frees ${compact(gv.available)} servers to host mega-supernodes. ${gv.note}`
    : `Off (at once) frees ${compact(gv.available)} Group Video servers to host mega-supernodes.`) +
    (gvDown ? ` Off costs ${gvDown}${gv.note ? ': their usual work waits' : ': a paid feature down'}.` : '') +
    (facts.delays.groupVideoMin ? ` Back on takes ${duration(facts.delays.groupVideoMin)}, once none are borrowed.` : '') +
    ` Now: ${view.groupVideoEnabled ? 'on' : 'off'}.`;
  // Which megas to give back first: the borrowed servers, whose switch costs by the hour (seed 000: Skype
  // returned them and restored Group Video Calling in time for Christmas).
  out['withdraw-hint'] = !facts.known
    ? 'Give Group Video servers back first, so Group Video can come back on.'
    : `Give Group Video servers back first: Group Video stays off while any are borrowed${gvDown ? `, at ${gvDown}` : ''}.` +
      (facts.withRecord && !gv.note ? ' Skype gave them back and restored Group Video Calling in time for Christmas.' : '');
  return out;
}

/** A rollout the update servers hold back: the pace they deliver it at, and whether it shares them. */
function held(fix: SimView['hotfixes'][number], sharing = false): string {
  if (fix.stage !== 'rolling-out' || fix.deliveringPctPerHour === null) return '';
  const pace = fix.deliveringPctPerHour < 10 ? fix.deliveringPctPerHour.toFixed(1) : String(Math.round(fix.deliveringPctPerHour));
  return `, but the update servers deliver ~${pace}%/h${sharing ? ', shared with another rollout' : ''}`;
}

/** A fix not ordered yet: its build time and the builds it is for, or that no client here needs it. */
/** `target` null: the builds are not known here (an instructor's own scenario): no claim either way. */
function fixNotPushed(fix: HotfixId, buildMin: number | undefined, target: FixTarget | null): string {
  if (!target) return `${buildMin ? `Build takes ${duration(buildMin)}. ` : ''}Fast rollouts reach users sooner but send everyone to the update servers at once; users offline get it only when they are back.`;
  if (!target.names.length) return `No client in this scenario ${FIX_NEED[fix]}: the ${hotfixName(fix)} would change nothing.`;
  return `${buildMin ? `Build takes ${duration(buildMin)}. ` : ''}For ${listed(target.names)} (${Math.round(target.share * 100)}% of users). ` +
    'Fast rollouts reach users sooner but send everyone to the update servers at once; users offline get it only when they are back.';
}

/** What switching offline IM off does here: only where some build crashes on slow replies does it buy anything. */
export function offlineImEffect(facts: ScenarioFacts): string {
  const crashing = facts.fixFor.imCrashFix.names;
  if (!facts.known) return 'Switching off stops the slow replies a crashing client build trips on; offline messages wait.';
  return crashing.length
    ? `Switching off stops the slow replies that crash ${listed(crashing)}; offline messages wait.`
    : 'No client in this scenario crashes on slow replies: switching off only makes offline messages wait, a cost with no benefit.';
}
