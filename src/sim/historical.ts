// What Skype did on 22-24 December 2010, per its post-mortem (seed 000), as timed
// commands for dec-2010 (minute 0 = Wed 22 Dec 08:00 PST / 16:00 GMT).
import type { TimedCommand } from './commands';
import type { RegionId } from './regions';

const H = 60;

export function historicalActions(): TimedCommand[] {
  return [
    // "Skype staff responded quickly to disable the overloaded servers"
    { atMinute: 20, command: { type: 'setOfflineImService', enabled: false } },
    // "introduced hundreds of instances ... to act as dedicated supernodes" (Wednesday daytime PST)
    { atMinute: 2 * H, command: { type: 'deployMegaSupernodes', count: 220, region: 'europe', source: 'dedicated' } },
    { atMinute: 2 * H, command: { type: 'deployMegaSupernodes', count: 120, region: 'na-east', source: 'dedicated' } },
    { atMinute: 2 * H, command: { type: 'deployMegaSupernodes', count: 60, region: 'na-west', source: 'dedicated' } },
    { atMinute: 3 * H, command: { type: 'deployMegaSupernodes', count: 120, region: 'asia-pac', source: 'dedicated' } },
    { atMinute: 3 * H, command: { type: 'deployMegaSupernodes', count: 50, region: 'latam', source: 'dedicated' } },
    { atMinute: 3 * H, command: { type: 'deployMegaSupernodes', count: 30, region: 'africa-me', source: 'dedicated' } },
    // Fixes for v5.0 "for download this week": the crash fix already existed.
    { atMinute: 6 * H, command: { type: 'pushHotfix', fix: 'imCrashFix', rolloutPctPerHour: 4 } },
    // "By late Wednesday night (PST) ... only 15-20% healing ... introduced several thousand
    // more mega-supernodes through the night", borrowing Group Video Calling servers.
    { atMinute: 14 * H, command: { type: 'setGroupVideo', enabled: false } },
    { atMinute: 14.5 * H, command: { type: 'deployMegaSupernodes', count: 1200, region: 'europe', source: 'groupVideo' } },
    { atMinute: 14.5 * H, command: { type: 'deployMegaSupernodes', count: 500, region: 'asia-pac', source: 'groupVideo' } },
    { atMinute: 14.5 * H, command: { type: 'deployMegaSupernodes', count: 300, region: 'africa-me', source: 'groupVideo' } },
    { atMinute: 15 * H, command: { type: 'deployMegaSupernodes', count: 500, region: 'na-east', source: 'groupVideo' } },
    { atMinute: 15 * H, command: { type: 'deployMegaSupernodes', count: 250, region: 'na-west', source: 'groupVideo' } },
    { atMinute: 15 * H, command: { type: 'deployMegaSupernodes', count: 250, region: 'latam', source: 'groupVideo' } },
    { atMinute: 16 * H, command: { type: 'deployMegaSupernodes', count: 300, region: 'europe', source: 'dedicated' } },
    // "over the course of Thursday night and Friday morning we returned these to their
    // normal use and restored Group Video Calling" (Thu night PST = Fri ~04:00-16:00 GMT):
    // a few hundred at a time, so their clients can find peer supernodes again.
    ...returnGroupVideoServers(),
    { atMinute: 44 * H, command: { type: 'setGroupVideo', enabled: true } },
  ];
}

/** Group Video servers go back in steps of 5% every 15 minutes from Friday 00:00 GMT. */
function returnGroupVideoServers(): TimedCommand[] {
  const lent: [RegionId, number][] = [['europe', 1200], ['asia-pac', 500], ['africa-me', 300], ['na-east', 500], ['na-west', 250], ['latam', 250]];
  const out: TimedCommand[] = [];
  for (let step = 0; step < 20; step++) {
    for (const [region, n] of lent) {
      out.push({ atMinute: 32 * H + step * 15, command: { type: 'withdrawMegaSupernodes', count: Math.round(n / 20), region, source: 'groupVideo' } });
    }
  }
  return out;
}
