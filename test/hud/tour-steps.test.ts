// The guided tour tells the story of the scenario on screen: "Show me around again" in a
// 16 Aug 2007 shift points at the login servers and the reboot wave, not December's cluster.
import { describe, expect, it } from 'vitest';
import { offersTour, tourSteps } from '../../src/renderer/hud/tour-steps';

const step = (scenarioId: string, id: string) => tourSteps(scenarioId).find((s) => s.id === id)!;
const allText = (scenarioId: string) => tourSteps(scenarioId).map((s) => `${s.text} ${s.tryText ?? ''}`).join('\n');

describe('the tour in aug-2007', () => {
  it('begins at the login servers and the reboot wave of 16 August', () => {
    const s = step('aug-2007', 'services');
    expect(s.target).toEqual({ place: { kind: 'service', id: 'login' } });
    expect(s.text).toMatch(/the login servers \(where 16 August began: Windows Update restarts 50% of Windows PCs within 1 h 00 min, and they all log in again at once\)/);
  });

  it('tells nothing of December 2010', () => {
    const text = allText('aug-2007');
    expect(text).not.toMatch(/22 December|5\.0\.0152|Wednesday|cloud instances|crash fix|Group Video Calling/);
    expect(step('aug-2007', 'counter').text).toMatch(/normal Thursday/);
    expect(step('aug-2007', 'hotfix').tryText).toBe('Push the self-healing fix.');
    expect(step('aug-2007', 'deploy').tryText).toMatch(/say 10 dedicated servers for Europe/);
    expect(step('aug-2007', 'offline-im').text).toMatch(/^No client in this scenario crashes on slow replies/);
    expect(step('aug-2007', 'group-video').text).toMatch(/Group Video did not exist in 2007: these are re-imaged servers of Skype's own fleet/);
  });
});

describe('the tour in dec-2010 and on a normal day', () => {
  it('dec-2010 leaves the diagnosis to the trainee: the services step points at none of them and names no cause', () => {
    const s = step('dec-2010', 'services');
    expect(s.target).toEqual({ place: { kind: 'service', id: 'login' } });
    expect(s.text).toMatch(/the pager says when one falls behind/);
    expect(s.text).not.toMatch(/began|crash|5\.0\.0152|slow/);
    expect(step('dec-2010', 'hotfix').tryText).toBe('Push the offline-IM crash fix.');
    expect(step('dec-2010', 'deploy').tryText).toMatch(/say 10 cloud instances for Europe/);
    expect(step('dec-2010', 'counter').text).toMatch(/normal Wednesday/);
  });

  it('a normal day began nowhere', () => {
    expect(step('normal-day', 'services').text).not.toMatch(/began/);
  });
});

describe('the first-shift offer', () => {
  it('comes in whichever built-in scenario a newcomer starts, in its first two sim-hours', () => {
    for (const id of ['dec-2010', 'aug-2007', 'normal-day']) {
      expect(offersTour(id, 0), id).toBe(true);
      expect(offersTour(id, 119), id).toBe(true);
      expect(offersTour(id, 120), id).toBe(false);
    }
  });

  it('not in an instructor\'s own scenario, which this screen cannot read to word the steps', () => {
    expect(offersTour('my-own-outage', 0)).toBe(false);
  });
});
