// The instructor's side of the browser host: a per-session secret token (printed once by
// `npm run web`), the role a WebSocket gets from it, and the export downloads it unlocks.
// A trainee's screen on the same machine must not reach the console, so the token is compared
// in constant time and never sent in a frame.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Role } from '../../shared/drill-contract';
import { buildExport, type ExportKind } from '../session/exports';
import type { SimSession } from '../session/sim-session';
import { SECURITY_HEADERS } from './static-files';

export class InstructorToken {
  readonly value: string;
  private readonly digest: Buffer;

  constructor(value?: string) {
    this.value = value ?? randomBytes(18).toString('base64url'); // 144 bits, URL-safe
    this.digest = sha256(this.value);
  }

  /** Constant time whatever the guess's length: both sides are hashed to 32 bytes first. */
  matches(guess: string | null | undefined): boolean {
    return typeof guess === 'string' && timingSafeEqual(sha256(guess), this.digest);
  }
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** `/ws` is a trainee's screen; `/ws?role=instructor&token=T` the instructor's, with the right token only. */
export function roleOfSocket(url: URL, token: InstructorToken): Role | null {
  const role = url.searchParams.get('role') ?? 'trainee';
  if (role === 'trainee') return 'trainee';
  if (role === 'instructor' && token.matches(url.searchParams.get('token'))) return 'instructor';
  return null;
}

const EXPORTS: Record<string, ExportKind> = {
  '/export/replay.skyreplay': 'replay',
  '/export/report.html': 'report',
  '/export/metrics.csv': 'csv',
  '/export/report.pdf': 'pdf',
};

/**
 * GET /export/{replay.skyreplay,report.html,metrics.csv,report.pdf}?token=T (or the header
 * `Authorization: Bearer T`): the game on screen as a download. Instructor only.
 */
export async function serveExport(
  session: SimSession,
  token: InstructorToken,
  req: IncomingMessage,
  res: ServerResponse,
  printPdf: (html: string) => Promise<Buffer>,
  /** A refused or failed export, one line for the host's log (never the token). */
  note: (level: 'warn' | 'error', line: string) => void = () => {},
): Promise<void> {
  const text = (status: number, body: string) => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(body);
  };
  const url = new URL(req.url ?? '/', 'http://x');
  const kind = EXPORTS[url.pathname];
  if (!kind) return text(404, `No such export. Try ${Object.keys(EXPORTS).join(', ')}.\n`);
  if (req.method !== 'GET') return text(405, 'Exports are downloaded with GET.\n');
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (!token.matches(url.searchParams.get('token') ?? bearer)) {
    note('warn', `refused an export of the ${kind}: no or wrong instructor token`);
    return text(403, 'Exports are for the instructor: add ?token= from the instructor link that `npm run web` printed.\n');
  }
  try {
    const file = await buildExport(session, kind, { printPdf });
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': file.contentType,
      'Content-Length': String(file.data.length),
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Cache-Control': 'no-store',
    });
    res.end(file.data);
  } catch (e) {
    note('error', `export of the ${kind} failed: ${(e as Error)?.message ?? String(e)}`);
    text(500, `Could not export ${kind}: ${(e as Error).message}\n`);
  }
}
