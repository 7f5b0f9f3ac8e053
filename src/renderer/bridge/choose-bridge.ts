// One renderer, two hosts: Electron's preload API when present, else the browser host's socket.
import type { Bridge } from '../../shared/contract';
import { WsBridge } from './ws-bridge';

declare global {
  interface Window {
    supernodeStorm?: Bridge;
  }
}

export interface ChosenBridge {
  bridge: Bridge;
  kind: 'electron' | 'websocket';
  ws?: WsBridge;
}

export function chooseBridge(): ChosenBridge {
  if (window.supernodeStorm) return { bridge: window.supernodeStorm, kind: 'electron' };
  const ws = new WsBridge(`ws://${location.host}/ws`);
  return { bridge: ws, kind: 'websocket', ws };
}
