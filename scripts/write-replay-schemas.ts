// Writes docs/replay.schema.json and docs/drill.schema.json from the validators' specs,
// so the published schemas and the checks can never disagree (test/schemas/published-schemas.test.ts
// fails if they drift). Run: npx tsx scripts/write-replay-schemas.ts
import { writeFileSync } from 'node:fs';
import { replayJsonSchema } from '../src/replay/validate';
import { drillJsonSchema } from '../src/drill/drill';

for (const [name, doc] of [['replay', replayJsonSchema()], ['drill', drillJsonSchema()]] as const) {
  writeFileSync(new URL(`../docs/${name}.schema.json`, import.meta.url), JSON.stringify(doc, null, 2) + '\n');
  console.log(`wrote docs/${name}.schema.json`);
}
