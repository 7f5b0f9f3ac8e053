// The player's display settings, remembered in localStorage (which may be unavailable or
// hold anything: every value is checked before use). Volume and mute live in audio-settings.
export type MotionChoice = 'system' | 'reduce' | 'full';
export type ColourCheck = 'none' | 'deuteranopia' | 'protanopia' | 'tritanopia' | 'greyscale';

export interface DisplaySettings {
  motion: MotionChoice;
  textScale: number; // 1, 1.15 or 1.3: the HUD's text and panels
  colourCheck: ColourCheck; // the whole screen as a colour-blind player sees it
  keysOff: boolean; // single-key shortcuts off (for switch and speech users); Esc still closes
}

const KEY = 'supernodeStorm.settings';
export const TEXT_SCALES = [1, 1.15, 1.3] as const;
const MOTIONS: readonly MotionChoice[] = ['system', 'reduce', 'full'];
export const COLOUR_CHECKS: readonly ColourCheck[] = ['none', 'deuteranopia', 'protanopia', 'tritanopia', 'greyscale'];
const DEFAULTS: DisplaySettings = { motion: 'system', textScale: 1, colourCheck: 'none', keysOff: false };

function load(): DisplaySettings {
  let raw: unknown = null;
  try {
    const text = localStorage.getItem(KEY);
    raw = text && text.length < 2000 ? JSON.parse(text) : null;
  } catch {
    raw = null;
  }
  const o = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const own = (k: string) => (Object.hasOwn(o, k) ? o[k] : undefined);
  const motion = own('motion');
  const scale = own('textScale');
  const check = own('colourCheck');
  return {
    motion: MOTIONS.includes(motion as MotionChoice) ? (motion as MotionChoice) : DEFAULTS.motion,
    textScale: (TEXT_SCALES as readonly unknown[]).includes(scale) ? (scale as number) : DEFAULTS.textScale,
    colourCheck: COLOUR_CHECKS.includes(check as ColourCheck) ? (check as ColourCheck) : DEFAULTS.colourCheck,
    keysOff: own('keysOff') === true,
  };
}

export class Settings {
  value: DisplaySettings = load();
  private readonly listeners: ((s: DisplaySettings) => void)[] = [];
  private readonly media = window.matchMedia?.('(prefers-reduced-motion: reduce)');

  constructor() {
    this.media?.addEventListener?.('change', () => this.apply());
    this.apply();
  }

  /** Motion is reduced when the player asks, or the system does and the player has not said otherwise. */
  get reducedMotion(): boolean {
    return this.value.motion === 'reduce' || (this.value.motion === 'system' && !!this.media?.matches);
  }

  onChange(fn: (s: DisplaySettings) => void): void {
    this.listeners.push(fn);
    fn(this.value);
  }

  set(patch: Partial<DisplaySettings>): void {
    this.value = { ...this.value, ...patch };
    try {
      localStorage.setItem(KEY, JSON.stringify(this.value));
    } catch {
      /* private mode: the setting lasts for this session */
    }
    this.apply();
  }

  private apply(): void {
    const root = document.documentElement;
    root.classList.toggle('reduce-motion', this.reducedMotion);
    root.classList.toggle('full-motion', this.value.motion === 'full');
    root.dataset.cvd = this.value.colourCheck;
    root.style.setProperty('--ui-scale', String(this.value.textScale));
    for (const fn of this.listeners) fn(this.value);
  }
}
