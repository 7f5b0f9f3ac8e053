// The simulation's public face. Everything a host (Electron main, browser host, CLI,
// tests) needs, and nothing that touches a clock, a file or the DOM.
export { TICK_SECONDS } from './time';
export { SIM_VERSION } from './version';
export { REGIONS, REGION_IDS, isRegionId, type RegionId } from './regions';
export * from './names';
export * from './commands';
export type * from './view-types';
export { getScenario, loadScenarioText, SCENARIO_LIST, ScenarioError, type Scenario } from './scenario';
export { createSim, step, minuteOf, endMinuteOf, type SimState } from './world';
export { applyCommand } from './apply';
export { fixIsFor } from './hotfix';
export { viewOf, metricsOf } from './view';
export { checksum, snapshot } from './checksum';
export { historicalActions, historicalFor } from './historical';
export { varyScenario, MAX_VARY } from './vary';
