// Unfinished games the host found when it started (a crash, a killed process): each can be
// resumed where its journal stopped, or dismissed. Shown on the start screen and the console;
// hidden entirely when the host does not offer recovery (older hosts send no `recoverable`).
import type { Bridge } from '../bridge/bridge';
import type { RecoverableGame } from '../../shared/drill-contract';
import { tPlus } from '../hud/format';
import { busy, h, showReply } from '../dom';

export class RecoveryList {
  readonly root: HTMLElement;
  private readonly list = h('ul', { class: 'recovery-list' });
  private readonly error = h('p', { class: 'field-error' });
  private key = '';
  private names = new Map<string, string>();
  private games: readonly RecoverableGame[] | undefined;

  constructor(private readonly requests: Bridge, idPrefix: string) {
    this.root = h('section', { class: 'recovery', id: `${idPrefix}-recovery`, hidden: true },
      h('div', { class: 'recovery-title' }, 'Unfinished game found'),
      this.list, this.error);
    this.error.id = `${idPrefix}-recovery-error`;
  }

  /** Drill names by id (from listDrills), so a row says "August 2007: ..." rather than its id. */
  setDrillNames(names: Map<string, string>): void {
    this.names = names;
    this.key = '';
    this.update(this.games); // a paused host sends no frames: redraw now
  }

  update(games: readonly RecoverableGame[] | undefined): void {
    this.games = games;
    const key = JSON.stringify(games ?? null);
    if (key === this.key) return;
    this.key = key;
    this.root.hidden = !games || games.length === 0;
    this.list.replaceChildren(...(games ?? []).map((g) => this.row(g)));
  }

  private row(g: RecoverableGame): HTMLElement {
    const resume = h('button', { class: 'go', 'data-journal': g.journalId, disabled: !!g.error }, 'Resume');
    const dismiss = h('button', { class: 'quiet', 'data-journal': g.journalId }, 'Dismiss');
    const what = `${g.drillId ? `Drill: ${this.names.get(g.drillId) ?? g.drillId}` : `Free game, ${g.scenarioId}`} · stopped at ${tPlus(g.minute)} · ${g.commands} order${g.commands === 1 ? '' : 's'}`;
    const when = new Date(g.createdAt);
    const detail = h('small', {}, Number.isNaN(when.getTime()) ? g.createdAt : `begun ${when.toLocaleString()}`);
    const why = g.error ? h('small', { class: 'recovery-why' }, `Cannot be resumed: ${g.error}`) : g.salvaged ? h('small', { class: 'recovery-why' }, `Damaged: ${g.salvaged}`) : null;
    resume.addEventListener('click', () => void busy(resume, async () => showReply(this.error, await this.requests.replay({ act: 'recover', journalId: g.journalId }))));
    dismiss.addEventListener('click', () => void busy(dismiss, async () => showReply(this.error, await this.requests.replay({ act: 'dismissRecovery', journalId: g.journalId }))));
    const li = h('li', { 'data-journal': g.journalId }, h('div', { class: 'recovery-what' }, what, detail, why), h('div', { class: 'recovery-buttons' }, resume, dismiss));
    return li;
  }
}
