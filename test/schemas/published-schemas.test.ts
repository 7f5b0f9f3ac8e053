// The published schemas (docs/*.schema.json) against the files we ship, under a standard
// validator (ajv, draft 2020-12): what an outside tool sees, not our own checker.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { drillJsonSchema } from '../../src/drill/drill';
import { replayJsonSchema } from '../../src/replay/validate';
import { SCENARIO_SPEC } from '../../src/sim/scenario';
import { toJsonSchema } from '../../src/sim/schema';
import { decodeReplay } from '../../src/replay/codec';

const readJson = (path: string): any => JSON.parse(readFileSync(path, 'utf8'));
const jsonFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => join(dir, f));
const compile = (name: string) => new Ajv2020({ strict: false, allErrors: true }).compile(readJson(`docs/${name}.schema.json`));

describe('published schemas', () => {
  it('match what the generators (scripts/write-*schemas.ts) write today', () => {
    expect(readJson('docs/drill.schema.json')).toEqual(drillJsonSchema());
    expect(readJson('docs/replay.schema.json')).toEqual(replayJsonSchema());
    expect(readJson('docs/scenario.schema.json')).toMatchObject(toJsonSchema(SCENARIO_SPEC));
  });

  it('accept every shipped drill and scenario', () => {
    const drill = compile('drill');
    const scenario = compile('scenario');
    const drills = jsonFiles('drills');
    const scenarios = jsonFiles('src/sim/scenarios');
    expect(drills.length).toBeGreaterThanOrEqual(3);
    expect(scenarios.length).toBeGreaterThanOrEqual(3);
    for (const f of drills) expect(drill(readJson(f)) ? 'valid' : drill.errors, f).toBe('valid');
    for (const f of scenarios) expect(scenario(readJson(f)) ? 'valid' : scenario.errors, f).toBe('valid');
  });

  it('accept a recorded replay', () => {
    const replay = compile('replay');
    const rec = decodeReplay(readFileSync('test/fixtures/dec-2010-historical-12h.skyreplay'), 'fixture');
    expect(replay(JSON.parse(JSON.stringify(rec))) ? 'valid' : replay.errors).toBe('valid');
  });

  it('reject an objective whose kind is not one of the known ones', () => {
    const drill = compile('drill');
    const d = readJson('drills/aug-2007-reboot-storm.json');
    expect(drill(d)).toBe(true);
    d.objectives[0].kind = 'winTheGame';
    expect(drill(d)).toBe(false);
    // A real kind with another kind's fields is refused too: the tag decides the variant.
    const e = readJson('drills/aug-2007-reboot-storm.json');
    const kinds = e.objectives.map((o: { kind: string }) => o.kind);
    const other = ['onlineShareBy', 'megaHoursAtMost', 'userHoursLostAtMost', 'recoveredBy', 'costAtMost'].find((k) => k !== kinds[0])!;
    e.objectives[0].kind = other;
    expect(drill(e)).toBe(false);
  });
});
