// The one dispatcher both hosts use: a screen's message is checked once, at the door, against
// the game the host is running, and each kind is answered with its own reply.
import { describe, expect, it } from 'vitest';
import { SimSession } from '../../src/main/session/sim-session';
import { receiveMessage } from '../../src/main/session/dispatch';

const trainee = { role: 'trainee' as const, subscribe: () => {} };

describe('receiveMessage', () => {
  it('refuses a crash wave of a client version the running scenario does not have, before the game sees it', () => {
    const s = new SimSession({ scenarioId: 'dec-2010', seed: 2, paused: true });
    const before = s.checksum();
    const bad = receiveMessage(s, JSON.stringify({ kind: 'command', id: 7, command: { type: 'crashWave', version: 'win-9.9', fraction: 0.5 } }), trainee);
    expect(bad).toMatchObject({ id: 7, reply: { ok: false, error: { field: 'command.version' } } });
    expect(bad.reply.ok || bad.reply.error.message).toContain('win-5.0.0152'); // names what the scenario has
    expect(s.checksum()).toBe(before);
    const good = receiveMessage(s, { kind: 'command', id: 8, command: { type: 'crashWave', version: 'win-5.0.0152', fraction: 0.5 } }, trainee);
    expect(good).toEqual({ id: 8, reply: { ok: true } });
    expect(s.checksum()).not.toBe(before);
  });

  it('answers listDrills with the drills and a message without an id with no id', () => {
    const s = new SimSession({ seed: 2, paused: true });
    const drills = receiveMessage(s, '{"kind":"listDrills","id":1}', trainee);
    expect(drills.reply.ok && drills.reply.data?.map((d) => d.id)).toContain('dec-2010-as-it-happened');
    expect(receiveMessage(s, '{"kind":"listDrills"}', trainee)).toMatchObject({ id: undefined, reply: { ok: false, error: { field: 'id' } } });
  });
});
