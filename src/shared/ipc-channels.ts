// Named IPC channels between preload and main. The page never sees these: it gets
// window.supernodeStorm (PreloadApi) from preload.
export const IPC = {
  command: 'supernode-storm:command', // invoke(Command) -> Reply
  control: 'supernode-storm:control', // invoke(ControlAction) -> Reply
  subscribe: 'supernode-storm:subscribe', // invoke() -> Reply, then a full frame on `frame`
  listDrills: 'supernode-storm:list-drills', // invoke() -> Reply {data: DrillSummary[]}
  instructor: 'supernode-storm:instructor', // invoke(InstructorAct) -> Reply; refused unless the instructor's window
  replay: 'supernode-storm:replay', // invoke(ReplayAct) -> Reply
  frame: 'supernode-storm:frame', // main -> page: Frame, up to 30 per second
} as const;

/** The flag main passes to the instructor console's preload (webPreferences.additionalArguments). */
export const INSTRUCTOR_ARG = '--supernode-storm-role=instructor';
