// The simulation rules' version. Bump it with any change that alters what a given
// scenario + seed + commands produce: replays recorded under other rules are refused
// (they could not re-simulate exactly), and the golden replay fixture must be re-recorded.
export const SIM_VERSION = '14';
