// npm run sim -- --scenario dec-2010 [--hours 60] [--seed 1] [--actions historical|FILE.json] [--every 10]
//                [--scenario-file FILE.json] [--vary 0..0.5] [--checksum] [--summary]
// Prints CSV to stdout (and with --summary one JSON line at the end). Bad input: one line on stderr, exit code 2.
import { parseJsonGuarded } from '../sim/json-guard';
import { varyScenario, MAX_VARY } from '../sim/vary';
import { historicalFor } from '../sim/historical';
import { checksum, getScenario, loadScenarioText, ScenarioError, validateActionList, type Scenario, type TimedCommand } from '../sim/index';
import { ActionError, runScenario } from './run';
import { SummaryWatch } from './summary';
import { parseArgs, readText, runAsBin, UsageError, wantsHelp, type CliStreams } from './args';

const COLUMNS = [
  'minute', 'utc', 'online_users', 'supernodes_up', 'mega_supernodes_up', 'supernode_load', 'login_attempts_per_s',
  'logins_ok_per_s', 'crashed_clients', 'want_online', 'seeking_clients', 'supernode_traffic_x', 'offline_im_latency_s',
  'hotfixed_pct', 'mega_cost_usd', 'user_hours_lost', 'phase',
  // the levers' state, after the documented columns
  'backoff_pct', 'mega_supernodes_pending', 'throttle_per_s', 'offline_im_on', 'offline_im_backlog', 'group_video_on', 'cells_down', 'cost_usd',
];

const HELP = `Run a scenario headless and print CSV.

  npm run sim -- --scenario dec-2010|aug-2007|normal-day [--hours H] [--seed 1] [--every 10]
                 [--actions historical|FILE.json] [--scenario-file FILE.json] [--vary 0..0.5]
                 [--checksum] [--summary]

--actions historical   the scenario's own recorded response (one line of error where it has none)
--vary V               scale every number the scenario marks uncertain by a seeded factor in [1-V, 1+V]
--summary              end with one JSON line: userHoursLost, lowestOnlineShare, recovered90AtMinute, ...
Bad input: one line on stderr, exit code 2. Columns: see README, "Headless commands".
`;

/** `npm run sim`: the exit code (0, or 2 with one line on stderr). */
export function simCli(argv: string[], io: CliStreams): number {
  try {
    main(argv, io);
    return 0;
  } catch (e) {
    const known = e instanceof UsageError || e instanceof ScenarioError || e instanceof ActionError;
    // Anything else is our bug: still one line and exit 2, never a stack trace.
    io.stderr.write(`sim: ${known ? '' : 'unexpected error: '}${(e as Error)?.message ?? String(e)}\n`);
    return 2;
  }
}

function main(argv: string[], io: CliStreams): void {
  if (wantsHelp(argv)) {
    io.stdout.write(HELP);
    return;
  }
  const args = parseArgs(argv, {
    scenario: 'string', hours: 'number', seed: 'number', actions: 'string', every: 'number', checksum: 'flag', 'scenario-file': 'string',
    vary: 'number', summary: 'flag',
  });
  const file = args['scenario-file'];
  const base: Scenario = file !== undefined
    ? loadScenarioText(readText(file), file)
    : getScenario(args.scenario ?? fail('--scenario is required (dec-2010, aug-2007 or normal-day), or --scenario-file FILE.json'));
  const seed = args.seed ?? 1;
  // The seeds a replay holds (REPLAY_SPEC); past them the sim folds one seed onto another without a word.
  if (!(Number.isInteger(seed) && seed >= -0x8000_0000 && seed <= 0xffff_ffff)) fail(`--seed must be a whole number from -2147483648 to 4294967295, got ${args.seed}`);
  const vary = args.vary ?? 0;
  if (!(vary >= 0 && vary <= MAX_VARY)) fail(`--vary must be between 0 and ${MAX_VARY}, got ${args.vary}`);
  const scenario = varyScenario(base, vary, seed);
  const hours = args.hours ?? scenario.durationHours;
  const every = args.every ?? 10;
  if (!(hours > 0 && hours <= 24 * 14)) fail(`--hours must be between 0 and 336, got ${args.hours}`);
  if (!(every > 0)) fail(`--every must be a positive number of sim-minutes, got ${args.every}`);
  const actions = loadActions(args.actions, scenario);
  const out: string[] = [COLUMNS.join(',')];
  const flush = () => {
    if (out.length) io.stdout.write(out.join('\n') + '\n');
    out.length = 0;
  };
  const watch = new SummaryWatch();
  const everyTicks = Math.max(1, Math.round(every));
  const state = runScenario(scenario, seed, actions, hours, 1, (row, st) => {
    watch.observe(row);
    if (Math.round(row.minute) % everyTicks !== 0) return;
    const m = row.m;
    const sv = st.services;
    out.push([
      row.minute, row.utc, Math.round(m.onlineUsers), Math.round(m.supernodesUp), m.megaSupernodesUp, m.supernodeLoad.toFixed(3),
      Math.round(m.loginAttemptsPerS), Math.round(m.loginsOkPerS), Math.round(m.crashedClients), Math.round(m.wantOnline),
      Math.round(m.seekingClients), m.supernodeTrafficX.toFixed(1), m.offlineImLatencyS.toFixed(2), m.hotfixedPct.toFixed(1),
      Math.round(m.megaCostUsd), Math.round(m.userHoursLost), row.phase,
      m.backoffPct.toFixed(1), m.megaSupernodesPending, sv.throttleGlobal ?? '', sv.imEnabled ? 1 : 0, Math.round(sv.imBacklog), sv.groupVideo ? 1 : 0,
      m.cellsDown, Math.round(m.costUsd),
    ].join(','));
    if (out.length > 500) flush();
  });
  flush();
  if (args.checksum) io.stdout.write(`checksum ${checksum(state)}\n`);
  if (args.summary) io.stdout.write(JSON.stringify(watch.result(state)) + '\n');
}

function loadActions(spec: string | undefined, scenario: Scenario): TimedCommand[] {
  if (spec === undefined) return [];
  if (spec === 'historical') return historicalFor(scenario) ?? fail(`${scenario.id} has no historical response in its file: the record does not say what was done`);
  const versions = scenario.versions.map((v) => v.id);
  const parsed = parseJsonGuarded(readText(spec));
  if (!parsed.ok) fail(`${spec}: ${parsed.problem}`);
  const v = validateActionList(parsed.value, versions);
  if (!v.ok) fail(`${spec}: ${v.error.field}: ${v.error.message}`);
  return v.value;
}

function fail(msg: string): never {
  throw new UsageError(msg);
}

runAsBin(import.meta.url, simCli);
