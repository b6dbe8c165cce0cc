import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../domain/audit/record';
import { openStore, type Store } from '../../store/database';
import { insertTarget, type EventTargetRow } from '../../store/events.repo';
import { insertAccount } from '../../store/identity.repo';
import { createSecretBox } from '../credentials/secret-box';
import { enqueueEventsFor } from './outbox';
import { EventsRuntime } from './runtime';
import { readEventsSettings } from './settings';

/** The enqueue step on its own: which calls make outbox rows, for which targets, with what event. */

const OWNER = '111122223333';
const CALLER = '444455556666';

function record(eventName: string, extra: Partial<AuditRecord> = {}): AuditRecord {
  return {
    eventVersion: '1.08',
    userIdentity: { type: 'Root', principalId: OWNER, arn: `arn:aws:iam::${OWNER}:root`, accountId: OWNER, accessKeyId: 'PLMBKEY' },
    eventTime: '2026-11-25T08:00:00Z',
    eventSource: 'wellarchitected.amazonaws.com',
    eventName,
    awsRegion: 'us-east-1',
    sourceIPAddress: '127.0.0.1',
    userAgent: 'test',
    requestParameters: { WorkloadId: 'abc', QuestionId: 'priorities' },
    responseElements: null,
    requestID: 'req',
    eventID: 'evt',
    readOnly: false,
    eventType: 'AwsApiCall',
    recipientAccountId: OWNER,
    resources: [`arn:aws:wellarchitected:us-east-1:${OWNER}:workload/abc`],
    ...extra,
  };
}

function target(id: string, accountId: string, pattern?: unknown): EventTargetRow {
  return {
    id, account_id: accountId, name: id, name_key: id, type: 'file', url: null, path: `${id}.ndjson`, secret_sealed: null,
    pattern: pattern === undefined ? null : JSON.stringify(pattern), enabled: 1, created_at: 0, updated_at: 0,
    last_attempt_at: null, last_status: null, last_error: null, last_success_at: null,
  };
}

describe('enqueueEventsFor', () => {
  let dir: string;
  let store: Store;
  const rows = () => store.db.selectFrom('event_outbox').selectAll().orderBy('target_id').execute();
  const enqueue = (r: AuditRecord, runtime?: EventsRuntime) => store.db.transaction().execute((trx) => enqueueEventsFor(trx, r, runtime));

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'plumbline-outbox-'));
    store = await openStore({ dataDir: dir });
    for (const id of [OWNER, CALLER]) await insertAccount(store.db, { id, organizationId: null, unitId: null, createdAt: 0 });
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes nothing while no target exists, nor for calls that are not event actions or that failed', async () => {
    await enqueue(record('UpdateAnswer'));
    await insertTarget(store.db, target('all-owner', OWNER));
    await enqueue(record('GetWorkload', { readOnly: true }));
    await enqueue(record('CreateProfile'));
    await enqueue(record('UpdateAnswer', { errorCode: 'ValidationException', errorMessage: 'no' }));
    expect(await rows()).toEqual([]);
  });

  it('writes one row per matching target of the receiving accounts, read from the store or from the runtime cache', async () => {
    await insertTarget(store.db, target('creates-owner', OWNER, { detail: { eventName: ['CreateWorkload'] } }));
    await insertTarget(store.db, target('all-caller', CALLER));
    const shared = record('UpdateAnswer', { userIdentity: { ...record('x').userIdentity, accountId: CALLER, arn: `arn:aws:iam::${CALLER}:root` } });

    await enqueue(shared);
    const uncached = await rows();
    expect(uncached.map((r) => r.target_id)).toEqual(['all-caller', 'all-owner']);
    const [toCaller, toOwner] = uncached.map((r) => JSON.parse(r.payload) as Record<string, unknown>);
    expect(toOwner).toMatchObject({ version: '0', source: 'aws.wellarchitected', 'detail-type': 'AWS API Call via CloudTrail', account: OWNER, time: shared.eventTime, region: 'us-east-1', detail: shared });
    expect(toOwner.resources).toEqual(shared.resources);
    expect(toCaller.account).toBe(CALLER);
    expect(toCaller.id).not.toBe(toOwner.id);
    expect(uncached.every((r) => r.status === 'PENDING' && r.attempts === 0 && r.event_name === 'UpdateAnswer')).toBe(true);

    await store.db.deleteFrom('event_outbox').execute();
    const runtime = new EventsRuntime(store, createSecretBox(Buffer.alloc(32)), readEventsSettings({}, dir), () => 5);
    await runtime.refresh();
    await enqueue(record('CreateWorkload'), runtime);
    expect((await rows()).map((r) => [r.target_id, r.created_at])).toEqual([['all-owner', 5], ['creates-owner', 5]]);
  });
});
