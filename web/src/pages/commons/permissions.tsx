import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { isRootSession } from '../../api/session';
import { callPlumbline } from '../../api/plumbline-client';
import { useSession } from './session-context';

/**
 * What the signed-in principal may do, known before acting: pages ask for the actions
 * their controls perform (on the page's resource), the server answers from the same
 * policy evaluation the calls themselves pass (SimulatePermissions),
 * and a control that would be refused is shown disabled with the reason on hover.
 *
 * Answers are kept for the session's life on this page load, by action and resource,
 * and the questions of one render are sent together.
 */

/** The resource an action is asked about, with the members the API call names it by. */
export type PermissionResource = Partial<Record<'WorkloadId' | 'LensAlias' | 'WorkloadArn' | 'ProfileArn' | 'TemplateArn' | 'ResourceArn', string>>;

type Decision = 'allowed' | 'denied';

interface PermissionsState {
  decisions: ReadonlyMap<string, Decision>;
  ask(actions: readonly string[], resource: PermissionResource): void;
}

const PermissionsContext = createContext<PermissionsState | undefined>(undefined);

const resourceKey = (resource: PermissionResource) => JSON.stringify(Object.entries(resource).filter(([, v]) => v).sort());
const decisionKey = (action: string, resource: PermissionResource) => `${action}|${resourceKey(resource)}`;

export function PermissionsProvider({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const root = isRootSession(session);
  const [decisions, setDecisions] = useState<ReadonlyMap<string, Decision>>(new Map());
  const asked = useRef(new Set<string>());
  const ask = useMemo(
    () => (actions: readonly string[], resource: PermissionResource) => {
      // The root user may do everything in its account: nothing to ask.
      if (root) return;
      const fresh = actions.filter((action) => !asked.current.has(decisionKey(action, resource)));
      if (fresh.length === 0) return;
      for (const action of fresh) asked.current.add(decisionKey(action, resource));
      const Resource = Object.fromEntries(Object.entries(resource).filter(([, v]) => v));
      callPlumbline(session, 'SimulatePermissions', { SimulationRequest: { ActionNames: fresh, Resource } })
        .then((out: { EvaluationResults: Array<{ EvalDecision: Decision }> }) =>
          setDecisions((current) => {
            const next = new Map(current);
            fresh.forEach((action, i) => next.set(decisionKey(action, resource), out.EvaluationResults[i]?.EvalDecision ?? 'denied'));
            return next;
          }),
        )
        // Unknown is treated as allowed: the call itself still decides, and says so if refused.
        .catch(() => fresh.forEach((action) => asked.current.delete(decisionKey(action, resource))));
    },
    [root, session],
  );
  const value = useMemo(() => ({ decisions, ask }), [decisions, ask]);
  return <PermissionsContext.Provider value={value}>{children}</PermissionsContext.Provider>;
}

/** "CreateWorkload" → "create workload", for the reason shown on a disabled control. */
const actionWords = (action: string) => action.replace(/^[a-z-]+:/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** Why a control is disabled when its action is denied, in words for the person in front of it. */
export const deniedReason = (action: string) =>
  `Your permissions do not allow you to ${actionWords(action)} (wellarchitected:${action.replace(/^[a-z-]+:/, '')}). Ask your account's administrator for access.`;

export interface Permission {
  /** False only once the server has said no; while asking, a control stays enabled. */
  allowed: boolean;
  /** For Button's disabledReason: set when not allowed. */
  reason?: string;
}

/**
 * The caller's permission for each action on `resource` (an empty resource asks about
 * calls that name none, such as CreateWorkload): `const can = usePermissions(['UpdateWorkload'], { WorkloadId })`,
 * then `<Button disabled={!can.UpdateWorkload.allowed} disabledReason={can.UpdateWorkload.reason}>`.
 */
export function usePermissions<A extends string>(actions: readonly A[], resource: PermissionResource = {}, ready = true): Record<A, Permission> {
  const state = useContext(PermissionsContext);
  const key = `${actions.join(',')}|${resourceKey(resource)}`;
  // `key` stands for actions and resource, which callers build anew on each render: the
  // latest of them is read through a ref so that only a change of `key` asks again.
  const latest = useRef({ actions, resource });
  latest.current = { actions, resource };
  useEffect(() => {
    if (ready) state?.ask(latest.current.actions, latest.current.resource);
  }, [state, key, ready]);
  const out = {} as Record<A, Permission>;
  for (const action of actions) {
    const allowed = state?.decisions.get(decisionKey(action, resource)) !== 'denied';
    out[action] = allowed ? { allowed } : { allowed, reason: deniedReason(action) };
  }
  return out;
}
