// The checksum witness: compares a re-simulation with what its recording says happened
// and keeps the first place they disagree. Playheads call it; it never changes the state.
import { checksum, type SimState } from '../sim/index';
import type { Recording } from './recording';

export type Divergence = { ok: false; tick: number; expected: string; actual: string; reason: 'checksum' | 'refused' };
export type VerifyResult = { ok: true; finalChecksum: string } | Divergence;

export class Witness {
  divergence: Divergence | null = null;
  private i = 0;
  constructor(private readonly rec: Pick<Recording, 'checksums' | 'finalChecksum'>) {}

  /** `state` is pre-command at its tick (just stepped there, or a fresh game). */
  sawTick(state: SimState): void {
    const marks = this.rec.checksums;
    while (this.i < marks.length && marks[this.i].tick < state.tick) this.i++;
    if (this.i < marks.length && marks[this.i].tick === state.tick) {
      const actual = checksum(state);
      if (actual !== marks[this.i].checksum) this.diverge(state.tick, marks[this.i].checksum, actual, 'checksum');
      this.i++;
    }
  }

  /** A recorded command the sim now refuses. */
  refused(tick: number, index: number, type: string, message: string): void {
    this.diverge(tick, `command ${index} (${type}) accepted`, `refused: ${message}`, 'refused');
  }

  diverge(tick: number, expected: string, actual: string, reason: Divergence['reason']): void {
    this.divergence ??= { ok: false, tick, expected, actual, reason };
  }

  /** `state` is the end of the recording, after its last tick's commands. */
  sawEnd(state: SimState): VerifyResult {
    if (this.divergence) return this.divergence;
    const actual = checksum(state);
    if (actual !== this.rec.finalChecksum) this.diverge(state.tick, this.rec.finalChecksum, actual, 'checksum');
    return this.divergence ?? { ok: true, finalChecksum: actual };
  }
}
