// Keyboard shortcuts. Letters open a verb's form; Enter in a form submits it; Space pauses.
// Keys typed into a field stay in the field.
import type { Tab } from './action-panel';

export interface KeyActions {
  openTab: (tab: Tab) => void;
  togglePause: () => void;
  faster: () => void;
  slower: () => void;
  toggleMute: () => void;
  escape: () => void;
  enabled: () => boolean;
}

const TAB_KEYS: Record<string, Tab> = { m: 'deploy', w: 'withdraw', t: 'throttle', h: 'hotfix', o: 'offline-im', g: 'group-video' };

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
    if (typing || !a.enabled()) return;
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
  });
}
