// The supernode overload rule, alone, is the democratic fibre bundle model
// (Pradhan, Hansen & Chakrabarti, Rev. Mod. Phys. 82, 499 (2010)).
import { describe, expect, it } from 'vitest';
import { fibreBundleSurvivors } from '../../src/sim/supernodes';

const exact = (s: number) => 0.5 + Math.sqrt(0.25 - s);

describe('supernode self-protection as a fibre bundle', () => {
  it.each([0.05, 0.1, 0.2, 0.24, 0.249])('below the critical load s=%s the survivors settle at 1/2 + sqrt(1/4 - s)', (s) => {
    expect(fibreBundleSurvivors(s)).toBeCloseTo(exact(s), 3);
  });

  it.each([0.251, 0.26, 0.3, 0.5])('above the critical load s=%s every node fails', (s) => {
    expect(fibreBundleSurvivors(s)).toBe(0);
  });

  it('the result does not depend on how finely thresholds are classed', () => {
    expect(fibreBundleSurvivors(0.2, 5)).toBeCloseTo(exact(0.2), 9);
    expect(fibreBundleSurvivors(0.2, 97)).toBeCloseTo(exact(0.2), 9);
  });

  it('the survivors jump from 1/2 to nothing across s_c = 1/4', () => {
    expect(fibreBundleSurvivors(0.2499)).toBeGreaterThan(0.5);
    expect(fibreBundleSurvivors(0.2501)).toBe(0);
  });
});
