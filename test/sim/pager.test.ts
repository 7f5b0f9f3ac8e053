// The pager is the trainee's log of the outage: a figure hovering at an alarm's line must page
// once, or the pages that matter (the collapse, orders landing) scroll away.
import { describe, expect, it } from 'vitest';
import { createSim } from '../../src/sim/world';
import { getScenario } from '../../src/sim/index';
import { health, raiseAlarms } from '../../src/sim/alarms';

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
});
