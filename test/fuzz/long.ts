// `npm run fuzz -- --long`: 100,000 WebSocket messages and 10,000 file mutants, refused file
// mutants through the CLIs, and a client that never reads sending 400 MB. Prints the figures
// (host memory before and after included) and exits 1 on any finding.
// `npm run fuzz` without --long runs the fast suite (test/fuzz/*.test.ts) through vitest.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startWebHost } from '../../src/main/host/web';
import { prng } from '../replay/helpers';
import { fuzzClis } from './cli-fuzz';
import { disposeCorpus, fuzzFiles, makeCorpus } from './file-fuzz';
import { slowReader } from './slow-reader';
import { fuzzHost } from './ws-fuzz';

const { values } = parseArgs({ options: { long: { type: 'boolean' }, seed: { type: 'string' }, messages: { type: 'string' }, files: { type: 'string' }, clis: { type: 'string' } } });
if (!values.long) {
  const r = spawnSync(process.execPath, [join('node_modules', 'vitest', 'vitest.mjs'), 'run', 'test/fuzz'], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const seed = Number(values.seed ?? 20101222);
const counts = { messages: Number(values.messages ?? 100_000), files: Number(values.files ?? 10_000), clis: Number(values.clis ?? 40) };
const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
const gc = (globalThis as { gc?: () => void }).gc;
const rss = () => {
  gc?.();
  return process.memoryUsage().rss;
};
/** What JavaScript still holds after a collection: the heap plus buffers and typed arrays outside it. */
const heap = () => {
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};
let crashes = 0;
process.on('uncaughtException', (e) => {
  crashes++;
  console.error(`UNCAUGHT: ${e.stack}`);
});

const dir = mkdtempSync(join(tmpdir(), 'storm-fuzz-long-'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Supernode Storm</title>');
const logs: string[] = [];
const findings: string[] = [];
console.log(`fuzz --long, seed ${seed}${gc ? '' : ' (no --expose-gc: memory figures include garbage not yet collected)'}`);

// 1. WebSocket messages against a host with the flood limit lifted (the fuzzer sends back to back).
{
  const web = await startWebHost({ port: 0, rendererDir: dir, dataDir: join(dir, 'ws-data'), scenarioId: 'normal-day', seed: 1, paused: true, log: (l) => logs.push(l), limits: { messagesPerSecond: 1e9, burstMessages: 1e9 } });
  const before = rss();
  const heapBefore = heap();
  const started = Date.now();
  let warm = { rss: 0, heap: 0 };
  const s = await fuzzHost(web, counts.messages, prng(seed), (n) => {
    if (n === 1000) warm = { rss: rss(), heap: heap() };
    if (n % 10_000 === 0) console.log(`  ${n} messages, host rss ${mb(rss())}, heap ${mb(heap())}`);
  });
  const after = rss();
  const heapAfter = heap();
  await web.close();
  const caught = logs.filter((l) => /failed/.test(l));
  console.log(`WebSocket: ${s.messages} messages in ${((Date.now() - started) / 1000).toFixed(0)} s: ${s.refused} refused with one clear error (state unchanged), ${s.accepted} valid after all, ${s.hungUp} hung up on (oversized or broken UTF-8); ${s.findings.length} findings; ${caught.length} caught by the last guard`);
  console.log(`  host memory (rss): ${mb(before)} at start, ${mb(warm.rss)} after the first 1,000 messages, ${mb(after)} at the end (${after - before >= 0 ? '+' : ''}${mb(after - before)} from the start)`);
  console.log(`  held by JavaScript (heap + buffers): ${mb(heapBefore)} at start, ${mb(warm.heap)} after 1,000, ${mb(heapAfter)} at the end`);
  console.log('  (the fuzzing client runs in the same process: rss includes its 4 MB frames and pages the allocator keeps; what JavaScript holds is what the host retains)');
  if (heapAfter - heapBefore > 50 * 2 ** 20) findings.push(`the host kept ${mb(heapAfter - heapBefore)} more after the WebSocket fuzzing`);
  findings.push(...s.findings, ...caught.map((l) => `guard: ${l.slice(0, 300)}`));
}

// 2. A client that never reads (default limits, as a training room runs).
{
  const web = await startWebHost({ port: 0, rendererDir: dir, dataDir: null, scenarioId: 'normal-day', seed: 1, paused: true, log: (l) => logs.push(l) });
  const before = rss();
  const heapBefore = heap();
  let peak = before;
  const watch = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const r = await slowReader(`${web.url.replace(/^http/, 'ws')}ws`, 400 * 2 ** 20);
  clearInterval(watch);
  const after = rss();
  const heapAfter = heap();
  console.log(`Slow reader: sent ${mb(r.sent)} without reading, ${r.code === null ? 'never hung up on' : `hung up on (close ${r.code})`}; host memory ${mb(before)} before, peak ${mb(peak)} (+${mb(peak - before)}), ${mb(after)} after (held by JavaScript ${mb(heapBefore)} -> ${mb(heapAfter)}); ${web.screens.cutOff.droppedMessages} messages dropped as a flood, ${web.screens.cutOff.hungUp} screens hung up on`);
  if (peak - before > 100 * 2 ** 20) findings.push(`slow reader grew the host by ${mb(peak - before)}`);
  await web.close();
}

// 3. File mutants in-process, then a sample of refused ones through the CLIs.
{
  const corpus = makeCorpus();
  const started = Date.now();
  const s = fuzzFiles(corpus, counts.files, prng(seed + 1));
  const kinds = Object.keys(s.accepted) as (keyof typeof s.accepted)[];
  console.log(`Files: ${s.mutants} mutants in ${((Date.now() - started) / 1000).toFixed(0)} s: ${kinds.map((k) => `${k} ${s.refused[k]} refused / ${s.accepted[k]} accepted`).join(', ')}; ${s.findings.length} findings; ${s.multiLineJsonSyntax} refusals quote the file across lines (JSON.parse's snippet; known)`);
  findings.push(...s.findings);
  const c = fuzzClis(corpus, counts.clis, prng(seed + 2));
  console.log(`CLIs: ${c.runs} refused mutants through replay verify/info/record and sim: ${c.runs - c.findings.length} gave one line and exit 2`);
  findings.push(...c.findings);
  disposeCorpus(corpus);
}

rmSync(dir, { recursive: true, force: true });
console.log(`${crashes} crashes, ${findings.length} findings`);
for (const f of findings.slice(0, 40)) console.log(`  - ${f}`);
process.exit(crashes || findings.length ? 1 : 0);
