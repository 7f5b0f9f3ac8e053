// Shared bits for drill tests: a small drill over the first hours of dec-2010.
import { PLAYER_VERBS } from '../../src/sim/index';
import { parseDrill, type Drill } from '../../src/drill/index';
export { DrillError, drillEndMinute, loadDrillText } from '../../src/drill/index';

export const PLAYER_VERBS_IN_DRILLS: string[] = [...PLAYER_VERBS];

/** Two sim-hours of dec-2010 at 3600x: small enough to run many times in a test. */
export function smallDrill(over: Partial<Drill> = {}): Drill {
  return parseDrill(
    {
      id: 'small',
      name: 'Small',
      briefing: 'test',
      scenarioId: 'dec-2010',
      seed: 1,
      timeLimitRealMin: 2,
      timeCompression: 60,
      objectives: [
        { id: 'held', text: 'Half online at minute 60', kind: 'onlineShareBy', share: 0.5, byMinute: 60 },
        { id: 'cheap', text: 'Spend at most $50', kind: 'costAtMost', usd: 50 },
      ],
      injects: [
        { id: 'crash-at-30', atMinute: 30, command: { type: 'supernodeCrash', fraction: 0.1, region: 'latam' } },
        { id: 'flood-when-low', when: { metric: 'onlineShare', op: '<', value: 0.9 }, command: { type: 'loginFlood', perSecond: 1000, durationMin: 5 } },
      ],
      allowedActions: ['deployMegaSupernodes', 'setOfflineImService'],
      hints: [{ atMinute: 10, text: 'Look at the offline-IM cluster' }],
      scoring: { weights: { held: 2 }, userHoursLostPenaltyPerMillion: 1, costPenaltyPer10k: 10 },
      ...over,
    },
    'small.json',
  );
}
