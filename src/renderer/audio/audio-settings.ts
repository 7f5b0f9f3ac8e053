// Mute and volume, remembered across sessions in localStorage (which may be unavailable).
const KEY_MUTED = 'supernodeStorm.audio.muted';
const KEY_VOLUME = 'supernodeStorm.audio.volume';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* private mode or storage full: the setting lasts for this session only */
  }
}

export class AudioSettings {
  muted = read(KEY_MUTED) === 'true';
  volume = clamp01(Number(read(KEY_VOLUME) ?? 0.7));
  onChange: () => void = () => {};

  setMuted(m: boolean): void {
    this.muted = m;
    write(KEY_MUTED, String(m));
    this.onChange();
  }

  setVolume(v: number): void {
    this.volume = clamp01(v);
    write(KEY_VOLUME, String(this.volume));
    this.onChange();
  }
}

function clamp01(v: number): number {
  return Number.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0.7;
}
