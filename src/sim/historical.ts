// What Skype did, as timed commands: each scenario carries its own `historical` list
// (cited in its _sources), so the record lives with the data it belongs to.
import type { TimedCommand } from './commands';
import { getScenario, type Scenario } from './scenario';

/** The scenario's historical response, or null where the record gives none. */
export function historicalFor(scenario: Scenario): TimedCommand[] | null {
  return scenario.historical ? scenario.historical.map((t) => ({ atMinute: t.atMinute, command: { ...t.command } })) : null;
}

/** dec-2010's response (what older callers and drills mean by "historical"). */
export function historicalActions(): TimedCommand[] {
  return historicalFor(getScenario('dec-2010')) ?? [];
}
