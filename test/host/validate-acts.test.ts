// validateClientMessage for issue 4's kinds: listDrills, instructor acts, replay acts.
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS, MAX_REPLAY_MESSAGE_CHARS, validateClientMessage } from '../../src/shared/validate';
import { MAX_TEXT_CHARS } from '../../src/shared/validate-acts';

const ins = (act: unknown) => ({ kind: 'instructor', id: 7, act });
const rep = (act: unknown) => ({ kind: 'replay', id: 7, act });

describe('validateClientMessage: drills and replays', () => {
  it.each([
    [{ kind: 'listDrills', id: 1 }],
    [ins({ act: 'startDrill', drillId: 'dec-2010-as-it-happened', checkMode: true })],
    [ins({ act: 'startDrill', drillId: 'dec-2010-another-world', checkMode: false, seed: 4294967295 })],
    [ins({ act: 'endDrill' })],
    [ins({ act: 'inject', command: { type: 'loginFlood', perSecond: 60000, durationMin: 120 } })],
    [ins({ act: 'fireInject', injectId: 'botnet-login-flood' })],
    [ins({ act: 'bookmark', text: 'first megas ordered' })],
    [ins({ act: 'note', text: 'good call' })],
    [ins({ act: 'hint', index: 2 })],
    [ins({ act: 'hint', text: 'look at the login queue' })],
    [ins({ act: 'message', text: 'ten minutes left' })],
    [rep({ act: 'open', fileName: 'drill 1.skyreplay', dataBase64: 'H4sIAAAAAAAA' })],
    [rep({ act: 'play' })],
    [rep({ act: 'pause' })],
    [rep({ act: 'seek', tick: 17280 })],
    [rep({ act: 'speed', speed: 3600 })],
    [rep({ act: 'takeOver', tick: 0 })],
    [rep({ act: 'close' })],
    [rep({ act: 'recover', journalId: '2025-01-01T10-00-00Z-dec-2010.jsonl' })],
    [rep({ act: 'dismissRecovery', journalId: '2025-01-01T10-00-00Z-small-2.jsonl' })],
  ])('accepts %j, as a fresh copy', (msg) => {
    const r = validateClientMessage(JSON.stringify(msg));
    expect(r).toEqual({ ok: true, value: msg });
    const direct = validateClientMessage(msg);
    expect(direct.ok && 'act' in direct.value && direct.value.act).not.toBe((msg as { act?: unknown }).act ?? null);
  });

  it.each([
    ['listDrills with extras', { kind: 'listDrills', id: 1, filter: 'x' }, 'unknown-field', 'filter'],
    ['an instructor message without an act', { kind: 'instructor', id: 7 }, 'not-an-object', 'act.act'],
    ['an act that is text', ins('endDrill'), 'not-an-object', 'act.act'],
    ['an unknown act', ins({ act: 'launch' }), 'unknown-type', 'act.act'],
    ['a prototype act name', ins({ act: 'toString' }), 'unknown-type', 'act.act'],
    ['an extra field', ins({ act: 'endDrill', now: true }), 'unknown-field', 'act.now'],
    ['a drill id with a path', ins({ act: 'startDrill', drillId: '../x', checkMode: false }), 'out-of-range', 'act.drillId'],
    ['no checkMode', ins({ act: 'startDrill', drillId: 'x' }), 'missing-field', 'act.checkMode'],
    ['checkMode as text', ins({ act: 'startDrill', drillId: 'x', checkMode: 'yes' }), 'wrong-type', 'act.checkMode'],
    ['a seed past 32 bits', ins({ act: 'startDrill', drillId: 'x', checkMode: false, seed: 2 ** 32 }), 'out-of-range', 'act.seed'],
    ['a fractional seed', ins({ act: 'startDrill', drillId: 'x', checkMode: false, seed: 1.5 }), 'out-of-range', 'act.seed'],
    ['a seed as text', ins({ act: 'startDrill', drillId: 'x', checkMode: false, seed: '7' }), 'wrong-type', 'act.seed'],
    ['an inject of an unknown verb', ins({ act: 'inject', command: { type: 'nuke' } }), 'unknown-type', 'act.command.type'],
    ['an inject out of range', ins({ act: 'inject', command: { type: 'rebootStorm', fraction: 2 } }), 'out-of-range', 'act.command.fraction'],
    ['an inject that is not an object', ins({ act: 'inject', command: 5 }), 'not-an-object', 'act.command.command'],
    ['an empty bookmark', ins({ act: 'bookmark', text: '   ' }), 'out-of-range', 'act.text'],
    ['a bookmark as a number', ins({ act: 'note', text: 5 }), 'wrong-type', 'act.text'],
    ['an endless note', ins({ act: 'note', text: 'x'.repeat(MAX_TEXT_CHARS + 1) }), 'out-of-range', 'act.text'],
    ['a hint with neither', ins({ act: 'hint' }), 'missing-field', 'act.index'],
    ['a hint with both', ins({ act: 'hint', index: 0, text: 'x' }), 'missing-field', 'act.index'],
    ['a fractional hint index', ins({ act: 'hint', index: 1.5 }), 'out-of-range', 'act.index'],
    ['an inject id with spaces', ins({ act: 'fireInject', injectId: 'a b' }), 'out-of-range', 'act.injectId'],
    ['a replay act unknown', rep({ act: 'rewind' }), 'unknown-type', 'act.act'],
    ['a file name with a folder', rep({ act: 'open', fileName: '../x.skyreplay', dataBase64: 'AAAA' }), 'wrong-type', 'act.fileName'],
    ['an empty file', rep({ act: 'open', fileName: 'x', dataBase64: '' }), 'out-of-range', 'act.dataBase64'],
    ['bytes not in base64', rep({ act: 'open', fileName: 'x', dataBase64: 'a%b=' }), 'wrong-type', 'act.dataBase64'],
    ['a negative tick', rep({ act: 'seek', tick: -1 }), 'out-of-range', 'act.tick'],
    ['a fractional tick', rep({ act: 'takeOver', tick: 2.5 }), 'wrong-type', 'act.tick'],
    ['a tick past any scenario', rep({ act: 'seek', tick: 1e9 }), 'out-of-range', 'act.tick'],
    ['a speed not offered', rep({ act: 'speed', speed: 5 }), 'out-of-range', 'act.speed'],
    ['a journal outside the folder', rep({ act: 'recover', journalId: '../../etc/passwd.jsonl' }), 'out-of-range', 'act.journalId'],
    ['a journal id that is not a journal', rep({ act: 'dismissRecovery', journalId: 'notes.txt' }), 'out-of-range', 'act.journalId'],
  ])('refuses %s', (_name, raw, code, field) => {
    const r = validateClientMessage(raw);
    expect(r).toMatchObject({ ok: false, error: { code, field }, id: (raw as { id: number }).id });
    if (!r.ok) expect(r.error.message).toMatch(/\w+ \w+/);
  });

  it('lets only a replay carry a large file', () => {
    const data = 'A'.repeat(MAX_MESSAGE_CHARS * 4);
    expect(validateClientMessage(JSON.stringify(rep({ act: 'open', fileName: 'big.skyreplay', dataBase64: data })))).toMatchObject({ ok: true });
    expect(validateClientMessage(JSON.stringify(ins({ act: 'note', text: data })))).toMatchObject({ ok: false, error: { code: 'out-of-range', field: 'message' } });
    const huge = JSON.stringify(rep({ act: 'open', fileName: 'huge.skyreplay', dataBase64: 'A'.repeat(MAX_REPLAY_MESSAGE_CHARS) }));
    expect(validateClientMessage(huge)).toMatchObject({ ok: false, error: { code: 'out-of-range', field: 'message' } });
  });
});
