// Checking a parsed replay before anything re-simulates it: a replay file is untrusted
// input (mailed around, edited, half-written), so every field is checked, always.
import { check, toJsonSchema, type Spec } from '../sim/schema';
import { jsonShapeProblem } from '../sim/json-guard';
import { SCENARIO_SPEC, parseScenario } from '../sim/scenario';
import { getScenario, SCENARIO_LIST, ScenarioError, TICK_SECONDS, validateCommand, type Scenario } from '../sim/index';
import {
  COMMAND_SOURCES,
  FORMAT_VERSION,
  MARK_KINDS,
  REPLAY_FORMAT,
  ReplayError,
  SIM_VERSION,
  scenarioHash,
  type Recording,
} from './recording';

const TICKS_PER_HOUR = 3600 / TICK_SECONDS;
const MAX_TICK = 24 * 14 * TICKS_PER_HOUR; // the longest scenario the schema allows
const tick: Spec = { kind: 'number', int: true, min: 0, max: MAX_TICK, doc: '10-sim-second ticks since the scenario began' };
const hex16: Spec = { kind: 'string', pattern: '^[0-9a-f]{16}$' };
const text = (max: number): Spec => ({ kind: 'string', pattern: `^[\\s\\S]{0,${max}}$` });

export const REPLAY_SPEC: Spec = {
  kind: 'object',
  doc: 'A Supernode Storm replay (.skyreplay, gzip-compressed JSON): scenario + seed + timed commands + checksums.',
  optional: ['drillId', 'checkMode', 'branchedFrom', 'scenario'],
  fields: {
    format: { kind: 'string', enum: [REPLAY_FORMAT] },
    formatVersion: { kind: 'number', int: true, min: 1, max: FORMAT_VERSION, doc: 'file layout version; readers refuse newer ones' },
    simVersion: { kind: 'string', pattern: '^[0-9]{1,6}$', doc: 'simulation rules version; must equal the reader\'s to re-simulate' },
    scenarioId: { kind: 'string', pattern: '^[a-z0-9-]{1,40}$' },
    scenarioHash: { ...hex16, doc: 'FNV-1a (2 x 32 bit) of the canonical JSON of the scenario' },
    scenario: { ...SCENARIO_SPEC, doc: 'the scenario the run used; if absent, scenarioId must be a built-in scenario' },
    seed: { kind: 'number', int: true, min: -2147483648, max: 4294967295 },
    drillId: { kind: 'string', pattern: '^[a-z0-9-]{1,60}$' },
    checkMode: { kind: 'boolean', doc: 'a drill played in check mode (an assessment): hints were not shown to the trainee' },
    createdAt: { kind: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$', doc: 'ISO time, UTC' },
    checksumEveryTicks: { kind: 'number', int: true, min: 1, max: MAX_TICK },
    commands: {
      kind: 'array',
      items: {
        kind: 'object',
        optional: ['injectId'],
        fields: {
          tick,
          source: { kind: 'string', enum: COMMAND_SOURCES },
          command: { kind: 'any', doc: 'a Command, checked by validateCommand (src/sim/commands.ts)' },
          injectId: { kind: 'string', pattern: '^[a-z0-9-]{1,60}$', doc: 'the drill inject this command was (drills only)' },
        },
      },
    },
    marks: {
      kind: 'array',
      items: {
        kind: 'object',
        optional: ['author'],
        fields: { tick, kind: { kind: 'string', enum: MARK_KINDS }, text: text(2000), author: text(80) },
      },
    },
    checksums: { kind: 'array', items: { kind: 'object', fields: { tick, checksum: hex16 } } },
    endTick: tick,
    finalChecksum: hex16,
    branchedFrom: { kind: 'object', fields: { replayHash: hex16, tick } },
  },
};

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a parsed replay; returns it with its scenario parsed, or throws ReplayError. */
export function parseRecording(raw: unknown, file: string): Recording {
  const fail = (field: string, problem: string): never => {
    throw new ReplayError(file, field, problem);
  };
  if (!isObj(raw)) return fail('', 'is not a Supernode Storm replay (expected a JSON object)');
  const shape = jsonShapeProblem(raw); // before the hash and the schema walk it
  if (shape) return fail('', `is corrupt: its content ${shape}`);
  if (raw.format !== REPLAY_FORMAT) return fail('format', `is ${JSON.stringify(raw.format)}: not a Supernode Storm replay`);
  const fv = raw.formatVersion;
  if (typeof fv === 'number' && Number.isInteger(fv) && fv > FORMAT_VERSION)
    fail('formatVersion', `${fv}: made by a newer Supernode Storm (format ${fv}); this version reads format ${FORMAT_VERSION}. Update the game to open it`);
  const sv = raw.simVersion;
  if (typeof sv === 'string' && /^[0-9]{1,6}$/.test(sv) && sv !== SIM_VERSION) {
    if (Number(sv) > Number(SIM_VERSION))
      fail('simVersion', `${sv}: made by a newer Supernode Storm (sim ${sv}); this version runs sim ${SIM_VERSION}. Update the game to open it`);
    fail('simVersion', `${sv}: recorded with older simulation rules (sim ${sv}); this version runs sim ${SIM_VERSION} and cannot re-simulate it exactly`);
  }
  if (typeof raw.scenarioHash === 'string' && isObj(raw.scenario) && scenarioHash(raw.scenario as unknown as Scenario) !== raw.scenarioHash)
    fail('scenarioHash', 'does not match the scenario in the file: the file was edited or damaged after it was recorded');
  const issue = check(REPLAY_SPEC, raw);
  if (issue) fail(issue.path, issue.message);
  const r = raw as unknown as Recording;
  const scenario = scenarioOf(r, file);
  if (scenario.id !== r.scenarioId) fail('scenarioId', `"${r.scenarioId}" does not match the scenario in the file ("${scenario.id}")`);
  const endLimit = scenario.durationHours * TICKS_PER_HOUR;
  if (r.endTick > endLimit) fail('endTick', `${r.endTick} is past the scenario's end (tick ${endLimit})`);
  const versions = scenario.versions.map((v) => v.id);
  let last = 0;
  r.commands.forEach((c, i) => {
    const at = `commands[${i}]`;
    if (c.tick < last) fail(`${at}.tick`, `${c.tick} is before the previous command's tick ${last}: commands must be in tick order`);
    if (c.tick > r.endTick) fail(`${at}.tick`, `${c.tick} is after the replay's end (endTick ${r.endTick})`);
    const v = validateCommand(c.command, versions);
    if (!v.ok) fail(`${at}.command.${v.error.field}`, v.error.message);
    last = c.tick;
  });
  r.marks.forEach((m, i) => {
    if (m.tick > r.endTick) fail(`marks[${i}].tick`, `${m.tick} is after the replay's end (endTick ${r.endTick})`);
  });
  r.checksums.forEach((c, i) => {
    if (i > 0 && c.tick <= r.checksums[i - 1].tick)
      fail(`checksums[${i}].tick`, `${c.tick} is out of order: checksum ticks must increase (previous ${r.checksums[i - 1].tick})`);
    if (c.tick > r.endTick) fail(`checksums[${i}].tick`, `${c.tick} is after the replay's end (endTick ${r.endTick})`);
  });
  if (r.branchedFrom && r.branchedFrom.tick > r.endTick)
    fail('branchedFrom.tick', `${r.branchedFrom.tick} is after the replay's end (endTick ${r.endTick})`);
  return { ...r, scenario };
}

/** The embedded scenario, or the built-in one the id names (checked against the hash). */
function scenarioOf(r: Recording, file: string): Scenario {
  if (r.scenario === undefined) {
    if (!SCENARIO_LIST.some((s) => s.id === r.scenarioId))
      throw new ReplayError(file, 'scenarioId', `"${r.scenarioId}" is not a scenario this version knows (${SCENARIO_LIST.map((s) => s.id).join(', ')}) and the replay does not carry its own`);
    const builtin = getScenario(r.scenarioId);
    if (scenarioHash(builtin) !== r.scenarioHash)
      throw new ReplayError(file, 'scenarioHash', `does not match this version's built-in "${r.scenarioId}" scenario: the replay was made with a different edition of it`);
    return builtin;
  }
  try {
    return parseScenario(r.scenario, file);
  } catch (e) {
    if (e instanceof ScenarioError) throw new ReplayError(file, `scenario.${e.field}`, e.message.slice(`${file}: ${e.field} `.length));
    throw e;
  }
}

/** The published JSON Schema (docs/replay.schema.json). */
export function replayJsonSchema(): Record<string, unknown> {
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'supernode-storm/replay.schema.json', title: 'Supernode Storm replay (the JSON inside a .skyreplay)', ...toJsonSchema(REPLAY_SPEC) };
}
