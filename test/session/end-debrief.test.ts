// The end screen's debrief is the player's own finished free game: none while the shift
// runs, none for a drill (scored on its own screen; the instructor exports its report). A
// check-mode drill's replay says it was one, so its debrief can mark hints as not shown.
import { describe, expect, it } from 'vitest';
import { endDebrief, endReport } from '../../src/main/session/end-debrief';
import { drillsDir, session } from './helpers';
import { record } from '../replay/helpers';

describe('the end-screen debrief', () => {
  it('waits for the shift to end, and is not given for a drill', async () => {
    const s = session();
    expect(await endDebrief(s)).toEqual({ ok: false, message: 'the shift is not over yet; the debrief comes on the end screen' });
    expect((await endReport(s, '2025-01-01T00:00:00Z')).ok).toBe(false);
    const d = session({ drillsDir: drillsDir() });
    expect(d.instructor({ act: 'startDrill', drillId: 'small', checkMode: true })).toEqual({ ok: true });
    expect(await endDebrief(d)).toMatchObject({ ok: false, message: expect.stringMatching(/^a drill is scored on its own score screen/) });
    expect(d.recording().checkMode).toBe(true);
    s.close();
    d.close();
  });

  it('shows only the latest game’s progress: a debrief replaced by a newer game’s neither moves nor clears its bar', async () => {
    const said: (number | null)[] = [];
    let rec = record('dec-2010', 6);
    const host = { mode: 'free', status: { ended: true }, recording: () => rec, setDebriefing: (f: number | null) => void said.push(f), gameSignal: new AbortController().signal };
    const first = endDebrief(host as never);
    rec = record('dec-2010', 3, [], { seed: 2 }); // the next game ends while the first is still worked out
    const mark = said.length;
    const second = endDebrief(host as never);
    await Promise.all([first, second]);
    const after = said.slice(mark);
    expect(after.at(-1)).toBeNull(); // cleared once, when the latest is done
    const figures = after.slice(0, -1);
    expect(figures.every((f) => f !== null)).toBe(true);
    expect(figures).toEqual([...figures].sort((a, b) => a! - b!)); // never backwards
  }, 300_000);
});
