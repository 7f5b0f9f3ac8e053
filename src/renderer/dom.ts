// Tiny DOM helpers for the panels that build their own markup (the console, the drill
// overlay, the replay bar), and one way to show a host's reply beside its control.
import type { Refusal } from '../shared/contract';

type Props = Record<string, string | number | boolean | undefined> & { class?: string };
type Child = Node | string | null | undefined | false;

/** h('button', {id: 'x', class: 'go'}, 'Start') -> <button id="x" class="go">Start</button> */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') el.className = String(v);
    else if (k.startsWith('data-') || k.startsWith('aria-') || k === 'for' || k === 'list') el.setAttribute(k, String(v));
    else if (k in el) (el as unknown as Record<string, unknown>)[k] = v;
    else el.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

export const byId = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

/** Sets text only when it changed (frames come 30 times a second; the DOM need not churn). */
export function setText(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/**
 * Shows a refusal in `errorEl` (cleared on success) and returns whether it went through.
 * Every host error already says what was wrong; we add nothing but the glyph from CSS.
 */
export function showReply(errorEl: HTMLElement, reply: { ok: true } | Refusal): boolean {
  errorEl.textContent = reply.ok ? '' : reply.error.message;
  return reply.ok;
}

/** Disables `button` while `work` runs, so a double click does not send an act twice. */
export async function busy<T>(button: HTMLButtonElement, work: () => Promise<T>): Promise<T> {
  button.disabled = true;
  try {
    return await work();
  } finally {
    button.disabled = false;
  }
}
