// What the player is told about the running scenario's resources: read from the sim's own
// parsed scenario (getScenario), so hints never drift from the sim. An unknown scenario gets
// no facts (the panel shows none) rather than another scenario's.
import { HOTFIXES, SCENARIO_LIST, getScenario, type HotfixId, type MegaSource, type Scenario } from '../../sim/index';
import { fixIsFor } from '../../sim/hotfix';

export interface MegaFacts {
  available: number;
  provisionMin: number;
  costPerHourUsd: number;
  clientCapacity: number;
}

export interface ScenarioFacts {
  mega: Record<MegaSource, MegaFacts>;
  hotfixBuildMin: Partial<Record<HotfixId, number>>;
  /** The client fixes some build in this scenario needs: the only ones worth offering (the sim refuses the rest). */
  fixes: HotfixId[];
  delays: { throttleMin?: number; offlineImMin?: number; offlineImGrowMin?: number; groupVideoMin?: number };
  imExtraCapacityPerHourUsd?: number; // per 100% added to the offline-IM cluster
  imCapacityPerS?: number; // the offline-IM cluster's replies per second at 100% of its size
  versions: { id: string; name: string }[]; // client builds, for the instructor's crash-wave inject
}

type ScenarioFile = {
  services?: { mega?: Partial<Record<string, Partial<MegaFacts>>>; offlineIm?: { capacityPerS?: number } };
  hotfixes?: Partial<Record<string, { buildMin?: number }>>;
  commandDelays?: ScenarioFacts['delays'];
  prices?: { imExtraCapacityPerHourUsd?: number };
  versions?: { id: string; name?: string }[];
};

const parsed = new Map<string, ScenarioFile>(); // getScenario checks the whole file: once per scenario

function fileOf(scenarioId: string): ScenarioFile {
  if (!SCENARIO_LIST.some((x) => x.id === scenarioId)) return {};
  if (!parsed.has(scenarioId)) parsed.set(scenarioId, getScenario(scenarioId) as unknown as ScenarioFile);
  return parsed.get(scenarioId)!;
}

/** A scenario the renderer cannot read (an instructor's own file) gets every fix: the sim refuses the ones it does not need. */
function fixesFor(scenarioId: string): HotfixId[] {
  if (!SCENARIO_LIST.some((x) => x.id === scenarioId)) return [...HOTFIXES];
  const sc = fileOf(scenarioId) as unknown as Scenario;
  return HOTFIXES.filter((fix) => sc.versions.some((_, i) => fixIsFor(sc, i, fix)));
}

function mega(f: ScenarioFile, src: MegaSource): MegaFacts {
  const m = f.services?.mega?.[src] ?? {};
  return { available: m.available ?? 0, provisionMin: m.provisionMin ?? 0, costPerHourUsd: m.costPerHourUsd ?? 0, clientCapacity: m.clientCapacity ?? 0 };
}

export function factsFor(scenarioId: string): ScenarioFacts {
  const f = fileOf(scenarioId);
  return {
    mega: { dedicated: mega(f, 'dedicated'), groupVideo: mega(f, 'groupVideo'), cloud: mega(f, 'cloud') },
    hotfixBuildMin: Object.fromEntries(HOTFIXES.map((fix) => [fix, f.hotfixes?.[fix]?.buildMin])),
    fixes: fixesFor(scenarioId),
    delays: f.commandDelays ?? {},
    imExtraCapacityPerHourUsd: f.prices?.imExtraCapacityPerHourUsd,
    imCapacityPerS: f.services?.offlineIm?.capacityPerS,
    versions: (f.versions ?? []).map((v) => ({ id: v.id, name: v.name ?? v.id })),
  };
}
