// Named IPC channels between preload and main. The page never sees these: it gets
// window.supernodeStorm (PreloadApi) from preload.
export const IPC = {
  command: 'supernode-storm:command', // invoke(Command) -> Reply
  control: 'supernode-storm:control', // invoke(ControlAction) -> Reply
  subscribe: 'supernode-storm:subscribe', // invoke() -> Reply, then a full frame on `frame`
  frame: 'supernode-storm:frame', // main -> page: Frame, up to 30 per second
} as const;
