// The guided tour's steps, worded from the scenario being played: the day it began and where,
// the servers the Group Video switch frees, the fix worth trying. "Show me around again" in a
// 16 Aug 2007 shift must not tell December 2010's story. No DOM here: tutorial.ts draws them.
import type { Command, HotfixId, MegaSource, ServiceId } from '../../sim/commands';
import type { RegionId } from '../../sim/regions';
import { hotfixName } from '../../sim/names';
import { listed, offlineImEffect } from './action-hints';
import { duration } from './format';
import { factsFor, type ScenarioFacts } from './scenario-facts';

// The action panel's tabs and the map's places, spelt out here so this file stays free of the
// DOM and Pixi (tutorial.ts hands them to the panel and the map, whose own types must accept them).
type TourTab = 'deploy' | 'withdraw' | 'throttle' | 'hotfix' | 'offline-im' | 'group-video';
type TourPlace = { kind: 'region'; id: RegionId } | { kind: 'service'; id: ServiceId };

export interface Step {
  id: string;
  title: string;
  text: string;
  /** What to point at: a HUD element, or a place on the map. */
  target: { selector: string } | { place: TourPlace };
  tab?: TourTab;
  /** The try: done when this command type is accepted, or this kind of place is picked. */
  tries?: { verb: Command['type'] } | { pick: 'region' | 'service' };
  tryText?: string;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** What the deploy step suggests ordering, quickest first: words for ten of them. */
/** Said once, at the first try: the tour's orders are practice (action-panel.ts). */
const PRACTICE = 'In the tour nothing is sent: your shift stays as it was.';
const TRY_SOURCES: [MegaSource, string][] = [['cloud', 'cloud instances'], ['dedicated', 'dedicated servers']];

/** The first-shift offer comes in a shift still in its first two sim-hours. */
const OFFER_BEFORE_MINUTE = 120;

/**
 * Whether a newcomer's free-play shift offers the tour: any built-in scenario (the steps are
 * worded for each, so a first shift of 16 Aug 2007 is offered one too), early on. An instructor's
 * own scenario is not: this screen cannot read it to word the steps.
 */
export function offersTour(scenarioId: string, minute: number): boolean {
  return minute < OFFER_BEFORE_MINUTE && factsFor(scenarioId).known;
}

export function tourSteps(scenarioId: string): Step[] {
  const facts = factsFor(scenarioId);
  const start = facts.startUtc ? new Date(facts.startUtc) : null;
  const weekday = start ? WEEKDAYS[start.getUTCDay()] : 'day';
  const gv = facts.mega.groupVideo;
  const trySource = TRY_SOURCES.find(([src]) => facts.mega[src].available >= 10)?.[1] ?? 'dedicated servers';
  const tryFix = fixToTry(facts);
  return [
    { id: 'counter', title: 'People online', target: { selector: '.users-online' }, text: `Skype's own counter: how many people are connected right now, and the share of a normal ${weekday}. Everything you do is judged by this number.` },
    { id: 'clouds', title: 'The supernode clouds', target: { place: { kind: 'region', id: 'europe' } }, text: 'Each dot is a group of supernodes: ordinary users\' PCs that relay everyone\'s logins and calls. Cool blue is fine; hot, blinking dots are near their limit and will shut themselves down; grey ones are down.', tries: { pick: 'region' }, tryText: 'Click a region on the map (or press 1 to 6) to see its figures.' },
    servicesStep(facts, start),
    { id: 'deploy', title: 'Megas: mega-supernodes', target: { selector: '#form-deploy' }, tab: 'deploy', text: 'Big dedicated supernodes that each carry thousands of clients. They take time to come up and cost money per hour: rented ones by the server, borrowed ones (the Group Video switch) by the hour Group Video is off.', tries: { verb: 'deployMegaSupernodes' }, tryText: `Order a few (say 10 ${trySource} for Europe) and press Deploy. ${PRACTICE}` },
    { id: 'withdraw', title: 'Withdraw or cancel', target: { selector: '#form-withdraw' }, tab: 'withdraw', text: 'In a shift, orders on their way are listed over the map with when they land, each with a Cancel: cancelling what has not come up costs nothing. Withdrawing running ones hands their clients back slowly.', tries: { verb: 'withdrawMegaSupernodes' }, tryText: 'Press Withdraw to see how the order reads.' },
    { id: 'throttle', title: 'Throttle logins', target: { selector: '#form-throttle' }, tab: 'throttle', text: 'A cap on logins per second, worldwide or for one region. It paces a reconnect storm so supernodes can come back; a cap above what is trying does nothing. It lands after a config push.', tries: { verb: 'throttleLogins' }, tryText: 'Press Throttle (or Lift) to see how the order reads.' },
    { id: 'hotfix', title: 'Push a hotfix', target: { selector: '#form-hotfix' }, tab: 'hotfix', text: 'A fixed client build: it must be built and tested first, then rolls out at the speed you choose. Fast rollouts send everyone to the update servers at once.', tries: { verb: 'pushHotfix' }, tryText: tryFix ? `Push the ${hotfixName(tryFix)}.` : 'Push one to see it queued.' },
    { id: 'offline-im', title: 'The offline-IM service', target: { selector: '#form-offline-im' }, tab: 'offline-im', text: `${offlineImEffect(facts)}${!facts.known || facts.fixFor.imCrashFix.names.length ? ' That has a cost too.' : ''}`, tries: { verb: 'setOfflineImService' }, tryText: 'It is on, so the form offers Off: press Apply to see how the order reads.' },
    { id: 'group-video', title: 'Group Video', target: { selector: '#form-group-video' }, tab: 'group-video', text: gv.note ? `Switching it off frees its servers to host mega-supernodes. ${gv.note}` : 'Switching Group Video Calling off frees its servers to host mega-supernodes, at the cost of the feature.', tries: { verb: 'setGroupVideo' }, tryText: `It is on, so the form offers Off: press Apply to see how it reads. In a shift Off is at once, and On takes ${facts.delays.groupVideoMin ? duration(facts.delays.groupVideoMin) : 'a while'} to come back.` },
    { id: 'done', title: 'Your shift', target: { selector: '#help-button' }, text: 'Nothing you tried in the tour was sent: your shift is as it was. The pager tells you what happens; the charts show the last hours. Press ? for every key, the gear for settings, Space to pause. Good luck.' },
  ];
}

/**
 * The central services. A day that begins with a known, public event (2007's Windows Update
 * reboot wave) says so; a trigger the on-call had to find (2010's slow offline-IM cluster) is
 * left to the pager and the panels: Skype's staff found it from symptoms (seed 000), and a tour
 * that names it hands the trainee the diagnosis.
 */
function servicesStep(facts: ScenarioFacts, start: Date | null): Step {
  const day = start ? `${start.getUTCDate()} ${MONTHS[start.getUTCMonth()]}` : 'the day';
  const base = { id: 'services', title: 'The central services', tries: { pick: 'service' as const }, tryText: 'Click the ringed service on the map, or press S to step through them.' };
  const wave = facts.rebootWave;
  if (wave) {
    const over = wave.overMinutes ? ` within ${duration(wave.overMinutes)}` : '';
    return { ...base, target: { place: { kind: 'service', id: 'login' } }, text: `Skype's own servers: the login servers (where ${day} began: Windows Update restarts ${Math.round(wave.fraction * 100)}% of Windows PCs${over}, and they all log in again at once), the offline-IM cluster, updates and the mega-supernode pool.` };
  }
  return { ...base, target: { place: { kind: 'service', id: 'login' } }, text: 'Skype\'s own servers: login, the offline-IM cluster, updates and the mega-supernode pool. Each one\'s panel shows how hard it is working, and the pager says when one falls behind.' };
}

/** The quickest-built fix some client here needs. */
function fixToTry(facts: ScenarioFacts): HotfixId | null {
  const needed = (Object.keys(facts.fixFor) as HotfixId[]).filter((f) => facts.fixFor[f].names.length);
  needed.sort((a, b) => (facts.hotfixBuildMin[a] ?? Infinity) - (facts.hotfixBuildMin[b] ?? Infinity));
  return needed[0] ?? null;
}
