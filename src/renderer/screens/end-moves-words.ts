// "What would have helped" when nothing did, in words true to what was re-simulated: no DOM, so
// a test reads what the player reads. It said "None of the strategy table's single moves …
// would have saved more than 1%" when no move had been tried at all.

/** `tried`: the moves re-run on top of the player's orders (absent from an older host). */
export function noneHelpedText(tried: readonly string[] | undefined): string {
  if (tried === undefined) return 'None of the other single moves tried, each added to your orders, would have saved more than 1% of the user-hours you lost.';
  if (!tried.length) return 'No other move was re-run: you had already made, and early, each one the debrief tries (a login throttle, the dedicated mega-supernodes there were, each fix at full speed, offline IM off).';
  return `None of ${tried.length === 1 ? 'this move' : `these ${tried.length} moves`}, each added to your orders on its own, would have saved more than 1% of the user-hours you lost:`;
}
