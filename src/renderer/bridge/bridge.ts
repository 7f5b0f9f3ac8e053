// The renderer's one view of its host, over either wire (Electron's preload or the browser
// host's socket). Each call's reply is typed by its message kind (contract.ts ReplyData), so
// callers never cast: the host's dispatcher (main/session/dispatch.ts) answers each kind so.
import type { ControlAction, Frame, MessageKind, OutgoingOf, ReplyTo, SessionStatus, Wire } from '../../shared/contract';
import { fromWire } from '../../shared/frame-wire';
import type { InstructorAct, ReplayAct, Role } from '../../shared/drill-contract';
import type { Command } from '../../sim/commands';

export class Bridge {
  /** The game status this screen holds: a frame whose status did not change comes without it. */
  private status: SessionStatus | null = null;

  constructor(private readonly wire: Wire) {}

  /** What the host treats this screen as. */
  get role(): Role {
    return this.wire.role;
  }

  sendCommand(command: Command): Promise<ReplyTo<'command'>> {
    return this.ask({ kind: 'command', command });
  }

  control(control: ControlAction): Promise<ReplyTo<'control'>> {
    return this.ask({ kind: 'control', control });
  }

  listDrills(): Promise<ReplyTo<'listDrills'>> {
    return this.ask({ kind: 'listDrills' });
  }

  /** Refused by the host unless this screen is the instructor's. */
  instructor(act: InstructorAct): Promise<ReplyTo<'instructor'>> {
    return this.ask({ kind: 'instructor', act });
  }

  replay(act: ReplayAct): Promise<ReplyTo<'replay'>> {
    return this.ask({ kind: 'replay', act });
  }

  /** The finished free game's debrief for the end screen (refused, with why, before the end or in a drill). */
  endDebrief(): Promise<ReplyTo<'endDebrief'>> {
    return this.ask({ kind: 'endDebrief' });
  }

  /** Frames whole again (the wire packs them, shared/frame-wire.ts). */
  onFrame(listener: (frame: Frame) => void): () => void {
    return this.wire.onFrame((w) => {
      let frame: Frame;
      try {
        frame = fromWire(w, this.status);
      } catch (e) {
        console.warn(`[bridge] a frame from the host was dropped: ${(e as Error).message}`);
        return;
      }
      this.status = frame.status;
      listener(frame);
    });
  }

  /** The one place a reply gets its kind's type: the wire carries every kind's replies alike. */
  private ask<K extends MessageKind>(msg: OutgoingOf<K>): Promise<ReplyTo<K>> {
    return this.wire.request(msg) as Promise<ReplyTo<K>>;
  }
}
