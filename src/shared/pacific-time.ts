// US Pacific time for a scenario's moment: the post-mortem tells its story in Pacific time and
// the scenarios span years with different rules, so the offset comes from the date, not a constant.
// US rules: from 2007 (Energy Policy Act 2005) daylight time runs from the second Sunday of
// March to the first Sunday of November; 1987-2006 from the first Sunday of April to the last
// Sunday of October. Both switch at 02:00 local time.

export interface PacificTime {
  offsetH: -7 | -8; // hours from UTC
  zone: 'PDT' | 'PST';
}

const DAY_MS = 86_400_000;

/** UTC midnight of the n-th Sunday (1-based) of a month (0-based). */
function nthSunday(year: number, month: number, n: number): number {
  const first = Date.UTC(year, month, 1);
  const toSunday = (7 - new Date(first).getUTCDay()) % 7;
  return first + (toSunday + 7 * (n - 1)) * DAY_MS;
}

/** UTC midnight of the last Sunday of a month (0-based). */
function lastSunday(year: number, month: number): number {
  const last = Date.UTC(year, month + 1, 0);
  return last - new Date(last).getUTCDay() * DAY_MS;
}

export function pacificTime(utcMs: number): PacificTime {
  const year = new Date(utcMs).getUTCFullYear();
  const [startDay, endDay] = year >= 2007 ? [nthSunday(year, 2, 2), nthSunday(year, 10, 1)] : [nthSunday(year, 3, 1), lastSunday(year, 9)];
  // 02:00 PST is 10:00 UTC (clocks go forward); 02:00 PDT is 09:00 UTC (clocks go back).
  const start = startDay + 10 * 3_600_000;
  const end = endDay + 9 * 3_600_000;
  return utcMs >= start && utcMs < end ? { offsetH: -7, zone: 'PDT' } : { offsetH: -8, zone: 'PST' };
}
