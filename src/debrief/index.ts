// Debriefs: what a replay says about a run (this run against the baseline and Skype's
// response, the timeline, the drill's verdict), as an HTML page, a CSV or a PDF. Pure;
// printing to PDF is a PdfPrinter the host injects (see ./pdf-printer).
export { buildDebrief, comparisonRun, overallProgress, type Debrief, type DrillComparison, type DebriefOptions, type DebriefStage, type KeyFigures, type RunSummary, type SeriesRow, type TimelineEntry } from './debrief';
export { debriefCsv, csvRow, SIM_CSV_COLUMNS, DEBRIEF_CSV_COLUMNS } from './csv';
export { renderReport, type ReportMeta } from './report';
export type { PdfPrinter } from './pdf-printer';
export { movesPicked, movesRan, movesThatHelp, movesThatHelped, movesToTry, tryMove, tryMoves, type MoveRun, type MoveTried } from './moves';
export { endDebriefOf } from './end-summary';
