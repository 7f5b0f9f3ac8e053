import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getScenario, loadScenarioText, ScenarioError, SCENARIO_LIST } from '../../src/sim/index';
import { SCENARIO_SPEC } from '../../src/sim/scenario';
import { toJsonSchema } from '../../src/sim/schema';

const scenarioText = (id: string) => readFileSync(new URL(`../../src/sim/scenarios/${id}.json`, import.meta.url), 'utf8');
const decText = scenarioText('dec-2010');
const edit = (f: (o: Record<string, any>) => void) => {
  const o = JSON.parse(decText);
  f(o);
  return JSON.stringify(o);
};

describe('scenario files', () => {
  it('ships dec-2010, aug-2007 and normal-day, all valid', () => {
    expect(SCENARIO_LIST.map((s) => s.id).sort()).toEqual(['aug-2007', 'dec-2010', 'normal-day']);
    for (const s of SCENARIO_LIST) expect(getScenario(s.id).id).toBe(s.id);
  });

  // A number is sourced by a note on its own path or on a parent ("services.login" covers
  // "services.login.capacityPerS"). The other scenarios say "everything else as in dec-2010":
  // that note covers a number only where it is dec-2010's number for the same thing (client
  // versions matched by id, not by place in the list).
  it.each(['dec-2010', 'aug-2007', 'normal-day'])('every number of %s cites a source, and none differs from dec-2010 silently', (id) => {
    const o = JSON.parse(scenarioText(id));
    const dec = new Map(numbersOf(JSON.parse(decText)).map((n) => [n.same, n.value]));
    const notes = Object.keys(o._sources);
    const cites = (path: string) => notes.some((k) => path === k || path.startsWith(`${k}.`) || path.startsWith(`${k}[`));
    const unsourced = numbersOf(o)
      .filter((n) => !cites(n.path) && !(id !== 'dec-2010' && dec.get(n.same) === n.value))
      .map((n) => n.path);
    expect(unsourced).toEqual([]);
  });

  it.each([
    ['not JSON', '{"id": ', 'my.json: (file) is not valid JSON'],
    ['a missing field', edit((o) => delete o.population.peakConcurrent), 'my.json: population.peakConcurrent is missing'],
    ['a wrong type', edit((o) => (o.durationHours = 'two days')), 'my.json: durationHours must be a number'],
    ['a misspelt field', edit((o) => (o.supernodes.warmupMins = 5)), 'my.json: supernodes.warmupMins is not a known field'],
    ['shares that do not add up', edit((o) => (o.versions[0].share = 0.9)), 'my.json: versions shares must add up to 1'],
    ['a bad retry kind', edit((o) => (o.versions[0].retry = { kind: 'sometimes' })), 'my.json: versions[0].retry.kind must be one of tight, backoff'],
    ['a source note past one sentence', edit((o) => (o.services.mega.cloud.note = 'x'.repeat(301))), 'my.json: services.mega.cloud.note'],
    ['an invalid timeline command', edit((o) => (o.timeline = [{ atMinute: 5, command: { type: 'serviceOutage', service: 'dns', fraction: 1 } }])), 'my.json: timeline[0].command.service'],
  ])('%s is refused with a message naming the file and field', (_, text, message) => {
    expect(() => loadScenarioText(text, 'my.json')).toThrow(ScenarioError);
    expect(() => loadScenarioText(text, 'my.json')).toThrow(message);
  });

  it('an unknown scenario names the known ones', () => {
    expect(() => getScenario('jan-2011')).toThrow(/dec-2010, aug-2007, normal-day/);
  });

  it('the published JSON Schema matches the validator', () => {
    const published = JSON.parse(readFileSync(new URL('../../docs/scenario.schema.json', import.meta.url), 'utf8'));
    const { $schema: _, $id: __, title: ___, ...body } = published;
    expect(body).toEqual(toJsonSchema(SCENARIO_SPEC));
  });
});

/**
 * Every number in a scenario file: its path as the notes name it ("versions[1].share") and the
 * same path with list items named by id ("versions[mac].share"), to compare across files.
 */
function numbersOf(o: unknown, path = '', same = ''): { path: string; same: string; value: number }[] {
  if (typeof o === 'number') return [{ path, same, value: o }];
  if (Array.isArray(o)) {
    return o.flatMap((v, i) => {
      const key = v !== null && typeof v === 'object' && typeof v.id === 'string' ? v.id : String(i);
      return numbersOf(v, `${path}[${i}]`, `${same}[${key}]`);
    });
  }
  if (o === null || typeof o !== 'object') return [];
  return Object.entries(o)
    .filter(([k]) => !k.startsWith('_'))
    .flatMap(([k, v]) => numbersOf(v, path ? `${path}.${k}` : k, same ? `${same}.${k}` : k));
}
