// Exports of the game on screen (the browser host's /export/* with the instructor's token):
// the .skyreplay, the debrief report as HTML and PDF, and the metrics CSV. Fetched here so a
// slow debrief (it re-simulates the run and its baselines) shows progress and a refusal shows
// beside its button; then saved as a download. Also: open a replay, recover a lost game.
import type { Bridge } from '../bridge/bridge';
import { h, setText } from '../dom';
import { replayOpener } from '../replay/replay-file';
import { RecoveryList } from '../replay/recovery-list';
import { panel, type ConsoleFrame, type ConsolePanel } from './panel';

const FILES = [
  { id: 'replay', file: 'replay.skyreplay', label: 'Replay', title: 'The .skyreplay: every order, inject, mark and checksum' },
  { id: 'report', file: 'report.html', label: 'Report', title: 'The debrief as one HTML page that opens offline' },
  { id: 'csv', file: 'metrics.csv', label: 'CSV', title: 'The metrics, one row per sim-minute' },
  { id: 'pdf', file: 'report.pdf', label: 'PDF', title: 'The debrief printed to PDF' },
] as const;

export class ExportPanel implements ConsolePanel {
  readonly root: HTMLElement;
  private readonly status = h('p', { class: 'cp-status', id: 'export-status', role: 'status' });
  private readonly error = h('p', { class: 'field-error', id: 'export-error' });
  private readonly recovery: RecoveryList;
  private readonly meter = h('div', { class: 'export-meter', id: 'export-progress', hidden: true }, h('i'));
  /** The host's progress on a debrief export (ModeFrame.exporting), also for the desktop File menu's. */
  private exporting: { kind: string; fraction: number } | null = null;

  constructor(requests: Bridge, private readonly exportUrl: ((file: string) => string) | null) {
    const opener = replayOpener(requests, 'console-replay-file', 'Open replay…');
    this.recovery = new RecoveryList(requests, 'console');
    void requests.listDrills().then((r) => r.ok && this.recovery.setDrillNames(new Map(r.data.map((d) => [d.id, d.name]))));
    const buttons = exportUrl
      ? FILES.map((f) => {
          const a = h('a', { class: 'export-link', id: `export-${f.id}`, href: exportUrl(f.file), title: f.title, download: '' }, f.label);
          a.addEventListener('click', (e) => {
            e.preventDefault();
            void this.download(a, f.file, f.label);
          });
          return a;
        })
      : [h('p', { class: 'cp-empty' }, 'In the desktop app, export from the File menu: it asks where to save.')];
    this.root = panel('console-exports', 'Debrief',
      h('div', { class: 'export-row' }, ...buttons),
      this.meter, this.status, this.error,
      h('div', { class: 'cp-row' }, opener.root),
      this.recovery.root);
  }

  update(f: ConsoleFrame): void {
    this.recovery.update(f.mode?.recoverable);
    const ex = f.mode?.exporting ?? null;
    this.exporting = ex;
    this.meter.hidden = !ex;
    if (ex) (this.meter.firstElementChild as HTMLElement).style.width = `${Math.round(ex.fraction * 100)}%`;
  }

  private async download(a: HTMLAnchorElement, file: string, label: string): Promise<void> {
    if (a.dataset.busy) return;
    a.dataset.busy = '1';
    this.error.textContent = '';
    const t0 = performance.now();
    // The host reports how far the debrief's re-simulation is; before that, the time so far.
    const tick = setInterval(() => {
      const ex = this.exporting;
      setText(this.status, ex ? `Preparing ${label}: re-simulating the run and its baselines… ${Math.round(ex.fraction * 100)}%` : `Preparing ${label}… ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }, 250);
    setText(this.status, `Preparing ${label}…`);
    try {
      const res = await fetch(a.href, { cache: 'no-store' });
      if (!res.ok) throw new Error((await res.text()).trim() || `the host answered ${res.status}`);
      const blob = await res.blob();
      const name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? file;
      const url = URL.createObjectURL(blob);
      const save = h('a', { href: url, download: name });
      document.body.append(save);
      save.click();
      save.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setText(this.status, `✓ ${name} (${(blob.size / 1024).toFixed(1)} kB)`);
    } catch (e) {
      setText(this.status, '');
      this.error.textContent = `${label} export failed: ${(e as Error).message}`;
    } finally {
      clearInterval(tick);
      delete a.dataset.busy;
    }
  }
}
