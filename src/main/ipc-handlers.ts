// Every IPC handler in one class. Payloads from the page are untrusted: each is wrapped
// as a ClientMessage, validated, then dispatched exactly as the browser host does. Which
// window is the instructor's is decided here in main, never taken from the page.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Frame, Reply } from '../shared/contract';
import type { Role } from '../shared/drill-contract';
import { IPC } from '../shared/ipc-channels';
import { validateClientMessage } from '../shared/validate';
import { dispatchMessage } from './session/dispatch';
import type { SimSession } from './session/sim-session';

type Channel = (typeof IPC)[Exclude<keyof typeof IPC, 'frame'>];
const CHANNELS: readonly Channel[] = [IPC.command, IPC.control, IPC.subscribe, IPC.listDrills, IPC.instructor, IPC.replay];

export class StormIpc {
  private readonly screens = new Map<WebContents, Role>();

  /**
   * `isOurPage` says whether a sender frame shows our renderer (not some navigated-to page);
   * `roleOf` whether a window is the instructor console.
   */
  constructor(
    private readonly session: SimSession,
    private readonly isOurPage: (url: string) => boolean,
    private readonly roleOf: (wc: WebContents) => Role = () => 'trainee',
    /** Refused messages, one line each (the log file limits how many it keeps). */
    private readonly refused: (line: string) => void = () => {},
  ) {}

  install(): void {
    for (const channel of CHANNELS) ipcMain.handle(channel, (event, payload: unknown) => this.handle(channel, event, payload));
  }

  uninstall(): void {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
    this.screens.clear();
  }

  /** Pushes one frame to every subscribed window, as its role may see it (up to 30 per second). */
  broadcast(frame: Frame): void {
    const byRole = new Map<Role, Frame>();
    for (const [wc, role] of this.screens) {
      if (wc.isDestroyed()) {
        this.screens.delete(wc);
        continue;
      }
      let f = byRole.get(role);
      if (!f) byRole.set(role, (f = this.session.frameFor(frame, role)));
      wc.send(IPC.frame, f);
    }
  }

  private handle(channel: Channel, event: IpcMainInvokeEvent, payload: unknown): Reply {
    const reply = this.answer(channel, event, payload);
    if (!reply.ok) this.refused(`refused ${channel}: ${reply.error.field}: ${reply.error.message} (${reply.error.code})`);
    return reply;
  }

  private answer(channel: Channel, event: IpcMainInvokeEvent, payload: unknown): Reply {
    if (!event.senderFrame || !this.isOurPage(event.senderFrame.url))
      return { ok: false, error: { code: 'not-allowed-now', field: 'sender', message: 'only the game window may drive the game' } };
    const v = validateClientMessage(this.wrap(channel, payload));
    if (!v.ok) return { ok: false, error: v.error };
    const role = this.roleOf(event.sender);
    return dispatchMessage(this.session, v.value, { role, subscribe: () => this.subscribe(event.sender, role) });
  }

  private wrap(channel: Channel, payload: unknown): unknown {
    switch (channel) {
      case IPC.command:
        return { kind: 'command', id: 0, command: payload };
      case IPC.control:
        return { kind: 'control', id: 0, control: payload };
      case IPC.subscribe:
        return { kind: 'subscribe', id: 0 };
      case IPC.listDrills:
        return { kind: 'listDrills', id: 0 };
      case IPC.instructor:
        return { kind: 'instructor', id: 0, act: payload };
      case IPC.replay:
        return { kind: 'replay', id: 0, act: payload };
      default: {
        const never: never = channel;
        throw new Error(`no handler for IPC channel ${String(never)}`);
      }
    }
  }

  private subscribe(wc: WebContents, role: Role): void {
    if (!this.screens.has(wc)) wc.once('destroyed', () => this.screens.delete(wc));
    this.screens.set(wc, role);
    wc.send(IPC.frame, this.session.fullFrame(role));
  }
}
