// One renderer, two hosts: Electron's preload API when present, else the browser host's socket.
// Also decides who this screen is: the instructor's console (/instructor?token=... in a
// browser; a flag the preload reads in Electron) or a trainee's screen.
import type { Bridge, DrillRequests, PreloadApi, Reply } from '../../shared/contract';
import type { Role } from '../../shared/drill-contract';
import { WsBridge } from './ws-bridge';

declare global {
  interface Window {
    supernodeStorm?: Partial<PreloadApi> & Bridge;
  }
}

export interface ChosenBridge {
  bridge: Bridge;
  requests: DrillRequests;
  role: Role;
  kind: 'electron' | 'websocket';
  ws?: WsBridge;
  /** Where the browser host serves exports, with the instructor's token; null in Electron. */
  exportUrl: ((file: string) => string) | null;
}

export function chooseBridge(): ChosenBridge {
  const api = window.supernodeStorm;
  if (api) return { bridge: api, requests: electronRequests(api), role: api.role ?? 'trainee', kind: 'electron', exportUrl: null };
  const token = new URLSearchParams(location.search).get('token');
  const instructor = location.pathname.replace(/\/+$/, '') === '/instructor' && !!token;
  const url = instructor ? `ws://${location.host}/ws?role=instructor&token=${encodeURIComponent(token!)}` : `ws://${location.host}/ws`;
  const ws = new WsBridge(url, instructor ? 'instructor' : 'trainee');
  const exportUrl = instructor ? (file: string) => `/export/${file}?token=${encodeURIComponent(token!)}` : null;
  return { bridge: ws, requests: ws, role: ws.role, kind: 'websocket', ws, exportUrl };
}

/** An older preload without issue 4's calls: every drill request says so instead of throwing. */
function electronRequests(api: Partial<PreloadApi>): DrillRequests {
  const missing = (): Promise<Reply> =>
    Promise.resolve({ ok: false, error: { code: 'not-allowed-now', field: 'kind', message: 'This version of the desktop app cannot run drills or replays; update it, or use the browser host (npm run web).' } });
  const call = <K extends 'listDrills' | 'instructor' | 'replay'>(k: K) => (typeof api[k] === 'function' ? (api[k] as (...a: unknown[]) => Promise<Reply>).bind(api) : missing);
  return {
    role: api.role ?? 'trainee',
    listDrills: call('listDrills'),
    instructor: call('instructor'),
    replay: call('replay'),
  };
}
