import type { FastifyRequest } from 'fastify';
import type { FieldProblem } from '../domain/errors';
import type { AuditContext } from '../services/audit/lookup.service';
import type { AuditCall } from '../services/audit/call';
import type { ConsoleContext } from '../services/console/sign-in.service';
import type { Principal } from '../services/principal';

/**
 * What every operation handler is given: the service context with the
 * collaborators Plumbline's own operations need besides it (the secret box and
 * the default account for administration, the audit trail for lookups, the
 * console's session settings and sign-in throttles). Built once in buildApp.
 */
export type OperationContext = AuditContext & ConsoleContext;

/**
 * An operation handler: takes the bound, validated input of its operation and
 * calls its service. Parsing, validation and wire formatting happen around it.
 * `call` is the call as the audit trail follows it, for the few handlers that
 * must say who the caller turned out to be (an unsigned sign-in).
 */
export type OperationHandler = (ctx: OperationContext, principal: Principal, input: Record<string, unknown>, call: AuditCall) => Promise<unknown>;

/**
 * Rules of the operation that need nothing but the request, so that one
 * ValidationException lists them together with the model's constraints. It sees
 * only the members that met the model's constraints.
 */
export type OperationCheck = (input: Record<string, unknown>) => FieldProblem[];

/** Writes a result's JSON body faster than JSON.stringify would (./answer-body.ts); the same JSON. */
export type BodyWriter = (result: unknown) => string | Buffer;

export interface Operation {
  name: string;
  handle: OperationHandler;
  check?: OperationCheck;
  body?: BodyWriter;
  /** Checks of the HTTP request itself, before its input is bound (the unsigned console sign-in's content type and origin). */
  guard?: (request: FastifyRequest) => void;
}

export function defineOperation<I>(
  name: string,
  handle: (ctx: OperationContext, principal: Principal, input: I, call: AuditCall) => Promise<unknown>,
  check?: (input: Partial<I>) => FieldProblem[],
  body?: BodyWriter,
): Operation {
  return { name, handle: handle as OperationHandler, check: check as OperationCheck | undefined, body };
}

/**
 * An answer sent as these bytes with this content type (a CSV or PDF export, a
 * pretty-printed workload file, a sign-in that must not be cached), and what
 * its audit record keeps of it (nothing unless given).
 */
export class RawAnswer {
  constructor(
    readonly contentType: string,
    readonly body: string | Buffer,
    readonly headers: Record<string, string> = {},
    readonly audited?: unknown,
  ) {}
}
