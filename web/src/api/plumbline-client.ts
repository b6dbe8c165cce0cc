import { useMemo } from 'react';
import model from '../../../src/api/model/plumbline-api.json';
import { requestOf } from '../../../src/api/model/request-of';
import { useSignedFetch } from './signed-fetch';

/**
 * Plumbline's own operations by name, routed by the server's own model
 * (src/api/model/plumbline-api.json), so the console never writes a route out:
 * `await plumbline('CreateUser', { UserName, Password })`.
 */

const operations = new Map(model.map((op) => [op.name, op]));

export type PlumblineCall = (operation: string, input?: Record<string, unknown>) => Promise<any>;

export function usePlumbline(): PlumblineCall {
  const call = useSignedFetch();
  return useMemo(
    () => (operation: string, input: Record<string, unknown> = {}) => {
      const op = operations.get(operation);
      if (!op) throw new Error(`Plumbline has no operation ${operation}`);
      const request = requestOf(op, input);
      return call(request.method, request.path, { query: request.query, body: request.body });
    },
    [call],
  );
}
