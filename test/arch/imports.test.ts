// The layers run one way and nothing in src/ imports itself in a circle
// (scripts/check-imports.mjs; `npm test` runs this, so CI does).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { cyclesOf, importGraph, layerBreaks } from '../../scripts/check-imports.mjs';

const src = join(process.cwd(), 'src');
const f = (p: string) => join(src, p);

describe('imports in src/', () => {
  it('has no import cycle and no import against the layers', () => {
    const graph = importGraph();
    expect(graph.size).toBeGreaterThan(100);
    expect(cyclesOf(graph)).toEqual([]);
    expect(layerBreaks(graph)).toEqual([]);
  });

  it('finds a cycle and a backwards import when there is one', () => {
    const graph = new Map<string, Set<string>>([
      [f('drill/drill.ts'), new Set([f('shared/contract.ts')])],
      [f('shared/contract.ts'), new Set([f('drill/drill.ts')])],
      [f('renderer/main.ts'), new Set([f('replay/index.ts')])],
      [f('replay/index.ts'), new Set()],
    ]);
    expect(cyclesOf(graph)).toHaveLength(1);
    expect(layerBreaks(graph)).toEqual([
      [f('shared/contract.ts'), f('drill/drill.ts')],
      [f('renderer/main.ts'), f('replay/index.ts')],
    ]);
  });
});
