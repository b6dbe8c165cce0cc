/**
 * Free text stays out of the audit trail: names, descriptions, notes, the
 * review owner and what was answered are written as `****`, as the user
 * guide's CloudTrail and EventBridge samples show (`"Name": "****"`,
 * `"SelectedChoices": "****"`, `"Answer": "****"`). Ids, ARNs, enums, numbers
 * and tags stay readable so records can be searched and events filtered.
 */

export const REDACTED = '****';

/** Member names (at any depth) whose values are free text or answers. */
const FREE_TEXT = new Set([
  'Name',
  'WorkloadName',
  'ResourceName',
  'Description',
  'ReviewOwner',
  'ArchitecturalDesign',
  'Notes',
  'LensNotes',
  'PillarNotes',
  'MilestoneName',
  'LensName',
  'ProfileName',
  'ProfileDescription',
  'TemplateName',
  // What was answered (the samples redact these whole).
  'SelectedChoices',
  'ChoiceUpdates',
  'SelectedChoiceIds',
  'Answer',
  // A lens file is free text from end to end.
  'JSONString',
  'LensJSON',
  // The CreateLensVersion sample redacts the version name.
  'LensVersion',
  // Plumbline's own operations: secrets never reach a record or an event.
  'Password',
  'SecretAccessKey',
  'SessionToken',
  'Secret',
  // An imported workload file, like a lens file.
  'WorkloadDocument',
]);

const isFreeText = (key: string) => FREE_TEXT.has(key) || key.endsWith('NamePrefix');

/** A copy of `value` with every free-text member replaced; the input is left as it was. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key in value as Record<string, unknown>) {
    const member = (value as Record<string, unknown>)[key];
    if (member === undefined) continue;
    out[key] = isFreeText(key) ? REDACTED : redact(member);
  }
  return out;
}

/** The redacted members of a request or response, or null when there are none (as CloudTrail writes it). */
export function redactedMembers(members: unknown): Record<string, unknown> | null {
  if (members === null || typeof members !== 'object' || Array.isArray(members)) return null;
  const out = redact(members) as Record<string, unknown>;
  for (const _ in out) return out;
  return null;
}
