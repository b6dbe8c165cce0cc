import type { AnswerReason } from '@aws-sdk/client-wellarchitected';

/** Why a question or a practice does not apply (AnswerReason and ChoiceReason share these values). */
export const REASON_OPTIONS: Array<{ value: AnswerReason; label: string }> = [
  { value: 'OUT_OF_SCOPE', label: 'Out of scope' },
  { value: 'BUSINESS_PRIORITIES', label: 'Business priorities' },
  { value: 'ARCHITECTURE_CONSTRAINTS', label: 'Architecture constraints' },
  { value: 'OTHER', label: 'Other' },
  { value: 'NONE', label: 'None' },
];

export const reasonOption = (reason: string | undefined) => REASON_OPTIONS.find((o) => o.value === reason) ?? null;

/** The problems of a failed save that belong to one request member or one practice (`ChoiceUpdates.<id>...`). */
export function problemsAt(fields: Array<{ Name: string; Message: string }>, prefix: string): string | undefined {
  const found = fields.filter((f) => f.Name === prefix || f.Name.startsWith(`${prefix}.`) || f.Name.startsWith(`${prefix}[`));
  return found.length ? found.map((f) => (f.Name === prefix ? f.Message : `${f.Name.slice(prefix.length + 1)}: ${f.Message}`)).join('; ') : undefined;
}
