// An instructor-run drill in headless Chromium, two screens on one browser host: the
// instructor's console (/instructor?token=...) and a trainee's screen. The instructor starts
// a check-mode drill, fires injects, coaches and pauses while the trainee acts; the drill
// ends on a score screen; the replay is exported, opened again and seeked; the debrief
// report opens offline and its chart draws. Screenshots 10-14 land in test-results/screens/.
import type {} from '../../src/renderer/test-hooks-types'; // types window.__storm
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../src/main/host/web';
import { SimSession } from '../../src/main/session/sim-session';
import { buildExport } from '../../src/main/session/exports';
import { decodeReplay, encodeReplay } from '../../src/replay/node';
import { census } from './png';
import { ACTION_TIMEOUT_MS, drawnMinute, launchChromium, mapDrawn, mapFramed, openScreen, shoot, until, untilWith, STEP_TIMEOUT_MS, topBarCollisions } from './harness';

const DRILL = 'aug-2007-reboot-storm'; // 30 real minutes at 60x; throttles and megas only; one scripted inject
const dir = mkdtempSync(join(tmpdir(), 'storm-e2e-'));
let host: WebHost;
let browser: Browser;
let ins: Page; // the instructor's console
let tr: Page; // the trainee's screen
const errors: string[] = [];

const mode = (p: Page) => p.evaluate(() => window.__storm!.mode());
const text = (p: Page, sel: string) => p.locator(sel).textContent().then((t) => t ?? '');
const seconds = (p: Page) => p.locator('#drill-countdown').getAttribute('data-seconds').then(Number);

/**
 * A drill replay made here, headless, the way the console would make one: a scripted inject, an
 * instructor's crash, the trainee's throttle and deploy, a bookmark. The replay tests start
 * from it, so they do not depend on the drill tests before them.
 */
function makeDrillReplay(): string {
  const s = new SimSession({ paused: true });
  const ok = (r: { ok: boolean }) => expect(r.ok).toBe(true);
  ok(s.instructor({ act: 'startDrill', drillId: DRILL, checkMode: false }));
  ok(s.control({ action: 'step', minutes: 20 }));
  ok(s.instructor({ act: 'fireInject', injectId: 'late-patchers-asia' }));
  ok(s.instructor({ act: 'inject', command: { type: 'supernodeCrash', fraction: 0.1 } }));
  ok(s.applyCommand({ type: 'throttleLogins', perSecond: 500 }, 'trainee'));
  ok(s.instructor({ act: 'bookmark', text: 'Throttle in; the flood is at its peak' }));
  ok(s.control({ action: 'step', minutes: 20 }));
  ok(s.applyCommand({ type: 'deployMegaSupernodes', count: 300, region: 'europe', source: 'dedicated' }, 'trainee'));
  ok(s.control({ action: 'step', minutes: 20 }));
  ok(s.instructor({ act: 'endDrill' }));
  const path = join(dir, `${DRILL}-made.skyreplay`);
  writeFileSync(path, encodeReplay(s.recording()));
  s.close();
  return path;
}

/** Whatever an earlier test left on the host (a replay open, a drill running) goes. */
function clearHost(): void {
  const s = host.session;
  if (s.mode === 'replay') s.replayAct({ act: 'close' });
  if (s.drillRunning) s.instructor({ act: 'endDrill' });
}

/** The made replay open on the host, as if the console had opened it. */
async function replayOpen(): Promise<void> {
  clearHost();
  const r = host.session.replayAct({ act: 'open', fileName: 'made.skyreplay', dataBase64: readFileSync(madeReplay).toString('base64') });
  expect(r.ok).toBe(true);
  await until(ins, () => window.__storm!.mode()?.mode === 'replay', 'the replay to open');
  await until(tr, () => window.__storm!.mode()?.mode === 'replay', 'the trainee to watch it too');
}

let madeReplay = '';

/** A check-mode drill just started by the instructor, its clock running, the briefing read. */
async function freshDrill(): Promise<void> {
  clearHost();
  const s = host.session;
  expect(s.instructor({ act: 'startDrill', drillId: DRILL, checkMode: true }).ok).toBe(true);
  expect(s.control({ action: 'resume' }).ok).toBe(true);
  await until(tr, () => window.__storm!.mode()?.mode === 'drill' && !window.__storm!.mode()!.drill!.ended && !document.getElementById('briefing-screen')!.hidden, 'the briefing card');
  await tr.click('#briefing-go');
}

/** A drill well under way, as the instructor and trainee would have made it: injects, a message, a throttle, a bookmark, past the first hint. */
async function drillUnderWay(): Promise<void> {
  await freshDrill();
  const s = host.session;
  const ok = (r: { ok: boolean }) => expect(r.ok).toBe(true);
  ok(s.control({ action: 'pause' }));
  ok(s.instructor({ act: 'fireInject', injectId: 'late-patchers-asia' }));
  ok(s.instructor({ act: 'inject', command: { type: 'supernodeCrash', fraction: 0.1 } }));
  ok(s.instructor({ act: 'message', text: 'Logins are flooding in from restarted PCs: throttle them.' }));
  ok(s.applyCommand({ type: 'throttleLogins', perSecond: 500 }, 'trainee'));
  ok(s.instructor({ act: 'bookmark', text: 'Throttle in; the flood is at its peak' }));
  ok(s.control({ action: 'step', minutes: 66 }));
  ok(s.control({ action: 'setSpeed', speed: 300 }));
  ok(s.control({ action: 'resume' }));
  await until(tr, () => (window.__storm!.view()?.minute ?? 0) >= 66 && window.__storm!.status()?.paused === false, 'the drill under way');
  await until(ins, () => document.querySelectorAll('#console-timeline li[data-source="trainee"]').length > 0, 'the console to show it');
}

/** The HTML report of the made replay, exported the way the console's button has the host export it. */
async function exportedReport(): Promise<string> {
  const s = new SimSession({ paused: true, idle: true });
  try {
    expect(s.replayAct({ act: 'open', fileName: 'made.skyreplay', dataBase64: readFileSync(madeReplay).toString('base64') }).ok).toBe(true);
    const f = await buildExport(s, 'report');
    const path = join(dir, f.fileName);
    writeFileSync(path, f.data);
    return path;
  } finally {
    s.close();
  }
}

/** Saves what clicking `selector` downloads; returns its path. */
async function download(p: Page, selector: string): Promise<string> {
  // The host builds the file first (the PDF in its own Chromium): as long as any busy action may take.
  const [dl] = await Promise.all([p.waitForEvent('download', { timeout: ACTION_TIMEOUT_MS }), p.click(selector)]);
  const path = join(dir, dl.suggestedFilename());
  await dl.saveAs(path);
  return path;
}

// Generous: a busy 2-core machine runs two Chromium pages and a host here.
describe('an instructor-run drill, its replay and its debrief', { timeout: STEP_TIMEOUT_MS }, () => {
  beforeAll(async () => {
    madeReplay = makeDrillReplay();
    host = await startWebHost({ port: 0, paused: true, idle: true, log: () => {} });
    browser = await launchChromium();
    [ins, tr] = await Promise.all([
      openScreen(browser, host.instructorUrl, errors, { width: 1440, height: 900 }),
      openScreen(browser, host.url, errors),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens the console for the instructor and lists the drills for the trainee', async () => {
    expect(await ins.evaluate(() => window.__storm!.role())).toBe('instructor');
    expect(await tr.evaluate(() => window.__storm!.role())).toBe('trainee');
    expect(await ins.locator('#console').isVisible()).toBe(true);
    expect(await ins.locator('#start-screen').isVisible()).toBe(false);
    await until(ins, () => document.querySelectorAll('#drill-select option').length >= 3, 'the drill picker to fill');
    await until(tr, () => document.querySelectorAll('#start-drills li').length >= 3, 'the drills on the start screen');
    expect(await tr.locator('#start-replay-file-button').isVisible()).toBe(true);
    expect(await tr.locator('#console').count()).toBe(0); // the trainee never gets the console
  });

  it('starts a check-mode drill: briefing, countdown and the clock lock on the trainee\'s screen', async () => {
    clearHost();
    await until(tr, () => window.__storm!.mode()?.mode !== 'drill' && !document.getElementById('start-screen')!.hidden, 'the trainee\'s start screen');
    await until(ins, () => document.querySelectorAll('#drill-select option').length >= 3, 'the drill picker to fill');
    await ins.selectOption('#drill-select', DRILL);
    await ins.check('#check-mode');
    await ins.click('#start-drill');
    await until(tr, () => !document.getElementById('briefing-screen')!.hidden, 'the briefing card');
    expect(await text(ins, '#start-drill-error')).toBe(''); // read once the drill is on: a refusal would have come first
    expect(await tr.locator('#start-screen').isVisible()).toBe(false);
    expect(await text(tr, '#briefing-rules')).toMatch(/check mode/i);
    expect(await text(tr, '#briefing-clock')).toMatch(/stopped until your instructor/);
    expect(await text(tr, '#drill-countdown')).toBe('30:00');
    expect(await tr.locator('#check-lock').isVisible()).toBe(true);
    // The badge squeezes the top bar: in the smallest window the game's name wraps, not runs under the counter.
    const size = tr.viewportSize()!;
    await tr.setViewportSize({ width: 960, height: 600 });
    await mapFramed(tr, { width: 960, height: 600 });
    expect(await topBarCollisions(tr)).toEqual([]);
    await tr.setViewportSize(size);
    await mapFramed(tr, size);
    expect(await tr.locator('#pause-button').isDisabled()).toBe(true);
    const locked = tr.locator('#verb-tabs button[data-tab="offline-im"]');
    expect(await locked.isDisabled()).toBe(true);
    expect(await locked.getAttribute('title')).toMatch(/not part of this drill/i);

    await tr.click('#briefing-go');
    await tr.keyboard.press(' '); // the trainee tries to pause: check mode says no
    expect(await text(tr, '#action-status')).toMatch(/check mode/i);
    expect((await tr.evaluate(() => window.__storm!.status()))!.paused).toBe(true);

    await ins.click('#start-clock');
    await until(tr, () => Number(document.getElementById('drill-countdown')!.dataset.seconds) < 1800, 'the countdown to run');
    expect(await tr.locator('#drill-countdown').getAttribute('data-state')).toBe('running');
  });

  it('fires injects and coaches while the trainee acts', async () => {
    await freshDrill();
    await ins.click('#console-speed-300');
    await until(ins, () => window.__storm!.status()!.speed === 300, 'five sim-minutes per second');
    // Then held still while the two screens are used: two pages drawing a drill at 300x made this
    // step outlast its 4 minutes on a loaded machine (every click waits for a busy page).
    // Injects, coaching and orders work on a held clock; the hint is reached by a step below.
    expect(host.session.control({ action: 'pause' }).ok).toBe(true);
    await until(tr, () => window.__storm!.status()?.paused === true, 'the held clock');

    await ins.click('#fire-inject-late-patchers-asia');
    await until(ins, () => document.getElementById('fire-inject-late-patchers-asia')?.textContent === 'Fired', 'the scripted inject to fire');

    await ins.selectOption('#inject-verb', 'supernodeCrash');
    await ins.fill('#inject-fraction', '2');
    await ins.click('#inject-fire');
    await until(ins, () => document.getElementById('inject-fraction-error')!.textContent !== '', 'the refusal beside the field');
    expect(await text(ins, '#inject-fraction-error')).toMatch(/between 0 and 1/);
    await ins.fill('#inject-fraction', '0.1');
    await ins.click('#inject-fire');
    await until(ins, () => /Supernode crash/.test(document.getElementById('inject-status')!.textContent ?? ''), 'the supernode crash to fire');
    expect(await text(ins, '#inject-fraction-error')).toBe('');

    await ins.fill('#coach-text', 'Logins are flooding in from restarted PCs: throttle them.');
    await ins.click('#coach-message');
    await until(tr, () => /throttle them/.test(document.getElementById('drill-toast-text')?.textContent ?? ''), 'the message on the trainee\'s screen');
    expect(await tr.locator('#drill-messages li[data-kind="message"]').count()).toBe(1);

    await tr.keyboard.press('t');
    expect(await tr.evaluate(() => document.activeElement?.id)).toBe('throttle-rate');
    await tr.fill('#throttle-rate', '500');
    await tr.click('#throttle-button');
    await until(tr, () => document.getElementById('action-status')!.textContent!.startsWith('✓'), 'the throttle to be accepted');
    await until(ins, () => document.querySelectorAll('#console-timeline li[data-source="trainee"]').length > 0, 'the trainee\'s order on the console timeline');
    expect(await ins.locator('#console-timeline li[data-source="instructor"]').count()).toBeGreaterThanOrEqual(2);

    await ins.fill('#coach-text', 'Throttle in; the flood is at its peak');
    await ins.click('#coach-bookmark');
    await until(ins, () => /bookmark added/.test(document.getElementById('coach-status')!.textContent ?? ''), 'the bookmark');

    // The drill's first hint falls due at minute 65: recorded for the instructor, never shown in check mode.
    // The host skips ahead to it rather than the test waiting for it at 300x.
    expect(host.session.control({ action: 'step', minutes: Math.max(1, 66 - host.session.minute()) }).ok).toBe(true);
    await until(ins, () => (window.__storm!.mode()?.instructor?.marks ?? []).some((m) => m.kind === 'hint'), 'the scheduled hint', 60_000);
    // The trainee's screen has drawn that moment too: a hint shown to it would be there by now.
    await drawnMinute(tr, host.session.minute());
    expect((await mode(tr))!.drill!.messages.every((m) => m.kind !== 'hint')).toBe(true);
    expect(await tr.locator('#drill-messages li[data-kind="hint"]').count()).toBe(0);
  });

  it('pauses: the trainee sees the clock stop and can still give orders', async () => {
    await drillUnderWay();
    await ins.click('#console-pause');
    await until(tr, () => document.getElementById('drill-countdown')!.dataset.state === 'paused', 'the paused countdown');
    expect(await text(tr, '#drill-clock-state')).toMatch(/paused/);
    const held = await seconds(tr);
    const drawn = await tr.evaluate(() => window.__storm!.applied);

    await tr.keyboard.press('m');
    await tr.fill('#deploy-count', '300');
    await tr.selectOption('#deploy-region', 'europe');
    await tr.click('#deploy-button');
    await until(tr, () => /mega-supernodes/.test(document.getElementById('action-status')!.textContent ?? ''), 'the deploy to be accepted');
    // The order comes back in a frame while the clock stands: the countdown does not move with it.
    await untilWith(tr, (n) => window.__storm!.applied > n && window.__storm!.view()!.orders.some((o) => o.kind === 'mega'), drawn, 'the order drawn on the paused screen');
    expect(await seconds(tr)).toBe(held);
    expect(await tr.locator('#drill-countdown').getAttribute('data-state')).toBe('paused');
    await tr.keyboard.press('o'); // not in this drill
    expect(await text(tr, '#action-status')).toMatch(/not part of this drill/i);
    await until(ins, () => document.querySelectorAll('#console-timeline li[data-source="trainee"]').length >= 2, 'the deploy on the console timeline');
    await ins.locator('#console').evaluate((el) => (el.scrollTop = 0));
    await mapDrawn(ins);
    await mapDrawn(tr);
    await shoot(ins, '10-instructor');
    await shoot(tr, '11-trainee-drill');
  });

  it('ends the drill on a score screen that breaks the score down', async () => {
    await drillUnderWay();
    await ins.click('#end-drill');
    await until(tr, () => !document.getElementById('score-screen')!.hidden, 'the score screen');
    const score = (await mode(tr))!.drill!.score!;
    expect(score).not.toBeNull();
    expect(await text(tr, '#score-total')).toBe(String(score.total));
    expect(await text(tr, '#score-max')).toContain(String(score.maxTotal));
    expect(await tr.locator('#score-rows tr').count()).toBe(score.objectives.length + score.penalties.length);
    expect(await text(tr, '#score-reason')).toMatch(/ended by your instructor/);
    // The console is another screen: it draws the end when its own frame comes.
    await untilWith(ins, (t) => (document.getElementById('console-drill-result')!.textContent ?? '').includes(`score ${t}`), score.total, 'the score on the console');
    await shoot(tr, '12-score');
  });

  it('exports the replay and the report from the console', async () => {
    await drillUnderWay();
    expect(host.session.instructor({ act: 'endDrill' }).ok).toBe(true);
    await until(ins, () => window.__storm!.mode()?.drill?.ended === true, 'the drill to end');
    const replayPath = await download(ins, '#export-replay');
    expect(replayPath).toMatch(/aug-2007-reboot-storm.*\.skyreplay$/);
    expect([...readFileSync(replayPath).subarray(0, 2)]).toEqual([0x1f, 0x8b]); // gzip
    const reportPath = await download(ins, '#export-report');
    expect(readFileSync(reportPath, 'utf8')).toMatch(/^<!doctype html>/i);
    const pdf = await download(ins, '#export-pdf'); // printed by the host's own Chromium
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await text(ins, '#export-error')).toBe('');
  });

  it('opens the replay and seeks by click, drag and timeline entry', async () => {
    clearHost();
    await ins.setInputFiles('#console-replay-file', madeReplay);
    await until(ins, () => window.__storm!.mode()?.mode === 'replay', 'the replay to open');
    await until(tr, () => window.__storm!.mode()?.mode === 'replay', 'the trainee to watch it too');
    expect(await tr.locator('#replay-bar').isVisible()).toBe(true);
    expect(await ins.locator('#replay-track .mark.bookmark').count()).toBe(1);
    expect(await ins.locator('#replay-track .rb-ticks i').count()).toBeGreaterThanOrEqual(4); // 2 injects, throttle, deploy
    const end = (await mode(ins))!.replay!.endTick;
    const tickNow = () => mode(ins).then((m) => m!.replay!.tick);

    const box = (await ins.locator('#replay-track').boundingBox())!;
    const at = (f: number) => ({ x: box.x + box.width * f, y: box.y + box.height / 2 + 6 });
    await ins.mouse.click(at(0.5).x, at(0.5).y);
    await until(ins, () => window.__storm!.mode()!.replay!.tick > 0, 'the seek to land');
    expect(Math.abs((await tickNow()) - end * 0.5)).toBeLessThan(end * 0.02);

    await ins.mouse.move(at(0.2).x, at(0.2).y);
    await ins.mouse.down();
    for (const f of [0.35, 0.5, 0.65, 0.8]) await ins.mouse.move(at(f).x, at(f).y, { steps: 3 });
    await ins.mouse.up();
    await until(ins, () => { const r = window.__storm!.mode()!.replay!; return Math.abs(r.tick - r.endTick * 0.8) < r.endTick * 0.02; }, 'the drag to land near 80%');

    await ins.click('#console-timeline li[data-source="bookmark"]');
    const mark = (await mode(ins))!.replay!.marks!.find((m) => m.kind === 'bookmark')!;
    await until(ins, () => window.__storm!.mode()!.replay!.tick === Number(document.querySelector<HTMLElement>('#console-timeline li[data-source="bookmark"]')!.dataset.tick), 'the seek to the bookmark');
    expect(await tickNow()).toBe(mark.tick);

    await ins.click('#replay-play');
    await until(ins, () => window.__storm!.mode()!.replay!.playing, 'playback');
    await untilWith(ins, (t) => window.__storm!.mode()!.replay!.tick > t, mark.tick, 'playback to move on from the bookmark');
    await ins.click('#replay-play');
    await until(ins, () => !window.__storm!.mode()!.replay!.playing, 'the pause');
    expect(await tickNow()).toBeGreaterThan(mark.tick);
    expect(await ins.locator('#replay-error').isVisible()).toBe(false);
    const paused = await tickNow();
    await untilWith(tr, (t) => window.__storm!.mode()?.replay?.tick === t, paused, 'the trainee at the same moment');
    await mapDrawn(ins);
    await mapDrawn(tr);
    await shoot(ins, '13-replay');
    await shoot(tr, '13-replay-trainee');

    // A damaged file is refused with the reason, and the open replay stays.
    const broken = join(dir, 'broken.skyreplay');
    writeFileSync(broken, readFileSync(madeReplay).subarray(0, 40));
    await ins.setInputFiles('#console-replay-file', broken);
    await until(ins, () => document.getElementById('console-replay-file-error')!.textContent !== '', 'the refusal of a damaged file');
    expect((await mode(ins))!.mode).toBe('replay');
  });

  it('takes over from the replay\'s current moment', async () => {
    await replayOpen();
    const tick = Math.floor((await mode(ins))!.replay!.endTick / 2);
    expect(host.session.replayAct({ act: 'seek', tick }).ok).toBe(true);
    await ins.waitForFunction((t) => window.__storm!.mode()?.replay?.tick === t, tick, { timeout: 60_000 });
    await ins.click('#replay-take-over');
    await until(ins, () => window.__storm!.mode()?.mode !== 'replay', 'the take-over');
    expect((await ins.evaluate(() => window.__storm!.view()))!.tick).toBe(tick);
    await until(tr, () => document.getElementById('replay-bar')!.hidden, 'the trainee\'s replay bar to go');
  });

  it('stops a replay whose checksum disagrees, naming the tick', async () => {
    const rec = decodeReplay(readFileSync(madeReplay), 'tampered');
    const mark = rec.checksums.find((c) => c.tick > 0)!;
    mark.checksum = mark.checksum.replace(/^./, (c) => (c === '0' ? '1' : '0')); // as if another sim version computed it
    const tampered = join(dir, 'tampered.skyreplay');
    writeFileSync(tampered, encodeReplay(rec));

    // A drill running (a take-over of the drill's replay): a replay cannot replace it until it ends.
    await replayOpen();
    expect(host.session.replayAct({ act: 'takeOver', tick: Math.floor(host.session.replay!.endTick / 2) }).ok).toBe(true);
    await until(ins, () => window.__storm!.mode()?.mode === 'drill', 'the branched drill');
    await ins.setInputFiles('#console-replay-file', tampered);
    await until(ins, () => /end it first/.test(document.getElementById('console-replay-file-error')!.textContent ?? ''), 'the refusal while a drill runs');
    await ins.click('#end-drill');
    await until(ins, () => window.__storm!.mode()?.drill?.ended === true, 'the branched drill to end');
    await ins.setInputFiles('#console-replay-file', tampered);
    await until(ins, () => window.__storm!.mode()?.mode === 'replay', 'the tampered replay to open');
    await ins.selectOption('#replay-speed', '3600');
    await ins.click('#replay-play');
    await until(ins, () => !!window.__storm!.mode()?.replay?.error, 'playback to stop on the bad checksum');
    const r = (await mode(ins))!.replay!;
    expect(r.playing).toBe(false);
    expect(r.tick).toBe(mark.tick);
    expect(await text(ins, '#replay-error')).toContain(`tick ${mark.tick}`);
    await until(tr, () => !document.getElementById('replay-error')!.hidden, 'the error on the trainee\'s screen too');
    await shoot(tr, '13c-replay-diverged');

    // The trainee closes it and is back at the start screen to choose what next.
    await tr.click('#replay-close');
    await until(tr, () => window.__storm!.mode()?.mode !== 'replay' && !document.getElementById('start-screen')!.hidden, 'the start screen after closing');
    expect(errors).toEqual([]);
  });

  it('opens the exported HTML report offline, and its chart draws', async () => {
    const reportPath = await exportedReport();
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(pathToFileURL(reportPath).href);
    const lines = await page.locator('svg polyline').evaluateAll((els) => els.map((e) => ({ points: (e.getAttribute('points') ?? '').trim().split(/\s+/).length, width: e.getBoundingClientRect().width })));
    expect(lines.length).toBeGreaterThanOrEqual(2); // this run and the no-action baseline
    for (const l of lines) {
      expect(l.points).toBeGreaterThan(4); // a sample every few sim-minutes of a drill that ran a few sim-hours
      expect(l.width).toBeGreaterThan(300);
    }
    await page.locator('figure.chart svg').first().evaluate((e) => e.scrollIntoView({ block: 'center' }));
    const svg = (await page.locator('figure.chart svg').first().boundingBox())!; // the main chart, not the legend's swatches
    const img = await shoot(page, '14-report');
    const c = census(img, Math.max(0, Math.floor(svg.x)), Math.max(0, Math.floor(svg.y)), Math.min(img.width, Math.floor(svg.x + svg.width)), Math.min(img.height, Math.floor(svg.y + svg.height)));
    expect(c.blueish).toBeGreaterThan(300); // this run's curve (#1f5fbf)
    expect(c.distinctColours).toBeGreaterThan(20);
    await page.close();
  });
  it('starts a drill in a world nobody has played: New world picks a seed, a bad one is refused, the trainee runs the one typed', async () => {
    clearHost(); // last: it leaves the trainee on a drill, not the start screen
    await until(ins, () => document.querySelectorAll('#drill-select option').length >= 4, 'the drill picker to fill');
    await ins.selectOption('#drill-select', 'dec-2010-another-world');
    expect(await text(ins, '#drill-about')).toMatch(/its own world \(seed 11\), uncertain numbers ±30%/);
    await ins.click('#drill-new-world');
    const seed = await ins.inputValue('#drill-seed');
    expect(seed).toMatch(/^\d{1,10}$/);
    expect(await text(ins, '#drill-about')).toContain(`a new world (seed ${seed})`);
    await shoot(ins, 'console-new-world');
    const before = host.session.checksum();
    await ins.fill('#drill-seed', '12x');
    await ins.click('#start-drill');
    expect(await text(ins, '#start-drill-error')).toMatch(/whole number from 0 to 4294967295/);
    expect(host.session.checksum()).toBe(before); // nothing started
    // Picking a drill starts from its own world.
    await ins.selectOption('#drill-select', DRILL);
    expect(await ins.inputValue('#drill-seed')).toBe('1');
    await ins.selectOption('#drill-select', 'dec-2010-another-world');
    expect(await ins.inputValue('#drill-seed')).toBe('11');
    await ins.fill('#drill-seed', '4242');
    await ins.click('#start-drill');
    await until(tr, () => !document.getElementById('briefing-screen')!.hidden, 'the briefing card');
    expect(host.session.status.seed).toBe(4242);
    await until(tr, () => /seed 4242/.test(document.getElementById('scenario-name')!.textContent ?? ''), 'the seed on the trainee\'s top bar');
  });

});
