import { writeFile } from 'node:fs/promises';
import { describeErrorResponse, signedFetch, UsageError, type ClientEnvironment } from './signed-request';
import { operationByName } from '../api/model';
import { requestOf } from '../api/model/request-of';

/**
 * `plumbline export ...`: a lens review as CSV, Markdown or PDF, or a whole
 * workload as a JSON file for `plumbline import`. Calls Plumbline's export
 * endpoints signed with SigV4 from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.
 */

export const EXPORT_USAGE = `usage: plumbline export <what> [options] [--endpoint-url URL] [--output FILE]
  lens-review --workload-id ID --lens-alias ALIAS --format csv|markdown|pdf [--milestone-number N]
      a lens review's answers, notes, risks and improvement plan
  workload --workload-id ID [--milestone-number N]
      the whole workload as JSON, to import with 'plumbline import workload FILE'
  credentials: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY; region: AWS_REGION (or AWS_DEFAULT_REGION, default us-east-1);
  endpoint: --endpoint-url or AWS_ENDPOINT_URL; without --output the result goes to standard output`;

export { UsageError, type ClientEnvironment } from './signed-request';

/** `--flag value` pairs; every flag must be one of `allowed`. */
export function parseFlags(args: string[], allowed: readonly string[]): Map<string, string> {
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if (!flag.startsWith('--') || value === undefined) throw new UsageError(`expected --option value, got '${flag}'`);
    if (!allowed.includes(flag)) throw new UsageError(`unknown option ${flag}`);
    values.set(flag, value);
  }
  return values;
}

export function required(values: Map<string, string>, flag: string): string {
  const value = values.get(flag);
  if (value === undefined) throw new UsageError(`${flag} is required`);
  return value;
}

/**
 * A signed call of one of Plumbline's operations, routed by its model (a text
 * payload, an imported file, is sent as it is); errors come back described as
 * the API writes them.
 */
export async function signedCall(
  env: ClientEnvironment,
  endpointFlag: string | undefined,
  operation: string,
  input: Record<string, unknown>,
): Promise<{ ok: true; bytes: Buffer } | { ok: false; message: string }> {
  const request = requestOf(operationByName.get(operation)!, input);
  const body = request.body === undefined || typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
  let response: Response;
  try {
    response = await signedFetch(env, endpointFlag, request.method, request.path, request.query, body);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    return { ok: false, message: (error as Error).message };
  }
  const bytes = Buffer.from(await response.arrayBuffer());
  return response.ok ? { ok: true, bytes } : { ok: false, message: describeErrorResponse(response, bytes.toString('utf8')) };
}

const FORMATS: Record<string, string> = { csv: 'CSV', markdown: 'MARKDOWN', md: 'MARKDOWN', pdf: 'PDF' };

/** Runs `plumbline export`; returns the exit code (0 done, 1 the call failed, 2 bad usage). */
export async function runExportCommand(
  args: string[],
  out: (data: string | Uint8Array) => void,
  err: (s: string) => void,
  env: ClientEnvironment,
): Promise<number> {
  const [what, ...rest] = args;
  if (what === undefined || what === 'help' || what === '--help') return err(EXPORT_USAGE), what === undefined ? 2 : 0;
  try {
    let result: Awaited<ReturnType<typeof signedCall>>;
    let flags: Map<string, string>;
    if (what === 'lens-review') {
      flags = parseFlags(rest, ['--workload-id', '--lens-alias', '--format', '--milestone-number', '--endpoint-url', '--output']);
      const format = FORMATS[required(flags, '--format').toLowerCase()];
      if (!format) throw new UsageError('--format must be csv, markdown or pdf');
      const input = { WorkloadId: required(flags, '--workload-id'), LensAlias: required(flags, '--lens-alias'), Format: format, MilestoneNumber: flags.get('--milestone-number') };
      result = await signedCall(env, flags.get('--endpoint-url'), 'GetLensReviewExport', input);
    } else if (what === 'workload') {
      flags = parseFlags(rest, ['--workload-id', '--milestone-number', '--endpoint-url', '--output']);
      const input = { WorkloadId: required(flags, '--workload-id'), MilestoneNumber: flags.get('--milestone-number') };
      result = await signedCall(env, flags.get('--endpoint-url'), 'GetWorkloadExport', input);
    } else {
      throw new UsageError(`unknown export '${what}'`);
    }
    if (!result.ok) return err(`plumbline export ${what}: ${result.message}`), 1;
    const output = flags.get('--output');
    if (output) await writeFile(output, result.bytes);
    else out(result.bytes);
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`plumbline export ${what}: ${error.message}\n${EXPORT_USAGE}`);
    return 2;
  }
}
