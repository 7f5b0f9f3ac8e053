// The instructor console: the same world map and HUD as the trainee's screen, plus a column
// of panels on the right (drill, clock, objectives and score, coaching, debrief) and, in the
// dock, the live timeline beside the pager and the inject form where the trainee's actions are.
import type { Bridge } from '../bridge/bridge';
import { h } from '../dom';
import { ClockControl } from './clock-control';
import { CoachPanel } from './coach';
import { DrillControl } from './drill-control';
import { ExportPanel } from './exports';
import { InjectPanel } from './injects';
import type { ConsoleFrame, ConsolePanel } from './panel';
import { ProgressPanel } from './progress';
import { TimelinePanel } from '../hud/timeline';

export class InstructorConsole {
  readonly root: HTMLElement;
  private readonly panels: ConsolePanel[];
  private readonly timeline: TimelinePanel;
  private readonly injects: InjectPanel;
  private mode = '';

  /** `link`: the socket's stats in a browser, to say so when the host keeps refusing this console. */
  constructor(bridge: Bridge, exportUrl: ((file: string) => string) | null, link?: { connected: boolean; failedConnects: number }) {
    this.panels = [new DrillControl(bridge, bridge), new ClockControl(bridge), new ProgressPanel(), new CoachPanel(bridge), new ExportPanel(bridge, exportUrl)];
    this.root = h('aside', { id: 'console', class: 'console', 'aria-label': 'Instructor console' },
      h('header', { class: 'console-head' }, h('span', { class: 'console-kicker' }, 'Instructor console'), h('span', { class: 'console-sub' }, 'the trainee does not see this screen')),
      ...this.panels.map((p) => p.root));
    document.getElementById('hud')!.append(this.root);
    if (link) this.watchLink(link);
    const dock = document.getElementById('dock')!;
    this.timeline = new TimelinePanel(dock.querySelector<HTMLElement>('section.pager')!);
    this.timeline.onSeek = (tick) => void bridge.replay({ act: 'seek', tick });
    this.injects = new InjectPanel(bridge);
    dock.append(this.injects.root);
  }

  /** A wrong or stale token is refused at the door: no frame ever comes, so say why here. */
  private watchLink(link: { connected: boolean; failedConnects: number }): void {
    const banner = h('p', { class: 'link-error', id: 'console-link-error', role: 'alert', hidden: true },
      'The host refuses this console: the token in this address is wrong or from an earlier start. Open the instructor address that npm run web printed this time.');
    this.root.children[0].after(banner);
    setInterval(() => (banner.hidden = link.connected || link.failedConnects < 2), 1000);
  }

  update(f: ConsoleFrame): void {
    const mode = f.mode?.mode ?? 'free';
    if (mode !== this.mode) {
      this.mode = mode;
      // "✓ fired", "✓ bookmark added" belong to the game that was on screen, not the next one.
      for (const el of document.querySelectorAll<HTMLElement>('#console .cp-status:not(#export-status), .injects .cp-status')) el.textContent = '';
    }
    for (const p of this.panels) p.update(f);
    this.timeline.update(f.mode?.instructor, f.mode?.replay);
    this.injects.update(f);
  }
}
