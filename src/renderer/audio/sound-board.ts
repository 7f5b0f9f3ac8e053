// Sound for the shift: a hum whose pitch and volume follow supernode load, a pager for warning
// and critical events, and distinct stings for collapse and recovery. Every call is guarded:
// a machine with no audio device (CI, headless) must still run the game.
import { Howl, Howler } from 'howler';
import pagerUrl from '../../../assets/sounds/pager.wav?url';
import humUrl from '../../../assets/sounds/hum.wav?url';
import confirmUrl from '../../../assets/sounds/confirm.wav?url';
import collapseUrl from '../../../assets/sounds/collapse.wav?url';
import recoveryUrl from '../../../assets/sounds/recovery.wav?url';
import errorUrl from '../../../assets/sounds/error.wav?url';
import type { SimEvent } from '../../sim/view-types';
import { AudioSettings } from './audio-settings';

type Cue = 'pager' | 'confirm' | 'collapse' | 'recovery' | 'error';

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    console.warn('[audio] ignored:', (e as Error).message);
    return undefined;
  }
}

export class SoundBoard {
  readonly settings = new AudioSettings();
  private readonly cues = new Map<Cue, Howl>();
  private hum: Howl | null = null;
  private humId: number | undefined;
  private lastPager = 0;
  played: Cue[] = []; // for tests: what would have sounded

  constructor() {
    safe(() => {
      Howler.autoUnlock = true;
      const make = (src: string, volume: number) => new Howl({ src: [src], volume, preload: true, html5: false, onloaderror: (_id, err) => console.warn('[audio] could not load', src, err) });
      this.cues.set('pager', make(pagerUrl, 0.55));
      this.cues.set('confirm', make(confirmUrl, 0.5));
      this.cues.set('collapse', make(collapseUrl, 0.8));
      this.cues.set('recovery', make(recoveryUrl, 0.7));
      this.cues.set('error', make(errorUrl, 0.5));
      this.hum = new Howl({ src: [humUrl], loop: true, volume: 0, html5: false });
    });
    this.applySettings();
    this.settings.onChange = () => this.applySettings();
  }

  private applySettings(): void {
    safe(() => {
      Howler.mute(this.settings.muted);
      Howler.volume(this.settings.volume);
    });
  }

  /** Starts the hum; call from a user gesture (the Start button) so the browser allows audio. */
  start(): void {
    safe(() => {
      if (this.hum && this.humId === undefined) this.humId = this.hum.play();
    });
  }

  stop(): void {
    safe(() => {
      this.hum?.stop();
      this.humId = undefined;
    });
  }

  /** Load 1.0 is a quiet bed; an overloaded network whines higher and louder. */
  setLoad(load: number, collapsed: boolean): void {
    if (!this.hum || this.humId === undefined) return;
    const l = Math.max(0, Math.min(3, load));
    safe(() => {
      const id = this.humId!;
      this.hum!.volume(0.12 + 0.12 * Math.min(1, l / 2) + (collapsed ? 0.06 : 0), id);
      this.hum!.rate(0.85 + 0.22 * Math.min(1.6, l), id);
    });
  }

  events(events: SimEvent[]): void {
    for (const ev of events) {
      if (ev.code === 'collapse') this.play('collapse');
      else if (ev.code === 'recovered') this.play('recovery');
      else if (ev.severity === 'critical' || ev.severity === 'warning') {
        // One page per few seconds of real time: a burst of alerts should not become a drone.
        const now = performance.now();
        if (now - this.lastPager > 2500) {
          this.lastPager = now;
          this.play('pager');
        }
      }
    }
  }

  play(cue: Cue): void {
    this.played.push(cue);
    if (this.played.length > 50) this.played.shift();
    safe(() => this.cues.get(cue)?.play());
  }
}
