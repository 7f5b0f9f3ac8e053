export { SimSession, TICK_MS, MAX_TICKS_PER_ADVANCE, ADVANCE_BUDGET_MS, FRAME_INTERVAL_MS } from './sim-session';
export type { SimSessionOptions, AdvanceResult } from './sim-session';
export type { ClockHandle } from './clock';
export { FrameProducer, EVENT_BACKLOG, MAX_EVENTS_PER_FRAME } from './frames';
export { askHost, dispatchMessage, receiveMessage, refusalLine, type ScreenContext } from './dispatch';
export { buildExport, EXPORT_KINDS, type ExportKind, type ExportFile } from './exports';
