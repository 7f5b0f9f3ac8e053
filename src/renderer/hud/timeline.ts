// The trainee's orders, the injects and the instructor's marks as they happen, newest on top
// (InstructorView.timeline and .marks merged by tick). Lives in the dock beside the pager;
// two tabs switch between them. With a replay open it lists the replay's orders and marks,
// and a click on one seeks there.
import type { InstructorView, ReplayView } from '../../shared/drill-contract';
import { TICKS_PER_MINUTE } from '../../shared/facts';
import { tPlus } from './format';
import { h, setText } from '../dom';

interface Row { tick: number; minute: number; source: string; text: string }

const LABEL: Record<string, string> = { trainee: 'trainee', instructor: 'inject', scenario: 'scenario', script: 'script', bookmark: 'bookmark', note: 'note', hint: 'hint', message: 'message' };

export class TimelinePanel {
  private readonly list = h('ol', { id: 'console-timeline', class: 'timeline-list' });
  private readonly empty = h('p', { class: 'cp-empty timeline-empty' }, 'Nothing yet: the trainee\'s orders, your injects and marks appear here as they happen.');
  private readonly count = h('span', { class: 'pill', id: 'timeline-count' }, '0');
  private key = '';
  private readonly pagerSection: HTMLElement;
  private readonly tabs: { timeline: HTMLButtonElement; pager: HTMLButtonElement };
  /** Set while a replay is open: rows become buttons that seek to their tick. */
  onSeek: ((tick: number) => void) | null = null;

  /** Turns the dock's pager section into two tabs: Timeline (default for the instructor) and Pager. */
  constructor(pagerSection: HTMLElement) {
    const title = pagerSection.querySelector('h2')!;
    const pagerTab = h('button', { class: 'dock-tab', 'data-tab': 'pager' });
    pagerTab.append(...Array.from(title.childNodes));
    const timelineTab = h('button', { class: 'dock-tab active', 'data-tab': 'timeline' }, 'Timeline', this.count);
    title.replaceChildren(timelineTab, pagerTab);
    title.classList.add('dock-tabs');
    pagerSection.append(h('div', { class: 'timeline-wrap' }, this.list, this.empty));
    pagerSection.dataset.tab = 'timeline';
    this.pagerSection = pagerSection;
    this.tabs = { timeline: timelineTab, pager: pagerTab };
    timelineTab.addEventListener('click', () => this.show('timeline'));
    pagerTab.addEventListener('click', () => this.show('pager'));
  }

  show(tab: 'timeline' | 'pager'): void {
    this.pagerSection.dataset.tab = tab;
    this.tabs.timeline.classList.toggle('active', tab === 'timeline');
    this.tabs.pager.classList.toggle('active', tab === 'pager');
  }

  /** A trainee has the tab only while a replay is open (their live orders are in the pager already). */
  setAvailable(available: boolean): void {
    if (this.tabs.timeline.hidden === !available) return;
    this.tabs.timeline.hidden = !available;
    this.show(available ? 'timeline' : 'pager');
  }

  update(iv: InstructorView | null | undefined, replay: ReplayView | null | undefined): void {
    const minute = (tick: number) => tick / TICKS_PER_MINUTE;
    const timeline: Row[] = replay ? (replay.timeline ?? []).map((c) => ({ ...c, minute: minute(c.tick) })) : iv?.timeline ?? [];
    const marks = replay ? (replay.marks ?? []).map((m) => ({ ...m, minute: minute(m.tick) })) : iv?.marks ?? [];
    const key = `${replay ? replay.fileName : 'live'}:${timeline.length}:${marks.length}:${timeline[timeline.length - 1]?.tick ?? ''}:${marks[marks.length - 1]?.tick ?? ''}`;
    if (key === this.key) return;
    const fresh = this.key !== '' && !replay;
    this.key = key;
    const rows: Row[] = [...timeline, ...marks.map((m) => ({ tick: m.tick, minute: m.minute, source: m.kind, text: m.text }))];
    rows.sort((a, b) => b.tick - a.tick);
    const before = this.list.childElementCount;
    this.list.classList.toggle('seekable', !!replay);
    this.list.replaceChildren(...rows.map((r, i) => {
      const li = h('li', { 'data-source': r.source, 'data-tick': r.tick, class: fresh && i < rows.length - before ? 'fresh' : undefined, title: replay ? 'Seek the replay here' : undefined },
        h('span', { class: 't' }, tPlus(r.minute)),
        h('span', { class: 'src' }, LABEL[r.source] ?? r.source),
        h('span', { class: 'text' }, r.text));
      if (replay) li.addEventListener('click', () => this.onSeek?.(r.tick));
      return li;
    }));
    setText(this.count, String(rows.length));
    this.empty.hidden = rows.length > 0;
    setText(this.empty, replay ? 'This replay has no orders, injects or marks.' : 'Nothing yet: the trainee\'s orders, your injects and marks appear here as they happen.');
  }
}
