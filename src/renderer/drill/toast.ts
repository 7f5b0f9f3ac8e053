// A message or hint from the instructor, shown for a while under the top bar where the
// trainee's eyes are (it stays in the drill panel's list too).
import type { DrillView } from '../../shared/drill-contract';
import { h, setText } from '../dom';

const SHOW_MS = 12_000;

export class InstructorToast {
  private readonly root: HTMLElement;
  private readonly kind = h('span', { class: 'toast-kind' });
  private readonly text = h('span', { class: 'toast-text', id: 'drill-toast-text' });
  private timer = 0;

  constructor(parent: HTMLElement) {
    const close = h('button', { class: 'icon-button', title: 'Dismiss' }, '×');
    close.addEventListener('click', () => this.hide());
    this.root = h('div', { id: 'drill-toast', class: 'drill-toast', role: 'status', hidden: true }, this.kind, this.text, close);
    parent.append(this.root);
  }

  show(m: DrillView['messages'][number]): void {
    this.root.dataset.kind = m.kind;
    setText(this.kind, m.kind === 'hint' ? 'Hint' : 'Instructor');
    setText(this.text, m.text);
    this.root.hidden = false;
    this.root.classList.remove('fresh');
    void this.root.offsetWidth; // restart the entrance animation
    this.root.classList.add('fresh');
    clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.hide(), SHOW_MS);
  }

  hide(): void {
    this.root.hidden = true;
  }
}
