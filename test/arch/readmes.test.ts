// A newcomer opening any layer of src/ finds a README saying what lives there and what it may
// import (the rule scripts/check-imports.mjs enforces).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const LAYERS = ['sim', 'shared', 'replay', 'drill', 'debrief', 'main/session', 'main/host', 'main', 'preload', 'cli', 'renderer', 'renderer/bridge'];

describe('src/ READMEs', () => {
  it.each(LAYERS)('src/%s has a README that says what it may import', (dir) => {
    const file = join(process.cwd(), 'src', dir, 'README.md');
    expect(existsSync(file), file).toBe(true);
    expect(readFileSync(file, 'utf8')).toMatch(/\*\*May import:\*\*|Imports nothing\s+outside this folder/);
  });
});
