// Talking to the trainee and marking the moment: give one of the drill's hints (or free
// text as a hint), send a message, add a bookmark or a note at the current tick. Hints,
// bookmarks and notes land in the replay; the trainee sees hints and messages (no hints in
// check mode).
import type { Bridge } from '../bridge/bridge';
import type { InstructorAct, InstructorView } from '../../shared/drill-contract';
import { busy, h, setText, showReply } from '../dom';
import { panel, type ConsoleFrame, type ConsolePanel } from './panel';

type TextAct = 'hint' | 'message' | 'bookmark' | 'note';
const SENT: Record<TextAct, string> = { hint: 'hint sent', message: 'message sent', bookmark: 'bookmark added', note: 'note added' };

export class CoachPanel implements ConsolePanel {
  readonly root: HTMLElement;
  private readonly hints = h('ul', { class: 'hint-list', id: 'console-hints' });
  private readonly checkNote = h('p', { class: 'cp-empty', id: 'console-hints-check', hidden: true }, 'Check mode: hints you give are recorded, but the trainee does not see them.');
  private readonly text = h('textarea', { id: 'coach-text', rows: 2, maxLength: 2000, placeholder: 'A message, a hint, or a note for the debrief…' });
  private readonly error = h('p', { class: 'field-error', id: 'coach-error' });
  private readonly status = h('p', { class: 'cp-status', id: 'coach-status', role: 'status' });
  private readonly drillOnly: HTMLButtonElement[] = [];
  private hintsKey = '';

  constructor(private readonly requests: Bridge) {
    const button = (act: TextAct, label: string, cls: string, title: string) => {
      const b = h('button', { id: `coach-${act}`, class: cls, title }, label);
      b.addEventListener('click', () => void busy(b, () => this.sendText(act)));
      if (act === 'hint' || act === 'message') this.drillOnly.push(b);
      return b;
    };
    this.root = panel('console-coach', 'Coach',
      this.hints, this.checkNote,
      this.text,
      h('div', { class: 'coach-buttons' },
        button('message', 'Message', 'go', 'Send this text to the trainee'),
        button('hint', 'As hint', 'quiet', 'Send this text to the trainee as a hint (not shown in check mode)'),
        button('bookmark', 'Bookmark', 'quiet', 'Mark this moment on the replay timeline'),
        button('note', 'Note', 'quiet', 'A note for the debrief at this moment; the trainee does not see it')),
      this.error, this.status);
    this.text.addEventListener('input', () => (this.error.textContent = ''));
  }

  private async sendText(act: TextAct): Promise<void> {
    const text = this.text.value.trim();
    setText(this.status, '');
    if (!text) {
      this.error.textContent = act === 'bookmark' ? 'Write a few words for the bookmark (what is happening now).' : 'Write the text first.';
      this.text.focus();
      return;
    }
    const reply = await this.requests.instructor({ act, text });
    if (showReply(this.error, reply)) {
      this.text.value = '';
      setText(this.status, `✓ ${SENT[act]}`);
    }
  }

  update(f: ConsoleFrame): void {
    const drill = f.mode?.mode === 'drill' ? f.mode.drill : null;
    const live = !!drill && !drill.ended;
    for (const b of this.drillOnly) {
      b.disabled = !live;
      b.title = live ? b.title.replace(/ \(needs a running drill\)$/, '') : b.title.replace(/( \(needs a running drill\))?$/, ' (needs a running drill)');
    }
    this.checkNote.hidden = !drill?.checkMode;
    this.renderHints(live ? f.mode?.instructor?.hints ?? [] : []);
  }

  private renderHints(hints: InstructorView['hints']): void {
    const key = JSON.stringify(hints);
    if (key === this.hintsKey) return;
    this.hintsKey = key;
    this.hints.replaceChildren(...hints.map((hint) => {
      const give = h('button', { class: 'quiet small', id: `give-hint-${hint.index}`, disabled: hint.given }, hint.given ? 'Given' : 'Give');
      give.addEventListener('click', () => void busy(give, async () => {
        if (showReply(this.error, await this.requests.instructor({ act: 'hint', index: hint.index }))) setText(this.status, '✓ hint sent');
      }));
      return h('li', { 'data-given': String(hint.given) }, h('span', {}, hint.text), give);
    }));
  }
}
