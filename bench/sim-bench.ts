// npm run bench: full-scale dec-2010, 48 sim-hours with the historical response, no
// rendering. Targets (issue 7): >= 100,000x real time (48 h in < 1.73 s) and < 400 MB.
import { performance } from 'node:perf_hooks';
import { checksum, createSim, getScenario, historicalActions, viewOf, TICK_SECONDS } from '../src/sim/index';
import { Playhead, stampAll } from '../src/replay/index';

const HOURS = 48;
const RUNS = 3;

function once(): { seconds: number; cpuSeconds: number; peakRss: number; check: string; supernodes: number; users: number } {
  const sc = getScenario('dec-2010');
  const acts = historicalActions().sort((a, b) => a.atMinute - b.atMinute);
  const ticks = (HOURS * 3600) / TICK_SECONDS;
  let peakRss = process.memoryUsage().rss;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const state = createSim(sc, 1);
  const users = viewOf(state).metrics.onlineUsers;
  const supernodes = viewOf(state).metrics.supernodesUp;
  // The one loop every game uses (replay/playhead.ts): step, then apply the orders due.
  new Playhead(state, stampAll(acts, 'script'), 0, {
    settled: (st) => {
      if (st.tick % 360 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
    },
  }).runTo(ticks);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return { seconds, cpuSeconds, peakRss, check: checksum(state), supernodes, users };
}

const results = Array.from({ length: RUNS }, once);
const secs = results.map((r) => r.seconds).sort((a, b) => a - b);
const median = secs[Math.floor(RUNS / 2)];
const peak = Math.max(...results.map((r) => r.peakRss)) / 2 ** 20;
const r0 = results[0];
console.log('Simulation benchmark: dec-2010, 48 sim-hours, historical response, no rendering');
console.log(`  scale              ${(r0.users / 1e6).toFixed(1)} M users online at start, ${Math.round(r0.supernodes).toLocaleString('en')} supernodes`);
console.log(`  tick               ${TICK_SECONDS} sim-seconds (${(HOURS * 3600) / TICK_SECONDS} ticks)`);
console.log(`  wall time          median ${median.toFixed(2)} s of ${RUNS} runs (${secs.map((s) => s.toFixed(2)).join(', ')})`);
// CPU time beside wall time: on a shared machine wall time counts the neighbours' work too.
const cpuSecs = results.map((r) => r.cpuSeconds).sort((a, b) => a - b);
console.log(`  cpu time           median ${cpuSecs[Math.floor(RUNS / 2)].toFixed(2)} s (this process; wall much above it means a busy machine)`);
console.log(`  speed              ${(HOURS / median).toFixed(1)} sim-hours per wall-second = ${Math.round((HOURS * 3600) / median).toLocaleString('en')}x real time (target >= 100,000x)`);
console.log(`  peak memory (RSS)  ${peak.toFixed(0)} MB (target < 400 MB)`);
console.log(`  deterministic      ${results.every((r) => r.check === r0.check) ? 'yes' : 'NO'} (checksum ${r0.check})`);
