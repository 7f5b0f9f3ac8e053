// The static file server serves the game folder and nothing else: not by "..", and not
// through a symlink inside the folder that points out of it (issue 11, item 11).
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../src/main/host/static-files';

const base = mkdtempSync(join(tmpdir(), 'storm-static-'));
const root = join(base, 'renderer');
let server: Server;
let url: string;

beforeAll(async () => {
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Supernode Storm</title>');
  writeFileSync(join(root, 'assets', 'map.json'), '{"regions":[]}');
  writeFileSync(join(base, 'secret.txt'), 'the instructor token');
  mkdirSync(join(base, 'private'));
  writeFileSync(join(base, 'private', 'key.txt'), 'per-install key');
  symlinkSync(join(base, 'secret.txt'), join(root, 'leak.txt'));
  symlinkSync(join(base, 'private'), join(root, 'outside'));
  symlinkSync(join(root, 'assets', 'map.json'), join(root, 'map-alias.json')); // stays inside: fine
  server = createServer((req, res) => serveStatic(root, req, res, { mount: '/instructor' }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(base, { recursive: true, force: true });
});

const get = async (path: string) => {
  const r = await fetch(url + path);
  return { status: r.status, body: await r.text() };
};

describe('static files', () => {
  it('serves the game folder', async () => {
    expect(await get('/')).toMatchObject({ status: 200, body: expect.stringContaining('Supernode Storm') });
    expect(await get('/instructor/assets/map.json')).toMatchObject({ status: 200 });
    expect(await get('/map-alias.json')).toMatchObject({ status: 200, body: '{"regions":[]}' });
  });

  it('refuses a symlink to a file or a folder outside the game folder', async () => {
    for (const path of ['/leak.txt', '/outside/key.txt', '/instructor/leak.txt', '/instructor/outside/key.txt']) {
      const r = await get(path);
      expect(r.status, path).toBe(403);
      expect(r.body).not.toMatch(/token|key/);
    }
  });

  it('refuses paths that climb out by name', async () => {
    for (const path of ['/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const r = await get(path);
      expect([403, 404], path).toContain(r.status);
      expect(r.body).not.toMatch(/token/);
    }
  });
});
