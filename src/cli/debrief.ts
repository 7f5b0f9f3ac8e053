// npm run debrief -- FILE.skyreplay --out report.html [--csv metrics.csv] [--pdf report.pdf] [--force] [--drills DIR]
// Re-simulates the replay (and the no-action baseline, and Skype's historical response
// for dec-2010), then writes a standalone HTML report. Progress goes to stderr.
// Exit 0 written; 1 the replay diverged (nothing written); 2 bad input, one line on stderr.
import { existsSync } from 'node:fs';
import { historicalFor, ScenarioError } from '../sim/index';
import { ReplayError } from '../replay/index';
import { readReplay, writeFileSafely, WouldOverwriteError } from '../replay/node';
import { buildDebrief, debriefCsv, renderReport } from '../debrief/index';
import { renderPdf } from '../debrief/node';
import { DRILLS_DIR, findDrill } from '../drill/node';
import { DrillError } from '../drill/index';
import { checkOutput, parseArgs, runAsBin, UsageError, wantsHelp, type CliStreams } from './args';

const HELP = `Debrief: re-simulate a replay and write a standalone report.

  npm run debrief -- FILE.skyreplay --out report.html [--csv metrics.csv] [--pdf report.pdf] [--force] [--drills DIR]

Compares the run with doing nothing and, where the scenario has one, Skype's recorded response.
Exit 0 written; 1 the replay diverged (nothing written); 2 bad input, one line on stderr.
`;

/** `npm run debrief`: the exit code (0 written; 1 diverged; 2 with one line on stderr). */
export async function debriefCli(argv: string[], io: CliStreams): Promise<number> {
  try {
    return await main(argv, io);
  } catch (e) {
    const known = e instanceof UsageError || e instanceof ReplayError || e instanceof DrillError || e instanceof ScenarioError || e instanceof WouldOverwriteError;
    if (!known) {
      // A failed PDF print (no chromium, a crash) is an environment problem: one line, exit 2.
      const msg = (e as Error)?.message?.split('\n')[0] ?? String(e);
      // Anything else is our bug: still one line and exit 2, never a stack trace.
      io.stderr.write(`debrief: ${/cannot make a PDF|chromium|browser/i.test(msg) ? '' : 'unexpected error: '}${msg}\n`);
    } else io.stderr.write(`debrief: ${(e as Error).message}${e instanceof WouldOverwriteError ? ' (pass --force to replace it)' : ''}\n`);
    return 2;
  }
}

async function main(argv: string[], io: CliStreams): Promise<number> {
  if (wantsHelp(argv)) {
    io.stdout.write(HELP);
    return 0;
  }
  const a = parseArgs(argv, { out: 'string', csv: 'string', pdf: 'string', force: 'flag', drills: 'string' }, ['file']);
  if (a.file === undefined) throw new UsageError('usage: debrief FILE.skyreplay --out report.html [--csv metrics.csv] [--pdf report.pdf] [--force]');
  if (a.out === undefined && a.csv === undefined && a.pdf === undefined) throw new UsageError('say where to write: --out report.html, --csv metrics.csv and/or --pdf report.pdf');
  const file = a.file;
  const force = a.force === true;
  const outputs = [a.out, a.csv, a.pdf].filter((x): x is string => typeof x === 'string');
  // Refuse before minutes of re-simulation, not after.
  for (const [flag, o] of [['--out', a.out], ['--csv', a.csv], ['--pdf', a.pdf]] as const) if (o !== undefined) checkOutput(flag, o);
  for (const o of outputs) if (!force && existsSync(o)) throw new WouldOverwriteError(o);
  if (new Set(outputs).size !== outputs.length) throw new UsageError('--out, --csv and --pdf must be different files');

  const rec = readReplay(file);
  const drill = rec.drillId ? findDrill(rec.drillId, a.drills ?? DRILLS_DIR) : undefined;
  const stages = ['replay', 'baseline', ...(historicalFor(rec.scenario) ? ['historical'] : [])];
  let lastPct = -1;
  const progress = (stage: string, f: number) => {
    const pct = Math.floor(((stages.indexOf(stage) + f) / stages.length) * 10) * 10;
    if (pct > lastPct) io.stderr.write(`debrief: re-simulating ${pct}% (${stage})\n`);
    lastPct = Math.max(lastPct, pct);
  };
  const d = buildDebrief(rec, { drill, onProgress: progress });
  if (!d.verdict.ok) {
    io.stdout.write(`diverged at tick ${d.verdict.tick} (expected ${d.verdict.expected}, got ${d.verdict.actual}); no report written: it would not show what happened\n`);
    return 1;
  }
  const html = renderReport(d, { fileName: file, generatedAt: new Date().toISOString() });
  let pdf: Buffer | undefined;
  if (a.pdf !== undefined) {
    io.stderr.write('debrief: printing PDF with chromium\n');
    pdf = await renderPdf(html); // before writing anything, so a failed print leaves no half-set of files
  }
  if (a.out !== undefined) writeOut(io, a.out, html, force);
  if (a.csv !== undefined) writeOut(io, a.csv, debriefCsv(d), force);
  if (pdf !== undefined && a.pdf !== undefined) writeOut(io, a.pdf, pdf, force);
  return 0;
}

function writeOut(io: CliStreams, path: string, data: string | Uint8Array, force: boolean): void {
  writeFileSafely(path, data, { overwrite: force });
  io.stderr.write(`debrief: wrote ${path}\n`);
}

runAsBin(import.meta.url, debriefCli);
