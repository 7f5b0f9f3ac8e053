// `npm start`: the desktop app, built and run as it ships (`electron-vite preview`: no dev
// server, no DevTools), when Electron is available; else the same game in the browser.
// `npm run dev` is the development mode (hot reload, DevTools).
// Electron's binary comes from GitHub, not the npm registry (and .npmrc skips install
// scripts), so on offline machines we fall back to the browser host instead of failing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules/electron');
const marker = join(root, 'node_modules/.cache/supernode-storm/electron-download-failed');
const DOWNLOAD_TIMEOUT_MS = 120_000;
const RETRY_AFTER_MS = 60 * 60 * 1000; // a failed download is not retried on every start
const args = process.argv.slice(2);

function electronBinary() {
  try {
    const rel = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim();
    const bin = join(electronDir, 'dist', rel);
    return rel && existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

function recentlyFailed() {
  try {
    return Date.now() - Number(readFileSync(marker, 'utf8')) < RETRY_AFTER_MS;
  } catch {
    return false;
  }
}

/** One quiet attempt at Electron's own download; true if a binary is there afterwards. */
function tryDownloadElectron() {
  if (!existsSync(join(electronDir, 'install.js')) || recentlyFailed()) return false;
  const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: electronDir,
    stdio: 'ignore',
    timeout: DOWNLOAD_TIMEOUT_MS,
  });
  if (r.status === 0 && electronBinary()) return true;
  try {
    mkdirSync(dirname(marker), { recursive: true });
    writeFileSync(marker, String(Date.now()));
  } catch {
    // Cannot remember the failure: we will simply try again next time.
  }
  return false;
}

/** Runs a node script as a child, passing Ctrl+C through, and exits with its code. */
function run(script, scriptArgs) {
  const child = spawn(process.execPath, [script, ...scriptArgs], { cwd: root, stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('error', (e) => fail(`could not run ${script}: ${e.message}`));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

function fail(message) {
  console.error(`Supernode Storm could not start: ${message}`);
  process.exit(1);
}

try {
  if (!existsSync(join(root, 'node_modules'))) fail('dependencies are missing; run `npm install` first.');
  if (electronBinary() || tryDownloadElectron()) {
    run(join(root, 'node_modules/electron-vite/bin/electron-vite.js'), ['preview', ...args]);
  } else {
    // web.ts prints the one line: Electron is unavailable, and the URL to open instead.
    run(join(root, 'node_modules/tsx/dist/cli.mjs'), [join(root, 'src/main/host/web.ts'), '--reason', 'electron-missing', ...args]);
  }
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}
