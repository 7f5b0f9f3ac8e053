// Runs sandboxed before the page: exposes window.supernodeStorm (contract.ts Wire) and nothing
// else. Every message goes down one channel as a ClientMessage, frames come up another; the
// page never touches ipcRenderer. `role` only informs the page: main decides who may do what.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { AnyReply, ClientMessage, Outgoing, PreloadApi, WireFrame } from '../shared/contract';
import { INSTRUCTOR_ARG, IPC } from '../shared/ipc-channels';

let nextId = 1;
const request = (msg: Outgoing): Promise<AnyReply> => ipcRenderer.invoke(IPC.message, { ...msg, id: nextId++ } as ClientMessage) as Promise<AnyReply>;

const api: PreloadApi = {
  role: process.argv.includes(INSTRUCTOR_ARG) ? 'instructor' : 'trainee',
  request,
  onFrame(listener: (frame: WireFrame) => void) {
    const relay = (_event: IpcRendererEvent, frame: WireFrame) => listener(frame);
    ipcRenderer.on(IPC.frame, relay);
    // Ask main for a full frame so this listener starts from the whole picture.
    void request({ kind: 'subscribe' });
    return () => {
      ipcRenderer.removeListener(IPC.frame, relay);
    };
  },
};

contextBridge.exposeInMainWorld('supernodeStorm', api);
