import { readFile } from 'node:fs/promises';
import { parseFlags, signedCall, UsageError, type ClientEnvironment } from './export-command';

/** `plumbline import workload FILE`: a file from `plumbline export workload` becomes a new workload. */

export const IMPORT_USAGE = `usage: plumbline import workload FILE [--workload-name NAME] [--endpoint-url URL]
  creates a new workload from a file written by 'plumbline export workload' (answers, notes and
  risks as in the file; --workload-name names it, as names are unique in an account); prints its id and ARN`;

/** Runs `plumbline import`; returns the exit code (0 done, 1 the call failed, 2 bad usage). */
export async function runImportCommand(args: string[], out: (s: string) => void, err: (s: string) => void, env: ClientEnvironment): Promise<number> {
  const [what, file, ...rest] = args;
  if (what === undefined || what === 'help' || what === '--help') return err(IMPORT_USAGE), what === undefined ? 2 : 0;
  try {
    if (what !== 'workload') throw new UsageError(`unknown import '${what}'`);
    if (file === undefined || file.startsWith('--')) throw new UsageError('the file to import is required');
    const flags = parseFlags(rest, ['--workload-name', '--endpoint-url']);
    let body: string;
    try {
      body = await readFile(file, 'utf8');
    } catch (error) {
      return err(`plumbline import workload: cannot read ${file}: ${(error as Error).message}`), 1;
    }
    const name = flags.get('--workload-name');
    const result = await signedCall(env, flags.get('--endpoint-url'), 'ImportWorkload', { WorkloadName: name, WorkloadDocument: body });
    if (!result.ok) return err(`plumbline import workload: ${result.message}`), 1;
    out(JSON.stringify(JSON.parse(result.bytes.toString('utf8')), null, 2));
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`plumbline import ${what}: ${error.message}\n${IMPORT_USAGE}`);
    return 2;
  }
}
