// A file from outside has its size checked before it is read: a huge "replay", "journal" or
// "drill" is refused in one line naming the file, without filling memory first.
import { describe, expect, it, afterAll } from 'vitest';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, ftruncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readReplay, recoverJournal } from '../../src/replay/node';
import { readDrill, MAX_DRILL_BYTES } from '../../src/drill/files';
import { MAX_JSON_BYTES } from '../../src/replay/codec';
import { MAX_JOURNAL_BYTES } from '../../src/replay/journal';

const dir = mkdtempSync(join(tmpdir(), 'oversized-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A sparse file: its size on paper, no bytes on disk, so the test costs nothing. */
function sparse(name: string, bytes: number): string {
  const path = join(dir, name);
  const fd = openSync(path, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
  return path;
}

describe('files too large to be what they claim', () => {
  it('a replay over the limit is refused by size, naming the file', () => {
    const path = sparse('huge.skyreplay', MAX_JSON_BYTES + 1);
    expect(() => readReplay(path)).toThrow(/huge\.skyreplay.*over the [\d,]+-byte limit/);
  });

  it('a journal over the limit is refused by size', () => {
    const path = sparse('huge.journal', MAX_JOURNAL_BYTES + 1);
    expect(() => recoverJournal(path)).toThrow(/huge\.journal.*over the [\d,]+-byte limit/);
  });

  it('a drill over the limit is refused by size; one under it is read and judged on its content', () => {
    expect(() => readDrill(sparse('huge.json', MAX_DRILL_BYTES + 1))).toThrow(/huge\.json.*over the [\d,]+-byte limit/);
    const small = join(dir, 'small.json');
    writeFileSync(small, '{"id": 3}');
    expect(() => readDrill(small)).toThrow(/small\.json/);
    expect(() => readDrill(small)).not.toThrow(/byte limit/);
  });

  it('a folder or a missing file is one clear line, not a crash', () => {
    const folder = join(dir, 'a-folder.skyreplay');
    mkdirSync(folder);
    expect(() => readReplay(folder)).toThrow(/a-folder\.skyreplay.*is not a file/);
    expect(() => readDrill(join(dir, 'missing.json'))).toThrow(/missing\.json.*cannot be read \(ENOENT\)/);
  });
});
