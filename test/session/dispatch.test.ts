// The one dispatcher both hosts use: a screen's message is checked once, at the door, against
// the game the host is running, each kind is answered with its own reply, and a refusal is
// one log line in the same words whichever host it came through.
import { describe, expect, it } from 'vitest';
import { SimSession } from '../../src/main/session/sim-session';
import { LiveGame } from '../../src/main/session/live-game';
import { askHost, receiveMessage } from '../../src/main/session/dispatch';
import type { EndDebrief } from '../../src/shared/end-debrief';
import type { DrillSummary } from '../../src/shared/drill-contract';
import { tinyScenario } from '../fixtures/tiny';
import { drillsDir, session } from './helpers';

const trainee = { role: 'trainee' as const, subscribe: () => {} };

describe('receiveMessage (askHost: its answer as a promise)', () => {
  it('refuses a crash wave of a client version the running scenario does not have, before the game sees it', async () => {
    const s = new SimSession({ scenarioId: 'dec-2010', seed: 2, paused: true });
    const before = s.checksum();
    const bad = await askHost(s, JSON.stringify({ kind: 'command', id: 7, command: { type: 'crashWave', version: 'win-9.9', fraction: 0.5 } }), trainee);
    expect(bad).toMatchObject({ id: 7, reply: { ok: false, error: { field: 'command.version' } } });
    expect(bad.reply.ok || bad.reply.error.message).toContain('win-5.0.0152'); // names what the scenario has
    expect(s.checksum()).toBe(before);
    const good = await askHost(s, { kind: 'command', id: 8, command: { type: 'crashWave', version: 'win-5.0.0152', fraction: 0.5 } }, trainee);
    expect(good).toEqual({ id: 8, reply: { ok: true } });
    expect(s.checksum()).not.toBe(before);
  });

  it('answers listDrills with the drills and a message without an id with no id', async () => {
    const s = new SimSession({ seed: 2, paused: true });
    const drills = await askHost(s, '{"kind":"listDrills","id":1}', trainee);
    expect(drills.reply.ok && (drills.reply.data as DrillSummary[]).map((d) => d.id)).toContain('dec-2010-as-it-happened');
    expect(await askHost(s, '{"kind":"listDrills"}', trainee)).toMatchObject({ id: undefined, reply: { ok: false, error: { field: 'id' } } });
  });

  it('answers an order at once, so a screen\'s messages land and are answered in the order sent', () => {
    const s = session();
    const answered: (number | undefined)[] = [];
    const at = (id: number | undefined) => answered.push(id);
    receiveMessage(s, { kind: 'command', id: 1, command: { type: 'setOfflineImService', enabled: false } }, trainee, at);
    receiveMessage(s, { kind: 'control', id: 2, control: { action: 'setSpeed', speed: 900 } }, trainee, at);
    expect(answered).toEqual([1, 2]);
    expect(s.recording().commands.map((c) => c.command.type)).toEqual(['setOfflineImService']);
    expect(s.status.speed).toBe(900);
  });

  it("logs each refusal once, naming the screen's role and the message's kind", async () => {
    const s = session({ drillsDir: drillsDir() });
    const lines: string[] = [];
    const screen = { ...trainee, refused: (l: string) => lines.push(l) };
    await askHost(s, { kind: 'instructor', id: 1, act: { act: 'endDrill' } }, screen);
    await askHost(s, { kind: 'control', id: 2, control: { action: 'setSpeed', speed: 13 } }, screen);
    await askHost(s, '{"kind":"teleport","id":3}', screen);
    await askHost(s, 'not json', screen);
    await askHost(s, { kind: 'control', id: 4, control: { action: 'pause' } }, screen); // accepted: no line
    expect(lines).toEqual([
      expect.stringMatching(/^refused a trainee's instructor message: kind: only the instructor console may do this.* \(not-allowed-now\)$/),
      expect.stringMatching(/^refused a trainee's control message: control\.speed: "speed" must be one of .* \(out-of-range\)$/),
      expect.stringMatching(/^refused a trainee's message: kind: unknown message kind "teleport"; known: .*endDebrief \(unknown-type\)$/),
      "refused a trainee's message: message: message is not valid JSON; send {\"kind\", \"id\", ...} (not-an-object)",
    ]);
  });

  it("answers endDebrief with the finished free game's debrief, and says why there is none before the end", async () => {
    const s = session();
    s.switchTo(LiveGame.free(tinyScenario(), 3, s.ctx));
    const early = await askHost(s, { kind: 'endDebrief', id: 1 }, trainee);
    expect(early).toEqual({ id: 1, reply: { ok: false, error: { code: 'not-allowed-now', field: 'kind', message: 'the shift is not over yet; the debrief comes on the end screen' } } });
    expect(await askHost(s, { kind: 'endDebrief', id: 2, extra: 1 }, trainee)).toMatchObject({ id: 2, reply: { ok: false, error: { code: 'unknown-field', field: 'extra' } } });
    expect(s.applyCommand({ type: 'deployMegaSupernodes', count: 2, region: 'europe', source: 'cloud' }, 'trainee')).toEqual({ ok: true });
    s.step(12 * 60);
    expect(s.status.ended).toBe(true);
    const done = await askHost(s, { kind: 'endDebrief', id: 3 }, trainee);
    if (!done.reply.ok) throw new Error(done.reply.error.message);
    const d = done.reply.data as EndDebrief; // a raw message's reply: the Bridge types it by kind
    expect(d).toMatchObject({ scenarioId: 'tiny', endMinute: 720 });
    expect(d.runs.map((r) => r.kind)).toContain('baseline');
    expect(d.orders).toEqual([expect.objectContaining({ text: expect.stringContaining('mega') })]);
    s.close();
  });
});
