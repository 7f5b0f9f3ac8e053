// What the player is told about the running scenario's resources: read from the scenario
// data files themselves (pure data, no sim logic), so hints never drift from the sim.
import dec2010 from '../../sim/scenarios/dec-2010.json';
import aug2007 from '../../sim/scenarios/aug-2007.json';
import normalDay from '../../sim/scenarios/normal-day.json';
import type { HotfixId, MegaSource } from '../../sim/commands';

export interface MegaFacts {
  available: number;
  provisionMin: number;
  costPerHourUsd: number;
  clientCapacity: number;
}

export interface ScenarioFacts {
  mega: Record<MegaSource, MegaFacts>;
  hotfixBuildMin: Partial<Record<HotfixId, number>>;
  delays: { throttleMin?: number; offlineImMin?: number; groupVideoMin?: number };
  versions: { id: string; name: string }[]; // client builds, for the instructor's crash-wave inject
}

interface ScenarioFile {
  services?: { mega?: Record<string, Partial<MegaFacts>> };
  hotfixes?: Record<string, { buildMin?: number }>;
  commandDelays?: ScenarioFacts['delays'];
  versions?: { id: string; name?: string }[];
}

const FILES: Record<string, ScenarioFile> = { 'dec-2010': dec2010, 'aug-2007': aug2007, 'normal-day': normalDay };

function mega(f: ScenarioFile, src: MegaSource): MegaFacts {
  const m = f.services?.mega?.[src] ?? {};
  return { available: m.available ?? 0, provisionMin: m.provisionMin ?? 0, costPerHourUsd: m.costPerHourUsd ?? 0, clientCapacity: m.clientCapacity ?? 0 };
}

export function factsFor(scenarioId: string): ScenarioFacts {
  const f = FILES[scenarioId] ?? FILES['dec-2010'];
  return {
    mega: { dedicated: mega(f, 'dedicated'), groupVideo: mega(f, 'groupVideo'), cloud: mega(f, 'cloud') },
    hotfixBuildMin: { imCrashFix: f.hotfixes?.imCrashFix?.buildMin, jitteredBackoff: f.hotfixes?.jitteredBackoff?.buildMin },
    delays: f.commandDelays ?? {},
    versions: (f.versions ?? []).map((v) => ({ id: v.id, name: v.name ?? v.id })),
  };
}
