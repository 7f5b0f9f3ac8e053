// Scenarios are data: JSON files under src/sim/scenarios, checked against SCENARIO_SPEC
// on load. Every number in them carries its source in the file's "_sources" notes.
import { check, parseJsonText, type Spec } from './schema';
import { REGION_IDS, type RegionId } from './regions';
import { validateActionList, type TimedCommand, type MegaSource } from './commands';
import dec2010 from './scenarios/dec-2010.json';
import aug2007 from './scenarios/aug-2007.json';
import normalDay from './scenarios/normal-day.json';

export type RetrySpec = { kind: 'tight'; intervalS: number } | { kind: 'backoff'; baseS: number; capS: number };

export interface VersionSpec {
  id: string;
  name: string;
  share: number; // of concurrent users
  desktop: boolean; // desktop clients with a public address can become supernodes
  windows: boolean; // restarted by Windows Update (seed 002)
  crashesOnSlowIm: boolean; // the 5.0.0152 bug (seed 000)
  retry: RetrySpec;
}

export interface MegaSourceSpec {
  available: number; // servers that can be had at all
  provisionMin: number;
  costPerHourUsd: number;
  clientCapacity: number;
  acceptPerS: number; // new clients one mega-supernode can take per second
}

export interface Scenario {
  id: string;
  name: string;
  description: string;
  startUtc: string;
  durationHours: number;
  population: {
    peakConcurrent: number;
    peakUtcHour: number;
    regionShares: Record<RegionId, number>;
    nightFraction: number; // online share at the local small hours relative to the local peak
    sessionMin: number;
    restartMin: number;
    giveUpPerHour: number;
    returnMin: number;
  };
  versions: VersionSpec[];
  supernodes: {
    perRunningDesktop: number;
    clientCapacity: number;
    probeCapacityPerS: number;
    probesPerAttempt: number;
    thresholdMin: number;
    thresholdMax: number;
    classes: number;
    warmupMin: number;
    cooldownMin: number;
    overloadShutdownMin: number;
    imExposure: number;
    refuseAtLoad: number;
  };
  services: {
    login: { capacityPerS: number; timeoutS: number; maxQueueS: number };
    offlineIm: { capacityPerS: number; requestsPerClientPerHour: number; fetchPerLogin: number; crashDelayS: number; crashPerLateReply: number; maxQueueS: number };
    update: { downloadsPerS: number };
    mega: Record<MegaSource, MegaSourceSpec>;
  };
  hotfixes: {
    imCrashFix: { buildMin: number };
    jitteredBackoff: { buildMin: number; baseS: number; capS: number };
  };
  commandDelays: { throttleMin: number; offlineImMin: number; groupVideoMin: number };
  timeline: TimedCommand[];
}

const num = (min: number, max: number, doc?: string): Spec => ({ kind: 'number', min, max, doc });
const pos = (max = 1e12, doc?: string): Spec => num(0, max, doc);
const frac: Spec = num(0, 1);
const str: Spec = { kind: 'string' };

const megaSource: Spec = {
  kind: 'object',
  fields: { available: num(0, 1e6), provisionMin: num(0, 10080), costPerHourUsd: pos(1e4), clientCapacity: num(1, 1e7), acceptPerS: num(0, 1e6) },
};

export const SCENARIO_SPEC: Spec = {
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
        nightFraction: num(0.01, 1),
        sessionMin: num(5, 10080),
        restartMin: num(0.5, 1440),
        giveUpPerHour: num(0, 10),
        returnMin: num(1, 10080),
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
          share: frac,
          desktop: { kind: 'boolean' },
          windows: { kind: 'boolean' },
          crashesOnSlowIm: { kind: 'boolean' },
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
        perRunningDesktop: num(1e-6, 0.5),
        clientCapacity: num(1, 1e6),
        probeCapacityPerS: num(0.01, 1e6),
        probesPerAttempt: num(1, 50),
        thresholdMin: num(0, 100),
        thresholdMax: num(0, 100),
        classes: num(2, 200, 'threshold classes per region'),
        warmupMin: num(0, 10080),
        cooldownMin: num(0, 10080),
        overloadShutdownMin: num(0, 1440),
        imExposure: num(0, 10),
        refuseAtLoad: num(0.1, 100),
      },
    },
    services: {
      kind: 'object',
      fields: {
        login: { kind: 'object', fields: { capacityPerS: pos(), timeoutS: num(1, 600), maxQueueS: num(0, 3600) } },
        offlineIm: {
          kind: 'object',
          fields: { capacityPerS: pos(), requestsPerClientPerHour: pos(1000), fetchPerLogin: num(0, 10), crashDelayS: num(0.1, 600), crashPerLateReply: frac, maxQueueS: num(0, 3600) },
        },
        update: { kind: 'object', fields: { downloadsPerS: pos() } },
        mega: { kind: 'record', keys: ['dedicated', 'groupVideo', 'cloud'], values: megaSource },
      },
    },
    hotfixes: {
      kind: 'object',
      fields: {
        imCrashFix: { kind: 'object', fields: { buildMin: num(0, 20160) } },
        jitteredBackoff: { kind: 'object', fields: { buildMin: num(0, 20160), baseS: num(1, 600), capS: num(1, 1200) } },
      },
    },
    commandDelays: { kind: 'object', fields: { throttleMin: num(0, 600), offlineImMin: num(0, 600), groupVideoMin: num(0, 600) } },
    timeline: { kind: 'array', items: { kind: 'any', doc: '{"atMinute": number, "command": Command}' } },
  },
};

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
  const tl = validateActionList(s.timeline, [...ids]);
  if (!tl.ok) throw new ScenarioError(fileName, `timeline${tl.error.field}`, tl.error.message);
  // Stable sort: entries at the same minute keep their order in the file.
  const timeline = tl.value.map((e, i) => ({ e, i })).sort((a, b) => a.e.atMinute - b.e.atMinute || a.i - b.i).map((x) => x.e);
  return { ...s, timeline };
}
