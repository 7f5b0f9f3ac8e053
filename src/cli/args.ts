import { readFileSync } from 'node:fs';

// A tiny, strict argument parser: unknown flags are errors, not silently ignored.
export class UsageError extends Error {}

export type ArgKinds = Record<string, 'string' | 'number' | 'flag'>;

export function parseArgs(argv: string[], kinds: ArgKinds, positional: string[] = []): Record<string, string | number | boolean | undefined> {
  const out: Record<string, string | number | boolean | undefined> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      rest.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split('=', 2);
    const kind = kinds[name];
    if (!kind) throw new UsageError(`unknown option --${name}; known: ${Object.keys(kinds).map((k) => '--' + k).join(' ')}`);
    if (kind === 'flag') {
      out[name] = true;
      continue;
    }
    const val = inline ?? argv[++i];
    if (val === undefined || (inline === undefined && val.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
    if (kind === 'number') {
      const n = Number(val);
      if (!Number.isFinite(n)) throw new UsageError(`--${name} must be a number, got "${val}"`);
      out[name] = n;
    } else out[name] = val;
  }
  if (rest.length > positional.length) throw new UsageError(`unexpected argument "${rest[positional.length]}"`);
  positional.forEach((p, i) => (out[p] = rest[i]));
  return out;
}

/** Reads a file the user named; a missing or unreadable file is a usage error, not a crash. */
export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** `--help` or `-h` anywhere: the caller prints its usage on stdout and exits 0. */
export function wantsHelp(argv: readonly string[]): boolean {
  return argv.includes('--help') || argv.includes('-h');
}
