// npm run replay -- verify FILE.skyreplay
// npm run replay -- info FILE.skyreplay
// npm run replay -- record --scenario dec-2010 [--seed 1] [--actions historical|FILE.json] [--hours 48]
//                          [--drill ID|FILE.json] [--checksum-every 360] [--created-at ISO] --out FILE.skyreplay [--force]
// npm run replay -- branch FILE.skyreplay --at-minute M --out NEW.skyreplay [--force]
// verify: "ok <checksum>" exit 0, or "diverged at tick N (expected X, got Y)" exit 1.
// Bad input or a bad file: one line on stderr, exit code 2.
import { parseJsonGuarded } from '../sim/json-guard';
import { statSync } from 'node:fs';
import { getScenario, historicalActions, loadScenarioText, ScenarioError, SCENARIO_LIST, TICK_SECONDS, validateActionList, type Scenario, type TimedCommand } from '../sim/index';
import { COMMAND_SOURCES, REPLAY_SPEC, Replayer, branchAt, hashOf, recordScripted, refusal, scenarioHash, ScriptRefusedError, stampAll, tickOfMinute, type ScriptedCommand, verify, ReplayError, type Recording } from '../replay/index';
import { readReplay, writeReplay, WouldOverwriteError } from '../replay/node';
import { findDrill } from '../drill/node';
import { DrillError, DrillRunner, type Drill } from '../drill/index';
import { checkOutput, parseArgs, readText, runAsBin, UsageError, wantsHelp, type CliStreams } from './args';
import { TICKS_PER_MINUTE } from '../shared/facts';

const USAGE = 'usage: replay verify|info FILE.skyreplay | replay record --scenario ID --out FILE.skyreplay [...] | replay branch FILE --at-minute M --out FILE';

const HELP = `Replays: verify, describe, record and branch .skyreplay files.

  npm run replay -- verify FILE.skyreplay        "ok <checksum>" (exit 0), or the first divergent tick (exit 1)
  npm run replay -- info FILE.skyreplay          what the file holds
  npm run replay -- record --scenario ID [--seed 1] [--actions historical|FILE.json] [--hours H]
                           [--drill ID|FILE.json] [--checksum-every 360] [--created-at ISO] --out FILE.skyreplay [--force]
  npm run replay -- branch FILE.skyreplay --at-minute M --out NEW.skyreplay [--force]

Bad input or a bad file: one line on stderr, exit code 2.
`;

/** `npm run replay`: the exit code (0; 1 diverged; 2 with one line on stderr). */
export function replayCli(argv: string[], io: CliStreams): number {
  try {
    return main(argv, io);
  } catch (e) {
    const known = e instanceof UsageError || e instanceof ReplayError || e instanceof DrillError || e instanceof ScenarioError || e instanceof ScriptRefusedError;
    // Anything else is our bug: still one line and exit 2, never a stack trace.
    const prefix = known || e instanceof WouldOverwriteError ? '' : 'unexpected error: ';
    io.stderr.write(`replay: ${prefix}${(e as Error)?.message ?? String(e)}${e instanceof WouldOverwriteError ? ' (pass --force to replace it)' : ''}\n`);
    return 2;
  }
}

function main(argv: string[], io: CliStreams): number {
  if (wantsHelp(argv)) {
    io.stdout.write(HELP);
    return 0;
  }
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'verify':
      return verifyCmd(rest, io);
    case 'info':
      return infoCmd(rest, io);
    case 'record':
      return recordCmd(rest, io);
    case 'branch':
      return branchCmd(rest, io);
    default:
      throw new UsageError(sub === undefined ? USAGE : `unknown subcommand "${sub}"; ${USAGE}`);
  }
}

function fileArg(rest: string[]): string {
  const args = parseArgs(rest, {}, ['file']);
  if (args.file === undefined) throw new UsageError('give the replay file: replay verify FILE.skyreplay');
  return args.file;
}

function verifyCmd(rest: string[], io: CliStreams): number {
  const file = fileArg(rest);
  const res = verify(readReplay(file), { fileName: file });
  if (res.ok) {
    io.stdout.write(`ok ${res.finalChecksum}\n`);
    return 0;
  }
  io.stdout.write(`diverged at tick ${res.tick} (expected ${res.expected}, got ${res.actual})\n`);
  return 1;
}

function infoCmd(rest: string[], io: CliStreams): number {
  const file = fileArg(rest);
  const r = readReplay(file);
  const builtin = SCENARIO_LIST.some((s) => s.id === r.scenarioId) ? scenarioHash(getScenario(r.scenarioId)) === r.scenarioHash : null;
  const bySource = new Map<string, number>(COMMAND_SOURCES.map((k) => [k, r.commands.filter((c) => c.source === k).length]));
  for (const [k, n] of bySource) if (n === 0) bySource.delete(k);
  const lines = [
    ['file', `${file} (${(statSync(file).size / 1024).toFixed(1)} kB)`],
    ['scenario', `${r.scenarioId}: ${r.scenario.name} (${builtin === null ? 'custom' : builtin ? 'built-in' : 'modified copy of the built-in'})`],
    ['seed', String(r.seed)],
    ...(r.drillId ? [['drill', r.drillId]] : []),
    ['recorded', r.createdAt],
    ['length', `${((r.endTick * TICK_SECONDS) / 3600).toFixed(2)} sim-hours (${r.endTick} ticks)`],
    ['commands', `${r.commands.length}${bySource.size ? ` (${[...bySource].map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}`],
    ['marks', String(r.marks.length)],
    ['checksums', `${r.checksums.length} (every ${r.checksumEveryTicks} ticks)`],
    ['final', r.finalChecksum],
    ['replay id', hashOf(r)],
    ...(r.branchedFrom ? [['branched', `from replay ${r.branchedFrom.replayHash} at tick ${r.branchedFrom.tick}`]] : []),
    ['versions', `format ${r.formatVersion}, sim ${r.simVersion}`],
  ];
  io.stdout.write(lines.map(([k, v]) => `${k.padEnd(10)} ${v}`).join('\n') + '\n');
  return 0;
}

function recordCmd(rest: string[], io: CliStreams): number {
  const a = parseArgs(rest, {
    scenario: 'string', 'scenario-file': 'string', seed: 'number', actions: 'string', hours: 'number', drill: 'string',
    'checksum-every': 'number', 'created-at': 'string', out: 'string', force: 'flag',
  });
  if (a.out === undefined) throw new UsageError('--out FILE.skyreplay is required');
  checkOutput('--out', a.out);
  const drill = a.drill === undefined ? undefined : findDrill(a.drill);
  const file = a['scenario-file'];
  const scenario = file !== undefined
    ? loadScenarioText(readText(file), file)
    : getScenario(a.scenario ?? drill?.scenarioId ?? usage('--scenario is required (dec-2010, aug-2007 or normal-day)'));
  if (drill && drill.scenarioId !== scenario.id) usage(`drill ${drill.id} runs scenario ${drill.scenarioId}, not ${scenario.id}`);
  const seed = a.seed ?? drill?.seed ?? 1;
  // What the replay format holds (REPLAY_SPEC): a file it cannot read back is not written.
  const { seed: seeds, checksumEveryTicks: ticksMax, createdAt: iso } = REPLAY_SPEC.fields;
  if (!(Number.isInteger(seed) && seed >= seeds.min && seed <= seeds.max)) usage(`--seed must be a whole number from ${seeds.min} to ${seeds.max}, got ${a.seed}`);
  const hours = a.hours ?? scenario.durationHours;
  if (!(hours > 0 && hours <= scenario.durationHours)) usage(`--hours must be above 0 and at most ${scenario.durationHours} (the scenario's length), got ${a.hours}`);
  const every = a['checksum-every'] ?? 360;
  if (!(Number.isInteger(every) && every >= 1 && every <= ticksMax.max)) usage(`--checksum-every must be a whole number of ticks from 1 to ${ticksMax.max}, got ${a['checksum-every']}`);
  const createdAt = a['created-at'] ?? new Date().toISOString();
  if (!new RegExp(iso.pattern).test(createdAt) || Number.isNaN(Date.parse(createdAt))) usage(`--created-at must be an ISO time in UTC such as 2025-01-01T10:00:00Z, got ${createdAt}`);
  const actions = loadActions(a.actions, scenario);
  const ticks = Math.round(hours * 3600 / TICK_SECONDS);
  const rec = drill ? recordDrill(drill, seed, actions, ticks, createdAt, every) : recordScripted({ scenario, seed, actions, endTick: ticks, createdAt, checksumEveryTicks: every });
  const out = a.out;
  const bytes = writeReplay(out, rec, a.force === true);
  io.stdout.write(`wrote ${out} (${(bytes / 1024).toFixed(1)} kB): ${rec.scenarioId} seed ${rec.seed}, ${((rec.endTick * TICK_SECONDS) / 3600).toFixed(2)} sim-hours, ${rec.commands.length} commands, checksum ${rec.finalChecksum}\n`);
  return 0;
}

const tickOf = tickOfMinute;

/** The drill with `actions` as the trainee's orders; orders before the drill began are skipped, a refusal stops it. */
function recordDrill(drill: Drill, seed: number, actions: TimedCommand[], ticks: number, createdAt: string, every: number): Recording {
  const runner = DrillRunner.start(drill, { createdAt, seed, checksumEveryTicks: every });
  runner.play(stampAll(actions, 'trainee'), ticks, (order, res) => {
    if (!res.ok) throw new ScriptRefusedError(refusal((order as ScriptedCommand<'trainee'>).order, order as ScriptedCommand<'trainee'>, res.error));
  });
  return runner.finish();
}

function branchCmd(rest: string[], io: CliStreams): number {
  const a = parseArgs(rest, { 'at-minute': 'number', out: 'string', force: 'flag' }, ['file']);
  const { file, out, 'at-minute': atMinute } = a;
  if (file === undefined || out === undefined || atMinute === undefined) usage('replay branch FILE.skyreplay --at-minute M --out NEW.skyreplay');
  checkOutput('--out', out);
  const src = readReplay(file);
  const tick = tickOf(atMinute);
  if (!(tick >= 0 && tick <= src.endTick)) usage(`--at-minute must be from 0 to ${src.endTick / TICKS_PER_MINUTE}, got ${atMinute}`);
  const replayer = new Replayer(src);
  const res = verify(src, { replayer, fileName: file });
  if (!res.ok) throw new ReplayError(file, '', `diverged at tick ${res.tick}; not branching a replay that does not re-simulate`);
  const branch = branchAt(src, tick, replayer);
  const bytes = writeReplay(out, branch, a.force === true);
  io.stdout.write(`wrote ${out} (${(bytes / 1024).toFixed(1)} kB): take-over at tick ${tick}, checksum ${branch.finalChecksum}\n`);
  return 0;
}

function loadActions(spec: string | undefined, scenario: Scenario): TimedCommand[] {
  if (spec === undefined) return [];
  const raw = spec === 'historical' ? historicalActions() : parseJson(spec);
  const v = validateActionList(raw, scenario.versions.map((x) => x.id));
  if (!v.ok) usage(`${spec}: ${v.error.field}: ${v.error.message}`);
  return v.value.map((e, i) => ({ e, i })).sort((x, y) => x.e.atMinute - y.e.atMinute || x.i - y.i).map((x) => x.e);
}

function parseJson(path: string): unknown {
  const parsed = parseJsonGuarded(readText(path));
  return parsed.ok ? parsed.value : usage(`${path}: ${parsed.problem}`);
}

function usage(msg: string): never {
  throw new UsageError(msg);
}

runAsBin(import.meta.url, replayCli);
