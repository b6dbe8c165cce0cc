/**
 * The API's error messages say exactly what failed for a program or a log; people are
 * told the same in their words here. A message no rule recognises is shown as sent.
 */

const DENIED = /^User: (\S+) is not authorized to perform: ([a-z-]+):(\w+) on resource: (.+)$/;

/** "CreateWorkload" → "create workload". */
export const actionWords = (action: string) => action.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** A refusal: which action, on what, and what to do about it; the action's IAM name kept for the administrator. */
export function deniedInWords(message: string): string | undefined {
  const m = DENIED.exec(message);
  if (!m) return undefined;
  const [, , service, action, resource] = m;
  const on = resource === '*' ? '' : ` on ${resource}`;
  return `You do not have permission to ${actionWords(action)}${on}. Ask your account's administrator to allow ${service}:${action}.`;
}

const NAME_CLASH = /^Workload \S+ already has a milestone named '(.*)' \(names ignore spaces and case\)$/s;
const WORKLOAD_CLASH = /^A workload named '(.*)' already exists \(names ignore spaces and case\)$/s;

/** A name already taken, without the resource ids the API's message carries. */
export function conflictInWords(message: string): string | undefined {
  const milestone = NAME_CLASH.exec(message);
  if (milestone) return `This workload already has a milestone named "${milestone[1]}". Choose another name (spaces and capitals do not make a name different).`;
  const workload = WORKLOAD_CLASH.exec(message);
  if (workload) return `You already have a workload named "${workload[1]}". Choose another name (spaces and capitals do not make a name different).`;
  return undefined;
}

const codePoints = (s: string) => [...s].length;

/** A length rule broken, in words: what to enter and how far off it is; undefined when the length is right. */
export function lengthProblem(value: string, min: number, max: number, what: string): string | undefined {
  const n = codePoints(value);
  if (n === 0 && min > 0) return `Enter ${what}.`;
  if (n < min) return `Enter at least ${min} characters for ${what} (${n === 1 ? 'there is 1' : `there are ${n}`}).`;
  if (n > max) return `Shorten ${what} to ${max} characters or fewer (${n - max} too many).`;
  return undefined;
}
