import { readFile } from 'node:fs/promises';
import { describeErrorResponse, signedFetch, UsageError, type ClientEnvironment } from './signed-request';

/**
 * `plumbline admin <verb> ... --endpoint-url URL`: the admin API from the shell.
 * Requests are signed with SigV4 from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY and
 * AWS_REGION, like any AWS tool; answers are printed as JSON on stdout, errors on
 * stderr with a non-zero exit code.
 */

type Location = 'path' | 'query' | 'body';

export interface Option {
  flag: string;
  member: string;
  required?: boolean;
  number?: boolean;
  /** Path members fill {Member} in the path; the rest go in the query (GET, DELETE) or the JSON body. */
  location?: Location;
  /** Like the AWS CLI: file://PATH reads the value from a file. */
  file?: boolean;
  /** The value is JSON text (or file://PATH of it), sent as the JSON it holds. */
  json?: boolean;
  /** The value is true or false. */
  boolean?: boolean;
}

export interface Verb {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  options: Option[];
  help: string;
}

const accountScope: Option = { flag: '--account-id', member: 'AccountId' };
const userName: Option = { flag: '--user-name', member: 'UserName', required: true };
const userInPath: Option = { ...userName, location: 'path' };
const paging: Option[] = [
  { flag: '--max-results', member: 'MaxResults', number: true },
  { flag: '--next-token', member: 'NextToken' },
];

const VERBS: Record<string, Verb> = {
  'create-account': {
    method: 'POST',
    path: '/accounts',
    options: [
      { flag: '--account-id', member: 'AccountId', required: true },
      { flag: '--organization-id', member: 'OrganizationId' },
      { flag: '--organizational-unit-id', member: 'OrganizationalUnitId' },
    ],
    help: 'create an account; prints its root credentials (default account root only)',
  },
  'list-accounts': { method: 'GET', path: '/accounts', options: paging, help: 'list accounts (default account root only)' },
  'create-organization': {
    method: 'POST',
    path: '/organizations',
    options: [{ flag: '--organization-id', member: 'OrganizationId' }],
    help: 'create an organization managed by the default account',
  },
  'create-organizational-unit': {
    method: 'POST',
    path: '/organizations/{OrganizationId}/units',
    options: [
      { flag: '--organization-id', member: 'OrganizationId', required: true, location: 'path' },
      { flag: '--name', member: 'Name', required: true },
      { flag: '--organizational-unit-id', member: 'OrganizationalUnitId' },
    ],
    help: 'create an organizational unit in an organization',
  },
  'create-user': {
    method: 'POST',
    path: '/users',
    options: [userName, { flag: '--password', member: 'Password' }, accountScope],
    help: 'create an IAM user (optionally with a console password)',
  },
  'delete-user': { method: 'DELETE', path: '/users/{UserName}', options: [userInPath, accountScope], help: 'delete a user with its keys and policies' },
  'list-users': { method: 'GET', path: '/users', options: [...paging, accountScope], help: "list the account's users" },
  'set-password': {
    method: 'PUT',
    path: '/users/{UserName}/password',
    options: [userInPath, { flag: '--password', member: 'Password', required: true }, accountScope],
    help: "set a user's console password (stored hashed)",
  },
  'create-access-key': { method: 'POST', path: '/users/{UserName}/access-keys', options: [userInPath, accountScope], help: 'create an access key; prints its secret once' },
  'list-access-keys': { method: 'GET', path: '/users/{UserName}/access-keys', options: [userInPath, ...paging, accountScope], help: "list a user's access keys" },
  'delete-access-key': {
    method: 'DELETE',
    path: '/users/{UserName}/access-keys/{AccessKeyId}',
    options: [userInPath, { flag: '--access-key-id', member: 'AccessKeyId', required: true, location: 'path' }, accountScope],
    help: 'delete an access key',
  },
  'put-user-policy': {
    method: 'PUT',
    path: '/users/{UserName}/policies/{PolicyName}',
    options: [
      userInPath,
      { flag: '--policy-name', member: 'PolicyName', required: true, location: 'path' },
      { flag: '--policy-document', member: 'PolicyDocument', required: true, file: true },
      accountScope,
    ],
    help: 'add or replace an inline policy (JSON text or file://PATH)',
  },
  'delete-user-policy': {
    method: 'DELETE',
    path: '/users/{UserName}/policies/{PolicyName}',
    options: [userInPath, { flag: '--policy-name', member: 'PolicyName', required: true, location: 'path' }, accountScope],
    help: 'remove an inline policy',
  },
  'list-user-policies': { method: 'GET', path: '/users/{UserName}/policies', options: [userInPath, accountScope], help: "list a user's inline and attached policies" },
  'attach-user-policy': {
    method: 'POST',
    path: '/users/{UserName}/attached-policies',
    options: [userInPath, { flag: '--policy-arn', member: 'PolicyArn', required: true }, accountScope],
    help: 'attach a managed policy (WellArchitectedConsoleFullAccess or ...ReadOnlyAccess ARN)',
  },
  'detach-user-policy': {
    method: 'DELETE',
    path: '/users/{UserName}/attached-policies',
    options: [userInPath, { flag: '--policy-arn', member: 'PolicyArn', required: true }, accountScope],
    help: 'detach a managed policy',
  },
};

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
  const members: Partial<Record<Location, Record<string, unknown>>> = {};
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
      if (!Number.isInteger(value)) throw new UsageError(`${option.flag} must be an integer`);
    }
    const location = option.location ?? (verb.method === 'GET' || verb.method === 'DELETE' ? 'query' : 'body');
    (members[location] ??= {})[option.member] = value;
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
  const path = verb.path.replace(/\{(\w+)\}/g, (_all, member: string) => encodeURIComponent(String(parsed.members.path?.[member])));
  const query = Object.fromEntries(Object.entries(parsed.members.query ?? {}).map(([k, v]) => [k, String(v)]));
  const body = verb.method === 'POST' || verb.method === 'PUT' ? JSON.stringify(parsed.members.body ?? {}) : undefined;
  let response: Response;
  try {
    response = await signedFetch(env, parsed.endpoint, verb.method, `/_plumbline/admin${path}`, query, body);
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
