// The figures that decide a run, for scripts, the strategy table and tests: one object
// (`npm run sim -- ... --summary` prints it as one JSON line).
import type { Row } from './run';
import type { SimState } from '../sim/index';

export interface RunSummary {
  userHoursLost: number;
  lowestOnlineShare: number; // online / normal for the hour, at its lowest
  lowestAtMinute: number;
  recovered50AtMinute: number | null; // first minute back at 50% of normal after the lowest point (0: never fell below)
  recovered90AtMinute: number | null; // the same at 90%; null if never
  crashedClients: number;
  costUsd: number; // every priced harm and resource
  megaCostUsd: number;
  peakTrafficX: number;
  minSupernodes: number;
  groupVideoDownH: number;
  imDeferred: number;
}

/** Watches rows (every sim-minute is best) and sums a run up at its end. */
export class SummaryWatch {
  private lowest = Infinity;
  private lowestAt = 0;
  private back50: number | null = null;
  private back90: number | null = null;

  observe(row: Row): void {
    const share = row.m.wantOnline > 0 ? row.m.onlineUsers / row.m.wantOnline : 1;
    if (share < this.lowest) {
      this.lowest = share;
      this.lowestAt = row.minute;
      this.back50 = share >= 0.5 ? 0 : null;
      this.back90 = share >= 0.9 ? 0 : null;
      return;
    }
    if (this.back50 === null && share >= 0.5) this.back50 = row.minute;
    if (this.back90 === null && share >= 0.9) this.back90 = row.minute;
  }

  result(state: SimState): RunSummary {
    const t = state.totals;
    const r = (x: number, d = 0) => Math.round(x * 10 ** d) / 10 ** d;
    return {
      userHoursLost: r(t.userHoursLost),
      lowestOnlineShare: r(this.lowest === Infinity ? 1 : this.lowest, 4),
      lowestAtMinute: this.lowestAt,
      recovered50AtMinute: this.back50,
      recovered90AtMinute: this.back90,
      crashedClients: r(t.crashedClients),
      costUsd: r(t.costUsd),
      megaCostUsd: r(t.megaCostUsd),
      peakTrafficX: r(t.peakTrafficX, 1),
      minSupernodes: r(t.minSupernodes),
      groupVideoDownH: r(t.groupVideoDownMin / 60, 2),
      imDeferred: r(t.imDeferred),
    };
  }
}
