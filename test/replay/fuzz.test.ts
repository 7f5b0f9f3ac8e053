// Fuzz: 200 seeded mutants of a replay's JSON (flipped characters, deleted fields, changed
// numbers, truncation). Decoding and verifying must either work or throw a ReplayError:
// never another exception, never a hang.
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ReplayError, scenarioHash, verify } from '../../src/replay/index';
import { decodeReplay, encodeReplay } from '../../src/replay/node';
import { prng, record } from './helpers';

const base = record('dec-2010', 1, [
  { atMinute: 10, command: { type: 'setOfflineImService', enabled: false } },
  { atMinute: 30, command: { type: 'deployMegaSupernodes', count: 50, region: 'europe', source: 'dedicated' } },
], { checksumEveryTicks: 60 });
const text = gunzipSync(encodeReplay(base)).toString();
const rand = prng(2010);
const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];

/** Every [path, parent, key] in a JSON value, to delete or change one at random. */
function slots(v: unknown, out: [Record<string, unknown> | unknown[], string | number][] = []): typeof out {
  if (Array.isArray(v)) v.forEach((x, i) => (out.push([v, i]), slots(x, out)));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (out.push([v as Record<string, unknown>, k]), slots(x, out));
  return out;
}

function mutate(kind: number): Buffer {
  if (kind === 0) {
    const chars = [...text];
    for (let n = 1 + Math.floor(rand() * 3); n > 0; n--) chars[Math.floor(rand() * chars.length)] = pick(['"', '{', '}', ',', '0', '9', 'x', ' ', ':', '-', '.', 'e']);
    return gzipSync(chars.join(''));
  }
  if (kind === 1) return gzipSync(text.slice(0, Math.floor(rand() * text.length)));
  if (kind === 2) {
    const gz = gzipSync(text);
    return gz.subarray(0, Math.floor(rand() * gz.length));
  }
  const o = JSON.parse(text);
  // Kinds 5-6 work like 3-4 on the body outside the scenario; 7 edits the scenario and
  // re-seals it, as someone who knows the format would, so the sim meets odd parameters.
  const target = kind === 7 ? o.scenario : kind >= 5 ? { ...o, scenario: undefined } : o;
  if (kind >= 5 && kind < 7) delete target.scenario;
  const all = slots(target);
  const [parent, key] = pick(all);
  const p = parent as Record<string | number, unknown>;
  if (kind === 3 || kind === 5) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete p[key];
  } else {
    const nums = all.filter(([pa, k]) => typeof (pa as Record<string | number, unknown>)[k] === 'number');
    const [np, nk] = kind !== 6 && nums.length ? pick(nums) : [parent, key];
    const q = np as Record<string | number, unknown>;
    const v = q[nk];
    q[nk] = pick<unknown>([0, -1, 1, 1e9, -1e9, 0.5, typeof v === 'number' ? v * 2 : 3, typeof v === 'number' ? v + 1 : null, '12', null, [], {}, true]);
  }
  if (kind === 7) o.scenarioHash = scenarioHash(o.scenario);
  return gzipSync(JSON.stringify(kind >= 5 && kind < 7 ? { ...target, scenario: o.scenario } : o));
}

describe('fuzzed replays', () => {
  it('decode + verify never throw anything but ReplayError', () => {
    const outcomes = { rejected: 0, verified: 0, diverged: 0, skipped: 0 };
    for (let i = 0; i < 200; i++) {
      const buf = mutate(i % 8);
      try {
        const rec = decodeReplay(buf, `mutant-${i}.skyreplay`);
        // A mutant may legally ask for a 14-day run; re-simulating those is what the bench is for.
        if (rec.endTick > 2000) {
          outcomes.skipped++;
          continue;
        }
        const res = verify(rec, { fileName: `mutant-${i}.skyreplay` });
        outcomes[res.ok ? 'verified' : 'diverged']++;
      } catch (e) {
        if (!(e instanceof ReplayError)) throw new Error(`mutant ${i} threw ${(e as Error).name}: ${(e as Error).message}`);
        expect(e.message.startsWith(`mutant-${i}.skyreplay: `)).toBe(true);
        outcomes.rejected++;
      }
    }
    // The checks should catch most damage; a few mutants are harmless (a flipped space), and some
    // must reach verify so the fuzz exercises it (how many depends on the fixture: 10 of 200 today).
    expect(outcomes.rejected).toBeGreaterThan(80);
    expect(outcomes.verified + outcomes.diverged).toBeGreaterThan(5);
    expect(outcomes.rejected + outcomes.verified + outcomes.diverged + outcomes.skipped).toBe(200);
    console.log('fuzz outcomes', outcomes);
  });
});
