// The debrief report: one standalone HTML page (inline CSS, inline SVG, no scripts, no
// external resources) that opens offline in any browser and prints to PDF. Everything
// that came from a replay file (notes, names) is escaped: replays are mailed around.
import type { Debrief, KeyFigures, RunSummary, TimelineEntry } from './debrief';
import { TICK_SECONDS } from '../sim/index';
import { FORMAT_VERSION, SIM_VERSION } from '../replay/index';
import { TICKS_PER_MINUTE } from '../shared/facts';

export interface ReportMeta {
  fileName: string;
  generatedAt: string; // ISO time from the host
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const big = (n: number) => (Math.abs(n) >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : Math.abs(n) >= 1e4 ? `${Math.round(n / 1e3)} k` : Math.round(n).toLocaleString('en'));
const usd = (n: number) => `$${Math.round(n).toLocaleString('en')}`;
const pad = (n: number) => String(n).padStart(2, '0');
const tPlus = (min: number) => `T+${pad(Math.floor(min / 60))}:${pad(Math.floor(min % 60))}`;
const COLOURS = { run: '#1f5fbf', baseline: '#8a8f98', historical: '#d9822b' };
const SOURCE_COLOURS: Record<string, string> = { trainee: '#1f5fbf', instructor: '#c0392b', scenario: '#6b7280', script: '#7c3aed', bookmark: '#0f766e', note: '#0f766e', hint: '#b45309' };

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
<p class="sub">${verdict}</p></header>
${d.drill ? drillSection(d) : ''}
<section><h2>Users online, as a share of a normal day</h2>
${chart(d, runs)}
</section>
<section><h2>Key figures</h2>${figuresTable(runs)}</section>
<section><h2>Timeline</h2>${timelineTable(d.timeline, sc.startUtc)}</section>
<footer>Supernode Storm debrief of <code>${esc(meta.fileName)}</code> · generated ${esc(meta.generatedAt)} · replay format ${FORMAT_VERSION}, sim ${SIM_VERSION} · self-contained page, no network needed</footer>
</main></body></html>
`;
}

function chart(d: Debrief, runs: RunSummary[]): string {
  const W = 900, H = 330, L = 48, R = 16, T = 14, B = 58;
  const end = Math.max(1, d.recording.endTick / TICKS_PER_MINUTE);
  const x = (min: number) => L + ((W - L - R) * min) / end;
  const y = (share: number) => T + (H - T - B) * (1 - Math.min(1.1, Math.max(0, share)) / 1.1);
  const parts: string[] = [];
  for (let p = 0; p <= 1.0001; p += 0.2) parts.push(`<line x1="${L}" x2="${W - R}" y1="${y(p)}" y2="${y(p)}" class="grid"/><text x="${L - 6}" y="${y(p) + 4}" class="ax" text-anchor="end">${Math.round(p * 100)}%</text>`);
  const stepH = end / 60 > 24 ? 6 : end / 60 > 6 ? 2 : 1;
  for (let h = 0; h * 60 <= end; h += stepH) parts.push(`<line x1="${x(h * 60)}" x2="${x(h * 60)}" y1="${T}" y2="${H - B}" class="grid"/><text x="${x(h * 60)}" y="${H - B + 14}" class="ax" text-anchor="middle">${h} h</text>`);
  const colour = [COLOURS.run, COLOURS.baseline, COLOURS.historical];
  const curves: string[] = [];
  runs.forEach((r, i) => {
    const pts = r.rows.map((row) => `${x(row.minute).toFixed(1)},${y(row.m.wantOnline > 0 ? row.m.onlineUsers / row.m.wantOnline : 1).toFixed(1)}`).join(' ');
    curves.push(`<polyline points="${pts}" fill="none" stroke="${colour[i]}" stroke-width="${i === 0 ? 2.6 : 1.8}"${i === 1 ? ' stroke-dasharray="6 4"' : ''}/>`);
    parts.push(`<line x1="${L + 10 + i * 240}" x2="${L + 34 + i * 240}" y1="${H - 10}" y2="${H - 10}" stroke="${colour[i]}" stroke-width="3"${i === 1 ? ' stroke-dasharray="6 4"' : ''}/><text x="${L + 40 + i * 240}" y="${H - 6}" class="lg">${esc(r.label)}</text>`);
  });
  parts.push(...curves.slice(1), curves[0]); // this run on top
  // Ticks under the plot: one per command or note of this run, coloured by who gave it.
  for (const e of d.timeline) {
    if (e.minute > end) continue;
    const c = SOURCE_COLOURS[e.source] ?? '#333';
    const yy = H - B + 20 + (e.source === 'scenario' ? 0 : e.source === 'instructor' ? 6 : e.source === 'trainee' || e.source === 'script' ? 12 : 18);
    parts.push(`<line x1="${x(e.minute).toFixed(1)}" x2="${x(e.minute).toFixed(1)}" y1="${yy}" y2="${yy + 5}" stroke="${c}" stroke-width="2"><title>${esc(`${tPlus(e.minute)} ${e.source}: ${e.text}`)}</title></line>`);
  }
  return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="Users online as a share of normal over time: this run, the no-action baseline${runs.length > 2 ? ' and the historical response' : ''}">${parts.join('')}</svg>
<p class="note">Marks under the time axis: scenario events, instructor injects, trainee or scripted orders, and notes/hints (top to bottom).</p>`;
}

function figuresTable(runs: RunSummary[]): string {
  const rows: [string, (f: KeyFigures) => string][] = [
    ['User-hours lost', (f) => big(f.userHoursLost)],
    ['Network collapsed at', (f) => (f.collapseMinute === null ? 'never' : tPlus(f.collapseMinute))],
    ['Recovered at (90% online)', (f) => (f.recoveredAtMinute === null ? (f.collapseMinute === null ? '—' : 'not recovered') : tPlus(f.recoveredAtMinute))],
    ['Time to recover', (f) => (f.recoveredAtMinute !== null && f.collapseMinute !== null ? `${((f.recoveredAtMinute - f.collapseMinute) / 60).toFixed(1)} h` : '—')],
    ['Peak supernode traffic', (f) => `${Math.round(f.peakTrafficX)}× normal`],
    ['Fewest supernodes serving', (f) => big(f.minSupernodes)],
    ['Client crashes', (f) => big(f.crashedClients)],
    ['Mega-supernode-hours', (f) => big(f.megaHours)],
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
        return `${big(o.value)} of ${big(o.target)} h`;
    }
  };
  const objRows = dr.objectives
    .map((o, i) => `<tr><td><span class="badge ${o.state === 'met' ? 'ok' : o.state === 'missed' ? 'bad' : 'wait'}">${o.state}</span></td><td>${esc(o.text)}</td><td>${fmtValue(o)}</td><td>${o.decidedAtMinute === null ? '—' : tPlus(o.decidedAtMinute)}</td><td class="num">${s.objectives[i].points} / ${s.objectives[i].maxPoints}</td></tr>`)
    .join('');
  const penRows = s.penalties.map((p) => `<tr><td></td><td colspan="3">Penalty: ${esc(p.text)}</td><td class="num">${p.points}</td></tr>`).join('');
  return `<section><h2>Drill: ${esc(dr.drill.name)}</h2><p class="brief">${esc(dr.drill.briefing)}</p>
<table class="obj"><tr><th>Result</th><th>Objective</th><th>Outcome</th><th>Decided</th><th class="num">Points</th></tr>${objRows}${penRows}
<tr class="total"><td></td><td colspan="3">Score</td><td class="num">${s.total} / ${s.maxTotal}</td></tr></table>
${dr.compare.length ? `<p class="note">In the same drill: ${dr.compare.map((c) => `${esc(c.label.replace(/ \(same drill\)$/, ''))} would score ${c.total}`).join('; ')}.</p>` : ''}</section>`;
}

function timelineTable(entries: TimelineEntry[], startUtc: string): string {
  if (!entries.length) return '<p>No commands, injects or notes.</p>';
  const t0 = Date.parse(startUtc);
  const rows = entries
    .map((e) => {
      const utc = Number.isNaN(t0) ? '' : new Date(t0 + e.minute * 60_000).toISOString().slice(5, 16).replace('T', ' ');
      return `<tr><td>${tPlus(e.minute)}</td><td class="utc">${utc}</td><td><span class="src" style="background:${SOURCE_COLOURS[e.source] ?? '#333'}">${e.source}</span></td><td>${esc(e.text)}${e.author ? ` <i>— ${esc(e.author)}</i>` : ''}</td></tr>`;
    })
    .join('');
  return `<table class="tl"><tr><th>Sim time</th><th>UTC</th><th>Who</th><th>What</th></tr>${rows}</table>`;
}

const CSS = `
body{margin:0;background:#f4f5f7;color:#1d2330;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:960px;margin:0 auto;padding:24px 28px 40px;background:#fff}
h1{font-size:24px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #e3e6ea;padding-bottom:4px}
.sub{color:#4b5563;margin:2px 0}.note{color:#6b7280;font-size:12px;margin:4px 0}.brief{color:#374151}
svg{width:100%;height:auto;display:block}.grid{stroke:#e5e7eb;stroke-width:1}.ax{font-size:11px;fill:#6b7280}.lg{font-size:12px;fill:#1d2330}
table{border-collapse:collapse;width:100%;margin:6px 0}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eef0f3;vertical-align:top}
th{font-weight:600;color:#374151}.num{text-align:right;white-space:nowrap}.fig td{white-space:nowrap}
.tl td:first-child,.utc{white-space:nowrap;font-variant-numeric:tabular-nums}.utc{color:#6b7280}
.badge{display:inline-block;padding:0 7px;border-radius:9px;font-size:12px;font-weight:600;color:#fff}
.ok{background:#15803d}.bad{background:#b91c1c}.wait{background:#6b7280}
.src{display:inline-block;padding:0 6px;border-radius:4px;color:#fff;font-size:11px}
.total td{font-weight:700;border-top:2px solid #1d2330}
code{font-size:12px;background:#f3f4f6;padding:0 3px;border-radius:3px}
footer{margin-top:32px;color:#6b7280;font-size:12px}
@media print{body{background:#fff}main{padding:0}section{break-inside:avoid}.tl tr{break-inside:avoid}}
`;
