// One renderer, two wires: Electron's preload API when present, else the browser host's socket.
// Also decides who this screen is: the instructor's console (/instructor?token=... in a
// browser; a flag the preload reads in Electron) or a trainee's screen.
import type { PreloadApi } from '../../shared/contract';
import type { Role } from '../../shared/drill-contract';
import { Bridge } from './bridge';
import { WsBridge } from './ws-bridge';

declare global {
  interface Window {
    supernodeStorm?: PreloadApi;
  }
}

export interface ChosenBridge {
  bridge: Bridge;
  role: Role;
  kind: 'electron' | 'websocket';
  ws?: WsBridge;
  /** Where the browser host serves exports, with the instructor's token; null in Electron. */
  exportUrl: ((file: string) => string) | null;
}

export function chooseBridge(): ChosenBridge {
  const api = window.supernodeStorm;
  if (api) return { bridge: new Bridge(api), role: api.role, kind: 'electron', exportUrl: null };
  const token = new URLSearchParams(location.search).get('token');
  const instructor = location.pathname.replace(/\/+$/, '') === '/instructor' && !!token;
  const url = instructor ? `ws://${location.host}/ws?role=instructor&token=${encodeURIComponent(token!)}` : `ws://${location.host}/ws`;
  const ws = new WsBridge(url, instructor ? 'instructor' : 'trainee');
  const exportUrl = instructor ? (file: string) => `/export/${file}?token=${encodeURIComponent(token!)}` : null;
  return { bridge: new Bridge(ws), role: ws.role, kind: 'websocket', ws, exportUrl };
}
