// Scenarios are data: JSON files under src/sim/scenarios, checked against SCENARIO_SPEC
// on load. Every number in them carries its source in the file's "_sources" notes.
import { check, checkedElsewhere, parseJsonText, type Infer, type Spec } from './schema';
import { REGION_IDS } from './regions';
import { validateActionList, type TimedCommand, type MegaSource } from './commands';
import dec2010 from './scenarios/dec-2010.json';
import aug2007 from './scenarios/aug-2007.json';
import normalDay from './scenarios/normal-day.json';

/** A scenario file, checked (docs/scenario.schema.json): the type is SCENARIO_SPEC's. */
export type Scenario = Infer<typeof SCENARIO_SPEC>;
export type VersionSpec = Scenario['versions'][number];
export type RetrySpec = VersionSpec['retry'];
export type MegaSourceSpec = Scenario['services']['mega'][MegaSource];

/** Cells a region may have: the hot loops keep one scratch slot per cell of a region. */
export const MAX_CELLS_PER_REGION = 400;

const num = (min: number, max: number, doc?: string) => ({ kind: 'number', min, max, doc }) as const;
const pos = (max = 1e12, doc?: string) => num(0, max, doc);
const frac = num(0, 1);
const str = { kind: 'string' } as const;
const restartsClient = { kind: 'boolean', doc: 'installing it restarts Skype, so attached clients log in again' } as const;

const megaSource = {
  kind: 'object',
  fields: {
    available: num(0, 1e6, 'servers that can be had at all'),
    provisionMin: num(0, 10080),
    costPerHourUsd: pos(1e4),
    clientCapacity: num(1, 1e7),
    acceptPerS: num(0, 1e6, 'new clients one mega-supernode can take per second'),
    perHour: num(0.1, 1e6, 'servers the source can bring up per hour once its lead time is over'),
    note: { kind: 'string', pattern: '^.{1,300}$', doc: "at most 300 characters on one line: one sentence the player reads with this source's hints where its usual words are not true of the scenario: what the servers are, or why there are none" },
  },
  optional: ['note'],
} as const;

export const SCENARIO_SPEC = {
  kind: 'object',
  doc: 'A Supernode Storm scenario: the world at the start and what happens to it unprompted.',
  fields: {
    id: { kind: 'string', pattern: '^[a-z0-9-]{1,40}$' },
    name: str,
    description: str,
    startUtc: { kind: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$', doc: 'ISO time, UTC' },
    durationHours: num(1, 24 * 14),
    population: {
      kind: 'object',
      fields: {
        peakConcurrent: num(1000, 1e9),
        peakUtcHour: num(0, 23.99),
        regionShares: { kind: 'record', keys: REGION_IDS, values: frac },
        nightFraction: num(0.01, 1, 'online share at the local small hours relative to the local peak'),
        sessionMin: num(5, 10080),
        restartMin: num(0.5, 1440),
        giveUpPerHour: num(0, 10),
        giveUpCap: num(0, 1, "most of one failed attempt's clients that give up at once"),
        returnMin: num(1, 10080, 'mean minutes before someone who gave up tries again, at the local peak hour'),
        arrivalNoise: num(0, 0.5, 'relative noise on arrivals each tick'),
        rebootMin: num(0.5, 20, 'a Windows restart: minutes before Skype starts again'),
      },
    },
    versions: {
      kind: 'array',
      minItems: 1,
      maxItems: 8,
      items: {
        kind: 'object',
        fields: {
          id: { kind: 'string', pattern: '^[A-Za-z0-9._-]{1,40}$' },
          name: str,
          share: num(0, 1, 'of concurrent users'),
          desktop: { kind: 'boolean', doc: 'desktop clients with a public address can become supernodes' },
          windows: { kind: 'boolean', doc: 'restarted by Windows Update (seed 002)' },
          crashesOnSlowIm: { kind: 'boolean', doc: 'the 5.0.0152 bug (seed 000)' },
          selfHealingFlaw: { kind: 'boolean', doc: 'the Aug 2007 bug (seeds 002, 004): stale host caches, supernodes drop out when logins fail' },
          retry: {
            kind: 'oneOf',
            tag: 'kind',
            variants: {
              tight: { kind: 'object', fields: { kind: str, intervalS: num(1, 600) } },
              backoff: { kind: 'object', fields: { kind: str, baseS: num(1, 600), capS: num(1, 1200) } },
            },
          },
        },
      },
    },
    supernodes: {
      kind: 'object',
      fields: {
        perConnectedDesktop: num(1e-6, 0.5),
        clientCapacity: num(1, 1e6),
        probeCapacityPerS: num(0.01, 1e6),
        probesPerAttempt: num(1, 500, 'most cache entries one attempt probes before it waits to retry'),
        thresholdMin: num(0, 100),
        thresholdMax: num(0, 100),
        classes: num(2, 64, 'threshold classes per cell'),
        tailShare: num(0, 0.5, 'share of supernode hosts with limits above thresholdMax (servers on fast links), in one class of their own'),
        tailMax: num(0, 1000, 'the highest limit of those hosts (their limits are uniform on [thresholdMax, tailMax])'),
        warmupMin: num(0, 10080),
        cooldownMin: num(0, 10080),
        overloadShutdownMin: num(0, 1440),
        imExposure: num(0, 10),
        admitShare: num(0.1, 1, 'a supernode takes new clients while its load is under this share of its own limit'),
        joinCostProbes: num(0, 1000, "work of one join (registration, presence, contacts' search), in probes"),
        handoverCostProbes: num(0, 1000, 'work of re-registering a client whose supernode went away (still logged in, presence and contacts already known), in probes'),
        handoverDetectS: num(1, 600, 'seconds before a client notices its supernode is gone (keep-alive), spread over [0.5, 1.5] of it'),
        refusedProbeCost: num(0, 1, 'work of dropping a probe the node has no capacity to answer, in answered probes'),
        cellsPerRegion: num(1, MAX_CELLS_PER_REGION),
        cellSpread: num(0, 0.6, "spread of cells' limits (relative)"),
        cellHomeSpread: num(0, 0.9, "spread of cells' client shares (relative)"),
        overflowShare: num(0, 1, "share of a cell's failed seekers whose next try is a neighbouring cell"),
        farShare: num(0, 1, "share of a seeker's tries that reach supernodes anywhere in the world, not its own neighbourhood"),
        reloginShare: num(0, 1, 'share of failed attach attempts that log in again for a fresh host cache'),
        promoteMin: num(1, 10080),
        promoteWarmupMin: num(0, 10080, 'minutes before a freshly promoted host (already running, already connected) starts serving'),
        selfPromoteShare: num(0, 1, 'of the usual supernode count, hosts that promote themselves when they find no supernode'),
        demoteMin: num(1, 10080),
        cacheRefreshMin: num(0.5, 10080, 'how fast host caches forget dead supernodes and learn new ones'),
        cacheContactShare: num(0, 1, "how much of that refreshing needs contact: a client learns addresses from the supernodes it reaches, so at 1 a cell's caches change only as fast as its clients are connected"),
        flawCacheRefreshMin: num(0.5, 10080, 'the same for clients with the self-healing flaw'),
        flawDropPerMin: num(0, 1, 'flawed supernodes that cannot log in drop supernode mode, per minute'),
        megaDiscoveryMin: num(0.5, 10080, 'how fast login servers and caches hand out new mega-supernodes'),
      },
      // Added with sim 7; a scenario written before leaves them out: no strong tail, caches that refresh without contact.
      optional: ['tailShare', 'tailMax', 'cacheContactShare'],
    },
    services: {
      kind: 'object',
      fields: {
        login: { kind: 'object', fields: { capacityPerS: pos(), timeoutS: num(1, 600), rejectCost: frac } },
        offlineIm: {
          kind: 'object',
          fields: {
            capacityPerS: pos(),
            requestsPerClientPerHour: pos(1000),
            fetchPerLogin: num(0, 10),
            crashDelayS: num(0.1, 600),
            crashPerLateReply: frac,
            maxQueueS: num(0, 3600),
            backlogMin: num(1, 1440),
          },
        },
        update: { kind: 'object', fields: { downloadsPerS: pos() } },
        mega: { kind: 'record', keys: ['dedicated', 'groupVideo', 'cloud'], values: megaSource },
        megaDrainMin: num(1, 1440, 'a withdrawn mega-supernode hands its clients back over this many minutes'),
      },
    },
    hotfixes: {
      kind: 'object',
      fields: {
        imCrashFix: { kind: 'object', fields: { buildMin: num(0, 20160), restartsClient } },
        jitteredBackoff: { kind: 'object', fields: { buildMin: num(0, 20160), restartsClient, baseS: num(1, 600), capS: num(1, 1200) } },
        selfHealingFix: { kind: 'object', fields: { buildMin: num(0, 20160), restartsClient } },
      },
    },
    prices: { kind: 'object', fields: { groupVideoDownPerHourUsd: pos(1e7), imWithheldPerUserHourUsd: pos(100), imExtraCapacityPerHourUsd: pos(1e7, 'per hour for each 100% of offline-IM capacity added to the cluster') } },
    commandDelays: { kind: 'object', fields: { throttleMin: num(0, 600), offlineImMin: num(0, 600), offlineImGrowMin: num(0, 20160, 'offline-IM capacity raised past the cluster\'s own lands after this (servers racked, data rebalanced)'), groupVideoMin: num(0, 600) } },
    timeline: { kind: 'array', maxItems: 10_000, items: checkedElsewhere<TimedCommand>('{"atMinute": number, "command": Command}') },
    historical: { kind: 'array', maxItems: 10_000, items: checkedElsewhere<TimedCommand>('{"atMinute": number, "command": Command}: what Skype did') },
    uncertain: { kind: 'array', maxItems: 200, items: { kind: 'string', pattern: '^[A-Za-z0-9_.]{1,120}$' }, doc: 'numbers --vary may scale, as dotted paths' },
  },
  optional: ['historical'],
} as const satisfies Spec;

/** A scenario file that could not be used; the message names the file, the field and the problem. */
export class ScenarioError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    problem: string,
  ) {
    super(`${file}: ${field} ${problem}`);
    this.name = 'ScenarioError';
  }
}

const BUILTIN: Record<string, unknown> = { 'dec-2010': dec2010, 'aug-2007': aug2007, 'normal-day': normalDay };

export const SCENARIO_LIST: { id: string; name: string; description: string }[] = Object.entries(BUILTIN).map(([id, s]) => {
  const o = s as Scenario;
  return { id, name: o.name, description: o.description };
});

export function getScenario(id: string): Scenario {
  const raw = Object.hasOwn(BUILTIN, id) ? BUILTIN[id] : undefined;
  if (!raw) throw new ScenarioError('scenario', `"${id}"`, `is not a known scenario; choose one of ${Object.keys(BUILTIN).join(', ')}`);
  return parseScenario(raw, `${id}.json`);
}

/** Parses and checks a scenario file's text. */
export function loadScenarioText(text: string, fileName: string): Scenario {
  const json = parseJsonText(text);
  if (!json.ok) throw new ScenarioError(fileName, '(file)', json.problem);
  return parseScenario(json.value, fileName);
}

export function parseScenario(raw: unknown, fileName: string): Scenario {
  const issue = check(SCENARIO_SPEC, raw);
  if (issue) throw new ScenarioError(fileName, issue.path, issue.message);
  const s = raw as Scenario;
  const shareSum = Object.values(s.population.regionShares).reduce((a, b) => a + b, 0);
  if (Math.abs(shareSum - 1) > 0.01) throw new ScenarioError(fileName, 'population.regionShares', `must add up to 1, got ${shareSum.toFixed(3)}`);
  const vSum = s.versions.reduce((a, v) => a + v.share, 0);
  if (Math.abs(vSum - 1) > 0.01) throw new ScenarioError(fileName, 'versions', `shares must add up to 1, got ${vSum.toFixed(3)}`);
  const ids = new Set(s.versions.map((v) => v.id));
  if (ids.size !== s.versions.length) throw new ScenarioError(fileName, 'versions', 'has two versions with the same id');
  if (s.supernodes.thresholdMax <= s.supernodes.thresholdMin)
    throw new ScenarioError(fileName, 'supernodes.thresholdMax', 'must be above thresholdMin');
  if (!Number.isInteger(s.supernodes.classes)) throw new ScenarioError(fileName, 'supernodes.classes', 'must be a whole number');
  if (Number.isNaN(Date.parse(s.startUtc))) throw new ScenarioError(fileName, 'startUtc', `is not a real date: ${s.startUtc}`);
  if (!Number.isInteger(s.supernodes.cellsPerRegion)) throw new ScenarioError(fileName, 'supernodes.cellsPerRegion', 'must be a whole number');
  const timeline = timedList(s.timeline, 'timeline', [...ids], fileName);
  const historical = s.historical === undefined ? undefined : timedList(s.historical, 'historical', [...ids], fileName);
  for (const path of s.uncertain) {
    if (typeof numberAt(s, path) !== 'number') throw new ScenarioError(fileName, 'uncertain', `names "${path}", which is not a number in this scenario`);
  }
  return { ...s, timeline, ...(historical && { historical }) };
}

/** Checks and sorts a list of timed commands; entries at the same minute keep their order. */
function timedList(raw: unknown, field: string, versions: string[], fileName: string): TimedCommand[] {
  const tl = validateActionList(raw, versions);
  if (!tl.ok) throw new ScenarioError(fileName, `${field}${tl.error.field}`, tl.error.message);
  return tl.value.map((e, i) => ({ e, i })).sort((a, b) => a.e.atMinute - b.e.atMinute || a.i - b.i).map((x) => x.e);
}

/** The number at a dotted path ("services.mega.cloud.perHour", "versions.0.share"), own keys only. */
export function numberAt(root: unknown, path: string): number | undefined {
  let v: unknown = root;
  for (const key of path.split('.')) {
    if (typeof v !== 'object' || v === null || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return typeof v === 'number' ? v : undefined;
}
