// The debrief report: one standalone HTML page (inline CSS, inline SVG, no scripts, no
// external resources) that opens offline in any browser and prints to PDF. Everything
// that came from a replay file (notes, names) is escaped: replays are mailed around.
import type { Debrief, KeyFigures, RunSummary, SeriesRow, TimelineEntry } from './debrief';
import { TICK_SECONDS } from '../sim/index';
import { FORMAT_VERSION, SIM_VERSION } from '../replay/index';
import { TICKS_PER_MINUTE } from '../shared/facts';
import { tPlus } from '../shared/duration';
import { compact, percent, usd } from '../shared/amounts';
import { refusedOrderWords } from '../shared/refusal-words';
import { back90Text, relapseText, TIME_TO_RECOVER_MEANS, timeToRecover, timeToRecoverText } from '../shared/end-debrief';
import { OBJECTIVE_STATE_WHY, OBJECTIVE_STATE_WORDS, objectiveStateText } from '../shared/score';

export interface ReportMeta {
  fileName: string;
  generatedAt: string; // ISO time from the host
}

/** An entry's words; a refused order as the end screen words it, never the sim's code. */
const textOf = (e: TimelineEntry) => (e.source === 'refused' ? refusedOrderWords(e.text) : e.text);
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const COLOURS = { run: '#1f5fbf', baseline: '#8a8f98', historical: '#d9822b' };
const SOURCE_COLOURS: Record<string, string> = { trainee: '#1f5fbf', instructor: '#c0392b', scenario: '#6b7280', script: '#7c3aed', bookmark: '#0f766e', note: '#0f766e', hint: '#b45309', refused: '#9f1239' };

export function renderReport(d: Debrief, meta: ReportMeta): string {
  const rec = d.recording;
  const sc = rec.scenario;
  const hours = (rec.endTick * TICK_SECONDS) / 3600;
  const title = `Debrief: ${sc.name}`;
  const verdict = d.verdict.ok
    ? `<span class="badge ok">verified</span> re-simulated exactly (checksum <code>${esc(d.verdict.finalChecksum)}</code>): the figures are what these orders produce. Notes, bookmarks, the recording time, who gave each order and the drill name are not sealed and could have been edited.`
    : `<span class="badge bad">diverged</span> at tick ${d.verdict.tick}: expected ${esc(d.verdict.expected)}, got ${esc(d.verdict.actual)}. Figures below are from this version's re-simulation.`;
  const runs = [d.run, d.baseline, ...(d.historical ? [d.historical] : [])];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${CSS}</style></head>
<body><main>
<header><h1>${esc(title)}</h1>
<p class="sub">${d.drill ? `Drill <b>${esc(d.drill.drill.name)}</b> · ` : ''}seed ${rec.seed} · ${hours.toFixed(1)} sim-hours from ${esc(sc.startUtc)} · recorded ${esc(rec.createdAt)}${rec.branchedFrom ? ` · taken over at ${tPlus(rec.branchedFrom.tick / TICKS_PER_MINUTE)} from replay ${esc(rec.branchedFrom.replayHash)}` : ''}</p>
<p class="sub">${verdict}</p>
${rec.checkMode ? '<p class="sub"><span class="badge wait">check mode</span> An assessment: the trainee could not pause or change the speed and saw no hints; hints in the timeline are marked as not shown.</p>' : ''}
${refusedLine(d.timeline)}</header>
${d.drill ? drillSection(d) : ''}
<section><h2>How it went</h2>
${charts(d, runs)}
</section>
<section><h2>Key figures</h2>${figuresTable(runs)}<p class="note">Time to recover: ${TIME_TO_RECOVER_MEANS}, in each run as re-simulated here (the end screen gives the same figures).</p></section>
<section><h2>Timeline</h2>${timelineTable(d.timeline, sc.startUtc)}</section>
<footer>Supernode Storm debrief of <code>${esc(meta.fileName)}</code> · generated ${esc(meta.generatedAt)} · replay format ${FORMAT_VERSION}, sim ${SIM_VERSION} · self-contained page, no network needed</footer>
</main></body></html>
`;
}

/** Who gave each timeline entry, as the lanes under the main chart (top to bottom). */
const LANES: { label: string; sources: string[] }[] = [
  { label: 'Scenario', sources: ['scenario'] },
  { label: 'Instructor', sources: ['instructor'] },
  { label: 'Orders', sources: ['trainee', 'script'] },
  { label: 'Refused', sources: ['refused'] },
  { label: 'Notes, hints', sources: ['note', 'bookmark', 'hint'] },
];
const RUN_STYLE = [
  { colour: COLOURS.run, width: 2.6, dash: '' },
  { colour: COLOURS.baseline, width: 1.8, dash: ' stroke-dasharray="6 4"' },
  { colour: COLOURS.historical, width: 1.8, dash: '' },
];

interface Plot {
  title: string;
  value: (m: SeriesRow['m']) => number;
  tick: (v: number) => string;
  height: number;
  fixedMax?: number;
  minTop?: number; // the axis reaches at least this high: a flat or tiny series still gets distinct labels
  refLine?: { at: number; label: string };
  log?: boolean; // a log axis from 0.1 (load spans 0.3x to 100x)
}

/** One figure over time for every run, on a shared time axis; the main chart adds the event lanes. */
function plot(d: Debrief, runs: RunSummary[], p: Plot, lanes: TimelineEntry[] | null): string {
  const laneH = 15;
  const W = 900, L = 96, R = 16, T = 10, B = 22 + (lanes ? LANES.length * laneH + 6 : 0);
  const H = p.height + T + B;
  const end = Math.max(1, d.recording.endTick / TICKS_PER_MINUTE);
  const x = (min: number) => L + ((W - L - R) * Math.min(min, end)) / end;
  const top = p.fixedMax ?? niceMax(Math.max(p.minTop ?? 0, p.refLine?.at ?? 0, ...runs.flatMap((r) => r.rows.map((row) => p.value(row.m))).filter(Number.isFinite)));
  const LO = 0.1;
  const logTop = 10 ** Math.ceil(Math.log10(Math.max(top, 10)));
  const frac = (v: number) => (p.log ? Math.log10(Math.max(LO, v) / LO) / Math.log10(logTop / LO) : v / top);
  const y = (v: number) => T + p.height * (1 - Math.min(1.05, Math.max(0, frac(v))));
  const parts: string[] = [];
  const ticks = p.log ? Array.from({ length: Math.round(Math.log10(logTop / LO)) + 1 }, (_, k) => LO * 10 ** k) : [0, 1, 2, 3, 4].map((k) => (top * k) / 4);
  for (const v of ticks) {
    parts.push(`<line x1="${L}" x2="${W - R}" y1="${y(v)}" y2="${y(v)}" class="grid"/><text x="${L - 6}" y="${y(v) + 4}" class="ax" text-anchor="end">${p.tick(v)}</text>`);
  }
  const stepH = end / 60 > 24 ? 6 : end / 60 > 6 ? 2 : end / 60 > 2 ? 1 : 0.25;
  for (let h = 0; h * 60 <= end + 1e-9; h += stepH) parts.push(`<line x1="${x(h * 60)}" x2="${x(h * 60)}" y1="${T}" y2="${T + p.height}" class="grid"/><text x="${x(h * 60)}" y="${T + p.height + 14}" class="ax" text-anchor="middle">${h < 1 && h > 0 ? `${h * 60} min` : `${h} h`}</text>`);
  if (p.refLine) parts.push(`<line x1="${L}" x2="${W - R}" y1="${y(p.refLine.at)}" y2="${y(p.refLine.at)}" class="ref"/><text x="${W - R - 4}" y="${y(p.refLine.at) - 4}" class="ax" text-anchor="end">${esc(p.refLine.label)}</text>`);
  if (lanes) parts.push(...laneMarks(lanes, x, T + p.height + 24, laneH, L, W - R, T, p.height));
  const curves = runs.map((r, i) => {
    const st = RUN_STYLE[i];
    const pts = r.rows.map((row) => `${x(row.minute).toFixed(1)},${y(p.value(row.m)).toFixed(1)}`).join(' ');
    return `<polyline points="${pts}" fill="none" stroke="${st.colour}" stroke-width="${st.width}"${st.dash}/>`;
  });
  parts.push(...curves.slice(1), curves[0]); // this run on top
  return `<figure class="chart"><figcaption>${esc(p.title)}</figcaption><svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(p.title)} over time: ${runs.map((r) => esc(r.label)).join(', ')}">${parts.join('')}</svg></figure>`;
}

/**
 * Numbered marks, one lane per source, each number the row in the timeline table; a faint
 * line up through the plot for orders and injects, so cause and effect line up.
 */
function laneMarks(entries: TimelineEntry[], x: (min: number) => number, y0: number, laneH: number, left: number, right: number, plotTop: number, plotH: number): string[] {
  const out: string[] = [];
  LANES.forEach((lane, li) => {
    const yy = y0 + li * laneH;
    out.push(`<text x="${left - 6}" y="${yy + 4}" class="lane" text-anchor="end">${lane.label}</text><line x1="${left}" x2="${right}" y1="${yy}" y2="${yy}" class="laneline"/>`);
    let lastLabelEnd = -Infinity;
    entries.forEach((e, n) => {
      if (!lane.sources.includes(e.source)) return;
      const cx = x(e.minute);
      const c = SOURCE_COLOURS[e.source] ?? '#333';
      const label = `${tPlus(e.minute)} ${e.source === 'refused' ? '' : `${e.source}: `}${textOf(e)}`;
      if (e.source !== 'scenario' && e.source !== 'note' && e.source !== 'bookmark' && e.source !== 'hint')
        out.push(`<line x1="${cx.toFixed(1)}" x2="${cx.toFixed(1)}" y1="${plotTop}" y2="${plotTop + plotH}" stroke="${c}" class="guide"/>`);
      out.push(`<circle cx="${cx.toFixed(1)}" cy="${yy}" r="3.5" fill="${c}"><title>${esc(label)}</title></circle>`);
      const num = String(n + 1);
      const w = 6.5 * num.length + 4;
      if (cx + 5 > lastLabelEnd) {
        out.push(`<text x="${(cx + 5).toFixed(1)}" y="${yy + 4}" class="num-lbl">${num}</text>`);
        lastLabelEnd = cx + 5 + w;
      }
    });
  });
  return out;
}

/** A round axis top just above `v` (1, 2, 2.5 or 5 times a power of ten). */
function niceMax(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (v <= m * p) return m * p;
  return 10 * p;
}

function legend(runs: RunSummary[]): string {
  return `<p class="legend">${runs.map((r, i) => `<span><svg width="28" height="10" aria-hidden="true"><line x1="1" x2="27" y1="5" y2="5" stroke="${RUN_STYLE[i].colour}" stroke-width="3"${RUN_STYLE[i].dash}/></svg>${esc(r.label)}</span>`).join('')}</p>`;
}

function charts(d: Debrief, runs: RunSummary[]): string {
  const pct = (v: number) => percent(v);
  // A $0 run's axis reads $0 to $100, not "$0 $0 $1 $1 $1"; a quarter of $250 is $62.50, not $63.
  const dollars = usd;
  return `${legend(runs)}
${plot(d, runs, { title: 'Users online, as a share of a normal day', value: (m) => (m.wantOnline > 0 ? m.onlineUsers / m.wantOnline : 1), tick: pct, height: 250, fixedMax: 1 }, d.timeline)}
<p class="note">Numbered marks under the chart are the rows of the timeline below, in lanes by who gave them; a faint line runs up from each order and inject.</p>
${plot(d, runs, { title: 'Peer supernodes serving', value: (m) => m.supernodesUp, tick: compact, height: 130 }, null)}
${plot(d, runs, { title: 'Load per serving supernode, times its normal capacity (log scale)', value: (m) => m.supernodeLoad, tick: (v) => `${v < 1 ? v.toFixed(1) : Math.round(v)}×`, height: 130, refLine: { at: 1, label: 'full' }, log: true }, null)}
${plot(d, runs, { title: 'Cost so far: mega-supernodes, Group Video downtime, held offline messages', value: (m) => m.costUsd, tick: dollars, height: 130, minTop: 100 }, null)}`;
}

function figuresTable(runs: RunSummary[]): string {
  const rows: [string, (f: KeyFigures) => string][] = [
    // The end screen's three headline figures first, written as it writes them.
    ['User-hours lost', (f) => compact(f.userHoursLost)],
    ['Lowest share online', (f) => percent(f.lowestShare)],
    ['Cost', (f) => usd(f.costUsd)],
    ['Network collapsed at', (f) => (f.collapseMinute === null ? 'never' : tPlus(f.collapseMinute))],
    ['Fell back before recovering', (f) => relapseText(f.relapseMinutes)],
    ['Recovered at (90% online)', (f) => (f.recoveredAtMinute === null ? (f.collapseMinute === null ? back90Text(f) : 'not recovered') : tPlus(f.recoveredAtMinute))],
    ['Time to recover', (f) => timeToRecoverText(timeToRecover(f.collapseMinute, f.recoveredAtMinute))],
    ['Peak supernode traffic', (f) => `${Math.round(f.peakTrafficX)}× normal`],
    ['Fewest supernodes serving', (f) => compact(f.minSupernodes)],
    ['Client crashes', (f) => compact(f.crashedClients)],
    ['Mega-supernode-hours', (f) => compact(f.megaHours)],
    ['Mega-supernode cost', (f) => usd(f.megaCostUsd)],
  ];
  const head = `<tr><th></th>${runs.map((r) => `<th>${esc(r.label)}</th>`).join('')}</tr>`;
  const body = rows.map(([name, f]) => `<tr><th>${name}</th>${runs.map((r) => `<td>${f(r.figures)}</td>`).join('')}</tr>`).join('');
  return `<table class="fig">${head}${body}</table>`;
}

function drillSection(d: Debrief): string {
  const dr = d.drill!;
  const s = dr.score;
  const fmtValue = (o: (typeof dr.objectives)[number]) => {
    switch (o.kind) {
      case 'onlineShareBy':
        return `${Math.round(o.value * 100)}% online (target ${Math.round(o.target * 100)}%)`;
      case 'recoveredBy':
        return `by ${tPlus(o.target)}`;
      case 'costAtMost':
        return `${usd(o.value)} of ${usd(o.target)}`;
      default:
        return `${compact(o.value)} of ${compact(o.target)} h`;
    }
  };
  const objRows = dr.objectives
    .map((o, i) => `<tr><td><span class="badge ${o.state === 'met' ? 'ok' : o.state === 'missed' ? 'bad' : 'wait'}">${OBJECTIVE_STATE_WORDS[o.state]}</span></td><td>${esc(o.text)}${OBJECTIVE_STATE_WHY[o.state] ? `<br><small>${objectiveStateText(o.state)}</small>` : ''}</td><td>${fmtValue(o)}</td><td>${o.decidedAtMinute === null ? '—' : tPlus(o.decidedAtMinute)}</td><td class="num">${s.objectives[i].points} / ${s.objectives[i].maxPoints}</td></tr>`)
    .join('');
  const penRows = s.penalties.map((p) => `<tr><td></td><td colspan="3">Penalty: ${esc(p.text)}</td><td class="num">${p.points}</td></tr>`).join('');
  return `<section><h2>Drill: ${esc(dr.drill.name)}</h2><p class="brief">${esc(dr.drill.briefing)}</p>
<table class="obj"><tr><th>Result</th><th>Objective</th><th>Outcome</th><th>Decided</th><th class="num">Points</th></tr>${objRows}${penRows}
<tr class="total"><td></td><td colspan="3">Score</td><td class="num">${s.total} / ${s.maxTotal}</td></tr></table>
${dr.compare.length ? `<p class="note">In the same drill, stopped at the same moment and judged by the same rules: ${dr.compare.map((c) => `${esc(c.label.replace(/ \(same drill\)$/, ''))} would score ${c.total} (${c.score.objectives.filter((o) => o.state === 'met').length} of ${c.score.objectives.length} objectives met)`).join('; ')}.</p>` : ''}</section>`;
}

function refusedLine(entries: TimelineEntry[]): string {
  const n = entries.filter((e) => e.source === 'refused').length;
  return n ? `<p class="sub"><span class="badge bad">${n} refused</span> ${n === 1 ? 'order was' : 'orders were'} turned down by the game (in the timeline, with the reason given).</p>` : '';
}

function timelineTable(entries: TimelineEntry[], startUtc: string): string {
  if (!entries.length) return '<p>No commands, injects or notes.</p>';
  const t0 = Date.parse(startUtc);
  const rows = entries
    .map((e, n) => {
      const utc = Number.isNaN(t0) ? '' : new Date(t0 + e.minute * 60_000).toISOString().slice(5, 16).replace('T', ' ');
      const unseen = e.unseen ? ' <span class="unseen">not shown to the trainee (check mode)</span>' : '';
      return `<tr><td class="num">${n + 1}</td><td>${tPlus(e.minute)}</td><td class="utc">${utc}</td><td><span class="src" style="background:${SOURCE_COLOURS[e.source] ?? '#333'}">${e.source}</span></td><td>${esc(textOf(e))}${e.author ? ` <i>— ${esc(e.author)}</i>` : ''}${unseen}</td></tr>`;
    })
    .join('');
  return `<table class="tl"><tr><th class="num">#</th><th>Sim time</th><th>UTC</th><th>Who</th><th>What</th></tr>${rows}</table>`;
}

const CSS = `
body{margin:0;background:#f4f5f7;color:#1d2330;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:960px;margin:0 auto;padding:24px 28px 40px;background:#fff}
h1{font-size:24px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #e3e6ea;padding-bottom:4px}
.sub{color:#4b5563;margin:2px 0}.note{color:#6b7280;font-size:12px;margin:4px 0}.brief{color:#374151}
svg{width:100%;height:auto;display:block}.grid{stroke:#e5e7eb;stroke-width:1}.ax{font-size:11px;fill:#6b7280}
figure{margin:10px 0 4px}figcaption{font-size:13px;font-weight:600;color:#374151;margin-bottom:2px}
.ref{stroke:#b91c1c;stroke-width:1;stroke-dasharray:3 3}.guide{stroke-width:1;stroke-opacity:.28}
.lane{font-size:11px;fill:#4b5563}.laneline{stroke:#eef0f3}.num-lbl{font-size:10px;fill:#1d2330;font-weight:600}
.legend{display:flex;flex-wrap:wrap;gap:6px 18px;margin:4px 0;font-size:13px}.legend span{display:inline-flex;align-items:center;gap:6px}.legend svg{width:28px;height:10px;display:inline}
.unseen{display:inline-block;margin-left:6px;padding:0 6px;border-radius:4px;background:#fef3c7;color:#78350f;font-size:11px}
table{border-collapse:collapse;width:100%;margin:6px 0}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eef0f3;vertical-align:top}
th{font-weight:600;color:#374151}.num{text-align:right;white-space:nowrap}.fig td{white-space:nowrap}
.tl td:first-child,.utc{white-space:nowrap;font-variant-numeric:tabular-nums}.utc{color:#6b7280}
.badge{display:inline-block;padding:0 7px;border-radius:9px;font-size:12px;font-weight:600;color:#fff}
.ok{background:#15803d}.bad{background:#b91c1c}.wait{background:#6b7280}
.src{display:inline-block;padding:0 6px;border-radius:4px;color:#fff;font-size:11px}
.total td{font-weight:700;border-top:2px solid #1d2330}
code{font-size:12px;background:#f3f4f6;padding:0 3px;border-radius:3px}
footer{margin-top:32px;color:#6b7280;font-size:12px}
@media print{body{background:#fff}main{padding:0;max-width:none}h2{break-after:avoid}figure,table.fig,table.obj,.legend{break-inside:avoid}.tl tr{break-inside:avoid}}
`;
