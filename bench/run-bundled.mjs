// Runs a benchmark on the code as it ships: electron-vite bundles the main process (and the sim
// in it) into one file, so the bench bundles its entry the same way instead of timing tsx's
// on-the-fly loader (which costs about half the speed). Usage: node bench/run-bundled.mjs ENTRY.ts
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { basename } from 'node:path';

const entry = process.argv[2];
if (!entry) {
  console.error('usage: node bench/run-bundled.mjs bench/NAME.ts');
  process.exit(2);
}
const outfile = `out/bench/${basename(entry, '.ts')}.mjs`;
await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'warning', packages: 'external' });
const run = spawnSync(process.execPath, [outfile], { stdio: 'inherit' });
process.exit(run.status ?? 1);
