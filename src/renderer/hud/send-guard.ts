// The order forms' double-send guard, apart from the DOM: while a form's order is on its way a
// second press (a double-click, Enter after the click) waits for its answer and sends nothing,
// and the form's buttons are off. The host's answer is awaited at most HOST_SILENT_MS, so a lost
// answer cannot leave a form locked for the rest of the shift.
import type { Reply } from '../../shared/contract';

export const HOST_SILENT_MS = 10_000;

/** What a form says when the host did not answer in time (the order may still have been taken). */
export const HOST_SILENT_REPLY: Reply = {
  ok: false,
  error: {
    code: 'not-allowed-now',
    field: 'connection',
    message: `The host did not answer within ${HOST_SILENT_MS / 1000} s. The order may still arrive: look at the orders on their way before sending it again.`,
  },
};

/** The host's answer, or HOST_SILENT_REPLY if none comes within `ms`. */
export function answerWithin<R>(answer: Promise<R>, ms = HOST_SILENT_MS): Promise<R | Reply> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const silent = new Promise<Reply>((resolve) => (timer = setTimeout(() => resolve(HOST_SILENT_REPLY), ms)));
  return Promise.race([answer, silent]).finally(() => clearTimeout(timer));
}

export class SendGuard<K> {
  private readonly sending = new Map<K, Promise<Reply | null>>();

  /** `busy(key, on)` turns the form's buttons off while its order is on its way, and back on after. */
  constructor(private readonly busy: (key: K, on: boolean) => void) {}

  /** Runs `send` unless `key` already has an order on its way (then: null once that one is answered). */
  submit(key: K, send: () => Promise<Reply | null>): Promise<Reply | null> {
    const inFlight = this.sending.get(key);
    if (inFlight) return inFlight.then(() => null, () => null);
    const sent = send();
    this.sending.set(key, sent);
    this.busy(key, true);
    const done = () => {
      this.sending.delete(key);
      this.busy(key, false);
    };
    sent.then(done, done);
    return sent;
  }
}
