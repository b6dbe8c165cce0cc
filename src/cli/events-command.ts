import { runVerbCommand, type Option, type Verb } from './admin-command';
import type { ClientEnvironment } from './signed-request';

/**
 * `plumbline events targets <verb> ...`: the event targets of an account (webhooks and
 * NDJSON files) through the admin API, signed like every admin call.
 */

const target: Option = { flag: '--target-id', member: 'TargetId', required: true };
const accountScope: Option = { flag: '--account-id', member: 'AccountId' };
const settings: Option[] = [
  { flag: '--name', member: 'Name' },
  { flag: '--url', member: 'Url' },
  { flag: '--path', member: 'Path' },
  { flag: '--secret', member: 'Secret' },
  { flag: '--pattern', member: 'Pattern', json: true },
  { flag: '--enabled', member: 'Enabled', boolean: true },
];
const paging: Option[] = [
  { flag: '--max-results', member: 'MaxResults', number: true },
  { flag: '--next-token', member: 'NextToken' },
];

const TARGET_VERBS: Record<string, Verb> = {
  create: {
    operation: 'CreateEventTarget',
    options: [{ flag: '--name', member: 'Name', required: true }, { flag: '--type', member: 'Type', required: true }, ...settings.slice(1), accountScope],
    help: 'add a webhook (--type webhook --url URL) or NDJSON file (--type file --path PATH) target; --pattern takes JSON or file://PATH; prints a webhook secret once',
  },
  list: { operation: 'ListEventTargets', options: [...paging, accountScope], help: "list the account's targets with their delivery state" },
  get: { operation: 'GetEventTarget', options: [target, accountScope], help: 'a target with its delivery state (backlog, failures, last attempt and error)' },
  update: {
    operation: 'UpdateEventTarget',
    options: [target, ...settings, accountScope],
    help: 'change a target; --pattern null removes its pattern',
  },
  delete: { operation: 'DeleteEventTarget', options: [target, accountScope], help: 'remove a target and its undelivered events' },
  deliveries: {
    operation: 'ListEventDeliveries',
    options: [target, ...paging, accountScope],
    help: "a target's deliveries, newest first: status, attempts, last error",
  },
  redrive: { operation: 'RedriveEventTarget', options: [target, accountScope], help: 'send again the deliveries given up on' },
};

/** Runs `plumbline events targets <verb>`; returns the exit code (0 done, 1 the call failed, 2 bad usage). */
export async function runEventsCommand(args: string[], out: (s: string) => void, err: (s: string) => void, env: ClientEnvironment): Promise<number> {
  const [group, ...rest] = args;
  if (group !== 'targets') {
    err('usage: plumbline events targets <verb> ... (plumbline events targets help)');
    return group === undefined || group === 'help' || group === '--help' ? 0 : 2;
  }
  return runVerbCommand('events targets', TARGET_VERBS, rest, out, err, env);
}
