// The browser host: the same renderer and the same SimSession as the Electron app, served
// over http on 127.0.0.1 with a WebSocket at /ws. `npm run web` starts it; e2e tests call
// startWebHost in-process. Needed because Electron cannot be downloaded on our machines.
import { realpathSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';
import { SimSession } from '../session/sim-session';
import { renderPdf } from '../../debrief/node';
import { ensureRendererBuilt, type BuildMode } from './build-renderer';
import { ScreenSockets } from './screen-sockets';
import type { ScreenLimits } from './screen-quota';
import { SECURITY_HEADERS, serveStatic } from './static-files';
import { InstructorToken, roleOfSocket, serveExport } from './instructor-access';

export const DEFAULT_PORT = 5173;
const LOOPBACK = ['127.0.0.1', 'localhost', '::1'];
const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** `npm run web` journals games here (under the current folder) unless --data-dir says otherwise. */
export const DEFAULT_DATA_DIR = '.supernode-storm';

export interface WebHostOptions {
  port?: number; // 0 = any free port
  host?: string; // loopback only: LAN access is not built yet
  scenarioId?: string;
  seed?: number;
  speed?: number;
  paused?: boolean;
  /** Start with nothing running or journaled until a screen starts a shift (`npm run web` does). */
  idle?: boolean;
  rendererDir?: string; // serve this folder instead of out/renderer (tests)
  build?: BuildMode; // for out/renderer: 'auto' builds when missing or stale
  log?: (line: string) => void;
  /** Journals go to <dataDir>/journals (crash recovery); unset = recorded in memory only. */
  dataDir?: string | null;
  drillsDir?: string; // drills/ by default
  /** The instructor's secret for this session; random unless given (tests). */
  instructorToken?: string;
  /** Prints the debrief to PDF; Chromium via playwright-core by default. */
  printPdf?: (html: string) => Promise<Buffer>;
  /** What one screen may cost the host (screen-quota.ts); the defaults suit a training room. */
  limits?: Partial<ScreenLimits>;
}

export interface WebHost {
  url: string;
  /** The instructor console, token included: http://127.0.0.1:PORT/instructor?token=T */
  instructorUrl: string;
  token: string;
  port: number;
  session: SimSession;
  /** The connected screens (their count, what waits unsent, who was cut off). */
  screens: ScreenSockets;
  close(): Promise<void>;
}

export async function startWebHost(opts: WebHostOptions = {}): Promise<WebHost> {
  const host = opts.host ?? '127.0.0.1';
  if (!LOOPBACK.includes(host))
    throw new Error(`host ${host} would open the game to the network; only 127.0.0.1, localhost or ::1 are allowed`);
  const log = opts.log ?? ((line: string) => console.log(line));
  const root = opts.rendererDir ?? (await ensureRendererBuilt(REPO_ROOT, opts.build ?? 'auto', log));

  const session = new SimSession({
    scenarioId: opts.scenarioId,
    seed: opts.seed,
    speed: opts.speed,
    paused: opts.paused,
    idle: opts.idle,
    journalDir: opts.dataDir ? join(resolve(opts.dataDir), 'journals') : null,
    drillsDir: opts.drillsDir,
    warn: log,
  });
  const token = new InstructorToken(opts.instructorToken);
  const printPdf = opts.printPdf ?? ((html: string) => renderPdf(html));
  const screens = new ScreenSockets(session, opts.limits, log);
  // Room for a replay opened from a screen (validate.ts: MAX_REPLAY_MESSAGE_CHARS).
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4 * 2 ** 20 });
  let port = opts.port ?? DEFAULT_PORT;

  // Another web page in the player's browser must not drive the game: Host and Origin
  // must name this server (also defeats DNS rebinding).
  const trusted = (req: IncomingMessage): boolean => {
    const names = LOOPBACK.map((h) => (h.includes(':') ? `[${h}]:${port}` : `${h}:${port}`));
    if (!names.includes(req.headers.host ?? '')) return false;
    const origin = req.headers.origin;
    return origin === undefined || names.some((n) => origin === `http://${n}`);
  };

  const server = createServer((req, res) => {
    if (!trusted(req)) {
      res.writeHead(403, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      return void res.end(`Open the game at http://127.0.0.1:${port}/\n`);
    }
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.startsWith('/export/')) return void serveExport(session, token, req, res, printPdf);
    serveStatic(root, req, res, { mount: '/instructor' });
  });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const role = url.pathname === '/ws' && trusted(req) ? roleOfSocket(url, token) : null;
    if (!role) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    // Room is made by closing an idle screen; the instructor always gets in.
    if (!screens.admit(role)) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\nToo many screens are watching this game; close one and try again.\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => screens.attach(ws, role));
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    session.close(); // its journal holds nothing yet
    throw e;
  }
  port = (server.address() as AddressInfo).port;
  const clock = session.startClock((frame) => screens.broadcast(frame));

  const urlHost = host === '::1' ? '[::1]' : host;
  return {
    url: `http://${urlHost}:${port}/`,
    instructorUrl: `http://${urlHost}:${port}/instructor?token=${token.value}`,
    token: token.value,
    port,
    session,
    screens,
    close: async () => {
      clock.stop();
      session.close();
      screens.closeAll();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const USAGE = `Usage: npm run web -- [--port N] [--scenario dec-2010|aug-2007|normal-day] [--seed N] [--speed N] [--paused] [--rebuild|--no-build] [--data-dir DIR]
Serves the game at http://127.0.0.1:<port>/ (default ${DEFAULT_PORT}, or PORT); --port 0 picks a free port.
Prints the instructor console's address (with this session's secret token) once.
Games are journaled to DIR/journals (default ${DEFAULT_DATA_DIR}/ here), so a killed host's game can be recovered.
One host per data folder: a second host on the same DIR stops and says which process holds it.`;

/** `npm run web`: parse flags, start, print the URL on one line, stop cleanly on Ctrl+C. */
async function main(argv: string[]): Promise<void> {
  const { parseArgs } = await import('node:util');
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      scenario: { type: 'string' },
      seed: { type: 'string' },
      speed: { type: 'string' },
      paused: { type: 'boolean' },
      rebuild: { type: 'boolean' },
      'no-build': { type: 'boolean' },
      'data-dir': { type: 'string' },
      reason: { type: 'string' }, // set by scripts/start.mjs when Electron is unavailable
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void console.log(USAGE);
  const int = (name: string, s: string | undefined): number | undefined => {
    if (s === undefined || s === '') return undefined;
    if (!/^\d+$/.test(s)) throw new Error(`--${name} must be a whole number, got "${s}"`);
    return Number(s);
  };
  const explicitPort = int('port', values.port ?? process.env.PORT);
  const base: WebHostOptions = {
    scenarioId: values.scenario,
    seed: int('seed', values.seed),
    speed: int('speed', values.speed),
    paused: values.paused,
    idle: true, // the start screen first: nothing runs or is journaled until someone starts a shift
    build: values.rebuild ? 'always' : values['no-build'] ? 'never' : 'auto',
    dataDir: values['data-dir'] ?? DEFAULT_DATA_DIR,
  };

  // The default port may be taken (another Vite): try the next few; an explicit one must be exact.
  const ports = explicitPort !== undefined ? [explicitPort] : Array.from({ length: 10 }, (_, i) => DEFAULT_PORT + i);
  let web: WebHost | undefined;
  for (const port of ports) {
    try {
      web = await startWebHost({ ...base, port });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
      if (explicitPort !== undefined) throw new Error(`port ${port} is in use; pass --port 0 for any free port, or another number`);
      base.build = 'never'; // built on the first try already
    }
  }
  if (!web) throw new Error(`ports ${ports[0]}-${ports[ports.length - 1]} are all in use; pass --port 0 for any free port`);

  console.log(
    values.reason === 'electron-missing'
      ? `Electron could not be downloaded on this machine (offline?); serving the game in your browser instead at ${web.url}`
      : `Supernode Storm is running at ${web.url} (Ctrl+C to stop)`,
  );
  // Printed once: whoever has this address runs the drill.
  console.log(`Instructor console: ${web.instructorUrl} (keep it to yourself: it controls the drill)`);
  const found = web.session.recoverable.length;
  if (found) console.log(`${found} unfinished game${found > 1 ? 's' : ''} from an earlier run can be recovered from the start screen.`);
  const stop = () => void web!.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const invokedDirectly = (): boolean => {
  try {
    return realpathSync(process.argv[1] ?? '') === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
};
if (invokedDirectly()) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(`Supernode Storm web host could not start: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
