// npm run bench:replay: a 48-hour dec-2010 replay (historical response). Seek target
// (issue 4): any tick in < 200 ms once keyframes exist.
import { performance } from 'node:perf_hooks';
import { getScenario, historicalActions } from '../src/sim/index';
import { Replayer, recordScripted, runRecording } from '../src/replay/index';
import { buildDebrief, debriefCsv, renderReport } from '../src/debrief/index';
import { decodeReplay, encodeReplay } from '../src/replay/node';

const SEEKS = 200;
const ms = (t0: number) => performance.now() - t0;
// This process's CPU time beside wall time: on a shared machine wall time counts the neighbours' work.
const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

let t0 = performance.now();
const rec = recordScripted({ scenario: getScenario('dec-2010'), seed: 1, actions: historicalActions(), endTick: 48 * 360, createdAt: '2025-01-01T00:00:00Z' });
const recordMs = ms(t0);
const file = encodeReplay(rec);
t0 = performance.now();
decodeReplay(file, 'bench.skyreplay');
const decodeMs = ms(t0);

t0 = performance.now();
const resimCpu0 = cpuMs();
const plain = runRecording(rec);
const resimMs = ms(t0);
const resimCpuMs = cpuMs() - resimCpu0;

const rss0 = process.memoryUsage().rss;
const replayer = new Replayer(rec);
t0 = performance.now();
const verdict = replayer.buildKeyframes();
const keyframesMs = ms(t0);
const rssKeyframes = (process.memoryUsage().rss - rss0) / 2 ** 20;

// Random seeks, seeded so runs compare (a tiny LCG: no Math.random in measurements we quote).
let seed = 12345;
const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const seekTimes: number[] = [];
const seekCpu: number[] = [];
for (let i = 0; i < SEEKS; i++) {
  const tick = Math.floor(next() * (rec.endTick + 1));
  const s0 = performance.now();
  const c0 = cpuMs();
  replayer.stateAt(tick);
  seekTimes.push(ms(s0));
  seekCpu.push(cpuMs() - c0);
}
// Playing forward (a replay viewer at speed): consecutive seeks reuse the last position.
const playTimes: number[] = [];
for (let tick = 6000; tick < 6000 + 60 * 30; tick += 30) {
  const s0 = performance.now();
  replayer.stateAt(tick);
  playTimes.push(ms(s0));
}

t0 = performance.now();
const debrief = buildDebrief(rec);
const html = renderReport(debrief, { fileName: 'bench.skyreplay', generatedAt: '2025-01-01T00:00:00Z' });
const csv = debriefCsv(debrief);
const reportMs = ms(t0);

const f = (x: number) => x.toFixed(1);
console.log('Replay benchmark: dec-2010, 48 sim-hours (17,280 ticks), historical response');
console.log(`  file size            ${(file.length / 1024).toFixed(1)} kB gzip (${(JSON.stringify(rec).length / 1024).toFixed(1)} kB JSON; ${rec.commands.length} commands, ${rec.checksums.length} checksums)`);
console.log(`  record (headless)    ${f(recordMs)} ms;  decode + validate ${f(decodeMs)} ms`);
console.log(`  re-simulate all      ${f(resimMs)} ms, cpu ${f(resimCpuMs)} ms (verify only, ${plain.result.ok ? 'ok' : 'DIVERGED'})`);
console.log(`  build keyframes      ${f(keyframesMs)} ms (verifies too: ${verdict.ok ? 'ok' : 'DIVERGED'}); every ${replayer.keyframeEvery} ticks, ~${rssKeyframes.toFixed(0)} MB RSS`);
console.log(`  random seek          median ${f(quantile(seekTimes, 0.5))} ms, p95 ${f(quantile(seekTimes, 0.95))} ms, max ${f(Math.max(...seekTimes))} ms over ${SEEKS} seeks (target < 200 ms); cpu median ${f(quantile(seekCpu, 0.5))} ms, max ${f(Math.max(...seekCpu))} ms`);
console.log(`  play forward         median ${f(quantile(playTimes, 0.5))} ms per 30-tick frame step`);
console.log(`  debrief report       ${f(reportMs)} ms (3 re-simulations + HTML ${(html.length / 1024).toFixed(0)} kB + CSV ${(csv.length / 1024).toFixed(0)} kB)`);

// Frames to a screen watching this replay, as they go on the wire (shared/frame-wire.ts): the
// first carries the timeline, later ones the playhead and what moved, as rows.
{
  const { SimSession } = await import('../src/main/session/sim-session');
  const { HeldStatus, toWire } = await import('../src/shared/frame-wire');
  const s = new SimSession({ paused: true, now: () => 0, warn: () => {} });
  const opened = s.replayAct({ act: 'open', fileName: 'bench.skyreplay', dataBase64: Buffer.from(file).toString('base64') });
  if (!opened.ok) throw new Error(`cannot open the bench replay: ${JSON.stringify(opened)}`);
  const held = new HeldStatus();
  const unpacked: number[] = []; // the same frames before packing, for comparison
  const size = (f: ReturnType<typeof s.nextFrame>) => {
    if (!f) return 0;
    unpacked.push(Buffer.byteLength(JSON.stringify(f)));
    return Buffer.byteLength(JSON.stringify(toWire(f, held.needs(f))));
  };
  const first = size(s.nextFrame());
  const playing: number[] = [];
  s.replayAct({ act: 'seek', tick: 6 * 360 }); // into the cascade, where most moves
  size(s.nextFrame()); // every frame goes through the wire, so what the screen holds stays in step
  s.replayAct({ act: 'play' });
  for (let i = 0; i < 300; i++) {
    s.advance(33);
    const fr = s.nextFrame();
    if (fr) playing.push(size(fr));
  }
  const unpackedPlaying = unpacked.slice(-playing.length);
  const seeks: number[] = [];
  for (let i = 1; i <= 40; i++) {
    s.replayAct({ act: 'seek', tick: Math.floor((i / 40) * rec.endTick) });
    const fr = s.nextFrame();
    if (fr) seeks.push(size(fr));
  }
  const unpackedSeeks = unpacked.slice(-seeks.length);
  const kb = (x: number) => (x / 1024).toFixed(2);
  console.log(`  frames to a screen   first ${kb(first)} kB (with the timeline); playing at 60x: median ${kb(quantile(playing, 0.5))} kB, max ${kb(Math.max(...playing))} kB over ${playing.length} frames (target < 2 kB); after a seek (every region moved): median ${kb(quantile(seeks, 0.5))} kB, max ${kb(Math.max(...seeks))} kB`);
  console.log(`                       (before packing: playing median ${kb(quantile(unpackedPlaying, 0.5))} kB, after a seek median ${kb(quantile(unpackedSeeks, 0.5))} kB)`);
}

// A far seek right after opening (issue 8): nothing is built yet, so the seek waits for the one
// background pass to reach the end (issue 10: keyframes and the screens' past are one pass).
{
  const { SimSession } = await import('../src/main/session/sim-session');
  const s = new SimSession({ paused: true, now: () => 0, warn: () => {} });
  s.replayAct({ act: 'open', fileName: 'bench.skyreplay', dataBase64: Buffer.from(file).toString('base64') });
  s.nextFrame();
  const t0 = performance.now();
  s.replayAct({ act: 'seek', tick: rec.endTick });
  const fr = s.nextFrame();
  const farMs = performance.now() - t0;
  console.log(`  far seek on opening  ${f(farMs)} ms to the end of a ${(rec.endTick / 360).toFixed(0)}-hour replay and its frame (${((fr ? JSON.stringify(fr).length : 0) / 1024).toFixed(2)} kB; the past follows in pieces)`);
}
