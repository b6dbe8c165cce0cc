import type { ServiceContext } from '../services/context';
import type { Principal } from '../services/principal';

/**
 * An operation handler: takes the bound, validated input of its operation and
 * calls its service. Parsing, validation and wire formatting happen around it.
 */
export type OperationHandler = (ctx: ServiceContext, principal: Principal, input: Record<string, unknown>) => Promise<unknown>;

export interface Operation {
  name: string;
  handle: OperationHandler;
}

export function defineOperation<I>(name: string, handle: (ctx: ServiceContext, principal: Principal, input: I) => Promise<unknown>): Operation {
  return { name, handle: handle as OperationHandler };
}
