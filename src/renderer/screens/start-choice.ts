// What the start screen says and picks before the player does. The intro is the chosen
// scenario's own description, so 16 Aug 2007 is not introduced as 22 Dec 2010. The pickers
// start on what the host runs (`npm run web -- --scenario aug-2007 --seed 1`): the game behind
// the start screen is that one, and Start shift should play it unless the player picks another.
import { SCENARIO_LIST } from '../../sim/index';
import type { SessionStatus } from '../../shared/contract';

/** The start screen's intro for a scenario: its description, then the player's part. */
export function scenarioIntro(scenarioId: string): string {
  const s = SCENARIO_LIST.find((x) => x.id === scenarioId);
  return `${s ? `${s.description} ` : ''}You are the engineer on call.`;
}

export interface HostChoice {
  scenarioId: string;
  seed: number;
}

/**
 * The scenario and seed to preselect from the host's status: once per host (a restarted host
 * is another), and never over what the player has already picked or typed.
 */
export function hostChoice(status: SessionStatus, filledFor: string | null, touched: boolean): HostChoice | null {
  if (touched || status.hostSince === filledFor) return null;
  if (!SCENARIO_LIST.some((x) => x.id === status.scenarioId)) return null;
  return { scenarioId: status.scenarioId, seed: status.seed };
}
