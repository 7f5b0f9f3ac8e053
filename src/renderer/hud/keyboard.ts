// Keyboard shortcuts. Letters open a verb's form; Enter in a form submits it; Space pauses;
// the map answers to digits (regions), S (services), arrows (pan), [ ] (zoom) and 0 (home).
// Keys typed into a field stay in the field. With "key bindings off" (settings) only Esc is
// left, so speech and switch users do not fire orders by accident.
import type { Tab } from './action-panel';

export interface KeyActions {
  openTab: (tab: Tab) => void;
  togglePause: () => void;
  faster: () => void;
  slower: () => void;
  toggleMute: () => void;
  escape: () => void;
  enabled: () => boolean;
  keysOff: () => boolean;
  selectRegion: (index: number) => void;
  nextService: () => void;
  pan: (dx: number, dy: number) => void;
  zoom: (factor: number) => void;
  home: () => void;
  help: () => void;
  settings: () => void;
}

/** Every key, as the `?` overlay lists it. */
export const KEY_LIST: readonly (readonly [keys: string, what: string])[] = [
  ['M', 'Deploy mega-supernodes (opens the form)'],
  ['W', 'Withdraw mega-supernodes'],
  ['T', 'Throttle logins'],
  ['H', 'Push a hotfix'],
  ['O', 'Offline-IM service on or off'],
  ['G', 'Group Video on or off'],
  ['Enter', 'Send the open form'],
  ['Esc', 'Leave a field, close a panel or this list'],
  ['Space', 'Pause or resume'],
  ['+  −', 'Faster, slower'],
  ['K', 'Mute or unmute'],
  ['1 – 6', 'Select a region (west to east: NA West, NA East, Latin America, Europe, Africa & ME, Asia-Pacific)'],
  ['S', 'Select the next central service'],
  ['← ↑ → ↓', 'Pan the map'],
  ['[  ]', 'Zoom out, zoom in'],
  ['0', 'Whole map again'],
  ['?', 'This list'],
  [',', 'Settings'],
];

const TAB_KEYS: Record<string, Tab> = { m: 'deploy', w: 'withdraw', t: 'throttle', h: 'hotfix', o: 'offline-im', g: 'group-video' };
const PAN: Record<string, [number, number]> = { ArrowLeft: [1, 0], ArrowRight: [-1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
const PAN_STEP = 80; // screen pixels per press

export function bindKeyboard(a: KeyActions): void {
  window.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target as HTMLElement;
    // Only fields that take typing keep the keys; a slider or a checkbox does not.
    const typing = (target instanceof HTMLInputElement && !['range', 'checkbox', 'radio', 'button'].includes(target.type)) ||
      target.tagName === 'SELECT' || target.tagName === 'TEXTAREA';
    if (e.key === 'Escape') {
      if (typing) target.blur();
      a.escape();
      return;
    }
    if (typing || a.keysOff()) return;
    if (e.key === '?') {
      e.preventDefault();
      a.help();
      return;
    }
    if (e.key === ',') {
      e.preventDefault();
      a.settings();
      return;
    }
    if (!a.enabled()) return;
    // Arrows on a slider or inside a list stay with it.
    if (PAN[e.key] && !(target instanceof HTMLInputElement)) {
      e.preventDefault();
      a.pan(PAN[e.key][0] * PAN_STEP, PAN[e.key][1] * PAN_STEP);
      return;
    }
    const key = e.key.toLowerCase();
    if (TAB_KEYS[key]) {
      e.preventDefault();
      a.openTab(TAB_KEYS[key]);
    } else if (e.key === ' ') {
      e.preventDefault();
      a.togglePause();
    } else if (e.key === '+' || e.key === '=') a.faster();
    else if (e.key === '-' || e.key === '_') a.slower();
    else if (key === 'k') a.toggleMute();
    else if (/^[1-6]$/.test(e.key)) a.selectRegion(Number(e.key) - 1);
    else if (key === 's') a.nextService();
    else if (e.key === ']') a.zoom(1.25);
    else if (e.key === '[') a.zoom(0.8);
    else if (e.key === '0' || e.key === 'Home') a.home();
  });
}
