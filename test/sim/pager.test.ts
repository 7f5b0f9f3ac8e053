// The pager is the trainee's log of the outage: a figure hovering at an alarm's line must page
// once, or the pages that matter (the collapse, orders landing) scroll away.
import { describe, expect, it } from 'vitest';
import { createSim } from '../../src/sim/world';
import { getScenario } from '../../src/sim/index';
import { health, phaseOf, raiseAlarms } from '../../src/sim/alarms';
import { megasWithdrawnHalfHealed, run } from './helpers';

describe('the pager', () => {
  it('pages once for supernode traffic hovering at 10x normal, and again only after it has calmed down', () => {
    const state = createSim(getScenario('normal-day'), 1);
    const h = health(state);
    const pages = (xs: number[]) => {
      let n = 0;
      for (const x of xs) {
        state.last.trafficX = x;
        raiseAlarms(state, h);
        n += state.events.filter((e) => e.code === 'traffic').length;
        state.events = [];
        state.tick++;
      }
      return n;
    };
    expect(pages(Array.from({ length: 60 }, (_, i) => (i % 2 ? 10.4 : 9.6)))).toBe(1);
    expect(pages([2, 10.5])).toBe(1); // calm in between: a new page
    expect(pages([150])).toBe(1); // a step up: a new page
  });

  it('pages once for a supernode loss hovering at a quarter', () => {
    const state = createSim(getScenario('normal-day'), 1);
    const h = health(state);
    let n = 0;
    for (let i = 0; i < 60; i++) {
      raiseAlarms(state, { ...h, supernodesUp: h.supernodesNormal * (i % 2 ? 0.74 : 0.76) });
      n += state.events.filter((e) => e.code === 'supernode-loss').length;
      state.events = [];
      state.tick++;
    }
    expect(n).toBe(1);
  });

  it('after a collapse says recovering only while the network climbs, and pages a fall from a climb once', () => {
    const state = createSim(getScenario('normal-day'), 1);
    const h = health(state);
    const seen: string[] = [];
    const relapsePages: string[] = [];
    for (const share of [0.9, 0.2, 0.1, 0.3, 0.5, 0.62, 0.6, 0.61, 0.5, 0.45, 0.46, 0.3, 0.2, 0.27, 0.4, 0.55, 0.92]) {
      const now = { ...h, online: h.want * share };
      raiseAlarms(state, now);
      relapsePages.push(...state.events.filter((e) => e.code === 'relapse').map((e) => e.text));
      seen.push(phaseOf(state, now));
      state.events = [];
      state.tick++;
    }
    expect(seen).toEqual([
      'calm', 'collapse', 'collapse', 'collapse', 'recovering', 'recovering', 'recovering', 'recovering',
      'relapse', 'relapse', 'relapse', 'collapse', 'collapse', 'collapse', 'recovering', 'recovering', 'calm',
    ]);
    expect(relapsePages).toEqual(['Falling again before recovering: ' + relapsePages[0].split(': ')[1]]);
    expect(relapsePages[0]).toMatch(/50% of normal \(it was back to 62%\)/);
  });

  it('a relapse that falls all the way is a collapse again, not a banner flickering round 35%', () => {
    const state = createSim(getScenario('normal-day'), 1);
    const h = health(state);
    const seen: string[] = [];
    for (const share of [0.9, 0.2, 0.3, 0.6, 0.5, 0.33, 0.37, 0.34, 0.37]) {
      const now = { ...h, online: h.want * share };
      raiseAlarms(state, now);
      seen.push(phaseOf(state, now));
      state.tick++;
    }
    expect(seen.slice(3)).toEqual(['recovering', 'relapse', 'collapse', 'collapse', 'collapse', 'collapse']);
  });

  it('shows a relapse when the megas carrying a half-healed network are withdrawn (aug-2007)', () => {
    const r = run('aug-2007', megasWithdrawnHalfHealed(), { hours: 22 });
    const phases = r.rows.map((x) => x.phase).filter((p, i, all) => p !== all[i - 1]);
    expect(phases.slice(phases.indexOf('recovering'))).toEqual(['recovering', 'relapse', 'collapse']);
  });
});

