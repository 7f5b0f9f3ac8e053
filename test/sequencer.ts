// The order files start in: the browser files (each one Chromium, software-drawn, about a core)
// alternate with the rest, so on two cores a browser file mostly runs beside a Node-only file
// and not beside another browser file. Within each kind vitest's own order holds (slowest
// first when it has timings, largest first when not).
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const isBrowserFile = (s: TestSpecification) => s.project.name === 'e2e';

export class StormSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const browser = sorted.filter(isBrowserFile);
    const rest = sorted.filter((s) => !isBrowserFile(s));
    const out: TestSpecification[] = [];
    for (let i = 0; i < Math.max(browser.length, rest.length); i++) {
      if (i < browser.length) out.push(browser[i]);
      if (i < rest.length) out.push(rest[i]);
    }
    return out;
  }
}
