import { createHash } from 'node:crypto';
import { CreateWorkloadCommand, ListCheckDetailsCommand } from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../src/domain/audit/record';
import { loadBuiltinLenses } from '../../src/services/lenses/builtin-lenses';
import { adminCall, createTestUser, type Credentials } from '../support/identities';
import { ROOT_KEY, startServer, TEST_ACCOUNT, TEST_REGION, type TestServer } from '../support/server';
import { signedFetch, type RawResponse } from '../support/signed-fetch';
import { storeKinds } from '../support/stores';

/**
 * The checks import as an operation of Plumbline's model (ImportCheckResults):
 * its body is streamed to the service unread, checked against the SHA-256 the
 * signature covers as the bytes arrive, and bounded in size; like every call
 * it is authorized (plumbline:ImportCheckResults on the workload) and leaves
 * an audit record, allowed or refused.
 */

const CHOICE = 'sec_permissions_emergency_process';
const FRAMEWORK = loadBuiltinLenses().find((l) => l.alias === 'wellarchitected')!.current;
const QUESTION = [...FRAMEWORK.questions.values()].find((q) => q.choices.some((c) => c.id === CHOICE))!;
const MAX_BYTES = 4096;

const line = (checkId: string, status = 'ERROR') =>
  JSON.stringify({ CheckId: checkId, Status: status, AccountId: TEST_ACCOUNT, PracticeIds: [CHOICE], Resources: [{ Id: `arn:aws:s3:::${checkId}` }] });

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe.each(storeKinds())('ImportCheckResults through the pipeline (%s)', (kind) => {
  let server: TestServer;
  let workloadId: string;

  beforeAll(async () => {
    // Every refusal on its own record (repeats are otherwise folded into one per window).
    server = await startServer(kind, { PLUMBLINE_CHECKS_MAX_BYTES: String(MAX_BYTES), PLUMBLINE_AUDIT_REPEAT_WINDOW_SECONDS: '0' });
    const created = await server.client.send(
      new CreateWorkloadCommand({ WorkloadName: `Checks pipeline ${kind}`, Description: 'checks', Environment: 'PRODUCTION', AwsRegions: ['eu-west-1'], Lenses: ['wellarchitected'] }),
    );
    workloadId = created.WorkloadId!;
  });
  afterAll(() => server?.close());

  /** An import whose signature covers `signed`'s hash (or the header given), sending `sent`. */
  const importChecks = (sent: string, options: { signed?: string; hashHeader?: string; credentials?: Credentials } = {}) =>
    signedFetch(server.url, {
      method: 'POST',
      path: `/_plumbline/workloads/${workloadId}/checks/import`,
      query: { Format: 'JSONL', Source: 'Pipeline' },
      headers: { 'content-type': 'application/octet-stream', 'x-amz-content-sha256': options.hashHeader ?? sha256(options.signed ?? sent) },
      body: options.signed ?? sent,
      sentBody: sent,
      credentials: options.credentials ?? ROOT_KEY,
    });

  const checkIds = async () => {
    const { CheckDetails } = await server.client.send(
      new ListCheckDetailsCommand({ WorkloadId: workloadId, LensArn: FRAMEWORK.arn, PillarId: QUESTION.pillarId, QuestionId: QUESTION.id, ChoiceId: CHOICE }),
    );
    return (CheckDetails ?? []).map((d) => d.Id).sort();
  };

  const recordOf = async (response: RawResponse): Promise<AuditRecord> => {
    const requestId = response.headers.get('x-amzn-RequestId');
    const { Records } = await adminCall<{ Records: AuditRecord[] }>(server, { method: 'GET', path: '/audit', query: { EventName: 'ImportCheckResults', MaxResults: '1000' } });
    const record = Records.find((r) => r.requestID === requestId);
    expect(record, `the record of ${requestId}`).toBeDefined();
    return record!;
  };

  it('imports a file and records the call: the workload, the format and the hash it was signed with', async () => {
    const file = `${line('kept_one')}\n${line('kept_two', 'OKAY')}\n`;
    const response = await importChecks(file);
    expect(response.status, response.text).toBe(200);
    expect(response.json).toMatchObject({ WorkloadId: workloadId, Source: 'Pipeline', FindingsRead: 2, FindingsPlaced: 2 });
    expect(await checkIds()).toEqual(['kept_one', 'kept_two']);
    const record = await recordOf(response);
    expect(record).toMatchObject({
      eventName: 'ImportCheckResults',
      readOnly: false,
      userIdentity: { type: 'Root', accountId: TEST_ACCOUNT },
      requestParameters: { WorkloadId: workloadId, Format: 'JSONL', Source: 'Pipeline', Findings: { SHA256: sha256(file) } },
      resources: [`arn:aws:wellarchitected:${TEST_REGION}:${TEST_ACCOUNT}:workload/${workloadId}`],
    });
    expect(record.errorCode).toBeUndefined();
  });

  it('refuses a body that does not hash to the signed SHA-256, keeping nothing of it, and records the refusal', async () => {
    const signed = `${line('signed_check')}\n`;
    const tampered = `${line('tampered_check')}\n`;
    const response = await importChecks(tampered, { signed });
    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-ErrorType')).toBe('AccessDeniedException');
    expect(response.text).toContain('x-amz-content-sha256 header does not match the request body');
    // The whole file was read and would have been placed: only the hash stopped it.
    expect(await checkIds()).toEqual(['kept_one', 'kept_two']);
    expect(await recordOf(response)).toMatchObject({ errorCode: 'AccessDeniedException', requestParameters: { WorkloadId: workloadId, Findings: { SHA256: sha256(signed) } } });
  });

  it('refuses an unsigned payload and a body past PLUMBLINE_CHECKS_MAX_BYTES', async () => {
    const unsigned = await importChecks(line('unsigned_check'), { hashHeader: 'UNSIGNED-PAYLOAD' });
    expect(unsigned.status).toBe(400);
    expect(unsigned.json!.Message).toContain('UNSIGNED-PAYLOAD');
    const big = `${line('too_big')}\n`.repeat(Math.ceil(MAX_BYTES / line('too_big').length) + 1);
    const tooBig = await importChecks(big);
    expect(tooBig.status, tooBig.text).toBe(400);
    expect(tooBig.json!.Message).toContain(`larger than ${MAX_BYTES} bytes`);
    expect(await checkIds()).toEqual(['kept_one', 'kept_two']);
  });

  it('refuses a user whose policies do not allow plumbline:ImportCheckResults on the workload, and records it', async () => {
    const apiOnly = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['wellarchitected:*', 'plumbline:ListAuditRecords'], Resource: '*' }] };
    const user = await createTestUser(server, `checks-api-only-${kind}`, { inline: { api: apiOnly } });
    const denied = await importChecks(`${line('denied_check')}\n`, { credentials: user.credentials });
    expect(denied.status).toBe(403);
    expect(denied.json).toMatchObject({ Message: `User: ${user.arn} is not authorized to perform: plumbline:ImportCheckResults on resource: ${workloadId}` });
    expect(await recordOf(denied)).toMatchObject({ errorCode: 'AccessDeniedException', userIdentity: { type: 'IAMUser', userName: user.userName } });
    expect(await checkIds()).toEqual(['kept_one', 'kept_two']);

    // Allowed on that one workload's ARN, the same user imports.
    const arn = `arn:aws:wellarchitected:${TEST_REGION}:${TEST_ACCOUNT}:workload/${workloadId}`;
    const onWorkload = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'plumbline:ImportCheckResults', Resource: arn }] };
    await adminCall(server, { method: 'PUT', path: `/users/${user.userName}/policies/import`, body: { PolicyDocument: onWorkload } });
    const allowed = await importChecks(`${line('kept_one')}\n${line('kept_two')}\n${line('by_user')}\n`, { credentials: user.credentials });
    expect(allowed.status, allowed.text).toBe(200);
    expect(await checkIds()).toEqual(['by_user', 'kept_one', 'kept_two']);
  });
});
