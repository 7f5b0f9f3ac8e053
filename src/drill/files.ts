// Reading drills from disk (Node): the CLIs and the hosts share these so every host gives
// the same messages.
import { join } from 'node:path';
import { readCapped, CappedReadError } from '../replay/node';
import { fileURLToPath } from 'node:url';
import { DrillError, loadDrillText, type Drill } from './drill';

/** Where the shipped drills live (drills/ at the repository root). */
export const DRILLS_DIR = fileURLToPath(new URL('../../drills/', import.meta.url));

/** A drill is a page of JSON: the shipped ones are under 4 kB. */
export const MAX_DRILL_BYTES = 1024 * 1024;

export function readDrill(path: string): Drill {
  let text: string;
  try {
    text = readCapped(path, MAX_DRILL_BYTES).toString('utf8');
  } catch (e) {
    if (e instanceof CappedReadError) throw new DrillError(path, '(file)', e.message);
    throw e;
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
