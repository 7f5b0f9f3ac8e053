// Drill files: the shipped ones load; broken ones get one message naming file, field, problem.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getScenario } from '../../src/sim/index';
import { DrillError, drillEndMinute, loadDrillText, PLAYER_VERBS_IN_DRILLS } from './fixtures';

const shipped = readdirSync('drills').filter((f) => f.endsWith('.json'));
const base = JSON.parse(readFileSync('drills/dec-2010-as-it-happened.json', 'utf8'));
const edit = (f: (d: any) => void) => {
  const d = structuredClone(base);
  f(d);
  return JSON.stringify(d);
};

describe('drill files', () => {
  it('ships four drills that load, each with cited sources', () => {
    expect(shipped.sort()).toEqual(['aug-2007-reboot-storm.json', 'dec-2010-another-world.json', 'dec-2010-as-it-happened.json', 'dec-2010-botnet-during-recovery.json']);
    for (const f of shipped) {
      const text = readFileSync(`drills/${f}`, 'utf8');
      const d = loadDrillText(text, f);
      expect(`${d.id}.json`).toBe(f);
      expect(JSON.stringify((JSON.parse(text) as { _sources: unknown })._sources)).toMatch(/Seed 00[02]/);
      expect(d.allowedActions.every((a) => PLAYER_VERBS_IN_DRILLS.includes(a))).toBe(true);
    }
  });

  it('ends at start + real minutes x compression, within the scenario', () => {
    const d = loadDrillText(JSON.stringify(base), 'x.json');
    expect(drillEndMinute(d)).toBe(48 * 60);
    expect(drillEndMinute({ ...d, timeLimitRealMin: 10, timeCompression: 60 })).toBe(600);
    expect(drillEndMinute({ ...d, timeLimitRealMin: 10, timeCompression: 3600 })).toBe(getScenario(d.scenarioId).durationHours * 60);
  });

  it.each<[string, string, RegExp]>([
    ['not JSON', '{"id": ', /^bad\.json: \(file\) is not valid JSON/],
    ['missing field', edit((d) => delete d.briefing), /^bad\.json: briefing is missing$/],
    ['misspelt field', edit((d) => (d.timeLimitMin = 3)), /^bad\.json: timeLimitMin is not a known field \(misspelt\?\)$/],
    ['unknown scenario', edit((d) => (d.scenarioId = 'jan-2011')), /^bad\.json: scenarioId "jan-2011" is not a known scenario$/],
    ['vary past the limit', edit((d) => (d.vary = 0.6)), /^bad\.json: vary must be at most 0\.5, got 0\.6$/],
    ['vary as text', edit((d) => (d.vary = '0.3')), /^bad\.json: vary must be a number/],
    ['odd compression', edit((d) => (d.timeCompression = 42)), /^bad\.json: timeCompression must be one of 1, 10, 60, 300, 900, 3600, 7200, got 42$/],
    ['unknown verb', edit((d) => d.allowedActions.push('rebootTheInternet')), /^bad\.json: allowedActions\[6\] must be one of deployMegaSupernodes, .*got "rebootTheInternet"$/],
    ['an inject verb for the trainee', edit((d) => d.allowedActions.push('loginFlood')), /allowedActions\[6\] must be one of/],
    ['twice the same verb', edit((d) => d.allowedActions.push('pushHotfix')), /allowedActions\[6\] lists "pushHotfix" twice/],
    ['bad objective kind', edit((d) => (d.objectives[0].kind = 'winBy')), /objectives\[0\]\.kind must be one of onlineShareBy, megaHoursAtMost, userHoursLostAtMost, recoveredBy, costAtMost, got "winBy"/],
    ['objective past the end', edit((d) => (d.timeLimitRealMin = 10)), /objectives\[0\]\.byMinute 1680 is outside the drill \(minutes 0 to 600/],
    ['duplicate objective id', edit((d) => (d.objectives[1].id = 'recovered')), /objectives\[1\]\.id "recovered" is used twice/],
    ['bad inject command', edit((d) => d.injects.push({ id: 'x', atMinute: 5, command: { type: 'loginFlood', perSecond: 0, durationMin: 5 } })), /injects\[0\]\.command\.perSecond "perSecond" must be between 1 and 10000000, got 0/],
    ['inject with no trigger', edit((d) => d.injects.push({ id: 'x', command: { type: 'supernodeCrash', fraction: 0.1 } })), /injects\[0\] needs "atMinute", "when" or both/],
    ['phase compared with <', edit((d) => d.injects.push({ id: 'x', when: { metric: 'phase', op: '<', value: 'calm' }, command: { type: 'supernodeCrash', fraction: 0.1 } })), /injects\[0\]\.when\.op must be "=" for phase/],
    ['unknown phase', edit((d) => d.injects.push({ id: 'x', when: [{ metric: 'minute', op: '>', value: 5 }, { metric: 'phase', op: '=', value: 'panic' }], command: { type: 'supernodeCrash', fraction: 0.1 } })), /injects\[0\]\.when\[1\]\.value must be one of calm, degraded, cascade, collapse, recovering, relapse, got "panic"/],
    ['unknown metric', edit((d) => d.injects.push({ id: 'x', when: { metric: 'mood', op: '>', value: 1 }, command: { type: 'supernodeCrash', fraction: 0.1 } })), /injects\[0\]\.when\.metric must be one of onlineShare/],
    ['number metric with text', edit((d) => d.injects.push({ id: 'x', when: { metric: 'onlineShare', op: '>', value: 'half' }, command: { type: 'supernodeCrash', fraction: 0.1 } })), /injects\[0\]\.when\.value must be a number for onlineShare, got "half"/],
    ['weight for no objective', edit((d) => (d.scoring.weights.speed = 2)), /scoring\.weights\.speed is not an objective id \(objectives: recovered, day-one, user-hours, spend\)/],
    ['negative weight', edit((d) => (d.scoring.weights.spend = -1)), /scoring\.weights\.spend must be a number from 0 to 100, got -1/],
  ])('%s', (_name, text, message) => {
    let err: unknown;
    try {
      loadDrillText(text, 'bad.json');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DrillError);
    expect((err as Error).message).toMatch(message);
  });
});
