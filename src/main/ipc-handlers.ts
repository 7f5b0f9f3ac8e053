// Every IPC handler in one class. Payloads from the page are untrusted: each is wrapped
// as a ClientMessage, validated, then dispatched exactly as the browser host does.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { ClientMessage, Frame, Reply } from '../shared/contract';
import { IPC } from '../shared/ipc-channels';
import { validateClientMessage } from '../shared/validate';
import { dispatchMessage } from './session/dispatch';
import type { SimSession } from './session/sim-session';

type Channel = (typeof IPC)[Exclude<keyof typeof IPC, 'frame'>];

export class StormIpc {
  private readonly screens = new Set<WebContents>();

  /** `isOurPage` says whether a sender frame shows our renderer (not some navigated-to page). */
  constructor(
    private readonly session: SimSession,
    private readonly isOurPage: (url: string) => boolean,
  ) {}

  install(): void {
    for (const channel of [IPC.command, IPC.control, IPC.subscribe] as const)
      ipcMain.handle(channel, (event, payload: unknown) => this.handle(channel, event, payload));
  }

  uninstall(): void {
    for (const channel of [IPC.command, IPC.control, IPC.subscribe]) ipcMain.removeHandler(channel);
    this.screens.clear();
  }

  /** Pushes one frame to every subscribed window (the session clock calls this at up to 30/s). */
  broadcast(frame: Frame): void {
    for (const wc of this.screens) {
      if (wc.isDestroyed()) this.screens.delete(wc);
      else wc.send(IPC.frame, frame);
    }
  }

  private handle(channel: Channel, event: IpcMainInvokeEvent, payload: unknown): Reply {
    if (!event.senderFrame || !this.isOurPage(event.senderFrame.url))
      return { ok: false, error: { code: 'not-allowed-now', field: 'sender', message: 'only the game window may drive the game' } };
    const v = validateClientMessage(this.wrap(channel, payload));
    if (!v.ok) return { ok: false, error: v.error };
    return dispatchMessage(this.session, v.value, () => this.subscribe(event.sender));
  }

  private wrap(channel: Channel, payload: unknown): unknown {
    switch (channel) {
      case IPC.command:
        return { kind: 'command', id: 0, command: payload };
      case IPC.control:
        return { kind: 'control', id: 0, control: payload };
      case IPC.subscribe:
        return { kind: 'subscribe', id: 0 } satisfies ClientMessage;
      default: {
        const never: never = channel;
        throw new Error(`no handler for IPC channel ${String(never)}`);
      }
    }
  }

  private subscribe(wc: WebContents): void {
    if (!this.screens.has(wc)) {
      this.screens.add(wc);
      wc.once('destroyed', () => this.screens.delete(wc));
    }
    wc.send(IPC.frame, this.session.fullFrame());
  }
}
