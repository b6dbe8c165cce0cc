import { useMemo } from 'react';
import { allPages } from '../pages/commons/all-pages';
import { useSession } from '../pages/commons/session-context';
import { useLoad, type Loaded } from '../pages/commons/use-load';
import { isUnsigned, plumblineRequest, type PlumblineOperation } from './plumbline-operations';
import type { Session } from './session';
import { signedFetch, unsignedFetch } from './signed-fetch';

/**
 * Plumbline's own operations called by name, routed by the server's own model
 * (plumbline-operations.ts): `await plumbline('CreateUser', { UserName, Password })`.
 */

export type PlumblineCall = (operation: PlumblineOperation, input?: Record<string, unknown>) => Promise<any>;

/**
 * One call by operation name, for code that holds the session itself (outside a component).
 * It is signed with `session` unless the model says the operation takes no authentication.
 */
export function callPlumbline(session: Session | undefined, operation: PlumblineOperation, input: Record<string, unknown> = {}): Promise<any> {
  const request = plumblineRequest(operation, input);
  if (isUnsigned(operation)) return unsignedFetch(request.method, request.path, request.body);
  if (!session) throw new Error(`${operation} is signed: sign in first`);
  return signedFetch(session, request.method, request.path, { query: request.query, body: request.body });
}

/** Every item of a paged Plumbline list (`ListUsers` → `Users`), all pages, as a useLoad result. */
export function usePlumblineList<T>(operation: PlumblineOperation, member: string): Loaded<T[]> {
  const plumbline = usePlumbline();
  return useLoad<T[]>(() => allPages((NextToken) => plumbline(operation, { NextToken, MaxResults: 1000 }), (out) => out[member] as T[]), [plumbline, operation, member]);
}

/** `const plumbline = usePlumbline(); await plumbline('ListUsers', { MaxResults: 50 })`, signed with the session. */
export function usePlumbline(): PlumblineCall {
  const { session } = useSession();
  return useMemo(() => (operation: PlumblineOperation, input: Record<string, unknown> = {}) => callPlumbline(session, operation, input), [session]);
}
