// Every command line (sim, replay, debrief, the browser host) answers --help and -h with its
// usage on stdout and exit code 0, and a mistyped command with one line and exit code 2.
// In-process (test/cli/bin.test.ts spawns each bin entry once).
import { describe, expect, it } from 'vitest';
import type { Cli } from '../../src/cli/args';
import { simCli } from '../../src/cli/sim';
import { replayCli } from '../../src/cli/replay';
import { debriefCli } from '../../src/cli/debrief';
import { webCli } from '../../src/main/host/web';
import { runCli } from './run-cli';

const CLI: Record<string, Cli> = { sim: simCli, replay: replayCli, debrief: debriefCli, web: webCli };
const run = (cli: string, args: string[]) => runCli(CLI[cli], args);

describe('CLI help', () => {
  it.each([
    ['sim', /npm run sim -- --scenario/],
    ['replay', /npm run replay -- verify FILE\.skyreplay/],
    ['debrief', /npm run debrief -- FILE\.skyreplay --out report\.html/],
    ['web', /npm run web -- \[--port N\]/],
  ])('%s --help and -h print usage and exit 0', async (cli, usage) => {
    for (const flag of ['--help', '-h']) {
      const r = await run(cli, [flag]);
      expect(r.status, `${cli} ${flag}`).toBe(0);
      expect(r.stdout).toMatch(usage);
      expect(r.stderr.trim()).toBe('');
    }
  });
});

describe('CLI usage errors', () => {
  it.each<[string, string[], RegExp]>([
    ['sim', ['--scenario', 'dec-2010', '--every'], /^sim: --every needs a value$/],
    ['sim', ['--scenario', 'dec-2010', '-v'], /^sim: unknown option -v; known: --scenario /],
    ['replay', ['record', '--scenario', 'dec-2010', '--seed', 'one', '--out', 'x'], /^replay: --seed must be a number, got "one"$/],
    ['replay', ['branch', 'a.skyreplay', 'b.skyreplay', '--at-minute', '5', '--out', 'x'], /^replay: unexpected argument "b\.skyreplay"$/],
    ['debrief', ['a.skyreplay', '--out', '--force'], /^debrief: --out needs a value$/],
    ['debrief', ['a.skyreplay', '--html', 'r.html'], /^debrief: unknown option --html; known: --out --csv --pdf --force --drills$/],
    ['web', ['--port', 'eighty'], /^web: --port must be a whole number, got "eighty"$/],
    ['web', ['--lan'], /^web: unknown option --lan; known: --port /],
    ['web', ['--data-dir'], /^web: --data-dir needs a value$/],
    // Checked before anything starts (--no-build --port 0: were one let through, nothing is built and no fixed port is taken).
    ['web', ['--no-build', '--port', '0', '--seed', '99999999999'], /^web: --seed must be a whole number from 0 to 4294967295, got 99999999999$/],
    ['web', ['--no-build', '--port', '0', '--speed', '5'], /^web: --speed must be one of 1, 10, 60, 300, 900, 3600, 7200 \(sim-seconds per real second\), got 5$/],
    ['web', ['--no-build', '--port', '0', '--scenario', 'constructor'], /^web: --scenario must be one of dec-2010, aug-2007, normal-day, got "constructor"$/],
    ['web', ['--no-build', '--port', '99999'], /^web: --port must be from 0 to 65535, got 99999$/],
  ])('%s %j: one line on stderr, exit 2', async (cli, args, message) => {
    const r = await run(cli, args);
    expect(r.status).toBe(2);
    const lines = r.stderr.split('\n').filter((l) => l.trim());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(r.stdout).toBe('');
  });
});
