/**
 * The error catalogue. Services and the domain throw these; the API layer writes
 * them to the wire in one place (src/api/error-writer.ts) using the model's shapes.
 */

export type ValidationReason = 'UNKNOWN_OPERATION' | 'CANNOT_PARSE' | 'FIELD_VALIDATION_FAILED' | 'OTHER';

export interface FieldProblem {
  Name: string;
  Message: string;
}

export abstract class ApiError extends Error {
  abstract readonly code: string;
  abstract readonly status: number;
  /** Members of the error shape besides Message. */
  members(): Record<string, unknown> {
    return {};
  }
}

export class ValidationError extends ApiError {
  readonly code = 'ValidationException';
  readonly status = 400;
  constructor(
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly reason: ValidationReason = fields.length > 0 ? 'FIELD_VALIDATION_FAILED' : 'OTHER',
  ) {
    super(message);
  }
  static fields(fields: FieldProblem[]): ValidationError {
    const summary = fields.map((f) => `${f.Name}: ${f.Message}`).join('; ');
    return new ValidationError(`${fields.length} validation error(s) detected: ${summary}`, fields);
  }
  static field(name: string, message: string): ValidationError {
    return ValidationError.fields([{ Name: name, Message: message }]);
  }
  members() {
    return { Reason: this.reason, ...(this.fields.length ? { Fields: this.fields } : {}) };
  }
}

/** The class of errors with this code and status about one resource, which they name in their ResourceId and ResourceType members. */
function resourceError<Code extends string>(code: Code, status: number) {
  return class extends ApiError {
    readonly code = code;
    readonly status = status;
    constructor(message: string, readonly resourceId: string, readonly resourceType: string) {
      super(message);
    }
    members() {
      return { ResourceId: this.resourceId, ResourceType: this.resourceType };
    }
  };
}

export class NotFoundError extends resourceError('ResourceNotFoundException', 404) {}

export class ConflictError extends resourceError('ConflictException', 409) {}

export class QuotaError extends ApiError {
  readonly code = 'ServiceQuotaExceededException';
  readonly status = 402;
  constructor(
    message: string,
    readonly quotaCode: string,
    readonly resourceType?: string,
    readonly resourceId?: string,
  ) {
    super(message);
  }
  members() {
    return {
      QuotaCode: this.quotaCode,
      ServiceCode: 'wellarchitected',
      ...(this.resourceId ? { ResourceId: this.resourceId } : {}),
      ...(this.resourceType ? { ResourceType: this.resourceType } : {}),
    };
  }
}

/**
 * The account-wide limit of one kind of resource reached: "An account can have at most
 * 100 profiles", quota code `profiles-per-account`.
 */
export function accountQuotaError(max: number, plural: string, resourceType: string): QuotaError {
  return new QuotaError(`An account can have at most ${max} ${plural}`, `${plural.replace(/ /g, '-')}-per-account`, resourceType);
}

export class AccessDeniedError extends ApiError {
  readonly code = 'AccessDeniedException';
  readonly status = 403;
}

export class ThrottlingError extends ApiError {
  readonly code = 'ThrottlingException';
  readonly status = 429;
  members() {
    return { ServiceCode: 'wellarchitected' };
  }
}
