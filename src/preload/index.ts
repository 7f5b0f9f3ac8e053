// Runs sandboxed before the page: exposes window.supernodeStorm (the Bridge plus the drill
// and replay requests) and nothing else. Each call goes to a named channel; the page never
// touches ipcRenderer. `role` only informs the page: main decides who may do what.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ControlAction, Frame, PreloadApi, Reply } from '../shared/contract';
import type { InstructorAct, ReplayAct } from '../shared/drill-contract';
import type { Command } from '../sim/commands';
import { INSTRUCTOR_ARG, IPC } from '../shared/ipc-channels';

const api: PreloadApi = {
  role: process.argv.includes(INSTRUCTOR_ARG) ? 'instructor' : 'trainee',
  sendCommand: (command: Command) => ipcRenderer.invoke(IPC.command, command) as Promise<Reply>,
  control: (control: ControlAction) => ipcRenderer.invoke(IPC.control, control) as Promise<Reply>,
  listDrills: () => ipcRenderer.invoke(IPC.listDrills) as Promise<Reply>,
  instructor: (act: InstructorAct) => ipcRenderer.invoke(IPC.instructor, act) as Promise<Reply>,
  replay: (act: ReplayAct) => ipcRenderer.invoke(IPC.replay, act) as Promise<Reply>,
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
