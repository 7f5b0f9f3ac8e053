// The replay and debrief CLIs: stable output lines and exit codes (0 ok, 1 diverged,
// 2 bad input with exactly one line on stderr), and no overwriting without --force.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeReplay } from '../../src/replay/node';
import { GOLDEN, GOLDEN_CHECKSUM, record } from './helpers';
import { replayCli } from '../../src/cli/replay';
import { debriefCli } from '../../src/cli/debrief';
import { runCli } from '../cli/run-cli';

// In-process (test/cli/bin.test.ts spawns each bin entry once).
const run = (cli: 'replay' | 'debrief', ...args: string[]) => runCli(cli === 'replay' ? replayCli : debriefCli, args);
const dir = mkdtempSync(join(tmpdir(), 'replay-cli-'));
const at = (name: string) => join(dir, name);
const errLines = (s: string) => s.split('\n').filter((l) => l.trim() && !l.includes('npm warn'));

describe('npm run replay', async () => {
  it('verify: "ok <checksum>" and exit 0 for a good replay', async () => {
    const r = await run('replay', 'verify', GOLDEN);
    expect(r.stdout).toBe(`ok ${GOLDEN_CHECKSUM}\n`);
    expect(r.status).toBe(0);
  });

  it('verify: "diverged at tick N (expected X, got Y)" and exit 1', async () => {
    const o = JSON.parse(gunzipSync(readFileSync(GOLDEN)).toString());
    o.checksums[4].checksum = 'abcdefabcdefabcd';
    writeFileSync(at('bad.skyreplay'), gzipSync(JSON.stringify(o)));
    const r = await run('replay', 'verify', at('bad.skyreplay'));
    expect(r.stdout).toMatch(/^diverged at tick 1440 \(expected abcdefabcdefabcd, got [0-9a-f]{16}\)\n$/);
    expect(r.status).toBe(1);
  });

  it('record makes a replay that verifies, and never overwrites without --force', async () => {
    const out = at('rec.skyreplay');
    const r = await run('replay', 'record', '--scenario', 'aug-2007', '--hours', '1', '--seed', '4', '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^wrote .*rec\.skyreplay \([\d.]+ kB\): aug-2007 seed 4, 1\.00 sim-hours, 0 commands, checksum [0-9a-f]{16}\n$/);
    const checksum = r.stdout.trim().split(' ').at(-1);
    expect((await run('replay', 'verify', out)).stdout).toBe(`ok ${checksum}\n`);
    const again = await run('replay', 'record', '--scenario', 'aug-2007', '--hours', '2', '--out', out);
    expect(again.status).toBe(2);
    expect(errLines(again.stderr)).toEqual([`replay: ${out} already exists; not overwriting it (pass --force to replace it)`]);
    expect((await run('replay', 'record', '--scenario', 'aug-2007', '--hours', '2', '--out', out, '--force')).status).toBe(0);
  });

  it('record refuses a seed, checksum interval or time the replay format cannot hold: one line, exit 2, no unreadable file written', async () => {
    const cases: [string[], RegExp][] = [
      [['--seed', '1e300'], /^replay: --seed must be a whole number from -2147483648 to 4294967295, got 1e\+300$/],
      [['--seed', '-5000000000'], /^replay: --seed must be a whole number from -2147483648 to 4294967295/],
      [['--checksum-every', '1e300'], /^replay: --checksum-every must be a whole number of ticks from 1 to 120960/],
      [['--created-at', '2020'], /^replay: --created-at must be an ISO time in UTC such as 2025-01-01T10:00:00Z, got 2020$/],
      [['--created-at', '2020-01-01T00:00:00+05:00'], /^replay: --created-at must be an ISO time in UTC/],
    ];
    for (const [flags, message] of cases) {
      const out = at(`unreadable-${flags.join('')}.skyreplay`);
      const r = await run('replay', 'record', '--scenario', 'normal-day', '--hours', '1', ...flags, '--out', out);
      expect(r.status, flags.join(' ')).toBe(2);
      expect(errLines(r.stderr), flags.join(' ')).toHaveLength(1);
      expect(errLines(r.stderr)[0]).toMatch(message);
      expect(existsSync(out), flags.join(' ')).toBe(false);
    }
    // The edges the format allows are still recorded, and read back.
    const edge = at('edge.skyreplay');
    const ok = await run('replay', 'record', '--scenario', 'normal-day', '--hours', '1', '--seed', '4294967295', '--checksum-every', '120960', '--created-at', '2025-01-01T10:00:00.5Z', '--out', edge);
    expect(ok.status, ok.stderr).toBe(0);
    expect((await run('replay', 'verify', edge)).status).toBe(0);
  });

  it('record --drill runs the drill\'s injects; info and branch describe and cut it', async () => {
    const out = at('drill.skyreplay');
    const r = await run('replay', 'record', '--drill', 'dec-2010-botnet-during-recovery', '--actions', 'historical', '--hours', '11', '--out', out);
    expect(r.status).toBe(0);
    const b = await run('replay', 'branch', out, '--at-minute', '600', '--out', at('branch.skyreplay'));
    expect(b.status).toBe(0);
    const info = await run('replay', 'info', at('branch.skyreplay'));
    expect(info.status).toBe(0);
    expect(info.stdout).toMatch(/^drill {6}dec-2010-botnet-during-recovery$/m);
    expect(info.stdout).toMatch(/^seed {7}7$/m);
    expect(info.stdout).toMatch(/^commands +\d+ \(trainee \d+, instructor 1\)$/m);
    expect(info.stdout).toMatch(/^scenario   dec-2010: .* \(built-in\)$/m);
    expect(info.stdout).toMatch(/^branched   from replay [0-9a-f]{16} at tick 3600$/m);
    expect((await run('replay', 'verify', at('branch.skyreplay'))).status).toBe(0);
  });

  it('record --drill --seed records a varied drill in the world of that seed, and it verifies', async () => {
    const out = at('world.skyreplay');
    const r = await run('replay', 'record', '--drill', 'dec-2010-another-world', '--seed', '13', '--hours', '1', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    const info = await run('replay', 'info', out);
    expect(info.stdout).toMatch(/^seed {7}13$/m);
    expect(info.stdout).toMatch(/^scenario   dec-2010: /m);
    expect(info.stdout).not.toMatch(/^scenario .*\(built-in\)$/m); // the varied world travels in the file
    expect((await run('replay', 'verify', out)).status).toBe(0);
  });

  it.each<[string[], RegExp]>([
    [['verify', '/nonexistent/x.skyreplay'], /^replay: \/nonexistent\/x\.skyreplay: cannot be read \(ENOENT\)$/],
    [['verify', 'package.json'], /^replay: package\.json: file is truncated or not a \.skyreplay \(no gzip header\)$/],
    [['rewind', GOLDEN], /^replay: unknown subcommand "rewind"/],
    [['record', '--scenario', 'dec-2010'], /^replay: --out FILE\.skyreplay is required$/],
    [['record', '--scenario', 'dec-2010', '--hours', '99', '--out', 'x', '--verbose'], /^replay: unknown option --verbose/],
    [['record', '--drill', 'no-such-drill', '--out', 'x'], /no-such-drill\.json: \(file\) cannot be read \(ENOENT\)/],
  ])('bad input %j: one line on stderr, exit 2', async (args, message) => {
    const r = await run('replay', ...args);
    expect(r.status).toBe(2);
    expect(errLines(r.stderr)).toHaveLength(1);
    expect(errLines(r.stderr)[0]).toMatch(message);
  });
});

describe('npm run debrief', async () => {
  it('writes the HTML report and CSV with progress on stderr, and refuses to overwrite without --force', async () => {
    const src = at('short.skyreplay');
    writeReplay(src, record('dec-2010', 3, 'historical'));
    const html = at('report.html');
    const csv = at('metrics.csv');
    const r = await run('debrief', src, '--out', html, '--csv', csv);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/debrief: re-simulating 50% \(baseline\)/);
    expect(r.stderr).toMatch(/debrief: wrote .*report\.html/);
    expect(readFileSync(html, 'utf8')).toMatch(/<title>Debrief: 22 December 2010/);
    expect(readFileSync(csv, 'utf8').split('\n')[0]).toMatch(/,phase,source$/);

    writeFileSync(html, 'keep me');
    const again = await run('debrief', src, '--out', html);
    expect(again.status).toBe(2);
    expect(errLines(again.stderr)).toEqual([`debrief: ${html} already exists; not overwriting it (pass --force to replace it)`]);
    expect(readFileSync(html, 'utf8')).toBe('keep me');
    expect((await run('debrief', src, '--out', html, '--force')).status).toBe(0);
    expect(readFileSync(html, 'utf8')).not.toBe('keep me');
  });

  it.runIf(existsSync('/usr/bin/chromium'))('--pdf prints the report with chromium', async () => {
    const pdf = at('report.pdf');
    const src = at('short-pdf.skyreplay');
    writeReplay(src, record('aug-2007', 2));
    const r = await run('debrief', src, '--pdf', pdf);
    expect(r.status).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('an output in a folder that does not exist, a folder, or no name at all: one clear line before any work, exit 2', async () => {
    const src = at('for-outputs.skyreplay');
    writeReplay(src, record('normal-day', 1));
    const missing = join(at('no-such-folder'), 'r.html');
    mkdirSync(at('a-folder'), { recursive: true });
    const cases: [string[], RegExp][] = [
      [['debrief', src, '--out', missing, '--force'], /^debrief: cannot write .*no-such-folder\/r\.html: the folder .*no-such-folder does not exist$/],
      [['debrief', src, '--csv', at('a-folder'), '--force'], /^debrief: cannot write .*a-folder: it is a folder$/],
      [['replay', 'record', '--scenario', 'normal-day', '--hours', '1', '--out', missing.replace('.html', '.skyreplay')], /^replay: cannot write .*no-such-folder\/r\.skyreplay: the folder .*no-such-folder does not exist$/],
      [['replay', 'record', '--scenario', 'normal-day', '--hours', '1', '--out', ''], /^replay: --out needs a file name$/],
      [['replay', 'branch', src, '--at-minute', '5', '--out', at('a-folder'), '--force'], /^replay: cannot write .*a-folder: it is a folder$/],
    ];
    for (const [args, message] of cases) {
      const r = await run(args[0] as 'replay' | 'debrief', ...args.slice(1));
      expect(r.status, args.join(' ')).toBe(2);
      expect(errLines(r.stderr), args.join(' ')).toHaveLength(1); // no re-simulation progress first
      expect(errLines(r.stderr)[0]).toMatch(message);
    }
  });

  it('bad input: one line on stderr, exit 2', async () => {
    const r = await run('debrief', 'nope.skyreplay', '--out', at('x.html'));
    expect(r.status).toBe(2);
    expect(errLines(r.stderr)).toEqual(['debrief: nope.skyreplay: cannot be read (ENOENT)']);
  });
});
