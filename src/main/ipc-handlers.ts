// The Electron host's one IPC handler. Every message from a page arrives on one channel as a
// ClientMessage and goes to the same dispatcher as the browser host's (session/dispatch.ts),
// which validates it; frames go back on the frame channel. Which window is the instructor's
// is decided here in main, never taken from the page.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { AnyReply, Frame } from '../shared/contract';
import type { Role } from '../shared/drill-contract';
import { IPC } from '../shared/ipc-channels';
import { HeldStatus, toWire } from '../shared/frame-wire';
import { askHost, refusalLine } from './session/dispatch';
import type { SimSession } from './session/sim-session';

export class StormIpc {
  /** Each window's role and the game status it was last sent (frames leave it out while it holds). */
  private readonly screens = new Map<WebContents, { role: Role; held: HeldStatus }>();

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
    ipcMain.handle(IPC.message, (event, payload: unknown) => this.handle(event, payload));
  }

  uninstall(): void {
    ipcMain.removeHandler(IPC.message);
    this.screens.clear();
  }

  /** Pushes one frame to every subscribed window, as its role may see it (up to 30 per second). */
  broadcast(frame: Frame): void {
    const byRole = new Map<Role, Frame>();
    for (const [wc, { role, held }] of this.screens) {
      if (wc.isDestroyed()) {
        this.screens.delete(wc);
        continue;
      }
      let f = byRole.get(role);
      if (!f) byRole.set(role, (f = this.session.frameFor(frame, role)));
      wc.send(IPC.frame, toWire(f, held.needs(f)));
    }
  }

  private async handle(event: IpcMainInvokeEvent, payload: unknown): Promise<AnyReply> {
    const role = this.roleOf(event.sender);
    if (!event.senderFrame || !this.isOurPage(event.senderFrame.url)) {
      const error = { code: 'not-allowed-now', field: 'sender', message: 'only the game window may drive the game' } as const;
      this.refused(refusalLine(role, undefined, error));
      return { ok: false, error };
    }
    // The dispatcher logs a refusal itself, in the same words as the browser host's.
    return (await askHost(this.session, payload, { role, subscribe: () => this.subscribe(event.sender, role), refused: this.refused })).reply;
  }

  private subscribe(wc: WebContents, role: Role): void {
    if (!this.screens.has(wc))
      wc.once('destroyed', () => {
        this.screens.delete(wc);
        this.session.setScreens(this.screens.size);
      });
    const held = new HeldStatus();
    this.screens.set(wc, { role, held });
    this.session.setScreens(this.screens.size);
    const full = this.session.fullFrame(role);
    wc.send(IPC.frame, toWire(full, held.needs(full)));
  }
}
