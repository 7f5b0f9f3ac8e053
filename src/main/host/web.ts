// The browser host: the same renderer and the same SimSession as the Electron app, served
// over http on 127.0.0.1 with a WebSocket at /ws. `npm run web` starts it; e2e tests call
// startWebHost in-process. Needed because Electron cannot be downloaded on our machines.
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
import { parseArgs, runAsBin, UsageError, wantsHelp, type CliStreams } from '../../cli/args';
import { StormLog } from '../log';
import { serveEndDebrief } from './end-debrief-route';
import { SCENARIO_IDS, SPEEDS } from '../../shared/contract';

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
  /** Journals go to <dataDir>/journals (crash recovery), the log file to <dataDir>/logs/web.log; unset = recorded in memory only, no log file. */
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
  /** <dataDir>/logs/web.log: warnings, refused messages and exports, failed exports; null without a data folder. */
  logFile: string | null;
  close(): Promise<void>;
}

export async function startWebHost(opts: WebHostOptions = {}): Promise<WebHost> {
  const host = opts.host ?? '127.0.0.1';
  if (!LOOPBACK.includes(host))
    throw new Error(`host ${host} would open the game to the network; only 127.0.0.1, localhost or ::1 are allowed`);
  const say = opts.log ?? ((line: string) => console.log(line));
  const file = opts.dataDir ? new StormLog(join(resolve(opts.dataDir), 'logs'), undefined, { name: 'web' }) : null;
  // Warnings go to the terminal and the file; refusals only to the file, which limits how many it keeps.
  const log = (line: string) => {
    say(line);
    file?.warn(line);
  };
  const refused = (line: string) => file?.fromScreen('warn', line);
  const root = opts.rendererDir ?? (await ensureRendererBuilt(REPO_ROOT, opts.build ?? 'auto', say));

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
  const screens = new ScreenSockets(session, opts.limits, log, undefined, refused);
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
      refused(`refused a request for another server name (Host ${req.headers.host ?? 'none'}, Origin ${req.headers.origin ?? 'none'})`);
      res.writeHead(403, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      return void res.end(`Open the game at http://127.0.0.1:${port}/\n`);
    }
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.startsWith('/export/')) return void serveExport(session, token, req, res, printPdf, (level, line) => file?.fromScreen(level, line));
    if (path.startsWith('/debrief/')) return void serveEndDebrief(session, req, res);
    serveStatic(root, req, res, { mount: '/instructor' });
  });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const role = url.pathname === '/ws' && trusted(req) ? roleOfSocket(url, token) : null;
    if (!role) {
      // The path and role only: a wrong guess at the token stays out of the log.
      refused(`refused a WebSocket to ${url.pathname} as ${url.searchParams.get('role') ?? 'trainee'}${trusted(req) ? '' : ' from another server name'}`);
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    // Room is made by closing an idle screen; the instructor always gets in.
    if (!screens.admit(role)) {
      refused(`refused a ${role}'s screen: too many screens`);
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
    file?.error(`could not start: ${(e as Error)?.message ?? String(e)}`);
    throw e;
  }
  port = (server.address() as AddressInfo).port;
  file?.info(`Supernode Storm web host on http://${host}:${port}/ (process ${process.pid}, ${process.platform})`);
  const clock = session.startClock((frame) => screens.broadcast(frame));

  const urlHost = host === '::1' ? '[::1]' : host;
  return {
    url: `http://${urlHost}:${port}/`,
    instructorUrl: `http://${urlHost}:${port}/instructor?token=${token.value}`,
    token: token.value,
    port,
    session,
    screens,
    logFile: file?.file ?? null,
    close: async () => {
      clock.stop();
      session.close();
      screens.closeAll();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      file?.flush();
      file?.info('web host stopped');
    },
  };
}

const USAGE = `Usage: npm run web -- [--port N] [--scenario dec-2010|aug-2007|normal-day] [--seed N] [--speed N] [--paused] [--rebuild|--no-build] [--data-dir DIR]
Serves the game at http://127.0.0.1:<port>/ (default ${DEFAULT_PORT}, or PORT); --port 0 picks a free port.
Prints the instructor console's address (with this session's secret token) once.
Games are journaled to DIR/journals (default ${DEFAULT_DATA_DIR}/ here), so a killed host's game can be recovered.
One host per data folder: a second host on the same DIR stops and says which process holds it.`;

const OPTIONS = {
  port: 'whole', scenario: 'string', seed: 'whole', speed: 'whole', paused: 'flag', rebuild: 'flag', 'no-build': 'flag', 'data-dir': 'string',
  reason: 'string', // set by scripts/start.mjs when Electron is unavailable
} as const;

/**
 * `npm run web`: parse flags, start, print the URL on one line, stop cleanly on Ctrl+C. Exit
 * code 0 once serving (the server keeps the process alive); bad flags: one line, 2; a start
 * that failed: one line, 1.
 */
export async function webCli(argv: string[], io: CliStreams): Promise<number> {
  try {
    await main(argv, io);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) io.stderr.write(`web: ${e.message}\n`);
    else io.stderr.write(`Supernode Storm web host could not start: ${e instanceof Error ? e.message : String(e)}\n`);
    return e instanceof UsageError ? 2 : 1;
  }
}

async function main(argv: string[], io: CliStreams): Promise<void> {
  const say = (line: string) => io.stdout.write(`${line}\n`);
  if (wantsHelp(argv, OPTIONS)) {
    say(USAGE);
    return;
  }
  const values = parseArgs(argv, OPTIONS);
  const env = process.env.PORT ?? '';
  if (env !== '' && !/^\d{1,5}$/.test(env)) throw new UsageError(`PORT must be a whole number, got "${env}"`);
  const explicitPort = values.port ?? (env === '' ? undefined : Number(env));
  // Bad values are the flags' fault (exit 2), checked before anything is built or started;
  // the seed also has to fit a replay (and a journal to recover), as a screen's new game must.
  if (explicitPort !== undefined && explicitPort > 65535) throw new UsageError(`${values.port !== undefined ? '--port' : 'PORT'} must be from 0 to 65535, got ${explicitPort}`);
  if (values.seed !== undefined && values.seed > 0xffff_ffff) throw new UsageError(`--seed must be a whole number from 0 to 4294967295, got ${values.seed}`);
  if (values.speed !== undefined && !(SPEEDS as readonly number[]).includes(values.speed))
    throw new UsageError(`--speed must be one of ${SPEEDS.join(', ')} (sim-seconds per real second), got ${values.speed}`);
  if (values.scenario !== undefined && !SCENARIO_IDS.includes(values.scenario))
    throw new UsageError(`--scenario must be one of ${SCENARIO_IDS.join(', ')}, got ${JSON.stringify(values.scenario)}`);
  const base: WebHostOptions = {
    scenarioId: values.scenario,
    seed: values.seed,
    speed: values.speed,
    paused: values.paused,
    idle: true, // the start screen first: nothing runs or is journaled until someone starts a shift
    build: values.rebuild ? 'always' : values['no-build'] ? 'never' : 'auto',
    dataDir: values['data-dir'] ?? DEFAULT_DATA_DIR,
    log: say,
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

  say(
    values.reason === 'electron-missing'
      ? `Electron could not be downloaded on this machine (offline?); serving the game in your browser instead at ${web.url}`
      : `Supernode Storm is running at ${web.url} (Ctrl+C to stop)`,
  );
  // Printed once: whoever has this address runs the drill.
  say(`Instructor console: ${web.instructorUrl} (keep it to yourself: it controls the drill)`);
  const found = web.session.recoverable.length;
  if (found) say(`${found} unfinished game${found > 1 ? 's' : ''} from an earlier run can be recovered from the start screen.`);
  const stop = () => void web!.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

runAsBin(import.meta.url, webCli);
