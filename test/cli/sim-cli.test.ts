// The headless CLI is a stable interface (README): its columns, its checksum line,
// and one clear line with exit code 2 on bad input.
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simCli } from '../../src/cli/sim';
import { runCli } from './run-cli';

// In-process (test/cli/bin.test.ts spawns the bin entry once).
const sim = (...args: string[]) => runCli(simCli, args);
const dir = mkdtempSync(join(tmpdir(), 'sim-cli-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

/** A file of `bytes` zeros that takes no disk (and, read whole, that much memory). */
const sparse = (name: string, bytes: number) => {
  const p = join(dir, name);
  writeFileSync(p, '');
  truncateSync(p, bytes);
  return p;
};

describe('npm run sim', async () => {
  it('prints the documented CSV columns every --every minutes, then the checksum', async () => {
    const r = await sim('--scenario', 'dec-2010', '--hours', '2', '--every', '30', '--checksum');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0].split(',').slice(0, 9)).toEqual([
      'minute', 'utc', 'online_users', 'supernodes_up', 'mega_supernodes_up', 'supernode_load', 'login_attempts_per_s', 'logins_ok_per_s', 'crashed_clients',
    ]);
    expect(lines.slice(1, -1).map((l) => l.split(',')[0])).toEqual(['0', '30', '60', '90', '120']);
    expect(lines[1].split(',')[1]).toBe('2010-12-22T16:00Z');
    expect(lines.at(-1)).toMatch(/^checksum [0-9a-f]{16}$/);
  });

  it('gives the same checksum for the same inputs and a different one for another seed', async () => {
    const a = (await sim('--scenario', 'aug-2007', '--hours', '3', '--checksum', '--seed', '5')).stdout.trim().split('\n').at(-1);
    const b = (await sim('--scenario', 'aug-2007', '--hours', '3', '--checksum', '--seed', '5')).stdout.trim().split('\n').at(-1);
    const c = (await sim('--scenario', 'aug-2007', '--hours', '3', '--checksum', '--seed', '6')).stdout.trim().split('\n').at(-1);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('runs an action file of timed commands', async () => {
    const acts = file('acts.json', JSON.stringify([{ atMinute: 0, command: { type: 'deployMegaSupernodes', count: 200, region: 'europe', source: 'cloud' } }]));
    const r = await sim('--scenario', 'normal-day', '--hours', '3', '--every', '60', '--actions', acts);
    expect(r.status).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => l.split(','));
    expect(rows.at(-1)![4]).toBe('200'); // all served 20 min lead + 2 h at 100/h later
    expect(Number(rows[2][4])).toBeLessThan(200); // still arriving at 1 h
  });

  it.each([
    [['--scenario', 'jan-2011'], /jan-2011.*dec-2010, aug-2007, normal-day/],
    [['--scenario', 'dec-2010', '--hours', 'lots'], /--hours must be a number/],
    // A seed the sim would fold silently onto another (1e300 >>> 0 is 0): the range a replay holds.
    [['--scenario', 'dec-2010', '--seed', '1e300'], /^sim: --seed must be a whole number from -2147483648 to 4294967295, got 1e\+300$/],
    [['--scenario', 'dec-2010', '--seed', '4294967296'], /^sim: --seed must be a whole number from -2147483648 to 4294967295, got 4294967296$/],
    [['--scenario', 'dec-2010', '--speed', '3'], /unknown option --speed/],
    [['--scenario', 'dec-2010', '--actions', '/nonexistent/a.json'], /cannot read \/nonexistent\/a.json: ENOENT/],
    [['--scenario', 'dec-2010', '--actions', 'BAD_JSON'], /not valid JSON/],
    [['--scenario', 'dec-2010', '--actions', 'BAD_CMD'], /\[0\]\.command\.count/],
    [['--scenario', 'dec-2010', '--actions', 'REFUSED'], /refused: count: only 1,000 dedicated servers/],
    // Sized before a byte is read: a huge file (sparse here) never fills memory, a folder or a pipe is never waited on.
    [['--scenario-file', 'HUGE'], /^sim: cannot read .*huge\.json: is 68,157,440 bytes, over the 67,108,864-byte limit$/],
    [['--scenario', 'dec-2010', '--actions', 'HUGE'], /^sim: cannot read .*huge\.json: is 68,157,440 bytes, over the 67,108,864-byte limit$/],
    [['--scenario-file', 'FOLDER'], /^sim: cannot read .*: is not a file$/],
  ])('bad input %j: one line on stderr, exit code 2', async (args, message) => {
    const swap = (a: string) =>
      a === 'BAD_JSON' ? file('bad.json', '[{"atMinute": 1,') :
      a === 'BAD_CMD' ? file('cmd.json', JSON.stringify([{ atMinute: 1, command: { type: 'deployMegaSupernodes', count: -3, region: 'europe', source: 'cloud' } }])) :
      a === 'REFUSED' ? file('ref.json', JSON.stringify([{ atMinute: 1, command: { type: 'deployMegaSupernodes', count: 5000, region: 'europe', source: 'dedicated' } }])) :
      a === 'HUGE' ? sparse('huge.json', 65 * 2 ** 20) :
      a === 'FOLDER' ? dir : a;
    const r = await sim(...args.map(swap));
    expect(r.status).toBe(2);
    const err = r.stderr.split('\n').filter((l) => l.trim() && !l.includes('npm warn'));
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('--summary prints one JSON line of the figures that decide a run', async () => {
    const r = await sim('--scenario', 'normal-day', '--hours', '2', '--every', '60', '--summary');
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
    for (const k of ['userHoursLost', 'lowestOnlineShare', 'recovered90AtMinute', 'crashedClients', 'costUsd', 'megaCostUsd']) expect(summary).toHaveProperty(k);
    expect(summary.lowestOnlineShare).toBeGreaterThan(0.97);
  });

  it('--vary changes a run by seed, the same way every time; --vary out of range is one line', async () => {
    const a = (await sim('--scenario', 'dec-2010', '--hours', '2', '--vary', '0.3', '--seed', '3', '--summary')).stdout;
    const b = (await sim('--scenario', 'dec-2010', '--hours', '2', '--vary', '0.3', '--seed', '3', '--summary')).stdout;
    const c = (await sim('--scenario', 'dec-2010', '--hours', '2', '--vary', '0.3', '--seed', '4', '--summary')).stdout;
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    const bad = await sim('--scenario', 'dec-2010', '--vary', '0.9');
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toMatch(/--vary must be between 0 and 0.5/);
  });

  it('--actions historical uses the scenario\'s own response, and says so in one line where there is none', async () => {
    const r = await sim('--scenario', 'normal-day', '--hours', '1', '--actions', 'historical');
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/normal-day has no historical response/);
    expect((await sim('--scenario', 'aug-2007', '--hours', '1', '--actions', 'historical')).status).toBe(0);
  });

  it('--scenario-file runs a custom scenario, checked against the schema', async () => {
    const text = readFileSync('src/sim/scenarios/normal-day.json', 'utf8').replace('"id": "normal-day"', '"id": "my-day"');
    const ok = await sim('--scenario-file', file('my.json', text), '--hours', '1', '--every', '60');
    expect(ok.status).toBe(0);
    const broken = await sim('--scenario-file', file('broken.json', text.replace('"cellsPerRegion": 20', '"cellsPerRegion": "many"')));
    expect(broken.status).toBe(2);
    expect(broken.stderr.trim()).toMatch(/supernodes\.cellsPerRegion must be a number/);
  });
});
