import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { operationByName } from '../api/model';
import { requestOf } from '../api/model/request-of';
import { parseFlags, required } from './export-command';
import { describeErrorResponse, signedFetch, UsageError, type ClientEnvironment } from './signed-request';

/**
 * `plumbline checks import`: a scanner's findings into a workload's checks,
 * streamed as the payload of the ImportCheckResults operation (routed by
 * Plumbline's model) with progress on standard error; the import's report
 * (placed and unplaced findings) on standard output.
 */

export const CHECKS_USAGE = `usage: plumbline checks import --workload-id ID FILE [--format prowler|jsonl] [--source NAME] [--endpoint-url URL]
  FILE: Prowler json-ocsf output (a JSON array) or JSON lines in Plumbline's generic format (README, "Checks from scanners");
  --format: taken from the file's first character when absent ('[' is Prowler); --source names the scanner (required for jsonl)
  credentials: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY; region: AWS_REGION; endpoint: --endpoint-url or AWS_ENDPOINT_URL`;

const FORMATS: Record<string, string> = { prowler: 'PROWLER_OCSF', 'prowler-ocsf': 'PROWLER_OCSF', ocsf: 'PROWLER_OCSF', jsonl: 'JSONL' };

/** '[' opens a Prowler file (a JSON array); anything else is read as JSON lines. */
async function sniffFormat(file: string): Promise<string> {
  const handle = await open(file);
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(256), 0, 256, 0);
    const first = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').trimStart()[0];
    return first === '[' ? 'PROWLER_OCSF' : 'JSONL';
  } finally {
    await handle.close();
  }
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;

/** The file's bytes, reporting how far the upload got at most every `everyMs`. */
async function* withProgress(file: string, size: number, report: (line: string) => void, everyMs = 500): AsyncIterable<Uint8Array> {
  let sent = 0;
  let last = 0;
  for await (const chunk of createReadStream(file)) {
    sent += (chunk as Buffer).length;
    const now = Date.now();
    if (now - last >= everyMs || sent === size) {
      last = now;
      report(`sent ${mb(sent)} of ${mb(size)} (${size ? Math.floor((sent / size) * 100) : 100}%)`);
    }
    yield chunk as Buffer;
  }
}

/** Runs `plumbline checks`; returns the exit code (0 done, 1 the call failed, 2 bad usage). */
export async function runChecksCommand(args: string[], out: (s: string) => void, err: (s: string) => void, env: ClientEnvironment): Promise<number> {
  const [what, ...rest] = args;
  if (what === undefined || what === 'help' || what === '--help') return err(CHECKS_USAGE), what === undefined ? 2 : 0;
  try {
    if (what !== 'import') throw new UsageError(`unknown checks command '${what}'`);
    const file = rest.find((arg, i) => !arg.startsWith('--') && (i === 0 || !rest[i - 1].startsWith('--')));
    if (!file) throw new UsageError('FILE is required');
    const flags = parseFlags(
      rest.filter((arg) => arg !== file),
      ['--workload-id', '--format', '--source', '--endpoint-url'],
    );
    const workloadId = required(flags, '--workload-id');
    const formatFlag = flags.get('--format');
    const format = formatFlag ? FORMATS[formatFlag.toLowerCase()] : await sniffFormat(file).catch(() => undefined);
    if (!format) throw new UsageError(formatFlag ? '--format must be prowler or jsonl' : `cannot read ${file}`);
    const { size } = await stat(file).catch(() => {
      throw new UsageError(`cannot read ${file}`);
    });
    err(`hashing ${file} (${mb(size)})`);
    const sha256 = await sha256Of(file);
    const source = flags.get('--source');
    const request = requestOf(operationByName.get('ImportCheckResults')!, { WorkloadId: workloadId, Format: format, Source: source, Findings: withProgress(file, size, err) });
    const response = await signedFetch(env, flags.get('--endpoint-url'), request.method, request.path, request.query, {
      sha256,
      stream: request.body as AsyncIterable<Uint8Array>,
    }).catch((error: unknown) => {
      if (error instanceof UsageError) throw error;
      return error as Error;
    });
    if (response instanceof Error) return err(`plumbline checks import: ${response.message}`), 1;
    err('sent; the server is placing the findings');
    const text = await response.text();
    if (!response.ok) return err(`plumbline checks import: ${describeErrorResponse(response, text)}`), 1;
    const result = JSON.parse(text) as { Notice?: string };
    out(JSON.stringify(result, null, 2));
    // Imported but hidden (the account's discovery switch is off): said where a person reads it.
    if (result.Notice) err(`note: ${result.Notice}`);
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`plumbline checks ${what}: ${error.message}\n${CHECKS_USAGE}`);
    return 2;
  }
}
