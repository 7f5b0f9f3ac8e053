// The debrief's metrics CSV: the columns of `npm run sim` (same order, same rounding) plus
// "source" (run | baseline | historical), so the three curves sit in one file.
import type { Debrief, SeriesRow } from './debrief';

/** Keep in step with COLUMNS in src/cli/sim.ts (test/replay/debrief.test.ts compares the header `npm run sim` prints). */
export const SIM_CSV_COLUMNS = [
  'minute', 'utc', 'online_users', 'supernodes_up', 'mega_supernodes_up', 'supernode_load', 'login_attempts_per_s',
  'logins_ok_per_s', 'crashed_clients', 'want_online', 'seeking_clients', 'supernode_traffic_x', 'offline_im_latency_s',
  'hotfixed_pct', 'mega_cost_usd', 'user_hours_lost', 'phase',
] as const;

export const DEBRIEF_CSV_COLUMNS = [...SIM_CSV_COLUMNS, 'source'] as const;

export function csvRow(row: SeriesRow): string {
  const m = row.m;
  return [
    row.minute, row.utc, Math.round(m.onlineUsers), Math.round(m.supernodesUp), m.megaSupernodesUp, m.supernodeLoad.toFixed(3),
    Math.round(m.loginAttemptsPerS), Math.round(m.loginsOkPerS), Math.round(m.crashedClients), Math.round(m.wantOnline),
    Math.round(m.seekingClients), m.supernodeTrafficX.toFixed(1), m.offlineImLatencyS.toFixed(2), m.hotfixedPct.toFixed(1),
    Math.round(m.megaCostUsd), Math.round(m.userHoursLost), row.phase,
  ].join(',');
}

export function debriefCsv(d: Debrief): string {
  const lines: string[] = [DEBRIEF_CSV_COLUMNS.join(',')];
  const add = (rows: SeriesRow[], source: string) => rows.forEach((r) => lines.push(`${csvRow(r)},${source}`));
  add(d.run.rows, 'run');
  add(d.baseline.rows, 'baseline');
  if (d.historical) add(d.historical.rows, 'historical');
  return lines.join('\n') + '\n';
}
