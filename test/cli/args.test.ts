// The one parser every command line uses: what a user typing a command would run into.
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError, wantsHelp } from '../../src/cli/args';

const KINDS = { out: 'string', hours: 'number', port: 'whole', force: 'flag' } as const;
const fails = (argv: string[]) => {
  try {
    parseArgs(argv, KINDS, ['file']);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`accepted ${argv.join(' ')}`);
};

describe('parseArgs', () => {
  it('reads options in both spellings, positionals anywhere, and types the numbers', () => {
    expect(parseArgs(['--out=r.html', 'a.skyreplay', '--hours', '2.5', '--force', '--port', '80'], KINDS, ['file'])).toEqual({
      out: 'r.html', file: 'a.skyreplay', hours: 2.5, force: true, port: 80,
    });
    expect(parseArgs(['--hours', '-3'], KINDS).hours).toBe(-3); // a range check gives the better message
    expect(parseArgs(['--', '--odd-name.skyreplay'], KINDS, ['file']).file).toBe('--odd-name.skyreplay');
  });

  it.each<[string[], string]>([
    [['--speed', '3'], 'unknown option --speed; known: --out --hours --port --force'],
    [['-x'], 'unknown option -x; known: --out --hours --port --force'],
    [['--out'], '--out needs a value'],
    [['--out', '--force'], '--out needs a value'],
    [['--hours', 'lots'], '--hours must be a number, got "lots"'],
    [['--hours='], '--hours must be a number, got ""'],
    [['--hours', 'Infinity'], '--hours must be a number, got "Infinity"'],
    [['--port', '8.5'], '--port must be a whole number, got "8.5"'],
    [['--force=yes'], '--force takes no value, got "yes"'],
    [['a', 'b'], 'unexpected argument "b"'],
    [['--constructor', 'x'], 'unknown option --constructor; known: --out --hours --port --force'],
  ])('%j: one line saying what is wrong', (argv, message) => {
    expect(fails(argv)).toBe(message);
  });

  it('sees --help and -h among options only, not as a value or after --', () => {
    expect(wantsHelp(['--help'])).toBe(true);
    expect(wantsHelp(['record', '-h'])).toBe(true);
    expect(wantsHelp(['--out', '-h'], KINDS)).toBe(false);
    expect(wantsHelp(['--', '--help'])).toBe(false);
  });
});
