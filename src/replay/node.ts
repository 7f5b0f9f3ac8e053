// The Node-only half of replays: .skyreplay files, the crash-safe journal, safe writes, PDF.
export { encodeReplay, decodeReplay } from './codec';
export { Journal, recoverJournal, JOURNAL_KIND, type JournalOptions, type RecoveredJournal } from './journal';
export { writeFileSafely, WouldOverwriteError } from './safe-write';
export { readReplay, writeReplay, readDrill, findDrill, DRILLS_DIR } from './files';
export { renderPdf, CHROMIUM } from './pdf';
