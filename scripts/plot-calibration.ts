// npm run plot: runs the calibration cases and draws them to docs/calibration.png
// (an SVG chart, rasterised by headless Chromium) so the curves can be looked at.
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { getScenario, historicalActions, historicalFor, type TimedCommand } from '../src/sim/index';
import { runScenario, type Row } from '../src/cli/run';

interface Series { label: string; colour: string; dash?: string; rows: Row[] }

function rowsOf(id: string, actions: TimedCommand[], hours?: number, every = 10): Row[] {
  const rows: Row[] = [];
  const sc = getScenario(id);
  runScenario(sc, 1, actions, hours ?? sc.durationHours, every, (r) => rows.push(r));
  return rows;
}

const W = 1200, H = 340, PAD = { l: 70, r: 20, t: 36, b: 40 };

function panel(title: string, series: Series[], y: (r: Row) => number, yMax: number, yLabel: string, marks: [number, string][] = [], log = false, points: [number, number][] = []): string {
  const pw = W - PAD.l - PAD.r, ph = H - PAD.t - PAD.b;
  const maxMin = Math.max(...series.flatMap((s) => s.rows.map((r) => r.minute)));
  const sx = (m: number) => PAD.l + (m / maxMin) * pw;
  const ty = (v: number) => (log ? Math.log10(Math.max(1, v)) / Math.log10(yMax) : v / yMax);
  const sy = (v: number) => PAD.t + ph - Math.min(1, Math.max(0, ty(v))) * ph;
  let g = `<text x="${PAD.l}" y="22" class="t">${title}</text>`;
  const step = maxMin > 24 * 60 ? 6 : 1;
  for (let h = 0; h <= maxMin / 60; h += step) g += `<line x1="${sx(h * 60)}" x2="${sx(h * 60)}" y1="${PAD.t}" y2="${PAD.t + ph}" class="grid"/><text x="${sx(h * 60)}" y="${H - 18}" class="ax" text-anchor="middle">${h} h</text>`;
  const ticks = log ? [1, 10, 100, 1000].filter((v) => v <= yMax) : [0, 0.25, 0.5, 0.75, 1].map((f) => f * yMax);
  for (const v of ticks) g += `<line x1="${PAD.l}" x2="${PAD.l + pw}" y1="${sy(v)}" y2="${sy(v)}" class="grid"/><text x="${PAD.l - 8}" y="${sy(v) + 4}" class="ax" text-anchor="end">${log ? v + 'x' : Math.round(v * 100) + '%'}</text>`;
  for (const [m, label] of marks) g += `<line x1="${sx(m)}" x2="${sx(m)}" y1="${PAD.t}" y2="${PAD.t + ph}" class="mark"/><text x="${sx(m) + 4}" y="${PAD.t + 12}" class="mk">${label}</text>`;
  for (const s of series) {
    const d = s.rows.map((r, i) => `${i ? 'L' : 'M'}${sx(r.minute).toFixed(1)},${sy(y(r)).toFixed(1)}`).join('');
    g += `<path d="${d}" fill="none" stroke="${s.colour}" stroke-width="2.5" ${s.dash ? `stroke-dasharray="${s.dash}"` : ''}/>`;
  }
  for (const [m, v] of points) g += `<circle cx="${sx(m).toFixed(1)}" cy="${sy(v).toFixed(1)}" r="6" fill="#ffffff" stroke="#0d1420" stroke-width="2"/>`;
  series.forEach((s, i) => (g += `<rect x="${W - 330}" y="${10 + i * 18}" width="18" height="4" fill="${s.colour}"/><text x="${W - 305}" y="${16 + i * 18}" class="ax">${s.label}</text>`));
  g += `<text x="16" y="${PAD.t + ph / 2}" class="ax" transform="rotate(-90 16 ${PAD.t + ph / 2})" text-anchor="middle">${yLabel}</text>`;
  return `<g>${g}</g>`;
}

const none = rowsOf('dec-2010', []);
const hist = rowsOf('dec-2010', historicalActions());
const aug = rowsOf('aug-2007', []);
const augH = rowsOf('aug-2007', historicalFor(getScenario('aug-2007')) ?? []);
const augM = rowsOf('aug-2007', [
  { atMinute: 60, command: { type: 'throttleLogins', perSecond: 500 } },
  { atMinute: 70, command: { type: 'pushHotfix', fix: 'selfHealingFix', rolloutPctPerHour: 20 } },
  ...(['europe', 'na-east', 'asia-pac'] as const).map((region) => ({ atMinute: 70, command: { type: 'deployMegaSupernodes', count: 130, region, source: 'dedicated' } }) as TimedCommand),
]);
// Skype's public online counter as reported at the time (GMT), drawn as white dots: each
// figure over the model's normal for that minute (the model's normal is ~5.5 M at the peak).
const augCounter: [number, number, string][] = [[11.25 * 60, 149_608, 'counter 149,608'], [27.75 * 60, 3_150_000, '3.15 M'], [34.33 * 60, 5_000_000, '5 M'], [36 * 60, 600_000, 'relapse ~600 k']];
const augRecord: [number, string][] = augCounter.map(([m, , label]) => [m, label]);
const wantAt = (m: number) => augH.reduce((a, b) => (Math.abs(b.minute - m) < Math.abs(a.minute - m) ? b : a)).m.wantOnline;
const augPoints: [number, number][] = augCounter.map(([m, n]) => [m, n / wantAt(m)]);
const share = (r: Row) => r.m.onlineUsers / r.m.wantOnline;
const sn0 = none[0].m.supernodesUp;
const marks: [number, string][] = [[14 * 60, 'late Wed night PST: 15-20% healed'], [24 * 60, 'early Thu PST: majority'], [40 * 60, 'Fri: megas withdrawn']];
const decSeries = (f: 'share' | 'sn'): Series[] => [
  { label: 'dec-2010, no action', colour: '#f5a623', rows: none },
  { label: 'dec-2010, historical response', colour: '#4aa3ff', rows: hist },
].map((s) => ({ ...s, rows: s.rows })) as Series[];
const panels = [
  panel('Users online / normal for the hour (Skype post-mortem, seed 000)', decSeries('share'), share, 1, 'online', marks),
  panel('Peer supernodes serving / at the start', decSeries('sn'), (r) => r.m.supernodesUp / sn0, 1.3, 'supernodes'),
  panel('Traffic to supernodes, multiple of normal (post-mortem: ~100x)', decSeries('share'), (r) => r.m.supernodeTrafficX, 1000, 'traffic', [], true),
  panel('aug-2007 reboot storm: users online / normal', [
    { label: 'aug-2007, no action', colour: '#f5a623', rows: aug },
    { label: 'aug-2007, historical (the fix at +11 h, 20%/h)', colour: '#4aa3ff', rows: augH },
    { label: 'aug-2007, throttle + fix + 390 dedicated at +1 h', colour: '#7ee0c3', rows: augM },
    { label: "Skype's counter (dots)", colour: '#ffffff', rows: [] },
  ], share, 1, 'online', augRecord, false, augPoints),
];
// The margin (issue 7): a calm day's supernodes lost at Europe's evening peak, by how many.
const LOSSES: [number, string][] = [[0.1, '#7ee0c3'], [0.2, '#4aa3ff'], [0.3, '#b48cff'], [0.33, '#f5a623'], [0.35, '#ff5d5d']];
panels.push(panel('normal-day: supernodes lost at 16:30 GMT (Europe\'s evening peak): users online / normal', LOSSES.map(([f, colour]) => ({
  label: `${Math.round(f * 100)}% of supernodes lost`, colour,
  rows: rowsOf('normal-day', [{ atMinute: 30, command: { type: 'supernodeCrash', fraction: f } }], 8, 2),
})), share, 1, 'online', [[30, 'the loss']]));
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H * panels.length}" style="background:#0d1420">
<style>.t{fill:#e6eef8;font:600 15px sans-serif}.ax{fill:#9fb2c8;font:12px sans-serif}.mk{fill:#c8d6e5;font:11px sans-serif}.grid{stroke:#22324a;stroke-width:1}.mark{stroke:#6b7d95;stroke-dasharray:4 4}</style>
${panels.map((p, i) => `<g transform="translate(0 ${i * H})">${p}</g>`).join('\n')}</svg>`;
writeFileSync('docs/calibration.svg', svg);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: W, height: H * panels.length } });
await page.setContent(`<body style="margin:0">${svg}</body>`);
await page.screenshot({ path: 'docs/calibration.png' });
await browser.close();
console.log('wrote docs/calibration.svg and docs/calibration.png');
