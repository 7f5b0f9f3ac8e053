// The pager: sim events, newest on top. Severity shows as a glyph and a colour, so it reads
// without colour vision too.
import type { SimEvent } from '../../sim/view-types';
import { clockAt, dateAt } from './format';
import { PAGER_KEEP_EVENTS } from '../../shared/facts';

const GLYPH: Record<SimEvent['severity'], string> = { critical: '◆', warning: '▲', recovery: '●', info: '○' };
/** As many as the host keeps for a screen that joins: every screen shows the same pager. */
const MAX_ITEMS = PAGER_KEEP_EVENTS;

/** "Thu" within the game's first week, "23 Dec" after it (a weekday would come round again); the space keeps it apart from the time when read aloud. */
const dayLabel = (date: string, sinceStartMs: number) => (sinceStartMs < 6 * 86_400_000 ? date.slice(0, 3) : date.split(' ').slice(1, 3).join(' '));

export class PagerFeed {
  private readonly list = document.getElementById('pager-feed') as HTMLOListElement;
  private readonly count = document.getElementById('pager-count')!;
  /** A polite live region: screen readers hear new warnings without the list being re-read. */
  private readonly announce = document.getElementById('pager-announce');

  clear(): void {
    this.list.replaceChildren();
    if (this.announce) this.announce.textContent = '';
    this.counted();
  }

  /** A line from this screen, not the sim: a refused order, in the words shown at the field. */
  note(text: string, utcMs: number, code = 'refused'): void {
    this.push([{ minute: 0, severity: 'warning', code, text }], utcMs);
  }

  /** Replaces the feed with the game's latest events (the host's, for a screen that joins late). */
  seed(events: SimEvent[], startUtcMs: number): void {
    this.clear();
    this.push(events, startUtcMs);
    for (const li of this.list.querySelectorAll('li.fresh')) li.classList.remove('fresh');
  }

  push(events: SimEvent[], startUtcMs: number): void {
    for (const ev of events) {
      const li = document.createElement('li');
      li.className = `${ev.severity} fresh`;
      li.dataset.code = ev.code;
      const t = document.createElement('span');
      t.className = 't';
      const at = startUtcMs + ev.minute * 60_000;
      t.textContent = clockAt(at, 0);
      // Past the game's first day a line names its day ("Fri" over 09:01), or the next morning's
      // 09:01 would read as earlier than the first afternoon's 14:07 below it.
      const day = dateAt(at, 0);
      t.title = `${day}, ${clockAt(at, 0)} GMT`;
      if (day !== dateAt(startUtcMs, 0)) t.prepend(Object.assign(document.createElement('span'), { className: 'd', textContent: `${dayLabel(day, at - startUtcMs)} ` }));
      const sev = document.createElement('span');
      sev.className = 'sev';
      sev.textContent = GLYPH[ev.severity] ?? '○';
      sev.title = ev.severity;
      const text = document.createElement('span');
      text.textContent = ev.text;
      li.append(t, sev, text);
      this.list.prepend(li);
    }
    // At speed dozens arrive at once: announce the newest few that matter, not every line.
    const said = events.filter((e) => e.severity !== 'info' || e.code === 'refused').slice(-3);
    if (said.length && this.announce) this.announce.textContent = said.map((e) => `${e.severity === 'critical' ? 'Critical: ' : ''}${e.text}`).join('. ');
    while (this.list.childElementCount > MAX_ITEMS) this.list.lastElementChild?.remove();
    this.counted();
  }

  /** The pill counts the alerts listed (a running total would differ between a screen that joined late and one that watched from the start). */
  private counted(): void {
    const n = this.list.childElementCount;
    this.count.textContent = String(n);
    this.count.title = n >= MAX_ITEMS ? `The latest ${MAX_ITEMS} alerts` : `${n} alert${n === 1 ? '' : 's'}`;
  }
}
