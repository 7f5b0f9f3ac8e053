// validateClientMessage: the gate both hosts put in front of the session.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { MAX_MESSAGE_CHARS, validateClientMessage } from '../../src/shared/validate';
import { MESSAGE_FIELDS, type FieldsOf, type MessageKind } from '../../src/shared/contract';

describe('validateClientMessage', () => {
  it('accepts each kind, from an object or from JSON text', () => {
    const cmd = { kind: 'command', id: 4, command: { type: 'pushHotfix', fix: 'imCrashFix', rolloutPctPerHour: 20 } };
    expect(validateClientMessage(cmd)).toEqual({ ok: true, value: cmd });
    expect(validateClientMessage(JSON.stringify(cmd))).toEqual({ ok: true, value: cmd });
    expect(validateClientMessage('{"kind":"subscribe","id":0}')).toEqual({ ok: true, value: { kind: 'subscribe', id: 0 } });
    const ng = { kind: 'control', id: 1, control: { action: 'newGame', scenarioId: 'aug-2007', seed: 4294967295 } };
    expect(validateClientMessage(ng)).toEqual({ ok: true, value: ng });
  });

  it('knows every kind the contract has, with every field it declares (MESSAGE_FIELDS is the one list)', () => {
    // Checked by `npm run typecheck`: a field added to a ClientMessage kind but not listed fails here.
    expectTypeOf<{ [K in MessageKind]: FieldsOf<K> }>().toEqualTypeOf<{ [K in MessageKind]: (typeof MESSAGE_FIELDS)[K][number] }>();
    for (const kind of Object.keys(MESSAGE_FIELDS)) {
      const v = validateClientMessage({ kind, id: 1, extra: true });
      expect(v, kind).toMatchObject({ ok: false, kind, error: { code: 'unknown-field', field: 'extra' } });
    }
    expect(validateClientMessage({ kind: 'endDebrief', id: 2 })).toEqual({ ok: true, value: { kind: 'endDebrief', id: 2 } });
    expect(validateClientMessage({ kind: 'toString', id: 3 })).toMatchObject({ ok: false, error: { code: 'unknown-type', message: expect.stringContaining('known: command, control, subscribe, listDrills, instructor, replay, endDebrief') } });
  });

  it('returns fresh plain copies, not the sender’s objects', () => {
    const control = { action: 'setSpeed', speed: 900 };
    const r = validateClientMessage({ kind: 'control', id: 1, control });
    expect(r.ok && r.value.kind === 'control' && r.value.control).not.toBe(control);
    const polluted = validateClientMessage('{"kind":"command","id":1,"command":{"type":"setGroupVideo","enabled":true,"__proto__":{"x":1}}}');
    expect(polluted).toMatchObject({ ok: false, error: { code: 'out-of-range', field: 'message', message: expect.stringContaining('__proto__') } });
  });

  it.each([
    ['not JSON', '{kind:', 'not-an-object', 'message', undefined],
    ['an array', [], 'not-an-object', 'message', undefined],
    ['null', null, 'not-an-object', 'message', undefined],
    ['no id', { kind: 'subscribe' }, 'missing-field', 'id', undefined],
    ['a fractional id', { kind: 'subscribe', id: 1.5 }, 'wrong-type', 'id', undefined],
    ['a negative id', { kind: 'subscribe', id: -1 }, 'wrong-type', 'id', undefined],
    ['an unknown kind', { kind: 'hack', id: 3 }, 'unknown-type', 'kind', 3],
    ['a command without a command', { kind: 'command', id: 3 }, 'not-an-object', 'command.command', 3],
    ['an unknown verb', { kind: 'command', id: 3, command: { type: 'rm' } }, 'unknown-type', 'command.type', 3],
    ['a control that is a string', { kind: 'control', id: 3, control: 'pause' }, 'not-an-object', 'control.control', 3],
    ['an unknown control', { kind: 'control', id: 3, control: { action: 'explode' } }, 'unknown-type', 'control.action', 3],
    ['a speed not offered', { kind: 'control', id: 3, control: { action: 'setSpeed', speed: 1e9 } }, 'out-of-range', 'control.speed', 3],
    ['a speed as text', { kind: 'control', id: 3, control: { action: 'setSpeed', speed: '60' } }, 'wrong-type', 'control.speed', 3],
    ['a negative seed', { kind: 'control', id: 3, control: { action: 'newGame', scenarioId: 'dec-2010', seed: -1 } }, 'out-of-range', 'control.seed', 3],
    ['no scenario', { kind: 'control', id: 3, control: { action: 'newGame', seed: 1 } }, 'missing-field', 'control.scenarioId', 3],
    ['an endless step', { kind: 'control', id: 3, control: { action: 'step', minutes: Infinity } }, 'wrong-type', 'control.minutes', 3],
    ['an extra field', { kind: 'control', id: 3, control: { action: 'pause' }, sudo: true }, 'unknown-field', 'sudo', 3],
  ])('refuses %s', (_name, raw, code, field, id) => {
    const r = validateClientMessage(raw);
    expect(r).toMatchObject({ ok: false, error: { code, field } });
    if (!r.ok) {
      expect(r.id).toBe(id);
      expect(r.error.message).toMatch(/\w+ \w+/);
    }
  });

  it('refuses oversized text before parsing it', () => {
    const big = JSON.stringify({ kind: 'subscribe', id: 1, pad: 'x'.repeat(MAX_MESSAGE_CHARS) });
    expect(validateClientMessage(big)).toMatchObject({ ok: false, error: { code: 'out-of-range', field: 'message' } });
  });
});
