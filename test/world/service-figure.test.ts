// The login servers' place on the map: its figure is always the current utilisation, also
// past the ring's three laps (a reviewer saw "959%" stay up while the HUD said ~301%).
import { describe, expect, it } from 'vitest';
import { placeLook } from '../../src/renderer/world/service-figure';
import type { LoginServiceView } from '../../src/sim/view-types';

const login = (utilisation: number, over: Partial<LoginServiceView> = {}): LoginServiceView => ({
  id: 'login', name: 'Login servers', capacityPerS: 600, demandPerS: Math.round(600 * utilisation), admittedPerS: Math.round(600 * utilisation), throttlePerS: null, regionsThrottled: 0, utilisation, latencyS: 0, enabled: true, degradedPct: 0, ...over,
});

describe('service place figures', () => {
  it('redraws when the figure moves past three laps', () => {
    const a = placeLook(login(9.59)), b = placeLook(login(3.01)), c = placeLook(login(21.48));
    expect([a.figure, b.figure, c.figure]).toEqual(['959%', '301%', '>999%']);
    expect(new Set([a.key, b.key, c.key]).size).toBe(3);
    expect(a.ring).toBe(3); // the ring itself stops at three laps
  });

  it('agrees with the HUD: 1.8K trying against 598 served reads ~301%', () => {
    expect(placeLook(login(1800 / 598)).figure).toBe('301%');
  });

  it('says only ">999%" past ten times capacity (the sim caps at 99: "9900%" meant nothing), and says a switched-off service is off', () => {
    expect(placeLook(login(9.99)).figure).toBe('999%');
    expect(placeLook(login(10)).figure).toBe('>999%');
    expect(placeLook(login(99)).figure).toBe('>999%');
    expect(placeLook({ id: 'offlineIm', name: 'Offline-IM cluster', capacityPerS: 600, demandPerS: 300, utilisation: 0.5, latencyS: 0, enabled: false, degradedPct: 0 }).figure).toBe('switched off');
    expect(placeLook(login(1.2, { degradedPct: 25 })).figure).toBe('120% · 25% lost');
  });
});
