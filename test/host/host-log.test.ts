// The hosts' log file (issue 9, "Logs"): the browser host writes <data-dir>/logs/web.log like
// the desktop app writes main.log; refused messages and exports and failed exports each leave
// one line there, and a hostile screen cannot fill the disk with them.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREEN_LINES_PER_MINUTE, StormLog } from '../../src/main/log';
import { startWebHost, type WebHost } from '../../src/main/host/web';
import { TestScreen } from './screen-client';

const dir = mkdtempSync(join(tmpdir(), 'storm-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const linesOf = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);

describe('StormLog lines from screens', () => {
  it('keeps at most so many a minute, then writes how many it left out', () => {
    let t = Date.parse('2010-12-22T16:00:00Z');
    const log = new StormLog(join(dir, 'limited'), () => new Date(t), { name: 'web', screenLinesPerMinute: 5 });
    for (let i = 0; i < 50; i++) log.fromScreen('warn', `refused message ${i}`);
    expect(linesOf(log.file)).toHaveLength(5);
    t += 60_000; // the next minute: the count comes first, then lines get through again
    log.fromScreen('warn', 'refused message 50');
    const lines = linesOf(log.file);
    expect(lines[5]).toBe('2010-12-22T16:01:00.000Z warn  45 more lines from screens left out (over 5 a minute)');
    expect(lines[6]).toBe('2010-12-22T16:01:00.000Z warn  refused message 50');
    for (let i = 0; i < 7; i++) log.fromScreen('warn', 'again');
    log.flush(); // the host stopping
    expect(linesOf(log.file).at(-1)).toMatch(/ 3 more lines from screens left out/);
    expect(log.file).toMatch(/web\.log$/);
  });

  it('flattens what a screen sent to one clipped line, so it cannot forge entries', () => {
    const log = new StormLog(join(dir, 'flat'), () => new Date('2010-12-22T16:00:00Z'));
    log.fromScreen('warn', `refused: "x\n2010-12-22T16:00:00.000Z error forged\r\u2028${'y'.repeat(5000)}"`);
    const lines = linesOf(log.file);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^2010-12-22T16:00:00\.000Z warn  refused: "x 2010-12-22T16:00:00\.000Z error forged y+…$/);
    expect(lines[0].length).toBeLessThan(400);
  });

  it('rolls over at its size cap, keeping one older file', () => {
    const log = new StormLog(join(dir, 'roll'), undefined, { name: 'web', maxBytes: 2000, screenLinesPerMinute: 1e6 });
    for (let i = 0; i < 300; i++) log.fromScreen('warn', `refused message ${i} ${'z'.repeat(50)}`);
    expect(statSync(log.file).size).toBeLessThan(2200);
    expect(statSync(join(dir, 'roll', 'web.old.log')).size).toBeLessThan(2200);
    expect(readFileSync(log.file, 'utf8')).toContain('refused message 299');
  });
});

describe('the browser host writes its log in its data folder', () => {
  let web: WebHost;
  const dataDir = join(dir, 'data folder é');
  beforeAll(async () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Supernode Storm</title>');
    web = await startWebHost({
      port: 0, rendererDir: dir, dataDir, scenarioId: 'normal-day', seed: 1, paused: true, log: () => {},
      printPdf: async () => {
        throw new Error('no chromium: install chromium or set CHROMIUM_PATH');
      },
    });
  });
  afterAll(() => web?.close());

  it('names the file, and logs its start', () => {
    expect(web.logFile).toBe(join(dataDir, 'logs', 'web.log'));
    expect(linesOf(web.logFile!)[0]).toMatch(/ info  Supernode Storm web host on http:\/\/127\.0\.0\.1:\d+\//);
  });

  it('a refused message, a refused order, a refused socket and a refused or failed export: one line each, no token', async () => {
    const screen = await TestScreen.open(web.url);
    await screen.request(1, { kind: 'command', id: 1, command: { type: 'setGroupVideo', enabled: 'yes' } });
    await screen.request(2, { kind: 'instructor', id: 2, act: { act: 'note', text: 'hi' } });
    screen.close();
    await expect(TestScreen.open(web.url, {}, 'role=instructor&token=guessed-wrong')).rejects.toThrow(/403/);
    expect((await fetch(`${web.url}export/report.pdf?token=guessed-wrong`)).status).toBe(403);
    expect((await fetch(`${web.url}export/report.pdf?token=${web.token}`)).status).toBe(500);
    const text = readFileSync(web.logFile!, 'utf8');
    expect(text).toMatch(/warn  refused a trainee's command message: command\.enabled: .*\n/);
    expect(text).toMatch(/warn  refused a trainee's instructor message: kind: only the instructor console may do this.*\n/);
    expect(text).toMatch(/warn  refused a WebSocket to \/ws as instructor\n/);
    expect(text).toMatch(/warn  refused an export of the pdf: no or wrong instructor token\n/);
    expect(text).toMatch(/error export of the pdf failed: no chromium: install chromium or set CHROMIUM_PATH\n/);
    expect(text).not.toContain('guessed-wrong');
    expect(text).not.toContain(web.token);
  });

  it('a screen sending refused messages in a loop leaves a bounded number of lines and a count', async () => {
    const screen = await TestScreen.open(web.url);
    const before = linesOf(web.logFile!).length;
    const n = 200;
    for (let i = 1; i < n; i++) screen.ws.send(JSON.stringify({ kind: 'command', id: i, command: { type: 'nope' } }));
    await screen.request(n, { kind: 'command', id: n, command: { type: 'nope' } });
    screen.close();
    await web.close(); // writes the count of what was left out
    const after = linesOf(web.logFile!).slice(before);
    const refusedLines = after.filter((l) => l.includes("refused a trainee's command message")).length;
    const leftOut = after.map((l) => Number(/ (\d+) more lines? from screens left out/.exec(l)?.[1] ?? 0)).reduce((a, b) => a + b, 0);
    expect(refusedLines).toBeLessThanOrEqual(2 * SCREEN_LINES_PER_MINUTE); // the flood may straddle a minute
    expect(refusedLines + leftOut).toBe(n);
    expect(after.at(-1)).toMatch(/info  web host stopped$/);
  });
});
