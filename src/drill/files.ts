// Reading drills from disk (Node): the CLIs and the hosts share these so every host gives
// the same messages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DrillError, loadDrillText, type Drill } from './drill';

/** Where the shipped drills live (drills/ at the repository root). */
export const DRILLS_DIR = fileURLToPath(new URL('../../drills/', import.meta.url));

export function readDrill(path: string): Drill {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new DrillError(path, '(file)', `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return loadDrillText(text, path);
}

/** A drill by id (drills/<id>.json) or by path (anything ending in .json). */
export function findDrill(idOrPath: string, dir = DRILLS_DIR): Drill {
  if (idOrPath.endsWith('.json')) return readDrill(idOrPath);
  if (!/^[a-z0-9-]{1,60}$/.test(idOrPath)) throw new DrillError(idOrPath, 'id', 'is not a drill id (lower-case letters, digits and dashes)');
  const d = readDrill(join(dir, `${idOrPath}.json`));
  if (d.id !== idOrPath) throw new DrillError(join(dir, `${idOrPath}.json`), 'id', `is "${d.id}" but the file is named for "${idOrPath}"`);
  return d;
}
