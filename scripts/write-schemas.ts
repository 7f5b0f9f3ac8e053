// Writes docs/*.schema.json from the validators' specs, so the published schema and
// the checks can never disagree. Run: npx tsx scripts/write-schemas.ts
import { writeFileSync } from 'node:fs';
import { SCENARIO_SPEC } from '../src/sim/scenario';
import { toJsonSchema } from '../src/sim/schema';

const doc = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'supernode-storm/scenario.schema.json',
  title: 'Supernode Storm scenario',
  ...toJsonSchema(SCENARIO_SPEC),
};
writeFileSync(new URL('../docs/scenario.schema.json', import.meta.url), JSON.stringify(doc, null, 2) + '\n');
console.log('wrote docs/scenario.schema.json');
