// Global set-up of the e2e project: builds out/renderer once, before any e2e file starts, when
// it is missing or older than its sources. Two e2e files run side by side, and each host would
// otherwise build it on its own start, one build emptying the folder the other serves.
import { ensureRendererBuilt } from '../src/main/host/build-renderer';

export default async function setup(): Promise<void> {
  await ensureRendererBuilt(process.cwd(), 'auto', (line) => console.log(`e2e: ${line}`));
}
