import { readFile } from 'node:fs/promises';
import { operationByName, plumblineOperations, type OperationModel } from '../api/model';
import { requestOf } from '../api/model/request-of';
import { describeErrorResponse, signedFetch, UsageError, type ClientEnvironment } from './signed-request';

/**
 * `plumbline admin <verb> ... --endpoint-url URL`: the admin API from the shell.
 * Requests are signed with SigV4 from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY and
 * AWS_REGION, like any AWS tool; answers are printed as JSON on stdout, errors on
 * stderr with a non-zero exit code.
 */

export interface Option {
  flag: string;
  member: string;
  required?: boolean;
  number?: boolean;
  /** Like the AWS CLI: file://PATH reads the value from a file. */
  file?: boolean;
  /** The value is JSON text (or file://PATH of it), sent as the JSON it holds. */
  json?: boolean;
  /** The value is true or false. */
  boolean?: boolean;
}

/** A verb calls one operation of Plumbline's model, which says where each member goes. */
export interface Verb {
  operation: string;
  options: Option[];
  help: string;
}

const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** A verb for every operation of the model's admin area: `CreateUser` is `create-user --user-name V [--password V] [--account-id V]`. */
function verbOf(op: OperationModel): Verb {
  const options = op.input.map(
    (member): Option => ({
      flag: `--${kebab(member.name)}`,
      member: member.name,
      required: member.required,
      number: member.type === 'integer' || member.type === 'long' || member.type === 'double',
      boolean: member.type === 'boolean',
      // Free-form members (a policy document) are sent as the text given, or the file's.
      file: member.type === 'document',
    }),
  );
  return { operation: op.name, options, help: op.documentation ?? op.name };
}

const VERBS: Record<string, Verb> = Object.fromEntries(plumblineOperations.filter((op) => op.area === 'admin').map((op) => [kebab(op.name), verbOf(op)]));

/** The usage text of a command made of verbs: one line of options and one of help per verb. */
export function verbsUsage(command: string, verbs: Record<string, Verb>): string {
  return [
    `usage: plumbline ${command} <verb> [options] --endpoint-url URL`,
    '  credentials: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY; region: AWS_REGION (or AWS_DEFAULT_REGION, default us-east-1)',
    ...Object.entries(verbs).map(([name, verb]) => `  ${name} ${verb.options.map((o) => (o.required ? `${o.flag} V` : `[${o.flag} V]`)).join(' ')}\n      ${verb.help}`),
  ].join('\n');
}

export const ADMIN_USAGE = verbsUsage('admin', VERBS);


async function parseArgs(verb: Verb, args: string[]) {
  const values = new Map<string, string>();
  const members: Record<string, unknown> = {};
  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    const equals = word.indexOf('=');
    // Both `--flag value` and `--flag=value`, as the AWS CLI takes them.
    const [flag, value] = equals > 0 ? [word.slice(0, equals), word.slice(equals + 1)] : [word, args[++i]];
    if (!flag.startsWith('--') || value === undefined) throw new UsageError(`expected --option value, got '${word}'`);
    values.set(flag, value);
  }
  const endpoint = values.get('--endpoint-url');
  values.delete('--endpoint-url');
  for (const option of verb.options) {
    let value: unknown = values.get(option.flag);
    values.delete(option.flag);
    if (value === undefined) {
      if (option.required) throw new UsageError(`${option.flag} is required`);
      continue;
    }
    if ((option.file || option.json) && (value as string).startsWith('file://')) value = await readFile((value as string).slice('file://'.length), 'utf8');
    if (option.json) {
      try {
        value = JSON.parse(value as string);
      } catch (error) {
        throw new UsageError(`${option.flag} must be JSON text or file://PATH of it: ${(error as Error).message}`);
      }
    }
    if (option.boolean) {
      if (value !== 'true' && value !== 'false') throw new UsageError(`${option.flag} must be true or false`);
      value = value === 'true';
    }
    if (option.number) {
      value = Number(value);
      if (!Number.isFinite(value)) throw new UsageError(`${option.flag} must be a number`);
    }
    members[option.member] = value;
  }
  if (values.size) throw new UsageError(`unknown option ${[...values.keys()].join(', ')}`);
  return { endpoint, members };
}

export type AdminEnvironment = ClientEnvironment;

/** Runs one admin verb; returns the exit code (0 done, 1 the call failed, 2 bad usage). */
export function runAdminCommand(args: string[], out: (s: string) => void, err: (s: string) => void, env: AdminEnvironment): Promise<number> {
  return runVerbCommand('admin', VERBS, args, out, err, env);
}

/** Runs one verb of a command whose verbs call the admin API; returns the exit code (0 done, 1 the call failed, 2 bad usage). */
export async function runVerbCommand(
  command: string,
  verbs: Record<string, Verb>,
  args: string[],
  out: (s: string) => void,
  err: (s: string) => void,
  env: AdminEnvironment,
): Promise<number> {
  const usage = verbsUsage(command, verbs);
  const [name, ...rest] = args;
  const verb = name === undefined ? undefined : verbs[name];
  if (!verb) {
    err(name === undefined || name === 'help' || name === '--help' ? usage : `plumbline ${command}: unknown verb '${name}'\n${usage}`);
    return name === undefined || name === 'help' || name === '--help' ? 0 : 2;
  }
  let parsed: Awaited<ReturnType<typeof parseArgs>>;
  try {
    parsed = await parseArgs(verb, rest);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`plumbline ${command} ${name}: ${error.message}`);
    return 2;
  }
  const request = requestOf(operationByName.get(verb.operation)!, parsed.members);
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  let response: Response;
  try {
    response = await signedFetch(env, parsed.endpoint, request.method, request.path, request.query, body);
  } catch (error) {
    err(`plumbline ${command} ${name}: ${(error as Error).message}`);
    return error instanceof UsageError ? 2 : 1;
  }
  const text = await response.text();
  if (!response.ok) {
    err(`plumbline ${command} ${name}: ${describeErrorResponse(response, text)}`);
    return 1;
  }
  let json: unknown = {};
  try {
    json = JSON.parse(text);
  } catch {
    json = {};
  }
  out(JSON.stringify(json, null, 2));
  return 0;
}
