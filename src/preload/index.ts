// Runs sandboxed before the page: exposes window.supernodeStorm (the Bridge) and nothing
// else. Each call goes to a named channel; the page never touches ipcRenderer.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ControlAction, Frame, PreloadApi, Reply } from '../shared/contract';
import type { Command } from '../sim/commands';
import { IPC } from '../shared/ipc-channels';

const api: PreloadApi = {
  sendCommand: (command: Command) => ipcRenderer.invoke(IPC.command, command) as Promise<Reply>,
  control: (control: ControlAction) => ipcRenderer.invoke(IPC.control, control) as Promise<Reply>,
  onFrame(listener: (frame: Frame) => void) {
    const relay = (_event: IpcRendererEvent, frame: Frame) => listener(frame);
    ipcRenderer.on(IPC.frame, relay);
    // Ask main for a full frame so this listener starts from the whole picture.
    void ipcRenderer.invoke(IPC.subscribe);
    return () => {
      ipcRenderer.removeListener(IPC.frame, relay);
    };
  },
};

contextBridge.exposeInMainWorld('supernodeStorm', api);
