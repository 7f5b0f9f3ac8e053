// The two IPC channels between preload and main. The page never sees these: it gets
// window.supernodeStorm (contract.ts Wire) from preload.
export const IPC = {
  message: 'supernode-storm:message', // invoke(ClientMessage) -> the reply to its kind (ReplyData)
  frame: 'supernode-storm:frame', // main -> page: WireFrame (frame-wire.ts), up to 30 per second (after a 'subscribe' message)
} as const;

/** The flag main passes to the instructor console's preload (webPreferences.additionalArguments). */
export const INSTRUCTOR_ARG = '--supernode-storm-role=instructor';
