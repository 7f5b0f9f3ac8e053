// The start screen follows the scenario: its intro is the chosen scenario's, and it starts on
// the scenario and seed the host runs, without overriding the player's own pick.
import { describe, expect, it } from 'vitest';
import type { SessionStatus } from '../../src/shared/contract';
import { hostChoice, scenarioIntro } from '../../src/renderer/screens/start-choice';

const status = (over: Partial<SessionStatus> = {}): SessionStatus => ({
  scenarioId: 'aug-2007', scenarioName: '16 August 2007', seed: 1, paused: true, speed: 60, ended: false,
  endMinute: 4320, started: false, orders: 0, screens: 1, hostSince: '2026-12-01T15:00:00.000Z', ...over,
});

describe('start screen intro', () => {
  it('introduces 16 Aug 2007 as that day, with no word of December 2010', () => {
    const intro = scenarioIntro('aug-2007');
    expect(intro).toMatch(/16 Aug 2007/);
    expect(intro).toMatch(/Windows Update/);
    expect(intro).not.toMatch(/2010|December|offline-IM|5\.0\.0152/);
    expect(intro).toMatch(/engineer on call\.$/);
  });

  it('keeps December 2010 for dec-2010, and gives the symptom, not the cause', () => {
    const intro = scenarioIntro('dec-2010');
    expect(intro).toMatch(/22 Dec 2010, 08:00 PST.*the pager starts to go off/);
    expect(intro).not.toMatch(/offline-IM|5\.0\.0152|crash/);
  });

  it('names 2007\'s public trigger but not the flaw Skype did not know of', () => {
    expect(scenarioIntro('aug-2007')).not.toMatch(/flaw|cannot heal/);
  });
});

describe('start screen preselection', () => {
  it('picks the scenario and seed the host runs', () => {
    expect(hostChoice(status(), null, false)).toEqual({ scenarioId: 'aug-2007', seed: 1 });
  });

  it('once per host, and never over the player\'s own pick', () => {
    const s = status();
    expect(hostChoice(s, s.hostSince, false)).toBeNull();
    expect(hostChoice(s, null, true)).toBeNull();
    expect(hostChoice(status({ hostSince: '2026-12-01T16:00:00.000Z' }), s.hostSince, false)).toEqual({ scenarioId: 'aug-2007', seed: 1 });
  });

  it('an unknown scenario picks nothing', () => {
    expect(hostChoice(status({ scenarioId: 'custom' }), null, false)).toBeNull();
  });
});
