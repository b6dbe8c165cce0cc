import { managedPolicyByArn, parsePolicy, type Policy } from '../../domain/iam';
import type { Store } from '../../store/database';
import { userPolicySources } from '../../store/identity.repo';

/** The policies a user's calls are decided by: read in one query, kept briefly. */

export interface UserPolicies {
  policies: Policy[];
  /** False when every statement is on "*" with no resource-tag condition: no need to load the resource. */
  needsResource: boolean;
}

/** As long as signing keys are cached: changes made in another process apply within this time. */
const POLICY_CACHE_MS = 5_000;
const policyCaches = new WeakMap<Store, Map<string, { at: number; entry: UserPolicies }>>();
const cacheKey = (accountId: string, userName: string) => `${accountId}/${userName}`;

export function forgetUserPolicies(store: Store, accountId: string, userName: string): void {
  policyCaches.get(store)?.delete(cacheKey(accountId, userName));
}

function needsResource(policies: Policy[]): boolean {
  return policies.some((p) =>
    p.statements.some(
      (s) =>
        s.resource.negated ||
        s.resource.patterns.some((r) => r !== '*') ||
        s.conditions.some((c) => c.canonicalKey.startsWith('aws:resourcetag/') || c.values.some((v) => /resourcetag/i.test(v))),
    ),
  );
}

/** The parsed policies of a user: one query, then cached briefly. */
export async function policiesOf(store: Store, accountId: string, userName: string): Promise<UserPolicies> {
  let cache = policyCaches.get(store);
  if (!cache) policyCaches.set(store, (cache = new Map()));
  const key = cacheKey(accountId, userName);
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < POLICY_CACHE_MS) return hit.entry;
  const policies: Policy[] = [];
  for (const source of await userPolicySources(store.db, accountId, userName)) {
    if (source.kind === 'managed') {
      const managed = managedPolicyByArn(source.value);
      if (managed) policies.push(managed.policy);
      continue;
    }
    const parsed = parsePolicy(source.value);
    // Stored policies were validated; one that no longer parses grants nothing rather than failing every call.
    if (parsed.ok) policies.push(parsed.policy);
  }
  const entry = { policies, needsResource: needsResource(policies) };
  if (cache.size > 10_000) cache.clear();
  cache.set(key, { at: Date.now(), entry });
  return entry;
}
