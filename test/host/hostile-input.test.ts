// Regression cases from the hostile-input report (issue 11): one message or one small
// file must never kill the host; each gets one clear refusal and the game goes on.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../src/main/host/web';
import { loadScenarioText } from '../../src/sim';
import { check } from '../../src/sim/schema';
import { SCENARIO_SPEC } from '../../src/sim/scenario';
import { GOLDEN } from '../replay/helpers';
import { TestScreen } from './screen-client';
import { replayCli } from '../../src/cli/replay';
import { runCli } from '../cli/run-cli';

let web: WebHost;
const dir = mkdtempSync(join(tmpdir(), 'storm-hostile-'));

beforeAll(async () => {
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Supernode Storm</title>');
  web = await startWebHost({ port: 0, rendererDir: dir, dataDir: join(dir, 'data'), scenarioId: 'dec-2010', seed: 2010, paused: true, log: () => {} });
});
afterAll(async () => {
  await web?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A replay whose scenario nests 20,000 lists deep: under 1 kB gzipped (the report's was 160 bytes). */
function deepReplay(): Buffer {
  const o = JSON.parse(gunzipSync(readFileSync(GOLDEN)).toString()) as Record<string, unknown>;
  const text = JSON.stringify({ ...o, scenario: 0 }).replace('"scenario":0', `"scenario":${'['.repeat(20_000)}${']'.repeat(20_000)}`);
  return gzipSync(text, { level: 9 });
}

describe('hostile input', () => {
  it('prototype names as a control action or command type get a refusal, and the host serves on', async () => {
    const screen = await TestScreen.open(web.url); // no token: a trainee
    const before = web.session.checksum();
    const names = ['constructor', 'toString', '__proto__', 'valueOf', 'hasOwnProperty'];
    let id = 1;
    for (const name of names) {
      const control = await screen.request(id, { kind: 'control', id: id++, control: { action: name } });
      expect(control).toMatchObject({ ok: false, error: { code: 'unknown-type', field: 'control.action' } });
      const command = await screen.request(id, { kind: 'command', id: id++, command: { type: name, count: 1 } });
      expect(command).toMatchObject({ ok: false, error: { code: 'unknown-type', field: 'command.type' } });
    }
    // Still serving: a valid request is answered.
    expect(await screen.request(id, { kind: 'subscribe', id })).toEqual({ ok: true });
    expect(web.session.checksum()).toBe(before);
    screen.close();
  });

  it('an unknown field named by a 15,000-character key is named back in a few characters, wherever it sits', async () => {
    const screen = await TestScreen.open(web.url, {}, `role=instructor&token=${web.token}`);
    const key = `${'k'.repeat(15_000)}\n`;
    const before = web.session.checksum();
    const bodies = [
      { kind: 'subscribe' },
      { kind: 'command', command: { type: 'throttleLogins', perSecond: 900, [key]: 1 } },
      { kind: 'control', control: { action: 'pause', [key]: 1 } },
      { kind: 'instructor', act: { act: 'note', text: 'x', [key]: 1 } },
      { kind: 'instructor', act: { act: 'inject', command: { type: 'supernodeCrash', fraction: 0.1, [key]: 1 } } },
      { kind: 'replay', act: { act: 'play', [key]: 1 } },
    ];
    let id = 20;
    for (const body of bodies) {
      const msg = { ...body, id, ...(body.kind === 'subscribe' ? { [key]: 1 } : {}) };
      const reply = await screen.request(id++, msg);
      expect(reply, body.kind).toMatchObject({ ok: false, error: { code: 'unknown-field' } });
      if (reply.ok) continue;
      expect(reply.error.field.length, `${body.kind}: ${reply.error.field.slice(0, 60)}`).toBeLessThan(80);
      expect(reply.error.field).not.toMatch(/[\u0000-\u001f]/);
      expect(reply.error.message.length).toBeLessThanOrEqual(400);
    }
    expect(web.session.checksum()).toBe(before);
    screen.close();
  });

  it('a message nested thousands deep is refused before anything walks it', async () => {
    const screen = await TestScreen.open(web.url);
    const deep = `{"kind":"command","id":3,"command":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    expect(await screen.expectError(deep)).toMatchObject({ code: 'out-of-range', field: 'message' });
    expect(await screen.request(4, { kind: 'subscribe', id: 4 })).toEqual({ ok: true });
    screen.close();
  });

  it('the 160-byte deep replay is refused by the host with one clear error', async () => {
    const buf = deepReplay();
    expect(buf.length).toBeLessThan(1024);
    const screen = await TestScreen.open(web.url);
    const reply = await screen.request(5, { kind: 'replay', id: 5, act: { act: 'open', fileName: 'deep.skyreplay', dataBase64: buf.toString('base64') } });
    expect(reply).toMatchObject({ ok: false, error: { field: 'act.dataBase64' } });
    if (!reply.ok) expect(reply.error.message).toMatch(/nests deeper than/);
    expect(await screen.request(6, { kind: 'subscribe', id: 6 })).toEqual({ ok: true });
    screen.close();
  });

  it('npm run replay -- verify/info on the deep replay: one line, exit 2', async () => {
    const file = join(dir, 'deep.skyreplay');
    writeFileSync(file, deepReplay());
    for (const verb of ['verify', 'info']) {
      const r = await runCli(replayCli, [verb, file]); // in-process: test/cli/bin.test.ts spawns the bin entry
      expect(r.status, verb).toBe(2);
      const lines = r.stderr.split('\n').filter((l) => l.trim());
      expect(lines, verb).toHaveLength(1);
      expect(lines[0]).toMatch(/nests deeper than/);
    }
  });

  it('a scenario or drill tag naming a prototype property is refused on load', () => {
    const spec = { kind: 'oneOf', tag: 'kind', variants: { a: { kind: 'object', fields: {} } } } as const;
    expect(check(spec, { kind: 'constructor' })).toMatchObject({ path: 'kind' });
    expect(check(SCENARIO_SPEC, { __proto__: null })).not.toBeNull();
    const text = `{"id":"x","_note":${'['.repeat(3000)}${']'.repeat(3000)}}`;
    expect(() => loadScenarioText(text, 'deep.json')).toThrow(/nests deeper than/);
    expect(() => loadScenarioText('{"__proto__":{"a":1},"id":"x"}', 'proto.json')).toThrow(/__proto__/);
  });
});
