import type { FieldProblem } from '../../domain/errors';

/** Name and value rules of the admin API, as IAM and Organizations have them. */

const IAM_NAME = /^[\w+=,.@-]+$/;

function named(field: string, value: unknown, max: number): FieldProblem[] {
  if (typeof value !== 'string' || value.length === 0) return [{ Name: field, Message: 'is required (a string)' }];
  if (value.length > max) return [{ Name: field, Message: `must be at most ${max} characters` }];
  if (!IAM_NAME.test(value)) return [{ Name: field, Message: 'may contain only letters, digits and + = , . @ _ -' }];
  return [];
}

export const userNameProblems = (value: unknown) => named('UserName', value, 64);
export const policyNameProblems = (value: unknown) => named('PolicyName', value, 128);

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export function passwordProblems(value: unknown, field = 'Password'): FieldProblem[] {
  if (typeof value !== 'string') return [{ Name: field, Message: 'is required (a string)' }];
  if (value.length < PASSWORD_MIN || value.length > PASSWORD_MAX) {
    return [{ Name: field, Message: `must be ${PASSWORD_MIN}-${PASSWORD_MAX} characters` }];
  }
  return [];
}

export { ACCOUNT_ID } from '../../domain/arn';
export const ORGANIZATION_ID = /^o-[a-z0-9]{10,32}$/;
export const ORGANIZATIONAL_UNIT_ID = /^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/;

export function patternProblems(field: string, value: unknown, pattern: RegExp, shape: string, required: boolean): FieldProblem[] {
  if (value === undefined && !required) return [];
  if (typeof value !== 'string' || !pattern.test(value)) return [{ Name: field, Message: `must be ${shape}` }];
  return [];
}
