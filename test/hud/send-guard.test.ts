// The order forms' double-send guard: a second press sends nothing while the first is on its way,
// and a host that never answers does not lock the form for the rest of the shift.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Reply } from '../../src/shared/contract';
import { answerWithin, HOST_SILENT_MS, SendGuard } from '../../src/renderer/hud/send-guard';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('SendGuard', () => {
  it('sends once while an order is on its way, and frees the form when it is answered', async () => {
    const busy: boolean[] = [];
    const guard = new SendGuard<string>((_, on) => busy.push(on));
    let answer!: (r: Reply) => void;
    const send = vi.fn(() => new Promise<Reply>((r) => (answer = r)));
    const first = guard.submit('deploy', send);
    const second = guard.submit('deploy', send);
    expect(send).toHaveBeenCalledTimes(1);
    expect(busy).toEqual([true]);
    answer({ ok: true });
    await expect(first).resolves.toEqual({ ok: true });
    await expect(second).resolves.toBeNull();
    expect(busy).toEqual([true, false]);
  });

  it('frees the form and says the host did not answer when no answer comes within 10 s', async () => {
    const busy: boolean[] = [];
    const guard = new SendGuard<string>((_, on) => busy.push(on));
    const never = new Promise<Reply>(() => {});
    const sent = guard.submit('throttle', () => answerWithin(never));
    await vi.advanceTimersByTimeAsync(HOST_SILENT_MS - 1);
    expect(busy).toEqual([true]);
    await vi.advanceTimersByTimeAsync(1);
    const reply = await sent;
    expect(reply).toMatchObject({ ok: false, error: { message: expect.stringMatching(/did not answer within 10 s/) } });
    expect(busy).toEqual([true, false]);
    // A later press is sent again.
    const again = vi.fn(() => Promise.resolve<Reply>({ ok: true }));
    await guard.submit('throttle', again);
    expect(again).toHaveBeenCalledTimes(1);
  });

  it('gives the host answer when it comes in time', async () => {
    await expect(answerWithin(Promise.resolve<Reply>({ ok: true }))).resolves.toEqual({ ok: true });
  });
});
