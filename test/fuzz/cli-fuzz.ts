// Refused file mutants through the real command lines: one line on stderr, exit code 2,
// never a stack trace. Each run starts a process (~1 s), so this samples the mutants.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DrillError, loadDrillText } from '../../src/drill/index';
import { decodeReplay } from '../../src/replay/codec';
import { ReplayError } from '../../src/replay/index';
import { parseJsonGuarded } from '../../src/sim/json-guard';
import { loadScenarioText, ScenarioError, validateActionList } from '../../src/sim/index';
import type { Corpus } from './file-fuzz';
import { mutateText, mutateValue, pick, type Rng } from './mutate';

export interface CliFuzzStats {
  runs: number;
  findings: string[];
}

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');

/** Is this mutant refused in-process? Only those go to the CLI (an accepted one could run for minutes). */
const refused = (f: () => unknown, ...classes: Function[]): boolean => {
  try {
    f();
    return false;
  } catch (e) {
    return classes.some((c) => e instanceof c);
  }
};

export function fuzzClis(corpus: Corpus, runs: number, rng: Rng): CliFuzzStats {
  const stats: CliFuzzStats = { runs: 0, findings: [] };
  const kinds = ['replay', 'scenario', 'actions', 'drill'] as const;
  for (let n = 0, tries = 0; n < runs && tries < runs * 50; tries++) {
    const kind = kinds[n % kinds.length];
    const mutate = (text: string) => (rng() < 0.6 ? JSON.stringify(mutateValue(rng, JSON.parse(text))) : mutateText(rng, text));
    let args: string[];
    const file = join(corpus.dir, `cli-${n}.${kind === 'replay' ? 'skyreplay' : 'json'}`);
    if (kind === 'replay') {
      const buf = gzipSync(mutate(JSON.stringify(pick(rng, corpus.replays).json)));
      if (!refused(() => decodeReplay(buf, file), ReplayError)) continue;
      writeFileSync(file, buf);
      args = ['src/cli/replay.ts', pick(rng, ['verify', 'info']), file];
    } else if (kind === 'scenario') {
      const text = mutate(pick(rng, corpus.scenarios));
      if (!refused(() => loadScenarioText(text, file), ScenarioError)) continue;
      writeFileSync(file, text);
      args = ['src/cli/sim.ts', '--scenario-file', file, '--hours', '1'];
    } else if (kind === 'actions') {
      const text = mutate(corpus.actions);
      const p = parseJsonGuarded(text);
      if (p.ok && validateActionList(p.value).ok) continue;
      writeFileSync(file, text);
      args = ['src/cli/sim.ts', '--scenario', 'normal-day', '--hours', '1', '--actions', file];
    } else {
      const text = mutate(pick(rng, corpus.drills));
      if (!refused(() => loadDrillText(text, file), DrillError)) continue;
      writeFileSync(file, text);
      args = ['src/cli/replay.ts', 'record', '--drill', file, '--out', join(corpus.dir, `cli-${n}-out.skyreplay`)];
    }
    const r = spawnSync(TSX, args, { encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1' }, timeout: 120_000 });
    const lines = r.stderr.split('\n').filter((l) => l.trim());
    if (r.status !== 2 || lines.length !== 1 || /\n\s+at /.test(r.stderr))
      stats.findings.push(`${kind} via ${args.slice(0, 2).join(' ')}: exit ${r.status}, ${lines.length} lines: ${r.stderr.slice(0, 300)}`);
    stats.runs++;
    n++;
  }
  return stats;
}
