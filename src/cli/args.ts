// The one argument parser of every command line (sim, replay, debrief, the browser host):
// node:util parseArgs does the splitting; this module is strict about what it finds, so an
// unknown option, a missing value or a bad number is one line (a UsageError, exit 2).
import { realpathSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs as splitArgs } from 'node:util';
import { CappedReadError, readCapped } from '../replay/read-capped';

export class UsageError extends Error {}

/** Where a command line writes: the process's streams from its bin entry, strings in tests. */
export interface CliStreams {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** A command line as a function: argv (without node and the script) in, exit code out. */
export type Cli = (argv: string[], io: CliStreams) => number | Promise<number>;

/**
 * The bin entry: runs `cli` with the process's arguments and streams when the module at
 * `moduleUrl` (its import.meta.url) is the script node was started with, not when imported.
 */
export function runAsBin(moduleUrl: string, cli: Cli): void {
  if (!invokedDirectly(moduleUrl)) return;
  void Promise.resolve().then(() => cli(process.argv.slice(2), process)).then((code) => {
    process.exitCode = code;
  });
}

export function invokedDirectly(moduleUrl: string): boolean {
  try {
    return realpathSync(process.argv[1] ?? '') === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}

/** `number`: any finite number; `whole`: digits only (ports, seeds of the web host). */
export type ArgKind = 'string' | 'number' | 'whole' | 'flag';
export type ArgKinds = Readonly<Record<string, ArgKind>>;

type ValueOf<K extends ArgKind> = K extends 'flag' ? boolean : K extends 'string' ? string : number;
export type ParsedArgs<K extends ArgKinds, P extends string> = { [N in keyof K]?: ValueOf<K[N]> } & { [N in P]?: string };

/**
 * Options as `--name value` or `--name=value`, positionals anywhere (named by `positional`,
 * in order), `--` ends the options. A repeated option: the last one counts.
 */
export function parseArgs<K extends ArgKinds, P extends string = never>(
  argv: readonly string[],
  kinds: K,
  positional: readonly P[] = [],
): ParsedArgs<K, P> {
  const out: Record<string, string | number | boolean> = {};
  const rest: string[] = [];
  for (const t of tokensOf(argv, kinds)) {
    if (t.kind === 'positional') rest.push(t.value);
    if (t.kind !== 'option') continue;
    const kind = Object.hasOwn(kinds, t.name) ? kinds[t.name] : undefined;
    if (!kind) throw new UsageError(`unknown option ${t.rawName}; known: ${Object.keys(kinds).map((k) => '--' + k).join(' ') || 'none'}`);
    if (kind === 'flag') {
      if (t.value !== undefined) throw new UsageError(`--${t.name} takes no value, got "${t.value}"`);
      out[t.name] = true;
      continue;
    }
    // `--out --force`: the user forgot the value, not a file named "--force".
    if (t.value === undefined || (!t.inlineValue && t.value.startsWith('--'))) throw new UsageError(`--${t.name} needs a value`);
    out[t.name] = kind === 'string' ? t.value : numberOf(t.name, t.value, kind);
  }
  if (rest.length > positional.length) throw new UsageError(`unexpected argument "${rest[positional.length]}"`);
  positional.forEach((p, i) => {
    if (rest[i] !== undefined) out[p] = rest[i];
  });
  return out as ParsedArgs<K, P>;
}

/** `--help` or `-h` among the options (not a value, not after `--`): print usage, exit 0. */
export function wantsHelp(argv: readonly string[], kinds: ArgKinds = {}): boolean {
  return tokensOf(argv, kinds).some((t) => t.kind === 'option' && (t.rawName === '--help' || t.rawName === '-h'));
}

/** Longest scenario or action file a command line reads: as much JSON as a replay may hold. */
export const MAX_TEXT_FILE_BYTES = 64 * 2 ** 20;

/**
 * Reads a file the user named, its size checked first (a huge file never fills memory, a
 * folder or a pipe is never waited on); a missing, unreadable or oversized file is a usage
 * error, not a crash.
 */
export function readText(path: string): string {
  try {
    return readCapped(path, MAX_TEXT_FILE_BYTES).toString('utf8');
  } catch (e) {
    if (!(e instanceof CappedReadError)) throw e;
    throw new UsageError(`cannot read ${path}: ${e.message.replace(/^cannot be read \((.*)\)$/, '$1')}`);
  }
}

/**
 * An output file the user named (`flag` names it), checked before any work: a name, in a folder
 * that exists, not a folder itself. Otherwise the write failed at the end, naming a temp file.
 */
export function checkOutput(flag: string, path: string): void {
  if (path === '') throw new UsageError(`${flag} needs a file name`);
  const folder = dirname(path);
  const info = (p: string) => {
    try {
      return statSync(p);
    } catch {
      return null;
    }
  };
  if (!info(folder)?.isDirectory()) throw new UsageError(`cannot write ${path}: the folder ${folder} does not exist`);
  if (info(path)?.isDirectory()) throw new UsageError(`cannot write ${path}: it is a folder`);
}

function tokensOf(argv: readonly string[], kinds: ArgKinds) {
  // Non-strict: the checks above give our one-line messages instead of Node's.
  const options = Object.fromEntries(Object.entries(kinds).map(([name, kind]) => [name, { type: kind === 'flag' ? ('boolean' as const) : ('string' as const) }]));
  return splitArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true }).tokens;
}

function numberOf(name: string, text: string, kind: 'number' | 'whole'): number {
  if (kind === 'whole') {
    if (!/^\d{1,15}$/.test(text)) throw new UsageError(`--${name} must be a whole number, got "${text}"`);
    return Number(text);
  }
  const n = text.trim() === '' ? NaN : Number(text);
  if (!Number.isFinite(n)) throw new UsageError(`--${name} must be a number, got "${text}"`);
  return n;
}
