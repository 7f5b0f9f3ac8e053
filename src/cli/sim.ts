// npm run sim -- --scenario dec-2010 [--hours 48] [--seed 1] [--actions historical|FILE.json] [--every 10] [--checksum]
// Prints CSV to stdout. Bad input: one line on stderr, exit code 2.
import { parseJsonGuarded } from '../sim/json-guard';
import { checksum, getScenario, historicalActions, loadScenarioText, ScenarioError, validateActionList, type TimedCommand } from '../sim/index';
import { ActionError, runScenario } from './run';
import { parseArgs, readText, UsageError } from './args';

const COLUMNS = [
  'minute', 'utc', 'online_users', 'supernodes_up', 'mega_supernodes_up', 'supernode_load', 'login_attempts_per_s',
  'logins_ok_per_s', 'crashed_clients', 'want_online', 'seeking_clients', 'supernode_traffic_x', 'offline_im_latency_s',
  'hotfixed_pct', 'mega_cost_usd', 'user_hours_lost', 'phase',
];

function main(argv: string[]): void {
  const args = parseArgs(argv, {
    scenario: 'string', hours: 'number', seed: 'number', actions: 'string', every: 'number', checksum: 'flag', 'scenario-file': 'string',
  });
  const scenario = args['scenario-file']
    ? loadScenarioText(readText(String(args['scenario-file'])), String(args['scenario-file']))
    : getScenario(String(args.scenario ?? fail('--scenario is required (dec-2010, aug-2007 or normal-day)')));
  const hours = Number(args.hours ?? scenario.durationHours);
  const every = Number(args.every ?? 10);
  const seed = Number(args.seed ?? 1);
  if (!(hours > 0 && hours <= 24 * 14)) fail(`--hours must be between 0 and 336, got ${args.hours}`);
  if (!(every > 0)) fail(`--every must be a positive number of sim-minutes, got ${args.every}`);
  if (!Number.isInteger(seed)) fail(`--seed must be a whole number, got ${args.seed}`);
  const actions = loadActions(args.actions === undefined ? undefined : String(args.actions), scenario.versions.map((v) => v.id));
  const out: string[] = [COLUMNS.join(',')];
  const flush = () => {
    if (out.length) process.stdout.write(out.join('\n') + '\n');
    out.length = 0;
  };
  const state = runScenario(scenario, seed, actions, hours, every, (row) => {
    const m = row.m;
    out.push([
      row.minute, row.utc, Math.round(m.onlineUsers), Math.round(m.supernodesUp), m.megaSupernodesUp, m.supernodeLoad.toFixed(3),
      Math.round(m.loginAttemptsPerS), Math.round(m.loginsOkPerS), Math.round(m.crashedClients), Math.round(m.wantOnline),
      Math.round(m.seekingClients), m.supernodeTrafficX.toFixed(1), m.offlineImLatencyS.toFixed(2), m.hotfixedPct.toFixed(1),
      Math.round(m.megaCostUsd), Math.round(m.userHoursLost), row.phase,
    ].join(','));
    if (out.length > 500) flush();
  });
  flush();
  if (args.checksum) process.stdout.write(`checksum ${checksum(state)}\n`);
}

function loadActions(spec: string | undefined, versions: string[]): TimedCommand[] {
  if (spec === undefined) return [];
  if (spec === 'historical') return historicalActions();
  const parsed = parseJsonGuarded(readText(spec));
  if (!parsed.ok) fail(`${spec}: ${parsed.problem}`);
  const v = validateActionList(parsed.value, versions);
  if (!v.ok) fail(`${spec}: ${v.error.field}: ${v.error.message}`);
  return v.value;
}


function fail(msg: string): never {
  throw new UsageError(msg);
}

try {
  main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError || e instanceof ScenarioError || e instanceof ActionError) {
    process.stderr.write(`sim: ${e.message}\n`);
    process.exit(2);
  }
  // Anything else is our bug: still one line and exit 2, never a stack trace.
  process.stderr.write(`sim: unexpected error: ${(e as Error)?.message ?? String(e)}\n`);
  process.exit(2);
}
