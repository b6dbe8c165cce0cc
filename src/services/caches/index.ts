import type { Store } from '../../store/database';
import { SessionKeys } from '../console/session-keys';
import { SigningKeys, type SecretBox } from '../credentials/accounts.service';
import { PolicyCache } from '../identity/policy-cache';
import { CacheVersions } from './cache-versions';

/**
 * Every cache of state read from the store, built once in buildApp and carried by
 * ServiceContext; none lives in a module. `versions` keeps them current across
 * processes (cache-versions.ts). The lens catalog and the events runtime subscribe
 * to it as well.
 */
export interface Caches {
  versions: CacheVersions;
  signingKeys: SigningKeys;
  sessions: SessionKeys;
  policies: PolicyCache;
}

export function createCaches(store: Store, box: SecretBox, now: () => number, onError: (error: unknown) => void): Caches {
  const versions = new CacheVersions(store, onError);
  return {
    versions,
    signingKeys: new SigningKeys(store, box, versions),
    sessions: new SessionKeys(store, box, now, versions),
    policies: new PolicyCache(store, versions),
  };
}
