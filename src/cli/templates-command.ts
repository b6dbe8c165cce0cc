import { signedFetch, UsageError } from './signed-request';
import type { ClientEnvironment as AdminEnvironment } from './signed-request';
import { operationByName } from '../api/model';
import { requestOf } from '../api/model/request-of';

/**
 * `plumbline templates apply --template-arn ARN [--mode OVERWRITE|FILL] [--endpoint-url URL] WORKLOAD_ID...`:
 * a review template's answers and notes applied to existing workloads through
 * POST /_plumbline/templates/apply, signed with SigV4 from AWS_ACCESS_KEY_ID /
 * AWS_SECRET_ACCESS_KEY and AWS_REGION like any AWS tool.
 */

export const TEMPLATES_USAGE = [
  'usage: plumbline templates apply --template-arn ARN [--mode OVERWRITE|FILL] [--endpoint-url URL] WORKLOAD_ID...',
  '  OVERWRITE (default) replaces answers and notes with the template\'s; FILL only fills questions and notes still empty.',
  '  Credentials: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY; region: AWS_REGION (default us-east-1); endpoint: --endpoint-url or AWS_ENDPOINT_URL.',
].join('\n');

interface ApplyResponse {
  Results?: Array<{ WorkloadId: string; LensesAdded: string[]; AnswersUpdated: number }>;
  Message?: string;
  Fields?: Array<{ Name: string; Message: string }>;
}

function parse(args: string[]) {
  const options = new Map<string, string>();
  const workloadIds: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (['--template-arn', '--mode', '--endpoint-url'].includes(arg)) {
      const value = args[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      options.set(arg, value);
    } else if (arg.startsWith('--')) {
      throw new Error(`unknown option ${arg}`);
    } else {
      workloadIds.push(arg);
    }
  }
  if (!options.has('--template-arn')) throw new Error('--template-arn is required');
  if (!workloadIds.length) throw new Error('name at least one workload id');
  return { templateArn: options.get('--template-arn')!, mode: (options.get('--mode') ?? 'OVERWRITE').toUpperCase(), endpoint: options.get('--endpoint-url'), workloadIds };
}

/** Returns the exit code: 0 applied, 1 the call failed, 2 bad usage. */
export async function runTemplatesCommand(args: string[], out: (s: string) => void, err: (s: string) => void, env: AdminEnvironment): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand !== 'apply') return err(TEMPLATES_USAGE), subcommand === undefined || subcommand === 'help' ? 0 : 2;
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(rest);
  } catch (error) {
    err(`plumbline templates apply: ${(error as Error).message}\n${TEMPLATES_USAGE}`);
    return 2;
  }
  const request = requestOf(operationByName.get('ApplyReviewTemplate')!, { TemplateArn: parsed.templateArn, WorkloadIds: parsed.workloadIds, Mode: parsed.mode });
  let response: Response;
  try {
    response = await signedFetch(env, parsed.endpoint, request.method, request.path, request.query, JSON.stringify(request.body));
  } catch (error) {
    err(`plumbline templates apply: ${(error as Error).message}`);
    return error instanceof UsageError ? 2 : 1;
  }
  const json = (await response.json().catch(() => ({}))) as ApplyResponse;
  if (!response.ok) {
    err(`plumbline templates apply: ${response.headers.get('x-amzn-ErrorType') ?? `HTTP ${response.status}`}: ${json.Message ?? ''}`);
    for (const field of json.Fields ?? []) err(`  ${field.Name}: ${field.Message}`);
    return 1;
  }
  for (const r of json.Results ?? []) {
    const lenses = r.LensesAdded.length ? `; lenses applied: ${r.LensesAdded.join(', ')}` : '';
    out(`${r.WorkloadId}: ${r.AnswersUpdated} answer(s) updated${lenses}`);
  }
  return 0;
}
