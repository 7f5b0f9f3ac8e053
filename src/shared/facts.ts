// Facts every layer reads, derived once from what the sim exports (src/sim/index.ts) so
// nothing keeps its own copy: the scenario list and the tick constants.
import { SCENARIO_LIST, TICK_SECONDS } from '../sim/index';

export const SCENARIO_IDS: readonly string[] = SCENARIO_LIST.map((s) => s.id);
export const TICKS_PER_MINUTE = 60 / TICK_SECONDS;
export const TICKS_PER_HOUR = 3600 / TICK_SECONDS;
/** The past a screen keeps and a host sends it: sparkline minutes (and the end screen's), pager events. */
export const HISTORY_KEEP_MINUTES = 36 * 60;
export const PAGER_KEEP_EVENTS = 60;
