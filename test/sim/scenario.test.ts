import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getScenario, loadScenarioText, ScenarioError, SCENARIO_LIST } from '../../src/sim/index';
import { SCENARIO_SPEC } from '../../src/sim/scenario';
import { toJsonSchema } from '../../src/sim/schema';

const decText = readFileSync(new URL('../../src/sim/scenarios/dec-2010.json', import.meta.url), 'utf8');
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

  it('every number of the December scenario cites a source', () => {
    const o = JSON.parse(decText);
    expect(Object.keys(o._sources).length).toBeGreaterThan(15);
  });

  it.each([
    ['not JSON', '{"id": ', 'my.json: (file) is not valid JSON'],
    ['a missing field', edit((o) => delete o.population.peakConcurrent), 'my.json: population.peakConcurrent is missing'],
    ['a wrong type', edit((o) => (o.durationHours = 'two days')), 'my.json: durationHours must be a number'],
    ['a misspelt field', edit((o) => (o.supernodes.warmupMins = 5)), 'my.json: supernodes.warmupMins is not a known field'],
    ['shares that do not add up', edit((o) => (o.versions[0].share = 0.9)), 'my.json: versions shares must add up to 1'],
    ['a bad retry kind', edit((o) => (o.versions[0].retry = { kind: 'sometimes' })), 'my.json: versions[0].retry.kind must be one of tight, backoff'],
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
