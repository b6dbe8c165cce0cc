import type { FieldProblem } from './errors';

/** Names are unique ignoring spaces and capitalization (workloads, milestones). */
export const nameKey = (name: string): string => name.replace(/\s+/g, '').toLowerCase();

/** At least three characters that are not spaces, as the user guide asks of names. */
export function checkNameCharacters(field: string, name: string): FieldProblem[] {
  return name.replace(/\s+/g, '').length < 3
    ? [{ Name: field, Message: 'must contain at least 3 characters that are not spaces' }]
    : [];
}
