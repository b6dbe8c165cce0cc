import { beforeAll, describe, expect, it } from 'vitest';
import { storeKinds, storeOfTests } from '../../test/support/stores';
import { emptyCounts } from '../domain/review/risk';
import type { Store } from './database';
import type { WorkloadRecord } from './records';
import { insertShare } from './shares.repo';
import { insertWorkload, listWorkloadPage, tallyWorkloadRisks, type WorkloadPageQuery } from './workloads.repo';

/**
 * The workload listing's keyset pages, own and shared workloads paged apart and merged by
 * the database, against the order one sort of everything gives; and the risk tally.
 */

const ME = '100000000001';
const THEM = '100000000002';
const ELSEWHERE = '100000000003';

const hex = (n: number) => n.toString(16).padStart(32, '0');

async function workload(store: Store, n: number, accountId: string, name: string, risks: { HIGH?: number; MEDIUM?: number } = {}) {
  const none = Object.fromEntries(['reviewOwner', 'architecturalDesign', 'industryType', 'industry', 'notes', 'discoveryConfig', 'jiraConfig'].map((k) => [k, null]));
  const empty = Object.fromEntries(['accountIds', 'awsRegions', 'nonAwsRegions', 'pillarPriorities', 'applications'].map((k) => [k, []]));
  const arn = `arn:aws:wellarchitected:us-east-1:${accountId}:workload/${hex(n)}`;
  const record = { ...none, ...empty, id: hex(n), accountId, arn, name, description: 'paging', environment: 'PRODUCTION', improvementStatus: 'NOT_APPLICABLE' };
  const times = { isReviewOwnerUpdateAcknowledged: false, riskCounts: { ...emptyCounts(), ...risks }, createdAt: n, updatedAt: n };
  await insertWorkload(store.db, { ...record, ...times } as WorkloadRecord, name);
  return { id: hex(n), name };
}

async function share(store: Store, n: number, workloadId: string, status: 'ACCEPTED' | 'PENDING') {
  await insertShare(store.db, {
    id: hex(1000 + n),
    invitationId: hex(1000 + n),
    resourceType: 'WORKLOAD',
    resourceId: workloadId,
    ownerAccountId: THEM,
    sharedWith: ME,
    recipientKind: 'ACCOUNT',
    recipientAccountId: ME,
    recipientUserName: null,
    permission: 'READONLY',
    status,
    invitedAt: n,
    createdAt: n,
    updatedAt: n,
  });
}

describe.each(storeKinds())('workload pages on %s', (kind) => {
  const opened = storeOfTests(kind, 'plumbline-paging-');
  /** What ME sees, in (name key, id) order. */
  const visible: Array<{ id: string; name: string }> = [];

  beforeAll(async () => {
    const { store } = opened;
    // Names (all already name keys) interleave own and shared; "same" is held by three accounts, so the id decides.
    let n = 0;
    for (const name of ['alpha', 'beta2', 'same', 'delta', 'betaone']) visible.push(await workload(store, ++n, ME, name, { HIGH: n % 2 }));
    for (const name of ['beta1', 'same', 'omega', 'aardvark']) {
      const w = await workload(store, ++n, THEM, name, { MEDIUM: 1 });
      await share(store, n, w.id, 'ACCEPTED');
      visible.push(w);
    }
    await share(store, ++n, (await workload(store, n, THEM, 'bpending', { HIGH: 1 })).id, 'PENDING');
    await workload(store, ++n, ELSEWHERE, 'same', { HIGH: 1 });
    await workload(store, ++n, THEM, 'alsonotshared');
    visible.sort((a, b) => (a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1));
  });

  async function everyPage(q: Omit<WorkloadPageQuery, 'after' | 'limit'>, limit: number) {
    const pages: string[][] = [];
    let after: WorkloadPageQuery['after'];
    for (;;) {
      const rows = await listWorkloadPage(opened.store.db, { ...q, after, limit: limit + 1 });
      pages.push(rows.slice(0, limit).map((r) => r.record.id));
      if (rows.length <= limit) return pages;
      const last = rows[limit - 1];
      after = { nameKey: last.nameKey, id: last.record.id };
    }
  }

  const withShares = { accountIds: [ME], sharedWith: { accountId: ME } };

  it('pages own and shared workloads together in (name, id) order at every page size', async () => {
    for (const limit of [1, 2, 3, 50]) {
      const pages = await everyPage(withShares, limit);
      expect(pages.flat()).toEqual(visible.map((w) => w.id));
      expect(pages.slice(0, -1).every((p) => p.length === limit)).toBe(true);
    }
  });

  it('pages only the own workloads without shares, and only those under a name prefix with them', async () => {
    expect((await everyPage({ accountIds: [ME] }, 2)).flat()).toEqual(visible.filter((w) => Number.parseInt(w.id, 16) <= 5).map((w) => w.id));
    const prefixed = (await everyPage({ ...withShares, namePrefixKey: 'beta' }, 1)).flat();
    expect(prefixed).toEqual(visible.filter((w) => w.name.startsWith('beta')).map((w) => w.id));
    expect(prefixed).toHaveLength(3);
  });

  it('tallies the same workloads by risk', async () => {
    expect(await tallyWorkloadRisks(opened.store.db, withShares)).toEqual({ total: 9, withHighRisks: 3, withMediumRisks: 4 });
    expect(await tallyWorkloadRisks(opened.store.db, { accountIds: [ME] })).toEqual({ total: 5, withHighRisks: 3, withMediumRisks: 0 });
    expect(await tallyWorkloadRisks(opened.store.db, { accountIds: ['100000000009'] })).toEqual({ total: 0, withHighRisks: 0, withMediumRisks: 0 });
  });
});
