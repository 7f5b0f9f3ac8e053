// The phase banner says what is measured: the play-tester's shift read "Cascade · supernodes
// shutting themselves down" at T+3h while supernodes climbed 26k -> 29k and users online
// 53% -> 58%, and "Degraded · supernode load rising" at T+5h with the load 0.64x and falling.
import { describe, expect, it } from 'vitest';
import { applyCommand, createSim, getScenario, step, viewOf, type SimView } from '../../src/sim/index';
import { History } from '../../src/renderer/hud/history';
import { onlineTrend, phaseWords } from '../../src/renderer/hud/phase-words';
import type { SimState } from '../../src/sim/state';
import { TESTERS_ORDERS } from '../sim/helpers';

/** Steps to `minute`, the screen's history recording each sim-minute as hud.ts does. */
function playTo(s: SimState, history: History, minute: number): SimView {
  while (s.tick < minute * 6) {
    step(s);
    if (s.tick % 6 === 0) history.record(viewOf(s));
  }
  return viewOf(s);
}

describe('the phase banner', () => {
  const s = createSim(getScenario('dec-2010'), 1);
  const history = new History();
  playTo(s, history, 15);
  for (const c of TESTERS_ORDERS) applyCommand(s, c);

  it('in a cascade while users come back, names the supernodes lost and the share online, rising', () => {
    const v = playTo(s, history, 180);
    expect(v.phase).toBe('cascade');
    const lost = Math.round(100 * (1 - v.phaseWhy.supernodeShare));
    expect(phaseWords(v, history.samples)).toBe(`Cascade · ${lost}% of supernodes lost · 58% online ↑`);
  });

  it('degraded at T+5h says the share online that makes it so, not a load rising', () => {
    const v = playTo(s, history, 300);
    expect(v.phase).toBe('degraded');
    expect(v.metrics.supernodeLoad).toBeLessThan(1);
    expect(phaseWords(v, history.samples)).toBe('Degraded · 87% online ↑');
  });

  it('gives a direction only when the history measured one', () => {
    const v = viewOf(s);
    expect(phaseWords(v, [])).toBe('Degraded · 87% online');
    const flat = [{ minute: v.minute - 30, online: 87, want: 100, supernodes: 0, megas: 0, load: 0, attempts: 0, ok: 0 }];
    expect(onlineTrend(0.874, v.minute, flat)).toBe('');
    expect(onlineTrend(0.874, v.minute, [{ ...flat[0], online: 90 }])).toBe(' ↓');
    expect(onlineTrend(0.874, v.minute, [{ ...flat[0], minute: v.minute - 5, online: 50 }])).toBe(''); // too recent to say
    // A screen that has not caught up (the sim jumped 3 h at once) compares with nothing, not with T+15 min.
    expect(onlineTrend(0.58, 180, [{ ...flat[0], minute: 15, online: 83 }])).toBe('');
  });

  it('says a collapse\'s few users as a share that is not 0%', () => {
    const v = viewOf(s);
    const dead = (online: number) => ({ ...v, phase: 'collapse' as const, metrics: { ...v.metrics, onlineUsers: online, wantOnline: 19_000_000 }, phaseWhy: { supernodeShare: 0.05, reasons: ['online' as const] } });
    expect(phaseWords(dead(50_000), [])).toBe('Collapse · 0.3% online');
    expect(phaseWords(dead(11_005), [])).toBe('Collapse · <0.1% online');
    expect(phaseWords(dead(3_000_000), [])).toBe('Collapse · 16% online');
  });

  it('names an overloaded service', () => {
    const v = viewOf(s);
    const loginDown = { ...v, phase: 'degraded' as const, phaseWhy: { supernodeShare: 1, reasons: ['login' as const] } };
    expect(phaseWords(loginDown, [])).toBe('Degraded · login overload');
    const both = { ...loginDown, phaseWhy: { supernodeShare: 1, reasons: ['login' as const, 'offlineIm' as const, 'online' as const] } };
    expect(phaseWords(both, [])).toBe('Degraded · login overload · 87% online');
  });
});
