import type { FieldProblem } from '../domain/errors';
import type { ServiceContext } from '../services/context';
import type { Principal } from '../services/principal';

/**
 * An operation handler: takes the bound, validated input of its operation and
 * calls its service. Parsing, validation and wire formatting happen around it.
 */
export type OperationHandler = (ctx: ServiceContext, principal: Principal, input: Record<string, unknown>) => Promise<unknown>;

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
}

export function defineOperation<I>(
  name: string,
  handle: (ctx: ServiceContext, principal: Principal, input: I) => Promise<unknown>,
  check?: (input: Partial<I>) => FieldProblem[],
  body?: BodyWriter,
): Operation {
  return { name, handle: handle as OperationHandler, check: check as OperationCheck | undefined, body };
}
