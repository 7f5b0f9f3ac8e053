// The browser host's instructor side: the console at /instructor, sockets that are the
// instructor's only with this session's token, frames per role, and export downloads.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWebHost, type WebHost } from '../../src/main/host/web';
import type { HostMessage } from '../../src/shared/contract';
import { decodeReplay } from '../../src/replay/node';
import { drillsDir } from '../session/helpers';
import { TestScreen } from './screen-client';

const TOKEN = 'test-token-0123456789';
let web: WebHost;
let pdfCalls = 0;

beforeAll(async () => {
  const rendererDir = mkdtempSync(join(tmpdir(), 'storm-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Supernode Storm</title>');
  web = await startWebHost({
    port: 0,
    rendererDir,
    paused: true,
    log: () => {},
    drillsDir: drillsDir(),
    dataDir: mkdtempSync(join(tmpdir(), 'storm-data-')),
    instructorToken: TOKEN,
    printPdf: async (html) => (pdfCalls++, Buffer.from(`%PDF-1.4 stub of ${html.length} chars`)),
  });
});
afterAll(async () => {
  await web?.close();
});

const isFrame = (m: HostMessage): m is Extract<HostMessage, { kind: 'frame' }> => m.kind === 'frame';
const socketStatus = (path: string) =>
  new Promise<number>((resolve) => {
    const s = new WebSocket(`${web.url.replace('http', 'ws')}${path}`);
    s.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    s.on('error', () => resolve(-1));
    s.on('open', () => (s.close(), resolve(101)));
  });

describe('instructor access', () => {
  it('prints a console URL with the token, and serves the same renderer at /instructor', async () => {
    expect(web.instructorUrl).toBe(`${web.url}instructor?token=${TOKEN}`);
    for (const path of ['instructor', `instructor?token=${TOKEN}`, 'instructor/']) {
      const res = await fetch(`${web.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain('Supernode Storm');
    }
    expect((await fetch(`${web.url}instructor/../../package.json`)).status).not.toBe(200);
  });

  it('lets a socket be the instructor only with the right token', async () => {
    expect(await socketStatus(`ws?role=instructor&token=${TOKEN}`)).toBe(101);
    expect(await socketStatus('ws?role=instructor&token=wrong')).toBe(403);
    expect(await socketStatus(`ws?role=instructor&token=${TOKEN}x`)).toBe(403);
    expect(await socketStatus('ws?role=instructor')).toBe(403);
    expect(await socketStatus('ws?role=admin')).toBe(403);
    expect(await socketStatus('ws')).toBe(101);
    expect(await socketStatus('ws?role=trainee')).toBe(101);
  });

  it('refuses instructor acts from a trainee, and sends the instructor view only to the instructor', async () => {
    const trainee = await TestScreen.open(web.url);
    const instructor = await TestScreen.open(web.url, {}, `role=instructor&token=${TOKEN}`);
    const before = web.session.checksum();
    expect(await trainee.request(1, { kind: 'instructor', id: 1, act: { act: 'startDrill', drillId: 'small', checkMode: true } })).toMatchObject({ ok: false, error: { code: 'not-allowed-now', field: 'kind' } });
    expect(web.session.mode).toBe('free');
    expect(web.session.checksum()).toBe(before);

    expect(await trainee.request(2, { kind: 'listDrills', id: 2 })).toMatchObject({ ok: true, data: [{ id: 'small' }] });
    await trainee.request(3, { kind: 'subscribe', id: 3 });
    await instructor.request(1, { kind: 'subscribe', id: 1 });
    expect(await instructor.request(2, { kind: 'instructor', id: 2, act: { act: 'startDrill', drillId: 'small', checkMode: true } })).toEqual({ ok: true });
    expect(await instructor.request(3, { kind: 'instructor', id: 3, act: { act: 'note', text: 'for my eyes only' } })).toEqual({ ok: true });
    expect(await trainee.request(4, { kind: 'control', id: 4, control: { action: 'resume' } })).toMatchObject({ ok: false, error: { code: 'not-allowed-now' } });
    expect(await instructor.request(4, { kind: 'control', id: 4, control: { action: 'step', minutes: 5 } })).toEqual({ ok: true });

    const drillFrame = (m: HostMessage): m is Extract<HostMessage, { kind: 'frame' }> => isFrame(m) && m.frame.mode?.mode === 'drill' && m.frame.view.minute === 5;
    const seen = (await instructor.waitFor(drillFrame)).frame;
    expect(seen.mode!.instructor!.marks).toEqual([{ tick: 0, minute: 0, kind: 'note', text: 'for my eyes only' }]);
    expect(seen.mode!.drill).toMatchObject({ drillId: 'small', checkMode: true });
    await trainee.waitFor(drillFrame);
    for (const f of trainee.frames()) expect(f.mode?.instructor, `frame ${f.seq}`).toBeUndefined();
    expect(JSON.stringify(trainee.messages)).not.toContain('for my eyes only');
    expect(JSON.stringify(trainee.messages)).not.toContain(TOKEN);

    expect(await instructor.request(5, { kind: 'instructor', id: 5, act: { act: 'endDrill' } })).toEqual({ ok: true });
    trainee.close();
    instructor.close();
  });

  it('rejects invalid drill and replay messages and changes nothing', async () => {
    const instructor = await TestScreen.open(web.url, {}, `role=instructor&token=${TOKEN}`);
    const before = web.session.checksum();
    const mode = web.session.mode;
    const bad = [
      [{ kind: 'instructor', id: 1, act: { act: 'startDrill', drillId: '../../etc', checkMode: true } }, 'act.drillId'],
      [{ kind: 'instructor', id: 2, act: { act: 'inject', command: { type: 'supernodeCrash', fraction: 7 } } }, 'act.command.fraction'],
      [{ kind: 'instructor', id: 3, act: { act: 'bookmark', text: '' } }, 'act.text'],
      [{ kind: 'instructor', id: 4, act: { act: 'hint', index: 0, text: 'both' } }, 'act.index'],
      [{ kind: 'replay', id: 5, act: { act: 'open', fileName: 'x.skyreplay', dataBase64: '***' } }, 'act.dataBase64'],
      [{ kind: 'replay', id: 6, act: { act: 'seek', tick: -1 } }, 'act.tick'],
      [{ kind: 'replay', id: 7, act: { act: 'recover', journalId: '../secret.jsonl' } }, 'act.journalId'],
      [{ kind: 'listDrills', id: 8, all: true }, 'all'],
    ] as const;
    for (const [msg, field] of bad) expect(await instructor.request(msg.id, msg), JSON.stringify(msg)).toMatchObject({ ok: false, error: { field } });
    expect(web.session.checksum()).toBe(before);
    expect(web.session.mode).toBe(mode);
    instructor.close();
  });
});

describe('exports', () => {
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${web.url}${path}`, { headers });

  it('need the token', async () => {
    expect((await get('export/replay.skyreplay')).status).toBe(403);
    expect((await get('export/replay.skyreplay?token=nope')).status).toBe(403);
    expect((await get('export/nothing.txt')).status).toBe(404);
  });

  it('download the replay (gzip), the HTML report, the metrics CSV and a PDF', async () => {
    web.session.newGame('normal-day', 3);
    web.session.applyCommand({ type: 'throttleLogins', perSecond: 4000 }, 'trainee');
    web.session.step(60);

    const replay = await get(`export/replay.skyreplay?token=${TOKEN}`);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('content-type')).toBe('application/gzip');
    expect(replay.headers.get('content-disposition')).toMatch(/^attachment; filename="supernode-storm-normal-day-.*\.skyreplay"$/);
    const bytes = Buffer.from(await replay.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    expect(JSON.parse(gunzipSync(bytes).toString('utf8')).format).toBe('skyreplay');
    const rec = decodeReplay(bytes, 'download.skyreplay');
    expect(rec).toMatchObject({ scenarioId: 'normal-day', seed: 3, endTick: 360 });
    expect(rec.commands).toEqual([{ tick: 0, source: 'trainee', command: { type: 'throttleLogins', perSecond: 4000 } }]);

    const report = await get('export/report.html', { Authorization: `Bearer ${TOKEN}` }); // how fast: npm run bench:replay
    expect(report.status).toBe(200);
    expect(report.headers.get('content-disposition')).toMatch(/attachment; filename=".*-debrief\.html"/);
    const html = await report.text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('Debrief: ');
    expect(html).toContain('Throttle logins to 4,000/s');

    const csv = await get(`export/metrics.csv?token=${TOKEN}`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect((await csv.text()).split('\n')[0]).toMatch(/^minute,utc,online_users,.*,source$/);

    const pdf = await get(`export/report.pdf?token=${TOKEN}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect((await pdf.text()).startsWith('%PDF-1.4 stub')).toBe(true);
    expect(pdfCalls).toBe(1);
  });
});
