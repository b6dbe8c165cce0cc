import model from '../../../src/api/model/plumbline-api.json';
import { requestOf, type ModelRequest } from '../../../src/api/model/request-of';

/**
 * Plumbline's own operations as the server's model describes them
 * (src/api/model/plumbline-api.json): the console names an operation, and its route,
 * query and body come from there, so no route is written out in the console.
 */

const operations = new Map(model.map((op) => [op.name, op]));

/** An operation's name in the model (`CreateUser`, `ListAuditRecords`, …). */
export type PlumblineOperation = (typeof model)[number]['name'];

/** The method, path, query and body of a call to `operation`, as the model places each member. */
export function plumblineRequest(operation: PlumblineOperation, input: Record<string, unknown> = {}): ModelRequest {
  const op = operations.get(operation);
  if (!op) throw new Error(`Plumbline has no operation ${operation}`);
  return requestOf(op, input);
}

/** Whether the model lets the operation be called unsigned (console sign-in: the credentials are the body). */
export const isUnsigned = (operation: PlumblineOperation): boolean => operations.get(operation)?.authentication === 'none';
