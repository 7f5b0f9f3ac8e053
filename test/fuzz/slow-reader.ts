// A client that sends and never reads, in its own process so only the host's memory is
// measured: 16 KB frames with a bogus kind (the report's attack: 87 -> 531 MB for 400 MB sent).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const CLIENT = `
const WebSocket = require(${JSON.stringify(require.resolve('ws'))});
const [url, total] = process.argv.slice(1);
const ws = new WebSocket(url);
ws.on('error', () => {});
ws.on('close', (code) => { console.log(JSON.stringify({ sent, code })); process.exit(0); });
let sent = 0;
ws.on('open', () => {
  ws._socket.pause(); // never read a byte the host sends
  const frame = JSON.stringify({ kind: 'x'.repeat(16 * 1024 - 40), id: 1 });
  const pump = () => {
    while (sent < Number(total) && ws.bufferedAmount < 8 * 2 ** 20) { ws.send(frame); sent += frame.length; }
    if (sent >= Number(total)) { const t = setInterval(() => { if (ws.bufferedAmount === 0) { clearInterval(t); console.log(JSON.stringify({ sent, code: null })); process.exit(0); } }, 50); return; }
    setTimeout(pump, 5);
  };
  pump();
});
`;

/** Runs the slow reader against `wsUrl` until it has sent `bytes` or been hung up on. */
export function slowReader(wsUrl: string, bytes: number): Promise<{ sent: number; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', CLIENT, wsUrl, String(bytes)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', () => {
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as { sent: number; code: number | null });
      } catch {
        reject(new Error(`slow reader said: ${out}`));
      }
    });
  });
}
