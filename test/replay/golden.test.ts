// The golden replay: a committed 12-hour dec-2010 historical run. If this fails, the sim's
// rules changed: bump SIM_VERSION (src/sim/version.ts) and re-record the fixture with the line
// below (a change to the dec-2010 scenario file, even its description, needs only the re-record:
// the scenario is part of the state, and scenarioHash tells older replays it has changed)
//   npm run replay -- record --scenario dec-2010 --actions historical --hours 12 --created-at 2025-01-01T00:00:00Z --out test/fixtures/dec-2010-historical-12h.skyreplay --force
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checksum, getScenario, historicalActions } from '../../src/sim/index';
import { runScenario } from '../../src/cli/run';
import { verify } from '../../src/replay/index';
import { decodeReplay, encodeReplay } from '../../src/replay/node';
import { GOLDEN, GOLDEN_CHECKSUM, record } from './helpers';

describe('golden replay', () => {
  const rec = decodeReplay(readFileSync(GOLDEN), GOLDEN);

  it('re-simulates to its stored checksum, every time', () => {
    expect(rec.finalChecksum).toBe(GOLDEN_CHECKSUM);
    expect(rec.checksums).toHaveLength(13);
    expect(verify(rec)).toEqual({ ok: true, finalChecksum: GOLDEN_CHECKSUM });
    expect(verify(rec)).toEqual({ ok: true, finalChecksum: GOLDEN_CHECKSUM });
  });

  it('agrees with npm run sim for the same scenario, seed and actions', () => {
    const state = runScenario(getScenario('dec-2010'), 1, historicalActions(), 12, 60);
    expect(checksum(state)).toBe(GOLDEN_CHECKSUM);
  });

  it('is what recording the same run again produces, byte for byte', () => {
    expect(encodeReplay(record('dec-2010', 12, 'historical')).equals(readFileSync(GOLDEN))).toBe(true);
  });
});

describe('a replay made by the older model (sim 1)', () => {
  it('is refused with one clear line: made with older simulation rules', () => {
    expect(() => decodeReplay(readFileSync('test/fixtures/sim1-dec-2010-historical-12h.skyreplay'), 'old.skyreplay')).toThrow(
      /recorded with older simulation rules \(sim 1\); this version runs sim \d+/,
    );
  });
});
