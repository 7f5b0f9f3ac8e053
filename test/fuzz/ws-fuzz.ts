// WebSocket fuzzing of a running browser host: messages of every shape (valid ones mutated,
// prototype names, deep nests, huge strings, binary, broken UTF-8, oversized) sent one at a
// time by a trainee's and an instructor's screen. Each must get exactly one answer; a refusal
// must be one clear, short error and leave the game exactly as it was.
import { gunzipSync } from 'node:zlib';
import WebSocket from 'ws';
import type { HostMessage } from '../../src/shared/contract';
import type { WebHost } from '../../src/main/host/web';
import { encodeReplay } from '../../src/replay/codec';
import { record } from '../replay/helpers';
import { deepNest, int, mutateText, mutateValue, NASTY_STRINGS, pick, type Rng } from './mutate';

export interface WsFuzzStats {
  messages: number;
  accepted: number; // valid after all (the game may change; the fuzzer re-pauses it)
  refused: number; // one error reply, state unchanged
  hungUp: number; // oversized or broken UTF-8: the socket was closed with a code, the host served on
  findings: string[];
}

/** web.ts: room for a replay opened from a screen, and no more. */
const MAX_PAYLOAD = 4 * 2 ** 20;
const CODES = new Set(['not-an-object', 'unknown-type', 'missing-field', 'wrong-type', 'out-of-range', 'unknown-field', 'not-allowed-now']);

/** Valid messages of every kind: the mutants' parents. */
function baseMessages(): Record<string, unknown>[] {
  const small = encodeReplay(record('normal-day', 1, [{ atMinute: 3, command: { type: 'throttleLogins', perSecond: 800 } }])).toString('base64');
  const cmd = (command: Record<string, unknown>) => ({ kind: 'command', id: 1, command });
  const inst = (act: Record<string, unknown>) => ({ kind: 'instructor', id: 1, act });
  const rep = (act: Record<string, unknown>) => ({ kind: 'replay', id: 1, act });
  return [
    cmd({ type: 'deployMegaSupernodes', count: 10, region: 'europe', source: 'dedicated' }),
    cmd({ type: 'withdrawMegaSupernodes', count: 5, region: 'na-east' }),
    cmd({ type: 'throttleLogins', perSecond: 1000, region: 'latam' }),
    cmd({ type: 'throttleLogins', perSecond: null }),
    cmd({ type: 'pushHotfix', fix: 'imCrashFix', rolloutPctPerHour: 10 }),
    cmd({ type: 'setOfflineImService', enabled: false, capacityPct: 50 }),
    cmd({ type: 'setGroupVideo', enabled: true }),
    cmd({ type: 'crashWave', version: '5.0.0152', fraction: 0.1 }),
    cmd({ type: 'rebootStorm', fraction: 0.1, overMinutes: 30, region: 'africa-me' }),
    cmd({ type: 'serviceOutage', service: 'offlineIm', fraction: 0.5, durationMin: 10 }),
    cmd({ type: 'loginFlood', perSecond: 1000, durationMin: 5 }),
    cmd({ type: 'supernodeCrash', fraction: 0.1, region: 'asia-pac' }),
    { kind: 'control', id: 1, control: { action: 'pause' } },
    { kind: 'control', id: 1, control: { action: 'resume' } },
    { kind: 'control', id: 1, control: { action: 'setSpeed', speed: 60 } },
    { kind: 'control', id: 1, control: { action: 'newGame', scenarioId: 'normal-day', seed: 2 } },
    { kind: 'control', id: 1, control: { action: 'step', minutes: 1 } },
    { kind: 'subscribe', id: 1 },
    { kind: 'listDrills', id: 1 },
    inst({ act: 'startDrill', drillId: 'aug-2007-reboot-storm', checkMode: false }),
    inst({ act: 'endDrill' }),
    inst({ act: 'inject', command: { type: 'supernodeCrash', fraction: 0.05 } }),
    inst({ act: 'fireInject', injectId: 'patch-tuesday' }),
    inst({ act: 'bookmark', text: 'here' }),
    inst({ act: 'note', text: 'watch the queue' }),
    inst({ act: 'message', text: 'hold on' }),
    inst({ act: 'hint', text: 'throttle' }),
    rep({ act: 'open', fileName: 'fuzz.skyreplay', dataBase64: small }),
    rep({ act: 'play' }),
    rep({ act: 'pause' }),
    rep({ act: 'close' }),
    rep({ act: 'seek', tick: 100 }),
    rep({ act: 'takeOver', tick: 50 }),
    rep({ act: 'speed', speed: 60 }),
    rep({ act: 'recover', journalId: 'none.jsonl' }),
    rep({ act: 'dismissRecovery', journalId: 'none.jsonl' }),
  ];
}

type Payload = { data: string | Buffer; binary: boolean; expectClose?: boolean };

/** One hostile message. */
function mutant(rng: Rng, bases: Record<string, unknown>[]): Payload {
  const base = pick(rng, bases);
  const r = rng();
  const text = (v: unknown) => ({ data: JSON.stringify(v), binary: false });
  if (r < 0.45) return text(mutateValue(rng, base));
  if (r < 0.6) return { data: mutateText(rng, JSON.stringify(base)), binary: false };
  if (r < 0.68) return text(mutateValue(rng, mutateValue(rng, mutateValue(rng, base))));
  if (r < 0.74) return text({ ...base, kind: pick(rng, NASTY_STRINGS) });
  if (r < 0.8) { // a prototype name wherever a string picks an entry
    const name = pick(rng, ['constructor', 'toString', '__proto__', 'valueOf', 'hasOwnProperty']);
    return { data: JSON.stringify(base).replace(/"(type|action|act|kind|region|source|fix|service|scenarioId|drillId)":"[^"]*"/, `"$1":"${name}"`), binary: false };
  }
  if (r < 0.82) return text({ ...base, id: 9, junk: deepNest(30 + int(rng, 100)) });
  if (r < 0.84) { const d = 100 + int(rng, 20_000); return { data: JSON.stringify({ ...base, id: 9, junk: 0 }).replace('"junk":0', `"junk":${'[{"a":'.repeat(d)}0${'}]'.repeat(d)}`), binary: false }; }
  if (r < 0.88) return { data: `{"kind":"command","id":2,"command":${'['.repeat(int(rng, 100_000))}`, binary: false };
  if (r < 0.92) return text({ kind: 'x'.repeat(int(rng, 60_000)), id: 3 });
  if (r < 0.95) return { data: Buffer.from(Array.from({ length: int(rng, 300) }, () => int(rng, 256))), binary: true };
  if (r < 0.975) return { data: JSON.stringify(mutateValue(rng, null)), binary: false };
  if (r < 0.99) return { data: Buffer.from([0x7b, 0xc3, 0x28, 0xff, 0xfe, 0x7d]), binary: false, expectClose: true }; // broken UTF-8 in a text frame
  return { data: 'z'.repeat(MAX_PAYLOAD + 10), binary: false, expectClose: true };
}

/** A screen that answers "what came back for my last message?". */
class FuzzScreen {
  private inbox: HostMessage[] = [];
  private wake: (() => void) | null = null;
  closedWith: number | null = null;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as HostMessage;
      if (m.kind !== 'frame') this.inbox.push(m);
      this.wake?.();
    });
    ws.on('close', (code) => {
      this.closedWith = code;
      this.wake?.();
    });
    ws.on('error', () => {});
  }

  static async open(url: string): Promise<FuzzScreen> {
    const ws = new WebSocket(url, { maxPayload: 64 * 2 ** 20 });
    await new Promise<void>((resolve, reject) => (ws.once('open', () => resolve()), ws.once('error', reject)));
    return new FuzzScreen(ws);
  }

  /** Sends and waits for the one answer (or the close); `extra` is anything more that came. */
  async exchange(p: Payload, ms = 60_000): Promise<{ answer: HostMessage | null; extra: number; closed: number | null }> {
    this.inbox = [];
    this.ws.send(p.data, { binary: p.binary });
    const deadline = Date.now() + ms;
    while (this.inbox.length === 0 && this.closedWith === null && Date.now() < deadline)
      await new Promise<void>((resolve) => ((this.wake = resolve), setTimeout(resolve, 100)));
    this.wake = null;
    // Give a second answer a moment to show itself (there must never be one).
    if (this.inbox.length === 1) await new Promise((r) => setImmediate(r));
    return { answer: this.inbox[0] ?? null, extra: Math.max(0, this.inbox.length - 1), closed: this.closedWith };
  }

  close(): void {
    this.ws.terminate();
  }
}

/** Fuzzes a running host with `count` messages; the host should be paused at the start. */
export async function fuzzHost(web: WebHost, count: number, rng: Rng, onProgress?: (done: number) => void): Promise<WsFuzzStats> {
  const bases = baseMessages();
  const stats: WsFuzzStats = { messages: 0, accepted: 0, refused: 0, hungUp: 0, findings: [] };
  const wsUrl = web.url.replace(/^http/, 'ws') + 'ws';
  const urls = { trainee: wsUrl, instructor: `${wsUrl}?role=instructor&token=${web.token}` };
  const screens: Record<'trainee' | 'instructor', FuzzScreen> = { trainee: await FuzzScreen.open(urls.trainee), instructor: await FuzzScreen.open(urls.instructor) };
  await screens.trainee.exchange({ data: '{"kind":"subscribe","id":0}', binary: false }); // a watching screen, as the renderer's
  const finding = (n: number, what: string, p: Payload) => {
    if (stats.findings.length < 50) stats.findings.push(`#${n} ${what}; sent ${String(p.data).slice(0, 160)}`);
  };
  // Accepted messages may start the clock or a replay: stop both, then take the new baseline.
  const settle = async (screen: FuzzScreen) => {
    await screen.exchange({ data: '{"kind":"control","id":0,"control":{"action":"pause"}}', binary: false });
    await screen.exchange({ data: '{"kind":"replay","id":0,"act":{"act":"pause"}}', binary: false });
  };
  let baseline = web.session.checksum();
  for (let n = 0; n < count; n++) {
    const role = rng() < 0.7 ? 'trainee' : 'instructor';
    const p = mutant(rng, bases);
    if (Buffer.byteLength(p.data) > MAX_PAYLOAD) p.expectClose = true; // ws refuses it with 1009 before the host sees it
    const { answer, extra, closed } = await screens[role].exchange(p);
    stats.messages++;
    if (closed !== null) {
      if (!p.expectClose || (closed !== 1009 && closed !== 1007)) finding(n, `socket closed with ${closed} unexpectedly`, p);
      else stats.hungUp++;
      screens[role] = await FuzzScreen.open(urls[role]);
      if (web.session.checksum() !== baseline) finding(n, 'state changed by a message that closed its socket', p);
      continue;
    }
    if (!answer) {
      finding(n, 'no answer', p);
      continue;
    }
    if (extra) finding(n, `${extra + 1} answers to one message`, p);
    const reply = answer.kind === 'reply' ? answer.reply : answer.kind === 'error' ? { ok: false as const, error: answer.error } : null;
    if (!reply) {
      finding(n, `answered with a ${answer.kind}`, p);
      continue;
    }
    if (reply.ok) {
      stats.accepted++;
      await settle(screens.instructor);
      baseline = web.session.checksum();
      continue;
    }
    const e = reply.error;
    if (!CODES.has(e.code) || typeof e.field !== 'string' || typeof e.message !== 'string' || e.message.length === 0 || e.message.length > 400 || /\n\s+at /.test(e.message))
      finding(n, `unclear error ${JSON.stringify(e).slice(0, 200)}`, p);
    if (web.session.checksum() !== baseline) {
      finding(n, `refused (${e.message.slice(0, 80)}) but the state changed`, p);
      baseline = web.session.checksum();
    }
    stats.refused++;
    if (onProgress && n % 1000 === 999) onProgress(n + 1);
  }
  // Still serving: a fresh screen is answered.
  const fresh = await FuzzScreen.open(urls.trainee);
  const { answer } = await fresh.exchange({ data: '{"kind":"listDrills","id":77}', binary: false });
  if (answer?.kind !== 'reply' || !answer.reply.ok) stats.findings.push('the host did not answer a fresh screen after the fuzzing');
  for (const s of [fresh, screens.trainee, screens.instructor]) s.close();
  return stats;
}

export const decodeSmall = (b64: string) => JSON.parse(gunzipSync(Buffer.from(b64, 'base64')).toString()) as unknown;
