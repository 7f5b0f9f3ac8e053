// Drills are data: an instructor's timed exercise over a scenario (objectives, injects,
// hints, what the trainee may do, how it is scored), checked on load like scenarios.
import { check, checkedElsewhere, parseJsonText, toJsonSchema, type Infer, type Spec } from '../sim/schema';
import { getScenario, MAX_VARY, PLAYER_VERBS, ScenarioError, validateCommand, varyScenario, type Command, type Scenario } from '../sim/index';
import { SPEEDS } from '../shared/contract';

export const DRILL_METRICS = [
  'onlineShare', // users online / users who would be online on a normal day (0..1)
  'onlineUsers',
  'supernodesUp',
  'megaSupernodesUp',
  'supernodeTrafficX',
  'loginAttemptsPerS',
  'userHoursLost',
  'megaCostUsd',
  'minute',
  'phase', // calm | degraded | cascade | collapse | recovering | relapse
] as const;
export type DrillMetric = (typeof DRILL_METRICS)[number];
export const PHASES = ['calm', 'degraded', 'cascade', 'collapse', 'recovering', 'relapse'] as const;

/** A drill file, checked (docs/drill.schema.json): the types are DRILL_SPEC's. */
export type Drill = Infer<typeof DRILL_SPEC>;
export type Objective = Drill['objectives'][number];
export type Inject = Drill['injects'][number];
export type Condition = Infer<typeof CONDITION_SPEC>;

const minute = { kind: 'number', min: 0, max: 24 * 14 * 60, doc: 'scenario minutes (0 = the scenario start)' } as const;
const id = { kind: 'string', pattern: '^[a-z0-9-]{1,60}$' } as const;
const str = { kind: 'string' } as const;
const objective = <F extends Readonly<Record<string, Spec>>>(doc: string, fields: F) => ({ kind: 'object', doc, fields: { id, text: str, kind: str, ...fields } }) as const;

export const CONDITION_SPEC = {
  kind: 'object',
  fields: {
    metric: { kind: 'string', enum: DRILL_METRICS },
    op: { kind: 'string', enum: ['<', '>', '='] },
    value: checkedElsewhere<number | string>('a number, or for "phase" one of calm, degraded, cascade, collapse, recovering, relapse'),
  },
} as const satisfies Spec;

export const DRILL_SPEC = {
  kind: 'object',
  doc: 'A Supernode Storm drill: an instructor-run, timed exercise over a scenario.',
  optional: ['startAtMinute', 'vary'],
  fields: {
    id,
    name: str,
    briefing: str,
    scenarioId: { kind: 'string', pattern: '^[a-z0-9-]{1,40}$' },
    seed: { kind: 'number', int: true, min: 0, max: 4294967295, doc: 'the world it runs in unless the instructor picks another' },
    vary: { kind: 'number', min: 0, max: MAX_VARY, doc: 'as npm run sim --vary: every number the scenario marks uncertain scaled by a factor in [1 - vary, 1 + vary] drawn from the seed, so a drill started on a new seed is a world nobody has played' },
    timeLimitRealMin: { kind: 'number', min: 1, max: 600, doc: 'real minutes the trainee gets' },
    timeCompression: { kind: 'number', doc: `sim-seconds per real second: one of ${SPEEDS.join(', ')}` },
    startAtMinute: minute,
    objectives: {
      kind: 'array',
      minItems: 1,
      maxItems: 12,
      items: {
        kind: 'oneOf',
        tag: 'kind',
        variants: {
          onlineShareBy: objective('at byMinute, at least `share` of the usual users online', { share: { kind: 'number', min: 0, max: 1 }, byMinute: minute }),
          megaHoursAtMost: objective('mega-supernode-hours used over the drill', { hours: { kind: 'number', min: 0, max: 1e8 } }),
          userHoursLostAtMost: objective('user-hours lost over the drill', { hours: { kind: 'number', min: 0, max: 1e12 } }),
          recoveredBy: objective('not collapsed at byMinute (recovered, or never fell)', { byMinute: minute }),
          costAtMost: objective('mega-supernode spend over the drill, US dollars', { usd: { kind: 'number', min: 0, max: 1e9 } }),
        },
      },
    },
    injects: {
      kind: 'array',
      maxItems: 100,
      items: {
        kind: 'object',
        optional: ['atMinute', 'when'],
        fields: {
          id,
          atMinute: { ...minute, doc: 'not before this scenario minute' },
          when: checkedElsewhere<Condition | Condition[]>('a condition {metric, op, value} or a list of them, all of which must hold'),
          command: checkedElsewhere<Command>('a Command (src/sim/commands.ts); applied as the instructor'),
        },
      },
    },
    allowedActions: { kind: 'array', items: { kind: 'string', enum: PLAYER_VERBS } },
    hints: { kind: 'array', items: { kind: 'object', optional: ['atMinute'], fields: { atMinute: minute, text: str } } },
    scoring: {
      kind: 'object',
      optional: ['userHoursLostPenaltyPerMillion', 'costPenaltyPer10k'],
      fields: {
        weights: checkedElsewhere<Record<string, number>>('points weight per objective id (default 1); each met objective scores 100 x weight'),
        userHoursLostPenaltyPerMillion: { kind: 'number', min: 0, max: 1000 },
        costPenaltyPer10k: { kind: 'number', min: 0, max: 1000 },
      },
    },
  },
} as const satisfies Spec;

/** A drill file that could not be used; the message names the file, the field and the problem. */
export class DrillError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}: ${field} ${problem}`);
    this.name = 'DrillError';
  }
}

export function loadDrillText(text: string, fileName: string): Drill {
  const json = parseJsonText(text);
  if (!json.ok) throw new DrillError(fileName, '(file)', json.problem);
  return parseDrill(json.value, fileName);
}

export function parseDrill(raw: unknown, file: string): Drill {
  const fail = (field: string, problem: string): never => {
    throw new DrillError(file, field, problem);
  };
  const issue = check(DRILL_SPEC, raw);
  if (issue) fail(issue.path, issue.message);
  const d = raw as Drill;
  let scenario: Scenario;
  try {
    scenario = getScenario(d.scenarioId);
  } catch (e) {
    return fail('scenarioId', e instanceof ScenarioError ? `"${d.scenarioId}" is not a known scenario` : (e as Error).message);
  }
  if (!(SPEEDS as readonly number[]).includes(d.timeCompression)) fail('timeCompression', `must be one of ${SPEEDS.join(', ')}, got ${d.timeCompression}`);
  const start = d.startAtMinute ?? 0;
  const end = drillEndMinute(d, scenario);
  if (start >= scenario.durationHours * 60) fail('startAtMinute', `${start} is past the scenario's end (minute ${scenario.durationHours * 60})`);
  unique(d.objectives.map((o) => o.id), 'objectives', fail);
  unique(d.injects.map((o) => o.id), 'injects', fail);
  d.objectives.forEach((o, i) => {
    if ((o.kind === 'onlineShareBy' || o.kind === 'recoveredBy') && (o.byMinute > end || o.byMinute < start))
      fail(`objectives[${i}].byMinute`, `${o.byMinute} is outside the drill (minutes ${start} to ${end}: start + time limit x compression)`);
  });
  const versions = scenario.versions.map((v) => v.id);
  d.injects.forEach((inj, i) => {
    if (inj.atMinute === undefined && inj.when === undefined) fail(`injects[${i}]`, 'needs "atMinute", "when" or both');
    if (inj.when !== undefined) checkWhen(inj.when, `injects[${i}].when`, fail);
    const v = validateCommand(inj.command, versions);
    if (!v.ok) fail(`injects[${i}].command.${v.error.field}`, v.error.message);
  });
  d.allowedActions.forEach((a, i) => {
    if (d.allowedActions.indexOf(a) !== i) fail(`allowedActions[${i}]`, `lists "${a}" twice`);
  });
  const w = d.scoring.weights;
  if (typeof w !== 'object' || w === null || Array.isArray(w)) fail('scoring.weights', 'must be an object of objective id -> weight');
  const ids = new Set(d.objectives.map((o) => o.id));
  for (const [k, v] of Object.entries(w)) {
    if (k.startsWith('_')) continue;
    if (!ids.has(k)) fail(`scoring.weights.${k}`, `is not an objective id (objectives: ${[...ids].join(', ')})`);
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 100) fail(`scoring.weights.${k}`, `must be a number from 0 to 100, got ${JSON.stringify(v)}`);
  }
  return structuredClone(d);
}

/** The scenario minute the drill's clock runs out: start + real minutes x compression, within the scenario. */
export function drillEndMinute(d: Drill, scenario: Scenario = getScenario(d.scenarioId)): number {
  return Math.min(scenario.durationHours * 60, (d.startAtMinute ?? 0) + d.timeLimitRealMin * d.timeCompression);
}

function checkWhen(when: unknown, at: string, fail: (f: string, p: string) => never): void {
  const list = Array.isArray(when) ? when : [when];
  if (list.length === 0) fail(at, 'needs at least one condition');
  list.forEach((c, i) => {
    const path = Array.isArray(when) ? `${at}[${i}]` : at;
    const issue = check(CONDITION_SPEC, c, path);
    if (issue) fail(issue.path, issue.message);
    const { metric, op, value } = c as Condition;
    if (metric === 'phase') {
      if (op !== '=') fail(`${path}.op`, 'must be "=" for phase');
      if (!(PHASES as readonly unknown[]).includes(value)) fail(`${path}.value`, `must be one of ${PHASES.join(', ')}, got ${JSON.stringify(value)}`);
    } else if (typeof value !== 'number' || !Number.isFinite(value)) fail(`${path}.value`, `must be a number for ${metric}, got ${JSON.stringify(value)}`);
  });
}

function unique(ids: string[], field: string, fail: (f: string, p: string) => never): void {
  ids.forEach((x, i) => {
    if (ids.indexOf(x) !== i) fail(`${field}[${i}].id`, `"${x}" is used twice`);
  });
}

/** The published JSON Schema (docs/drill.schema.json), with the hand-checked parts spelled out. */
export function drillJsonSchema(): Record<string, unknown> {
  const doc = toJsonSchema(DRILL_SPEC) as { properties: Record<string, Record<string, unknown>> };
  const cond = toJsonSchema(CONDITION_SPEC);
  const injects = doc.properties.injects as { items: { properties: Record<string, unknown> } };
  injects.items.properties.when = { description: 'a condition or a list of conditions, all of which must hold', oneOf: [cond, { type: 'array', minItems: 1, items: cond }] };
  doc.properties.timeCompression = { ...doc.properties.timeCompression, enum: [...SPEEDS] };
  const scoring = doc.properties.scoring as { properties: Record<string, unknown> };
  scoring.properties.weights = { type: 'object', description: 'points weight per objective id (default 1)', additionalProperties: { type: 'number', minimum: 0, maximum: 100 } };
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'supernode-storm/drill.schema.json', title: 'Supernode Storm drill', ...doc };
}

/**
 * The scenario a drill runs on `seed` (its own unless the instructor picks another): varied by
 * the drill's `vary`, so each seed is its own world. The one place a drill's world is made.
 */
export function drillWorld(d: Drill, seed: number = d.seed): Scenario {
  const base = getScenario(d.scenarioId);
  return d.vary ? varyScenario(base, d.vary, seed) : base;
}
