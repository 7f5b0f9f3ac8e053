// The reconnect storm's sparks: a new game (or any full picture) starts from a still map, not
// with the last game's storm still running into the login servers at minute 0.
import { describe, expect, it } from 'vitest';
import { StormSparks, type SparkSprite } from '../../src/renderer/world/storm-sparks';
import { getScenario } from '../../src/sim/index';
import { viewOf } from '../../src/sim/view';
import { createSim } from '../../src/sim/world';
import type { SimView } from '../../src/sim/view-types';
import type { RegionId } from '../../src/sim/regions';

const sprite = (): SparkSprite => ({ x: 0, y: 0, rotation: 0, alpha: 0, tint: 0, scaleX: 1, scaleY: 1 });
const quiet = (): SimView => viewOf(createSim(getScenario('aug-2007'), 1));
/** The same network with a quarter of every region's users hunting for a supernode. */
function stormy(): SimView {
  const v = quiet();
  for (const r of v.regions) r.seeking = r.wantOnline / 4;
  v.metrics = { ...v.metrics, loginAttemptsPerS: 2400, loginsOkPerS: 600 };
  return v;
}
const every = (v: SimView) => new Set<RegionId>(v.regions.map((r) => r.id));

/** Half a second into a storm on a fresh map. */
function stormRunning(): { sparks: StormSparks<SparkSprite>; storm: SimView } {
  const sparks = new StormSparks(Array.from({ length: 2600 }, sprite));
  const storm = stormy();
  sparks.apply(storm, { full: true, newGame: true, regions: every(storm) });
  for (let i = 0; i < 5; i++) sparks.tick(0.1);
  return { sparks, storm };
}

describe('storm sparks', () => {
  it('a storm fills the map with sparks', () => {
    const { sparks } = stormRunning();
    expect(sparks.count).toBeGreaterThan(100);
  });

  it('a new game at minute 0 clears the last game\'s storm at once', () => {
    const { sparks, storm } = stormRunning();
    const before = sparks.version;
    const calm = quiet(); // LOGINS 0/0, nobody seeking
    sparks.apply(calm, { full: true, newGame: true, regions: every(calm) });
    expect(sparks.count).toBe(0);
    expect(sparks.version).not.toBe(before); // the drawing list is rebuilt empty
    sparks.tick(0.1);
    expect(sparks.count).toBe(0);
  });

  it('a delta frame leaves the running storm alone', () => {
    const { sparks, storm } = stormRunning();
    const n = sparks.count;
    sparks.apply(storm, { full: false, newGame: false, regions: new Set() });
    expect(sparks.count).toBe(n);
  });
});
