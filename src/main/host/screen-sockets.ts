// The browser host's side of the Bridge: each WebSocket is a screen speaking contract.ts
// messages as JSON, as a trainee or (with the session's token) as the instructor. Every
// message is validated; frames go to every subscribed screen, each as its role may see it.
// screen-quota.ts says what one screen may cost: floods are refused, readers that stop
// reading are hung up on, idle screens make room, and the instructor always gets in.
import type { WebSocket } from 'ws';
import type { Frame, HostMessage } from '../../shared/contract';
import type { Role } from '../../shared/drill-contract';
import { HeldStatus, toWire } from '../../shared/frame-wire';
import { receiveMessage, refusalLine } from '../session/dispatch';
import type { SimSession } from '../session/sim-session';
import { clipMessage, DEFAULT_LIMITS, MessageBucket, type ScreenLimits } from './screen-quota';

interface Screen {
  role: Role;
  since: number; // when it connected (host clock, ms)
  subscribed: boolean;
  needsFull: boolean; // skipped a delta, so the next frame it gets must be full
  behindSince: number | null; // when frames started being skipped for it
  bucket: MessageBucket;
  toldToSlowDown: boolean; // one "slow down" per burst, not one per dropped message
  floodAllowance: MessageBucket; // drops it may cause before it is hung up on; refills at the message rate
  hello: ReturnType<typeof setTimeout>;
  held: HeldStatus; // the game status it was last sent: frames leave it out while it holds
}

export class ScreenSockets {
  private readonly screens = new Map<WebSocket, Screen>();
  readonly limits: ScreenLimits;
  /** Screens hung up on (not reading, or flooding), idle ones closed, messages dropped over the rate (the host's log says so too). */
  readonly cutOff = { hungUp: 0, idle: 0, droppedMessages: 0 };

  constructor(
    private readonly session: SimSession,
    limits: Partial<ScreenLimits> = {},
    private readonly log: (line: string) => void = (l) => console.warn(l),
    private readonly now: () => number = () => performance.now(),
    /** Refused messages, one line each (the host's log file limits how many it keeps). */
    private readonly refused: (line: string) => void = () => {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  get count(): number {
    return this.screens.size;
  }

  /** Bytes waiting to go out to all screens together (what a slow reader would pile up). */
  get unsentBytes(): number {
    let n = 0;
    for (const ws of this.screens.keys()) n += ws.bufferedAmount;
    return n;
  }

  /**
   * May a new screen of this role connect? The instructor always may (the oldest instructor
   * screen beyond the limit is closed). A trainee may when there is room, or when an idle
   * screen (connected, never subscribed) can be closed to make it.
   */
  admit(role: Role): boolean {
    const same = [...this.screens].filter(([, s]) => s.role === role);
    const max = role === 'instructor' ? this.limits.maxInstructorScreens : this.limits.maxTraineeScreens;
    if (same.length < max) return true;
    const victim = role === 'instructor' ? same[0] : same.find(([, s]) => !s.subscribed);
    if (!victim) return false;
    this.drop(victim[0], 1013, role === 'instructor' ? 'the instructor console was opened elsewhere' : 'too many screens; this one was idle');
    this.cutOff.idle++;
    return true;
  }

  attach(ws: WebSocket, role: Role = 'trainee'): void {
    // Only a trainee's screen can sit idle in someone's way; the instructor's never times out.
    const hello = setTimeout(() => {
      const s = this.screens.get(ws);
      if (s && !s.subscribed && s.role === 'trainee') {
        this.drop(ws, 1008, 'a screen must subscribe within a few seconds of connecting');
        this.cutOff.idle++;
      }
    }, this.limits.helloMs);
    hello.unref?.();
    const screen: Screen = {
      role,
      since: this.now(),
      subscribed: false,
      needsFull: false,
      behindSince: null,
      bucket: new MessageBucket(this.limits.messagesPerSecond, this.limits.burstMessages, this.now),
      toldToSlowDown: false,
      floodAllowance: new MessageBucket(this.limits.messagesPerSecond, this.limits.hangUpAfterDropped, this.now),
      hello,
      held: new HeldStatus(),
    };
    this.screens.set(ws, screen);
    ws.on('message', (data, isBinary) => {
      if (!this.screens.has(ws)) return; // already dropped: its queued messages are not worth reading
      if (!screen.bucket.take()) {
        this.cutOff.droppedMessages++;
        if (!screen.floodAllowance.take()) return this.hangUp(ws, `kept sending more than ${this.limits.messagesPerSecond} messages a second`);
        if (!screen.toldToSlowDown) {
          screen.toldToSlowDown = true;
          this.refused(`a ${screen.role}'s screen sent more than ${this.limits.messagesPerSecond} messages a second; the rest of the burst is dropped`);
          this.send(ws, { kind: 'error', error: { code: 'out-of-range', field: 'message', message: `too many messages; at most ${this.limits.messagesPerSecond} a second. Messages were dropped; nothing was changed by them` } });
        }
        return;
      }
      screen.toldToSlowDown = false;
      try {
        const text = isBinary ? null : Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(data as Buffer[]).toString('utf8');
        this.receive(ws, screen, text);
      } catch (e) {
        // The last guard: a bug here must cost one reply, never the host.
        this.log(`Supernode Storm: a screen's message failed: ${(e as Error)?.stack ?? String(e)}`);
        this.send(ws, { kind: 'error', error: { code: 'not-allowed-now', field: 'message', message: 'the host could not handle that message; nothing was changed' } });
      }
    });
    const forget = () => {
      clearTimeout(screen.hello);
      this.screens.delete(ws);
      this.counted();
    };
    ws.on('close', forget);
    ws.on('error', forget);
  }

  /** Sends one frame to every subscribed screen, serialised once per role (and whether its status rides along). */
  broadcast(frame: Frame): void {
    const json = new Map<string, string>();
    for (const [ws, screen] of [...this.screens]) {
      if (!screen.subscribed || ws.readyState !== ws.OPEN) continue;
      if (ws.bufferedAmount > this.limits.skipFramesAboveBytes) {
        screen.needsFull = true;
        screen.behindSince ??= this.now();
        if (this.now() - screen.behindSince > this.limits.stuckMs) this.hangUp(ws, 'stopped reading frames');
        continue;
      }
      screen.behindSince = null;
      if (screen.needsFull) {
        screen.needsFull = false;
        this.sendFull(ws, screen);
        continue;
      }
      const withStatus = screen.held.needs(frame);
      const key = `${screen.role}|${withStatus}`;
      let text = json.get(key);
      if (text === undefined) {
        text = JSON.stringify({ kind: 'frame', frame: toWire(this.session.frameFor(frame, screen.role), withStatus) } satisfies HostMessage);
        json.set(key, text);
      }
      ws.send(text);
    }
  }

  closeAll(): void {
    for (const [ws, s] of this.screens) {
      clearTimeout(s.hello);
      ws.close(1001, 'host shutting down');
    }
    this.screens.clear();
  }

  private receive(ws: WebSocket, screen: Screen, text: string | null): void {
    if (text === null) {
      const error = { code: 'wrong-type', field: 'message', message: 'binary messages are not understood; send JSON text' } as const;
      this.refused(refusalLine(screen.role, undefined, error));
      this.send(ws, { kind: 'error', error });
      return;
    }
    let subscribed = false;
    // The dispatcher logs a refusal itself, in the same words as the Electron host's.
    receiveMessage(this.session, text, { role: screen.role, subscribe: () => (subscribed = true), refused: this.refused }, (id, reply) => {
      // A message without a usable id cannot be answered by id: it gets a bare error.
      this.send(ws, id === undefined ? { kind: 'error', error: reply.ok ? { code: 'missing-field', field: 'id', message: '"id" is required' } : reply.error } : { kind: 'reply', id, reply });
      if (!subscribed) return;
      screen.subscribed = true;
      this.counted();
      screen.needsFull = false;
      clearTimeout(screen.hello);
      this.sendFull(ws, screen);
    });
  }

  /** Everything a screen needs to start from, the status included. */
  private sendFull(ws: WebSocket, screen: Screen): void {
    const full = this.session.fullFrame(screen.role);
    this.send(ws, { kind: 'frame', frame: toWire(full, screen.held.needs(full)) });
  }

  /** Tells the session how many screens follow the game (each screen's "who else is watching"). */
  private counted(): void {
    let n = 0;
    for (const s of this.screens.values()) if (s.subscribed) n++;
    this.session.setScreens(n);
  }

  /** Every reply and error goes out here: short error text, and never onto a pile nobody reads. */
  private send(ws: WebSocket, msg: HostMessage): void {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > this.limits.closeAboveBytes) return this.hangUp(ws, 'stopped reading replies');
    if (msg.kind === 'error') msg = { ...msg, error: { ...msg.error, message: clipMessage(msg.error.message) } };
    else if (msg.kind === 'reply' && !msg.reply.ok) msg = { ...msg, reply: { ok: false, error: { ...msg.reply.error, message: clipMessage(msg.reply.error.message) } } };
    ws.send(JSON.stringify(msg));
  }

  /** A screen that stopped reading: its socket is destroyed at once, freeing what waited for it. */
  private hangUp(ws: WebSocket, why: string): void {
    const s = this.screens.get(ws);
    if (!s) return;
    this.cutOff.hungUp++;
    this.log(`Supernode Storm: a ${s.role}'s screen ${why} (${Math.round(ws.bufferedAmount / 1024)} kB waiting); it was disconnected`);
    clearTimeout(s.hello);
    this.screens.delete(ws);
    this.counted();
    ws.terminate();
  }

  private drop(ws: WebSocket, code: number, reason: string): void {
    const s = this.screens.get(ws);
    if (s) clearTimeout(s.hello);
    this.screens.delete(ws);
    this.counted();
    ws.close(code, reason);
    // A screen that does not read would never answer the close: do not wait on it.
    setTimeout(() => ws.terminate(), 2_000).unref?.();
  }
}
