// Each command line's bin entry, spawned once (everything else about them runs in-process,
// through the same function): the process's exit code, stdout and stderr are the CLI's.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const spawn = (script: string, args: string[]) =>
  spawnSync(tsx, [script, ...args], { encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1', PORT: '' }, timeout: 60_000 });
const lines = (s: string) => s.split('\n').filter((l) => l.trim());

describe('bin entries', () => {
  it('npm run sim: prints usage and exits 0', () => {
    const r = spawn('src/cli/sim.ts', ['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/npm run sim -- --scenario/);
    expect(r.stderr.trim()).toBe('');
  });

  it.each<[string, string[], RegExp]>([
    ['src/cli/replay.ts', ['record', '--scenario', 'dec-2010', '--seed', 'one', '--out', 'x'], /^replay: --seed must be a number, got "one"$/],
    ['src/cli/debrief.ts', ['a.skyreplay', '--out', '--force'], /^debrief: --out needs a value$/],
    ['src/main/host/web.ts', ['--lan'], /^web: unknown option --lan; known: --port /],
  ])('%s %j: one line on stderr, exit 2', (script, args, message) => {
    const r = spawn(script, args);
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(lines(r.stderr)[0]).toMatch(message);
    expect(r.stdout).toBe('');
  });
});
