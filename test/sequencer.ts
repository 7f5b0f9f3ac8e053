// The order files start in, two at a time. A fresh clone has no timings, so vitest would start
// the largest files first, and a long file starting late runs alone at the end. The files that
// take a minute or more on a quiet 2-core machine (CI, fresh clone) start first, longest first;
// then vitest's own order (slowest first once it has timings, largest first when not).
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const LONG = [
  'test/e2e/screens.test.ts',
  'test/sim/lessons.test.ts',
  'test/e2e/drill.test.ts',
  'test/e2e/sessions.test.ts',
  'test/e2e/supernode-storm.test.ts',
];

export class StormSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (s: TestSpecification) => {
      const i = LONG.indexOf(relative(s.project.config.root, s.moduleId).split('\\').join('/'));
      return i < 0 ? LONG.length : i;
    };
    return sorted.map((s, i) => ({ s, i })).sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i).map(({ s }) => s);
  }
}
