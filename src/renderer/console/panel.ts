// What every console panel gets each frame, and the section frame they sit in.
import type { SessionStatus } from '../../shared/contract';
import type { ModeFrame } from '../../shared/drill-contract';
import type { SimView } from '../../sim/view-types';
import { h } from '../dom';

export interface ConsoleFrame {
  mode: ModeFrame | null;
  status: SessionStatus;
  view: SimView;
}

export interface ConsolePanel {
  readonly root: HTMLElement;
  update(f: ConsoleFrame): void;
}

/** A titled section of the console column; `extra` sits at the right of the title. */
export function panel(id: string, title: string, ...children: (Node | null)[]): HTMLElement {
  return h('section', { class: 'cpanel', id }, h('h2', {}, title), ...children);
}
