// .skyreplay files: what a good one round-trips to, and the one clear message each kind
// of bad file gets (file, field, problem).
import { gunzipSync, gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getScenario } from '../../src/sim/index';
import { ReplayError, SIM_VERSION, scenarioHash, verify } from '../../src/replay/index';
import { decodeReplay, encodeReplay } from '../../src/replay/node';
import { GOLDEN, record } from './helpers';

const good = record('normal-day', 1, [{ atMinute: 5, command: { type: 'throttleLogins', perSecond: 2000 } }], { checksumEveryTicks: 60 });
const json = () => JSON.parse(JSON.stringify(good)) as Record<string, any>;
const pack = (v: unknown) => gzipSync(Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)));

function errorOf(buf: Uint8Array, name = 'run.skyreplay'): ReplayError {
  try {
    decodeReplay(buf, name);
  } catch (e) {
    expect(e).toBeInstanceOf(ReplayError);
    return e as ReplayError;
  }
  throw new Error('decoded without error');
}

describe('encodeReplay / decodeReplay', () => {
  it('round-trips a recording exactly; the JSON starts with the format', () => {
    const buf = encodeReplay(good);
    expect([buf[0], buf[1]]).toEqual([0x1f, 0x8b]);
    expect(decodeReplay(buf, 'x.skyreplay')).toEqual(good);
    expect(gunzipSync(buf).toString().startsWith(`{"format":"skyreplay","formatVersion":1,"simVersion":"${SIM_VERSION}"`)).toBe(true);
  });

  it('reads a replay that names a built-in scenario instead of carrying it', () => {
    const o = json();
    delete o.scenario;
    const r = decodeReplay(pack(o), 'slim.skyreplay');
    expect(r.scenario).toEqual(getScenario('normal-day'));
    expect(verify(r).ok).toBe(true);
  });

  it.each<[string, () => Uint8Array, RegExp]>([
    ['empty file', () => Buffer.alloc(0), /^run\.skyreplay: is empty: not a \.skyreplay$/],
    ['not gzip', () => Buffer.from('{"format":"skyreplay"} and some more text'), /run\.skyreplay: file is truncated or not a \.skyreplay \(no gzip header\)/],
    ['truncated gzip', () => readFileSync(GOLDEN).subarray(0, 1500), /run\.skyreplay: file is truncated or not a \.skyreplay/],
    ['corrupt JSON', () => pack('{"format":"skyreplay",'), /run\.skyreplay: is corrupt: its content is not valid JSON/],
    ['another format', () => pack({ format: 'zip' }), /run\.skyreplay: format is "zip": not a Supernode Storm replay/],
    ['a JSON list', () => pack([1, 2]), /run\.skyreplay: is not a Supernode Storm replay/],
    ['newer format', () => pack({ ...json(), formatVersion: 2 }), /formatVersion 2: made by a newer Supernode Storm \(format 2\); this version reads format 1/],
    ['newer sim', () => pack({ ...json(), simVersion: '99' }), /simVersion 99: made by a newer Supernode Storm \(sim 99\); this version runs sim \d+/],
    ['older sim', () => pack({ ...json(), simVersion: '0' }), /simVersion 0: recorded with older simulation rules/],
    ['unknown scenario', () => { const o = json(); delete o.scenario; o.scenarioId = 'jan-2011'; return pack(o); }, /scenarioId "jan-2011" is not a scenario this version knows \(dec-2010, aug-2007, normal-day\)/],
    ['tampered scenario', () => { const o = json(); o.scenario.population.peakConcurrent *= 2; return pack(o); }, /scenarioHash does not match the scenario in the file: the file was edited or damaged/],
    ['wrong built-in edition', () => { const o = json(); delete o.scenario; o.scenarioHash = 'ffffffffffffffff'; return pack(o); }, /scenarioHash does not match this version's built-in "normal-day"/],
    ['scenario id mismatch', () => { const o = json(); o.scenarioId = 'dec-2010'; return pack(o); }, /scenarioId "dec-2010" does not match the scenario in the file \("normal-day"\)/],
    ['invalid command', () => { const o = json(); o.commands[0].command.perSecond = -5; return pack(o); }, /commands\[0\]\.command\.perSecond "perSecond" must be between 1 and 10000000, got -5/],
    ['unknown command', () => { const o = json(); o.commands[0].command = { type: 'rebootTheInternet' }; return pack(o); }, /commands\[0\]\.command\.type unknown command type "rebootTheInternet"/],
    ['commands out of order', () => { const o = json(); o.commands.push({ ...o.commands[0], tick: 2 }); return pack(o); }, /commands\[1\]\.tick 2 is before the previous command's tick 30/],
    ['command after the end', () => { const o = json(); o.commands[0].tick = 9999; return pack(o); }, /commands\[0\]\.tick 9999 is after the replay's end \(endTick 360\)/],
    ['bad source', () => { const o = json(); o.commands[0].source = 'hacker'; return pack(o); }, /commands\[0\]\.source must be one of trainee, instructor, scenario, script, got "hacker"/],
    ['checksums out of order', () => { const o = json(); [o.checksums[1], o.checksums[2]] = [o.checksums[2], o.checksums[1]]; return pack(o); }, /checksums\[2\]\.tick 60 is out of order: checksum ticks must increase/],
    ['bad checksum text', () => { const o = json(); o.finalChecksum = 'nope'; return pack(o); }, /finalChecksum has the wrong format: "nope"/],
    ['missing field', () => { const o = json(); delete o.seed; return pack(o); }, /run\.skyreplay: seed is missing/],
    ['end past the scenario', () => { const o = json(); o.endTick = 48 * 360 + 1; return pack(o); }, /endTick 17281 is past the scenario's end \(tick 17280\)/],
    ['unknown field', () => pack({ ...json(), cheats: true }), /cheats is not a known field/],
  ])('%s', (_name, make, message) => {
    const e = errorOf(make());
    expect(e.message).toMatch(message);
    expect(e.file).toBe('run.skyreplay');
  });
});
