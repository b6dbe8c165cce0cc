import { expect } from 'vitest';

/**
 * What the SDK hands back for an error: the exception name, the HTTP status
 * and the members of the error shape (Reason, Fields, ResourceId, ...).
 */
export interface WireError extends Error {
  $metadata: { httpStatusCode?: number };
  Reason?: string;
  Fields?: Array<{ Name?: string; Message?: string }>;
  ResourceId?: string;
  ResourceType?: string;
  QuotaCode?: string;
  ServiceCode?: string;
}

export const ERROR_STATUS: Record<string, number> = {
  ValidationException: 400,
  ServiceQuotaExceededException: 402,
  AccessDeniedException: 403,
  ResourceNotFoundException: 404,
  ConflictException: 409,
  ThrottlingException: 429,
  InternalServerException: 500,
};

/** Awaits a call that must fail with the named error and its status; returns the error. */
export async function expectError(call: Promise<unknown>, name: keyof typeof ERROR_STATUS | string): Promise<WireError> {
  let caught: unknown;
  try {
    await call;
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected ${name}, but the call succeeded`).toBeInstanceOf(Error);
  const error = caught as WireError;
  expect(error.name, error.message).toBe(name);
  if (ERROR_STATUS[name] !== undefined) expect(error.$metadata?.httpStatusCode).toBe(ERROR_STATUS[name]);
  return error;
}

/** A ValidationException with FIELD_VALIDATION_FAILED and one entry per named field. */
export async function expectFieldErrors(call: Promise<unknown>, expected: Array<[name: string | RegExp, message: RegExp]>): Promise<WireError> {
  const error = await expectError(call, 'ValidationException');
  expect(error.Reason).toBe('FIELD_VALIDATION_FAILED');
  const fields = error.Fields ?? [];
  for (const [name, message] of expected) {
    const match = fields.find((f) => (typeof name === 'string' ? f.Name === name : name.test(f.Name ?? '')) && message.test(f.Message ?? ''));
    expect(match, `no field ${String(name)} with a message matching ${message} in ${JSON.stringify(fields)}`).toBeDefined();
  }
  return error;
}

export const fieldNames = (error: WireError) => (error.Fields ?? []).map((f) => f.Name);
