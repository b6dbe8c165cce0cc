import type { FieldProblem } from '../domain/errors';
import type { ServiceContext } from '../services/context';
import type { Principal } from '../services/principal';

/**
 * An operation handler: takes the bound, validated input of its operation and
 * calls its service. Parsing, validation and wire formatting happen around it.
 * It answers with a promise of the result, or with the result itself when the
 * service had it at once (UpdateAnswer as an immediate transaction).
 */
export type OperationHandler = (ctx: ServiceContext, principal: Principal, input: Record<string, unknown>) => unknown;

/**
 * Rules of the operation that need nothing but the request, so that one
 * ValidationException lists them together with the model's constraints. It sees
 * only the members that met the model's constraints.
 */
export type OperationCheck = (input: Record<string, unknown>) => FieldProblem[];

export interface Operation {
  name: string;
  handle: OperationHandler;
  check?: OperationCheck;
}

export function defineOperation<I>(
  name: string,
  handle: (ctx: ServiceContext, principal: Principal, input: I) => unknown,
  check?: (input: Partial<I>) => FieldProblem[],
): Operation {
  return { name, handle: handle as OperationHandler, check: check as OperationCheck | undefined };
}
