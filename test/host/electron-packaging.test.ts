// Packaging without Electron's binary (it cannot be downloaded here): the electron-builder
// config, and the app's resources resolved from a checkout under "sp ace ü" (the built
// out/ layout) and from a --dir package made there with a stand-in Electron that carries
// only the fuse wire, so the afterPack hook flips real fuses.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Configuration } from 'electron-builder';
import { EXTRA_RESOURCES, shippedResources } from '../../src/main/resources';

const require = createRequire(import.meta.url);
const { FUSES } = require('../../build/after-pack.cjs');
const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses');
const asar = require('@electron/asar');

const repo = process.cwd();
// A plain .js file (electron-builder loads it itself), so its type comes from electron-builder.
const config: Configuration = (await import(pathToFileURL(join(repo, 'electron-builder.js')).href)).default;
const tmp = mkdtempSync(join(tmpdir(), 'storm-pack-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('electron-builder config', () => {
  it('names the app, the .skyreplay association and its icons', () => {
    expect(config.appId).toBe('org.supernodestorm.game');
    expect(config.productName).toBe('Supernode Storm');
    const assoc = config.fileAssociations;
    expect(assoc).toEqual([expect.objectContaining({ ext: 'skyreplay', icon: 'skyreplay' })]);
    for (const f of ['skyreplay.icns', 'skyreplay.ico', 'icon.icns', 'icon.ico', 'icon.png', 'icons/256x256.png']) expect(existsSync(join('build', f)), f).toBe(true);
    expect([config.win?.icon, config.mac?.icon, config.linux?.icon].every((p) => typeof p === 'string' && existsSync(p))).toBe(true);
  });

  it('ships every extra resource that exists, where src/main/resources.ts looks for it', () => {
    const extras = config.extraResources as Array<{ from: string; to: string }>;
    for (const { from } of extras) expect(existsSync(from), from).toBe(true);
    expect(extras.map((e) => e.to).sort()).toEqual(Object.values(EXTRA_RESOURCES).sort());
    expect(existsSync(config.afterPack as string)).toBe(true);
  });

  it('turns the dangerous fuses off and the integrity fuses on', () => {
    expect(FUSES[FuseV1Options.RunAsNode]).toBe(false);
    expect(FUSES[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(FUSES[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(FUSES[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(FUSES[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
  });
});

/** The checkout's tracked files, copied under a folder with a space and a non-ASCII letter. */
function checkoutUnderAwkwardPath(): string {
  const root = join(tmp, 'sp ace ü', 'supernode-storm');
  mkdirSync(root, { recursive: true });
  for (const p of ['src', 'drills', 'assets', 'build', 'scripts', 'package.json', 'README.md', 'electron.vite.config.ts', 'electron-builder.js', 'tsconfig.base.json', 'tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.sim.json']) {
    cpSync(join(repo, p), join(root, p), { recursive: true });
  }
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}

const run = (cwd: string, args: string[]) => {
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
};

/** Electron's fuse wire and nothing else: enough for electron-builder to copy and @electron/fuses to flip. */
function standInElectron(): string {
  const dir = join(tmp, 'electron-dist');
  mkdirSync(dir, { recursive: true });
  const wire = Buffer.concat([Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, 8]), Buffer.from('11110100')]);
  writeFileSync(join(dir, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\nexit 1\n'), wire]), { mode: 0o755 });
  writeFileSync(join(dir, 'LICENSE'), 'stand-in');
  return dir;
}

describe('resources from a checkout under "sp ace ü"', () => {
  const root = checkoutUnderAwkwardPath();

  it('builds, and finds every resource in the out/ layout', () => {
    const build = run(root, ['node_modules/electron-vite/bin/electron-vite.js', 'build']);
    expect(build.status, build.out).toBe(0);
    const r = shippedResources(join(root, 'out', 'main'), false);
    for (const p of [r.preloadPath, join(r.rendererDir, 'index.html'), r.readme, join(r.drillsDir, 'dec-2010-as-it-happened.json'), join(r.scenariosDir, 'dec-2010.json'), join(r.iconsDir, '256x256.png')]) {
      expect(existsSync(p), p).toBe(true);
    }
    // No node_modules ship (electron-builder.js), so main may load only Electron and Node's own
    // modules: electron-vite leaves every package in "dependencies" (tsx, playwright-core, ws...) unbundled.
    for (const f of readdirSync(join(root, 'out', 'main')).filter((n) => n.endsWith('.js'))) {
      const code = readFileSync(join(root, 'out', 'main', f), 'utf8');
      const specs = [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["']([^"']+)["']/g)].map((m) => m[1]);
      expect(specs.filter((s) => !s.startsWith('.') && s !== 'electron' && !isBuiltin(s)), f).toEqual([]);
    }
    const assets = readdirSync(join(r.rendererDir, 'assets'));
    expect(assets.filter((f) => f.endsWith('.wav'))).toHaveLength(readdirSync('assets/sounds').filter((f) => f.endsWith('.wav')).length);
    expect(assets.filter((f) => f.endsWith('.woff2'))).toHaveLength(readdirSync('assets/fonts').filter((f) => f.endsWith('.woff2')).length);
  }, 240_000);

  it('records a drill with the CLI there (DRILLS_DIR survives the space)', () => {
    const out = join(root, 'drill ü.skyreplay');
    // One sim-hour: the drill is found (or not) before a tick runs; the whole drill adds only minutes.
    const rec = run(root, ['node_modules/tsx/dist/cli.mjs', 'src/cli/replay.ts', 'record', '--drill', 'dec-2010-as-it-happened', '--hours', '1', '--out', out]);
    expect(rec.status, rec.out).toBe(0);
    expect(existsSync(out)).toBe(true);
  }, 240_000);

  it('packs a --dir app whose resources sit where the app looks, with the fuses flipped', async () => {
    const electronVersion = require('electron/package.json').version;
    const pack = run(root, ['node_modules/electron-builder/cli.js', '--linux', 'dir', '--publish', 'never', `-c.electronDist=${standInElectron()}`, `-c.electronVersion=${electronVersion}`]);
    expect(pack.status, pack.out).toBe(0);
    const resources = join(root, 'dist', 'linux-unpacked', 'resources');
    const r = shippedResources(join(resources, 'app.asar', 'out', 'main'), true, resources);
    for (const p of [r.readme, join(r.drillsDir, 'aug-2007-reboot-storm.json'), join(r.scenariosDir, 'normal-day.json'), join(r.iconsDir, '512x512.png')]) {
      expect(existsSync(p), p).toBe(true);
    }
    const packed = asar.listPackage(join(resources, 'app.asar'), {}) as string[];
    expect(packed).toEqual(expect.arrayContaining(['/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html']));
    expect(packed.some((f) => f.startsWith('/node_modules'))).toBe(false); // main bundles what it imports
    // Sounds and fonts travel inside the asar with the renderer (app:// serves them from there).
    expect(packed.filter((f) => f.startsWith('/out/renderer/assets/') && f.endsWith('.wav')).length).toBeGreaterThan(0);
    expect(packed.filter((f) => f.startsWith('/out/renderer/assets/') && f.endsWith('.woff2')).length).toBeGreaterThan(0);
    const wire = await getCurrentFuseWire(join(root, 'dist', 'linux-unpacked', 'supernode-storm'));
    expect(wire[FuseV1Options.RunAsNode]).toBe('0'.charCodeAt(0));
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe('1'.charCodeAt(0));
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe('0'.charCodeAt(0));
  }, 240_000);
});
