// Files a host can hand out for the game on screen: the .skyreplay, the debrief report
// (HTML, and PDF printed by the host's Chromium), and the metrics CSV. The debrief
// re-simulates the run, the no-action baseline and (dec-2010) Skype's response: seconds for
// a 48-hour drill, so it runs in a worker, reports progress in frames (ModeFrame.exporting),
// and the last one is kept for the next export of the same recording.
import { hashOf, type Recording } from '../../replay/index';
import { debriefCsv, renderReport, type Debrief } from '../../debrief/index';
import { encodeReplay } from '../../replay/codec';
import { findDrill } from '../../drill/files';
import type { Drill } from '../../drill/index';
import type { SimSession } from './sim-session';
import { debriefInWorker } from './debrief-job';

export const EXPORT_KINDS = ['replay', 'report', 'csv', 'pdf'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface ExportFile {
  fileName: string;
  contentType: string;
  data: Buffer;
}

export interface ExportOptions {
  /** Prints the report's HTML to PDF (renderPdf in the browser host, printToPDF in Electron). */
  printPdf?: (html: string) => Promise<Buffer>;
  /** Re-simulation progress, 0..1 (a 48-hour report takes a couple of seconds). */
  onProgress?: (fraction: number) => void;
  generatedAt?: string;
}

const SUFFIX: Record<ExportKind, { ext: string; type: string }> = {
  replay: { ext: '.skyreplay', type: 'application/gzip' },
  report: { ext: '-debrief.html', type: 'text/html; charset=utf-8' },
  csv: { ext: '-metrics.csv', type: 'text/csv; charset=utf-8' },
  pdf: { ext: '-debrief.pdf', type: 'application/pdf' },
};

/** The last debrief (and one being built), by the recording's hash. */
let last: { key: string; debrief: Promise<Debrief> } | null = null;

export async function buildExport(session: SimSession, kind: ExportKind, opts: ExportOptions = {}): Promise<ExportFile> {
  const rec = session.recording();
  const fileName = `${baseName(rec)}${SUFFIX[kind].ext}`;
  const file = (data: Buffer | string): ExportFile => ({ fileName, contentType: SUFFIX[kind].type, data: typeof data === 'string' ? Buffer.from(data, 'utf8') : data });
  if (kind === 'replay') return file(encodeReplay(rec));
  const progress = (fraction: number) => {
    session.setExporting({ kind, fraction: Math.floor(fraction * 20) / 20 }); // 5% steps: a frame each, not hundreds
    opts.onProgress?.(fraction);
  };
  progress(0);
  try {
    const d = await debriefOf(rec, session, progress);
    if (kind === 'csv') return file(debriefCsv(d));
    const html = renderReport(d, { fileName: `${baseName(rec)}.skyreplay`, generatedAt: opts.generatedAt ?? new Date().toISOString() });
    if (kind === 'report') return file(html);
    if (!opts.printPdf) throw new Error('this host cannot print PDFs; export the HTML report and print it from a browser');
    progress(1);
    return file(await opts.printPdf(html));
  } finally {
    session.setExporting(null);
  }
}

/** The name an export of the game on screen gets (before the possibly slow build). */
export function exportFileName(session: SimSession, kind: ExportKind): string {
  return `${baseName(session.recording())}${SUFFIX[kind].ext}`;
}

/** e.g. supernode-storm-dec-2010-as-it-happened-2025-01-01T10-00-00Z */
export function baseName(rec: Recording): string {
  return `supernode-storm-${rec.drillId ?? rec.scenarioId}-${rec.createdAt.replace(/[:.]/g, '-')}`;
}

function debriefOf(rec: Recording, session: SimSession, onProgress: (f: number) => void): Promise<Debrief> {
  const key = hashOf(rec);
  if (last?.key === key) return last.debrief;
  let drill: Drill | undefined;
  try {
    drill = rec.drillId ? findDrill(rec.drillId, session.drillsDir) : undefined;
  } catch {
    drill = undefined; // a drill this machine lacks: the report leaves out its verdict
  }
  const debrief = debriefInWorker(rec, drill, onProgress, session.ctx.warn);
  last = { key, debrief };
  debrief.catch(() => {
    if (last?.key === key) last = null; // a failure is not kept
  });
  return debrief;
}
