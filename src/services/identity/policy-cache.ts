import { managedPolicyByArn, parsePolicy, type Policy } from '../../domain/iam';
import type { Store } from '../../store/database';
import { userPolicySources } from '../../store/identity.repo';
import type { CacheVersions } from '../caches/cache-versions';
import { NOT_CACHED, ScopedCache } from '../caches/scoped-cache';

/** The policies a user's calls are decided by: read in one query, kept until they change. */

export interface UserPolicies {
  policies: Policy[];
  /** False when every statement is on "*" with no resource-tag condition: no need to load the resource. */
  needsResource: boolean;
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

/**
 * The parsed policies of users, one query per user, kept until a policy or user
 * changes in any process (the 'policies' scope of CacheVersions). Built in buildApp,
 * carried by ServiceContext.
 */
export class PolicyCache {
  private readonly cache: ScopedCache<UserPolicies>;

  constructor(
    private readonly store: Store,
    versions: CacheVersions,
  ) {
    this.cache = new ScopedCache(versions, ['policies']);
  }

  async policiesOf(accountId: string, userName: string): Promise<UserPolicies> {
    const key = `${accountId}/${userName}`;
    const hit = this.cache.get(key);
    if (hit !== NOT_CACHED) return hit;
    const mark = this.cache.mark();
    const policies: Policy[] = [];
    for (const source of await userPolicySources(this.store.db, accountId, userName)) {
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
    this.cache.set(key, entry, mark);
    return entry;
  }
}
