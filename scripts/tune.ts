// Calibration probe: run dec-2010 (or another scenario) with JSON overrides and print the
// figures the post-mortem gives. Usage: npx tsx scripts/tune.ts [scenario] [actions] ['{"supernodes.warmupMin":90}']
import { getScenario, historicalActions, type Scenario } from '../src/sim/index';
import { parseScenario } from '../src/sim/scenario';
import { runScenario, type Row } from '../src/cli/run';

const [id = 'dec-2010', acts = 'none', over = '{}'] = process.argv.slice(2);
const base = JSON.parse(JSON.stringify(getScenario(id))) as Record<string, unknown>;
for (const [path, v] of Object.entries(JSON.parse(over) as Record<string, unknown>)) {
  const keys = path.split('.');
  let o = base as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
  o[keys[keys.length - 1]] = v;
}
const sc = parseScenario(base, id) as Scenario;
const rows: Row[] = [];
runScenario(sc, 1, acts === 'historical' ? historicalActions() : [], sc.durationHours, 10, (r) => rows.push(r));
const sn0 = rows[0].m.supernodesUp;
let peakX = 0;
for (const r of rows) peakX = Math.max(peakX, r.m.supernodeTrafficX);
const firstWave = Math.min(...rows.filter((r) => r.minute <= 40).map((r) => r.m.supernodesUp));
console.log(`crashed ${(rows.find((r) => r.minute === 120)!.m.crashedClients / 1e6).toFixed(2)}M at 2h (${((100 * rows.find((r) => r.minute === 120)!.m.crashedClients) / rows[0].m.wantOnline).toFixed(1)}%), first-wave SN loss ${(100 * (1 - firstWave / sn0)).toFixed(0)}%, peak traffic ${peakX.toFixed(0)}x`);
for (const h of [0.5, 1, 1.5, 2, 3, 4, 6, 8, 10, 12, 15, 18, 21, 24, 30, 36, 42, 48]) {
  const r = rows.find((x) => x.minute === h * 60);
  if (!r) continue;
  const m = r.m;
  console.log(`${String(h).padStart(4)}h ${r.utc} online ${(m.onlineUsers / 1e6).toFixed(2).padStart(6)}M/${(m.wantOnline / 1e6).toFixed(1)}M (${((100 * m.onlineUsers) / m.wantOnline).toFixed(0).padStart(3)}%) SN ${String(Math.round(m.supernodesUp)).padStart(6)} mega ${String(m.megaSupernodesUp).padStart(5)} load ${m.supernodeLoad.toFixed(2).padStart(5)} traffic ${m.supernodeTrafficX.toFixed(0).padStart(4)}x login ${Math.round(m.loginAttemptsPerS)}/${Math.round(m.loginsOkPerS)} seek ${(m.seekingClients / 1e6).toFixed(1)}M ${r.phase}`);
}
