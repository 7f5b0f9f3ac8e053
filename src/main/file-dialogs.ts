// File > Export... and Open Replay...: native dialogs around the session's exports. The save
// dialog itself asks before replacing a file, so writes then overwrite; everything goes
// through writeFileSafely (temp file + rename), so a crash never leaves half a report.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, type FileFilter } from 'electron';
import { writeFileSafely } from '../replay/safe-write';
import { buildExport, exportFileName, type ExportKind } from './session/exports';
import { openReplayFile } from './replay-door';
import type { SimSession } from './session/sim-session';

const FILTERS: Record<ExportKind, FileFilter> = {
  replay: { name: 'Supernode Storm replay', extensions: ['skyreplay'] },
  report: { name: 'Debrief report (web page)', extensions: ['html'] },
  csv: { name: 'Metrics (CSV)', extensions: ['csv'] },
  pdf: { name: 'Debrief report (PDF)', extensions: ['pdf'] },
};

export async function exportWithDialog(session: SimSession, kind: ExportKind, win: BrowserWindow | null, logError: (line: string) => void = () => {}): Promise<void> {
  const opts = { title: `Export ${FILTERS[kind].name}`, defaultPath: join(app.getPath('documents'), exportFileName(session, kind)), filters: [FILTERS[kind]] };
  const { canceled, filePath } = await (win ? dialog.showSaveDialog(win, opts) : dialog.showSaveDialog(opts));
  if (canceled || !filePath) return;
  try {
    win?.setProgressBar(2); // indeterminate while the debrief re-simulates
    const file = await buildExport(session, kind, { printPdf: printToPdf, onProgress: (f) => win?.setProgressBar(f) });
    writeFileSafely(filePath, file.data, { overwrite: true });
  } catch (e) {
    logError(`export of the ${kind} to ${filePath} failed: ${(e as Error)?.message ?? String(e)}`);
    dialog.showErrorBox('Export failed', `${(e as Error).message}\nNothing was written to ${filePath}.`);
  } finally {
    win?.setProgressBar(-1);
  }
}

export async function openReplayWithDialog(session: SimSession, win: BrowserWindow | null): Promise<void> {
  const opts = { title: 'Open a replay', properties: ['openFile' as const], filters: [FILTERS.replay] };
  const { canceled, filePaths } = await (win ? dialog.showOpenDialog(win, opts) : dialog.showOpenDialog(opts));
  if (canceled || !filePaths[0]) return;
  // The same door as a replay given on the command line: its size checked before it is read.
  await openReplayFile(session, filePaths[0], (title, line) => dialog.showErrorBox(title, line));
}

/** The report in a hidden, script-less window, printed by Chromium (the report is self-contained). */
export async function printToPdf(html: string): Promise<Buffer> {
  const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, javascript: false, nodeIntegration: false } });
  try {
    await win.loadURL(`data:text/html;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    return await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
  } finally {
    win.destroy();
  }
}
