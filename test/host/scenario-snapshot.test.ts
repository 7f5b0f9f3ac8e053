// Seeking and take-over rebuild the game from snapshot(state): a scenario whose snapshot
// differs from the state (a "__proto__" key survived JSON.parse and snapshot dropped it) would
// break them (issue 11, item 10). Every shipped scenario agrees; a "__proto__" key is refused.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checksum, createSim, loadScenarioText, SCENARIO_LIST, snapshot, step, type SimState } from '../../src/sim/index';

const fileOf = (id: string) => join(process.cwd(), 'src', 'sim', 'scenarios', `${id}.json`);

describe('shipped scenarios: checksum(state) === checksum(snapshot(state))', () => {
  for (const { id } of SCENARIO_LIST) {
    it(id, () => {
      const scenario = loadScenarioText(readFileSync(fileOf(id), 'utf8'), `${id}.json`);
      const state = createSim(scenario, 7);
      for (const ticks of [0, 90, 400]) {
        for (let t = 0; t < ticks; t++) step(state);
        const snap = snapshot(state);
        expect(checksum(snap as SimState), `${id} after ${ticks} more ticks`).toBe(checksum(state));
        const onDisk = JSON.parse(JSON.stringify(snap)) as SimState; // as a replay or journal holds it
        expect(checksum(onDisk)).toBe(checksum(state));
      }
    });
  }
});

describe('a scenario with a "__proto__" key is refused on load', () => {
  for (const { id } of SCENARIO_LIST) {
    it(id, () => {
      const text = readFileSync(fileOf(id), 'utf8');
      const atTop = text.replace('{', '{"__proto__": {"note": "a comment"},');
      const nested = text.replace('"_sources"', '"_x": {"__proto__": 1}, "_sources"');
      expect(() => loadScenarioText(atTop, `${id}.json`)).toThrow(/__proto__/);
      if (nested !== text) expect(() => loadScenarioText(nested, `${id}.json`)).toThrow(/__proto__/);
      expect(() => loadScenarioText(text, `${id}.json`)).not.toThrow();
    });
  }
});
