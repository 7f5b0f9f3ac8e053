// The Node-only half of replays: .skyreplay files, the crash-safe journal, safe writes.
export { encodeReplay, decodeReplay } from './codec';
export { Journal, recoverJournal, JOURNAL_KIND, type JournalOptions, type RecoveredJournal } from './journal';
export { writeFileSafely, WouldOverwriteError } from './safe-write';
export { readReplay, writeReplay } from './files';
export { readCapped, CappedReadError } from './read-capped';
