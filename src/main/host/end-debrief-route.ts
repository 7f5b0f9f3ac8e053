// The trainee's end-screen debrief over HTTP (the browser host): GET /debrief/end.json (the
// EndDebrief) and GET /debrief/report.html (its report, to save). No token: it is the
// player's own finished free game, refused for drills (the instructor's) and running games.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimSession } from '../session/sim-session';
import { endDebrief, endReport } from '../session/end-debrief';
import { SECURITY_HEADERS } from './static-files';

export async function serveEndDebrief(session: SimSession, req: IncomingMessage, res: ServerResponse, warn?: (line: string) => void): Promise<void> {
  const send = (status: number, type: string, body: string, extra: Record<string, string> = {}) => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
    res.end(body);
  };
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (req.method !== 'GET') return send(405, 'text/plain; charset=utf-8', 'The debrief is fetched with GET.\n');
  try {
    if (path === '/debrief/end.json') {
      const r = await endDebrief(session, warn);
      return r.ok ? send(200, 'application/json', JSON.stringify(r.debrief)) : send(409, 'application/json', JSON.stringify({ error: r.message }));
    }
    if (path === '/debrief/report.html') {
      const r = await endReport(session, new Date().toISOString(), warn);
      return r.ok ? send(200, 'text/html; charset=utf-8', r.html, { 'Content-Disposition': `attachment; filename="${r.fileName}"` }) : send(409, 'text/plain; charset=utf-8', `No report: ${r.message}.\n`);
    }
    send(404, 'text/plain; charset=utf-8', 'No such debrief. Try /debrief/end.json or /debrief/report.html.\n');
  } catch (e) {
    send(500, 'text/plain; charset=utf-8', `Could not build the debrief: ${(e as Error).message}\n`);
  }
}
