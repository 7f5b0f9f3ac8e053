// Two dialogs over the game: `?` lists every key, `,` (or the gear) opens the settings.
// Each is a real dialog for screen readers: named, modal, focus moved in and given back.
import { h } from '../dom';
import type { AudioSettings } from '../audio/audio-settings';
import { KEY_LIST } from './keyboard';
import { COLOUR_CHECKS, TEXT_SCALES, type ColourCheck, type MotionChoice, type Settings } from './settings';

abstract class Dialog {
  readonly root: HTMLElement;
  private returnFocus: HTMLElement | null = null;

  constructor(id: string, title: string, body: Node[]) {
    const close = h('button', { class: 'quiet', type: 'button', id: `${id}-close` }, 'Close');
    close.addEventListener('click', () => this.hide());
    this.root = h('div', { id, class: 'screen overlay', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': `${id}-title`, hidden: true },
      h('div', { class: 'screen-card' }, h('h2', { id: `${id}-title`, class: 'overlay-title' }, title), ...body, h('div', { class: 'screen-row' }, close)));
    this.root.addEventListener('click', (e) => {
      if (e.target === this.root) this.hide();
    });
    document.body.append(this.root);
  }

  get visible(): boolean {
    return !this.root.hidden;
  }

  show(): void {
    this.returnFocus = document.activeElement as HTMLElement | null;
    this.root.hidden = false;
    this.root.querySelector<HTMLElement>('input, select, button')?.focus();
  }

  hide(): void {
    if (this.root.hidden) return;
    this.root.hidden = true;
    this.returnFocus?.focus?.();
  }

  toggle(): void {
    if (this.visible) this.hide();
    else this.show();
  }
}

export class KeyHelp extends Dialog {
  /** Set by the tutorial: "Show me around again". */
  onTour: (() => void) | null = null;

  constructor() {
    const row = ([keys, what]: readonly [string, string]) => h('tr', {}, h('th', { scope: 'row' }, ...keys.split(/\s+/).filter(Boolean).map((k) => (k === '–' ? ' to ' : h('kbd', {}, k)))), h('td', {}, what));
    const half = Math.ceil(KEY_LIST.length / 2);
    // Two columns, so the whole list fits a 960x600 window without scrolling.
    const table = (list: typeof KEY_LIST) => h('table', { class: 'key-table' }, h('tbody', {}, ...list.map(row)));
    const tour = h('button', { class: 'quiet', type: 'button', id: 'key-help-tour' }, 'Show me around again');
    super('key-help', 'Keys', [
      h('div', { class: 'key-columns' }, table(KEY_LIST.slice(0, half)), table(KEY_LIST.slice(half))),
      h('p', { class: 'screen-lede' }, 'On the map: click a region or a service for its figures, drag to pan, wheel to zoom, double-click for the whole map. Shortcuts can be switched off in Settings.'),
      tour,
    ]);
    tour.addEventListener('click', () => {
      this.hide();
      this.onTour?.();
    });
  }
}

const MOTION_LABEL: Record<MotionChoice, string> = { system: 'As the system says', reduce: 'Reduced: no blinking, slow storm', full: 'Full' };
const CHECK_LABEL: Record<ColourCheck, string> = { none: 'Off', deuteranopia: 'Deuteranopia (red-green, common)', protanopia: 'Protanopia (red-green)', tritanopia: 'Tritanopia (blue-yellow)', greyscale: 'No colour at all' };

export class SettingsScreen extends Dialog {
  constructor(settings: Settings, audio: AudioSettings) {
    const select = <T extends string | number>(id: string, options: readonly T[], label: (v: T) => string, now: T, set: (v: T) => void) => {
      const el = h('select', { id });
      for (const o of options) el.append(new Option(label(o), String(o)));
      el.value = String(now);
      el.addEventListener('change', () => set(options.find((o) => String(o) === el.value) ?? now));
      return el;
    };
    const volume = h('input', { id: 'settings-volume', type: 'range', min: 0, max: 100, step: 5 });
    volume.value = String(Math.round(audio.volume * 100));
    volume.addEventListener('input', () => audio.setVolume(Number(volume.value) / 100));
    const keysOff = h('input', { id: 'settings-keys-off', type: 'checkbox' });
    keysOff.checked = settings.value.keysOff;
    keysOff.addEventListener('change', () => settings.set({ keysOff: keysOff.checked }));
    const field = (label: string, control: HTMLElement, note?: string) =>
      h('label', { class: 'settings-field' }, h('span', { class: 'settings-label' }, label), control, note ? h('span', { class: 'settings-note' }, note) : null);
    super('settings-screen', 'Settings', [
      h('div', { class: 'settings-grid' },
        field('Volume', volume),
        field('Motion', select('settings-motion', ['system', 'reduce', 'full'] as const, (v) => MOTION_LABEL[v], settings.value.motion, (v) => settings.set({ motion: v }))),
        field('Text size', select('settings-text', TEXT_SCALES, (v) => `${Math.round(v * 100)}%`, settings.value.textScale as (typeof TEXT_SCALES)[number], (v) => settings.set({ textScale: v }))),
        field('Colour-blind check', select('settings-cvd', COLOUR_CHECKS, (v) => CHECK_LABEL[v], settings.value.colourCheck, (v) => settings.set({ colourCheck: v })), 'Shows the whole screen as a colour-blind player sees it.'),
        field('Key bindings off', keysOff, 'Single keys (M, T, Space…) do nothing; Esc still closes.')),
    ]);
    audio.onChange = ((prev) => () => {
      prev();
      volume.value = String(Math.round(audio.volume * 100));
    })(audio.onChange);
  }
}
