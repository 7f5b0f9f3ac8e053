// What the player is told about the running scenario's resources: read from the sim's own
// parsed scenario (getScenario), so hints never drift from the sim. An unknown scenario gets
// no facts (the panel shows none) rather than another scenario's.
import { HOTFIXES, SCENARIO_LIST, fixIsFor, getScenario, type HotfixId, type MegaSource, type Scenario } from '../../sim/index';

export interface MegaFacts {
  available: number;
  provisionMin: number;
  costPerHourUsd: number;
  clientCapacity: number;
  note?: string; // what these servers are in this scenario, or why there are none (the scenario's words)
}

/** The client builds a fix is for, and their share of users: none means pushing it changes nothing. */
export interface FixTarget {
  names: string[];
  share: number;
}

export interface ScenarioFacts {
  /** A built-in scenario this screen can read; false for an instructor's own file (every figure below is then unknown, not zero). */
  known: boolean;
  mega: Record<MegaSource, MegaFacts>;
  hotfixBuildMin: Partial<Record<HotfixId, number>>;
  /** The client fixes some build in this scenario needs: the only ones worth offering (the sim refuses the rest). */
  fixes: HotfixId[];
  delays: { throttleMin?: number; offlineImMin?: number; offlineImGrowMin?: number; groupVideoMin?: number };
  imExtraCapacityPerHourUsd?: number; // per 100% added to the offline-IM cluster
  groupVideoDownPerHourUsd?: number; // each hour Group Video is off (2007: the fleet's servers off their usual work)
  withRecord: boolean; // the scenario replays what Skype did (dec-2010, aug-2007), not a made-up day
  imCapacityPerS?: number; // the offline-IM cluster's replies per second at 100% of its size
  versions: { id: string; name: string }[]; // client builds, for the instructor's crash-wave inject
  fixFor: Record<HotfixId, FixTarget>;
  startUtc?: string; // when the scenario begins (ISO), for the tour's date and weekday
  rebootWave?: { fraction: number; overMinutes?: number }; // the scenario's own Windows Update restart, if it has one
}

type ScenarioFile = {
  services?: { mega?: Partial<Record<string, Partial<MegaFacts>>>; offlineIm?: { capacityPerS?: number; requestsPerClientPerHour?: number } };
  population?: { peakConcurrent?: number };
  versions?: { id: string; name?: string; share?: number }[];
  hotfixes?: Partial<Record<string, { buildMin?: number }>>;
  commandDelays?: ScenarioFacts['delays'];
  prices?: { imExtraCapacityPerHourUsd?: number; groupVideoDownPerHourUsd?: number };
  startUtc?: string;
  historical?: unknown[];
  timeline?: { command: { type: string; fraction?: number; overMinutes?: number } }[];
};

const parsed = new Map<string, ScenarioFile>(); // getScenario checks the whole file: once per scenario

function fileOf(scenarioId: string): ScenarioFile {
  if (!SCENARIO_LIST.some((x) => x.id === scenarioId)) return {};
  if (!parsed.has(scenarioId)) parsed.set(scenarioId, getScenario(scenarioId) as unknown as ScenarioFile);
  return parsed.get(scenarioId)!;
}

function mega(f: ScenarioFile, src: MegaSource): MegaFacts {
  const m = f.services?.mega?.[src] ?? {};
  return { available: m.available ?? 0, provisionMin: m.provisionMin ?? 0, costPerHourUsd: m.costPerHourUsd ?? 0, clientCapacity: m.clientCapacity ?? 0, ...(m.note ? { note: m.note } : {}) };
}

// The sim's own test of which builds a fix is for, so a hint never promises what the sim does not do.
function fixTarget(f: ScenarioFile, fix: HotfixId): FixTarget {
  const versions = (f.versions ?? []).filter((_, i) => fixIsFor(f as unknown as Scenario, i, fix));
  return { names: versions.map((v) => v.name ?? v.id), share: versions.reduce((a, v) => a + (v.share ?? 0), 0) };
}

export function factsFor(scenarioId: string): ScenarioFacts {
  const f = fileOf(scenarioId);
  const known = SCENARIO_LIST.some((x) => x.id === scenarioId);
  const fixFor = Object.fromEntries(HOTFIXES.map((fix) => [fix, fixTarget(f, fix)])) as Record<HotfixId, FixTarget>;
  return {
    known,
    mega: { dedicated: mega(f, 'dedicated'), groupVideo: mega(f, 'groupVideo'), cloud: mega(f, 'cloud') },
    hotfixBuildMin: Object.fromEntries(HOTFIXES.map((fix) => [fix, f.hotfixes?.[fix]?.buildMin])),
    // A scenario this screen cannot read (an instructor's own file) offers every fix: the sim refuses the ones it does not need.
    fixes: known ? HOTFIXES.filter((fix) => fixFor[fix].names.length > 0) : [...HOTFIXES],
    delays: f.commandDelays ?? {},
    imExtraCapacityPerHourUsd: f.prices?.imExtraCapacityPerHourUsd,
    groupVideoDownPerHourUsd: f.prices?.groupVideoDownPerHourUsd,
    withRecord: (f.historical?.length ?? 0) > 0,
    imCapacityPerS: f.services?.offlineIm?.capacityPerS,
    versions: (f.versions ?? []).map((v) => ({ id: v.id, name: v.name ?? v.id })),
    fixFor,
    startUtc: f.startUtc,
    rebootWave: rebootWave(f),
  };
}

function rebootWave(f: ScenarioFile): ScenarioFacts['rebootWave'] {
  const c = f.timeline?.find((e) => e.command.type === 'rebootStorm')?.command;
  return c && c.fraction !== undefined ? { fraction: c.fraction, ...(c.overMinutes !== undefined ? { overMinutes: c.overMinutes } : {}) } : undefined;
}

