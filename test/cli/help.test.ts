// Every CLI answers --help and -h with its usage on stdout and exit code 0.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');

describe('CLI help', () => {
  it.each([
    ['sim', /npm run sim -- --scenario/],
    ['replay', /npm run replay -- verify FILE\.skyreplay/],
    ['debrief', /npm run debrief -- FILE\.skyreplay --out report\.html/],
  ])('%s --help and -h print usage and exit 0', (cli, usage) => {
    for (const flag of ['--help', '-h']) {
      const r = spawnSync(tsx, [`src/cli/${cli}.ts`, flag], { encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1' } });
      expect(r.status, `${cli} ${flag}`).toBe(0);
      expect(r.stdout).toMatch(usage);
      expect(r.stderr.trim()).toBe('');
    }
  });
});
