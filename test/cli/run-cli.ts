// A command line run in-process, as its bin entry runs it (src/cli/args.ts runAsBin): argv
// in; exit code, stdout and stderr out, shaped like spawnSync's answer. test/cli/bin.test.ts
// proves once per command that the bin entry really runs this function.
import type { Cli } from '../../src/cli/args';

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

export async function runCli(cli: Cli, args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const status = await cli(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { status, stdout, stderr };
}
